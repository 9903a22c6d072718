package test

import (
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gatekit/okta"
)

// serviceApp creates an OIDC service app (client credentials,
// client_secret_basic), which comes with one ACTIVE client secret.
func (e *env) serviceApp(t *testing.T, label string) *okta.Application {
	t.Helper()
	return e.create(t, okta.NewOpenIDConnectApplication(label, okta.OIDCService), true)
}

// TestClientSecretsLifecycle creates a second client secret, reads it back
// (its hash, never the secret), lists both, and retires one: an ACTIVE
// secret cannot be deleted, an INACTIVE one can, and the last ACTIVE one
// cannot be deactivated.
func TestClientSecretsLifecycle(t *testing.T) {
	e := newEnv(t)
	c := ctx(t)
	app := e.serviceApp(t, "client-secrets")
	apps := e.apps

	before, _, err := apps.ListOAuth2ClientSecrets(c, okta.ListOAuth2ClientSecretsRequest{AppID: app.ID})
	require.NoError(t, err)
	require.Len(t, before, 1, "an app made with a client secret has one")
	first := before[0]
	assert.Equal(t, okta.OAuth2ClientCredentialActive, first.Status)
	assert.Empty(t, first.ClientSecret, "a list never carries the secret")
	assert.NotEmpty(t, first.SecretHash)

	// Create: the answer carries the generated secret, once.
	fresh, _, err := apps.CreateOAuth2ClientSecret(c, okta.CreateOAuth2ClientSecretRequest{AppID: app.ID})
	require.NoError(t, err)
	require.NotEmpty(t, fresh.ID)
	assert.NotEqual(t, first.ID, fresh.ID)
	assert.NotEmpty(t, fresh.ClientSecret, "the create answer carries the secret")
	assert.NotEmpty(t, fresh.SecretHash)
	assert.Equal(t, okta.OAuth2ClientCredentialActive, fresh.Status, "Okta's default status")
	assert.NotEmpty(t, fresh.Links.Href("deactivate"))
	assert.NotContains(t, fmt.Sprintf("%v %+v", fresh.ClientSecret, fresh.ClientSecret), fresh.ClientSecret.Reveal(),
		"a Secret does not print itself")

	// Get: the hash, not the secret.
	got, _, err := apps.GetOAuth2ClientSecret(c, okta.GetOAuth2ClientSecretRequest{AppID: app.ID, SecretID: fresh.ID})
	require.NoError(t, err)
	assert.Equal(t, fresh.ID, got.ID)
	assert.Equal(t, fresh.SecretHash, got.SecretHash)
	assert.Empty(t, got.ClientSecret, "a later read does not return the secret")
	assert.Equal(t, okta.OAuth2ClientCredentialActive, got.Status)

	all, _, err := apps.ListOAuth2ClientSecrets(c, okta.ListOAuth2ClientSecretsRequest{AppID: app.ID})
	require.NoError(t, err)
	assert.ElementsMatch(t, []string{first.ID, fresh.ID}, secretIDs(all))

	// An ACTIVE secret cannot be deleted.
	_, err = apps.DeleteOAuth2ClientSecret(c, okta.DeleteOAuth2ClientSecretRequest{AppID: app.ID, SecretID: first.ID})
	requireServerRefusal(t, err, 400, okta.ErrInvalidRequest)

	// Deactivate, then delete.
	off, _, err := apps.DeactivateOAuth2ClientSecret(c, okta.DeactivateOAuth2ClientSecretRequest{AppID: app.ID, SecretID: first.ID})
	require.NoError(t, err)
	assert.Equal(t, okta.OAuth2ClientCredentialInactive, off.Status)
	assert.Empty(t, off.ClientSecret)
	_, err = apps.DeleteOAuth2ClientSecret(c, okta.DeleteOAuth2ClientSecretRequest{AppID: app.ID, SecretID: first.ID})
	require.NoError(t, err)
	_, _, err = apps.GetOAuth2ClientSecret(c, okta.GetOAuth2ClientSecretRequest{AppID: app.ID, SecretID: first.ID})
	require.ErrorIs(t, err, okta.ErrNotFound)

	left, _, err := apps.ListOAuth2ClientSecrets(c, okta.ListOAuth2ClientSecretsRequest{AppID: app.ID})
	require.NoError(t, err)
	assert.Equal(t, []string{fresh.ID}, secretIDs(left))

	// The app's last ACTIVE secret cannot be deactivated.
	_, _, err = apps.DeactivateOAuth2ClientSecret(c, okta.DeactivateOAuth2ClientSecretRequest{AppID: app.ID, SecretID: fresh.ID})
	requireServerRefusal(t, err, 400, okta.ErrInvalidRequest)
}

