package oktatest_test

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/jwt"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gatekit/okta/oktatest"
)

// getWithHost sends GET path to the server naming host in the Host header.
func getWithHost(t *testing.T, srv *oktatest.Server, host, path string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest("GET", srv.URL+path, nil)
	require.NoError(t, err)
	req.Host = host
	req.Header.Set("Authorization", "SSWS "+srv.Token)
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	require.Equal(t, http.StatusOK, resp.StatusCode, "%s", body)
	return resp, body
}

// hrefs collects every "href" member of a JSON document.
//
// Links on Okta's CDN (the default logo) are left out: they are not on the
// org's origin, on Okta or here.
func hrefs(v any) []string {
	var out []string
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			if s, ok := x.(string); ok && k == "href" && !strings.HasPrefix(s, "https://ok12static.oktacdn.com/") {
				out = append(out, s)
			}
			out = append(out, hrefs(x)...)
		}
	case []any:
		for _, x := range v {
			out = append(out, hrefs(x)...)
		}
	}
	return out
}

// TestUnspecifiedListenerURLIsLoopback: a server listening on every
// address (okta-emulator -addr :8080) is reached, and links, on loopback,
// not on "[::]" or "0.0.0.0", which clients refuse.
func TestUnspecifiedListenerURLIsLoopback(t *testing.T) {
	for _, addr := range []string{"0.0.0.0:0", ":0"} {
		l, err := net.Listen("tcp", addr)
		require.NoError(t, err)
		srv := oktatest.NewServer(oktatest.WithListener(l))
		assert.True(t, strings.HasPrefix(srv.URL, "http://127.0.0.1:"), "%s: %s", addr, srv.URL)
		resp, _ := getWithHost(t, srv, strings.TrimPrefix(srv.URL, "http://"), "/api/v1/apps")
		assert.True(t, strings.HasPrefix(resp.Header.Get("Link"), "<"+srv.URL+"/api/v1/apps"), resp.Header.Get("Link"))
		srv.Close()
	}
}

// TestLinksFollowTheHostReached: a client that reached the server as
// okta-emulator:<port> gets every link on that origin.
func TestLinksFollowTheHostReached(t *testing.T) {
	srv, c := newServer(t)
	id := c.createApp(bookmark("host"))["id"].(string)
	_, port, _ := net.SplitHostPort(strings.TrimPrefix(srv.URL, "http://"))
	for _, host := range []string{"okta-emulator:" + port, "localhost:" + port, "[::1]:" + port} {
		origin := "http://" + host
		resp, body := getWithHost(t, srv, host, "/api/v1/apps?limit=1")
		assert.Equal(t, "<"+origin+`/api/v1/apps?limit=1>; rel="self"`, resp.Header.Get("Link"))
		var list []any
		require.NoError(t, json.Unmarshal(body, &list))
		links := hrefs(list)
		require.NotEmpty(t, links)
		for _, h := range links {
			assert.True(t, strings.HasPrefix(h, origin+"/"), "%s: %s", host, h)
		}
		_, body = getWithHost(t, srv, host, "/api/v1/apps/"+id)
		assert.NotContains(t, string(body), srv.URL, "%s", host)
	}
	// The org's state is not changed by a rebased answer.
	a := c.do("GET", "/api/v1/apps/"+id, nil).obj(t)
	for _, h := range hrefs(a) {
		assert.True(t, strings.HasPrefix(h, srv.URL+"/"), h)
	}
}

// TestWithURL: a server given its URL links on it whatever Host a request
// names.
func TestWithURL(t *testing.T) {
	srv := oktatest.NewServer(oktatest.WithURL("http://okta.internal:8080/"))
	defer srv.Close()
	assert.Equal(t, "http://okta.internal:8080", srv.URL)
	assert.Panics(t, func() { oktatest.WithURL("http://okta.internal/api") })
	assert.Panics(t, func() { oktatest.WithURL("ftp://okta.internal") })
	assert.Panics(t, func() { oktatest.WithURL("http://user@okta.internal") })
}

// TestTokenAudienceIsTheOriginReached: a service app that knows the org as
// okta-emulator:<port> signs its assertion for that token endpoint.
func TestTokenAudienceIsTheOriginReached(t *testing.T) {
	srv, _ := newServer(t)
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	require.NoError(t, err)
	srv.RegisterClient(serviceClientID, &key.PublicKey, oktatest.ScopeAppsRead)
	app := newServiceApp(t, srv, key, jose.ES256)
	_, port, _ := net.SplitHostPort(strings.TrimPrefix(srv.URL, "http://"))
	host := "okta-emulator:" + port

	post := func(aud string) int {
		assertion := app.assertion(func(c *jwt.Claims) { c.Audience = jwt.Audience{aud} })
		form := url.Values{"grant_type": {"client_credentials"}, "scope": {oktatest.ScopeAppsRead},
			"client_assertion_type": {"urn:ietf:params:oauth:client-assertion-type:jwt-bearer"}, "client_assertion": {assertion}}
		req, err := http.NewRequest("POST", srv.URL+"/oauth2/v1/token", strings.NewReader(form.Encode()))
		require.NoError(t, err)
		req.Host = host
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		resp, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		return resp.StatusCode
	}
	assert.Equal(t, http.StatusUnauthorized, post(srv.URL+"/oauth2/v1/token"), "not the origin reached")
	assert.Equal(t, http.StatusOK, post("http://"+host+"/oauth2/v1/token"))
}
