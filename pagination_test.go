package okta_test

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gatekit/okta"
)

// A page's next link is found among several Link values, resolved against the
// request when relative, and its after cursor is Response.NextAfter.
func TestNextAfter(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		links []string
		want  string
	}{
		{"separate lines", []string{`<{org}/api/v1/api-tokens?limit=1>; rel="self"`, `<{org}/api/v1/api-tokens?after=c%2F1&limit=1>; rel="next"`}, "c/1"},
		{"joined", []string{`<{org}/api/v1/api-tokens?limit=1>; rel="self", <{org}/api/v1/api-tokens?limit=1&after=c2>; rel="next"`}, "c2"},
		{"relative", []string{`</api/v1/api-tokens?after=rel3>; rel="next"`}, "rel3"},
		{"rel list", []string{`<?after=c4>; rel="next last"`}, "c4"},
		{"upper-case rel", []string{`<?after=c5>; REL=NEXT`}, "c5"},
		{"self only", []string{`<{org}/api/v1/api-tokens?limit=1>; rel="self"`}, ""},
		{"none", nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := setup(t)
			f.mux.HandleFunc("/api-tokens", func(w http.ResponseWriter, r *http.Request) {
				for _, l := range tt.links {
					w.Header().Add("Link", strings.ReplaceAll(l, "{org}", f.server.URL))
				}
				writeJSON(w, http.StatusOK, `[]`)
			})
			_, resp, err := f.client.ApiTokenAPI.ListApiTokens(context.Background(), okta.ListApiTokensRequest{Limit: 1})
			require.NoError(t, err)
			assert.Equal(t, tt.want, resp.NextAfter)
		})
	}
}

// pager serves /api-tokens in pages of two from ids, following after
// cursors, and records each request.
type pager struct {
	mu      sync.Mutex
	queries []url.Values
}

func (p *pager) handler(t *testing.T, f *fixture, ids []string, link func(after string) string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		testMethod(t, r, http.MethodGet)
		testHeader(t, r, "Authorization", "SSWS "+testToken)
		q := r.URL.Query()
		p.mu.Lock()
		p.queries = append(p.queries, q)
		p.mu.Unlock()
		start := 0
		if a := q.Get("after"); a != "" {
			fmt.Sscanf(a, "c%d", &start)
		}
		end := min(start+2, len(ids))
		body := "["
		for i, id := range ids[start:end] {
			if i > 0 {
				body += ","
			}
			body += `{"id":"` + id + `"}`
		}
		body += "]"
		w.Header().Add("Link", "<"+f.server.URL+"/api/v1/api-tokens?limit=2>; rel=\"self\"")
		if end < len(ids) {
			w.Header().Add("Link", link(fmt.Sprintf("c%d", end)))
		}
		writeJSON(w, http.StatusOK, body)
	}
}

func (p *pager) seen() []url.Values {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]url.Values(nil), p.queries...)
}

// maxWalk bounds the items and errors a test takes from a walk, so that a walk
// that never ends fails the test instead of hanging it.
const maxWalk = 100

// collect ranges seq, failing the test if it yields more than maxWalk values.
func collect(t *testing.T, seq iter.Seq2[*okta.ApiToken, error]) (ids []string, errs []error) {
	t.Helper()
	n := 0
	for tok, err := range seq {
		if n++; n > maxWalk {
			t.Errorf("the walk yielded more than %d values: it does not end", maxWalk)
			break
		}
		if err != nil {
			errs = append(errs, err)
			continue
		}
		ids = append(ids, tok.ID)
	}
	return ids, errs
}

func TestListApiTokensAllFollowsNext(t *testing.T) {
	t.Parallel()
	f := setup(t)
	p := &pager{}
	ids := []string{"t0", "t1", "t2", "t3", "t4"}
	f.mux.HandleFunc("/api-tokens", p.handler(t, f, ids, func(after string) string {
		return "<" + f.server.URL + "/api/v1/api-tokens?after=" + after + "&limit=2&q=tok>; rel=\"next\""
	}))

	type ctxKey struct{}
	ctx := context.WithValue(context.Background(), ctxKey{}, "mine")
	var ctxs []any
	hc := &http.Client{Transport: newRecorder(t, func(_ int, r *http.Request) (*http.Response, error) {
		ctxs = append(ctxs, r.Context().Value(ctxKey{}))
		return http.DefaultTransport.RoundTrip(r)
	})}
	client := newClient(t, f.server.URL, okta.WithHTTPClient(hc))

	req := okta.ListApiTokensRequest{Q: "tok", Limit: 2}
	got, errs := collect(t, client.ApiTokenAPI.ListApiTokensAll(ctx, req))
	assert.Empty(t, errs)
	assert.Equal(t, ids, got)
	assert.Equal(t, []any{"mine", "mine", "mine"}, ctxs, "the caller's context on every page")
	assert.Equal(t, []url.Values{
		{"q": {"tok"}, "limit": {"2"}},
		{"after": {"c2"}, "limit": {"2"}, "q": {"tok"}},
		{"after": {"c4"}, "limit": {"2"}, "q": {"tok"}},
	}, p.seen())
}

