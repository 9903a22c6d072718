//go:build unix

package okta_test

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gatekit/okta"
)

// newConfigurationBounded is NewConfiguration that fails the test, rather than
// hanging it, when it does not return promptly. unblock is called if it
// hangs, so that the goroutine left behind can end.
func newConfigurationBounded(t *testing.T, unblock func(), opts ...okta.ConfigOption) error {
	t.Helper()
	done := make(chan error, 1)
	go func() {
		_, err := okta.NewConfiguration(opts...)
		done <- err
	}()
	select {
	case err := <-done:
		return err
	case <-time.After(5 * time.Second):
		unblock()
		<-done
		t.Fatal("NewConfiguration blocked")
		return nil
	}
}

// feedFIFO opens a FIFO for writing (which releases a reader blocked in
// open) and closes it.
func feedFIFO(path string) func() {
	return func() {
		if f, err := os.OpenFile(path, os.O_WRONLY, 0); err == nil {
			f.Close()
		}
	}
}

// A FIFO where okta.yaml or the private key file should be is refused, not
// waited on forever.
func TestConfigurationFIFORefused(t *testing.T) {
	home, wd := isolate(t)
	fifo := filepath.Join(home, ".okta", "okta.yaml")
	require.NoError(t, os.MkdirAll(filepath.Dir(fifo), 0o700))
	require.NoError(t, syscall.Mkfifo(fifo, 0o600))
	err := newConfigurationBounded(t, feedFIFO(fifo), okta.WithOrgURL("https://dev-1.okta.com"), okta.WithAPIToken(testToken))
	require.ErrorIs(t, err, okta.ErrConfiguration)
	assert.Contains(t, err.Error(), "named pipe")
	require.NoError(t, os.Remove(fifo))

	keyFIFO := filepath.Join(wd, "key.pem")
	require.NoError(t, syscall.Mkfifo(keyFIFO, 0o600))
	err = newConfigurationBounded(t, feedFIFO(keyFIFO), okta.WithOrgURL("https://dev-1.okta.com"),
		okta.WithPrivateKey(testClientID, keyFIFO, "", okta.ScopeAppsRead))
	require.ErrorIs(t, err, okta.ErrConfiguration)
	assert.Contains(t, err.Error(), "named pipe")
}

// ./.okta.yaml linked to /dev/zero is refused unread (it used to be read
// until memory ran out, even with every setting given as an option).
func TestConfigurationDeviceRefused(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero")
	}
	_, wd := isolate(t)
	require.NoError(t, os.Symlink("/dev/zero", filepath.Join(wd, ".okta.yaml")))
	err := newConfigurationBounded(t, func() {}, okta.WithOrgURL("https://dev-1.okta.com"), okta.WithAPIToken(testToken))
	require.ErrorIs(t, err, okta.ErrConfiguration)
	assert.Contains(t, err.Error(), "device")
}
