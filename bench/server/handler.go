package main

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

const (
	appsPath   = "/api/v1/apps"
	tokensPath = "/api/v1/api-tokens"
)

// config is what a server serves.
type config struct {
	Seed              uint64
	Apps              int // number of applications
	Tokens            int // number of API tokens
	AppDefaultLimit   int // page size when a list of apps names no limit
	TokenDefaultLimit int // page size when a list of tokens names no limit
	MaxLimit          int // largest page (Okta: 200)

	// RateWindow is the length of a rate-limit window; windows start on
	// multiples of it since the epoch, and every response's
	// X-Rate-Limit-Reset is the end of the window it was served in.
	RateWindow time.Duration
	// RateLimit is X-Rate-Limit-Limit: requests allowed per window. Only
	// the 429 mode limits requests; this is what the headers count down from.
	RateLimit int
}

// server is the Okta-shaped HTTP handler. Everything it serves is rendered
// before the first request.
type server struct {
	cfg    config
	base   string
	apps   *collection
	tokens *collection

	reqIDPrefix string
	seq         atomic.Uint64
	stats       stats
	limiter     limiter
	window      window
}

// window counts the requests of the current rate-limit window.
type window struct {
	end atomic.Int64 // unix nanoseconds
	n   atomic.Int64
}

// count adds a request served at now and returns the window's end and the
// requests left in it. Counts are approximate when windows turn over under
// concurrent requests, which only the headers see.
func (w *window) count(now time.Time, length time.Duration, limit int) (end time.Time, remaining int) {
	end = now.Truncate(length).Add(length)
	if e := end.UnixNano(); w.end.Load() != e {
		w.end.Store(e)
		w.n.Store(0)
	}
	return end, max(limit-int(w.n.Add(1)), 1)
}

// stats counts the API requests served (control requests excluded).
type stats struct {
	Requests    atomic.Int64
	AppGets     atomic.Int64
	AppLists    atomic.Int64
	TokenGets   atomic.Int64
	TokenLists  atomic.Int64
	RateLimited atomic.Int64
}

// statsReport is the JSON shape of GET /__bench/stats.
type statsReport struct {
	Requests    int64 `json:"requests"`
	AppGets     int64 `json:"appGets"`
	AppLists    int64 `json:"appLists"`
	TokenGets   int64 `json:"tokenGets"`
	TokenLists  int64 `json:"tokenLists"`
	RateLimited int64 `json:"rateLimited"`
}

// newServer renders every document for base (the URL clients reach the
// server at, used in _links and Link headers).
func newServer(cfg config, base string) (*server, error) {
	s := &server{cfg: cfg, base: base}
	var err error
	s.apps, err = newCollection(cfg.Apps, func(i int) (string, []byte) { return genApp(cfg.Seed, base, i) })
	if err != nil {
		return nil, err
	}
	s.tokens, err = newCollection(cfg.Tokens, func(i int) (string, []byte) { return genToken(cfg.Seed, base, i) })
	if err != nil {
		return nil, err
	}
	s.reqIDPrefix = randomString(rng(cfg.Seed, 3, 0), 19)
	return s, nil
}

