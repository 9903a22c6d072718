package oktatest

// OAuth 2.0 service apps: the org authorization server's token endpoint
// (client credentials with a private_key_jwt assertion, DPoP with nonces),
// and access tokens on the management API, with their scopes enforced.

import (
	"crypto"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/jwt"
)

// Scopes the emulator grants and enforces. A .manage scope also allows what
// its .read sibling allows.
const (
	ScopeAppsRead        = "okta.apps.read"
	ScopeAppsManage      = "okta.apps.manage"
	ScopeAPITokensRead   = "okta.apiTokens.read"
	ScopeAPITokensManage = "okta.apiTokens.manage"
)

const (
	tokenPath           = "/oauth2/v1/token"
	jwtBearer           = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
	maxAssertionLife    = time.Hour        // Okta refuses an exp further away
	proofWindow         = time.Minute      // how far a DPoP proof's iat may be from now
	nonceLifetime       = 5 * time.Minute  // how long a DPoP nonce is accepted
	defaultTokenTTL     = time.Hour        // Okta's access token lifetime
	maxTokenRequestBody = 64 << 10         // a token request is a small form
	clockSkew           = 30 * time.Second // leeway on iat and exp
)

// assertionAlgs and proofAlgs are the JWS algorithms accepted.
var (
	assertionAlgs = []jose.SignatureAlgorithm{jose.RS256, jose.RS384, jose.RS512, jose.ES256, jose.ES384, jose.ES512}
	proofAlgs     = []jose.SignatureAlgorithm{jose.ES256, jose.ES384, jose.ES512, jose.RS256, jose.PS256}
)

// apiTokenOnly are the operations that accept only an API token.
var apiTokenOnly = map[string]bool{
	"revokeCurrentApiToken": true,
}

// oauthState is the authorization server's data, guarded by its own lock.
type oauthState struct {
	mu          sync.Mutex
	clients     map[string]*serviceClient
	tokens      map[string]*accessToken // by secret
	jtis        map[string]time.Time    // assertion jti → when it may be forgotten
	proofJTIs   map[string]time.Time    // DPoP proof jti → when it may be forgotten
	nonces      map[string]time.Time    // DPoP nonce → when it stops being accepted
	tokenTTL    time.Duration
	apiNonce    bool // API calls with DPoP need the server's nonce too
	tokenIssued int
}

type serviceClient struct {
	id     string
	pub    crypto.PublicKey
	scopes []string
	dpop   bool // tokens must be DPoP-bound
}

type accessToken struct {
	clientID string
	scopes   []string
	jkt      string // thumbprint of the DPoP key it is bound to; "" for Bearer
	expires  time.Time
}

func (o *oauthState) lazyInit() {
	if o.clients == nil {
		o.clients = map[string]*serviceClient{}
		o.tokens = map[string]*accessToken{}
		o.jtis = map[string]time.Time{}
		o.proofJTIs = map[string]time.Time{}
		o.nonces = map[string]time.Time{}
		o.tokenTTL = defaultTokenTTL
	}
}

// RegisterClient registers an OAuth 2.0 service app that authenticates with
// private_key_jwt: pub (an *rsa.PublicKey or *ecdsa.PublicKey) verifies its
// client assertions, and scopes are the Okta scopes granted to it (such as
// ScopeAppsRead). Registering an id again replaces the app.
func (s *Server) RegisterClient(clientID string, pub crypto.PublicKey, scopes ...string) {
	o := &s.oauth
	o.mu.Lock()
	defer o.mu.Unlock()
	o.lazyInit()
	o.clients[clientID] = &serviceClient{id: clientID, pub: pub, scopes: slices.Clone(scopes)}
}

// RequireDPoP makes the tokens of a registered client DPoP-bound: a token
// request without a DPoP proof is refused with invalid_dpop_proof, as Okta
// does for an app with "Require DPoP" set. It panics if clientID is not
// registered.
func (s *Server) RequireDPoP(clientID string) {
	o := &s.oauth
	o.mu.Lock()
	defer o.mu.Unlock()
	o.lazyInit()
	c, ok := o.clients[clientID]
	if !ok {
		panic(fmt.Sprintf("oktatest: RequireDPoP: no client %q", clientID))
	}
	c.dpop = true
}

