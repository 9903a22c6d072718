package oktatest

import (
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