// Headers Okta sends on every API response; values are shared, never mutated.
var staticHeaders = map[string][]string{
	"Content-Type":              {"application/json"},
	"Cache-Control":             {"no-cache, no-store"},
	"Pragma":                    {"no-cache"},
	"Expires":                   {"0"},
	"Vary":                      {"Accept-Encoding"},
	"Strict-Transport-Security": {"max-age=315360000; includeSubDomains"},
	"X-Content-Type-Options":    {"nosniff"},
	"X-Xss-Protection":          {"0"},
	"P3p":                       {`CP="HONK"`},
	"Server":                    {"nginx"},
}

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p := r.URL.Path
	if strings.HasPrefix(p, "/__bench/") {
		s.control(w, r)
		return
	}
	now := time.Now()
	s.stats.Requests.Add(1)
	h := w.Header()
	for k, v := range staticHeaders {
		h[k] = v
	}
	h["X-Okta-Request-Id"] = []string{s.requestID()}
	h["X-Rate-Limit-Limit"] = []string{strconv.Itoa(s.cfg.RateLimit)}

	if limited, reset := s.limiter.check(now); limited {
		s.stats.RateLimited.Add(1)
		h["X-Rate-Limit-Remaining"] = []string{"0"}
		h["X-Rate-Limit-Reset"] = []string{strconv.FormatInt(reset.Unix(), 10)}
		h["Date"] = []string{now.UTC().Format(http.TimeFormat)}
		s.writeError(w, http.StatusTooManyRequests, "E0000047",
			"API call exceeded rate limit due to too many requests.")
		return
	}
	end, remaining := s.window.count(now, s.cfg.RateWindow, s.cfg.RateLimit)
	h["X-Rate-Limit-Remaining"] = []string{strconv.Itoa(remaining)}
	h["X-Rate-Limit-Reset"] = []string{strconv.FormatInt(end.Unix(), 10)}

	if !strings.HasPrefix(r.Header.Get("Authorization"), "SSWS ") {
		s.writeError(w, http.StatusUnauthorized, "E0000011", "Invalid token provided")
		return
	}
	if r.Method != http.MethodGet {
		s.writeError(w, http.StatusMethodNotAllowed, "E0000022",
			"The endpoint does not support the provided HTTP method")
		return
	}
	switch {
	case p == appsPath:
		s.stats.AppLists.Add(1)
		s.list(w, r, s.apps, appsPath, s.cfg.AppDefaultLimit)
	case strings.HasPrefix(p, appsPath+"/"):
		s.stats.AppGets.Add(1)
		s.get(w, s.apps, p[len(appsPath)+1:])
	case p == tokensPath:
		s.stats.TokenLists.Add(1)
		s.list(w, r, s.tokens, tokensPath, s.cfg.TokenDefaultLimit)
	case strings.HasPrefix(p, tokensPath+"/"):
		s.stats.TokenGets.Add(1)
		s.get(w, s.tokens, p[len(tokensPath)+1:])
	default:
		s.writeError(w, http.StatusNotFound, "E0000007", "Not found: Resource not found: "+p+" (Path)")
	}
}

// requestID returns a unique X-Okta-Request-Id.
func (s *server) requestID() string {
	n := s.seq.Add(1)
	var b [27]byte
	copy(b[:], s.reqIDPrefix)
	for i := len(b) - 1; i >= len(s.reqIDPrefix); i-- {
		b[i] = base62[n%62]
		n /= 62
	}
	return string(b[:])
}

// get serves one document by id.
func (s *server) get(w http.ResponseWriter, c *collection, id string) {
	i, ok := c.index[id]
	if !ok {
		s.writeError(w, http.StatusNotFound, "E0000007", "Not found: Resource not found: "+id+" (AppInstance)")
		return
	}
	body := c.doc(i)
	w.Header()["Content-Length"] = []string{strconv.Itoa(len(body))}
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(body)
}

var (
	openBracket  = []byte{'['}
	closeBracket = []byte{']'}
)

// list serves one page of c, with Okta's Link headers: self, and next when
// more documents follow. The cursor is the id of the page's last document.
func (s *server) list(w http.ResponseWriter, r *http.Request, c *collection, path string, defLimit int) {
	q := r.URL.Query()
	limit := defLimit
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			s.writeError(w, http.StatusBadRequest, "E0000001", "Api validation failed: limit")
			return
		}
		limit = n
	}
	limit = min(limit, s.cfg.MaxLimit)
	from := 0
	after := q.Get("after")
	if after != "" {
		i, ok := c.index[after]
		if !ok {
			s.writeError(w, http.StatusBadRequest, "E0000001", "Api validation failed: after")
			return
		}
		from = i + 1
	}
	to := min(from+limit, c.len())

	ls := strconv.Itoa(limit)
	self := "<" + s.base + path + "?limit=" + ls
	if after != "" {
		self += "&after=" + after
	}
	links := []string{self + `>; rel="self"`}
	if to < c.len() && to > from {
		links = append(links, "<"+s.base+path+"?after="+c.ids[to-1]+"&limit="+ls+`>; rel="next"`)
	}
	h := w.Header()
	h["Link"] = links
	span := c.span(from, to)
	h["Content-Length"] = []string{strconv.Itoa(len(span) + 2)}
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(openBracket)
	_, _ = w.Write(span)
	_, _ = w.Write(closeBracket)
}

// oktaError is Okta's error body.
type oktaError struct {
	ErrorCode    string   `json:"errorCode"`
	ErrorSummary string   `json:"errorSummary"`
	ErrorLink    string   `json:"errorLink"`
	ErrorID      string   `json:"errorId"`
	ErrorCauses  []string `json:"errorCauses"`
}

