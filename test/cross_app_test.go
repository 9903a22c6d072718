package test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gatekit/okta"
)

// earlyAccess is why the Early Access features are left to the emulator.
const earlyAccess = "Cross App Access and interclient trust are Early Access: most orgs do not have them"

// TestCrossAppAccessConnections connects a requesting app to two resource
// apps, reads and lists the connections from either side (paged, filtered),
// turns one off and deletes it.
func TestCrossAppAccessConnections(t *testing.T) {
	emulatorOnly(t, earlyAccess)
	e := newEnv(t)
	c := ctx(t)
	agent := e.serviceApp(t, "xaa-agent")
	mail := e.serviceApp(t, "xaa-mail")
	files := e.serviceApp(t, "xaa-files")
	apps := e.apps

	connect := func(resource string) *okta.OrgCrossAppAccessConnection {
		t.Helper()
		cn, resp, err := apps.CreateCrossAppAccessConnection(c, okta.CreateCrossAppAccessConnectionRequest{AppID: agent.ID,
			OrgCrossAppAccessConnection: &okta.OrgCrossAppAccessConnection{RequestingAppInstanceID: agent.ID, ResourceAppInstanceID: resource}})
		require.NoError(t, err)
		assert.Equal(t, http.StatusCreated, resp.StatusCode)
		return cn
	}
	toMail, toFiles := connect(mail.ID), connect(files.ID)
	require.NotEmpty(t, toMail.ID)
	assert.Equal(t, agent.ID, toMail.RequestingAppInstanceID)
	assert.Equal(t, mail.ID, toMail.ResourceAppInstanceID)
	assert.Equal(t, okta.CrossAppAccessConnectionActive, toMail.Status, "the default status")
	assert.False(t, toMail.Created.IsZero())

	// Refusals: the same pair again, an app to itself, an app that does not exist.
	for _, resource := range []string{mail.ID, agent.ID} { // again; itself
		_, _, err := apps.CreateCrossAppAccessConnection(c, okta.CreateCrossAppAccessConnectionRequest{AppID: agent.ID,
			OrgCrossAppAccessConnection: &okta.OrgCrossAppAccessConnection{RequestingAppInstanceID: agent.ID, ResourceAppInstanceID: resource}})
		requireServerRefusal(t, err, 400, okta.ErrInvalidRequest)
	}
	_, _, err := apps.CreateCrossAppAccessConnection(c, okta.CreateCrossAppAccessConnectionRequest{AppID: agent.ID,
		OrgCrossAppAccessConnection: &okta.OrgCrossAppAccessConnection{RequestingAppInstanceID: agent.ID, ResourceAppInstanceID: "0oaNoSuchApp00000000"}})
	requireServerRefusal(t, err, 404, okta.ErrNotFound)

	got, _, err := apps.GetCrossAppAccessConnection(c, okta.GetCrossAppAccessConnectionRequest{AppID: agent.ID, ConnectionID: toFiles.ID})
	require.NoError(t, err)
	assert.Equal(t, files.ID, got.ResourceAppInstanceID)

	// The requesting app lists both, page by page; a resource app its own.
	all := collect(t, apps.GetAllCrossAppAccessConnectionsAll(c, okta.GetAllCrossAppAccessConnectionsRequest{AppID: agent.ID, Limit: 1}))
	assert.ElementsMatch(t, []string{toMail.ID, toFiles.ID}, connIDs(all))
	first, resp, err := apps.GetAllCrossAppAccessConnections(c, okta.GetAllCrossAppAccessConnectionsRequest{AppID: agent.ID, Limit: 1})
	require.NoError(t, err)
	assert.Len(t, first, 1)
	assert.NotEmpty(t, resp.NextAfter, "a first page of 1 of 2 has a next page")
	fromMail := collect(t, apps.GetAllCrossAppAccessConnectionsAll(c, okta.GetAllCrossAppAccessConnectionsRequest{AppID: mail.ID}))
	assert.Equal(t, []string{toMail.ID}, connIDs(fromMail))
	byResource := collect(t, apps.GetAllCrossAppAccessConnectionsAll(c, okta.GetAllCrossAppAccessConnectionsRequest{AppID: agent.ID, ResourceAppID: files.ID}))
	assert.Equal(t, []string{toFiles.ID}, connIDs(byResource))

	// Turn one off: the status filter sees it.
	off, _, err := apps.UpdateCrossAppAccessConnection(c, okta.UpdateCrossAppAccessConnectionRequest{AppID: agent.ID, ConnectionID: toMail.ID,
		OrgCrossAppAccessConnectionPatchRequest: &okta.OrgCrossAppAccessConnectionPatchRequest{Status: okta.CrossAppAccessConnectionInactive}})
	require.NoError(t, err)
	assert.Equal(t, okta.CrossAppAccessConnectionInactive, off.Status)
	assert.Equal(t, mail.ID, off.ResourceAppInstanceID, "the patch changes the status only")
	inactive := collect(t, apps.GetAllCrossAppAccessConnectionsAll(c, okta.GetAllCrossAppAccessConnectionsRequest{AppID: agent.ID,
		Status: okta.CrossAppAccessConnectionInactive}))
	assert.Equal(t, []string{toMail.ID}, connIDs(inactive))
	_, _, err = apps.UpdateCrossAppAccessConnection(c, okta.UpdateCrossAppAccessConnectionRequest{AppID: agent.ID, ConnectionID: toMail.ID,
		OrgCrossAppAccessConnectionPatchRequest: &okta.OrgCrossAppAccessConnectionPatchRequest{Status: "PAUSED"}})
	requireServerRefusal(t, err, 400, okta.ErrInvalidRequest)

	_, err = apps.DeleteCrossAppAccessConnection(c, okta.DeleteCrossAppAccessConnectionRequest{AppID: agent.ID, ConnectionID: toMail.ID})
	require.NoError(t, err)
	_, _, err = apps.GetCrossAppAccessConnection(c, okta.GetCrossAppAccessConnectionRequest{AppID: agent.ID, ConnectionID: toMail.ID})
	require.ErrorIs(t, err, okta.ErrNotFound)
	left := collect(t, apps.GetAllCrossAppAccessConnectionsAll(c, okta.GetAllCrossAppAccessConnectionsRequest{AppID: agent.ID}))
	assert.Equal(t, []string{toFiles.ID}, connIDs(left))
}

