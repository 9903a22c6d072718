package okta_test

// The retry policy, rule by rule. Timing tests run in testing/synctest bubbles
// (the fake clock starts at 2000-01-01 00:00:00 UTC and jumps when every
// goroutine is blocked) with a recorder as the transport; connection
// failures use real loopback sockets.

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync/atomic"
	"syscall"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gatekit/okta"
)

// relJSON is jsonResponse with Okta's headers for the bubble's now (a JSON
// Content-Type even without a body) and extra headers as name, value pairs,
// each replacing what was there.
func relJSON(status int, body string, kv ...string) *http.Response {
	resp := jsonResponse(status, body)
	h := resp.Header
	h.Set("Content-Type", "application/json")
	h.Set("Date", time.Now().UTC().Format(http.TimeFormat))
	h.Set("X-Okta-Request-Id", "req-"+strconv.Itoa(status))
	for i := 0; i+1 < len(kv); i += 2 {
		h.Set(kv[i], kv[i+1])
	}
	return resp
}

func relError(status int, kv ...string) *http.Response {
	return relJSON(status, `{"errorCode":"E0000009","errorSummary":"`+http.StatusText(status)+`","errorCauses":[]}`, kv...)
}

// relAppJSON is an app document as Okta answers it.
const relAppJSON = `{"id":"0oa1","name":"bookmark","label":"Docs","signOnMode":"BOOKMARK","status":"ACTIVE","settings":{"app":{"url":"https://example.com"}}}`

// relCall is one operation of each HTTP method the retry rules tell apart.
type relCall struct {
	method string
	call   func(ctx context.Context, c *okta.APIClient) error
}

var relCalls = []relCall{
	{http.MethodGet, func(ctx context.Context, c *okta.APIClient) error {
		_, _, err := c.ApplicationAPI.GetApplication(ctx, okta.GetApplicationRequest{AppID: "0oa1"})
		return err
	}},
	{http.MethodPut, func(ctx context.Context, c *okta.APIClient) error {
		_, _, err := c.ApplicationAPI.UpdateApplication(ctx, okta.UpdateApplicationRequest{AppID: "0oa1", Application: &okta.Application{Label: "Docs"}})
		return err
	}},
	{http.MethodDelete, func(ctx context.Context, c *okta.APIClient) error {
		_, err := c.ApplicationAPI.DeleteApplication(ctx, okta.DeleteApplicationRequest{AppID: "0oa1"})
		return err
	}},
	{http.MethodPost, func(ctx context.Context, c *okta.APIClient) error {
		_, _, err := c.ApplicationAPI.CreateApplication(ctx, okta.CreateApplicationRequest{Application: &okta.Application{Name: "bookmark", Label: "Docs"}})
		return err
	}},
}

func relCallFor(method string) relCall {
	for _, c := range relCalls {
		if c.method == method {
			return c
		}
	}
	panic(method)
}

// Every status an Okta call can fail with, against every method: 429 is
// retried whatever the method (Okta did not process the request); 500, 502,
// 503 and 504 only for GET, PUT and DELETE (a POST may have been processed);
// nothing else.
func TestRetryStatusMethodMatrix(t *testing.T) {
	t.Parallel()
	statuses := []int{400, 401, 403, 404, 405, 409, 429, 500, 501, 502, 503, 504}
	for _, status := range statuses {
		for _, rc := range relCalls {
			t.Run(fmt.Sprintf("%d %s", status, rc.method), func(t *testing.T) {
				t.Parallel()
				synctest.Test(t, func(t *testing.T) {
					org := newRecorder(t, func(n int, r *http.Request) (*http.Response, error) {
						now := time.Now()
						return relError(status, "X-Rate-Limit-Limit", "100", "X-Rate-Limit-Remaining", "0",
							"X-Rate-Limit-Reset", strconv.FormatInt(now.Unix()+1, 10)), nil
					})
					err := rc.call(context.Background(), org.client(okta.WithMaxRetries(2)))
					oe := requireOktaError(t, err)
					assert.Equal(t, status, oe.StatusCode)

					retried := status == 429 || (rc.method != http.MethodPost && (status == 500 || status == 502 || status == 503 || status == 504))
					want := 1
					if retried {
						want = 3
					}
					sent := org.requests()
					require.Len(t, sent, want, "attempts")
					for i, s := range sent {
						assert.Equal(t, rc.method, s.Method)
						if i > 0 {
							assert.Equal(t, strconv.Itoa(i), s.Header.Get("X-Okta-Retry-Count"))
						}
					}
				})
			})
		}
	}
}

