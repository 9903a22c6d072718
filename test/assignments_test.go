package test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gatekit/okta"
)

// TestUserAssignment assigns a user to an app, reads, updates and lists the
// assignment, finds the app by the user, and unassigns the user.
func TestUserAssignment(t *testing.T) {
	e := newEnv(t)
	c := ctx(t)
	userID := e.user(t)
	app := e.create(t, okta.NewBookmarkApplication("assign-user", "https://app.example.com/"), true)

	au, _, err := e.apps.AssignUserToApplication(c, okta.AssignUserToApplicationRequest{
		AppID:   app.ID,
		AppUser: &okta.AppUser{ID: userID, Scope: "USER", Profile: map[string]any{"role": "viewer"}},
	})
	require.NoError(t, err)
	assert.Equal(t, userID, au.ID)
	assert.Equal(t, "USER", au.Scope)
	assert.Equal(t, "viewer", au.Profile["role"])

	got, _, err := e.apps.GetApplicationUser(c, okta.GetApplicationUserRequest{AppID: app.ID, UserID: userID})
	require.NoError(t, err)
	assert.Equal(t, userID, got.ID)

	got.Profile["role"] = "editor"
	updated, _, err := e.apps.UpdateApplicationUser(c, okta.UpdateApplicationUserRequest{AppID: app.ID, UserID: userID, AppUser: got})
	require.NoError(t, err)
	assert.Equal(t, "editor", updated.Profile["role"])

	users := collect(t, e.apps.ListApplicationUsersAll(c, okta.ListApplicationUsersRequest{AppID: app.ID}))
	require.Len(t, users, 1)
	assert.Equal(t, userID, users[0].ID)

	byUser := collect(t, e.apps.ListApplicationsAll(c, okta.ListApplicationsRequest{Filter: fmt.Sprintf(`user.id eq %q`, userID)}))
	assert.Contains(t, appIDs(byUser), app.ID)

	_, err = e.apps.DeleteApplicationUser(c, okta.DeleteApplicationUserRequest{AppID: app.ID, UserID: userID})
	require.NoError(t, err)
	_, _, err = e.apps.GetApplicationUser(c, okta.GetApplicationUserRequest{AppID: app.ID, UserID: userID})
	require.ErrorIs(t, err, okta.ErrNotFound)
}

// TestUserAssignmentPaging walks the users of an app page by page.
func TestUserAssignmentPaging(t *testing.T) {
	emulatorOnly(t, "it needs 7 users to assign")
	e := newEnv(t)
	c := ctx(t)
	app := e.create(t, okta.NewBookmarkApplication("assign-paging", "https://app.example.com/"), true)
	want := make([]string, 7)
	for i := range want {
		want[i] = e.user(t)
		_, _, err := e.apps.AssignUserToApplication(c, okta.AssignUserToApplicationRequest{AppID: app.ID, AppUser: &okta.AppUser{ID: want[i]}})
		require.NoError(t, err)
	}
	var got []string
	for _, u := range collect(t, e.apps.ListApplicationUsersAll(c, okta.ListApplicationUsersRequest{AppID: app.ID, Limit: 3})) {
		got = append(got, u.ID)
	}
	assert.ElementsMatch(t, want, got)
	assert.Equal(t, 3, e.srv.Requests("listApplicationUsers"), "7 users in pages of 3")
}

// TestGroupAssignment assigns a group with a priority, reads and lists the
// assignment, finds the app by the group, and removes the assignment.
func TestGroupAssignment(t *testing.T) {
	e := newEnv(t)
	c := ctx(t)
	groupID := e.group(t)
	app := e.create(t, okta.NewBookmarkApplication("assign-group", "https://app.example.com/"), true)

	ga, _, err := e.apps.CreateApplicationGroupAssignment(c, okta.CreateApplicationGroupAssignmentRequest{
		AppID: app.ID, GroupID: groupID,
		ApplicationGroupAssignment: &okta.ApplicationGroupAssignment{Priority: okta.Ptr(0)},
	})
	require.NoError(t, err)
	assert.Equal(t, groupID, ga.ID)
	require.NotNil(t, ga.Priority)
	assert.Equal(t, 0, *ga.Priority)

	got, _, err := e.apps.GetApplicationGroupAssignment(c, okta.GetApplicationGroupAssignmentRequest{AppID: app.ID, GroupID: groupID})
	require.NoError(t, err)
	assert.Equal(t, groupID, got.ID)

	groups := collect(t, e.apps.ListApplicationGroupAssignmentsAll(c, okta.ListApplicationGroupAssignmentsRequest{AppID: app.ID}))
	require.Len(t, groups, 1)
	assert.Equal(t, groupID, groups[0].ID)

	byGroup := collect(t, e.apps.ListApplicationsAll(c, okta.ListApplicationsRequest{Filter: fmt.Sprintf(`group.id eq %q`, groupID)}))
	assert.Contains(t, appIDs(byGroup), app.ID)

	_, err = e.apps.DeleteApplicationGroupAssignment(c, okta.DeleteApplicationGroupAssignmentRequest{AppID: app.ID, GroupID: groupID})
	require.NoError(t, err)
	_, _, err = e.apps.GetApplicationGroupAssignment(c, okta.GetApplicationGroupAssignmentRequest{AppID: app.ID, GroupID: groupID})
	require.ErrorIs(t, err, okta.ErrNotFound)
}

// TestAssignUnknownUser fails with not found.
func TestAssignUnknownUser(t *testing.T) {
	e := newEnv(t)
	app := e.create(t, okta.NewBookmarkApplication("assign-unknown", "https://app.example.com/"), true)
	_, _, err := e.apps.AssignUserToApplication(ctx(t), okta.AssignUserToApplicationRequest{
		AppID: app.ID, AppUser: &okta.AppUser{ID: "00u0000000000nothere"},
	})
	require.Error(t, err)
	assert.ErrorIs(t, err, okta.ErrNotFound)
}

func appIDs(apps []okta.Application) []string {
	ids := make([]string, len(apps))
	for i, a := range apps {
		ids[i] = a.ID
	}
	return ids
}
