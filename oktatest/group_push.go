package oktatest

// Group push mappings of an app (/group-push/mappings): an Okta group (the
// source) pushed to a group of the app (the target, here a group of the
// org). A mapping is ACTIVE or INACTIVE; only an INACTIVE one can be
// deleted.

import (
	"net/http"
	"slices"
	"strings"
	"time"
)

// pushMapping is one of an app's group push mappings. An app maps a source
// group at most once.
type pushMapping struct {
	seq                            int64
	id, sourceGroupID, targetGroup string
	status                         string
	appConfig                      map[string]any // as sent, nil if none
	created, lastUpdated, lastPush time.Time
}

var pushLimits = listLimits{100, 1000}

// pushFilterTime is the form of the lastUpdated filter.
const pushFilterTime = "2006-01-02T15:04:05Z"

func (s *Server) renderPushMapping(a *app, m *pushMapping) map[string]any {
	out := map[string]any{
		"id":            m.id,
		"sourceGroupId": m.sourceGroupID,
		"targetGroupId": m.targetGroup,
		"status":        m.status,
		"errorSummary":  nil,
		"created":       formatTime(m.created),
		"lastUpdated":   formatTime(m.lastUpdated),
		"lastPush":      nil,
		"_links": map[string]any{
			"app":         link(s.href("api", "v1", "apps", a.id)),
			"sourceGroup": link(s.href("api", "v1", "groups", m.sourceGroupID)),
			"targetGroup": link(s.href("api", "v1", "groups", m.targetGroup)),
		},
	}
	if !m.lastPush.IsZero() {
		out["lastPush"] = formatTime(m.lastPush)
	}
	if m.appConfig != nil {
		out["appConfig"] = copyDoc(m.appConfig)
	}
	return out
}

// pushFilter reads the list's lastUpdated, sourceGroupId and status filters.
func pushFilter(r *http.Request) (func(*pushMapping) bool, *apiError) {
	q := r.URL.Query()
	var since time.Time
	if v := q.Get("lastUpdated"); v != "" {
		t, err := time.Parse(pushFilterTime, v)
		if err != nil {
			return nil, invalid("lastUpdated", "'"+v+"' is not a time of the form YYYY-MM-DDTHH:mm:ssZ.")
		}
		since = t
	}
	status, source := q.Get("status"), q.Get("sourceGroupId")
	if status != "" && status != statusActive && status != statusInactive && status != "ERROR" {
		return nil, invalid("status", "'"+status+"' is not a valid status: use ACTIVE, INACTIVE or ERROR.")
	}
	if since.IsZero() && status == "" && source == "" {
		return nil, nil
	}
	return func(m *pushMapping) bool {
		return !m.lastUpdated.Before(since) && (status == "" || m.status == status) &&
			(source == "" || m.sourceGroupID == source)
	}, nil
}

// listGroupPushMappings pages with after and limit (1 to 1000, default 100).
func (s *Server) listPushMappings(w http.ResponseWriter, r *http.Request, c *call) {
	p, err := parsePage(r, pushLimits)
	if err != nil {
		s.writeError(w, err)
		return
	}
	keep, err := pushFilter(r)
	if err != nil {
		s.writeError(w, err)
		return
	}
	s.withApp(w, r, func(a *app) {
		items := page(s, w, r, filtered(s.extras(a).push, keep), func(m *pushMapping) int64 { return m.seq },
			func(m *pushMapping) string { return m.id }, s.globalCursor, p)
		out := make([]any, len(items))
		for i, m := range items {
			out[i] = s.renderPushMapping(a, m)
		}
		s.writeJSON(w, http.StatusOK, out)
	})
}

// pushRequest is a createGroupPushMapping body.
type pushRequest struct {
	source, targetID, targetName, status string
	appConfig                            map[string]any
}

func readPushRequest(r *http.Request) (pushRequest, *apiError) {
	var p pushRequest
	doc, err := decodeObject(r)
	if err != nil {
		return p, err
	}
	var hasID, hasName, hasStatus bool
	var bad [5]bool
	p.source, _, bad[0] = getString(doc, "sourceGroupId")
	p.targetID, hasID, bad[1] = getString(doc, "targetGroupId")
	p.targetName, hasName, bad[2] = getString(doc, "targetGroupName")
	p.status, hasStatus, bad[3] = getString(doc, "status")
	p.appConfig, bad[4] = getObject(doc, "appConfig")
	if slices.Contains(bad[:], true) {
		return p, malformed()
	}
	if !hasStatus {
		p.status = statusActive
	}
	switch {
	case p.source == "":
		return p, invalid("sourceGroupId", "Property is required.")
	case hasID == hasName || (hasID && p.targetID == "") || (hasName && strings.TrimSpace(p.targetName) == ""):
		return p, invalid("targetGroupId", "Exactly one of targetGroupId and targetGroupName is required.")
	case p.status != statusActive && p.status != statusInactive:
		return p, invalid("status", "'"+p.status+"' is not a valid status: use ACTIVE or INACTIVE.")
	}
	return p, nil
}

