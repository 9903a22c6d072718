package oktatest_test

import (
	"net/http"
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