func TestListApiTokensAllRelativeNext(t *testing.T) {
	t.Parallel()
	f := setup(t)
	p := &pager{}
	f.mux.HandleFunc("/api-tokens", p.handler(t, f, []string{"a", "b", "c"}, func(after string) string {
		return `</api/v1/api-tokens?after=` + after + `>; rel="next"`
	}))
	got, errs := collect(t, f.client.ApiTokenAPI.ListApiTokensAll(context.Background(), okta.ListApiTokensRequest{}))
	assert.Empty(t, errs)
	assert.Equal(t, []string{"a", "b", "c"}, got)
	assert.Len(t, p.seen(), 2)
}

// A server that hands back a cursor already used ends the walk instead of
// looping forever.
func TestListApiTokensAllStopsOnRepeatedCursor(t *testing.T) {
	t.Parallel()
	f := setup(t)
	var n int
	var mu sync.Mutex
	f.mux.HandleFunc("/api-tokens", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		n++
		page := n
		mu.Unlock()
		// Page 1 points to x, page 2 (x) to y, page 3 (y) back to x.
		next := map[int]string{1: "x", 2: "y", 3: "x"}[page]
		if page > 3 {
			t.Errorf("page %d requested: the walk should have ended", page)
		}
		w.Header().Set("Link", `</api/v1/api-tokens?after=`+next+`>; rel="next"`)
		writeJSON(w, http.StatusOK, fmt.Sprintf(`[{"id":"p%d"}]`, page))
	})
	got, errs := collect(t, f.client.ApiTokenAPI.ListApiTokensAll(context.Background(), okta.ListApiTokensRequest{}))
	assert.Empty(t, errs)
	assert.Equal(t, []string{"p1", "p2", "p3"}, got)
	assert.EqualValues(t, 3, f.calls.Load())
}

// A next link equal to the caller's own starting cursor also ends the walk.
func TestListApiTokensAllStopsOnStartingCursor(t *testing.T) {
	t.Parallel()
	f := setup(t)
	f.mux.HandleFunc("/api-tokens", func(w http.ResponseWriter, r *http.Request) {
		assert.Equal(t, "start", r.URL.Query().Get("after"))
		w.Header().Set("Link", `</api/v1/api-tokens?after=start>; rel="next"`)
		writeJSON(w, http.StatusOK, `[{"id":"only"}]`)
	})
	got, errs := collect(t, f.client.ApiTokenAPI.ListApiTokensAll(context.Background(), okta.ListApiTokensRequest{After: "start"}))
	assert.Empty(t, errs)
	assert.Equal(t, []string{"only"}, got)
	assert.EqualValues(t, 1, f.calls.Load())
}

func TestListApiTokensAllBreakStopsRequests(t *testing.T) {
	t.Parallel()
	f := setup(t)
	p := &pager{}
	f.mux.HandleFunc("/api-tokens", p.handler(t, f, []string{"a", "b", "c", "d", "e"}, func(after string) string {
		return `</api/v1/api-tokens?after=` + after + `>; rel="next"`
	}))
	var got []string
	for tok, err := range f.client.ApiTokenAPI.ListApiTokensAll(context.Background(), okta.ListApiTokensRequest{}) {
		require.NoError(t, err)
		got = append(got, tok.ID)
		if tok.ID == "c" || len(got) > maxWalk {
			break
		}
	}
	assert.Equal(t, []string{"a", "b", "c"}, got)
	assert.Len(t, p.seen(), 2, "no page after the break")

	// Breaking on the first item of the first page: one request.
	p2 := &pager{}
	f2 := setup(t)
	f2.mux.HandleFunc("/api-tokens", p2.handler(t, f2, []string{"a", "b", "c"}, func(after string) string {
		return `</api/v1/api-tokens?after=` + after + `>; rel="next"`
	}))
	for range f2.client.ApiTokenAPI.ListApiTokensAll(context.Background(), okta.ListApiTokensRequest{}) {
		break
	}
	assert.Len(t, p2.seen(), 1)
}

