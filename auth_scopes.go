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
	// ScopeAppsRead allows the Application operations that read (GET and
	// list): apps, app users, group assignments, keys, CSRs, client secrets
	// and JWKs, federated claims, the provisioning connection and its JWKS,
	// features, OAuth 2.0 tokens, cross-app access connections and the SAML
	// metadata preview. Group push mappings also need ScopeGroupsRead.
	ScopeAppsRead = "okta.apps.read"
	// ScopeAppsManage allows every other Application operation (create,
	// replace, delete, lifecycle, assignments, keys, CSRs, client secrets and
	// JWKs, federated claims, the provisioning connection, features, the
	// logo, policies, token revocation), except the scope-consent-grant and
	// interclient-trust operations, which have scopes of their own. Group
	// push mappings also need ScopeGroupsManage.
	ScopeAppsManage = "okta.apps.manage"
	// ScopeAppGrantsRead allows ListScopeConsentGrants and
	// GetScopeConsentGrant.
	ScopeAppGrantsRead = "okta.appGrants.read"
	// ScopeAppGrantsManage allows GrantConsentToScope and
	// RevokeScopeConsentGrant.
	ScopeAppGrantsManage = "okta.appGrants.manage"
	// ScopeGroupsRead, with ScopeAppsRead, allows ListGroupPushMappings and
	// GetGroupPushMapping.
	ScopeGroupsRead = "okta.groups.read"
	// ScopeGroupsManage, with ScopeAppsManage, allows CreateGroupPushMapping,
	// UpdateGroupPushMapping and DeleteGroupPushMapping.
	ScopeGroupsManage = "okta.groups.manage"
	// ScopeAppsInterclientTrustRead allows ListInterclientAllowedApplications
	// and ListInterclientTargetApplications (Early Access).
	ScopeAppsInterclientTrustRead = "okta.apps.interclientTrust.read"
	// ScopeAppsInterclientTrustManage allows CreateInterclientTrustMapping and
	// DeleteInterclientTrustMapping (Early Access).
	ScopeAppsInterclientTrustManage = "okta.apps.interclientTrust.manage"
	// ScopeAPITokensRead allows GetApiToken and ListApiTokens.
	ScopeAPITokensRead = "okta.apiTokens.read"
	// ScopeAPITokensManage allows RevokeApiToken and UpsertApiToken.
	ScopeAPITokensManage = "okta.apiTokens.manage"
)
