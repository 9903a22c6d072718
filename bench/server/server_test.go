package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"testing"
	"time"
)

// start serves a small org in-process.
func start(t *testing.T, apps, tokens int) (*server, *httptest.Server) {
	t.Helper()
	var s *server
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { s.ServeHTTP(w, r) }))
	t.Cleanup(ts.Close)
	var err error
	s, err = newServer(config{Seed: 1, Apps: apps, Tokens: tokens, AppDefaultLimit: 200,
		TokenDefaultLimit: 20, MaxLimit: 200, RateWindow: time.Second, RateLimit: 1000}, ts.URL)
	if err != nil {
		t.Fatal(err)
	}
	return s, ts
}

func get(t *testing.T, url string) *http.Response {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, url, nil)
	req.Header.Set("Authorization", "SSWS test")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	return resp
}

var (
	selfRE = regexp.MustCompile(`rel="self"$`)
	nextRE = regexp.MustCompile(`^<([^>]+)>; rel="next"$`)
)

// walk follows rel="next" from url and returns the ids seen and the pages.
func walk(t *testing.T, url string) (ids []string, pages int) {
	t.Helper()
	for url != "" {
		resp := get(t, url)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("GET %s: %s", url, resp.Status)
		}
		var page []struct {
			ID string `json:"id"`
		}
		if err := json.NewDecoder(resp.Body).Decode(&page); err != nil {
			t.Fatal(err)
		}
		for _, p := range page {
			ids = append(ids, p.ID)
		}
		pages++
		links := resp.Header.Values("Link")
		if len(links) == 0 || !selfRE.MatchString(links[0]) {
			t.Fatalf("want a self link first, got %q", links)
		}
		url = ""
		for _, l := range links[1:] {
			if sm := nextRE.FindStringSubmatch(l); sm != nil {
				url = sm[1]
			}
		}
	}
	return ids, pages
}

func TestListPagesFollowLinks(t *testing.T) {
	s, ts := start(t, 450, 45)
	ids, pages := walk(t, ts.URL+"/api/v1/apps?limit=200")
	if len(ids) != 450 || pages != 3 {
		t.Fatalf("got %d apps in %d pages, want 450 in 3", len(ids), pages)
	}
	for i, id := range ids {
		if id != s.apps.ids[i] {
			t.Fatalf("app %d: got %s want %s", i, id, s.apps.ids[i])
		}
	}
	ids, pages = walk(t, ts.URL+"/api/v1/api-tokens")
	if len(ids) != 45 || pages != 3 {
		t.Fatalf("got %d tokens in %d pages, want 45 in 3 (default limit 20)", len(ids), pages)
	}
	// 450 apps: a limit above 200 uncapped would fit them on one page.
	if ids, pages = walk(t, ts.URL+"/api/v1/apps?limit=1000"); len(ids) != 450 || pages != 3 {
		t.Fatalf("limit above 200 should be capped, not rejected: %d apps in %d pages, want 450 in 3", len(ids), pages)
	}
}

func TestDocumentsAreOktaShaped(t *testing.T) {
	s, _ := start(t, 300, 10)
	sizes := map[string][]int{}
	for i := range s.apps.len() {
		var app map[string]any
		if err := json.Unmarshal(s.apps.doc(i), &app); err != nil {
			t.Fatalf("app %d: %v", i, err)
		}
		mode, _ := app["signOnMode"].(string)
		sizes[mode] = append(sizes[mode], len(s.apps.doc(i)))
		if app["id"] != s.apps.ids[i] {
			t.Fatalf("app %d: id %v, want %s", i, app["id"], s.apps.ids[i])
		}
	}
	want := map[string][2]int{"OPENID_CONNECT": {2500, 3600}, "SAML_2_0": {3500, 5000}, "BOOKMARK": {1600, 2500}}
	for mode, r := range want {
		if len(sizes[mode]) == 0 {
			t.Fatalf("no %s apps", mode)
		}
		for _, n := range sizes[mode] {
			if n < r[0] || n > r[1] {
				t.Errorf("%s app of %d bytes, want %d..%d", mode, n, r[0], r[1])
			}
		}
	}
	var all []json.RawMessage
	if err := json.Unmarshal(append(append([]byte{'['}, s.tokens.span(0, 10)...), ']'), &all); err != nil || len(all) != 10 {
		t.Fatalf("tokens span: %v (%d)", err, len(all))
	}
}

