package oktatest

// The admin API's seeding endpoints, and the seed document that does them
// all at once (POST /_emulator/seed, okta-emulator -seed-file).

import (
	"crypto/ecdsa"
	"crypto/rsa"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/go-jose/go-jose/v4"
)

type seedUser struct {
	Login     string `json:"login"`
	FirstName string `json:"firstName"`
	LastName  string `json:"lastName"`
}

type seedGroup struct {
	Name string `json:"name"`
}

// seedAPIToken names its user by id or by login; neither means the user
// the server's own token belongs to. Without a secret one is made.
type seedAPIToken struct {
	Name   string `json:"name"`
	UserID string `json:"userId"`
	Login  string `json:"login"`
	Secret string `json:"secret"`
}

type seedOAuth2Token struct {
	AppID  string   `json:"appId"`
	UserID string   `json:"userId"`
	Scopes []string `json:"scopes"`
}

type seedGrant struct {
	AppID   string `json:"appId"`
	ScopeID string `json:"scopeId"`
}

// seedClient is RegisterClient (and RequireDPoP) with the public key as a
// JWK (RSA or EC).
type seedClient struct {
	ClientID string          `json:"clientId"`
	JWK      json.RawMessage `json:"jwk"`
	Scopes   []string        `json:"scopes"`
	DPoP     bool            `json:"dpop"`
}

// seedDoc is a seed document: everything in it is added in the order of
// its members below.
type seedDoc struct {
	Users      []seedUser       `json:"users"`
	Groups     []seedGroup      `json:"groups"`
	APITokens  []seedAPIToken   `json:"apiTokens"`
	Clients    []seedClient     `json:"clients"`
	RateLimits []adminRateLimit `json:"rateLimits"`
	Faults     []adminFault     `json:"faults"`
}

// Seed adds to the org what a seed document (JSON) describes, in this
// order: users, groups, apiTokens, clients (OAuth service apps with their
// public JWK), rateLimits and faults, each entry as the admin endpoint of
// the same name takes it (see the package documentation). It returns the
// ids it made, keyed "user:<login>", "group:<name>" and "apiToken:<name>".
// It stops at the first entry it refuses, naming it; what came before stays.
func (s *Server) Seed(doc io.Reader) (map[string]string, error) {
	body, err := io.ReadAll(io.LimitReader(doc, maxAdminBody+1))
	if err != nil {
		return nil, fmt.Errorf("oktatest: Seed: %w", err)
	}
	if len(body) > maxAdminBody {
		return nil, fmt.Errorf("oktatest: Seed: the document is over %d bytes", maxAdminBody)
	}
	var d seedDoc
	if err := decodeStrict(body, &d); err != nil {
		return nil, fmt.Errorf("oktatest: Seed: %w", err)
	}
	ids, err := s.applySeed(d)
	if err != nil {
		return ids, fmt.Errorf("oktatest: Seed: %w", err)
	}
	return ids, nil
}

func (s *Server) applySeed(d seedDoc) (map[string]string, error) {
	ids := map[string]string{}
	for i, u := range d.Users {
		id, err := s.seedUser(u)
		if err != nil {
			return ids, fmt.Errorf("users[%d]: %w", i, err)
		}
		ids["user:"+u.Login] = id
	}
	for i, g := range d.Groups {
		id, err := s.seedGroup(g)
		if err != nil {
			return ids, fmt.Errorf("groups[%d]: %w", i, err)
		}
		ids["group:"+g.Name] = id
	}
	for i, t := range d.APITokens {
		id, _, err := s.seedAPIToken(t)
		if err != nil {
			return ids, fmt.Errorf("apiTokens[%d]: %w", i, err)
		}
		ids["apiToken:"+t.Name] = id
	}
	for i, c := range d.Clients {
		if err := s.seedClient(c); err != nil {
			return ids, fmt.Errorf("clients[%d]: %w", i, err)
		}
	}
	for i, rl := range d.RateLimits {
		if err := s.setAdminRateLimit(rl); err != nil {
			return ids, fmt.Errorf("rateLimits[%d]: %w", i, err)
		}
	}
	for i, f := range d.Faults {
		if err := s.addAdminFault(f); err != nil {
			return ids, fmt.Errorf("faults[%d]: %w", i, err)
		}
	}
	return ids, nil
}

