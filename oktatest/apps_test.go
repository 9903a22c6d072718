package oktatest_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCommonHeadersAndAuth(t *testing.T) {
	_, c := newServer(t)

	ok := c.do("GET", "/api/v1/apps", nil)
	require.Equal(t, http.StatusOK, ok.status)
	assert.Equal(t, "application/json", ok.header.Get("Content-Type"))
	assert.NotEmpty(t, ok.header.Get("Date"))
	assert.NotEmpty(t, ok.header.Get("X-Rate-Limit-Limit"))
	assert.NotEmpty(t, ok.header.Get("X-Rate-Limit-Remaining"))
	assert.Regexp(t, `^\d{10}$`, ok.header.Get("X-Rate-Limit-Reset"))
	again := c.do("GET", "/api/v1/apps", nil)
	assert.NotEmpty(t, ok.header.Get("X-Okta-Request-Id"))
	assert.NotEqual(t, ok.header.Get("X-Okta-Request-Id"), again.header.Get("X-Okta-Request-Id"))

	for name, cl := range map[string]*client{
		"no token":    c.as(""),
		"wrong token": c.as("00nope"),
	} {
		t.Run(name, func(t *testing.T) {
			r := cl.do("GET", "/api/v1/apps", nil)
			requireError(t, r, http.StatusUnauthorized, "E0000011", "Invalid token provided")
			assert.NotEmpty(t, r.header.Get("X-Okta-Request-Id"))
		})
	}
	r := c.do("GET", "/api/v1/apps", nil, "Authorization", "Bearer "+c.token)
	requireError(t, r, http.StatusUnauthorized, "E0000011")
}

func TestUnknownRouteAndMethod(t *testing.T) {
	_, c := newServer(t)
	requireError(t, c.do("GET", "/api/v1/nothing", nil), http.StatusNotFound, "E0000007")
	r := c.do("PATCH", "/api/v1/apps", nil)
	requireError(t, r, http.StatusMethodNotAllowed, "E0000022")
	assert.Equal(t, "GET, POST", r.header.Get("Allow"))
	r = c.do("GET", "/api/v1/api-tokens/current", nil)
	requireError(t, r, http.StatusMethodNotAllowed, "E0000022")
}

func TestCreateApplicationNamesAndDefaults(t *testing.T) {
	_, c := newServer(t)
	for _, tc := range []struct {
		mode, name, want, link string
		signs                  bool
	}{
		{"BOOKMARK", "", "bookmark", "login", false},
		{"BASIC_AUTH", "", "template_basic_auth", "login", false},
		{"OPENID_CONNECT", "", "oidc_client", "oidc_client_link", true},
		{"SECURE_PASSWORD_STORE", "", "template_sps", "login", false},
		{"WS_FEDERATION", "", "template_wsfed", "login", true},
		{"BROWSER_PLUGIN", "template_swa", "template_swa", "login", false},
		{"AUTO_LOGIN", "", "oktatest_mylabel_1", "oktatest_mylabel_1_link", false},
		{"SAML_2_0", "", "oktatest_mylabel_2", "oktatest_mylabel_2_link", true},
		{"SAML_1_1", "", "oktatest_mylabel_3", "oktatest_mylabel_3_link", true},
		{"SOMETHING_NEW", "Salesforce", "salesforce", "login", false},
	} {
		t.Run(tc.mode, func(t *testing.T) {
			body := map[string]any{"label": "My Label", "signOnMode": tc.mode}
			if tc.name != "" {
				body["name"] = tc.name
			}
			a := c.createApp(body)
			id := a["id"].(string)
			assert.Equal(t, tc.want, a["name"])
			assert.Regexp(t, appIDRE, id)
			assert.Equal(t, "ACTIVE", a["status"])
			assert.Regexp(t, oktaTimeRE, a["created"])
			assert.Equal(t, a["created"], a["lastUpdated"])
			assert.Regexp(t, `^orn:okta:idp:00o\w{17}:apps:`+tc.want+`:`+id+`$`, a["orn"])
			assert.Equal(t, tc.signs, str(a, "credentials", "signing", "kid") != "", "signing.kid")
			assert.Nil(t, get(a, "_links", "self"), "an app has no self link")
			assert.Equal(t, tc.mode == "SAML_2_0", get(a, "_links", "metadata") != nil, "metadata")
			assert.Nil(t, get(a, "_links", "uploadLogo"))
			for _, rel := range []string{"users", "groups", "deactivate"} {
				assert.True(t, strings.HasPrefix(str(a, "_links", rel, "href"), c.srv.URL+"/"), rel)
			}
			assert.Len(t, get(a, "_links", "logo"), 1)
			require.Len(t, get(a, "_links", "appLinks"), 1)
			al := get(a, "_links", "appLinks").([]any)[0]
			assert.Equal(t, tc.link, str(al, "name"))
			assert.Regexp(t, `^`+c.srv.URL+`/home/`+tc.want+`/`+id+`/aln\w{17}$`, str(al, "href"))
			assert.Equal(t, true, get(a, "visibility", "appLinks", tc.link))
		})
	}
}

