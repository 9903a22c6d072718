package okta_test

// Redirects the SDK refuses: a body to another origin, https to http.

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gatekit/okta"
)

// bodySeen is a server that records the body of every request it receives
// and answers 200 with an app.
type bodySeen struct {
	*httptest.Server
	mu     sync.Mutex
	bodies []string
}

func newBodySeen(t *testing.T) *bodySeen {
	s := &bodySeen{}
	f := newTestServer(t)
	f.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		s.mu.Lock()
		s.bodies = append(s.bodies, r.Method+" "+string(b))
		s.mu.Unlock()
		writeJSON(w, http.StatusOK, `{"id":"0oaEvil","name":"bookmark"}`)
	})
	s.Server = f.server
	return s
}

func (s *bodySeen) seen() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.bodies...)
}

// createWithSecret creates an app whose body holds a secret.
func createWithSecret(c *okta.APIClient) (*okta.Response, error) {
	_, resp, err := c.ApplicationAPI.CreateApplication(context.Background(), okta.CreateApplicationRequest{
		Application: &okta.Application{Name: "bookmark", Label: "client_secret-xyz"}})
	return resp, err
}

// A request with a body is never redirected to another origin, whatever the
// status (307 and 308 would send the body again; 301, 302 and 303 would take
// another origin's answer to a write as Okta's), with the SDK's client and
// with a caller's, which is not changed.
func TestRedirectWithBodyToAnotherOriginRefused(t *testing.T) {
	t.Parallel()
	for _, status := range []int{301, 302, 303, 307, 308} {
		for _, callers := range []bool{false, true} {
			t.Run(http.StatusText(status)+map[bool]string{false: ", SDK client", true: ", caller's client"}[callers], func(t *testing.T) {
				t.Parallel()
				evil := newBodySeen(t)
				f := newTestServer(t)
				f.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
					http.Redirect(w, r, evil.URL+"/api/v1/apps", status)
				})
				org := f.server
				hc := &http.Client{}
				opts := []okta.ConfigOption{okta.WithMaxRetries(2)}
				if callers {
					opts = append(opts, okta.WithHTTPClient(hc))
				}
				resp, err := createWithSecret(newClient(t, org.URL, opts...))
				requireError(t, err)
				assert.ErrorIs(t, err, okta.ErrRedirectRefused)
				assert.Nil(t, resp)
				msg := err.Error()
				assert.Contains(t, msg, "POST /api/v1/apps")
				assert.Contains(t, msg, http.StatusText(status), "names the redirect")
				assert.Contains(t, msg, org.URL, "names where it came from")
				assert.Contains(t, msg, evil.URL, "names where it led")
				assert.NotContains(t, msg, "client_secret-xyz")
				assert.Empty(t, evil.seen(), "nothing reached the other origin")
				assert.Nil(t, hc.CheckRedirect, "the caller's client is not modified")
			})
		}
	}
}

// Within the org, a 307 keeps its body; the caller's own CheckRedirect still
// has the last word on the redirects the SDK allows.
func TestRedirectWithBodyWithinOrgFollowed(t *testing.T) {
	t.Parallel()
	f := setup(t)
	f.mux.HandleFunc("/apps", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/api/v1/apps-moved", http.StatusTemporaryRedirect)
	})
	f.mux.HandleFunc("/apps-moved", func(w http.ResponseWriter, r *http.Request) {
		testHeader(t, r, "Authorization", "SSWS "+testToken)
		b, _ := io.ReadAll(r.Body)
		assert.Contains(t, string(b), "client_secret-xyz")
		writeJSON(w, http.StatusOK, `{"id":"0oa1"}`)
	})
	_, err := createWithSecret(f.client)
	require.NoError(t, err)

	calls := 0
	hc := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { calls++; return http.ErrUseLastResponse }}
	c := newClient(t, f.server.URL, okta.WithHTTPClient(hc), okta.WithMaxRetries(0))
	_, err = createWithSecret(c)
	oe := requireOktaError(t, err)
	assert.Equal(t, http.StatusTemporaryRedirect, oe.StatusCode, "the caller's CheckRedirect kept the redirect")
	assert.Equal(t, 1, calls)
}

// No request follows a redirect from https to http: what was private would go
// in clear. http to https is followed.
func TestRedirectDowngradeRefused(t *testing.T) {
	t.Parallel()
	plain := newAuthSeen(t, false)
	f := newTestServerTLS(t)
	f.org.HandleFunc(apiPrefix+"/", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, plain.URL+r.URL.Path, http.StatusFound)
	})
	org := f.server
	c := newClient(t, org.URL, okta.WithHTTPClient(org.Client()))
	_, _, err := c.ApiTokenAPI.GetApiToken(context.Background(), okta.GetApiTokenRequest{ApiTokenID: "a"})
	requireError(t, err)
	assert.ErrorIs(t, err, okta.ErrRedirectRefused)
	assert.Contains(t, err.Error(), "https")
	assert.True(t, strings.HasPrefix(plain.URL, "http://"))
	assert.Empty(t, plain.seen(), "nothing went in clear")
}
