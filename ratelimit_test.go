package okta_test

// The 429 tests run inside testing/synctest bubbles: time is fake (it starts at
// 2000-01-01 00:00:00 UTC and jumps when every goroutine is blocked), so the
// waits are measured exactly and cost no real time. The transport is a
// recorder: no network inside a bubble.

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gatekit/okta"
)

const (
	body429 = `{"errorCode":"E0000047","errorSummary":"API call exceeded rate limit due to too many requests.","errorLink":"E0000047","errorId":"oaeRL","errorCauses":[]}`
)

// respond429 builds a 429 with the given headers (name, value pairs).
func respond429(reqID string, kv ...string) *http.Response {
	resp := jsonResponse(http.StatusTooManyRequests, body429)
	resp.Header.Set("X-Okta-Request-Id", reqID)
	resp.Header.Set("X-Rate-Limit-Limit", "600")
	resp.Header.Set("X-Rate-Limit-Remaining", "0")
	for i := 0; i+1 < len(kv); i += 2 {
		resp.Header.Set(kv[i], kv[i+1])
	}
	return resp
}

func respondToken(reqID string) *http.Response {
	resp := jsonResponse(http.StatusOK, `{"id":"00T1","name":"after the wait"}`)
	resp.Header.Set("X-Okta-Request-Id", reqID)
	resp.Header.Set("X-Rate-Limit-Limit", "600")
	resp.Header.Set("X-Rate-Limit-Remaining", "599")
	return resp
}

// scripted returns a recorder that answers the nth request (from 0) with
// next(n), and a client for it.
func scripted(t *testing.T, next func(n int) *http.Response, opts ...okta.ConfigOption) (*recorder, *okta.APIClient) {
	t.Helper()
	m := newRecorder(t, func(n int, _ *http.Request) (*http.Response, error) { return next(n), nil })
	return m, m.client(opts...)
}

func httpDate(t time.Time) string { return t.UTC().Format(http.TimeFormat) }

func getToken(c *okta.APIClient, ctx context.Context) (*okta.ApiToken, *okta.Response, error) {
	return c.ApiTokenAPI.GetApiToken(ctx, okta.GetApiTokenRequest{ApiTokenID: "00T1"})
}

func TestRetryWaitsForResetLocalClockInSync(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		require.Equal(t, time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC), start.UTC())
		m, client := scripted(t, func(n int) *http.Response {
			if n == 0 {
				now := time.Now()
				return respond429("r1", "Date", httpDate(now), "X-Rate-Limit-Reset", strconv.FormatInt(now.Unix()+5, 10))
			}
			return respondToken("r2")
		})
		tok, resp, err := getToken(client, context.Background())
		require.NoError(t, err)
		assert.Equal(t, "after the wait", tok.Name)
		assert.Equal(t, "r2", resp.RequestID)
		assert.Equal(t, 599, resp.RateLimit.Remaining)

		elapsed := time.Since(start)
		assert.GreaterOrEqual(t, elapsed, 5*time.Second, "waited until the reset")
		assert.Less(t, elapsed, 5*time.Second+20*time.Millisecond, "reset − now + jitter")
		a := m.requests()
		require.Len(t, a, 2)
		assert.Equal(t, elapsed, a[1].At.Sub(start))
	})
}

func TestRetryWaitsForResetLocalClockSkewed(t *testing.T) {
	for _, skew := range []time.Duration{3 * time.Hour, -3 * time.Hour, 10 * time.Second} {
		t.Run(fmt.Sprint(skew), func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				start := time.Now()
				m, client := scripted(t, func(n int) *http.Response {
					if n == 0 {
						oktaNow := time.Now().Add(skew) // Okta's clock
						return respond429("r1", "Date", httpDate(oktaNow), "X-Rate-Limit-Reset", strconv.FormatInt(oktaNow.Unix()+7, 10))
					}
					return respondToken("r2")
				})
				_, _, err := getToken(client, context.Background())
				require.NoError(t, err)
				elapsed := time.Since(start)
				assert.GreaterOrEqual(t, elapsed, 7*time.Second, "wait = reset − Date")
				assert.Less(t, elapsed, 7*time.Second+20*time.Millisecond)
				assert.Len(t, m.requests(), 2)
			})
		})
	}
}

