package okta_test

// Federated claims and group push mappings: the exact requests and typed
// results.

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gatekit/okta"
)

const (
	appClaimJSON = `{
		"id": "ofc2f4zrZbs8nUa7p0g4",
		"name": "role",
		"expression": "appuser.entitlements.role",
		"created": "2024-02-29T20:08:24.000Z",
		"lastUpdated": "2024-02-29T20:08:24.000Z",
		"owner": null
	}`
	appPushMappingJSON = `{
		"id": "gPm00000000000000000",
		"sourceGroupId": "00g00000000000000000",
		"targetGroupId": "00g00000000000000001",
		"status": "ACTIVE",
		"errorSummary": null,
		"appConfig": {"type": "ACTIVE_DIRECTORY", "distinguishedName": "CN=Eng,OU=Groups,DC=example,DC=com", "groupScope": "GLOBAL", "groupType": "SECURITY", "samAccountName": "eng"},
		"created": "2025-01-01T00:00:00.000Z",
		"lastUpdated": "2025-01-02T00:00:00.000Z",
		"lastPush": "2025-01-02T00:00:00.000Z",
		"pushCount": 3,
		"_links": {"app": {"href": "https://dev-123456.okta.com/api/v1/apps/0oa1"}, "sourceGroup": {"href": "https://dev-123456.okta.com/api/v1/groups/00g00000000000000000"}}
	}`
)

func federatedClaimOps() []opRunner {
	const base = "/api/v1/apps/0oa1/federated-claims"
	return []opRunner{
		opCase[[]okta.FederatedClaim]{
			name: "listFederatedClaims",
			call: func(ctx context.Context, c *okta.APIClient) (*[]okta.FederatedClaim, *okta.Response, error) {
				return page(c.ApplicationAPI.ListFederatedClaims(ctx, okta.ListFederatedClaimsRequest{AppID: "0oa1"}))
			},
			method: "GET", uri: base, status: 200, resp: "[" + appClaimJSON + "]",
			check: func(t *testing.T, cs *[]okta.FederatedClaim) {
				require.Len(t, *cs, 1)
				assert.Equal(t, "role", (*cs)[0].Name)
			},
		},
		opCase[okta.FederatedClaim]{
			name: "createFederatedClaim",
			call: func(ctx context.Context, c *okta.APIClient) (*okta.FederatedClaim, *okta.Response, error) {
				return c.ApplicationAPI.CreateFederatedClaim(ctx, okta.CreateFederatedClaimRequest{AppID: "0oa1",
					FederatedClaimRequestBody: &okta.FederatedClaimRequestBody{Name: "role", Expression: "appuser.entitlements.role"}})
			},
			method: "POST", uri: base, body: `{"name":"role","expression":"appuser.entitlements.role"}`,
			status: 201, resp: appClaimJSON,
			check: func(t *testing.T, c *okta.FederatedClaim) {
				assert.Equal(t, "ofc2f4zrZbs8nUa7p0g4", c.ID)
				assert.Equal(t, "2024-02-29T20:08:24.000Z", c.Created)
			},
		},
		opCase[okta.FederatedClaim]{
			name: "getFederatedClaim",
			call: func(ctx context.Context, c *okta.APIClient) (*okta.FederatedClaim, *okta.Response, error) {
				return c.ApplicationAPI.GetFederatedClaim(ctx, okta.GetFederatedClaimRequest{AppID: "0oa1", ClaimID: "ofc2"})
			},
			method: "GET", uri: base + "/ofc2", status: 200, resp: appClaimJSON,
			check: func(t *testing.T, c *okta.FederatedClaim) {
				assert.Equal(t, "ofc2f4zrZbs8nUa7p0g4", c.ID, "the id the spec's answer type leaves out is kept")
			},
		},
		opCase[okta.FederatedClaim]{
			name: "replaceFederatedClaim",
			call: func(ctx context.Context, c *okta.APIClient) (*okta.FederatedClaim, *okta.Response, error) {
				return c.ApplicationAPI.ReplaceFederatedClaim(ctx, okta.ReplaceFederatedClaimRequest{AppID: "0oa1", ClaimID: "ofc2",
					FederatedClaim: &okta.FederatedClaim{Name: "role", Expression: "appuser.entitlements.role"}})
			},
			method: "PUT", uri: base + "/ofc2", body: `{"name":"role","expression":"appuser.entitlements.role"}`,
			status: 200, resp: appClaimJSON, // Okta answers 200 where the spec says 201
		},
		opCase[okta.FederatedClaim]{
			name: "replaceFederatedClaim/201",
			call: func(ctx context.Context, c *okta.APIClient) (*okta.FederatedClaim, *okta.Response, error) {
				return c.ApplicationAPI.ReplaceFederatedClaim(ctx, okta.ReplaceFederatedClaimRequest{AppID: "0oa1", ClaimID: "ofc2"})
			},
			method: "PUT", uri: base + "/ofc2", status: 201, resp: appClaimJSON,
		},
		opCase[noResult]{
			name: "deleteFederatedClaim",
			call: func(ctx context.Context, c *okta.APIClient) (*noResult, *okta.Response, error) {
				return none(c.ApplicationAPI.DeleteFederatedClaim(ctx, okta.DeleteFederatedClaimRequest{AppID: "0oa1", ClaimID: "ofc2"}))
			},
			method: "DELETE", uri: base + "/ofc2", status: 204,
		},
	}
}

