package okta_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gatekit/okta"
)

func TestParseLinks(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		values []string
		want   []okta.Link
	}{
		{"none", nil, nil},
		{"empty line", []string{""}, nil},
		{"several header lines", []string{
			`<https://x.okta.com/api/v1/apps?limit=2>; rel="self"`,
			`<https://x.okta.com/api/v1/apps?after=a2&limit=2>; rel="next"`,
		}, []okta.Link{
			{URL: "https://x.okta.com/api/v1/apps?limit=2", Rels: []string{"self"}, Params: map[string]string{"rel": "self"}},
			{URL: "https://x.okta.com/api/v1/apps?after=a2&limit=2", Rels: []string{"next"}, Params: map[string]string{"rel": "next"}},
		}},
		{"one comma-joined line", []string{
			`<https://x.okta.com/a?limit=2>; rel="self", <https://x.okta.com/a?after=b,c&limit=2>; rel="next"`,
		}, []okta.Link{
			{URL: "https://x.okta.com/a?limit=2", Rels: []string{"self"}, Params: map[string]string{"rel": "self"}},
			{URL: "https://x.okta.com/a?after=b,c&limit=2", Rels: []string{"next"}, Params: map[string]string{"rel": "next"}},
		}},
		{"rel list", []string{`</p2>; rel="next last"`}, []okta.Link{
			{URL: "/p2", Rels: []string{"next", "last"}, Params: map[string]string{"rel": "next last"}},
		}},
		{"unquoted rel", []string{`</p2>;rel=next`}, []okta.Link{
			{URL: "/p2", Rels: []string{"next"}, Params: map[string]string{"rel": "next"}},
		}},
		{"quoted params with commas, semicolons and escapes", []string{
			`</a>; title="a, b; c"; rel="next"; note="say \"hi\"", </b>; rel=prev`,
		}, []okta.Link{
			{URL: "/a", Rels: []string{"next"}, Params: map[string]string{"title": "a, b; c", "rel": "next", "note": `say "hi"`}},
			{URL: "/b", Rels: []string{"prev"}, Params: map[string]string{"rel": "prev"}},
		}},
		{"case-insensitive rel and names", []string{`</a>; REL="NeXt"; Type=text/html`}, []okta.Link{
			{URL: "/a", Rels: []string{"next"}, Params: map[string]string{"rel": "NeXt", "type": "text/html"}},
		}},
		{"first rel counts", []string{`</a>; rel="next"; rel="prev"`}, []okta.Link{
			{URL: "/a", Rels: []string{"next"}, Params: map[string]string{"rel": "next"}},
		}},
		{"white space everywhere", []string{"  <https://x/a>\t ;\t rel = \"next\" ,  "}, []okta.Link{
			{URL: "https://x/a", Rels: []string{"next"}, Params: map[string]string{"rel": "next"}},
		}},
		{"parameter without value", []string{`</a>; crossorigin; rel=next`}, []okta.Link{
			{URL: "/a", Rels: []string{"next"}, Params: map[string]string{"crossorigin": "", "rel": "next"}},
		}},
		{"junk between links skipped", []string{
			`garbage, </a>; rel="self", also "junk, with, commas", </b>; rel="next", <unterminated`,
		}, []okta.Link{
			{URL: "/a", Rels: []string{"self"}, Params: map[string]string{"rel": "self"}},
			{URL: "/b", Rels: []string{"next"}, Params: map[string]string{"rel": "next"}},
		}},
		{"malformed parameter skips only its link", []string{`</a>; rel="next" junk, </b>; rel=last`}, []okta.Link{
			{URL: "/b", Rels: []string{"last"}, Params: map[string]string{"rel": "last"}},
		}},
		{"unterminated quote", []string{`</a>; rel="next`}, nil},
		{"link without rel", []string{`</a>`}, []okta.Link{
			{URL: "/a", Params: map[string]string{}},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var got []okta.Link
			require.NotPanics(t, func() { got = okta.ParseLinks(tt.values) })
			assert.Equal(t, tt.want, got)
		})
	}
}

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

func collect(t *testing.T, seq func(func(*okta.ApiToken, error) bool)) (ids []string, errs []error) {
	t.Helper()
	for tok, err := range seq {
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
	hc := &http.Client{Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
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
		if tok.ID == "c" {
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
	evil := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		evilCalls++
		mu.Unlock()
		writeJSON(w, http.StatusOK, `[{"id":"evil"}]`)
	}))
	t.Cleanup(evil.Close)
	evilTLS := httptest.NewTLSServer(evil.Config.Handler)
	t.Cleanup(evilTLS.Close)

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
