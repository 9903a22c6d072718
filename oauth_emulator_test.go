package okta_test

// End-to-end OAuth 2.0 tests against the emulator, whose token endpoint and
// resource checks are written independently of the SDK.

import (
	"context"
	"crypto"
	"crypto/x509"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/go-jose/go-jose/v4"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gatekit/okta"
	"github.com/gatekit/okta/oktatest"
)

// emulatorApp exercises a client: create an app (okta.apps.manage), read it
// back and list apps (okta.apps.read), and delete it.
func emulatorApp(t *testing.T, c *okta.APIClient) {
	t.Helper()
	ctx := context.Background()
	api := c.ApplicationAPI
	app, _, err := api.CreateApplication(ctx, okta.CreateApplicationRequest{Application: okta.NewBookmarkApplication("oauth-e2e", "https://example.com")})
	require.NoError(t, err)
	got, _, err := api.GetApplication(ctx, okta.GetApplicationRequest{AppID: app.ID})
	require.NoError(t, err)
	assert.Equal(t, app.ID, got.ID)
	n := 0
	for _, err := range api.ListApplicationsAll(ctx, okta.ListApplicationsRequest{Limit: 1}) {
		require.NoError(t, err)
		n++
	}
	assert.GreaterOrEqual(t, n, 1)
	_, err = api.DeactivateApplication(ctx, okta.DeactivateApplicationRequest{AppID: app.ID})
	require.NoError(t, err)
	_, err = api.DeleteApplication(ctx, okta.DeleteApplicationRequest{AppID: app.ID})
	require.NoError(t, err)
}

// authSchemes records the Authorization scheme and DPoP proof of every
// request the emulator receives.
type authSchemes struct {
	mu      sync.Mutex
	schemes []string
	proofs  []string
}

func (a *authSchemes) hook(r *http.Request) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if r.URL.Path == "/oauth2/v1/token" {
		return
	}
	scheme, _, _ := strings.Cut(r.Header.Get("Authorization"), " ")
	a.schemes = append(a.schemes, scheme)
	a.proofs = append(a.proofs, r.Header.Get("DPoP"))
}

func TestEmulatorPrivateKeyModes(t *testing.T) {
	rk, ek := appRSAKey(), appECKey()
	keys := []struct {
		name string
		pub  crypto.PublicKey
		key  any
	}{
		{"RSA PKCS#1", &rk.PublicKey, oaPEM("RSA PRIVATE KEY", x509.MarshalPKCS1PrivateKey(rk))},
		{"RSA PKCS#8", &rk.PublicKey, oaPKCS8(t, rk)},
		{"EC PKCS#8", &ek.PublicKey, oaPKCS8(t, ek)},
		{"EC JWK", &ek.PublicKey, oaJWK(t, ek, "k1")},
		{"RSA crypto.Signer", &rk.PublicKey, oaOpaqueSigner{rk}},
		{"EC jose.JSONWebKey", &ek.PublicKey, jose.JSONWebKey{Key: ek}},
	}
	modes := []struct {
		name       string
		opts       []okta.ConfigOption
		boundApp   bool // the app requires DPoP
		apiNonce   bool
		wantScheme string
	}{
		{"Bearer", nil, false, false, "Bearer"},
		{"DPoP", []okta.ConfigOption{okta.WithDPoP(true)}, false, false, "DPoP"},
		{"DPoP learned", nil, true, false, "DPoP"},
		{"DPoP with API nonces", []okta.ConfigOption{okta.WithDPoP(true)}, true, true, "DPoP"},
	}
	for _, k := range keys {
		for _, m := range modes {
			t.Run(k.name+"/"+m.name, func(t *testing.T) {
				seen := &authSchemes{}
				srv := oktatest.NewServer(oktatest.WithRequestHook(seen.hook))
				t.Cleanup(srv.Close)
				srv.RegisterClient(testClientID, k.pub, okta.ScopeAppsManage)
				if m.boundApp {
					srv.RequireDPoP(testClientID)
				}
				srv.RequireDPoPNonceForAPI(m.apiNonce)
				cfg, err := okta.NewConfiguration(append([]okta.ConfigOption{okta.WithOrgURL(srv.URL),
					okta.WithPrivateKey(testClientID, k.key, "", okta.ScopeAppsManage)}, m.opts...)...)
				require.NoError(t, err)
				emulatorApp(t, okta.NewAPIClient(cfg))
				assert.Equal(t, 1, srv.AccessTokensIssued(), "one token for every call")
				seen.mu.Lock()
				defer seen.mu.Unlock()
				require.NotEmpty(t, seen.schemes, "the hook saw the API requests")
				for i, s := range seen.schemes {
					require.Equal(t, m.wantScheme, s)
					assert.Equal(t, s == "DPoP", seen.proofs[i] != "", "request %d: a DPoP proof with the DPoP scheme only", i)
				}
				used := map[string]bool{}
				for _, p := range seen.proofs {
					require.False(t, p != "" && used[p], "a proof was sent twice")
					used[p] = true
				}
			})
		}
	}
}

