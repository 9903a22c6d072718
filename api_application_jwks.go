package okta

// An OAuth 2.0 client app's public JSON Web Keys (for private_key_jwt client
// authentication and ID token encryption). Every operation takes and returns
// the one type OAuth2ClientJsonWebKey, whatever the key's kty and use.

import (
	"context"
	"net/http"
)

// ListJwkRequest names the app whose keys ListJwk lists.
type ListJwkRequest struct {
	AppID string // required
}

// ListJwk lists an app's client JSON Web Keys, as a key set.
//
// Okta's operationId: listJwk.
//
// GET /api/v1/apps/{appId}/credentials/jwks
func (a *ApplicationAPI) ListJwk(ctx context.Context, req ListJwkRequest) (*OAuth2ClientJsonWebKeySet, *Response, error) {
	return doJSON[OAuth2ClientJsonWebKeySet](ctx, a.client, call{op: "listJwk", method: http.MethodGet,
		path: "/api/v1/apps/{appId}/credentials/jwks", params: []string{req.AppID}})
}

// AddJwkRequest is the key to add.
type AddJwkRequest struct {
	AppID string // required
	// OAuth2ClientJsonWebKey is required: a signing key (Use "sig", RSA or EC)
	// or an encryption key (Use "enc", RSA), with its public members only.
	OAuth2ClientJsonWebKey *OAuth2ClientJsonWebKey
}

// AddJwk adds a public key to an app. Okta refuses it if one of the app's
// keys has no kid.
//
// Okta's operationId: addJwk.
//
// POST /api/v1/apps/{appId}/credentials/jwks
func (a *ApplicationAPI) AddJwk(ctx context.Context, req AddJwkRequest) (*OAuth2ClientJsonWebKey, *Response, error) {
	return doJSON[OAuth2ClientJsonWebKey](ctx, a.client, call{op: "addJwk", method: http.MethodPost,
		path: "/api/v1/apps/{appId}/credentials/jwks", params: []string{req.AppID},
		json: req.OAuth2ClientJsonWebKey, needs: "OAuth2ClientJsonWebKey"})
}

// GetJwkRequest names the key GetJwk fetches.
type GetJwkRequest struct {
	AppID string // required
	KeyID string // required: the key's id (not its kid)
}

// GetJwk fetches one of an app's client JSON Web Keys, signing or encryption.
//
// Okta's operationId: getJwk.
//
// GET /api/v1/apps/{appId}/credentials/jwks/{keyId}
func (a *ApplicationAPI) GetJwk(ctx context.Context, req GetJwkRequest) (*OAuth2ClientJsonWebKey, *Response, error) {
	return doJSON[OAuth2ClientJsonWebKey](ctx, a.client, call{op: "getJwk", method: http.MethodGet,
		path: "/api/v1/apps/{appId}/credentials/jwks/{keyId}", params: []string{req.AppID, req.KeyID}})
}

// DeleteJwkRequest names the key DeleteJwk deletes.
type DeleteJwkRequest struct {
	AppID string // required
	KeyID string // required: the key's id
}

// DeleteJwk deletes an INACTIVE client JSON Web Key; Okta refuses to delete an
// ACTIVE one (deactivate it first).
//
// Okta's operationId: deletejwk.
//
// DELETE /api/v1/apps/{appId}/credentials/jwks/{keyId}
func (a *ApplicationAPI) DeleteJwk(ctx context.Context, req DeleteJwkRequest) (*Response, error) {
	return doEmpty(ctx, a.client, call{op: "deletejwk", method: http.MethodDelete,
		path: "/api/v1/apps/{appId}/credentials/jwks/{keyId}", params: []string{req.AppID, req.KeyID}})
}

// ActivateOAuth2ClientJsonWebKeyRequest names the key to activate.
type ActivateOAuth2ClientJsonWebKeyRequest struct {
	AppID string // required
	KeyID string // required: the key's id
}

// ActivateOAuth2ClientJsonWebKey activates a client JSON Web Key. Activating
// an encryption key deactivates the app's current one: an app has one active
// encryption key.
//
// Okta's operationId: activateOAuth2ClientJsonWebKey.
//
// POST /api/v1/apps/{appId}/credentials/jwks/{keyId}/lifecycle/activate
func (a *ApplicationAPI) ActivateOAuth2ClientJsonWebKey(ctx context.Context, req ActivateOAuth2ClientJsonWebKeyRequest) (*OAuth2ClientJsonWebKey, *Response, error) {
	return doJSON[OAuth2ClientJsonWebKey](ctx, a.client, call{op: "activateOAuth2ClientJsonWebKey", method: http.MethodPost,
		path: "/api/v1/apps/{appId}/credentials/jwks/{keyId}/lifecycle/activate", params: []string{req.AppID, req.KeyID}})
}

// DeactivateOAuth2ClientJsonWebKeyRequest names the key to deactivate.
type DeactivateOAuth2ClientJsonWebKeyRequest struct {
	AppID string // required
	KeyID string // required: the key's id
}

// DeactivateOAuth2ClientJsonWebKey deactivates a client signing key. Okta
// refuses to deactivate the active encryption key while ID token encryption is
// on.
//
// Okta's operationId: deactivateOAuth2ClientJsonWebKey.
//
// POST /api/v1/apps/{appId}/credentials/jwks/{keyId}/lifecycle/deactivate
func (a *ApplicationAPI) DeactivateOAuth2ClientJsonWebKey(ctx context.Context, req DeactivateOAuth2ClientJsonWebKeyRequest) (*OAuth2ClientJsonWebKey, *Response, error) {
	return doJSON[OAuth2ClientJsonWebKey](ctx, a.client, call{op: "deactivateOAuth2ClientJsonWebKey", method: http.MethodPost,
		path: "/api/v1/apps/{appId}/credentials/jwks/{keyId}/lifecycle/deactivate", params: []string{req.AppID, req.KeyID}})
}
