// Command okta-emulator serves an in-memory Okta org (the oktatest package)
// on a TCP address until it receives SIGINT or SIGTERM.
//
//	go run ./cmd/okta-emulator -addr 127.0.0.1:8080
//
// It prints the org URL and an API token, as the environment variables the
// Okta SDKs read, so that a shell can eval its first two lines. The API
// token goes in requests as "Authorization: SSWS <token>".
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"syscall"

	"github.com/gatekit/okta/oktatest"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "okta-emulator:", err)
		os.Exit(1)
	}
}

// run serves until ctx is done.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("okta-emulator", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	token := fs.String("token", "", "API token to accept (default: a random one)")
	seed := fs.Int64("seed", 0, "seed for ids and random faults (default: random)")
	if err := fs.Parse(args); err != nil {
		return err
	}

	l, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	opts := []oktatest.Option{oktatest.WithListener(l)}
	if *token != "" {
		opts = append(opts, oktatest.WithToken(*token))
	}
	if *seed != 0 {
		opts = append(opts, oktatest.WithSeed(*seed))
	}
	srv := oktatest.NewServer(opts...)
	fmt.Fprintf(stdout, "OKTA_CLIENT_ORGURL=%s\nOKTA_CLIENT_TOKEN=%s\n", srv.URL, srv.Token)

	<-ctx.Done()
	fmt.Fprintln(stderr, "okta-emulator: shutting down")
	srv.Close()
	return nil
}
