package bench

import (
	"context"
	"net"
	"net/http"
	"slices"
	"sync"
	"testing"
	"time"
)

// apiToken is the credential every client sends; the server only checks
// that it is an SSWS token.
const apiToken = "00benchBENCHbenchBENCHbenchBENCHbench0000"

// pageSize is the page the walks ask for: Okta's largest.
const pageSize = 200

// maxRetries is the retry budget every client gets after a 429.
const maxRetries = 2

// appSummary is what a GetApplication hands back to the harness.
type appSummary struct {
	ID    string
	Label string
}

// benchClient is one way of calling Okta: the SDK, the peer SDK or the floor.
// Its methods do exactly what a caller of that client would write.
type benchClient interface {
	// getApp fetches one application.
	getApp(ctx context.Context, id string) (appSummary, error)
	// walkApps lists every application, page after page, following Link.
	walkApps(ctx context.Context, visit func(id string)) error
	// walkTokens lists every API token, page after page, following Link.
	walkTokens(ctx context.Context, visit func(id string)) error
}

// clientKind makes a client for an org URL.
type clientKind struct {
	name string
	rank int // column order: floor, sdk, peer
	new  func(orgURL string) (benchClient, error)
}

var kinds []clientKind

// register adds a client kind; each client file calls it from init.
func register(k clientKind) {
	kinds = append(kinds, k)
	slices.SortFunc(kinds, func(a, b clientKind) int { return a.rank - b.rank })
}

// newHTTPClient is the one transport tuning all three clients get, so that
// connection handling is not what differs: enough idle connections per host
// for 64 goroutines, HTTP/1.1.
func newHTTPClient() *http.Client {
	return &http.Client{Transport: &http.Transport{
		DialContext:         (&net.Dialer{Timeout: 5 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
		MaxIdleConns:        256,
		MaxIdleConnsPerHost: 128,
		IdleConnTimeout:     90 * time.Second,
	}}
}

// clientCache keeps one client per (server, kind) for the whole run, as a
// service would keep one client for its lifetime.
var clientCache sync.Map

// clientFor returns the cached client of kind k for srv.
func clientFor(tb testing.TB, srv *serverProc, k clientKind) benchClient {
	tb.Helper()
	key := srv.URL + " " + k.name
	if c, ok := clientCache.Load(key); ok {
		return c.(benchClient)
	}
	c, err := k.new(srv.URL)
	if err != nil {
		tb.Fatalf("%s client: %v", k.name, err)
	}
	stored, _ := clientCache.LoadOrStore(key, c)
	return stored.(benchClient)
}

// forEachClient runs fn as a sub-benchmark "client=NAME" per client kind,
// against srv.
func forEachClient(b *testing.B, srv *serverProc, fn func(b *testing.B, c benchClient)) {
	for _, k := range kinds {
		b.Run("client="+k.name, func(b *testing.B) {
			fn(b, clientFor(b, srv, k))
		})
	}
}
