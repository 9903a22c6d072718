package okta

// AppConnectionUserProvisionJWKResponse holds the public keys of an app's
// default provisioning connection (Org2Org OAuth provisioning): the target org
// uses them as its OAuth service app's jwks_uri.
type AppConnectionUserProvisionJWKResponse struct {
	Jwks AppConnectionUserProvisionJWKList `json:"jwks"`
	wire
}

// AppConnectionUserProvisionJWKList is a set of public keys.
type AppConnectionUserProvisionJWKList struct {
	Keys []JsonWebKey `json:"keys"`
	wire
}

// OAuthProvisioningEnabledApp names an app whose provisioning connection is
// confirmed with OAuth 2.0 consent (VerifyProvisioningConnectionForApplication).
// Okta may accept values not listed here.
type OAuthProvisioningEnabledApp string

// Apps known to the spec.
const (
	OAuthProvisioningGoogle    OAuthProvisioningEnabledApp = "google"
	OAuthProvisioningOffice365 OAuthProvisioningEnabledApp = "office365"
	OAuthProvisioningSlack     OAuthProvisioningEnabledApp = "slack"
	OAuthProvisioningZoomus    OAuthProvisioningEnabledApp = "zoomus"
)
