package okta_test

// The exact requests and typed results of user assignments.

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gatekit/okta"
)

// appUserOps is the table of user assignments.
func appUserOps(t *testing.T) []opRunner {
	return []opRunner{
		opCase[okta.AppUser]{
			name: "assignUserToApplication",
			call: func(ctx context.Context, c *okta.APIClient) (*okta.AppUser, *okta.Response, error) {
				return c.ApplicationAPI.AssignUserToApplication(ctx, okta.AssignUserToApplicationRequest{AppID: "0oa1", AppUser: &okta.AppUser{
					ID:          "00u1a2b3c4d5e6f7g8h9",
					Scope:       "USER",
					Credentials: okta.AppUserCredentials{UserName: "jdoe@example.com", Password: okta.AppUserPasswordCredential{Value: okta.NewSecret("c0rrect-h0rse")}},
					Profile:     map[string]any{"department": "Engineering", "seats": 3, "admin": false},
				}})
			},
			method: "POST", uri: "/api/v1/apps/0oa1/users",
			body:   `{"id":"00u1a2b3c4d5e6f7g8h9","scope":"USER","credentials":{"userName":"jdoe@example.com","password":{"value":"c0rrect-h0rse"}},"profile":{"department":"Engineering","seats":3,"admin":false}}`,
			status: 200, resp: appUserJSON,
			check: func(t *testing.T, r *okta.AppUser) {
				u := r
				assert.Equal(t, "00u1a2b3c4d5e6f7g8h9", u.ID)
				assert.Equal(t, "PROVISIONED", u.Status)
				assert.Equal(t, "SYNCHRONIZED", u.SyncState)
				assert.Equal(t, "jdoe@example.com", u.Credentials.UserName)
				assert.Equal(t, json.Number("3"), u.Profile["seats"])
				assert.Equal(t, false, u.Profile["admin"])
				assert.Equal(t, json.Number("98765432109876543210"), u.Profile["employeeNumber"])
				assert.Equal(t, 2024, u.Created.Year())
			},
		},
		opCase[okta.AppUser]{
			name: "getApplicationUser",
			call: func(ctx context.Context, c *okta.APIClient) (*okta.AppUser, *okta.Response, error) {
				return c.ApplicationAPI.GetApplicationUser(ctx, okta.GetApplicationUserRequest{AppID: "0oa1", UserID: "00u1a2b3c4d5e6f7g8h9", Expand: "user"})
			},
			method: "GET", uri: "/api/v1/apps/0oa1/users/00u1a2b3c4d5e6f7g8h9?expand=user",
			status: 200, resp: appUserJSON,
			check: func(t *testing.T, r *okta.AppUser) {
				assert.Equal(t, "USER", r.Scope)
			},
		},
		opCase[[]okta.AppUser]{
			name: "listApplicationUsers",
			call: func(ctx context.Context, c *okta.APIClient) (*[]okta.AppUser, *okta.Response, error) {
				return page(c.ApplicationAPI.ListApplicationUsers(ctx, okta.ListApplicationUsersRequest{
					AppID: "0oa1", Q: "jdoe", QueryScope: "USER", After: "00u0", Limit: 20, Filter: `status eq "PROVISIONED"`, Expand: "user",
				}))
			},
			method: "GET", uri: "/api/v1/apps/0oa1/users?after=00u0&expand=user&filter=status+eq+%22PROVISIONED%22&limit=20&q=jdoe&query_scope=USER",
			status: 200, resp: appList(appUserJSON),
			check: func(t *testing.T, r *[]okta.AppUser) {
				us := *r
				require.Len(t, us, 1)
				assert.Equal(t, "00u1a2b3c4d5e6f7g8h9", us[0].ID)
			},
		},
		opCase[okta.AppUser]{
			name: "updateApplicationUser",
			call: func(ctx context.Context, c *okta.APIClient) (*okta.AppUser, *okta.Response, error) {
				return c.ApplicationAPI.UpdateApplicationUser(ctx, okta.UpdateApplicationUserRequest{AppID: "0oa1", UserID: "00u1a2b3c4d5e6f7g8h9",
					AppUser: &okta.AppUser{Profile: map[string]any{"title": "Manager", "seats": 0, "nickname": ""}}})
			},
			method: "POST", uri: "/api/v1/apps/0oa1/users/00u1a2b3c4d5e6f7g8h9",
			body:   `{"profile":{"title":"Manager","seats":0,"nickname":""}}`,
			status: 200, resp: appUserJSON,
			check: func(t *testing.T, r *okta.AppUser) {
				assert.Equal(t, "Engineering", r.Profile["department"])
			},
		},
		opCase[noResult]{
			name: "deleteApplicationUser",
			call: func(ctx context.Context, c *okta.APIClient) (*noResult, *okta.Response, error) {
				resp, err := c.ApplicationAPI.DeleteApplicationUser(ctx, okta.DeleteApplicationUserRequest{AppID: "0oa1", UserID: "00u1", SendEmail: okta.Ptr(false)})
				return none(resp, err)
			},
			method: "DELETE", uri: "/api/v1/apps/0oa1/users/00u1?sendEmail=false", status: 204,
		},
		opCase[noResult]{
			name: "deleteApplicationUser/no sendEmail",
			call: func(ctx context.Context, c *okta.APIClient) (*noResult, *okta.Response, error) {
				resp, err := c.ApplicationAPI.DeleteApplicationUser(ctx, okta.DeleteApplicationUserRequest{AppID: "0oa1", UserID: "00u1"})
				return none(resp, err)
			},
			method: "DELETE", uri: "/api/v1/apps/0oa1/users/00u1", status: 204,
		},
	}
}
