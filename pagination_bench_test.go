package okta

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
)

// benchLinks are the Link lines of a middle page of a list, as Okta writes
// them: self, then next.
var benchLinks = []string{
	`<https://dev-123456.okta.com/api/v1/apps?limit=200>; rel="self"`,
	`<https://dev-123456.okta.com/api/v1/apps?after=0oa000199HTtdX&limit=200>; rel="next"`,
}

// BenchmarkNextLink measures finding the next page in a page's Link lines.
func BenchmarkNextLink(b *testing.B) {
	base, _ := url.Parse("https://dev-123456.okta.com/api/v1/apps?limit=200")
	b.ReportAllocs()
	for b.Loop() {
		if nextLink(benchLinks, base) == nil {
			b.Fatal("no next link")
		}
	}
}

// pagesTransport serves pages of a list from memory: page n links to n+1
// until the last.
type pagesTransport struct {
	pages int
	body  []byte
}

func (p pagesTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	n, _ := strconv.Atoi(r.URL.Query().Get("after"))
	h := http.Header{"Content-Type": {"application/json"}}
	h.Add("Link", `<https://dev-123456.okta.com/api/v1/api-tokens?limit=200>; rel="self"`)
	if n+1 < p.pages {
		h.Add("Link", `<https://dev-123456.okta.com/api/v1/api-tokens?after=`+strconv.Itoa(n+1)+`&limit=200>; rel="next"`)
	}
	return &http.Response{StatusCode: 200, Header: h, Body: io.NopCloser(bytes.NewReader(p.body)),
		ContentLength: int64(len(p.body)), Request: r}, nil
}

// BenchmarkListAll walks 10 pages of 200 API tokens through the whole client,
// from an in-memory transport.
func BenchmarkListAll(b *testing.B) {
	cfg, err := NewConfiguration(WithOrgURL("https://dev-123456.okta.com"), WithAPIToken("bench-token"),
		WithHTTPClient(&http.Client{Transport: pagesTransport{pages: 10, body: benchTokenPage()}}))
	if err != nil {
		b.Fatal(err)
	}
	c := NewAPIClient(cfg)
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		for tok, err := range c.ApiTokenAPI.ListApiTokensAll(context.Background(), ListApiTokensRequest{Limit: 200}) {
			if err != nil || !strings.HasPrefix(tok.ID, "00T") {
				b.Fatal(err)
			}
			n++
		}
		if n != 2000 {
			b.Fatalf("%d tokens", n)
		}
	}
}