func TestRetryAfter(t *testing.T) {
	tests := []struct {
		name    string
		headers func(now time.Time) []string
		want    time.Duration
	}{
		{"seconds", func(time.Time) []string { return []string{"Retry-After", "3"} }, 3 * time.Second},
		{"HTTP date", func(now time.Time) []string {
			return []string{"Date", httpDate(now), "Retry-After", httpDate(now.Add(4 * time.Second))}
		}, 4 * time.Second},
		{"HTTP date, skewed clock", func(now time.Time) []string {
			oktaNow := now.Add(2 * time.Hour)
			return []string{"Date", httpDate(oktaNow), "Retry-After", httpDate(oktaNow.Add(6 * time.Second))}
		}, 6 * time.Second},
		{"HTTP date, no Date", func(now time.Time) []string {
			return []string{"Retry-After", httpDate(now.Add(2 * time.Second))}
		}, 2 * time.Second},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				start := time.Now()
				_, client := scripted(t, func(n int) *http.Response {
					if n == 0 {
						return respond429("r1", tt.headers(time.Now())...)
					}
					return respondToken("r2")
				})
				_, _, err := getToken(client, context.Background())
				require.NoError(t, err)
				elapsed := time.Since(start)
				assert.GreaterOrEqual(t, elapsed, tt.want)
				assert.Less(t, elapsed, tt.want+20*time.Millisecond)
			})
		})
	}
}

// Without a reset or Retry-After, the waits grow exponentially, jittered
// within [d/2, d] plus up to 20ms.
func TestRetryExponentialBackoff(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		m, client := scripted(t, func(n int) *http.Response {
			if n < 4 {
				return respond429(fmt.Sprintf("r%d", n+1))
			}
			return respondToken("ok")
		}, okta.WithMaxRetries(4))
		_, _, err := getToken(client, context.Background())
		require.NoError(t, err)
		a := m.requests()
		require.Len(t, a, 5)
		for i, d := range []time.Duration{500 * time.Millisecond, time.Second, 2 * time.Second, 4 * time.Second} {
			gap := a[i+1].At.Sub(a[i].At)
			assert.GreaterOrEqual(t, gap, d/2, "wait %d", i)
			assert.LessOrEqual(t, gap, d+20*time.Millisecond, "wait %d", i)
		}
	})
}

// A backoff that grows past the cap is held at 30 s.
func TestRetryBackoffCapped(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		m, client := scripted(t, func(n int) *http.Response {
			if n < 9 {
				return respond429("r")
			}
			return respondToken("ok")
		}, okta.WithMaxRetries(9))
		_, _, err := getToken(client, context.Background())
		require.NoError(t, err)
		a := m.requests()
		require.Len(t, a, 10)
		last := a[9].At.Sub(a[8].At) // 500ms << 8 = 128 s, capped
		assert.GreaterOrEqual(t, last, 15*time.Second)
		assert.LessOrEqual(t, last, 30*time.Second+20*time.Millisecond)
	})
}

// A wait that would outlast the context's deadline is not begun: the 429 is
// returned at once.
func TestRetryNeverSleepsPastDeadline(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		m, client := scripted(t, func(n int) *http.Response {
			now := time.Now()
			return respond429("r1", "Date", httpDate(now), "X-Rate-Limit-Reset", strconv.FormatInt(now.Unix()+10, 10))
		})
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		_, resp, err := getToken(client, ctx)
		oe := requireOktaError(t, err)
		assert.ErrorIs(t, err, okta.ErrRateLimited)
		assert.NotErrorIs(t, err, context.DeadlineExceeded)
		assert.Equal(t, http.StatusTooManyRequests, oe.StatusCode)
		assert.Equal(t, "r1", oe.RequestID)
		assert.Equal(t, http.StatusTooManyRequests, resp.StatusCode)
		assert.Zero(t, time.Since(start), "no fake time passed")
		assert.Len(t, m.requests(), 1)
	})
}

// After the default two retries the last 429 is returned, whole.
func TestRetryDefaultTwiceThenError(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		m, client := scripted(t, func(n int) *http.Response {
			now := time.Now()
			return respond429(fmt.Sprintf("r%d", n+1), "Date", httpDate(now), "X-Rate-Limit-Reset", strconv.FormatInt(now.Unix()+1, 10))
		})
		tok, resp, err := getToken(client, context.Background())
		assert.Nil(t, tok)
		oe := requireOktaError(t, err)
		assert.ErrorIs(t, err, okta.ErrRateLimited)
		assert.Equal(t, http.StatusTooManyRequests, oe.StatusCode)
		assert.Equal(t, "E0000047", oe.ErrorCode)
		assert.Equal(t, "API call exceeded rate limit due to too many requests.", oe.ErrorSummary)
		assert.Equal(t, "r3", oe.RequestID, "the last 429's")
		assert.Equal(t, body429, string(oe.Body))
		require.NotNil(t, oe.Response)
		assert.Same(t, resp, oe.Response)
		assert.Equal(t, "r3", oe.Response.Header.Get("X-Okta-Request-Id"))
		assert.Equal(t, okta.RateLimit{Limit: 600, Remaining: 0, Reset: start.Add(3 * time.Second).Truncate(time.Second)}, oe.Response.RateLimit)
		assert.Contains(t, err.Error(), "429 Too Many Requests")
		assert.Contains(t, err.Error(), "E0000047")
		assert.Len(t, m.requests(), 3)

		// Each retry names the 429 it follows, counts itself, and is
		// authorized anew.
		a := m.requests()
		for i, at := range a {
			assert.Equal(t, "SSWS "+testToken, at.Header.Get("Authorization"), "attempt %d", i)
			if i == 0 {
				assert.Empty(t, at.Header.Values("X-Okta-Retry-For"))
				assert.Empty(t, at.Header.Values("X-Okta-Retry-Count"))
				continue
			}
			assert.Equal(t, []string{fmt.Sprintf("r%d", i)}, at.Header.Values("X-Okta-Retry-For"), "attempt %d", i)
			assert.Equal(t, []string{strconv.Itoa(i)}, at.Header.Values("X-Okta-Retry-Count"), "attempt %d", i)
		}
	})
}

