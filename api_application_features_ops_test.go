package okta_test

// The exact requests and typed results of provisioning features.

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gatekit/okta"
)

// appFeatureOps is the table of provisioning features.
func appFeatureOps(t *testing.T) []opRunner {
	return []opRunner{
		opCase[[]okta.ApplicationFeature]{
			name: "listFeaturesForApplication",
			call: func(ctx context.Context, c *okta.APIClient) (*[]okta.ApplicationFeature, *okta.Response, error) {
				return page(c.ApplicationAPI.ListFeaturesForApplication(ctx, okta.ListFeaturesForApplicationRequest{AppID: "0oa1"}))
			},
			method: "GET", uri: "/api/v1/apps/0oa1/features",
			status: 200, resp: appList(appFeatureJSON),
			check: func(t *testing.T, r *[]okta.ApplicationFeature) {
				fs := *r
				require.Len(t, fs, 1)
				assert.Equal(t, "USER_PROVISIONING", fs[0].Name)
			},
		},
		opCase[okta.ApplicationFeature]{
			name: "getFeatureForApplication",
			call: func(ctx context.Context, c *okta.APIClient) (*okta.ApplicationFeature, *okta.Response, error) {
				return c.ApplicationAPI.GetFeatureForApplication(ctx, okta.GetFeatureForApplicationRequest{AppID: "0oa1", Name: "USER_PROVISIONING"})
			},
			method: "GET", uri: "/api/v1/apps/0oa1/features/USER_PROVISIONING",
			status: 200, resp: appFeatureJSON,
			check: func(t *testing.T, r *okta.ApplicationFeature) {
				f := r
				assert.Equal(t, okta.Enabled, f.Status)
				assert.Equal(t, okta.Enabled, f.Capabilities.Create.LifecycleCreate.Status)
				assert.Equal(t, okta.Disabled, f.Capabilities.Update.LifecycleDeactivate.Status)
				assert.Equal(t, okta.SeedRandom, f.Capabilities.Update.Password.Seed)
				assert.Equal(t, okta.ChangeChange, f.Capabilities.Update.Password.Change)
				assert.Equal(t, []string{"importRules"}, f.Capabilities.ExtraNames())
			},
		},
		opCase[okta.ApplicationFeature]{
			name: "updateFeatureForApplication",
			call: func(ctx context.Context, c *okta.APIClient) (*okta.ApplicationFeature, *okta.Response, error) {
				caps := &okta.CapabilitiesObject{}
				caps.Create.LifecycleCreate.Status = okta.Enabled
				caps.Update.LifecycleDeactivate.Status = okta.Enabled
				caps.Update.Profile.Status = okta.Disabled
				caps.Update.Password = okta.PasswordSettingObject{Status: okta.Enabled, Seed: okta.SeedOkta, Change: okta.ChangeKeepExisting}
				return c.ApplicationAPI.UpdateFeatureForApplication(ctx, okta.UpdateFeatureForApplicationRequest{AppID: "0oa1", Name: "USER_PROVISIONING", CapabilitiesObject: caps})
			},
			method: "PUT", uri: "/api/v1/apps/0oa1/features/USER_PROVISIONING",
			body:   `{"create":{"lifecycleCreate":{"status":"ENABLED"}},"update":{"lifecycleDeactivate":{"status":"ENABLED"},"password":{"status":"ENABLED","seed":"OKTA","change":"KEEP_EXISTING"},"profile":{"status":"DISABLED"}}}`,
			status: 200, resp: appFeatureJSON,
			check: func(t *testing.T, r *okta.ApplicationFeature) {
				assert.Equal(t, "USER_PROVISIONING", r.Name)
			},
		},
	}
}
