package okta

// OAuth 2.0 for service apps: the client-credentials grant with a
// private_key_jwt client assertion, the token cache, and the Authorization of
// each request made with an access token.

import (
	"context"
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/cryptosigner"
	"github.com/go-jose/go-jose/v4/jwt"
	"golang.org/x/oauth2"
)

// Authorization modes, spelled as OKTA_CLIENT_AUTHORIZATIONMODE and
// okta.client.authorizationMode spell them.
const (
	// AuthorizationModeSSWS authenticates with an API token
	// ("Authorization: SSWS <token>").
	AuthorizationModeSSWS = "SSWS"
	// AuthorizationModePrivateKey authenticates as an OAuth 2.0 service app:
	// access tokens from the org's token endpoint, obtained with the
	// client-credentials grant and a private_key_jwt client assertion.
	AuthorizationModePrivateKey = "PrivateKey"
	// AuthorizationModeBearer sends access tokens obtained elsewhere, from
	// the oauth2.TokenSource given to WithTokenSource.
	AuthorizationModeBearer = "Bearer"
)

// The OAuth 2.0 scopes of the operations. Grant the ones a program needs to
// its service app in the Admin Console, and ask for them with WithPrivateKey
// or OKTA_CLIENT_SCOPES. A .manage scope also allows what its .read sibling
// allows.
//
// RevokeCurrentApiToken, ListScopeConsentGrants, GrantConsentToScope,
// GetScopeConsentGrant and RevokeScopeConsentGrant have no scope: Okta accepts
// only an API token for them in this API version, and a client configured for
// OAuth 2.0 refuses them before sending, with ErrInvalidRequest.
const (
	// ScopeAppsRead allows the Application operations that read: GetApplication,
	// ListApplications, GetApplicationUser, ListApplicationUsers,
	// GetApplicationGroupAssignment, ListApplicationGroupAssignments,
	// GetApplicationKey, ListApplicationKeys, GetCsrForApplication,
	// ListCsrsForApplication, GetDefaultProvisioningConnectionForApplication,
	// GetFeatureForApplication, ListFeaturesForApplication,
	// GetOAuth2TokenForApplication and ListOAuth2TokensForApplication.
	ScopeAppsRead = "okta.apps.read"
	// ScopeAppsManage allows every other Application operation (create,
	// update, delete, activate, deactivate, user and group assignments, keys,
	// CSRs, the provisioning connection, features, the logo, token
	// revocation), except the four scope-consent-grant operations.
	ScopeAppsManage = "okta.apps.manage"
	// ScopeAPITokensRead allows GetApiToken and ListApiTokens.
	ScopeAPITokensRead = "okta.apiTokens.read"
	// ScopeAPITokensManage allows RevokeApiToken.
	ScopeAPITokensManage = "okta.apiTokens.manage"
)

// tokenPath is the org authorization server's token endpoint.
const tokenPath = "/oauth2/v1/token"

// assertionLifetime is how long a client assertion is valid: long enough for
// clock skew and a slow network, short enough that a leaked one is soon
// useless (Okta accepts at most an hour).
const assertionLifetime = 5 * time.Minute

// ClientAssertionFunc returns a signed client assertion (a JWT whose iss and
// sub are the client id and whose aud is audience, the org's token endpoint)
// for one token request. Okta refuses an assertion whose jti it has seen, so
// return a fresh one on each call; the SDK calls it once per token request.
type ClientAssertionFunc func(ctx context.Context, audience string) (string, error)

// OAuthError is a failed request to the org's token endpoint
// (POST /oauth2/v1/token), or an answer there that holds no usable token. Use
// errors.As to get one. errors.Is matches ErrInvalidRequest (400),
// ErrUnauthorized (401) and ErrForbidden (403), as it does for *Error.
type OAuthError struct {
	StatusCode       int    // HTTP status of the answer; 0 when none came
	ErrorCode        string // the "error" member, such as "invalid_client"
	ErrorDescription string // the "error_description" member
	RequestID        string // X-Okta-Request-Id of the answer
	Err              error  // what failed on this side (network, signing, decoding), if anything
}

