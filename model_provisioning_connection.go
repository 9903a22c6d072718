package okta

// ProvisioningConnection is an app's default provisioning connection.
type ProvisioningConnection struct {
	AuthScheme ProvisioningConnectionAuthScheme `json:"authScheme"`
	Status     ProvisioningConnectionStatus     `json:"status"`
	BaseURL    string                           `json:"baseUrl"` // the app's provisioning endpoint, for apps that have one (2026 spec)
	Profile    ProvisioningConnectionProfile    `json:"profile"` // AuthScheme and, for OAuth connections, Signing (2026 spec)
	Links      Links                            `json:"_links"`  // read-only
	wire
}

// ProvisioningConnectionRequest sets an app's default provisioning connection.
type ProvisioningConnectionRequest struct {
	Profile ProvisioningConnectionProfile `json:"profile"`
	wire
}

// ProvisioningConnectionProfile is how Okta authenticates to the app for
// provisioning.
type ProvisioningConnectionProfile struct {
	AuthScheme ProvisioningConnectionAuthScheme `json:"authScheme"`
	Token      Secret                           `json:"token"` // TOKEN connections
	// OAuth 2.0 connections (OAUTH2; the 2026 spec's
	// ProvisioningConnectionOauthRequestProfile).
	ClientID string                                  `json:"clientId"` // Org2Org: the target org's service app
	Settings Office365ProvisioningSettings           `json:"settings"` // Office 365
	Signing  Org2OrgProvisioningOAuthSigningSettings `json:"signing"`  // Org2Org
	wire
}

// ProvisioningConnectionAuthScheme is a provisioning connection's
// authentication scheme.
type ProvisioningConnectionAuthScheme string

// Authentication schemes known to the spec.
const (
	ProvisioningAuthToken   ProvisioningConnectionAuthScheme = "TOKEN"
	ProvisioningAuthOAuth2  ProvisioningConnectionAuthScheme = "OAUTH2"
	ProvisioningAuthUnknown ProvisioningConnectionAuthScheme = "UNKNOWN"
)

// ProvisioningConnectionStatus is a provisioning connection's status.
type ProvisioningConnectionStatus string

// Connection statuses known to the spec.
const (
	ProvisioningDisabled ProvisioningConnectionStatus = "DISABLED"
	ProvisioningEnabled  ProvisioningConnectionStatus = "ENABLED"
	ProvisioningUnknown  ProvisioningConnectionStatus = "UNKNOWN"
)

// Office365ProvisioningSettings are the admin credentials of an Office 365
// provisioning connection.
type Office365ProvisioningSettings struct {
	AdminUsername string `json:"adminUsername"`
	AdminPassword Secret `json:"adminPassword"`
	wire
}

// Org2OrgProvisioningOAuthSigningSettings is how the key of an Org2Org OAuth
// provisioning connection rotates.
type Org2OrgProvisioningOAuthSigningSettings struct {
	RotationMode string `json:"rotationMode"` // "AUTO" or "MANUAL"
	wire
}
