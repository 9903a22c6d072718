package okta

import (
	"context"
	"math"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// RateLimit is what Okta's X-Rate-Limit-* headers said about the endpoint's
// bucket. Fields are zero when a header was absent or unreadable; a reset too
// far away to represent (past the year 9999) is taken as maxReset.
type RateLimit struct {
	Limit     int       // X-Rate-Limit-Limit: requests allowed in the window
	Remaining int       // X-Rate-Limit-Remaining: requests left in the window
	Reset     time.Time // X-Rate-Limit-Reset: when the window resets
}

// maxReset is the latest X-Rate-Limit-Reset taken as sent: a later one, or a
// number too large to read, saturates to it, a reset so far away that no wait
// for it is made (RetryPolicy.MaxWait), where a wrapped-around number would
// have meant "now".
var maxReset = time.Date(9999, 12, 31, 23, 59, 59, 0, time.UTC)

func parseRateLimit(h http.Header) RateLimit {
	var rl RateLimit
	rl.Limit, _ = headerCount(h.Get("X-Rate-Limit-Limit"))
	rl.Remaining, _ = headerCount(h.Get("X-Rate-Limit-Remaining"))
	if s, ok := headerUint(h.Get("X-Rate-Limit-Reset")); ok && s > 0 {
		rl.Reset = maxReset
		if s < uint64(maxReset.Unix()) {
			rl.Reset = time.Unix(int64(s), 0)
		}
	}
	return rl
}

// headerUint reads a header value of decimal digits (space around them
// allowed), saturating at the largest uint64 rather than failing: a number
// too large is still a large number.
func headerUint(v string) (uint64, bool) {
	v = strings.TrimSpace(v)
	if v == "" || strings.TrimLeft(v, "0123456789") != "" {
		return 0, false
	}
	n, err := strconv.ParseUint(v, 10, 64)
	if err != nil { // only ErrRange is left
		return math.MaxUint64, true
	}
	return n, true
}

// headerCount reads a count (a header value of decimal digits), saturating
// at the largest int.
func headerCount(v string) (int, bool) {
	n, ok := headerUint(v)
	return int(min(n, math.MaxInt)), ok
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
		wait = retryAfter(resp, now)
	default:
		wait = min(backoffBase<<min(attempt, 16), backoffCap)
		wait = wait/2 + rand.N(wait/2+1) // "equal jitter"
	}
	return fitWait(ctx, now, wait, maxWait)
}

// retryAfter reads a response's Retry-After: a number of seconds (a number too
// large saturates), or an HTTP date, measured from the response's Date header
// when it has one.
func retryAfter(resp *Response, now time.Time) time.Duration {
	ra := strings.TrimSpace(resp.Header.Get("Retry-After"))
	if secs, ok := headerUint(ra); ok {
		if secs > uint64(math.MaxInt64/time.Second) {
			return math.MaxInt64
		}
		return time.Duration(secs) * time.Second
	}
	at, err := http.ParseTime(ra)
	if err != nil {
		return 0
	}
	if date, err := http.ParseTime(resp.Header.Get("Date")); err == nil {
		return at.Sub(date)
	}
	return at.Sub(now)
}

// fitWait adds jitter to a wait and says whether a call may wait that long:
// not when the wait is longer than maxWait, nor when it would not end before
// ctx's deadline. The jitter is cut to half the time left before the
// deadline, so it never carries a call that may wait past its deadline: the
// call is either refused at once or woken in time to be sent. The duration
// returned with false is the wait without jitter.
func fitWait(ctx context.Context, now time.Time, wait, maxWait time.Duration) (time.Duration, bool) {
	wait = max(wait, 0)
	if wait > maxWait {
		return wait, false
	}
	jitter := retryJitter
	if deadline, ok := ctx.Deadline(); ok {
		left := deadline.Sub(now.Add(wait)) // saturates, where a difference could wrap
		if left <= 0 {
			return wait, false
		}
		jitter = min(jitter, left/2)
	}
	if jitter > 0 {
		wait += rand.N(jitter)
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
