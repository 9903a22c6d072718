package okta_test

import (
	"context"
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/jwt"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/oauth2"

	"github.com/gatekit/okta"
)

const testClientID = "0oaTestServiceApp"

func oaPEM(typ string, der []byte) string {
	return string(pem.EncodeToMemory(&pem.Block{Type: typ, Bytes: der}))
}

func oaPKCS8(t testing.TB, k crypto.Signer) string {
	der, err := x509.MarshalPKCS8PrivateKey(k)
	require.NoError(t, err)
	return oaPEM("PRIVATE KEY", der)
}

func oaJWK(t testing.TB, k crypto.Signer, kid string) string {
	b, err := json.Marshal(jose.JSONWebKey{Key: k, KeyID: kid})
	require.NoError(t, err)
	return string(b)
}

// oaOpaqueSigner hides its key's type, as an HSM or KMS signer does.
type oaOpaqueSigner struct{ k crypto.Signer }

func (s oaOpaqueSigner) Public() crypto.PublicKey { return s.k.Public() }
func (s oaOpaqueSigner) Sign(r io.Reader, d []byte, o crypto.SignerOpts) ([]byte, error) {
	return s.k.Sign(r, d, o)
}

// keySecrets are strings that would show a key if they appeared in output.
func oaKeySecrets(t testing.TB, k crypto.Signer) []string {
	var jwk map[string]any
	require.NoError(t, json.Unmarshal([]byte(oaJWK(t, k, "")), &jwk))
	der, err := x509.MarshalPKCS8PrivateKey(k)
	require.NoError(t, err)
	b64 := base64.StdEncoding.EncodeToString(der)
	return []string{jwk["d"].(string), b64[40:80], b64[len(b64)-60 : len(b64)-20]}
}

// oauthServer is an org model mounted on the test server (newTestServer): a
// token endpoint and the API, checking what the SDK sends as Okta does.
type oauthServer struct {
	t   *testing.T
	url string            // the org URL
	rt  http.RoundTripper // when set, the clients' transport (in memory)
	pub crypto.PublicKey

	expiresIn   int
	requireDPoP bool
	tokenNonce  string // when set, token requests' proofs must carry it
	apiNonce    string // when set, API requests' proofs must carry it
	gate        chan struct{}
	tokenHook   func(w http.ResponseWriter, r *http.Request) bool // answers instead, when it returns true
	apiHook     func(w http.ResponseWriter, r *http.Request, n int32) bool

	fetches  atomic.Int32 // token requests
	apiCalls atomic.Int32

	mu         sync.Mutex
	tokens     map[string]string // access token → DPoP key thumbprint ("" for Bearer)
	seq        int
	jtis       map[string]bool
	proofJTIs  map[string]bool
	assertions []*jwt.JSONWebToken
	claims     []jwt.Claims
	scopes     []string // the scope parameter of each token request
	apiProofs  []map[string]any
	authz      []string
}

// newOAuthServer returns the OAuth org model on the test server.
func newOAuthServer(t *testing.T, pub crypto.PublicKey) *oauthServer {
	s := newOAuthOrg(t, pub)
	f := newTestServer(t)
	s.mount(f.org)
	s.url = f.server.URL
	return s
}

// newOAuthOrgInMemory returns the OAuth org model answering through a
// recorder, for testing/synctest bubbles (no sockets, fake time).
func newOAuthOrgInMemory(t *testing.T, pub crypto.PublicKey) *oauthServer {
	s := newOAuthOrg(t, pub)
	mux := http.NewServeMux()
	s.mount(mux)
	s.url, s.rt = recOrg, newRecorder(t, serving(mux))
	return s
}

func newOAuthOrg(t *testing.T, pub crypto.PublicKey) *oauthServer {
	return &oauthServer{t: t, pub: pub, expiresIn: 3600, tokens: map[string]string{}, jtis: map[string]bool{}, proofJTIs: map[string]bool{}}
}

// mount puts the token endpoint and the API on mux, by whole paths.
func (s *oauthServer) mount(mux *http.ServeMux) {
	mux.HandleFunc("POST /oauth2/v1/token", s.token)
	mux.HandleFunc(apiPrefix+"/", s.api)
}

func oaError(w http.ResponseWriter, status int, code, desc string) {
	w.Header().Set("X-Okta-Request-Id", "req-"+code)
	writeJSON(w, status, fmt.Sprintf(`{"error":%q,"error_description":%q}`, code, desc))
}

