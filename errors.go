package okta

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
)

// Sentinel errors for errors.Is. An *Error matches the one for its status code;
// requests the SDK refuses before sending match ErrInvalidRequest.
var (
	ErrInvalidRequest = errors.New("okta: invalid request")   // 400, or refused before sending
	ErrUnauthorized   = errors.New("okta: unauthorized")      // 401
	ErrForbidden      = errors.New("okta: forbidden")         // 403
	ErrNotFound       = errors.New("okta: not found")         // 404
	ErrRateLimited    = errors.New("okta: rate limited")      // 429
	ErrConfiguration  = errors.New("okta: bad configuration") // NewConfiguration refused a setting

	// ErrCrossOriginLink is yielded by an ...All iterator whose next-page link
	// points away from the org's origin: it is never requested.
	ErrCrossOriginLink = errors.New("okta: next-page link leaves the org's origin")

	// ErrRedirectRefused fails a call whose answer was a redirect the SDK does
	// not follow: one that would send the request's body (a client secret, a
	// provisioning token, a password) to another origin than the org's, and
	// one from https to plain http. The message names the redirect's status
	// and the two origins. It is never retried.
	ErrRedirectRefused = errors.New("okta: redirect refused")
)

// ErrorCause is one entry of an Okta error's errorCauses list.
type ErrorCause struct {
	ErrorSummary string `json:"errorSummary"`
	wire
}

// Error is a non-2xx response from Okta. Use errors.As to get one, and errors.Is
// with ErrNotFound, ErrUnauthorized, ErrForbidden, ErrRateLimited or
// ErrInvalidRequest to test its kind.
type Error struct {
	StatusCode   int          // HTTP status code
	ErrorCode    string       // Okta's code, such as "E0000007"
	ErrorSummary string       // Okta's description
	ErrorLink    string       // Okta's errorLink
	ErrorID      string       // Okta's errorId, for Okta support
	ErrorCauses  []ErrorCause // details, such as each invalid property of a 400
	// RequiredScope is, for a 403 answered to an OAuth 2.0 access token that
	// lacks a scope, the scope (or space-separated scopes) the operation
	// needs, from the WWW-Authenticate header. Grant it to the service app
	// and add it to the configured scopes.
	RequiredScope string
	RequestID     string // X-Okta-Request-Id of the response
	// Response is the failed response (the last one, after retries); its body
	// is consumed and its Request holds no credential (see Response).
	Response *Response
	// Body is the response body as read, at most 64 KiB, with the client's
	// own credentials and the shapes of secrets (tokens, client secrets,
	// passwords a server echoes back) replaced by [REDACTED].
	Body []byte

	method, path string // the request, for the message (no query: it is the caller's data)
	cause        error  // why a 2xx body could not be used, if that is the error
}

// Unwrap returns the decoding error of a 2xx response whose body was not the
// JSON expected (a *SyntaxError or *TypeError), and nil otherwise.
func (e *Error) Unwrap() error { return e.cause }

// errorBody is Okta's error document.
type errorBody struct {
	ErrorCode    string       `json:"errorCode"`
	ErrorSummary string       `json:"errorSummary"`
	ErrorLink    string       `json:"errorLink"`
	ErrorID      string       `json:"errorId"`
	ErrorCauses  []ErrorCause `json:"errorCauses"`
	wire
}

// Error describes the failure in one line of bounded length. Everything the
// server sent is shown through excerpt: control characters escaped, secret
// shapes removed, each piece cut to its bound, at most maxShownCauses causes.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("okta: ")
	if e.method != "" {
		b.WriteString(e.method + " " + e.path + ": ")
	}
	b.WriteString(strconv.Itoa(e.StatusCode))
	if text := http.StatusText(e.StatusCode); text != "" {
		b.WriteString(" " + text)
	}
	if e.ErrorCode != "" {
		b.WriteString(": " + excerptString(e.ErrorCode, 64))
	}
	if e.ErrorSummary != "" {
		b.WriteString(": " + excerptString(e.ErrorSummary, 300))
	}
	e.writeCauses(&b)
	if e.RequiredScope != "" {
		b.WriteString(" (the access token lacks the scope " + excerptString(e.RequiredScope, 200) + ")")
	}
	if e.ErrorCode == "" && e.ErrorSummary == "" && len(e.Body) > 0 {
		b.WriteString(": body: " + excerpt(e.Body, 200))
	}
	if e.RequestID != "" {
		b.WriteString(" [request id " + excerptString(e.RequestID, 64) + "]")
	}
	return b.String()
}

