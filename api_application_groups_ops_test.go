package okta_test

// The exact requests and typed results of group assignments.

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gatekit/okta"
)

// appGroupOps is the table of group assignments.
func appGroupOps(t *testing.T) []opRunner {
	return []opRunner{
		opCase[okta.ApplicationGroupAssignment]{
			name: "createApplicationGroupAssignment",
			call: func(ctx context.Context, c *okta.APIClient) (*okta.ApplicationGroupAssignment, *okta.Response, error) {
				return c.ApplicationAPI.CreateApplicationGroupAssignment(ctx, okta.CreateApplicationGroupAssignmentRequest{AppID: "0oa1", GroupID: "00g1a2b3c4d5e6f7g8h9",
					ApplicationGroupAssignment: &okta.ApplicationGroupAssignment{Priority: okta.Ptr(0), Profile: map[string]any{"role": "admin"}}})
			},
			method: "PUT", uri: "/api/v1/apps/0oa1/groups/00g1a2b3c4d5e6f7g8h9",
			body:   `{"priority":0,"profile":{"role":"admin"}}`,
			status: 200, resp: appGroupJSON,
			check: func(t *testing.T, r *okta.ApplicationGroupAssignment) {
				g := r
				assert.Equal(t, "00g1a2b3c4d5e6f7g8h9", g.ID)
				require.NotNil(t, g.Priority)
				assert.Equal(t, 0, *g.Priority)
				assert.Equal(t, []any{"pro"}, g.Profile["licenses"])
			},
		},
		opCase[okta.ApplicationGroupAssignment]{
			name: "createApplicationGroupAssignment/no body",
			call: func(ctx context.Context, c *okta.APIClient) (*okta.ApplicationGroupAssignment, *okta.Response, error) {
				return c.ApplicationAPI.CreateApplicationGroupAssignment(ctx, okta.CreateApplicationGroupAssignmentRequest{AppID: "0oa1", GroupID: "00g1"})
			},
			method: "PUT", uri: "/api/v1/apps/0oa1/groups/00g1",
			status: 200, resp: appGroupJSON,
		},
		opCase[okta.ApplicationGroupAssignment]{
			name: "getApplicationGroupAssignment",
			call: func(ctx context.Context, c *okta.APIClient) (*okta.ApplicationGroupAssignment, *okta.Response, error) {
				return c.ApplicationAPI.GetApplicationGroupAssignment(ctx, okta.GetApplicationGroupAssignmentRequest{AppID: "0oa1", GroupID: "00g1a2b3c4d5e6f7g8h9", Expand: "group"})
			},
			method: "GET", uri: "/api/v1/apps/0oa1/groups/00g1a2b3c4d5e6f7g8h9?expand=group",
			status: 200, resp: appGroupJSON,
			check: func(t *testing.T, r *okta.ApplicationGroupAssignment) {
				assert.Equal(t, json.Number("10"), r.Profile["quota"])
			},
		},
		opCase[[]okta.ApplicationGroupAssignment]{
			name: "listApplicationGroupAssignments",
			call: func(ctx context.Context, c *okta.APIClient) (*[]okta.ApplicationGroupAssignment, *okta.Response, error) {
				return page(c.ApplicationAPI.ListApplicationGroupAssignments(ctx, okta.ListApplicationGroupAssignmentsRequest{AppID: "0oa1", Q: "eng", After: "00g0", Limit: 50, Expand: "group"}))
			},
			method: "GET", uri: "/api/v1/apps/0oa1/groups?after=00g0&expand=group&limit=50&q=eng",
			status: 200, resp: appList(appGroupJSON),
			check: func(t *testing.T, r *[]okta.ApplicationGroupAssignment) {
				gs := *r
				require.Len(t, gs, 1)
				assert.Equal(t, "00g1a2b3c4d5e6f7g8h9", gs[0].ID)
			},
		},
		opCase[noResult]{
			name: "deleteApplicationGroupAssignment",
			call: func(ctx context.Context, c *okta.APIClient) (*noResult, *okta.Response, error) {
				resp, err := c.ApplicationAPI.DeleteApplicationGroupAssignment(ctx, okta.DeleteApplicationGroupAssignmentRequest{AppID: "0oa1", GroupID: "00g1"})
				return none(resp, err)
			},
			method: "DELETE", uri: "/api/v1/apps/0oa1/groups/00g1", status: 204,
		},
	}
}
