package okta

// ApplicationSettings is an app's settings: the members common to every mode,
// and App, SignOn and OAuthClient, which hold the members of the mode-specific
// objects. Catalog apps put keys of their own in settings.app; read and set
// those with Settings.App.Extra and SetExtra.
//
// SignOn and OAuthClient are pointers: nil when the app has no such member
// (only auto-login, SAML and WS-Fed apps have settings.signOn, only OIDC
// apps settings.oauthClient). Together they are most of an app's size, and
// a page of apps of other modes does not carry them.
type ApplicationSettings struct {
	IdentityStoreID    string                                  `json:"identityStoreId"`
	ImplicitAssignment *bool                                   `json:"implicitAssignment"`
	InlineHookID       string                                  `json:"inlineHookId"`
	Notes              ApplicationSettingsNotes                `json:"notes"`
	Notifications      ApplicationSettingsNotifications        `json:"notifications"`
	App                ApplicationSettingsApplication          `json:"app"`           // bookmark, basic auth, SWA, SPS, WS-Fed and SAML app settings
	SignOn             *ApplicationSettingsSignOn              `json:"signOn"`        // auto-login and SAML sign-on settings; nil when absent
	OAuthClient        *OpenIdConnectApplicationSettingsClient `json:"oauthClient"`   // OpenID Connect client settings; nil when absent
	EmOptInStatus      string                                  `json:"emOptInStatus"` // read-only: such as "NOT_OPTED_IN"
	wire
}

// ApplicationSettingsNotes are notes for admins and end users.
type ApplicationSettingsNotes struct {
	Admin   string `json:"admin"`
	Enduser string `json:"enduser"`
	wire
}

// ApplicationSettingsNotifications are an app's notifications.
type ApplicationSettingsNotifications struct {
	Vpn ApplicationSettingsNotificationsVpn `json:"vpn"`
	wire
}

// ApplicationSettingsNotificationsVpn is the VPN notification shown before an
// app opens.
type ApplicationSettingsNotificationsVpn struct {
	HelpURL string                                     `json:"helpUrl"`
	Message string                                     `json:"message"`
	Network ApplicationSettingsNotificationsVpnNetwork `json:"network"`
	wire
}

// ApplicationSettingsNotificationsVpnNetwork is the network a VPN notification
// applies to.
type ApplicationSettingsNotificationsVpnNetwork struct {
	Connection string   `json:"connection"`
	Include    []string `json:"include"`
	Exclude    []string `json:"exclude"`
	wire
}

// ApplicationSettingsApplication is settings.app: the members of the spec's
// BookmarkApplicationSettingsApplication, BasicApplicationSettingsApplication,
// SwaApplicationSettingsApplication (browser plugin),
// SecurePasswordStoreApplicationSettingsApplication,
// WsFederationApplicationSettingsApplication and
// SamlApplicationSettingsApplication. Set those of the app's mode.
type ApplicationSettingsApplication struct {
	URL string `json:"url"` // bookmark, basic auth, browser plugin, secure password store

	// Bookmark.
	RequestIntegration *bool `json:"requestIntegration"`

	// Basic auth.
	AuthURL string `json:"authURL"`

	// Browser plugin (SWA) and secure password store.
	UsernameField       string `json:"usernameField"`
	PasswordField       string `json:"passwordField"`
	ButtonField         string `json:"buttonField"`
	LoginURLRegex       string `json:"loginUrlRegex"`
	RedirectURL         string `json:"redirectUrl"`
	TargetURL           string `json:"targetURL"`
	Checkbox            string `json:"checkbox"`
	ButtonSelector      string `json:"buttonSelector"`
	PasswordSelector    string `json:"passwordSelector"`
	UserNameSelector    string `json:"userNameSelector"` // the spec's spelling
	UsernameSelector    string `json:"usernameSelector"` // the spelling Okta sends for three-field SWA apps
	ExtraFieldSelector  string `json:"extraFieldSelector"`
	ExtraFieldValue     string `json:"extraFieldValue"`
	OptionalField1      string `json:"optionalField1"`
	OptionalField1Value string `json:"optionalField1Value"`
	OptionalField2      string `json:"optionalField2"`
	OptionalField2Value string `json:"optionalField2Value"`
	OptionalField3      string `json:"optionalField3"`
	OptionalField3Value string `json:"optionalField3Value"`

	// SAML (template apps).
	AcsURL         string `json:"acsUrl"`
	AudRestriction string `json:"audRestriction"`
	BaseURL        string `json:"baseUrl"`

	// WS-Federation.
	Realm                string `json:"realm"`
	WReplyURL            string `json:"wReplyURL"`
	WReplyOverride       *bool  `json:"wReplyOverride"`
	SiteURL              string `json:"siteURL"`
	AudienceRestriction  string `json:"audienceRestriction"`
	AttributeStatements  string `json:"attributeStatements"`
	AuthnContextClassRef string `json:"authnContextClassRef"`
	GroupFilter          string `json:"groupFilter"`
	GroupName            string `json:"groupName"`
	GroupValueFormat     string `json:"groupValueFormat"`
	NameIDFormat         string `json:"nameIDFormat"`
	UsernameAttribute    string `json:"usernameAttribute"`
	wire
}