// closedAddr returns a loopback address nothing listens on: dialing it is
// refused at once.
func closedAddr(t *testing.T) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := l.Addr().String()
	require.NoError(t, l.Close())
	return addr
}

// freshTransport returns a recorder that sends through a transport of its
// own, so the attempts the SDK makes on real sockets are counted.
func freshTransport(t *testing.T) *recorder {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	t.Cleanup(tr.CloseIdleConnections)
	return newRecorder(t, func(_ int, r *http.Request) (*http.Response, error) { return tr.RoundTrip(r) })
}

// A connection that could not be made carried nothing to Okta: every method is
// retried, POST included.
func TestRetryDialRefusedEveryMethod(t *testing.T) {
	t.Parallel()
	for _, rc := range relCalls {
		t.Run(rc.method, func(t *testing.T) {
			t.Parallel()
			tr := freshTransport(t)
			client := newClient(t, "http://"+closedAddr(t), okta.WithHTTPClient(&http.Client{Transport: tr}), okta.WithMaxRetries(1))
			err := requireError(t, rc.call(context.Background(), client))
			var op *net.OpError
			require.ErrorAs(t, err, &op)
			assert.Equal(t, "dial", op.Op)
			assert.ErrorIs(t, err, syscall.ECONNREFUSED)
			assert.Equal(t, 2, tr.calls(), "attempts")
		})
	}
}

// hangUp is an org that reads each request and then closes the connection
// without an answer: with rst, abortively (the client sees a reset).
func hangUp(t *testing.T, rst bool) (*httptest.Server, *atomic.Int32) {
	f := newTestServer(t)
	f.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		conn, _, err := w.(http.Hijacker).Hijack()
		if err != nil {
			t.Error(err)
			return
		}
		if tcp, ok := conn.(*net.TCPConn); ok && rst {
			tcp.SetLinger(0)
		}
		conn.Close()
	})
	return f.server, &f.calls
}

// A connection lost after the request was sent may have reached Okta: GET,
// PUT and DELETE are sent again, a POST never is.
func TestRetryConnectionLostAfterSending(t *testing.T) {
	t.Parallel()
	for _, rst := range []bool{false, true} {
		for _, rc := range relCalls {
			name := rc.method + " closed"
			if rst {
				name = rc.method + " reset"
			}
			t.Run(name, func(t *testing.T) {
				t.Parallel()
				srv, hits := hangUp(t, rst)
				tr := freshTransport(t)
				client := newClient(t, srv.URL, okta.WithHTTPClient(&http.Client{Transport: tr}), okta.WithMaxRetries(1))
				err := requireError(t, rc.call(context.Background(), client))
				var oe *okta.Error
				assert.False(t, errors.As(err, &oe), "no answer, no *okta.Error")
				assert.Contains(t, err.Error(), rc.method+" /api/v1/apps")
				want := int32(2)
				if rc.method == http.MethodPost {
					want = 1
				}
				assert.Equal(t, want, hits.Load(), "requests that reached the server")
			})
		}
	}
}

