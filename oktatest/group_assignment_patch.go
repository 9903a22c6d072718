package oktatest

// updateGroupAssignmentToApplication: JSON Patch (replace and remove) on a
// group's assignment to an app.

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"slices"
	"strings"
)

const maxPatchOps = 100

// groupAssignmentOwned are the members of a group assignment a patch may
// not touch.
var groupAssignmentOwned = []string{"id", "lastUpdated", "_links", "_embedded"}

// patchOp is one JSON Patch operation.
type patchOp struct {
	op, path string
	value    any
	hasValue bool
}

// readPatch reads the optional JSON Patch body: an array of operations.
func readPatch(r *http.Request) ([]patchOp, *apiError) {
	body, err := io.ReadAll(io.LimitReader(r.Body, maxBody))
	if err != nil {
		return nil, malformed()
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return nil, nil
	}
	if err := checkJSONType(r); err != nil {
		return nil, err
	}
	var raw []map[string]any
	if err := decodeBytes(body, &raw); err != nil {
		return nil, err
	}
	if len(raw) > maxPatchOps {
		return nil, invalid("op", "At most 100 operations per request.")
	}
	ops := make([]patchOp, len(raw))
	for i, m := range raw {
		op, _, bad1 := getString(m, "op")
		path, _, bad2 := getString(m, "path")
		if m == nil || bad1 || bad2 {
			return nil, malformed()
		}
		v, has := m["value"]
		ops[i] = patchOp{op: op, path: path, value: v, hasValue: has}
		switch {
		case op != "replace" && op != "remove":
			return nil, invalid("op", "'"+op+"' is not a supported operation: use replace or remove.")
		case op == "replace" && !has:
			return nil, invalid("value", "Property is required for replace.")
		}
	}
	return ops, nil
}

// pointer splits a JSON Pointer (RFC 6901) into its unescaped tokens.
func pointer(path string) ([]string, bool) {
	if !strings.HasPrefix(path, "/") || path == "/" {
		return nil, false
	}
	toks := strings.Split(path[1:], "/")
	for i, t := range toks {
		toks[i] = strings.ReplaceAll(strings.ReplaceAll(t, "~1", "/"), "~0", "~")
	}
	return toks, true
}

// applyPatch applies one operation to doc. A replace may add a member an
// object lacks (Okta's profile patches do); a remove needs the member.
func applyPatch(doc map[string]any, p patchOp) *apiError {
	toks, ok := pointer(p.path)
	if !ok || slices.Contains(groupAssignmentOwned, toks[0]) {
		return invalid("path", "'"+p.path+"' is not a path this operation can change.")
	}
	parent := doc
	for _, t := range toks[:len(toks)-1] {
		next, ok := parent[t].(map[string]any)
		if !ok {
			return invalid("path", "'"+p.path+"' does not exist.")
		}
		parent = next
	}
	last := toks[len(toks)-1]
	if p.op == "remove" {
		if _, ok := parent[last]; !ok {
			return invalid("path", "'"+p.path+"' does not exist.")
		}
		delete(parent, last)
		return nil
	}
	parent[last] = deepCopy(p.value)
	return nil
}

// checkGroupAssignmentDoc checks the types of the members Okta types.
func checkGroupAssignmentDoc(doc map[string]any) *apiError {
	if _, bad := getObject(doc, "profile"); bad {
		return invalid("profile", "The profile must be an object.")
	}
	if p, ok := doc["priority"]; ok && p != nil {
		n, isNum := p.(json.Number)
		if v, err := n.Int64(); !isNum || err != nil || v < 0 {
			return invalid("priority", "The priority must be a non-negative integer.")
		}
	}
	return nil
}

// patchGroupAssignment is PATCH /api/v1/apps/{appId}/groups/{groupId}. The
// operations apply in order, all or none. The body may be absent.
func (s *Server) patchGroupAssignment(w http.ResponseWriter, r *http.Request, c *call) {
	ops, err := readPatch(r)
	if err != nil {
		s.writeError(w, err)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	a, ag, err := s.lookupAppGroup(r)
	if err != nil {
		s.writeError(w, err)
		return
	}
	doc := copyDoc(ag.doc)
	for _, p := range ops {
		if err := applyPatch(doc, p); err != nil {
			s.writeError(w, err)
			return
		}
	}
	if err := checkGroupAssignmentDoc(doc); err != nil {
		s.writeError(w, err)
		return
	}
	if len(ops) > 0 {
		ag.doc, ag.lastUpdated = doc, s.now()
	}
	s.writeJSON(w, http.StatusOK, s.renderAppGroup(a, ag))
}