func TestCreateApplicationKeepsEveryMember(t *testing.T) {
	_, c := newServer(t)
	sent := `{
		"label": "Lossless", "signOnMode": "BOOKMARK",
		"visibility": {"autoSubmitToolbar": false, "hide": {"iOS": true, "web": false}, "appLinks": {"login": false}},
		"accessibility": {"selfService": false, "errorRedirectUrl": "", "loginRedirectUrl": null},
		"licensing": {"seatCount": 0},
		"profile": {"n": 12345678901234567890, "f": 1.50, "s": "", "b": false, "a": [1, "x", null]},
		"settings": {"app": {"url": "https://e.example", "requestIntegration": false, "zzz": 0},
		             "manualProvisioning": false, "emOptInStatus": "NOT_ENABLED"}
	}`
	r := c.do("POST", "/api/v1/apps", sent)
	require.Equal(t, http.StatusOK, r.status, "%s", r.body)
	got := decodeNumbers(t, r.body)
	requireSubset(t, decodeNumbers(t, []byte(sent)), got, "")
	// Numbers come back with the digits sent.
	assert.Contains(t, string(r.body), `"n":12345678901234567890`)
	assert.Contains(t, string(r.body), `"f":1.50`)

	// And again from a GET.
	g := c.do("GET", "/api/v1/apps/"+got["id"].(string), nil)
	assert.Equal(t, decodeNumbers(t, r.body), decodeNumbers(t, g.body))

	// The members only the server writes are its own.
	r = c.do("POST", "/api/v1/apps", `{"label": "x", "signOnMode": "BOOKMARK", "orn": "orn:okta:x",
		"universalLogout": {"status": "ENABLED"}}`)
	require.Equal(t, http.StatusOK, r.status, "%s", r.body)
	assert.NotEqual(t, "orn:okta:x", r.obj(t)["orn"])
	assert.Equal(t, "DISABLED", str(r.obj(t), "universalLogout", "status"))
}

// requireSubset checks that every member of want, at any depth, is in got
// with the same value.
func requireSubset(t *testing.T, want, got map[string]any, path string) {
	t.Helper()
	for k, v := range want {
		g, ok := got[k]
		require.True(t, ok, "%s%s is missing", path, k)
		if wm, isMap := v.(map[string]any); isMap {
			gm, _ := g.(map[string]any)
			require.NotNil(t, gm, "%s%s is not an object", path, k)
			requireSubset(t, wm, gm, path+k+".")
			continue
		}
		require.Equal(t, v, g, "%s%s", path, k)
	}
}

func decodeNumbers(t *testing.T, b []byte) map[string]any {
	t.Helper()
	d := json.NewDecoder(strings.NewReader(string(b)))
	d.UseNumber()
	var m map[string]any
	require.NoError(t, d.Decode(&m))
	return m
}

