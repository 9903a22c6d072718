package oktatest

import "net/http"

// What Okta embeds and fills in around assignments: the app user's profile
// from the app's user schema, and the users and groups that expand=user and
// expand=group embed.

// appUserProfile is the profile an app user has before any client writes to
// it: the attributes of the app's default user schema (OpenID Connect's
// standard claims and a few of Okta's), mapped from the user or null.
func appUserProfile(u *user) map[string]any {
	p := map[string]any{
		"email": nil, "given_name": nil, "family_name": nil, "name": nil,
		"middle_name": nil, "nickname": nil, "honorific_prefix": nil, "honorific_suffix": nil,
		"title": nil, "display_name": nil, "locale": "en_US", "zoneinfo": "America/Los_Angeles",
		"profile": nil, "picture": nil, "website": nil, "gender": nil, "birthdate": nil,
		"phone_number": nil,
	}
	if u != nil {
		p["email"] = u.login
		p["given_name"] = u.firstName
		p["family_name"] = u.last
		p["name"] = u.firstName + " " + u.last
	}
	return p
}

// renderUser is the user as GET /api/v1/users/{id} sends it, for _embedded.
func (s *Server) renderUser(u *user) map[string]any {
	created := formatTime(u.created)
	return map[string]any{
		"id":              u.id,
		"status":          "ACTIVE",
		"created":         created,
		"activated":       created,
		"statusChanged":   created,
		"lastLogin":       nil,
		"lastUpdated":     created,
		"passwordChanged": created,
		"type":            map[string]any{"id": s.org().userType},
		"profile": map[string]any{
			"firstName": u.firstName, "lastName": u.last, "mobilePhone": nil,
			"secondEmail": nil, "login": u.login, "email": u.login,
		},
		"credentials": map[string]any{
			"emails":   []any{map[string]any{"value": u.login, "status": "VERIFIED", "type": "PRIMARY"}},
			"provider": map[string]any{"type": "OKTA", "name": "OKTA"},
		},
		"_links": map[string]any{"self": link(s.href("api", "v1", "users", u.id))},
	}
}

// renderGroup is the group as GET /api/v1/groups/{id} sends it, for
// _embedded.
func (s *Server) renderGroup(g *group) map[string]any {
	created := formatTime(g.created)
	groupURL := s.href("api", "v1", "groups", g.id)
	return map[string]any{
		"id":                    g.id,
		"created":               created,
		"lastUpdated":           created,
		"lastMembershipUpdated": created,
		"objectClass":           []any{"okta:user_group"},
		"type":                  "OKTA_GROUP",
		"profile":               map[string]any{"name": g.name, "description": nil},
		"_links": map[string]any{
			"logo": []any{
				map[string]any{"name": "medium", "href": "https://ok12static.oktacdn.com/assets/img/logos/groups/okta-medium.png", "type": "image/png"},
			},
			"users": link(groupURL + "/users"),
			"apps":  link(groupURL + "/apps"),
		},
	}
}

// expandUserRender is the app user renderer for a request: with
// expand=user, the user is embedded.
func (s *Server) expandUserRender(r *http.Request) func(*app, *appUser) map[string]any {
	expand := r.URL.Query().Get("expand") == "user"
	return func(a *app, au *appUser) map[string]any {
		out := s.renderAppUser(a, au)
		if u, ok := s.users[au.userID]; ok && expand {
			out["_embedded"] = map[string]any{"user": s.renderUser(u)}
		}
		return out
	}
}

// expandGroupRender is the group assignment renderer for a request: with
// expand=group, the group is embedded.
func (s *Server) expandGroupRender(r *http.Request) func(*app, *appGroup) map[string]any {
	expand := r.URL.Query().Get("expand") == "group"
	return func(a *app, ag *appGroup) map[string]any {
		out := s.renderAppGroup(a, ag)
		if g, ok := s.groups[ag.groupID]; ok && expand {
			out["_embedded"] = map[string]any{"group": s.renderGroup(g)}
		}
		return out
	}
}
