package oktatest

// OAuth 2.0 client secrets of an OIDC app (/credentials/secrets). The
// token endpoint of the default custom authorization server accepts any
// ACTIVE one (custom_token.go).

import (
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"slices"
	"time"
)

// clientSecret is one of an OIDC app's client secrets.
type clientSecret struct {
	id, value, status    string
	created, lastUpdated time.Time
}

// Okta's limits on an app's client secrets.
const (
	maxClientSecrets    = 2   // an app holds at most two secrets
	minJWTSecretLength  = 32  // for client_secret_jwt (HMAC) apps
	maxSecretLength     = 100 // longest secret a client may bring
	generatedSecretSize = 64
)

// oauthClientOf is the app's credentials.oauthClient, or nil.
func oauthClientOf(a *app) map[string]any {
	creds, _ := a.doc["credentials"].(map[string]any)
	oc, _ := creds["oauthClient"].(map[string]any)
	return oc
}

// clientID is the OAuth 2.0 client id of an OIDC app: the app id unless the
// client chose one.
func clientID(a *app) string {
	if id, _ := oauthClientOf(a)["client_id"].(string); id != "" {
		return id
	}
	return a.id
}

// isOIDC tells whether a is an OpenID Connect app.
func isOIDC(a *app) bool { return a.doc["signOnMode"] == "OPENID_CONNECT" }

// secretsOf returns a's client secrets. The secret the app's credentials
// hold (app.clientSecret: the one it was created with, or one a
// replaceApplication set) is one of them while it is not deleted; when the
// app's secret changes, that secret takes the new value. The caller holds
// s.mu.
func (s *Server) secretsOf(a *app) *appExtras {
	x := s.extras(a)
	cur := a.clientSecret
	if cur == "" || cur == x.importedSecret || !isOIDC(a) || !confidential(oauthClientOf(a)) {
		return x
	}
	first := x.importedSecret == ""
	x.importedSecret = cur
	now := s.now()
	switch {
	case x.appSecret != nil && slices.Contains(x.secrets, x.appSecret):
		x.appSecret.value, x.appSecret.lastUpdated = cur, now
	case len(x.secrets) < maxClientSecrets:
		created := now
		if first {
			created = a.created
		}
		x.appSecret = &clientSecret{id: s.newID(prefixSecret), value: cur, status: statusActive, created: created, lastUpdated: created}
		x.secrets = append(x.secrets, x.appSecret)
	}
	return x
}

// secretHash is the secret_hash Okta shows instead of a secret: a short
// digest that tells secrets apart without revealing them.
func secretHash(v string) string {
	sum := sha256.Sum256([]byte(v))
	return base64.RawURLEncoding.EncodeToString(sum[:16])
}

// renderSecret is the secret as Okta sends it; withValue adds client_secret,
// which Okta sends only when the secret is created.
func (s *Server) renderSecret(a *app, cs *clientSecret, withValue bool) map[string]any {
	self := s.href("api", "v1", "apps", a.id, "credentials", "secrets", cs.id)
	links := map[string]any{}
	if cs.status == statusActive {
		links["deactivate"] = link(self+"/lifecycle/deactivate", "POST")
	} else {
		links["activate"] = link(self+"/lifecycle/activate", "POST")
		links["delete"] = link(self, "DELETE")
	}
	out := map[string]any{
		"id":          cs.id,
		"status":      cs.status,
		"secret_hash": secretHash(cs.value),
		"created":     formatTime(cs.created),
		"lastUpdated": formatTime(cs.lastUpdated),
		"_links":      links,
	}
	if withValue {
		out["client_secret"] = cs.value
	}
	return out
}

func (s *Server) listClientSecrets(w http.ResponseWriter, r *http.Request, c *call) {
	s.withApp(w, r, func(a *app) {
		out := []any{}
		for _, cs := range s.secretsOf(a).secrets {
			out = append(out, s.renderSecret(a, cs, false))
		}
		s.writeJSON(w, http.StatusOK, out)
	})
}

