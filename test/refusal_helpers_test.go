package test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/gatekit/okta"
)

// requireServerRefusal checks that err is the org's answer with that status
// (not a refusal made before sending) and matches the sentinel.
func requireServerRefusal(t *testing.T, err error, status int, sentinel error) {
	t.Helper()
	require.ErrorIs(t, err, sentinel)
	var oe *okta.Error
	require.True(t, errors.As(err, &oe), "want the org's answer, got %v", err)
	require.Equal(t, status, oe.StatusCode, "%v", err)
}
