package oktatest_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestUserProvisioningConnectionJWKS(t *testing.T) {
	_, c := newServer(t)
	org2org := c.createApp(map[string]any{"name": "okta_org2org", "label": "Partner org", "signOnMode": "SAML_2_0"})["id"].(string)
	url := "/api/v1/apps/" + org2org + "/connections/default/jwks"
	r := c.do("GET", url, nil)
	require.Equal(t, http.StatusOK, r.status, "%s", r.body)
	keys, ok := get(r.obj(t), "jwks", "keys").([]any)
	require.True(t, ok, "%s", r.body)
	require.Len(t, keys, 1)
	key := keys[0].(map[string]any)
	checkJWK(t, key)
	assert.Equal(t, "sig", key["use"])
	// The keys stay the same from read to read.
	assert.Equal(t, r.obj(t), c.do("GET", url, nil).obj(t))

	bm := c.createApp(bookmark("no-connection"))["id"].(string)
	requireError(t, c.do("GET", "/api/v1/apps/"+bm+"/connections/default/jwks", nil), http.StatusNotFound, "E0000007")
}

func TestVerifyProvisioningConnection(t *testing.T) {
	_, c := newServer(t)
	app := c.createApp(map[string]any{"name": "zoomus", "label": "Zoom", "signOnMode": "SAML_2_0"})["id"].(string)
	callback := "/api/v1/apps/zoomus/" + app + "/oauth2/callback"

	requireError(t, c.do("POST", callback, nil), http.StatusBadRequest, "E0000001", "code")
	requireError(t, c.do("POST", "/api/v1/apps/salesforce/"+app+"/oauth2/callback?code=x", nil), http.StatusBadRequest, "E0000001", "appName")
	requireError(t, c.do("POST", "/api/v1/apps/slack/"+app+"/oauth2/callback?code=x", nil), http.StatusNotFound, "E0000007", "(AppInstance)")
	assert.Equal(t, "UNKNOWN", c.do("GET", "/api/v1/apps/"+app+"/connections/default", nil).obj(t)["authScheme"])

	r := c.do("POST", callback+"?code=consent-code&state=xyz", nil)
	assert.Equal(t, http.StatusNoContent, r.status, "%s", r.body)
	conn := c.do("GET", "/api/v1/apps/"+app+"/connections/default", nil).obj(t)
	assert.Equal(t, "OAUTH2", conn["authScheme"])
	assert.Equal(t, "ENABLED", conn["status"])
}
