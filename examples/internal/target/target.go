// Package target picks the Okta org an example talks to: the real org named by
// the environment, or else an emulator started in the example's own process.
//
// A real org is used when both OKTA_CLIENT_ORGURL and OKTA_CLIENT_TOKEN are
// set; the rest of the configuration comes from okta.NewConfiguration's usual
// sources. Otherwise an oktatest.Server is started, with a user and a group to
// assign, so that an example runs on a machine with nothing but Go.
package target

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/gatekit/okta"
	"github.com/gatekit/okta/oktatest"
)

// Target is the org an example runs against.
type Target struct {
	// Client talks to the org.
	Client *okta.APIClient
	// OrgURL is the org's base URL.
	OrgURL string
	// Emulator is the in-process org, or nil when the target is a real org.
	Emulator *oktatest.Server
	// UserID is a user the example may assign to its apps: one seeded in the
	// emulator, or OKTA_TEST_USER_ID on a real org ("" when that is unset).
	UserID string
	// UserLogin is the login of UserID when it is known.
	UserLogin string
	// GroupID is a group the example may assign: one seeded in the emulator,
	// or OKTA_TEST_GROUP_ID on a real org ("" when that is unset).
	GroupID string
	// Prefix starts the label of everything the example creates, such as
	// "gatekit-example-1a2b3c-", so that nothing else in the org is touched.
	Prefix string
}

// Open returns the target named by the environment, or starts the emulator
// with opts. It writes one line to w saying which target it chose.
func Open(w io.Writer, opts ...oktatest.Option) (*Target, error) {
	orgURL, token := os.Getenv("OKTA_CLIENT_ORGURL"), os.Getenv("OKTA_CLIENT_TOKEN")
	switch {
	case orgURL != "" && token != "":
		cfg, err := okta.NewConfiguration()
		if err != nil {
			return nil, err
		}
		t, err := Org(cfg)
		if err != nil {
			return nil, err
		}
		fmt.Fprintf(w, "target: real org %s (from OKTA_CLIENT_ORGURL); everything created is labelled %q\n", t.OrgURL, t.Prefix)
		return t, nil
	case orgURL != "" || token != "":
		return nil, errors.New("set both OKTA_CLIENT_ORGURL and OKTA_CLIENT_TOKEN to use a real org, or neither to use the emulator")
	}

	prefix, err := newPrefix()
	if err != nil {
		return nil, err
	}
	srv := oktatest.NewServer(opts...)
	cfg, err := okta.NewConfiguration(okta.WithOrgURL(srv.URL), okta.WithAPIToken(srv.Token))
	if err != nil {
		srv.Close()
		return nil, err
	}
	t := &Target{
		Client:    okta.NewAPIClient(cfg),
		OrgURL:    srv.URL,
		Emulator:  srv,
		UserLogin: "ada@example.com",
		Prefix:    prefix,
	}
	t.UserID = srv.AddUser(t.UserLogin)
	t.GroupID = srv.AddGroup("Engineering")
	fmt.Fprintf(w, "target: in-process emulator at %s (set OKTA_CLIENT_ORGURL and OKTA_CLIENT_TOKEN to use a real org)\n", srv.URL)
	return t, nil
}

// Org returns the real org cfg configures as a target, with the users and
// groups OKTA_TEST_USER_ID and OKTA_TEST_GROUP_ID name and a new prefix. It
// is for an example that configures its client another way than Open does,
// such as with a service app's private key.
func Org(cfg *okta.Configuration) (*Target, error) {
	prefix, err := newPrefix()
	if err != nil {
		return nil, err
	}
	return &Target{
		Client:  okta.NewAPIClient(cfg),
		OrgURL:  cfg.OrgURL(),
		UserID:  os.Getenv("OKTA_TEST_USER_ID"),
		GroupID: os.Getenv("OKTA_TEST_GROUP_ID"),
		Prefix:  prefix,
	}, nil
}

// Real reports whether the target is a real org rather than the emulator.
func (t *Target) Real() bool { return t.Emulator == nil }

// Close stops the emulator, if there is one.
func (t *Target) Close() {
	if t.Emulator != nil {
		t.Emulator.Close()
	}
}

func newPrefix() (string, error) {
	var b [3]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", err
	}
	return "gatekit-example-" + hex.EncodeToString(b[:]) + "-", nil
}

// RemoveApp deactivates and deletes an app the example created. An app that
// is already gone is not an error.
func (t *Target) RemoveApp(ctx context.Context, appID string) error {
	api := t.Client.ApplicationAPI
	if _, err := api.DeactivateApplication(ctx, okta.DeactivateApplicationRequest{AppID: appID}); err != nil {
		if errors.Is(err, okta.ErrNotFound) {
			return nil
		}
		return fmt.Errorf("deactivating app %s: %w", appID, err)
	}
	if _, err := api.DeleteApplication(ctx, okta.DeleteApplicationRequest{AppID: appID}); err != nil && !errors.Is(err, okta.ErrNotFound) {
		return fmt.Errorf("deleting app %s: %w", appID, err)
	}
	return nil
}
