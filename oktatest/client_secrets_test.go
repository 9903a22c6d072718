package oktatest_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// oidcService is an OIDC service app that authenticates with method.
func oidcService(label, method string) map[string]any {
	return map[string]any{
		"label":       label,
		"signOnMode":  "OPENID_CONNECT",
		"credentials": map[string]any{"oauthClient": map[string]any{"token_endpoint_auth_method": method}},
		"settings": map[string]any{"oauthClient": map[string]any{
			"application_type": "service", "grant_types": []any{"client_credentials"}, "response_types": []any{"token"},
		}},
	}
}

func TestClientSecretLifecycle(t *testing.T) {
	_, c := newServer(t)
	created := c.createApp(oidcService("svc", "client_secret_basic"))
	app := created["id"].(string)
	original := str(created, "credentials", "oauthClient", "client_secret")
	require.NotEmpty(t, original)
	secrets := "/api/v1/apps/" + app + "/credentials/secrets"

	// The app's own secret is its first; reads show its hash, never the secret.
	list := c.do("GET", secrets, nil).list(t)
	require.Len(t, list, 1)
	first := list[0]
	assert.Equal(t, "ACTIVE", first["status"])
	assert.Regexp(t, `^ocs[0-9A-Za-z]{17}$`, first["id"])
	assert.NotContains(t, first, "client_secret")
	assert.NotEmpty(t, first["secret_hash"])
	assert.Regexp(t, oktaTimeRE, first["created"])
	assert.Contains(t, get(first, "_links", "deactivate", "href"), "/lifecycle/deactivate")

	// A new secret is returned once, on create.
	r := c.do("POST", secrets, nil)
	require.Equal(t, http.StatusCreated, r.status, "%s", r.body)
	second := r.obj(t)
	require.Len(t, second["client_secret"], 64)
	assert.Equal(t, "ACTIVE", second["status"])
	assert.NotEqual(t, first["secret_hash"], second["secret_hash"])
	got := c.do("GET", secrets+"/"+second["id"].(string), nil)
	require.Equal(t, http.StatusOK, got.status)
	assert.NotContains(t, got.obj(t), "client_secret")
	assert.Equal(t, second["secret_hash"], got.obj(t)["secret_hash"])

	// At most two secrets.
	requireError(t, c.do("POST", secrets, nil), http.StatusBadRequest, "E0000001", "client_secret")

	// An ACTIVE secret cannot be deleted; an INACTIVE one can.
	firstURL := secrets + "/" + first["id"].(string)
	requireError(t, c.do("DELETE", firstURL, nil), http.StatusBadRequest, "E0000001")
	r = c.do("POST", firstURL+"/lifecycle/deactivate", nil)
	require.Equal(t, http.StatusOK, r.status, "%s", r.body)
	assert.Equal(t, "INACTIVE", r.obj(t)["status"])
	assert.Contains(t, get(r.obj(t), "_links", "delete", "href"), first["id"])

	// The last ACTIVE secret cannot be deactivated.
	secondURL := secrets + "/" + second["id"].(string)
	requireError(t, c.do("POST", secondURL+"/lifecycle/deactivate", nil), http.StatusBadRequest, "E0000001", "status")

	r = c.do("POST", firstURL+"/lifecycle/activate", nil)
	require.Equal(t, http.StatusOK, r.status)
	assert.Equal(t, "ACTIVE", r.obj(t)["status"])
	require.Equal(t, http.StatusOK, c.do("POST", firstURL+"/lifecycle/deactivate", nil).status)
	assert.Equal(t, http.StatusNoContent, c.do("DELETE", firstURL, nil).status)
	requireError(t, c.do("GET", firstURL, nil), http.StatusNotFound, "E0000007", "(OAuth2ClientSecret)")
	assert.Len(t, c.do("GET", secrets, nil).list(t), 1)
}

