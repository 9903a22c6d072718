package okta

import "time"

// ApplicationCredentials is an app's credentials: the members of every sign-on
// mode's credentials object. Signing and UserNameTemplate apply to all modes;
// OAuthClient to OpenID Connect apps; Scheme, UserName, Password and
// RevealPassword to the password-based modes (auto-login, basic auth, browser
// plugin, secure password store).
type ApplicationCredentials struct {
	Signing          ApplicationCredentialsSigning          `json:"signing"`
	UserNameTemplate ApplicationCredentialsUsernameTemplate `json:"userNameTemplate"`
	OAuthClient      ApplicationCredentialsOAuthClient      `json:"oauthClient"`
	Scheme           ApplicationCredentialsScheme           `json:"scheme"`
	UserName         string                                 `json:"userName"`
	Password         PasswordCredential                     `json:"password"`
	RevealPassword   *bool                                  `json:"revealPassword"`
	wire
}

// ApplicationCredentialsSigning names the app's active signing key.
type ApplicationCredentialsSigning struct {
	Kid          string                           `json:"kid"`
	LastRotated  time.Time                        `json:"lastRotated"`  // read-only
	NextRotation time.Time                        `json:"nextRotation"` // read-only
	RotationMode string                           `json:"rotationMode"`
	Use          ApplicationCredentialsSigningUse `json:"use"`
	wire
}

// ApplicationCredentialsSigningUse is a signing key's use.
type ApplicationCredentialsSigningUse string

// SigningUseSig is the one use the spec knows.
const SigningUseSig ApplicationCredentialsSigningUse = "sig"

// ApplicationCredentialsUsernameTemplate says how the app's username is made
// from the Okta user.
type ApplicationCredentialsUsernameTemplate struct {
	Template   string `json:"template"`   // such as "${source.login}"
	Type       string `json:"type"`       // such as "BUILT_IN" or "CUSTOM"
	Suffix     string `json:"suffix"`     // the 2022 spec's name
	UserSuffix string `json:"userSuffix"` // the 2026 spec's name for suffix
	PushStatus string `json:"pushStatus"` // "PUSH", "DONT_PUSH" or "NOT_CONFIGURED"
	wire
}

// ApplicationCredentialsOAuthClient is an OpenID Connect app's client
// credentials.
type ApplicationCredentialsOAuthClient struct {
	ClientID                string                            `json:"client_id"`
	ClientSecret            Secret                            `json:"client_secret"`
	TokenEndpointAuthMethod OAuthEndpointAuthenticationMethod `json:"token_endpoint_auth_method"`
	AutoKeyRotation         *bool                             `json:"autoKeyRotation"`
	PKCERequired            *bool                             `json:"pkce_required"`
	wire
}

// ApplicationCredentialsScheme is how a password-based app gets its
// credentials.
type ApplicationCredentialsScheme string

// Credential schemes known to the spec.
const (
	SchemeAdminSetsCredentials      ApplicationCredentialsScheme = "ADMIN_SETS_CREDENTIALS"
	SchemeEditPasswordOnly          ApplicationCredentialsScheme = "EDIT_PASSWORD_ONLY"
	SchemeEditUsernameAndPassword   ApplicationCredentialsScheme = "EDIT_USERNAME_AND_PASSWORD"
	SchemeExternalPasswordSync      ApplicationCredentialsScheme = "EXTERNAL_PASSWORD_SYNC"
	SchemeSharedUsernameAndPassword ApplicationCredentialsScheme = "SHARED_USERNAME_AND_PASSWORD"
)

// OAuthEndpointAuthenticationMethod is how a client authenticates at the token
// endpoint.
type OAuthEndpointAuthenticationMethod string

// Token endpoint authentication methods known to the spec.
const (
	AuthMethodClientSecretBasic OAuthEndpointAuthenticationMethod = "client_secret_basic"
	AuthMethodClientSecretJWT   OAuthEndpointAuthenticationMethod = "client_secret_jwt"
	AuthMethodClientSecretPost  OAuthEndpointAuthenticationMethod = "client_secret_post"
	AuthMethodNone              OAuthEndpointAuthenticationMethod = "none"
	AuthMethodPrivateKeyJWT     OAuthEndpointAuthenticationMethod = "private_key_jwt"
)

// PasswordCredential is a password, given as a value, a hash, or a hook.
type PasswordCredential struct {
	Value Secret                 `json:"value"`
	Hash  PasswordCredentialHash `json:"hash"`
	Hook  PasswordCredentialHook `json:"hook"`
	wire
}

// PasswordCredentialHash is a hashed password.
type PasswordCredentialHash struct {
	Algorithm  PasswordCredentialHashAlgorithm `json:"algorithm"`
	Salt       string                          `json:"salt"`
	SaltOrder  string                          `json:"saltOrder"`
	Value      string                          `json:"value"`
	WorkFactor *int                            `json:"workFactor"`
	// PBKDF2 (2026 spec).
	DigestAlgorithm string `json:"digestAlgorithm"` // "SHA256_HMAC" or "SHA512_HMAC"
	IterationCount  *int   `json:"iterationCount"`  // at least 4096
	KeySize         *int   `json:"keySize"`         // of the derived key, in bytes
	wire
}

// PasswordCredentialHashAlgorithm is a password hash's algorithm.
type PasswordCredentialHashAlgorithm string

// Hash algorithms known to the spec.
const (
	HashBCRYPT PasswordCredentialHashAlgorithm = "BCRYPT"
	HashPBKDF2 PasswordCredentialHashAlgorithm = "PBKDF2"
	HashMD5    PasswordCredentialHashAlgorithm = "MD5"
	HashSHA1   PasswordCredentialHashAlgorithm = "SHA-1"
	HashSHA256 PasswordCredentialHashAlgorithm = "SHA-256"
	HashSHA512 PasswordCredentialHashAlgorithm = "SHA-512"
)

// PasswordCredentialHook names a password inline hook.
type PasswordCredentialHook struct {
	Type string `json:"type"`
	wire
}