func TestCreateOIDCApplication(t *testing.T) {
	_, c := newServer(t)
	web := c.createApp(map[string]any{
		"label": "Web", "signOnMode": "OPENID_CONNECT",
		"settings": map[string]any{"oauthClient": map[string]any{
			"application_type": "web", "redirect_uris": []string{"https://a.example/cb"},
			"grant_types": []string{"authorization_code", "urn:ietf:params:oauth:grant-type:device_code"},
		}},
	})
	assert.Equal(t, web["id"], str(web, "credentials", "oauthClient", "client_id"))
	assert.Equal(t, "client_secret_basic", str(web, "credentials", "oauthClient", "token_endpoint_auth_method"))
	secret := str(web, "credentials", "oauthClient", "client_secret")
	assert.Len(t, secret, 40)
	assert.Equal(t, []any{"authorization_code", "urn:ietf:params:oauth:grant-type:device_code"},
		get(web, "settings", "oauthClient", "grant_types"))

	// The secret is write-only: a read does not show it; a replace that
	// leaves it out keeps it without showing it; one that changes it shows
	// the new one.
	id := web["id"].(string)
	got := c.do("GET", "/api/v1/apps/"+id, nil).obj(t)
	assert.Nil(t, get(got, "credentials", "oauthClient", "client_secret"))
	assert.Equal(t, id, str(got, "credentials", "oauthClient", "client_id"))
	assert.NotContains(t, string(c.do("GET", "/api/v1/apps", nil).body), secret)
	delete(web["credentials"].(map[string]any)["oauthClient"].(map[string]any), "client_secret")
	web["label"] = "Web 2"
	r := c.do("PUT", "/api/v1/apps/"+id, web)
	require.Equal(t, http.StatusOK, r.status, "%s", r.body)
	assert.Nil(t, get(r.obj(t), "credentials", "oauthClient", "client_secret"))
	assert.Equal(t, "client_secret_basic", str(r.obj(t), "credentials", "oauthClient", "token_endpoint_auth_method"))
	web["credentials"].(map[string]any)["oauthClient"].(map[string]any)["client_secret"] = "a-new-secret-of-the-client"
	r = c.do("PUT", "/api/v1/apps/"+id, web)
	require.Equal(t, http.StatusOK, r.status, "%s", r.body)
	assert.Equal(t, "a-new-secret-of-the-client", str(r.obj(t), "credentials", "oauthClient", "client_secret"))
	assert.NotContains(t, string(c.do("GET", "/api/v1/apps/"+id, nil).body), "a-new-secret")

	spa := c.createApp(map[string]any{
		"label": "SPA", "signOnMode": "OPENID_CONNECT",
		"settings": map[string]any{"oauthClient": map[string]any{"application_type": "browser"}},
	})
	assert.Equal(t, "none", str(spa, "credentials", "oauthClient", "token_endpoint_auth_method"))
	assert.Nil(t, get(spa, "credentials", "oauthClient", "client_secret"))
}

func TestCreateApplicationValidation(t *testing.T) {
	_, c := newServer(t)
	e := requireError(t, c.do("POST", "/api/v1/apps", map[string]any{"signOnMode": "BOOKMARK"}),
		http.StatusBadRequest, "E0000001", "Api validation failed: label")
	assert.Equal(t, []string{"label: Property is required."}, causes(e))

	requireError(t, c.do("POST", "/api/v1/apps", map[string]any{"label": "x", "signOnMode": "NEW_MODE"}),
		http.StatusBadRequest, "E0000001", "signOnMode")
	requireError(t, c.do("POST", "/api/v1/apps", map[string]any{"label": "x", "signOnMode": "BROWSER_PLUGIN"}),
		http.StatusBadRequest, "E0000001", "name")
	requireError(t, c.do("POST", "/api/v1/apps", map[string]any{"label": "x"}),
		http.StatusBadRequest, "E0000001", "name")
	requireError(t, c.do("POST", "/api/v1/apps", `{"label": "x",`), http.StatusBadRequest, "E0000003",
		"The request body was not well-formed")
	requireError(t, c.do("POST", "/api/v1/apps", `{"label": 7}`), http.StatusBadRequest, "E0000003")
	requireError(t, c.do("POST", "/api/v1/apps", `[]`), http.StatusBadRequest, "E0000003")
	requireError(t, c.do("POST", "/api/v1/apps", nil), http.StatusBadRequest, "E0000003")
	requireError(t, c.do("POST", "/api/v1/apps?activate=perhaps", bookmark("x")), http.StatusBadRequest, "E0000001", "activate")
	r := c.do("POST", "/api/v1/apps", []byte(`{"label":"x"}`), "Content-Type", "text/plain")
	requireError(t, r, http.StatusUnsupportedMediaType, "E0000001")
}

