// Command quickstart creates an OpenID Connect app, assigns a user to it,
// lists the org's apps and cleans up after itself.
//
// It talks to the org named by OKTA_CLIENT_ORGURL and OKTA_CLIENT_TOKEN, or,
// when those are unset, to an Okta emulator it starts in-process:
//
//	go run ./examples/quickstart
//
// On a real org, set OKTA_TEST_USER_ID to the id of a user it may assign.
//
// With -auth private-key it authenticates as an OAuth 2.0 service app instead
// of with an API token: against the emulator it registers a key pair it makes
// for the run; against a real org it reads OKTA_CLIENT_CLIENTID,
// OKTA_CLIENT_PRIVATEKEY (a PEM key, a JWK, or a file holding one) and
// optionally OKTA_CLIENT_PRIVATEKEYID, and asks for okta.apps.read and
// okta.apps.manage, which the service app must be granted:
//
//	go run ./examples/quickstart -auth private-key
package main

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"time"

	"github.com/gatekit/okta"
	"github.com/gatekit/okta/examples/internal/target"
)

func main() {
	auth := flag.String("auth", "api-token", "how to authenticate: api-token (SSWS) or private-key (an OAuth 2.0 service app)")
	flag.Parse()
	if *auth != "api-token" && *auth != "private-key" {
		fmt.Fprintf(os.Stderr, "quickstart: -auth %q: use api-token or private-key\n", *auth)
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, *auth == "private-key"); err != nil {
		fmt.Fprintln(os.Stderr, "quickstart failed:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, privateKey bool) (err error) {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()

	var tgt *target.Target
	if privateKey {
		tgt, err = openServiceApp()
	} else {
		tgt, err = target.Open(os.Stdout)
	}
	if err != nil {
		return err
	}
	defer tgt.Close()
	apps := tgt.Client.ApplicationAPI

	// Create an OpenID Connect web app. Okta activates it on creation.
	label := tgt.Prefix + "quickstart"
	app, _, err := apps.CreateApplication(ctx, okta.CreateApplicationRequest{
		Application: okta.NewOpenIDConnectApplication(label, okta.OIDCWeb, "http://localhost:8080/callback"),
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

// openServiceApp opens the target with a client that authenticates as an
// OAuth 2.0 service app with a private key: on the emulator, with a key pair
// made now and registered there; on a real org, with the OKTA_CLIENT_*
// settings.
func openServiceApp() (*target.Target, error) {
	scopes := []string{okta.ScopeAppsRead, okta.ScopeAppsManage}
	if os.Getenv("OKTA_CLIENT_ORGURL") != "" {
		os.Setenv("OKTA_CLIENT_AUTHORIZATIONMODE", okta.AuthorizationModePrivateKey)
		if os.Getenv("OKTA_CLIENT_SCOPES") == "" {
			os.Setenv("OKTA_CLIENT_SCOPES", okta.ScopeAppsRead+","+okta.ScopeAppsManage)
		}
		cfg, err := okta.NewConfiguration()
		if err != nil {
			return nil, err
		}
		tgt, err := target.Org(cfg)
		if err != nil {
			return nil, err
		}
		fmt.Printf("target: real org %s (from OKTA_CLIENT_ORGURL), as service app %s; everything created is labelled %q\n",
			tgt.OrgURL, os.Getenv("OKTA_CLIENT_CLIENTID"), tgt.Prefix)
		return tgt, nil
	}
	tgt, err := target.Open(os.Stdout)
	if err != nil {
		return nil, err
	}
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		tgt.Close()
		return nil, err
	}
	const clientID = "0oaQuickstartService1"
	tgt.Emulator.RegisterClient(clientID, key.Public(), scopes...)
	cfg, err := okta.NewConfiguration(okta.WithOrgURL(tgt.OrgURL), okta.WithPrivateKey(clientID, key, "", scopes...))
	if err != nil {
		tgt.Close()
		return nil, err
	}
	tgt.Client = okta.NewAPIClient(cfg)
	fmt.Printf("auth: OAuth 2.0 service app %s, private_key_jwt (ES256), scopes %v\n", clientID, scopes)
	return tgt, nil
}
