package oktatest_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestAssignApplicationPolicy(t *testing.T) {
	srv, c := newServer(t)
	app := c.createApp(oidcService("policy", "client_secret_basic"))["id"].(string)
	def := srv.DefaultPolicy()
	assert.Regexp(t, `^rst[0-9A-Za-z]{17}$`, def)
	assert.Equal(t, def, srv.AppPolicy(app))

	strict := srv.AddPolicy("Strict")
	r := c.do("PUT", "/api/v1/apps/"+app+"/policies/"+strict, nil)
	assert.Equal(t, http.StatusNoContent, r.status, "%s", r.body)
	assert.Empty(t, r.body)
	assert.Equal(t, strict, srv.AppPolicy(app))
	// Assigning replaces the previous assignment, the default included.
	require.Equal(t, http.StatusNoContent, c.do("PUT", "/api/v1/apps/"+app+"/policies/"+def, nil).status)
	assert.Equal(t, def, srv.AppPolicy(app))

	requireError(t, c.do("PUT", "/api/v1/apps/"+app+"/policies/rstUnknown", nil), http.StatusNotFound, "E0000007", "rstUnknown (Policy)")
	assert.Equal(t, def, srv.AppPolicy(app))
	assert.Panics(t, func() { srv.AppPolicy("0oaMissing") })
}

// TestAccessPolicyLinkNamesTheAssignedPolicy: an OIDC client's
// _links.accessPolicy is how a user of the binary finds the policy the app
// uses, before and after assignApplicationPolicy.
func TestAccessPolicyLinkNamesTheAssignedPolicy(t *testing.T) {
	srv, c := newServer(t)
	id := c.createApp(oidcService("policy link", "client_secret_basic"))["id"].(string)
	policyLink := func() string {
		got := c.do("GET", "/api/v1/apps/"+id, nil).obj(t)
		return get(got, "_links", "accessPolicy", "href").(string)
	}
	assert.True(t, strings.HasSuffix(policyLink(), "/api/v1/policies/"+srv.DefaultPolicy()), policyLink())
	other := srv.AddPolicy("Stricter")
	require.Equal(t, http.StatusNoContent, c.do("PUT", "/api/v1/apps/"+id+"/policies/"+other, nil).status)
	assert.True(t, strings.HasSuffix(policyLink(), "/api/v1/policies/"+other), policyLink())
}
