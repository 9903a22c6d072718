package okta_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync/atomic"

	"github.com/gatekit/okta"
)

// fakeOrg stands in for an Okta org in the examples: it serves three API
// tokens, two per page, and 404 for any other id.
func fakeOrg() *httptest.Server {
	tokens := []string{
		`{"id":"00T1","name":"CI pipeline","clientName":"Okta API","userId":"00u1","tokenWindow":"P30D","created":"2024-01-02T03:04:05.000Z","network":{"connection":"ANYWHERE"}}`,
		`{"id":"00T2","name":"Terraform","clientName":"Okta API","userId":"00u1","tokenWindow":"P30D","created":"2024-02-03T04:05:06.000Z","network":{"connection":"ANYWHERE"}}`,
		`{"id":"00T3","name":"Backup job","clientName":"Okta API","userId":"00u2","tokenWindow":"PT5M","created":"2024-03-04T05:06:07.000Z","network":{"connection":"ZONE","include":["nzo1"]}}`,
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /api/v1/api-tokens", func(w http.ResponseWriter, r *http.Request) {
		page := tokens[:2]
		if r.URL.Query().Get("after") == "00T2" {
			page = tokens[2:]
		} else {
			w.Header().Add("Link", `</api/v1/api-tokens?after=00T2&limit=2>; rel="next"`)
		}
		w.Header().Set("X-Okta-Request-Id", "req-list")
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, "["+strings.Join(page, ",")+"]")
	})
	mux.HandleFunc("GET /api/v1/api-tokens/{id}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("X-Okta-Request-Id", "req-get")
		w.Header().Set("X-Rate-Limit-Limit", "600")
		w.Header().Set("X-Rate-Limit-Remaining", "599")
		for _, t := range tokens {
			if strings.Contains(t, `"id":"`+r.PathValue("id")+`"`) {
				fmt.Fprint(w, t)
				return
			}
		}
		w.WriteHeader(http.StatusNotFound)
		fmt.Fprintf(w, `{"errorCode":"E0000007","errorSummary":"Not found: Resource not found: %s (ApiToken)","errorLink":"E0000007","errorId":"oae1","errorCauses":[]}`, r.PathValue("id"))
	})
	return httptest.NewServer(mux)
}

// Build a configuration from options. Without options, NewConfiguration reads
// ~/.okta/okta.yaml, ./.okta.yaml and the OKTA_CLIENT_* environment variables.
// A Configuration never prints its token.
func ExampleNewConfiguration() {
	cfg, err := okta.NewConfiguration(
		okta.WithOrgURL("https://dev-123456.okta.com"),
		okta.WithAPIToken("00aBcDeFgHiJkLmNoPqRsTuVwXyZ"),
		okta.WithUserAgent("inventory/1.4"),
	)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(cfg.OrgURL())
	fmt.Println(cfg)
	// Output:
	// https://dev-123456.okta.com
	// okta.Configuration{OrgURL: https://dev-123456.okta.com, APIToken: [REDACTED], MaxRetries: 2, UserAgent: "inventory/1.4", Sources: []}
}

// A configuration that cannot work is refused with a message that says what to
// change.
func ExampleNewConfiguration_invalid() {
	_, err := okta.NewConfiguration(
		okta.WithOrgURL("https://dev-123456-admin.okta.com"),
		okta.WithAPIToken("SSWS 00aBcDeFgHiJkLmNoPqRsTuVwXyZ"),
	)
	fmt.Println(errors.Is(err, okta.ErrConfiguration))
	fmt.Println(err)
	// Output:
	// true
	// okta: bad configuration: org URL "https://dev-123456-admin.okta.com" is the Admin Console's address: remove "-admin" (https://dev-123456.okta.com)
	// okta: bad configuration: API token starts with "SSWS": pass the token alone; the SDK adds the SSWS scheme
}

// The configuration for a real org usually comes from the environment:
// OKTA_CLIENT_ORGURL and OKTA_CLIENT_TOKEN. This example needs one, so it has
// no output to check.
func ExampleNewAPIClient() {
	cfg, err := okta.NewConfiguration() // okta.yaml files and OKTA_CLIENT_* variables
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return
	}
	client := okta.NewAPIClient(cfg)
	for tok, err := range client.ApiTokenAPI.ListApiTokensAll(context.Background(), okta.ListApiTokensRequest{}) {
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return
		}
		fmt.Println(tok.ID, tok.Name)
	}
}