// ApplicationSettingsSignOn is settings.signOn: the members of the spec's
// AutoLoginApplicationSettingsSignOn (LoginURL, RedirectURL) and
// SamlApplicationSettingsSignOn (the rest).
type ApplicationSettingsSignOn struct {
	// Auto-login.
	LoginURL    string `json:"loginUrl"`
	RedirectURL string `json:"redirectUrl"`

	// SAML 1.1 and 2.0.
	SsoAcsURL                 string                   `json:"ssoAcsUrl"`
	SsoAcsURLOverride         string                   `json:"ssoAcsUrlOverride"`
	Recipient                 string                   `json:"recipient"`
	RecipientOverride         string                   `json:"recipientOverride"`
	Destination               string                   `json:"destination"`
	DestinationOverride       string                   `json:"destinationOverride"`
	Audience                  string                   `json:"audience"`
	AudienceOverride          string                   `json:"audienceOverride"`
	IdpIssuer                 string                   `json:"idpIssuer"`
	SpIssuer                  string                   `json:"spIssuer"`
	DefaultRelayState         string                   `json:"defaultRelayState"`
	SubjectNameIDTemplate     string                   `json:"subjectNameIdTemplate"`
	SubjectNameIDFormat       string                   `json:"subjectNameIdFormat"`
	ResponseSigned            *bool                    `json:"responseSigned"`
	AssertionSigned           *bool                    `json:"assertionSigned"`
	SignatureAlgorithm        string                   `json:"signatureAlgorithm"` // such as "RSA_SHA256"
	DigestAlgorithm           string                   `json:"digestAlgorithm"`    // such as "SHA256"
	HonorForceAuthn           *bool                    `json:"honorForceAuthn"`
	AuthnContextClassRef      string                   `json:"authnContextClassRef"`
	RequestCompressed         *bool                    `json:"requestCompressed"`
	AllowMultipleAcsEndpoints *bool                    `json:"allowMultipleAcsEndpoints"`
	AcsEndpoints              []AcsEndpoint            `json:"acsEndpoints"`
	AttributeStatements       []SamlAttributeStatement `json:"attributeStatements"`
	InlineHooks               []SignOnInlineHook       `json:"inlineHooks"`
	Slo                       SingleLogout             `json:"slo"`
	SpCertificate             SpCertificate            `json:"spCertificate"`
	// SAML members the 2026 spec added.
	AssertionEncryption           SamlAssertionEncryption  `json:"assertionEncryption"`
	ConfiguredAttributeStatements []SamlAttributeStatement `json:"configuredAttributeStatements"` // inherited from a catalog app's metadata
	ParticipateSlo                SloParticipate           `json:"participateSlo"`
	SamlAssertionLifetimeSeconds  *int                     `json:"samlAssertionLifetimeSeconds"`
	wire
}