// TestClientSecretsInactiveAndLimit creates a secret INACTIVE, activates it,
// and shows that an app holds at most two.
func TestClientSecretsInactiveAndLimit(t *testing.T) {
	e := newEnv(t)
	c := ctx(t)
	app := e.serviceApp(t, "client-secrets-limit")
	apps := e.apps

	second, _, err := apps.CreateOAuth2ClientSecret(c, okta.CreateOAuth2ClientSecretRequest{AppID: app.ID,
		OAuth2ClientSecretRequestBody: &okta.OAuth2ClientSecretRequestBody{Status: okta.OAuth2ClientCredentialInactive}})
	require.NoError(t, err)
	assert.Equal(t, okta.OAuth2ClientCredentialInactive, second.Status)

	// A third is refused.
	_, _, err = apps.CreateOAuth2ClientSecret(c, okta.CreateOAuth2ClientSecretRequest{AppID: app.ID})
	requireServerRefusal(t, err, 400, okta.ErrInvalidRequest)

	on, _, err := apps.ActivateOAuth2ClientSecret(c, okta.ActivateOAuth2ClientSecretRequest{AppID: app.ID, SecretID: second.ID})
	require.NoError(t, err)
	assert.Equal(t, okta.OAuth2ClientCredentialActive, on.Status)
	got, _, err := apps.GetOAuth2ClientSecret(c, okta.GetOAuth2ClientSecretRequest{AppID: app.ID, SecretID: second.ID})
	require.NoError(t, err)
	assert.Equal(t, okta.OAuth2ClientCredentialActive, got.Status)

	// A secret the app does not have.
	_, _, err = apps.GetOAuth2ClientSecret(c, okta.GetOAuth2ClientSecretRequest{AppID: app.ID, SecretID: "ocsNoSuchSecret00000"})
	require.ErrorIs(t, err, okta.ErrNotFound)
}

func secretIDs(secrets []okta.OAuth2ClientSecret) []string {
	out := make([]string, len(secrets))
	for i, s := range secrets {
		out[i] = s.ID
	}
	return out
}

// tokenStatus asks the default custom authorization server for a client
// credentials token with a custom scope, authenticating with
// client_secret_basic, and returns the answer's status.
func tokenStatus(t *testing.T, e *env, clientID string, secret okta.Secret) int {
	t.Helper()
	form := url.Values{"grant_type": {"client_credentials"}, "scope": {"gatekit.test"}}
	req, err := http.NewRequestWithContext(ctx(t), http.MethodPost, e.orgURL+"/oauth2/default/v1/token", strings.NewReader(form.Encode()))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.SetBasicAuth(url.QueryEscape(clientID), url.QueryEscape(secret.Reveal()))
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	return resp.StatusCode
}

// TestClientSecretRotationAtTokenEndpoint is examples/secret-rotation's
// path: the new secret works at the default authorization server's token
// endpoint as soon as it is created, and the old one is refused once
// deactivated.
func TestClientSecretRotationAtTokenEndpoint(t *testing.T) {
	emulatorOnly(t, "a real org's default authorization server needs a custom scope and an access policy rule for this client")
	e := newEnv(t)
	c := ctx(t)
	app := e.serviceApp(t, "rotation")
	clientID, old := app.Credentials.OAuthClient.ClientID, app.Credentials.OAuthClient.ClientSecret
	require.NotEmpty(t, old, "the create answer carries the app's first secret")
	assert.Equal(t, http.StatusOK, tokenStatus(t, e, clientID, old))

	fresh, _, err := e.apps.CreateOAuth2ClientSecret(c, okta.CreateOAuth2ClientSecretRequest{AppID: app.ID})
	require.NoError(t, err)
	assert.Equal(t, http.StatusOK, tokenStatus(t, e, clientID, fresh.ClientSecret), "the new secret works")
	assert.Equal(t, http.StatusOK, tokenStatus(t, e, clientID, old), "both work during the rotation")

	secrets, _, err := e.apps.ListOAuth2ClientSecrets(c, okta.ListOAuth2ClientSecretsRequest{AppID: app.ID})
	require.NoError(t, err)
	var oldID string
	for _, s := range secrets {
		if s.ID != fresh.ID {
			oldID = s.ID
		}
	}
	require.NotEmpty(t, oldID)
	_, _, err = e.apps.DeactivateOAuth2ClientSecret(c, okta.DeactivateOAuth2ClientSecretRequest{AppID: app.ID, SecretID: oldID})
	require.NoError(t, err)
	assert.Equal(t, http.StatusUnauthorized, tokenStatus(t, e, clientID, old), "a deactivated secret is refused")
	assert.Equal(t, http.StatusOK, tokenStatus(t, e, clientID, fresh.ClientSecret))
	_, err = e.apps.DeleteOAuth2ClientSecret(c, okta.DeleteOAuth2ClientSecretRequest{AppID: app.ID, SecretID: oldID})
	require.NoError(t, err)
	assert.Equal(t, http.StatusUnauthorized, tokenStatus(t, e, clientID, old))
}
