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
	linkID       string // the app link's id, the last segment of its href

	users       map[string]*appUser
	userOrder   []*appUser
	groups      map[string]*appGroup
	groupOrder  []*appGroup
	tokens      []*oauthToken
	grants      []*scopeGrant
	conn        connection
	provFeature map[string]any // USER_PROVISIONING capabilities, nil if the app has not the feature
	inFeature   map[string]any // INBOUND_PROVISIONING capabilities, nil if the app has not the feature
}

const (
	statusActive   = "ACTIVE"
	statusInactive = "INACTIVE"
)

// serverOwned are members of an app only the server writes: what a client
// sends for them is ignored.
var serverOwned = []string{"id", "status", "created", "lastUpdated", "orn", "universalLogout", "_links", "_embedded"}

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
		linkID:      s.newID(prefixAppLink),
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
	if _, err := s.writeDoc(a, doc); err != nil {
		s.writeError(w, err)
		return
	}
	// Every app starts with a key; its material is made when a client
	// first looks at it (see keys.go). Only apps that sign name it in
	// credentials.signing.kid.
	a.keys = []*appKey{{kid: s.newKid(), created: now}}
	a.activeKid = a.keys[0].kid
	if a.template().provisioning() {
		a.provFeature = defaultProvisioningCapabilities()
		a.inFeature = defaultInboundCapabilities()
	}
	a.seq = s.register(a.id)
	s.apps[a.id] = a
	s.appOrder = append(s.appOrder, a)
	// The client secret is shown once, on create.
	s.writeJSON(w, http.StatusOK, s.renderApp(a, renderOpts{secret: true}))
}

// template is the app's template, from its stored name and sign-on mode.
func (a *app) template() template {
	name, _ := a.doc["name"].(string)
	mode, _ := a.doc["signOnMode"].(string)
	return templateOf(name, mode)
}

// writeDoc validates doc as the client-writable content of a (new when
// a.doc is nil), fills in Okta's defaults and stores it. It reports
// whether the client secret changed, so that the answer may show it.
func (s *Server) writeDoc(a *app, doc map[string]any) (newSecret bool, err *apiError) {
	for _, k := range serverOwned {
		delete(doc, k)
	}
	if err := checkAppShape(doc); err != nil {
		return false, err
	}
	name, mode, err := s.resolveName(a, doc)
	if err != nil {
		return false, err
	}
	t := templateOf(name, mode)
	if t.kind == kindDirectory {
		doc["signOnMode"] = nil
	}
	if err := refusal(a, doc, t); err != nil {
		return false, err
	}
	if err := applySigningKid(a, doc); err != nil {
		return false, err
	}
	if t.oidc() {
		newSecret = s.writeOAuthClient(a, doc, t)
	}
	if creds, ok := doc["credentials"].(map[string]any); ok {
		dropPassword(creds)
	}
	normalizeEmpty(doc)
	fillDefaults(doc, t, s.newID)
	a.doc = doc
	return newSecret, nil
}

// checkAppShape refuses a label that is missing and members of the wrong
// JSON type.
func checkAppShape(doc map[string]any) *apiError {
	label, ok, bad := getString(doc, "label")
	if bad {
		return malformed()
	}
	if !ok || strings.TrimSpace(label) == "" {
		return invalid("label", "Property is required.")
	}
	for _, k := range []string{"signOnMode", "name"} {
		if _, _, bad := getString(doc, k); bad {
			return malformed()
		}
	}
	for _, k := range []string{"credentials", "settings", "visibility", "accessibility", "licensing"} {
		if _, bad := getObject(doc, k); bad {
			return malformed()
		}
	}
	if creds, _ := getObject(doc, "credentials"); creds != nil {
		for _, k := range []string{"signing", "oauthClient"} {
			if _, bad := getObject(creds, k); bad {
				return malformed()
			}
		}
		if signing, _ := getObject(creds, "signing"); signing != nil {
			if _, _, bad := getString(signing, "kid"); bad {
				return malformed()
			}
		}
	}
	return nil
}

