package okta

import (
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
	"golang.org/x/oauth2"
)

// Configuration holds what an APIClient needs: where the org is, how to
// authenticate, and how to behave. Build it with NewConfiguration. It is
// immutable once built and safe to share. It never prints its secrets.
type Configuration struct {
	orgURL *url.URL // scheme://host[:port], no path
	// apiToken returns the API token. It is a func, not a string, because fmt
	// prints a func as an address whatever the verb and however deeply the
	// Configuration is nested; a string in an unexported field is printed as
	// is, bypassing any String or Format method of its type.
	apiToken   func() string
	auth       *authConfig // how to authenticate; a pointer, so fmt never prints its key
	httpClient *http.Client
	retry      RetryPolicy
	holdLimits bool  // hold requests to a spent rate-limit bucket until it resets
	maxBody    int64 // the largest successful response body read
	userAgent  string
	logger     *slog.Logger
	sources    []string // where settings came from, for String
}

// secret is a credential. It prints as [REDACTED] with every verb.
type secret string

func (secret) String() string                  { return "[REDACTED]" }
func (secret) GoString() string                { return `"[REDACTED]"` }
func (s secret) Format(f fmt.State, verb rune) { fmt.Fprint(f, "[REDACTED]") }

// ConfigOption sets one setting of a Configuration.
type ConfigOption func(*settings)

// settings is the working state while NewConfiguration merges its sources.
type settings struct {
	orgURL     string
	apiToken   string
	httpClient *http.Client
	clientSet  bool
	maxRetries *int
	retry      *RetryPolicy
	holdLimits *bool
	maxBody    int64
	userAgent  string
	logger     *slog.Logger
	sources    []string
	problems   []error

	// OAuth 2.0 service apps.
	authMode     string // an AuthorizationMode constant, or "" for what the credentials set imply
	clientID     string
	scopes       []string
	privateKey   any    // PEM or JWK text, the path of a file holding one, a crypto.Signer or a jose.JSONWebKey
	keyFrom      string // the setting privateKey came from, for messages
	privateKeyID string
	assertion    ClientAssertionFunc
	tokenSource  oauth2.TokenSource
	dpop         *bool
}

// WithOrgURL sets the org's URL, such as "https://dev-123456.okta.com".
func WithOrgURL(orgURL string) ConfigOption { return func(s *settings) { s.orgURL = orgURL } }

// WithAPIToken sets the API token, sent as "Authorization: SSWS <token>", and
// makes it the way the client authenticates (authorization mode SSWS).
func WithAPIToken(token string) ConfigOption {
	return func(s *settings) { s.apiToken, s.authMode = token, AuthorizationModeSSWS }
}

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
	}
}

// WithClientAssertion is WithPrivateKey for a key the SDK does not hold: the
// client gets access tokens for scopes with the assertions that assertion
// signs, one per token request (see ClientAssertionFunc).
func WithClientAssertion(clientID string, assertion ClientAssertionFunc, scopes ...string) ConfigOption {
	return func(s *settings) {
		s.authMode, s.clientID, s.assertion, s.scopes = AuthorizationModePrivateKey, clientID, assertion, scopes
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
func WithProactiveRateLimit(on bool) ConfigOption { return func(s *settings) { s.holdLimits = &on } }

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

// NewConfiguration builds a Configuration from Okta's conventional sources, in
// increasing precedence: ~/.okta/okta.yaml, ./.okta.yaml in the working
// directory, OKTA_CLIENT_* environment variables, then opts. It validates the
// result and returns every problem found, each saying which setting is wrong
// and what a right value looks like; errors.Is(err, ErrConfiguration) holds.
func NewConfiguration(opts ...ConfigOption) (*Configuration, error) {
	s := &settings{}
	if home, err := os.UserHomeDir(); err == nil {
		s.loadFile(filepath.Join(home, ".okta", "okta.yaml"))
	}
	if wd, err := os.Getwd(); err == nil {
		s.loadFile(filepath.Join(wd, ".okta.yaml"))
	}
	s.loadEnv()
	for _, opt := range opts {
		if opt != nil {
			opt(s)
		}
	}
	return s.build()
}

// yamlFile is the part of okta.yaml this SDK reads.
type yamlFile struct {
	Okta struct {
		Client struct {
			OrgURL            string    `yaml:"orgUrl"`
			Token             string    `yaml:"token"`
			AuthorizationMode string    `yaml:"authorizationMode"`
			ClientID          string    `yaml:"clientId"`
			Scopes            scopeList `yaml:"scopes"`
			PrivateKey        string    `yaml:"privateKey"`
			PrivateKeyID      string    `yaml:"privateKeyId"`
			RateLimit         struct {
				MaxRetries *int `yaml:"maxRetries"`
			} `yaml:"rateLimit"`
		} `yaml:"client"`
	} `yaml:"okta"`
}

func (s *settings) loadFile(path string) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return
	}
	if err != nil {
		s.problems = append(s.problems, fmt.Errorf("%s: cannot be read: %v", path, err))
		return
	}
	var f yamlFile
	if err := yaml.Unmarshal(data, &f); err != nil {
		s.problems = append(s.problems, fmt.Errorf("%s: is not valid YAML (%v); expected okta:\\n  client:\\n    orgUrl: https://dev-123456.okta.com", path, err))
		return
	}
	c := f.Okta.Client
	if c.OrgURL != "" {
		s.orgURL = c.OrgURL
	}
	if c.Token != "" {
		s.apiToken = c.Token
	}
	if c.RateLimit.MaxRetries != nil {
		s.maxRetries = c.RateLimit.MaxRetries
	}
	if c.AuthorizationMode != "" {
		s.authMode = c.AuthorizationMode
	}
	if c.ClientID != "" {
		s.clientID = c.ClientID
	}
	if len(c.Scopes) > 0 {
		s.scopes = c.Scopes
	}
	if c.PrivateKey != "" {
		s.privateKey, s.keyFrom, s.assertion = c.PrivateKey, "okta.client.privateKey in "+path, nil
	}
	if c.PrivateKeyID != "" {
		s.privateKeyID = c.PrivateKeyID
	}
	s.sources = append(s.sources, path)
}