// SetAccessTokenLifetime sets the expires_in of the access tokens issued from
// now on (default one hour).
func (s *Server) SetAccessTokenLifetime(d time.Duration) {
	o := &s.oauth
	o.mu.Lock()
	defer o.mu.Unlock()
	o.lazyInit()
	o.tokenTTL = d
}

// RequireDPoPNonceForAPI makes API calls with DPoP-bound tokens carry one of
// the server's nonces in their proof too (the token endpoint always asks for
// one): a proof without one is answered 401 with error="use_dpop_nonce" and a
// DPoP-Nonce header.
func (s *Server) RequireDPoPNonceForAPI(on bool) {
	o := &s.oauth
	o.mu.Lock()
	defer o.mu.Unlock()
	o.lazyInit()
	o.apiNonce = on
}

// RevokeAccessTokens makes every access token issued so far invalid, as if
// they had expired.
func (s *Server) RevokeAccessTokens() {
	o := &s.oauth
	o.mu.Lock()
	defer o.mu.Unlock()
	o.lazyInit()
	clear(o.tokens)
}

// AccessTokensIssued is how many access tokens the token endpoint has issued.
func (s *Server) AccessTokensIssued() int {
	o := &s.oauth
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.tokenIssued
}

// oauthErr is an OAuth 2.0 error answer of the token endpoint.
type oauthErr struct {
	status     int
	code, desc string
	dpopNonce  string // sent as the DPoP-Nonce header when set
}

func (s *Server) writeOAuthError(w http.ResponseWriter, e *oauthErr) {
	if e.dpopNonce != "" {
		w.Header().Set("DPoP-Nonce", e.dpopNonce)
	}
	w.Header().Set("Cache-Control", "no-store")
	s.writeJSON(w, e.status, map[string]string{"error": e.code, "error_description": e.desc})
}

func invalidClient(desc string) *oauthErr {
	return &oauthErr{status: http.StatusUnauthorized, code: "invalid_client", desc: desc}
}

// serveToken is POST /oauth2/v1/token.
func (s *Server) serveToken(w http.ResponseWriter, r *http.Request) {
	s.serveTokenEndpoint(w, r, s.issueToken)
}

// serveTokenEndpoint answers a token request with what issue makes of it:
// POST only, and the token or the OAuth error, never cached.
func (s *Server) serveTokenEndpoint(w http.ResponseWriter, r *http.Request, issue func(http.ResponseWriter, *http.Request) (map[string]any, *oauthErr)) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		s.writeOAuthError(w, &oauthErr{status: http.StatusMethodNotAllowed, code: "invalid_request", desc: "The token endpoint accepts only POST."})
		return
	}
	tok, e := issue(w, r)
	if e != nil {
		s.writeOAuthError(w, e)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	s.writeJSON(w, http.StatusOK, tok)
}

// clientCredentialsForm reads a token request's form, bounded, and checks
// that it asks for the client credentials grant, the only one served.
func clientCredentialsForm(w http.ResponseWriter, r *http.Request) (url.Values, *oauthErr) {
	r.Body = http.MaxBytesReader(w, r.Body, maxTokenRequestBody)
	if err := r.ParseForm(); err != nil || !strings.HasPrefix(r.Header.Get("Content-Type"), "application/x-www-form-urlencoded") {
		return nil, &oauthErr{status: http.StatusBadRequest, code: "invalid_request", desc: "The request must be an application/x-www-form-urlencoded form."}
	}
	form := r.PostForm
	if gt := form.Get("grant_type"); gt != "client_credentials" {
		return nil, &oauthErr{status: http.StatusBadRequest, code: "unsupported_grant_type", desc: fmt.Sprintf("The grant type %q is not supported; use client_credentials.", gt)}
	}
	return form, nil
}

