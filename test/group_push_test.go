package test

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gatekit/okta"
)

// TestGroupPushMappings pushes two Okta groups to an app, lists the mappings
// (all of them, and by status), turns one off, and deletes both: an ACTIVE
// mapping cannot be deleted, and DeleteTargetGroup removes the app's group.
func TestGroupPushMappings(t *testing.T) {
	emulatorOnly(t, "group push needs an app with push groups provisioning (such as Active Directory or Org2Org), configured by hand")
	e := newEnv(t)
	c := ctx(t)
	app := e.create(t, okta.NewBookmarkApplication("group-push", "https://app.example.com/"), true)
	apps := e.apps
	engineering, sales, existing := e.group(t), e.group(t), e.group(t)

	// Link an existing target group; Okta answers 200 where the spec says 201.
	linked, resp, err := apps.CreateGroupPushMapping(c, okta.CreateGroupPushMappingRequest{AppID: app.ID,
		CreateGroupPushMappingRequestBody: &okta.CreateGroupPushMappingRequestBody{SourceGroupID: engineering, TargetGroupID: existing}})
	require.NoError(t, err)
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	require.NotEmpty(t, linked.ID)
	assert.Equal(t, engineering, linked.SourceGroupID)
	assert.Equal(t, existing, linked.TargetGroupID)
	assert.Equal(t, okta.GroupPushMappingActive, linked.Status, "Okta's default status")
	assert.False(t, linked.Created.IsZero())

	// Create the target group by name, INACTIVE.
	named, _, err := apps.CreateGroupPushMapping(c, okta.CreateGroupPushMappingRequest{AppID: app.ID,
		CreateGroupPushMappingRequestBody: &okta.CreateGroupPushMappingRequestBody{SourceGroupID: sales,
			TargetGroupName: "pushed-sales", Status: okta.GroupPushMappingInactive}})
	require.NoError(t, err)
	assert.Equal(t, okta.GroupPushMappingInactive, named.Status)
	require.NotEmpty(t, named.TargetGroupID)
	assert.NotEqual(t, sales, named.TargetGroupID, "a new group of the app")

	// A group is pushed once per app.
	_, _, err = apps.CreateGroupPushMapping(c, okta.CreateGroupPushMappingRequest{AppID: app.ID,
		CreateGroupPushMappingRequestBody: &okta.CreateGroupPushMappingRequestBody{SourceGroupID: sales, TargetGroupName: "again"}})
	requireServerRefusal(t, err, 400, okta.ErrInvalidRequest)

	// The paged list, one per page.
	all := collect(t, apps.ListGroupPushMappingsAll(c, okta.ListGroupPushMappingsRequest{AppID: app.ID, Limit: 1}))
	assert.ElementsMatch(t, []string{linked.ID, named.ID}, pushIDs(all))
	assert.Equal(t, 2, e.srv.Requests("listGroupPushMappings"), "two mappings in pages of 1")
	inactive := collect(t, apps.ListGroupPushMappingsAll(c, okta.ListGroupPushMappingsRequest{AppID: app.ID, Status: okta.GroupPushMappingInactive}))
	assert.Equal(t, []string{named.ID}, pushIDs(inactive))
	bySource := collect(t, apps.ListGroupPushMappingsAll(c, okta.ListGroupPushMappingsRequest{AppID: app.ID, SourceGroupID: engineering}))
	assert.Equal(t, []string{linked.ID}, pushIDs(bySource))

	// An ACTIVE mapping cannot be deleted; deactivate it first.
	_, err = apps.DeleteGroupPushMapping(c, okta.DeleteGroupPushMappingRequest{AppID: app.ID, MappingID: linked.ID})
	requireServerRefusal(t, err, 400, okta.ErrInvalidRequest)
	off, _, err := apps.UpdateGroupPushMapping(c, okta.UpdateGroupPushMappingRequest{AppID: app.ID, MappingID: linked.ID,
		UpdateGroupPushMappingRequestBody: &okta.UpdateGroupPushMappingRequestBody{Status: okta.GroupPushMappingInactive}})
	require.NoError(t, err)
	assert.Equal(t, okta.GroupPushMappingInactive, off.Status)
	got, _, err := apps.GetGroupPushMapping(c, okta.GetGroupPushMappingRequest{AppID: app.ID, MappingID: linked.ID})
	require.NoError(t, err)
	assert.Equal(t, okta.GroupPushMappingInactive, got.Status)
	assert.Equal(t, existing, got.TargetGroupID)

	// Delete keeping the app's group (deleteTargetGroup=false is sent): the
	// group can be linked again.
	_, err = apps.DeleteGroupPushMapping(c, okta.DeleteGroupPushMappingRequest{AppID: app.ID, MappingID: linked.ID})
	require.NoError(t, err)
	_, _, err = apps.GetGroupPushMapping(c, okta.GetGroupPushMappingRequest{AppID: app.ID, MappingID: linked.ID})
	require.ErrorIs(t, err, okta.ErrNotFound)
	relinked, _, err := apps.CreateGroupPushMapping(c, okta.CreateGroupPushMappingRequest{AppID: app.ID,
		CreateGroupPushMappingRequestBody: &okta.CreateGroupPushMappingRequestBody{SourceGroupID: engineering, TargetGroupID: existing,
			Status: okta.GroupPushMappingInactive}})
	require.NoError(t, err, "the target group was kept")
	_, err = apps.DeleteGroupPushMapping(c, okta.DeleteGroupPushMappingRequest{AppID: app.ID, MappingID: relinked.ID})
	require.NoError(t, err)

	// Delete with DeleteTargetGroup: the app's group is gone too, so it can
	// no longer be linked.
	_, err = apps.DeleteGroupPushMapping(c, okta.DeleteGroupPushMappingRequest{AppID: app.ID, MappingID: named.ID, DeleteTargetGroup: true})
	require.NoError(t, err)
	_, _, err = apps.CreateGroupPushMapping(c, okta.CreateGroupPushMappingRequest{AppID: app.ID,
		CreateGroupPushMappingRequestBody: &okta.CreateGroupPushMappingRequestBody{SourceGroupID: sales, TargetGroupID: named.TargetGroupID}})
	requireServerRefusal(t, err, 400, okta.ErrInvalidRequest)
	assert.Empty(t, collect(t, apps.ListGroupPushMappingsAll(c, okta.ListGroupPushMappingsRequest{AppID: app.ID})))
}

