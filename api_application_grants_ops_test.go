package okta_test

// The exact requests and typed results of scope consent grants.

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gatekit/okta"
)

// appGrantOps is the table of scope consent grants.
func appGrantOps(t *testing.T) []opRunner {
	return []opRunner{
		opCase[[]okta.OAuth2ScopeConsentGrant]{
			name: "listScopeConsentGrants",
			call: func(ctx context.Context, c *okta.APIClient) (*[]okta.OAuth2ScopeConsentGrant, *okta.Response, error) {
				return page(c.ApplicationAPI.ListScopeConsentGrants(ctx, okta.ListScopeConsentGrantsRequest{AppID: "0oa1", Expand: "scope"}))
			},
			method: "GET", uri: "/api/v1/apps/0oa1/grants?expand=scope",
			status: 200, resp: appList(appGrantJSON),
			check: func(t *testing.T, r *[]okta.OAuth2ScopeConsentGrant) {
				gs := *r
				require.Len(t, gs, 1)
				assert.Equal(t, "okta.users.read", gs[0].ScopeID)
			},
		},
		opCase[okta.OAuth2ScopeConsentGrant]{
			name: "grantConsentToScope",
			call: func(ctx context.Context, c *okta.APIClient) (*okta.OAuth2ScopeConsentGrant, *okta.Response, error) {
				return c.ApplicationAPI.GrantConsentToScope(ctx, okta.GrantConsentToScopeRequest{AppID: "0oa1",
					OAuth2ScopeConsentGrant: &okta.OAuth2ScopeConsentGrant{Issuer: "https://dev-123456.okta.com", ScopeID: "okta.users.read"}})
			},
			method: "POST", uri: "/api/v1/apps/0oa1/grants",
			body:   `{"issuer":"https://dev-123456.okta.com","scopeId":"okta.users.read"}`,
			status: 201, resp: appGrantJSON,
			check: func(t *testing.T, r *okta.OAuth2ScopeConsentGrant) {
				g := r
				assert.Equal(t, "oag3ih1zrm1cBFOiq0h6", g.ID)
				assert.Equal(t, okta.GrantSourceAdmin, g.Source)
				assert.Equal(t, "User", g.CreatedBy.Type)
			},
		},
		opCase[okta.OAuth2ScopeConsentGrant]{
			name: "grantConsentToScope/200",
			call: func(ctx context.Context, c *okta.APIClient) (*okta.OAuth2ScopeConsentGrant, *okta.Response, error) {
				return c.ApplicationAPI.GrantConsentToScope(ctx, okta.GrantConsentToScopeRequest{AppID: "0oa1",
					OAuth2ScopeConsentGrant: &okta.OAuth2ScopeConsentGrant{Issuer: "https://dev-123456.okta.com", ScopeID: "okta.apps.read"}})
			},
			method: "POST", uri: "/api/v1/apps/0oa1/grants",
			body:   `{"issuer":"https://dev-123456.okta.com","scopeId":"okta.apps.read"}`,
			status: 200, resp: appGrantJSON,
			check: func(t *testing.T, r *okta.OAuth2ScopeConsentGrant) {
				assert.Equal(t, okta.GrantOrTokenActive, r.Status)
			},
		},
		opCase[okta.OAuth2ScopeConsentGrant]{
			name: "getScopeConsentGrant",
			call: func(ctx context.Context, c *okta.APIClient) (*okta.OAuth2ScopeConsentGrant, *okta.Response, error) {
				return c.ApplicationAPI.GetScopeConsentGrant(ctx, okta.GetScopeConsentGrantRequest{AppID: "0oa1", GrantID: "oag3ih1zrm1cBFOiq0h6", Expand: "scope"})
			},
			method: "GET", uri: "/api/v1/apps/0oa1/grants/oag3ih1zrm1cBFOiq0h6?expand=scope",
			status: 200, resp: appGrantJSON,
			check: func(t *testing.T, r *okta.OAuth2ScopeConsentGrant) {
				assert.Equal(t, "https://dev-123456.okta.com", r.Issuer)
			},
		},
		opCase[noResult]{
			name: "revokeScopeConsentGrant",
			call: func(ctx context.Context, c *okta.APIClient) (*noResult, *okta.Response, error) {
				resp, err := c.ApplicationAPI.RevokeScopeConsentGrant(ctx, okta.RevokeScopeConsentGrantRequest{AppID: "0oa1", GrantID: "oag1"})
				return none(resp, err)
			},
			method: "DELETE", uri: "/api/v1/apps/0oa1/grants/oag1", status: 204,
		},
	}
}
