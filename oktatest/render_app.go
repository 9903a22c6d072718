package oktatest

import "net/http"

// How an app is sent: the stored document with the server's members, the
// computed ones (orn, universalLogout), the signing key where the app signs,
// and Okta's _links.

// renderOpts says what an answer shows beyond the app itself.
type renderOpts struct {
	expandUser string // embed this user's assignment (expand=user/{userId})
	secret     bool   // show the client secret: only on the write that set it
}

// cdnLogo is Okta's default app logo, on its CDN host, not the org's.
const cdnLogo = "https://ok12static.oktacdn.com/assets/img/logos/default.6770228fb0dab49a1695ef440a5279bb.png"

// universalLogout is what an Identity Engine org sends for an app that has
// not set up Universal Logout.
func universalLogout() map[string]any {
	return map[string]any{
		"status": "DISABLED", "supportType": "FULL",
		"identityStack": "NOT_SHARED", "protocol": "GLOBAL_TOKEN_REVOCATION",
	}
}

// renderApp is the app as Okta sends it. The caller holds s.mu.
func (s *Server) renderApp(a *app, o renderOpts) map[string]any {
	out := copyDoc(a.doc)
	t := a.template()
	out["id"] = a.id
	out["orn"] = "orn:okta:idp:" + s.org().id + ":apps:" + t.name + ":" + a.id
	out["status"] = a.status
	out["created"] = formatTime(a.created)
	out["lastUpdated"] = formatTime(a.lastUpdated)
	out["universalLogout"] = universalLogout()
	creds := object(out, "credentials")
	if t.signs() {
		object(creds, "signing")["kid"] = a.activeKid
	}
	if oc, ok := creds["oauthClient"].(map[string]any); ok && t.oidc() {
		if id, _ := oc["client_id"].(string); id == "" {
			oc["client_id"] = a.id
		}
		if o.secret && confidential(oc) && a.clientSecret != "" {
			oc["client_secret"] = a.clientSecret
		}
	}
	out["_links"] = s.appLinks(a, t)
	if o.expandUser != "" {
		if au, ok := a.users[o.expandUser]; ok {
			out["_embedded"] = map[string]any{"user": s.renderAppUser(a, au)}
		}
	}
	return out
}

// appLinks are an app's _links as Okta sends them: no self (nor
// uploadLogo); metadata only on SAML 2.0 apps that are not catalog apps;
// help on bookmarks, SAML 2.0 apps and OIDC clients; the policy and client
// links on OIDC clients (an OIDC catalog app made without redirect URIs is
// none).
func (s *Server) appLinks(a *app, t template) map[string]any {
	appURL := s.href("api", "v1", "apps", a.id)
	appLinks := []any{}
	if t.hasAppLink() {
		appLinks = append(appLinks, map[string]any{
			"name": t.linkName(),
			"href": s.href("home", t.name, a.id, a.linkID),
			"type": "text/html",
		})
	}
	links := map[string]any{
		"appLinks": appLinks,
		"groups":   link(appURL + "/groups"),
		"users":    link(appURL + "/users"),
		"logo":     []any{s.appLogo(a)},
	}
	if t.mode == "SAML_2_0" && t.kind != kindCatalog {
		links["metadata"] = map[string]any{"href": appURL + "/sso/saml/metadata", "type": "application/xml"}
	}
	_, client := memberAt(a.doc, "credentials", "oauthClient").(map[string]any)
	if t.mode == "BOOKMARK" || t.mode == "SAML_2_0" || (client && t.oidc()) {
		links["help"] = map[string]any{
			"href": s.href("app", t.name, a.id, "setup", "help", t.mode, "external-doc"),
			"type": "text/html",
		}
	}
	if client && t.oidc() {
		org := s.org()
		links["accessPolicy"] = s.accessPolicyLink(a)
		links["profileEnrollment"] = link(s.href("api", "v1", "policies", org.enrollPolicy))
		links["policies"] = link(appURL+"/policies", http.MethodPut)
		links["clientCredentials"] = link(appURL + "/credentials/secrets")
	}
	if a.status == statusActive {
		links["deactivate"] = link(appURL + "/lifecycle/deactivate")
	} else {
		links["activate"] = link(appURL + "/lifecycle/activate")
	}
	return links
}

// appLogo is the app's logo link: an uploaded logo is served by the
// emulator (at Server.URL), Okta's default is on its CDN.
func (s *Server) appLogo(a *app) map[string]any {
	if a.logoID != "" {
		return s.logoLink(a)
	}
	return map[string]any{"name": "medium", "href": cdnLogo, "type": "image/png"}
}

// orgInfo is what identifies the org beyond its URL: its id (in every orn)
// its default policies (in the links of OIDC clients) and its default user
// type.
type orgInfo struct {
	id, enrollPolicy, userType string
}

// org returns the org's identity, made on first use. The caller holds s.mu.
func (s *Server) org() orgInfo {
	if s.orgInfo.id == "" {
		s.orgInfo = orgInfo{id: s.newID("00o"), enrollPolicy: s.newID("rst"), userType: s.newID("oty")}
	}
	return s.orgInfo
}
