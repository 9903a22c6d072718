package oktatest

// OAuth 2.0 client secrets of an OIDC app (/credentials/secrets), and the
// token endpoint's client_secret_basic and client_secret_post client
// authentication, which accepts any ACTIVE secret of the app.

import (
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"net/http"
	"net/url"
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
	s.withApp(w, r, func(a *app) {
		x := s.secretsOf(a)
		id := r.PathValue("secretId")
		i := slices.IndexFunc(x.secrets, func(cs *clientSecret) bool { return cs.id == id })
		if i < 0 {
			s.writeError(w, notFound(id, "OAuth2ClientSecret"))
			return
		}
		f(a, x, x.secrets[i])
	})
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

// authenticateClient authenticates the client of a token request: with a
// private_key_jwt client assertion (checkAssertion), or with one of an OIDC
// app's ACTIVE client secrets sent as client_secret_basic (HTTP Basic) or
// client_secret_post (client_id and client_secret in the form), the method
// the app is configured with. A secret-authenticated client is granted the
// Okta scopes the app has consent grants for.
func (s *Server) authenticateClient(r *http.Request, form url.Values, now time.Time) (*serviceClient, *oauthErr) {
	id, sec, method := clientSecretCredentials(r, form)
	if method == "" {
		if form.Get("client_assertion_type") != jwtBearer || form.Get("client_assertion") == "" {
			return nil, invalidClient("The client must authenticate with a private_key_jwt client_assertion, or with a client secret.")
		}
		return s.checkAssertion(form.Get("client_assertion"), form.Get("client_id"), now)
	}
	o := &s.oauth // issueToken then records the token in its maps
	o.mu.Lock()
	o.lazyInit()
	o.mu.Unlock()
	if form.Get("client_assertion") != "" {
		return nil, &oauthErr{status: http.StatusBadRequest, code: "invalid_request", desc: "The client must use one authentication method only."}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	a := s.appByClientID(id)
	if a == nil || a.status != statusActive || !s.checkClientSecret(a, sec) {
		return nil, invalidClient("The client secret supplied for a confidential client is invalid.")
	}
	if m, _ := oauthClientOf(a)["token_endpoint_auth_method"].(string); m != method {
		return nil, invalidClient("Client authentication failed: the app's token_endpoint_auth_method is " + m + ", not " + method + ".")
	}
	if !allowsClientCredentials(a) {
		return nil, &oauthErr{status: http.StatusBadRequest, code: "unauthorized_client",
			desc: "The client is not authorized to use the provided grant type (client_credentials)."}
	}
	var scopes []string
	for _, g := range a.grants {
		scopes = append(scopes, g.scopeID)
	}
	return &serviceClient{id: id, scopes: scopes}, nil
}

// allowsClientCredentials tells whether the app's grant_types (when it
// sets them) include client_credentials.
func allowsClientCredentials(a *app) bool {
	settings, _ := a.doc["settings"].(map[string]any)
	oc, _ := settings["oauthClient"].(map[string]any)
	grants, ok := oc["grant_types"].([]any)
	return !ok || slices.Contains(grants, any("client_credentials"))
}

// clientSecretCredentials reads client_secret_basic or client_secret_post
// credentials; method is "" when the request carries neither.
func clientSecretCredentials(r *http.Request, form url.Values) (id, sec, method string) {
	if u, p, ok := r.BasicAuth(); ok {
		// RFC 6749 2.3.1: both parts are form-encoded before Basic encoding.
		uu, err1 := url.QueryUnescape(u)
		pp, err2 := url.QueryUnescape(p)
		if err1 != nil || err2 != nil {
			return u, p, "client_secret_basic"
		}
		return uu, pp, "client_secret_basic"
	}
	if form.Get("client_secret") != "" {
		return form.Get("client_id"), form.Get("client_secret"), "client_secret_post"
	}
	return "", "", ""
}

// appByClientID finds the OIDC app whose client id is id. The caller holds
// s.mu.
func (s *Server) appByClientID(id string) *app {
	if a, ok := s.apps[id]; ok && isOIDC(a) && clientID(a) == id {
		return a
	}
	for _, a := range s.appOrder {
		if isOIDC(a) && clientID(a) == id {
			return a
		}
	}
	return nil
}

// checkClientSecret reports whether sec is one of the ACTIVE client secrets
// of a, an OIDC app that authenticates with a secret. The caller holds s.mu.
func (s *Server) checkClientSecret(a *app, sec string) bool {
	if !isOIDC(a) || !confidential(oauthClientOf(a)) {
		return false
	}
	ok := false
	for _, cs := range s.secretsOf(a).secrets {
		if cs.status == statusActive && subtle.ConstantTimeCompare([]byte(cs.value), []byte(sec)) == 1 {
			ok = true
		}
	}
	return ok
}
