package oktatest_test

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestAppUsers(t *testing.T) {
	srv, c := newServer(t)
	app := "/api/v1/apps/" + c.createApp(bookmark("users"))["id"].(string)
	ada := srv.AddUser("ada@example.com")
	assert.Regexp(t, `^00u[0-9A-Za-z]{17}$`, ada)

	r := c.do("POST", app+"/users", map[string]any{
		"id": ada, "scope": "USER",
		"credentials": map[string]any{"userName": "ada", "password": map[string]any{"value": "s3cret!"}},
		"profile":     map[string]any{"role": "admin", "level": 3, "on": false},
	})
	require.Equal(t, http.StatusOK, r.status, "%s", r.body)
	au := r.obj(t)
	assert.Equal(t, ada, au["id"])
	assert.Equal(t, "ACTIVE", au["status"])
	assert.Equal(t, "USER", au["scope"])
	assert.Equal(t, "ada", str(au, "credentials", "userName"))
	assert.Nil(t, get(au, "credentials", "password"), "the password never comes back, nor an empty password")
	assert.NotContains(t, string(r.body), "s3cret!")
	profile := au["profile"].(map[string]any)
	assert.Subset(t, profile, map[string]any{"role": "admin", "level": float64(3), "on": false,
		"email": "ada@example.com", "given_name": "ada", "family_name": "Test", "locale": "en_US"})
	assert.GreaterOrEqual(t, len(profile), 18, "the app user schema's attributes")
	assert.Regexp(t, oktaTimeRE, au["created"])
	assert.Equal(t, srv.URL+"/api/v1/users/"+ada, str(au, "_links", "user", "href"))
	assert.Equal(t, srv.URL+app, str(au, "_links", "app", "href"))

	got := c.do("GET", app+"/users/"+ada, nil)
	require.Equal(t, http.StatusOK, got.status)
	assert.Equal(t, au, got.obj(t))

	r = c.do("POST", app+"/users/"+ada, map[string]any{"profile": map[string]any{"role": "viewer"}})
	require.Equal(t, http.StatusOK, r.status, "%s", r.body)
	assert.Equal(t, "viewer", str(r.obj(t), "profile", "role"))
	assert.Equal(t, "ada", str(r.obj(t), "credentials", "userName"))

	requireError(t, c.do("POST", app+"/users", map[string]any{"scope": "USER"}), http.StatusBadRequest, "E0000001", "id")
	requireError(t, c.do("POST", app+"/users", map[string]any{"id": "00uNobody"}), http.StatusNotFound, "E0000007", "(User)")
	requireError(t, c.do("POST", app+"/users", `{"id": "`+ada+`", "profile": []}`), http.StatusBadRequest, "E0000003")
	requireError(t, c.do("GET", app+"/users/00uNobody", nil), http.StatusNotFound, "E0000007")
	requireError(t, c.do("POST", app+"/users/00uNobody", map[string]any{}), http.StatusNotFound, "E0000007")

	// Paging over assignments, and q on the user's name.
	var ids []string
	for i := range 7 {
		id := srv.AddUser(fmt.Sprintf("user%d@example.com", i))
		ids = append(ids, id)
		require.Equal(t, http.StatusOK, c.do("POST", app+"/users", map[string]any{"id": id}).status)
	}
	seen := []string{}
	next := app + "/users?limit=3"
	for next != "" {
		r := c.do("GET", next, nil)
		for _, u := range r.list(t) {
			seen = append(seen, u["id"].(string))
		}
		next = r.link("next")
	}
	assert.Equal(t, append([]string{ada}, ids...), seen)
	assert.Len(t, c.do("GET", app+"/users?q=USER", nil).list(t), 7)
	assert.Len(t, c.do("GET", app+"/users?q=ada", nil).list(t), 1)

	assert.Equal(t, http.StatusNoContent, c.do("DELETE", app+"/users/"+ada+"?sendEmail=true", nil).status)
	requireError(t, c.do("GET", app+"/users/"+ada, nil), http.StatusNotFound, "E0000007")
	requireError(t, c.do("DELETE", app+"/users/"+ada, nil), http.StatusNotFound, "E0000007")
}