func (e *OAuthError) Error() string {
	var b strings.Builder
	b.WriteString("access token request")
	if e.StatusCode != 0 {
		fmt.Fprintf(&b, ": %d %s", e.StatusCode, http.StatusText(e.StatusCode))
	}
	if e.ErrorCode != "" {
		b.WriteString(": " + e.ErrorCode)
	}
	if e.ErrorDescription != "" {
		b.WriteString(": " + excerpt([]byte(e.ErrorDescription), 300))
	}
	if e.Err != nil {
		b.WriteString(": " + e.Err.Error())
	}
	if e.RequestID != "" {
		b.WriteString(" [request id " + e.RequestID + "]")
	}
	return b.String()
}

// Unwrap returns the failure on this side, if any.
func (e *OAuthError) Unwrap() error { return e.Err }

// Is reports whether the error matches one of the sentinel errors by status.
func (e *OAuthError) Is(target error) bool { return statusIs(e.StatusCode, target) }

// apiTokenOnly are the operations Okta accepts only with an API token in this
// API version: they have no OAuth 2.0 scope.
var apiTokenOnly = map[string]bool{
	"revokeCurrentApiToken":   true,
	"listScopeConsentGrants":  true,
	"grantConsentToScope":     true,
	"getScopeConsentGrant":    true,
	"revokeScopeConsentGrant": true,
}

// refuseForAuth refuses, before sending, an operation that the client's
// credentials cannot authorize.
func (c *APIClient) refuseForAuth(op string) error {
	if _, ok := c.auth.(*oauthAuth); ok && apiTokenOnly[op] {
		return invalid(op, "Okta accepts only an API token (SSWS) for this operation in this API version, "+
			"and the client is configured for OAuth 2.0 access tokens (authorization mode %s): "+
			"use a client configured with WithAPIToken for it", c.cfg.AuthorizationMode())
	}
	return nil
}

// authConfig is how a Configuration authenticates, once validated.
type authConfig struct {
	mode        string // one of the AuthorizationMode constants
	clientID    string
	scopes      []string
	keyID       string
	alg         jose.SignatureAlgorithm // of the client assertion
	key         crypto.Signer           // nil with an assertion func or a token source
	assertion   ClientAssertionFunc
	tokenSource oauth2.TokenSource
	dpop        *bool // nil: learn from the token endpoint; true: always; false: never
}

func (a *authConfig) describe() string {
	switch a.mode {
	case AuthorizationModePrivateKey:
		dpop := "auto"
		if a.dpop != nil {
			dpop = strconv.FormatBool(*a.dpop)
		}
		key := "[REDACTED " + string(a.alg) + " key]"
		if a.key == nil {
			key = "client assertion func"
		}
		return fmt.Sprintf("Auth: PrivateKey, ClientID: %s, Scopes: %v, PrivateKey: %s, PrivateKeyID: %q, DPoP: %s",
			a.clientID, a.scopes, key, a.keyID, dpop)
	case AuthorizationModeBearer:
		return "Auth: Bearer, TokenSource: [REDACTED]"
	}
	return "Auth: " + a.mode
}

// resolveAuth decides how the client authenticates, from the merged settings,
// and validates what that mode needs. The authorization mode decides; without
// one, an API token means SSWS (Okta's rule), and a client id or key without a
// token means PrivateKey.
func (s *settings) resolveAuth() (*authConfig, []error) {
	mode := s.authMode
	if mode == "" {
		mode = AuthorizationModeSSWS
		if s.apiToken == "" && (s.clientID != "" || s.privateKey != nil) {
			mode = AuthorizationModePrivateKey
		}
	}
	var problems []error
	a := &authConfig{dpop: s.dpop}
	switch strings.ToLower(mode) {
	case "ssws":
		a.mode = AuthorizationModeSSWS
		if err := checkToken(s.apiToken); err != nil {
			problems = append(problems, err)
		}
	case "privatekey":
		a.mode = AuthorizationModePrivateKey
		problems = append(problems, s.resolvePrivateKey(a)...)
	case "bearer":
		a.mode, a.tokenSource = AuthorizationModeBearer, s.tokenSource
		if s.tokenSource == nil {
			problems = append(problems, errors.New("authorization mode Bearer needs an oauth2.TokenSource: pass WithTokenSource(ts), "+
				"or use authorization mode PrivateKey to have the SDK get the tokens"))
		}
	default:
		problems = append(problems, fmt.Errorf("authorization mode %q is not supported: set OKTA_CLIENT_AUTHORIZATIONMODE or "+
			"okta.client.authorizationMode to SSWS (an API token) or PrivateKey (an OAuth 2.0 service app)", mode))
	}
	if a.mode != AuthorizationModePrivateKey && s.dpop != nil && *s.dpop {
		problems = append(problems, fmt.Errorf("WithDPoP(true) needs tokens the SDK requests itself (authorization mode PrivateKey, "+
			"with WithPrivateKey or WithClientAssertion), but the authorization mode is %s", a.mode))
	}
	return a, problems
}

