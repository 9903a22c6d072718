package okta

// The access-token cache shared by every request of an APIClient.

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"golang.org/x/oauth2"
)

// tokenCache holds the current access token and refreshes it shortly before
// it expires. Many goroutines needing a token at once share one fetch.
type tokenCache struct {
	fetch func(context.Context) (*oauth2.Token, error)
	now   func() time.Time

	mu        sync.Mutex
	tok       *oauth2.Token
	refreshAt time.Time // zero: until the server refuses the token
	inflight  *tokenFetch
}

type tokenFetch struct {
	done chan struct{}
	tok  *oauth2.Token
	err  error
}

// refreshMargin is how long before its expiry a token is replaced: 30 seconds,
// or a quarter of the token's lifetime when that is shorter.
func refreshMargin(lifetime time.Duration) time.Duration {
	return min(30*time.Second, lifetime/4)
}

// token returns a valid token, fetching one with ctx when none is cached. A
// caller that waits on another's fetch stops waiting when its own ctx ends,
// and fetches anew if the other's fetch ended with its context.
func (c *tokenCache) token(ctx context.Context) (*oauth2.Token, error) {
	for {
		c.mu.Lock()
		if c.tok != nil && (c.refreshAt.IsZero() || c.now().Before(c.refreshAt)) {
			t := c.tok
			c.mu.Unlock()
			return t, nil
		}
		f := c.inflight
		if f == nil {
			f = &tokenFetch{done: make(chan struct{})}
			c.inflight = f
			c.mu.Unlock()
			c.lead(ctx, f)
			return f.tok, f.err
		}
		c.mu.Unlock()
		select {
		case <-f.done:
			if f.err == nil {
				return f.tok, nil
			}
			if ctx.Err() == nil && (errors.Is(f.err, context.Canceled) || errors.Is(f.err, context.DeadlineExceeded)) {
				continue // the fetching caller gave up; this one has not
			}
			return nil, f.err
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
}

// lead runs the fetch that f stands for and publishes its result. Whatever
// the fetch does, a panic included (in a ClientAssertionFunc, a TokenSource or
// a log handler), the fetch ends: inflight is cleared, waiters are released
// and the panic becomes f's error, so that no later caller waits forever.
func (c *tokenCache) lead(ctx context.Context, f *tokenFetch) {
	defer func() {
		if p := recover(); p != nil {
			f.tok, f.err = nil, fmt.Errorf("%w: %s", errFetchPanicked, excerpt(fmt.Append(nil, p), 200))
		}
		c.mu.Lock()
		if f.err == nil {
			c.tok, c.refreshAt = f.tok, time.Time{}
			if !f.tok.Expiry.IsZero() {
				c.refreshAt = f.tok.Expiry.Add(-refreshMargin(f.tok.Expiry.Sub(c.now())))
			}
		}
		c.inflight = nil
		c.mu.Unlock()
		close(f.done)
	}()
	f.tok, f.err = c.fetch(ctx)
}

// errFetchPanicked is the error of a token fetch that panicked.
var errFetchPanicked = errors.New("getting an access token panicked")

// drop forgets the cached token if it is still the one refused (access): a
// token another request has already fetched in its place is kept.
func (c *tokenCache) drop(access string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.tok != nil && c.tok.AccessToken == access {
		c.tok = nil
	}
}