// resolveName settles the app's name and sign-on mode as Okta does: a
// replace keeps what it leaves out, a catalog name is lower-cased and
// decides some sign-on modes, and an app named by no one gets its
// template's name or, for a custom app, a generated one.
func (s *Server) resolveName(a *app, doc map[string]any) (name, mode string, err *apiError) {
	mode, hasMode, _ := getString(doc, "signOnMode")
	name, _, _ = getString(doc, "name")
	if a.doc != nil {
		if !hasMode {
			if m, ok, _ := getString(a.doc, "signOnMode"); ok {
				mode = m
				doc["signOnMode"] = m
			}
		}
		if name == "" {
			name, _ = a.doc["name"].(string)
		}
	}
	name = strings.ToLower(name)
	if m := catalogModes[name]; m != "" && mode == "AUTO_LOGIN" {
		mode = m
		doc["signOnMode"] = m
	}
	if name == "" {
		switch {
		case templateNames[mode] != "":
			name = templateNames[mode]
		case customModes[mode]:
			name = s.customAppName(doc["label"].(string))
		case mode == "" || mode == "BROWSER_PLUGIN":
			return "", "", invalid("name", "Property is required.")
		default:
			return "", "", invalid("signOnMode", "'"+mode+"' is not a supported sign-on mode for an app without a name.")
		}
	}
	doc["name"] = name
	return name, mode, nil
}

// refusal is Okta's answer to a write it refuses for what the app is, or
// nil.
func refusal(a *app, doc map[string]any, t template) *apiError {
	if t.name == "office365" && t.mode == "WS_FEDERATION" {
		return adminConsentRequired()
	}
	if acc, _ := getObject(doc, "accessibility"); acc != nil && acc["selfService"] == true {
		return selfServiceNotEnabled()
	}
	if a.doc != nil && t.kind == kindCatalog && t.mode == "AUTO_LOGIN" && a.status != statusActive {
		return unsupportedAppOperation("The AUTO_LOGIN app " + t.name + " has no active instance to update.")
	}
	return nil
}

// applySigningKid takes credentials.signing.kid of a replace as the key the
// app signs with; it must be one of the app's keys.
func applySigningKid(a *app, doc map[string]any) *apiError {
	creds, _ := getObject(doc, "credentials")
	signing, _ := getObject(creds, "signing")
	if signing == nil {
		return nil
	}
	if kid, ok, _ := getString(signing, "kid"); ok && kid != "" && a.doc != nil {
		if a.key(kid) == nil {
			return invalid("credentials.signing.kid", "The key "+kid+" is not a key credential of this app.")
		}
		a.activeKid = kid
	}
	delete(signing, "kid")
	return nil
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
	base := orgName + "_" + slug
	s.appNames[base]++
	return base + "_" + strconv.Itoa(s.appNames[base])
}
func (s *Server) getApplication(w http.ResponseWriter, r *http.Request, c *call) {
	s.withApp(w, r, func(a *app) {
		s.writeJSON(w, http.StatusOK, s.renderApp(a, renderOpts{expandUser: expandedUser(r)}))
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
		newSecret, err := s.writeDoc(&scratch, doc)
		if err != nil {
			s.writeError(w, err)
			return
		}
		a.doc, a.activeKid, a.clientSecret = scratch.doc, scratch.activeKid, scratch.clientSecret
		a.lastUpdated = s.now()
		s.writeJSON(w, http.StatusOK, s.renderApp(a, renderOpts{secret: newSecret}))
	})
}

func (s *Server) deleteApplication(w http.ResponseWriter, r *http.Request, c *call) {
	s.withApp(w, r, func(a *app) {
		if a.status == statusActive {
			s.writeError(w, invalid("status", "Cannot delete an active application. Deactivate it first."))
			return
		}
		delete(s.apps, a.id)
		s.deletedApps[a.id] = true
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
	o := renderOpts{expandUser: expandedUser(r)}
	for i, a := range items {
		out[i] = s.renderApp(a, o)
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
			ok = a.template().signs() && a.activeKid == c.value
		}
		if !ok {
			return false
		}
	}
	return true
}
