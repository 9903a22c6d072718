package okta_test

// The proactive rate limiter, in testing/synctest bubbles against relBuckets:
// Okta's fixed windows, answering through a recorder, with answers that can be
// held back to arrive late and out of order.

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gatekit/okta"
)

// relHit is one request relBuckets received.
type relHit struct {
	at     time.Duration // since the bubble started
	bucket string
	path   string
	status int
}

// relBuckets is the script of an org (a recorder's respond) that limits each
// of Okta's buckets to limit requests per fixed window (windows start at the
// bubble's start) and says so in
// X-Rate-Limit-* headers; past the limit it answers 429. A request is counted
// when it arrives; delay, if set, then holds its answer back (it gets the
// request and its number in its bucket's window, from 1).
type relBuckets struct {
	limit  int
	window time.Duration
	delay  func(r *http.Request, nth int) time.Duration

	once  sync.Once
	start time.Time
	mu    sync.Mutex
	used  map[string]int // bucket and window -> requests counted
	hits  []relHit
}

func relBucketOf(path string) string {
	rest, _ := strings.CutPrefix(path, "/api/v1/")
	switch {
	case rest == "apps":
		return "/api/v1/apps"
	case strings.HasPrefix(rest, "apps/"):
		return "/api/v1/apps/{id}"
	case strings.HasPrefix(rest, "api-tokens"):
		return "/api/v1/api-tokens"
	}
	return "/api/v1"
}

func (o *relBuckets) respond(_ int, r *http.Request) (*http.Response, error) {
	o.once.Do(func() { o.start = time.Now() })
	now := time.Now()
	since := now.Sub(o.start)
	n := since / o.window
	reset := o.start.Add((n + 1) * o.window)
	bucket := relBucketOf(r.URL.Path)

	o.mu.Lock()
	if o.used == nil {
		o.used = map[string]int{}
	}
	key := bucket + "#" + strconv.Itoa(int(n))
	o.used[key]++
	nth := o.used[key]
	status := http.StatusOK
	if nth > o.limit {
		status = http.StatusTooManyRequests
	}
	o.hits = append(o.hits, relHit{at: since, bucket: bucket, path: r.URL.Path, status: status})
	o.mu.Unlock()

	body := relAppJSON
	switch {
	case status == http.StatusTooManyRequests:
		body = `{"errorCode":"E0000047","errorSummary":"API call exceeded rate limit due to too many requests."}`
	case r.Method == http.MethodGet && (bucket == "/api/v1/apps" || bucket == "/api/v1/api-tokens"):
		body = `[]`
	case strings.Contains(r.URL.Path, "/lifecycle/"):
		body = `{}`
	}
	resp := relJSON(status, body,
		"X-Rate-Limit-Limit", strconv.Itoa(o.limit),
		"X-Rate-Limit-Remaining", strconv.Itoa(max(o.limit-nth, 0)),
		"X-Rate-Limit-Reset", strconv.FormatInt(reset.Unix(), 10))
	if o.delay != nil {
		if d := o.delay(r, nth); d > 0 {
			time.Sleep(d)
		}
	}
	return resp, nil
}

func (o *relBuckets) log() []relHit {
	o.mu.Lock()
	defer o.mu.Unlock()
	return append([]relHit(nil), o.hits...)
}

func (o *relBuckets) limited() int {
	n := 0
	for _, h := range o.log() {
		if h.status == http.StatusTooManyRequests {
			n++
		}
	}
	return n
}

// client returns a client whose transport is a recorder answering as o.
func (o *relBuckets) client(t testing.TB, opts ...okta.ConfigOption) *okta.APIClient {
	return newRecorder(t, o.respond).client(opts...)
}

func relGet(t *testing.T, c *okta.APIClient, id string) {
	t.Helper()
	_, _, err := c.ApplicationAPI.GetApplication(context.Background(), okta.GetApplicationRequest{AppID: id})
	assert.NoError(t, err)
}

// after runs f in a goroutine of wg once d has passed on the bubble's clock.
func after(wg *sync.WaitGroup, d time.Duration, f func()) {
	wg.Go(func() {
		time.Sleep(d)
		f()
	})
}

