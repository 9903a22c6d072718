package okta_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gatekit/okta"
)

// effective reports what a configuration does: the URL and Authorization of a
// request made with it, and its MaxRetries as printed.
func effective(t *testing.T, opts ...okta.ConfigOption) (url, auth string, cfg *okta.Configuration) {
	t.Helper()
	rec := newRecorder(t, func(int, *http.Request) (*http.Response, error) { return jsonResponse(http.StatusOK, ""), nil })
	cfg, err := okta.NewConfiguration(append(opts, okta.WithHTTPClient(&http.Client{Transport: rec}))...)
	require.NoError(t, err)
	_, err = okta.NewAPIClient(cfg).ApiTokenAPI.RevokeApiToken(context.Background(), okta.RevokeApiTokenRequest{ApiTokenID: "00Tx"})
	require.NoError(t, err)
	r := rec.only()
	return r.URL, r.Header.Get("Authorization"), cfg
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o700))
	require.NoError(t, os.WriteFile(path, []byte(content), 0o600))
}

// isolate gives the test an empty home and working directory and clears the
// OKTA_CLIENT_* variables; it returns both directories.
func isolate(t *testing.T) (home, wd string) {
	home, wd = t.TempDir(), t.TempDir()
	t.Setenv("HOME", home)
	t.Chdir(wd)
	for _, name := range []string{"OKTA_CLIENT_ORGURL", "OKTA_CLIENT_TOKEN", "OKTA_CLIENT_RATELIMIT_MAXRETRIES", "OKTA_CLIENT_AUTHORIZATIONMODE",
		"OKTA_CLIENT_CLIENTID", "OKTA_CLIENT_SCOPES", "OKTA_CLIENT_PRIVATEKEY", "OKTA_CLIENT_PRIVATEKEYID"} {
		t.Setenv(name, "")
	}
	return home, wd
}

func TestConfigurationPrecedence(t *testing.T) {
	home, wd := isolate(t)
	const (
		homeToken = "00homeTOKENaaaaaaaaaaaa"
		cwdToken  = "00cwdTOKENbbbbbbbbbbbbb"
		envToken  = "00envTOKENccccccccccccc"
		optToken  = "00optTOKENddddddddddddd"
	)

	// ~/.okta/okta.yaml alone.
	writeFile(t, filepath.Join(home, ".okta", "okta.yaml"), `
okta:
  client:
    orgUrl: https://home.okta.com
    token: `+homeToken+`
    rateLimit:
      maxRetries: 5
`)
	u, auth, cfg := effective(t)
	assert.Equal(t, "https://home.okta.com/api/v1/api-tokens/00Tx", u)
	assert.Equal(t, "SSWS "+homeToken, auth)
	assert.Equal(t, "https://home.okta.com", cfg.OrgURL())
	assert.Contains(t, cfg.String(), "MaxRetries: 5")
	assert.Contains(t, cfg.String(), filepath.Join(home, ".okta", "okta.yaml"))

	// ./.okta.yaml overrides what it sets and leaves the rest.
	writeFile(t, filepath.Join(wd, ".okta.yaml"), `
okta:
  client:
    orgUrl: https://cwd.okta.com:8443
    token: `+cwdToken+`
`)
	u, auth, cfg = effective(t)
	assert.Equal(t, "https://cwd.okta.com:8443/api/v1/api-tokens/00Tx", u)
	assert.Equal(t, "SSWS "+cwdToken, auth)
	assert.Contains(t, cfg.String(), "MaxRetries: 5")

	// OKTA_CLIENT_* override both files.
	t.Setenv("OKTA_CLIENT_ORGURL", "https://env.okta.com")
	t.Setenv("OKTA_CLIENT_RATELIMIT_MAXRETRIES", "3")
	u, auth, cfg = effective(t)
	assert.Equal(t, "https://env.okta.com/api/v1/api-tokens/00Tx", u)
	assert.Equal(t, "SSWS "+cwdToken, auth)
	assert.Contains(t, cfg.String(), "MaxRetries: 3")
	t.Setenv("OKTA_CLIENT_TOKEN", envToken)
	_, auth, _ = effective(t)
	assert.Equal(t, "SSWS "+envToken, auth)

	// Options override everything.
	u, auth, cfg = effective(t, okta.WithOrgURL("https://opt.okta.com"), okta.WithAPIToken(optToken), okta.WithMaxRetries(0))
	assert.Equal(t, "https://opt.okta.com/api/v1/api-tokens/00Tx", u)
	assert.Equal(t, "SSWS "+optToken, auth)
	assert.Contains(t, cfg.String(), "MaxRetries: 0")

	for _, tok := range []string{homeToken, cwdToken, envToken, optToken} {
		for _, verb := range []string{"%s", "%v", "%+v", "%#v"} {
			assert.NotContains(t, fmt.Sprintf(verb, cfg), tok)
		}
	}
}