func TestRetryOff(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		m, client := scripted(t, func(n int) *http.Response {
			return respond429("r1", "Retry-After", "1")
		}, okta.WithMaxRetries(0))
		_, _, err := getToken(client, context.Background())
		requireOktaError(t, err)
		assert.ErrorIs(t, err, okta.ErrRateLimited)
		assert.Len(t, m.requests(), 1)
		assert.Zero(t, time.Since(start))
	})
}

// A retried POST sends its body again, byte for byte.
func TestRetryResendsPostBody(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		m, client := scripted(t, func(n int) *http.Response {
			if n < 2 {
				return respond429(fmt.Sprintf("r%d", n+1), "Retry-After", "1")
			}
			return jsonResponse(http.StatusOK, `{"id":"0oa1","name":"bookmark","label":"Retry me","signOnMode":"BOOKMARK"}`)
		})
		const doc = `{"name":"bookmark","label":"Retry me","signOnMode":"BOOKMARK","settings":{"app":{"url":"https://example.com/x","requestIntegration":false}},"futureMember":{"n":12345678901234567890}}`
		var app okta.Application
		require.NoError(t, json.Unmarshal([]byte(doc), &app))
		got, _, err := client.ApplicationAPI.CreateApplication(context.Background(), okta.CreateApplicationRequest{Application: &app})
		require.NoError(t, err)
		assert.Equal(t, "0oa1", got.ID)
		a := m.requests()
		require.Len(t, a, 3)
		assert.JSONEq(t, doc, string(a[0].Body))
		for i := range a {
			assert.Equal(t, string(a[0].Body), string(a[i].Body), "attempt %d", i)
			assert.Equal(t, "application/json", a[i].Header.Get("Content-Type"))
			assert.Equal(t, "SSWS "+testToken, a[i].Header.Get("Authorization"))
		}
		assert.Equal(t, "r2", a[2].Header.Get("X-Okta-Retry-For"))
		assert.Equal(t, "2", a[2].Header.Get("X-Okta-Retry-Count"))
	})
}

// Canceling the context during a wait ends the call at once with an error
// that is both the cancellation and the 429.
func TestRetryCanceledDuringWait(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		m, client := scripted(t, func(n int) *http.Response {
			now := time.Now()
			return respond429("r1", "Date", httpDate(now), "X-Rate-Limit-Reset", strconv.FormatInt(now.Unix()+30, 10))
		})
		ctx, cancel := context.WithCancel(context.Background())
		time.AfterFunc(1500*time.Millisecond, cancel)
		_, _, err := getToken(client, ctx)
		requireError(t, err)
		assert.ErrorIs(t, err, context.Canceled)
		assert.ErrorIs(t, err, okta.ErrRateLimited)
		var oe *okta.Error
		require.True(t, errors.As(err, &oe))
		assert.Equal(t, "r1", oe.RequestID)
		assert.Equal(t, 1500*time.Millisecond, time.Since(start), "returned when canceled")
		assert.Len(t, m.requests(), 1)
	})
}

// Other 4xx answers are never retried.
func TestNoRetryFor4xx(t *testing.T) {
	for _, status := range []int{400, 401, 403, 404} {
		t.Run(strconv.Itoa(status), func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				m, client := scripted(t, func(int) *http.Response {
					resp := jsonResponse(status, `{"errorCode":"E0000001"}`)
					resp.Header.Del("Content-Type") // an error body Okta did not label
					resp.Header.Set("Retry-After", "1")
					return resp
				})
				_, _, err := getToken(client, context.Background())
				oe := requireOktaError(t, err)
				assert.Equal(t, status, oe.StatusCode)
				assert.Len(t, m.requests(), 1)
			})
		})
	}
}

