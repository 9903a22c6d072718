package okta_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gatekit/okta"
)

// An okta.yaml over 1 MiB (such as a 2 MiB comment) is refused unread, like a
// key file: the settings files are bounded.
func TestConfigurationFileSizeCapped(t *testing.T) {
	_, wd := isolate(t)
	big := "# " + strings.Repeat("x", 2<<20) + "\nokta: {client: {orgUrl: https://dev-1.okta.com}}\n"
	writeFile(t, filepath.Join(wd, ".okta.yaml"), big)
	_, err := okta.NewConfiguration(okta.WithAPIToken(testToken))
	require.ErrorIs(t, err, okta.ErrConfiguration)
	assert.Contains(t, err.Error(), ".okta.yaml: cannot be read")
	assert.Contains(t, err.Error(), "larger than")

	// A key file over 1 MiB too, named by path.
	keyPath := filepath.Join(wd, "key.pem")
	require.NoError(t, os.WriteFile(keyPath, []byte(strings.Repeat("x", 2<<20)), 0o600))
	require.NoError(t, os.Remove(filepath.Join(wd, ".okta.yaml")))
	_, err = okta.NewConfiguration(okta.WithOrgURL("https://dev-1.okta.com"),
		okta.WithPrivateKey(testClientID, keyPath, "", okta.ScopeAppsRead))
	require.ErrorIs(t, err, okta.ErrConfiguration)
	assert.Contains(t, err.Error(), keyPath)
	assert.Contains(t, err.Error(), "larger than")
}
