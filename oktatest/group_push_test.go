package oktatest_test

import (
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gatekit/okta/oktatest"
)

func TestGroupPushMappingLifecycle(t *testing.T) {
	srv, c := newServer(t)
	app := c.createApp(bookmark("ad"))["id"].(string)
	src := srv.AddGroup("Engineering")
	target := srv.AddGroup("eng-ad")
	mappings := "/api/v1/apps/" + app + "/group-push/mappings"

	// createGroupPushMapping answers 200, as Okta does.
	appConfig := map[string]any{"type": "ACTIVE_DIRECTORY", "distinguishedName": "CN=eng,DC=example", "groupScope": "GLOBAL",
		"groupType": "SECURITY", "samAccountName": "eng"}
	r := c.do("POST", mappings, map[string]any{"sourceGroupId": src, "targetGroupId": target, "appConfig": appConfig})
	require.Equal(t, http.StatusOK, r.status, "%s", r.body)
	m := r.obj(t)
	assert.Regexp(t, `^gpm[0-9A-Za-z]{17}$`, m["id"])
	assert.Equal(t, src, m["sourceGroupId"])
	assert.Equal(t, target, m["targetGroupId"])
	assert.Equal(t, "ACTIVE", m["status"])
	assert.Equal(t, appConfig, m["appConfig"])
	assert.Regexp(t, oktaTimeRE, m["lastPush"])
	assert.Nil(t, m["errorSummary"])
	assert.Equal(t, srv.URL+"/api/v1/groups/"+src, get(m, "_links", "sourceGroup", "href"))
	assert.Equal(t, srv.URL+"/api/v1/apps/"+app, get(m, "_links", "app", "href"))
	mURL := mappings + "/" + m["id"].(string)

	got := c.do("GET", mURL, nil)
	require.Equal(t, http.StatusOK, got.status)
	assert.Equal(t, m, got.obj(t))

	// A source group is pushed once.
	requireError(t, c.do("POST", mappings, map[string]any{"sourceGroupId": src, "targetGroupName": "again"}), http.StatusBadRequest, "E0000001", "sourceGroupId")

	// An ACTIVE mapping cannot be deleted.
	requireError(t, c.do("DELETE", mURL+"?deleteTargetGroup=false", nil), http.StatusBadRequest, "E0000001", "status")
	r = c.do("PATCH", mURL, map[string]any{"status": "INACTIVE"})
	require.Equal(t, http.StatusOK, r.status, "%s", r.body)
	assert.Equal(t, "INACTIVE", r.obj(t)["status"])
	requireError(t, c.do("PATCH", mURL, map[string]any{"status": "ERROR"}), http.StatusBadRequest, "E0000001", "status")
	requireError(t, c.do("PATCH", mURL, map[string]any{}), http.StatusBadRequest, "E0000001", "status")
	requireError(t, c.do("DELETE", mURL+"?deleteTargetGroup=maybe", nil), http.StatusBadRequest, "E0000001", "deleteTargetGroup")

	// deleteGroupPushMapping answers 200, as Okta does; deleteTargetGroup
	// takes the target group with it.
	r = c.do("DELETE", mURL+"?deleteTargetGroup=true", nil)
	assert.Equal(t, http.StatusOK, r.status, "%s", r.body)
	assert.Empty(t, r.body)
	requireError(t, c.do("GET", mURL, nil), http.StatusNotFound, "E0000007", "(GroupPushMapping)")
	// The target group is gone: a mapping to it is refused.
	requireError(t, c.do("POST", mappings, map[string]any{"sourceGroupId": src, "targetGroupId": target}), http.StatusBadRequest, "E0000001", "targetGroupId")
}

