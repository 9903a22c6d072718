package oktatest

import "strings"

// What Okta fills in, member by member, when an app is written: a member the
// client sent keeps its value, every member it left out gets Okta's default,
// even inside objects the client sent in part. Empty strings Okta does not
// keep become null or vanish, and write-only secrets are dropped.

// fillDefaults adds the members Okta fills in for an app of template t.
// newID makes the ids of the members it fills in (jwks key ids).
func fillDefaults(doc map[string]any, t template, newID func(prefix string) string) {
	setDefault(doc, "features", []any{})
	vis := object(doc, "visibility")
	setDefault(vis, "autoLaunch", false)
	setDefault(vis, "autoSubmitToolbar", false)
	hide := object(vis, "hide")
	setDefault(hide, "iOS", false)
	setDefault(hide, "web", false)
	links := object(vis, "appLinks")
	if len(links) == 0 && t.hasAppLink() {
		links[t.linkName()] = true
	}
	acc := object(doc, "accessibility")
	setDefault(acc, "selfService", false)
	setDefault(acc, "errorRedirectUrl", nil)
	setDefault(acc, "loginRedirectUrl", nil)

	fillSettingsDefaults(object(doc, "settings"), t, newID)
	fillCredentialDefaults(object(doc, "credentials"), t)
}

func fillSettingsDefaults(settings map[string]any, t template, newID func(string) string) {
	app := object(settings, "app")
	vpn := object(object(settings, "notifications"), "vpn")
	setDefault(object(vpn, "network"), "connection", "DISABLED")
	setDefault(vpn, "message", nil)
	setDefault(vpn, "helpUrl", nil)
	setDefault(settings, "manualProvisioning", false)
	setDefault(settings, "implicitAssignment", false)
	notes := object(settings, "notes")
	setDefault(notes, "admin", nil)
	setDefault(notes, "enduser", nil)
	setDefault(settings, "emOptInStatus", "NOT_ENABLED")

	switch {
	case t.securePasswordStore():
		for _, k := range []string{"optionalField1", "optionalField1Value", "optionalField2",
			"optionalField2Value", "optionalField3", "optionalField3Value"} {
			setDefault(app, k, nil)
		}
	case t.customSAML():
		fillSAMLDefaults(object(settings, "signOn"))
	case t.oidc():
		if oc, ok := settings["oauthClient"].(map[string]any); ok {
			fillOIDCSettingsDefaults(oc, newID)
		}
	}
}

// fillSAMLDefaults fills the signOn settings of a custom SAML app.
func fillSAMLDefaults(signOn map[string]any) {
	for _, k := range []string{"defaultRelayState", "ssoAcsUrlOverride", "audienceOverride",
		"recipientOverride", "destinationOverride", "spIssuer"} {
		setDefault(signOn, k, nil)
	}
	setDefault(signOn, "attributeStatements", []any{})
	setDefault(signOn, "idpIssuer", "http://www.okta.com/${org.externalKey}")
	setDefault(signOn, "requestCompressed", false)
	setDefault(signOn, "allowMultipleAcsEndpoints", false)
	setDefault(signOn, "acsEndpoints", []any{})
	setDefault(signOn, "samlSignedRequestEnabled", false)
	setDefault(object(signOn, "slo"), "enabled", false)
	setDefault(object(signOn, "assertionEncryption"), "enabled", false)
	setDefault(signOn, "inlineHooks", []any{})
}

// fillOIDCSettingsDefaults fills settings.oauthClient of an OIDC client.
func fillOIDCSettingsDefaults(oc map[string]any, newID func(string) string) {
	setDefault(oc, "client_uri", nil)
	setDefault(oc, "logo_uri", nil)
	if oc["application_type"] == "service" {
		setDefault(oc, "redirect_uris", []any{})
	}
	setDefault(oc, "response_types", []any{"code"})
	setDefault(oc, "grant_types", []any{"authorization_code"})
	setDefault(oc, "issuer_mode", "DYNAMIC")
	setDefault(oc, "consent_method", "TRUSTED")
	idp := object(oc, "idp_initiated_login")
	setDefault(idp, "mode", "DISABLED")
	setDefault(idp, "default_scope", []any{})
	setDefault(oc, "wildcard_redirect", "DISABLED")
	setDefault(oc, "dpop_bound_access_tokens", false)
	setDefault(oc, "participate_slo", false)
	if jwks, ok := oc["jwks"].(map[string]any); ok {
		if keys, ok := jwks["keys"].([]any); ok {
			for _, k := range keys {
				if key, ok := k.(map[string]any); ok {
					if id, _, _ := getString(key, "id"); id == "" {
						key["id"] = newID("pks")
					}
				}
			}
		}
	}
}

func fillCredentialDefaults(creds map[string]any, t template) {
	tmpl := object(creds, "userNameTemplate")
	setDefault(tmpl, "template", "${source.login}")
	setDefault(tmpl, "type", "BUILT_IN")
	object(creds, "signing")
	if t.hasScheme() {
		setDefault(creds, "scheme", "EDIT_USERNAME_AND_PASSWORD")
		setDefault(creds, "revealPassword", false)
	}
}

// normalizeEmpty applies Okta's rewriting of empty strings: some become
// null, some vanish.
func normalizeEmpty(doc map[string]any) {
	if settings, ok := doc["settings"].(map[string]any); ok {
		if signOn, ok := settings["signOn"].(map[string]any); ok {
			for k, v := range signOn {
				if v == "" && (k == "defaultRelayState" || strings.HasSuffix(k, "Override")) {
					signOn[k] = nil
				}
			}
		}
		if app, ok := settings["app"].(map[string]any); ok {
			for _, k := range []string{"loginUrlRegex", "redirectUrl", "checkbox"} {
				if app[k] == "" {
					app[k] = nil
				}
			}
		}
	}
	if creds, ok := doc["credentials"].(map[string]any); ok && creds["userName"] == "" {
		delete(creds, "userName")
	}
}

// dropPassword removes a write-only password from credentials: its value
// never comes back, nor does a password object left empty.
func dropPassword(creds map[string]any) {
	pw, ok := creds["password"].(map[string]any)
	if !ok {
		delete(creds, "password")
		return
	}
	delete(pw, "value")
	if len(pw) == 0 {
		delete(creds, "password")
	}
}
