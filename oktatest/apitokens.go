package oktatest

import (
	"fmt"
	"net/http"
	"strings"
	"time"
)

// apiToken is an SSWS API token.
type apiToken struct {
	seq                           int64
	id, name, userID, secret      string
	created, lastUpdated, expires time.Time
}

// tokenWindow is how long an API token lives unused, as Okta sets it.
const tokenWindow = 30 * 24 * time.Hour

// newTokenSecret makes a secret shaped like Okta's API tokens.
func newTokenSecret() string { return "00" + secret(40) }

// AddAPIToken creates an API token named name for the user and returns its
// id and its secret (to send as "SSWS <secret>"). It panics if the user
// does not exist.
func (s *Server) AddAPIToken(name, userID string) (id, secret string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.users[userID]; !ok {
		panic(fmt.Sprintf("oktatest: AddAPIToken: no user %q", userID))
	}
	t := s.addAPIToken(name, userID, newTokenSecret())
	return t.id, t.secret
}

func (s *Server) addAPIToken(name, userID, secret string) *apiToken {
	now := s.now()
	t := &apiToken{id: s.newID(prefixAPIToken), name: name, userID: userID, secret: secret,
		created: now, lastUpdated: now, expires: now.Add(tokenWindow)}
	t.seq = s.register(t.id)
	s.apiTokens[t.id] = t
	s.apiTokenOrder = append(s.apiTokenOrder, t)
	s.tokensBySecret[secret] = t
	return t
}

func (s *Server) removeAPIToken(t *apiToken) {
	delete(s.apiTokens, t.id)
	delete(s.tokensBySecret, t.secret)
	s.apiTokenOrder = without(s.apiTokenOrder, t)
}

const apiTokenClientName = "Okta API"

func (s *Server) renderAPIToken(t *apiToken) map[string]any {
	return map[string]any{
		"id":          t.id,
		"name":        t.name,
		"userId":      t.userID,
		"clientName":  apiTokenClientName,
		"tokenWindow": "P30D",
		"network":     s.apiTokenNetwork(t),
		"created":     formatTime(t.created),
		"lastUpdated": formatTime(t.lastUpdated),
		"expiresAt":   formatTime(t.expires),
		"_links": map[string]any{
			"self": link(s.href("api", "v1", "api-tokens", t.id), "GET", "DELETE"),
			"user": link(s.href("api", "v1", "users", t.userID), "GET"),
		},
	}
}

func (s *Server) listAPITokens(w http.ResponseWriter, r *http.Request, c *call) {
	p, err := parsePage(r, tokenLimits)
	if err != nil {
		s.writeError(w, err)
		return
	}
	prefix := strings.ToLower(r.URL.Query().Get("q"))
	var keep func(*apiToken) bool
	if prefix != "" {
		keep = func(t *apiToken) bool {
			return strings.HasPrefix(strings.ToLower(t.name), prefix) ||
				strings.HasPrefix(strings.ToLower(apiTokenClientName), prefix)
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	items := page(s, w, r, filtered(s.apiTokenOrder, keep), func(t *apiToken) int64 { return t.seq }, func(t *apiToken) string { return t.id }, s.globalCursor, p)
	out := make([]any, len(items))
	for i, t := range items {
		out[i] = s.renderAPIToken(t)
	}
	s.writeJSON(w, http.StatusOK, out)
}

// withAPIToken runs f, holding s.mu, on the API token the request's
// apiTokenId names, or answers 404 if there is none.
func (s *Server) withAPIToken(w http.ResponseWriter, r *http.Request, f func(*apiToken)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	id := r.PathValue("apiTokenId")
	t, ok := s.apiTokens[id]
	if !ok {
		s.writeError(w, notFound(id, "ApiToken"))
		return
	}
	f(t)
}

func (s *Server) getAPIToken(w http.ResponseWriter, r *http.Request, c *call) {
	s.withAPIToken(w, r, func(t *apiToken) { s.writeJSON(w, http.StatusOK, s.renderAPIToken(t)) })
}

func (s *Server) revokeAPIToken(w http.ResponseWriter, r *http.Request, c *call) {
	s.withAPIToken(w, r, func(t *apiToken) {
		s.removeAPIToken(t)
		noContent(w)
	})
}

// revokeCurrentApiToken revokes the token the request was made with; it
// needs an API token (SSWS), not an OAuth access token.
func (s *Server) revokeCurrentAPIToken(w http.ResponseWriter, r *http.Request, c *call) {
	s.mu.Lock()
	defer s.mu.Unlock()
	t, ok := s.apiTokens[c.principal.tokenID]
	if !ok {
		s.writeError(w, accessDenied())
		return
	}
	s.removeAPIToken(t)
	noContent(w)
}
