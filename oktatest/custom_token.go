package oktatest

// The token endpoint of the org's default custom authorization server,
// POST /oauth2/default/v1/token, for the client credentials grant of OIDC
// service apps that authenticate with a client secret (client_secret_basic
// or client_secret_post). The org authorization server (/oauth2/v1/token)
// takes only private_key_jwt for this grant, as Okta's does, so this is
// where a client secret proves it works. Its access tokens carry custom
// scopes, for the app's own APIs: the management API does not accept them.

import (
	"crypto/subtle"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"
)

const (
	customTokenPattern = "/oauth2/{authServerId}/v1/token"
	defaultAuthServer  = "default"
)

// reservedScopes are the OpenID Connect scopes, which the client
// credentials grant cannot ask for; Okta's own scopes (okta.*) are the org
// authorization server's.
var reservedScopes = []string{"openid", "profile", "email", "address", "phone", "offline_access", "groups"}

// serveCustomToken is POST /oauth2/{authServerId}/v1/token. Only the
// default authorization server exists.
func (s *Server) serveCustomToken(w http.ResponseWriter, r *http.Request) {
	if id := r.PathValue("authServerId"); id != defaultAuthServer {
		s.writeError(w, notFound(id, "AuthorizationServer"))
		return
	}
	s.serveTokenEndpoint(w, r, s.issueCustomToken)
}

// issueCustomToken issues a token of the default custom authorization server
// to a client that authenticates with one of its active secrets.
func (s *Server) issueCustomToken(w http.ResponseWriter, r *http.Request) (map[string]any, *oauthErr) {
	form, e := clientCredentialsForm(w, r)
	if e != nil {
		return nil, e
	}
	if _, e := s.secretClient(r, form); e != nil {
		return nil, e
	}
	scopes := strings.Fields(form.Get("scope"))
	if len(scopes) == 0 {
		return nil, &oauthErr{status: http.StatusBadRequest, code: "invalid_scope", desc: "The authorization server resource does not have any configured default scopes, 'scope' must be provided."}
	}
	var denied []string
	for _, sc := range scopes {
		if strings.HasPrefix(sc, "okta.") || slices.Contains(reservedScopes, sc) {
			denied = append(denied, sc)
		}
	}
	if len(denied) > 0 {
		return nil, &oauthErr{status: http.StatusBadRequest, code: "invalid_scope", desc: "The following scopes are not allowed: " + strings.Join(denied, ", ")}
	}
	o := &s.oauth
	o.mu.Lock()
	o.lazyInit()
	ttl := o.tokenTTL
	o.mu.Unlock()
	return map[string]any{"token_type": "Bearer", "expires_in": int(ttl / time.Second),
		"access_token": secret(48), "scope": strings.Join(scopes, " ")}, nil
}

// secretClient authenticates a token request's client by one of its OIDC
// app's ACTIVE client secrets, sent the way the app is configured to send
// it, and returns the app's client id.
func (s *Server) secretClient(r *http.Request, form url.Values) (string, *oauthErr) {
	id, sec, method := clientSecretCredentials(r, form)
	switch {
	case method == "":
		return "", invalidClient("The client must authenticate with a client secret (client_secret_basic or client_secret_post).")
	case form.Get("client_assertion") != "":
		return "", &oauthErr{status: http.StatusBadRequest, code: "invalid_request", desc: "The client must use one authentication method only."}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	a := s.appByClientID(id)
	if a == nil || a.status != statusActive || !s.checkClientSecret(a, sec) {
		return "", invalidClient("The client secret supplied for a confidential client is invalid.")
	}
	if m, _ := oauthClientOf(a)["token_endpoint_auth_method"].(string); m != method {
		return "", invalidClient("Client authentication failed: the app's token_endpoint_auth_method is " + m + ", not " + method + ".")
	}
	if !allowsClientCredentials(a) {
		return "", &oauthErr{status: http.StatusBadRequest, code: "unauthorized_client",
			desc: "The client is not authorized to use the provided grant type (client_credentials)."}
	}
	return id, nil
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