// AcsEndpoint is one of a SAML app's assertion consumer service URLs.
type AcsEndpoint struct {
	URL   string `json:"url"`
	Index *int   `json:"index"`
	wire
}

// SamlAttributeStatement is an attribute a SAML app puts in its assertions.
type SamlAttributeStatement struct {
	Type        string   `json:"type"` // "EXPRESSION" or "GROUP"
	Name        string   `json:"name"`
	Namespace   string   `json:"namespace"`
	Values      []string `json:"values"`
	FilterType  string   `json:"filterType"`
	FilterValue string   `json:"filterValue"`
	wire
}

// SignOnInlineHook names a SAML assertion inline hook.
type SignOnInlineHook struct {
	ID string `json:"id"`
	wire
}

// SingleLogout is a SAML app's single logout settings.
type SingleLogout struct {
	Enabled   *bool  `json:"enabled"`
	Issuer    string `json:"issuer"`
	LogoutURL string `json:"logoutUrl"`
	wire
}

// SpCertificate is the service provider's certificate for single logout.
type SpCertificate struct {
	X5C []string `json:"x5c"` // base64 DER certificates
	wire
}

// OpenIdConnectApplicationSettingsClient is an OpenID Connect app's client
// settings.
type OpenIdConnectApplicationSettingsClient struct {
	ApplicationType        OpenIdConnectApplicationType                 `json:"application_type"`
	RedirectURIs           []string                                     `json:"redirect_uris"`
	PostLogoutRedirectURIs []string                                     `json:"post_logout_redirect_uris"`
	GrantTypes             []OAuthGrantType                             `json:"grant_types"`
	ResponseTypes          []OAuthResponseType                          `json:"response_types"`
	ConsentMethod          OpenIdConnectApplicationConsentMethod        `json:"consent_method"`
	IssuerMode             OpenIdConnectApplicationIssuerMode           `json:"issuer_mode"`
	InitiateLoginURI       string                                       `json:"initiate_login_uri"`
	IdpInitiatedLogin      OpenIdConnectApplicationIdpInitiatedLogin    `json:"idp_initiated_login"`
	ClientURI              string                                       `json:"client_uri"`
	LogoURI                string                                       `json:"logo_uri"`
	PolicyURI              string                                       `json:"policy_uri"`
	TosURI                 string                                       `json:"tos_uri"`
	WildcardRedirect       string                                       `json:"wildcard_redirect"` // "DISABLED" or "SUBDOMAIN"
	Jwks                   OpenIdConnectApplicationSettingsClientKeys   `json:"jwks"`
	RefreshToken           OpenIdConnectApplicationSettingsRefreshToken `json:"refresh_token"`
	// Members the 2026 spec added.
	BackchannelAuthenticationRequestSigningAlg string                          `json:"backchannel_authentication_request_signing_alg"` // CIBA clients: such as "RS256"
	BackchannelCustomAuthenticatorID           string                          `json:"backchannel_custom_authenticator_id"`            // CIBA clients
	BackchannelTokenDeliveryMode               string                          `json:"backchannel_token_delivery_mode"`                // CIBA clients: "poll", "ping" or "push"
	DPoPBoundAccessTokens                      *bool                           `json:"dpop_bound_access_tokens"`                       // retired by Okta (TOMBSTONE), still sent by some orgs
	FrontchannelLogoutURI                      string                          `json:"frontchannel_logout_uri"`                        // Early Access
	FrontchannelLogoutSessionRequired          *bool                           `json:"frontchannel_logout_session_required"`           // Early Access
	IDTokenEncryptedResponseAlg                string                          `json:"id_token_encrypted_response_alg"`                // "RSA-OAEP-256", "RSA-OAEP-384" or "RSA-OAEP-512"
	JwksURI                                    string                          `json:"jwks_uri"`
	Network                                    OpenIdConnectApplicationNetwork `json:"network"`
	ParticipateSlo                             *bool                           `json:"participate_slo"` // Early Access
	RequestObjectSigningAlg                    string                          `json:"request_object_signing_alg"`
	SectorIdentifierURI                        string                          `json:"sector_identifier_uri"`
	SubjectType                                string                          `json:"subject_type"` // "public" or "pairwise"
	wire
}