// Once a bucket is spent, requests from every goroutine of the client wait
// for its reset instead of collecting 429s: 21 requests to a bucket of 5 a
// minute take five windows and none is refused.
func TestLimiterHoldsSpentBucketAcrossGoroutines(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		org := &relBuckets{limit: 5, window: time.Minute}
		client := org.client(t)
		relGet(t, client, "0oa1") // learn the bucket
		var wg sync.WaitGroup
		for range 20 {
			after(&wg, time.Second, func() { relGet(t, client, "0oa1") })
		}
		wg.Wait()

		hits := org.log()
		assert.Len(t, hits, 21)
		assert.Zero(t, org.limited(), "no 429")
		perWindow := map[time.Duration]int{}
		for _, h := range hits {
			perWindow[h.at/time.Minute]++
		}
		assert.Equal(t, map[time.Duration]int{0: 5, 1: 5, 2: 5, 3: 5, 4: 1}, perWindow)
		last := hits[len(hits)-1].at
		assert.GreaterOrEqual(t, last, 4*time.Minute)
		assert.Less(t, last, 4*time.Minute+time.Second, "released at the reset, not later")
	})
}

// WithProactiveRateLimit(false) sends at once, and Okta answers 429.
func TestLimiterOff(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		org := &relBuckets{limit: 1, window: time.Minute}
		client := org.client(t, okta.WithProactiveRateLimit(false), okta.WithMaxRetries(0))
		relGet(t, client, "0oa1")
		time.Sleep(time.Second)
		_, _, err := client.ApplicationAPI.GetApplication(context.Background(), okta.GetApplicationRequest{AppID: "0oa1"})
		assert.ErrorIs(t, err, okta.ErrRateLimited)
		hits := org.log()
		require.Len(t, hits, 2)
		assert.Equal(t, time.Second, hits[1].at, "sent at once")
	})
}

// /api/v1/apps, /api/v1/apps/{id} (everything under one app) and
// /api/v1/api-tokens are held separately: a spent {id} bucket holds requests
// for every app and their lifecycle, and nothing else.
func TestLimiterBucketsIndependent(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		org := &relBuckets{limit: 1, window: time.Minute}
		client := org.client(t)
		ctx := context.Background()
		relGet(t, client, "0oa1") // spends /api/v1/apps/{id}

		_, _, err := client.ApplicationAPI.ListApplications(ctx, okta.ListApplicationsRequest{})
		require.NoError(t, err)
		_, _, err = client.ApiTokenAPI.ListApiTokens(ctx, okta.ListApiTokensRequest{})
		require.NoError(t, err)
		assert.Zero(t, time.Since(org.start), "other buckets are not held")

		relGet(t, client, "0oa2")
		_, err = client.ApplicationAPI.ActivateApplication(ctx, okta.ActivateApplicationRequest{AppID: "0oa3"})
		require.NoError(t, err)

		hits := org.log()
		require.Len(t, hits, 5)
		assert.Equal(t, "/api/v1/apps/0oa2", hits[3].path)
		assert.GreaterOrEqual(t, hits[3].at, time.Minute, "another app waits for the {id} bucket")
		assert.Equal(t, "/api/v1/apps/0oa3/lifecycle/activate", hits[4].path)
		assert.GreaterOrEqual(t, hits[4].at, 2*time.Minute, "so does an app's lifecycle")
		assert.Zero(t, org.limited())
	})
}

// Answers that arrive out of order do not raise Remaining within a window: an
// answer saying 3 left, arriving after one saying 1 left, leaves the client
// one request, not three.
func TestLimiterOutOfOrderAnswersDoNotRaiseRemaining(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		remaining := []string{"1", "3"} // the second answer is older news
		org := newRecorder(t, func(n int, _ *http.Request) (*http.Response, error) {
			rem := "0"
			if n < len(remaining) {
				rem = remaining[n]
			}
			return relJSON(200, relAppJSON, "X-Rate-Limit-Limit", "10", "X-Rate-Limit-Remaining", rem,
				"X-Rate-Limit-Reset", strconv.FormatInt(time.Now().Add(time.Minute).Unix(), 10)), nil
		})
		client := org.client()
		start := time.Now()
		for range 3 {
			_, _, err := client.ApplicationAPI.GetApplication(context.Background(), okta.GetApplicationRequest{AppID: "0oa1"})
			require.NoError(t, err)
		}
		sent := org.requests()
		require.Len(t, sent, 3)
		assert.Equal(t, start, sent[1].At, "the one request left goes at once")
		assert.GreaterOrEqual(t, sent[2].At.Sub(start), time.Minute, "the third waits for the reset")
	})
}