// TestUpdateGroupAssignmentPatch changes a group assignment's priority and
// profile with JSON-Patch-style operations, and removes a profile member.
func TestUpdateGroupAssignmentPatch(t *testing.T) {
	e := newEnv(t)
	c := ctx(t)
	app := e.create(t, okta.NewBookmarkApplication("group-patch", "https://app.example.com/"), true)
	groupID := e.group(t)
	_, _, err := e.apps.CreateApplicationGroupAssignment(c, okta.CreateApplicationGroupAssignmentRequest{
		AppID: app.ID, GroupID: groupID,
		ApplicationGroupAssignment: &okta.ApplicationGroupAssignment{Priority: okta.Ptr(0), Profile: map[string]any{"role": "viewer"}},
	})
	require.NoError(t, err)

	patched, _, err := e.apps.UpdateGroupAssignmentToApplication(c, okta.UpdateGroupAssignmentToApplicationRequest{
		AppID: app.ID, GroupID: groupID,
		JsonPatchOperation: []okta.JsonPatchOperation{
			{Op: okta.PatchActionReplace, Path: "/priority", Value: 3},
			{Op: okta.PatchActionReplace, Path: "/profile/role", Value: "editor"},
			{Op: okta.PatchActionReplace, Path: "/profile/seats", Value: 5}, // a replace may add a member
		},
	})
	require.NoError(t, err)
	assert.Equal(t, groupID, patched.ID)
	require.NotNil(t, patched.Priority)
	assert.Equal(t, 3, *patched.Priority)
	assert.Equal(t, "editor", patched.Profile["role"])
	assert.Equal(t, "5", fmt.Sprint(patched.Profile["seats"]), "a number (decoded losslessly)")

	got, _, err := e.apps.GetApplicationGroupAssignment(c, okta.GetApplicationGroupAssignmentRequest{AppID: app.ID, GroupID: groupID})
	require.NoError(t, err)
	require.NotNil(t, got.Priority)
	assert.Equal(t, 3, *got.Priority)
	assert.Equal(t, "editor", got.Profile["role"])

	removed, _, err := e.apps.UpdateGroupAssignmentToApplication(c, okta.UpdateGroupAssignmentToApplicationRequest{
		AppID: app.ID, GroupID: groupID,
		JsonPatchOperation: []okta.JsonPatchOperation{{Op: okta.PatchActionRemove, Path: "/profile/seats"}},
	})
	require.NoError(t, err)
	assert.NotContains(t, removed.Profile, "seats")
	assert.Equal(t, "editor", removed.Profile["role"], "what is not patched stays")

	// Refusals: a read-only member, and a member that does not exist.
	_, _, err = e.apps.UpdateGroupAssignmentToApplication(c, okta.UpdateGroupAssignmentToApplicationRequest{
		AppID: app.ID, GroupID: groupID,
		JsonPatchOperation: []okta.JsonPatchOperation{{Op: okta.PatchActionReplace, Path: "/id", Value: "00gOther"}},
	})
	requireServerRefusal(t, err, 400, okta.ErrInvalidRequest)
	_, _, err = e.apps.UpdateGroupAssignmentToApplication(c, okta.UpdateGroupAssignmentToApplicationRequest{
		AppID: app.ID, GroupID: groupID,
		JsonPatchOperation: []okta.JsonPatchOperation{{Op: okta.PatchActionRemove, Path: "/profile/nothing"}},
	})
	requireServerRefusal(t, err, 400, okta.ErrInvalidRequest)

	// A group that is not assigned.
	_, _, err = e.apps.UpdateGroupAssignmentToApplication(c, okta.UpdateGroupAssignmentToApplicationRequest{
		AppID: app.ID, GroupID: e.group(t),
		JsonPatchOperation: []okta.JsonPatchOperation{{Op: okta.PatchActionReplace, Path: "/priority", Value: 1}},
	})
	require.ErrorIs(t, err, okta.ErrNotFound)
}

func pushIDs(mappings []okta.GroupPushMapping) []string {
	out := make([]string, len(mappings))
	for i, m := range mappings {
		out[i] = m.ID
	}
	return out
}
