package okta_test

// Settings refused when the Configuration is built, rather than on every call
// after retries, and errors that never show the org URL's password.

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gatekit/okta"
)

func TestConfigurationRefusesWhatWouldFailEveryCall(t *testing.T) {
	t.Parallel()
	org := okta.WithOrgURL("https://dev-123456.okta.com")
	tok := okta.WithAPIToken(testToken)
	tests := []struct {
		name string
		opts []okta.ConfigOption
		want []string
	}{
		{"user agent with NUL", []okta.ConfigOption{org, tok, okta.WithUserAgent("app/1\x00")}, []string{"WithUserAgent", "0x00"}},
		{"user agent with DEL", []okta.ConfigOption{org, tok, okta.WithUserAgent("app/1\x7f")}, []string{"WithUserAgent", "0x7f"}},
		{"user agent with VT", []okta.ConfigOption{org, tok, okta.WithUserAgent("app/1\vx")}, []string{"WithUserAgent", "0x0b"}},
		{"port 0", []okta.ConfigOption{tok, okta.WithOrgURL("https://x.okta.com:0")}, []string{"org URL", "port 0", "1 to 65535"}},
		{"port 65536", []okta.ConfigOption{tok, okta.WithOrgURL("https://x.okta.com:65536")}, []string{"org URL", "port 65536", "1 to 65535"}},
		{"empty port", []okta.ConfigOption{tok, okta.WithOrgURL("https://x.okta.com:")}, []string{"org URL", "empty port"}},
		{"API token with NUL", []okta.ConfigOption{org, okta.WithAPIToken("00abc\x00def")}, []string{"API token", "control character", "0x00"}},
		{"API token with ESC", []okta.ConfigOption{org, okta.WithAPIToken("00abc\x1bdef")}, []string{"API token", "control character", "0x1b"}},
		{"API token with DEL", []okta.ConfigOption{org, okta.WithAPIToken("00abc\x7fdef")}, []string{"API token", "control character", "0x7f"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			cfg, err := okta.NewConfiguration(tt.opts...)
			assert.Nil(t, cfg)
			require.ErrorIs(t, err, okta.ErrConfiguration)
			for _, w := range tt.want {
				assert.Contains(t, err.Error(), w)
			}
			assert.NotContains(t, err.Error(), "00abc", "the token is not shown")
		})
	}
	// The edges that are fine.
	for _, u := range []string{"https://x.okta.com:1", "https://x.okta.com:65535", "https://x.okta.com:443"} {
		_, err := okta.NewConfiguration(tok, okta.WithOrgURL(u))
		assert.NoError(t, err, u)
	}
}

// No configuration error shows the user info of the org URL, whichever check
// refuses it, url.Parse's included (its message quotes the whole URL).
func TestConfigurationErrorsHideUserInfo(t *testing.T) {
	t.Parallel()
	for _, u := range []string{
		"https://admin:hunter2@dev-1.okta.com:44x3",
		"https://admin:hunter2@{yourOktaDomain}",
		"https://admin:hunter2@dev-1.okta.com",
		"https://admin:hunter2@dev-1-admin.okta.com/api",
		"admin:hunter2@dev-1.okta.com",
		"ftp://admin:hunter2@dev-1.okta.com",
		"https://admin:hun/ter2@dev-1.okta.com",
		"https://admin:hunter2@dev-1.okta.com:0",
		"https://admin:hunter2@dev 1.okta.com",
		"http://admin:hunter2@dev-1.okta.com",
	} {
		_, err := okta.NewConfiguration(okta.WithAPIToken(testToken), okta.WithOrgURL(u))
		require.ErrorIs(t, err, okta.ErrConfiguration, u)
		assert.Contains(t, err.Error(), "org URL", u)
		assert.NotContains(t, err.Error(), "hunter2", u)
		assert.NotContains(t, err.Error(), "ter2", u)
		assert.NotContains(t, err.Error(), "admin:", u)
	}
}
