package oktatest_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The token endpoints of the org authorization server and of the default
// custom authorization server.
const (
	orgTokenPath     = "/oauth2/v1/token"
	defaultTokenPath = "/oauth2/default/v1/token"
)

// tokenWithSecret asks the token endpoint at endpoint for scope as
// clientID with secret, sent with HTTP Basic (basic) or in the form.
func tokenWithSecret(t *testing.T, endpoint, clientID, secret, scope string, basic bool) (int, map[string]any) {
	t.Helper()
	form := url.Values{"grant_type": {"client_credentials"}, "scope": {scope}}
	if !basic {
		form.Set("client_id", clientID)
		form.Set("client_secret", secret)
	}
	req, err := http.NewRequest(http.MethodPost, endpoint, strings.NewReader(form.Encode()))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if basic {
		req.SetBasicAuth(url.QueryEscape(clientID), url.QueryEscape(secret))
	}
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	var m map[string]any
	require.NoError(t, json.Unmarshal(data, &m), "%s", data)
	return resp.StatusCode, m
}

func TestClientSecretsAtTheTokenEndpoint(t *testing.T) {
	srv, c := newServer(t)
	created := c.createApp(oidcService("rotating", "client_secret_basic"))
	app := created["id"].(string)
	old := str(created, "credentials", "oauthClient", "client_secret")
	clientID := str(created, "credentials", "oauthClient", "client_id")
	endpoint := srv.URL + defaultTokenPath

	status, body := tokenWithSecret(t, endpoint, clientID, old, "api.read api.write", true)
	require.Equal(t, http.StatusOK, status, "%v", body)
	assert.Equal(t, "Bearer", body["token_type"])
	assert.Equal(t, "api.read api.write", body["scope"])
	assert.EqualValues(t, 3600, body["expires_in"])
	// Its tokens are for the app's own APIs, not for Okta's.
	r := c.as("").do("GET", "/api/v1/apps/"+app, nil, "Authorization", "Bearer "+body["access_token"].(string))
	requireError(t, r, http.StatusUnauthorized, "E0000011")

	// The org authorization server takes only private_key_jwt, as Okta's.
	status, body = tokenWithSecret(t, srv.URL+orgTokenPath, clientID, old, "okta.apps.read", true)
	assert.Equal(t, http.StatusUnauthorized, status)
	assert.Equal(t, "invalid_client", body["error"])
	assert.Contains(t, body["error_description"], "private_key_jwt")

	for _, tc := range []struct {
		name, secret, scope string
		basic               bool
		status              int
		code                string
	}{
		{"okta scope", old, "okta.apps.read", true, 400, "invalid_scope"},
		{"openid", old, "openid", true, 400, "invalid_scope"},
		{"no scope", old, "", true, 400, "invalid_scope"},
		{"not the app's method", old, "api.read", false, 401, "invalid_client"},
		{"wrong secret", "wrong", "api.read", true, 401, "invalid_client"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			status, body := tokenWithSecret(t, endpoint, clientID, tc.secret, tc.scope, tc.basic)
			assert.Equal(t, tc.status, status, "%v", body)
			assert.Equal(t, tc.code, body["error"])
		})
	}

	// Rotate: a new secret works at once; the old one stops working once
	// deactivated, and is deleted.
	secrets := "/api/v1/apps/" + app + "/credentials/secrets"
	oldID := str(c.do("GET", secrets, nil).list(t)[0], "id")
	r = c.do("POST", secrets, nil)
	require.Equal(t, http.StatusCreated, r.status)
	fresh := str(r.obj(t), "client_secret")
	status, _ = tokenWithSecret(t, endpoint, clientID, fresh, "api.read", true)
	assert.Equal(t, http.StatusOK, status)
	require.Equal(t, http.StatusOK, c.do("POST", secrets+"/"+oldID+"/lifecycle/deactivate", nil).status)
	status, body = tokenWithSecret(t, endpoint, clientID, old, "api.read", true)
	assert.Equal(t, http.StatusUnauthorized, status)
	assert.Equal(t, "invalid_client", body["error"])
	require.Equal(t, http.StatusNoContent, c.do("DELETE", secrets+"/"+oldID, nil).status)
	status, _ = tokenWithSecret(t, endpoint, clientID, fresh, "api.read", true)
	assert.Equal(t, http.StatusOK, status)

	// An inactive app's client cannot get tokens.
	require.Equal(t, http.StatusOK, c.do("POST", "/api/v1/apps/"+app+"/lifecycle/deactivate", nil).status)
	status, _ = tokenWithSecret(t, endpoint, clientID, fresh, "api.read", true)
	assert.Equal(t, http.StatusUnauthorized, status)
}

func TestClientSecretPost(t *testing.T) {
	srv, c := newServer(t)
	created := c.createApp(oidcService("poster", "client_secret_post"))
	secret := str(created, "credentials", "oauthClient", "client_secret")
	status, body := tokenWithSecret(t, srv.URL+defaultTokenPath, created["id"].(string), secret, "api.read", false)
	assert.Equal(t, http.StatusOK, status, "%v", body)
	assert.Equal(t, "Bearer", body["token_type"])
}

func TestCustomTokenEndpointRefusals(t *testing.T) {
	srv, c := newServer(t)
	body := oidcService("web", "client_secret_basic")
	body["settings"].(map[string]any)["oauthClient"] = map[string]any{"application_type": "web",
		"grant_types": []any{"authorization_code"}, "redirect_uris": []any{"https://example.com/cb"}, "response_types": []any{"code"}}
	created := c.createApp(body)
	secret := str(created, "credentials", "oauthClient", "client_secret")
	status, answer := tokenWithSecret(t, srv.URL+defaultTokenPath, created["id"].(string), secret, "api.read", true)
	assert.Equal(t, http.StatusBadRequest, status)
	assert.Equal(t, "unauthorized_client", answer["error"])

	// Only the default authorization server exists.
	r := c.do("POST", "/oauth2/aus0000000000000000/v1/token", nil)
	requireError(t, r, http.StatusNotFound, "E0000007", "(AuthorizationServer)")
	r = c.do("GET", defaultTokenPath, nil)
	assert.Equal(t, http.StatusMethodNotAllowed, r.status)
	assert.Equal(t, "POST", r.header.Get("Allow"))

	// No client authentication, or a private_key_jwt assertion, is refused.
	status, answer = tokenWithSecret(t, srv.URL+defaultTokenPath, "", "", "api.read", false)
	assert.Equal(t, http.StatusUnauthorized, status)
	assert.Equal(t, "invalid_client", answer["error"])
}
