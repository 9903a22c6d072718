package oktatest_test

import (
	"net/http"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gatekit/okta/oktatest"
)

var oktatestWithToken = oktatest.WithToken

func TestFaultStatus429ThenSuccess(t *testing.T) {
	srv, c := newServer(t)
	srv.Fail("listApplications", oktatest.Fault{Status: 429, Times: 2, ResetAfter: 3 * time.Second})
	for range 2 {
		start := time.Now()
		r := c.do("GET", "/api/v1/apps", nil)
		requireError(t, r, http.StatusTooManyRequests, "E0000047", "API call exceeded rate limit due to too many requests.")
		assert.Equal(t, "0", r.header.Get("X-Rate-Limit-Remaining"))
		assert.NotEmpty(t, r.header.Get("X-Rate-Limit-Limit"))
		assert.NotEmpty(t, r.header.Get("X-Okta-Request-Id"))
		reset, err := strconv.ParseInt(r.header.Get("X-Rate-Limit-Reset"), 10, 64)
		require.NoError(t, err)
		assert.GreaterOrEqual(t, reset, start.Add(3*time.Second).Unix())
		assert.LessOrEqual(t, reset, time.Now().Add(4*time.Second).Unix())
	}
	// Other operations are not affected.
	assert.Equal(t, http.StatusOK, c.do("GET", "/api/v1/api-tokens", nil).status)
	assert.Equal(t, http.StatusOK, c.do("GET", "/api/v1/apps", nil).status)
	assert.Equal(t, 3, srv.Requests("listApplications"))
	assert.Equal(t, 1, srv.Requests("listApiTokens"))
	assert.Equal(t, 4, srv.Requests("*"))
}

func TestFaultServerErrors(t *testing.T) {
	srv, c := newServer(t)
	id := c.createApp(bookmark("x"))["id"].(string)
	srv.Fail("getApplication", oktatest.Fault{Status: 500, Times: 1})
	srv.Fail("getApplication", oktatest.Fault{Status: 503, Times: 1})
	requireError(t, c.do("GET", "/api/v1/apps/"+id, nil), http.StatusInternalServerError, "E0000009")
	requireError(t, c.do("GET", "/api/v1/apps/"+id, nil), http.StatusServiceUnavailable, "E0000009")
	assert.Equal(t, http.StatusOK, c.do("GET", "/api/v1/apps/"+id, nil).status)

	// Without Times a fault stays until cleared.
	srv.Fail("getApplication", oktatest.Fault{Status: 403})
	for range 3 {
		requireError(t, c.do("GET", "/api/v1/apps/"+id, nil), http.StatusForbidden, "E0000006")
	}
	srv.ClearFaults()
	assert.Equal(t, http.StatusOK, c.do("GET", "/api/v1/apps/"+id, nil).status)
}

func TestFaultDrop(t *testing.T) {
	srv, c := newServer(t)
	srv.Fail("getApplication", oktatest.Fault{Drop: true, Times: 1})
	_, err := c.try("GET", "/api/v1/apps/0oaAnything", nil)
	require.Error(t, err)
	requireError(t, c.do("GET", "/api/v1/apps/0oaAnything", nil), http.StatusNotFound, "E0000007")
	assert.Equal(t, 2, srv.Requests("getApplication"))
}

func TestFaultLatency(t *testing.T) {
	srv, c := newServer(t)
	srv.Fail("*", oktatest.Fault{Latency: 50 * time.Millisecond, Times: 2})
	for range 2 {
		start := time.Now()
		assert.Equal(t, http.StatusOK, c.do("GET", "/api/v1/apps", nil).status)
		assert.GreaterOrEqual(t, time.Since(start), 50*time.Millisecond)
	}
	start := time.Now()
	c.do("GET", "/api/v1/apps", nil)
	assert.Less(t, time.Since(start), 50*time.Millisecond)

	// A client that gives up gets nothing, and the server is not held.
	srv.Fail("listApplications", oktatest.Fault{Latency: 5 * time.Second, Times: 1})
	short := *c
	short.hc = &http.Client{Timeout: 100 * time.Millisecond}
	_, err := short.try("GET", "/api/v1/apps", nil)
	require.Error(t, err)
}