const clientIDExample = "0oa1b2c3d4e5f6g7h8i9"

func (s *settings) resolvePrivateKey(a *authConfig) []error {
	var problems []error
	a.clientID = strings.TrimSpace(s.clientID)
	switch {
	case a.clientID == "":
		problems = append(problems, fmt.Errorf("client id is missing for authorization mode PrivateKey: set OKTA_CLIENT_CLIENTID, "+
			"okta.client.clientId in okta.yaml, or pass it to WithPrivateKey; it is the service app's Client ID, such as %s", clientIDExample))
	case strings.Contains(a.clientID, "{"):
		problems = append(problems, fmt.Errorf("client id %q still holds a placeholder: use the service app's Client ID, such as %s", a.clientID, clientIDExample))
	case strings.ContainsAny(a.clientID, " \t\r\n"):
		problems = append(problems, fmt.Errorf("client id %q contains white space: use the service app's Client ID alone, such as %s", a.clientID, clientIDExample))
	}
	for _, sc := range s.scopes {
		if sc = strings.TrimSpace(sc); sc != "" {
			a.scopes = append(a.scopes, sc)
		}
	}
	if len(a.scopes) == 0 {
		problems = append(problems, errors.New("scopes are missing for authorization mode PrivateKey: set OKTA_CLIENT_SCOPES "+
			"(such as okta.apps.read,okta.apps.manage), okta.client.scopes in okta.yaml (a list), or pass them to WithPrivateKey; "+
			"grant the same scopes to the service app in the Admin Console"))
	}
	for _, sc := range a.scopes {
		if strings.ContainsAny(sc, "\"\\{") {
			problems = append(problems, fmt.Errorf("scope %q is not a scope name: use names such as okta.apps.read", sc))
		}
	}
	a.keyID = strings.TrimSpace(s.privateKeyID)
	switch {
	case s.assertion != nil:
		a.assertion = s.assertion
	case s.privateKey == nil:
		problems = append(problems, errors.New("private key is missing for authorization mode PrivateKey: set OKTA_CLIENT_PRIVATEKEY "+
			"(a PEM key, a JWK, or the path of a file holding one), okta.client.privateKey in okta.yaml, or pass it to WithPrivateKey; "+
			"its public key must be registered with the service app"))
	default:
		key, kid, err := parsePrivateKey(s.privateKey, s.keyFrom)
		if err != nil {
			problems = append(problems, err)
			break
		}
		alg, err := signatureAlgorithm(key.Public())
		if err != nil {
			problems = append(problems, fmt.Errorf("private key (%s): %w", s.keyFrom, err))
			break
		}
		a.key, a.alg = key, alg
		if a.keyID == "" {
			a.keyID = kid
		}
	}
	return problems
}

// parsePrivateKey reads a private key: PEM (PKCS#1, PKCS#8 or SEC 1) or a JWK,
// as text or bytes, a jose.JSONWebKey, or a crypto.Signer. A string that is
// neither PEM nor JSON is the path of a file holding one. Errors name from
// (the setting the key came from) and never the key.
func parsePrivateKey(v any, from string) (crypto.Signer, string, error) {
	switch k := v.(type) {
	case crypto.Signer:
		if rv := reflect.ValueOf(k); rv.Kind() == reflect.Pointer && rv.IsNil() {
			return nil, "", fmt.Errorf("private key (%s) is a nil %T", from, k)
		}
		return k, "", nil
	case jose.JSONWebKey:
		return jwkSigner(&k, from)
	case *jose.JSONWebKey:
		if k == nil {
			return nil, "", fmt.Errorf("private key (%s) is a nil *jose.JSONWebKey", from)
		}
		return jwkSigner(k, from)
	case string:
		t := strings.TrimSpace(k)
		if t != "" && !strings.HasPrefix(t, "{") && !strings.Contains(t, "-----BEGIN") && !strings.ContainsAny(t, "\r\n") {
			data, err := readKeyFile(t)
			if err != nil {
				return nil, "", fmt.Errorf("private key (%s) is neither a PEM key nor a JWK, and no file of that name can be read: "+
					"give the key itself (-----BEGIN PRIVATE KEY----- ...), a JWK ({\"kty\": ...}), or the path of a file holding one", from)
			}
			return parseKeyText(data, fmt.Sprintf("%s, file %s", from, t))
		}
		return parseKeyText([]byte(k), from)
	case []byte:
		return parseKeyText(k, from)
	case nil:
		return nil, "", fmt.Errorf("private key (%s) is nil", from)
	}
	return nil, "", fmt.Errorf("private key (%s) is a %T: pass PEM or JWK text ([]byte or string), a jose.JSONWebKey, or a crypto.Signer", from, v)
}

