package oktatest_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gatekit/okta"
	"github.com/gatekit/okta/oktatest"
)

// offboard is code a user of the SDK might write and test against the
// emulator: it removes a user from every app they are assigned to and
// returns how many assignments it removed.
func offboard(ctx context.Context, apps *okta.ApplicationAPI, userID string) (int, error) {
	removed := 0
	filter := fmt.Sprintf("user.id eq %q", userID)
	for app, err := range apps.ListApplicationsAll(ctx, okta.ListApplicationsRequest{Filter: filter}) {
		if err != nil {
			return removed, err
		}
		if _, err := apps.DeleteApplicationUser(ctx, okta.DeleteApplicationUserRequest{AppID: app.ID, UserID: userID}); err != nil {
			return removed, fmt.Errorf("removing %s from %s: %w", userID, app.Label, err)
		}
		removed++
	}
	return removed, nil
}

// TestOffboard is the test a user writes: an emulated org, seeded with a user
// and apps, the real client pointed at it, and a 429 thrown in.
func TestOffboard(t *testing.T) {
	srv := oktatest.NewServer()
	defer srv.Close()
	cfg, err := okta.NewConfiguration(okta.WithOrgURL(srv.URL), okta.WithAPIToken(srv.Token))
	require.NoError(t, err)
	apps := okta.NewAPIClient(cfg).ApplicationAPI
	ctx := t.Context()

	ada := srv.AddUser("ada@example.com")
	for _, label := range []string{"Wiki", "Payroll", "Status page"} {
		app, _, err := apps.CreateApplication(ctx, okta.CreateApplicationRequest{
			Application: okta.NewBookmarkApplication(label, "https://example.com/"+label),
		})
		require.NoError(t, err)
		if label != "Status page" {
			_, _, err = apps.AssignUserToApplication(ctx, okta.AssignUserToApplicationRequest{
				AppID: app.ID, AppUser: &okta.AppUser{ID: ada},
			})
			require.NoError(t, err)
		}
	}

	// Okta rate-limits the first removal; the SDK waits for the reset and retries.
	srv.Fail(oktatest.OpDeleteApplicationUser, oktatest.Fault{Status: http.StatusTooManyRequests, Times: 1, ResetAfter: time.Second})

	n, err := offboard(ctx, apps, ada)
	require.NoError(t, err)
	assert.Equal(t, 2, n)
	assert.Equal(t, 3, srv.Requests(oktatest.OpDeleteApplicationUser), "two removals, one of them retried")

	left, _, err := apps.ListApplications(ctx, okta.ListApplicationsRequest{Filter: fmt.Sprintf("user.id eq %q", ada)})
	require.NoError(t, err)
	assert.Empty(t, left)
}

// The emulator is an org on loopback: point the SDK's client at its URL with
// its token.
func Example() {
	srv := oktatest.NewServer()
	defer srv.Close()
	cfg, err := okta.NewConfiguration(okta.WithOrgURL(srv.URL), okta.WithAPIToken(srv.Token))
	if err != nil {
		log.Fatal(err)
	}
	apps := okta.NewAPIClient(cfg).ApplicationAPI

	ctx := context.Background()
	app, _, err := apps.CreateApplication(ctx, okta.CreateApplicationRequest{
		Application: okta.NewBookmarkApplication("Wiki", "https://wiki.example.com/"),
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(app.Label, app.SignOnMode, app.Status)

	// Make the next read fail as Okta would.
	srv.Fail(oktatest.OpGetApplication, oktatest.Fault{Status: http.StatusNotFound, Times: 1})
	_, _, err = apps.GetApplication(ctx, okta.GetApplicationRequest{AppID: app.ID})
	fmt.Println(errors.Is(err, okta.ErrNotFound))
	// Output:
	// Wiki BOOKMARK ACTIVE
	// true
}