func (s *oauthServer) token(w http.ResponseWriter, r *http.Request) {
	s.fetches.Add(1)
	if s.gate != nil {
		<-s.gate
	}
	if s.tokenHook != nil && s.tokenHook(w, r) {
		return
	}
	r.ParseForm()
	if r.Form.Get("grant_type") != "client_credentials" || r.Form.Get("client_assertion_type") != "urn:ietf:params:oauth:client-assertion-type:jwt-bearer" {
		oaError(w, 400, "invalid_request", "bad grant or assertion type")
		return
	}
	tok, err := jwt.ParseSigned(r.Form.Get("client_assertion"), []jose.SignatureAlgorithm{jose.RS256, jose.ES256})
	if err != nil {
		oaError(w, 400, "invalid_client", "unreadable assertion")
		return
	}
	var c jwt.Claims
	if err := tok.Claims(s.pub, &c); err != nil {
		oaError(w, 401, "invalid_client", "The client_assertion signature is invalid.")
		return
	}
	s.mu.Lock()
	s.assertions, s.claims = append(s.assertions, tok), append(s.claims, c)
	s.scopes = append(s.scopes, r.Form.Get("scope"))
	replay := s.jtis[c.ID]
	s.jtis[c.ID] = true
	s.mu.Unlock()
	switch {
	case replay:
		oaError(w, 400, "invalid_client", "The client_assertion token has already been used.")
		return
	case c.Issuer != testClientID || c.Subject != testClientID:
		oaError(w, 400, "invalid_client", "iss and sub must be the client id")
		return
	case c.ValidateWithLeeway(jwt.Expected{AnyAudience: jwt.Audience{s.url + "/oauth2/v1/token"}, Time: time.Now()}, 0) != nil:
		oaError(w, 400, "invalid_client", "aud or exp is wrong")
		return
	}
	jkt := ""
	if proof := r.Header.Get("DPoP"); proof != "" {
		var msg string
		jkt, msg = s.checkProof(proof, r, s.tokenNonce, "")
		if msg == "use_dpop_nonce" {
			w.Header().Set("DPoP-Nonce", s.tokenNonce)
			oaError(w, 400, "use_dpop_nonce", "Authorization server requires nonce in DPoP proof.")
			return
		}
		if msg != "" {
			oaError(w, 400, "invalid_dpop_proof", msg)
			return
		}
	} else if s.requireDPoP {
		oaError(w, 400, "invalid_dpop_proof", "The DPoP proof JWT header is missing.")
		return
	}
	s.mu.Lock()
	s.seq++
	access := fmt.Sprintf("at-%d", s.seq)
	s.tokens[access] = jkt
	s.mu.Unlock()
	typ := "Bearer"
	if jkt != "" {
		typ = "DPoP"
	}
	writeJSON(w, 200, fmt.Sprintf(`{"token_type":%q,"expires_in":%d,"access_token":%q,"scope":%q}`, typ, s.expiresIn, access, r.Form.Get("scope")))
}

// checkProof verifies a DPoP proof and returns its key's thumbprint, or what
// is wrong with it.
func (s *oauthServer) checkProof(proof string, r *http.Request, nonce, access string) (string, string) {
	sig, err := jose.ParseSignedCompact(proof, []jose.SignatureAlgorithm{jose.ES256})
	if err != nil || len(sig.Signatures) != 1 {
		return "", "unreadable proof"
	}
	h := sig.Signatures[0].Protected
	if h.JSONWebKey == nil || !h.JSONWebKey.IsPublic() || h.ExtraHeaders["typ"] != "dpop+jwt" {
		return "", "bad proof header"
	}
	payload, err := sig.Verify(h.JSONWebKey)
	if err != nil {
		return "", "bad proof signature"
	}
	var c map[string]any
	require.NoError(s.t, json.Unmarshal(payload, &c))
	iat, _ := c["iat"].(float64)
	jti, _ := c["jti"].(string)
	s.mu.Lock()
	replay := s.proofJTIs[jti]
	s.proofJTIs[jti] = true
	if access != "" {
		s.apiProofs = append(s.apiProofs, c)
	}
	s.mu.Unlock()
	switch {
	case replay || jti == "":
		return "", "DPoP proof jti reused"
	case c["htm"] != r.Method || c["htu"] != s.url+r.URL.Path:
		return "", fmt.Sprintf("htm/htu mismatch: %v %v", c["htm"], c["htu"])
	case time.Since(time.Unix(int64(iat), 0)).Abs() > time.Minute:
		return "", "iat out of window"
	case access == "" && c["ath"] != nil:
		return "", "ath on a token request"
	}
	if access != "" {
		sum := sha256.Sum256([]byte(access))
		if c["ath"] != base64.RawURLEncoding.EncodeToString(sum[:]) {
			return "", "ath mismatch"
		}
	}
	if nonce != "" && c["nonce"] != nonce {
		return "", "use_dpop_nonce"
	}
	tp, _ := h.JSONWebKey.Thumbprint(crypto.SHA256)
	return base64.RawURLEncoding.EncodeToString(tp), ""
}

