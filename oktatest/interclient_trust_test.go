package oktatest_test

import (
	"encoding/json"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestInterclientTrustMappings(t *testing.T) {
	_, c := newServer(t)
	target := c.createApp(oidcService("Target", "client_secret_basic"))["id"].(string)
	mobile := c.createApp(oidcService("Mobile", "client_secret_basic"))["id"].(string)
	web := c.createApp(oidcService("Web", "client_secret_basic"))["id"].(string)
	allowed := "/api/v1/apps/" + target + "/interclient-allowed-apps"

	strs := func(path string) []string {
		r := c.do("GET", path, nil)
		require.Equal(t, http.StatusOK, r.status, "%s", r.body)
		var out []string
		require.NoError(t, json.Unmarshal(r.body, &out))
		return out
	}
	assert.Equal(t, []string{}, strs(allowed))

	r := c.do("POST", allowed, map[string]any{"id": mobile})
	require.Equal(t, http.StatusCreated, r.status, "%s", r.body)
	m := r.obj(t)
	assert.Regexp(t, `^itm[0-9A-Za-z]{17}$`, m["id"])
	assert.Equal(t, target, m["appInstanceId"])
	assert.Equal(t, mobile, m["trustedAppInstanceId"])
	assert.Regexp(t, `^00o[0-9A-Za-z]{17}$`, m["orgId"])
	assert.Regexp(t, `^00u`, m["lastUpdatedBy"])
	assert.Regexp(t, oktaTimeRE, m["created"])
	require.Equal(t, http.StatusCreated, c.do("POST", allowed, map[string]any{"id": web}).status)

	requireError(t, c.do("POST", allowed, map[string]any{"id": mobile}), http.StatusBadRequest, "E0000001", "id")
	requireError(t, c.do("POST", allowed, map[string]any{"id": target}), http.StatusBadRequest, "E0000001", "id")
	requireError(t, c.do("POST", allowed, map[string]any{"id": "0oaUnknown"}), http.StatusBadRequest, "E0000001", "id")
	requireError(t, c.do("POST", allowed, map[string]any{}), http.StatusBadRequest, "E0000001", "id")
	requireError(t, c.do("POST", allowed, map[string]any{"id": 5}), http.StatusBadRequest, "E0000003")

	assert.Equal(t, []string{mobile, web}, strs(allowed))
	assert.Equal(t, []string{target}, strs("/api/v1/apps/"+mobile+"/interclient-target-apps"))
	assert.Equal(t, []string{}, strs("/api/v1/apps/"+target+"/interclient-target-apps"))

	assert.Equal(t, http.StatusNoContent, c.do("DELETE", allowed+"/"+mobile, nil).status)
	requireError(t, c.do("DELETE", allowed+"/"+mobile, nil), http.StatusNotFound, "E0000007", "(InterclientTrustMapping)")
	assert.Equal(t, []string{web}, strs(allowed))
	assert.Equal(t, []string{}, strs("/api/v1/apps/"+mobile+"/interclient-target-apps"))
}

func TestInterclientTrustGoesWithTheApp(t *testing.T) {
	_, c := newServer(t)
	target := c.createApp(oidcService("Target", "client_secret_basic"))["id"].(string)
	gone := c.createApp(oidcService("Gone", "client_secret_basic"))["id"].(string)
	allowed := "/api/v1/apps/" + target + "/interclient-allowed-apps"
	require.Equal(t, http.StatusCreated, c.do("POST", allowed, map[string]any{"id": gone}).status)
	require.Equal(t, http.StatusOK, c.do("POST", "/api/v1/apps/"+gone+"/lifecycle/deactivate", nil).status)
	require.Equal(t, http.StatusNoContent, c.do("DELETE", "/api/v1/apps/"+gone, nil).status)
	assert.Equal(t, "[]\n", string(c.do("GET", allowed, nil).body))
	requireError(t, c.do("DELETE", allowed+"/"+gone, nil), http.StatusNotFound, "E0000007")
}