func TestConfigurationDefaults(t *testing.T) {
	isolate(t)
	cfg, err := okta.NewConfiguration(okta.WithOrgURL("https://dev-123456.okta.com"), okta.WithAPIToken(testToken))
	require.NoError(t, err)
	assert.Equal(t, "https://dev-123456.okta.com", cfg.OrgURL())
	assert.Equal(t, `okta.Configuration{OrgURL: https://dev-123456.okta.com, APIToken: [REDACTED], MaxRetries: 2, UserAgent: "", Sources: []}`, cfg.String())
	assert.Equal(t, 2, okta.DefaultMaxRetries)
}

func TestConfigurationOrgURLNormalized(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"https://dev-123456.okta.com", "https://dev-123456.okta.com"},
		{"https://dev-123456.okta.com/", "https://dev-123456.okta.com"},
		{"  https://dev-123456.okta.com  ", "https://dev-123456.okta.com"},
		{"https://DEV-123456.Okta.COM", "https://dev-123456.okta.com"},
		{"HTTPS://dev-123456.okta.com", "https://dev-123456.okta.com"},
		{"https://dev-123456.okta.com:8443", "https://dev-123456.okta.com:8443"},
		{"https://login.example.com", "https://login.example.com"},
		{"http://127.0.0.1:8080", "http://127.0.0.1:8080"},
		{"http://127.9.8.7", "http://127.9.8.7"},
		{"http://[::1]:9000", "http://[::1]:9000"},
		{"http://localhost:1234", "http://localhost:1234"},
		{"http://LOCALHOST", "http://localhost"},
	}
	for _, tt := range tests {
		cfg, err := okta.NewConfiguration(okta.WithOrgURL(tt.in), okta.WithAPIToken(testToken))
		require.NoError(t, err, tt.in)
		assert.Equal(t, tt.want, cfg.OrgURL(), tt.in)
	}
}

// The org URL's port is where requests go, with the SDK's own client too.
func TestConfigurationPortKeptInRequests(t *testing.T) {
	t.Parallel()
	f := setup(t)
	f.mux.HandleFunc("/api-tokens/", func(w http.ResponseWriter, r *http.Request) {
		assert.Equal(t, strings.TrimPrefix(f.server.URL, "http://"), r.Host)
		w.WriteHeader(http.StatusNoContent)
	})
	require.Contains(t, f.client.Configuration().OrgURL(), ":")
	assert.Equal(t, f.server.URL, f.client.Configuration().OrgURL())
	_, err := f.client.ApiTokenAPI.RevokeApiToken(context.Background(), okta.RevokeApiTokenRequest{ApiTokenID: "p"})
	require.NoError(t, err)
	assert.EqualValues(t, 1, f.calls.Load())

	u, _, _ := effective(t, okta.WithOrgURL("https://dev-1.okta.com:8443"), okta.WithAPIToken(testToken))
	assert.Equal(t, "https://dev-1.okta.com:8443/api/v1/api-tokens/00Tx", u)
}

