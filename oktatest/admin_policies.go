package oktatest

import "net/http"

// adminPolicy is the body of POST /_emulator/policies.
type adminPolicy struct {
	Name string `json:"name"`
}

// POST /_emulator/policies: AddPolicy. The answer is 201 {"id","name"}.
func (s *Server) adminAddPolicy(r *http.Request) (int, any, error) {
	var p adminPolicy
	if err := decodeAdmin(r, &p); err != nil {
		return 0, nil, err
	}
	if p.Name == "" {
		return 0, nil, badRequest("a policy needs a name")
	}
	return created(map[string]any{"id": s.AddPolicy(p.Name), "name": p.Name}, nil)
}

// GET /_emulator/policies: every app sign-in policy, the default first, with
// "default": true on it.
func (s *Server) adminListPolicies(*http.Request) (int, any, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := []map[string]any{}
	for i, p := range s.more().policyOrder {
		out = append(out, map[string]any{"id": p.id, "name": p.name, "default": i == 0})
	}
	return http.StatusOK, out, nil
}
