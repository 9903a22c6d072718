package oktatest

// Federated claims of an app (/federated-claims): claims Okta evaluates
// with an Okta Expression Language expression and adds to the app's
// federation tokens (ID tokens, SAML assertions).

import (
	"net/http"
	"slices"
	"strings"
	"time"
)

// federatedClaim is one of an app's federated claims. Its name is unique in
// the app.
type federatedClaim struct {
	id, name, expression string
	created, lastUpdated time.Time
}

const (
	maxClaimName       = 100
	maxClaimExpression = 1024
	maxClaims          = 100 // claims per app
)

func (s *Server) renderClaim(a *app, fc *federatedClaim) map[string]any {
	return map[string]any{
		"id":          fc.id,
		"name":        fc.name,
		"expression":  fc.expression,
		"created":     formatTime(fc.created),
		"lastUpdated": formatTime(fc.lastUpdated),
	}
}

// readClaim reads and validates a claim's name and expression.
func readClaim(r *http.Request) (name, expression string, err *apiError) {
	doc, err := decodeOptionalObject(r)
	if err != nil {
		return "", "", err
	}
	name, _, bad1 := getString(doc, "name")
	expression, _, bad2 := getString(doc, "expression")
	switch {
	case bad1 || bad2:
		return "", "", malformed()
	case strings.TrimSpace(name) == "":
		return "", "", invalid("name", "Property is required.")
	case len(name) > maxClaimName || strings.ContainsAny(name, " \t\r\n"):
		return "", "", invalid("name", "A claim name is at most 100 characters, without white space.")
	case strings.TrimSpace(expression) == "":
		return "", "", invalid("expression", "Property is required.")
	case len(expression) > maxClaimExpression:
		return "", "", invalid("expression", "An expression is at most 1024 characters long.")
	}
	return name, expression, nil
}

// nameTaken tells whether another claim of x than self has name.
func (x *appExtras) claimNameTaken(name string, self *federatedClaim) bool {
	return slices.ContainsFunc(x.claims, func(o *federatedClaim) bool { return o != self && o.name == name })
}

func (s *Server) listFederatedClaims(w http.ResponseWriter, r *http.Request, c *call) {
	s.withApp(w, r, func(a *app) {
		out := []any{}
		for _, fc := range s.extras(a).claims {
			out = append(out, s.renderClaim(a, fc))
		}
		s.writeJSON(w, http.StatusOK, out)
	})
}

func (s *Server) createFederatedClaim(w http.ResponseWriter, r *http.Request, c *call) {
	name, expr, err := readClaim(r)
	if err != nil {
		s.writeError(w, err)
		return
	}
	s.withApp(w, r, func(a *app) {
		x := s.extras(a)
		switch {
		case x.claimNameTaken(name, nil):
			s.writeError(w, invalid("name", "The app already has a claim named '"+name+"'."))
			return
		case len(x.claims) >= maxClaims:
			s.writeError(w, invalid("name", "An app can have at most 100 federated claims."))
			return
		}
		now := s.now()
		fc := &federatedClaim{id: s.newID(prefixClaim), name: name, expression: expr, created: now, lastUpdated: now}
		x.claims = append(x.claims, fc)
		s.writeJSON(w, http.StatusCreated, s.renderClaim(a, fc))
	})
}

// withClaim runs f, holding s.mu, on the app and the claim the request's
// appId and claimId name, or answers 404.
func (s *Server) withClaim(w http.ResponseWriter, r *http.Request, f func(*app, *appExtras, *federatedClaim)) {
	withChild(s, w, r, child[federatedClaim]{
		extras: (*Server).extras,
		list:   func(x *appExtras) []*federatedClaim { return x.claims },
		param:  "claimId", kind: "FederatedClaim",
		id: func(v *federatedClaim) string { return v.id },
	}, f)
}

func (s *Server) getFederatedClaim(w http.ResponseWriter, r *http.Request, c *call) {
	s.withClaim(w, r, func(a *app, _ *appExtras, fc *federatedClaim) {
		s.writeJSON(w, http.StatusOK, s.renderClaim(a, fc))
	})
}

// replaceFederatedClaim answers 200, as Okta does (the spec says 201).
func (s *Server) replaceFederatedClaim(w http.ResponseWriter, r *http.Request, c *call) {
	name, expr, err := readClaim(r)
	if err != nil {
		s.writeError(w, err)
		return
	}
	s.withClaim(w, r, func(a *app, x *appExtras, fc *federatedClaim) {
		if x.claimNameTaken(name, fc) {
			s.writeError(w, invalid("name", "The app already has a claim named '"+name+"'."))
			return
		}
		fc.name, fc.expression, fc.lastUpdated = name, expr, s.now()
		s.writeJSON(w, http.StatusOK, s.renderClaim(a, fc))
	})
}

func (s *Server) deleteFederatedClaim(w http.ResponseWriter, r *http.Request, c *call) {
	s.withClaim(w, r, func(a *app, x *appExtras, fc *federatedClaim) {
		x.claims = without(x.claims, fc)
		noContent(w)
	})
}