// The first answers about a bucket do not know of the requests sent before
// them: 5 requests sent at once to a bucket of 5, and the first answer (saying
// 4 left) arrives before the rest. Requests made then wait for the reset.
func TestLimiterCountsRequestsSentBeforeTheFirstAnswer(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		org := &relBuckets{limit: 5, window: time.Minute}
		org.delay = func(_ *http.Request, nth int) time.Duration {
			if time.Since(org.start) >= time.Minute {
				return 0
			}
			if nth == 1 {
				return time.Second
			}
			return 10 * time.Second
		}
		client := org.client(t)
		var wg sync.WaitGroup
		for range 5 {
			after(&wg, 0, func() { relGet(t, client, "0oa1") })
		}
		for range 3 {
			after(&wg, 2*time.Second, func() { relGet(t, client, "0oa1") })
		}
		wg.Wait()
		assert.Zero(t, org.limited(), "no 429")
		hits := org.log()
		require.Len(t, hits, 8)
		for _, h := range hits[5:] {
			assert.GreaterOrEqual(t, h.at, time.Minute)
		}
	})
}

// When the limiter starts a window on its own (the reset passed), the first
// answer of the new window does not know of the other requests already sent
// in it: they still count.
func TestLimiterCountsRequestsInFlightAfterReset(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		org := &relBuckets{limit: 3, window: time.Minute}
		org.delay = func(_ *http.Request, nth int) time.Duration {
			if time.Since(org.start) < time.Minute {
				return 0
			}
			if nth == 1 {
				return 500 * time.Millisecond
			}
			return 5 * time.Second
		}
		client := org.client(t)
		for range 3 { // spend the first window
			relGet(t, client, "0oa1")
		}
		var wg sync.WaitGroup
		for range 3 { // sent at the reset; the first answer says 2 left
			after(&wg, time.Second, func() { relGet(t, client, "0oa1") })
		}
		for range 2 { // made after that answer came
			after(&wg, time.Minute+time.Second, func() { relGet(t, client, "0oa1") })
		}
		wg.Wait()
		assert.Zero(t, org.limited(), "no 429")
		hits := org.log()
		require.Len(t, hits, 8)
		for _, h := range hits[6:] {
			assert.GreaterOrEqual(t, h.at, 2*time.Minute)
		}
	})
}

// An answer that arrives after its window ended says nothing about the new
// one: it must not make the limiter start the window over.
func TestLimiterIgnoresAnswersFromAnEndedWindow(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		org := &relBuckets{limit: 2, window: time.Minute}
		org.delay = func(r *http.Request, nth int) time.Duration {
			switch {
			case r.URL.Path == "/api/v1/apps/late":
				return 1500 * time.Millisecond // sent at 59 s, answered at 60.5 s
			case time.Since(org.start) >= time.Minute: // in flight together
				return time.Second
			}
			return 0
		}
		client := org.client(t)
		relGet(t, client, "0oa1") // 1 left
		var wg sync.WaitGroup
		after(&wg, 59*time.Second, func() { relGet(t, client, "late") })         // the last of window 0
		after(&wg, 59500*time.Millisecond, func() { relGet(t, client, "0oa1") }) // sent at the reset, answered at 61 s
		for range 2 {
			after(&wg, time.Minute+600*time.Millisecond, func() { relGet(t, client, "0oa1") })
		}
		wg.Wait()
		assert.Zero(t, org.limited(), "no 429")
		hits := org.log()
		require.Len(t, hits, 5)
		assert.GreaterOrEqual(t, hits[4].at, 2*time.Minute, "the window's third request waits for its reset")
	})
}

// rlHeaders are X-Rate-Limit-* headers for a bucket of limit, with remaining
// left ("" leaves Remaining out), resetting in d on the bubble's clock.
func rlHeaders(limit int, remaining string, d time.Duration) []string {
	kv := []string{"X-Rate-Limit-Limit", strconv.Itoa(limit), "X-Rate-Limit-Reset", strconv.FormatInt(time.Now().Add(d).Unix(), 10)}
	if remaining != "" {
		kv = append(kv, "X-Rate-Limit-Remaining", remaining)
	}
	return kv
}

