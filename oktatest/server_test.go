package oktatest_test

import (
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"github.com/gatekit/okta/oktatest"
)

// closeWithin calls srv.Close and fails the test if it takes longer than d.
func closeWithin(t *testing.T, srv *oktatest.Server, d time.Duration) {
	t.Helper()
	closed := make(chan struct{})
	go func() {
		srv.Close()
		close(closed)
	}()
	select {
	case <-closed:
	case <-time.After(d):
		t.Fatalf("Close did not return within %v", d)
	}
}

// TestCloseWithStalledRequest: a client that declares a body and never
// sends it (unauthenticated: the server answers 401 without reading it, and
// net/http then waits for the body to reuse the connection) does not hold
// Close.
func TestCloseWithStalledRequest(t *testing.T) {
	arrived := make(chan struct{}, 1)
	srv := oktatest.NewServer(oktatest.WithRequestHook(func(*http.Request) { arrived <- struct{}{} }))
	host := strings.TrimPrefix(srv.URL, "http://")
	conn, err := net.Dial("tcp", host)
	require.NoError(t, err)
	defer conn.Close()
	_, err = conn.Write([]byte("POST /api/v1/apps HTTP/1.1\r\nHost: " + host +
		"\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"))
	require.NoError(t, err)
	select {
	case <-arrived:
	case <-time.After(5 * time.Second):
		srv.Close()
		t.Fatal("the request did not arrive")
	}

	start := time.Now()
	closeWithin(t, srv, 5*time.Second)
	assert.Less(t, time.Since(start), 4*time.Second)
}

// TestNothingOutlivesClose: once every server is closed, no goroutine the
// emulator started is left, the key generator included.
func TestNothingOutlivesClose(t *testing.T) {
	srv, c := newServer(t)
	id := c.createApp(bookmark("keys"))["id"].(string)
	for range 2 { // the second key comes from the generator's pool
		r := c.do("POST", "/api/v1/apps/"+id+"/credentials/keys/generate?validityYears=2", nil)
		require.Equal(t, http.StatusCreated, r.status, "%s", r.body)
	}
	c.hc.CloseIdleConnections()
	closeWithin(t, srv, 5*time.Second)
	goleak.VerifyNone(t)
}
