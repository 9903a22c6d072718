package okta

// An app's Cross App Access connections. Cross App Access is Early Access in
// Okta (Identity Engine): an org without the feature answers these operations
// with an error.

import (
	"context"
	"iter"
	"net/http"
)

// GetAllCrossAppAccessConnectionsRequest filters and pages
// GetAllCrossAppAccessConnections.
type GetAllCrossAppAccessConnectionsRequest struct {
	AppID             string                            // required
	After             string                            // the cursor of the page to fetch (Response.NextAfter)
	Limit             int                               // page size, at most 200; Okta's default (-1) is every connection up to its maximum
	Status            OrgCrossAppAccessConnectionStatus // connections of this status
	RequestingAppID   string                            // connections from this app
	ResourceAppID     string                            // connections to this app
	ActiveAppsOnly    *bool                             // only connections whose two apps are ACTIVE
	RequestingAppName string                            // connections from apps whose name contains this
	ResourceAppName   string                            // connections to apps whose name contains this
}

func (r GetAllCrossAppAccessConnectionsRequest) call() call {
	return call{op: "getAllCrossAppAccessConnections", method: http.MethodGet, path: "/api/v1/apps/{appId}/cwo/connections",
		params: []string{r.AppID},
		query: query{}.str("after", r.After).int("limit", r.Limit).str("status", string(r.Status)).
			str("requestingAppId", r.RequestingAppID).str("resourceAppId", r.ResourceAppID).
			boolp("activeAppsOnly", r.ActiveAppsOnly).str("requestingAppName", r.RequestingAppName).
			str("resourceAppName", r.ResourceAppName).values()}
}

// GetAllCrossAppAccessConnections lists one page of an app's inbound and
// outbound Cross App Access connections. Early Access in Okta.
//
// Okta's operationId: getAllCrossAppAccessConnections.
//
// GET /api/v1/apps/{appId}/cwo/connections
func (a *ApplicationAPI) GetAllCrossAppAccessConnections(ctx context.Context, req GetAllCrossAppAccessConnectionsRequest) ([]OrgCrossAppAccessConnection, *Response, error) {
	return doList[OrgCrossAppAccessConnection](ctx, a.client, req.call())
}

// GetAllCrossAppAccessConnectionsAll walks every page of
// GetAllCrossAppAccessConnections. Early Access in Okta.
//
// GET /api/v1/apps/{appId}/cwo/connections
func (a *ApplicationAPI) GetAllCrossAppAccessConnectionsAll(ctx context.Context, req GetAllCrossAppAccessConnectionsRequest) iter.Seq2[*OrgCrossAppAccessConnection, error] {
	return listAll[OrgCrossAppAccessConnection](ctx, a.client, req.call())
}

// CreateCrossAppAccessConnectionRequest is the connection to create.
type CreateCrossAppAccessConnectionRequest struct {
	AppID                       string                       // required
	OrgCrossAppAccessConnection *OrgCrossAppAccessConnection // required
}

// CreateCrossAppAccessConnection creates a Cross App Access connection. Early
// Access in Okta.
//
// Okta's operationId: createCrossAppAccessConnection.
//
// POST /api/v1/apps/{appId}/cwo/connections
func (a *ApplicationAPI) CreateCrossAppAccessConnection(ctx context.Context, req CreateCrossAppAccessConnectionRequest) (*OrgCrossAppAccessConnection, *Response, error) {
	return doJSON[OrgCrossAppAccessConnection](ctx, a.client, call{op: "createCrossAppAccessConnection", method: http.MethodPost,
		path: "/api/v1/apps/{appId}/cwo/connections", params: []string{req.AppID},
		json: req.OrgCrossAppAccessConnection, needs: "OrgCrossAppAccessConnection"})
}

// GetCrossAppAccessConnectionRequest names the connection.
type GetCrossAppAccessConnectionRequest struct {
	AppID        string // required
	ConnectionID string // required
}

// GetCrossAppAccessConnection fetches a Cross App Access connection. Early
// Access in Okta.
//
// Okta's operationId: getCrossAppAccessConnection.
//
// GET /api/v1/apps/{appId}/cwo/connections/{connectionId}
func (a *ApplicationAPI) GetCrossAppAccessConnection(ctx context.Context, req GetCrossAppAccessConnectionRequest) (*OrgCrossAppAccessConnection, *Response, error) {
	return doJSON[OrgCrossAppAccessConnection](ctx, a.client, call{op: "getCrossAppAccessConnection", method: http.MethodGet,
		path: "/api/v1/apps/{appId}/cwo/connections/{connectionId}", params: []string{req.AppID, req.ConnectionID}})
}

// DeleteCrossAppAccessConnectionRequest names the connection.
type DeleteCrossAppAccessConnectionRequest struct {
	AppID        string // required
	ConnectionID string // required
}

// DeleteCrossAppAccessConnection deletes a Cross App Access connection. Early
// Access in Okta.
//
// Okta's operationId: deleteCrossAppAccessConnection.
//
// DELETE /api/v1/apps/{appId}/cwo/connections/{connectionId}
func (a *ApplicationAPI) DeleteCrossAppAccessConnection(ctx context.Context, req DeleteCrossAppAccessConnectionRequest) (*Response, error) {
	return doEmpty(ctx, a.client, call{op: "deleteCrossAppAccessConnection", method: http.MethodDelete,
		path: "/api/v1/apps/{appId}/cwo/connections/{connectionId}", params: []string{req.AppID, req.ConnectionID}})
}

// UpdateCrossAppAccessConnectionRequest is a connection's new status.
type UpdateCrossAppAccessConnectionRequest struct {
	AppID                                   string                                   // required
	ConnectionID                            string                                   // required
	OrgCrossAppAccessConnectionPatchRequest *OrgCrossAppAccessConnectionPatchRequest // required: the new Status
}

// UpdateCrossAppAccessConnection activates or deactivates a Cross App Access
// connection. The body is a plain JSON object, not JSON Patch. Early Access in
// Okta.
//
// Okta's operationId: updateCrossAppAccessConnection.
//
// PATCH /api/v1/apps/{appId}/cwo/connections/{connectionId}
func (a *ApplicationAPI) UpdateCrossAppAccessConnection(ctx context.Context, req UpdateCrossAppAccessConnectionRequest) (*OrgCrossAppAccessConnection, *Response, error) {
	return doJSON[OrgCrossAppAccessConnection](ctx, a.client, call{op: "updateCrossAppAccessConnection", method: http.MethodPatch,
		path: "/api/v1/apps/{appId}/cwo/connections/{connectionId}", params: []string{req.AppID, req.ConnectionID},
		json: req.OrgCrossAppAccessConnectionPatchRequest, needs: "OrgCrossAppAccessConnectionPatchRequest"})
}