// TestInterclientTrustMappings allows two apps into a target app, lists
// them from both sides, and removes one.
func TestInterclientTrustMappings(t *testing.T) {
	emulatorOnly(t, earlyAccess)
	e := newEnv(t)
	c := ctx(t)
	target := e.serviceApp(t, "interclient-target")
	web := e.serviceApp(t, "interclient-web")
	cli := e.serviceApp(t, "interclient-cli")
	apps := e.apps

	allow := func(id string) *okta.InterclientTrustMapping {
		t.Helper()
		m, resp, err := apps.CreateInterclientTrustMapping(c, okta.CreateInterclientTrustMappingRequest{AppID: target.ID,
			InterclientTrustMappingRequestBody: &okta.InterclientTrustMappingRequestBody{ID: id}})
		require.NoError(t, err)
		assert.Equal(t, http.StatusCreated, resp.StatusCode)
		return m
	}
	m := allow(web.ID)
	allow(cli.ID)
	require.NotEmpty(t, m.ID)
	assert.Equal(t, target.ID, m.AppInstanceID)
	assert.Equal(t, web.ID, m.TrustedAppInstanceID)
	assert.NotEmpty(t, m.OrgID)
	assert.NotEmpty(t, m.Created)

	// Refusals: again, itself, an app that does not exist.
	for _, id := range []string{web.ID, target.ID, "0oaNoSuchApp00000000"} {
		_, _, err := apps.CreateInterclientTrustMapping(c, okta.CreateInterclientTrustMappingRequest{AppID: target.ID,
			InterclientTrustMappingRequestBody: &okta.InterclientTrustMappingRequestBody{ID: id}})
		requireServerRefusal(t, err, 400, okta.ErrInvalidRequest)
	}

	allowed, _, err := apps.ListInterclientAllowedApplications(c, okta.ListInterclientAllowedApplicationsRequest{AppID: target.ID})
	require.NoError(t, err)
	assert.ElementsMatch(t, []string{web.ID, cli.ID}, allowed)
	targets, _, err := apps.ListInterclientTargetApplications(c, okta.ListInterclientTargetApplicationsRequest{AppID: web.ID})
	require.NoError(t, err)
	assert.Equal(t, []string{target.ID}, targets)
	none, _, err := apps.ListInterclientAllowedApplications(c, okta.ListInterclientAllowedApplicationsRequest{AppID: web.ID})
	require.NoError(t, err)
	assert.Empty(t, none, "trust goes one way")

	_, err = apps.DeleteInterclientTrustMapping(c, okta.DeleteInterclientTrustMappingRequest{AppID: target.ID, AllowedAppID: web.ID})
	require.NoError(t, err)
	_, err = apps.DeleteInterclientTrustMapping(c, okta.DeleteInterclientTrustMappingRequest{AppID: target.ID, AllowedAppID: web.ID})
	requireServerRefusal(t, err, 404, okta.ErrNotFound)
	allowed, _, err = apps.ListInterclientAllowedApplications(c, okta.ListInterclientAllowedApplicationsRequest{AppID: target.ID})
	require.NoError(t, err)
	assert.Equal(t, []string{cli.ID}, allowed)
	targets, _, err = apps.ListInterclientTargetApplications(c, okta.ListInterclientTargetApplicationsRequest{AppID: web.ID})
	require.NoError(t, err)
	assert.Empty(t, targets)
}

func connIDs(conns []okta.OrgCrossAppAccessConnection) []string {
	out := make([]string, len(conns))
	for i, cn := range conns {
		out[i] = cn.ID
	}
	return out
}
