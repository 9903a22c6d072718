package okta

import (
	"context"
	"fmt"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// RateLimit is what Okta's X-Rate-Limit-* headers said about the endpoint's
// bucket. Fields are zero when a header was absent or unreadable.
type RateLimit struct {
	Limit     int       // X-Rate-Limit-Limit: requests allowed in the window
	Remaining int       // X-Rate-Limit-Remaining: requests left in the window
	Reset     time.Time // X-Rate-Limit-Reset: when the window resets
}

func parseRateLimit(h http.Header) RateLimit {
	var rl RateLimit
	rl.Limit, _ = strconv.Atoi(strings.TrimSpace(h.Get("X-Rate-Limit-Limit")))
	rl.Remaining, _ = strconv.Atoi(strings.TrimSpace(h.Get("X-Rate-Limit-Remaining")))
	if s, err := strconv.ParseInt(strings.TrimSpace(h.Get("X-Rate-Limit-Reset")), 10, 64); err == nil && s > 0 {
		rl.Reset = time.Unix(s, 0)
	}
	return rl
}

const (
	// retryJitter bounds the random delay added to a wait, so that clients
	// released by the same reset do not all arrive in the same millisecond.
	retryJitter = 20 * time.Millisecond
	// backoffBase and backoffCap shape the exponential backoff used when a
	// failure says nothing about when to come back.
	backoffBase = 500 * time.Millisecond
	backoffCap  = 30 * time.Second
)

// retryDelay says how long to wait before retrying a failed attempt and
// whether to retry at all (not when the wait is longer than maxWait or would
// outlast ctx's deadline). resp is nil when no response came.
//
// After a 429 the wait runs to X-Rate-Limit-Reset (see resetIn). Otherwise,
// and when a 429 has no reset, Retry-After is used, and without that a capped
// exponential backoff with jitter.
func retryDelay(ctx context.Context, resp *Response, attempt int, now time.Time, maxWait time.Duration) (time.Duration, bool) {
	var wait time.Duration
	switch {
	case resp != nil && resp.StatusCode == http.StatusTooManyRequests && !resp.RateLimit.Reset.IsZero():
		wait = resetIn(resp, now)
	case resp != nil && resp.Header.Get("Retry-After") != "":
		ra := strings.TrimSpace(resp.Header.Get("Retry-After"))
		if secs, err := strconv.Atoi(ra); err == nil {
			wait = time.Duration(secs) * time.Second
		} else if at, err := http.ParseTime(ra); err == nil {
			if date, err := http.ParseTime(resp.Header.Get("Date")); err == nil {
				wait = at.Sub(date)
			} else {
				wait = at.Sub(now)
			}
		}
	default:
		wait = min(backoffBase<<min(attempt, 16), backoffCap)
		wait = wait/2 + rand.N(wait/2+1) // "equal jitter"
	}
	wait = max(wait, 0) + rand.N(retryJitter)
	if wait > maxWait {
		return wait, false
	}
	if deadline, ok := ctx.Deadline(); ok && now.Add(wait).After(deadline) {
		return wait, false
	}
	return wait, true
}

// resetIn is how long until the rate-limit window of resp resets, on the local
// clock. Okta's clock is known from the Date header: when the local clock
// agrees with it (to Date's one-second resolution), the reset is measured on
// the local clock, to the millisecond; when it does not, the wait is measured
// from Date, so a skewed local clock changes nothing.
func resetIn(resp *Response, now time.Time) time.Duration {
	reset := resp.RateLimit.Reset
	if date, err := http.ParseTime(resp.Header.Get("Date")); err == nil {
		if skew := now.Sub(date); skew < -time.Second || skew > 2*time.Second {
			return reset.Sub(date) // the local clock is off: trust Okta's
		}
	}
	return reset.Sub(now)
}

// sleep waits for d or until ctx is done, whichever is first.
func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// limiter holds requests to a rate-limit bucket that Okta said is spent until
// the bucket's window resets, so that a busy client waits instead of collecting
// 429s. One limiter serves all goroutines of an APIClient.
type limiter struct {
	mu      sync.Mutex
	buckets map[string]*bucket
}

type bucket struct {
	known     bool      // an answer has said what the bucket holds
	sent      int       // requests sent while !known
	limit     int       // requests per window, as Okta said
	remaining int       // requests left in the window: Okta's count less what was sent since
	reset     time.Time // when the window resets, on the local clock; zero while unknown
}

// pollUnknownReset is how often a request rechecks a spent bucket whose reset
// is not known yet (after a window passed and before a response says more).
const pollUnknownReset = 10 * time.Millisecond

// wait blocks until a request to the bucket may be sent, or ctx is done.
func (l *limiter) wait(ctx context.Context, key string) error {
	if l == nil {
		return nil
	}
	for {
		l.mu.Lock()
		b := l.buckets[key]
		if b == nil {
			if l.buckets == nil {
				l.buckets = map[string]*bucket{}
			}
			b = &bucket{}
			l.buckets[key] = b
		}
		if !b.known { // nothing to go by yet: send, and count
			b.sent++
			l.mu.Unlock()
			return nil
		}
		now := time.Now()
		if !b.reset.IsZero() && !now.Before(b.reset) {
			b.remaining, b.reset = b.limit, time.Time{} // a new window
		}
		if b.remaining > 0 {
			b.remaining--
			l.mu.Unlock()
			return nil
		}
		d := pollUnknownReset
		if !b.reset.IsZero() {
			d = b.reset.Sub(now) + rand.N(retryJitter)
			if deadline, ok := ctx.Deadline(); ok && deadline.Before(b.reset) {
				reset := b.reset
				l.mu.Unlock()
				// As with a 429: do not sit until the deadline for nothing.
				return fmt.Errorf("%w: the %s bucket is spent until %s, after the context's deadline",
					ErrRateLimited, key, reset.Format(time.RFC3339))
			}
		}
		l.mu.Unlock()
		if err := sleep(ctx, d); err != nil {
			return err
		}
	}
}

// sameWindow is how far apart two resets may be and still name one window:
// X-Rate-Limit-Reset has whole seconds, and each answer is timed on arrival.
const sameWindow = 500 * time.Millisecond

// observe records what a response said about its bucket. An answer's window
// counts over what the limiter knew, with these guards:
//
//   - A window that is already over says nothing: it is a late answer from
//     before the reset, and taking it would open the bucket again.
//   - Within one window the count only goes down: answers to requests sent
//     earlier may arrive later with a larger Remaining.
//   - Before the limiter knew anything of the bucket, and after it started a
//     window on its own (its reset passed), it sent requests that the first
//     answers do not count yet: its own count is kept when it is lower.
func (l *limiter) observe(key string, resp *Response, now time.Time) {
	rl := resp.RateLimit
	if l == nil || rl.Limit <= 0 || rl.Reset.IsZero() {
		return
	}
	reset := now.Add(resetIn(resp, now))
	if !reset.After(now) {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.buckets == nil {
		l.buckets = map[string]*bucket{}
	}
	b := l.buckets[key]
	if b == nil {
		b = &bucket{}
		l.buckets[key] = b
	}
	b.limit = rl.Limit
	switch {
	case resp.StatusCode == http.StatusTooManyRequests:
		// A 429 says when the bucket opens again, even when that is sooner
		// than the reset an earlier response announced: the retry that
		// waited for it must not be held until the older reset.
		b.known, b.reset, b.remaining = true, reset, 0
	case !b.known:
		b.known, b.reset, b.remaining = true, reset, min(rl.Remaining, rl.Limit-b.sent)
	case b.reset.IsZero(): // a window the limiter started itself
		b.reset, b.remaining = reset, min(b.remaining, rl.Remaining)
	case reset.Sub(b.reset) > sameWindow: // a later window than the one known
		b.reset, b.remaining = reset, rl.Remaining
	default:
		b.remaining = min(b.remaining, rl.Remaining)
	}
}

// bucketKey names the rate-limit bucket a call counts against. Okta limits
// /api/v1/apps, /api/v1/apps/{appId} (with everything under it) and
// /api/v1/api-tokens separately.
func bucketKey(tmpl string) string {
	// The key is a prefix of the template, found by index so that it costs
	// no allocation per call.
	if !strings.HasPrefix(tmpl, "/") {
		tmpl = "/" + tmpl // every template of this SDK starts with "/"
	}
	var ends [4]int // just past each of the segments api, v1, resource, id
	n := 0
	for pos := 1; n < len(ends); n++ {
		i := strings.IndexByte(tmpl[pos:], '/')
		if i < 0 {
			ends[n] = len(tmpl)
			n++
			break
		}
		ends[n] = pos + i
		pos += i + 1
	}
	if n < 3 {
		return tmpl
	}
	key := tmpl[:ends[2]]
	if n > 3 && tmpl[ends[1]+1:ends[2]] == "apps" && strings.HasPrefix(tmpl[ends[2]+1:], "{") {
		if tmpl[ends[2]+1:ends[3]] == "{appId}" {
			return tmpl[:ends[3]]
		}
		return key + "/{appId}"
	}
	return key
}
