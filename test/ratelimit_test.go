package test

import (
	"errors"
	"net/http"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gatekit/okta"
	"github.com/gatekit/okta/oktatest"
)

// resetRecorder is a transport that notes the X-Rate-Limit-Reset of every
// 429 the client receives.
type resetRecorder struct {
	mu     sync.Mutex
	resets []time.Time
}

func (r *resetRecorder) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := http.DefaultTransport.RoundTrip(req)
	if err == nil && resp.StatusCode == http.StatusTooManyRequests {
		if secs, perr := strconv.ParseInt(resp.Header.Get("X-Rate-Limit-Reset"), 10, 64); perr == nil {
			r.mu.Lock()
			r.resets = append(r.resets, time.Unix(secs, 0))
			r.mu.Unlock()
		}
	}
	return resp, err
}

// retryHeaders collects the X-Okta-Retry-Count of every getApplication
// request the emulator receives ("" for a first attempt).
type retryHeaders struct {
	mu     sync.Mutex
	counts []string
}

func (h *retryHeaders) hook(r *http.Request) {
	if r.Method == http.MethodGet && r.URL.Path != "/api/v1/apps" {
		h.mu.Lock()
		h.counts = append(h.counts, r.Header.Get("X-Okta-Retry-Count"))
		h.mu.Unlock()
	}
}

func (h *retryHeaders) reset() {
	h.mu.Lock()
	h.counts = nil
	h.mu.Unlock()
}

// TestRecoverFrom429 answers a call with 429 and a reset about a second
// ahead: the SDK waits for the reset, sends the call again with
// X-Okta-Retry-Count, and succeeds.
func TestRecoverFrom429(t *testing.T) {
	emulatorOnly(t, "it injects a 429")
	var seen retryHeaders
	e := newEnv(t, oktatest.WithRequestHook(seen.hook))
	rec := &resetRecorder{}
	e.withClient(t, okta.WithHTTPClient(&http.Client{Transport: rec}))
	c := ctx(t)
	app := e.create(t, okta.NewBookmarkApplication("429", "https://app.example.com/"), true)
	// A first call learns the bucket's window (a minute long); the 429 below
	// announces a sooner reset, which is the one to wait for.
	_, _, err := e.apps.GetApplication(c, okta.GetApplicationRequest{AppID: app.ID})
	require.NoError(t, err)
	seen.reset()

	e.srv.Fail("getApplication", oktatest.Fault{Status: http.StatusTooManyRequests, Times: 1, ResetAfter: time.Second})
	start := time.Now()
	got, _, err := e.apps.GetApplication(c, okta.GetApplicationRequest{AppID: app.ID})
	end := time.Now()
	require.NoError(t, err)
	assert.Equal(t, app.ID, got.ID)

	require.Len(t, rec.resets, 1, "one 429 came back")
	reset := rec.resets[0]
	wait := reset.Sub(start) // what the 429 asked for
	assert.GreaterOrEqual(t, wait, time.Second-50*time.Millisecond, "the reset is about a second ahead")
	elapsed := end.Sub(start)
	assert.GreaterOrEqual(t, elapsed, wait, "the retry waited for the reset")
	assert.Less(t, elapsed, wait+time.Second, "the retry did not wait much longer than the reset")

	assert.Equal(t, 3, e.srv.Requests("getApplication"))
	assert.Equal(t, []string{"", "1"}, seen.counts, "X-Okta-Retry-Count on the retry only")
}

// TestRateLimitBucket spends a bucket of 3 requests a second with 5 calls;
// every call succeeds, some after the window resets.
func TestRateLimitBucket(t *testing.T) {
	emulatorOnly(t, "it sets the org's rate limits")
	e := newEnv(t, oktatest.WithRateLimit(oktatest.BucketApp, 3, time.Second))
	c := ctx(t)
	app := e.create(t, okta.NewBookmarkApplication("bucket", "https://app.example.com/"), true)

	start := time.Now()
	var last *okta.Response
	for i := range 5 {
		_, resp, err := e.apps.GetApplication(c, okta.GetApplicationRequest{AppID: app.ID})
		require.NoError(t, err, "call %d", i)
		last = resp
	}
	assert.Equal(t, 3, last.RateLimit.Limit)
	assert.GreaterOrEqual(t, time.Since(start), time.Second, "5 calls at 3 a second span two windows")
	assert.Less(t, time.Since(start), 5*time.Second)
}

// TestRateLimitedWithoutRetries shows the 429 as an error when retries are
// off, with the bucket's state from the headers. (The client does not hold
// later requests until the reset either, so that the cleanup runs at once.)
func TestRateLimitedWithoutRetries(t *testing.T) {
	emulatorOnly(t, "it injects a 429")
	e := newEnv(t)
	e.withClient(t, okta.WithMaxRetries(0), okta.WithProactiveRateLimit(false))
	c := ctx(t)
	app := e.create(t, okta.NewBookmarkApplication("no-retry", "https://app.example.com/"), true)

	e.srv.Fail("getApplication", oktatest.Fault{Status: http.StatusTooManyRequests, Times: 1, ResetAfter: 30 * time.Second})
	_, _, err := e.apps.GetApplication(c, okta.GetApplicationRequest{AppID: app.ID})
	require.ErrorIs(t, err, okta.ErrRateLimited)
	var oe *okta.Error
	require.True(t, errors.As(err, &oe))
	assert.Equal(t, "E0000047", oe.ErrorCode)
	require.NotNil(t, oe.Response)
	assert.Equal(t, 0, oe.Response.RateLimit.Remaining)
	assert.WithinDuration(t, time.Now().Add(30*time.Second), oe.Response.RateLimit.Reset, 2*time.Second)
	assert.Equal(t, 1, e.srv.Requests("getApplication"))
}

// TestServerErrorRetries retries a GET after a 503 but never sends a POST
// twice.
func TestServerErrorRetries(t *testing.T) {
	emulatorOnly(t, "it injects 503s")
	e := newEnv(t)
	c := ctx(t)
	app := e.create(t, okta.NewBookmarkApplication("503", "https://app.example.com/"), true)

	e.srv.Fail("getApplication", oktatest.Fault{Status: http.StatusServiceUnavailable, Times: 1})
	_, _, err := e.apps.GetApplication(c, okta.GetApplicationRequest{AppID: app.ID})
	require.NoError(t, err)
	assert.Equal(t, 2, e.srv.Requests("getApplication"))

	before := e.srv.Requests("createApplication")
	e.srv.Fail("createApplication", oktatest.Fault{Status: http.StatusServiceUnavailable, Times: 1})
	_, _, err = e.apps.CreateApplication(c, okta.CreateApplicationRequest{
		Application: okta.NewBookmarkApplication(prefix+"503-post", "https://app.example.com/"),
	})
	require.Error(t, err)
	var oe *okta.Error
	require.True(t, errors.As(err, &oe))
	assert.Equal(t, http.StatusServiceUnavailable, oe.StatusCode)
	assert.Equal(t, 1, e.srv.Requests("createApplication")-before, "a POST is not retried after a 5xx")
}