func (s *Server) issueToken(w http.ResponseWriter, r *http.Request) (map[string]any, *oauthErr) {
	form, e := clientCredentialsForm(w, r)
	if e != nil {
		return nil, e
	}
	if form.Get("client_assertion_type") != jwtBearer || form.Get("client_assertion") == "" {
		return nil, invalidClient("The client must authenticate with a private_key_jwt client_assertion.")
	}
	now := s.now()
	o := &s.oauth
	client, e := s.checkAssertion(form.Get("client_assertion"), form.Get("client_id"), s.originOf(r)+tokenPath, now)
	if e != nil {
		return nil, e
	}
	scopes := strings.Fields(form.Get("scope"))
	if len(scopes) == 0 {
		return nil, &oauthErr{status: http.StatusBadRequest, code: "invalid_scope", desc: "The authorization server requires at least one scope."}
	}
	var denied []string
	for _, sc := range scopes {
		if !slices.Contains(client.scopes, sc) {
			denied = append(denied, sc)
		}
	}
	if len(denied) > 0 {
		return nil, &oauthErr{status: http.StatusBadRequest, code: "invalid_scope", desc: "The following scopes are not allowed: " + strings.Join(denied, ", ")}
	}
	jkt := ""
	if proof := r.Header.Get("DPoP"); proof != "" {
		var e *oauthErr
		if jkt, e = s.checkProof(proof, r, "", now, true); e != nil {
			return nil, e
		}
	} else if client.dpop {
		return nil, &oauthErr{status: http.StatusBadRequest, code: "invalid_dpop_proof", desc: "The DPoP proof JWT header is missing."}
	}
	access := secret(48)
	o.mu.Lock()
	ttl := o.tokenTTL
	o.tokens[access] = &accessToken{clientID: client.id, scopes: scopes, jkt: jkt, expires: now.Add(ttl)}
	o.tokenIssued++
	o.mu.Unlock()
	typ := "Bearer"
	if jkt != "" {
		typ = "DPoP"
	}
	return map[string]any{"token_type": typ, "expires_in": int(ttl / time.Second), "access_token": access, "scope": strings.Join(scopes, " ")}, nil
}

