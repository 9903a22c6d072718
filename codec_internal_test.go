package okta

import (
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"
	"unsafe"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// oktaTimeCases are texts in Okta's layout, valid and not, that the fast
// parser must judge as time.Parse does.
var oktaTimeCases = []string{
	"2026-11-23T09:28:32.000Z",
	"2026-11-23T09:28:32.123Z",
	"0000-01-01T00:00:00.000Z",
	"9999-12-31T23:59:59.999Z",
	"2024-02-29T12:00:00.000Z", // leap year
	"2000-02-29T12:00:00.000Z", // divisible by 400
	"2100-02-29T12:00:00.000Z", // not a leap year
	"2023-02-29T12:00:00.000Z",
	"2026-04-31T00:00:00.000Z",
	"2026-00-10T00:00:00.000Z",
	"2026-13-10T00:00:00.000Z",
	"2026-01-00T00:00:00.000Z",
	"2026-01-01T24:00:00.000Z",
	"2026-01-01T23:60:00.000Z",
	"2026-01-01T23:59:60.000Z",
	"2026-01-01t23:59:59.000Z",
	"2026-01-01T23:59:59.000z",
	"2026-01-01 23:59:59.000Z",
	"2026-01-01T23:59:59,000Z",
	"2026-01-01T23:59:59.00xZ",
}

func TestParseOktaTimeAgreesWithTimeParse(t *testing.T) {
	t.Parallel()
	for _, s := range oktaTimeCases {
		want, err := time.Parse(time.RFC3339Nano, s)
		got, ok := parseOktaTime([]byte(s))
		if !ok {
			// Refused here: time.Parse either refuses it too or is the
			// fallback that decides (a layout the fast path does not know).
			if err == nil {
				assert.False(t, oktaTimeShape([]byte(s)), "%s: in Okta's shape and valid, but refused", s)
			}
			continue
		}
		require.NoError(t, err, "%s: accepted here, refused by time.Parse", s)
		assert.True(t, reflect.DeepEqual(want, got), "%s: %#v, time.Parse gives %#v", s, got, want)
	}
}

// A time decoded through the fast path is the same Time, and re-encodes to
// the same text, as one decoded through time.Parse.
func TestDecodeTimeFastPath(t *testing.T) {
	t.Parallel()
	var tok ApiToken
	require.NoError(t, unmarshal([]byte(`{"created":"2024-02-29T23:59:59.999Z","expiresAt":"2024-02-29T23:59:59.999+00:00"}`), &tok))
	assert.True(t, reflect.DeepEqual(time.Date(2024, 2, 29, 23, 59, 59, 999e6, time.UTC), tok.Created))
	assert.True(t, tok.Created.Equal(tok.ExpiresAt))
	_, _, kept := tok.textFor(planFor(reflect.TypeFor[ApiToken]()).index("created"))
	assert.False(t, kept, "Okta's own layout needs no kept text")
	out, err := marshal(tok)
	require.NoError(t, err)
	assert.Contains(t, string(out), `"created":"2024-02-29T23:59:59.999Z"`)
	assert.Contains(t, string(out), `"expiresAt":"2024-02-29T23:59:59.999+00:00"`, "another layout comes back as it came")
}

func FuzzOktaTime(f *testing.F) {
	for _, s := range oktaTimeCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := parseOktaTime([]byte(s))
		if !ok {
			return
		}
		want, err := time.Parse(time.RFC3339Nano, s)
		if err != nil {
			t.Fatalf("%q: accepted, but time.Parse says %v", s, err)
		}
		if !reflect.DeepEqual(want, got) {
			t.Fatalf("%q: %#v, time.Parse gives %#v", s, got, want)
		}
		if b := want.UTC().AppendFormat(nil, oktaTimeLayout); string(b) != s {
			t.Fatalf("%q: re-encodes as %q", s, b)
		}
	})
}

func TestCountObjects(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		doc  string
		want int
	}{
		{`[]`, 0},
		{` [ ] `, 0},
		{`[{}]`, 1},
		{`[{},{}, {"a":[{},{}],"b":{"c":{}}}]`, 3},
		{`[{"s":"}{]["},{"s":"\"{"},{"s":"\\"},{"s":"\\\"}"}]`, 4},
		{`[1,"{",null,{}]`, 1},
		{`[{},{`, 2},               // truncated: the decode reports it
		{`[{"a":"unterminated`, 1}, // likewise
		{`[[{}],{}]`, 1},
	} {
		assert.Equal(t, tc.want, countObjects([]byte(tc.doc)), tc.doc)
	}
}

