// Command quickstart creates an OpenID Connect app, assigns a user to it,
// lists the org's apps and cleans up after itself.
//
// It talks to the org named by OKTA_CLIENT_ORGURL and OKTA_CLIENT_TOKEN, or,
// when those are unset, to an Okta emulator it starts in-process:
//
//	go run ./examples/quickstart
//
// On a real org, set OKTA_TEST_USER_ID to the id of a user it may assign.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"time"

	"github.com/gatekit/okta"
	"github.com/gatekit/okta/examples/internal/target"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx); err != nil {
		fmt.Fprintln(os.Stderr, "quickstart failed:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context) (err error) {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()

	tgt, err := target.Open(os.Stdout)
	if err != nil {
		return err
	}
	defer tgt.Close()
	apps := tgt.Client.ApplicationAPI

	// Create an OpenID Connect web app. Okta activates it on creation.
	label := tgt.Prefix + "quickstart"
	app, _, err := apps.CreateApplication(ctx, okta.CreateApplicationRequest{
		Application: okta.NewOpenIdConnectApplication(label, okta.OIDCWeb, "http://localhost:8080/callback"),
	})
	if err != nil {
		return fmt.Errorf("creating the app: %w", err)
	}
	fmt.Printf("created OIDC app %s %q (status %s, client_id %s)\n",
		app.ID, app.Label, app.Status, app.Credentials.OAuthClient.ClientID)
	defer func() {
		// Clean up with a fresh context, so that an interrupt still removes the app.
		cctx, ccancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
		defer ccancel()
		if cerr := tgt.RemoveApp(cctx, app.ID); cerr != nil {
			err = errors.Join(err, fmt.Errorf("cleaning up: %w", cerr))
			return
		}
		fmt.Printf("cleaned up: deactivated and deleted app %s\n", app.ID)
	}()

	// Assign a user to it.
	if tgt.UserID == "" {
		fmt.Println("skipped assigning a user: set OKTA_TEST_USER_ID to a user of the org to try it")
	} else {
		au, _, err := apps.AssignUserToApplication(ctx, okta.AssignUserToApplicationRequest{
			AppID:   app.ID,
			AppUser: &okta.AppUser{ID: tgt.UserID},
		})
		if err != nil {
			return fmt.Errorf("assigning user %s: %w", tgt.UserID, err)
		}
		who := au.Credentials.UserName
		if who == "" {
			who = tgt.UserLogin
		}
		fmt.Printf("assigned user %s (%s) to the app, status %s\n", au.ID, who, au.Status)
	}

	// List every app of the org, page by page.
	n, found := 0, false
	for a, err := range apps.ListApplicationsAll(ctx, okta.ListApplicationsRequest{Limit: 200}) {
		if err != nil {
			return fmt.Errorf("listing apps: %w", err)
		}
		n++
		found = found || a.ID == app.ID
	}
	if !found {
		return fmt.Errorf("listed %d apps, but the new app %s was not among them", n, app.ID)
	}
	fmt.Printf("listed %d app(s) in the org, the new one among them\n", n)
	return nil
}
