package oktatest_test

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/go-jose/go-jose/v4"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gatekit/okta/oktatest"
)

const adminToken = "admin-secret-for-tests"

func newAdminServer(t *testing.T, opts ...oktatest.Option) (*oktatest.Server, *client, *client) {
	t.Helper()
	srv, c := newServer(t, append(opts, oktatest.WithAdminToken(adminToken))...)
	admin := c.as("")
	return srv, c, admin
}

// adminDo sends an admin request with the admin token.
func adminDo(c *client, method, path string, body any) *response {
	c.t.Helper()
	return c.do(method, path, body, "Authorization", "Bearer "+adminToken)
}

func TestAdminRefusesWithoutItsToken(t *testing.T) {
	srv, c, admin := newAdminServer(t)
	for name, hdr := range map[string][]string{
		"none":      nil,
		"API token": {"Authorization", "SSWS " + srv.Token},
		"as Bearer": {"Authorization", "Bearer " + srv.Token},
		"wrong":     {"Authorization", "Bearer " + adminToken + "x"},
		"prefix":    {"Authorization", "Bearer " + adminToken[:5]},
	} {
		r := admin.do("DELETE", "/_emulator/faults", nil, hdr...)
		assert.Equal(t, http.StatusUnauthorized, r.status, name)
	}
	// The admin token is not an API token either.
	assert.Equal(t, http.StatusUnauthorized, c.do("GET", "/api/v1/apps", nil, "Authorization", "Bearer "+adminToken).status)
	assert.Equal(t, 0, srv.Requests(oktatest.AllOperations)-1, "admin requests are not counted")

	assert.Panics(t, func() { oktatest.NewServer(oktatest.WithToken("same"), oktatest.WithAdminToken("same")) })

	// Without WithAdminToken there is no admin API.
	_, plain := newServer(t)
	requireError(t, plain.do("DELETE", "/_emulator/faults", nil, "Authorization", "Bearer "), http.StatusNotFound, "E0000007")
}

func TestAdminFaultsAndRequests(t *testing.T) {
	_, c, admin := newAdminServer(t)
	r := adminDo(admin, "POST", "/_emulator/faults", map[string]any{"operation": "GetApplication", "status": 500})
	require.Equal(t, http.StatusBadRequest, r.status)
	assert.Contains(t, r.obj(t)["error"], `did you mean "getApplication"`)
	r = adminDo(admin, "POST", "/_emulator/faults", map[string]any{"operation": "getApplication", "statsu": 500})
	require.Equal(t, http.StatusBadRequest, r.status, "a misspelt member is refused")

	r = adminDo(admin, "POST", "/_emulator/faults", map[string]any{"operation": "getApplication", "status": 429, "times": 1, "resetAfter": "2s"})
	require.Equal(t, http.StatusNoContent, r.status, "%s", r.body)
	requireError(t, c.do("GET", "/api/v1/apps/0oaX", nil), http.StatusTooManyRequests, "E0000047")
	requireError(t, c.do("GET", "/api/v1/apps/0oaX", nil), http.StatusNotFound, "E0000007")

	adminDo(admin, "POST", "/_emulator/faults", map[string]any{"operation": "*", "latency": "30ms", "times": 1})
	start := time.Now()
	c.do("GET", "/api/v1/apps", nil)
	assert.GreaterOrEqual(t, time.Since(start), 30*time.Millisecond)

	r = adminDo(admin, "GET", "/_emulator/requests?operation=unassignUserFromApplication", nil)
	require.Equal(t, http.StatusOK, r.status)
	assert.EqualValues(t, 0, r.obj(t)["count"])
	r = adminDo(admin, "GET", "/_emulator/requests?operation=getApplication", nil)
	assert.EqualValues(t, 2, r.obj(t)["count"])
	r = adminDo(admin, "GET", "/_emulator/requests", nil)
	assert.EqualValues(t, 3, r.obj(t)["total"])
	assert.Equal(t, http.StatusBadRequest, adminDo(admin, "GET", "/_emulator/requests?operation=nope", nil).status)

	log := adminDo(admin, "GET", "/_emulator/requests/log?operation=getApplication", nil).list(t)
	require.Len(t, log, 2)
	assert.Equal(t, "/api/v1/apps/0oaX", log[0]["path"])
	assert.EqualValues(t, 429, log[0]["status"])
	assert.EqualValues(t, 404, log[1]["status"])
	assert.Len(t, adminDo(admin, "GET", "/_emulator/requests/log", nil).list(t), 3)
	assert.Equal(t, http.StatusNoContent, adminDo(admin, "DELETE", "/_emulator/requests", nil).status)
	assert.Empty(t, adminDo(admin, "GET", "/_emulator/requests/log", nil).list(t))

	adminDo(admin, "POST", "/_emulator/faults", map[string]any{"operation": "listApplications", "status": 503})
	assert.Equal(t, http.StatusNoContent, adminDo(admin, "DELETE", "/_emulator/faults", nil).status)
	assert.Equal(t, http.StatusOK, c.do("GET", "/api/v1/apps", nil).status)
}

