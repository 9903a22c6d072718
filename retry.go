package okta

import (
	"errors"
	"net"
	"net/http"
	"time"
)

// RetryPolicy says which failed attempts are sent again and how long the SDK
// may wait before one. The default (DefaultRetryPolicy) is safe for writes:
//
//   - 429 Too Many Requests: any method is retried, after Okta's reset. Okta
//     did not process the request.
//   - 500, 502, 503 and 504, and connection failures: only idempotent methods
//     (GET, PUT, DELETE) are retried. A POST that may have reached Okta is
//     never sent twice: it could create a second app.
//   - A request that never reached the API is retried whatever its method:
//     the connection could not be made, or the access token for it could not
//     be had (the token endpoint answered 429 or 5xx, or could not be
//     reached). Nothing was sent, so nothing can be done twice. A token
//     endpoint that refuses the credentials (any other 4xx) is not retried.
//   - A redirect the SDK refuses (ErrRedirectRefused), a body over
//     WithMaxResponseBytes and an informational (1xx) answer are never
//     retried: the same request gets the same answer.
//
// Waits follow X-Rate-Limit-Reset (429 only), then Retry-After, then a capped,
// jittered exponential backoff; none outlasts the context's deadline.
type RetryPolicy struct {
	// MaxRetries is how many times one call is retried; 0 turns retries off.
	MaxRetries int
	// MaxWait is the longest the SDK waits before one retry; a longer wait
	// (a reset far away) returns the error instead. Zero means 2 minutes.
	MaxWait time.Duration
	// Decide, if set, makes the final decision for each failed attempt. It is
	// given the attempt and the policy's own decision, and is not consulted once
	// MaxRetries is reached.
	Decide func(a RetryAttempt, retry bool) bool
}

// RetryAttempt describes a failed attempt for RetryPolicy.Decide.
type RetryAttempt struct {
	Op     string // the operation, such as "createApplication"
	Method string // HTTP method
	// Retries counts the retries before this attempt: 0 for the first. An
	// attempt repeated only to authorize again (a refused access token, a new
	// DPoP nonce) is not a retry and is not counted.
	Retries    int
	StatusCode int       // the response's status, or 0 if no response came
	Response   *Response // the response, or nil
	Err        error     // the transport error when no response came
}

// DefaultRetryPolicy returns the policy a Configuration has unless
// WithRetryPolicy or WithMaxRetries change it.
func DefaultRetryPolicy() RetryPolicy {
	return RetryPolicy{MaxRetries: DefaultMaxRetries, MaxWait: 2 * time.Minute}
}

// decide reports whether a failed attempt is tried again.
func (p RetryPolicy) decide(a RetryAttempt) bool {
	if a.Retries >= p.MaxRetries {
		return false
	}
	retry := false
	switch {
	case a.StatusCode == http.StatusTooManyRequests:
		retry = true
	case a.StatusCode == http.StatusInternalServerError, a.StatusCode == http.StatusBadGateway,
		a.StatusCode == http.StatusServiceUnavailable, a.StatusCode == http.StatusGatewayTimeout:
		retry = idempotent(a.Method)
	case a.Err != nil:
		retry = idempotent(a.Method) || neverSent(a.Err)
	}
	if p.Decide != nil {
		retry = p.Decide(a, retry)
	}
	return retry
}

func (p RetryPolicy) maxWait() time.Duration {
	if p.MaxWait <= 0 {
		return 2 * time.Minute
	}
	return p.MaxWait
}

func idempotent(method string) bool {
	switch method {
	case http.MethodGet, http.MethodHead, http.MethodOptions, http.MethodPut, http.MethodDelete:
		return true
	}
	return false
}

// neverSent reports whether a transport error happened before any byte of the
// request could reach the API: the connection was never made, or the
// authorizer failed to get an access token (an *OAuthError: the auth
// transport authorizes a request before handing it to the connection, so a
// token endpoint failure means the API request was not written).
func neverSent(err error) bool {
	var oe *OAuthError
	if errors.As(err, &oe) {
		return true
	}
	var op *net.OpError
	if errors.As(err, &op) && op.Op == "dial" {
		return true
	}
	var dns *net.DNSError
	return errors.As(err, &dns)
}
