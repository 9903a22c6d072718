package okta

// An application's provisioning features.

import (
	"context"
	"iter"
	"net/http"
)

// ListFeaturesForApplicationRequest names the app.
type ListFeaturesForApplicationRequest struct {
	AppID string // required
}

func (r ListFeaturesForApplicationRequest) call() call {
	return call{op: "listFeaturesForApplication", method: http.MethodGet,
		path: "/api/v1/apps/{appId}/features", params: []string{r.AppID}}
}

// ListFeaturesForApplication lists an app's provisioning features.
//
// GET /api/v1/apps/{appId}/features
func (a *ApplicationAPI) ListFeaturesForApplication(ctx context.Context, req ListFeaturesForApplicationRequest) ([]ApplicationFeature, *Response, error) {
	return doList[ApplicationFeature](ctx, a.client, req.call())
}

// ListFeaturesForApplicationAll walks every page of ListFeaturesForApplication
// (Okta sends one).
//
// GET /api/v1/apps/{appId}/features
func (a *ApplicationAPI) ListFeaturesForApplicationAll(ctx context.Context, req ListFeaturesForApplicationRequest) iter.Seq2[*ApplicationFeature, error] {
	return listAll[ApplicationFeature](ctx, a.client, req.call())
}

// GetFeatureForApplicationRequest names the feature.
type GetFeatureForApplicationRequest struct {
	AppID string // required
	Name  string // required: the path parameter featureName, such as "USER_PROVISIONING" or "INBOUND_PROVISIONING"
}

// GetFeatureForApplication fetches one of an app's provisioning features.
//
// GET /api/v1/apps/{appId}/features/{featureName}
func (a *ApplicationAPI) GetFeatureForApplication(ctx context.Context, req GetFeatureForApplicationRequest) (*ApplicationFeature, *Response, error) {
	return doJSON[ApplicationFeature](ctx, a.client, call{op: "getFeatureForApplication", method: http.MethodGet,
		path: "/api/v1/apps/{appId}/features/{featureName}", params: []string{req.AppID, req.Name}})
}

// UpdateFeatureForApplicationRequest is a feature's new capabilities.
type UpdateFeatureForApplicationRequest struct {
	AppID              string              // required
	Name               string              // required: the path parameter featureName, such as "USER_PROVISIONING"
	CapabilitiesObject *CapabilitiesObject // required
}

// UpdateFeatureForApplication updates one of an app's provisioning features.
//
// PUT /api/v1/apps/{appId}/features/{featureName}
func (a *ApplicationAPI) UpdateFeatureForApplication(ctx context.Context, req UpdateFeatureForApplicationRequest) (*ApplicationFeature, *Response, error) {
	return doJSON[ApplicationFeature](ctx, a.client, call{op: "updateFeatureForApplication", method: http.MethodPut,
		path: "/api/v1/apps/{appId}/features/{featureName}", params: []string{req.AppID, req.Name}, json: req.CapabilitiesObject, needs: "CapabilitiesObject"})
}