// checkAssertion verifies a private_key_jwt client assertion and returns its
// client: signature by the registered key, iss = sub = client id, aud the
// token endpoint, an exp in the near future, and a jti never seen.
func (s *Server) checkAssertion(assertion, formClientID, aud string, now time.Time) (*serviceClient, *oauthErr) {
	tok, err := jwt.ParseSigned(assertion, assertionAlgs)
	if err != nil {
		return nil, invalidClient("The client_assertion is not a signed JWT with an accepted algorithm (RS256, ES256, ...).")
	}
	var unverified jwt.Claims
	if err := tok.UnsafeClaimsWithoutVerification(&unverified); err != nil {
		return nil, invalidClient("The client_assertion claims cannot be read.")
	}
	o := &s.oauth
	o.mu.Lock()
	o.lazyInit()
	client := o.clients[unverified.Subject]
	o.mu.Unlock()
	if client == nil {
		return nil, invalidClient("The client_assertion sub is not a registered client id.")
	}
	if formClientID != "" && formClientID != client.id {
		return nil, invalidClient("The client_id does not match the client_assertion sub.")
	}
	var c jwt.Claims
	if err := tok.Claims(client.pub, &c); err != nil {
		return nil, invalidClient("The client_assertion signature is invalid.")
	}
	switch {
	case c.Issuer != client.id || c.Subject != client.id:
		return nil, invalidClient("The client_assertion iss and sub must both be the client id.")
	case !c.Audience.Contains(aud):
		return nil, invalidClient(fmt.Sprintf("The client_assertion aud must be %s.", aud))
	case c.Expiry == nil:
		return nil, invalidClient("The client_assertion has no exp.")
	case !now.Before(c.Expiry.Time().Add(clockSkew)):
		return nil, invalidClient("The client_assertion token is expired.")
	case c.Expiry.Time().After(now.Add(maxAssertionLife + clockSkew)):
		return nil, invalidClient("The client_assertion token has an expiration too far in the future.")
	case c.IssuedAt != nil && c.IssuedAt.Time().After(now.Add(clockSkew)):
		return nil, invalidClient("The client_assertion token was issued in the future.")
	case c.ID == "":
		return nil, invalidClient("The client_assertion has no jti.")
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	prune(o.jtis, now)
	if _, seen := o.jtis[c.ID]; seen {
		return nil, invalidClient("The client_assertion token has already been used.")
	}
	o.jtis[c.ID] = c.Expiry.Time().Add(clockSkew)
	return client, nil
}

// prune forgets the entries of m that expired before now.
func prune(m map[string]time.Time, now time.Time) {
	for k, until := range m {
		if now.After(until) {
			delete(m, k)
		}
	}
}

// proofClaims are a DPoP proof's claims.
type proofClaims struct {
	ID     string           `json:"jti"`
	Method string           `json:"htm"`
	URI    string           `json:"htu"`
	Issued *jwt.NumericDate `json:"iat"`
	Nonce  string           `json:"nonce"`
	ATH    string           `json:"ath"`
}

// checkProof verifies a DPoP proof for r and returns the thumbprint of its
// key. access is the access token it must be bound to ("" at the token
// endpoint); needNonce says whether the proof must carry a current nonce.
func (s *Server) checkProof(proof string, r *http.Request, access string, now time.Time, needNonce bool) (string, *oauthErr) {
	bad := func(desc string) (string, *oauthErr) {
		return "", &oauthErr{status: http.StatusBadRequest, code: "invalid_dpop_proof", desc: desc}
	}
	if len(r.Header.Values("DPoP")) != 1 {
		return bad("The request must carry exactly one DPoP header.")
	}
	c, jwk, problem := verifyProofJWT(proof)
	if problem != "" {
		return bad(problem)
	}
	if problem := s.checkProofClaims(c, r, access, now); problem != "" {
		return bad(problem)
	}
	tp, err := jwk.Thumbprint(crypto.SHA256)
	if err != nil {
		return bad("The DPoP proof jwk has no thumbprint.")
	}
	if e := s.spendProof(c, access, now, needNonce); e != nil {
		return "", e
	}
	return base64.RawURLEncoding.EncodeToString(tp), nil
}

// verifyProofJWT checks a DPoP proof's form and signature (RFC 9449 4.3,
// steps 1-6) and returns its claims and public key, or what is wrong.
func verifyProofJWT(proof string) (proofClaims, *jose.JSONWebKey, string) {
	var c proofClaims
	sig, err := jose.ParseSignedCompact(proof, proofAlgs)
	if err != nil || len(sig.Signatures) != 1 {
		return c, nil, "The DPoP proof is not a signed JWT with an accepted algorithm."
	}
	h := sig.Signatures[0].Protected
	if typ, _ := h.ExtraHeaders["typ"].(string); typ != "dpop+jwt" {
		return c, nil, "The DPoP proof typ header must be dpop+jwt."
	}
	if h.JSONWebKey == nil || !h.JSONWebKey.IsPublic() || !h.JSONWebKey.Valid() {
		return c, nil, "The DPoP proof jwk header must be a public key."
	}
	payload, err := sig.Verify(h.JSONWebKey)
	if err != nil {
		return c, nil, "The DPoP proof signature is invalid."
	}
	if err := json.Unmarshal(payload, &c); err != nil || c.ID == "" || c.Issued == nil {
		return c, nil, "The DPoP proof needs jti, htm, htu and iat claims."
	}
	return c, h.JSONWebKey, ""
}

// checkProofClaims checks that a proof's claims are for this request (htm,
// htu), recent (iat) and, on the API, for this access token (ath). It
// returns what is wrong, or "".
func (s *Server) checkProofClaims(c proofClaims, r *http.Request, access string, now time.Time) string {
	if c.Method != r.Method {
		return fmt.Sprintf("The DPoP proof htm %q is not the request's method %s.", c.Method, r.Method)
	}
	if c.URI != s.URL+r.URL.Path && c.URI != "http://"+r.Host+r.URL.Path {
		return fmt.Sprintf("The DPoP proof htu %q is not the request's URI %s%s (without query).", c.URI, s.URL, r.URL.Path)
	}
	if d := now.Sub(c.Issued.Time()); d > proofWindow || d < -proofWindow {
		return "The DPoP proof iat is too far from the current time."
	}
	if access == "" && c.ATH != "" {
		return "A DPoP proof for the token endpoint must not carry ath."
	}
	if access != "" {
		sum := sha256.Sum256([]byte(access))
		if c.ATH != base64.RawURLEncoding.EncodeToString(sum[:]) {
			return "The DPoP proof ath is not the hash of the access token."
		}
	}
	return ""
}

// spendProof enforces the server's state for a proof: a nonce it issued
// when one is needed (answering use_dpop_nonce with a fresh one otherwise),
// and a jti never seen before, which it then records.
func (s *Server) spendProof(c proofClaims, access string, now time.Time, needNonce bool) *oauthErr {
	o := &s.oauth
	o.mu.Lock()
	defer o.mu.Unlock()
	o.lazyInit()
	prune(o.nonces, now)
	if needNonce {
		if _, ok := o.nonces[c.Nonce]; !ok || c.Nonce == "" {
			nonce := secret(32)
			o.nonces[nonce] = now.Add(nonceLifetime)
			desc := "Authorization server requires nonce in DPoP proof."
			if access != "" {
				desc = "Resource server requires nonce in DPoP proof."
			}
			return &oauthErr{status: http.StatusBadRequest, code: "use_dpop_nonce", desc: desc, dpopNonce: nonce}
		}
	}
	prune(o.proofJTIs, now)
	if _, seen := o.proofJTIs[c.ID]; seen {
		return &oauthErr{status: http.StatusBadRequest, code: "invalid_dpop_proof", desc: "The DPoP proof jti has already been used."}
	}
	o.proofJTIs[c.ID] = now.Add(2 * proofWindow)
	return nil
}

// requiredScope is the scope an operation needs from an access token, or ""
// for the operations that accept only an API token.
func requiredScope(op operation) string {
	switch {
	case apiTokenOnly[op.id]:
		return ""
	case opScopes[op.id] != "":
		return opScopes[op.id]
	case strings.HasPrefix(op.path, "/api/v1/api-tokens"):
		if op.method == http.MethodGet {
			return ScopeAPITokensRead
		}
		return ScopeAPITokensManage
	case op.method == http.MethodGet:
		return ScopeAppsRead
	}
	return ScopeAppsManage
}

// hasScope reports whether granted allows need; a .manage scope allows its
// .read sibling.
func hasScope(granted []string, need string) bool {
	if slices.Contains(granted, need) {
		return true
	}
	if base, ok := strings.CutSuffix(need, ".read"); ok {
		return slices.Contains(granted, base+".manage")
	}
	return false
}

// authenticateAccessToken checks an access token sent with the Bearer or
// DPoP scheme, its DPoP proof, and its scope for op. A refusal sets the
// WWW-Authenticate (and DPoP-Nonce) headers on w.
func (s *Server) authenticateAccessToken(w http.ResponseWriter, r *http.Request, scheme, access string, op operation) (principal, *apiError) {
	now := s.now()
	o := &s.oauth
	o.mu.Lock()
	o.lazyInit()
	t := o.tokens[access]
	o.mu.Unlock()
	need := requiredScope(op)
	challenge := func(params string) {
		w.Header().Set("WWW-Authenticate", fmt.Sprintf(`%s authorization_uri="%s/oauth2/v1/authorize", realm="%s", %s, resource="%s"`,
			scheme, s.URL, s.URL, params, r.URL.Path))
	}
	refuse := func(desc string) (principal, *apiError) {
		challenge(fmt.Sprintf(`scope="%s", error="invalid_token", error_description="%s"`, need, desc))
		return principal{}, invalidToken()
	}
	switch {
	case t == nil:
		return refuse("The access token is invalid.")
	case !now.Before(t.expires):
		return refuse("The token has expired.")
	case scheme == "Bearer" && t.jkt != "":
		return refuse("The access token is DPoP-bound: send it with the DPoP scheme and a proof.")
	case scheme == "DPoP" && t.jkt == "":
		return refuse("The access token is not DPoP-bound: send it with the Bearer scheme.")
	}
	if scheme == "DPoP" {
		proof := r.Header.Get("DPoP")
		if proof == "" {
			return refuse("The DPoP proof JWT header is missing.")
		}
		o.mu.Lock()
		needNonce := o.apiNonce
		o.mu.Unlock()
		jkt, e := s.checkProof(proof, r, access, now, needNonce)
		if e != nil && e.code == "use_dpop_nonce" {
			w.Header().Set("DPoP-Nonce", e.dpopNonce)
			w.Header().Set("WWW-Authenticate", fmt.Sprintf(`DPoP error="use_dpop_nonce", error_description="%s"`, e.desc))
			return principal{}, invalidToken()
		}
		if e != nil {
			return refuse(e.desc)
		}
		if jkt != t.jkt {
			return refuse("The DPoP proof key is not the key the access token is bound to.")
		}
	}
	if need == "" {
		challenge(`error="insufficient_scope", error_description="This operation accepts only an API token (SSWS)."`)
		return principal{}, accessDenied()
	}
	if !hasScopes(t.scopes, need) {
		challenge(fmt.Sprintf(`error="insufficient_scope", scope="%s", error_description="The access token provided does not contain the required scopes."`, need))
		return principal{}, accessDenied()
	}
	return principal{}, nil
}
