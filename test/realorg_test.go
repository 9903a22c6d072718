package test

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestRealOrgIsOptIn: the credentials Okta's docs tell developers to export
// never send the suite to a real org by themselves; OKTA_TEST_REAL_ORG=1 does.
func TestRealOrgIsOptIn(t *testing.T) {
	t.Setenv("OKTA_CLIENT_ORGURL", "https://dev-123456.okta.com")
	t.Setenv("OKTA_CLIENT_TOKEN", "00-not-a-real-token")

	t.Setenv(realOrgOptIn, "")
	assert.False(t, realOrg(), "credentials alone must not select a real org")
	t.Setenv(realOrgOptIn, "true")
	assert.False(t, realOrg(), "only the exact value 1 opts in")

	t.Setenv(realOrgOptIn, "1")
	assert.True(t, realOrg(), "the explicit opt-in with credentials selects the real org")
	t.Setenv("OKTA_CLIENT_TOKEN", "")
	assert.False(t, realOrg(), "the opt-in without a token cannot select a real org")
}