// OpenIdConnectApplicationIdpInitiatedLogin is how an OpenID Connect app is
// started from Okta.
type OpenIdConnectApplicationIdpInitiatedLogin struct {
	Mode         string   `json:"mode"` // "DISABLED", "SPEC" or "OKTA"
	DefaultScope []string `json:"default_scope"`
	wire
}

// OpenIdConnectApplicationSettingsClientKeys is a client's public keys, for
// private_key_jwt authentication.
type OpenIdConnectApplicationSettingsClientKeys struct {
	Keys []JsonWebKey `json:"keys"`
	wire
}

// OpenIdConnectApplicationSettingsRefreshToken is a client's refresh token
// rotation.
type OpenIdConnectApplicationSettingsRefreshToken struct {
	RotationType OpenIdConnectRefreshTokenRotationType `json:"rotation_type"`
	Leeway       *int                                  `json:"leeway"` // seconds
	wire
}

// OpenIdConnectApplicationType is an OpenID Connect client's kind.
type OpenIdConnectApplicationType string

// Client kinds known to the spec.
const (
	OIDCBrowser OpenIdConnectApplicationType = "browser"
	OIDCNative  OpenIdConnectApplicationType = "native"
	OIDCService OpenIdConnectApplicationType = "service"
	OIDCWeb     OpenIdConnectApplicationType = "web"
)

// OAuthGrantType is an OAuth 2.0 grant type.
type OAuthGrantType string

// Grant types: the spec's, and those Okta sends beyond it.
const (
	GrantAuthorizationCode OAuthGrantType = "authorization_code"
	GrantClientCredentials OAuthGrantType = "client_credentials"
	GrantImplicit          OAuthGrantType = "implicit"
	GrantInteractionCode   OAuthGrantType = "interaction_code"
	GrantPassword          OAuthGrantType = "password"
	GrantRefreshToken      OAuthGrantType = "refresh_token"
	GrantJWTBearer         OAuthGrantType = "urn:ietf:params:oauth:grant-type:jwt-bearer"
	GrantDeviceCode        OAuthGrantType = "urn:ietf:params:oauth:grant-type:device_code"
	GrantTokenExchange     OAuthGrantType = "urn:ietf:params:oauth:grant-type:token-exchange"
	GrantCIBA              OAuthGrantType = "urn:openid:params:grant-type:ciba"
)

// OAuthResponseType is an OAuth 2.0 response type.
type OAuthResponseType string

// Response types known to the spec.
const (
	ResponseCode    OAuthResponseType = "code"
	ResponseIDToken OAuthResponseType = "id_token"
	ResponseToken   OAuthResponseType = "token"
)

// OpenIdConnectApplicationConsentMethod says whether users are asked for
// consent.
type OpenIdConnectApplicationConsentMethod string

// Consent methods known to the spec.
const (
	ConsentRequired OpenIdConnectApplicationConsentMethod = "REQUIRED"
	ConsentTrusted  OpenIdConnectApplicationConsentMethod = "TRUSTED"
)

// OpenIdConnectApplicationIssuerMode is which issuer an app's tokens name.
type OpenIdConnectApplicationIssuerMode string

// Issuer modes known to the spec.
const (
	IssuerCustomURL OpenIdConnectApplicationIssuerMode = "CUSTOM_URL"
	IssuerDynamic   OpenIdConnectApplicationIssuerMode = "DYNAMIC"
	IssuerOrgURL    OpenIdConnectApplicationIssuerMode = "ORG_URL"
)

// OpenIdConnectRefreshTokenRotationType is how refresh tokens rotate.
type OpenIdConnectRefreshTokenRotationType string

// Rotation types known to the spec.
const (
	RotationRotate OpenIdConnectRefreshTokenRotationType = "ROTATE"
	RotationStatic OpenIdConnectRefreshTokenRotationType = "STATIC"
)
