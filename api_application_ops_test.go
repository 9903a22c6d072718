package okta_test

// The exact requests and typed results of applications and their lifecycle.

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gatekit/okta"
)

// applicationOps is the table of applications and their lifecycle.
func applicationOps(t *testing.T) []opRunner {
	bookmark := appCorpusDoc(t, "bookmark")
	oidc := appCorpusDoc(t, "openid_connect")
	return []opRunner{
		opCase[okta.Application]{
			name: "createApplication",
			call: func(ctx context.Context, c *okta.APIClient) (*okta.Application, *okta.Response, error) {
				return c.ApplicationAPI.CreateApplication(ctx, okta.CreateApplicationRequest{
					Application:            okta.NewBookmarkApplication("Status Page", "https://status.example.com/?team=platform&view=all"),
					Activate:               okta.Ptr(false),
					OktaAccessGatewayAgent: "oag-agent-7f3e",
				})
			},
			method: "POST", uri: "/api/v1/apps?activate=false",
			body:   `{"name":"bookmark","label":"Status Page","signOnMode":"BOOKMARK","settings":{"app":{"url":"https://status.example.com/?team=platform&view=all","requestIntegration":false}}}`,
			header: map[string]string{"OktaAccessGateway-Agent": "oag-agent-7f3e"},
			status: 200, resp: string(bookmark),
			check: func(t *testing.T, r *okta.Application) {
				app := r
				assert.Equal(t, "0oab00km4rKb6F3dG7h8", app.ID)
				assert.Equal(t, okta.SignOnModeBookmark, app.SignOnMode)
				assert.Equal(t, okta.ApplicationActive, app.Status)
			},
		},
		opCase[okta.Application]{
			name: "createApplication/defaults",
			call: func(ctx context.Context, c *okta.APIClient) (*okta.Application, *okta.Response, error) {
				return c.ApplicationAPI.CreateApplication(ctx, okta.CreateApplicationRequest{
					Application: &okta.Application{Name: "bookmark", Label: "B", SignOnMode: okta.SignOnModeBookmark},
				})
			},
			method: "POST", uri: "/api/v1/apps",
			body:   `{"name":"bookmark","label":"B","signOnMode":"BOOKMARK"}`,
			status: 200, resp: string(bookmark),
		},
		opCase[okta.Application]{
			name: "createApplication/activate true",
			call: func(ctx context.Context, c *okta.APIClient) (*okta.Application, *okta.Response, error) {
				return c.ApplicationAPI.CreateApplication(ctx, okta.CreateApplicationRequest{
					Application: &okta.Application{Label: "B"}, Activate: okta.Ptr(true),
				})
			},
			method: "POST", uri: "/api/v1/apps?activate=true", body: `{"label":"B"}`,
			status: 200, resp: string(bookmark),
		},
		opCase[okta.Application]{
			name: "getApplication",
			call: func(ctx context.Context, c *okta.APIClient) (*okta.Application, *okta.Response, error) {
				return c.ApplicationAPI.GetApplication(ctx, okta.GetApplicationRequest{AppID: "0oa8x1a2b3C4d5E6f7g8", Expand: "user/00u1a2b3c4d5e6f7g8h9"})
			},
			method: "GET", uri: "/api/v1/apps/0oa8x1a2b3C4d5E6f7g8?expand=user%2F00u1a2b3c4d5e6f7g8h9",
			status: 200, resp: string(oidc),
			check: func(t *testing.T, r *okta.Application) {
				app := r
				assert.Equal(t, "Expense Portal", app.Label)
				assert.Equal(t, "0oa8x1a2b3C4d5E6f7g8", app.Credentials.OAuthClient.ClientID)
			},
		},
		opCase[[]okta.Application]{
			name: "listApplications",
			call: func(ctx context.Context, c *okta.APIClient) (*[]okta.Application, *okta.Response, error) {
				return page(c.ApplicationAPI.ListApplications(ctx, okta.ListApplicationsRequest{
					Q: "Exp", After: "0oa0", Limit: 200, Filter: `status eq "ACTIVE"`, Expand: "user/00u1", IncludeNonDeleted: okta.Ptr(false),
				}))
			},
			method: "GET", uri: "/api/v1/apps?after=0oa0&expand=user%2F00u1&filter=status+eq+%22ACTIVE%22&includeNonDeleted=false&limit=200&q=Exp",
			status: 200, resp: appList(string(oidc)),
			check: func(t *testing.T, r *[]okta.Application) {
				apps := *r
				require.Len(t, apps, 1)
				assert.Equal(t, "0oa8x1a2b3C4d5E6f7g8", apps[0].ID)
			},
		},
		opCase[[]okta.Application]{
			name: "listApplications/no parameters",
			call: func(ctx context.Context, c *okta.APIClient) (*[]okta.Application, *okta.Response, error) {
				return page(c.ApplicationAPI.ListApplications(ctx, okta.ListApplicationsRequest{}))
			},
			method: "GET", uri: "/api/v1/apps",
			status: 200, resp: `[]`,
			check: func(t *testing.T, r *[]okta.Application) {
				assert.Equal(t, []okta.Application{}, *r, "an empty page is an empty slice")
			},
		},
		opCase[okta.Application]{
			name: "updateApplication",
			call: func(ctx context.Context, c *okta.APIClient) (*okta.Application, *okta.Response, error) {
				app := okta.NewBookmarkApplication("Status", "https://status.example.com")
				app.Visibility.AutoSubmitToolbar = okta.Ptr(false)
				app.Licensing.SeatCount = okta.Ptr(0)
				return c.ApplicationAPI.UpdateApplication(ctx, okta.UpdateApplicationRequest{AppID: "0oab00km4rKb6F3dG7h8", Application: app})
			},
			method: "PUT", uri: "/api/v1/apps/0oab00km4rKb6F3dG7h8",
			body:   `{"name":"bookmark","label":"Status","signOnMode":"BOOKMARK","visibility":{"autoSubmitToolbar":false},"licensing":{"seatCount":0},"settings":{"app":{"url":"https://status.example.com","requestIntegration":false}}}`,
			status: 200, resp: string(bookmark),
			check: func(t *testing.T, r *okta.Application) {
				assert.Equal(t, "Status Page", r.Label)
			},
		},
		opCase[noResult]{
			name: "deleteApplication",
			call: func(ctx context.Context, c *okta.APIClient) (*noResult, *okta.Response, error) {
				resp, err := c.ApplicationAPI.DeleteApplication(ctx, okta.DeleteApplicationRequest{AppID: "0oa1"})
				return none(resp, err)
			},
			method: "DELETE", uri: "/api/v1/apps/0oa1", status: 204,
		},
		opCase[noResult]{
			name: "activateApplication",
			call: func(ctx context.Context, c *okta.APIClient) (*noResult, *okta.Response, error) {
				resp, err := c.ApplicationAPI.ActivateApplication(ctx, okta.ActivateApplicationRequest{AppID: "0oa1"})
				return none(resp, err)
			},
			method: "POST", uri: "/api/v1/apps/0oa1/lifecycle/activate", status: 200, resp: `{}`,
		},
		opCase[noResult]{
			name: "deactivateApplication",
			call: func(ctx context.Context, c *okta.APIClient) (*noResult, *okta.Response, error) {
				resp, err := c.ApplicationAPI.DeactivateApplication(ctx, okta.DeactivateApplicationRequest{AppID: "0oa1"})
				return none(resp, err)
			},
			method: "POST", uri: "/api/v1/apps/0oa1/lifecycle/deactivate", status: 200, resp: `{}`,
		},
	}
}
