package oktatest_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestUpdateGroupAssignmentToApplication(t *testing.T) {
	srv, c := newServer(t)
	app := c.createApp(bookmark("patch"))["id"].(string)
	gid := srv.AddGroup("Finance")
	url := "/api/v1/apps/" + app + "/groups/" + gid
	r := c.do("PUT", url, map[string]any{"priority": 3, "profile": map[string]any{"role": "viewer", "region": "eu", "a/b": 1}})
	require.Equal(t, http.StatusOK, r.status, "%s", r.body)
	before := r.obj(t)

	r = c.do("PATCH", url, []any{
		map[string]any{"op": "replace", "path": "/profile/role", "value": "admin"},
		map[string]any{"op": "replace", "path": "/profile/tags", "value": []any{"x"}},
		map[string]any{"op": "remove", "path": "/profile/region"},
		map[string]any{"op": "remove", "path": "/profile/a~1b"},
		map[string]any{"op": "replace", "path": "/priority", "value": 0},
	})
	require.Equal(t, http.StatusOK, r.status, "%s", r.body)
	got := r.obj(t)
	assert.Equal(t, map[string]any{"role": "admin", "tags": []any{"x"}}, got["profile"])
	assert.EqualValues(t, 0, got["priority"])
	assert.Equal(t, gid, got["id"])
	assert.Equal(t, before["_links"], got["_links"])
	assert.Equal(t, got, c.do("GET", url, nil).obj(t))

	// No body changes nothing.
	r = c.do("PATCH", url, nil)
	require.Equal(t, http.StatusOK, r.status, "%s", r.body)
	assert.Equal(t, got, r.obj(t))

	// All or none: a failing operation leaves the assignment as it was.
	for _, tc := range []struct {
		name  string
		ops   []any
		field string
	}{
		{"add", []any{map[string]any{"op": "add", "path": "/profile/x", "value": 1}}, "op"},
		{"move", []any{map[string]any{"op": "move", "from": "/profile/role", "path": "/profile/x"}}, "op"},
		{"replace without value", []any{map[string]any{"op": "replace", "path": "/profile/role"}}, "value"},
		{"remove missing", []any{map[string]any{"op": "remove", "path": "/profile/nope"}}, "path"},
		{"server-owned", []any{map[string]any{"op": "replace", "path": "/id", "value": "00gOther"}}, "path"},
		{"not a pointer", []any{map[string]any{"op": "replace", "path": "profile", "value": 1}}, "path"},
		{"through a scalar", []any{map[string]any{"op": "replace", "path": "/priority/x", "value": 1}}, "path"},
		{"bad priority", []any{
			map[string]any{"op": "replace", "path": "/profile/role", "value": "owner"},
			map[string]any{"op": "replace", "path": "/priority", "value": "high"},
		}, "priority"},
		{"profile not an object", []any{map[string]any{"op": "replace", "path": "/profile", "value": "x"}}, "profile"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			requireError(t, c.do("PATCH", url, tc.ops), http.StatusBadRequest, "E0000001", tc.field)
			assert.Equal(t, got, c.do("GET", url, nil).obj(t))
		})
	}
	requireError(t, c.do("PATCH", url, map[string]any{"op": "replace"}), http.StatusBadRequest, "E0000003")
	requireError(t, c.do("PATCH", "/api/v1/apps/"+app+"/groups/00gNotAssigned", []any{}), http.StatusNotFound, "E0000007", "(ApplicationGroupAssignment)")
}