func TestRateLimitHeaders(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name    string
		headers map[string]string
		want    okta.RateLimit
	}{
		{"all", map[string]string{"X-Rate-Limit-Limit": "100", "X-Rate-Limit-Remaining": "7", "X-Rate-Limit-Reset": "946684860"},
			okta.RateLimit{Limit: 100, Remaining: 7, Reset: time.Unix(946684860, 0)}},
		{"none", nil, okta.RateLimit{}},
		{"unreadable", map[string]string{"X-Rate-Limit-Limit": "many", "X-Rate-Limit-Remaining": "", "X-Rate-Limit-Reset": "soon"}, okta.RateLimit{}},
		{"padded", map[string]string{"X-Rate-Limit-Limit": " 50 ", "X-Rate-Limit-Remaining": "0", "X-Rate-Limit-Reset": " 946684800"},
			okta.RateLimit{Limit: 50, Remaining: 0, Reset: time.Unix(946684800, 0)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := setup(t)
			f.mux.HandleFunc("/api-tokens/", func(w http.ResponseWriter, r *http.Request) {
				for k, v := range tt.headers {
					w.Header().Set(k, v)
				}
				w.WriteHeader(http.StatusNoContent)
			})
			resp, err := f.client.ApiTokenAPI.RevokeApiToken(context.Background(), okta.RevokeApiTokenRequest{ApiTokenID: "x"})
			require.NoError(t, err)
			assert.Equal(t, tt.want, resp.RateLimit)
		})
	}
}

// Durations from the server saturate instead of wrapping around: a
// Retry-After or X-Rate-Limit-Reset too far away (or too large to read) is a
// wait longer than MaxWait, so the answer is returned at once. They used to
// overflow into a wait of zero: an immediate retry, and a limiter spinning
// on a bucket "spent" for a negative time. Real time, not a bubble: a spin
// would never let a bubble's clock reach the deadline that bounds the test.
func TestRetryHugeWaitsSaturate(t *testing.T) {
	t.Parallel()
	for name, kv := range map[string][]string{
		"Retry-After past MaxInt64 ns":          {"X-Rate-Limit-Reset", "", "Retry-After", "9223372037"},
		"Retry-After past uint64":               {"X-Rate-Limit-Reset", "", "Retry-After", "99999999999999999999999"},
		"X-Rate-Limit-Reset MaxInt64":           {"X-Rate-Limit-Reset", "9223372036854775807"},
		"X-Rate-Limit-Reset past uint64":        {"X-Rate-Limit-Reset", "99999999999999999999999"},
		"X-Rate-Limit-Reset past the year 9999": {"X-Rate-Limit-Reset", "253402300800"},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			m, client := scripted(t, func(n int) *http.Response {
				if n == 0 {
					return respond429("r1", kv...)
				}
				return respondToken("r2")
			})
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			start := time.Now()
			_, resp, err := getToken(client, ctx)
			require.ErrorIs(t, err, okta.ErrRateLimited)
			assert.NotErrorIs(t, err, context.DeadlineExceeded)
			assert.Len(t, m.requests(), 1, "not retried")
			assert.Less(t, time.Since(start), time.Second, "returned at once")
			if kv[1] == "" {
				return
			}
			require.NotNil(t, resp)
			assert.Equal(t, 9999, resp.RateLimit.Reset.UTC().Year(), "the reset saturates")
			// The limiter holds the bucket no longer than MaxWait either: the
			// next call is refused at once, not spun on.
			_, _, err = getToken(client, ctx)
			require.ErrorIs(t, err, okta.ErrRateLimited)
			assert.Contains(t, err.Error(), "MaxWait")
			assert.Less(t, time.Since(start), time.Second, "refused at once")
			assert.Len(t, m.requests(), 1, "not sent")
		})
	}
}

// A retry whose deadline falls just after the reset is made, before the
// deadline: the jitter is cut to fit. It used to push the wait past the
// deadline 19 times in 20, and the 429 was returned instead.
func TestRetryJitterFitsBeforeDeadline(t *testing.T) {
	for i := range 20 {
		synctest.Test(t, func(t *testing.T) {
			start := time.Now()
			m, client := scripted(t, func(n int) *http.Response {
				if n == 0 {
					return respond429("r1", "Date", httpDate(start), "X-Rate-Limit-Reset", strconv.FormatInt(start.Unix()+10, 10))
				}
				return respondToken("r2")
			})
			deadline := start.Add(10*time.Second + time.Millisecond)
			ctx, cancel := context.WithDeadline(context.Background(), deadline)
			defer cancel()
			_, _, err := getToken(client, ctx)
			require.NoError(t, err, "run %d", i)
			a := m.requests()
			require.Len(t, a, 2)
			assert.False(t, a[1].At.Before(start.Add(10*time.Second)), "not before the reset")
			assert.True(t, a[1].At.Before(deadline), "sent before the deadline")
		})
	}
}