// createGroupPushMapping links the source group to a target group given by
// id, or by name (made if the org has no group of that name). It answers
// 200, as Okta does (the spec says 201).
func (s *Server) createPushMapping(w http.ResponseWriter, r *http.Request, c *call) {
	p, err := readPushRequest(r)
	if err != nil {
		s.writeError(w, err)
		return
	}
	s.withApp(w, r, func(a *app) {
		x := s.extras(a)
		switch {
		case s.groups[p.source] == nil:
			err = invalid("sourceGroupId", "The group '"+p.source+"' does not exist.")
		case p.targetID != "" && s.groups[p.targetID] == nil:
			err = invalid("targetGroupId", "The group '"+p.targetID+"' does not exist.")
		case slices.ContainsFunc(x.push, func(m *pushMapping) bool { return m.sourceGroupID == p.source }):
			err = invalid("sourceGroupId", "The app already pushes the group '"+p.source+"'.")
		}
		if err != nil {
			s.writeError(w, err)
			return
		}
		target := p.targetID
		if target == "" {
			target = s.groupNamed(p.targetName)
		}
		now := s.now()
		m := &pushMapping{id: s.newID(prefixPushMapping), sourceGroupID: p.source, targetGroup: target,
			status: p.status, appConfig: p.appConfig, created: now, lastUpdated: now}
		if m.status == statusActive {
			m.lastPush = now
		}
		m.seq = s.register(m.id)
		x.push = append(x.push, m)
		s.writeJSON(w, http.StatusOK, s.renderPushMapping(a, m))
	})
}

// groupNamed returns the id of the org's group with that name, making it if
// there is none. The caller holds s.mu.
func (s *Server) groupNamed(name string) string {
	for id, g := range s.groups {
		if g.name == name {
			return id
		}
	}
	g := &group{id: s.newID(prefixGroup), name: name, created: s.now()}
	s.groups[g.id] = g
	return g.id
}

// withPushMapping runs f, holding s.mu, on the app and the mapping the
// request's appId and mappingId name, or answers 404.
func (s *Server) withPushMapping(w http.ResponseWriter, r *http.Request, f func(*app, *appExtras, *pushMapping)) {
	withChild(s, w, r, child[pushMapping]{
		extras: (*Server).extras,
		list:   func(x *appExtras) []*pushMapping { return x.push },
		param:  "mappingId", kind: "GroupPushMapping",
		id: func(v *pushMapping) string { return v.id },
	}, f)
}

func (s *Server) getPushMapping(w http.ResponseWriter, r *http.Request, c *call) {
	s.withPushMapping(w, r, func(a *app, _ *appExtras, m *pushMapping) {
		s.writeJSON(w, http.StatusOK, s.renderPushMapping(a, m))
	})
}

// updateGroupPushMapping sets the status, the one member it changes.
func (s *Server) updatePushMapping(w http.ResponseWriter, r *http.Request, c *call) {
	status, err := decodeStatus(r)
	if err != nil {
		s.writeError(w, err)
		return
	}
	s.withPushMapping(w, r, func(a *app, _ *appExtras, m *pushMapping) {
		if m.status != status {
			now := s.now()
			m.status, m.lastUpdated = status, now
			if status == statusActive {
				m.lastPush = now
			}
		}
		s.writeJSON(w, http.StatusOK, s.renderPushMapping(a, m))
	})
}

// deleteGroupPushMapping removes an INACTIVE mapping, and its target group
// too when deleteTargetGroup is true. It answers 200 with no body, as Okta
// does (the spec says 204).
func (s *Server) deletePushMapping(w http.ResponseWriter, r *http.Request, c *call) {
	deleteTarget, err := parseBool(r, "deleteTargetGroup", false)
	if err != nil {
		s.writeError(w, err)
		return
	}
	s.withPushMapping(w, r, func(a *app, x *appExtras, m *pushMapping) {
		if m.status == statusActive {
			s.writeError(w, invalid("status", "An ACTIVE group push mapping cannot be deleted: deactivate it first."))
			return
		}
		x.push = without(x.push, m)
		if deleteTarget {
			delete(s.groups, m.targetGroup)
		}
		w.WriteHeader(http.StatusOK)
	})
}

// decodeStatus reads a body {"status": "ACTIVE"|"INACTIVE"}, the one member
// a status update of a group push mapping or a cross-app access connection
// takes.
func decodeStatus(r *http.Request) (string, *apiError) {
	doc, err := decodeObject(r)
	if err != nil {
		return "", err
	}
	status, _, bad := getString(doc, "status")
	switch {
	case bad:
		return "", malformed()
	case status == "":
		return "", invalid("status", "Property is required.")
	case status != statusActive && status != statusInactive:
		return "", invalid("status", "'"+status+"' is not a valid status: use ACTIVE or INACTIVE.")
	}
	return status, nil
}
