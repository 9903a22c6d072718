package oktatest_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestUpsertAPIToken(t *testing.T) {
	srv, c := newServer(t)
	user := srv.AddUser("ops@example.com")
	id, secret := srv.AddAPIToken("ci", user)
	url := "/api/v1/api-tokens/" + id
	read := c.do("GET", url, nil).obj(t)
	assert.Equal(t, map[string]any{"connection": "ANYWHERE"}, read["network"])

	// A token read from Okta, sent back with a new network, is accepted.
	read["network"] = map[string]any{"connection": "ZONE", "include": []any{"nzoA"}, "exclude": []any{"nzoB"}}
	read["name"] = "ci-restricted"
	r := c.do("PUT", url, read)
	require.Equal(t, http.StatusOK, r.status, "%s", r.body)
	got := r.obj(t)
	assert.Equal(t, "ci-restricted", got["name"])
	assert.Equal(t, map[string]any{"connection": "ZONE", "include": []any{"nzoA"}, "exclude": []any{"nzoB"}}, got["network"])
	assert.Equal(t, id, got["id"])
	assert.Equal(t, read["created"], got["created"])
	assert.Equal(t, got, c.do("GET", url, nil).obj(t))
	var inList bool
	for _, tok := range c.do("GET", "/api/v1/api-tokens", nil).list(t) {
		if tok["id"] == id {
			inList = true
			assert.Equal(t, got["network"], tok["network"])
		}
	}
	assert.True(t, inList)
	// The token still works.
	assert.Equal(t, http.StatusOK, c.as(secret).do("GET", "/api/v1/apps", nil).status)

	// A body without network keeps it.
	r = c.do("PUT", url, map[string]any{"name": "ci-2"})
	require.Equal(t, http.StatusOK, r.status)
	assert.Equal(t, got["network"], r.obj(t)["network"])
	r = c.do("PUT", url, map[string]any{"network": map[string]any{"connection": "ANYWHERE"}})
	require.Equal(t, http.StatusOK, r.status)
	assert.Equal(t, map[string]any{"connection": "ANYWHERE"}, r.obj(t)["network"])
	assert.Equal(t, "ci-2", r.obj(t)["name"])

	for _, tc := range []struct {
		name  string
		body  any
		field string
	}{
		{"unknown connection", map[string]any{"network": map[string]any{"connection": "SOMEWHERE"}}, "network.connection"},
		{"zones with ANYWHERE", map[string]any{"network": map[string]any{"connection": "ANYWHERE", "include": []any{"nzoA"}}}, "network.connection"},
		{"ZONE without zones", map[string]any{"network": map[string]any{"connection": "ZONE"}}, "network.include"},
		{"zones not strings", map[string]any{"network": map[string]any{"connection": "ZONE", "include": []any{1}}}, "network.include"},
		{"too many zones", map[string]any{"network": map[string]any{"connection": "ZONE", "exclude": strings.Split(strings.Repeat("z,", 101), ",")[:101]}}, "network.exclude"},
		{"empty name", map[string]any{"name": ""}, "name"},
		{"other user", map[string]any{"userId": "00uSomeoneElse"}, "userId"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			requireError(t, c.do("PUT", url, tc.body), http.StatusBadRequest, "E0000001", tc.field)
		})
	}
	requireError(t, c.do("PUT", url, map[string]any{"network": "ANYWHERE"}), http.StatusBadRequest, "E0000003")
	requireError(t, c.do("PUT", url, nil), http.StatusBadRequest, "E0000003")
	requireError(t, c.do("PUT", "/api/v1/api-tokens/00TMissing", map[string]any{"name": "x"}), http.StatusNotFound, "E0000007", "(ApiToken)")
}
