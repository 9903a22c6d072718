package oktatest

// Cross App Access connections (/cwo/connections; Early Access in Okta): a
// requesting app allowed to reach a resource app on behalf of users. An
// app lists the connections it is either side of.

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
)

// crossAppConn is a Cross App Access connection of the org. A pair of apps
// has at most one.
type crossAppConn struct {
	seq                              int64
	id, requesting, resource, status string
	created, lastUpdated             time.Time
}

// crossAppMaxLimit is the largest page; a limit of -1 (the default) means
// that many, and 0 an empty page.
const crossAppMaxLimit = 200

func (s *Server) renderCrossApp(cn *crossAppConn) map[string]any {
	return map[string]any{
		"id":                      cn.id,
		"requestingAppInstanceId": cn.requesting,
		"resourceAppInstanceId":   cn.resource,
		"status":                  cn.status,
		"created":                 formatTime(cn.created),
		"lastUpdated":             formatTime(cn.lastUpdated),
	}
}

// crossAppPage reads after and limit; a missing or negative limit is the
// maximum.
func crossAppPage(r *http.Request) (pageSpec, *apiError) {
	p := pageSpec{after: r.URL.Query().Get("after"), limit: crossAppMaxLimit}
	if v := r.URL.Query().Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			return p, invalid("limit", "'"+v+"' is not a valid integer.")
		}
		if n >= 0 {
			p.limit = min(n, crossAppMaxLimit)
		}
	}
	return p, nil
}

// crossAppFilter reads the list's filters. The caller holds s.mu when it
// calls the filter.
func (s *Server) crossAppFilter(r *http.Request, appID string) (func(*crossAppConn) bool, *apiError) {
	q := r.URL.Query()
	status := q.Get("status")
	if status != "" && status != statusActive && status != statusInactive {
		return nil, invalid("status", "'"+status+"' is not a valid status: use ACTIVE or INACTIVE.")
	}
	activeOnly, err := parseBool(r, "activeAppsOnly", false)
	if err != nil {
		return nil, err
	}
	reqID, resID := q.Get("requestingAppId"), q.Get("resourceAppId")
	reqName, resName := strings.ToLower(q.Get("requestingAppName")), strings.ToLower(q.Get("resourceAppName"))
	named := func(id, part string) bool {
		if part == "" {
			return true
		}
		a, ok := s.apps[id]
		if !ok {
			return false
		}
		name, _ := a.doc["name"].(string)
		label, _ := a.doc["label"].(string)
		return strings.Contains(strings.ToLower(name), part) || strings.Contains(strings.ToLower(label), part)
	}
	active := func(id string) bool { a, ok := s.apps[id]; return ok && a.status == statusActive }
	return func(cn *crossAppConn) bool {
		return (cn.requesting == appID || cn.resource == appID) &&
			(status == "" || cn.status == status) &&
			(reqID == "" || cn.requesting == reqID) && (resID == "" || cn.resource == resID) &&
			named(cn.requesting, reqName) && named(cn.resource, resName) &&
			(!activeOnly || (active(cn.requesting) && active(cn.resource)))
	}, nil
}

// getAllCrossAppAccessConnections lists the app's inbound and outbound
// connections, paged.
func (s *Server) listCrossAppConnections(w http.ResponseWriter, r *http.Request, c *call) {
	p, err := crossAppPage(r)
	if err != nil {
		s.writeError(w, err)
		return
	}
	keep, err := s.crossAppFilter(r, r.PathValue("appId"))
	if err != nil {
		s.writeError(w, err)
		return
	}
	s.withApp(w, r, func(a *app) {
		items := page(s, w, r, filtered(s.links().crossApp, keep), func(cn *crossAppConn) int64 { return cn.seq },
			func(cn *crossAppConn) string { return cn.id }, s.globalCursor, p)
		out := make([]any, len(items))
		for i, cn := range items {
			out[i] = s.renderCrossApp(cn)
		}
		s.writeJSON(w, http.StatusOK, out)
	})
}