// Decide has the last word: it can veto a retry the policy would make and
// allow one it would not, and it sees the failed attempt.
func TestRetryDecideHook(t *testing.T) {
	t.Parallel()
	t.Run("veto", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			var seen []okta.RetryAttempt
			var policy []bool
			org := newRecorder(t, func(int, *http.Request) (*http.Response, error) { return relError(503), nil })
			client := org.client(okta.WithRetryPolicy(okta.RetryPolicy{MaxRetries: 3, Decide: func(a okta.RetryAttempt, retry bool) bool {
				seen, policy = append(seen, a), append(policy, retry)
				return false
			}}))
			oe := requireOktaError(t, relCallFor(http.MethodGet).call(context.Background(), client))
			assert.Equal(t, 503, oe.StatusCode)
			assert.Len(t, org.requests(), 1)
			require.Len(t, seen, 1)
			assert.Equal(t, []bool{true}, policy, "the policy would have retried")
			a := seen[0]
			assert.Equal(t, "getApplication", a.Op)
			assert.Equal(t, http.MethodGet, a.Method)
			assert.Equal(t, 0, a.Retries)
			assert.Equal(t, 503, a.StatusCode)
			require.NotNil(t, a.Response)
			assert.Equal(t, "req-503", a.Response.RequestID)
			assert.NoError(t, a.Err)
		})
	})
	t.Run("allow a POST after a 500", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			var calls int
			org := newRecorder(t, func(n int, _ *http.Request) (*http.Response, error) {
				if n < 2 {
					return relError(500), nil
				}
				return relJSON(200, relAppJSON), nil
			})
			client := org.client(okta.WithRetryPolicy(okta.RetryPolicy{MaxRetries: 2, Decide: func(a okta.RetryAttempt, retry bool) bool {
				calls++
				assert.False(t, retry, "the policy would not retry a POST after a 500")
				assert.Equal(t, "createApplication", a.Op)
				return a.StatusCode == 500
			}}))
			require.NoError(t, relCallFor(http.MethodPost).call(context.Background(), client))
			assert.Len(t, org.requests(), 3)
			assert.Equal(t, 2, calls)
		})
	})
	t.Run("not asked past MaxRetries", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			var calls int
			org := newRecorder(t, func(int, *http.Request) (*http.Response, error) { return relError(500), nil })
			client := org.client(okta.WithRetryPolicy(okta.RetryPolicy{MaxRetries: 2, Decide: func(okta.RetryAttempt, bool) bool {
				calls++
				return true
			}}))
			requireOktaError(t, relCallFor(http.MethodGet).call(context.Background(), client))
			assert.Len(t, org.requests(), 3)
			assert.Equal(t, 2, calls)
		})
	})
	t.Run("sees transport errors", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			boom := errors.New("proxy hung up")
			var seen []okta.RetryAttempt
			org := newRecorder(t, func(int, *http.Request) (*http.Response, error) { return nil, boom })
			client := org.client(okta.WithRetryPolicy(okta.RetryPolicy{MaxRetries: 1, Decide: func(a okta.RetryAttempt, retry bool) bool {
				seen = append(seen, a)
				return retry
			}}))
			err := requireError(t, relCallFor(http.MethodPost).call(context.Background(), client))
			assert.ErrorIs(t, err, boom)
			require.Len(t, seen, 1)
			assert.Zero(t, seen[0].StatusCode)
			assert.Nil(t, seen[0].Response)
			assert.ErrorIs(t, seen[0].Err, boom)
			assert.Len(t, org.requests(), 1, "a POST that may have been sent is not retried")
		})
	})
}

// A wait longer than MaxWait is not begun: the error comes back at once.
func TestRetryMaxWaitExceededReturnsAtOnce(t *testing.T) {
	t.Parallel()
	cases := map[string]func() *http.Response{
		"429 reset in an hour": func() *http.Response {
			return relError(429, "X-Rate-Limit-Limit", "100", "X-Rate-Limit-Remaining", "0",
				"X-Rate-Limit-Reset", strconv.FormatInt(time.Now().Add(time.Hour).Unix(), 10))
		},
		"503 Retry-After an hour": func() *http.Response { return relError(503, "Retry-After", "3600") },
	}
	for name, reply := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			synctest.Test(t, func(t *testing.T) {
				org := newRecorder(t, func(int, *http.Request) (*http.Response, error) { return reply(), nil })
				client := org.client(okta.WithRetryPolicy(okta.RetryPolicy{MaxRetries: 5, MaxWait: time.Minute}))
				start := time.Now()
				requireOktaError(t, relCallFor(http.MethodGet).call(context.Background(), client))
				assert.Zero(t, time.Since(start), "no time passed")
				assert.Len(t, org.requests(), 1)
			})
		})
	}
}

// Without a reset or Retry-After, a failed GET waits an exponential backoff
// with equal jitter: wait n is in [b/2, b] plus at most 20 ms, where b is
// 500 ms << n capped at 30 s. The waits of two clients differ.
func TestRetryBackoffCappedAndJittered(t *testing.T) {
	t.Parallel()
	const retries = 10
	runs := make([][]time.Duration, 4)
	for i := range runs {
		synctest.Test(t, func(t *testing.T) {
			org := newRecorder(t, func(int, *http.Request) (*http.Response, error) { return relError(503), nil })
			client := org.client(okta.WithMaxRetries(retries))
			requireOktaError(t, relCallFor(http.MethodGet).call(context.Background(), client))
			runs[i] = org.gaps()
		})
	}
	for _, gaps := range runs {
		require.Len(t, gaps, retries)
		for n, gap := range gaps {
			b := min(500*time.Millisecond<<n, 30*time.Second)
			assert.GreaterOrEqual(t, gap, b/2, "wait %d", n)
			assert.LessOrEqual(t, gap, b+20*time.Millisecond, "wait %d", n)
		}
	}
	for n := range retries {
		distinct := map[time.Duration]bool{}
		for _, gaps := range runs {
			distinct[gaps[n]] = true
		}
		assert.Greater(t, len(distinct), 1, "wait %d is jittered", n)
	}
}