// A page is decoded into a slice made to its length; one of more than
// maxPageItems models is refused before anything is made, and so is one whose
// models need more memory than the body's budget.
func TestPageSlice(t *testing.T) {
	t.Parallel()
	label := strings.Repeat("x", 500) // an Application is 3 KiB: at 10 bytes per body byte, it needs over 318 bytes
	page := func(n int) []byte {
		return []byte("[" + strings.Repeat(`{"id":"a","label":"`+label+`"},`, n-1) + `{"id":"a"}]`)
	}
	var apps []Application
	require.NoError(t, unmarshal(page(200), &apps))
	assert.Len(t, apps, 200)
	assert.Equal(t, 200, cap(apps))

	require.NoError(t, unmarshal(page(maxPageItems), &apps))
	assert.Len(t, apps, maxPageItems)

	err := unmarshal(page(maxPageItems+1), &apps)
	var te *TypeError
	require.ErrorAs(t, err, &te)
	assert.Equal(t, "okta: cannot decode a JSON array of 10001 objects into []okta.Application of at most 10000 items", err.Error())

	tiny := []byte("[" + strings.Repeat(`{"id":"a"},`, maxPageItems-1) + `{"id":"a"}]`)
	err = unmarshal(tiny, &apps)
	require.ErrorAs(t, err, &te, "10 000 Applications of 11 bytes each need 30 MiB")
	assert.Equal(t, "[]okta.Application", te.Want)

	// Below presizeMin a list grows by doubling, bounded not by its count but
	// by the budget: a thousand "{}" are fine, ten thousand of 64-byte
	// elements from 30 KB are not.
	small := make([]HrefHints, 0)
	require.NoError(t, unmarshal([]byte("["+strings.Repeat(`{},`, 999)+`{}]`), &small))
	assert.Len(t, small, 1000)
	err = unmarshal([]byte("["+strings.Repeat(`{},`, maxPageItems)+`{}]`), &small)
	require.ErrorAs(t, err, &te)
	assert.Equal(t, "[]okta.HrefHints", te.Want)
}

// Repeated short strings share one allocation; a slot taken by another string
// gives the new one; a decoder without a table still decodes.
func TestIntern(t *testing.T) {
	t.Parallel()
	d := decoder{names: new([internSlots]string)}
	a := d.intern([]byte("ACTIVE"))
	b := d.intern([]byte("ACTIVE"))
	assert.Equal(t, "ACTIVE", b)
	assert.Same(t, unsafe.StringData(a), unsafe.StringData(b), "a repeat is the same string")
	for i := range 2 * internSlots {
		s := fmt.Sprintf("id-%d", i)
		assert.Equal(t, s, d.intern([]byte(s)))
	}
	assert.Equal(t, "ACTIVE", d.intern([]byte("ACTIVE")))

	var bare decoder
	assert.Equal(t, "ACTIVE", bare.intern([]byte("ACTIVE")))
}

// A table outlives its document: the next decode that borrows it shares the
// strings the last one allocated.
func TestInternTablesAreShared(t *testing.T) {
	d := newDecoder(nil)
	a := d.intern([]byte("OPENID_CONNECT"))
	table := d.names
	d.release()
	assert.Nil(t, d.names)
	d2 := decoder{names: table}
	assert.Same(t, unsafe.StringData(a), unsafe.StringData(d2.intern([]byte("OPENID_CONNECT"))))

	// Two decoders alive at once hold distinct tables; concurrent decodes
	// sharing one would be a data race, which make test's -race reports.
	d3, d4 := newDecoder(nil), newDecoder(nil)
	assert.NotSame(t, d3.names, d4.names)
	d3.release()
	d4.release()
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			var apps []Application
			assert.NoError(t, unmarshal([]byte(`[{"status":"ACTIVE","signOnMode":"SAML_2_0"},{"status":"INACTIVE"}]`), &apps))
			assert.Equal(t, "INACTIVE", string(apps[1].Status))
		})
	}
	wg.Wait()
}