func (s *oauthServer) api(w http.ResponseWriter, r *http.Request) {
	n := s.apiCalls.Add(1)
	authz := r.Header.Get("Authorization")
	s.mu.Lock()
	s.authz = append(s.authz, authz)
	s.mu.Unlock()
	scheme, access, _ := strings.Cut(authz, " ")
	s.mu.Lock()
	jkt, known := s.tokens[access]
	s.mu.Unlock()
	invalid := func(desc string) {
		w.Header().Set("WWW-Authenticate", scheme+` realm="IdpMyAccountAPI", error="invalid_token", error_description="`+desc+`"`)
		writeJSON(w, 401, `{"errorCode":"E0000011","errorSummary":"Invalid token provided"}`)
	}
	switch {
	case !known:
		invalid("The token is not valid.")
		return
	case scheme == "Bearer" && jkt == "":
	case scheme == "DPoP" && jkt != "":
		got, msg := s.checkProof(r.Header.Get("DPoP"), r, s.apiNonce, access)
		if msg == "use_dpop_nonce" {
			w.Header().Set("DPoP-Nonce", s.apiNonce)
			w.Header().Set("WWW-Authenticate", `DPoP error="use_dpop_nonce", error_description="Resource server requires nonce in DPoP proof"`)
			writeJSON(w, 401, `{"errorCode":"E0000011","errorSummary":"Invalid token provided"}`)
			return
		}
		if msg != "" || got != jkt {
			invalid("DPoP proof: " + msg)
			return
		}
	default:
		invalid("wrong scheme")
		return
	}
	if s.apiHook != nil && s.apiHook(w, r, n) {
		return
	}
	writeJSON(w, 200, `{"id":"00T1","name":"t"}`)
}

func (s *oauthServer) client(t *testing.T, opts ...okta.ConfigOption) *okta.APIClient {
	t.Helper()
	base := []okta.ConfigOption{okta.WithOrgURL(s.url)}
	if s.rt != nil {
		base = append(base, okta.WithHTTPClient(&http.Client{Transport: s.rt}))
	}
	cfg, err := okta.NewConfiguration(append(base, opts...)...)
	require.NoError(t, err)
	return okta.NewAPIClient(cfg)
}

func oaCall(c *okta.APIClient) error {
	_, _, err := c.ApiTokenAPI.GetApiToken(context.Background(), okta.GetApiTokenRequest{ApiTokenID: "00T1"})
	return err
}

func TestPrivateKeyFormats(t *testing.T) {
	rk, ek := appRSAKey(), appECKey()
	ecSEC1, err := x509.MarshalECPrivateKey(ek)
	require.NoError(t, err)
	cases := []struct {
		name string
		pub  crypto.PublicKey
		key  any
		kid  string
		alg  string
		want string // the kid sent
	}{
		{"RSA PKCS#1 PEM", &rk.PublicKey, oaPEM("RSA PRIVATE KEY", x509.MarshalPKCS1PrivateKey(rk)), "k1", "RS256", "k1"},
		{"RSA PKCS#8 PEM", &rk.PublicKey, []byte(oaPKCS8(t, rk)), "k1", "RS256", "k1"},
		{"RSA PKCS#8 PEM on one line", &rk.PublicKey, strings.ReplaceAll(oaPKCS8(t, rk), "\n", `\n`), "k1", "RS256", "k1"},
		{"EC PKCS#8 PEM", &ek.PublicKey, oaPKCS8(t, ek), "k2", "ES256", "k2"},
		{"EC SEC 1 PEM", &ek.PublicKey, oaPEM("EC PRIVATE KEY", ecSEC1), "", "ES256", ""},
		{"RSA JWK", &rk.PublicKey, oaJWK(t, rk, "from-jwk"), "", "RS256", "from-jwk"},
		{"EC JWK", &ek.PublicKey, []byte(oaJWK(t, ek, "")), "k3", "ES256", "k3"},
		{"jose.JSONWebKey", &ek.PublicKey, jose.JSONWebKey{Key: ek, KeyID: "from-jwk"}, "", "ES256", "from-jwk"},
		{"crypto.Signer RSA", &rk.PublicKey, oaOpaqueSigner{rk}, "hsm", "RS256", "hsm"},
		{"crypto.Signer EC", &ek.PublicKey, oaOpaqueSigner{ek}, "kms", "ES256", "kms"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := newOAuthServer(t, tc.pub)
			c := s.client(t, okta.WithPrivateKey(testClientID, tc.key, tc.kid, okta.ScopeAPITokensRead))
			require.NoError(t, oaCall(c))
			require.NoError(t, oaCall(c))
			assert.EqualValues(t, 1, s.fetches.Load(), "the token is cached")
			require.Len(t, s.assertions, 1)
			h := s.assertions[0].Headers[0]
			assert.Equal(t, tc.alg, h.Algorithm)
			assert.Equal(t, tc.want, h.KeyID)
			assert.Equal(t, []string{"Bearer at-1", "Bearer at-1"}, s.authz)
		})
	}
}

