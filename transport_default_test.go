package okta_test

// The default HTTP client: one pool for the process, whatever
// http.DefaultTransport is, and TLS 1.2 at least. These tests change or count
// process-wide state, so none runs in parallel.

import (
	"bytes"
	"context"
	"crypto/tls"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"runtime"
	"testing"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gatekit/okta"
)

// A program that wrapped http.DefaultTransport can still build a
// Configuration, and its requests go through the wrapper.
func TestWrappedDefaultTransport(t *testing.T) {
	f := newTestServer(t)
	f.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 200, `{"id":"00T1"}`)
	})
	srv := f.server
	orig := http.DefaultTransport
	// What instrumentation (otelhttp and the like) makes of the default
	// transport: another type around it.
	w := newRecorder(t, func(_ int, r *http.Request) (*http.Response, error) { return orig.RoundTrip(r) })
	http.DefaultTransport = w
	t.Cleanup(func() { http.DefaultTransport = orig })

	var c *okta.APIClient
	require.NotPanics(t, func() { c = newClient(t, srv.URL) })
	require.NoError(t, oaCall(c))
	assert.Equal(t, 1, w.calls(), "the request went through the program's wrapper")
}

// httpmock.Activate works as users expect with the default client, whether
// it is called before the Configuration is built or after.
func TestHTTPMockActivate(t *testing.T) {
	const org = "http://127.0.0.1:1" // nothing listens: a request that escapes the mock fails
	before := newClient(t, org, okta.WithMaxRetries(0))
	httpmock.Activate()
	t.Cleanup(httpmock.DeactivateAndReset)
	httpmock.RegisterResponder(http.MethodGet, org+"/api/v1/api-tokens/00T1",
		httpmock.NewStringResponder(200, `{"id":"00T1","name":"mocked"}`))

	var after *okta.APIClient
	require.NotPanics(t, func() { after = newClient(t, org, okta.WithMaxRetries(0)) })
	for name, c := range map[string]*okta.APIClient{"built before Activate": before, "built after Activate": after} {
		tok, _, err := c.ApiTokenAPI.GetApiToken(context.Background(), okta.GetApiTokenRequest{ApiTokenID: "00T1"})
		require.NoError(t, err, name)
		assert.Equal(t, "mocked", tok.Name, name)
	}
	assert.Equal(t, 2, httpmock.GetTotalCallCount())
}

// persistConns counts the client connections the process keeps open (each
// has a read and a write goroutine).
func persistConns() int {
	buf := make([]byte, 1<<20)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			return bytes.Count(buf[:n], []byte("net/http.(*persistConn).readLoop("))
		}
		buf = make([]byte, 2*len(buf))
	}
}

// Short-lived clients built without WithHTTPClient share one connection pool:
// a hundred of them leave one idle connection, not a hundred.
func TestDefaultClientsShareOnePool(t *testing.T) {
	f := newTestServer(t)
	f.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, 200, `{"id":"00T1"}`)
	})
	srv := f.server
	before := persistConns()
	for range 100 {
		require.NoError(t, oaCall(newClient(t, srv.URL)))
	}
	assert.LessOrEqual(t, persistConns()-before, 2, "connections left open by 100 clients")
}

// The default client refuses a server that speaks at most TLS 1.1. The
// server is made to speak TLS 1.0 and 1.1 for real (a client that allows
// them gets as far as the certificate), so the refusal is the SDK's.
func TestDefaultTransportRefusesTLS11(t *testing.T) {
	old := httptest.NewUnstartedServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
	old.TLS = &tls.Config{MinVersion: tls.VersionTLS10, MaxVersion: tls.VersionTLS11}
	old.Config.ErrorLog = log.New(io.Discard, "", 0)
	old.StartTLS()
	t.Cleanup(old.Close)

	lax := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{MinVersion: tls.VersionTLS10}}}
	_, err := lax.Get(old.URL)
	require.ErrorContains(t, err, "certificate", "the server negotiates TLS 1.1 with a client that allows it")

	err = oaCall(newClient(t, old.URL, okta.WithMaxRetries(0)))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "protocol version")
	assert.NotContains(t, err.Error(), "certificate", "no TLS 1.1 handshake got as far as the certificate")
}
