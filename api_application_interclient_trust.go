package okta

// An app's interclient trust mappings: the apps allowed to request interclient
// SSO into it with an interclient token. Interclient trust is Early Access in
// Okta (Identity Engine): an org without the feature answers these operations
// with an error. None of the lists is paged.

import (
	"context"
	"net/http"
)

// ListInterclientAllowedApplicationsRequest names the target app.
type ListInterclientAllowedApplicationsRequest struct {
	AppID string // required
}

// ListInterclientAllowedApplications lists the ids of the apps allowed to
// request interclient SSO into an app. Early Access in Okta.
//
// Okta's operationId: listInterclientAllowedApplications.
//
// GET /api/v1/apps/{appId}/interclient-allowed-apps
func (a *ApplicationAPI) ListInterclientAllowedApplications(ctx context.Context, req ListInterclientAllowedApplicationsRequest) ([]string, *Response, error) {
	return doList[string](ctx, a.client, call{op: "listInterclientAllowedApplications", method: http.MethodGet,
		path: "/api/v1/apps/{appId}/interclient-allowed-apps", params: []string{req.AppID}})
}

// CreateInterclientTrustMappingRequest names the target app and the app to
// allow.
type CreateInterclientTrustMappingRequest struct {
	AppID                              string                              // required: the target app
	InterclientTrustMappingRequestBody *InterclientTrustMappingRequestBody // required: the allowed app's ID
}

// CreateInterclientTrustMapping allows an app to request interclient SSO into
// the target app. Early Access in Okta.
//
// Okta's operationId: createInterclientTrustMapping.
//
// POST /api/v1/apps/{appId}/interclient-allowed-apps
func (a *ApplicationAPI) CreateInterclientTrustMapping(ctx context.Context, req CreateInterclientTrustMappingRequest) (*InterclientTrustMapping, *Response, error) {
	return doJSON[InterclientTrustMapping](ctx, a.client, call{op: "createInterclientTrustMapping", method: http.MethodPost,
		path: "/api/v1/apps/{appId}/interclient-allowed-apps", params: []string{req.AppID},
		json: req.InterclientTrustMappingRequestBody, needs: "InterclientTrustMappingRequestBody"})
}

// DeleteInterclientTrustMappingRequest names the mapping to delete.
type DeleteInterclientTrustMappingRequest struct {
	AppID        string // required: the target app
	AllowedAppID string // required: the allowed app
}

// DeleteInterclientTrustMapping stops an app from requesting interclient SSO
// into the target app. Early Access in Okta.
//
// Okta's operationId: deleteInterclientTrustMapping.
//
// DELETE /api/v1/apps/{appId}/interclient-allowed-apps/{allowedAppId}
func (a *ApplicationAPI) DeleteInterclientTrustMapping(ctx context.Context, req DeleteInterclientTrustMappingRequest) (*Response, error) {
	return doEmpty(ctx, a.client, call{op: "deleteInterclientTrustMapping", method: http.MethodDelete,
		path: "/api/v1/apps/{appId}/interclient-allowed-apps/{allowedAppId}", params: []string{req.AppID, req.AllowedAppID}})
}

// ListInterclientTargetApplicationsRequest names the allowed app.
type ListInterclientTargetApplicationsRequest struct {
	AppID string // required
}

// ListInterclientTargetApplications lists the ids of the target apps that
// allow an app to request interclient SSO into them. Early Access in Okta.
//
// Okta's operationId: listInterclientTargetApplications.
//
// GET /api/v1/apps/{appId}/interclient-target-apps
func (a *ApplicationAPI) ListInterclientTargetApplications(ctx context.Context, req ListInterclientTargetApplicationsRequest) ([]string, *Response, error) {
	return doList[string](ctx, a.client, call{op: "listInterclientTargetApplications", method: http.MethodGet,
		path: "/api/v1/apps/{appId}/interclient-target-apps", params: []string{req.AppID}})
}
