package test

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gatekit/okta"
	"github.com/gatekit/okta/oktatest"
)

// Okta's scopes for the scope consent grant operations (2026 spec).
const (
	scopeAppGrantsRead   = "okta.appGrants.read"
	scopeAppGrantsManage = "okta.appGrants.manage"
)

// oauthGrantsClient returns an ApplicationAPI for a service app of srv that
// authenticates with private_key_jwt and asks for scopes.
func oauthGrantsClient(t *testing.T, srv *oktatest.Server, clientID string, scopes ...string) *okta.ApplicationAPI {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	require.NoError(t, err)
	srv.RegisterClient(clientID, &key.PublicKey, scopes...)
	cfg, err := okta.NewConfiguration(okta.WithOrgURL(srv.URL), okta.WithPrivateKey(clientID, key, "", scopes...))
	require.NoError(t, err)
	return okta.NewAPIClient(cfg).ApplicationAPI
}

// TestScopeConsentGrantsOAuth lists, grants, reads and revokes scope
// consent grants as an OAuth 2.0 service app, which Okta allows with
// okta.appGrants.read and okta.appGrants.manage; the emulator enforces the
// scopes (a read-only client cannot grant).
func TestScopeConsentGrantsOAuth(t *testing.T) {
	emulatorOnly(t, "it registers OAuth 2.0 service clients in the emulator")
	e := newEnv(t)
	c := ctx(t)
	app := e.serviceApp(t, "grants-oauth")

	manager := oauthGrantsClient(t, e.srv, "0oaGrantsManager0001", scopeAppGrantsRead, scopeAppGrantsManage)
	reader := oauthGrantsClient(t, e.srv, "0oaGrantsReader00001", scopeAppGrantsRead)

	granted, _, err := manager.GrantConsentToScope(c, okta.GrantConsentToScopeRequest{AppID: app.ID,
		OAuth2ScopeConsentGrant: &okta.OAuth2ScopeConsentGrant{Issuer: e.orgURL, ScopeID: string(okta.ScopeAppsRead)}})
	require.NoError(t, err)
	require.NotEmpty(t, granted.ID)
	assert.Equal(t, string(okta.ScopeAppsRead), granted.ScopeID)

	// A read-only client lists and reads, and may not grant or revoke.
	list, resp, err := reader.ListScopeConsentGrants(c, okta.ListScopeConsentGrantsRequest{AppID: app.ID})
	require.NoError(t, err)
	require.NotNil(t, resp, "sent to the org, not refused before sending")
	assert.Contains(t, grantIDs(list), granted.ID)
	one, _, err := reader.GetScopeConsentGrant(c, okta.GetScopeConsentGrantRequest{AppID: app.ID, GrantID: granted.ID})
	require.NoError(t, err)
	assert.Equal(t, granted.ScopeID, one.ScopeID)
	_, _, err = reader.GrantConsentToScope(c, okta.GrantConsentToScopeRequest{AppID: app.ID,
		OAuth2ScopeConsentGrant: &okta.OAuth2ScopeConsentGrant{Issuer: e.orgURL, ScopeID: string(okta.ScopeAppsManage)}})
	requireServerRefusal(t, err, 403, okta.ErrForbidden)
	_, err = reader.RevokeScopeConsentGrant(c, okta.RevokeScopeConsentGrantRequest{AppID: app.ID, GrantID: granted.ID})
	requireServerRefusal(t, err, 403, okta.ErrForbidden)

	_, err = manager.RevokeScopeConsentGrant(c, okta.RevokeScopeConsentGrantRequest{AppID: app.ID, GrantID: granted.ID})
	require.NoError(t, err)
	list, _, err = manager.ListScopeConsentGrants(c, okta.ListScopeConsentGrantsRequest{AppID: app.ID})
	require.NoError(t, err)
	assert.NotContains(t, grantIDs(list), granted.ID)
}

// TestScopeConsentGrantsOAuthNeedScope shows that an OAuth 2.0 client with
// only okta.apps.* scopes is refused the grant operations by the org (403),
// not by the SDK.
func TestScopeConsentGrantsOAuthNeedScope(t *testing.T) {
	emulatorOnly(t, "it registers OAuth 2.0 service clients in the emulator")
	e := newEnv(t)
	c := ctx(t)
	app := e.serviceApp(t, "grants-oauth-scope")
	apps := oauthGrantsClient(t, e.srv, "0oaAppsManager000001", okta.ScopeAppsRead, okta.ScopeAppsManage)
	_, resp, err := apps.ListScopeConsentGrants(c, okta.ListScopeConsentGrantsRequest{AppID: app.ID})
	requireServerRefusal(t, err, 403, okta.ErrForbidden)
	require.NotNil(t, resp)
}

func grantIDs(grants []okta.OAuth2ScopeConsentGrant) []string {
	out := make([]string, len(grants))
	for i, g := range grants {
		out[i] = g.ID
	}
	return out
}
