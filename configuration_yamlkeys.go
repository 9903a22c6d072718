package okta

// The keys of okta.yaml: a key this SDK does not know is reported, with the
// key it most likely meant, rather than silently ignored (a miscased orgURL
// would otherwise surface as "org URL is missing").

import (
	"fmt"
	"slices"
	"strings"

	"go.yaml.in/yaml/v3"
)

// yamlKeys is the shape of okta.yaml: each key and the keys under it (nil for
// a key that holds a value). A subtree holding "*" is not checked.
type yamlKeys map[string]yamlKeys

// anyKeys is a subtree whose keys are not checked.
var anyKeys = yamlKeys{"*": nil}

// oktaYAMLKeys are the keys this SDK reads, and those Okta's other SDKs read
// from the same files (accepted and ignored here, so one file serves all).
var oktaYAMLKeys = yamlKeys{"okta": {
	"client": {
		"orgUrl": nil, "token": nil, "authorizationMode": nil, "clientId": nil,
		"scopes": nil, "privateKey": nil, "privateKeyId": nil,
		"rateLimit": {"maxRetries": nil, "maxBackoff": nil},
		// Read by other Okta SDKs only.
		"connectionTimeout": nil, "requestTimeout": nil, "proxy": anyKeys, "cache": anyKeys,
	},
	"testing": anyKeys,
}}

// unknownKey is a key of okta.yaml that no Okta SDK reads.
type unknownKey struct {
	path  string // such as okta.client.orgURL
	guess string // the known key it most likely meant, or ""
	known []string
}

func (u unknownKey) Error() string {
	switch {
	case u.guess != "" && strings.EqualFold(u.guess, u.path[strings.LastIndexByte(u.path, '.')+1:]):
		return fmt.Sprintf("unknown key %s: did you mean %s? (keys are case-sensitive)", u.path, u.guess)
	case u.guess != "":
		return fmt.Sprintf("unknown key %s: did you mean %s?", u.path, u.guess)
	}
	return fmt.Sprintf("unknown key %s: the keys here are %s", u.path, strings.Join(u.known, ", "))
}

// unknownKeys returns the keys of an okta.yaml document that are not in want.
func unknownKeys(doc *yaml.Node, want yamlKeys) []unknownKey {
	if doc.Kind == yaml.DocumentNode && len(doc.Content) == 1 {
		doc = doc.Content[0]
	}
	return walkKeys(doc, want, "")
}

func walkKeys(n *yaml.Node, want yamlKeys, prefix string) []unknownKey {
	if n.Kind != yaml.MappingNode {
		return nil // a value of the wrong kind is the decoder's to report
	}
	if _, ok := want["*"]; ok {
		return nil
	}
	var out []unknownKey
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i].Value, n.Content[i+1]
		sub, ok := want[k]
		if !ok {
			known := make([]string, 0, len(want))
			for name := range want {
				known = append(known, name)
			}
			slices.Sort(known)
			out = append(out, unknownKey{path: prefix + k, guess: closestKey(k, known), known: known})
			continue
		}
		if sub != nil {
			out = append(out, walkKeys(v, sub, prefix+k+".")...)
		}
	}
	return out
}

// closestKey is the known key that k most likely misspells: the same but for
// case, or at most two edits away; "" if none is.
func closestKey(k string, known []string) string {
	best, bestDist := "", 3
	for _, name := range known {
		if strings.EqualFold(k, name) {
			return name
		}
		if d := editDistance(strings.ToLower(k), strings.ToLower(name)); d < bestDist {
			best, bestDist = name, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance between a and b, in bytes. Keys
// are short, so the quadratic cost does not matter; a long key is not a typo
// of a known one.
func editDistance(a, b string) int {
	if len(a) > 64 || len(b) > 64 {
		return max(len(a), len(b))
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
