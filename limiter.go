package okta

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"
)

// limiter is the proactive rate limiter that WithProactiveRateLimit turns on:
// it holds requests to a rate-limit bucket that Okta said is spent until the
// bucket's window resets, so that a busy client waits instead of collecting
// 429s. One limiter serves all goroutines of an APIClient; a nil limiter
// holds nothing.
//
// A hold obeys the rules of a retry's wait: a request is refused at once with
// ErrRateLimited, never held, when the reset is further away than maxWait or
// not before the context's deadline; and the jitter added to a hold never
// carries it past the deadline. Every hold ends: a window the limiter opens
// itself ends ownWindow after it opened if no answer says otherwise.
type limiter struct {
	maxWait time.Duration // the longest hold: the retry policy's MaxWait; 0 means 2 minutes

	mu      sync.Mutex
	buckets map[string]*bucket
}

// bucket is what the limiter knows of one of Okta's buckets. Until an answer
// says what it holds (!known), requests are sent freely and counted. Once
// known, reset is always set: Okta's reset, or, when own, the end the limiter
// gave a window it opened itself when the previous one's reset passed.
type bucket struct {
	known     bool      // an answer has said what the bucket holds
	sent      int       // requests sent while !known
	limit     int       // requests per window, as Okta said
	remaining int       // requests left in the window: Okta's count less what was sent since
	reset     time.Time // when the window ends, on the local clock
	own       bool      // the limiter opened the window: reset is its guess until an answer comes
}

// ownWindow is how long a window the limiter opens itself lasts unless an
// answer says when it resets: Okta's rate-limit windows are a minute long.
// Without it, a bucket whose answers stopped carrying X-Rate-Limit-* headers
// (a load balancer's 503s, dropped connections) would stay spent forever.
const ownWindow = time.Minute

// pollOwnWindow is how often a request held in a spent window the limiter
// opened itself looks again: an answer may say the window resets sooner.
const pollOwnWindow = 10 * time.Millisecond

// wait blocks until a request to the bucket may be sent. It fails, wrapping
// ErrRateLimited, when the hold would be longer than maxWait or end after
// ctx's deadline, and with ctx's error when ctx is done first.
func (l *limiter) wait(ctx context.Context, key string) error {
	if l == nil {
		return nil
	}
	for {
		l.mu.Lock()
		d, err := l.take(ctx, key, time.Now())
		l.mu.Unlock()
		if d == 0 || err != nil {
			return err
		}
		if err := sleep(ctx, d); err != nil {
			return err
		}
	}
}

// take counts a request against the bucket if it has room, and otherwise
// says how long to hold it before looking again, or why it is refused.
// l.mu is held.
func (l *limiter) take(ctx context.Context, key string, now time.Time) (time.Duration, error) {
	b := l.bucket(key)
	if !b.known { // nothing to go by yet: send, and count
		b.sent++
		return 0, nil
	}
	if !now.Before(b.reset) { // the window is over: open the next one
		b.remaining, b.reset, b.own = b.limit, now.Add(ownWindow), true
	}
	if b.remaining > 0 {
		b.remaining--
		return 0, nil
	}
	d, ok := fitWait(ctx, now, b.reset.Sub(now), l.maxHold())
	if !ok {
		why := "more than MaxWait (" + l.maxHold().String() + ") away"
		if d <= l.maxHold() {
			why = "not before the context's deadline"
		}
		// As with a 429: do not hold a request for nothing.
		return 0, fmt.Errorf("%w: the %s bucket is spent until %s, %s",
			ErrRateLimited, key, b.reset.Format(time.RFC3339), why)
	}
	if b.own {
		d = min(d, pollOwnWindow) // an answer may yet say when the window resets
	}
	return max(d, 1), nil
}

// bucket returns the bucket of key, adding it if it is new. l.mu is held.
func (l *limiter) bucket(key string) *bucket {
	b := l.buckets[key]
	if b == nil {
		if l.buckets == nil {
			l.buckets = map[string]*bucket{}
		}
		b = &bucket{}
		l.buckets[key] = b
	}
	return b
}

func (l *limiter) maxHold() time.Duration {
	return RetryPolicy{MaxWait: l.maxWait}.maxWait()
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
//   - Before the limiter knew anything of the bucket, and after it opened a
//     window on its own (its reset passed), it sent requests that the first
//     answers do not count yet: its own count is kept when it is lower.
//   - A missing or unreadable X-Rate-Limit-Remaining is not zero: the
//     limiter's own count stands.
func (l *limiter) observe(key string, resp *Response, now time.Time) {
	rl := resp.RateLimit
	if l == nil || rl.Limit <= 0 || rl.Reset.IsZero() {
		return
	}
	reset := now.Add(resetIn(resp, now))
	if !reset.After(now) {
		return
	}
	told, toldOK := remainingOf(resp.Header, rl.Limit)
	count := func(own int) int { // the lower of the limiter's count and Okta's
		if !toldOK {
			return own
		}
		return min(own, told)
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	b := l.bucket(key)
	b.limit = rl.Limit
	switch {
	case resp.StatusCode == http.StatusTooManyRequests:
		// A 429 says when the bucket opens again, even when that is sooner
		// than the reset an earlier response announced: the retry that
		// waited for it must not be held until the older reset.
		b.reset, b.remaining = reset, 0
	case !b.known:
		b.reset, b.remaining = reset, count(rl.Limit-b.sent)
	case b.own: // the first answer in a window the limiter opened
		b.reset, b.remaining = reset, count(b.remaining)
	case reset.Sub(b.reset) > sameWindow: // a later window than the one known
		b.reset, b.remaining = reset, count(rl.Limit)
	default:
		b.remaining = count(b.remaining)
	}
	b.known, b.own = true, false
	b.remaining = max(b.remaining, 0)
}

// remainingOf reads X-Rate-Limit-Remaining, bounded by limit, and says
// whether it was there and readable.
func remainingOf(h http.Header, limit int) (int, bool) {
	n, ok := headerCount(h.Get("X-Rate-Limit-Remaining"))
	return min(n, limit), ok
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
