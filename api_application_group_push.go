package okta

// An app's group push mappings: Okta groups pushed to groups in the app.

import (
	"context"
	"iter"
	"net/http"
)

// ListGroupPushMappingsRequest filters and pages ListGroupPushMappings.
type ListGroupPushMappingsRequest struct {
	AppID         string                 // required
	After         string                 // the cursor of the page to fetch (Response.NextAfter)
	Limit         int                    // page size, 1 to 1000 (Okta's default: 100)
	LastUpdated   string                 // mappings updated at or after this time, as YYYY-MM-DDTHH:mm:ssZ
	SourceGroupID string                 // mappings of this Okta group
	Status        GroupPushMappingStatus // mappings of this status
}

func (r ListGroupPushMappingsRequest) call() call {
	return call{op: "listGroupPushMappings", method: http.MethodGet, path: "/api/v1/apps/{appId}/group-push/mappings",
		params: []string{r.AppID},
		query: query{}.str("after", r.After).int("limit", r.Limit).str("lastUpdated", r.LastUpdated).
			str("sourceGroupId", r.SourceGroupID).str("status", string(r.Status)).values()}
}

// ListGroupPushMappings lists one page of an app's group push mappings.
//
// Okta's operationId: listGroupPushMappings.
//
// GET /api/v1/apps/{appId}/group-push/mappings
func (a *ApplicationAPI) ListGroupPushMappings(ctx context.Context, req ListGroupPushMappingsRequest) ([]GroupPushMapping, *Response, error) {
	return doList[GroupPushMapping](ctx, a.client, req.call())
}

// ListGroupPushMappingsAll walks every page of ListGroupPushMappings.
//
// GET /api/v1/apps/{appId}/group-push/mappings
func (a *ApplicationAPI) ListGroupPushMappingsAll(ctx context.Context, req ListGroupPushMappingsRequest) iter.Seq2[*GroupPushMapping, error] {
	return listAll[GroupPushMapping](ctx, a.client, req.call())
}

// CreateGroupPushMappingRequest is the mapping to create.
type CreateGroupPushMappingRequest struct {
	AppID string // required
	// CreateGroupPushMappingRequestBody is required (the spec's
	// CreateGroupPushMappingRequest schema).
	CreateGroupPushMappingRequestBody *CreateGroupPushMappingRequestBody
}

// CreateGroupPushMapping pushes an Okta group to the app: to an existing group
// (TargetGroupID) or to one found or created by name (TargetGroupName). Okta
// answers 200 (the spec says 201); both succeed.
//
// Okta's operationId: createGroupPushMapping.
//
// POST /api/v1/apps/{appId}/group-push/mappings
func (a *ApplicationAPI) CreateGroupPushMapping(ctx context.Context, req CreateGroupPushMappingRequest) (*GroupPushMapping, *Response, error) {
	return doJSON[GroupPushMapping](ctx, a.client, call{op: "createGroupPushMapping", method: http.MethodPost,
		path: "/api/v1/apps/{appId}/group-push/mappings", params: []string{req.AppID},
		json: req.CreateGroupPushMappingRequestBody, needs: "CreateGroupPushMappingRequestBody"})
}

// GetGroupPushMappingRequest names the mapping GetGroupPushMapping fetches.
type GetGroupPushMappingRequest struct {
	AppID     string // required
	MappingID string // required
}

// GetGroupPushMapping fetches one of an app's group push mappings.
//
// Okta's operationId: getGroupPushMapping.
//
// GET /api/v1/apps/{appId}/group-push/mappings/{mappingId}
func (a *ApplicationAPI) GetGroupPushMapping(ctx context.Context, req GetGroupPushMappingRequest) (*GroupPushMapping, *Response, error) {
	return doJSON[GroupPushMapping](ctx, a.client, call{op: "getGroupPushMapping", method: http.MethodGet,
		path: "/api/v1/apps/{appId}/group-push/mappings/{mappingId}", params: []string{req.AppID, req.MappingID}})
}

// DeleteGroupPushMappingRequest names the mapping DeleteGroupPushMapping
// deletes.
type DeleteGroupPushMappingRequest struct {
	AppID     string // required
	MappingID string // required
	// DeleteTargetGroup deletes the app's group too. The spec requires the
	// parameter, so it is always sent, false included.
	DeleteTargetGroup bool
}

// DeleteGroupPushMapping deletes an INACTIVE group push mapping (update its
// status first). Okta answers 200 (the spec says 204); both succeed.
//
// Okta's operationId: deleteGroupPushMapping.
//
// DELETE /api/v1/apps/{appId}/group-push/mappings/{mappingId}
func (a *ApplicationAPI) DeleteGroupPushMapping(ctx context.Context, req DeleteGroupPushMappingRequest) (*Response, error) {
	return doEmpty(ctx, a.client, call{op: "deleteGroupPushMapping", method: http.MethodDelete,
		path: "/api/v1/apps/{appId}/group-push/mappings/{mappingId}", params: []string{req.AppID, req.MappingID},
		query: query{}.boolp("deleteTargetGroup", &req.DeleteTargetGroup).values()})
}

// UpdateGroupPushMappingRequest is a mapping's new status.
type UpdateGroupPushMappingRequest struct {
	AppID     string // required
	MappingID string // required
	// UpdateGroupPushMappingRequestBody is required (the spec's
	// UpdateGroupPushMappingRequest schema).
	UpdateGroupPushMappingRequestBody *UpdateGroupPushMappingRequestBody
}

// UpdateGroupPushMapping activates or deactivates a group push mapping.
//
// Okta's operationId: updateGroupPushMapping.
//
// PATCH /api/v1/apps/{appId}/group-push/mappings/{mappingId}
func (a *ApplicationAPI) UpdateGroupPushMapping(ctx context.Context, req UpdateGroupPushMappingRequest) (*GroupPushMapping, *Response, error) {
	return doJSON[GroupPushMapping](ctx, a.client, call{op: "updateGroupPushMapping", method: http.MethodPatch,
		path: "/api/v1/apps/{appId}/group-push/mappings/{mappingId}", params: []string{req.AppID, req.MappingID},
		json: req.UpdateGroupPushMappingRequestBody, needs: "UpdateGroupPushMappingRequestBody"})
}
