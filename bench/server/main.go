// Command server is the benchmark's loopback Okta org: it serves
// Okta-shaped applications and API tokens, generated from a seed and
// rendered once at start, with Okta's headers, Link pagination and a 429
// mode, over HTTP/1.1 on 127.0.0.1.
//
// It prints its base URL (http://127.0.0.1:PORT) as the first line of
// standard output once it accepts requests.
//
// API endpoints (all need "Authorization: SSWS <anything>"):
//
//	GET /api/v1/apps?limit=&after=        a page of applications
//	GET /api/v1/apps/{appId}              one application
//	GET /api/v1/api-tokens?limit=&after=  a page of API tokens
//	GET /api/v1/api-tokens/{apiTokenId}   one API token
//
// Control endpoints for the harness:
//
//	POST /__bench/arm429?resetMs=500[&count=1]  the next API request opens a
//	     rate-limit window ending on the first whole second at least resetMs
//	     ahead; requests until then get 429 E0000047
//	GET  /__bench/last429   {"resetUnixNano": ..., "served": ...}
//	GET  /__bench/stats     request counts
//	POST /__bench/reset     zero the counts and disarm
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"time"
)

func main() {
	var cfg config
	addr := flag.String("addr", "127.0.0.1:0", "listen address (loopback only)")
	flag.Uint64Var(&cfg.Seed, "seed", 1, "seed of the generated org")
	flag.IntVar(&cfg.Apps, "apps", 2000, "number of applications")
	flag.IntVar(&cfg.Tokens, "tokens", 1000, "number of API tokens")
	flag.IntVar(&cfg.AppDefaultLimit, "app-default-limit", 200, "page size of /api/v1/apps without limit")
	flag.IntVar(&cfg.TokenDefaultLimit, "token-default-limit", 200,
		"page size of /api/v1/api-tokens without limit (Okta: 20)")
	flag.IntVar(&cfg.MaxLimit, "max-limit", 200, "largest page size")
	flag.DurationVar(&cfg.RateWindow, "rate-window", time.Second,
		"rate-limit window (Okta: 1m; short, so that a window can end ~500 ms after the harness arms a 429)")
	flag.IntVar(&cfg.RateLimit, "rate-limit", 100000, "X-Rate-Limit-Limit, requests per window (none is refused but in 429 mode)")
	exitOnEOF := flag.Bool("exit-on-stdin-eof", false, "exit when standard input closes (the parent died)")
	flag.Parse()
	log.SetPrefix("oktabench-server: ")
	log.SetFlags(0)

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	if tcp, ok := ln.Addr().(*net.TCPAddr); !ok || !tcp.IP.IsLoopback() {
		log.Fatalf("refusing to listen on non-loopback address %v", ln.Addr())
	}
	base := "http://" + ln.Addr().String()

	start := time.Now()
	s, err := newServer(cfg, base)
	if err != nil {
		log.Fatal(err)
	}
	log.Printf("%d apps (%.1f MB), %d tokens (%.1f MB) rendered in %v",
		s.apps.len(), float64(len(s.apps.buf))/1e6, s.tokens.len(), float64(len(s.tokens.buf))/1e6,
		time.Since(start).Round(time.Millisecond))

	if *exitOnEOF {
		go func() {
			_, _ = io.Copy(io.Discard, os.Stdin)
			os.Exit(0)
		}()
	}

	srv := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       2 * time.Minute,
	}
	out := bufio.NewWriter(os.Stdout)
	fmt.Fprintln(out, base)
	if err := out.Flush(); err != nil {
		log.Fatal(err)
	}
	log.Fatal(srv.Serve(ln))
}