// A 5xx waits its backoff, not the rate-limit reset its headers carry: only a
// 429 says the bucket is what failed.
func TestRetry5xxIgnoresRateLimitReset(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		org := newRecorder(t, func(n int, _ *http.Request) (*http.Response, error) {
			if n == 0 {
				return relError(503, "X-Rate-Limit-Limit", "100", "X-Rate-Limit-Remaining", "42",
					"X-Rate-Limit-Reset", strconv.FormatInt(time.Now().Add(time.Hour).Unix(), 10)), nil
			}
			return relJSON(200, relAppJSON), nil
		})
		require.NoError(t, relCallFor(http.MethodGet).call(context.Background(), org.client()))
		gaps := org.gaps()
		require.Len(t, gaps, 1)
		assert.GreaterOrEqual(t, gaps[0], 250*time.Millisecond)
		assert.LessOrEqual(t, gaps[0], 520*time.Millisecond)
	})
}

// A backoff is cut short by the caller's context; one that would outlast the
// deadline is not begun.
func TestRetryBackoffHonoursContext(t *testing.T) {
	t.Parallel()
	t.Run("canceled while waiting", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			org := newRecorder(t, func(int, *http.Request) (*http.Response, error) { return relError(503), nil })
			client := org.client(okta.WithMaxRetries(5))
			ctx, cancel := context.WithCancel(context.Background())
			time.AfterFunc(100*time.Millisecond, cancel)
			start := time.Now()
			err := requireError(t, relCallFor(http.MethodGet).call(ctx, client))
			assert.ErrorIs(t, err, context.Canceled)
			var oe *okta.Error
			require.ErrorAs(t, err, &oe, "the 503 is kept")
			assert.Equal(t, 503, oe.StatusCode)
			assert.Equal(t, 100*time.Millisecond, time.Since(start))
			assert.Len(t, org.requests(), 1)
		})
	})
	t.Run("deadline before the backoff ends", func(t *testing.T) {
		synctest.Test(t, func(t *testing.T) {
			org := newRecorder(t, func(int, *http.Request) (*http.Response, error) { return relError(503), nil })
			client := org.client(okta.WithMaxRetries(5))
			ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
			defer cancel()
			start := time.Now()
			oe := requireOktaError(t, relCallFor(http.MethodGet).call(ctx, client))
			assert.Equal(t, 503, oe.StatusCode)
			assert.Zero(t, time.Since(start))
			assert.Len(t, org.requests(), 1)
		})
	})
}

// The default policy, as a client uses it, whether given explicitly or not:
// two retries of a 503 GET and none of a 503 POST; a 429 whose reset is
// within the 2-minute MaxWait is waited for, one beyond it returned at once.
func TestDefaultRetryPolicy(t *testing.T) {
	t.Parallel()
	for name, opts := range map[string][]okta.ConfigOption{
		"implicit": nil,
		"explicit": {okta.WithRetryPolicy(okta.DefaultRetryPolicy())},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			synctest.Test(t, func(t *testing.T) {
				for method, want := range map[string]int{http.MethodGet: 3, http.MethodPost: 1} {
					org := newRecorder(t, func(int, *http.Request) (*http.Response, error) { return relError(503), nil })
					requireOktaError(t, relCallFor(method).call(context.Background(), org.client(opts...)))
					assert.Len(t, org.requests(), want, method)
				}
				for _, tc := range []struct {
					reset time.Duration
					sent  int
				}{{119 * time.Second, 2}, {121 * time.Second, 1}} {
					reset := time.Now().Add(tc.reset)
					org := newRecorder(t, func(n int, _ *http.Request) (*http.Response, error) {
						if n == 0 {
							return relError(429, "X-Rate-Limit-Limit", "10", "X-Rate-Limit-Remaining", "0",
								"X-Rate-Limit-Reset", strconv.FormatInt(reset.Unix(), 10)), nil
						}
						return relJSON(200, relAppJSON), nil
					})
					start := time.Now()
					err := relCallFor(http.MethodGet).call(context.Background(), org.client(opts...))
					assert.Len(t, org.requests(), tc.sent, "reset in %v", tc.reset)
					if tc.sent == 2 {
						assert.NoError(t, err)
						assert.GreaterOrEqual(t, time.Since(start), tc.reset-time.Second, "waited for the reset")
					} else {
						assert.ErrorIs(t, err, okta.ErrRateLimited)
						assert.Zero(t, time.Since(start), "returned at once")
					}
				}
			})
		})
	}
}
