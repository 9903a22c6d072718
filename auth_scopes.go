package okta

// Authorization modes and the OAuth 2.0 scopes of the operations.

// Authorization modes, spelled as OKTA_CLIENT_AUTHORIZATIONMODE and
// okta.client.authorizationMode spell them.
const (
	// AuthorizationModeSSWS authenticates with an API token
	// ("Authorization: SSWS <token>").
	AuthorizationModeSSWS = "SSWS"
	// AuthorizationModePrivateKey authenticates as an OAuth 2.0 service app:
	// access tokens from the org's token endpoint, obtained with the
	// client-credentials grant and a private_key_jwt client assertion.
	AuthorizationModePrivateKey = "PrivateKey"
	// AuthorizationModeBearer sends access tokens obtained elsewhere, from
	// the oauth2.TokenSource given to WithTokenSource.
	AuthorizationModeBearer = "Bearer"
)

// The OAuth 2.0 scopes of the operations. Grant the ones a program needs to
// its service app in the Admin Console, and ask for them with WithPrivateKey
// or OKTA_CLIENT_SCOPES. A .manage scope also allows what its .read sibling
// allows.
//
// RevokeCurrentApiToken has no scope: it revokes the API token a client
// authenticates with, so Okta accepts only an API token for it, and a client
// configured for OAuth 2.0 refuses it before sending, with ErrInvalidRequest.
const (
	// ScopeAppsRead allows the Application operations that read: GetApplication,
	// ListApplications, GetApplicationUser, ListApplicationUsers,
	// GetApplicationGroupAssignment, ListApplicationGroupAssignments,
	// GetApplicationKey, ListApplicationKeys, GetCsrForApplication,
	// ListCsrsForApplication, GetDefaultProvisioningConnectionForApplication,
	// GetFeatureForApplication, ListFeaturesForApplication,
	// GetOAuth2TokenForApplication and ListOAuth2TokensForApplication.
	ScopeAppsRead = "okta.apps.read"
	// ScopeAppsManage allows every other Application operation (create,
	// update, delete, activate, deactivate, user and group assignments, keys,
	// CSRs, the provisioning connection, features, the logo, token
	// revocation), except the four scope-consent-grant operations, which
	// have scopes of their own (ScopeAppGrantsRead, ScopeAppGrantsManage).
	ScopeAppsManage = "okta.apps.manage"
	// ScopeAppGrantsRead allows ListScopeConsentGrants and
	// GetScopeConsentGrant.
	ScopeAppGrantsRead = "okta.appGrants.read"
	// ScopeAppGrantsManage allows GrantConsentToScope and
	// RevokeScopeConsentGrant.
	ScopeAppGrantsManage = "okta.appGrants.manage"
	// ScopeAPITokensRead allows GetApiToken and ListApiTokens.
	ScopeAPITokensRead = "okta.apiTokens.read"
	// ScopeAPITokensManage allows RevokeApiToken.
	ScopeAPITokensManage = "okta.apiTokens.manage"
)
