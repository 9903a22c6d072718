package okta

// The HTTP client of configurations given none with WithHTTPClient: one
// connection pool shared by every client of the process.

import (
	"crypto/tls"
	"net"
	"net/http"
	"sync"
	"time"
)

// stdDefaultTransport is http.DefaultTransport as the standard library made
// it, seen before the program could replace or wrap it.
var stdDefaultTransport, _ = http.DefaultTransport.(*http.Transport)

// sharedTransport is the connection pool of every Configuration built without
// WithHTTPClient: one per process, so that short-lived clients leave no idle
// connections (and their goroutines) behind. It offers TLS 1.2 at least and
// keeps enough idle connections for a busy service. It is built from scratch,
// with the standard library's defaults, rather than cloned from
// http.DefaultTransport, whose concrete type the program may have changed.
var sharedTransport = sync.OnceValue(func() *http.Transport {
	dialer := &net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second}
	return &http.Transport{
		Proxy:                 http.ProxyFromEnvironment,
		DialContext:           dialer.DialContext,
		ForceAttemptHTTP2:     true,
		MaxIdleConns:          256,
		MaxIdleConnsPerHost:   128,
		IdleConnTimeout:       90 * time.Second,
		TLSHandshakeTimeout:   10 * time.Second,
		ExpectContinueTimeout: 1 * time.Second,
		TLSClientConfig:       &tls.Config{MinVersion: tls.VersionTLS12},
	}
})

// defaultTransport sends with sharedTransport, unless the program has
// replaced or wrapped http.DefaultTransport (instrumentation such as otelhttp,
// or httpmock.Activate): then it sends with http.DefaultTransport as it is
// when each request is sent, so that such a replacement applies whether it
// was made before or after the client was built.
type defaultTransport struct{}

func (defaultTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	rt := http.DefaultTransport
	if t, ok := rt.(*http.Transport); rt == nil || (ok && t == stdDefaultTransport) {
		return sharedTransport().RoundTrip(r)
	}
	return rt.RoundTrip(r)
}

// defaultHTTPClient is the client of a Configuration given none. Every such
// client sends through defaultTransport: building one allocates no pool.
func defaultHTTPClient() *http.Client {
	return &http.Client{Transport: defaultTransport{}}
}
