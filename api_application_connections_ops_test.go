package okta_test

// The exact requests and typed results of the default provisioning connection.

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/gatekit/okta"
)

// appConnectionOps is the table of the default provisioning connection.
func appConnectionOps(t *testing.T) []opRunner {
	return []opRunner{
		opCase[okta.ProvisioningConnection]{
			name: "getDefaultProvisioningConnectionForApplication",
			call: func(ctx context.Context, c *okta.APIClient) (*okta.ProvisioningConnection, *okta.Response, error) {
				return c.ApplicationAPI.GetDefaultProvisioningConnectionForApplication(ctx, okta.GetDefaultProvisioningConnectionForApplicationRequest{AppID: "0oa1"})
			},
			method: "GET", uri: "/api/v1/apps/0oa1/connections/default",
			status: 200, resp: appConnectionJSON,
			check: func(t *testing.T, r *okta.ProvisioningConnection) {
				c := r
				assert.Equal(t, okta.ProvisioningAuthToken, c.AuthScheme)
				assert.Equal(t, "https://scim.example.com/v2", c.BaseURL, "a member the 2026 spec declares")
				assert.Equal(t, okta.ProvisioningEnabled, c.Status)
			},
		},
		opCase[okta.ProvisioningConnection]{
			name: "setDefaultProvisioningConnectionForApplication",
			call: func(ctx context.Context, c *okta.APIClient) (*okta.ProvisioningConnection, *okta.Response, error) {
				return c.ApplicationAPI.SetDefaultProvisioningConnectionForApplication(ctx, okta.SetDefaultProvisioningConnectionForApplicationRequest{
					AppID: "0oa1", Activate: okta.Ptr(true),
					ProvisioningConnectionRequest: &okta.ProvisioningConnectionRequest{Profile: okta.ProvisioningConnectionProfile{AuthScheme: okta.ProvisioningAuthToken, Token: okta.NewSecret("scim-bearer-token")}},
				})
			},
			method: "POST", uri: "/api/v1/apps/0oa1/connections/default?activate=true",
			body:   `{"profile":{"authScheme":"TOKEN","token":"scim-bearer-token"}}`,
			status: 201, resp: appConnectionJSON,
			check: func(t *testing.T, r *okta.ProvisioningConnection) {
				assert.Equal(t, okta.ProvisioningEnabled, r.Status)
			},
		},
		opCase[okta.ProvisioningConnection]{
			name: "setDefaultProvisioningConnectionForApplication/200",
			call: func(ctx context.Context, c *okta.APIClient) (*okta.ProvisioningConnection, *okta.Response, error) {
				return c.ApplicationAPI.SetDefaultProvisioningConnectionForApplication(ctx, okta.SetDefaultProvisioningConnectionForApplicationRequest{
					AppID: "0oa1", Activate: okta.Ptr(false),
					ProvisioningConnectionRequest: &okta.ProvisioningConnectionRequest{Profile: okta.ProvisioningConnectionProfile{AuthScheme: okta.ProvisioningAuthToken, Token: okta.NewSecret("t")}},
				})
			},
			method: "POST", uri: "/api/v1/apps/0oa1/connections/default?activate=false",
			body:   `{"profile":{"authScheme":"TOKEN","token":"t"}}`,
			status: 200, resp: appConnectionJSON,
			check: func(t *testing.T, r *okta.ProvisioningConnection) {
				assert.Equal(t, okta.ProvisioningAuthToken, r.AuthScheme)
			},
		},
		opCase[okta.ProvisioningConnection]{
			name: "setDefaultProvisioningConnectionForApplication/oauth",
			call: func(ctx context.Context, c *okta.APIClient) (*okta.ProvisioningConnection, *okta.Response, error) {
				return c.ApplicationAPI.SetDefaultProvisioningConnectionForApplication(ctx, okta.SetDefaultProvisioningConnectionForApplicationRequest{AppID: "0oa1",
					ProvisioningConnectionRequest: &okta.ProvisioningConnectionRequest{Profile: okta.ProvisioningConnectionProfile{
						AuthScheme: okta.ProvisioningAuthOAuth2, ClientID: "0oaTarget", Signing: okta.Org2OrgProvisioningOAuthSigningSettings{RotationMode: "AUTO"}}}})
			},
			method: "POST", uri: "/api/v1/apps/0oa1/connections/default",
			body:   `{"profile":{"authScheme":"OAUTH2","clientId":"0oaTarget","signing":{"rotationMode":"AUTO"}}}`,
			status: 200, resp: `{"authScheme":"OAUTH2","status":"DISABLED","profile":{"authScheme":"OAUTH2","signing":{"rotationMode":"AUTO"}},"_links":{"authorize":{"href":"https://dev-123456.okta.com/oauth2/v1/authorize"}}}`,
			check: func(t *testing.T, r *okta.ProvisioningConnection) {
				assert.Equal(t, okta.ProvisioningAuthOAuth2, r.Profile.AuthScheme)
				assert.Equal(t, "AUTO", r.Profile.Signing.RotationMode)
			},
		},
		opCase[noResult]{
			name: "activateDefaultProvisioningConnectionForApplication",
			call: func(ctx context.Context, c *okta.APIClient) (*noResult, *okta.Response, error) {
				resp, err := c.ApplicationAPI.ActivateDefaultProvisioningConnectionForApplication(ctx, okta.ActivateDefaultProvisioningConnectionForApplicationRequest{AppID: "0oa1"})
				return none(resp, err)
			},
			method: "POST", uri: "/api/v1/apps/0oa1/connections/default/lifecycle/activate", status: 204,
		},
		opCase[noResult]{
			name: "deactivateDefaultProvisioningConnectionForApplication",
			call: func(ctx context.Context, c *okta.APIClient) (*noResult, *okta.Response, error) {
				resp, err := c.ApplicationAPI.DeactivateDefaultProvisioningConnectionForApplication(ctx, okta.DeactivateDefaultProvisioningConnectionForApplicationRequest{AppID: "0oa1"})
				return none(resp, err)
			},
			method: "POST", uri: "/api/v1/apps/0oa1/connections/default/lifecycle/deactivate", status: 204,
		},
	}
}
