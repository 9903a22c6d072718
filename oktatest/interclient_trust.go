package oktatest

// Interclient trust mappings (/interclient-allowed-apps and
// /interclient-target-apps; Early Access in Okta): the apps allowed to
// request interclient SSO into a target app. None of the lists is paged.

import (
	"net/http"
	"slices"
	"time"
)

// trustMapping allows trusted to request interclient tokens for target. A
// pair has at most one.
type trustMapping struct {
	id, target, trusted, by string
	created, lastUpdated    time.Time
}

func (s *Server) renderTrust(t *trustMapping) map[string]any {
	return map[string]any{
		"id":                   t.id,
		"orgId":                s.more().orgID,
		"appInstanceId":        t.target,
		"trustedAppInstanceId": t.trusted,
		"created":              formatTime(t.created),
		"lastUpdated":          formatTime(t.lastUpdated),
		"lastUpdatedBy":        t.by,
	}
}

// trustIDs answers the ids pick takes from the mappings keep accepts.
func (s *Server) trustIDs(w http.ResponseWriter, r *http.Request, keep func(*app, *trustMapping) bool, pick func(*trustMapping) string) {
	s.withApp(w, r, func(a *app) {
		out := []string{}
		for _, t := range s.links().trust {
			if keep(a, t) {
				out = append(out, pick(t))
			}
		}
		s.writeJSON(w, http.StatusOK, out)
	})
}

// listInterclientAllowedApplications lists the ids of the apps the app
// trusts.
func (s *Server) listInterclientAllowed(w http.ResponseWriter, r *http.Request, c *call) {
	s.trustIDs(w, r, func(a *app, t *trustMapping) bool { return t.target == a.id },
		func(t *trustMapping) string { return t.trusted })
}

// listInterclientTargetApplications lists the ids of the apps that trust
// the app.
func (s *Server) listInterclientTargets(w http.ResponseWriter, r *http.Request, c *call) {
	s.trustIDs(w, r, func(a *app, t *trustMapping) bool { return t.trusted == a.id },
		func(t *trustMapping) string { return t.target })
}

// createInterclientTrustMapping allows the app the body's id names into the
// app of the path.
func (s *Server) createInterclientTrust(w http.ResponseWriter, r *http.Request, c *call) {
	doc, err := decodeObject(r)
	if err != nil {
		s.writeError(w, err)
		return
	}
	allowed, _, bad := getString(doc, "id")
	if bad {
		s.writeError(w, malformed())
		return
	}
	s.withApp(w, r, func(a *app) {
		m := s.links()
		switch {
		case allowed == "":
			err = invalid("id", "Property is required.")
		case allowed == a.id:
			err = invalid("id", "An app cannot trust itself.")
		case s.apps[allowed] == nil:
			err = invalid("id", "The app '"+allowed+"' does not exist.")
		case slices.ContainsFunc(m.trust, func(t *trustMapping) bool { return t.target == a.id && t.trusted == allowed }):
			err = invalid("id", "The app '"+allowed+"' is already allowed.")
		}
		if err != nil {
			s.writeError(w, err)
			return
		}
		now := s.now()
		t := &trustMapping{id: s.newID(prefixTrustMapping), target: a.id, trusted: allowed, by: c.principal.userID,
			created: now, lastUpdated: now}
		m.trust = append(m.trust, t)
		s.writeJSON(w, http.StatusCreated, s.renderTrust(t))
	})
}

// deleteInterclientTrustMapping stops trusting the app allowedAppId names.
func (s *Server) deleteInterclientTrust(w http.ResponseWriter, r *http.Request, c *call) {
	s.withApp(w, r, func(a *app) {
		m := s.links()
		allowed := r.PathValue("allowedAppId")
		i := slices.IndexFunc(m.trust, func(t *trustMapping) bool { return t.target == a.id && t.trusted == allowed })
		if i < 0 {
			s.writeError(w, notFound(allowed, "InterclientTrustMapping"))
			return
		}
		m.trust = without(m.trust, m.trust[i])
		noContent(w)
	})
}
