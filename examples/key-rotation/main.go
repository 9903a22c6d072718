// Command key-rotation rotates the signing key of a SAML app: it generates a
// new key credential, makes it the app's signing key, checks that Okta uses
// it, and clones it to a second app so that both sign with the same key. It
// deletes both apps at the end.
//
// It talks to the org named by OKTA_CLIENT_ORGURL and OKTA_CLIENT_TOKEN, or,
// when those are unset, to an Okta emulator it starts in-process:
//
//	go run ./examples/key-rotation
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"slices"
	"time"

	"github.com/gatekit/okta"
	"github.com/gatekit/okta/examples/internal/target"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx); err != nil {
		fmt.Fprintln(os.Stderr, "key-rotation failed:", err)
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

	// Every app created is removed at the end, whatever happens in between.
	var created []string
	defer func() {
		cctx, ccancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
		defer ccancel()
		for _, id := range created {
			if cerr := tgt.RemoveApp(cctx, id); cerr != nil {
				err = errors.Join(err, fmt.Errorf("cleaning up: %w", cerr))
				continue
			}
			fmt.Printf("cleaned up: deactivated and deleted app %s\n", id)
		}
	}()
	create := func(name string) (*okta.Application, error) {
		app, _, err := apps.CreateApplication(ctx, okta.CreateApplicationRequest{
			Application: okta.NewSamlApplication(tgt.Prefix+name,
				"https://sp.example.com/saml/acs", "https://sp.example.com/"+name),
		})
		if err != nil {
			return nil, fmt.Errorf("creating app %s: %w", name, err)
		}
		created = append(created, app.ID)
		fmt.Printf("created SAML app %s %q, signing key %s\n", app.ID, app.Label, app.Credentials.Signing.Kid)
		return app, nil
	}

	app, err := create("key-rotation")
	if err != nil {
		return err
	}
	oldKid := app.Credentials.Signing.Kid

	// 1. Generate a new key pair with a two-year certificate.
	key, _, err := apps.GenerateApplicationKey(ctx, okta.GenerateApplicationKeyRequest{AppID: app.ID, ValidityYears: 2})
	if err != nil {
		return fmt.Errorf("generating a key: %w", err)
	}
	certs, err := key.Certificates()
	if err != nil {
		return fmt.Errorf("reading the new key's certificate: %w", err)
	}
	if len(certs) == 0 {
		return fmt.Errorf("the new key %s has no certificate", key.Kid)
	}
	fmt.Printf("generated key %s (%s, certificate %q valid until %s)\n",
		key.Kid, key.Kty, certs[0].Subject.CommonName, certs[0].NotAfter.Format(time.DateOnly))

	// 2. Make it the signing key: the app's credentials name it.
	app, _, err = apps.GetApplication(ctx, okta.GetApplicationRequest{AppID: app.ID})
	if err != nil {
		return fmt.Errorf("reading the app: %w", err)
	}
	app.Credentials.Signing.Kid = key.Kid
	app, _, err = apps.UpdateApplication(ctx, okta.UpdateApplicationRequest{AppID: app.ID, Application: app})
	if err != nil {
		return fmt.Errorf("setting the signing key: %w", err)
	}

	// 3. Verify: read the app back and find the key among its credentials.
	app, _, err = apps.GetApplication(ctx, okta.GetApplicationRequest{AppID: app.ID})
	if err != nil {
		return fmt.Errorf("reading the app back: %w", err)
	}
	if app.Credentials.Signing.Kid != key.Kid {
		return fmt.Errorf("the app signs with %s, not the new key %s", app.Credentials.Signing.Kid, key.Kid)
	}
	kids, err := keyIDs(ctx, apps, app.ID)
	if err != nil {
		return err
	}
	if !slices.Contains(kids, key.Kid) {
		return fmt.Errorf("key %s is not among the app's keys %v", key.Kid, kids)
	}
	fmt.Printf("rotated: app %s now signs with %s (was %s); it has %d key(s)\n", app.ID, key.Kid, oldKid, len(kids))

	// 4. Clone the key to a second app and let that app sign with it too.
	other, err := create("key-rotation-clone")
	if err != nil {
		return err
	}
	if _, _, err := apps.CloneApplicationKey(ctx, okta.CloneApplicationKeyRequest{
		AppID: app.ID, KeyID: key.Kid, TargetAid: other.ID,
	}); err != nil {
		return fmt.Errorf("cloning key %s to app %s: %w", key.Kid, other.ID, err)
	}
	other.Credentials.Signing.Kid = key.Kid
	if other, _, err = apps.UpdateApplication(ctx, okta.UpdateApplicationRequest{AppID: other.ID, Application: other}); err != nil {
		return fmt.Errorf("setting the cloned key on app %s: %w", other.ID, err)
	}
	if kids, err = keyIDs(ctx, apps, other.ID); err != nil {
		return err
	}
	if !slices.Contains(kids, key.Kid) || other.Credentials.Signing.Kid != key.Kid {
		return fmt.Errorf("app %s did not take the cloned key %s", other.ID, key.Kid)
	}
	fmt.Printf("cloned key %s to app %s, which now signs with it as well\n", key.Kid, other.ID)
	return nil
}

// keyIDs lists the kids of an app's key credentials.
func keyIDs(ctx context.Context, apps *okta.ApplicationAPI, appID string) ([]string, error) {
	var kids []string
	for k, err := range apps.ListApplicationKeysAll(ctx, okta.ListApplicationKeysRequest{AppID: appID}) {
		if err != nil {
			return nil, fmt.Errorf("listing the keys of app %s: %w", appID, err)
		}
		kids = append(kids, k.Kid)
	}
	return kids, nil
}
