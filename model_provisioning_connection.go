package okta

// ProvisioningConnection is an app's default provisioning connection.
type ProvisioningConnection struct {
	AuthScheme ProvisioningConnectionAuthScheme `json:"authScheme"`
	Status     ProvisioningConnectionStatus     `json:"status"`
	Links      Links                            `json:"_links"` // read-only
	wire
}

func (c ProvisioningConnection) MarshalJSON() ([]byte, error)     { return marshalModel(&c) }
func (c *ProvisioningConnection) UnmarshalJSON(data []byte) error { return unmarshalModel(data, c) }

// ProvisioningConnectionRequest sets an app's default provisioning connection.
type ProvisioningConnectionRequest struct {
	Profile ProvisioningConnectionProfile `json:"profile"`
	wire
}

func (r ProvisioningConnectionRequest) MarshalJSON() ([]byte, error) { return marshalModel(&r) }
func (r *ProvisioningConnectionRequest) UnmarshalJSON(data []byte) error {
	return unmarshalModel(data, r)
}

// ProvisioningConnectionProfile is how Okta authenticates to the app for
// provisioning.
type ProvisioningConnectionProfile struct {
	AuthScheme ProvisioningConnectionAuthScheme `json:"authScheme"`
	Token      Secret                           `json:"token"`
	wire
}

func (p ProvisioningConnectionProfile) MarshalJSON() ([]byte, error) { return marshalModel(&p) }
func (p *ProvisioningConnectionProfile) UnmarshalJSON(data []byte) error {
	return unmarshalModel(data, p)
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
