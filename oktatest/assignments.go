package oktatest

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// appUser is a user's assignment to an app. doc holds what the client
// wrote (credentials, profile, scope and any other member).
type appUser struct {
	seq                               int64
	userID                            string
	doc                               map[string]any
	created, lastUpdated, statusSince time.Time
}

// appGroup is a group's assignment to an app.
type appGroup struct {
	seq         int64
	groupID     string
	doc         map[string]any
	lastUpdated time.Time
}

var appUserServerOwned = []string{"id", "created", "lastUpdated", "status", "statusChanged",
	"passwordChanged", "syncState", "lastSync", "externalId", "_links", "_embedded"}

func (s *Server) renderAppUser(a *app, au *appUser) map[string]any {
	out := copyDoc(au.doc)
	out["id"] = au.userID
	out["created"] = formatTime(au.created)
	out["lastUpdated"] = formatTime(au.lastUpdated)
	out["status"] = "ACTIVE"
	out["statusChanged"] = formatTime(au.statusSince)
	out["passwordChanged"] = nil
	out["syncState"] = "DISABLED"
	out["externalId"] = nil
	setDefault(out, "scope", "USER")
	u := s.users[au.userID]
	profile := appUserProfile(u)
	if sent, ok := out["profile"].(map[string]any); ok {
		for k, v := range sent {
			profile[k] = v
		}
	}
	out["profile"] = profile
	creds := object(out, "credentials")
	if u != nil {
		setDefault(creds, "userName", u.login)
	}
	out["_links"] = map[string]any{
		"app":  link(s.href("api", "v1", "apps", a.id)),
		"user": link(s.href("api", "v1", "users", au.userID)),
	}
	return out
}

// cleanAppUserDoc drops what Okta does not keep of an app user written:
// the server's members, the password (write-only) and an empty user name.
func cleanAppUserDoc(doc map[string]any) {
	for _, k := range appUserServerOwned {
		delete(doc, k)
	}
	if creds, ok := doc["credentials"].(map[string]any); ok {
		dropPassword(creds)
		if creds["userName"] == "" {
			delete(creds, "userName")
		}
	}
}

// checkAppUserDoc refuses members of the wrong JSON type.
func checkAppUserDoc(doc map[string]any) *apiError {
	for _, k := range []string{"credentials", "profile"} {
		if _, bad := getObject(doc, k); bad {
			return malformed()
		}
	}
	if _, _, bad := getString(doc, "scope"); bad {
		return malformed()
	}
	return nil
}

func (s *Server) assignUserToApplication(w http.ResponseWriter, r *http.Request, c *call) {
	doc, err := decodeObject(r)
	if err != nil {
		s.writeError(w, err)
		return
	}
	if err := checkAppUserDoc(doc); err != nil {
		s.writeError(w, err)
		return
	}
	userID, ok, bad := getString(doc, "id")
	if bad {
		s.writeError(w, malformed())
		return
	}
	cleanAppUserDoc(doc)
	s.withApp(w, r, func(a *app) {
		if !ok || userID == "" {
			s.writeError(w, invalid("id", "Property is required."))
			return
		}
		if _, known := s.users[userID]; !known {
			s.writeError(w, notFound(userID, "User"))
			return
		}
		if au, assigned := a.users[userID]; assigned {
			// Assigning again updates the assignment, as Okta does.
			au.doc, au.lastUpdated = doc, s.now()
			s.writeJSON(w, http.StatusOK, s.renderAppUser(a, au))
			return
		}
		s.writeJSON(w, http.StatusOK, s.renderAppUser(a, s.assign(a, userID, doc)))
	})
}

// assign makes a new assignment of the user to a. The caller holds s.mu.
func (s *Server) assign(a *app, userID string, doc map[string]any) *appUser {
	now := s.now()
	au := &appUser{seq: s.register(assignmentKey(userID, a.id)), userID: userID, doc: doc,
		created: now, lastUpdated: now, statusSince: now}
	a.users[userID] = au
	a.userOrder = append(a.userOrder, au)
	return au
}

// lookupAppUser finds a user assignment; the caller holds s.mu.
func (s *Server) lookupAppUser(r *http.Request) (*app, *appUser, *apiError) {
	return lookupAssignment(s, r, "userId", "AppUser", appUsers)
}

