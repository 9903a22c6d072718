package okta

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"

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
	apiToken           func() string
	auth               *authConfig // how to authenticate; a pointer, so fmt never prints its key
	httpClient         *http.Client
	retry              RetryPolicy
	proactiveRateLimit bool  // WithProactiveRateLimit: hold requests to a spent rate-limit bucket until it resets
	maxBody            int64 // the largest successful response body read
	userAgent          string
	logger             *slog.Logger
	sources            []string // where settings came from, for String
}

// ConfigOption sets one setting of a Configuration.
type ConfigOption func(*settings)

// settings is the working state while NewConfiguration merges its sources.
type settings struct {
	orgURL             string
	apiToken           string
	httpClient         *http.Client
	clientSet          bool
	maxRetries         *int
	retry              *RetryPolicy
	proactiveRateLimit *bool
	maxBody            int64
	userAgent          string
	logger             *slog.Logger
	sources            []string
	problems           []error

	// Only the options: no okta.yaml, no OKTA_CLIENT_* (WithoutDefaultSources).
	optionsOnly bool
	// picks are the authorization modes the sources chose, in order.
	picks []modePick
	// misnamed are the keys an okta.yaml most likely meant but misspelled,
	// such as okta.client.orgUrl for orgURL: a setting missing for that
	// reason is reported by the misspelling alone.
	misnamed []string

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

// NewConfiguration builds a Configuration from Okta's conventional sources, in
// increasing precedence: ~/.okta/okta.yaml, ./.okta.yaml in the working
// directory, OKTA_CLIENT_* environment variables, then opts. It validates the
// result and returns every problem found, each saying which setting is wrong
// and what a right value looks like; errors.Is(err, ErrConfiguration) holds.
//
// With WithoutDefaultSources among opts, the files and the environment are
// not read at all: the Configuration is built from opts alone.
func NewConfiguration(opts ...ConfigOption) (*Configuration, error) {
	s := &settings{}
	if !optionsOnly(opts) {
		if home, err := os.UserHomeDir(); err == nil {
			s.loadFile(filepath.Join(home, ".okta", "okta.yaml"))
		}
		if wd, err := os.Getwd(); err == nil {
			s.loadFile(filepath.Join(wd, ".okta.yaml"))
		}
		s.loadEnv()
	}
	s.apply(opts)
	return s.build()
}

// optionsOnly reports whether opts hold WithoutDefaultSources. Options only
// set fields of settings, so applying them to a scratch copy first is safe.
func optionsOnly(opts []ConfigOption) bool {
	var scratch settings
	scratch.apply(opts)
	return scratch.optionsOnly
}

func (s *settings) apply(opts []ConfigOption) {
	for _, opt := range opts {
		if opt != nil {
			opt(s)
		}
	}
}

// misspelled reports whether an okta.yaml misspelled key (such as
// "okta.client.orgUrl").
func (s *settings) misspelled(key string) bool { return slices.Contains(s.misnamed, key) }

func (s *settings) build() (*Configuration, error) {
	problems := s.problems
	cfg := &Configuration{retry: DefaultRetryPolicy(), proactiveRateLimit: true, maxBody: defaultMaxResultBody,
		userAgent: s.userAgent, logger: s.logger, sources: s.sources}
	if s.retry != nil {
		cfg.retry = *s.retry
	}
	if s.proactiveRateLimit != nil {
		cfg.proactiveRateLimit = *s.proactiveRateLimit
	}
	if s.maxBody < 0 {
		problems = append(problems, fmt.Errorf("max response bytes is %d: use a positive size such as 64<<20", s.maxBody))
	} else if s.maxBody > 0 {
		cfg.maxBody = s.maxBody
	}
	u, err := parseOrgURL(s.orgURL)
	if err != nil && (s.orgURL != "" || !s.misspelled("okta.client.orgUrl")) {
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
	if i := indexControl(s.userAgent); i >= 0 {
		problems = append(problems, fmt.Errorf("user agent (WithUserAgent) %q holds the control character %#02x: use a single-line product token such as myapp/1.2", s.userAgent, s.userAgent[i]))
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

// indexControl returns the index of the first ASCII control character (a
// byte below 0x20, or DEL) in v, or -1: such a byte cannot be sent in a
// header.
func indexControl(v string) int {
	return strings.IndexFunc(v, func(r rune) bool { return r < 0x20 || r == 0x7f })
}
