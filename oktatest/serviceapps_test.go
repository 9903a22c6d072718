package oktatest_test

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/jwt"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gatekit/okta/oktatest"
)

const serviceClientID = "0oaServiceApp0000001"

// serviceApp is a service app's side of the exchange, done by hand.
type serviceApp struct {
	t    *testing.T
	srv  *oktatest.Server
	key  crypto.Signer
	alg  jose.SignatureAlgorithm
	dpop *ecdsa.PrivateKey
	now  func() time.Time
}

func newServiceApp(t *testing.T, srv *oktatest.Server, key crypto.Signer, alg jose.SignatureAlgorithm) *serviceApp {
	dk, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	require.NoError(t, err)
	return &serviceApp{t: t, srv: srv, key: key, alg: alg, dpop: dk, now: time.Now}
}

func (a *serviceApp) assertion(mod func(*jwt.Claims)) string {
	signer, err := jose.NewSigner(jose.SigningKey{Algorithm: a.alg, Key: a.key}, (&jose.SignerOptions{}).WithType("JWT"))
	require.NoError(a.t, err)
	now := a.now()
	c := jwt.Claims{Issuer: serviceClientID, Subject: serviceClientID, Audience: jwt.Audience{a.srv.URL + "/oauth2/v1/token"},
		IssuedAt: jwt.NewNumericDate(now), Expiry: jwt.NewNumericDate(now.Add(5 * time.Minute)), ID: rand.Text()}
	if mod != nil {
		mod(&c)
	}
	s, err := jwt.Signed(signer).Claims(c).Serialize()
	require.NoError(a.t, err)
	return s
}

// proof signs a DPoP proof; claims overrides or adds members.
func (a *serviceApp) proof(method, uri string, claims map[string]any) string {
	signer, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.ES256, Key: a.dpop}, (&jose.SignerOptions{EmbedJWK: true}).WithType("dpop+jwt"))
	require.NoError(a.t, err)
	c := map[string]any{"jti": rand.Text(), "htm": method, "htu": uri, "iat": a.now().Unix()}
	for k, v := range claims {
		if v == nil {
			delete(c, k)
		} else {
			c[k] = v
		}
	}
	s, err := jwt.Signed(signer).Claims(c).Serialize()
	require.NoError(a.t, err)
	return s
}

type tokenAnswer struct {
	status int
	header http.Header
	body   map[string]any
}

func (a *serviceApp) tokenRequest(assertion, scope string, hdr ...string) tokenAnswer {
	form := url.Values{"grant_type": {"client_credentials"}, "scope": {scope},
		"client_assertion_type": {"urn:ietf:params:oauth:client-assertion-type:jwt-bearer"}, "client_assertion": {assertion}}
	req, err := http.NewRequest(http.MethodPost, a.srv.URL+"/oauth2/v1/token", strings.NewReader(form.Encode()))
	require.NoError(a.t, err)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	require.NoError(a.t, err)
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	require.NoError(a.t, err)
	var m map[string]any
	require.NoError(a.t, json.Unmarshal(data, &m), "%s", data)
	return tokenAnswer{resp.StatusCode, resp.Header, m}
}

func (a *serviceApp) token(scope string) string {
	ans := a.tokenRequest(a.assertion(nil), scope)
	require.Equal(a.t, 200, ans.status, "%v", ans.body)
	return ans.body["access_token"].(string)
}

func ath(token string) string {
	sum := sha256.Sum256([]byte(token))
	return base64.RawURLEncoding.EncodeToString(sum[:])
}

