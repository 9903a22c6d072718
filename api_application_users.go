package okta

// User assignments to an application.

import (
	"context"
	"iter"
	"net/http"
)

// AssignUserToApplicationRequest is the assignment to make.
type AssignUserToApplicationRequest struct {
	AppID   string   // required
	AppUser *AppUser // required; its ID is the Okta user's id
}

// AssignUserToApplication assigns a user to an app, with app-specific
// credentials and profile.
//
// POST /api/v1/apps/{appId}/users
func (a *ApplicationAPI) AssignUserToApplication(ctx context.Context, req AssignUserToApplicationRequest) (*AppUser, *Response, error) {
	return doJSON[AppUser](ctx, a.client, call{op: "assignUserToApplication", method: http.MethodPost,
		path: "/api/v1/apps/{appId}/users", params: []string{req.AppID}, json: req.AppUser, needs: "AppUser"})
}

// GetApplicationUserRequest names the assignment GetApplicationUser fetches.
type GetApplicationUserRequest struct {
	AppID  string // required
	UserID string // required
	Expand string // "user" embeds the Okta user
}

// GetApplicationUser fetches a user's assignment to an app.
//
// GET /api/v1/apps/{appId}/users/{userId}
func (a *ApplicationAPI) GetApplicationUser(ctx context.Context, req GetApplicationUserRequest) (*AppUser, *Response, error) {
	return doJSON[AppUser](ctx, a.client, call{op: "getApplicationUser", method: http.MethodGet,
		path: "/api/v1/apps/{appId}/users/{userId}", params: []string{req.AppID, req.UserID},
		query: query{}.str("expand", req.Expand).values()})
}

// ListApplicationUsersRequest filters and pages ListApplicationUsers.
type ListApplicationUsersRequest struct {
	AppID      string // required
	Q          string // matches the start of the user's name or email
	QueryScope string
	After      string // the cursor of the page to fetch (Response.NextAfter)
	Limit      int    // page size
	Filter     string
	Expand     string // "user" embeds each Okta user
}

func (r ListApplicationUsersRequest) call() call {
	return call{op: "listApplicationUsers", method: http.MethodGet, path: "/api/v1/apps/{appId}/users",
		params: []string{r.AppID},
		query: query{}.str("q", r.Q).str("query_scope", r.QueryScope).str("after", r.After).
			int("limit", r.Limit).str("filter", r.Filter).str("expand", r.Expand).values()}
}

// ListApplicationUsers lists one page of the users assigned to an app.
//
// GET /api/v1/apps/{appId}/users
func (a *ApplicationAPI) ListApplicationUsers(ctx context.Context, req ListApplicationUsersRequest) ([]AppUser, *Response, error) {
	return doList[AppUser](ctx, a.client, req.call())
}

// ListApplicationUsersAll walks every page of ListApplicationUsers.
//
// GET /api/v1/apps/{appId}/users
func (a *ApplicationAPI) ListApplicationUsersAll(ctx context.Context, req ListApplicationUsersRequest) iter.Seq2[*AppUser, error] {
	return listAll[AppUser](ctx, a.client, req.call())
}

// UpdateApplicationUserRequest is an assignment's new profile or credentials.
type UpdateApplicationUserRequest struct {
	AppID   string   // required
	UserID  string   // required
	AppUser *AppUser // required
}

// UpdateApplicationUser updates a user's profile or credentials for an app.
//
// POST /api/v1/apps/{appId}/users/{userId}
func (a *ApplicationAPI) UpdateApplicationUser(ctx context.Context, req UpdateApplicationUserRequest) (*AppUser, *Response, error) {
	return doJSON[AppUser](ctx, a.client, call{op: "updateApplicationUser", method: http.MethodPost,
		path: "/api/v1/apps/{appId}/users/{userId}", params: []string{req.AppID, req.UserID}, json: req.AppUser, needs: "AppUser"})
}

// DeleteApplicationUserRequest names the assignment DeleteApplicationUser
// removes.
type DeleteApplicationUserRequest struct {
	AppID     string // required
	UserID    string // required
	SendEmail *bool  // email the user about the change (Okta's default: false)
}

// DeleteApplicationUser unassigns a user from an app.
//
// Okta's current operationId: unassignUserFromApplication
// (deleteApplicationUser in the 2022 spec).
//
// DELETE /api/v1/apps/{appId}/users/{userId}
func (a *ApplicationAPI) DeleteApplicationUser(ctx context.Context, req DeleteApplicationUserRequest) (*Response, error) {
	return doEmpty(ctx, a.client, call{op: "deleteApplicationUser", method: http.MethodDelete,
		path: "/api/v1/apps/{appId}/users/{userId}", params: []string{req.AppID, req.UserID},
		query: query{}.boolp("sendEmail", req.SendEmail).values()})
}