func TestEmulatorExpiredTokenIsReplaced(t *testing.T) {
	var mu sync.Mutex
	now := time.Now()
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	srv := oktatest.NewServer(oktatest.WithClock(clock))
	t.Cleanup(srv.Close)
	srv.RegisterClient(testClientID, &appECKey().PublicKey, okta.ScopeAppsRead)
	srv.SetAccessTokenLifetime(2 * time.Minute)
	c := okta.NewAPIClient(must(okta.NewConfiguration(okta.WithOrgURL(srv.URL),
		okta.WithPrivateKey(testClientID, appECKey(), "", okta.ScopeAppsRead))))
	ctx := context.Background()
	_, _, err := c.ApplicationAPI.ListApplications(ctx, okta.ListApplicationsRequest{})
	require.NoError(t, err)

	// The org's clock runs past the token's expiry while the client's does not
	// (by less than the client assertion's lifetime): the client learns of it
	// from the 401, fetches a new token and retries.
	mu.Lock()
	now = now.Add(2*time.Minute + time.Second)
	mu.Unlock()
	_, resp, err := c.ApplicationAPI.ListApplications(ctx, okta.ListApplicationsRequest{})
	require.NoError(t, err)
	assert.Equal(t, 200, resp.StatusCode)
	assert.Equal(t, 2, srv.AccessTokensIssued())
	assert.Equal(t, 3, srv.Requests("listApplications"))

	// A token that is refused again is not retried a second time.
	srv.SetAccessTokenLifetime(0)
	srv.RevokeAccessTokens()
	_, _, err = c.ApplicationAPI.ListApplications(ctx, okta.ListApplicationsRequest{})
	assert.ErrorIs(t, err, okta.ErrUnauthorized)
	assert.Equal(t, 5, srv.Requests("listApplications"))
}

func TestEmulatorProactiveRefresh(t *testing.T) {
	synctest.Test(t, func(t *testing.T) { // the emulator on in-memory pipes, on the bubble's clock
		l := newPipeListener()
		srv := oktatest.NewServer(oktatest.WithListener(l))
		t.Cleanup(srv.Close)
		tr := &http.Transport{DialContext: l.dial}
		t.Cleanup(tr.CloseIdleConnections)
		srv.RegisterClient(testClientID, &appECKey().PublicKey, okta.ScopeAppsRead)
		srv.SetAccessTokenLifetime(time.Second) // replaced a quarter second before it expires
		c := okta.NewAPIClient(must(okta.NewConfiguration(okta.WithOrgURL(srv.URL), okta.WithHTTPClient(&http.Client{Transport: tr}),
			okta.WithPrivateKey(testClientID, appECKey(), "", okta.ScopeAppsRead))))
		ctx := context.Background()
		for range 2 {
			_, _, err := c.ApplicationAPI.ListApplications(ctx, okta.ListApplicationsRequest{})
			require.NoError(t, err)
		}
		assert.Equal(t, 1, srv.AccessTokensIssued())
		time.Sleep(800 * time.Millisecond)
		_, _, err := c.ApplicationAPI.ListApplications(ctx, okta.ListApplicationsRequest{})
		require.NoError(t, err)
		assert.Equal(t, 2, srv.AccessTokensIssued())
		assert.Equal(t, 3, srv.Requests("listApplications"), "no call was refused")
	})
}

