package okta

// Redirects: which the SDK follows.

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// refuseUnsafeRedirects returns the CheckRedirect of the SDK's copy of the
// configured client (the caller's own client is not changed). It refuses,
// with ErrRedirectRefused, a redirect
//
//   - to another origin than the org's (scheme, host, port) of a request that
//     has a body: a 307 or 308 would send it again, with its client secret or
//     provisioning token, and a 301, 302 or 303 would take another origin's
//     answer to a write as Okta's;
//   - from https to http, for any request: what was private goes in clear.
//
// A redirect it allows goes on to next, the configured client's own
// CheckRedirect (nil: at most 10 redirects, as net/http does). The
// credentials never cross origins either way: authTransport adds them to
// requests for the org's origin only.
func refuseUnsafeRedirects(org *url.URL, next func(*http.Request, []*http.Request) error) func(*http.Request, []*http.Request) error {
	return func(req *http.Request, via []*http.Request) error {
		prev, first := via[len(via)-1], via[0]
		switch {
		case strings.EqualFold(prev.URL.Scheme, "https") && !strings.EqualFold(req.URL.Scheme, "https"):
			return redirectRefused(req, prev, "it leaves https")
		case hasBody(first) && !sameOrigin(req.URL, org):
			return redirectRefused(req, prev, "the request has a body, and the target is not the org's origin")
		}
		if next != nil {
			return next(req, via)
		}
		if len(via) >= 10 {
			return errors.New("stopped after 10 redirects")
		}
		return nil
	}
}

// hasBody reports whether r was sent with a body.
func hasBody(r *http.Request) bool {
	return r.ContentLength != 0 || r.GetBody != nil || (r.Body != nil && r.Body != http.NoBody)
}

// redirectRefused names the refused redirect by its status and origins; the
// paths and queries are left out (a cursor, the caller's data).
func redirectRefused(req, prev *http.Request, why string) error {
	status := "a redirect"
	if req.Response != nil {
		status = req.Response.Status
		if status == "" {
			status = fmt.Sprint(req.Response.StatusCode)
		}
	}
	return fmt.Errorf("%w: %s from %s to %s: %s", ErrRedirectRefused,
		excerptString(status, 64), origin(prev.URL), excerptString(origin(req.URL), 200), why)
}

// origin is u's scheme://host[:port].
func origin(u *url.URL) string { return u.Scheme + "://" + u.Host }
