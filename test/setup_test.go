// Package test is the integration suite: end-to-end scenarios through the
// SDK's public API.
//
// By default every test starts its own in-process emulator (oktatest), so the
// tests run in parallel and leave nothing behind. A real org is opt-in only:
// with OKTA_TEST_REAL_ORG=1 and OKTA_CLIENT_ORGURL and OKTA_CLIENT_TOKEN set,
// the suite runs against that org instead (the two OKTA_CLIENT_* variables
// alone, which Okta's docs tell developers to export, are not enough). It labels
// everything it creates with a unique prefix ("gatekit-test-<random>-"),
// deactivates and deletes all of it at the end, and skips what cannot run
// there (fault injection, seeding users, tokens and 1 000 apps). Scenarios
// that assign a user or a group run on a real org only when
// OKTA_TEST_USER_ID or OKTA_TEST_GROUP_ID names one.
package test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"iter"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/gatekit/okta"
	"github.com/gatekit/okta/oktatest"
)

// prefix starts the label of every app the suite creates.
var prefix = func() string {
	var b [4]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(err)
	}
	return "gatekit-test-" + hex.EncodeToString(b[:]) + "-"
}()

// realOrgOptIn is the variable that must be "1" for the suite to reach a real
// org; credentials in the environment alone never do.
const realOrgOptIn = "OKTA_TEST_REAL_ORG"

// realOrg reports whether the suite runs against a real org: only when the
// person running it opted in explicitly and named the org and a token.
func realOrg() bool {
	return os.Getenv(realOrgOptIn) == "1" && orgInEnv()
}

// orgInEnv reports whether the environment names an org and a token.
func orgInEnv() bool {
	return os.Getenv("OKTA_CLIENT_ORGURL") != "" && os.Getenv("OKTA_CLIENT_TOKEN") != ""
}

func TestMain(m *testing.M) {
	// The scenarios mostly wait on loopback round trips and rate-limit
	// resets, not on the CPU, so run more of them at once than the default
	// (GOMAXPROCS) unless -parallel says otherwise.
	flag.Parse()
	parallelSet := false
	flag.Visit(func(f *flag.Flag) { parallelSet = parallelSet || f.Name == "test.parallel" })
	if !parallelSet {
		_ = flag.Set("test.parallel", "8")
	}
	if orgInEnv() && !realOrg() {
		fmt.Fprintf(os.Stderr, "test: OKTA_CLIENT_ORGURL and OKTA_CLIENT_TOKEN are set but %s is not 1: running on the emulator\n", realOrgOptIn)
	}
	code := m.Run()
	if realOrg() {
		if err := sweep(); err != nil {
			fmt.Fprintln(os.Stderr, "sweeping leftover test apps:", err)
			code = 1
		}
	}
	os.Exit(code)
}

// sweep removes any app of this run that a test failed to clean up.
func sweep() error {
	cfg, err := okta.NewConfiguration()
	if err != nil {
		return err
	}
	api := okta.NewAPIClient(cfg).ApplicationAPI
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	var ids []string
	for app, err := range api.ListApplicationsAll(ctx, okta.ListApplicationsRequest{Q: prefix, Limit: 200}) {
		if err != nil {
			return err
		}
		if strings.HasPrefix(app.Label, prefix) {
			ids = append(ids, app.ID)
		}
	}
	var errs []error
	for _, id := range ids {
		errs = append(errs, removeApp(ctx, api, id))
	}
	return errors.Join(errs...)
}

// env is one test's org.
type env struct {
	client *okta.APIClient
	apps   *okta.ApplicationAPI
	// srv is the test's emulator, or nil on a real org.
	srv *oktatest.Server
	// orgURL is the org's base URL.
	orgURL string
}

