package oktatest

import "strings"

// An app's template decides what Okta fills in, what it renders and which
// links it gives: whether the app signs, whether its credentials have a
// scheme, what its app link is called. It follows from the sign-on mode and
// the name, as in Okta, where the name is a catalog (OIN) entry or a
// template.

// kind is the family of templates an app belongs to.
type kind int

const (
	kindCustom    kind = iota // a custom app: generated name (AUTO_LOGIN, SAML)
	kindTemplate              // one of Okta's templates (bookmark, template_swa, oidc_client, ...)
	kindCatalog               // an OIN catalog app named by the client (salesforce, office365, ...)
	kindDirectory             // a directory or identity source (active_directory, ...)
)

// templateNames are the app names Okta gives each sign-on mode when the
// client names none.
var templateNames = map[string]string{
	"BOOKMARK":              "bookmark",
	"BASIC_AUTH":            "template_basic_auth",
	"OPENID_CONNECT":        "oidc_client",
	"SECURE_PASSWORD_STORE": "template_sps",
	"WS_FEDERATION":         "template_wsfed",
}

// templates are the names of Okta's own templates.
var templates = map[string]bool{
	"bookmark": true, "template_basic_auth": true, "oidc_client": true, "template_sps": true,
	"template_wsfed": true, "template_swa": true, "template_swa3field": true,
	"template_saml_2_0": true, "template_saml_1_1": true,
}

// customModes are the sign-on modes of custom apps, which get a name made
// from the org and the label.
var customModes = map[string]bool{"AUTO_LOGIN": true, "SAML_1_1": true, "SAML_2_0": true}

// directoryNames are directories and identity sources: they have no
// sign-on mode (null) and do not sign.
var directoryNames = map[string]bool{
	"active_directory": true, "ldap_sun_one": true, "csv_directory": true, "csv_directory_v2": true,
	"workday": true, "bamboohr": true, "ultipro": true, "successfactors": true,
}

// catalogModes are the catalog apps whose sign-on mode the catalog decides,
// whatever the client sends: these AUTO_LOGIN apps come back BROWSER_PLUGIN.
var catalogModes = map[string]string{
	"office365": "BROWSER_PLUGIN", "aws_console": "BROWSER_PLUGIN", "pagerduty": "BROWSER_PLUGIN",
}

// provisioningNames are the catalog apps that provision both ways: they
// have the USER_PROVISIONING and INBOUND_PROVISIONING features from the
// start.
var provisioningNames = map[string]bool{
	"google": true, "office365": true, "okta_org2org": true, "slack": true, "zoomus": true,
}

// signingModes are the sign-on modes of apps that sign (and so have a
// credentials.signing.kid).
var signingModes = map[string]bool{
	"SAML_1_1": true, "SAML_2_0": true, "WS_FEDERATION": true, "OPENID_CONNECT": true,
}

// schemeModes are the sign-on modes whose credentials have a scheme, and
// a revealPassword flag.
var schemeModes = map[string]bool{
	"AUTO_LOGIN": true, "BASIC_AUTH": true, "BROWSER_PLUGIN": true, "SECURE_PASSWORD_STORE": true,
}

// template is what decides an app's defaults and rendering.
type template struct {
	kind kind
	name string
	mode string // "" for directories (sent as null)
}

// templateOf is the template of an app with the given (normalised) name and
// sign-on mode.
func templateOf(name, mode string) template {
	t := template{name: name, mode: mode}
	switch {
	case directoryNames[name]:
		t.kind = kindDirectory
		t.mode = ""
	case templates[name]:
		t.kind = kindTemplate
	case customModes[mode] && strings.HasPrefix(name, orgName+"_"):
		t.kind = kindCustom
	default:
		t.kind = kindCatalog
	}
	return t
}

func (t template) signs() bool     { return signingModes[t.mode] }
func (t template) hasScheme() bool { return schemeModes[t.mode] }
func (t template) oidc() bool      { return t.mode == "OPENID_CONNECT" }
func (t template) customSAML() bool {
	return t.kind == kindCustom && strings.HasPrefix(t.mode, "SAML_")
}
func (t template) provisioning() bool {
	return provisioningNames[t.name]
}
func (t template) securePasswordStore() bool { return t.name == "template_sps" }

// linkName is the name of the app's (first) app link: "<name>_link" for
// custom apps, "oidc_client_link" for the OIDC template, else "login".
func (t template) linkName() string {
	switch {
	case t.kind == kindCustom:
		return t.name + "_link"
	case t.name == "oidc_client":
		return "oidc_client_link"
	}
	return "login"
}

// hasAppLink tells whether the app shows on the dashboard at all:
// directories do not.
func (t template) hasAppLink() bool { return t.kind != kindDirectory }

// orgName is the org's subdomain, as in https://oktatest.okta.com: it
// starts the names of custom apps and is the CN of signing certificates.
const orgName = "oktatest"