func TestClientAssertionClaims(t *testing.T) {
	s := newOAuthServer(t, &appRSAKey().PublicKey)
	c := s.client(t, okta.WithPrivateKey(testClientID, oaPKCS8(t, appRSAKey()), "k1", okta.ScopeAPITokensRead, okta.ScopeAppsRead))
	for range 3 {
		require.NoError(t, oaCall(c))
		s.mu.Lock()
		clear(s.tokens) // the next call is refused and gets a new token
		s.mu.Unlock()
	}
	require.EqualValues(t, 3, s.fetches.Load())
	seen := map[string]bool{}
	for _, cl := range s.claims {
		assert.Equal(t, testClientID, cl.Issuer)
		assert.Equal(t, testClientID, cl.Subject)
		assert.Equal(t, jwt.Audience{s.url + "/oauth2/v1/token"}, cl.Audience)
		life := cl.Expiry.Time().Sub(cl.IssuedAt.Time())
		assert.True(t, life > 0 && life <= 5*time.Minute, "exp is short: %v", life)
		assert.NotEmpty(t, cl.ID)
		assert.False(t, seen[cl.ID], "jti %s reused", cl.ID)
		seen[cl.ID] = true
	}
}

func TestExpiredTokenIsRefreshed(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		s := newOAuthOrgInMemory(t, &appRSAKey().PublicKey)
		s.expiresIn = 1 // replaced a quarter second before it expires
		c := s.client(t, okta.WithPrivateKey(testClientID, appRSAKey(), "", okta.ScopeAPITokensRead))
		require.NoError(t, oaCall(c))
		time.Sleep(700 * time.Millisecond)
		require.NoError(t, oaCall(c))
		assert.EqualValues(t, 1, s.fetches.Load(), "still fresh at 0.7s")
		time.Sleep(100 * time.Millisecond)
		require.NoError(t, oaCall(c))
		assert.EqualValues(t, 2, s.fetches.Load(), "replaced from 0.75s")
		assert.Equal(t, []string{"Bearer at-1", "Bearer at-1", "Bearer at-2"}, s.authz, "no call was refused")
	})
}

func TestWithClientAssertion(t *testing.T) {
	s := newOAuthServer(t, &appECKey().PublicKey)
	signer, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.ES256, Key: appECKey()}, nil)
	require.NoError(t, err)
	var auds []string
	c := s.client(t, okta.WithClientAssertion(testClientID, func(ctx context.Context, aud string) (string, error) {
		auds = append(auds, aud)
		now := time.Now()
		return jwt.Signed(signer).Claims(jwt.Claims{Issuer: testClientID, Subject: testClientID, Audience: jwt.Audience{aud},
			Expiry: jwt.NewNumericDate(now.Add(time.Minute)), ID: rand.Text()}).Serialize()
	}, okta.ScopeAPITokensRead))
	require.NoError(t, oaCall(c))
	assert.Equal(t, []string{s.url + "/oauth2/v1/token"}, auds)
}

func TestWithTokenSource(t *testing.T) {
	s := newOAuthServer(t, nil)
	s.tokens["outside-token"] = ""
	c := s.client(t, okta.WithTokenSource(oauth2.StaticTokenSource(&oauth2.Token{AccessToken: "outside-token"})))
	require.NoError(t, oaCall(c))
	assert.Equal(t, []string{"Bearer outside-token"}, s.authz)
	assert.Equal(t, okta.AuthorizationModeBearer, c.Configuration().AuthorizationMode())
	assert.NotContains(t, fmt.Sprintf("%v %+v %#v", c, c.Configuration(), *c.Configuration()), "outside-token")
}

func TestSharedTokenFetch(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		s := newOAuthOrgInMemory(t, &appECKey().PublicKey)
		s.gate = make(chan struct{})
		c := s.client(t, okta.WithPrivateKey(testClientID, appECKey(), "", okta.ScopeAPITokensRead))
		var wg sync.WaitGroup
		errs := make(chan error, 64)
		for range 64 {
			wg.Go(func() { errs <- oaCall(c) })
		}
		synctest.Wait() // all 64 are blocked: one in the fetch, the others behind it
		assert.EqualValues(t, 1, s.fetches.Load())
		assert.Zero(t, s.apiCalls.Load(), "no call went out before the token")
		close(s.gate)
		wg.Wait()
		close(errs)
		for err := range errs {
			require.NoError(t, err)
		}
		assert.EqualValues(t, 1, s.fetches.Load())
		assert.EqualValues(t, 64, s.apiCalls.Load())
	})
}

