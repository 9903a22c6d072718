package okta

// The nested types of the members the 2026 spec added to applications.

// ApplicationUniversalLogout is an app's Universal Logout support (read-only;
// Identity Engine).
type ApplicationUniversalLogout struct {
	Status        string `json:"status"`        // "ENABLED", "DISABLED" or "UNSUPPORTED"
	SupportType   string `json:"supportType"`   // "FULL" or "PARTIAL"
	Protocol      string `json:"protocol"`      // "PROPRIETARY" or "GLOBAL_TOKEN_REVOCATION"
	IdentityStack string `json:"identityStack"` // "SHARED" or "NOT_SHARED"
	wire
}

// ApplicationExpressConfiguration says which Express Configuration
// capabilities an app supports and has enabled (read-only; Identity Engine).
type ApplicationExpressConfiguration struct {
	EnabledCapabilities   []ApplicationCapability `json:"enabledCapabilities"`
	SupportedCapabilities []ApplicationCapability `json:"supportedCapabilities"`
	wire
}

// ApplicationCapability is an Express Configuration capability. Okta may send
// values not listed here; they decode as they are.
type ApplicationCapability string

// Capabilities known to the spec.
const (
	CapabilityProvisioning    ApplicationCapability = "PROVISIONING"
	CapabilitySSO             ApplicationCapability = "SSO"
	CapabilityUniversalLogout ApplicationCapability = "UNIVERSAL_LOGOUT"
)

// OpenIdConnectApplicationNetwork restricts the networks an OpenID Connect
// client may be used from.
type OpenIdConnectApplicationNetwork struct {
	Connection string   `json:"connection"` // "ANYWHERE" or "ZONE"
	Include    []string `json:"include"`    // network zone ids
	Exclude    []string `json:"exclude"`    // network zone ids
	wire
}

// SamlAssertionEncryption is how a SAML app's assertions are encrypted.
type SamlAssertionEncryption struct {
	Enabled               *bool    `json:"enabled"`
	EncryptionAlgorithm   string   `json:"encryptionAlgorithm"`   // such as "AES256_GCM"
	KeyTransportAlgorithm string   `json:"keyTransportAlgorithm"` // "RSA_OAEP" or "RSA_15"
	X5C                   []string `json:"x5c"`                   // the encryption certificate, base64 DER
	wire
}

// SloParticipate is whether a SAML app takes part in single logout started by
// Okta, and how.
type SloParticipate struct {
	Enabled              *bool  `json:"enabled"`
	BindingType          string `json:"bindingType"` // "POST" or "REDIRECT"
	LogoutRequestURL     string `json:"logoutRequestUrl"`
	SessionIndexRequired *bool  `json:"sessionIndexRequired"`
	wire
}
