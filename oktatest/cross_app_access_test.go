package oktatest_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCrossAppAccessConnections(t *testing.T) {
	_, c := newServer(t)
	agent := c.createApp(oidcService("Agent", "client_secret_basic"))["id"].(string)
	calendar := c.createApp(oidcService("Calendar", "client_secret_basic"))["id"].(string)
	drive := c.createApp(oidcService("Drive", "client_secret_basic"))["id"].(string)
	conns := "/api/v1/apps/" + agent + "/cwo/connections"

	r := c.do("POST", conns, map[string]any{"resourceAppInstanceId": calendar})
	require.Equal(t, http.StatusCreated, r.status, "%s", r.body)
	cn := r.obj(t)
	assert.Regexp(t, `^cwo[0-9A-Za-z]{17}$`, cn["id"])
	assert.Equal(t, agent, cn["requestingAppInstanceId"])
	assert.Equal(t, calendar, cn["resourceAppInstanceId"])
	assert.Equal(t, "ACTIVE", cn["status"])
	assert.Regexp(t, oktaTimeRE, cn["created"])
	cnURL := conns + "/" + cn["id"].(string)

	r = c.do("POST", conns, map[string]any{"requestingAppInstanceId": agent, "resourceAppInstanceId": drive, "status": "INACTIVE"})
	require.Equal(t, http.StatusCreated, r.status, "%s", r.body)
	cn2 := r.obj(t)

	for _, tc := range []struct {
		name   string
		body   map[string]any
		status int
		code   string
		field  string
	}{
		{"no resource", map[string]any{}, 400, "E0000001", "resourceAppInstanceId"},
		{"again", map[string]any{"resourceAppInstanceId": calendar}, 400, "E0000001", "resourceAppInstanceId"},
		{"itself", map[string]any{"resourceAppInstanceId": agent}, 400, "E0000001", "resourceAppInstanceId"},
		{"neither side", map[string]any{"requestingAppInstanceId": drive, "resourceAppInstanceId": calendar}, 400, "E0000001", "requestingAppInstanceId"},
		{"bad status", map[string]any{"resourceAppInstanceId": drive, "status": "ON"}, 400, "E0000001", "status"},
		{"unknown app", map[string]any{"resourceAppInstanceId": "0oaUnknown"}, 404, "E0000007", "(AppInstance)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			requireError(t, c.do("POST", conns, tc.body), tc.status, tc.code, tc.field)
		})
	}

	// Both sides see the connection; a third app does not.
	got := c.do("GET", "/api/v1/apps/"+calendar+"/cwo/connections/"+cn["id"].(string), nil)
	require.Equal(t, http.StatusOK, got.status)
	assert.Equal(t, cn, got.obj(t))
	requireError(t, c.do("GET", "/api/v1/apps/"+drive+"/cwo/connections/"+cn["id"].(string), nil), http.StatusNotFound, "E0000007", "(OrgCrossAppAccessConnection)")

	ids := func(path string) []any {
		var out []any
		for _, m := range c.do("GET", path, nil).list(t) {
			out = append(out, m["id"])
		}
		return out
	}
	assert.Equal(t, []any{cn["id"], cn2["id"]}, ids(conns))
	assert.Equal(t, []any{cn["id"]}, ids("/api/v1/apps/"+calendar+"/cwo/connections"))
	assert.Equal(t, []any{cn2["id"]}, ids(conns+"?status=INACTIVE"))
	assert.Equal(t, []any{cn2["id"]}, ids(conns+"?resourceAppId="+drive))
	assert.Equal(t, []any{cn["id"], cn2["id"]}, ids(conns+"?requestingAppId="+agent))
	assert.Equal(t, []any{cn["id"]}, ids(conns+"?resourceAppName=cAlEn"))
	assert.Empty(t, ids(conns+"?limit=0"))
	assert.Equal(t, []any{cn["id"]}, ids(conns+"?limit=1"))
	assert.Equal(t, []any{cn2["id"]}, ids(conns+"?limit=1&after="+cn["id"].(string)))
	r = c.do("GET", conns+"?limit=1", nil)
	assert.Contains(t, r.link("next"), "after="+cn["id"].(string))
	requireError(t, c.do("GET", conns+"?status=ON", nil), http.StatusBadRequest, "E0000001", "status")
	requireError(t, c.do("GET", conns+"?activeAppsOnly=perhaps", nil), http.StatusBadRequest, "E0000001", "activeAppsOnly")

	require.Equal(t, http.StatusOK, c.do("POST", "/api/v1/apps/"+drive+"/lifecycle/deactivate", nil).status)
	assert.Equal(t, []any{cn["id"]}, ids(conns+"?activeAppsOnly=true"))

	// The status is changed with a plain object, not JSON Patch.
	r = c.do("PATCH", cnURL, map[string]any{"status": "INACTIVE"})
	require.Equal(t, http.StatusOK, r.status, "%s", r.body)
	assert.Equal(t, "INACTIVE", r.obj(t)["status"])
	requireError(t, c.do("PATCH", cnURL, map[string]any{}), http.StatusBadRequest, "E0000001", "status")
	requireError(t, c.do("PATCH", cnURL, []any{map[string]any{"op": "replace", "path": "/status", "value": "ACTIVE"}}), http.StatusBadRequest, "E0000003")

	assert.Equal(t, http.StatusNoContent, c.do("DELETE", cnURL, nil).status)
	requireError(t, c.do("GET", cnURL, nil), http.StatusNotFound, "E0000007")
	assert.Equal(t, []any{cn2["id"]}, ids(conns))
}

func TestCrossAppAccessGoesWithTheApp(t *testing.T) {
	_, c := newServer(t)
	agent := c.createApp(oidcService("Agent", "client_secret_basic"))["id"].(string)
	gone := c.createApp(oidcService("Gone", "client_secret_basic"))["id"].(string)
	conns := "/api/v1/apps/" + agent + "/cwo/connections"
	cn := c.do("POST", conns, map[string]any{"resourceAppInstanceId": gone}).obj(t)
	require.Equal(t, http.StatusOK, c.do("POST", "/api/v1/apps/"+gone+"/lifecycle/deactivate", nil).status)
	require.Equal(t, http.StatusNoContent, c.do("DELETE", "/api/v1/apps/"+gone, nil).status)
	assert.Empty(t, c.do("GET", conns, nil).list(t))
	requireError(t, c.do("GET", conns+"/"+cn["id"].(string), nil), http.StatusNotFound, "E0000007")
}