func TestRefusedTokenIsReplacedOnce(t *testing.T) {
	s := newOAuthServer(t, &appECKey().PublicKey)
	c := s.client(t, okta.WithPrivateKey(testClientID, appECKey(), "", okta.ScopeAPITokensRead))
	require.NoError(t, oaCall(c))
	s.mu.Lock()
	delete(s.tokens, "at-1") // revoked, or expired early
	s.mu.Unlock()
	require.NoError(t, oaCall(c))
	assert.EqualValues(t, 2, s.fetches.Load())
	assert.Equal(t, []string{"Bearer at-1", "Bearer at-1", "Bearer at-2"}, s.authz)

	// A token refused again is not retried a second time.
	s.mu.Lock()
	clear(s.tokens)
	s.mu.Unlock()
	s.tokenHook = func(w http.ResponseWriter, r *http.Request) bool {
		writeJSON(w, 200, `{"token_type":"Bearer","expires_in":3600,"access_token":"never-valid"}`)
		return true
	}
	err := oaCall(c)
	oe := requireOktaError(t, err)
	assert.Equal(t, 401, oe.StatusCode)
	assert.True(t, errors.Is(err, okta.ErrUnauthorized))
	assert.EqualValues(t, 3, s.fetches.Load())
	assert.EqualValues(t, 5, s.apiCalls.Load())
}

func TestTokenEndpointErrors(t *testing.T) {
	cases := []struct {
		name     string
		answer   func(w http.ResponseWriter)
		status   int
		code     string
		desc     string
		sentinel error
	}{
		{"invalid_client", func(w http.ResponseWriter) {
			oaError(w, 401, "invalid_client", "The client_assertion signature is invalid.")
		}, 401, "invalid_client", "The client_assertion signature is invalid.", okta.ErrUnauthorized},
		{"invalid_scope", func(w http.ResponseWriter) {
			oaError(w, 400, "invalid_scope", "The following scopes are not allowed: okta.apps.manage")
		}, 400, "invalid_scope", "The following scopes are not allowed: okta.apps.manage", okta.ErrInvalidRequest},
		{"empty token", func(w http.ResponseWriter) {
			writeJSON(w, 200, `{"token_type":"Bearer","expires_in":3600,"access_token":""}`)
		}, 200, "", "", nil},
		{"not JSON", func(w http.ResponseWriter) {
			w.WriteHeader(502)
			io.WriteString(w, "<html>bad gateway</html>")
		}, 502, "", "", nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := newOAuthServer(t, &appECKey().PublicKey)
			s.tokenHook = func(w http.ResponseWriter, r *http.Request) bool { tc.answer(w); return true }
			c := s.client(t, okta.WithPrivateKey(testClientID, oaPKCS8(t, appECKey()), "", okta.ScopeAPITokensRead), okta.WithMaxRetries(0))
			err := oaCall(c)
			require.Error(t, err)
			var oe *okta.OAuthError
			require.ErrorAs(t, err, &oe)
			assert.Equal(t, tc.status, oe.StatusCode)
			assert.Equal(t, tc.code, oe.ErrorCode)
			assert.Equal(t, tc.desc, oe.ErrorDescription)
			if tc.code != "" {
				assert.Equal(t, "req-"+tc.code, oe.RequestID)
				assert.Contains(t, err.Error(), tc.desc)
				assert.Contains(t, err.Error(), "req-"+tc.code)
			}
			if tc.sentinel != nil {
				assert.ErrorIs(t, err, tc.sentinel)
			}
			for _, sec := range oaKeySecrets(t, appECKey()) {
				assert.NotContains(t, fmt.Sprintf("%v %+v %#v", err, err, err), sec)
			}
			assert.EqualValues(t, 0, s.apiCalls.Load(), "no API call without a token")
			assert.EqualValues(t, 1, s.fetches.Load(), "a refused credential is not retried")
		})
	}
}

func TestDPoP(t *testing.T) {
	s := newOAuthServer(t, &appECKey().PublicKey)
	s.requireDPoP = true
	s.tokenNonce = "token-nonce-1"
	c := s.client(t, okta.WithPrivateKey(testClientID, appECKey(), "", okta.ScopeAPITokensRead), okta.WithDPoP(true))
	require.NoError(t, oaCall(c))
	assert.EqualValues(t, 2, s.fetches.Load(), "one use_dpop_nonce answer, then the token")
	assert.Equal(t, []string{"DPoP at-1"}, s.authz)

	// The resource server asks for a nonce too: the call is repeated once with it.
	s.apiNonce = "api-nonce-1"
	require.NoError(t, oaCall(c))
	require.NoError(t, oaCall(c))
	assert.EqualValues(t, 4, s.apiCalls.Load())
	s.mu.Lock()
	defer s.mu.Unlock()
	require.Len(t, s.apiProofs, 4)
	assert.Nil(t, s.apiProofs[1]["nonce"])
	assert.Equal(t, "api-nonce-1", s.apiProofs[2]["nonce"])
	assert.Equal(t, "api-nonce-1", s.apiProofs[3]["nonce"])
	assert.Equal(t, s.url+"/api/v1/api-tokens/00T1", s.apiProofs[0]["htu"])
}

