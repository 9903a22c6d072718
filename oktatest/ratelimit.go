package oktatest

import (
	"fmt"
	"net/http"
	"strconv"
	"sync"
	"time"
)

// Without WithRateLimit a bucket never refuses a request. Its headers still
// count: they report defaultLimit requests per defaultWindow, Remaining
// counts down, and a new window starts before Remaining would reach zero,
// so that a client pacing itself on the headers is never held back.
const (
	defaultLimit  = 10000
	defaultWindow = time.Minute
)

// WithRateLimit makes bucket (BucketApps, BucketApp, BucketAPITokens or
// BucketDefault) accept limit requests per fixed window of the given length;
// past that it answers 429 E0000047 until the window ends. The
// X-Rate-Limit-* headers report the bucket's state.
func WithRateLimit(bucket string, limit int, window time.Duration) Option {
	return func(c *config) {
		if c.limits == nil {
			c.limits = map[string]bucketConfig{}
		}
		c.limits[bucket] = bucketConfig{limit: limit, window: window, enforce: true}
	}
}

type bucketConfig struct {
	limit   int
	window  time.Duration
	enforce bool
}

type bucket struct {
	bucketConfig
	start time.Time
	used  int
}

type limiter struct {
	mu      sync.Mutex
	buckets map[string]*bucket
}

// buckets are the names of the rate-limit buckets.
var buckets = []string{BucketApps, BucketApp, BucketAPITokens, BucketDefault}

// SetRateLimit is WithRateLimit for a running server: from now on bucket
// accepts limit requests per window, starting a new window. It panics if
// bucket is not one of the Bucket constants.
func (s *Server) SetRateLimit(bucket string, limit int, window time.Duration) {
	if err := s.limiter.set(bucket, bucketConfig{limit: limit, window: window, enforce: true}); err != nil {
		panic("oktatest: SetRateLimit: " + err.Error())
	}
}

func (l *limiter) init(cfg map[string]bucketConfig) {
	l.reset()
	for name, c := range cfg {
		if err := l.set(name, c); err != nil {
			panic("oktatest: WithRateLimit: " + err.Error())
		}
	}
}

// reset puts every bucket back to the default: counting, never refusing.
func (l *limiter) reset() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.buckets = map[string]*bucket{}
	for _, name := range buckets {
		l.buckets[name] = &bucket{bucketConfig: bucketConfig{limit: defaultLimit, window: defaultWindow}}
	}
}

// set configures one bucket and starts a new window for it.
func (l *limiter) set(name string, c bucketConfig) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.buckets[name] == nil {
		return fmt.Errorf("unknown bucket %q (known: %q)", name, buckets)
	}
	if c.limit < 0 {
		c.limit = 0
	}
	if c.window <= 0 {
		c.window = defaultWindow
	}
	l.buckets[name] = &bucket{bucketConfig: c}
	return nil
}

// limitState is what the X-Rate-Limit-* headers report.
type limitState struct {
	limit, remaining int
	reset            time.Time
}

func (st limitState) write(h http.Header) {
	h.Set("X-Rate-Limit-Limit", strconv.Itoa(st.limit))
	h.Set("X-Rate-Limit-Remaining", strconv.Itoa(st.remaining))
	reset := st.reset.Unix()
	if st.reset.Nanosecond() > 0 {
		reset++ // round up: never announce a reset before the window ends
	}
	h.Set("X-Rate-Limit-Reset", strconv.FormatInt(reset, 10))
}

// take counts one request against bucket at time now and reports whether
// it may proceed.
func (l *limiter) take(name string, now time.Time) (limitState, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	b := l.buckets[name]
	if b == nil {
		b = l.buckets[BucketDefault]
	}
	if b.start.IsZero() || !now.Before(b.start.Add(b.window)) {
		b.start, b.used = now, 0
	}
	if !b.enforce && b.used >= b.limit-1 {
		// Start a new window before this request would spend the last
		// one: a bucket that never refuses never reports Remaining 0.
		b.start, b.used = now, 0
	}
	allowed := b.used < b.limit
	if allowed {
		b.used++
	}
	return limitState{
		limit:     b.limit,
		remaining: b.limit - b.used,
		reset:     b.start.Add(b.window),
	}, allowed
}