// A window the limiter opens itself (the known reset passed) ends on its own:
// when the answers stop carrying X-Rate-Limit-* headers (a load balancer's
// 503s, dropped connections), a spent bucket is held for a window at most,
// not forever. The first answer says 1 of 2 left until a reset a minute
// away; no answer after it says anything.
func TestLimiterOwnWindowExpires(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		org := newRecorder(t, func(n int, _ *http.Request) (*http.Response, error) {
			if n == 0 {
				return relJSON(200, relAppJSON, rlHeaders(2, "1", time.Minute)...), nil
			}
			return relJSON(200, relAppJSON), nil // nothing about the bucket
		})
		client := org.client()
		// A deadline bounds the test: the old limiter polled forever.
		ctx, cancel := context.WithTimeout(context.Background(), time.Hour)
		defer cancel()
		start := time.Now()
		for i := range 7 {
			_, _, err := client.ApplicationAPI.GetApplication(ctx, okta.GetApplicationRequest{AppID: "0oa1"})
			require.NoError(t, err, "call %d", i)
		}
		var at []time.Duration
		for _, s := range org.requests() {
			at = append(at, s.At.Sub(start).Truncate(time.Second))
		}
		// Two in the known window, then two per window the limiter opens.
		assert.Equal(t, []time.Duration{0, 0, time.Minute, time.Minute, 2 * time.Minute, 2 * time.Minute, 3 * time.Minute}, at)
	})
}

// A spent bucket whose reset is further away than the retry policy's MaxWait
// refuses the next call at once, as the 429 that said so was returned at
// once: it used to hold the call (and a context.Background() caller) until
// the reset, hours later. A reset within MaxWait is waited for.
func TestLimiterObeysMaxWait(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		reset := 3 * time.Hour
		org := newRecorder(t, func(n int, _ *http.Request) (*http.Response, error) {
			if n == 0 {
				return relJSON(429, `{"errorCode":"E0000047"}`, rlHeaders(10, "0", reset)...), nil
			}
			return relJSON(200, relAppJSON, rlHeaders(10, "9", time.Minute)...), nil
		})
		client := org.client(okta.WithRetryPolicy(okta.RetryPolicy{MaxRetries: 2, MaxWait: 10 * time.Minute}))
		ctx := context.Background()
		_, _, err := client.ApplicationAPI.GetApplication(ctx, okta.GetApplicationRequest{AppID: "0oa1"})
		require.ErrorIs(t, err, okta.ErrRateLimited, "the 429 is returned: its reset is beyond MaxWait")

		start := time.Now()
		_, _, err = client.ApplicationAPI.GetApplication(ctx, okta.GetApplicationRequest{AppID: "0oa2"})
		requireError(t, err)
		require.ErrorIs(t, err, okta.ErrRateLimited)
		assert.Contains(t, err.Error(), "MaxWait")
		assert.Zero(t, time.Since(start), "refused at once")
		assert.Len(t, org.requests(), 1, "not sent")

		// Within MaxWait (the configured 10 minutes, not the default 2): held.
		time.Sleep(reset - 5*time.Minute)
		_, _, err = client.ApplicationAPI.GetApplication(ctx, okta.GetApplicationRequest{AppID: "0oa3"})
		require.NoError(t, err)
		assert.GreaterOrEqual(t, time.Since(start), reset)
		assert.Len(t, org.requests(), 2)
	})
}

// A missing or unreadable X-Rate-Limit-Remaining is not zero: the limiter
// keeps its own count (limit less what it sent) instead of holding the bucket
// until the reset.
func TestLimiterUnknownRemainingIsNotZero(t *testing.T) {
	t.Parallel()
	for name, remaining := range map[string]string{"missing": "", "blank": " ", "unreadable": "many", "negative": "-1"} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			synctest.Test(t, func(t *testing.T) {
				org := newRecorder(t, func(n int, _ *http.Request) (*http.Response, error) {
					return relJSON(200, relAppJSON, rlHeaders(3, remaining, time.Minute)...), nil
				})
				client := org.client()
				start := time.Now()
				for range 4 {
					relGetCtx(t, client)
				}
				sent := org.requests()
				require.Len(t, sent, 4)
				for i, s := range sent[:3] {
					assert.Equal(t, start, s.At, "request %d of the 3 the bucket holds goes at once", i)
				}
				assert.GreaterOrEqual(t, sent[3].At.Sub(start), time.Minute, "the fourth waits for the reset")
			})
		})
	}
}

func relGetCtx(t *testing.T, c *okta.APIClient) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Hour) // bounds a regression
	defer cancel()
	_, _, err := c.ApplicationAPI.GetApplication(ctx, okta.GetApplicationRequest{AppID: "0oa1"})
	require.NoError(t, err)
}