func TestFaultRate(t *testing.T) {
	count := func() int {
		srv, c := newServer(t, oktatest.WithSeed(42))
		srv.Fail("listApplications", oktatest.Fault{Status: 503, Rate: 0.25})
		n := 0
		for range 200 {
			if c.do("GET", "/api/v1/apps", nil).status == http.StatusServiceUnavailable {
				n++
			}
		}
		return n
	}
	n := count()
	assert.InDelta(t, 50, n, 25)
	assert.Equal(t, n, count(), "the same seed gives the same faults")
}

// fakeClock is a settable clock.
type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func (f *fakeClock) Now() time.Time {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.now
}

func (f *fakeClock) Advance(d time.Duration) {
	f.mu.Lock()
	f.now = f.now.Add(d)
	f.mu.Unlock()
}

func TestRateLimit(t *testing.T) {
	clock := &fakeClock{now: time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)}
	_, c := newServer(t,
		oktatest.WithClock(clock.Now),
		oktatest.WithRateLimit(oktatest.BucketApps, 3, time.Minute),
	)
	for i := range 3 {
		r := c.do("GET", "/api/v1/apps", nil)
		require.Equal(t, http.StatusOK, r.status)
		assert.Equal(t, "3", r.header.Get("X-Rate-Limit-Limit"))
		assert.Equal(t, strconv.Itoa(2-i), r.header.Get("X-Rate-Limit-Remaining"))
		assert.Equal(t, strconv.FormatInt(clock.Now().Add(time.Minute).Unix(), 10), r.header.Get("X-Rate-Limit-Reset"))
	}
	r := c.do("POST", "/api/v1/apps", bookmark("limited"))
	requireError(t, r, http.StatusTooManyRequests, "E0000047")
	assert.Equal(t, "0", r.header.Get("X-Rate-Limit-Remaining"))
	assert.Equal(t, "Sat, 01 Mar 2025 12:00:00 GMT", r.header.Get("Date"))

	// Other buckets are not limited.
	assert.Equal(t, http.StatusOK, c.do("GET", "/api/v1/api-tokens", nil).status)
	requireError(t, c.do("GET", "/api/v1/apps/0oaX", nil), http.StatusNotFound, "E0000007")

	clock.Advance(time.Minute)
	r = c.do("GET", "/api/v1/apps", nil)
	require.Equal(t, http.StatusOK, r.status)
	assert.Equal(t, "2", r.header.Get("X-Rate-Limit-Remaining"))
}

func TestRateLimitHeadersWhenNotLimiting(t *testing.T) {
	_, c := newServer(t)
	r1 := c.do("GET", "/api/v1/apps", nil)
	r2 := c.do("GET", "/api/v1/apps", nil)
	l1, _ := strconv.Atoi(r1.header.Get("X-Rate-Limit-Remaining"))
	l2, _ := strconv.Atoi(r2.header.Get("X-Rate-Limit-Remaining"))
	assert.Equal(t, l1-1, l2)
	assert.Equal(t, "10000", r1.header.Get("X-Rate-Limit-Limit"))
}

func TestRequestHook(t *testing.T) {
	var n atomic.Int32
	_, c := newServer(t, oktatest.WithRequestHook(func(r *http.Request) {
		if r.URL.Path == "/api/v1/apps" {
			n.Add(1)
		}
	}))
	c.do("GET", "/api/v1/apps", nil)
	c.as("").do("GET", "/api/v1/apps", nil)
	assert.Equal(t, int32(2), n.Load())
}

func TestCloseEndsInjectedLatency(t *testing.T) {
	// Close waits only for requests the server has begun to answer: wait
	// for the request to arrive, or there is nothing to end.
	arrived := make(chan struct{}, 1)
	srv := oktatest.NewServer(oktatest.WithRequestHook(func(*http.Request) { arrived <- struct{}{} }))
	srv.Fail("*", oktatest.Fault{Latency: time.Minute})
	c := &client{t: t, srv: srv, token: srv.Token, hc: &http.Client{Timeout: 10 * time.Second}}
	go c.try("GET", "/api/v1/apps", nil)
	<-arrived
	start := time.Now()
	srv.Close()
	assert.Less(t, time.Since(start), 5*time.Second)
}

func TestWithRateLimitUnknownBucket(t *testing.T) {
	assert.Panics(t, func() { oktatest.NewServer(oktatest.WithRateLimit("/api/v1/users", 1, time.Second)) })
}