func TestListApiTokensAllContextCanceledMidway(t *testing.T) {
	t.Parallel()
	f := setup(t)
	p := &pager{}
	f.mux.HandleFunc("/api-tokens", p.handler(t, f, []string{"a", "b", "c", "d", "e"}, func(after string) string {
		return `</api/v1/api-tokens?after=` + after + `>; rel="next"`
	}))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var got []string
	var errs []error
	for tok, err := range f.client.ApiTokenAPI.ListApiTokensAll(ctx, okta.ListApiTokensRequest{}) {
		require.Less(t, len(got)+len(errs), maxWalk, "the walk does not end")
		if err != nil {
			errs = append(errs, err)
			continue
		}
		got = append(got, tok.ID)
		if tok.ID == "b" {
			cancel() // at the end of the first page
		}
	}
	assert.Equal(t, []string{"a", "b"}, got)
	require.Len(t, errs, 1)
	requireError(t, errs[0])
	assert.ErrorIs(t, errs[0], context.Canceled)
	assert.Len(t, p.seen(), 1, "no request after the cancellation")
}

// A next link to another origin is never requested: the iterator yields
// ErrCrossOriginLink and the other server sees nothing.
func TestListApiTokensAllRefusesCrossOriginLink(t *testing.T) {
	t.Parallel()
	var evilCalls int
	var mu sync.Mutex
	evilAnswer := func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		evilCalls++
		mu.Unlock()
		writeJSON(w, http.StatusOK, `[{"id":"evil"}]`)
	}
	evilOrg, evilOrgTLS := newTestServer(t), newTestServerTLS(t)
	evilOrg.mux.HandleFunc("/", evilAnswer)
	evilOrgTLS.mux.HandleFunc("/", evilAnswer)
	evil, evilTLS := evilOrg.server, evilOrgTLS.server

	withPort := func(prefix string) func(string) string {
		return func(org string) string {
			_, port, _ := splitHostPort(org)
			return prefix + port + "/api/v1/api-tokens?after=x"
		}
	}
	links := map[string]func(org string) string{
		"another port":    func(string) string { return evil.URL + "/api/v1/api-tokens?after=x" },
		"another host":    withPort("http://localhost:"),
		"another scheme":  withPort("https://127.0.0.1:"),
		"https elsewhere": func(string) string { return evilTLS.URL + "/api/v1/api-tokens?after=x" },
		"scheme-relative": func(string) string { return "//" + evil.Listener.Addr().String() + "/api/v1/api-tokens?after=x" },
	}
	for name, link := range links {
		t.Run(name, func(t *testing.T) {
			f := setup(t)
			f.mux.HandleFunc("/api-tokens", func(w http.ResponseWriter, r *http.Request) {
				if r.URL.Query().Get("after") != "" {
					t.Errorf("the org got the cross-origin link's request: %s", r.RequestURI)
				}
				w.Header().Set("Link", "<"+link(f.server.URL)+`>; rel="next"`)
				writeJSON(w, http.StatusOK, `[{"id":"a"}]`)
			})
			got, errs := collect(t, f.client.ApiTokenAPI.ListApiTokensAll(context.Background(), okta.ListApiTokensRequest{}))
			assert.Equal(t, []string{"a"}, got, "the org's own page is yielded first")
			require.Len(t, errs, 1)
			requireError(t, errs[0])
			assert.ErrorIs(t, errs[0], okta.ErrCrossOriginLink)
			assert.False(t, errors.Is(errs[0], okta.ErrInvalidRequest))
			assert.Contains(t, errs[0].Error(), "listApiTokens")
			assert.EqualValues(t, 1, f.calls.Load())
		})
	}
	mu.Lock()
	defer mu.Unlock()
	assert.Zero(t, evilCalls, "the other origin receives no request")
}

func splitHostPort(u string) (string, string, error) {
	pu, err := url.Parse(u)
	if err != nil {
		return "", "", err
	}
	return pu.Hostname(), pu.Port(), nil
}

// An error on a later page is yielded after the earlier pages' items, once.
func TestListApiTokensAllErrorOnSecondPage(t *testing.T) {
	t.Parallel()
	f := setup(t)
	f.mux.HandleFunc("/api-tokens", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("after") == "" {
			w.Header().Set("Link", `</api/v1/api-tokens?after=p2>; rel="next"`)
			writeJSON(w, http.StatusOK, `[{"id":"a"}]`)
			return
		}
		writeJSON(w, http.StatusForbidden, `{"errorCode":"E0000006","errorSummary":"You do not have permission"}`)
	})
	got, errs := collect(t, f.client.ApiTokenAPI.ListApiTokensAll(context.Background(), okta.ListApiTokensRequest{}))
	assert.Equal(t, []string{"a"}, got)
	require.Len(t, errs, 1)
	oe := requireOktaError(t, errs[0])
	assert.ErrorIs(t, errs[0], okta.ErrForbidden)
	assert.Equal(t, "E0000006", oe.ErrorCode)
	assert.Contains(t, oe.Error(), "GET /api/v1/api-tokens")
	assert.NotContains(t, oe.Error(), "p2", "the next link's query is not shown")
}

