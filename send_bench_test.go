package okta_test

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/gatekit/okta"
)

// benchTransport answers every request with the same small app, in memory:
// what a call costs in the SDK itself, without a network.
type benchTransport struct{}

func (benchTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	h := http.Header{"Content-Type": {"application/json"}, "X-Okta-Request-Id": {"req-1"},
		"X-Rate-Limit-Limit": {"1000000"}, "X-Rate-Limit-Remaining": {"999999"}, "X-Rate-Limit-Reset": {"4102444800"}}
	return &http.Response{StatusCode: 200, Header: h, Body: io.NopCloser(strings.NewReader(relAppJSON)),
		ContentLength: int64(len(relAppJSON)), Request: r}, nil
}

// BenchmarkCallInMemory is one GetApplication through the whole transport
// (prepare, limiter, auth, attempt, read, decode) against benchTransport.
func BenchmarkCallInMemory(b *testing.B) {
	client := newClient(b, "https://bench.okta.com", okta.WithHTTPClient(&http.Client{Transport: benchTransport{}}))
	ctx := context.Background()
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := client.ApplicationAPI.GetApplication(ctx, okta.GetApplicationRequest{AppID: "0oa1"}); err != nil {
			b.Fatal(err)
		}
	}
}