func parseKeyText(data []byte, from string) (crypto.Signer, string, error) {
	t := strings.TrimSpace(string(data))
	if !strings.Contains(t, "\n") && strings.Contains(t, `\n`) {
		t = strings.ReplaceAll(t, `\n`, "\n") // a PEM key squeezed onto one line, as environment variables often hold it
	}
	if strings.HasPrefix(t, "{") {
		var jwk jose.JSONWebKey
		if err := jwk.UnmarshalJSON([]byte(t)); err != nil {
			// The parser's message may quote the key's text: leave it out.
			return nil, "", fmt.Errorf("private key (%s) looks like a JWK but cannot be read as one: it needs kty and the private members (d, ...)", from)
		}
		return jwkSigner(&jwk, from)
	}
	rest := []byte(t)
	for {
		var block *pem.Block
		block, rest = pem.Decode(rest)
		if block == nil {
			return nil, "", fmt.Errorf("private key (%s) is neither PEM (-----BEGIN PRIVATE KEY-----, RSA PRIVATE KEY or EC PRIVATE KEY) nor a JWK", from)
		}
		if _, encrypted := block.Headers["Proc-Type"]; encrypted || block.Type == "ENCRYPTED PRIVATE KEY" {
			return nil, "", fmt.Errorf("private key (%s) is encrypted: decrypt it first (openssl pkcs8 -topk8 -nocrypt)", from)
		}
		var key any
		var err error
		switch block.Type {
		case "PRIVATE KEY":
			key, err = x509.ParsePKCS8PrivateKey(block.Bytes)
		case "RSA PRIVATE KEY":
			key, err = x509.ParsePKCS1PrivateKey(block.Bytes)
		case "EC PRIVATE KEY":
			key, err = x509.ParseECPrivateKey(block.Bytes)
		case "PUBLIC KEY", "RSA PUBLIC KEY", "CERTIFICATE":
			return nil, "", fmt.Errorf("private key (%s) holds a %s: pass the private key; the public key is what you register with the service app", from, strings.ToLower(block.Type))
		default:
			continue // such as EC PARAMETERS before the key
		}
		if err != nil {
			// x509's message is not the key, but say only what matters.
			return nil, "", fmt.Errorf("private key (%s): the PEM block %q cannot be parsed", from, block.Type)
		}
		signer, ok := key.(crypto.Signer)
		if !ok {
			return nil, "", fmt.Errorf("private key (%s) is a %T: use an RSA or EC key", from, key)
		}
		return signer, "", nil
	}
}

func jwkSigner(jwk *jose.JSONWebKey, from string) (crypto.Signer, string, error) {
	if jwk.IsPublic() {
		return nil, "", fmt.Errorf("private key (%s) is a public JWK: pass the private key (with d); the public key is what you register with the service app", from)
	}
	signer, ok := jwk.Key.(crypto.Signer)
	if !ok {
		return nil, "", fmt.Errorf("private key (%s) is a JWK of type %q: use an RSA or EC key", from, jwkType(jwk))
	}
	return signer, jwk.KeyID, nil
}

func jwkType(jwk *jose.JSONWebKey) string {
	switch jwk.Key.(type) {
	case []byte:
		return "oct"
	}
	return fmt.Sprintf("%T", jwk.Key)
}