// scopeList is okta.client.scopes: a YAML list, or one string of names
// separated by commas or spaces.
type scopeList []string

func (l *scopeList) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		*l = splitScopes(n.Value)
		return nil
	}
	var list []string
	if err := n.Decode(&list); err != nil {
		return fmt.Errorf("okta.client.scopes: use a list of scope names, such as [okta.apps.read, okta.apps.manage]")
	}
	*l = list
	return nil
}

// splitScopes splits a list of scope names separated by commas or white space.
func splitScopes(v string) []string {
	return strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == ' ' || r == '\t' || r == '\n' || r == '\r' })
}

func (s *settings) loadEnv() {
	used := false
	if v := os.Getenv("OKTA_CLIENT_ORGURL"); v != "" {
		s.orgURL, used = v, true
	}
	if v := os.Getenv("OKTA_CLIENT_TOKEN"); v != "" {
		s.apiToken, used = v, true
	}
	if v := os.Getenv("OKTA_CLIENT_AUTHORIZATIONMODE"); v != "" {
		s.authMode, used = v, true
	}
	if v := os.Getenv("OKTA_CLIENT_CLIENTID"); v != "" {
		s.clientID, used = v, true
	}
	if v := os.Getenv("OKTA_CLIENT_SCOPES"); v != "" {
		s.scopes, used = splitScopes(v), true
	}
	if v := os.Getenv("OKTA_CLIENT_PRIVATEKEY"); v != "" {
		s.privateKey, s.keyFrom, s.assertion, used = v, "OKTA_CLIENT_PRIVATEKEY", nil, true
	}
	if v := os.Getenv("OKTA_CLIENT_PRIVATEKEYID"); v != "" {
		s.privateKeyID, used = v, true
	}
	if v := os.Getenv("OKTA_CLIENT_RATELIMIT_MAXRETRIES"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			s.problems = append(s.problems, fmt.Errorf("OKTA_CLIENT_RATELIMIT_MAXRETRIES=%q is not a whole number; use e.g. 2", v))
		} else {
			s.maxRetries = &n
		}
		used = true
	}
	if used {
		s.sources = append(s.sources, "environment")
	}
}

func (s *settings) build() (*Configuration, error) {
	problems := s.problems
	cfg := &Configuration{retry: DefaultRetryPolicy(), holdLimits: true, maxBody: defaultMaxResultBody,
		userAgent: s.userAgent, logger: s.logger, sources: s.sources}
	if s.retry != nil {
		cfg.retry = *s.retry
	}
	if s.holdLimits != nil {
		cfg.holdLimits = *s.holdLimits
	}
	if s.maxBody < 0 {
		problems = append(problems, fmt.Errorf("max response bytes is %d: use a positive size such as 64<<20", s.maxBody))
	} else if s.maxBody > 0 {
		cfg.maxBody = s.maxBody
	}
	u, err := parseOrgURL(s.orgURL)
	if err != nil {
		problems = append(problems, err)
	}
	cfg.orgURL = u
	auth, authProblems := s.resolveAuth()
	problems = append(problems, authProblems...)
	cfg.auth = auth
	token := s.apiToken
	cfg.apiToken = func() string { return token }
	if s.maxRetries != nil {
		if *s.maxRetries < 0 {
			problems = append(problems, fmt.Errorf("max retries is %d: use 0 to turn retries off, or a small positive number such as 2", *s.maxRetries))
		}
		cfg.retry.MaxRetries = *s.maxRetries
	}
	if s.clientSet && s.httpClient == nil {
		problems = append(problems, errors.New("WithHTTPClient was given a nil *http.Client: pass a client, or leave the option out to use the default"))
	}
	if strings.ContainsAny(s.userAgent, "\r\n") {
		problems = append(problems, errors.New("user agent contains a line break: use a single-line product token such as myapp/1.2"))
	}
	if len(problems) > 0 {
		for i, p := range problems {
			problems[i] = fmt.Errorf("%w: %w", ErrConfiguration, p)
		}
		return nil, errors.Join(problems...)
	}
	cfg.httpClient = s.httpClient
	if cfg.httpClient == nil {
		cfg.httpClient = defaultHTTPClient()
	}
	if cfg.logger == nil {
		cfg.logger = slog.New(slog.DiscardHandler)
	}
	return cfg, nil
}