func TestDPoPLearnedFromTheTokenEndpoint(t *testing.T) {
	s := newOAuthServer(t, &appECKey().PublicKey)
	s.requireDPoP = true
	c := s.client(t, okta.WithPrivateKey(testClientID, appECKey(), "", okta.ScopeAPITokensRead))
	require.NoError(t, oaCall(c))
	assert.EqualValues(t, 2, s.fetches.Load())
	assert.Equal(t, []string{"DPoP at-1"}, s.authz)

	// With WithDPoP(false) the refusal is the answer.
	s2 := newOAuthServer(t, &appECKey().PublicKey)
	s2.requireDPoP = true
	c2 := s2.client(t, okta.WithPrivateKey(testClientID, appECKey(), "", okta.ScopeAPITokensRead), okta.WithDPoP(false))
	var oe *okta.OAuthError
	require.ErrorAs(t, oaCall(c2), &oe)
	assert.Equal(t, "invalid_dpop_proof", oe.ErrorCode)
}

func TestDPoPRetriedRateLimitHasNewProof(t *testing.T) {
	s := newOAuthServer(t, &appECKey().PublicKey)
	s.apiHook = func(w http.ResponseWriter, r *http.Request, n int32) bool {
		if n > 1 {
			return false
		}
		w.Header().Set("X-Rate-Limit-Reset", fmt.Sprint(time.Now().Unix()))
		writeJSON(w, 429, `{"errorCode":"E0000047","errorSummary":"API call exceeded rate limit due to too many requests."}`)
		return true
	}
	c := s.client(t, okta.WithPrivateKey(testClientID, appECKey(), "", okta.ScopeAPITokensRead), okta.WithDPoP(true))
	require.NoError(t, oaCall(c))
	s.mu.Lock()
	defer s.mu.Unlock()
	require.Len(t, s.apiProofs, 2, "both attempts passed the proof check: no proof was replayed")
	assert.NotEqual(t, s.apiProofs[0]["jti"], s.apiProofs[1]["jti"])
}

func TestAPITokenOnlyOperationsRefused(t *testing.T) {
	s := newOAuthServer(t, &appECKey().PublicKey)
	c := s.client(t, okta.WithPrivateKey(testClientID, appECKey(), "", okta.ScopeAppsManage, okta.ScopeAPITokensManage))
	_, err := c.ApiTokenAPI.RevokeCurrentApiToken(context.Background(), okta.RevokeCurrentApiTokenRequest{})
	assert.ErrorIs(t, err, okta.ErrInvalidRequest)
	assert.ErrorContains(t, err, "only an API token")
	assert.Zero(t, s.fetches.Load()+s.apiCalls.Load(), "nothing was sent")
}

// The scope-consent-grant operations take an access token with
// okta.appGrants.read or okta.appGrants.manage: a client configured for OAuth
// 2.0 sends them (the 2022 spec said API token only; Okta no longer does).
func TestScopeConsentGrantOperationsAllowedWithOAuth(t *testing.T) {
	s := newOAuthServer(t, &appECKey().PublicKey)
	var paths []string
	s.apiHook = func(w http.ResponseWriter, r *http.Request, n int32) bool {
		s.mu.Lock()
		paths = append(paths, r.Method+" "+r.URL.Path)
		s.mu.Unlock()
		switch {
		case r.Method == http.MethodDelete:
			w.WriteHeader(http.StatusNoContent)
		case strings.HasSuffix(r.URL.Path, "/grants") && r.Method == http.MethodGet:
			writeJSON(w, 200, `[{"id":"g1","scopeId":"okta.users.read"}]`)
		default:
			writeJSON(w, 200, `{"id":"g1","scopeId":"okta.users.read"}`)
		}
		return true
	}
	c := s.client(t, okta.WithPrivateKey(testClientID, appECKey(), "", okta.ScopeAppGrantsRead, okta.ScopeAppGrantsManage))
	ctx := context.Background()
	_, _, err := c.ApplicationAPI.ListScopeConsentGrants(ctx, okta.ListScopeConsentGrantsRequest{AppID: "0oa1"})
	require.NoError(t, err)
	_, _, err = c.ApplicationAPI.GrantConsentToScope(ctx, okta.GrantConsentToScopeRequest{AppID: "0oa1",
		OAuth2ScopeConsentGrant: &okta.OAuth2ScopeConsentGrant{Issuer: "https://dev-1.okta.com", ScopeID: "okta.users.read"}})
	require.NoError(t, err)
	_, _, err = c.ApplicationAPI.GetScopeConsentGrant(ctx, okta.GetScopeConsentGrantRequest{AppID: "0oa1", GrantID: "g1"})
	require.NoError(t, err)
	_, err = c.ApplicationAPI.RevokeScopeConsentGrant(ctx, okta.RevokeScopeConsentGrantRequest{AppID: "0oa1", GrantID: "g1"})
	require.NoError(t, err)
	assert.Equal(t, []string{"GET /api/v1/apps/0oa1/grants", "POST /api/v1/apps/0oa1/grants",
		"GET /api/v1/apps/0oa1/grants/g1", "DELETE /api/v1/apps/0oa1/grants/g1"}, paths)
	assert.Equal(t, []string{"okta.appGrants.read okta.appGrants.manage"}, s.scopes)
}

