package okta

// An OAuth 2.0 client app's client secrets. An app holds at most two, so a
// secret is rotated without downtime by creating the second, moving clients to
// it, then deactivating and deleting the first (examples/secret-rotation).

import (
	"context"
	"net/http"
)

// ListOAuth2ClientSecretsRequest names the app whose client secrets
// ListOAuth2ClientSecrets lists.
type ListOAuth2ClientSecretsRequest struct {
	AppID string // required
}

// ListOAuth2ClientSecrets lists an app's client secrets. The secrets
// themselves are not returned, only their hashes (SecretHash).
//
// Okta's operationId: listOAuth2ClientSecrets.
//
// GET /api/v1/apps/{appId}/credentials/secrets
func (a *ApplicationAPI) ListOAuth2ClientSecrets(ctx context.Context, req ListOAuth2ClientSecretsRequest) ([]OAuth2ClientSecret, *Response, error) {
	return doList[OAuth2ClientSecret](ctx, a.client, call{op: "listOAuth2ClientSecrets", method: http.MethodGet,
		path: "/api/v1/apps/{appId}/credentials/secrets", params: []string{req.AppID}})
}

// CreateOAuth2ClientSecretRequest is the client secret to create.
type CreateOAuth2ClientSecretRequest struct {
	AppID string // required
	// OAuth2ClientSecretRequestBody is optional: nil sends no body, and Okta
	// generates an ACTIVE secret.
	OAuth2ClientSecretRequestBody *OAuth2ClientSecretRequestBody
}

// CreateOAuth2ClientSecret adds a client secret to an app. The result's
// ClientSecret is the only time Okta returns the secret.
//
// Okta's operationId: createOAuth2ClientSecret.
//
// POST /api/v1/apps/{appId}/credentials/secrets
func (a *ApplicationAPI) CreateOAuth2ClientSecret(ctx context.Context, req CreateOAuth2ClientSecretRequest) (*OAuth2ClientSecret, *Response, error) {
	return doJSON[OAuth2ClientSecret](ctx, a.client, call{op: "createOAuth2ClientSecret", method: http.MethodPost,
		path: "/api/v1/apps/{appId}/credentials/secrets", params: []string{req.AppID},
		json: req.OAuth2ClientSecretRequestBody}) // optional: nil sends no body
}

// GetOAuth2ClientSecretRequest names the client secret GetOAuth2ClientSecret
// fetches.
type GetOAuth2ClientSecretRequest struct {
	AppID    string // required
	SecretID string // required
}

// GetOAuth2ClientSecret fetches one of an app's client secrets (its hash, not
// the secret).
//
// Okta's operationId: getOAuth2ClientSecret.
//
// GET /api/v1/apps/{appId}/credentials/secrets/{secretId}
func (a *ApplicationAPI) GetOAuth2ClientSecret(ctx context.Context, req GetOAuth2ClientSecretRequest) (*OAuth2ClientSecret, *Response, error) {
	return doJSON[OAuth2ClientSecret](ctx, a.client, call{op: "getOAuth2ClientSecret", method: http.MethodGet,
		path: "/api/v1/apps/{appId}/credentials/secrets/{secretId}", params: []string{req.AppID, req.SecretID}})
}

// DeleteOAuth2ClientSecretRequest names the client secret
// DeleteOAuth2ClientSecret deletes.
type DeleteOAuth2ClientSecretRequest struct {
	AppID    string // required
	SecretID string // required
}

// DeleteOAuth2ClientSecret deletes an INACTIVE client secret; Okta refuses to
// delete an ACTIVE one (deactivate it first).
//
// Okta's operationId: deleteOAuth2ClientSecret.
//
// DELETE /api/v1/apps/{appId}/credentials/secrets/{secretId}
func (a *ApplicationAPI) DeleteOAuth2ClientSecret(ctx context.Context, req DeleteOAuth2ClientSecretRequest) (*Response, error) {
	return doEmpty(ctx, a.client, call{op: "deleteOAuth2ClientSecret", method: http.MethodDelete,
		path: "/api/v1/apps/{appId}/credentials/secrets/{secretId}", params: []string{req.AppID, req.SecretID}})
}

// ActivateOAuth2ClientSecretRequest names the client secret
// ActivateOAuth2ClientSecret activates.
type ActivateOAuth2ClientSecretRequest struct {
	AppID    string // required
	SecretID string // required
}

// ActivateOAuth2ClientSecret activates an INACTIVE client secret.
//
// Okta's operationId: activateOAuth2ClientSecret.
//
// POST /api/v1/apps/{appId}/credentials/secrets/{secretId}/lifecycle/activate
func (a *ApplicationAPI) ActivateOAuth2ClientSecret(ctx context.Context, req ActivateOAuth2ClientSecretRequest) (*OAuth2ClientSecret, *Response, error) {
	return doJSON[OAuth2ClientSecret](ctx, a.client, call{op: "activateOAuth2ClientSecret", method: http.MethodPost,
		path: "/api/v1/apps/{appId}/credentials/secrets/{secretId}/lifecycle/activate", params: []string{req.AppID, req.SecretID}})
}

// DeactivateOAuth2ClientSecretRequest names the client secret
// DeactivateOAuth2ClientSecret deactivates.
type DeactivateOAuth2ClientSecretRequest struct {
	AppID    string // required
	SecretID string // required
}

// DeactivateOAuth2ClientSecret deactivates a client secret: clients can no
// longer authenticate with it. Okta refuses to deactivate an app's only
// secret.
//
// Okta's operationId: deactivateOAuth2ClientSecret.
//
// POST /api/v1/apps/{appId}/credentials/secrets/{secretId}/lifecycle/deactivate
func (a *ApplicationAPI) DeactivateOAuth2ClientSecret(ctx context.Context, req DeactivateOAuth2ClientSecretRequest) (*OAuth2ClientSecret, *Response, error) {
	return doJSON[OAuth2ClientSecret](ctx, a.client, call{op: "deactivateOAuth2ClientSecret", method: http.MethodPost,
		path: "/api/v1/apps/{appId}/credentials/secrets/{secretId}/lifecycle/deactivate", params: []string{req.AppID, req.SecretID}})
}
