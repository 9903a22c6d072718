package oktatest_test

// One test per rule of REALITY.md's "What Okta fills in, drops and
// rewrites" that the shape test (fidelity_test.go) does not pin by value.

import (
	"crypto/x509"
	"encoding/base64"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPasswordsAreWriteOnly(t *testing.T) {
	_, c := newServer(t)
	sps := c.createApp(map[string]any{"label": "Router", "signOnMode": "SECURE_PASSWORD_STORE",
		"credentials": map[string]any{"scheme": "SHARED_USERNAME_AND_PASSWORD", "userName": "admin",
			"password": map[string]any{"value": "hunter2!"}},
		"settings": map[string]any{"app": map[string]any{"url": "https://r.example.com"}}})
	basic := c.createApp(map[string]any{"label": "CI", "signOnMode": "BASIC_AUTH",
		"credentials": map[string]any{"password": map[string]any{}},
		"settings":    map[string]any{"app": map[string]any{"url": "https://ci.example.com", "authURL": "https://ci.example.com/a"}}})
	for _, a := range []map[string]any{sps, basic} {
		assert.Nil(t, get(a, "credentials", "password"), "no password, not even {}")
		got := c.do("GET", "/api/v1/apps/"+a["id"].(string), nil)
		assert.NotContains(t, string(got.body), "hunter2")
		assert.Nil(t, get(got.obj(t), "credentials", "password"))
	}
	assert.Equal(t, "admin", str(sps, "credentials", "userName"))
}

func TestDefaultsAreFilledMemberByMember(t *testing.T) {
	_, c := newServer(t)
	a := c.createApp(map[string]any{"label": "Partial", "signOnMode": "BOOKMARK",
		"visibility":  map[string]any{"hide": map[string]any{"iOS": true}},
		"credentials": map[string]any{"userName": ""},
		"settings":    map[string]any{"app": map[string]any{"url": "https://p.example.com"}, "notes": map[string]any{"admin": "ops"}}})
	assert.Equal(t, map[string]any{"autoLaunch": false, "autoSubmitToolbar": false,
		"hide": map[string]any{"iOS": true, "web": false}, "appLinks": map[string]any{"login": true}}, a["visibility"])
	assert.Equal(t, map[string]any{"admin": "ops", "enduser": nil}, get(a, "settings", "notes"))
	assert.Equal(t, map[string]any{"userNameTemplate": map[string]any{"template": "${source.login}", "type": "BUILT_IN"},
		"signing": map[string]any{}}, a["credentials"], `credentials.userName "" vanishes; a bookmark has no scheme and no kid`)

	swa := c.createApp(map[string]any{"label": "SWA", "signOnMode": "BROWSER_PLUGIN", "name": "template_swa",
		"settings": map[string]any{"app": map[string]any{"url": "https://s.example.com", "loginUrlRegex": "", "checkbox": ""}}})
	assert.Equal(t, "EDIT_USERNAME_AND_PASSWORD", str(swa, "credentials", "scheme"))
	assert.Equal(t, false, get(swa, "credentials", "revealPassword"))
	app := get(swa, "settings", "app").(map[string]any)
	for _, k := range []string{"loginUrlRegex", "checkbox"} {
		v, ok := app[k]
		assert.True(t, ok && v == nil, `settings.app.%s "" is null`, k)
	}

	saml := c.createApp(map[string]any{"label": "SAML", "signOnMode": "SAML_2_0", "settings": map[string]any{
		"signOn": map[string]any{"defaultRelayState": "", "audienceOverride": "", "assertionEncryption": map[string]any{}}}})
	signOn := get(saml, "settings", "signOn").(map[string]any)
	assert.Nil(t, signOn["defaultRelayState"])
	assert.Nil(t, signOn["audienceOverride"])
	assert.Equal(t, map[string]any{"enabled": false}, signOn["assertionEncryption"])
	assert.Equal(t, "http://www.okta.com/${org.externalKey}", signOn["idpIssuer"])
	assert.Equal(t, []any{}, signOn["acsEndpoints"])
	assert.Equal(t, []any{}, signOn["inlineHooks"])
	assert.Equal(t, false, signOn["requestCompressed"])
}

func TestCatalogNormalisation(t *testing.T) {
	_, c := newServer(t)
	deel := c.createApp(map[string]any{"label": "Deel", "name": "Deel", "signOnMode": "OPENID_CONNECT"})
	assert.Equal(t, "deel", deel["name"])
	assert.Nil(t, get(deel, "settings", "oauthClient"), "no redirect_uris, no OAuth client")
	assert.Nil(t, get(deel, "credentials", "oauthClient"))
	assert.Nil(t, get(deel, "_links", "clientCredentials"))

	withURIs := c.createApp(map[string]any{"label": "Deel 2", "name": "deel", "signOnMode": "OPENID_CONNECT",
		"settings": map[string]any{"oauthClient": map[string]any{"redirect_uris": []string{"https://d.example.com/cb"}}}})
	assert.NotNil(t, get(withURIs, "credentials", "oauthClient"))

	for _, name := range []string{"office365", "aws_console", "pagerduty"} {
		a := c.createApp(map[string]any{"label": name, "name": name, "signOnMode": "AUTO_LOGIN"})
		assert.Equal(t, "BROWSER_PLUGIN", a["signOnMode"], name)
		assert.Equal(t, "login", str(get(a, "_links", "appLinks").([]any)[0], "name"))
	}
}

func TestOktaRefusals(t *testing.T) {
	_, c := newServer(t)
	r := c.do("POST", "/api/v1/apps", map[string]any{"label": "O365", "name": "office365", "signOnMode": "WS_FEDERATION"})
	requireError(t, r, http.StatusBadRequest, "E0000001", "In order to continue using WS-FED Auto for SSO, you must grant admin consent.")

	self := bookmark("self")
	self["accessibility"] = map[string]any{"selfService": true}
	requireError(t, c.do("POST", "/api/v1/apps", self), http.StatusForbidden, "E0000043", "Self service application assignment is not enabled.")

	cat := c.createApp(map[string]any{"label": "Portal", "name": "someportal", "signOnMode": "AUTO_LOGIN"}, "activate=false")
	cat["label"] = "Portal 2"
	requireError(t, c.do("PUT", "/api/v1/apps/"+cat["id"].(string), cat), http.StatusBadRequest, "E0000024")
	require.Equal(t, http.StatusOK, c.do("POST", "/api/v1/apps/"+cat["id"].(string)+"/lifecycle/activate", nil).status)
	assert.Equal(t, http.StatusOK, c.do("PUT", "/api/v1/apps/"+cat["id"].(string), cat).status)
}

func TestOIDCClientLinksAndLogo(t *testing.T) {
	_, c := newServer(t)
	a := c.createApp(map[string]any{"label": "Web", "signOnMode": "OPENID_CONNECT",
		"settings": map[string]any{"oauthClient": map[string]any{"redirect_uris": []string{"https://w.example.com/cb"}}}})
	for _, rel := range []string{"accessPolicy", "profileEnrollment", "policies", "help", "clientCredentials"} {
		assert.True(t, strings.HasPrefix(str(a, "_links", rel, "href"), c.srv.URL+"/"), rel)
	}
	assert.Regexp(t, `/api/v1/policies/rst\w{17}$`, str(a, "_links", "accessPolicy", "href"))
	assert.Nil(t, get(a, "_links", "metadata"))
	logo := str(get(a, "_links", "logo").([]any)[0], "href")
	u, err := url.Parse(logo)
	require.NoError(t, err)
	assert.NotEqual(t, strings.TrimPrefix(c.srv.URL, "http://"), u.Host, "the default logo is on Okta's CDN")
	assert.NotNil(t, get(c.createApp(bookmark("b")), "_links", "help"))
	swa := c.createApp(map[string]any{"label": "SWA", "signOnMode": "BROWSER_PLUGIN", "name": "template_swa"})
	assert.Nil(t, get(swa, "_links", "help"))
	assert.Nil(t, get(swa, "_links", "metadata"))
}

func TestSigningCertificatesAreOktas(t *testing.T) {
	_, c := newServer(t)
	a := c.createApp(map[string]any{"label": "certs", "signOnMode": "WS_FEDERATION"})
	keys := "/api/v1/apps/" + a["id"].(string) + "/credentials/keys"
	k := c.do("GET", keys+"/"+str(a, "credentials", "signing", "kid"), nil).obj(t)
	der, err := base64.StdEncoding.DecodeString(k["x5c"].([]any)[0].(string))
	require.NoError(t, err)
	cert, err := x509.ParseCertificate(der)
	require.NoError(t, err)
	assert.Equal(t, 3652*24*time.Hour, cert.NotAfter.Sub(cert.NotBefore), "valid for 3,652 days")
	subject := cert.Subject.String()
	for _, attr := range []string{"C=US", "ST=", "L=", "O=Okta", "OU=SSOProvider", "CN=", "1.2.840.113549.1.9.1="} {
		assert.Contains(t, subject, attr)
	}
	requireError(t, c.do("POST", keys+"/generate", nil), http.StatusBadRequest, "E0000001", "validityYears")
}

func TestListSelfLinks(t *testing.T) {
	srv, c := newServer(t)
	app := "/api/v1/apps/" + c.createApp(bookmark("links"))["id"].(string)
	userID := srv.AddUser("ada@example.com")
	require.Equal(t, http.StatusOK, c.do("POST", app+"/users", map[string]any{"id": userID}).status)

	assert.Equal(t, srv.URL+app+"/users?limit=50", c.do("GET", app+"/users", nil).link("self"))
	assert.Equal(t, srv.URL+app+"/groups?limit=20", c.do("GET", app+"/groups", nil).link("self"))
	r := c.do("GET", "/api/v1/apps?filter="+url.QueryEscape(`status eq "ACTIVE"`)+"&q=li&limit=5", nil)
	assert.Equal(t, srv.URL+"/api/v1/apps?limit=5&q=li&filter=status+eq+%22ACTIVE%22", r.link("self"))

	// Nothing of the raw query is reflected: an unknown parameter is
	// dropped and a value that would close the link is escaped.
	r = c.do("GET", `/api/v1/apps?junk=1&q=x>,<http://evil.example/next>`, nil)
	require.Equal(t, http.StatusOK, r.status, "%s", r.body)
	require.Len(t, r.header.Values("Link"), 1)
	self := r.link("self")
	assert.Equal(t, srv.URL+"/api/v1/apps?limit=20&q=x%3E%2C%3Chttp%3A%2F%2Fevil.example%2Fnext%3E", self)
	assert.NotContains(t, self, "junk")
	assert.Empty(t, r.link("next"))
}

func TestExpandEmbedsAsOkta(t *testing.T) {
	srv, c := newServer(t)
	app := "/api/v1/apps/" + c.createApp(bookmark("expand"))["id"].(string)
	userID := srv.AddUser("ada@example.com")
	groupID := srv.AddGroup("Engineering")
	require.Equal(t, http.StatusOK, c.do("POST", app+"/users", map[string]any{"id": userID}).status)
	require.Equal(t, http.StatusOK, c.do("PUT", app+"/groups/"+groupID, nil).status)

	assert.Nil(t, c.do("GET", app+"/users", nil).list(t)[0]["_embedded"])
	u := c.do("GET", app+"/users?expand=user", nil).list(t)[0]
	assert.Equal(t, userID, str(u, "_embedded", "user", "id"))
	assert.Equal(t, "ada@example.com", str(u, "_embedded", "user", "profile", "login"))
	assert.Equal(t, userID, str(c.do("GET", app+"/users/"+userID+"?expand=user", nil).obj(t), "_embedded", "user", "id"))

	assert.Nil(t, c.do("GET", app+"/groups", nil).list(t)[0]["_embedded"])
	g := c.do("GET", app+"/groups?expand=group", nil).list(t)[0]
	assert.Equal(t, groupID, str(g, "_embedded", "group", "id"))
	assert.Equal(t, "Engineering", str(g, "_embedded", "group", "profile", "name"))

	a := c.do("GET", app+"?expand=user/"+userID, nil).obj(t)
	assert.Equal(t, userID, str(a, "_embedded", "user", "id"))
}

func TestAppUserUpdateAssignsAndDeletedApps(t *testing.T) {
	srv, c := newServer(t)
	id := c.createApp(bookmark("assign"), "activate=false")["id"].(string)
	app := "/api/v1/apps/" + id
	userID := srv.AddUser("grace@example.com")
	r := c.do("POST", app+"/users/"+userID, map[string]any{"profile": map[string]any{"role": "x"}})
	require.Equal(t, http.StatusOK, r.status, "%s", r.body)
	assert.Equal(t, "x", str(r.obj(t), "profile", "role"))
	assert.Len(t, c.do("GET", app+"/users", nil).list(t), 1)

	require.Equal(t, http.StatusNoContent, c.do("DELETE", app, nil).status)
	requireError(t, c.do("GET", app+"/users/"+userID, nil), http.StatusNotFound, "E0000007", userID+" (User)")
	requireError(t, c.do("GET", "/api/v1/apps/0oaNeverIssued000000/users/"+userID, nil), http.StatusNotFound, "E0000007", "(AppInstance)")
}

func TestProvisioningMembersAndInboundFeature(t *testing.T) {
	_, c := newServer(t)
	o365 := "/api/v1/apps/" + c.createApp(map[string]any{"label": "O365", "name": "office365", "signOnMode": "BROWSER_PLUGIN"})["id"].(string)
	f := c.do("GET", o365+"/features/INBOUND_PROVISIONING", nil)
	require.Equal(t, http.StatusOK, f.status, "%s", f.body)
	assert.NotNil(t, get(f.obj(t), "capabilities", "importSettings"))
	assert.NotNil(t, get(f.obj(t), "capabilities", "importRules"))
	assert.Len(t, c.do("GET", o365+"/features", nil).list(t), 2)

	conn := c.do("POST", o365+"/connections/default", map[string]any{"baseUrl": "https://scim.example.com",
		"profile": map[string]any{"authScheme": "TOKEN", "token": "t"}}).obj(t)
	assert.Equal(t, "https://scim.example.com", conn["baseUrl"])
	assert.Equal(t, "TOKEN", str(conn, "profile", "authScheme"))
	assert.NotContains(t, conn, "token")
}

func TestOIDCClientIDIsImmutable(t *testing.T) {
	_, c := newServer(t)
	a := c.createApp(map[string]any{"label": "Named", "signOnMode": "OPENID_CONNECT",
		"credentials": map[string]any{"oauthClient": map[string]any{"client_id": "my-client-id"}},
		"settings":    map[string]any{"oauthClient": map[string]any{"redirect_uris": []string{"https://n.example.com/cb"}}}})
	assert.Equal(t, "my-client-id", str(a, "credentials", "oauthClient", "client_id"))
	a["credentials"].(map[string]any)["oauthClient"] = map[string]any{"client_id": "another-id"}
	r := c.do("PUT", "/api/v1/apps/"+a["id"].(string), a)
	require.Equal(t, http.StatusOK, r.status, "%s", r.body)
	assert.Equal(t, "my-client-id", str(r.obj(t), "credentials", "oauthClient", "client_id"))
	assert.Equal(t, "client_secret_basic", str(r.obj(t), "credentials", "oauthClient", "token_endpoint_auth_method"))
}