func TestPrivateKeyNeverShown(t *testing.T) {
	var logs syncBuffer
	logger := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	for _, key := range []crypto.Signer{appRSAKey(), appECKey()} {
		s := newOAuthServer(t, key.Public())
		s.apiNonce = "n"
		cfg, err := okta.NewConfiguration(okta.WithOrgURL(s.url), okta.WithLogger(logger),
			okta.WithPrivateKey(testClientID, oaPKCS8(t, key), "kid1", okta.ScopeAPITokensRead), okta.WithDPoP(true))
		require.NoError(t, err)
		c := okta.NewAPIClient(cfg)
		require.NoError(t, oaCall(c))
		s.tokenHook = func(w http.ResponseWriter, r *http.Request) bool {
			oaError(w, 401, "invalid_client", "no")
			return true
		}
		s.mu.Lock()
		clear(s.tokens)
		s.mu.Unlock()
		err = oaCall(c)
		require.Error(t, err)
		shown := fmt.Sprintf("%v|%+v|%#v|%s|%v|%+v|%#v|%v", err, err, err, cfg, cfg, *cfg, cfg, c)
		nested := struct {
			c   okta.APIClient
			cfg okta.Configuration
		}{*c, *cfg}
		for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x"} {
			shown += fmt.Sprintf(verb, nested)
		}
		shown += logs.String()
		assert.Contains(t, shown, "okta token request")
		for _, sec := range oaKeySecrets(t, key) {
			assert.NotContains(t, shown, sec)
		}
		assert.NotContains(t, shown, "at-1", "no access token either")
	}
}

func TestOAuthConfigurationFromEnvironmentAndYAML(t *testing.T) {
	dir := t.TempDir()
	keyFile := filepath.Join(dir, "key.pem")
	require.NoError(t, os.WriteFile(keyFile, []byte(oaPKCS8(t, appRSAKey())), 0o600))
	s := newOAuthServer(t, &appRSAKey().PublicKey)

	t.Run("environment", func(t *testing.T) {
		t.Setenv("OKTA_CLIENT_ORGURL", s.url)
		t.Setenv("OKTA_CLIENT_AUTHORIZATIONMODE", "PrivateKey")
		t.Setenv("OKTA_CLIENT_CLIENTID", testClientID)
		t.Setenv("OKTA_CLIENT_SCOPES", "okta.apiTokens.read, okta.apps.read")
		t.Setenv("OKTA_CLIENT_PRIVATEKEY", oaPKCS8(t, appRSAKey()))
		t.Setenv("OKTA_CLIENT_PRIVATEKEYID", "env-kid")
		t.Setenv("OKTA_CLIENT_TOKEN", "00ignored-because-of-the-mode")
		cfg, err := okta.NewConfiguration()
		require.NoError(t, err)
		assert.Equal(t, okta.AuthorizationModePrivateKey, cfg.AuthorizationMode())
		assert.Contains(t, cfg.String(), "Scopes: [okta.apiTokens.read okta.apps.read]")
		require.NoError(t, oaCall(okta.NewAPIClient(cfg)))
		assert.Equal(t, "env-kid", s.assertions[len(s.assertions)-1].Headers[0].KeyID)
	})
	t.Run("token without a mode means SSWS", func(t *testing.T) {
		t.Setenv("OKTA_CLIENT_ORGURL", s.url)
		t.Setenv("OKTA_CLIENT_CLIENTID", testClientID)
		t.Setenv("OKTA_CLIENT_PRIVATEKEY", keyFile)
		t.Setenv("OKTA_CLIENT_TOKEN", "00aToken")
		cfg, err := okta.NewConfiguration()
		require.NoError(t, err)
		assert.Equal(t, okta.AuthorizationModeSSWS, cfg.AuthorizationMode())
	})
	t.Run("yaml", func(t *testing.T) {
		wd := t.TempDir()
		t.Chdir(wd)
		writeFile(t, filepath.Join(wd, ".okta.yaml"), fmt.Sprintf(`okta:
  client:
    orgUrl: %s
    authorizationMode: PrivateKey
    clientId: %s
    scopes:
      - okta.apiTokens.read
    privateKey: %s
    privateKeyId: yaml-kid
`, s.url, testClientID, keyFile))
		cfg, err := okta.NewConfiguration()
		require.NoError(t, err)
		require.NoError(t, oaCall(okta.NewAPIClient(cfg)))
		assert.Equal(t, "yaml-kid", s.assertions[len(s.assertions)-1].Headers[0].KeyID)
		assert.Equal(t, "okta.apiTokens.read", s.scopes[len(s.scopes)-1])
	})
}

