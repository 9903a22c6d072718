package okta

import (
	"context"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/url"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/go-jose/go-jose/v4"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/oauth2"
)

func decodeProof(t *testing.T, proof string) (jose.Header, map[string]any) {
	t.Helper()
	sig, err := jose.ParseSignedCompact(proof, []jose.SignatureAlgorithm{jose.ES256})
	require.NoError(t, err)
	h := sig.Signatures[0].Protected
	require.NotNil(t, h.JSONWebKey)
	assert.True(t, h.JSONWebKey.IsPublic(), "only the public key travels")
	payload, err := sig.Verify(h.JSONWebKey)
	require.NoError(t, err)
	var c map[string]any
	require.NoError(t, json.Unmarshal(payload, &c))
	return h, c
}

func TestDPoPProof(t *testing.T) {
	p, err := newDPoPProver()
	require.NoError(t, err)
	now := time.Unix(1_800_000_000, 0)
	p.now = func() time.Time { return now }
	u, _ := url.Parse("https://dev-1.okta.com/api/v1/apps?limit=2&after=x#frag")

	proof, err := p.proof(http.MethodGet, u, "n-1", "at-123")
	require.NoError(t, err)
	h, c := decodeProof(t, proof)
	assert.Equal(t, "dpop+jwt", h.ExtraHeaders["typ"])
	assert.Equal(t, "ES256", h.Algorithm)
	sum := sha256.Sum256([]byte("at-123"))
	assert.Equal(t, map[string]any{
		"htm": "GET", "htu": "https://dev-1.okta.com/api/v1/apps", "iat": float64(now.Unix()),
		"jti": c["jti"], "nonce": "n-1", "ath": base64.RawURLEncoding.EncodeToString(sum[:]),
	}, c)

	again, err := p.proof(http.MethodGet, u, "", "")
	require.NoError(t, err)
	h2, c2 := decodeProof(t, again)
	assert.NotEqual(t, c["jti"], c2["jti"], "each proof has its own jti")
	assert.NotContains(t, c2, "ath", "no ath without an access token")
	assert.NotContains(t, c2, "nonce")
	assert.Equal(t, h.JSONWebKey.Key, h2.JSONWebKey.Key, "one key pair per client")
}

func TestTokenCacheRefreshesBeforeExpiry(t *testing.T) {
	now := time.Unix(1_800_000_000, 0)
	var fetches atomic.Int32
	c := &tokenCache{now: func() time.Time { return now }, fetch: func(context.Context) (*oauth2.Token, error) {
		n := fetches.Add(1)
		return &oauth2.Token{AccessToken: string(rune('a' + n - 1)), Expiry: now.Add(time.Hour)}, nil
	}}
	ctx := context.Background()
	tok, err := c.token(ctx)
	require.NoError(t, err)
	assert.Equal(t, "a", tok.AccessToken)
	now = now.Add(time.Hour - 31*time.Second)
	tok, _ = c.token(ctx)
	assert.Equal(t, "a", tok.AccessToken, "still fresh 31s before expiry")
	now = now.Add(2 * time.Second)
	tok, _ = c.token(ctx)
	assert.Equal(t, "b", tok.AccessToken, "replaced 30s before expiry")

	c.drop("not-the-cached-one")
	tok, _ = c.token(ctx)
	assert.Equal(t, "b", tok.AccessToken, "a stale refusal does not drop a newer token")
	c.drop("b")
	tok, _ = c.token(ctx)
	assert.Equal(t, "c", tok.AccessToken)
}

func TestTokenCacheWaiterOutlivesCanceledFetcher(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		started, release := make(chan struct{}), make(chan struct{})
		var fetches atomic.Int32
		c := &tokenCache{now: time.Now, fetch: func(ctx context.Context) (*oauth2.Token, error) {
			if fetches.Add(1) == 1 {
				close(started)
				select {
				case <-ctx.Done():
					return nil, ctx.Err()
				case <-release:
				}
			}
			return &oauth2.Token{AccessToken: "t"}, nil
		}}
		ctx1, cancel := context.WithCancel(context.Background())
		done1 := make(chan error, 1)
		go func() { _, err := c.token(ctx1); done1 <- err }()
		<-started
		done2 := make(chan string, 1)
		go func() { tok, _ := c.token(context.Background()); done2 <- tok.AccessToken }()
		synctest.Wait() // the second caller waits on the first one's fetch
		cancel()
		assert.ErrorIs(t, <-done1, context.Canceled)
		assert.Equal(t, "t", <-done2, "the waiter fetched with its own context")
		assert.EqualValues(t, 2, fetches.Load())
	})
}

func TestChallengeError(t *testing.T) {
	for in, want := range map[string]string{
		`Bearer realm="x", error="invalid_token", error_description="The token has expired."`: "invalid_token",
		`DPoP error="use_dpop_nonce", error_description="Resource server requires nonce"`:     "use_dpop_nonce",
		`Bearer error=insufficient_scope, scope="okta.apps.manage"`:                           "insufficient_scope",
		`Bearer realm="x", my_error="no"`:                                                     "",
		``:                                                                                    "",
	} {
		h := http.Header{}
		if in != "" {
			h.Set("WWW-Authenticate", in)
		}
		assert.Equal(t, want, challengeError(h), in)
	}
}