func TestEmulatorOneTokenFetchForManyGoroutines(t *testing.T) {
	srv := oktatest.NewServer()
	t.Cleanup(srv.Close)
	srv.RegisterClient(testClientID, &appRSAKey().PublicKey, okta.ScopeAppsRead)
	c := okta.NewAPIClient(must(okta.NewConfiguration(okta.WithOrgURL(srv.URL),
		okta.WithPrivateKey(testClientID, appRSAKey(), "", okta.ScopeAppsRead), okta.WithDPoP(true))))
	var wg sync.WaitGroup
	errs := make(chan error, 64)
	for range 64 {
		wg.Go(func() {
			_, _, err := c.ApplicationAPI.ListApplications(context.Background(), okta.ListApplicationsRequest{})
			errs <- err
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		require.NoError(t, err)
	}
	assert.Equal(t, 1, srv.AccessTokensIssued())
	assert.Equal(t, 64, srv.Requests("listApplications"))
}

func TestEmulatorRetriedRateLimitHasNewProof(t *testing.T) {
	seen := &authSchemes{}
	srv := oktatest.NewServer(oktatest.WithRequestHook(seen.hook))
	t.Cleanup(srv.Close)
	srv.RegisterClient(testClientID, &appECKey().PublicKey, okta.ScopeAppsRead)
	srv.Fail("listApplications", oktatest.Fault{Status: 429, Times: 1})
	c := okta.NewAPIClient(must(okta.NewConfiguration(okta.WithOrgURL(srv.URL),
		okta.WithPrivateKey(testClientID, appECKey(), "", okta.ScopeAppsRead), okta.WithDPoP(true))))
	_, _, err := c.ApplicationAPI.ListApplications(context.Background(), okta.ListApplicationsRequest{})
	require.NoError(t, err)
	seen.mu.Lock()
	defer seen.mu.Unlock()
	require.Len(t, seen.proofs, 2)
	assert.NotEmpty(t, seen.proofs[0])
	assert.NotEqual(t, seen.proofs[0], seen.proofs[1], "the retry has its own proof")
}

func TestEmulatorScopes(t *testing.T) {
	srv := oktatest.NewServer()
	t.Cleanup(srv.Close)
	srv.RegisterClient(testClientID, &appECKey().PublicKey, okta.ScopeAppsRead, okta.ScopeAppsManage)
	ctx := context.Background()

	readOnly := okta.NewAPIClient(must(okta.NewConfiguration(okta.WithOrgURL(srv.URL),
		okta.WithPrivateKey(testClientID, appECKey(), "", okta.ScopeAppsRead))))
	_, _, err := readOnly.ApplicationAPI.ListApplications(ctx, okta.ListApplicationsRequest{})
	require.NoError(t, err)
	_, _, err = readOnly.ApplicationAPI.CreateApplication(ctx, okta.CreateApplicationRequest{Application: okta.NewBookmarkApplication("x", "https://example.com")})
	oe := requireOktaError(t, err)
	assert.ErrorIs(t, err, okta.ErrForbidden)
	assert.Equal(t, "E0000006", oe.ErrorCode)
	assert.Contains(t, oe.Response.Header.Get("WWW-Authenticate"), `scope="okta.apps.manage"`)
	assert.Equal(t, "okta.apps.manage", oe.RequiredScope)
	assert.Contains(t, err.Error(), "403 Forbidden: E0000006")
	assert.Contains(t, err.Error(), "(the access token lacks the scope okta.apps.manage)")
	_, _, err = readOnly.ApiTokenAPI.ListApiTokens(ctx, okta.ListApiTokensRequest{})
	assert.ErrorIs(t, err, okta.ErrForbidden)

	// A scope the app was not granted: the token endpoint refuses it.
	tooMuch := okta.NewAPIClient(must(okta.NewConfiguration(okta.WithOrgURL(srv.URL),
		okta.WithPrivateKey(testClientID, appECKey(), "", okta.ScopeAPITokensManage))))
	_, _, err = tooMuch.ApiTokenAPI.ListApiTokens(ctx, okta.ListApiTokensRequest{})
	var tokErr *okta.OAuthError
	require.ErrorAs(t, err, &tokErr)
	assert.Equal(t, "invalid_scope", tokErr.ErrorCode)
	assert.Contains(t, tokErr.ErrorDescription, "okta.apiTokens.manage")
	assert.NotEmpty(t, tokErr.RequestID)
	assert.ErrorIs(t, err, okta.ErrInvalidRequest)
}

func TestEmulatorBadKeyIsTypedError(t *testing.T) {
	var logs syncBuffer
	srv := oktatest.NewServer()
	t.Cleanup(srv.Close)
	srv.RegisterClient(testClientID, &appECKey().PublicKey, okta.ScopeAppsRead)
	cfg := must(okta.NewConfiguration(okta.WithOrgURL(srv.URL),
		okta.WithLogger(slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))),
		okta.WithPrivateKey(testClientID, oaPKCS8(t, appRSAKey()), "", okta.ScopeAppsRead)))
	_, _, err := okta.NewAPIClient(cfg).ApplicationAPI.ListApplications(context.Background(), okta.ListApplicationsRequest{})
	var oe *okta.OAuthError
	require.True(t, errors.As(err, &oe), "%v", err)
	assert.Equal(t, 401, oe.StatusCode)
	assert.Equal(t, "invalid_client", oe.ErrorCode)
	assert.Contains(t, oe.ErrorDescription, "signature")
	assert.NotEmpty(t, oe.RequestID)
	assert.ErrorIs(t, err, okta.ErrUnauthorized)
	assert.Zero(t, srv.Requests("listApplications"))
	shown := logs.String() + fmt.Sprintf("%v %+v %#v", err, err, err)
	for _, sec := range oaKeySecrets(t, appRSAKey()) {
		assert.NotContains(t, shown, sec)
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
