package oktatest

// upsertApiToken: the name and network restriction of an API token.

import (
	"net/http"
	"slices"
)

// Network connections an API token may be restricted to: anywhere, or by
// network zones (include and/or exclude hold zone ids).
const (
	networkAnywhere = "ANYWHERE"
	networkZone     = "ZONE"
	maxZones        = 100 // zone ids per include or exclude list
)

// apiTokenNetwork is the network member of t. The caller holds s.mu.
func (s *Server) apiTokenNetwork(t *apiToken) map[string]any {
	if n, ok := s.more().tokenNetworks[t.id]; ok {
		return copyDoc(n)
	}
	return map[string]any{"connection": networkAnywhere}
}

// upsertAPIToken is PUT /api/v1/api-tokens/{apiTokenId}: it sets the
// token's name and network. The read-only members a token read from Okta
// carries (id, clientName, created, ...) are accepted and ignored, so that a
// token read and sent back unchanged is accepted; userId may not change.
func (s *Server) upsertAPIToken(w http.ResponseWriter, r *http.Request, c *call) {
	doc, err := decodeObject(r)
	if err != nil {
		s.writeError(w, err)
		return
	}
	name, hasName, bad1 := getString(doc, "name")
	userID, hasUser, bad2 := getString(doc, "userId")
	network, bad3 := getObject(doc, "network")
	if bad1 || bad2 || bad3 {
		s.writeError(w, malformed())
		return
	}
	var net map[string]any
	if network != nil {
		if net, err = checkNetwork(network); err != nil {
			s.writeError(w, err)
			return
		}
	}
	s.withAPIToken(w, r, func(t *apiToken) {
		switch {
		case hasName && name == "":
			s.writeError(w, invalid("name", "Property is required."))
			return
		case hasUser && userID != t.userID:
			s.writeError(w, invalid("userId", "The user of an API token cannot be changed."))
			return
		}
		if hasName {
			t.name = name
		}
		if net != nil {
			s.more().tokenNetworks[t.id] = net
		}
		t.lastUpdated = s.now()
		s.writeJSON(w, http.StatusOK, s.renderAPIToken(t))
	})
}

// checkNetwork validates an API token's network and returns it as stored.
func checkNetwork(n map[string]any) (map[string]any, *apiError) {
	conn, ok, bad := getString(n, "connection")
	if bad {
		return nil, malformed()
	}
	if !ok {
		conn = networkAnywhere
	}
	out := map[string]any{"connection": conn}
	var lists [2][]any
	for i, k := range []string{"include", "exclude"} {
		v, present := n[k]
		if !present || v == nil {
			continue
		}
		l, ok := v.([]any)
		if !ok || slices.ContainsFunc(l, func(e any) bool { s, ok := e.(string); return !ok || s == "" }) {
			return nil, invalid("network."+k, "A list of network zone ids is expected.")
		}
		if len(l) > maxZones {
			return nil, invalid("network."+k, "At most 100 network zones.")
		}
		lists[i] = l
		out[k] = slices.Clone(l)
	}
	switch conn {
	case networkAnywhere:
		if len(lists[0])+len(lists[1]) > 0 {
			return nil, invalid("network.connection", "A token usable from ANYWHERE takes no network zones: use ZONE.")
		}
	case networkZone:
		if len(lists[0])+len(lists[1]) == 0 {
			return nil, invalid("network.include", "A ZONE connection needs network zones to include or exclude.")
		}
	default:
		return nil, invalid("network.connection", "'"+conn+"' is not a valid connection: use ANYWHERE or ZONE.")
	}
	return out, nil
}