// Each range over an ...All sequence walks from the first page: ranging it
// again yields every item again (it used to resume after the last page and
// yield nothing), and two goroutines ranging one sequence at once each get
// the whole list (run with -race).
func TestListAllEachRangeIsAFreshWalk(t *testing.T) {
	t.Parallel()
	f := setup(t)
	p := &pager{}
	ids := []string{"a", "b", "c", "d", "e"}
	f.mux.HandleFunc("/api-tokens", p.handler(t, f, ids, func(after string) string {
		return `</api/v1/api-tokens?after=` + after + `>; rel="next"`
	}))
	seq := f.client.ApiTokenAPI.ListApiTokensAll(context.Background(), okta.ListApiTokensRequest{Limit: 2})
	for i := range 2 {
		got, errs := collect(t, seq)
		assert.Empty(t, errs)
		assert.Equal(t, ids, got, "range %d", i+1)
	}
	assert.Len(t, p.seen(), 6, "three pages per range")

	var wg sync.WaitGroup
	results := make([][]string, 4)
	for i := range results {
		wg.Go(func() {
			got, errs := collect(t, seq)
			assert.Empty(t, errs)
			results[i] = got
		})
	}
	wg.Wait()
	for i, got := range results {
		assert.Equal(t, ids, got, "goroutine %d", i)
	}
}

// A next link back to a page of the same walk ends the walk cleanly: the
// first page's own URL is a page walked (A→A, A→B→A, and "<>", which names
// the page it is on). No item is yielded twice and no error is yielded.
func TestListAllNextLinkBackToAWalkedPage(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name  string
		links map[string]string // after cursor ("" on the first page) -> its Link header
		want  []string
		calls int32
	}{
		{"A→A", map[string]string{"": `</api/v1/api-tokens?limit=1>; rel="next"`}, []string{"first"}, 1},
		{"A→A, parameters reordered", map[string]string{"": `</api/v1/api-tokens?q=x&limit=1&after=>; rel="next"`}, []string{"first"}, 1},
		{"A→A, absolute", map[string]string{"": `<{org}/api/v1/api-tokens?limit=1>; rel="self next"`}, []string{"first"}, 1},
		{"<>", map[string]string{"": `<>; rel="next"`}, []string{"first"}, 1},
		{"A→B→A", map[string]string{
			"":  `</api/v1/api-tokens?after=b&limit=1>; rel="next"`,
			"b": `</api/v1/api-tokens?limit=1>; rel="next"`,
		}, []string{"first", "b"}, 2},
		{"A→B→B via <>", map[string]string{
			"":  `</api/v1/api-tokens?after=b&limit=1>; rel="next"`,
			"b": `<>; rel="next"`,
		}, []string{"first", "b"}, 2},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := setup(t)
			f.mux.HandleFunc("/api-tokens", func(w http.ResponseWriter, r *http.Request) {
				after := r.URL.Query().Get("after")
				w.Header().Set("Link", strings.ReplaceAll(tt.links[after], "{org}", f.server.URL))
				id := after
				if id == "" {
					id = "first"
				}
				writeJSON(w, http.StatusOK, `[{"id":"`+id+`"}]`)
			})
			req := okta.ListApiTokensRequest{Limit: 1}
			if strings.Contains(tt.name, "reordered") {
				req.Q = "x"
			}
			got, errs := collect(t, f.client.ApiTokenAPI.ListApiTokensAll(context.Background(), req))
			assert.Empty(t, errs)
			assert.Equal(t, tt.want, got, "no item twice")
			assert.Equal(t, tt.calls, f.calls.Load())
		})
	}
}

// A Link header that may name a next page but cannot be read is an error
// after the page's items, not the end of a complete list: the walk would
// otherwise stop silently halfway. The error does not quote the link.
func TestListAllUnreadableNextLink(t *testing.T) {
	t.Parallel()
	for name, link := range map[string]string{
		"target not a URL": `</api/v1/api-tokens?after=%zz%>; rel="next"`,
		"bad host":         `<http://[::1/api/v1/api-tokens?after=b>; rel="next"`,
		"malformed":        `</api/v1/api-tokens?after=b>; rel="next" junk`,
		"unterminated":     `</api/v1/api-tokens?after=b; rel="next"`,
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			f := setup(t)
			f.mux.HandleFunc("/api-tokens", func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Link", link)
				writeJSON(w, http.StatusOK, `[{"id":"a"}]`)
			})
			got, errs := collect(t, f.client.ApiTokenAPI.ListApiTokensAll(context.Background(), okta.ListApiTokensRequest{}))
			assert.Equal(t, []string{"a"}, got)
			require.Len(t, errs, 1)
			requireError(t, errs[0])
			assert.Contains(t, errs[0].Error(), "listApiTokens")
			assert.Contains(t, errs[0].Error(), "next-page link cannot be read")
			assert.NotContains(t, errs[0].Error(), "after=b")
			assert.EqualValues(t, 1, f.calls.Load())
		})
	}
}
