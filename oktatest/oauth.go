package oktatest

import (
	"net/http"
	"time"
)

// oauthToken is an OAuth 2.0 refresh token issued to an app's client.
type oauthToken struct {
	seq                           int64
	id, userID                    string
	scopes                        []string
	created, lastUpdated, expires time.Time
}

// scopeGrant is a consent an app has to request an Okta scope.
type scopeGrant struct {
	id, issuer, scopeID, source, createdBy string
	created, lastUpdated                   time.Time
}

// AddOAuth2Token issues an OAuth 2.0 refresh token for the app to the user,
// with the given scopes, and returns its id. It panics if the app or the
// user does not exist.
func (s *Server) AddOAuth2Token(appID, userID string, scopes ...string) string {
	id, err := s.addOAuth2Token(appID, userID, scopes)
	if err != nil {
		panic("oktatest: AddOAuth2Token: " + err.Error())
	}
	return id
}

func (s *Server) addOAuth2Token(appID, userID string, scopes []string) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	a, ok := s.apps[appID]
	if !ok {
		return "", badRequest("no app %q", appID)
	}
	if _, ok := s.users[userID]; !ok {
		return "", badRequest("no user %q", userID)
	}
	now := s.now()
	t := &oauthToken{id: s.newID(prefixOAuth), userID: userID, scopes: append([]string{}, scopes...),
		created: now, lastUpdated: now, expires: now.Add(90 * 24 * time.Hour)}
	t.seq = s.register(t.id)
	a.tokens = append(a.tokens, t)
	return t.id, nil
}

// AddScopeConsentGrant grants the app consent to request an Okta scope
// (such as "okta.users.read") and returns the grant's id. It panics if the
// app does not exist.
func (s *Server) AddScopeConsentGrant(appID, scopeID string) string {
	id, err := s.addScopeConsentGrant(appID, scopeID)
	if err != nil {
		panic("oktatest: AddScopeConsentGrant: " + err.Error())
	}
	return id
}

func (s *Server) addScopeConsentGrant(appID, scopeID string) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	a, ok := s.apps[appID]
	if !ok {
		return "", badRequest("no app %q", appID)
	}
	now := s.now()
	g := &scopeGrant{id: s.newID(prefixGrant), issuer: s.URL, scopeID: scopeID, source: "ADMIN",
		created: now, lastUpdated: now}
	a.grants = append(a.grants, g)
	return g.id, nil
}

func (s *Server) clientLinks(a *app) (appLink, clientLink map[string]any) {
	label, _ := a.doc["label"].(string)
	appLink = link(s.href("api", "v1", "apps", a.id))
	appLink["title"] = label
	clientLink = link(s.href("oauth2", "v1", "clients", a.id))
	clientLink["title"] = label
	return appLink, clientLink
}

func (s *Server) renderOAuthToken(a *app, t *oauthToken) map[string]any {
	self := s.href("api", "v1", "apps", a.id, "tokens", t.id)
	appLink, clientLink := s.clientLinks(a)
	scopes := make([]any, len(t.scopes))
	for i, sc := range t.scopes {
		scopes[i] = sc
	}
	return map[string]any{
		"id":          t.id,
		"status":      "ACTIVE",
		"created":     formatTime(t.created),
		"lastUpdated": formatTime(t.lastUpdated),
		"expiresAt":   formatTime(t.expires),
		"issuer":      s.URL,
		"clientId":    a.id,
		"userId":      t.userID,
		"scopes":      scopes,
		"_links": map[string]any{
			"app":    appLink,
			"self":   link(self),
			"revoke": link(self, "DELETE"),
			"client": clientLink,
			"user":   link(s.href("api", "v1", "users", t.userID)),
		},
	}
}

func (s *Server) listOAuth2Tokens(w http.ResponseWriter, r *http.Request, c *call) {
	p, err := parsePage(r, tokenLimits)
	if err != nil {
		s.writeError(w, err)
		return
	}
	s.withApp(w, r, func(a *app) {
		items := page(s, w, r, a.tokens, func(t *oauthToken) int64 { return t.seq }, func(t *oauthToken) string { return t.id }, s.globalCursor, p)
		out := make([]any, len(items))
		for i, t := range items {
			out[i] = s.renderOAuthToken(a, t)
		}
		s.writeJSON(w, http.StatusOK, out)
	})
}