// POST /_emulator/seed: Seed.
func (s *Server) adminSeed(r *http.Request) (int, any, error) {
	var d seedDoc
	if err := decodeAdmin(r, &d); err != nil {
		return 0, nil, err
	}
	ids, err := s.applySeed(d)
	if err != nil {
		return 0, nil, badRequest("%v (the entries before it were added: %v)", err, ids)
	}
	return http.StatusOK, map[string]any{"ids": ids}, nil
}

func (s *Server) seedUser(u seedUser) (string, error) {
	if u.Login == "" {
		return "", badRequest("login is required")
	}
	first, _, _ := strings.Cut(u.Login, "@")
	if u.FirstName != "" {
		first = u.FirstName
	}
	last := "Test"
	if u.LastName != "" {
		last = u.LastName
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.addUser(u.Login, first, last).id, nil
}

func (s *Server) seedGroup(g seedGroup) (string, error) {
	if g.Name == "" {
		return "", badRequest("name is required")
	}
	return s.AddGroup(g.Name), nil
}

// seedAPIToken adds an API token and returns its id and secret.
func (s *Server) seedAPIToken(t seedAPIToken) (id, secret string, err error) {
	if t.Name == "" {
		return "", "", badRequest("name is required")
	}
	if t.Secret != "" && (len(t.Secret) > 200 || strings.ContainsFunc(t.Secret, func(r rune) bool { return r <= ' ' || r >= 0x7f })) {
		return "", "", badRequest("secret must be at most 200 printable ASCII characters without spaces")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	userID, err := s.seedUserRef(t.UserID, t.Login)
	if err != nil {
		return "", "", err
	}
	if t.Secret == "" {
		t.Secret = newTokenSecret()
	}
	if _, taken := s.tokensBySecret[t.Secret]; taken {
		return "", "", badRequest("an API token with that secret exists")
	}
	tok := s.addAPIToken(t.Name, userID, t.Secret)
	return tok.id, tok.secret, nil
}

// seedUserRef finds a user by id or login; neither means the user of the
// server's own token. The caller holds s.mu.
func (s *Server) seedUserRef(id, login string) (string, error) {
	switch {
	case id != "":
		if _, ok := s.users[id]; !ok {
			return "", badRequest("no user %q", id)
		}
		return id, nil
	case login != "":
		for _, u := range s.users {
			if strings.EqualFold(u.login, login) {
				return u.id, nil
			}
		}
		return "", badRequest("no user with login %q", login)
	}
	return s.adminUserID, nil
}

// seedClient registers an OAuth 2.0 service app with its public key.
func (s *Server) seedClient(c seedClient) error {
	if c.ClientID == "" {
		return badRequest("clientId is required")
	}
	var k jose.JSONWebKey
	if err := k.UnmarshalJSON(c.JWK); err != nil {
		return badRequest("jwk is not a JSON Web Key: %v", err)
	}
	if !k.IsPublic() {
		return badRequest("jwk holds a private key: send its public part only")
	}
	switch k.Key.(type) {
	case *rsa.PublicKey, *ecdsa.PublicKey:
	default:
		return badRequest("jwk must be an RSA or EC public key")
	}
	for _, sc := range c.Scopes {
		if !slices.Contains([]string{ScopeAppsRead, ScopeAppsManage, ScopeAPITokensRead, ScopeAPITokensManage}, sc) {
			return badRequest("scope %q is not one the emulator grants (%s, %s, %s, %s)", sc,
				ScopeAppsRead, ScopeAppsManage, ScopeAPITokensRead, ScopeAPITokensManage)
		}
	}
	s.RegisterClient(c.ClientID, k.Key, c.Scopes...)
	if c.DPoP {
		s.RequireDPoP(c.ClientID)
	}
	return nil
}

// created answers 201 with v.
func created(v any, err error) (int, any, error) {
	if err != nil {
		return 0, nil, err
	}
	return http.StatusCreated, v, nil
}

// POST /_emulator/users: AddUser.
func (s *Server) adminAddUser(r *http.Request) (int, any, error) {
	var u seedUser
	if err := decodeAdmin(r, &u); err != nil {
		return 0, nil, err
	}
	id, err := s.seedUser(u)
	return created(map[string]any{"id": id, "login": u.Login}, err)
}

// GET /_emulator/users: every user's id and login.
func (s *Server) adminListUsers(*http.Request) (int, any, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := []map[string]any{}
	for _, u := range s.users {
		out = append(out, map[string]any{"id": u.id, "login": u.login})
	}
	slices.SortFunc(out, func(a, b map[string]any) int { return strings.Compare(a["login"].(string), b["login"].(string)) })
	return http.StatusOK, out, nil
}

// POST /_emulator/groups: AddGroup.
func (s *Server) adminAddGroup(r *http.Request) (int, any, error) {
	var g seedGroup
	if err := decodeAdmin(r, &g); err != nil {
		return 0, nil, err
	}
	id, err := s.seedGroup(g)
	return created(map[string]any{"id": id, "name": g.Name}, err)
}

// GET /_emulator/groups: every group's id and name.
func (s *Server) adminListGroups(*http.Request) (int, any, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := []map[string]any{}
	for _, g := range s.groups {
		out = append(out, map[string]any{"id": g.id, "name": g.name})
	}
	slices.SortFunc(out, func(a, b map[string]any) int { return strings.Compare(a["name"].(string), b["name"].(string)) })
	return http.StatusOK, out, nil
}

// POST /_emulator/api-tokens: AddAPIToken.
func (s *Server) adminAddAPIToken(r *http.Request) (int, any, error) {
	var t seedAPIToken
	if err := decodeAdmin(r, &t); err != nil {
		return 0, nil, err
	}
	id, secret, err := s.seedAPIToken(t)
	return created(map[string]any{"id": id, "secret": secret}, err)
}

// POST /_emulator/oauth2-tokens: AddOAuth2Token.
func (s *Server) adminAddOAuth2Token(r *http.Request) (int, any, error) {
	var t seedOAuth2Token
	if err := decodeAdmin(r, &t); err != nil {
		return 0, nil, err
	}
	id, err := s.addOAuth2Token(t.AppID, t.UserID, t.Scopes)
	return created(map[string]any{"id": id}, err)
}

// POST /_emulator/scope-consent-grants: AddScopeConsentGrant.
func (s *Server) adminAddGrant(r *http.Request) (int, any, error) {
	var g seedGrant
	if err := decodeAdmin(r, &g); err != nil {
		return 0, nil, err
	}
	if g.ScopeID == "" {
		return 0, nil, badRequest("scopeId is required")
	}
	id, err := s.addScopeConsentGrant(g.AppID, g.ScopeID)
	return created(map[string]any{"id": id}, err)
}

// POST /_emulator/clients: RegisterClient, and RequireDPoP with "dpop".
func (s *Server) adminRegisterClient(r *http.Request) (int, any, error) {
	var c seedClient
	if err := decodeAdmin(r, &c); err != nil {
		return 0, nil, err
	}
	return created(map[string]any{"clientId": c.ClientID}, s.seedClient(c))
}

// POST /_emulator/oauth: SetAccessTokenLifetime, RequireDPoPNonceForAPI
// and RevokeAccessTokens.
func (s *Server) adminOAuthSettings(r *http.Request) (int, any, error) {
	var req struct {
		AccessTokenLifetime    *duration `json:"accessTokenLifetime"`
		RequireDPoPNonceForAPI *bool     `json:"requireDPoPNonceForAPI"`
		RevokeAccessTokens     bool      `json:"revokeAccessTokens"`
	}
	if err := decodeAdmin(r, &req); err != nil {
		return 0, nil, err
	}
	if req.AccessTokenLifetime != nil {
		s.SetAccessTokenLifetime(time.Duration(*req.AccessTokenLifetime))
	}
	if req.RequireDPoPNonceForAPI != nil {
		s.RequireDPoPNonceForAPI(*req.RequireDPoPNonceForAPI)
	}
	if req.RevokeAccessTokens {
		s.RevokeAccessTokens()
	}
	return 0, nil, nil
}