// newEnv returns the org a test runs against: a new emulator made with opts
// (closed when the test ends), or the real org. Tests on the emulator run in
// parallel.
func newEnv(t *testing.T, opts ...oktatest.Option) *env {
	t.Helper()
	if realOrg() {
		cfg, err := okta.NewConfiguration()
		require.NoError(t, err)
		c := okta.NewAPIClient(cfg)
		return &env{client: c, apps: c.ApplicationAPI, orgURL: cfg.OrgURL()}
	}
	t.Parallel()
	srv := oktatest.NewServer(opts...)
	t.Cleanup(srv.Close)
	e := &env{srv: srv, orgURL: srv.URL}
	return e.withClient(t)
}

// withClient sets the env's client to one for its emulator, with cfgOpts.
func (e *env) withClient(t *testing.T, cfgOpts ...okta.ConfigOption) *env {
	t.Helper()
	opts := append([]okta.ConfigOption{okta.WithOrgURL(e.srv.URL), okta.WithAPIToken(e.srv.Token)}, cfgOpts...)
	cfg, err := okta.NewConfiguration(opts...)
	require.NoError(t, err)
	e.client = okta.NewAPIClient(cfg)
	e.apps = e.client.ApplicationAPI
	return e
}

// emulatorOnly skips a test that needs the emulator on a real org.
func emulatorOnly(t *testing.T, why string) {
	t.Helper()
	if realOrg() {
		t.Skipf("skipped on a real org: %s", why)
	}
}

// user returns a user the test may assign: a new one in the emulator, or
// OKTA_TEST_USER_ID on a real org (the test is skipped without it).
func (e *env) user(t *testing.T) string {
	t.Helper()
	if e.srv != nil {
		return e.srv.AddUser(fmt.Sprintf("user-%s@example.com", rand.Text()[:8]))
	}
	id := os.Getenv("OKTA_TEST_USER_ID")
	if id == "" {
		t.Skip("skipped on a real org: set OKTA_TEST_USER_ID to an existing user's id to run assignment scenarios")
	}
	return id
}

// group returns a group the test may assign: a new one in the emulator, or
// OKTA_TEST_GROUP_ID on a real org (the test is skipped without it).
func (e *env) group(t *testing.T) string {
	t.Helper()
	if e.srv != nil {
		return e.srv.AddGroup("group-" + rand.Text()[:8])
	}
	id := os.Getenv("OKTA_TEST_GROUP_ID")
	if id == "" {
		t.Skip("skipped on a real org: set OKTA_TEST_GROUP_ID to an existing group's id to run group assignment scenarios")
	}
	return id
}

// ctx returns a context that ends with the test, bounded so a hung request
// fails the test rather than the whole run.
func ctx(t *testing.T) context.Context {
	c, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	t.Cleanup(cancel)
	return c
}

// create creates app with the suite's prefix on its label and removes it
// when the test ends.
func (e *env) create(t *testing.T, app *okta.Application, activate bool) *okta.Application {
	t.Helper()
	app.Label = prefix + app.Label
	got, _, err := e.apps.CreateApplication(ctx(t), okta.CreateApplicationRequest{Application: app, Activate: okta.Ptr(activate)})
	require.NoError(t, err)
	require.NotEmpty(t, got.ID)
	t.Cleanup(func() {
		c, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		if err := removeApp(c, e.apps, got.ID); err != nil {
			t.Errorf("cleaning up app %s: %v", got.ID, err)
		}
	})
	return got
}

// removeApp deactivates and deletes an app; one already gone is no error.
func removeApp(ctx context.Context, api *okta.ApplicationAPI, id string) error {
	if _, err := api.DeactivateApplication(ctx, okta.DeactivateApplicationRequest{AppID: id}); err != nil {
		if errors.Is(err, okta.ErrNotFound) {
			return nil
		}
		return err
	}
	if _, err := api.DeleteApplication(ctx, okta.DeleteApplicationRequest{AppID: id}); err != nil && !errors.Is(err, okta.ErrNotFound) {
		return err
	}
	return nil
}

// collect walks an iterator to the end, failing the test on an error.
func collect[T any](t *testing.T, seq iter.Seq2[*T, error]) []T {
	t.Helper()
	var out []T
	for v, err := range seq {
		require.NoError(t, err)
		out = append(out, *v)
	}
	return out
}
