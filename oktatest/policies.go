package oktatest

// App sign-in (ACCESS_POLICY) policies the org knows, and
// assignApplicationPolicy. Every org has a default policy, which apps use
// until another is assigned.

import (
	"fmt"
	"net/http"
	"time"
)

// policy is an app sign-in policy of the org.
type policy struct {
	id, name string
	created  time.Time
}

const defaultPolicyName = "Default Policy"

// seedDefaultPolicy makes the org's default app sign-in policy. The caller
// holds s.mu and is making the 2026 state.
func (s *Server) seedDefaultPolicy() {
	s.addPolicy(defaultPolicyName)
}

func (s *Server) addPolicy(name string) *policy {
	m := &s.state.more
	p := &policy{id: s.newID(prefixPolicy), name: name, created: s.now()}
	m.policies[p.id] = p
	m.policyOrder = append(m.policyOrder, p)
	return p
}

// AddPolicy adds an app sign-in policy (type ACCESS_POLICY) named name to
// the org and returns its id, for assignApplicationPolicy.
func (s *Server) AddPolicy(name string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.more()
	return s.addPolicy(name).id
}

// DefaultPolicy returns the id of the org's default app sign-in policy, the
// one every app uses until another is assigned.
func (s *Server) DefaultPolicy() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.more().policyOrder[0].id
}

// AppPolicy returns the id of the app sign-in policy the app uses. It
// panics if the app does not exist.
func (s *Server) AppPolicy(appID string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	a, ok := s.apps[appID]
	if !ok {
		panic(fmt.Sprintf("oktatest: AppPolicy: no app %q", appID))
	}
	return s.appPolicyID(a)
}

// appPolicyID is the policy a uses. The caller holds s.mu.
func (s *Server) appPolicyID(a *app) string {
	if id := s.extras(a).policyID; id != "" {
		return id
	}
	return s.more().policyOrder[0].id
}

// accessPolicyLink is the accessPolicy member of an app's _links, as Okta
// sends it on the apps that sign users in. The caller holds s.mu.
func (s *Server) accessPolicyLink(a *app) map[string]any {
	return link(s.href("api", "v1", "policies", s.appPolicyID(a)))
}

// assignApplicationPolicy is PUT /api/v1/apps/{appId}/policies/{policyId}:
// the app uses that policy from now on. It answers 204.
func (s *Server) assignApplicationPolicy(w http.ResponseWriter, r *http.Request, c *call) {
	s.withApp(w, r, func(a *app) {
		id := r.PathValue("policyId")
		if _, ok := s.more().policies[id]; !ok {
			s.writeError(w, notFound(id, "Policy"))
			return
		}
		s.extras(a).policyID = id
		noContent(w)
	})
}
