package test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gatekit/okta"
)

// TestProvisioningAndFeatures sets an app's provisioning connection, turns it
// off and on, and changes the USER_PROVISIONING feature that comes with it.
func TestProvisioningAndFeatures(t *testing.T) {
	emulatorOnly(t, "custom apps on a real org have no provisioning connection; only some catalog apps (such as Org2Org) do")
	e := newEnv(t)
	c := ctx(t)
	app := e.create(t, okta.NewBookmarkApplication("provisioning", "https://app.example.com/"), true)

	conn, _, err := e.apps.GetDefaultProvisioningConnectionForApplication(c, okta.GetDefaultProvisioningConnectionForApplicationRequest{AppID: app.ID})
	require.NoError(t, err)
	assert.Equal(t, okta.ProvisioningAuthUnknown, conn.AuthScheme)
	assert.Equal(t, okta.ProvisioningDisabled, conn.Status)

	// No connection, no features.
	assert.Empty(t, collect(t, e.apps.ListFeaturesForApplicationAll(c, okta.ListFeaturesForApplicationRequest{AppID: app.ID})))
	_, _, err = e.apps.GetFeatureForApplication(c, okta.GetFeatureForApplicationRequest{AppID: app.ID, Name: "USER_PROVISIONING"})
	require.ErrorIs(t, err, okta.ErrNotFound)

	const token = "provisioning-secret-token"
	conn, _, err = e.apps.SetDefaultProvisioningConnectionForApplication(c, okta.SetDefaultProvisioningConnectionForApplicationRequest{
		AppID:    app.ID,
		Activate: okta.Ptr(true),
		ProvisioningConnectionRequest: &okta.ProvisioningConnectionRequest{
			Profile: okta.ProvisioningConnectionProfile{AuthScheme: okta.ProvisioningAuthToken, Token: okta.NewSecret(token)},
		},
	})
	require.NoError(t, err)
	assert.Equal(t, okta.ProvisioningAuthToken, conn.AuthScheme)
	assert.Equal(t, okta.ProvisioningEnabled, conn.Status)
	assert.NotContains(t, fmt.Sprintf("%+v", conn), token)

	status := func() okta.ProvisioningConnectionStatus {
		got, _, err := e.apps.GetDefaultProvisioningConnectionForApplication(c, okta.GetDefaultProvisioningConnectionForApplicationRequest{AppID: app.ID})
		require.NoError(t, err)
		return got.Status
	}
	_, err = e.apps.DeactivateDefaultProvisioningConnectionForApplication(c, okta.DeactivateDefaultProvisioningConnectionForApplicationRequest{AppID: app.ID})
	require.NoError(t, err)
	assert.Equal(t, okta.ProvisioningDisabled, status())
	_, err = e.apps.ActivateDefaultProvisioningConnectionForApplication(c, okta.ActivateDefaultProvisioningConnectionForApplicationRequest{AppID: app.ID})
	require.NoError(t, err)
	assert.Equal(t, okta.ProvisioningEnabled, status())

	features := collect(t, e.apps.ListFeaturesForApplicationAll(c, okta.ListFeaturesForApplicationRequest{AppID: app.ID}))
	require.Len(t, features, 1)
	assert.Equal(t, "USER_PROVISIONING", features[0].Name)
	assert.Equal(t, okta.Enabled, features[0].Status)
	assert.Equal(t, okta.Disabled, features[0].Capabilities.Create.LifecycleCreate.Status)

	// Turn on user creation and profile pushes; what is not sent stays.
	var caps okta.CapabilitiesObject
	caps.Create.LifecycleCreate.Status = okta.Enabled
	caps.Update.Profile.Status = okta.Enabled
	f, _, err := e.apps.UpdateFeatureForApplication(c, okta.UpdateFeatureForApplicationRequest{
		AppID: app.ID, Name: "USER_PROVISIONING", CapabilitiesObject: &caps,
	})
	require.NoError(t, err)
	assert.Equal(t, okta.Enabled, f.Capabilities.Create.LifecycleCreate.Status)
	assert.Equal(t, okta.Enabled, f.Capabilities.Update.Profile.Status)
	assert.Equal(t, okta.Disabled, f.Capabilities.Update.LifecycleDeactivate.Status)
	assert.Equal(t, okta.SeedRandom, f.Capabilities.Update.Password.Seed)

	got, _, err := e.apps.GetFeatureForApplication(c, okta.GetFeatureForApplicationRequest{AppID: app.ID, Name: "USER_PROVISIONING"})
	require.NoError(t, err)
	assert.Equal(t, f.Capabilities.Create.LifecycleCreate.Status, got.Capabilities.Create.LifecycleCreate.Status)
	assert.Equal(t, f.Capabilities.Update.Profile.Status, got.Capabilities.Update.Profile.Status)
}
