package test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gatekit/okta"
)

// TestOAuth2Tokens lists, reads and revokes the refresh tokens issued to an
// app, one and then all.
func TestOAuth2Tokens(t *testing.T) {
	emulatorOnly(t, "it seeds refresh tokens, which only a user's sign-in can make on a real org")
	e := newEnv(t)
	c := ctx(t)
	app := e.create(t, okta.NewOpenIDConnectApplication("oauth-tokens", okta.OIDCWeb, "https://app.example.com/cb"), true)
	user := e.user(t)
	want := []string{
		e.srv.AddOAuth2Token(app.ID, user, "openid", "profile", "offline_access"),
		e.srv.AddOAuth2Token(app.ID, user, "openid", "offline_access"),
		e.srv.AddOAuth2Token(app.ID, user, "openid", "email", "offline_access"),
	}

	list := func() []string {
		var ids []string
		for _, tok := range collect(t, e.apps.ListOAuth2TokensForApplicationAll(c, okta.ListOAuth2TokensForApplicationRequest{AppID: app.ID, Limit: 2})) {
			ids = append(ids, tok.ID)
		}
		return ids
	}
	assert.ElementsMatch(t, want, list())

	tok, _, err := e.apps.GetOAuth2TokenForApplication(c, okta.GetOAuth2TokenForApplicationRequest{AppID: app.ID, TokenID: want[0], Expand: "scope"})
	require.NoError(t, err)
	assert.Equal(t, want[0], tok.ID)
	assert.Equal(t, user, tok.UserID)
	assert.Equal(t, app.Credentials.OAuthClient.ClientID, tok.ClientID)
	assert.ElementsMatch(t, []string{"openid", "profile", "offline_access"}, tok.Scopes)
	assert.Equal(t, okta.GrantOrTokenActive, tok.Status)

	_, err = e.apps.RevokeOAuth2TokenForApplication(c, okta.RevokeOAuth2TokenForApplicationRequest{AppID: app.ID, TokenID: want[0]})
	require.NoError(t, err)
	_, _, err = e.apps.GetOAuth2TokenForApplication(c, okta.GetOAuth2TokenForApplicationRequest{AppID: app.ID, TokenID: want[0]})
	require.ErrorIs(t, err, okta.ErrNotFound)
	assert.ElementsMatch(t, want[1:], list())

	_, err = e.apps.RevokeOAuth2TokensForApplication(c, okta.RevokeOAuth2TokensForApplicationRequest{AppID: app.ID})
	require.NoError(t, err)
	assert.Empty(t, list())
}

// TestScopeConsentGrants grants an app an Okta scope, reads and lists the
// grant, and revokes it.
func TestScopeConsentGrants(t *testing.T) {
	e := newEnv(t)
	c := ctx(t)
	app := e.create(t, okta.NewOpenIDConnectApplication("grants", okta.OIDCService), true)

	g, _, err := e.apps.GrantConsentToScope(c, okta.GrantConsentToScopeRequest{
		AppID:                   app.ID,
		OAuth2ScopeConsentGrant: &okta.OAuth2ScopeConsentGrant{Issuer: e.orgURL, ScopeID: "okta.apps.read"},
	})
	require.NoError(t, err)
	require.NotEmpty(t, g.ID)
	assert.Equal(t, "okta.apps.read", g.ScopeID)
	assert.Equal(t, okta.GrantOrTokenActive, g.Status)

	ids := []string{g.ID}
	if e.srv != nil {
		ids = append(ids, e.srv.AddScopeConsentGrant(app.ID, "okta.users.read"))
	}
	var listed []string
	for _, gr := range collect(t, e.apps.ListScopeConsentGrantsAll(c, okta.ListScopeConsentGrantsRequest{AppID: app.ID})) {
		listed = append(listed, gr.ID)
	}
	assert.Subset(t, listed, ids)

	got, _, err := e.apps.GetScopeConsentGrant(c, okta.GetScopeConsentGrantRequest{AppID: app.ID, GrantID: g.ID})
	require.NoError(t, err)
	assert.Equal(t, g.ID, got.ID)
	assert.Equal(t, "okta.apps.read", got.ScopeID)

	_, err = e.apps.RevokeScopeConsentGrant(c, okta.RevokeScopeConsentGrantRequest{AppID: app.ID, GrantID: g.ID})
	require.NoError(t, err)
	_, _, err = e.apps.GetScopeConsentGrant(c, okta.GetScopeConsentGrantRequest{AppID: app.ID, GrantID: g.ID})
	require.ErrorIs(t, err, okta.ErrNotFound)

	// A grant without its scope is refused.
	_, _, err = e.apps.GrantConsentToScope(c, okta.GrantConsentToScopeRequest{
		AppID: app.ID, OAuth2ScopeConsentGrant: &okta.OAuth2ScopeConsentGrant{Issuer: e.orgURL},
	})
	require.ErrorIs(t, err, okta.ErrInvalidRequest)
}