func TestApplicationLifecycle(t *testing.T) {
	_, c := newServer(t)
	a := c.createApp(bookmark("life"), "activate=false")
	id := a["id"].(string)
	assert.Equal(t, "INACTIVE", a["status"])
	assert.NotEmpty(t, str(a, "_links", "activate", "href"))
	assert.Nil(t, get(a, "_links", "deactivate"))

	r := c.do("POST", "/api/v1/apps/"+id+"/lifecycle/activate", nil)
	require.Equal(t, http.StatusOK, r.status)
	assert.JSONEq(t, `{}`, string(r.body))
	got := c.do("GET", "/api/v1/apps/"+id, nil).obj(t)
	assert.Equal(t, "ACTIVE", got["status"])

	e := requireError(t, c.do("DELETE", "/api/v1/apps/"+id, nil), http.StatusBadRequest, "E0000001")
	assert.Contains(t, causes(e)[0], "active")

	require.Equal(t, http.StatusOK, c.do("POST", "/api/v1/apps/"+id+"/lifecycle/deactivate", nil).status)
	assert.Equal(t, "INACTIVE", c.do("GET", "/api/v1/apps/"+id, nil).obj(t)["status"])
	assert.Equal(t, http.StatusNoContent, c.do("DELETE", "/api/v1/apps/"+id, nil).status)
	requireError(t, c.do("GET", "/api/v1/apps/"+id, nil), http.StatusNotFound, "E0000007",
		"Not found: Resource not found: "+id+" (AppInstance)")
}

func TestUpdateApplicationReplaces(t *testing.T) {
	_, c := newServer(t)
	body := bookmark("before")
	body["extra"] = map[string]any{"keep": "only if sent"}
	a := c.createApp(body)
	id := a["id"].(string)

	// A replace that sends no status or id cannot change them, and what
	// it leaves out is gone.
	put := bookmark("after")
	put["status"] = "INACTIVE"
	put["id"] = "0oaSomethingElse0000"
	r := c.do("PUT", "/api/v1/apps/"+id, put)
	require.Equal(t, http.StatusOK, r.status, "%s", r.body)
	u := r.obj(t)
	assert.Equal(t, id, u["id"])
	assert.Equal(t, "ACTIVE", u["status"])
	assert.Equal(t, "after", u["label"])
	assert.Equal(t, "bookmark", u["name"])
	assert.Equal(t, a["created"], u["created"])
	assert.Nil(t, u["extra"])
	assert.Equal(t, str(a, "credentials", "signing", "kid"), str(u, "credentials", "signing", "kid"))

	requireError(t, c.do("PUT", "/api/v1/apps/"+id, map[string]any{"signOnMode": "BOOKMARK"}),
		http.StatusBadRequest, "E0000001", "label")
	assert.Equal(t, "after", c.do("GET", "/api/v1/apps/"+id, nil).obj(t)["label"])
	requireError(t, c.do("PUT", "/api/v1/apps/0oa00000000000000000", bookmark("x")), http.StatusNotFound, "E0000007")
}

