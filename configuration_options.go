package okta

// The options of NewConfiguration.

import (
	"errors"
	"log/slog"
	"net/http"

	"golang.org/x/oauth2"
)

// WithOrgURL sets the org's URL, such as "https://dev-123456.okta.com".
func WithOrgURL(orgURL string) ConfigOption { return func(s *settings) { s.orgURL = orgURL } }

// WithAPIToken sets the API token, sent as "Authorization: SSWS <token>", and
// makes it the way the client authenticates (authorization mode SSWS).
func WithAPIToken(token string) ConfigOption {
	return func(s *settings) {
		s.apiToken, s.authMode = token, AuthorizationModeSSWS
		s.picks = append(s.picks, modePick{"WithAPIToken", AuthorizationModeSSWS})
	}
}

// WithoutDefaultSources builds the Configuration from the options alone:
// ~/.okta/okta.yaml, ./.okta.yaml and the OKTA_CLIENT_* environment variables
// are not read, so a stray file or variable on the machine cannot change or
// break it. Use it in tests and in services that pass every setting
// explicitly. Its place among the options does not matter.
func WithoutDefaultSources() ConfigOption { return func(s *settings) { s.optionsOnly = true } }

// WithPrivateKey makes the client authenticate as an OAuth 2.0 service app
// (authorization mode PrivateKey): it gets access tokens for scopes (such as
// ScopeAppsRead; see the Scope constants for what each operation needs) from
// the org's token endpoint with the client-credentials grant, proving itself
// with a client assertion signed by key, and sends them as "Authorization:
// Bearer <token>" (or DPoP, see WithDPoP). Tokens are cached and renewed
// shortly before they expire.
//
// clientID is the service app's Client ID. key is its private key: PEM text
// (PKCS#1, PKCS#8 or SEC 1; RSA of 2048 bits or more, or EC P-256, P-384 or
// P-521) or a JWK, as a string or []byte; a jose.JSONWebKey; or any
// crypto.Signer with an RSA or EC public key, so that a key in an HSM or a
// KMS works. The assertion is signed with RS256 for RSA keys and ES256 (ES384,
// ES512) for EC keys. keyID is the key's kid as registered with the app; it
// may be empty when the app has one key, and a JWK's own kid is used when it
// is. The key is used only to sign: it is never sent, logged or printed.
func WithPrivateKey(clientID string, key any, keyID string, scopes ...string) ConfigOption {
	return func(s *settings) {
		s.authMode, s.clientID, s.privateKey, s.keyFrom, s.privateKeyID = AuthorizationModePrivateKey, clientID, key, "WithPrivateKey", keyID
		s.scopes, s.assertion = scopes, nil
		s.picks = append(s.picks, modePick{"WithPrivateKey", AuthorizationModePrivateKey})
	}
}

// WithClientAssertion is WithPrivateKey for a key the SDK does not hold: the
// client gets access tokens for scopes with the assertions that assertion
// signs, one per token request (see ClientAssertionFunc).
func WithClientAssertion(clientID string, assertion ClientAssertionFunc, scopes ...string) ConfigOption {
	return func(s *settings) {
		s.authMode, s.clientID, s.assertion, s.scopes = AuthorizationModePrivateKey, clientID, assertion, scopes
		s.picks = append(s.picks, modePick{"WithClientAssertion", AuthorizationModePrivateKey})
		if assertion == nil {
			s.problems = append(s.problems, errors.New("WithClientAssertion was given a nil ClientAssertionFunc: pass a func that returns a signed assertion"))
		}
	}
}

// WithTokenSource makes the client send the access tokens ts gives, obtained
// elsewhere, as "Authorization: Bearer <token>" (authorization mode Bearer).
// The client asks ts for a token when it has none or its token expires (ts
// need not cache), and once more when Okta refuses a token as invalid.
// ts.Token is called without the request's context: let ts bound its own
// calls.
func WithTokenSource(ts oauth2.TokenSource) ConfigOption {
	return func(s *settings) {
		s.authMode, s.tokenSource = AuthorizationModeBearer, ts
		s.picks = append(s.picks, modePick{"WithTokenSource", AuthorizationModeBearer})
		if ts == nil {
			s.problems = append(s.problems, errors.New("WithTokenSource was given a nil oauth2.TokenSource: pass a token source"))
		}
	}
}

// WithDPoP sets whether access tokens are bound to the client with DPoP (RFC
// 9449), for authorization mode PrivateKey. With true, each token request and
// each API request carries a proof signed by a key pair the client makes for
// itself, and tokens are sent as "Authorization: DPoP <token>". With false,
// no proof is ever sent. Without this option, the client starts without
// proofs and turns them on for good when the token endpoint says the app
// requires them (invalid_dpop_proof). The server's DPoP nonces are followed
// in every case.
func WithDPoP(enabled bool) ConfigOption { return func(s *settings) { s.dpop = &enabled } }

// WithHTTPClient sets the *http.Client to send requests with. It is used as
// given and never modified; the SDK wraps it to add credentials only for
// requests to the org's origin.
//
// Without this option, every Configuration of the process shares one
// connection pool (TLS 1.2 at least), so clients may be built and dropped
// freely: there is nothing to close. If the program has replaced or wrapped
// http.DefaultTransport (otelhttp, httpmock.Activate), requests go through
// http.DefaultTransport instead, as it is when each request is sent.
func WithHTTPClient(c *http.Client) ConfigOption {
	return func(s *settings) { s.httpClient, s.clientSet = c, true }
}

// WithMaxRetries sets how many times a failed call is retried (default 2; 0
// turns retries off). Which failures are retried is RetryPolicy's to say.
func WithMaxRetries(n int) ConfigOption { return func(s *settings) { s.maxRetries = &n } }

// WithRetryPolicy replaces the retry policy (see RetryPolicy for the default
// rules). A later WithMaxRetries still sets its MaxRetries.
func WithRetryPolicy(p RetryPolicy) ConfigOption {
	return func(s *settings) { s.retry, s.maxRetries = &p, &p.MaxRetries }
}

// WithProactiveRateLimit turns on or off (default on) holding requests to an
// endpoint whose rate-limit bucket Okta said is spent, until the bucket
// resets, across all goroutines of a client.
func WithProactiveRateLimit(on bool) ConfigOption {
	return func(s *settings) { s.proactiveRateLimit = &on }
}

// WithMaxResponseBytes bounds the size of a successful response body (default
// 64 MiB); a larger one fails the call. Error bodies are read to at most 64 KiB.
func WithMaxResponseBytes(n int64) ConfigOption { return func(s *settings) { s.maxBody = n } }

// WithUserAgent appends a product token to the SDK's User-Agent header
// ("okta-go/<version> go/<go version> <os>/<arch>").
func WithUserAgent(ua string) ConfigOption { return func(s *settings) { s.userAgent = ua } }

// WithLogger sets the logger. The SDK logs each request attempt at Debug level
// (method, path, status, duration, request id, attempt, wait), never a secret.
func WithLogger(l *slog.Logger) ConfigOption { return func(s *settings) { s.logger = l } }

// DefaultMaxRetries is how many times a rate-limited request is retried unless
// configured otherwise.
const DefaultMaxRetries = 2