// createOAuth2ClientSecret adds a secret, generated unless the client
// brings one. Only OIDC apps that authenticate with a secret have secrets,
// and at most two.
func (s *Server) createClientSecret(w http.ResponseWriter, r *http.Request, c *call) {
	doc, err := decodeOptionalObject(r)
	if err != nil {
		s.writeError(w, err)
		return
	}
	value, hasValue, bad1 := getString(doc, "client_secret")
	status, hasStatus, bad2 := getString(doc, "status")
	if bad1 || bad2 {
		s.writeError(w, malformed())
		return
	}
	if !hasStatus {
		status = statusActive
	}
	s.withApp(w, r, func(a *app) {
		oc := oauthClientOf(a)
		x := s.secretsOf(a)
		method, _ := oc["token_endpoint_auth_method"].(string)
		switch {
		case !isOIDC(a) || !confidential(oc):
			err = invalid("client_secret", "Client secrets are available only to OIDC apps whose token_endpoint_auth_method is client_secret_basic, client_secret_post or client_secret_jwt.")
		case len(x.secrets) >= maxClientSecrets:
			err = invalid("client_secret", "An app can have at most 2 client secrets: delete an inactive one first.")
		case status != statusActive && status != statusInactive:
			err = invalid("status", "'"+status+"' is not a valid status: use ACTIVE or INACTIVE.")
		case hasValue && len(value) > maxSecretLength:
			err = invalid("client_secret", "A client secret is at most 100 characters long.")
		case hasValue && method == "client_secret_jwt" && len(value) < minJWTSecretLength:
			err = invalid("client_secret", "A client secret of a client_secret_jwt app is at least 32 characters long.")
		case hasValue && slices.ContainsFunc(x.secrets, func(cs *clientSecret) bool { return cs.value == value }):
			err = invalid("client_secret", "The app already has this client secret.")
		}
		if err != nil {
			s.writeError(w, err)
			return
		}
		if !hasValue || value == "" {
			value = secret(generatedSecretSize)
		}
		now := s.now()
		cs := &clientSecret{id: s.newID(prefixSecret), value: value, status: status, created: now, lastUpdated: now}
		x.secrets = append(x.secrets, cs)
		s.writeJSON(w, http.StatusCreated, s.renderSecret(a, cs, true))
	})
}

// withSecret runs f, holding s.mu, on the app and the secret the request's
// appId and secretId name, or answers 404.
func (s *Server) withSecret(w http.ResponseWriter, r *http.Request, f func(*app, *appExtras, *clientSecret)) {
	withChild(s, w, r, child[clientSecret]{
		extras: (*Server).secretsOf,
		list:   func(x *appExtras) []*clientSecret { return x.secrets },
		param:  "secretId", kind: "OAuth2ClientSecret",
		id: func(v *clientSecret) string { return v.id },
	}, f)
}

func (s *Server) getClientSecret(w http.ResponseWriter, r *http.Request, c *call) {
	s.withSecret(w, r, func(a *app, _ *appExtras, cs *clientSecret) {
		s.writeJSON(w, http.StatusOK, s.renderSecret(a, cs, false))
	})
}

// deleteOAuth2ClientSecret removes an INACTIVE secret; an ACTIVE one must
// be deactivated first.
func (s *Server) deleteClientSecret(w http.ResponseWriter, r *http.Request, c *call) {
	s.withSecret(w, r, func(a *app, x *appExtras, cs *clientSecret) {
		if cs.status == statusActive {
			s.writeError(w, invalid("status", "An ACTIVE client secret cannot be deleted: deactivate it first."))
			return
		}
		x.secrets = without(x.secrets, cs)
		noContent(w)
	})
}

func (s *Server) activateClientSecret(w http.ResponseWriter, r *http.Request, c *call) {
	s.withSecret(w, r, func(a *app, _ *appExtras, cs *clientSecret) {
		if cs.status != statusActive {
			cs.status, cs.lastUpdated = statusActive, s.now()
		}
		s.writeJSON(w, http.StatusOK, s.renderSecret(a, cs, false))
	})
}

// deactivateOAuth2ClientSecret refuses to deactivate the app's last ACTIVE
// secret: the client could no longer authenticate.
func (s *Server) deactivateClientSecret(w http.ResponseWriter, r *http.Request, c *call) {
	s.withSecret(w, r, func(a *app, x *appExtras, cs *clientSecret) {
		if cs.status == statusActive {
			active := 0
			for _, o := range x.secrets {
				if o.status == statusActive {
					active++
				}
			}
			if active == 1 {
				s.writeError(w, invalid("status", "The last ACTIVE client secret of an app cannot be deactivated."))
				return
			}
			cs.status, cs.lastUpdated = statusInactive, s.now()
		}
		s.writeJSON(w, http.StatusOK, s.renderSecret(a, cs, false))
	})
}
