package okta_test

// The exact requests and typed results of OAuth 2.0 refresh tokens.

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gatekit/okta"
)

// appTokenOps is the table of OAuth 2.0 refresh tokens.
func appTokenOps(t *testing.T) []opRunner {
	return []opRunner{
		opCase[[]okta.OAuth2Token]{
			name: "listOAuth2TokensForApplication",
			call: func(ctx context.Context, c *okta.APIClient) (*[]okta.OAuth2Token, *okta.Response, error) {
				return page(c.ApplicationAPI.ListOAuth2TokensForApplication(ctx, okta.ListOAuth2TokensForApplicationRequest{AppID: "0oa1", Expand: "scope", After: "oar0", Limit: 5}))
			},
			method: "GET", uri: "/api/v1/apps/0oa1/tokens?after=oar0&expand=scope&limit=5",
			status: 200, resp: appList(appTokenJSON),
			check: func(t *testing.T, r *[]okta.OAuth2Token) {
				ts := *r
				require.Len(t, ts, 1)
				assert.Equal(t, []string{"offline_access", "openid"}, ts[0].Scopes)
			},
		},
		opCase[okta.OAuth2Token]{
			name: "getOAuth2TokenForApplication",
			call: func(ctx context.Context, c *okta.APIClient) (*okta.OAuth2Token, *okta.Response, error) {
				return c.ApplicationAPI.GetOAuth2TokenForApplication(ctx, okta.GetOAuth2TokenForApplicationRequest{AppID: "0oa1", TokenID: "oar579Mcp7OUsNTlo0g3", Expand: "scope"})
			},
			method: "GET", uri: "/api/v1/apps/0oa1/tokens/oar579Mcp7OUsNTlo0g3?expand=scope",
			status: 200, resp: appTokenJSON,
			check: func(t *testing.T, r *okta.OAuth2Token) {
				tok := r
				assert.Equal(t, "oar579Mcp7OUsNTlo0g3", tok.ID)
				assert.Equal(t, okta.GrantOrTokenActive, tok.Status)
				assert.Equal(t, "0oa1", tok.ClientID)
				assert.Equal(t, "00u1a2b3c4d5e6f7g8h9", tok.UserID)
				assert.Equal(t, "https://dev-123456.okta.com/oauth2/ausain6z9zIedDCxB0h7", tok.Issuer)
				assert.NotNil(t, tok.Embedded["scopes"])
			},
		},
		opCase[noResult]{
			name: "revokeOAuth2TokenForApplication",
			call: func(ctx context.Context, c *okta.APIClient) (*noResult, *okta.Response, error) {
				resp, err := c.ApplicationAPI.RevokeOAuth2TokenForApplication(ctx, okta.RevokeOAuth2TokenForApplicationRequest{AppID: "0oa1", TokenID: "oar1"})
				return none(resp, err)
			},
			method: "DELETE", uri: "/api/v1/apps/0oa1/tokens/oar1", status: 204,
		},
		opCase[noResult]{
			name: "revokeOAuth2TokensForApplication",
			call: func(ctx context.Context, c *okta.APIClient) (*noResult, *okta.Response, error) {
				resp, err := c.ApplicationAPI.RevokeOAuth2TokensForApplication(ctx, okta.RevokeOAuth2TokensForApplicationRequest{AppID: "0oa1"})
				return none(resp, err)
			},
			method: "DELETE", uri: "/api/v1/apps/0oa1/tokens", status: 204,
		},
	}
}