func TestAppGroups(t *testing.T) {
	srv, c := newServer(t)
	app := "/api/v1/apps/" + c.createApp(bookmark("groups"))["id"].(string)
	eng := srv.AddGroup("Engineering")
	ops := srv.AddGroup("Operations")
	assert.Regexp(t, `^00g[0-9A-Za-z]{17}$`, eng)

	r := c.do("PUT", app+"/groups/"+eng, nil)
	require.Equal(t, http.StatusOK, r.status, "%s", r.body)
	g := r.obj(t)
	assert.Equal(t, eng, g["id"])
	assert.Equal(t, float64(0), g["priority"])
	assert.Equal(t, map[string]any{}, g["profile"])
	assert.Regexp(t, oktaTimeRE, g["lastUpdated"])
	assert.Equal(t, srv.URL+"/api/v1/groups/"+eng, str(g, "_links", "group", "href"))

	r = c.do("PUT", app+"/groups/"+ops, map[string]any{"priority": 5, "profile": map[string]any{"team": "ops"}})
	require.Equal(t, http.StatusOK, r.status, "%s", r.body)
	assert.Equal(t, float64(5), r.obj(t)["priority"])
	assert.Equal(t, "ops", str(r.obj(t), "profile", "team"))

	got := c.do("GET", app+"/groups/"+ops, nil)
	require.Equal(t, http.StatusOK, got.status)
	assert.Equal(t, r.obj(t), got.obj(t))

	list := c.do("GET", app+"/groups", nil).list(t)
	require.Len(t, list, 2)
	assert.Equal(t, eng, list[0]["id"])
	assert.Len(t, c.do("GET", app+"/groups?q=oper", nil).list(t), 1)
	page := c.do("GET", app+"/groups?limit=1", nil)
	assert.Len(t, page.list(t), 1)
	assert.Len(t, c.do("GET", page.link("next"), nil).list(t), 1)

	requireError(t, c.do("PUT", app+"/groups/00gNothing", nil), http.StatusNotFound, "E0000007", "(UserGroup)")
	requireError(t, c.do("PUT", app+"/groups/"+eng, `{"priority": "high"}`), http.StatusBadRequest, "E0000003")
	assert.Equal(t, http.StatusNoContent, c.do("DELETE", app+"/groups/"+eng, nil).status)
	requireError(t, c.do("GET", app+"/groups/"+eng, nil), http.StatusNotFound, "E0000007")
	requireError(t, c.do("DELETE", app+"/groups/"+eng, nil), http.StatusNotFound, "E0000007")
}