// maxShownCauses bounds how many errorCauses Error shows.
const maxShownCauses = 5

func (e *Error) writeCauses(b *strings.Builder) {
	shown, more := 0, 0
	for _, c := range e.ErrorCauses {
		switch {
		case c.ErrorSummary == "":
		case shown == maxShownCauses:
			more++
		default:
			if shown == 0 {
				b.WriteString(" (")
			} else {
				b.WriteString("; ")
			}
			b.WriteString(excerptString(c.ErrorSummary, 200))
			shown++
		}
	}
	if more > 0 {
		fmt.Fprintf(b, "; and %d more", more)
	}
	if shown > 0 {
		b.WriteString(")")
	}
}

// Is reports whether the error matches one of the sentinel errors by status.
func (e *Error) Is(target error) bool { return statusIs(e.StatusCode, target) }

// statusIs reports whether an HTTP status is the one a sentinel error stands
// for.
func statusIs(status int, target error) bool {
	switch target {
	case ErrInvalidRequest:
		return status == http.StatusBadRequest
	case ErrUnauthorized:
		return status == http.StatusUnauthorized
	case ErrForbidden:
		return status == http.StatusForbidden
	case ErrNotFound:
		return status == http.StatusNotFound
	case ErrRateLimited:
		return status == http.StatusTooManyRequests
	}
	return false
}

// maxErrorBody bounds how much of an error response is read.
const maxErrorBody = 64 << 10

// newError builds an *Error from a non-2xx response whose body (at most
// maxErrorBody bytes) was read into body. The client's own credentials are
// removed from the body, and the secret shapes too from the texts taken from
// it: a server that echoes the request is not a way to print a secret.
func newError(s *scrubber, method, path string, resp *Response, body []byte) *Error {
	e := &Error{
		StatusCode: resp.StatusCode,
		RequestID:  resp.RequestID,
		Response:   resp,
		Body:       s.bytes(body),
		method:     method,
		path:       path,
	}
	var eb errorBody
	if len(body) > 0 && unmarshalModel(body, &eb) == nil {
		e.ErrorCode, e.ErrorSummary = s.text(eb.ErrorCode), s.text(eb.ErrorSummary)
		e.ErrorLink, e.ErrorID = s.text(eb.ErrorLink), s.text(eb.ErrorID)
		e.ErrorCauses = eb.ErrorCauses
		for i := range e.ErrorCauses {
			e.ErrorCauses[i].ErrorSummary = s.text(e.ErrorCauses[i].ErrorSummary)
		}
	}
	if resp.Response != nil && resp.StatusCode == http.StatusForbidden && challengeError(resp.Header) == "insufficient_scope" {
		e.RequiredScope = excerpt([]byte(challengeParam(resp.Header, "scope")), 200)
	}
	return e
}

// excerptString is excerpt of a string.
func excerptString(s string, n int) string { return excerpt([]byte(s), n) }

// callError is every failure of a call that is not an answer from Okta: the
// request could not be sent, its answer could not be read, a wait was cut
// short. It reads "okta: METHOD PATH: stage: cause" and unwraps to the cause,
// so errors.Is and errors.As see context.Canceled, a *net.OpError, an
// *OAuthError or ErrRateLimited through it. The cause's text is shown as an
// answer's is: escaped, scrubbed and bounded.
type callError struct {
	method, path string
	stage        string // what failed, such as "reading the response"; "" for sending
	err          error
	scrub        *scrubber
}

func (e *callError) Error() string {
	var b strings.Builder
	b.WriteString("okta: " + e.method + " " + e.path + ": ")
	if e.stage != "" {
		b.WriteString(e.stage + ": ")
	}
	b.WriteString(excerptString(e.scrub.text(e.err.Error()), 1024))
	return b.String()
}

func (e *callError) Unwrap() error { return e.err }

// invalid is a request refused before sending.
func invalid(op, format string, args ...any) error {
	return fmt.Errorf("%w: %s: %s", ErrInvalidRequest, op, fmt.Sprintf(format, args...))
}