func TestTokenEndpointIssuesScopedTokens(t *testing.T) {
	srv, c := newServer(t)
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	require.NoError(t, err)
	srv.RegisterClient(serviceClientID, &key.PublicKey, oktatest.ScopeAppsRead, oktatest.ScopeAPITokensRead)
	app := newServiceApp(t, srv, key, jose.RS256)

	ans := app.tokenRequest(app.assertion(nil), "okta.apps.read okta.apiTokens.read")
	require.Equal(t, 200, ans.status, "%v", ans.body)
	assert.Equal(t, "Bearer", ans.body["token_type"])
	assert.EqualValues(t, 3600, ans.body["expires_in"])
	assert.Equal(t, "okta.apps.read okta.apiTokens.read", ans.body["scope"])
	assert.Equal(t, "no-store", ans.header.Get("Cache-Control"))
	assert.NotEmpty(t, ans.header.Get("X-Okta-Request-Id"))
	bearer := c.as("")
	tok := ans.body["access_token"].(string)

	r := bearer.do("GET", "/api/v1/apps", nil, "Authorization", "Bearer "+tok)
	assert.Equal(t, 200, r.status, "%s", r.body)
	r = bearer.do("GET", "/api/v1/api-tokens", nil, "Authorization", "Bearer "+tok)
	assert.Equal(t, 200, r.status, "%s", r.body)

	r = bearer.do("POST", "/api/v1/apps", bookmark("nope"), "Authorization", "Bearer "+tok)
	requireError(t, r, 403, "E0000006")
	assert.Contains(t, r.header.Get("WWW-Authenticate"), `error="insufficient_scope"`)
	assert.Contains(t, r.header.Get("WWW-Authenticate"), `scope="okta.apps.manage"`)
	assert.True(t, strings.HasPrefix(r.header.Get("WWW-Authenticate"), "Bearer "))

	r = bearer.do("DELETE", "/api/v1/api-tokens/current", nil, "Authorization", "Bearer "+tok)
	requireError(t, r, 403, "E0000006")
	assert.Contains(t, r.header.Get("WWW-Authenticate"), "only an API token")

	r = bearer.do("GET", "/api/v1/apps", nil, "Authorization", "Bearer not-a-token")
	requireError(t, r, 401, "E0000011")
	assert.Contains(t, r.header.Get("WWW-Authenticate"), `error="invalid_token"`)
}

func TestManageScopeAllowsRead(t *testing.T) {
	srv, c := newServer(t)
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	require.NoError(t, err)
	srv.RegisterClient(serviceClientID, &key.PublicKey, oktatest.ScopeAppsManage)
	app := newServiceApp(t, srv, key, jose.ES256)
	tok := app.token("okta.apps.manage")
	bearer := c.as("")
	r := bearer.do("POST", "/api/v1/apps", bookmark("made-by-a-service-app"), "Authorization", "Bearer "+tok)
	require.Equal(t, 200, r.status, "%s", r.body)
	r = bearer.do("GET", "/api/v1/apps/"+str(r.obj(t), "id"), nil, "Authorization", "Bearer "+tok)
	assert.Equal(t, 200, r.status, "%s", r.body)
	r = bearer.do("GET", "/api/v1/api-tokens", nil, "Authorization", "Bearer "+tok)
	requireError(t, r, 403, "E0000006")
	assert.Contains(t, r.header.Get("WWW-Authenticate"), `scope="okta.apiTokens.read"`)
}