func TestOAuth2Tokens(t *testing.T) {
	srv, c := newServer(t)
	id := c.createApp(map[string]any{"label": "oidc", "signOnMode": "OPENID_CONNECT"})["id"].(string)
	app := "/api/v1/apps/" + id
	user := srv.AddUser("tok@example.com")
	var tokens []string
	for range 25 {
		tokens = append(tokens, srv.AddOAuth2Token(id, user, "openid", "offline_access"))
	}
	assert.Regexp(t, `^oar[0-9A-Za-z]{17}$`, tokens[0])

	first := c.do("GET", app+"/tokens", nil)
	require.Equal(t, http.StatusOK, first.status)
	assert.Len(t, first.list(t), 20)
	second := c.do("GET", first.link("next"), nil)
	assert.Len(t, second.list(t), 5)
	assert.Empty(t, second.link("next"))

	r := c.do("GET", app+"/tokens/"+tokens[3], nil)
	require.Equal(t, http.StatusOK, r.status)
	tok := r.obj(t)
	assert.Equal(t, "ACTIVE", tok["status"])
	assert.Equal(t, id, tok["clientId"])
	assert.Equal(t, user, tok["userId"])
	assert.Equal(t, []any{"openid", "offline_access"}, tok["scopes"])
	assert.Regexp(t, oktaTimeRE, tok["expiresAt"])
	assert.Equal(t, srv.URL+app, str(tok, "_links", "app", "href"))

	assert.Equal(t, http.StatusNoContent, c.do("DELETE", app+"/tokens/"+tokens[3], nil).status)
	requireError(t, c.do("GET", app+"/tokens/"+tokens[3], nil), http.StatusNotFound, "E0000007")
	requireError(t, c.do("DELETE", app+"/tokens/"+tokens[3], nil), http.StatusNotFound, "E0000007")
	assert.Equal(t, http.StatusNoContent, c.do("DELETE", app+"/tokens", nil).status)
	assert.Empty(t, c.do("GET", app+"/tokens", nil).list(t))

	assert.Panics(t, func() { srv.AddOAuth2Token("0oaNone", user) })
}

func TestScopeConsentGrants(t *testing.T) {
	srv, c := newServer(t)
	id := c.createApp(map[string]any{"label": "svc", "signOnMode": "OPENID_CONNECT"})["id"].(string)
	app := "/api/v1/apps/" + id
	seeded := srv.AddScopeConsentGrant(id, "okta.users.read")

	r := c.do("POST", app+"/grants", map[string]any{"issuer": srv.URL, "scopeId": "okta.apps.read"})
	require.Equal(t, http.StatusOK, r.status, "%s", r.body)
	g := r.obj(t)
	assert.Regexp(t, `^oag[0-9A-Za-z]{17}$`, g["id"])
	assert.Equal(t, "okta.apps.read", g["scopeId"])
	assert.Equal(t, srv.URL, g["issuer"])
	assert.Equal(t, "ACTIVE", g["status"])
	assert.Equal(t, "ADMIN", g["source"])
	assert.Equal(t, "User", str(g, "createdBy", "type"))
	assert.NotEmpty(t, str(g, "createdBy", "id"))

	requireError(t, c.do("POST", app+"/grants", map[string]any{"scopeId": "x"}), http.StatusBadRequest, "E0000001", "issuer")
	requireError(t, c.do("POST", app+"/grants", map[string]any{"issuer": srv.URL}), http.StatusBadRequest, "E0000001", "scopeId")

	list := c.do("GET", app+"/grants", nil).list(t)
	require.Len(t, list, 2)
	assert.Equal(t, seeded, list[0]["id"])
	got := c.do("GET", app+"/grants/"+g["id"].(string), nil)
	require.Equal(t, http.StatusOK, got.status)
	assert.Equal(t, g, got.obj(t))
	assert.Equal(t, http.StatusNoContent, c.do("DELETE", app+"/grants/"+seeded, nil).status)
	requireError(t, c.do("GET", app+"/grants/"+seeded, nil), http.StatusNotFound, "E0000007")
	assert.Len(t, c.do("GET", app+"/grants", nil).list(t), 1)
}