// createCrossAppAccessConnection connects two apps, one of them the app of
// the path (the requesting app unless the body names another).
func (s *Server) createCrossAppConnection(w http.ResponseWriter, r *http.Request, c *call) {
	doc, err := decodeObject(r)
	if err != nil {
		s.writeError(w, err)
		return
	}
	req, hasReq, bad1 := getString(doc, "requestingAppInstanceId")
	res, _, bad2 := getString(doc, "resourceAppInstanceId")
	status, hasStatus, bad3 := getString(doc, "status")
	if bad1 || bad2 || bad3 {
		s.writeError(w, malformed())
		return
	}
	if !hasStatus {
		status = statusActive
	}
	s.withApp(w, r, func(a *app) {
		if !hasReq || req == "" {
			req = a.id
		}
		m := s.links()
		switch {
		case res == "":
			err = invalid("resourceAppInstanceId", "Property is required.")
		case req != a.id && res != a.id:
			err = invalid("requestingAppInstanceId", "The app "+a.id+" must be the requesting or the resource app.")
		case req == res:
			err = invalid("resourceAppInstanceId", "An app cannot connect to itself.")
		case status != statusActive && status != statusInactive:
			err = invalid("status", "'"+status+"' is not a valid status: use ACTIVE or INACTIVE.")
		case s.apps[req] == nil:
			err = notFound(req, "AppInstance")
		case s.apps[res] == nil:
			err = notFound(res, "AppInstance")
		case slices.ContainsFunc(m.crossApp, func(o *crossAppConn) bool { return o.requesting == req && o.resource == res }):
			err = invalid("resourceAppInstanceId", "These apps are already connected.")
		}
		if err != nil {
			s.writeError(w, err)
			return
		}
		now := s.now()
		cn := &crossAppConn{id: s.newID(prefixCrossApp), requesting: req, resource: res, status: status, created: now, lastUpdated: now}
		cn.seq = s.register(cn.id)
		m.crossApp = append(m.crossApp, cn)
		s.writeJSON(w, http.StatusCreated, s.renderCrossApp(cn))
	})
}

// withCrossApp runs f, holding s.mu, on the connection the request's
// connectionId names if the app of the path is one of its sides, or answers
// 404.
func (s *Server) withCrossApp(w http.ResponseWriter, r *http.Request, f func(*state2026, *crossAppConn)) {
	s.withApp(w, r, func(a *app) {
		m := s.links()
		id := r.PathValue("connectionId")
		i := slices.IndexFunc(m.crossApp, func(cn *crossAppConn) bool {
			return cn.id == id && (cn.requesting == a.id || cn.resource == a.id)
		})
		if i < 0 {
			s.writeError(w, notFound(id, "OrgCrossAppAccessConnection"))
			return
		}
		f(m, m.crossApp[i])
	})
}

func (s *Server) getCrossAppConnection(w http.ResponseWriter, r *http.Request, c *call) {
	s.withCrossApp(w, r, func(_ *state2026, cn *crossAppConn) {
		s.writeJSON(w, http.StatusOK, s.renderCrossApp(cn))
	})
}

// updateCrossAppAccessConnection sets the status: a plain JSON object
// {"status": ...}, not JSON Patch.
func (s *Server) updateCrossAppConnection(w http.ResponseWriter, r *http.Request, c *call) {
	status, err := decodeStatus(r)
	if err != nil {
		s.writeError(w, err)
		return
	}
	s.withCrossApp(w, r, func(_ *state2026, cn *crossAppConn) {
		if cn.status != status {
			cn.status, cn.lastUpdated = status, s.now()
		}
		s.writeJSON(w, http.StatusOK, s.renderCrossApp(cn))
	})
}

func (s *Server) deleteCrossAppConnection(w http.ResponseWriter, r *http.Request, c *call) {
	s.withCrossApp(w, r, func(m *state2026, cn *crossAppConn) {
		m.crossApp = without(m.crossApp, cn)
		noContent(w)
	})
}