func TestDeterministic(t *testing.T) {
	_, a := genApp(7, "http://x", 123)
	_, b := genApp(7, "http://x", 123)
	_, c := genApp(8, "http://x", 123)
	if string(a) != string(b) || string(a) == string(c) {
		t.Fatal("generation must depend on (seed, index) only")
	}
}

func TestHeadersAndErrors(t *testing.T) {
	s, ts := start(t, 5, 5)
	resp := get(t, ts.URL+"/api/v1/apps/"+s.apps.ids[2])
	if resp.StatusCode != 200 {
		t.Fatal(resp.Status)
	}
	for _, h := range []string{"X-Rate-Limit-Limit", "X-Rate-Limit-Remaining", "X-Rate-Limit-Reset",
		"X-Okta-Request-Id", "Date", "Content-Type"} {
		if resp.Header.Get(h) == "" {
			t.Errorf("missing %s", h)
		}
	}
	reset, _ := strconv.ParseInt(resp.Header.Get("X-Rate-Limit-Reset"), 10, 64)
	if d := time.Until(time.Unix(reset, 0)); d <= 0 || d > time.Second {
		t.Errorf("X-Rate-Limit-Reset %v ahead, want the end of the one-second window", d)
	}
	if rem, _ := strconv.Atoi(resp.Header.Get("X-Rate-Limit-Remaining")); rem < 900 {
		t.Errorf("X-Rate-Limit-Remaining %d", rem)
	}
	if id2 := get(t, ts.URL+"/api/v1/apps/"+s.apps.ids[2]).Header.Get("X-Okta-Request-Id"); id2 == resp.Header.Get("X-Okta-Request-Id") {
		t.Error("request ids repeat")
	}
	if r := get(t, ts.URL+"/api/v1/apps/0oanope"); r.StatusCode != 404 {
		t.Errorf("unknown app: %s", r.Status)
	}
	if r := get(t, ts.URL+"/api/v1/api-tokens/"+s.tokens.ids[0]); r.StatusCode != 200 {
		t.Errorf("token: %s", r.Status)
	}
	r, err := http.Get(ts.URL + "/api/v1/apps")
	if err != nil {
		t.Fatal(err)
	}
	r.Body.Close()
	if r.StatusCode != 401 {
		t.Errorf("no credentials: %s", r.Status)
	}
}

func TestRateLimitWindow(t *testing.T) {
	s, ts := start(t, 5, 5)
	resp, err := http.Post(ts.URL+"/__bench/arm429?resetMs=300", "", nil)
	if err != nil || resp.StatusCode != http.StatusNoContent {
		t.Fatal(err, resp.Status)
	}
	resp.Body.Close()
	url := ts.URL + "/api/v1/apps/" + s.apps.ids[0]
	before := time.Now()
	r := get(t, url)
	if r.StatusCode != http.StatusTooManyRequests {
		t.Fatalf("armed request: %s", r.Status)
	}
	var e oktaError
	if err := json.NewDecoder(r.Body).Decode(&e); err != nil || e.ErrorCode != "E0000047" {
		t.Fatalf("429 body: %+v %v", e, err)
	}
	reset, _ := strconv.ParseInt(r.Header.Get("X-Rate-Limit-Reset"), 10, 64)
	resetAt := time.Unix(reset, 0)
	if d := resetAt.Sub(before); d < 300*time.Millisecond || d > 1400*time.Millisecond {
		t.Fatalf("reset %v ahead, want the first whole second at least 300ms ahead", d)
	}
	if r.Header.Get("X-Rate-Limit-Remaining") != "0" || r.Header.Get("Date") == "" {
		t.Fatal("429 needs Remaining 0 and a Date")
	}
	var last last429
	lr, _ := http.Get(ts.URL + "/__bench/last429")
	_ = json.NewDecoder(lr.Body).Decode(&last)
	lr.Body.Close()
	if last.ResetUnixNano != resetAt.UnixNano() || last.Served != 1 {
		t.Fatalf("last429 = %+v, want reset %d served 1", last, resetAt.UnixNano())
	}
	if time.Now().Before(resetAt) {
		if r := get(t, url); r.StatusCode != http.StatusTooManyRequests {
			t.Fatalf("before the reset: %s", r.Status)
		}
	}
	time.Sleep(time.Until(resetAt))
	if r := get(t, url); r.StatusCode != http.StatusOK {
		t.Fatalf("after the reset: %s", r.Status)
	}
}
