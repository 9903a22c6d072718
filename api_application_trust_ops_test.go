package okta_test

// Cross App Access connections and interclient trust mappings (both Early
// Access in Okta): the exact requests and typed results.

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gatekit/okta"
)

const (
	appCrossAppJSON = `{
		"id": "cwofxqCAJWWGELFTYASJ",
		"requestingAppInstanceId": "0oafxqCAJWWGELFTYASJ",
		"resourceAppInstanceId": "0oafxqCBJWWGELFTYASJ",
		"status": "ACTIVE",
		"created": "2024-10-15T10:30:00.000Z",
		"lastUpdated": "2024-10-15T10:30:00.000Z",
		"scopes": ["read"]
	}`
	appInterclientJSON = `{
		"id": "itmahqusSr3v8Kk3B0g5",
		"orgId": "00o102n9p4vX126Gp0g5",
		"appInstanceId": "0oa8ghelqWXs70qD80g5",
		"trustedAppInstanceId": "0oa5kw6q51dFckBE70g5",
		"created": "2025-11-25T22:44:06.000Z",
		"lastUpdated": "2025-11-25T22:44:06.000Z",
		"lastUpdatedBy": "00u102rhXmxEGFKiB0g5"
	}`
)

func crossAppAccessOps() []opRunner {
	const base = "/api/v1/apps/0oa1/cwo/connections"
	return []opRunner{
		opCase[[]okta.OrgCrossAppAccessConnection]{
			name: "getAllCrossAppAccessConnections",
			call: func(ctx context.Context, c *okta.APIClient) (*[]okta.OrgCrossAppAccessConnection, *okta.Response, error) {
				return page(c.ApplicationAPI.GetAllCrossAppAccessConnections(ctx, okta.GetAllCrossAppAccessConnectionsRequest{AppID: "0oa1",
					After: "cwo0", Limit: -1, Status: okta.CrossAppAccessConnectionInactive, RequestingAppID: "0oaR", ResourceAppID: "0oaS",
					ActiveAppsOnly: okta.Ptr(false), RequestingAppName: "crm app", ResourceAppName: "wiki"}))
			},
			method: "GET",
			uri:    base + "?activeAppsOnly=false&after=cwo0&limit=-1&requestingAppId=0oaR&requestingAppName=crm+app&resourceAppId=0oaS&resourceAppName=wiki&status=INACTIVE",
			status: 200, resp: "[" + appCrossAppJSON + "]",
			check: func(t *testing.T, cs *[]okta.OrgCrossAppAccessConnection) {
				require.Len(t, *cs, 1)
				assert.Equal(t, "0oafxqCBJWWGELFTYASJ", (*cs)[0].ResourceAppInstanceID)
				assert.Equal(t, 2024, (*cs)[0].Created.Year())
			},
		},
		opCase[[]okta.OrgCrossAppAccessConnection]{
			name: "getAllCrossAppAccessConnections/no parameters",
			call: func(ctx context.Context, c *okta.APIClient) (*[]okta.OrgCrossAppAccessConnection, *okta.Response, error) {
				return page(c.ApplicationAPI.GetAllCrossAppAccessConnections(ctx, okta.GetAllCrossAppAccessConnectionsRequest{AppID: "0oa1"}))
			},
			method: "GET", uri: base, status: 200, resp: "[]",
		},
		opCase[okta.OrgCrossAppAccessConnection]{
			name: "createCrossAppAccessConnection",
			call: func(ctx context.Context, c *okta.APIClient) (*okta.OrgCrossAppAccessConnection, *okta.Response, error) {
				return c.ApplicationAPI.CreateCrossAppAccessConnection(ctx, okta.CreateCrossAppAccessConnectionRequest{AppID: "0oa1",
					OrgCrossAppAccessConnection: &okta.OrgCrossAppAccessConnection{RequestingAppInstanceID: "0oafxqCAJWWGELFTYASJ",
						ResourceAppInstanceID: "0oafxqCBJWWGELFTYASJ", Status: okta.CrossAppAccessConnectionActive}})
			},
			method: "POST", uri: base,
			body:   `{"requestingAppInstanceId":"0oafxqCAJWWGELFTYASJ","resourceAppInstanceId":"0oafxqCBJWWGELFTYASJ","status":"ACTIVE"}`,
			status: 201, resp: appCrossAppJSON,
			check: func(t *testing.T, c *okta.OrgCrossAppAccessConnection) {
				assert.Equal(t, "cwofxqCAJWWGELFTYASJ", c.ID)
				assert.Equal(t, okta.CrossAppAccessConnectionActive, c.Status)
			},
		},
		opCase[okta.OrgCrossAppAccessConnection]{
			name: "getCrossAppAccessConnection",
			call: func(ctx context.Context, c *okta.APIClient) (*okta.OrgCrossAppAccessConnection, *okta.Response, error) {
				return c.ApplicationAPI.GetCrossAppAccessConnection(ctx, okta.GetCrossAppAccessConnectionRequest{AppID: "0oa1", ConnectionID: "cwo1"})
			},
			method: "GET", uri: base + "/cwo1", status: 200, resp: appCrossAppJSON,
		},
		opCase[noResult]{
			name: "deleteCrossAppAccessConnection",
			call: func(ctx context.Context, c *okta.APIClient) (*noResult, *okta.Response, error) {
				return none(c.ApplicationAPI.DeleteCrossAppAccessConnection(ctx, okta.DeleteCrossAppAccessConnectionRequest{AppID: "0oa1", ConnectionID: "cwo1"}))
			},
			method: "DELETE", uri: base + "/cwo1", status: 204,
		},
		opCase[okta.OrgCrossAppAccessConnection]{
			name: "updateCrossAppAccessConnection",
			call: func(ctx context.Context, c *okta.APIClient) (*okta.OrgCrossAppAccessConnection, *okta.Response, error) {
				return c.ApplicationAPI.UpdateCrossAppAccessConnection(ctx, okta.UpdateCrossAppAccessConnectionRequest{AppID: "0oa1", ConnectionID: "cwo1",
					OrgCrossAppAccessConnectionPatchRequest: &okta.OrgCrossAppAccessConnectionPatchRequest{Status: okta.CrossAppAccessConnectionInactive}})
			},
			method: "PATCH", uri: base + "/cwo1", body: `{"status":"INACTIVE"}`, status: 200, resp: appCrossAppJSON,
		},
	}
}

