package oktatest_test

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestAPITokens(t *testing.T) {
	srv, c := newServer(t)
	list := c.do("GET", "/api/v1/api-tokens", nil)
	require.Equal(t, http.StatusOK, list.status)
	own := list.list(t)
	require.Len(t, own, 1)
	tok := own[0]
	assert.Regexp(t, `^00T[0-9A-Za-z]{17}$`, tok["id"])
	assert.Equal(t, "emulator", tok["name"])
	assert.Equal(t, "Okta API", tok["clientName"])
	assert.Equal(t, "P30D", tok["tokenWindow"])
	assert.Equal(t, map[string]any{"connection": "ANYWHERE"}, tok["network"])
	assert.Regexp(t, `^00u`, tok["userId"])
	for _, m := range []string{"created", "lastUpdated", "expiresAt"} {
		assert.Regexp(t, oktaTimeRE, tok[m])
	}
	assert.Equal(t, srv.URL+"/api/v1/api-tokens/"+tok["id"].(string), str(tok, "_links", "self", "href"))
	assert.Equal(t, srv.URL+"/api/v1/users/"+tok["userId"].(string), str(tok, "_links", "user", "href"))

	got := c.do("GET", "/api/v1/api-tokens/"+tok["id"].(string), nil)
	require.Equal(t, http.StatusOK, got.status)
	assert.Equal(t, tok, got.obj(t))
	requireError(t, c.do("GET", "/api/v1/api-tokens/00TNoSuchToken000000", nil), http.StatusNotFound, "E0000007", "(ApiToken)")

	user := srv.AddUser("ci@example.com")
	var secrets []string
	for i := range 24 {
		_, secret := srv.AddAPIToken(fmt.Sprintf("ci-%02d", i), user)
		secrets = append(secrets, secret)
	}
	first := c.do("GET", "/api/v1/api-tokens", nil)
	assert.Len(t, first.list(t), 20)
	rest := c.do("GET", first.link("next"), nil)
	assert.Len(t, rest.list(t), 5)
	assert.Empty(t, rest.link("next"))
	assert.Len(t, c.do("GET", "/api/v1/api-tokens?limit=300", nil).list(t), 25)
	assert.Len(t, c.do("GET", "/api/v1/api-tokens?q=CI-1", nil).list(t), 10)
	assert.Len(t, c.do("GET", "/api/v1/api-tokens?q=okta&limit=50", nil).list(t), 25, "q matches clientName")
	assert.Empty(t, c.do("GET", "/api/v1/api-tokens?q=zzz", nil).list(t))

	// A seeded token works, and stops working once revoked by id.
	ci := c.as(secrets[0])
	require.Equal(t, http.StatusOK, ci.do("GET", "/api/v1/apps", nil).status)
	ciID := c.do("GET", "/api/v1/api-tokens?q=ci-00", nil).list(t)[0]["id"].(string)
	assert.Equal(t, http.StatusNoContent, c.do("DELETE", "/api/v1/api-tokens/"+ciID, nil).status)
	requireError(t, ci.do("GET", "/api/v1/apps", nil), http.StatusUnauthorized, "E0000011")
	requireError(t, c.do("DELETE", "/api/v1/api-tokens/"+ciID, nil), http.StatusNotFound, "E0000007")
}

func TestRevokeCurrentAPIToken(t *testing.T) {
	srv, c := newServer(t)
	assert.Equal(t, http.StatusNoContent, c.do("DELETE", "/api/v1/api-tokens/current", nil).status)
	r := c.do("GET", "/api/v1/apps", nil)
	requireError(t, r, http.StatusUnauthorized, "E0000011", "Invalid token provided")
	requireError(t, c.do("DELETE", "/api/v1/api-tokens/current", nil), http.StatusUnauthorized, "E0000011")

	// Other tokens are untouched.
	_, other := srv.AddAPIToken("other", srv.AddUser("o@example.com"))
	oc := c.as(other)
	list := oc.do("GET", "/api/v1/api-tokens", nil).list(t)
	require.Len(t, list, 1)
	assert.Equal(t, "other", list[0]["name"])
}

func TestWithToken(t *testing.T) {
	srv, c := newServer(t, oktatestWithToken("00fixed-token"))
	assert.Equal(t, "00fixed-token", srv.Token)
	assert.Equal(t, http.StatusOK, c.do("GET", "/api/v1/apps", nil).status)
}