func TestProvisioningAndFeatures(t *testing.T) {
	_, c := newServer(t)
	app := "/api/v1/apps/" + c.createApp(map[string]any{"label": "scim", "signOnMode": "SAML_2_0"})["id"].(string)
	conn := app + "/connections/default"

	r := c.do("GET", conn, nil)
	require.Equal(t, http.StatusOK, r.status)
	assert.Equal(t, "UNKNOWN", r.obj(t)["authScheme"])
	assert.Equal(t, "DISABLED", r.obj(t)["status"])
	assert.Empty(t, c.do("GET", app+"/features", nil).list(t))
	requireError(t, c.do("GET", app+"/features/USER_PROVISIONING", nil), http.StatusNotFound, "E0000007")
	requireError(t, c.do("POST", conn+"/lifecycle/activate", nil), http.StatusBadRequest, "E0000001")

	requireError(t, c.do("POST", conn, map[string]any{}), http.StatusBadRequest, "E0000001", "profile")
	requireError(t, c.do("POST", conn, map[string]any{"profile": map[string]any{"authScheme": "TOKEN"}}),
		http.StatusBadRequest, "E0000001", "profile.token")
	requireError(t, c.do("POST", conn, map[string]any{"profile": map[string]any{"authScheme": "BASIC", "token": "t"}}),
		http.StatusBadRequest, "E0000001", "profile.authScheme")

	r = c.do("POST", conn, map[string]any{"profile": map[string]any{"authScheme": "TOKEN", "token": "scim-token"}})
	require.Equal(t, http.StatusOK, r.status, "%s", r.body)
	assert.Equal(t, "TOKEN", r.obj(t)["authScheme"])
	assert.Equal(t, "DISABLED", r.obj(t)["status"])
	r = c.do("POST", conn+"?activate=true", map[string]any{"profile": map[string]any{"authScheme": "TOKEN", "token": "scim-token"}})
	require.Equal(t, http.StatusOK, r.status, "%s", r.body)
	assert.Equal(t, "ENABLED", r.obj(t)["status"])

	features := c.do("GET", app+"/features", nil).list(t)
	require.Len(t, features, 1)
	assert.Equal(t, "USER_PROVISIONING", features[0]["name"])
	assert.Equal(t, "ENABLED", features[0]["status"])
	assert.Equal(t, "DISABLED", str(features[0], "capabilities", "create", "lifecycleCreate", "status"))

	assert.Equal(t, http.StatusNoContent, c.do("POST", conn+"/lifecycle/deactivate", nil).status)
	assert.Equal(t, "DISABLED", c.do("GET", conn, nil).obj(t)["status"])
	assert.Equal(t, "DISABLED", c.do("GET", app+"/features/USER_PROVISIONING", nil).obj(t)["status"])
	assert.Equal(t, http.StatusNoContent, c.do("POST", conn+"/lifecycle/activate", nil).status)
	assert.Equal(t, "ENABLED", c.do("GET", conn, nil).obj(t)["status"])

	r = c.do("PUT", app+"/features/USER_PROVISIONING", map[string]any{
		"create": map[string]any{"lifecycleCreate": map[string]any{"status": "ENABLED"}},
		"update": map[string]any{"password": map[string]any{"status": "ENABLED", "change": "CHANGE"}},
	})
	require.Equal(t, http.StatusOK, r.status, "%s", r.body)
	f := r.obj(t)
	assert.Equal(t, "ENABLED", str(f, "capabilities", "create", "lifecycleCreate", "status"))
	assert.Equal(t, "CHANGE", str(f, "capabilities", "update", "password", "change"))
	assert.Equal(t, "RANDOM", str(f, "capabilities", "update", "password", "seed"))
	assert.Equal(t, "DISABLED", str(f, "capabilities", "update", "profile", "status"))
	assert.Equal(t, f, c.do("GET", app+"/features/USER_PROVISIONING", nil).obj(t))

	requireError(t, c.do("PUT", app+"/features/USER_PROVISIONING", map[string]any{
		"update": map[string]any{"profile": map[string]any{"status": "MAYBE"}},
	}), http.StatusBadRequest, "E0000001", "update.profile.status")
	// A known feature the app has not is refused as Okta does.
	requireError(t, c.do("GET", app+"/features/INBOUND_PROVISIONING", nil), http.StatusUnauthorized, "E0000015")
	requireError(t, c.do("PUT", app+"/features/INBOUND_PROVISIONING", map[string]any{}), http.StatusUnauthorized, "E0000015")
	requireError(t, c.do("GET", app+"/features/NO_SUCH_FEATURE", nil), http.StatusNotFound, "E0000007")
}
