// Package bench measures what github.com/gatekit/okta costs a service that
// imports it, next to okta-sdk-golang v5 and a hand-written floor (net/http
// and encoding/json into small structs), all talking to the same loopback
// Okta-shaped server running in a child process, so the allocations counted
// are the client's alone.
//
// The benchmarks are in the test files; `make bench` runs them and writes
// ../BENCHMARKS.md, `make smoke` proves the harness in well under a minute.
// It is a module of its own so that the SDK's module never depends on the
// peer SDK.
package bench