func TestGroupPushMappingCreateRules(t *testing.T) {
	srv, c := newServer(t)
	app := c.createApp(bookmark("ad"))["id"].(string)
	src := srv.AddGroup("Sales")
	mappings := "/api/v1/apps/" + app + "/group-push/mappings"
	for _, tc := range []struct {
		name  string
		body  map[string]any
		field string
	}{
		{"no source", map[string]any{"targetGroupName": "x"}, "sourceGroupId"},
		{"unknown source", map[string]any{"sourceGroupId": "00gNope", "targetGroupName": "x"}, "sourceGroupId"},
		{"no target", map[string]any{"sourceGroupId": src}, "targetGroupId"},
		{"both targets", map[string]any{"sourceGroupId": src, "targetGroupId": src, "targetGroupName": "x"}, "targetGroupId"},
		{"unknown target", map[string]any{"sourceGroupId": src, "targetGroupId": "00gNope"}, "targetGroupId"},
		{"bad status", map[string]any{"sourceGroupId": src, "targetGroupName": "x", "status": "ERROR"}, "status"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			requireError(t, c.do("POST", mappings, tc.body), http.StatusBadRequest, "E0000001", tc.field)
		})
	}
	requireError(t, c.do("POST", mappings, map[string]any{"sourceGroupId": src, "appConfig": "AD"}), http.StatusBadRequest, "E0000003")

	// targetGroupName makes the group, INACTIVE mappings have not pushed.
	r := c.do("POST", mappings, map[string]any{"sourceGroupId": src, "targetGroupName": "sales-downstream", "status": "INACTIVE"})
	require.Equal(t, http.StatusOK, r.status, "%s", r.body)
	m := r.obj(t)
	assert.Regexp(t, `^00g`, m["targetGroupId"])
	assert.Nil(t, m["lastPush"])
	assert.NotContains(t, m, "appConfig")
	// ... and links to an existing group of that name.
	other := srv.AddGroup("Support")
	r = c.do("POST", mappings, map[string]any{"sourceGroupId": other, "targetGroupName": "sales-downstream"})
	require.Equal(t, http.StatusOK, r.status, "%s", r.body)
	assert.Equal(t, m["targetGroupId"], r.obj(t)["targetGroupId"])
}

func TestListGroupPushMappingsPagesAndFilters(t *testing.T) {
	clock := &fakeClock{now: time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)}
	srv, c := newServer(t, oktatest.WithClock(clock.Now))
	app := c.createApp(bookmark("ad"))["id"].(string)
	mappings := "/api/v1/apps/" + app + "/group-push/mappings"
	var ids, sources []string
	for i := range 5 {
		clock.Advance(time.Hour)
		src := srv.AddGroup("g" + string(rune('a'+i)))
		status := "ACTIVE"
		if i%2 == 1 {
			status = "INACTIVE"
		}
		r := c.do("POST", mappings, map[string]any{"sourceGroupId": src, "targetGroupName": "t" + src, "status": status})
		require.Equal(t, http.StatusOK, r.status, "%s", r.body)
		ids = append(ids, str(r.obj(t), "id"))
		sources = append(sources, src)
	}

	// Pages of two, by after and the next link.
	var seen []string
	next := mappings + "?limit=2"
	for range 10 {
		r := c.do("GET", next, nil)
		require.Equal(t, http.StatusOK, r.status)
		assert.NotEmpty(t, r.link("self"))
		for _, m := range r.list(t) {
			seen = append(seen, m["id"].(string))
		}
		if next = r.link("next"); next == "" {
			break
		}
	}
	assert.Equal(t, ids, seen)
	assert.Len(t, c.do("GET", mappings, nil).list(t), 5)

	ids2 := func(path string) []string {
		var out []string
		for _, m := range c.do("GET", path, nil).list(t) {
			out = append(out, m["id"].(string))
		}
		return out
	}
	assert.Equal(t, []string{ids[1], ids[3]}, ids2(mappings+"?status=INACTIVE"))
	assert.Equal(t, []string{ids[2]}, ids2(mappings+"?sourceGroupId="+sources[2]))
	since := url.QueryEscape("2026-03-01T16:00:00Z")
	assert.Equal(t, []string{ids[3], ids[4]}, ids2(mappings+"?lastUpdated="+since))
	requireError(t, c.do("GET", mappings+"?lastUpdated=yesterday", nil), http.StatusBadRequest, "E0000001", "lastUpdated")
	requireError(t, c.do("GET", mappings+"?status=PAUSED", nil), http.StatusBadRequest, "E0000001", "status")
	requireError(t, c.do("GET", mappings+"?limit=many", nil), http.StatusBadRequest, "E0000001", "limit")
}