// getApplicationUser answers the assignment; for an app that was deleted,
// Okta's 404 names the user.
func (s *Server) getApplicationUser(w http.ResponseWriter, r *http.Request, c *call) {
	lookup := func(r *http.Request) (*app, *appUser, *apiError) {
		if s.deletedApps[r.PathValue("appId")] {
			return nil, nil, notFound(r.PathValue("userId"), "User")
		}
		return s.lookupAppUser(r)
	}
	getOne(s, w, r, lookup, s.expandUserRender(r))
}

// updateApplicationUser merges the members sent into the assignment. A
// user of the org not yet assigned is assigned, as Okta does.
func (s *Server) updateApplicationUser(w http.ResponseWriter, r *http.Request, c *call) {
	doc, err := decodeObject(r)
	if err != nil {
		s.writeError(w, err)
		return
	}
	if err := checkAppUserDoc(doc); err != nil {
		s.writeError(w, err)
		return
	}
	cleanAppUserDoc(doc)
	s.withApp(w, r, func(a *app) {
		userID := r.PathValue("userId")
		au, assigned := a.users[userID]
		if !assigned {
			if _, known := s.users[userID]; !known {
				s.writeError(w, notFound(userID, "User"))
				return
			}
			s.writeJSON(w, http.StatusOK, s.renderAppUser(a, s.assign(a, userID, doc)))
			return
		}
		for k, v := range doc {
			au.doc[k] = v
		}
		au.lastUpdated = s.now()
		s.writeJSON(w, http.StatusOK, s.renderAppUser(a, au))
	})
}

func (s *Server) deleteApplicationUser(w http.ResponseWriter, r *http.Request, c *call) {
	if _, err := parseBool(r, "sendEmail", false); err != nil {
		s.writeError(w, err)
		return
	}
	deleteOne(s, w, r, s.lookupAppUser, func(a *app, au *appUser) {
		delete(a.users, au.userID)
		a.userOrder = without(a.userOrder, au)
	})
}

func (s *Server) listApplicationUsers(w http.ResponseWriter, r *http.Request, c *call) {
	listAssignments(s, w, r, appUserLimits, appUsers, s.userMatches, s.expandUserRender(r))
}

// userMatches is the q search of app users: the app user name or the
// user's login, first or last name starts with prefix, any case.
func (s *Server) userMatches(au *appUser, prefix string) bool {
	candidates := []string{}
	if creds, ok := au.doc["credentials"].(map[string]any); ok {
		if n, ok := creds["userName"].(string); ok {
			candidates = append(candidates, n)
		}
	}
	if u, ok := s.users[au.userID]; ok {
		candidates = append(candidates, u.login, u.firstName, u.last)
	}
	for _, c := range candidates {
		if strings.HasPrefix(strings.ToLower(c), prefix) {
			return true
		}
	}
	return false
}

func (s *Server) renderAppGroup(a *app, ag *appGroup) map[string]any {
	out := copyDoc(ag.doc)
	out["id"] = ag.groupID
	out["lastUpdated"] = formatTime(ag.lastUpdated)
	setDefault(out, "profile", map[string]any{})
	out["_links"] = map[string]any{
		"app":   link(s.href("api", "v1", "apps", a.id)),
		"self":  link(s.href("api", "v1", "apps", a.id, "groups", ag.groupID)),
		"group": link(s.href("api", "v1", "groups", ag.groupID)),
	}
	return out
}

// createApplicationGroupAssignment assigns a group, or replaces the
// assignment if the group is already assigned. The body may be empty.
func (s *Server) createApplicationGroupAssignment(w http.ResponseWriter, r *http.Request, c *call) {
	doc, err := decodeOptionalObject(r)
	if err != nil {
		s.writeError(w, err)
		return
	}
	if _, bad := getObject(doc, "profile"); bad {
		s.writeError(w, malformed())
		return
	}
	if p, ok := doc["priority"]; ok && p != nil {
		n, isNum := p.(json.Number)
		if _, err := n.Int64(); !isNum || err != nil {
			s.writeError(w, malformed())
			return
		}
	}
	for _, k := range []string{"id", "lastUpdated", "_links", "_embedded"} {
		delete(doc, k)
	}
	s.withApp(w, r, func(a *app) {
		gid := r.PathValue("groupId")
		if _, ok := s.groups[gid]; !ok {
			s.writeError(w, notFound(gid, "UserGroup"))
			return
		}
		ag, assigned := a.groups[gid]
		if !assigned {
			ag = &appGroup{seq: s.register(assignmentKey(gid, a.id)), groupID: gid}
			setDefault(doc, "priority", json.Number(strconv.Itoa(len(a.groupOrder))))
			a.groups[gid] = ag
			a.groupOrder = append(a.groupOrder, ag)
		} else {
			setDefault(doc, "priority", ag.doc["priority"])
		}
		ag.doc, ag.lastUpdated = doc, s.now()
		s.writeJSON(w, http.StatusOK, s.renderAppGroup(a, ag))
	})
}

