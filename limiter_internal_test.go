package okta

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A request held for a spent bucket whose reset comes after the caller's
// deadline fails at once, as a 429 would, instead of waiting out the deadline.
func TestLimiterFailsFastPastDeadline(t *testing.T) {
	l := &limiter{}
	require.NoError(t, l.wait(context.Background(), "/api/v1/apps")) // the bucket exists now
	l.buckets["/api/v1/apps"].known = true
	l.buckets["/api/v1/apps"].remaining = 0
	l.buckets["/api/v1/apps"].reset = time.Now().Add(time.Hour)

	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	start := time.Now()
	err := l.wait(ctx, "/api/v1/apps")
	require.ErrorIs(t, err, ErrRateLimited)
	assert.Less(t, time.Since(start), time.Second)

	// Without a deadline it waits (until the caller gives up).
	ctx2, cancel2 := context.WithCancel(context.Background())
	time.AfterFunc(50*time.Millisecond, cancel2)
	err = l.wait(ctx2, "/api/v1/apps")
	require.ErrorIs(t, err, context.Canceled)
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
