package okta

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// spend makes the bucket of key known and spent until reset.
func spend(l *limiter, key string, reset time.Time) {
	l.mu.Lock()
	defer l.mu.Unlock()
	b := l.bucket(key)
	b.known, b.own, b.limit, b.remaining, b.reset = true, false, 5, 0, reset
}

// A request held for a spent bucket whose reset comes after the caller's
// deadline, or further away than MaxWait, fails at once, as a 429 would,
// instead of waiting out the deadline (or the hours to a far reset).
func TestLimiterFailsFastPastDeadlineOrMaxWait(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		l := &limiter{maxWait: time.Minute}
		const key = "/api/v1/apps"
		for name, tt := range map[string]struct {
			reset   time.Duration // from now
			timeout time.Duration // 0: no deadline
			why     string
		}{
			"deadline before the reset":            {time.Minute, 30 * time.Second, "deadline"},
			"deadline at the reset":                {time.Minute, time.Minute, "deadline"},
			"reset beyond MaxWait":                 {time.Hour, 0, "MaxWait (1m0s)"},
			"reset beyond MaxWait, later deadline": {2 * time.Minute, time.Hour, "MaxWait"},
		} {
			spend(l, key, time.Now().Add(tt.reset))
			ctx, cancel := context.Background(), context.CancelFunc(func() {})
			if tt.timeout > 0 {
				ctx, cancel = context.WithTimeout(ctx, tt.timeout)
			}
			start := time.Now()
			err := l.wait(ctx, key)
			cancel()
			require.ErrorIs(t, err, ErrRateLimited, name)
			assert.Contains(t, err.Error(), tt.why, name)
			assert.Zero(t, time.Since(start), "%s: refused at once", name)
		}

		// A reset within MaxWait and before the deadline is waited for.
		spend(l, key, time.Now().Add(time.Minute))
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		defer cancel()
		start := time.Now()
		require.NoError(t, l.wait(ctx, key))
		assert.GreaterOrEqual(t, time.Since(start), time.Minute)
		assert.Less(t, time.Since(start), time.Minute+retryJitter)
	})
}

// The jitter added to a hold never carries a call past its deadline: a call
// whose deadline falls just after the reset is released before it, every
// time (the jitter of up to 20 ms used to run past a deadline 1 ms after the
// reset, and the call timed out unsent).
func TestLimiterJitterStopsBeforeDeadline(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		l := &limiter{}
		const key = "/api/v1/api-tokens"
		for i := range 50 {
			reset := time.Now().Add(time.Second)
			spend(l, key, reset)
			deadline := reset.Add(time.Millisecond)
			ctx, cancel := context.WithDeadline(context.Background(), deadline)
			err := l.wait(ctx, key)
			cancel()
			require.NoError(t, err, "call %d", i)
			assert.False(t, time.Now().Before(reset), "call %d released before the reset", i)
			assert.True(t, time.Now().Before(deadline), "call %d released at or after its deadline", i)
		}
	})
}

// bucketKey names Okta's three buckets for every path of the SDK, without
// allocating: the key is a prefix of the template.
func TestBucketKey(t *testing.T) { // not parallel: AllocsPerRun
	for tmpl, want := range map[string]string{
		"/api/v1/apps":                                        "/api/v1/apps",
		"/api/v1/apps/{appId}":                                "/api/v1/apps/{appId}",
		"/api/v1/apps/{appId}/users/{userId}":                 "/api/v1/apps/{appId}",
		"/api/v1/apps/{appId}/credentials/keys/{keyId}/clone": "/api/v1/apps/{appId}",
		"/api/v1/apps/{applicationId}/grants":                 "/api/v1/apps/{appId}",
		"/api/v1/apps/search":                                 "/api/v1/apps",
		"/api/v1/apps/":                                       "/api/v1/apps",
		"/api/v1/api-tokens":                                  "/api/v1/api-tokens",
		"/api/v1/api-tokens/current":                          "/api/v1/api-tokens",
		"/api/v1/api-tokens/{apiTokenId}":                     "/api/v1/api-tokens",
		"/api/v1":                                             "/api/v1",
		"/api/v1/":                                            "/api/v1/",
		"api/v1/apps/{appId}/users":                           "/api/v1/apps/{appId}",
	} {
		assert.Equal(t, want, bucketKey(tmpl), tmpl)
	}
	allocs := testing.AllocsPerRun(100, func() { _ = bucketKey("/api/v1/apps/{appId}/users/{userId}") })
	assert.Zero(t, allocs)
}

// A body of a known length is read into one buffer: it is not doubled and
// copied at its end to make room for the read that sees EOF.
func TestReadBodyOneBuffer(t *testing.T) {
	t.Parallel()
	for _, n := range []int{1, 3000, 700 << 10} {
		body := bytes.Repeat([]byte("x"), n)
		resp := &http.Response{Body: io.NopCloser(bytes.NewReader(body)), ContentLength: int64(n)}
		data, err := readBody(resp, true, defaultMaxResultBody)
		require.NoError(t, err)
		assert.Equal(t, body, data)
		assert.LessOrEqual(t, cap(data), n+bytes.MinRead, "%d bytes: the buffer grew", n)
	}
}
