package okta

// Applications: create, read, list, replace, delete, the lifecycle, and the logo.

import (
	"context"
	"io"
	"iter"
	"net/http"
)

// CreateApplicationRequest is the app to create and how.
type CreateApplicationRequest struct {
	Application            *Application // required; see NewOpenIDConnectApplication and its siblings
	Activate               *bool        // activate on creation (Okta's default: true)
	OktaAccessGatewayAgent string       // the OktaAccessGateway-Agent header, for Access Gateway apps
}

// CreateApplication adds an app to the org.
//
// POST /api/v1/apps
func (a *ApplicationAPI) CreateApplication(ctx context.Context, req CreateApplicationRequest) (*Application, *Response, error) {
	cl := call{op: "createApplication", method: http.MethodPost, path: "/api/v1/apps",
		query: query{}.boolp("activate", req.Activate).values(), json: req.Application, needs: "Application"}
	if req.OktaAccessGatewayAgent != "" {
		cl.header = http.Header{"OktaAccessGateway-Agent": {req.OktaAccessGatewayAgent}}
	}
	return doJSON[Application](ctx, a.client, cl)
}

// GetApplicationRequest names the app GetApplication fetches.
type GetApplicationRequest struct {
	AppID  string // required
	Expand string // such as "user/0oa..." to embed that user's assignment
}

// GetApplication fetches an app by id.
//
// GET /api/v1/apps/{appId}
func (a *ApplicationAPI) GetApplication(ctx context.Context, req GetApplicationRequest) (*Application, *Response, error) {
	return doJSON[Application](ctx, a.client, call{op: "getApplication", method: http.MethodGet,
		path: "/api/v1/apps/{appId}", params: []string{req.AppID}, query: query{}.str("expand", req.Expand).values()})
}

// ListApplicationsRequest filters and pages ListApplications.
type ListApplicationsRequest struct {
	Q                 string // matches the start of an app's label or name
	After             string // the cursor of the page to fetch (Response.NextAfter)
	Limit             int    // page size (Okta's default: 20; at most 200)
	Filter            string // such as `status eq "ACTIVE"`, `user.id eq "00u..."`, `group.id eq "00g..."`
	Expand            string // such as "user/00u..." to embed that user's assignment
	IncludeNonDeleted *bool
}

func (r ListApplicationsRequest) call() call {
	return call{op: "listApplications", method: http.MethodGet, path: "/api/v1/apps",
		query: query{}.str("q", r.Q).str("after", r.After).int("limit", r.Limit).str("filter", r.Filter).
			str("expand", r.Expand).boolp("includeNonDeleted", r.IncludeNonDeleted).values()}
}

// ListApplications lists one page of the org's apps. An app of a sign-on mode
// this package does not know is listed like any other.
//
// GET /api/v1/apps
func (a *ApplicationAPI) ListApplications(ctx context.Context, req ListApplicationsRequest) ([]Application, *Response, error) {
	return doList[Application](ctx, a.client, req.call())
}

// ListApplicationsAll walks every page of ListApplications.
//
// GET /api/v1/apps
func (a *ApplicationAPI) ListApplicationsAll(ctx context.Context, req ListApplicationsRequest) iter.Seq2[*Application, error] {
	return listAll[Application](ctx, a.client, req.call())
}

// UpdateApplicationRequest is the app's new state.
type UpdateApplicationRequest struct {
	AppID       string       // required
	Application *Application // required: the whole app, as from GetApplication with changes
}

// UpdateApplication replaces an app. Send the whole app: start from
// GetApplication's result and change what you need; every member you did not
// change, including ones this package does not know, is sent as Okta sent it.
//
// Okta's current operationId: replaceApplication (updateApplication in the
// 2022 spec).
//
// PUT /api/v1/apps/{appId}
func (a *ApplicationAPI) UpdateApplication(ctx context.Context, req UpdateApplicationRequest) (*Application, *Response, error) {
	return doJSON[Application](ctx, a.client, call{op: "updateApplication", method: http.MethodPut,
		path: "/api/v1/apps/{appId}", params: []string{req.AppID}, json: req.Application, needs: "Application"})
}

// DeleteApplicationRequest names the app DeleteApplication removes.
type DeleteApplicationRequest struct {
	AppID string // required
}

// DeleteApplication removes an inactive app; deactivate it first.
//
// DELETE /api/v1/apps/{appId}
func (a *ApplicationAPI) DeleteApplication(ctx context.Context, req DeleteApplicationRequest) (*Response, error) {
	return doEmpty(ctx, a.client, call{op: "deleteApplication", method: http.MethodDelete,
		path: "/api/v1/apps/{appId}", params: []string{req.AppID}})
}

// ActivateApplicationRequest names the app ActivateApplication activates.
type ActivateApplicationRequest struct {
	AppID string // required
}

// ActivateApplication activates an inactive app.
//
// POST /api/v1/apps/{appId}/lifecycle/activate
func (a *ApplicationAPI) ActivateApplication(ctx context.Context, req ActivateApplicationRequest) (*Response, error) {
	return doEmpty(ctx, a.client, call{op: "activateApplication", method: http.MethodPost,
		path: "/api/v1/apps/{appId}/lifecycle/activate", params: []string{req.AppID}})
}

// DeactivateApplicationRequest names the app DeactivateApplication
// deactivates.
type DeactivateApplicationRequest struct {
	AppID string // required
}

// DeactivateApplication deactivates an active app.
//
// POST /api/v1/apps/{appId}/lifecycle/deactivate
func (a *ApplicationAPI) DeactivateApplication(ctx context.Context, req DeactivateApplicationRequest) (*Response, error) {
	return doEmpty(ctx, a.client, call{op: "deactivateApplication", method: http.MethodPost,
		path: "/api/v1/apps/{appId}/lifecycle/deactivate", params: []string{req.AppID}})
}

// UploadApplicationLogoRequest is the logo to upload.
type UploadApplicationLogoRequest struct {
	AppID    string    // required
	File     io.Reader // required: a PNG, JPEG or GIF image smaller than 1 MiB
	FileName string    // the file's name; "logo" with the image's extension when empty
}

// UploadApplicationLogo uploads an app's logo. The image is checked before
// anything is sent: it must be PNG, JPEG or GIF (judged from its bytes) and
// smaller than 1 MiB; no more than 1 MiB of File is read.
//
// POST /api/v1/apps/{appId}/logo
func (a *ApplicationAPI) UploadApplicationLogo(ctx context.Context, req UploadApplicationLogoRequest) (*Response, error) {
	return uploadLogo(ctx, a.client, req)
}