func TestClientSecretCreateRules(t *testing.T) {
	_, c := newServer(t)
	bm := c.createApp(bookmark("bm"))["id"].(string)
	requireError(t, c.do("POST", "/api/v1/apps/"+bm+"/credentials/secrets", nil), http.StatusBadRequest, "E0000001")
	assert.Empty(t, c.do("GET", "/api/v1/apps/"+bm+"/credentials/secrets", nil).list(t))

	jwtApp := c.createApp(oidcService("hmac", "client_secret_jwt"))["id"].(string)
	secrets := "/api/v1/apps/" + jwtApp + "/credentials/secrets"
	requireError(t, c.do("POST", secrets, map[string]any{"client_secret": "short-secret"}), http.StatusBadRequest, "E0000001", "client_secret")
	requireError(t, c.do("POST", secrets, map[string]any{"client_secret": strings.Repeat("x", 101)}), http.StatusBadRequest, "E0000001")
	requireError(t, c.do("POST", secrets, map[string]any{"status": "PAUSED"}), http.StatusBadRequest, "E0000001", "status")
	requireError(t, c.do("POST", secrets, map[string]any{"client_secret": 7}), http.StatusBadRequest, "E0000003")

	own := strings.Repeat("s", 40)
	r := c.do("POST", secrets, map[string]any{"client_secret": own, "status": "INACTIVE"})
	require.Equal(t, http.StatusCreated, r.status, "%s", r.body)
	assert.Equal(t, own, r.obj(t)["client_secret"])
	assert.Equal(t, "INACTIVE", r.obj(t)["status"])
	assert.Contains(t, get(r.obj(t), "_links", "activate", "href"), "/lifecycle/activate")
}

func TestClientSecretFollowsReplaceApplication(t *testing.T) {
	srv, c := newServer(t)
	created := c.createApp(oidcService("replaced", "client_secret_basic"))
	app := created["id"].(string)
	old := str(created, "credentials", "oauthClient", "client_secret")
	secrets := "/api/v1/apps/" + app + "/credentials/secrets"
	before := c.do("GET", secrets, nil).list(t)
	require.Len(t, before, 1)

	body := oidcService("replaced", "client_secret_basic")
	fresh := strings.Repeat("n", 40)
	body["credentials"].(map[string]any)["oauthClient"].(map[string]any)["client_secret"] = fresh
	require.Equal(t, http.StatusOK, c.do("PUT", "/api/v1/apps/"+app, body).status)

	after := c.do("GET", secrets, nil).list(t)
	require.Len(t, after, 1)
	assert.Equal(t, before[0]["id"], after[0]["id"])
	assert.NotEqual(t, before[0]["secret_hash"], after[0]["secret_hash"])
	status, _ := tokenWithSecret(t, srv.URL+defaultTokenPath, app, fresh, "api.read", true)
	assert.Equal(t, http.StatusOK, status)
	status, _ = tokenWithSecret(t, srv.URL+defaultTokenPath, app, old, "api.read", true)
	assert.Equal(t, http.StatusUnauthorized, status)
}

func TestClientSecretLimitHoldsUnderConcurrency(t *testing.T) {
	_, c := newServer(t)
	app := c.createApp(oidcService("racy", "client_secret_basic"))["id"].(string)
	secrets := "/api/v1/apps/" + app + "/credentials/secrets"
	const n = 8
	statuses := make(chan int, n)
	for range n {
		go func() {
			r, err := c.try("POST", secrets, nil)
			if err != nil {
				statuses <- 0
				return
			}
			statuses <- r.status
		}()
	}
	created := 0
	for range n {
		switch s := <-statuses; s {
		case http.StatusCreated:
			created++
		case http.StatusBadRequest:
		default:
			t.Errorf("unexpected status %d", s)
		}
	}
	assert.Equal(t, 1, created, "the app had one secret: one more fits")
	assert.Len(t, c.do("GET", secrets, nil).list(t), 2)
}
