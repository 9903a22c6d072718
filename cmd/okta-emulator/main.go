// Command okta-emulator serves an in-memory Okta org (the oktatest package)
// on a TCP address until it is interrupted.
//
//	go run ./cmd/okta-emulator -addr 127.0.0.1:8080
//
// It prints the org URL and an API token to use as "SSWS <token>".
package main

import (
	"context"
	"flag"
	"fmt"
	"net"
	"os"
	"os/signal"
	"syscall"

	"github.com/gatekit/okta/oktatest"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "okta-emulator:", err)
		os.Exit(1)
	}
}

func run() error {
	addr := flag.String("addr", "127.0.0.1:8080", "address to listen on")
	token := flag.String("token", "", "API token to accept (default: a random one)")
	seed := flag.Int64("seed", 0, "seed for ids and random faults (default: random)")
	flag.Parse()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

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
	fmt.Printf("OKTA_CLIENT_ORGURL=%s\nOKTA_CLIENT_TOKEN=%s\n", srv.URL, srv.Token)

	<-ctx.Done()
	stop()
	fmt.Fprintln(os.Stderr, "okta-emulator: shutting down")
	srv.Close()
	return nil
}
