package okta

// The auth transport: credentials on requests for the org's origin only, and
// the authorizers that put them there (SSWS here; OAuth 2.0 in
// auth_authorizer.go).

import (
	"net/http"
	"net/url"
	"strings"
)

// authTransport adds the credentials to requests for the org's origin and to no
// others: a redirect or a link to another scheme, host or port goes out without
// them, whatever the wrapped client's own redirect rules are.
type authTransport struct {
	base   http.RoundTripper
	origin *url.URL
	auth   authorizer
}

// authorizer puts credentials on requests for the org's origin. The transport
// calls authorize and observe for each attempt it authorizes; the do loop calls
// retry. Nothing here reads the credentials back from a request or a response:
// what the SDK hands back to its caller carries none (see RoundTrip).
type authorizer interface {
	// authorize adds credentials to r, one attempt about to be sent: each
	// attempt, retries and redirects included, is authorized anew (so each
	// gets its own DPoP proof). It uses r's context to fetch a token. It
	// returns the access token it sent ("" when it sent none that can be
	// refused and replaced), which the transport passes to observe.
	authorize(r *http.Request) (sent string, err error)
	// observe looks at the answer to an attempt authorized with sent, before
	// the transport hands it back: it notes a DPoP nonce and drops the
	// cached token if the server refused it and it is still the one cached.
	observe(resp *http.Response, sent string)
	// retry says why one more attempt, authorized anew, would succeed where
	// the one answered by resp failed, or 0. It reads only resp's status and
	// headers (never resp.Request) and changes nothing.
	retry(resp *http.Response) authRetry
}

// authRetry is why an attempt refused by the server is worth repeating.
type authRetry uint8

const (
	retryToken authRetry = 1 << iota // the access token was refused: get a new one
	retryNonce                       // the server wants a DPoP proof with its new nonce
)

// sswsAuth returns the Authorization header for the API token, made once. It
// is a func for the reason Configuration.apiToken is: fmt prints a func as an
// address, whatever the verb and however deeply an APIClient is nested.
type sswsAuth func() string

func newSSWSAuth(token func() string) sswsAuth {
	header := "SSWS " + token()
	return func() string { return header }
}

func (a sswsAuth) authorize(r *http.Request) (string, error) {
	r.Header.Set("Authorization", a())
	return "", nil // an API token is never replaced
}

func (sswsAuth) observe(*http.Response, string) {}
func (sswsAuth) retry(*http.Response) authRetry { return 0 }

// RoundTrip sends a clone of req, with the credentials when it goes to the
// org's origin and without any otherwise. The response it returns names req,
// not the clone, as its Request: no value the SDK hands back holds a
// credential, however it is printed or logged.
func (t *authTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	r := req.Clone(req.Context())
	authorized := sameOrigin(req.URL, t.origin)
	sent := ""
	if authorized {
		var err error
		if sent, err = t.auth.authorize(r); err != nil {
			if req.Body != nil {
				req.Body.Close()
			}
			return nil, err
		}
	} else {
		r.Header.Del("Authorization")
		r.Header.Del("DPoP")
	}
	resp, err := t.base.RoundTrip(r)
	if resp == nil {
		return nil, err
	}
	if authorized {
		t.auth.observe(resp, sent)
	}
	// The SDK resolves Link headers against Request; a caller's transport
	// need not set it (fakes and recorders often don't), and when it does,
	// it is r, which holds the credentials.
	resp.Request = req
	return resp, err
}

// sameOrigin reports whether u has the scheme, host and port of origin.
func sameOrigin(u, origin *url.URL) bool {
	return strings.EqualFold(u.Scheme, origin.Scheme) &&
		strings.EqualFold(u.Hostname(), origin.Hostname()) &&
		port(u) == port(origin)
}

// port returns u's port, or its scheme's default.
func port(u *url.URL) string {
	if p := u.Port(); p != "" {
		return p
	}
	switch strings.ToLower(u.Scheme) {
	case "https":
		return "443"
	case "http":
		return "80"
	}
	return ""
}
