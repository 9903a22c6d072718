package okta

// The auth transport: credentials on requests for the org's origin only, and
// the default HTTP client.

import (
	"crypto/tls"
	"net/http"
	"net/url"
	"strings"
)

// defaultHTTPClient is the client used when none is configured: TLS 1.2 at
// least, and enough idle connections for a busy service.
func defaultHTTPClient() *http.Client {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.TLSClientConfig = &tls.Config{MinVersion: tls.VersionTLS12}
	t.MaxIdleConns = 256
	t.MaxIdleConnsPerHost = 128
	return &http.Client{Transport: t}
}

// authTransport adds the credentials to requests for the org's origin and to no
// others: a redirect or a link to another scheme, host or port goes out without
// them, whatever the wrapped client's own redirect rules are.
type authTransport struct {
	base   http.RoundTripper
	origin *url.URL
	auth   authorizer
}

// authorizer puts credentials on requests for the org's origin.
type authorizer interface {
	// authorize adds credentials to r, one attempt about to be sent: each
	// attempt, retries and redirects included, is authorized anew (so each
	// gets its own DPoP proof). It uses r's context to fetch a token.
	authorize(r *http.Request) error
	// retry looks at the answer to an attempt it authorized (noting a DPoP
	// nonce, dropping a token the server refused) and says why one more
	// attempt would succeed where this one failed, or 0.
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

func (a sswsAuth) authorize(r *http.Request) error {
	r.Header.Set("Authorization", a())
	return nil
}

func (sswsAuth) retry(*http.Response) authRetry { return 0 }

func (t *authTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	r := req.Clone(req.Context())
	if sameOrigin(req.URL, t.origin) {
		if err := t.auth.authorize(r); err != nil {
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
	if resp != nil && resp.Request == nil {
		// A caller's transport need not set Request (fakes and recorders
		// often don't); the SDK resolves Link headers against it.
		resp.Request = req
	}
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