func TestConfigurationValidation(t *testing.T) {
	t.Parallel()
	const example = "https://dev-123456.okta.com"
	tok := okta.WithAPIToken(testToken)
	org := okta.WithOrgURL(example)
	tests := []struct {
		name string
		opts []okta.ConfigOption
		want []string // the setting, what is wrong and what a right value is
	}{
		{"missing org URL", []okta.ConfigOption{tok},
			[]string{"org URL is missing", "OKTA_CLIENT_ORGURL", "orgUrl", "WithOrgURL", example}},
		{"blank org URL", []okta.ConfigOption{tok, okta.WithOrgURL("   ")},
			[]string{"org URL is missing", example}},
		{"placeholder", []okta.ConfigOption{tok, okta.WithOrgURL("https://{yourOktaDomain}")},
			[]string{"org URL", "{yourOktaDomain}", "placeholder", example}},
		{"placeholder in host", []okta.ConfigOption{tok, okta.WithOrgURL("https://{yourOktaDomain}.okta.com")},
			[]string{"org URL", "placeholder", example}},
		{"admin URL", []okta.ConfigOption{tok, okta.WithOrgURL("https://dev-123456-admin.okta.com")},
			[]string{"org URL", "Admin Console", "-admin", `(https://dev-123456.okta.com)`}},
		{"http to a remote host", []okta.ConfigOption{tok, okta.WithOrgURL("http://dev-123456.okta.com")},
			[]string{"org URL", "http", "https", "loopback", example}},
		{"http to a host named like loopback", []okta.ConfigOption{tok, okta.WithOrgURL("http://localhost.example.com")},
			[]string{"org URL", "loopback", "https://localhost.example.com"}},
		{"another scheme", []okta.ConfigOption{tok, okta.WithOrgURL("ftp://dev-123456.okta.com")},
			[]string{"org URL", `scheme "ftp"`, "use https", example}},
		{"no scheme", []okta.ConfigOption{tok, okta.WithOrgURL("dev-123456.okta.com")},
			[]string{"org URL", "not an absolute URL", example}},
		{"path", []okta.ConfigOption{tok, okta.WithOrgURL("https://dev-123456.okta.com/api/v1")},
			[]string{"org URL", "path, query or fragment", example}},
		{"query", []okta.ConfigOption{tok, okta.WithOrgURL("https://dev-123456.okta.com?x=1")},
			[]string{"org URL", "path, query or fragment", example}},
		{"empty query", []okta.ConfigOption{tok, okta.WithOrgURL("https://dev-123456.okta.com?")},
			[]string{"org URL", "path, query or fragment", example}},
		{"fragment", []okta.ConfigOption{tok, okta.WithOrgURL("https://dev-123456.okta.com#top")},
			[]string{"org URL", "path, query or fragment", example}},
		{"user info", []okta.ConfigOption{tok, okta.WithOrgURL("https://admin:hunter2@dev-123456.okta.com")},
			[]string{"org URL", "user info", "WithAPIToken", example}},
		{"missing token", []okta.ConfigOption{org},
			[]string{"API token is missing", "OKTA_CLIENT_TOKEN", "okta.client.token", "WithAPIToken"}},
		{"token placeholder", []okta.ConfigOption{org, okta.WithAPIToken("{apiToken}")},
			[]string{"API token", "placeholder", "token's value"}},
		{"token with white space", []okta.ConfigOption{org, okta.WithAPIToken(testToken + "\n")},
			[]string{"API token", "white space", "token's value alone"}},
		{"token with inner space", []okta.ConfigOption{org, okta.WithAPIToken("00tEsT sEcReT")},
			[]string{"API token", "white space"}},
		{"token with SSWS", []okta.ConfigOption{org, okta.WithAPIToken("SSWS" + testToken)},
			[]string{"API token", `"SSWS"`, "pass the token alone"}},
		{"token with SSWS and a space", []okta.ConfigOption{org, okta.WithAPIToken("SSWS " + testToken)},
			[]string{"API token", `"SSWS"`, "pass the token alone"}},
		{"negative max retries", []okta.ConfigOption{org, tok, okta.WithMaxRetries(-1)},
			[]string{"max retries is -1", "use 0", "such as 2"}},
		{"nil http client", []okta.ConfigOption{org, tok, okta.WithHTTPClient(nil)},
			[]string{"WithHTTPClient", "nil *http.Client", "leave the option out"}},
		{"user agent with a line break", []okta.ConfigOption{org, tok, okta.WithUserAgent("app/1\r\nX-Evil: 1")},
			[]string{"user agent", "WithUserAgent", "control character", "myapp/1.2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			cfg, err := okta.NewConfiguration(tt.opts...)
			assert.Nil(t, cfg)
			requireError(t, err)
			assert.ErrorIs(t, err, okta.ErrConfiguration)
			for _, w := range tt.want {
				assert.Contains(t, err.Error(), w)
			}
			assert.NotContains(t, err.Error(), "hunter2", "a password in the URL is not shown")
		})
	}
}

func TestConfigurationReportsEveryProblem(t *testing.T) {
	t.Parallel()
	_, err := okta.NewConfiguration(okta.WithMaxRetries(-3))
	requireError(t, err)
	assert.ErrorIs(t, err, okta.ErrConfiguration)
	for _, w := range []string{"org URL is missing", "API token is missing", "max retries is -3"} {
		assert.Contains(t, err.Error(), w)
	}
}

