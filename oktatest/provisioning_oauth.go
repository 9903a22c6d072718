package oktatest

// OAuth 2.0 provisioning connections: the public keys of an Org2Org app's
// connection (getUserProvisioningConnectionJWKS), and the last step of the
// consent flow of the catalog apps that provision over OAuth 2.0
// (verifyProvisioningConnectionForApplication).

import (
	"net/http"
	"slices"
	"strings"
)

// org2orgName is the catalog name of the Okta Org2Org app, the one whose
// provisioning connection has keys of its own.
const org2orgName = "okta_org2org"

// oauthProvisioningApps are the catalog apps whose provisioning connection
// is verified through the OAuth 2.0 callback.
var oauthProvisioningApps = []string{"google", "office365", "slack", "zoomus"}

// connectionKeyYears is the validity of a provisioning connection's key.
const connectionKeyYears = 10

// getProvisioningJWKS is GET /api/v1/apps/{appId}/connections/default/jwks:
// {"jwks": {"keys": [...]}}, the keys the target org trusts as the jwks_uri
// of its service app. Only Org2Org apps have them; the first read makes one.
func (s *Server) getProvisioningJWKS(w http.ResponseWriter, r *http.Request, c *call) {
	var name string
	var need bool
	if !s.withApp(w, r, func(a *app) {
		name, _ = a.doc["name"].(string)
		need = len(s.extras(a).connKeys) == 0
	}) {
		return
	}
	if name != org2orgName {
		s.writeError(w, notFound(r.PathValue("appId"), "AppConnectionUserProvisionJWK"))
		return
	}
	var made *appKey
	if need {
		now := s.now()
		cert, err := selfSigned(name, now, connectionKeyYears)
		if err != nil {
			s.writeError(w, statusError(http.StatusInternalServerError))
			return
		}
		made = &appKey{created: now, lastUpdated: now, cert: cert}
	}
	s.withApp(w, r, func(a *app) {
		x := s.extras(a)
		if made != nil && len(x.connKeys) == 0 {
			made.kid = s.newKid()
			x.connKeys = append(x.connKeys, made)
		}
		keys := make([]any, len(x.connKeys))
		for i, k := range x.connKeys {
			keys[i] = renderKey(k)
		}
		s.writeJSON(w, http.StatusOK, map[string]any{"jwks": map[string]any{"keys": keys}})
	})
}

// verifyProvisioningConnection is POST
// /api/v1/apps/{appName}/{appId}/oauth2/callback?code=&state=: it takes the
// authorization code of the admin's consent and enables the app's
// provisioning connection with the OAUTH2 scheme. It answers 204.
func (s *Server) verifyProvisioningConnection(w http.ResponseWriter, r *http.Request, c *call) {
	appName := r.PathValue("appName")
	if !slices.Contains(oauthProvisioningApps, appName) {
		s.writeError(w, invalid("appName", "'"+appName+"' does not provision over OAuth 2.0: use "+strings.Join(oauthProvisioningApps, ", ")+"."))
		return
	}
	code := r.URL.Query().Get("code")
	s.withApp(w, r, func(a *app) {
		if name, _ := a.doc["name"].(string); name != appName {
			s.writeError(w, notFound(a.id, "AppInstance"))
			return
		}
		if code == "" {
			s.writeError(w, invalid("code", "Property is required."))
			return
		}
		a.conn.authScheme, a.conn.status = "OAUTH2", "ENABLED"
		if a.provFeature == nil {
			a.provFeature = defaultProvisioningCapabilities()
		}
		noContent(w)
	})
}
