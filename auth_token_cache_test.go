package okta_test

// The token cache and the token endpoint client under hostile or broken
// inputs: panics, absurd lifetimes, tokens that cannot be sent.

import (
	"context"
	"crypto/rand"
	"encoding/json"
	"log/slog"
	"net/http"
	"sync/atomic"
	"testing"
	"time"

	"github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/jwt"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/oauth2"

	"github.com/gatekit/okta"
)

// callBounded makes one call with a deadline, reporting a panic as a test
// failure rather than a crash, so that a regression fails fast.
func callBounded(t *testing.T, c *okta.APIClient) (err error) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	defer func() {
		if p := recover(); p != nil {
			t.Errorf("the call panicked: %v", p)
			err = context.Canceled
		}
	}()
	_, _, err = c.ApiTokenAPI.GetApiToken(ctx, okta.GetApiTokenRequest{ApiTokenID: "00T1"})
	require.NotErrorIs(t, err, context.DeadlineExceeded, "the call waited on a token fetch that never ends")
	return err
}

// panicOnce returns true the first time only.
type panicOnce struct{ done atomic.Bool }

func (p *panicOnce) now() bool { return !p.done.Swap(true) }

// panickyHandler panics while logging the token request, once.
type panickyHandler struct {
	slog.Handler
	once *panicOnce
}

func (h panickyHandler) Enabled(context.Context, slog.Level) bool { return true }

func (h panickyHandler) Handle(ctx context.Context, r slog.Record) error {
	if r.Message == "okta token request" && h.once.now() {
		panic("log handler failed")
	}
	return nil
}

// A panic while getting a token (in a ClientAssertionFunc, a TokenSource or
// a log handler) fails that call with an error, and the next call gets a
// token: the single-flight fetch is released, not left in flight forever.
func TestTokenFetchPanicReleasesTheCache(t *testing.T) {
	t.Parallel()
	key := appECKey()
	signer, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.ES256, Key: key}, nil)
	require.NoError(t, err)
	cases := map[string]func(s *oauthServer, once *panicOnce) okta.ConfigOption{
		"ClientAssertionFunc": func(s *oauthServer, once *panicOnce) okta.ConfigOption {
			return okta.WithClientAssertion(testClientID, func(ctx context.Context, aud string) (string, error) {
				if once.now() {
					panic("assertion signer failed")
				}
				return jwt.Signed(signer).Claims(jwt.Claims{Issuer: testClientID, Subject: testClientID, Audience: jwt.Audience{aud},
					Expiry: jwt.NewNumericDate(time.Now().Add(time.Minute)), ID: rand.Text()}).Serialize()
			}, okta.ScopeAPITokensRead)
		},
		"TokenSource": func(s *oauthServer, once *panicOnce) okta.ConfigOption {
			s.tokens["outside-token"] = ""
			return okta.WithTokenSource(tokenSourceFunc(func() (*oauth2.Token, error) {
				if once.now() {
					panic("token source failed")
				}
				return &oauth2.Token{AccessToken: "outside-token"}, nil
			}))
		},
		"log handler": func(s *oauthServer, once *panicOnce) okta.ConfigOption {
			return okta.WithLogger(slog.New(panickyHandler{once: once}))
		},
	}
	for name, opt := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			s := newOAuthServer(t, &key.PublicKey)
			once := &panicOnce{}
			opts := []okta.ConfigOption{opt(s, once), okta.WithMaxRetries(0)}
			if name == "log handler" {
				opts = append(opts, okta.WithPrivateKey(testClientID, key, "", okta.ScopeAPITokensRead))
			}
			c := s.client(t, opts...)
			err := callBounded(t, c)
			require.Error(t, err)
			assert.Contains(t, err.Error(), "panicked")
			require.NoError(t, callBounded(t, c), "the next call gets a token")
		})
	}
}

type tokenSourceFunc func() (*oauth2.Token, error)

func (f tokenSourceFunc) Token() (*oauth2.Token, error) { return f() }

// An absurd expires_in is saturated: the token is cached, not fetched anew on
// every call because its expiry overflowed into the past.
func TestHugeExpiresInSaturates(t *testing.T) {
	t.Parallel()
	for _, v := range []string{"9300000000", "9223372036854775807", `"9300000000"`} {
		t.Run(v, func(t *testing.T) {
			t.Parallel()
			key := appECKey()
			s := newOAuthServer(t, &key.PublicKey)
			s.tokenHook = func(w http.ResponseWriter, r *http.Request) bool {
				s.mu.Lock()
				s.tokens["at-long"] = ""
				s.mu.Unlock()
				writeJSON(w, 200, `{"token_type":"Bearer","expires_in":`+v+`,"access_token":"at-long"}`)
				return true
			}
			c := s.client(t, okta.WithPrivateKey(testClientID, key, "", okta.ScopeAPITokensRead))
			for range 3 {
				require.NoError(t, oaCall(c))
			}
			assert.EqualValues(t, 1, s.fetches.Load(), "one token for three calls")
		})
	}
}

// An access token that cannot be sent in a header (CR, LF, NUL, a space, a
// non-ASCII byte) is refused when it is fetched and not cached: the next call
// asks again and gets a good one.
func TestUnsendableAccessTokenRefused(t *testing.T) {
	t.Parallel()
	for name, bad := range map[string]string{"CRLF": "at\r\nX-Injected: 1", "NUL": "at\x00", "space": "at 1", "DEL": "at\x7f", "non-ASCII": "at\u00e9"} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			key := appECKey()
			s := newOAuthServer(t, &key.PublicKey)
			var served atomic.Int32
			s.tokenHook = func(w http.ResponseWriter, r *http.Request) bool {
				if served.Add(1) > 1 {
					return false // a good token from now on
				}
				b, _ := json.Marshal(bad)
				writeJSON(w, 200, `{"token_type":"Bearer","expires_in":3600,"access_token":`+string(b)+`}`)
				return true
			}
			c := s.client(t, okta.WithPrivateKey(testClientID, key, "", okta.ScopeAPITokensRead), okta.WithMaxRetries(0))
			err := oaCall(c)
			var oe *okta.OAuthError
			require.ErrorAs(t, err, &oe)
			assert.Contains(t, oe.Error(), "access_token")
			assert.EqualValues(t, 0, s.apiCalls.Load(), "the bad token was never sent")
			require.NoError(t, oaCall(c), "the bad token was not cached")
			assert.EqualValues(t, 2, s.fetches.Load())
		})
	}
	t.Run("TokenSource", func(t *testing.T) {
		t.Parallel()
		s := newOAuthServer(t, nil)
		c := s.client(t, okta.WithTokenSource(oauth2.StaticTokenSource(&oauth2.Token{AccessToken: "at\r\nX: 1"})), okta.WithMaxRetries(0))
		err := oaCall(c)
		require.ErrorContains(t, err, "access token")
		assert.EqualValues(t, 0, s.apiCalls.Load())
	})
}
