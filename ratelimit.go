package okta

import (
	"context"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
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
	// maxRetryWait is the longest the SDK waits for a reset before it gives up
	// and returns the 429; Okta's windows are one minute long.
	maxRetryWait = 2 * time.Minute
	// retryJitter bounds the random delay added to a wait, so that clients
	// released by the same reset do not all arrive in the same millisecond.
	retryJitter = 20 * time.Millisecond
	// backoffBase and backoffCap shape the exponential backoff used when a 429
	// says nothing about when to come back.
	backoffBase = 500 * time.Millisecond
	backoffCap  = 30 * time.Second
)

// retryDelay says how long to wait before retrying a 429 and whether to retry
// at all (not when the wait would outlast ctx's deadline or maxRetryWait).
//
// The wait runs to X-Rate-Limit-Reset. Okta's clock is known from the Date
// header: when the local clock agrees with it (to Date's one-second
// resolution), the reset is measured on the local clock, to the millisecond;
// when it does not, the wait is measured from Date, so a skewed local clock
// changes nothing. Without a reset, Retry-After is used, and without that, a
// capped exponential backoff.
func retryDelay(ctx context.Context, resp *Response, attempt int, now time.Time) (time.Duration, bool) {
	var wait time.Duration
	h := resp.Header
	date, dateErr := http.ParseTime(h.Get("Date"))
	switch {
	case !resp.RateLimit.Reset.IsZero():
		reset := resp.RateLimit.Reset
		if dateErr == nil {
			if skew := now.Sub(date); skew < -time.Second || skew > 2*time.Second {
				wait = reset.Sub(date) // the local clock is off: trust Okta's
				break
			}
		}
		wait = reset.Sub(now)
	case h.Get("Retry-After") != "":
		ra := strings.TrimSpace(h.Get("Retry-After"))
		if secs, err := strconv.Atoi(ra); err == nil {
			wait = time.Duration(secs) * time.Second
		} else if at, err := http.ParseTime(ra); err == nil {
			if dateErr == nil {
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
	if wait > maxRetryWait {
		return wait, false
	}
	if deadline, ok := ctx.Deadline(); ok && now.Add(wait).After(deadline) {
		return wait, false
	}
	return wait, true
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
