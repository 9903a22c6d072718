package oktatest

import (
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
)

// state is the org's data. Every field is guarded by Server.mu.
type state struct {
	seq     int64            // last sequence number handed out
	cursors map[string]int64 // every id ever issued → its sequence number

	apps     map[string]*app
	appOrder []*app // by seq
	appNames map[string]int

	users  map[string]*user
	groups map[string]*group

	apiTokens      map[string]*apiToken
	apiTokenOrder  []*apiToken
	tokensBySecret map[string]*apiToken

	logos map[string]logo
}

func (st *state) init() {
	st.cursors = map[string]int64{}
	st.apps = map[string]*app{}
	st.appNames = map[string]int{}
	st.users = map[string]*user{}
	st.groups = map[string]*group{}
	st.apiTokens = map[string]*apiToken{}
	st.tokensBySecret = map[string]*apiToken{}
	st.logos = map[string]logo{}
}

// register gives id the next sequence number: lists are kept in that
// order, and an id used as an "after" cursor finds its place by it even
// once the item is gone.
func (st *state) register(id string) int64 {
	st.seq++
	st.cursors[id] = st.seq
	return st.seq
}

type user struct {
	id                     string
	login, firstName, last string
	created                time.Time
}

type group struct {
	id      string
	name    string
	created time.Time
}

// without returns s with its first element equal to x left out. It never
// writes to the array of s, so slices of it already handed out stay as they
// were.
func without[T comparable](s []T, x T) []T {
	if i := slices.Index(s, x); i >= 0 {
		return append(s[:i:i], s[i+1:]...)
	}
	return s
}

// AddUser adds a user with the given login (such as "ada@example.com") to
// the org and returns its id. Only users known to the org can be assigned to
// apps; the login is the default user name of their assignments.
func (s *Server) AddUser(login string) string {
	first, _, _ := strings.Cut(login, "@")
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.addUser(login, first, "Test").id
}

func (s *Server) addUser(login, first, last string) *user {
	u := &user{id: s.newID(prefixUser), login: login, firstName: first, last: last, created: s.now()}
	s.users[u.id] = u
	return u
}

// AddGroup adds a group with the given name to the org and returns its id.
func (s *Server) AddGroup(name string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	g := &group{id: s.newID(prefixGroup), name: name, created: s.now()}
	s.groups[g.id] = g
	return g.id
}

// pageSpec is the paging a list request asks for.
type pageSpec struct {
	after string
	limit int
}

// listLimits are a list's default and maximum page sizes.
type listLimits struct{ def, max int }

var (
	appLimits      = listLimits{20, 200}
	appUserLimits  = listLimits{50, 500}
	appGroupLimits = listLimits{20, 200}
	tokenLimits    = listLimits{20, 200}
)

// parsePage reads "after" and "limit". A limit that is absent, zero or
// negative (the spec's -1) means the default; one above the maximum is
// clamped to it, as Okta does.
func parsePage(r *http.Request, l listLimits) (pageSpec, *apiError) {
	q := r.URL.Query()
	p := pageSpec{after: q.Get("after"), limit: l.def}
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			return p, invalid("limit", "'"+v+"' is not a valid integer.")
		}
		if n > 0 {
			p.limit = min(n, l.max)
		}
	}
	return p, nil
}

// filtered returns the items keep accepts, in order. A nil keep accepts
// every item and returns items itself, so that an unfiltered list is paged
// without copying it first.
func filtered[T any](items []T, keep func(T) bool) []T {
	if keep == nil {
		return items
	}
	var out []T
	for _, x := range items {
		if keep(x) {
			out = append(out, x)
		}
	}
	return out
}

// page cuts one page out of items (in sequence order) and sets the Link
// headers for it. idOf gives an item's cursor and resolve the sequence
// number a cursor stands for; an unknown cursor yields an empty page.
func page[T any](s *Server, w http.ResponseWriter, r *http.Request, items []T, seqOf func(T) int64, idOf func(T) string, resolve func(string) (int64, bool), p pageSpec) []T {
	start := 0
	if p.after != "" {
		c, ok := resolve(p.after)
		if !ok {
			start = len(items)
		} else {
			start = sort.Search(len(items), func(i int) bool { return seqOf(items[i]) > c })
		}
	}
	end := min(start+p.limit, len(items))
	out := items[start:end]
	next := ""
	if end < len(items) && len(out) > 0 {
		next = idOf(out[len(out)-1])
	}
	s.setLinks(w, r, next, p.limit)
	return out
}

// setLinks writes the self and next Link headers, each as its own header
// line, with absolute URLs on the server's origin.
func (s *Server) setLinks(w http.ResponseWriter, r *http.Request, next string, limit int) {
	// Built from the parsed, re-encoded query: a raw one could close the
	// <...> and add links of its own.
	q := r.URL.Query()
	self := s.URL + r.URL.EscapedPath()
	if len(q) > 0 {
		self += "?" + q.Encode()
	}
	w.Header().Add("Link", "<"+self+`>; rel="self"`)
	if next == "" {
		return
	}
	q.Set("after", next)
	q.Set("limit", strconv.Itoa(limit))
	w.Header().Add("Link", "<"+s.URL+r.URL.EscapedPath()+"?"+q.Encode()+`>; rel="next"`)
}

// href builds an absolute URL on the server's origin from path segments,
// escaping each.
func (s *Server) href(segments ...string) string {
	var b strings.Builder
	b.WriteString(s.URL)
	for _, seg := range segments {
		b.WriteByte('/')
		b.WriteString(url.PathEscape(seg))
	}
	return b.String()
}

// link is a HAL link object with optional method hints.
func link(href string, allow ...string) map[string]any {
	l := map[string]any{"href": href}
	if len(allow) > 0 {
		l["hints"] = map[string]any{"allow": allow}
	}
	return l
}

// globalCursor resolves a cursor that is an id unique in the org.
func (s *Server) globalCursor(id string) (int64, bool) {
	seq, ok := s.cursors[id]
	return seq, ok
}