func TestAdminRateLimitAndClock(t *testing.T) {
	_, c, admin := newAdminServer(t)
	r := adminDo(admin, "POST", "/_emulator/rate-limits", map[string]any{"bucket": "/api/v1/users", "limit": 1})
	assert.Equal(t, http.StatusBadRequest, r.status)
	r = adminDo(admin, "POST", "/_emulator/rate-limits", map[string]any{"bucket": oktatest.BucketApps, "limit": 1, "window": "1m"})
	require.Equal(t, http.StatusNoContent, r.status, "%s", r.body)
	assert.Equal(t, http.StatusOK, c.do("GET", "/api/v1/apps", nil).status)
	requireError(t, c.do("GET", "/api/v1/apps", nil), http.StatusTooManyRequests, "E0000047")

	// Moving the clock past the window ends it.
	r = adminDo(admin, "POST", "/_emulator/clock", map[string]any{"advance": "61s"})
	require.Equal(t, http.StatusOK, r.status, "%s", r.body)
	assert.Equal(t, http.StatusOK, c.do("GET", "/api/v1/apps", nil).status)

	r = adminDo(admin, "POST", "/_emulator/clock", map[string]any{"now": "2030-01-02T03:04:05Z"})
	require.Equal(t, http.StatusOK, r.status, "%s", r.body)
	assert.True(t, strings.HasPrefix(r.obj(t)["now"].(string), "2030-01-02T03:04:05"), "%s", r.body)
	assert.Equal(t, "Wed, 02 Jan 2030 03:04:05 GMT", c.do("GET", "/api/v1/apps", nil).header.Get("Date"))
	assert.Equal(t, http.StatusBadRequest, adminDo(admin, "POST", "/_emulator/clock", map[string]any{}).status)

	assert.Equal(t, http.StatusNoContent, adminDo(admin, "DELETE", "/_emulator/rate-limits", nil).status)
	for range 3 {
		assert.Equal(t, http.StatusOK, c.do("GET", "/api/v1/apps", nil).status)
	}
}

func TestAdminSeedingAndReset(t *testing.T) {
	srv, c, admin := newAdminServer(t)
	r := adminDo(admin, "POST", "/_emulator/users", map[string]any{"login": "ada@example.com"})
	require.Equal(t, http.StatusCreated, r.status, "%s", r.body)
	userID := r.obj(t)["id"].(string)
	r = adminDo(admin, "POST", "/_emulator/groups", map[string]any{"name": "Engineering"})
	require.Equal(t, http.StatusCreated, r.status)
	groupID := r.obj(t)["id"].(string)

	app := c.createApp(bookmark("seeded"))["id"].(string)
	assert.Equal(t, http.StatusOK, c.do("POST", "/api/v1/apps/"+app+"/users", map[string]any{"id": userID}).status)
	assert.Equal(t, http.StatusOK, c.do("PUT", "/api/v1/apps/"+app+"/groups/"+groupID, nil).status)

	r = adminDo(admin, "POST", "/_emulator/api-tokens", map[string]any{"name": "ci", "login": "ada@example.com", "secret": "00ci-secret"})
	require.Equal(t, http.StatusCreated, r.status, "%s", r.body)
	assert.Equal(t, http.StatusOK, c.as("00ci-secret").do("GET", "/api/v1/apps", nil).status)
	r = adminDo(admin, "POST", "/_emulator/oauth2-tokens", map[string]any{"appId": app, "userId": userID, "scopes": []string{"openid"}})
	require.Equal(t, http.StatusCreated, r.status, "%s", r.body)
	assert.Len(t, c.do("GET", "/api/v1/apps/"+app+"/tokens", nil).list(t), 1)
	r = adminDo(admin, "POST", "/_emulator/oauth2-tokens", map[string]any{"appId": "0oaNone", "userId": userID})
	assert.Equal(t, http.StatusBadRequest, r.status)

	users := adminDo(admin, "GET", "/_emulator/users", nil).list(t)
	assert.Len(t, users, 2, "the emulator's admin and ada")

	require.Equal(t, http.StatusNoContent, adminDo(admin, "POST", "/_emulator/reset", nil).status)
	assert.Empty(t, c.do("GET", "/api/v1/apps", nil).list(t))
	assert.Equal(t, http.StatusUnauthorized, c.as("00ci-secret").do("GET", "/api/v1/apps", nil).status)
	assert.Len(t, adminDo(admin, "GET", "/_emulator/users", nil).list(t), 1)
	assert.Equal(t, 2, srv.Requests(oktatest.AllOperations), "counts were reset: two calls since")
}

