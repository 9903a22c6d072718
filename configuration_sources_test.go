package okta_test

// Where settings come from: building from options alone, okta.yaml keys that
// no SDK reads, and sources that disagree on the authorization mode.

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gatekit/okta"
)

// With WithoutDefaultSources, neither a broken okta.yaml nor stray
// OKTA_CLIENT_* variables change or break a Configuration whose every setting
// is an option, wherever the option stands.
func TestWithoutDefaultSources(t *testing.T) {
	home, wd := isolate(t)
	writeFile(t, filepath.Join(home, ".okta", "okta.yaml"), "okta: {client: [not valid\n")
	writeFile(t, filepath.Join(wd, ".okta.yaml"), "okta:\n  client:\n    orgUrl: https://file.okta.com\n    authorizationMode: Bearer\n")
	t.Setenv("OKTA_CLIENT_ORGURL", "https://env.okta.com")
	t.Setenv("OKTA_CLIENT_AUTHORIZATIONMODE", "PrivateKey")
	t.Setenv("OKTA_CLIENT_RATELIMIT_MAXRETRIES", "lots")

	_, err := okta.NewConfiguration(okta.WithOrgURL("https://dev-1.okta.com"), okta.WithAPIToken(testToken))
	require.ErrorIs(t, err, okta.ErrConfiguration, "the default sources are read without the option")

	for name, opts := range map[string][]okta.ConfigOption{
		"first": {okta.WithoutDefaultSources(), okta.WithOrgURL("https://dev-1.okta.com"), okta.WithAPIToken(testToken)},
		"last":  {okta.WithOrgURL("https://dev-1.okta.com"), okta.WithAPIToken(testToken), okta.WithoutDefaultSources()},
	} {
		cfg, err := okta.NewConfiguration(opts...)
		require.NoError(t, err, name)
		assert.Equal(t, "https://dev-1.okta.com", cfg.OrgURL(), name)
		assert.Equal(t, okta.AuthorizationModeSSWS, cfg.AuthorizationMode(), name)
		assert.Contains(t, cfg.String(), "MaxRetries: 2,", name)
		assert.Contains(t, cfg.String(), "Sources: []", name)
	}

	// Nothing from the sources fills in a setting the options leave out.
	_, err = okta.NewConfiguration(okta.WithoutDefaultSources(), okta.WithAPIToken(testToken))
	require.ErrorIs(t, err, okta.ErrConfiguration)
	assert.Contains(t, err.Error(), "org URL is missing")
	assert.NotContains(t, err.Error(), "YAML")
}

// A key of okta.yaml that no Okta SDK reads is reported, with the key it most
// likely meant; a miscased orgURL is reported as such, not as a missing org
// URL. Keys that Okta's other SDKs read are accepted.
func TestOktaYAMLUnknownKeys(t *testing.T) {
	_, wd := isolate(t)
	path := filepath.Join(wd, ".okta.yaml")
	writeFile(t, path, "okta:\n  client:\n    orgURL: https://dev-1.okta.com\n    tokn: "+testToken+"\n    colour: blue\n")
	_, err := okta.NewConfiguration()
	require.ErrorIs(t, err, okta.ErrConfiguration)
	msg := err.Error()
	assert.Contains(t, msg, path+": unknown key okta.client.orgURL: did you mean orgUrl? (keys are case-sensitive)")
	assert.Contains(t, msg, "unknown key okta.client.tokn: did you mean token?")
	assert.Contains(t, msg, "unknown key okta.client.colour: the keys here are")
	assert.NotContains(t, msg, "org URL is missing")
	assert.NotContains(t, msg, "API token is missing")
	assertNoSecret(t, msg)

	writeFile(t, path, `okta:
  client:
    orgUrl: https://dev-1.okta.com
    token: `+testToken+`
    connectionTimeout: 30
    requestTimeout: 0
    proxy: {host: proxy.local, port: 3128}
    cache: {enabled: true, defaultTtl: 300}
    rateLimit: {maxRetries: 3, maxBackoff: 30}
  testing:
    disableHttpsCheck: false
`)
	cfg, err := okta.NewConfiguration()
	require.NoError(t, err)
	assert.Equal(t, "https://dev-1.okta.com", cfg.OrgURL())
}

// When the sources choose different authorization modes and the mode used
// lacks what it needs, the error says which source chose what.
func TestAuthorizationModeConflictNamesTheSources(t *testing.T) {
	home, _ := isolate(t)
	path := filepath.Join(home, ".okta", "okta.yaml")
	writeFile(t, path, "okta:\n  client:\n    orgUrl: https://dev-1.okta.com\n    authorizationMode: PrivateKey\n    clientId: 0oa1\n")
	t.Setenv("OKTA_CLIENT_TOKEN", testToken)
	_, err := okta.NewConfiguration()
	require.ErrorIs(t, err, okta.ErrConfiguration)
	msg := err.Error()
	assert.Contains(t, msg, "private key is missing")
	assert.Contains(t, msg, "okta.client.authorizationMode in "+path+" chose PrivateKey")
	assert.Contains(t, msg, "OKTA_CLIENT_TOKEN in the environment chose SSWS")
	assert.Contains(t, msg, "PrivateKey is used")
	assertNoSecret(t, msg)

	// An option against the environment.
	t.Setenv("OKTA_CLIENT_TOKEN", "")
	t.Setenv("OKTA_CLIENT_AUTHORIZATIONMODE", "SSWS")
	_, err = okta.NewConfiguration(okta.WithTokenSource(nil))
	require.ErrorIs(t, err, okta.ErrConfiguration)
	assert.Contains(t, err.Error(), "OKTA_CLIENT_AUTHORIZATIONMODE in the environment chose SSWS; WithTokenSource chose Bearer")
}
