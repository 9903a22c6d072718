package okta

import (
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// scanNext finds the first well-formed next link of the Link lines and says
// whether a malformed link-value could be hiding one.
func TestScanNext(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		values    []string
		target    string // "" when none is found
		malformed bool
	}{
		{"none", nil, "", false},
		{"empty line", []string{""}, "", false},
		{"self only", []string{`<https://x.okta.com/api/v1/apps?limit=2>; rel="self"`}, "", false},
		{"several header lines", []string{
			`<https://x.okta.com/api/v1/apps?limit=2>; rel="self"`,
			`<https://x.okta.com/api/v1/apps?after=a2&limit=2>; rel="next"`,
		}, "https://x.okta.com/api/v1/apps?after=a2&limit=2", false},
		{"one comma-joined line", []string{
			`<https://x.okta.com/a?limit=2>; rel="self", <https://x.okta.com/a?after=b,c&limit=2>; rel="next"`,
		}, "https://x.okta.com/a?after=b,c&limit=2", false},
		{"rel list", []string{`</p2>; rel="last next"`}, "/p2", false},
		{"unquoted rel", []string{`</p2>;rel=next`}, "/p2", false},
		{"quoted params with commas, semicolons and escapes", []string{
			`</a>; title="a, b; c"; note="say \"hi\", rel=next"; rel=prev, </b>; rel="ne\xt"`,
		}, "/b", false},
		{"case-insensitive rel and names", []string{`</a>; REL="NeXt"; Type=text/html`}, "/a", false},
		{"first rel counts", []string{`</a>; rel="prev"; rel="next", </b>; rel="next"; rel="prev"`}, "/b", false},
		{"white space everywhere", []string{"  <https://x/a>\t ;\t rel = \"next\" ,  "}, "https://x/a", false},
		{"parameter without value", []string{`</a>; crossorigin; rel=next`}, "/a", false},
		{"empty target", []string{`<>; rel="next"`}, "", false},
		{"first next counts", []string{`</a>; rel=next`, `</b>; rel=next`}, "/a", false},
		{"junk before the next link", []string{
			`garbage, </a>; rel="self", also "junk, with, commas", </b>; rel="next", <unterminated`,
		}, "/b", true},
		{"malformed parameter", []string{`</a>; rel="next" junk, </b>; rel=last`}, "", true},
		{"unterminated quote", []string{`</a>; rel="next`}, "", true},
		{"unterminated target", []string{`</a; rel="next"`}, "", true},
		{"empty parameter name", []string{`</a>; ="next"`}, "", true},
		{"empty value", []string{`</a>; rel=`}, "", true},
		{"not a link", []string{`next`}, "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var target string
			var found, malformed bool
			require.NotPanics(t, func() { target, found, malformed = scanNext(tt.values) })
			assert.Equal(t, tt.target, target)
			assert.Equal(t, tt.target != "" || tt.name == "empty target", found, "found")
			assert.Equal(t, tt.malformed, malformed, "malformed")
		})
	}
}

// findNext resolves the next link against the request's URL; a next target
// that is not a URL, or a malformed link-value with no next link after it, is
// errNextLink, never a last page.
func TestFindNext(t *testing.T) {
	t.Parallel()
	base, err := url.Parse("https://x.okta.com/api/v1/apps?limit=2")
	require.NoError(t, err)
	for _, tt := range []struct {
		name, link, want string
		err              bool
	}{
		{"absolute", `<https://x.okta.com/api/v1/apps?after=b>; rel=next`, "https://x.okta.com/api/v1/apps?after=b", false},
		{"relative", `<?after=c>; rel=next`, "https://x.okta.com/api/v1/apps?after=c", false},
		{"empty target is this page", `<>; rel=next`, "https://x.okta.com/api/v1/apps?limit=2", false},
		{"last page", `</api/v1/apps?limit=2>; rel=self`, "", false},
		{"not a URL", `<https://x.okta.com/%zz?after=b>; rel=next`, "", true},
		{"bad host", `<http://[::1/x>; rel=next`, "", true},
		{"malformed", `<https://x.okta.com/api/v1/apps?after=b>; rel=next junk`, "", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			u, err := findNext([]string{tt.link}, base)
			if tt.err {
				require.ErrorIs(t, err, errNextLink)
				assert.Nil(t, u)
				assert.NotContains(t, err.Error(), "x.okta.com", "the server's text is not quoted")
				return
			}
			require.NoError(t, err)
			if tt.want == "" {
				assert.Nil(t, u)
				return
			}
			assert.Equal(t, tt.want, u.String())
		})
	}
}