// TestAdminRegistersOAuthClient registers a service app by its public JWK
// and gets a token for it at the token endpoint.
func TestAdminRegistersOAuthClient(t *testing.T) {
	srv, c, admin := newAdminServer(t)
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	require.NoError(t, err)
	priv, err := json.Marshal(jose.JSONWebKey{Key: key, Algorithm: "ES256"})
	require.NoError(t, err)
	r := adminDo(admin, "POST", "/_emulator/clients", map[string]any{"clientId": serviceClientID, "jwk": json.RawMessage(priv)})
	require.Equal(t, http.StatusBadRequest, r.status, "a private key is refused")
	pub, err := json.Marshal(jose.JSONWebKey{Key: &key.PublicKey, Algorithm: "ES256"})
	require.NoError(t, err)
	r = adminDo(admin, "POST", "/_emulator/clients", map[string]any{"clientId": serviceClientID, "jwk": json.RawMessage(pub), "scopes": []string{"okta.apps.nope"}})
	require.Equal(t, http.StatusBadRequest, r.status, "an unknown scope is refused")
	r = adminDo(admin, "POST", "/_emulator/clients", map[string]any{"clientId": serviceClientID, "jwk": json.RawMessage(pub), "scopes": []string{oktatest.ScopeAppsRead}})
	require.Equal(t, http.StatusCreated, r.status, "%s", r.body)

	access := newServiceApp(t, srv, key, jose.ES256).token(oktatest.ScopeAppsRead)
	assert.Equal(t, http.StatusOK, c.as("").do("GET", "/api/v1/apps", nil, "Authorization", "Bearer "+access).status)
}

func TestSeedDocument(t *testing.T) {
	srv, c := newServer(t)
	ids, err := srv.Seed(strings.NewReader(`{
		"users": [{"login": "ada@example.com"}],
		"groups": [{"name": "Engineering"}],
		"apiTokens": [{"name": "ci", "secret": "00seeded"}],
		"rateLimits": [{"bucket": "/api/v1/api-tokens", "limit": 5, "window": "1m"}],
		"faults": [{"operation": "createApplication", "status": 503, "times": 1}]
	}`))
	require.NoError(t, err)
	assert.Regexp(t, `^00u`, ids["user:ada@example.com"])
	assert.Regexp(t, `^00g`, ids["group:Engineering"])
	assert.Regexp(t, `^00T`, ids["apiToken:ci"])
	r := c.as("00seeded").do("GET", "/api/v1/api-tokens", nil)
	assert.Equal(t, "5", r.header.Get("X-Rate-Limit-Limit"))
	requireError(t, c.do("POST", "/api/v1/apps", bookmark("x")), http.StatusServiceUnavailable, "E0000009")

	_, err = srv.Seed(strings.NewReader(`{"faults": [{"operation": "GetApplication", "status": 500}]}`))
	assert.ErrorContains(t, err, "faults[0]")
	_, err = srv.Seed(strings.NewReader(`{"user": []}`))
	assert.ErrorContains(t, err, "unknown field")
}

// TestAdminSeedsPolicies: a test in another language adds an app sign-in
// policy over the admin API and assigns it with the public API.
func TestAdminSeedsPolicies(t *testing.T) {
	srv, api, admin := newAdminServer(t)
	r := adminDo(admin, "POST", "/_emulator/policies", map[string]any{"name": "Strict"})
	require.Equal(t, http.StatusCreated, r.status, "%s", r.body)
	id := r.obj(t)["id"].(string)
	assert.Equal(t, http.StatusBadRequest, adminDo(admin, "POST", "/_emulator/policies", map[string]any{}).status)

	r = adminDo(admin, "GET", "/_emulator/policies", nil)
	require.Equal(t, http.StatusOK, r.status)
	var list []map[string]any
	require.NoError(t, json.Unmarshal(r.body, &list))
	require.Len(t, list, 2)
	assert.Equal(t, srv.DefaultPolicy(), list[0]["id"])
	assert.Equal(t, true, list[0]["default"])
	assert.Equal(t, id, list[1]["id"])

	app := api.createApp(bookmark("policy"))["id"].(string)
	require.Equal(t, http.StatusNoContent, api.do("PUT", "/api/v1/apps/"+app+"/policies/"+id, nil).status)
	assert.Equal(t, id, srv.AppPolicy(app))
}
