package test

import (
	"crypto/rsa"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gatekit/okta"
)

// TestProvisioningConnectionJWKS reads the public keys of an Org2Org app's
// provisioning connection: stable from one read to the next, each a usable
// public key with its certificate. Other apps have none.
func TestProvisioningConnectionJWKS(t *testing.T) {
	emulatorOnly(t, "Okta gates the connection's keys behind a feature flag, on Org2Org apps configured for OAuth provisioning")
	e := newEnv(t)
	c := ctx(t)
	org2org := e.create(t, &okta.Application{Name: "okta_org2org", Label: "org2org-jwks", SignOnMode: okta.SignOnModeSAML20}, true)

	got, _, err := e.apps.GetUserProvisioningConnectionJWKS(c, okta.GetUserProvisioningConnectionJWKSRequest{AppID: org2org.ID})
	require.NoError(t, err)
	require.NotEmpty(t, got.Jwks.Keys)
	for _, k := range got.Jwks.Keys {
		assert.NotEmpty(t, k.Kid)
		assert.Equal(t, "RSA", k.Kty)
		pub, err := k.PublicKey()
		require.NoError(t, err)
		require.IsType(t, &rsa.PublicKey{}, pub)
		certs, err := k.Certificates()
		require.NoError(t, err)
		assert.True(t, pub.(*rsa.PublicKey).Equal(certs[0].PublicKey), "the JWK and its certificate disagree")
	}
	again, _, err := e.apps.GetUserProvisioningConnectionJWKS(c, okta.GetUserProvisioningConnectionJWKSRequest{AppID: org2org.ID})
	require.NoError(t, err)
	require.Len(t, again.Jwks.Keys, len(got.Jwks.Keys))
	assert.Equal(t, got.Jwks.Keys[0].Kid, again.Jwks.Keys[0].Kid, "the keys do not change between reads")
	assert.Equal(t, got.Jwks.Keys[0].N, again.Jwks.Keys[0].N)

	bookmark := e.create(t, okta.NewBookmarkApplication("no-connection-keys", "https://app.example.com/"), true)
	_, _, err = e.apps.GetUserProvisioningConnectionJWKS(c, okta.GetUserProvisioningConnectionJWKSRequest{AppID: bookmark.ID})
	requireServerRefusal(t, err, 404, okta.ErrNotFound)
}

// TestVerifyProvisioningConnection completes the OAuth 2.0 consent of a
// Google Workspace app's provisioning connection: the connection is then
// enabled with the OAUTH2 scheme. The app's name must match, and a code is
// needed.
func TestVerifyProvisioningConnection(t *testing.T) {
	emulatorOnly(t, "it needs the authorization code of a real admin consent to Google, Microsoft, Slack or Zoom")
	e := newEnv(t)
	c := ctx(t)
	google := e.create(t, &okta.Application{Name: "google", Label: "google-workspace", SignOnMode: okta.SignOnModeSAML20}, true)

	conn, _, err := e.apps.GetDefaultProvisioningConnectionForApplication(c, okta.GetDefaultProvisioningConnectionForApplicationRequest{AppID: google.ID})
	require.NoError(t, err)
	assert.Equal(t, okta.ProvisioningDisabled, conn.Status)

	// Refusals first: nothing changes.
	_, err = e.apps.VerifyProvisioningConnectionForApplication(c, okta.VerifyProvisioningConnectionForApplicationRequest{
		AppName: okta.OAuthProvisioningGoogle, AppID: google.ID, State: "xyz"})
	requireServerRefusal(t, err, 400, okta.ErrInvalidRequest)
	_, err = e.apps.VerifyProvisioningConnectionForApplication(c, okta.VerifyProvisioningConnectionForApplicationRequest{
		AppName: okta.OAuthProvisioningSlack, AppID: google.ID, Code: "consent-code", State: "xyz"})
	requireServerRefusal(t, err, 404, okta.ErrNotFound)
	_, err = e.apps.VerifyProvisioningConnectionForApplication(c, okta.VerifyProvisioningConnectionForApplicationRequest{
		AppName: "salesforce", AppID: google.ID, Code: "consent-code", State: "xyz"})
	requireServerRefusal(t, err, 400, okta.ErrInvalidRequest)

	resp, err := e.apps.VerifyProvisioningConnectionForApplication(c, okta.VerifyProvisioningConnectionForApplicationRequest{
		AppName: okta.OAuthProvisioningGoogle, AppID: google.ID, Code: "consent-code", State: "xyz"})
	require.NoError(t, err)
	assert.Equal(t, 204, resp.StatusCode)

	conn, _, err = e.apps.GetDefaultProvisioningConnectionForApplication(c, okta.GetDefaultProvisioningConnectionForApplicationRequest{AppID: google.ID})
	require.NoError(t, err)
	assert.Equal(t, okta.ProvisioningEnabled, conn.Status)
	assert.Equal(t, okta.ProvisioningAuthOAuth2, conn.AuthScheme)
}
