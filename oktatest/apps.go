package oktatest

import (
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// app is an application instance. doc holds the members the client wrote,
// exactly as sent; the server-owned members live in the struct and are
// merged in when the app is rendered.
type app struct {
	seq                  int64
	id                   string
	doc                  map[string]any
	status               string
	created, lastUpdated time.Time

	activeKid    string
	keys         []*appKey
	csrs         []*appCSR
	clientSecret string
	logoID       string // uploaded logo, "" for Okta's default

	users       map[string]*appUser
	userOrder   []*appUser
	groups      map[string]*appGroup
	groupOrder  []*appGroup
	tokens      []*oauthToken
	grants      []*scopeGrant
	conn        connection
	provFeature map[string]any // USER_PROVISIONING capabilities
}

const (
	statusActive   = "ACTIVE"
	statusInactive = "INACTIVE"
)

// templateNames are the app names Okta gives each sign-on mode when the
// client names none.
var templateNames = map[string]string{
	"BOOKMARK":              "bookmark",
	"BASIC_AUTH":            "template_basic_auth",
	"OPENID_CONNECT":        "oidc_client",
	"SECURE_PASSWORD_STORE": "template_sps",
	"WS_FEDERATION":         "template_wsfed",
}

// customModes are the sign-on modes of custom apps, which get a name made
// from the org and the label.
var customModes = map[string]bool{"AUTO_LOGIN": true, "SAML_1_1": true, "SAML_2_0": true}

// serverOwned are members of an app only the server writes.
var serverOwned = []string{"id", "status", "created", "lastUpdated", "_links", "_embedded"}

// lookupApp finds an app; the caller holds s.mu.
func (s *Server) lookupApp(id string) (*app, *apiError) {
	a, ok := s.apps[id]
	if !ok {
		return nil, notFound(id, "AppInstance")
	}
	return a, nil
}

// withApp runs f, holding s.mu, on the app the request's appId names, or
// answers 404 if there is none. It reports whether it ran f.
func (s *Server) withApp(w http.ResponseWriter, r *http.Request, f func(*app)) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	a, err := s.lookupApp(r.PathValue("appId"))
	if err != nil {
		s.writeError(w, err)
		return false
	}
	f(a)
	return true
}

