package okta

import (
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"unicode/utf8"
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
	RequestID     string    // X-Okta-Request-Id of the response
	Response      *Response // the failed response (the last one, after retries); its body is consumed
	Body          []byte    // the response body as read, at most 64 KiB

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

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("okta: ")
	if e.method != "" {
		fmt.Fprintf(&b, "%s %s: ", e.method, e.path)
	}
	b.WriteString(strconv.Itoa(e.StatusCode))
	if text := http.StatusText(e.StatusCode); text != "" {
		b.WriteString(" " + text)
	}
	if e.ErrorCode != "" {
		b.WriteString(": " + e.ErrorCode)
	}
	if e.ErrorSummary != "" {
		b.WriteString(": " + e.ErrorSummary)
	}
	var causes []string
	for _, c := range e.ErrorCauses {
		if c.ErrorSummary != "" {
			causes = append(causes, c.ErrorSummary)
		}
	}
	if len(causes) > 0 {
		b.WriteString(" (" + strings.Join(causes, "; ") + ")")
	}
	if e.RequiredScope != "" {
		b.WriteString(" (the access token lacks the scope " + e.RequiredScope + ")")
	}
	if e.ErrorCode == "" && e.ErrorSummary == "" && len(e.Body) > 0 {
		b.WriteString(": body: " + excerpt(e.Body, 200))
	}
	if e.RequestID != "" {
		b.WriteString(" [request id " + e.RequestID + "]")
	}
	return b.String()
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
// maxErrorBody bytes) was read into body.
func newError(method, path string, resp *Response, body []byte) *Error {
	e := &Error{
		StatusCode: resp.StatusCode,
		RequestID:  resp.RequestID,
		Response:   resp,
		Body:       body,
		method:     method,
		path:       path,
	}
	var eb errorBody
	if len(body) > 0 && unmarshalModel(body, &eb) == nil {
		e.ErrorCode, e.ErrorSummary, e.ErrorLink, e.ErrorID = eb.ErrorCode, eb.ErrorSummary, eb.ErrorLink, eb.ErrorID
		e.ErrorCauses = eb.ErrorCauses
	}
	if resp.Response != nil && resp.StatusCode == http.StatusForbidden && challengeError(resp.Header) == "insufficient_scope" {
		e.RequiredScope = excerpt([]byte(challengeParam(resp.Header, "scope")), 200)
	}
	return e
}

// excerpt returns at most n bytes of b as printable, single-line text.
func excerpt(b []byte, n int) string {
	s := strings.ToValidUTF8(string(b), "\uFFFD")
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > n {
		cut := n
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut] + "…"
	}
	return s
}

// invalid is a request refused before sending.
func invalid(op, format string, args ...any) error {
	return fmt.Errorf("%w: %s: %s", ErrInvalidRequest, op, fmt.Sprintf(format, args...))
}
