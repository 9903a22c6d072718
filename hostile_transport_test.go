package okta_test

// What a hostile server can send at the transport level: a Content-Length it
// does not keep, an informational answer that hands over the connection, a
// body that never ends.

import (
	"context"
	"io"
	"net"
	"net/http"
	"runtime"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gatekit/okta"
)

// rawServer answers every connection with answer, then keeps it open until
// the test ends (hold) or closes it at once.
func rawServer(t *testing.T, answer string, hold bool) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	var mu sync.Mutex
	var conns []net.Conn
	t.Cleanup(func() {
		ln.Close()
		mu.Lock()
		defer mu.Unlock()
		for _, c := range conns {
			c.Close()
		}
	})
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			mu.Lock()
			conns = append(conns, c)
			mu.Unlock()
			go func() {
				buf := make([]byte, 4096)
				c.Read(buf) // the request (small enough for one read)
				io.WriteString(c, answer)
				if !hold {
					c.Close()
				}
			}()
		}
	}()
	return "http://" + ln.Addr().String()
}

// within runs f and fails the test if it has not returned after d.
func within(t *testing.T, d time.Duration, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		f()
	}()
	select {
	case <-done:
	case <-time.After(d):
		t.Fatalf("still running after %v", d)
	}
}

// A server that declares 64 MiB, sends 6 bytes and closes costs about what
// arrived, not the declaration, on every attempt (issue 17: 192 MiB per
// GetApplication).
func TestHostileDeclaredLengthNotAllocated(t *testing.T) { // not parallel: measures allocation
	url := rawServer(t, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 67108864\r\n\r\n{\"id\":", false)
	client := newClient(t, url, okta.WithMaxRetries(2))
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, _, err := client.ApplicationAPI.GetApplication(context.Background(), okta.GetApplicationRequest{AppID: "0oa1"})
	runtime.ReadMemStats(&after)
	requireError(t, err)
	assert.Contains(t, err.Error(), "reading the response")
	assert.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(16<<20), "bytes allocated for three attempts of 6 bytes each")
}

// A 101 Switching Protocols (any 1xx the SDK did not ask for) fails the call at
// once: its body is the raw connection, which a peer can keep open forever.
func TestHostileSwitchingProtocols(t *testing.T) {
	t.Parallel()
	url := rawServer(t, "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\nhello", true)
	client := newClient(t, url, okta.WithMaxRetries(2))
	within(t, 5*time.Second, func() {
		_, _, err := client.ApplicationAPI.GetApplication(context.Background(), okta.GetApplicationRequest{AppID: "0oa1"})
		oe := requireOktaError(t, err)
		assert.Equal(t, http.StatusSwitchingProtocols, oe.StatusCode)
		assert.Contains(t, err.Error(), "informational answer")
	})
	// And from a caller's transport, any 1xx.
	org := newRecorder(t, func(int, *http.Request) (*http.Response, error) {
		r := relJSON(103, "")
		r.Body = &blockingBody{closed: make(chan struct{})}
		return r, nil
	})
	within(t, 5*time.Second, func() {
		err := relCallFor(http.MethodGet).call(context.Background(), org.client())
		oe := requireOktaError(t, err)
		assert.Equal(t, 103, oe.StatusCode)
		assert.Len(t, org.requests(), 1, "not retried")
	})
}

// blockingBody is a body whose Read blocks until Close: a caller's transport
// that ignores the context.
type blockingBody struct {
	closed chan struct{}
	once   sync.Once
}

func (b *blockingBody) Read([]byte) (int, error) {
	<-b.closed
	return 0, io.ErrClosedPipe
}

func (b *blockingBody) Close() error {
	b.once.Do(func() { close(b.closed) })
	return nil
}

// A body that never ends, from a transport that ignores the context, ends the
// call at the context's deadline.
func TestHostileBodyReadHonoursContext(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		org := newRecorder(t, func(int, *http.Request) (*http.Response, error) {
			r := relJSON(200, "")
			r.Body, r.ContentLength = &blockingBody{closed: make(chan struct{})}, -1
			return r, nil
		})
		ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
		defer cancel()
		start := time.Now()
		within(t, 5*time.Second, func() {
			err := relCallFor(http.MethodGet).call(ctx, org.client())
			requireError(t, err)
			assert.ErrorIs(t, err, context.DeadlineExceeded)
		})
		assert.Equal(t, 200*time.Millisecond, time.Since(start), "ended at the deadline, not later")
	})
}
