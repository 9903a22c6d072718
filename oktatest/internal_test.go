package oktatest

import (
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestDefaultBucketNeverSaysZero: a bucket without WithRateLimit never
// refuses, so it must never announce Remaining 0 either (a client pacing
// itself on the headers would wait for the reset).
func TestDefaultBucketNeverSaysZero(t *testing.T) {
	var l limiter
	l.init(nil)
	now := time.Date(2025, 3, 1, 12, 0, 0, 0, time.UTC)
	for i := range 3 * defaultLimit {
		st, ok := l.take(BucketApps, now)
		require.True(t, ok)
		require.Positive(t, st.remaining, "request %d", i+1)
		require.Equal(t, defaultLimit, st.limit)
	}
}

// TestRequestLogKeepsTheLast: the log is a ring of the last entries.
func TestRequestLogKeepsTheLast(t *testing.T) {
	var l requestLog
	for i := range requestLogSize + 5 {
		l.add(loggedRequest{Path: strconv.Itoa(i), Operation: "op"})
	}
	got := l.list("")
	require.Len(t, got, requestLogSize)
	require.Equal(t, "5", got[0].Path)
	require.Equal(t, strconv.Itoa(requestLogSize+4), got[len(got)-1].Path)
	require.Empty(t, l.list("other"))
}
