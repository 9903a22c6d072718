package okta

// An application's default provisioning connection.

import (
	"context"
	"net/http"
)

// GetDefaultProvisioningConnectionForApplicationRequest names the app.
type GetDefaultProvisioningConnectionForApplicationRequest struct {
	AppID string // required
}

// GetDefaultProvisioningConnectionForApplication fetches an app's default
// provisioning connection.
//
// GET /api/v1/apps/{appId}/connections/default
func (a *ApplicationAPI) GetDefaultProvisioningConnectionForApplication(ctx context.Context, req GetDefaultProvisioningConnectionForApplicationRequest) (*ProvisioningConnection, *Response, error) {
	return doJSON[ProvisioningConnection](ctx, a.client, call{op: "getDefaultProvisioningConnectionForApplication",
		method: http.MethodGet, path: "/api/v1/apps/{appId}/connections/default", params: []string{req.AppID}})
}

// SetDefaultProvisioningConnectionForApplicationRequest is the connection to
// set.
type SetDefaultProvisioningConnectionForApplicationRequest struct {
	AppID                         string                         // required
	Activate                      *bool                          // activate the connection too
	ProvisioningConnectionRequest *ProvisioningConnectionRequest // required
}

// SetDefaultProvisioningConnectionForApplication sets an app's default
// provisioning connection. Okta answers 200 or 201; both succeed.
//
// Okta's current operationId:
// updateDefaultProvisioningConnectionForApplication
// (setDefaultProvisioningConnectionForApplication in the 2022 spec).
//
// POST /api/v1/apps/{appId}/connections/default
func (a *ApplicationAPI) SetDefaultProvisioningConnectionForApplication(ctx context.Context, req SetDefaultProvisioningConnectionForApplicationRequest) (*ProvisioningConnection, *Response, error) {
	return doJSON[ProvisioningConnection](ctx, a.client, call{op: "setDefaultProvisioningConnectionForApplication", method: http.MethodPost,
		path: "/api/v1/apps/{appId}/connections/default", params: []string{req.AppID},
		query: query{}.boolp("activate", req.Activate).values(), json: req.ProvisioningConnectionRequest, needs: "ProvisioningConnectionRequest"})
}

// ActivateDefaultProvisioningConnectionForApplicationRequest names the app.
type ActivateDefaultProvisioningConnectionForApplicationRequest struct {
	AppID string // required
}

// ActivateDefaultProvisioningConnectionForApplication activates an app's
// default provisioning connection.
//
// POST /api/v1/apps/{appId}/connections/default/lifecycle/activate
func (a *ApplicationAPI) ActivateDefaultProvisioningConnectionForApplication(ctx context.Context, req ActivateDefaultProvisioningConnectionForApplicationRequest) (*Response, error) {
	return doEmpty(ctx, a.client, call{op: "activateDefaultProvisioningConnectionForApplication", method: http.MethodPost,
		path: "/api/v1/apps/{appId}/connections/default/lifecycle/activate", params: []string{req.AppID}})
}

// DeactivateDefaultProvisioningConnectionForApplicationRequest names the app.
type DeactivateDefaultProvisioningConnectionForApplicationRequest struct {
	AppID string // required
}

// DeactivateDefaultProvisioningConnectionForApplication deactivates an app's
// default provisioning connection.
//
// POST /api/v1/apps/{appId}/connections/default/lifecycle/deactivate
func (a *ApplicationAPI) DeactivateDefaultProvisioningConnectionForApplication(ctx context.Context, req DeactivateDefaultProvisioningConnectionForApplicationRequest) (*Response, error) {
	return doEmpty(ctx, a.client, call{op: "deactivateDefaultProvisioningConnectionForApplication", method: http.MethodPost,
		path: "/api/v1/apps/{appId}/connections/default/lifecycle/deactivate", params: []string{req.AppID}})
}

// GetUserProvisioningConnectionJWKSRequest names the app.
type GetUserProvisioningConnectionJWKSRequest struct {
	AppID string // required
}

// GetUserProvisioningConnectionJWKS fetches the public keys of an app's
// default provisioning connection (Org2Org OAuth provisioning): the target org
// uses them as its OAuth service app's jwks_uri. Okta gates it behind a
// feature flag.
//
// Okta's operationId: getUserProvisioningConnectionJWKS.
//
// GET /api/v1/apps/{appId}/connections/default/jwks
func (a *ApplicationAPI) GetUserProvisioningConnectionJWKS(ctx context.Context, req GetUserProvisioningConnectionJWKSRequest) (*AppConnectionUserProvisionJWKResponse, *Response, error) {
	return doJSON[AppConnectionUserProvisionJWKResponse](ctx, a.client, call{op: "getUserProvisioningConnectionJWKS",
		method: http.MethodGet, path: "/api/v1/apps/{appId}/connections/default/jwks", params: []string{req.AppID}})
}

// VerifyProvisioningConnectionForApplicationRequest is the OAuth 2.0 consent
// answer to verify.
type VerifyProvisioningConnectionForApplicationRequest struct {
	AppName OAuthProvisioningEnabledApp // required: "google", "office365", "slack" or "zoomus"
	AppID   string                      // required
	Code    string                      // the authorization code of the consent flow
	State   string                      // the state of the consent flow
}

// VerifyProvisioningConnectionForApplication completes the OAuth 2.0 consent
// flow of an OAuth-based provisioning connection (Google Workspace, Microsoft
// Office 365, Slack and Zoom only).
//
// Okta's operationId: verifyProvisioningConnectionForApplication.
//
// POST /api/v1/apps/{appName}/{appId}/oauth2/callback
func (a *ApplicationAPI) VerifyProvisioningConnectionForApplication(ctx context.Context, req VerifyProvisioningConnectionForApplicationRequest) (*Response, error) {
	return doEmpty(ctx, a.client, call{op: "verifyProvisioningConnectionForApplication", method: http.MethodPost,
		path: "/api/v1/apps/{appName}/{appId}/oauth2/callback", params: []string{string(req.AppName), req.AppID},
		query: query{}.str("code", req.Code).str("state", req.State).values()})
}
