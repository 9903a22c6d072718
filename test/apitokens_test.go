package test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gatekit/okta"
)

// TestAPITokensListAndRevoke lists the org's API tokens page by page, reads
// one, revokes it, and shows that its secret no longer works.
func TestAPITokensListAndRevoke(t *testing.T) {
	emulatorOnly(t, "it seeds and revokes API tokens; see TestAPITokensReadOnly")
	e := newEnv(t)
	c := ctx(t)
	tokens := e.client.ApiTokenAPI
	owner := e.user(t)
	ids := map[string]string{}
	secrets := map[string]string{}
	for _, name := range []string{"ci-deploy", "terraform", "grafana-sync", "backup"} {
		ids[name], secrets[name] = e.srv.AddAPIToken(name, owner)
	}

	all := collect(t, tokens.ListApiTokensAll(c, okta.ListApiTokensRequest{Limit: 2}))
	require.Len(t, all, 5, "the four seeded and the emulator's own")
	assert.Equal(t, 3, e.srv.Requests("listApiTokens"), "5 tokens in pages of 2")
	byName := map[string]okta.ApiToken{}
	for _, tok := range all {
		byName[tok.Name] = tok
	}
	for name, id := range ids {
		assert.Equal(t, id, byName[name].ID, name)
		assert.Equal(t, owner, byName[name].UserID, name)
	}

	one, _, err := tokens.GetApiToken(c, okta.GetApiTokenRequest{ApiTokenID: ids["terraform"]})
	require.NoError(t, err)
	assert.Equal(t, "terraform", one.Name)
	assert.Equal(t, "P30D", one.TokenWindow)
	assert.False(t, one.ExpiresAt.IsZero())

	// A client holding the token works until the token is revoked.
	cfg, err := okta.NewConfiguration(okta.WithOrgURL(e.srv.URL), okta.WithAPIToken(secrets["terraform"]))
	require.NoError(t, err)
	other := okta.NewAPIClient(cfg)
	_, _, err = other.ApplicationAPI.ListApplications(c, okta.ListApplicationsRequest{})
	require.NoError(t, err)

	_, err = tokens.RevokeApiToken(c, okta.RevokeApiTokenRequest{ApiTokenID: ids["terraform"]})
	require.NoError(t, err)
	_, _, err = tokens.GetApiToken(c, okta.GetApiTokenRequest{ApiTokenID: ids["terraform"]})
	require.ErrorIs(t, err, okta.ErrNotFound)
	_, _, err = other.ApplicationAPI.ListApplications(c, okta.ListApplicationsRequest{})
	require.ErrorIs(t, err, okta.ErrUnauthorized)
	assert.Len(t, collect(t, tokens.ListApiTokensAll(c, okta.ListApiTokensRequest{})), 4)
}

// TestRevokeCurrentAPIToken revokes the token a client runs with.
func TestRevokeCurrentAPIToken(t *testing.T) {
	emulatorOnly(t, "it revokes the token it runs with")
	e := newEnv(t)
	c := ctx(t)
	id, secret := e.srv.AddAPIToken("short-lived", e.user(t))
	cfg, err := okta.NewConfiguration(okta.WithOrgURL(e.srv.URL), okta.WithAPIToken(secret))
	require.NoError(t, err)
	self := okta.NewAPIClient(cfg)

	_, err = self.ApiTokenAPI.RevokeCurrentApiToken(c, okta.RevokeCurrentApiTokenRequest{})
	require.NoError(t, err)
	_, _, err = self.ApiTokenAPI.ListApiTokens(c, okta.ListApiTokensRequest{})
	require.ErrorIs(t, err, okta.ErrUnauthorized)

	// The suite's own client is untouched; the revoked token is gone.
	_, _, err = e.client.ApiTokenAPI.GetApiToken(c, okta.GetApiTokenRequest{ApiTokenID: id})
	require.ErrorIs(t, err, okta.ErrNotFound)
}

// TestAPITokensReadOnly lists and reads tokens without changing any, so it
// also runs on a real org.
func TestAPITokensReadOnly(t *testing.T) {
	e := newEnv(t)
	c := ctx(t)
	all := collect(t, e.client.ApiTokenAPI.ListApiTokensAll(c, okta.ListApiTokensRequest{}))
	require.NotEmpty(t, all, "at least the token the suite runs with")
	for _, tok := range all {
		assert.NotEmpty(t, tok.ID)
		assert.NotEmpty(t, tok.UserID)
	}
	one, _, err := e.client.ApiTokenAPI.GetApiToken(c, okta.GetApiTokenRequest{ApiTokenID: all[0].ID})
	require.NoError(t, err)
	assert.Equal(t, all[0].ID, one.ID)
	assert.Equal(t, all[0].Name, one.Name)
}