// TestUnknownAppEverywhere checks that every operation under an app
// answers 404 for an app that does not exist.
func TestUnknownAppEverywhere(t *testing.T) {
	_, c := newServer(t)
	const app = "/api/v1/apps/0oaNoSuchApp000000000"
	for _, tc := range []struct{ method, path, body string }{
		{"GET", "", ""}, {"PUT", "", `{"label":"x","signOnMode":"BOOKMARK"}`}, {"DELETE", "", ""},
		{"POST", "/lifecycle/activate", ""}, {"POST", "/lifecycle/deactivate", ""},
		{"GET", "/users", ""}, {"POST", "/users", `{"id":"00u"}`}, {"GET", "/users/00u1", ""},
		{"POST", "/users/00u1", `{}`}, {"DELETE", "/users/00u1", ""},
		{"GET", "/groups", ""}, {"GET", "/groups/00g1", ""}, {"PUT", "/groups/00g1", ""}, {"DELETE", "/groups/00g1", ""},
		{"GET", "/credentials/keys", ""}, {"POST", "/credentials/keys/generate?validityYears=2", ""}, {"GET", "/credentials/keys/k", ""},
		{"POST", "/credentials/keys/k/clone?targetAid=0oa1", ""},
		{"GET", "/credentials/csrs", ""}, {"POST", "/credentials/csrs", `{"subject":{"commonName":"x"}}`},
		{"GET", "/credentials/csrs/c", ""}, {"DELETE", "/credentials/csrs/c", ""},
		{"GET", "/connections/default", ""}, {"POST", "/connections/default", `{"profile":{"authScheme":"TOKEN","token":"t"}}`},
		{"POST", "/connections/default/lifecycle/activate", ""}, {"POST", "/connections/default/lifecycle/deactivate", ""},
		{"GET", "/features", ""}, {"GET", "/features/USER_PROVISIONING", ""}, {"PUT", "/features/USER_PROVISIONING", `{}`},
		{"GET", "/tokens", ""}, {"DELETE", "/tokens", ""}, {"GET", "/tokens/oar1", ""}, {"DELETE", "/tokens/oar1", ""},
		{"GET", "/grants", ""}, {"POST", "/grants", `{"issuer":"i","scopeId":"s"}`}, {"GET", "/grants/oag1", ""},
		{"DELETE", "/grants/oag1", ""},
	} {
		t.Run(tc.method+tc.path, func(t *testing.T) {
			var body any
			if tc.body != "" {
				body = tc.body
			}
			requireError(t, c.do(tc.method, app+tc.path, body), http.StatusNotFound, "E0000007", "(AppInstance)")
		})
	}
}

func TestListApplicationsPagination(t *testing.T) {
	_, c := newServer(t)
	const n = 1000
	want := map[string]bool{}
	for i := range n {
		a := c.createApp(bookmark(fmt.Sprintf("app-%04d", i)))
		want[a["id"].(string)] = true
	}

	seen := map[string]int{}
	pages := 0
	next := "/api/v1/apps"
	for next != "" {
		r := c.do("GET", next, nil)
		require.Equal(t, http.StatusOK, r.status)
		require.Len(t, r.header.Values("Link"), map[bool]int{true: 2, false: 1}[r.link("next") != ""])
		self := r.link("self")
		require.True(t, strings.HasPrefix(self, c.srv.URL+"/api/v1/apps"), self)
		items := r.list(t)
		require.LessOrEqual(t, len(items), 20)
		for _, a := range items {
			seen[a["id"].(string)]++
		}
		next = r.link("next")
		if next != "" {
			u, err := url.Parse(next)
			require.NoError(t, err)
			assert.Equal(t, c.srv.URL, u.Scheme+"://"+u.Host)
			assert.Equal(t, items[len(items)-1]["id"], u.Query().Get("after"))
			assert.Equal(t, "20", u.Query().Get("limit"))
		}
		pages++
	}
	assert.Equal(t, n/20, pages)
	require.Len(t, seen, n)
	for id, times := range seen {
		assert.True(t, want[id])
		assert.Equal(t, 1, times, id)
	}

	// A limit above the maximum is clamped, and the other parameters
	// travel with the cursor.
	r := c.do("GET", "/api/v1/apps?limit=500&q=app-", nil)
	assert.Len(t, r.list(t), 200)
	u, err := url.Parse(r.link("next"))
	require.NoError(t, err)
	assert.Equal(t, "app-", u.Query().Get("q"))
	assert.Equal(t, "200", u.Query().Get("limit"))

	requireError(t, c.do("GET", "/api/v1/apps?limit=many", nil), http.StatusBadRequest, "E0000001", "limit")
	assert.Empty(t, c.do("GET", "/api/v1/apps?after=0oaUnknownCursor00000", nil).list(t))
}

