package oktatest_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFederatedClaimsCRUD(t *testing.T) {
	_, c := newServer(t)
	app := c.createApp(oidcService("claims", "client_secret_basic"))["id"].(string)
	claims := "/api/v1/apps/" + app + "/federated-claims"

	assert.Empty(t, c.do("GET", claims, nil).list(t))
	r := c.do("POST", claims, map[string]any{"name": "role", "expression": "user.profile.role"})
	require.Equal(t, http.StatusCreated, r.status, "%s", r.body)
	fc := r.obj(t)
	assert.Regexp(t, `^ofc[0-9A-Za-z]{17}$`, fc["id"])
	assert.Equal(t, "role", fc["name"])
	assert.Equal(t, "user.profile.role", fc["expression"])
	assert.Regexp(t, oktaTimeRE, fc["created"])
	assert.Regexp(t, oktaTimeRE, fc["lastUpdated"])
	url := claims + "/" + fc["id"].(string)

	got := c.do("GET", url, nil)
	require.Equal(t, http.StatusOK, got.status)
	assert.Equal(t, fc, got.obj(t))

	other := c.do("POST", claims, map[string]any{"name": "dept", "expression": "user.department"}).obj(t)
	requireError(t, c.do("POST", claims, map[string]any{"name": "role", "expression": "x"}), http.StatusBadRequest, "E0000001", "name")

	// replaceFederatedClaim answers 200, as Okta does.
	r = c.do("PUT", url, map[string]any{"name": "roles", "expression": "user.profile.roles"})
	require.Equal(t, http.StatusOK, r.status, "%s", r.body)
	assert.Equal(t, "roles", r.obj(t)["name"])
	assert.Equal(t, fc["id"], r.obj(t)["id"])
	requireError(t, c.do("PUT", url, map[string]any{"name": "dept", "expression": "x"}), http.StatusBadRequest, "E0000001", "name")
	requireError(t, c.do("PUT", claims+"/ofcMissing", map[string]any{"name": "n", "expression": "x"}), http.StatusNotFound, "E0000007", "(FederatedClaim)")

	list := c.do("GET", claims, nil).list(t)
	require.Len(t, list, 2)
	assert.Equal(t, "roles", list[0]["name"])
	assert.Equal(t, other["id"], list[1]["id"])

	assert.Equal(t, http.StatusNoContent, c.do("DELETE", url, nil).status)
	requireError(t, c.do("GET", url, nil), http.StatusNotFound, "E0000007", "(FederatedClaim)")
	requireError(t, c.do("DELETE", url, nil), http.StatusNotFound, "E0000007")
	assert.Len(t, c.do("GET", claims, nil).list(t), 1)
}

func TestFederatedClaimValidation(t *testing.T) {
	_, c := newServer(t)
	app := c.createApp(oidcService("claims", "client_secret_basic"))["id"].(string)
	claims := "/api/v1/apps/" + app + "/federated-claims"
	for _, tc := range []struct {
		name  string
		body  any
		field string
	}{
		{"no name", map[string]any{"expression": "x"}, "name"},
		{"no expression", map[string]any{"name": "n"}, "expression"},
		{"blank expression", map[string]any{"name": "n", "expression": "  "}, "expression"},
		{"name with space", map[string]any{"name": "a b", "expression": "x"}, "name"},
		{"name too long", map[string]any{"name": strings.Repeat("n", 101), "expression": "x"}, "name"},
		{"no body", nil, "name"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			requireError(t, c.do("POST", claims, tc.body), http.StatusBadRequest, "E0000001", tc.field)
		})
	}
	requireError(t, c.do("POST", claims, map[string]any{"name": 1}), http.StatusBadRequest, "E0000003")
	requireError(t, c.do("POST", claims, "[1]"), http.StatusBadRequest, "E0000003")
}