func TestOAuthConfigurationProblems(t *testing.T) {
	key := oaPKCS8(t, appRSAKey())
	pubDER, err := x509.MarshalPKIXPublicKey(&appRSAKey().PublicKey)
	require.NoError(t, err)
	small, err := rsa.GenerateKey(rand.Reader, 1024)
	require.NoError(t, err)
	cases := []struct {
		name string
		opts []okta.ConfigOption
		want []string
	}{
		{"no client id", []okta.ConfigOption{okta.WithPrivateKey("", key, "", "okta.apps.read")}, []string{"client id is missing", "OKTA_CLIENT_CLIENTID"}},
		{"no key", []okta.ConfigOption{okta.WithPrivateKey(testClientID, nil, "", "okta.apps.read")}, []string{"private key is missing", "OKTA_CLIENT_PRIVATEKEY"}},
		{"no scopes", []okta.ConfigOption{okta.WithPrivateKey(testClientID, key, "")}, []string{"scopes are missing", "okta.apps.read"}},
		{"garbage key", []okta.ConfigOption{okta.WithPrivateKey(testClientID, "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----", "", "s")}, []string{"cannot be parsed"}},
		{"public key", []okta.ConfigOption{okta.WithPrivateKey(testClientID, oaPEM("PUBLIC KEY", pubDER), "", "s")}, []string{"pass the private key"}},
		{"public JWK", []okta.ConfigOption{okta.WithPrivateKey(testClientID, jose.JSONWebKey{Key: &appRSAKey().PublicKey}, "", "s")}, []string{"public JWK"}},
		{"small RSA key", []okta.ConfigOption{okta.WithPrivateKey(testClientID, small, "", "s")}, []string{"1024 bits", "2048"}},
		{"not a key or file", []okta.ConfigOption{okta.WithPrivateKey(testClientID, "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC", "", "s")}, []string{"no file of that name"}},
		{"DPoP with SSWS", []okta.ConfigOption{okta.WithAPIToken("00abc"), okta.WithDPoP(true)}, []string{"WithDPoP(true) needs"}},
		{"nil token source", []okta.ConfigOption{okta.WithTokenSource(nil)}, []string{"nil oauth2.TokenSource"}},
		{"nil *rsa.PrivateKey", []okta.ConfigOption{okta.WithPrivateKey(testClientID, (*rsa.PrivateKey)(nil), "", "s")}, []string{"nil *rsa.PrivateKey"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := okta.NewConfiguration(append([]okta.ConfigOption{okta.WithOrgURL("https://dev-1.okta.com")}, tc.opts...)...)
			require.Error(t, err)
			assert.ErrorIs(t, err, okta.ErrConfiguration)
			for _, w := range tc.want {
				assert.Contains(t, err.Error(), w)
			}
			for _, sec := range oaKeySecrets(t, appRSAKey()) {
				assert.NotContains(t, err.Error(), sec)
			}
			assert.NotContains(t, err.Error(), "MIIEvQIBADANBgkqhkiG9w0BAQEFAASC")
		})
	}
	t.Run("unknown mode", func(t *testing.T) {
		t.Setenv("OKTA_CLIENT_AUTHORIZATIONMODE", "JWT")
		_, err := okta.NewConfiguration(okta.WithOrgURL("https://dev-1.okta.com"))
		assert.ErrorContains(t, err, `authorization mode "JWT" is not supported`)
	})
}

// Authorizing again after a refused token uses up no retry: with one retry
// allowed, a call whose token is refused and which then meets a 429 still
// succeeds.
func TestReauthorizationIsNotARetry(t *testing.T) {
	s := newOAuthServer(t, &appECKey().PublicKey)
	var attempts []int
	c := s.client(t, okta.WithPrivateKey(testClientID, appECKey(), "", okta.ScopeAPITokensRead),
		okta.WithRetryPolicy(okta.RetryPolicy{MaxRetries: 1, Decide: func(a okta.RetryAttempt, retry bool) bool {
			attempts = append(attempts, a.Retries)
			return retry
		}}))
	require.NoError(t, oaCall(c))
	s.mu.Lock()
	delete(s.tokens, "at-1")
	s.mu.Unlock()
	var retryCount string
	s.apiHook = func(w http.ResponseWriter, r *http.Request, n int32) bool {
		retryCount = r.Header.Get("X-Okta-Retry-Count")
		if n == 3 { // the first attempt with the new token
			w.Header().Set("Retry-After", "0")
			writeJSON(w, 429, `{"errorCode":"E0000047","errorSummary":"API call exceeded rate limit due to too many requests."}`)
			return true
		}
		return false
	}
	require.NoError(t, oaCall(c))
	assert.EqualValues(t, 4, s.apiCalls.Load(), "ok, refused token, 429, ok")
	assert.Equal(t, []int{0}, attempts, "the 429 was the call's first retry decision, at retry count 0")
	assert.Equal(t, "2", retryCount, "X-Okta-Retry-Count still counts every attempt")
}
