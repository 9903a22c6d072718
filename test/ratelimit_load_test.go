package test

import (
	"context"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gatekit/okta"
	"github.com/gatekit/okta/oktatest"
)

// statusCounter is a RoundTripper that counts the responses it sees by status,
// so a test knows exactly how many 429s the server sent.
type statusCounter struct {
	base http.RoundTripper
	mu   sync.Mutex
	seen map[int]int
}

func (c *statusCounter) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := c.base.RoundTrip(r)
	if err == nil {
		c.mu.Lock()
		if c.seen == nil {
			c.seen = map[int]int{}
		}
		c.seen[resp.StatusCode]++
		c.mu.Unlock()
	}
	return resp, err
}

func (c *statusCounter) reset() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.seen = nil
}

func (c *statusCounter) count(status int) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.seen[status]
}

// TestRateLimitUnderLoad: 64 goroutines share one client and make 3 000 calls
// to one endpoint whose bucket allows 100 requests a second. The proactive
// limiter must hold them so that every call succeeds and at most 1% of the
// responses are 429s. It takes about 30 seconds: the bucket's rate is the
// point.
func TestRateLimitUnderLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("takes ~30 s: 3 000 calls at 100 per second")
	}
	const (
		goroutines = 64
		calls      = 3000
		perSecond  = 100
	)
	srv := oktatest.NewServer(oktatest.WithRateLimit(oktatest.BucketApp, perSecond, time.Second))
	t.Cleanup(srv.Close)

	transport := http.DefaultTransport.(*http.Transport).Clone()
	transport.MaxIdleConnsPerHost = goroutines
	t.Cleanup(transport.CloseIdleConnections)
	counter := &statusCounter{base: transport}
	cfg, err := okta.NewConfiguration(okta.WithOrgURL(srv.URL), okta.WithAPIToken(srv.Token),
		okta.WithHTTPClient(&http.Client{Transport: counter}))
	require.NoError(t, err)
	client := okta.NewAPIClient(cfg)

	ctx := context.Background()
	app, _, err := client.ApplicationAPI.CreateApplication(ctx, okta.CreateApplicationRequest{
		Application: okta.NewBookmarkApplication("load", "https://app.example.com/"),
	})
	require.NoError(t, err)
	counter.reset() // count the load only

	var (
		next   atomic.Int64
		failed atomic.Int64
		wg     sync.WaitGroup
	)
	start := time.Now()
	for range goroutines {
		wg.Go(func() {
			for next.Add(1) <= calls {
				got, _, err := client.ApplicationAPI.GetApplication(ctx, okta.GetApplicationRequest{AppID: app.ID})
				if err != nil {
					if failed.Add(1) <= 5 {
						t.Errorf("GetApplication: %v", err)
					}
					continue
				}
				if got.ID != app.ID {
					t.Errorf("GetApplication returned %q, want %q", got.ID, app.ID)
				}
			}
		})
	}
	wg.Wait()
	elapsed := time.Since(start)

	sent := srv.Requests("getApplication")
	require.Equal(t, sent, counter.count(http.StatusOK)+counter.count(http.StatusTooManyRequests), "every request answered 200 or 429")
	limited := counter.count(http.StatusTooManyRequests)
	t.Logf("%d calls from %d goroutines in %v against %d/s: %d requests sent, %d answered 429 (%.2f%%), %d calls failed",
		calls, goroutines, elapsed.Round(time.Millisecond), perSecond, sent, limited, 100*float64(limited)/float64(sent), failed.Load())
	assert.Zero(t, failed.Load(), "every call succeeds")
	assert.LessOrEqual(t, limited*100, sent, "at most 1%% of the responses are 429")
	assert.Equal(t, calls, counter.count(http.StatusOK), "one 200 per call")
}
