// Command okta-emulator serves an in-memory Okta org (the oktatest package)
// on a TCP address until it receives SIGINT or SIGTERM.
//
//	go run ./cmd/okta-emulator -addr 127.0.0.1:8080
//
// It prints the org URL, an API token and the admin token, as environment
// variables, so that a shell can eval its first three lines. The API token
// goes in requests as "Authorization: SSWS <token>"; the admin token opens
// the admin API under /_emulator/ ("Authorization: Bearer <admin token>"),
// which injects faults, sets rate limits, seeds users, groups, tokens and
// OAuth clients, reads request counts, moves the clock and resets the org.
// -seed-file does the same seeding at start from a JSON document. Run
// okta-emulator -h for the flags.
package main

import (
	"context"
	"crypto/rand"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"sort"
	"syscall"

	"github.com/gatekit/okta/oktatest"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		<-ctx.Done()
		stop() // a second signal ends the process at once
	}()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "okta-emulator:", err)
		os.Exit(1)
	}
}

const usage = `Usage: okta-emulator [flags]

Serves an in-memory Okta org until SIGINT or SIGTERM, and prints
OKTA_CLIENT_ORGURL, OKTA_CLIENT_TOKEN and OKTA_EMULATOR_ADMIN_TOKEN.

The admin API (Authorization: Bearer <admin token>) is under /_emulator/:
  POST/DELETE /_emulator/faults       GET /_emulator/requests[?operation=]
  POST/DELETE /_emulator/rate-limits  GET/POST /_emulator/clock
  POST /_emulator/users, /groups, /api-tokens, /oauth2-tokens,
       /scope-consent-grants, /clients, /oauth, /seed, /reset
See the oktatest package documentation and the README for the bodies.

Flags:
`

// options are the command line's settings.
type options struct {
	addr, token, url, admin, seedFile string
	seed                              int64
}

func parseFlags(args []string, stderr io.Writer) (options, error) {
	var o options
	fs := flag.NewFlagSet("okta-emulator", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, usage)
		fs.PrintDefaults()
	}
	fs.StringVar(&o.addr, "addr", "127.0.0.1:8080", "address to listen on (\":8080\" listens on every address)")
	fs.StringVar(&o.token, "token", "", "API token to accept (default: a random one)")
	fs.StringVar(&o.url, "url", "", "the org URL clients use, when it is not the listener's address\n(a container's name, a port mapping, a proxy), such as http://okta:8080\n(default: the origin each request reached)")
	fs.StringVar(&o.admin, "admin-token", os.Getenv("OKTA_EMULATOR_ADMIN_TOKEN"), "secret of the admin API (default: $OKTA_EMULATOR_ADMIN_TOKEN, else a random one)")
	fs.StringVar(&o.seedFile, "seed-file", "", "JSON seed document to apply at start (users, groups, apiTokens,\nclients, rateLimits, faults)")
	fs.Int64Var(&o.seed, "seed", 0, "seed for ids and random faults (default: random)")
	if err := fs.Parse(args); err != nil {
		return o, err
	}
	if fs.NArg() > 0 {
		return o, fmt.Errorf("unexpected arguments %q", fs.Args())
	}
	if o.admin == "" {
		o.admin = rand.Text()
	}
	if o.token != "" && o.admin == o.token {
		return o, errors.New("-admin-token must differ from -token")
	}
	return o, nil
}

// serverOptions turns the settings into the server's options.
func serverOptions(o options, l net.Listener) (opts []oktatest.Option, err error) {
	defer func() {
		if p := recover(); p != nil { // WithURL panics on a bad URL
			err = fmt.Errorf("%v", p)
		}
	}()
	opts = []oktatest.Option{oktatest.WithListener(l), oktatest.WithAdminToken(o.admin)}
	if o.token != "" {
		opts = append(opts, oktatest.WithToken(o.token))
	}
	if o.seed != 0 {
		opts = append(opts, oktatest.WithSeed(o.seed))
	}
	if o.url != "" {
		opts = append(opts, oktatest.WithURL(o.url))
	}
	return opts, nil
}

// run serves until ctx is done. -h is not an error.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	o, err := parseFlags(args, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return nil
	}
	if err != nil {
		return err
	}
	l, err := net.Listen("tcp", o.addr)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	opts, err := serverOptions(o, l)
	if err != nil {
		l.Close()
		return err
	}
	srv := oktatest.NewServer(opts...)
	defer srv.Close()
	if err := seed(srv, o.seedFile, stderr); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "OKTA_CLIENT_ORGURL=%s\nOKTA_CLIENT_TOKEN=%s\nOKTA_EMULATOR_ADMIN_TOKEN=%s\n", srv.URL, srv.Token, o.admin)

	<-ctx.Done()
	fmt.Fprintln(stderr, "okta-emulator: shutting down")
	return nil
}

// seed applies the seed file, if any, and reports the ids it made.
func seed(srv *oktatest.Server, path string, stderr io.Writer) error {
	if path == "" {
		return nil
	}
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("seed file: %w", err)
	}
	defer f.Close()
	if st, err := f.Stat(); err != nil || !st.Mode().IsRegular() {
		return fmt.Errorf("seed file %s: not a regular file", path)
	}
	ids, err := srv.Seed(f)
	if err != nil {
		return fmt.Errorf("seed file %s: %w", path, err)
	}
	keys := make([]string, 0, len(ids))
	for k := range ids {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(stderr, "okta-emulator: seeded %s %s\n", k, ids[k])
	}
	return nil
}
