package oktatest

import "strings"

// OIDC clients: credentials.oauthClient, the client id and the write-only
// client secret.

// writeOAuthClient settles credentials.oauthClient of an OIDC app being
// written. The secret the client sends (or the one made for a confidential
// client) is kept out of the stored document: it is shown only in the
// answer to the write that set it. It reports whether the secret changed.
func (s *Server) writeOAuthClient(a *app, doc map[string]any, t template) (newSecret bool) {
	settings, _ := getObject(doc, "settings")
	sc, _ := getObject(settings, "oauthClient")
	if t.kind == kindCatalog && len(redirectURIs(sc)) == 0 {
		// A catalog OIDC app made without redirect URIs is no OAuth client.
		if settings != nil {
			delete(settings, "oauthClient")
		}
		if creds, _ := getObject(doc, "credentials"); creds != nil {
			delete(creds, "oauthClient")
		}
		a.clientSecret = ""
		return false
	}
	oc := object(object(doc, "credentials"), "oauthClient")
	if sec, ok, _ := getString(oc, "client_secret"); ok && sec != "" {
		newSecret = sec != a.clientSecret
		a.clientSecret = sec
	}
	delete(oc, "client_secret")
	appType, _ := sc["application_type"].(string)
	if a.doc == nil {
		method := "client_secret_basic"
		if appType == "browser" {
			method = "none"
		}
		setDefault(oc, "token_endpoint_auth_method", method)
		setDefault(oc, "autoKeyRotation", true)
	} else if old, ok := memberAt(a.doc, "credentials", "oauthClient").(map[string]any); ok {
		// A replace that leaves these out keeps them; client_id is
		// immutable.
		for _, k := range []string{"client_id", "token_endpoint_auth_method", "autoKeyRotation"} {
			if v, ok := old[k]; ok && (k == "client_id" || oc[k] == nil) {
				oc[k] = v
			}
		}
	}
	setDefault(oc, "pkce_required", appType == "browser" || appType == "native")
	if confidential(oc) && a.clientSecret == "" {
		a.clientSecret = secret(40)
		newSecret = true
	}
	return newSecret
}

// redirectURIs are the redirect URIs of settings.oauthClient, if any.
func redirectURIs(sc map[string]any) []any {
	l, _ := sc["redirect_uris"].([]any)
	return l
}

// confidential tells whether an OIDC client authenticates with a secret.
func confidential(oauthClient map[string]any) bool {
	m, _ := oauthClient["token_endpoint_auth_method"].(string)
	return strings.HasPrefix(m, "client_secret_")
}