func groupPushOps() []opRunner {
	const base = "/api/v1/apps/0oa1/group-push/mappings"
	return []opRunner{
		opCase[[]okta.GroupPushMapping]{
			name: "listGroupPushMappings",
			call: func(ctx context.Context, c *okta.APIClient) (*[]okta.GroupPushMapping, *okta.Response, error) {
				return page(c.ApplicationAPI.ListGroupPushMappings(ctx, okta.ListGroupPushMappingsRequest{AppID: "0oa1",
					After: "gPm0", Limit: 1000, LastUpdated: "2025-01-01T00:00:00Z", SourceGroupID: "00g0", Status: okta.GroupPushMappingError}))
			},
			method: "GET", uri: base + "?after=gPm0&lastUpdated=2025-01-01T00%3A00%3A00Z&limit=1000&sourceGroupId=00g0&status=ERROR",
			status: 200, resp: "[" + appPushMappingJSON + "]",
			check: func(t *testing.T, ms *[]okta.GroupPushMapping) {
				require.Len(t, *ms, 1)
				assert.Equal(t, "00g00000000000000001", (*ms)[0].TargetGroupID)
			},
		},
		opCase[[]okta.GroupPushMapping]{
			name: "listGroupPushMappings/no parameters",
			call: func(ctx context.Context, c *okta.APIClient) (*[]okta.GroupPushMapping, *okta.Response, error) {
				return page(c.ApplicationAPI.ListGroupPushMappings(ctx, okta.ListGroupPushMappingsRequest{AppID: "0oa1"}))
			},
			method: "GET", uri: base, status: 200, resp: "[]",
			check: func(t *testing.T, ms *[]okta.GroupPushMapping) {
				assert.Equal(t, []okta.GroupPushMapping{}, *ms, "an empty page is an empty slice")
			},
		},
		opCase[okta.GroupPushMapping]{
			name: "createGroupPushMapping",
			call: func(ctx context.Context, c *okta.APIClient) (*okta.GroupPushMapping, *okta.Response, error) {
				return c.ApplicationAPI.CreateGroupPushMapping(ctx, okta.CreateGroupPushMappingRequest{AppID: "0oa1",
					CreateGroupPushMappingRequestBody: &okta.CreateGroupPushMappingRequestBody{
						SourceGroupID: "00g00000000000000000", TargetGroupName: "Engineering", Status: okta.GroupPushMappingActive,
						AppConfig: okta.AppConfig{Type: okta.AppConfigTypeActiveDirectory, DistinguishedName: "CN=Eng,OU=Groups,DC=example,DC=com",
							GroupScope: okta.ActiveDirectoryGroupScopeGlobal, GroupType: okta.ActiveDirectoryGroupTypeSecurity, SamAccountName: "eng"}}})
			},
			method: "POST", uri: base,
			body:   `{"sourceGroupId":"00g00000000000000000","targetGroupName":"Engineering","status":"ACTIVE","appConfig":{"type":"ACTIVE_DIRECTORY","distinguishedName":"CN=Eng,OU=Groups,DC=example,DC=com","groupScope":"GLOBAL","groupType":"SECURITY","samAccountName":"eng"}}`,
			status: 200, resp: appPushMappingJSON, // Okta answers 200 where the spec says 201
			check: func(t *testing.T, m *okta.GroupPushMapping) {
				assert.Equal(t, okta.GroupPushMappingActive, m.Status)
				assert.Equal(t, okta.ActiveDirectoryGroupScopeGlobal, m.AppConfig.GroupScope)
				assert.Equal(t, time.Date(2025, 1, 2, 0, 0, 0, 0, time.UTC), m.LastPush.UTC())
				assert.Equal(t, "", m.ErrorSummary)
			},
		},
		opCase[okta.GroupPushMapping]{
			name: "createGroupPushMapping/target id",
			call: func(ctx context.Context, c *okta.APIClient) (*okta.GroupPushMapping, *okta.Response, error) {
				return c.ApplicationAPI.CreateGroupPushMapping(ctx, okta.CreateGroupPushMappingRequest{AppID: "0oa1",
					CreateGroupPushMappingRequestBody: &okta.CreateGroupPushMappingRequestBody{SourceGroupID: "00g0", TargetGroupID: "00g1"}})
			},
			method: "POST", uri: base, body: `{"sourceGroupId":"00g0","targetGroupId":"00g1"}`,
			status: 201, resp: appPushMappingJSON,
		},
		opCase[okta.GroupPushMapping]{
			name: "getGroupPushMapping",
			call: func(ctx context.Context, c *okta.APIClient) (*okta.GroupPushMapping, *okta.Response, error) {
				return c.ApplicationAPI.GetGroupPushMapping(ctx, okta.GetGroupPushMappingRequest{AppID: "0oa1", MappingID: "gPm0"})
			},
			method: "GET", uri: base + "/gPm0", status: 200, resp: appPushMappingJSON,
		},
		opCase[noResult]{
			name: "deleteGroupPushMapping",
			call: func(ctx context.Context, c *okta.APIClient) (*noResult, *okta.Response, error) {
				return none(c.ApplicationAPI.DeleteGroupPushMapping(ctx, okta.DeleteGroupPushMappingRequest{AppID: "0oa1", MappingID: "gPm0"}))
			},
			method: "DELETE", uri: base + "/gPm0?deleteTargetGroup=false", status: 200, // Okta answers 200 where the spec says 204
		},
		opCase[noResult]{
			name: "deleteGroupPushMapping/delete target",
			call: func(ctx context.Context, c *okta.APIClient) (*noResult, *okta.Response, error) {
				return none(c.ApplicationAPI.DeleteGroupPushMapping(ctx, okta.DeleteGroupPushMappingRequest{AppID: "0oa1", MappingID: "gPm0", DeleteTargetGroup: true}))
			},
			method: "DELETE", uri: base + "/gPm0?deleteTargetGroup=true", status: 204,
		},
		opCase[okta.GroupPushMapping]{
			name: "updateGroupPushMapping",
			call: func(ctx context.Context, c *okta.APIClient) (*okta.GroupPushMapping, *okta.Response, error) {
				return c.ApplicationAPI.UpdateGroupPushMapping(ctx, okta.UpdateGroupPushMappingRequest{AppID: "0oa1", MappingID: "gPm0",
					UpdateGroupPushMappingRequestBody: &okta.UpdateGroupPushMappingRequestBody{Status: okta.GroupPushMappingInactive}})
			},
			method: "PATCH", uri: base + "/gPm0", body: `{"status":"INACTIVE"}`, status: 200, resp: appPushMappingJSON,
		},
	}
}