func (s *Server) createApplication(w http.ResponseWriter, r *http.Request, c *call) {
	activate, err := parseBool(r, "activate", true)
	if err != nil {
		s.writeError(w, err)
		return
	}
	doc, err := decodeObject(r)
	if err != nil {
		s.writeError(w, err)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()
	a := &app{
		id:          s.newID(prefixApp),
		status:      statusInactive,
		created:     now,
		lastUpdated: now,
		users:       map[string]*appUser{},
		groups:      map[string]*appGroup{},
		conn:        connection{authScheme: "UNKNOWN", status: "DISABLED"},
	}
	if activate {
		a.status = statusActive
	}
	if err := s.writeDoc(a, doc); err != nil {
		s.writeError(w, err)
		return
	}
	// Every app starts with a signing key; its material is made when a
	// client first looks at it (see keys.go).
	a.keys = []*appKey{{kid: s.newKid(), created: now}}
	a.activeKid = a.keys[0].kid
	a.seq = s.register(a.id)
	s.apps[a.id] = a
	s.appOrder = append(s.appOrder, a)
	s.writeJSON(w, http.StatusOK, s.renderApp(a, ""))
}

// writeDoc validates doc as the client-writable content of a (new when
// a.doc is nil) and stores it.
func (s *Server) writeDoc(a *app, doc map[string]any) *apiError {
	for _, k := range serverOwned {
		delete(doc, k)
	}
	label, ok, bad := getString(doc, "label")
	if bad {
		return malformed()
	}
	if !ok || strings.TrimSpace(label) == "" {
		return invalid("label", "Property is required.")
	}
	mode, hasMode, bad := getString(doc, "signOnMode")
	if bad {
		return malformed()
	}
	name, hasName, bad := getString(doc, "name")
	if bad {
		return malformed()
	}
	for _, k := range []string{"credentials", "settings", "visibility", "accessibility", "licensing"} {
		if _, bad := getObject(doc, k); bad {
			return malformed()
		}
	}
	creds, _ := getObject(doc, "credentials")
	var signing, oauthClient map[string]any
	if creds != nil {
		var bad1, bad2 bool
		signing, bad1 = getObject(creds, "signing")
		oauthClient, bad2 = getObject(creds, "oauthClient")
		if bad1 || bad2 {
			return malformed()
		}
	}

	if a.doc != nil {
		// A replace keeps what the client may leave out.
		if !hasMode {
			if m, ok, _ := getString(a.doc, "signOnMode"); ok {
				mode, hasMode = m, true
				doc["signOnMode"] = m
			}
		}
		if !hasName || name == "" {
			name, hasName = a.doc["name"].(string), true
			doc["name"] = name
		}
	}
	if !hasName || name == "" {
		switch {
		case templateNames[mode] != "":
			name = templateNames[mode]
		case customModes[mode]:
			name = s.customAppName(label)
		case mode == "" || mode == "BROWSER_PLUGIN":
			return invalid("name", "Property is required.")
		default:
			return invalid("signOnMode", "'"+mode+"' is not a supported sign-on mode for an app without a name.")
		}
		doc["name"] = name
	}

	if signing != nil {
		if kid, ok, bad := getString(signing, "kid"); bad {
			return malformed()
		} else if ok && kid != "" && a.doc != nil {
			if a.key(kid) == nil {
				return invalid("credentials.signing.kid", "The key "+kid+" is not a key credential of this app.")
			}
			a.activeKid = kid
		}
		delete(signing, "kid")
	}

	if mode == "OPENID_CONNECT" {
		if oauthClient == nil {
			oauthClient = object(object(doc, "credentials"), "oauthClient")
		}
		if sec, ok, _ := getString(oauthClient, "client_secret"); ok && sec != "" {
			a.clientSecret = sec
		}
		delete(oauthClient, "client_secret")
		if a.doc == nil {
			method := "client_secret_basic"
			if settings, _ := getObject(doc, "settings"); settings != nil {
				if sc, _ := getObject(settings, "oauthClient"); sc != nil && sc["application_type"] == "browser" {
					method = "none"
				}
			}
			setDefault(oauthClient, "token_endpoint_auth_method", method)
			setDefault(oauthClient, "autoKeyRotation", true)
		}
		if confidential(oauthClient) && a.clientSecret == "" {
			a.clientSecret = secret(40)
		}
	}

	fillDefaults(doc, appLinkName(mode))
	a.doc = doc
	return nil
}

// confidential tells whether an OIDC client authenticates with a secret.
func confidential(oauthClient map[string]any) bool {
	m, _ := oauthClient["token_endpoint_auth_method"].(string)
	return strings.HasPrefix(m, "client_secret_")
}

func appLinkName(mode string) string {
	if mode == "OPENID_CONNECT" {
		return "oidc_client_link"
	}
	return "login"
}

// fillDefaults adds the members Okta fills in when a client leaves them out.
func fillDefaults(doc map[string]any, linkName string) {
	setDefault(doc, "features", []any{})
	setDefault(doc, "visibility", map[string]any{
		"autoSubmitToolbar": false,
		"hide":              map[string]any{"iOS": false, "web": false},
		"appLinks":          map[string]any{linkName: true},
	})
	setDefault(doc, "accessibility", map[string]any{
		"selfService": false, "errorRedirectUrl": nil, "loginRedirectUrl": nil,
	})
	setDefault(doc, "settings", map[string]any{
		"app": map[string]any{},
		"notifications": map[string]any{"vpn": map[string]any{
			"network": map[string]any{"connection": "DISABLED"},
			"message": nil, "helpUrl": nil,
		}},
	})
	creds := object(doc, "credentials")
	setDefault(creds, "userNameTemplate", map[string]any{"template": "${source.login}", "type": "BUILT_IN"})
	setDefault(creds, "signing", map[string]any{})
}

var nonAlnum = regexp.MustCompile(`[^a-z0-9]+`)

// customAppName makes the name Okta gives a custom app: the org's name,
// the label and a counter.
func (s *Server) customAppName(label string) string {
	slug := nonAlnum.ReplaceAllString(strings.ToLower(label), "")
	if slug == "" {
		slug = "app"
	}
	if len(slug) > 40 {
		slug = slug[:40]
	}
	base := "oktatest_" + slug
	s.appNames[base]++
	return base + "_" + strconv.Itoa(s.appNames[base])
}

// renderApp is the app as Okta sends it. expandUser, if set, embeds that
// user's assignment. The caller holds s.mu.
func (s *Server) renderApp(a *app, expandUser string) map[string]any {
	out := copyDoc(a.doc)
	out["id"] = a.id
	out["status"] = a.status
	out["created"] = formatTime(a.created)
	out["lastUpdated"] = formatTime(a.lastUpdated)
	creds := object(out, "credentials")
	object(creds, "signing")["kid"] = a.activeKid
	mode, _ := out["signOnMode"].(string)
	if mode == "OPENID_CONNECT" {
		oc := object(creds, "oauthClient")
		if id, _ := oc["client_id"].(string); id == "" {
			oc["client_id"] = a.id
		}
		if confidential(oc) && a.clientSecret != "" {
			oc["client_secret"] = a.clientSecret
		}
	}
	name, _ := out["name"].(string)
	appURL := s.href("api", "v1", "apps", a.id)
	links := map[string]any{
		"self":       link(appURL),
		"uploadLogo": link(appURL+"/logo", "POST"),
		"appLinks": []any{map[string]any{
			"name": appLinkName(mode),
			"href": s.href("home", name, a.id, appLinkName(mode)),
			"type": "text/html",
		}},
		"groups":   link(appURL + "/groups"),
		"users":    link(appURL + "/users"),
		"logo":     []any{s.logoLink(a)},
		"metadata": map[string]any{"href": appURL + "/sso/saml/metadata", "type": "application/xml"},
	}
	if a.status == statusActive {
		links["deactivate"] = link(appURL + "/lifecycle/deactivate")
	} else {
		links["activate"] = link(appURL + "/lifecycle/activate")
	}
	out["_links"] = links
	if expandUser != "" {
		if au, ok := a.users[expandUser]; ok {
			out["_embedded"] = map[string]any{"user": s.renderAppUser(a, au)}
		}
	}
	return out
}

func (s *Server) getApplication(w http.ResponseWriter, r *http.Request, c *call) {
	s.withApp(w, r, func(a *app) {
		s.writeJSON(w, http.StatusOK, s.renderApp(a, expandedUser(r)))
	})
}

// expandedUser reads expand=user/{userId}.
func expandedUser(r *http.Request) string {
	id, _ := strings.CutPrefix(r.URL.Query().Get("expand"), "user/")
	return id
}

func (s *Server) updateApplication(w http.ResponseWriter, r *http.Request, c *call) {
	doc, err := decodeObject(r)
	if err != nil {
		s.writeError(w, err)
		return
	}
	s.withApp(w, r, func(a *app) {
		// Validate on a scratch copy so that a refused replace changes nothing.
		scratch := *a
		if err := s.writeDoc(&scratch, doc); err != nil {
			s.writeError(w, err)
			return
		}
		a.doc, a.activeKid, a.clientSecret = scratch.doc, scratch.activeKid, scratch.clientSecret
		a.lastUpdated = s.now()
		s.writeJSON(w, http.StatusOK, s.renderApp(a, ""))
	})
}

func (s *Server) deleteApplication(w http.ResponseWriter, r *http.Request, c *call) {
	s.withApp(w, r, func(a *app) {
		if a.status == statusActive {
			s.writeError(w, invalid("status", "Cannot delete an active application. Deactivate it first."))
			return
		}
		delete(s.apps, a.id)
		s.appOrder = without(s.appOrder, a)
		s.dropLogo(a)
		noContent(w)
	})
}

func (s *Server) activateApplication(w http.ResponseWriter, r *http.Request, c *call) {
	s.setAppStatus(w, r, statusActive)
}

func (s *Server) deactivateApplication(w http.ResponseWriter, r *http.Request, c *call) {
	s.setAppStatus(w, r, statusInactive)
}

func (s *Server) setAppStatus(w http.ResponseWriter, r *http.Request, status string) {
	s.withApp(w, r, func(a *app) {
		if a.status != status {
			a.status = status
			a.lastUpdated = s.now()
		}
		s.writeJSON(w, http.StatusOK, map[string]any{})
	})
}

func (s *Server) listApplications(w http.ResponseWriter, r *http.Request, c *call) {
	p, err := parsePage(r, appLimits)
	if err != nil {
		s.writeError(w, err)
		return
	}
	query := r.URL.Query()
	filter, err := parseAppFilter(query.Get("filter"))
	if err != nil {
		s.writeError(w, err)
		return
	}
	prefix := strings.ToLower(query.Get("q"))
	var keep func(*app) bool
	if len(filter) > 0 || prefix != "" {
		keep = func(a *app) bool { return filter.match(a) && a.hasPrefix(prefix) }
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	items := page(s, w, r, filtered(s.appOrder, keep), func(a *app) int64 { return a.seq }, func(a *app) string { return a.id }, s.globalCursor, p)
	out := make([]any, len(items))
	expand := expandedUser(r)
	for i, a := range items {
		out[i] = s.renderApp(a, expand)
	}
	s.writeJSON(w, http.StatusOK, out)
}

// hasPrefix is the q search: label or name starts with prefix, any case.
func (a *app) hasPrefix(prefix string) bool {
	if prefix == "" {
		return true
	}
	for _, k := range []string{"label", "name"} {
		if v, _ := a.doc[k].(string); strings.HasPrefix(strings.ToLower(v), prefix) {
			return true
		}
	}
	return false
}

// appFilter is a parsed filter expression: clauses joined by "and".
type appFilter []filterClause

type filterClause struct{ field, value string }

var filterFields = map[string]bool{
	"status": true, "name": true, "user.id": true, "group.id": true, "credentials.signing.kid": true,
}

var clauseRE = regexp.MustCompile(`^\s*([A-Za-z.]+)\s+eq\s+"((?:[^"\\]|\\.)*)"\s*`)

// unescapeValue undoes the escapes of a quoted filter value.
var unescapeValue = strings.NewReplacer(`\"`, `"`, `\\`, `\`)

// parseAppFilter parses the filter expressions listApplications supports:
// `field eq "value"` for status, name, user.id, group.id and
// credentials.signing.kid, joined by "and".
func parseAppFilter(expr string) (appFilter, *apiError) {
	var f appFilter
	rest := expr
	for strings.TrimSpace(rest) != "" {
		m := clauseRE.FindStringSubmatch(rest)
		if m == nil || !filterFields[m[1]] {
			return nil, invalid("filter", "Invalid filter expression: "+expr)
		}
		value := unescapeValue.Replace(m[2])
		f = append(f, filterClause{m[1], value})
		rest = rest[len(m[0]):]
		if strings.TrimSpace(rest) == "" {
			break
		}
		after, ok := strings.CutPrefix(rest, "and ")
		if !ok {
			return nil, invalid("filter", "Invalid filter expression: "+expr)
		}
		rest = after
	}
	return f, nil
}

func (f appFilter) match(a *app) bool {
	for _, c := range f {
		var ok bool
		switch c.field {
		case "status":
			ok = a.status == c.value
		case "name":
			ok = a.doc["name"] == c.value
		case "user.id":
			_, ok = a.users[c.value]
		case "group.id":
			_, ok = a.groups[c.value]
		case "credentials.signing.kid":
			ok = a.activeKid == c.value
		}
		if !ok {
			return false
		}
	}
	return true
}