func interclientTrustOps() []opRunner {
	return []opRunner{
		opCase[[]string]{
			name: "listInterclientAllowedApplications",
			call: func(ctx context.Context, c *okta.APIClient) (*[]string, *okta.Response, error) {
				return page(c.ApplicationAPI.ListInterclientAllowedApplications(ctx, okta.ListInterclientAllowedApplicationsRequest{AppID: "0oa1"}))
			},
			method: "GET", uri: "/api/v1/apps/0oa1/interclient-allowed-apps", status: 200, resp: `["0oa5kw6q51dFckBE70g5","0oa6"]`,
			check: func(t *testing.T, ids *[]string) {
				assert.Equal(t, []string{"0oa5kw6q51dFckBE70g5", "0oa6"}, *ids)
			},
		},
		opCase[okta.InterclientTrustMapping]{
			name: "createInterclientTrustMapping",
			call: func(ctx context.Context, c *okta.APIClient) (*okta.InterclientTrustMapping, *okta.Response, error) {
				return c.ApplicationAPI.CreateInterclientTrustMapping(ctx, okta.CreateInterclientTrustMappingRequest{AppID: "0oa1",
					InterclientTrustMappingRequestBody: &okta.InterclientTrustMappingRequestBody{ID: "0oa5kw6q51dFckBE70g5"}})
			},
			method: "POST", uri: "/api/v1/apps/0oa1/interclient-allowed-apps", body: `{"id":"0oa5kw6q51dFckBE70g5"}`,
			status: 201, resp: appInterclientJSON,
			check: func(t *testing.T, m *okta.InterclientTrustMapping) {
				assert.Equal(t, "0oa5kw6q51dFckBE70g5", m.TrustedAppInstanceID)
				assert.Equal(t, "00u102rhXmxEGFKiB0g5", m.LastUpdatedBy)
			},
		},
		opCase[noResult]{
			name: "deleteInterclientTrustMapping",
			call: func(ctx context.Context, c *okta.APIClient) (*noResult, *okta.Response, error) {
				return none(c.ApplicationAPI.DeleteInterclientTrustMapping(ctx, okta.DeleteInterclientTrustMappingRequest{AppID: "0oa1", AllowedAppID: "0oa5"}))
			},
			method: "DELETE", uri: "/api/v1/apps/0oa1/interclient-allowed-apps/0oa5", status: 204,
		},
		opCase[[]string]{
			name: "listInterclientTargetApplications",
			call: func(ctx context.Context, c *okta.APIClient) (*[]string, *okta.Response, error) {
				return page(c.ApplicationAPI.ListInterclientTargetApplications(ctx, okta.ListInterclientTargetApplicationsRequest{AppID: "0oa5"}))
			},
			method: "GET", uri: "/api/v1/apps/0oa5/interclient-target-apps", status: 200, resp: `[]`,
			check: func(t *testing.T, ids *[]string) {
				assert.Equal(t, []string{}, *ids)
			},
		},
	}
}
