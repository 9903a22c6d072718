package okta

// OAuth2ClientSecret is one of an OAuth 2.0 client app's client secrets (an
// app holds at most two). Okta returns ClientSecret when the secret is created
// and not on later reads, which carry SecretHash instead. Only an INACTIVE
// secret can be deleted, and the app's last secret cannot be deactivated.
//
// The timestamps are strings: the spec declares them without a date-time
// format.
type OAuth2ClientSecret struct {
	ID           string                       `json:"id"`            // read-only
	ClientSecret Secret                       `json:"client_secret"` // read-only; present only in the answer of CreateOAuth2ClientSecret
	SecretHash   string                       `json:"secret_hash"`   // read-only
	Status       OAuth2ClientCredentialStatus `json:"status"`
	Created      string                       `json:"created"`     // read-only
	LastUpdated  string                       `json:"lastUpdated"` // read-only
	Links        Links                        `json:"_links"`      // read-only: activate, deactivate, delete
	wire
}

// OAuth2ClientSecretRequestBody is a client secret to create. Both members are
// optional: without ClientSecret Okta generates one (a secret you bring must be
// at least 32 characters when the app uses client_secret_jwt), and Status
// defaults to ACTIVE.
type OAuth2ClientSecretRequestBody struct {
	ClientSecret Secret                       `json:"client_secret"`
	Status       OAuth2ClientCredentialStatus `json:"status"`
	wire
}

// OAuth2ClientCredentialStatus is the status of a client secret or of a client
// JSON Web Key. Okta may send values not listed here; they decode as they are.
type OAuth2ClientCredentialStatus string

// Statuses known to the spec.
const (
	OAuth2ClientCredentialActive   OAuth2ClientCredentialStatus = "ACTIVE"
	OAuth2ClientCredentialInactive OAuth2ClientCredentialStatus = "INACTIVE"
)

// OAuth2ClientJsonWebKey is one of an OAuth 2.0 client app's public keys, as
// sent to AddJwk and as every JWK operation returns it. It is one concrete type
// for the spec's whole family (signing or encryption, by Use; RSA or EC, by
// Kty): the members of a kind it is not stay empty, and members it does not
// declare (an EC key's crv, say) are kept and sent back unchanged.
//
// Only an INACTIVE key can be deleted. Activating an encryption key deactivates
// the app's current one. The timestamps are strings: the spec declares them
// without a date-time format.
type OAuth2ClientJsonWebKey struct {
	ID          string                       `json:"id"`  // read-only
	Kid         string                       `json:"kid"` // Okta rejects a new key when an existing one has no kid
	Kty         string                       `json:"kty"` // "RSA" or "EC"
	Use         string                       `json:"use"` // "sig" or "enc"
	Alg         string                       `json:"alg"` // such as "RS256" or "RSA-OAEP-256"
	Status      OAuth2ClientCredentialStatus `json:"status"`
	E           string                       `json:"e"`           // RSA exponent, base64url
	N           string                       `json:"n"`           // RSA modulus, base64url
	X           string                       `json:"x"`           // EC x coordinate, base64url
	Y           string                       `json:"y"`           // EC y coordinate, base64url
	Created     string                       `json:"created"`     // read-only
	LastUpdated string                       `json:"lastUpdated"` // read-only
	Links       Links                        `json:"_links"`      // read-only: activate, deactivate, delete
	wire
}

// OAuth2ClientJsonWebKeySet is the set of an OAuth 2.0 client app's public
// keys.
type OAuth2ClientJsonWebKeySet struct {
	Keys []OAuth2ClientJsonWebKey `json:"keys"`
	wire
}
