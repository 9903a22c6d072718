// Command secret-rotation rotates the client secret of an OAuth 2.0 service
// app with no downtime. An app holds up to two client secrets, both valid at
// once, so the rotation is:
//
//  1. create a second secret (Okta generates it and returns it once);
//  2. prove it works: a client_credentials token request authenticated with it
//     (client_secret_basic) succeeds at a token endpoint of the org;
//  3. move the app's clients to it (here: nothing to move);
//  4. deactivate the old secret, check that the token endpoint now refuses it,
//     and delete it.
//
// It creates the service app it rotates and deletes it at the end. No secret
// is ever printed, and secrets are sent only to the org's own origin.
//
// It talks to the org named by OKTA_CLIENT_ORGURL and OKTA_CLIENT_TOKEN, or,
// when those are unset, to an Okta emulator it starts in-process:
//
//	go run ./examples/secret-rotation
//
// The secrets are proved at the default custom authorization server,
// <org>/oauth2/default/v1/token, asking for a custom scope
// (gatekit.secret-rotation), not at the org authorization server
// (<org>/oauth2/v1/token): Okta's org authorization server accepts only
// private_key_jwt for the client credentials grant and answers a client
// secret with 401 invalid_client, and its okta.* scopes cannot be asked for
// at a custom server. On a real org, the default authorization server needs
// the scope and an access policy rule that lets this client (or every
// client) use the client credentials grant with it: add both before running
// it there (Security > API > Authorization Servers). SECRET_ROTATION_TOKEN_URL
// names another token endpoint of the same org (such as
// <org>/oauth2/<authServerId>/v1/token) and SECRET_ROTATION_SCOPE another
// scope that the server grants with the client credentials grant.
package main

import (
	"context"
	"errors"
	"fmt"
	"net/url"
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
		fmt.Fprintln(os.Stderr, "secret-rotation failed:", err)
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
	tok, err := newTokenClient(tgt.OrgURL, os.Getenv("SECRET_ROTATION_TOKEN_URL"), os.Getenv("SECRET_ROTATION_SCOPE"))
	if err != nil {
		return err
	}

	app, err := createServiceApp(ctx, tgt)
	if app != nil {
		defer func() {
			cctx, ccancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
			defer ccancel()
			if cerr := tgt.RemoveApp(cctx, app.ID); cerr != nil {
				err = errors.Join(err, fmt.Errorf("cleaning up: %w", cerr))
				return
			}
			fmt.Printf("cleaned up: deactivated and deleted app %s\n", app.ID)
		}()
	}
	if err != nil {
		return err
	}
	return rotate(ctx, tgt.Client.ApplicationAPI, tok, app)
}

// createServiceApp creates the OAuth 2.0 service app to rotate. A custom
// authorization server's scopes need no consent grant.
func createServiceApp(ctx context.Context, tgt *target.Target) (*okta.Application, error) {
	apps := tgt.Client.ApplicationAPI
	app, _, err := apps.CreateApplication(ctx, okta.CreateApplicationRequest{
		Application: okta.NewOpenIDConnectApplication(tgt.Prefix+"secret-rotation", okta.OIDCService),
	})
	if err != nil {
		return nil, fmt.Errorf("creating the service app: %w", err)
	}
	fmt.Printf("created service app %s %q, client id %s\n", app.ID, app.Label, app.Credentials.OAuthClient.ClientID)
	return app, nil
}

// rotate replaces the app's one client secret with a new one.
func rotate(ctx context.Context, apps *okta.ApplicationAPI, tok *tokenClient, app *okta.Application) error {
	clientID := app.Credentials.OAuthClient.ClientID
	oldSecret := app.Credentials.OAuthClient.ClientSecret // returned on creation only
	old, err := onlySecret(ctx, apps, app.ID)
	if err != nil {
		return err
	}
	fmt.Printf("the app has one secret, %s (%s, hash %s)\n", old.ID, old.Status, old.SecretHash)
	if !oldSecret.IsZero() {
		if err := tok.waitAccepted(ctx, clientID, oldSecret); err != nil {
			return fmt.Errorf("the current secret %s: %w", old.ID, err)
		}
		fmt.Printf("the current secret %s works at %s\n", old.ID, tok.url)
	}

	// 1. A second secret; Okta generates it, ACTIVE.
	fresh, _, err := apps.CreateOAuth2ClientSecret(ctx, okta.CreateOAuth2ClientSecretRequest{AppID: app.ID})
	if err != nil {
		return fmt.Errorf("creating a new secret: %w", err)
	}
	if fresh.ClientSecret.IsZero() {
		return fmt.Errorf("the answer for the new secret %s has no client_secret", fresh.ID)
	}
	fmt.Printf("created secret %s (%s)\n", fresh.ID, fresh.Status)

	// 2. Prove it works before anything depends on it.
	if err := tok.waitAccepted(ctx, clientID, fresh.ClientSecret); err != nil {
		return fmt.Errorf("the new secret %s: %w", fresh.ID, err)
	}
	fmt.Printf("the new secret %s works at %s\n", fresh.ID, tok.url)

	// 3. Here the app's clients would move to the new secret.

	// 4. Retire the old one: deactivate, check it is refused, delete.
	if _, _, err := apps.DeactivateOAuth2ClientSecret(ctx, okta.DeactivateOAuth2ClientSecretRequest{AppID: app.ID, SecretID: old.ID}); err != nil {
		return fmt.Errorf("deactivating the old secret %s: %w", old.ID, err)
	}
	fmt.Printf("deactivated the old secret %s\n", old.ID)
	if !oldSecret.IsZero() {
		if err := tok.waitRefused(ctx, clientID, oldSecret); err != nil {
			return fmt.Errorf("the old secret %s: %w", old.ID, err)
		}
		fmt.Printf("the token endpoint refuses the old secret %s\n", old.ID)
	}
	if _, err := apps.DeleteOAuth2ClientSecret(ctx, okta.DeleteOAuth2ClientSecretRequest{AppID: app.ID, SecretID: old.ID}); err != nil {
		return fmt.Errorf("deleting the old secret %s: %w", old.ID, err)
	}
	fmt.Printf("deleted the old secret %s\n", old.ID)

	left, err := onlySecret(ctx, apps, app.ID)
	if err != nil {
		return err
	}
	if left.ID != fresh.ID || left.Status != okta.OAuth2ClientCredentialActive {
		return fmt.Errorf("the app's secret is %s (%s), not the new %s", left.ID, left.Status, fresh.ID)
	}
	fmt.Printf("rotated: app %s authenticates with secret %s only\n", app.ID, left.ID)
	return nil
}

// onlySecret returns the app's one client secret.
func onlySecret(ctx context.Context, apps *okta.ApplicationAPI, appID string) (*okta.OAuth2ClientSecret, error) {
	secrets, _, err := apps.ListOAuth2ClientSecrets(ctx, okta.ListOAuth2ClientSecretsRequest{AppID: appID})
	if err != nil {
		return nil, fmt.Errorf("listing the app's secrets: %w", err)
	}
	if len(secrets) != 1 {
		return nil, fmt.Errorf("the app has %d secrets, not 1", len(secrets))
	}
	return &secrets[0], nil
}

// sameOrigin reports whether u has the scheme, host and port of org.
func sameOrigin(u, org *url.URL) bool {
	return u.Scheme == org.Scheme && u.Host == org.Host
}