// A nil option is ignored, not a crash.
func TestConfigurationNilOption(t *testing.T) {
	t.Parallel()
	cfg, err := okta.NewConfiguration(nil, okta.WithOrgURL("https://dev-1.okta.com"), nil, okta.WithAPIToken(testToken))
	require.NoError(t, err)
	assert.Equal(t, "https://dev-1.okta.com", cfg.OrgURL())
}

func TestConfigurationBadYAML(t *testing.T) {
	home, wd := isolate(t)
	path := filepath.Join(home, ".okta", "okta.yaml")
	writeFile(t, path, "okta:\n  client:\n    token: "+testToken+"\n   orgUrl: [https://x\n")
	_, err := okta.NewConfiguration(okta.WithOrgURL("https://dev-1.okta.com"), okta.WithAPIToken(testToken))
	requireError(t, err)
	assert.ErrorIs(t, err, okta.ErrConfiguration)
	assert.Contains(t, err.Error(), path)
	assert.Contains(t, err.Error(), "not valid YAML")
	assert.Contains(t, err.Error(), "orgUrl: https://dev-123456.okta.com")

	// The same in the working directory's file.
	require.NoError(t, os.Remove(path))
	writeFile(t, filepath.Join(wd, ".okta.yaml"), "okta: {client: {rateLimit: {maxRetries: lots}}}\n")
	_, err = okta.NewConfiguration(okta.WithOrgURL("https://dev-1.okta.com"), okta.WithAPIToken(testToken))
	requireError(t, err)
	assert.ErrorIs(t, err, okta.ErrConfiguration)
	assert.Contains(t, err.Error(), ".okta.yaml")
	assert.Contains(t, err.Error(), "not valid YAML")
}

func TestConfigurationUnreadableFile(t *testing.T) {
	home, _ := isolate(t)
	// A directory where the file should be cannot be read as one.
	require.NoError(t, os.MkdirAll(filepath.Join(home, ".okta", "okta.yaml"), 0o700))
	_, err := okta.NewConfiguration(okta.WithOrgURL("https://dev-1.okta.com"), okta.WithAPIToken(testToken))
	requireError(t, err)
	assert.ErrorIs(t, err, okta.ErrConfiguration)
	assert.Contains(t, err.Error(), "cannot be read")
}

func TestConfigurationBadEnvNumber(t *testing.T) {
	isolate(t)
	t.Setenv("OKTA_CLIENT_RATELIMIT_MAXRETRIES", "two")
	_, err := okta.NewConfiguration(okta.WithOrgURL("https://dev-1.okta.com"), okta.WithAPIToken(testToken))
	requireError(t, err)
	assert.ErrorIs(t, err, okta.ErrConfiguration)
	assert.Contains(t, err.Error(), `OKTA_CLIENT_RATELIMIT_MAXRETRIES="two"`)
	assert.Contains(t, err.Error(), "whole number")
	assert.Contains(t, err.Error(), "e.g. 2")

	// A negative number from the environment is refused like one from an option.
	t.Setenv("OKTA_CLIENT_RATELIMIT_MAXRETRIES", "-1")
	_, err = okta.NewConfiguration(okta.WithOrgURL("https://dev-1.okta.com"), okta.WithAPIToken(testToken))
	requireError(t, err)
	assert.Contains(t, err.Error(), "max retries is -1")
}

func TestConfigurationEnvOnly(t *testing.T) {
	isolate(t)
	t.Setenv("OKTA_CLIENT_ORGURL", "https://dev-7.okta.com")
	t.Setenv("OKTA_CLIENT_TOKEN", testToken)
	u, auth, cfg := effective(t)
	assert.Equal(t, "https://dev-7.okta.com/api/v1/api-tokens/00Tx", u)
	assert.Equal(t, "SSWS "+testToken, auth)
	assert.Contains(t, cfg.String(), "Sources: [environment]")
	assertNoSecret(t, cfg.String())
}