func TestPaginationSurvivesDeletingTheCursor(t *testing.T) {
	_, c := newServer(t)
	var ids []string
	for i := range 5 {
		ids = append(ids, c.createApp(bookmark(fmt.Sprint(i)), "activate=false")["id"].(string))
	}
	r := c.do("GET", "/api/v1/apps?limit=2", nil)
	next := r.link("next")
	require.NotEmpty(t, next)
	require.Equal(t, http.StatusNoContent, c.do("DELETE", "/api/v1/apps/"+ids[1], nil).status)
	items := c.do("GET", next, nil).list(t)
	require.Len(t, items, 2)
	assert.Equal(t, ids[2], items[0]["id"])
}

func TestListApplicationsFilters(t *testing.T) {
	srv, c := newServer(t)
	active := c.createApp(bookmark("Alpha One"))
	inactive := c.createApp(bookmark("alpha two"), "activate=false")
	swa := c.createApp(map[string]any{"label": "Beta", "signOnMode": "BROWSER_PLUGIN", "name": "template_swa"})
	userID := srv.AddUser("ada@example.com")
	groupID := srv.AddGroup("Engineers")
	require.Equal(t, http.StatusOK, c.do("POST", "/api/v1/apps/"+swa["id"].(string)+"/users", map[string]any{"id": userID}).status)
	require.Equal(t, http.StatusOK, c.do("PUT", "/api/v1/apps/"+inactive["id"].(string)+"/groups/"+groupID, nil).status)

	ids := func(query string) []string {
		t.Helper()
		r := c.do("GET", "/api/v1/apps?"+query, nil)
		require.Equal(t, http.StatusOK, r.status, "%s: %s", query, r.body)
		var out []string
		for _, a := range r.list(t) {
			out = append(out, a["id"].(string))
		}
		return out
	}
	f := func(expr string) string { return "filter=" + url.QueryEscape(expr) }
	id := func(a map[string]any) string { return a["id"].(string) }

	assert.Equal(t, []string{id(active), id(swa)}, ids(f(`status eq "ACTIVE"`)))
	assert.Equal(t, []string{id(inactive)}, ids(f(`status eq "INACTIVE"`)))
	assert.Equal(t, []string{id(active), id(inactive)}, ids(f(`name eq "bookmark"`)))
	assert.Equal(t, []string{id(swa)}, ids(f(`user.id eq "`+userID+`"`)))
	assert.Equal(t, []string{id(inactive)}, ids(f(`group.id eq "`+groupID+`"`)))
	saml := c.createApp(map[string]any{"label": "zeta", "signOnMode": "SAML_2_0"})
	kid := str(saml, "credentials", "signing", "kid")
	assert.Equal(t, []string{id(saml)}, ids(f(`credentials.signing.kid eq "`+kid+`"`)))
	assert.Equal(t, []string{id(active)}, ids(f(`name eq "bookmark" and status eq "ACTIVE"`)))
	assert.Equal(t, []string{id(active), id(inactive)}, ids("q=ALPHA"))
	assert.Equal(t, []string{id(swa)}, ids("q=template"))
	assert.Empty(t, ids("q=one"))
	assert.Equal(t, []string{id(inactive)}, ids("q=alpha&"+f(`status eq "INACTIVE"`)))

	// expand=user/{id} embeds the assignment.
	r := c.do("GET", "/api/v1/apps?"+f(`user.id eq "`+userID+`"`)+"&expand=user/"+userID, nil)
	assert.Equal(t, userID, str(r.list(t)[0], "_embedded", "user", "id"))

	for _, bad := range []string{`label eq "x"`, `status sw "A"`, `status eq ACTIVE`, `status eq "A" or name eq "b"`} {
		requireError(t, c.do("GET", "/api/v1/apps?"+f(bad), nil), http.StatusBadRequest, "E0000001", "filter")
	}
}