func TestTokenEndpointRefusals(t *testing.T) {
	srv, _ := newServer(t)
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	require.NoError(t, err)
	other, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	require.NoError(t, err)
	srv.RegisterClient(serviceClientID, &key.PublicKey, oktatest.ScopeAppsRead)
	app := newServiceApp(t, srv, key, jose.ES256)
	stranger := newServiceApp(t, srv, other, jose.ES256)

	replayed := app.assertion(nil)
	require.Equal(t, 200, app.tokenRequest(replayed, "okta.apps.read").status)

	cases := []struct {
		name      string
		assertion string
		scope     string
		status    int
		code      string
		desc      string
	}{
		{"replayed jti", replayed, "okta.apps.read", 401, "invalid_client", "already been used"},
		{"other key", stranger.assertion(nil), "okta.apps.read", 401, "invalid_client", "signature is invalid"},
		{"wrong aud", app.assertion(func(c *jwt.Claims) { c.Audience = jwt.Audience{srv.URL + "/oauth2/default/v1/token"} }), "okta.apps.read", 401, "invalid_client", "aud"},
		{"expired", app.assertion(func(c *jwt.Claims) { c.Expiry = jwt.NewNumericDate(time.Now().Add(-time.Minute)) }), "okta.apps.read", 401, "invalid_client", "expired"},
		{"exp too far", app.assertion(func(c *jwt.Claims) { c.Expiry = jwt.NewNumericDate(time.Now().Add(2 * time.Hour)) }), "okta.apps.read", 401, "invalid_client", "too far"},
		{"no jti", app.assertion(func(c *jwt.Claims) { c.ID = "" }), "okta.apps.read", 401, "invalid_client", "jti"},
		{"iss not the client", app.assertion(func(c *jwt.Claims) { c.Issuer = "someone" }), "okta.apps.read", 401, "invalid_client", "iss"},
		{"unknown client", app.assertion(func(c *jwt.Claims) { c.Subject, c.Issuer = "0oaUnknown", "0oaUnknown" }), "okta.apps.read", 401, "invalid_client", "registered"},
		{"scope not granted", app.assertion(nil), "okta.apps.read okta.apps.manage", 400, "invalid_scope", "okta.apps.manage"},
		{"no scope", app.assertion(nil), "", 400, "invalid_scope", "scope"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			ans := app.tokenRequest(tc.assertion, tc.scope)
			assert.Equal(t, tc.status, ans.status)
			assert.Equal(t, tc.code, ans.body["error"])
			assert.Contains(t, ans.body["error_description"], tc.desc)
			assert.Nil(t, ans.body["access_token"])
		})
	}
	assert.Equal(t, 1, srv.AccessTokensIssued())
}

func TestDPoPTokenFlow(t *testing.T) {
	srv, c := newServer(t)
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	require.NoError(t, err)
	srv.RegisterClient(serviceClientID, &key.PublicKey, oktatest.ScopeAppsRead)
	srv.RequireDPoP(serviceClientID)
	app := newServiceApp(t, srv, key, jose.ES256)
	tokenURL := srv.URL + "/oauth2/v1/token"

	ans := app.tokenRequest(app.assertion(nil), "okta.apps.read")
	assert.Equal(t, 400, ans.status)
	assert.Equal(t, "invalid_dpop_proof", ans.body["error"])

	ans = app.tokenRequest(app.assertion(nil), "okta.apps.read", "DPoP", app.proof("POST", tokenURL, nil))
	assert.Equal(t, 400, ans.status)
	assert.Equal(t, "use_dpop_nonce", ans.body["error"])
	nonce := ans.header.Get("DPoP-Nonce")
	require.NotEmpty(t, nonce)

	for name, claims := range map[string]map[string]any{
		"wrong htu":        {"htu": srv.URL + "/oauth2/v1/authorize", "nonce": nonce},
		"wrong htm":        {"htm": "GET", "nonce": nonce},
		"old iat":          {"iat": time.Now().Add(-10 * time.Minute).Unix(), "nonce": nonce},
		"ath at the token": {"ath": ath("x"), "nonce": nonce},
	} {
		ans = app.tokenRequest(app.assertion(nil), "okta.apps.read", "DPoP", app.proof("POST", tokenURL, claims))
		assert.Equal(t, 400, ans.status, name)
		assert.Equal(t, "invalid_dpop_proof", ans.body["error"], name)
	}

	proof := app.proof("POST", tokenURL, map[string]any{"nonce": nonce})
	ans = app.tokenRequest(app.assertion(nil), "okta.apps.read", "DPoP", proof)
	require.Equal(t, 200, ans.status, "%v", ans.body)
	assert.Equal(t, "DPoP", ans.body["token_type"])
	tok := ans.body["access_token"].(string)

	ans = app.tokenRequest(app.assertion(nil), "okta.apps.read", "DPoP", proof)
	assert.Equal(t, "invalid_dpop_proof", ans.body["error"], "a replayed proof is refused")

	api := c.as("")
	appsURL := srv.URL + "/api/v1/apps"
	r := api.do("GET", "/api/v1/apps", nil, "Authorization", "Bearer "+tok)
	requireError(t, r, 401, "E0000011")
	assert.Contains(t, r.header.Get("WWW-Authenticate"), "DPoP-bound")

	good := app.proof("GET", appsURL, map[string]any{"ath": ath(tok)})
	r = api.do("GET", "/api/v1/apps?limit=1", nil, "Authorization", "DPoP "+tok, "DPoP", good)
	assert.Equal(t, 200, r.status, "%s", r.body)
	r = api.do("GET", "/api/v1/apps", nil, "Authorization", "DPoP "+tok, "DPoP", good)
	requireError(t, r, 401, "E0000011")
	assert.Contains(t, r.header.Get("WWW-Authenticate"), "already been used")

	for name, claims := range map[string]map[string]any{
		"no ath":    {},
		"wrong ath": {"ath": ath("another")},
		"wrong htu": {"ath": ath(tok), "htu": srv.URL + "/api/v1/apps/x"},
	} {
		r = api.do("GET", "/api/v1/apps", nil, "Authorization", "DPoP "+tok, "DPoP", app.proof("GET", appsURL, claims))
		requireError(t, r, 401, "E0000011")
		assert.Contains(t, r.header.Get("WWW-Authenticate"), `error="invalid_token"`, name)
	}
	r = api.do("GET", "/api/v1/apps", nil, "Authorization", "DPoP "+tok)
	requireError(t, r, 401, "E0000011")

	// Another key pair cannot use the token.
	thief := newServiceApp(t, srv, key, jose.ES256)
	r = api.do("GET", "/api/v1/apps", nil, "Authorization", "DPoP "+tok, "DPoP", thief.proof("GET", appsURL, map[string]any{"ath": ath(tok)}))
	requireError(t, r, 401, "E0000011")

	srv.RequireDPoPNonceForAPI(true)
	r = api.do("GET", "/api/v1/apps", nil, "Authorization", "DPoP "+tok, "DPoP", app.proof("GET", appsURL, map[string]any{"ath": ath(tok)}))
	requireError(t, r, 401, "E0000011")
	assert.Contains(t, r.header.Get("WWW-Authenticate"), `DPoP error="use_dpop_nonce"`)
	apiNonce := r.header.Get("DPoP-Nonce")
	require.NotEmpty(t, apiNonce)
	r = api.do("GET", "/api/v1/apps", nil, "Authorization", "DPoP "+tok, "DPoP", app.proof("GET", appsURL, map[string]any{"ath": ath(tok), "nonce": apiNonce}))
	assert.Equal(t, 200, r.status, "%s", r.body)
}