// A Link header costs memory in proportion to the next target at most, not
// to the header: a 9 MiB header of links (every response carries one, errors
// included) allocates no more than 16 times its size plus a constant. The
// old parser built a map for each link: 450 MiB for 9 MiB of short links.
func TestNextLinkAllocationBound(t *testing.T) { // not parallel: it measures the heap
	base, err := url.Parse("https://x.okta.com/api/v1/apps")
	require.NoError(t, err)
	one := `<https://x.okta.com/api/v1/apps?after=0oa1&limit=2>; rel="self"; title="a page", `
	for name, values := range map[string][]string{
		"one line":    {strings.Repeat(one, 9<<20/len(one)) + `</api/v1/apps?after=last>; rel="next"`},
		"short links": {strings.Repeat(`<x>;rel=self,`, 9<<20/13) + `</api/v1/apps?after=last>; rel="next"`},
		"many lines": append(strings.Split(strings.Repeat(one, 9<<20/len(one)), ", "),
			`</api/v1/apps?after=last>; rel="next"`),
	} {
		size := 0
		for _, v := range values {
			size += len(v)
		}
		var next *url.URL
		allocated := bytesAllocated(func() { next = nextLink(values, base) })
		require.NotNil(t, next, name)
		assert.Equal(t, "last", next.Query().Get("after"), name)
		assert.LessOrEqual(t, allocated, uint64(16*size+64<<10), "%s: %d bytes allocated for a %d-byte header", name, allocated, size)
		assert.Less(t, allocated, uint64(64<<10), "%s: only the next target is kept", name)
	}
}

// FuzzParseLinks: scanning Link lines never panics, a next target found was
// written between < and >, and a line the scanner read as well-formed and
// without a next link does not swallow a next link that follows it.
func FuzzParseLinks(f *testing.F) {
	f.Add(`<https://dev-1.okta.com/api/v1/apps?after=0oa1&limit=20>; rel="next"`, `<https://dev-1.okta.com/api/v1/apps?limit=20>; rel="self"`)
	f.Fuzz(func(t *testing.T, a, b string) {
		target, found, malformed := scanNext([]string{a, b})
		if found && !linkTargets(a, b)[target] {
			t.Fatalf("target %q was not written between < and >", target)
		}
		if !found && !malformed {
			got, found, malformed := scanNext([]string{a, b, `<https://x/next>; rel="next"`})
			if got != "https://x/next" || !found || malformed {
				t.Fatalf("a following next link was lost: %q %v %v", got, found, malformed)
			}
			got, found, _ = scanNext([]string{a + `, <https://x/next>; rel="next"`})
			if got != "https://x/next" || !found {
				t.Fatalf("a next link after a well-formed line was lost: %q %v", got, found)
			}
		}
		if found {
			if again, _, _ := scanNext([]string{a, b, `<https://x/other>; rel="next"`}); again != target {
				t.Fatalf("the first next link does not count: %q, then %q", target, again)
			}
		}
	})
}

// linkTargets returns every string the scanner may take as a link's target:
// what lies between a '<' and the next '>', trimmed.
func linkTargets(values ...string) map[string]bool {
	out := map[string]bool{}
	for _, v := range values {
		for i := 0; i < len(v); i++ {
			if v[i] != '<' {
				continue
			}
			if j := strings.IndexByte(v[i:], '>'); j >= 0 {
				out[strings.TrimSpace(v[i+1:i+j])] = true
			}
		}
	}
	return out
}