const orgURLExample = "https://dev-123456.okta.com"

// parseOrgURL checks an org URL and returns it as scheme://host[:port].
func parseOrgURL(raw string) (*url.URL, error) {
	raw = strings.TrimSpace(raw)
	if raw == "" {
		return nil, fmt.Errorf("org URL is missing: set OKTA_CLIENT_ORGURL, okta.client.orgUrl in okta.yaml, or WithOrgURL(%q)", orgURLExample)
	}
	if strings.Contains(raw, "{yourOktaDomain}") || strings.Contains(raw, "{") {
		return nil, fmt.Errorf("org URL %q still holds a placeholder: replace it with your org's URL, such as %s", raw, orgURLExample)
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return nil, fmt.Errorf("org URL %q is not an absolute URL: use scheme and host, such as %s", raw, orgURLExample)
	}
	if u.User != nil {
		bare := *u
		bare.User = nil
		return nil, fmt.Errorf("org URL %q carries user info: remove it (%s) and pass credentials with WithAPIToken", redactUser(u), bare.String())
	}
	if (u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.Fragment != "" || u.ForceQuery {
		return nil, fmt.Errorf("org URL %q has a path, query or fragment: use only scheme and host (and port), such as %s", raw, orgURLExample)
	}
	host := u.Hostname()
	if strings.Contains(strings.ToLower(host), "-admin.") {
		return nil, fmt.Errorf("org URL %q is the Admin Console's address: remove \"-admin\" (%s)", raw, strings.Replace(raw, "-admin", "", 1))
	}
	switch u.Scheme {
	case "https":
	case "http":
		if !isLoopback(host) {
			secure := *u
			secure.Scheme = "https"
			return nil, fmt.Errorf("org URL %q uses http: Okta requires https, such as %s (plain http is accepted only for loopback hosts, for tests)", raw, secure.String())
		}
	default:
		return nil, fmt.Errorf("org URL %q has scheme %q: use https, such as %s", raw, u.Scheme, orgURLExample)
	}
	return &url.URL{Scheme: u.Scheme, Host: strings.ToLower(u.Host)}, nil
}

func redactUser(u *url.URL) string {
	c := *u
	c.User = url.User("REDACTED")
	return c.String()
}

func isLoopback(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func checkToken(tok string) error {
	switch {
	case tok == "":
		return errors.New("API token is missing: set OKTA_CLIENT_TOKEN, okta.client.token in okta.yaml, or WithAPIToken(token); create one in the Admin Console under Security > API > Tokens")
	case strings.Contains(tok, "{"):
		return errors.New("API token still holds a placeholder such as {apiToken}: replace it with the token's value")
	case strings.HasPrefix(tok, "SSWS"): // before the white space check: "SSWS 00ab..." is the common mistake
		return errors.New("API token starts with \"SSWS\": pass the token alone; the SDK adds the SSWS scheme")
	case strings.ContainsAny(tok, " \t\r\n"):
		return errors.New("API token contains white space: copy the token's value alone, without spaces or line breaks")
	}
	return nil
}

// OrgURL returns the org's URL (scheme, host and port).
func (c *Configuration) OrgURL() string { return c.orgURL.String() }

// String describes the configuration without its secrets.
func (c Configuration) String() string {
	if c.auth != nil && c.auth.mode != AuthorizationModeSSWS {
		return fmt.Sprintf("okta.Configuration{OrgURL: %s, %s, MaxRetries: %d, UserAgent: %q, Sources: %v}",
			c.orgURL, c.auth.describe(), c.retry.MaxRetries, c.userAgent, c.sources)
	}
	tok := "unset"
	if c.apiToken != nil && c.apiToken() != "" {
		tok = "[REDACTED]"
	}
	return fmt.Sprintf("okta.Configuration{OrgURL: %s, APIToken: %s, MaxRetries: %d, UserAgent: %q, Sources: %v}",
		c.orgURL, tok, c.retry.MaxRetries, c.userAgent, c.sources)
}

// AuthorizationMode says how the client authenticates: AuthorizationModeSSWS,
// AuthorizationModePrivateKey or AuthorizationModeBearer.
func (c *Configuration) AuthorizationMode() string {
	if c.auth == nil {
		return AuthorizationModeSSWS
	}
	return c.auth.mode
}

// Format prints the configuration as String does, for every verb, so that no
// verb (%v, %+v, %#v, %s, ...) can reveal a secret.
// It has a value receiver so that printing a dereferenced Configuration is
// covered too.
func (c Configuration) Format(f fmt.State, verb rune) { fmt.Fprint(f, c.String()) }
