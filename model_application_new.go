package okta

// Constructors for a new app of each sign-on mode. Each sets the template name,
// the sign-on mode and the settings Okta requires for that mode; set anything
// else on the result before CreateApplication. A struct literal works as well:
// these only save looking up which member goes where.

// NewBookmarkApplication returns a bookmark app: a tile that opens url.
func NewBookmarkApplication(label, url string) *Application {
	a := &Application{Name: "bookmark", Label: label, SignOnMode: SignOnModeBookmark}
	a.Settings.App.URL = url
	a.Settings.App.RequestIntegration = Ptr(false)
	return a
}

// NewBasicAuthApplication returns an app that signs in with HTTP Basic
// authentication at authURL and then opens url.
func NewBasicAuthApplication(label, url, authURL string) *Application {
	a := &Application{Name: "template_basic_auth", Label: label, SignOnMode: SignOnModeBasicAuth}
	a.Settings.App.URL = url
	a.Settings.App.AuthURL = authURL
	return a
}

// NewBrowserPluginApplication returns a Secure Web Authentication app
// (template_swa): the browser plugin fills the login form at loginURL, finding
// its fields by the given CSS selectors.
func NewBrowserPluginApplication(label, loginURL, usernameField, passwordField, buttonField string) *Application {
	a := &Application{Name: "template_swa", Label: label, SignOnMode: SignOnModeBrowserPlugin}
	a.Settings.App.URL = loginURL
	a.Settings.App.UsernameField = usernameField
	a.Settings.App.PasswordField = passwordField
	a.Settings.App.ButtonField = buttonField
	return a
}

// NewAutoLoginApplication returns a custom SWA app that posts the user's
// credentials to loginURL; users enter their own username and password.
func NewAutoLoginApplication(label, loginURL string) *Application {
	a := &Application{Label: label, SignOnMode: SignOnModeAutoLogin}
	a.Settings.SignOn = &ApplicationSettingsSignOn{LoginURL: loginURL}
	a.Credentials.Scheme = SchemeEditUsernameAndPassword
	a.Credentials.UserNameTemplate = ApplicationCredentialsUsernameTemplate{Template: "${source.login}", Type: "BUILT_IN"}
	return a
}

// NewSecurePasswordStoreApplication returns a secure password store app
// (template_sps) for the login form at url.
func NewSecurePasswordStoreApplication(label, url, usernameField, passwordField string) *Application {
	a := &Application{Name: "template_sps", Label: label, SignOnMode: SignOnModeSecurePasswordStore}
	a.Settings.App.URL = url
	a.Settings.App.UsernameField = usernameField
	a.Settings.App.PasswordField = passwordField
	return a
}

// NewOpenIDConnectApplication returns an OpenID Connect client of the given
// kind. Grant types, response types and the token endpoint authentication
// method are the usual ones for the kind: a web app uses the authorization
// code flow with a client secret, a browser or native app the authorization
// code flow with PKCE and no secret, a service the client credentials flow.
func NewOpenIDConnectApplication(label string, kind OpenIdConnectApplicationType, redirectURIs ...string) *Application {
	a := &Application{Name: "oidc_client", Label: label, SignOnMode: SignOnModeOpenIDConnect}
	c := &OpenIdConnectApplicationSettingsClient{}
	a.Settings.OAuthClient = c
	c.ApplicationType = kind
	c.RedirectURIs = redirectURIs
	switch kind {
	case OIDCService:
		c.GrantTypes = []OAuthGrantType{GrantClientCredentials}
		c.ResponseTypes = []OAuthResponseType{ResponseToken}
		a.Credentials.OAuthClient.TokenEndpointAuthMethod = AuthMethodClientSecretBasic
	case OIDCBrowser, OIDCNative:
		c.GrantTypes = []OAuthGrantType{GrantAuthorizationCode}
		c.ResponseTypes = []OAuthResponseType{ResponseCode}
		a.Credentials.OAuthClient.TokenEndpointAuthMethod = AuthMethodNone
	default:
		c.GrantTypes = []OAuthGrantType{GrantAuthorizationCode}
		c.ResponseTypes = []OAuthResponseType{ResponseCode}
		a.Credentials.OAuthClient.TokenEndpointAuthMethod = AuthMethodClientSecretBasic
	}
	return a
}

// NewSamlApplication returns a custom SAML 2.0 app that posts signed
// assertions for audience to ssoACSURL, naming the user by their Okta username.
func NewSamlApplication(label, ssoACSURL, audience string) *Application {
	a := &Application{Label: label, SignOnMode: SignOnModeSAML20}
	s := &ApplicationSettingsSignOn{}
	a.Settings.SignOn = s
	s.SsoAcsURL = ssoACSURL
	s.Recipient = ssoACSURL
	s.Destination = ssoACSURL
	s.Audience = audience
	s.SubjectNameIDTemplate = "${user.userName}"
	s.SubjectNameIDFormat = "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified"
	s.ResponseSigned = Ptr(true)
	s.AssertionSigned = Ptr(true)
	s.SignatureAlgorithm = "RSA_SHA256"
	s.DigestAlgorithm = "SHA256"
	s.HonorForceAuthn = Ptr(true)
	s.AuthnContextClassRef = "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport"
	return a
}

// NewWsFederationApplication returns a WS-Federation app (template_wsfed) for
// the relying party realm, replying to replyURL.
func NewWsFederationApplication(label, realm, replyURL string) *Application {
	a := &Application{Name: "template_wsfed", Label: label, SignOnMode: SignOnModeWSFederation}
	s := &a.Settings.App
	s.Realm = realm
	s.WReplyURL = replyURL
	s.WReplyOverride = Ptr(false)
	s.SiteURL = replyURL
	s.AudienceRestriction = realm
	s.NameIDFormat = "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified"
	s.AuthnContextClassRef = "urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport"
	s.UsernameAttribute = "username"
	s.GroupValueFormat = "windowsDomainQualifiedName"
	return a
}
