package okta

import (
	"fmt"
	"net/http"
	"strings"
)

// OAuthError is a failed request to the org's token endpoint
// (POST /oauth2/v1/token), or an answer there that holds no usable token. Use
// errors.As to get one. errors.Is matches ErrInvalidRequest (400),
// ErrUnauthorized (401) and ErrForbidden (403), as it does for *Error.
type OAuthError struct {
	StatusCode       int    // HTTP status of the answer; 0 when none came
	ErrorCode        string // the "error" member, such as "invalid_client"
	ErrorDescription string // the "error_description" member
	RequestID        string // X-Okta-Request-Id of the answer
	Err              error  // what failed on this side (network, signing, decoding), if anything
}

func (e *OAuthError) Error() string {
	var b strings.Builder
	b.WriteString("access token request")
	if e.StatusCode != 0 {
		fmt.Fprintf(&b, ": %d %s", e.StatusCode, http.StatusText(e.StatusCode))
	}
	if e.ErrorCode != "" {
		b.WriteString(": " + e.ErrorCode)
	}
	if e.ErrorDescription != "" {
		b.WriteString(": " + excerpt([]byte(e.ErrorDescription), 300))
	}
	if e.Err != nil {
		b.WriteString(": " + e.Err.Error())
	}
	if e.RequestID != "" {
		b.WriteString(" [request id " + e.RequestID + "]")
	}
	return b.String()
}

// Unwrap returns the failure on this side, if any.
func (e *OAuthError) Unwrap() error { return e.Err }

// Is reports whether the error matches one of the sentinel errors by status.
func (e *OAuthError) Is(target error) bool { return statusIs(e.StatusCode, target) }