// signatureAlgorithm is the JWS algorithm for a key: RS256 for RSA (2048 bits
// at least), ES256, ES384 or ES512 for the EC curves.
func signatureAlgorithm(pub crypto.PublicKey) (jose.SignatureAlgorithm, error) {
	switch k := pub.(type) {
	case *rsa.PublicKey:
		if k.N.BitLen() < 2048 {
			return "", fmt.Errorf("the RSA key has %d bits: Okta requires at least 2048", k.N.BitLen())
		}
		return jose.RS256, nil
	case *ecdsa.PublicKey:
		switch k.Curve {
		case elliptic.P256():
			return jose.ES256, nil
		case elliptic.P384():
			return jose.ES384, nil
		case elliptic.P521():
			return jose.ES512, nil
		}
		return "", fmt.Errorf("the EC key is on curve %s: use P-256, P-384 or P-521", k.Curve.Params().Name)
	}
	return "", fmt.Errorf("the key is a %T: use an RSA or EC key", pub)
}

// newAssertionFunc returns the ClientAssertionFunc that signs assertions with
// a key: iss = sub = client id, aud = the token endpoint, a short exp and a
// fresh jti each time.
func newAssertionFunc(a *authConfig) (ClientAssertionFunc, error) {
	opts := (&jose.SignerOptions{}).WithType("JWT")
	if a.keyID != "" {
		opts = opts.WithHeader("kid", a.keyID)
	}
	signer, err := jose.NewSigner(jose.SigningKey{Algorithm: a.alg, Key: cryptosigner.Opaque(a.key)}, opts)
	if err != nil {
		return nil, err
	}
	clientID := a.clientID
	return func(_ context.Context, aud string) (string, error) {
		now := time.Now()
		return jwt.Signed(signer).Claims(jwt.Claims{
			Issuer:   clientID,
			Subject:  clientID,
			Audience: jwt.Audience{aud},
			IssuedAt: jwt.NewNumericDate(now),
			Expiry:   jwt.NewNumericDate(now.Add(assertionLifetime)),
			ID:       rand.Text(),
		}).Serialize()
	}, nil
}

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
			f.tok, f.err = c.fetch(ctx)
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

// drop forgets the cached token if it is still the one refused (access); an
// empty access drops whatever is cached.
func (c *tokenCache) drop(access string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.tok != nil && (access == "" || c.tok.AccessToken == access) {
		c.tok = nil
	}
}

// oauthAuth authorizes requests with access tokens.
type oauthAuth struct {
	cache *tokenCache
	dpop  *dpopProver // nil: tokens are sent as Bearer
}

// newOAuthAuth builds the authorizer of an OAuth 2.0 configuration. hc is the
// configured client; it is copied, not modified.
func newOAuthAuth(cfg *Configuration, userAgent string) (*oauthAuth, error) {
	a := cfg.auth
	if a.mode == AuthorizationModeBearer {
		ts := a.tokenSource
		return &oauthAuth{cache: &tokenCache{now: time.Now, fetch: func(context.Context) (*oauth2.Token, error) {
			tok, err := ts.Token()
			if err != nil {
				return nil, fmt.Errorf("the token source: %w", err)
			}
			if tok == nil || tok.AccessToken == "" {
				return nil, errors.New("the token source returned no access token")
			}
			return &oauth2.Token{AccessToken: tok.AccessToken, TokenType: "Bearer", Expiry: tok.Expiry}, nil
		}}}, nil
	}
	assertion := a.assertion
	if assertion == nil {
		var err error
		if assertion, err = newAssertionFunc(a); err != nil {
			return nil, err
		}
	}
	hc := *cfg.httpClient
	hc.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	tc := &tokenClient{
		http:      &hc,
		endpoint:  cfg.orgURL.String() + tokenPath,
		clientID:  a.clientID,
		scope:     strings.Join(a.scopes, " "),
		assertion: assertion,
		userAgent: userAgent,
		logger:    cfg.logger,
	}
	out := &oauthAuth{}
	if a.dpop == nil || *a.dpop {
		p, err := newDPoPProver()
		if err != nil {
			return nil, err
		}
		tc.dpop, out.dpop = p, p
		tc.useDPoP.Store(a.dpop != nil)
	}
	out.cache = &tokenCache{fetch: tc.fetch, now: time.Now}
	return out, nil
}