// A first call: fetch one token's metadata.
func ExampleApiTokenAPI_GetApiToken() {
	org := fakeOrg() // stands in for https://dev-123456.okta.com
	defer org.Close()

	cfg, err := okta.NewConfiguration(okta.WithOrgURL(org.URL), okta.WithAPIToken("00aBcDeFgHiJkLmNoPqRsTuVwXyZ"))
	if err != nil {
		log.Fatal(err)
	}
	client := okta.NewAPIClient(cfg)

	tok, resp, err := client.ApiTokenAPI.GetApiToken(context.Background(), okta.GetApiTokenRequest{ApiTokenID: "00T3"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(tok.Name, tok.TokenWindow, tok.Network.Connection, tok.Network.Include)
	fmt.Println(tok.Created.Format("2006-01-02"))
	fmt.Println(resp.RequestID, resp.RateLimit.Remaining)
	// Output:
	// Backup job PT5M ZONE [nzo1]
	// 2024-03-04
	// req-get 599
}

// ListApiTokensAll walks every page; the loop body sees one token at a time.
func ExampleApiTokenAPI_ListApiTokensAll() {
	org := fakeOrg()
	defer org.Close()
	cfg, _ := okta.NewConfiguration(okta.WithOrgURL(org.URL), okta.WithAPIToken("00aBcDeFgHiJkLmNoPqRsTuVwXyZ"))
	client := okta.NewAPIClient(cfg)

	for tok, err := range client.ApiTokenAPI.ListApiTokensAll(context.Background(), okta.ListApiTokensRequest{Limit: 2}) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(tok.ID, tok.Name)
	}
	// Output:
	// 00T1 CI pipeline
	// 00T2 Terraform
	// 00T3 Backup job
}

// ListApiTokens returns one page; Response.NextAfter is the cursor of the next
// one, "" on the last.
func ExampleApiTokenAPI_ListApiTokens() {
	org := fakeOrg()
	defer org.Close()
	cfg, _ := okta.NewConfiguration(okta.WithOrgURL(org.URL), okta.WithAPIToken("00aBcDeFgHiJkLmNoPqRsTuVwXyZ"))
	client := okta.NewAPIClient(cfg)

	req := okta.ListApiTokensRequest{Limit: 2}
	for page := 1; ; page++ {
		toks, resp, err := client.ApiTokenAPI.ListApiTokens(context.Background(), req)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("page %d: %d tokens, next %q\n", page, len(toks), resp.NextAfter)
		if resp.NextAfter == "" {
			break
		}
		req.After = resp.NextAfter
	}
	// Output:
	// page 1: 2 tokens, next "00T2"
	// page 2: 1 tokens, next ""
}

// Okta's errors are *okta.Error values; errors.Is tells their kind.
func ExampleError() {
	org := fakeOrg()
	defer org.Close()
	cfg, _ := okta.NewConfiguration(okta.WithOrgURL(org.URL), okta.WithAPIToken("00aBcDeFgHiJkLmNoPqRsTuVwXyZ"))
	client := okta.NewAPIClient(cfg)

	_, _, err := client.ApiTokenAPI.GetApiToken(context.Background(), okta.GetApiTokenRequest{ApiTokenID: "00Tgone"})
	fmt.Println(errors.Is(err, okta.ErrNotFound))
	var oe *okta.Error
	if errors.As(err, &oe) {
		fmt.Println(oe.StatusCode, oe.ErrorCode, oe.RequestID)
	}
	fmt.Println(err)

	// A request that cannot be right is refused before it is sent.
	_, err = client.ApiTokenAPI.RevokeApiToken(context.Background(), okta.RevokeApiTokenRequest{})
	fmt.Println(errors.Is(err, okta.ErrInvalidRequest))
	// Output:
	// true
	// 404 E0000007 req-get
	// okta: GET /api/v1/api-tokens/00Tgone: 404 Not Found: E0000007: Not found: Resource not found: 00Tgone (ApiToken) [request id req-get]
	// true
}

// A rate-limited call (429) is retried after Okta's reset, twice by default;
// WithMaxRetries changes how often. Each retry says which request it repeats.
func ExampleWithMaxRetries() {
	var calls atomic.Int32
	org := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := calls.Add(1)
		fmt.Printf("attempt %d, retry of %q\n", n, r.Header.Get("X-Okta-Retry-For"))
		w.Header().Set("Content-Type", "application/json")
		if n < 3 {
			w.Header().Set("X-Okta-Request-Id", fmt.Sprintf("req-%d", n))
			w.Header().Set("Retry-After", "0") // Okta sends X-Rate-Limit-Reset; either is honored
			w.WriteHeader(http.StatusTooManyRequests)
			fmt.Fprint(w, `{"errorCode":"E0000047","errorSummary":"API call exceeded rate limit due to too many requests."}`)
			return
		}
		w.WriteHeader(http.StatusNoContent)
	}))
	defer org.Close()

	cfg, _ := okta.NewConfiguration(okta.WithOrgURL(org.URL), okta.WithAPIToken("00aBcDeFgHiJkLmNoPqRsTuVwXyZ"), okta.WithMaxRetries(3))
	client := okta.NewAPIClient(cfg)
	_, err := client.ApiTokenAPI.RevokeCurrentApiToken(context.Background(), okta.RevokeCurrentApiTokenRequest{})
	fmt.Println(err)
	// Output:
	// attempt 1, retry of ""
	// attempt 2, retry of "req-1"
	// attempt 3, retry of "req-2"
	// <nil>
}