// Neither a Configuration nor an APIClient prints its token, with any verb.
func TestSecretsNotPrinted(t *testing.T) {
	t.Parallel()
	client := newClient(t, "https://dev-123456.okta.com", okta.WithUserAgent("app/1"))
	cfg := client.Configuration()
	verbs := []string{"%s", "%v", "%+v", "%#v", "%q", "%x", "%X", "%d", "%T %v"}
	values := map[string]any{
		"*Configuration": cfg,
		"Configuration":  *cfg,
		"*APIClient":     client,
		"APIClient":      *client,
		"ApiTokenAPI":    client.ApiTokenAPI,
		// Held in a caller's unexported fields, where fmt cannot call the
		// SDK's String or Format methods and prints the fields itself.
		"struct holding *Configuration": struct{ cfg *okta.Configuration }{cfg},
		"struct holding Configuration":  struct{ cfg okta.Configuration }{*cfg},
		"struct holding *APIClient":     struct{ c *okta.APIClient }{client},
		"struct holding APIClient":      struct{ c okta.APIClient }{*client},
	}
	for name, v := range values {
		for _, verb := range verbs {
			s := fmt.Sprintf(verb, v)
			assertNoSecret(t, s)
			assert.NotContains(t, s, fmt.Sprintf("%x", testToken), "%s printed with %s", name, verb)
		}
		assertNoSecret(t, fmt.Sprint(v))
		assertNoSecret(t, fmt.Sprintln(v))
	}
	assert.Contains(t, fmt.Sprintf("%+v", cfg), "https://dev-123456.okta.com")
	assert.Contains(t, fmt.Sprintf("%v", client), "[REDACTED]")
}

// The caller's *http.Client sends the requests and is left exactly as it was.
func TestCallersHTTPClientUsedNotModified(t *testing.T) {
	t.Parallel()
	f := setup(t)
	f.mux.HandleFunc("/api-tokens/", func(w http.ResponseWriter, r *http.Request) {
		testHeader(t, r, "Authorization", "SSWS "+testToken)
		writeJSON(w, http.StatusOK, `{"id":"t1"}`)
	})

	rec := newRecorder(t, func(_ int, r *http.Request) (*http.Response, error) { return http.DefaultTransport.RoundTrip(r) })
	checkRedirect := func(*http.Request, []*http.Request) error { return nil }
	jar := &nopJar{}
	hc := &http.Client{Transport: rec, CheckRedirect: checkRedirect, Jar: jar, Timeout: 7 * time.Second}
	before := *hc

	client := newClient(t, f.server.URL, okta.WithHTTPClient(hc))
	tok, _, err := client.ApiTokenAPI.GetApiToken(context.Background(), okta.GetApiTokenRequest{ApiTokenID: "t1"})
	require.NoError(t, err)
	assert.Equal(t, "t1", tok.ID)

	require.Len(t, rec.requests(), 1, "the caller's transport sends the request")
	r := rec.requests()[0]
	assert.Equal(t, f.server.URL+"/api/v1/api-tokens/t1", r.URL)
	assert.Equal(t, "SSWS "+testToken, r.Header.Get("Authorization"))

	assert.True(t, hc.Transport == before.Transport, "Transport replaced")
	assert.Equal(t, reflect.ValueOf(before.CheckRedirect).Pointer(), reflect.ValueOf(hc.CheckRedirect).Pointer(), "CheckRedirect replaced")
	assert.True(t, hc.Jar == before.Jar, "Jar replaced")
	assert.Equal(t, before.Timeout, hc.Timeout)
}

type nopJar struct{}

func (*nopJar) SetCookies(*url.URL, []*http.Cookie) {}
func (*nopJar) Cookies(*url.URL) []*http.Cookie     { return nil }

// The SDK's default client is not http.DefaultClient: configuring the SDK does
// not change process-wide state.
func TestDefaultClientLeavesGlobalsAlone(t *testing.T) {
	t.Parallel()
	before := *http.DefaultClient
	f := setup(t)
	f.mux.HandleFunc("/api-tokens/", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) })
	_, err := f.client.ApiTokenAPI.RevokeApiToken(context.Background(), okta.RevokeApiTokenRequest{ApiTokenID: "x"})
	require.NoError(t, err)
	assert.True(t, http.DefaultClient.Transport == before.Transport)
	assert.Nil(t, http.DefaultClient.CheckRedirect)
}

func TestNewAPIClientNilConfigurationPanics(t *testing.T) {
	t.Parallel()
	assert.PanicsWithValue(t, "okta: NewAPIClient needs a *Configuration from NewConfiguration", func() { okta.NewAPIClient(nil) })
}