func (a *oauthAuth) authorize(r *http.Request) error {
	tok, err := a.cache.token(r.Context())
	if err != nil {
		return err
	}
	if a.dpop != nil && strings.EqualFold(tok.TokenType, "DPoP") {
		proof, err := a.dpop.proof(r.Method, r.URL, a.dpop.nonce(nonceAPI), tok.AccessToken)
		if err != nil {
			return fmt.Errorf("signing the DPoP proof: %w", err)
		}
		r.Header.Set("Authorization", "DPoP "+tok.AccessToken)
		r.Header.Set("DPoP", proof)
		return nil
	}
	r.Header.Set("Authorization", "Bearer "+tok.AccessToken)
	return nil
}

func (a *oauthAuth) retry(resp *http.Response) authRetry {
	if a.dpop != nil {
		if n := resp.Header.Get("DPoP-Nonce"); n != "" {
			a.dpop.setNonce(nonceAPI, n)
		}
	}
	if resp.StatusCode != http.StatusUnauthorized {
		return 0
	}
	switch challengeError(resp.Header) {
	case "use_dpop_nonce":
		if a.dpop != nil && resp.Header.Get("DPoP-Nonce") != "" {
			return retryNonce
		}
	case "invalid_token":
		sent := ""
		if resp.Request != nil {
			_, sent, _ = strings.Cut(resp.Request.Header.Get("Authorization"), " ")
		}
		a.cache.drop(sent)
		return retryToken
	}
	return 0
}

// challengeError returns the error parameter of a WWW-Authenticate challenge
// (Bearer or DPoP), such as "invalid_token".
func challengeError(h http.Header) string { return challengeParam(h, "error") }

// challengeParam returns an auth-param of a WWW-Authenticate challenge, quoted
// or not, or "".
func challengeParam(h http.Header, name string) string {
	key := name + "="
	for _, v := range h.Values("WWW-Authenticate") {
		for off := 0; ; {
			i := strings.Index(v[off:], key)
			if i < 0 {
				break
			}
			i += off
			if i > 0 && v[i-1] != ' ' && v[i-1] != ',' {
				off = i + len(key)
				continue // such as my_error=
			}
			s := strings.TrimLeft(v[i+len(key):], " ")
			if strings.HasPrefix(s, `"`) {
				if j := strings.IndexByte(s[1:], '"'); j >= 0 {
					return s[1 : j+1]
				}
				return s[1:]
			}
			if j := strings.IndexAny(s, ", "); j >= 0 {
				return s[:j]
			}
			return s
		}
	}
	return ""
}

// tokenClient requests access tokens from the org's token endpoint.
type tokenClient struct {
	http      *http.Client // the configured client, copied, following no redirect
	endpoint  string
	clientID  string
	scope     string
	assertion ClientAssertionFunc
	userAgent string
	logger    *slog.Logger
	dpop      *dpopProver // nil: never send a proof
	useDPoP   atomic.Bool // send a proof (configured, or learned from a refusal)
}

// maxTokenBody bounds how much of a token endpoint answer is read.
const maxTokenBody = 1 << 20

// fetch gets a new access token: one request, and one more when the server
// asks for a DPoP nonce or, with DPoP left to be learned, for a DPoP proof.
// Each request has a fresh assertion and a fresh proof.
func (t *tokenClient) fetch(ctx context.Context) (*oauth2.Token, error) {
	nonceTried, dpopTried := false, false
	for {
		useDPoP := t.dpop != nil && t.useDPoP.Load()
		tok, err := t.request(ctx, useDPoP)
		var oe *OAuthError
		if err == nil || !errors.As(err, &oe) || oe.StatusCode != http.StatusBadRequest {
			return tok, err
		}
		switch {
		case oe.ErrorCode == "use_dpop_nonce" && useDPoP && !nonceTried && t.dpop.nonce(nonceToken) != "":
			nonceTried = true
		case oe.ErrorCode == "invalid_dpop_proof" && !useDPoP && t.dpop != nil && !dpopTried:
			// The app is DPoP-bound: from now on every token request has a proof.
			dpopTried = true
			t.useDPoP.Store(true)
		default:
			return nil, err
		}
	}
}

// tokenResponse is the token endpoint's answer, success or error.
type tokenResponse struct {
	AccessToken      string          `json:"access_token"`
	TokenType        string          `json:"token_type"`
	ExpiresIn        json.RawMessage `json:"expires_in"`
	Scope            string          `json:"scope"`
	Error            string          `json:"error"`
	ErrorDescription string          `json:"error_description"`
}

