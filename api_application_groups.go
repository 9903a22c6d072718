package okta

// Group assignments to an application.

import (
	"context"
	"iter"
	"net/http"
)

// CreateApplicationGroupAssignmentRequest is the group assignment to make.
type CreateApplicationGroupAssignmentRequest struct {
	AppID                      string                      // required
	GroupID                    string                      // required
	ApplicationGroupAssignment *ApplicationGroupAssignment // optional: priority and profile
}

// CreateApplicationGroupAssignment assigns a group to an app.
//
// Okta's current operationId: assignGroupToApplication
// (createApplicationGroupAssignment in the 2022 spec).
//
// PUT /api/v1/apps/{appId}/groups/{groupId}
func (a *ApplicationAPI) CreateApplicationGroupAssignment(ctx context.Context, req CreateApplicationGroupAssignmentRequest) (*ApplicationGroupAssignment, *Response, error) {
	return doJSON[ApplicationGroupAssignment](ctx, a.client, call{op: "createApplicationGroupAssignment", method: http.MethodPut,
		path: "/api/v1/apps/{appId}/groups/{groupId}", params: []string{req.AppID, req.GroupID},
		json: req.ApplicationGroupAssignment}) // optional: nil sends no body
}

// GetApplicationGroupAssignmentRequest names the assignment
// GetApplicationGroupAssignment fetches.
type GetApplicationGroupAssignmentRequest struct {
	AppID   string // required
	GroupID string // required
	Expand  string // "group" embeds the group
}

// GetApplicationGroupAssignment fetches a group's assignment to an app.
//
// GET /api/v1/apps/{appId}/groups/{groupId}
func (a *ApplicationAPI) GetApplicationGroupAssignment(ctx context.Context, req GetApplicationGroupAssignmentRequest) (*ApplicationGroupAssignment, *Response, error) {
	return doJSON[ApplicationGroupAssignment](ctx, a.client, call{op: "getApplicationGroupAssignment", method: http.MethodGet,
		path: "/api/v1/apps/{appId}/groups/{groupId}", params: []string{req.AppID, req.GroupID},
		query: query{}.str("expand", req.Expand).values()})
}

// ListApplicationGroupAssignmentsRequest filters and pages
// ListApplicationGroupAssignments.
type ListApplicationGroupAssignmentsRequest struct {
	AppID  string // required
	Q      string // matches the start of the group's name
	After  string // the cursor of the page to fetch (Response.NextAfter)
	Limit  int    // page size
	Expand string // "group" embeds each group
}

func (r ListApplicationGroupAssignmentsRequest) call() call {
	return call{op: "listApplicationGroupAssignments", method: http.MethodGet, path: "/api/v1/apps/{appId}/groups",
		params: []string{r.AppID},
		query:  query{}.str("q", r.Q).str("after", r.After).int("limit", r.Limit).str("expand", r.Expand).values()}
}

// ListApplicationGroupAssignments lists one page of the groups assigned to an
// app.
//
// GET /api/v1/apps/{appId}/groups
func (a *ApplicationAPI) ListApplicationGroupAssignments(ctx context.Context, req ListApplicationGroupAssignmentsRequest) ([]ApplicationGroupAssignment, *Response, error) {
	return doList[ApplicationGroupAssignment](ctx, a.client, req.call())
}

// ListApplicationGroupAssignmentsAll walks every page of
// ListApplicationGroupAssignments.
//
// GET /api/v1/apps/{appId}/groups
func (a *ApplicationAPI) ListApplicationGroupAssignmentsAll(ctx context.Context, req ListApplicationGroupAssignmentsRequest) iter.Seq2[*ApplicationGroupAssignment, error] {
	return listAll[ApplicationGroupAssignment](ctx, a.client, req.call())
}

// DeleteApplicationGroupAssignmentRequest names the assignment
// DeleteApplicationGroupAssignment removes.
type DeleteApplicationGroupAssignmentRequest struct {
	AppID   string // required
	GroupID string // required
}

// DeleteApplicationGroupAssignment unassigns a group from an app.
//
// Okta's current operationId: unassignApplicationFromGroup
// (deleteApplicationGroupAssignment in the 2022 spec).
//
// DELETE /api/v1/apps/{appId}/groups/{groupId}
func (a *ApplicationAPI) DeleteApplicationGroupAssignment(ctx context.Context, req DeleteApplicationGroupAssignmentRequest) (*Response, error) {
	return doEmpty(ctx, a.client, call{op: "deleteApplicationGroupAssignment", method: http.MethodDelete,
		path: "/api/v1/apps/{appId}/groups/{groupId}", params: []string{req.AppID, req.GroupID}})
}

// UpdateGroupAssignmentToApplicationRequest is the change to a group
// assignment.
type UpdateGroupAssignmentToApplicationRequest struct {
	AppID   string // required
	GroupID string // required
	// JsonPatchOperation is the list of changes, sent as application/json (not
	// application/json-patch+json). The spec makes it optional: nil sends no
	// body; an empty, non-nil slice sends [].
	JsonPatchOperation []JsonPatchOperation
}

// UpdateGroupAssignmentToApplication changes a group's assignment to an app
// (its profile or priority, say) with JSON-Patch-style operations.
//
// Okta's operationId: updateGroupAssignmentToApplication.
//
// PATCH /api/v1/apps/{appId}/groups/{groupId}
func (a *ApplicationAPI) UpdateGroupAssignmentToApplication(ctx context.Context, req UpdateGroupAssignmentToApplicationRequest) (*ApplicationGroupAssignment, *Response, error) {
	cl := call{op: "updateGroupAssignmentToApplication", method: http.MethodPatch,
		path: "/api/v1/apps/{appId}/groups/{groupId}", params: []string{req.AppID, req.GroupID}}
	if req.JsonPatchOperation != nil {
		cl.json = req.JsonPatchOperation
	}
	return doJSON[ApplicationGroupAssignment](ctx, a.client, cl)
}