// lookupAppGroup finds a group assignment; the caller holds s.mu.
func (s *Server) lookupAppGroup(r *http.Request) (*app, *appGroup, *apiError) {
	return lookupAssignment(s, r, "groupId", "ApplicationGroupAssignment", appGroups)
}

func (s *Server) getApplicationGroupAssignment(w http.ResponseWriter, r *http.Request, c *call) {
	getOne(s, w, r, s.lookupAppGroup, s.expandGroupRender(r))
}

func (s *Server) deleteApplicationGroupAssignment(w http.ResponseWriter, r *http.Request, c *call) {
	deleteOne(s, w, r, s.lookupAppGroup, func(a *app, ag *appGroup) {
		delete(a.groups, ag.groupID)
		a.groupOrder = without(a.groupOrder, ag)
	})
}

func (s *Server) listApplicationGroupAssignments(w http.ResponseWriter, r *http.Request, c *call) {
	listAssignments(s, w, r, appGroupLimits, appGroups, s.groupMatches, s.expandGroupRender(r))
}

// groupMatches is the q search of app groups: the group's name starts with
// prefix, any case.
func (s *Server) groupMatches(ag *appGroup, prefix string) bool {
	g, ok := s.groups[ag.groupID]
	return ok && strings.HasPrefix(strings.ToLower(g.name), prefix)
}

// assignment is a user's or a group's assignment to an app.
type assignment interface {
	sequence() int64    // its place in the app's list
	assigneeID() string // the user's or group's id, its cursor
}

func (au *appUser) sequence() int64    { return au.seq }
func (au *appUser) assigneeID() string { return au.userID }

func (ag *appGroup) sequence() int64    { return ag.seq }
func (ag *appGroup) assigneeID() string { return ag.groupID }

// appUsers and appGroups give an app's user or group assignments, in order
// and by assignee id.
func appUsers(a *app) ([]*appUser, map[string]*appUser)    { return a.userOrder, a.users }
func appGroups(a *app) ([]*appGroup, map[string]*appGroup) { return a.groupOrder, a.groups }

// lookupAssignment finds the app a request's appId names and, in the
// assignments lists gives of it, the one of the user or group the path
// value param names. kind is the type a not-found error names. The caller
// holds s.mu.
func lookupAssignment[T assignment](s *Server, r *http.Request, param, kind string, lists func(*app) ([]T, map[string]T)) (*app, T, *apiError) {
	var zero T
	a, err := s.lookupApp(r.PathValue("appId"))
	if err != nil {
		return nil, zero, err
	}
	id := r.PathValue(param)
	_, byID := lists(a)
	x, ok := byID[id]
	if !ok {
		return nil, zero, notFound(id, kind)
	}
	return a, x, nil
}

// listAssignments answers a page of the user or group assignments of the
// app a request names, those that match its q search. lists gives an
// app's assignments in order and by assignee id.
func listAssignments[T assignment](s *Server, w http.ResponseWriter, r *http.Request, limits listLimits,
	lists func(*app) ([]T, map[string]T), matches func(T, string) bool, render func(*app, T) map[string]any) {
	p, err := parsePage(r, limits)
	if err != nil {
		s.writeError(w, err)
		return
	}
	prefix := strings.ToLower(r.URL.Query().Get("q"))
	var keep func(T) bool
	if prefix != "" {
		keep = func(x T) bool { return matches(x, prefix) }
	}
	s.withApp(w, r, func(a *app) {
		order, byID := lists(a)
		// A cursor is a current assignment, else one that was removed since.
		resolve := func(id string) (int64, bool) {
			if x, ok := byID[id]; ok {
				return x.sequence(), true
			}
			seq, ok := s.cursors[assignmentKey(id, a.id)]
			return seq, ok
		}
		items := page(s, w, r, filtered(order, keep), T.sequence, T.assigneeID, resolve, p)
		out := make([]any, len(items))
		for i, x := range items {
			out[i] = render(a, x)
		}
		s.writeJSON(w, http.StatusOK, out)
	})
}

// assignmentKey is the cursor key of an assignment: the cursor clients see
// is the user or group id, which is only unique within one app.
func assignmentKey(id, appID string) string { return appID + "/" + id }