func (s *server) writeError(w http.ResponseWriter, status int, code, summary string) {
	body, _ := json.Marshal(oktaError{
		ErrorCode:    code,
		ErrorSummary: summary,
		ErrorLink:    code,
		ErrorID:      "oae" + s.requestID()[8:],
		ErrorCauses:  []string{},
	})
	w.Header()["Content-Length"] = []string{strconv.Itoa(len(body))}
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

// limiter is the 429 mode: once armed, the next API request finds its
// window spent until the first whole second (X-Rate-Limit-Reset has whole
// seconds) at least the armed delay ahead, and every request before that
// instant is answered 429, as Okta does. With the default one-second
// windows that instant is the end of a window, so the 429 agrees with the
// X-Rate-Limit-Reset of the responses before it.
type limiter struct {
	active atomic.Bool // fast path: nothing armed and no window open

	mu     sync.Mutex
	armed  int
	delay  time.Duration
	until  time.Time // end of the open window, the reset instant
	last   time.Time // reset instant of the latest window
	served int64     // 429s answered
}

// arm makes the next count API requests each open a window.
func (l *limiter) arm(count int, delay time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.armed = count
	l.delay = delay
	l.active.Store(true)
}

// check reports whether a request arriving at now is rate limited, and the
// reset instant if so.
func (l *limiter) check(now time.Time) (bool, time.Time) {
	if !l.active.Load() {
		return false, time.Time{}
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if now.Before(l.until) {
		l.served++
		return true, l.until
	}
	if l.armed > 0 {
		l.armed--
		t := now.Add(l.delay)
		reset := t.Truncate(time.Second)
		if reset.Before(t) {
			reset = reset.Add(time.Second)
		}
		l.until, l.last = reset, reset
		l.served++
		return true, reset
	}
	l.active.Store(false)
	return false, time.Time{}
}

// last429 is the JSON shape of GET /__bench/last429.
type last429 struct {
	// ResetUnixNano is the reset instant of the latest 429 window: the
	// first instant at which the server answers again.
	ResetUnixNano int64 `json:"resetUnixNano"`
	// Served counts the 429 responses since start (or the last reset).
	Served int64 `json:"served"`
}

// control serves the /__bench/ endpoints the harness drives the server with.
func (s *server) control(w http.ResponseWriter, r *http.Request) {
	var out any
	switch r.Method + " " + r.URL.Path {
	case "POST /__bench/arm429":
		ms, err := strconv.Atoi(r.URL.Query().Get("resetMs"))
		if err != nil || ms < 0 {
			http.Error(w, "resetMs: want milliseconds", http.StatusBadRequest)
			return
		}
		count := 1
		if v := r.URL.Query().Get("count"); v != "" {
			if count, err = strconv.Atoi(v); err != nil || count < 1 {
				http.Error(w, "count: want a positive integer", http.StatusBadRequest)
				return
			}
		}
		s.limiter.arm(count, time.Duration(ms)*time.Millisecond)
		w.WriteHeader(http.StatusNoContent)
		return
	case "GET /__bench/last429":
		s.limiter.mu.Lock()
		out = last429{ResetUnixNano: s.limiter.last.UnixNano(), Served: s.limiter.served}
		if s.limiter.last.IsZero() {
			out = last429{Served: s.limiter.served}
		}
		s.limiter.mu.Unlock()
	case "GET /__bench/stats":
		out = statsReport{
			Requests:    s.stats.Requests.Load(),
			AppGets:     s.stats.AppGets.Load(),
			AppLists:    s.stats.AppLists.Load(),
			TokenGets:   s.stats.TokenGets.Load(),
			TokenLists:  s.stats.TokenLists.Load(),
			RateLimited: s.stats.RateLimited.Load(),
		}
	case "POST /__bench/reset":
		for _, c := range []*atomic.Int64{&s.stats.Requests, &s.stats.AppGets, &s.stats.AppLists,
			&s.stats.TokenGets, &s.stats.TokenLists, &s.stats.RateLimited} {
			c.Store(0)
		}
		s.limiter.mu.Lock()
		s.limiter.armed, s.limiter.served = 0, 0
		s.limiter.until, s.limiter.last = time.Time{}, time.Time{}
		s.limiter.active.Store(false)
		s.limiter.mu.Unlock()
		w.WriteHeader(http.StatusNoContent)
		return
	default:
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(out)
}