func TestAccessTokenExpires(t *testing.T) {
	now := time.Now()
	srv, c := newServer(t, oktatest.WithClock(func() time.Time { return now }))
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	require.NoError(t, err)
	srv.RegisterClient(serviceClientID, &key.PublicKey, oktatest.ScopeAppsRead)
	srv.SetAccessTokenLifetime(5 * time.Minute)
	app := newServiceApp(t, srv, key, jose.ES256)
	app.now = func() time.Time { return now }
	ans := app.tokenRequest(app.assertion(nil), "okta.apps.read")
	require.Equal(t, 200, ans.status)
	assert.EqualValues(t, 300, ans.body["expires_in"])
	tok := ans.body["access_token"].(string)
	api := c.as("")
	assert.Equal(t, 200, api.do("GET", "/api/v1/apps", nil, "Authorization", "Bearer "+tok).status)
	now = now.Add(5 * time.Minute)
	r := api.do("GET", "/api/v1/apps", nil, "Authorization", "Bearer "+tok)
	requireError(t, r, 401, "E0000011")
	assert.Contains(t, r.header.Get("WWW-Authenticate"), `error_description="The token has expired."`)

	srv.RevokeAccessTokens()
	tok = app.token("okta.apps.read")
	assert.Equal(t, 200, api.do("GET", "/api/v1/apps", nil, "Authorization", "Bearer "+tok).status)
	srv.RevokeAccessTokens()
	assert.Equal(t, 401, api.do("GET", "/api/v1/apps", nil, "Authorization", "Bearer "+tok).status)
}