func (t *tokenClient) request(ctx context.Context, useDPoP bool) (*oauth2.Token, error) {
	assertion, err := t.assertion(ctx, t.endpoint)
	if err != nil {
		return nil, &OAuthError{Err: fmt.Errorf("making the client assertion: %w", err)}
	}
	form := url.Values{
		"grant_type":            {"client_credentials"},
		"scope":                 {t.scope},
		"client_assertion_type": {"urn:ietf:params:oauth:client-assertion-type:jwt-bearer"},
		"client_assertion":      {assertion},
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, t.endpoint, strings.NewReader(form.Encode()))
	if err != nil {
		return nil, &OAuthError{Err: err}
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", t.userAgent)
	if useDPoP {
		proof, err := t.dpop.proof(http.MethodPost, req.URL, t.dpop.nonce(nonceToken), "")
		if err != nil {
			return nil, &OAuthError{Err: fmt.Errorf("signing the DPoP proof: %w", err)}
		}
		req.Header.Set("DPoP", proof)
	}
	start := time.Now()
	resp, err := t.http.Do(req)
	if err != nil {
		t.log(ctx, 0, "", start, useDPoP, err)
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return nil, &OAuthError{Err: stripURL(err)}
	}
	data, rerr := readBody(resp, true, maxTokenBody)
	oe := &OAuthError{StatusCode: resp.StatusCode, RequestID: resp.Header.Get("X-Okta-Request-Id")}
	if t.dpop != nil {
		if n := resp.Header.Get("DPoP-Nonce"); n != "" {
			t.dpop.setNonce(nonceToken, n)
		}
	}
	if rerr != nil {
		oe.Err = fmt.Errorf("reading the answer: %w", rerr)
		t.log(ctx, resp.StatusCode, oe.RequestID, start, useDPoP, oe)
		return nil, oe
	}
	var tr tokenResponse
	jerr := json.Unmarshal(data, &tr)
	oe.ErrorCode, oe.ErrorDescription = tr.Error, tr.ErrorDescription
	switch {
	case resp.StatusCode != http.StatusOK:
		if jerr != nil || tr.Error == "" {
			oe.Err = fmt.Errorf("the answer is not an OAuth 2.0 error document: %s", excerpt(data, 200))
		}
	case jerr != nil:
		oe.Err = errors.New("the answer is not the JSON token response expected")
	case tr.AccessToken == "":
		oe.Err = errors.New("the answer has no access_token")
	case strings.EqualFold(tr.TokenType, "DPoP") && !useDPoP:
		oe.Err = errors.New("the answer is a DPoP-bound token, but no DPoP proof was sent")
	default:
		tok := &oauth2.Token{AccessToken: tr.AccessToken, TokenType: tr.TokenType}
		if tok.TokenType == "" {
			tok.TokenType = "Bearer"
		}
		if secs, err := strconv.ParseInt(strings.Trim(string(tr.ExpiresIn), `"`), 10, 64); err == nil && secs > 0 {
			tok.Expiry = start.Add(time.Duration(secs) * time.Second)
		}
		tok = tok.WithExtra(map[string]any{"scope": tr.Scope})
		t.log(ctx, resp.StatusCode, oe.RequestID, start, useDPoP, nil)
		return tok, nil
	}
	t.log(ctx, resp.StatusCode, oe.RequestID, start, useDPoP, oe)
	return nil, oe
}

func (t *tokenClient) log(ctx context.Context, status int, reqID string, start time.Time, dpop bool, err error) {
	if !t.logger.Enabled(ctx, slog.LevelDebug) {
		return
	}
	attrs := []slog.Attr{
		slog.String("method", http.MethodPost),
		slog.String("path", tokenPath),
		slog.String("client_id", t.clientID),
		slog.Bool("dpop", dpop),
		slog.Duration("duration", time.Since(start)),
	}
	if status != 0 {
		attrs = append(attrs, slog.Int("status", status))
	}
	if reqID != "" {
		attrs = append(attrs, slog.String("request_id", reqID))
	}
	if err != nil {
		attrs = append(attrs, slog.String("error", err.Error()))
	}
	t.logger.LogAttrs(ctx, slog.LevelDebug, "okta token request", attrs...)
}

// readKeyFile reads a key file named by a setting, refusing one too large to
// be a key.
func readKeyFile(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, 1<<20+1))
	if err != nil {
		return nil, err
	}
	if len(data) > 1<<20 {
		return nil, errors.New("the file is larger than a key can be")
	}
	return data, nil
}
