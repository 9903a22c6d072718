package okta

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// allocBound is what decoding a body of n bytes may allocate: 16 bytes per
// byte, plus a constant for the runtime's per-span accounting and the
// decoder's fixed costs.
func allocBound(n int) uint64 { return 16*uint64(n) + 4<<20 }

// bytesAllocated returns the least that decode allocated over three runs
// (other goroutines' allocations only ever add to one run's count).
func bytesAllocated(decode func()) uint64 {
	best := ^uint64(0)
	var before, after runtime.MemStats
	for range 3 {
		runtime.GC()
		runtime.ReadMemStats(&before)
		decode()
		runtime.ReadMemStats(&after)
		best = min(best, after.TotalAlloc-before.TotalAlloc)
	}
	return best
}

// repeat returns prefix, n copies of item joined by commas, and suffix.
func repeat(prefix, item string, n int, suffix string) []byte {
	var b strings.Builder
	b.Grow(len(prefix) + n*(len(item)+1) + len(suffix))
	b.WriteString(prefix)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(item)
	}
	b.WriteString(suffix)
	return []byte(b.String())
}

// manyMembers returns an object of n unknown members, each named uniquely.
func manyMembers(n int) []byte {
	var b strings.Builder
	b.WriteString(`{"id":"a"`)
	for i := range n {
		fmt.Fprintf(&b, `,"member-%07d":%d`, i, i)
	}
	b.WriteString(`}`)
	return []byte(b.String())
}

// hostileBodies are documents whose decoded form, decoded naively, is many
// times their size, at every depth of an Application.
func hostileBodies() map[string][]byte {
	return map[string][]byte{
		"a million {} in jwks.keys":       repeat(`{"settings":{"oauthClient":{"jwks":{"keys":[`, `{}`, 1_000_000, `]}}}}`),
		"nulls in jwks.keys":              repeat(`{"settings":{"oauthClient":{"jwks":{"keys":[`, `null`, 500_000, `]}}}}`),
		"empty strings in a list":         repeat(`{"features":[`, `""`, 1_000_000, `]}`),
		"nulls in a list":                 repeat(`{"features":[`, `null`, 500_000, `]}`),
		"stray numbers in a list":         repeat(`{"features":[`, `1`, 1_000_000, `]}`),
		"empty arrays in a profile":       repeat(`{"profile":{"a":[`, `[]`, 1_000_000, `]}}`),
		"empty objects in a profile":      repeat(`{"profile":{"a":[`, `{}`, 1_000_000, `]}}`),
		"short keys in a profile":         []byte(`{"profile":` + string(manyMembers(200_000)) + `}`),
		"appLinks map":                    repeat(`{"visibility":{"appLinks":{`, `"":true`, 1, `}}}`),
		"a page of {}":                    repeat(`[`, `{}`, 9_999, `]`),
		"a page of empty nested objects":  repeat(`[`, `{"settings":{"oauthClient":{}},"credentials":{}}`, 9_999, `]`),
		"many unknown members":            manyMembers(200_000),
		"deep arrays in a profile":        []byte(`{"profile":{"a":` + strings.Repeat("[", 9_990) + strings.Repeat("]", 9_990) + `}}`),
		"a real page":                     benchPage(),
		"a real page of tokens (as apps)": benchTokenPage(),
	}
}

// Decoding any response allocates at most 16 bytes per byte of it (plus a
// constant), whether the decode succeeds or is refused, at every depth.
func TestDecodeAllocationBoundedByBody(t *testing.T) {
	for name, body := range hostileBodies() {
		var err error
		got := bytesAllocated(func() {
			if body[0] == '[' {
				var apps []Application
				err = unmarshal(body, &apps)
			} else {
				var app Application
				err = unmarshal(body, &app)
			}
		})
		assert.LessOrEqual(t, got, allocBound(len(body)), "%s: %d bytes allocated for a body of %d (%.1f per byte; err %v)",
			name, got, len(body), float64(got)/float64(len(body)), err)
		t.Logf("%-34s %9d bytes: %5.2f allocated per byte (refused: %v)", name, len(body), float64(got)/float64(len(body)), err != nil)
		if err != nil {
			var te *TypeError
			assert.ErrorAs(t, err, &te, name)
		}
	}
	// Okta's own documents are well within the budget.
	var apps []Application
	require.NoError(t, unmarshal(benchPage(), &apps))
	var toks []ApiToken
	require.NoError(t, unmarshal(benchTokenPage(), &toks))
}

// An object of many unknown members decodes in time linear in their number:
// quadratic work on 200 000 members (20 billion name comparisons) takes
// minutes; the test fails at the bound instead of waiting for it.
func TestDecodeManyMembersLinear(t *testing.T) {
	body := manyMembers(200_000)
	within(t, 20*time.Second, "decoding 200 000 members", func() {
		var tok ApiToken
		require.NoError(t, unmarshal(body, &tok))
		assert.Len(t, tok.kept, 200_000)
		// Encoding them back is linear too, and gives the document again.
		out, err := marshal(tok)
		require.NoError(t, err)
		assert.Equal(t, len(body), len(out))
	})
}

// within runs fn, failing t if it has not returned after d (fn goes on in
// the background: a regression fails at the bound, not at the test timeout).
func within(t *testing.T, d time.Duration, what string, fn func()) {
	t.Helper()
	done := make(chan struct{})
	start := time.Now()
	go func() {
		defer close(done)
		fn()
	}()
	select {
	case <-done:
		t.Logf("%s took %v", what, time.Since(start))
	case <-time.After(d):
		t.Fatalf("%s took more than %v", what, d)
	}
}
