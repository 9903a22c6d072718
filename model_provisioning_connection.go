package okta

// ProvisioningConnection is an app's default provisioning connection.
type ProvisioningConnection struct {
	AuthScheme ProvisioningConnectionAuthScheme `json:"authScheme"`
	Status     ProvisioningConnectionStatus     `json:"status"`
	Links      Links                            `json:"_links"` // read-only
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
	Token      Secret                           `json:"token"`
	wire
}

// ProvisioningConnectionAuthScheme is a provisioning connection's
// authentication scheme.
type ProvisioningConnectionAuthScheme string

// Authentication schemes known to the spec.
const (
	ProvisioningAuthToken   ProvisioningConnectionAuthScheme = "TOKEN"
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