// lookupOAuthToken finds an app's OAuth 2.0 token; the caller holds s.mu.
func (s *Server) lookupOAuthToken(r *http.Request) (*app, *oauthToken, *apiError) {
	return lookupIn(s, r, "tokenId", "OAuth2Token",
		func(a *app) []*oauthToken { return a.tokens }, func(t *oauthToken) string { return t.id })
}

func (s *Server) getOAuth2Token(w http.ResponseWriter, r *http.Request, c *call) {
	getOne(s, w, r, s.lookupOAuthToken, s.renderOAuthToken)
}

func (s *Server) revokeOAuth2Token(w http.ResponseWriter, r *http.Request, c *call) {
	deleteOne(s, w, r, s.lookupOAuthToken, func(a *app, t *oauthToken) { a.tokens = without(a.tokens, t) })
}

func (s *Server) revokeOAuth2Tokens(w http.ResponseWriter, r *http.Request, c *call) {
	s.withApp(w, r, func(a *app) {
		a.tokens = nil
		noContent(w)
	})
}

func (s *Server) renderGrant(a *app, g *scopeGrant) map[string]any {
	self := s.href("api", "v1", "apps", a.id, "grants", g.id)
	appLink, clientLink := s.clientLinks(a)
	out := map[string]any{
		"id":          g.id,
		"status":      "ACTIVE",
		"created":     formatTime(g.created),
		"lastUpdated": formatTime(g.lastUpdated),
		"issuer":      g.issuer,
		"clientId":    a.id,
		"scopeId":     g.scopeID,
		"source":      g.source,
		"_links": map[string]any{
			"app":    appLink,
			"self":   link(self, "GET", "DELETE"),
			"client": clientLink,
		},
	}
	if g.createdBy != "" {
		out["createdBy"] = map[string]any{"id": g.createdBy, "type": "User"}
	}
	return out
}

func (s *Server) listGrants(w http.ResponseWriter, r *http.Request, c *call) {
	listAll(s, w, r, func(a *app) []*scopeGrant { return a.grants }, s.renderGrant)
}

// grantConsentToScope answers 200, as Okta does (the spec says 201).
func (s *Server) grantConsent(w http.ResponseWriter, r *http.Request, c *call) {
	doc, err := decodeObject(r)
	if err != nil {
		s.writeError(w, err)
		return
	}
	issuer, _, bad1 := getString(doc, "issuer")
	scopeID, _, bad2 := getString(doc, "scopeId")
	if bad1 || bad2 {
		s.writeError(w, malformed())
		return
	}
	s.withApp(w, r, func(a *app) {
		switch {
		case issuer == "":
			s.writeError(w, invalid("issuer", "Property is required."))
			return
		case scopeID == "":
			s.writeError(w, invalid("scopeId", "Property is required."))
			return
		}
		now := s.now()
		g := &scopeGrant{id: s.newID(prefixGrant), issuer: issuer, scopeID: scopeID, source: "ADMIN",
			createdBy: c.principal.userID, created: now, lastUpdated: now}
		a.grants = append(a.grants, g)
		s.writeJSON(w, http.StatusOK, s.renderGrant(a, g))
	})
}

// lookupGrant finds an app's scope consent grant; the caller holds s.mu.
func (s *Server) lookupGrant(r *http.Request) (*app, *scopeGrant, *apiError) {
	return lookupIn(s, r, "grantId", "OAuth2ScopeConsentGrant",
		func(a *app) []*scopeGrant { return a.grants }, func(g *scopeGrant) string { return g.id })
}

func (s *Server) getGrant(w http.ResponseWriter, r *http.Request, c *call) {
	getOne(s, w, r, s.lookupGrant, s.renderGrant)
}

func (s *Server) revokeGrant(w http.ResponseWriter, r *http.Request, c *call) {
	deleteOne(s, w, r, s.lookupGrant, func(a *app, g *scopeGrant) { a.grants = without(a.grants, g) })
}
