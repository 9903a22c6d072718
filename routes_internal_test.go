package okta

import (
	"bufio"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The routes table is the 2026 spec's 82 operations, in its order
// (testdata/ops-2026.tsv is /work/shared/spec/ops-2026.tsv).
func TestRoutesMatchSpec(t *testing.T) {
	t.Parallel()
	f, err := os.Open(filepath.Join("testdata", "ops-2026.tsv"))
	require.NoError(t, err)
	defer f.Close()
	var want []route
	sc := bufio.NewScanner(f)
	sc.Scan() // the header
	for sc.Scan() {
		cols := strings.Split(sc.Text(), "\t")
		require.GreaterOrEqual(t, len(cols), 4, sc.Text())
		want = append(want, route{op: cols[1], method: cols[2], path: cols[3]})
	}
	require.NoError(t, sc.Err())
	require.Len(t, want, 82)
	assert.Equal(t, want, routes[:])
}

// templateShape is a template with its parameter names dropped: two
// spellings of one route have one shape.
func templateShape(tmpl string) string {
	return regexp.MustCompile(`\{[^}]*\}`).ReplaceAllString(tmpl, "{}")
}

// Every path an operation of this package requests is one of the routes, so
// that the guard sees every collision.
func TestEveryOperationPathIsARoute(t *testing.T) {
	t.Parallel()
	shapes := map[string]bool{}
	for _, r := range routes {
		shapes[r.method+" "+templateShape(r.path)] = true
	}
	files, err := filepath.Glob("api_*.go")
	require.NoError(t, err)
	call := regexp.MustCompile(`method: http\.Method(\w+),\s*(?://.*\n\s*)?path:\s*"([^"]+)"`)
	found, paths := 0, 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		src, err := os.ReadFile(name)
		require.NoError(t, err)
		paths += strings.Count(string(src), `path: "`)
		for _, m := range call.FindAllStringSubmatch(string(src), -1) {
			found++
			key := strings.ToUpper(m[1]) + " " + templateShape(m[2])
			assert.True(t, shapes[key], "%s: %s is not a route", name, key)
		}
	}
	assert.GreaterOrEqual(t, found, 40, "the operations' paths were found")
	assert.Equal(t, paths, found, "every path: of a call is read with its method")
}

// Every collision of the 82 routes: a parameter that, holding one of these
// words, would send the request towards another operation's literal segment.
var wantReserved = map[string][][]string{
	"/api/v1/api-tokens/{apiTokenId}":                              {{"current"}},
	"/api/v1/apps/{appId}/credentials/keys/{keyId}":                {nil, {"generate"}},
	"/api/v1/apps/{appId}/credentials/keys/{keyId}/clone":          {nil, {"generate"}},
	"/api/v1/apps/{appId}/features/{featureName}":                  {nil, {"oauth2"}},
	"/api/v1/apps/{appId}/federated-claims/{claimId}":              {nil, {"oauth2"}},
	"/api/v1/apps/{appId}/grants/{grantId}":                        {nil, {"oauth2"}},
	"/api/v1/apps/{appId}/groups/{groupId}":                        {nil, {"oauth2"}},
	"/api/v1/apps/{appId}/interclient-allowed-apps/{allowedAppId}": {nil, {"oauth2"}},
	"/api/v1/apps/{appId}/policies/{policyId}":                     {nil, {"oauth2"}},
	"/api/v1/apps/{appId}/tokens/{tokenId}":                        {nil, {"oauth2"}},
	"/api/v1/apps/{appId}/users/{userId}":                          {nil, {"oauth2"}},
	"/api/v1/apps/{appName}/{appId}/oauth2/callback": {nil, {"connections", "credentials", "cwo", "features",
		"federated-claims", "grants", "group-push", "groups", "interclient-allowed-apps", "interclient-target-apps",
		"lifecycle", "logo", "policies", "sso", "tokens", "users"}},
}

func TestReservedSegmentsOfEveryRoute(t *testing.T) {
	t.Parallel()
	got := map[string][][]string{}
	for _, r := range routes {
		if res := reservedSegments(r.path); res != nil {
			got[r.path] = res
		}
	}
	for k, v := range got {
		for i := range v {
			if len(v[i]) == 0 {
				v[i] = nil
			}
		}
		got[k] = v
	}
	assert.Equal(t, wantReserved, got)
	// Another spelling of a template has the same collisions.
	assert.Equal(t, [][]string{nil, {"oauth2"}}, reservedSegments("/api/v1/apps/{appId}/features/{name}"))
	assert.Nil(t, reservedSegments("/api/v1/apps/{appId}"))
}

// Each collision is refused before sending, however it is spelled; the
// parameter's other values go through.
func TestReservedSegmentsRefused(t *testing.T) {
	t.Parallel()
	for tmpl, res := range wantReserved {
		for i, words := range res {
			for _, w := range words {
				for _, v := range []string{w, strings.ToUpper(w), " " + w + " "} {
					params := make([]string, len(res))
					for j := range params {
						params[j] = "0oa1"
					}
					params[i] = v
					_, err := expandPath("op", tmpl, params)
					require.Error(t, err, "%s with %q at %d", tmpl, v, i)
					assert.True(t, errors.Is(err, ErrInvalidRequest), err)
					assert.Contains(t, err.Error(), "another operation's path")
				}
			}
		}
		params := make([]string, len(res))
		for j := range params {
			params[j] = "current-ish"
		}
		_, err := expandPath("op", tmpl, params)
		assert.NoError(t, err, tmpl)
	}
}
