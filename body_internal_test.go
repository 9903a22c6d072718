package okta

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// allocated returns the bytes f allocates on the heap. Run it from a test
// that is not parallel: the count is the process's.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// chunks is a body of n bytes of unknown length, read a little at a time as
// from a chunked or gzip stream.
type chunks struct{ left int }

func (c *chunks) Read(p []byte) (int, error) {
	if c.left == 0 {
		return 0, io.EOF
	}
	n := min(len(p), c.left, 32<<10)
	for i := range p[:n] {
		p[i] = 'x'
	}
	c.left -= n
	return n, nil
}

// Memory follows what arrives, not what Content-Length claims: a body that
// declares 64 MiB and sends 6 bytes costs about trustedLength, not 64 MiB
// (issue 17: 192 MiB per GetApplication).
func TestReadBodyDeclaredLengthNotAllocated(t *testing.T) { // not parallel: measures allocation
	resp := func() *http.Response {
		return &http.Response{Body: io.NopCloser(strings.NewReader(`{"a":1}`)), ContentLength: 64 << 20}
	}
	var data []byte
	got := allocated(func() {
		var err error
		data, err = readBody(resp(), true, defaultMaxResultBody)
		require.NoError(t, err)
	})
	assert.Equal(t, `{"a":1}`, string(data))
	assert.Less(t, got, uint64(2<<20), "bytes allocated for a 7-byte body that declared 64 MiB")
}

// A body of unknown length (chunked, gzip) grows its buffer to at most the
// cap: the buffers of one body add up to about twice the cap, not four times.
func TestReadBodyUnknownLengthBounded(t *testing.T) { // not parallel: measures allocation
	const limit = 8 << 20
	for _, size := range []int{limit, limit + 1, 3 * limit} {
		var err error
		got := allocated(func() {
			_, err = readBody(&http.Response{Body: io.NopCloser(&chunks{left: size}), ContentLength: -1}, true, limit)
		})
		if size > limit {
			assert.ErrorIs(t, err, errBodyTooLarge)
		} else {
			assert.NoError(t, err)
		}
		assert.LessOrEqual(t, got, uint64(2*limit+limit/4), "bytes allocated for a %d-byte body under a %d-byte cap", size, limit)
	}
	// An error body is read to maxErrorBody and kept to it, the same way.
	got := allocated(func() {
		data, err := readBody(&http.Response{Body: io.NopCloser(&chunks{left: 10 << 20}), ContentLength: -1}, false, limit)
		require.NoError(t, err)
		assert.Len(t, data, maxErrorBody)
	})
	assert.LessOrEqual(t, got, uint64(3*maxErrorBody))
}

// An honest body is read into one buffer: a single allocation up to
// trustedLength, and at most twice its size beyond.
func TestReadBodyHonestLengthFastPath(t *testing.T) { // not parallel: measures allocation
	for _, n := range []int{1, 3000, 700 << 10, trustedLength} {
		body := bytes.Repeat([]byte("x"), n)
		allocs := testing.AllocsPerRun(20, func() {
			data, err := readBody(&http.Response{Body: io.NopCloser(bytes.NewReader(body)), ContentLength: int64(n)}, true, defaultMaxResultBody)
			if err != nil || len(data) != n {
				t.Fatalf("%d bytes: got %d, %v", n, len(data), err)
			}
		})
		assert.LessOrEqual(t, allocs, 4.0, "%d bytes", n) // the buffer; the Response, NopCloser and bytes.Reader
	}
	n := 5 << 20
	body := bytes.Repeat([]byte("x"), n)
	got := allocated(func() {
		data, err := readBody(&http.Response{Body: io.NopCloser(bytes.NewReader(body)), ContentLength: int64(n)}, true, defaultMaxResultBody)
		require.NoError(t, err)
		assert.Len(t, data, n)
	})
	assert.LessOrEqual(t, got, uint64(5*n/2), "at most 2.5 times the body")
}

// A successful body that declares more than the cap is refused before a byte
// is read.
func TestReadBodyDeclaredOverCapRefused(t *testing.T) {
	t.Parallel()
	body := &chunks{left: 10}
	_, err := readBody(&http.Response{Body: io.NopCloser(body), ContentLength: 2048}, true, 1024)
	assert.ErrorIs(t, err, errBodyTooLarge)
	assert.Equal(t, 10, body.left, "nothing read")
}

// blockingBody never returns from Read until it is closed.
type blockingBody struct {
	closed chan struct{}
	once   bool
}

func (b *blockingBody) Read([]byte) (int, error) {
	<-b.closed
	return 0, io.ErrClosedPipe
}

func (b *blockingBody) Close() error {
	if !b.once {
		b.once = true
		close(b.closed)
	}
	return nil
}

// A body read ends when the request's context does, whatever the body does.
func TestReadBodyHonoursContext(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "https://example.com/", nil)
	require.NoError(t, err)
	body := &blockingBody{closed: make(chan struct{})}
	done := make(chan error, 1)
	go func() {
		_, err := readBody(&http.Response{Body: body, ContentLength: -1, Request: req}, true, 1024)
		done <- err
	}()
	select {
	case err := <-done:
		assert.ErrorIs(t, err, context.DeadlineExceeded)
	case <-time.After(5 * time.Second):
		body.Close()
		t.Fatal("the read outlived its context")
	}
}
