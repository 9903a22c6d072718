package okta_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gatekit/okta"
)

// roundTrip decodes doc into an ApiToken and encodes it again.
func roundTrip(t *testing.T, doc string) (okta.ApiToken, string) {
	t.Helper()
	var tok okta.ApiToken
	require.NoError(t, json.Unmarshal([]byte(doc), &tok))
	out, err := json.Marshal(tok)
	require.NoError(t, err)
	return tok, string(out)
}

func TestCodecRoundTrip(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		doc  string
	}{
		{"spec example", apiTokenJSON},
		{"empty object", `{}`},
		{"explicit zero values", `{"id":"","name":"","clientName":"","userId":"","tokenWindow":"","network":{"connection":"","include":[],"exclude":[]},"_links":{}}`},
		{"explicit false and 0 in untyped members", `{"id":"a","_links":{"self":{"hints":{"allow":[]},"templated":false,"count":0}},"enabled":false,"n":0,"s":""}`},
		{"unknown members at several depths", `{"id":"a","orn":"orn:okta:idp:1","network":{"connection":"ZONE","include":["z"],"extra":{"deep":[1,{"deeper":true}]}},"_links":{"self":{"href":"h","x-new":[null]}},"top":{"a":{"b":{"c":"d"}}}}`},
		{"escaped member names", `{"i\u0064":"escaped declared name","na\"me":"quote in a name","\u00e9t\u00e9":1,"tab\there":2,"slash\/":3}`},
		{"unicode escapes and surrogate pairs", `{"name":"caf\u00e9 \ud83d\ude00 \u2028 \u0000","clientName":"😀 literal","x":"\ud83d\ude00","y":"lone \ud800 surrogate"}`},
		{"big integers in unknown members", `{"id":"a","big":123456789012345678901234567890,"neg":-9223372036854775809,"float":1.000000000000000000001,"_links":{"n":18446744073709551616}}`},
		{"times in other layouts", `{"created":"2021-11-09T20:38:10Z","expiresAt":"2021-12-11T21:38:10.123456+01:00","lastUpdated":"2021-11-11T20:38:10.000Z"}`},
		{"HTML characters", `{"name":"<b>&amp;</b>","x":"<script>"}`},
		{"duplicate-free nested arrays", `{"network":{"include":["a","b","a"],"exclude":["c"]},"list":[[],[[]],{}]}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, out := roundTrip(t, tt.doc)
			assert.JSONEq(t, tt.doc, out)
			// And again: encoding is stable.
			_, out2 := roundTrip(t, out)
			assert.Equal(t, out, out2)
		})
	}
}

// A null member may come back absent or null, but never as a value.
func TestCodecNulls(t *testing.T) {
	t.Parallel()
	doc := `{"id":null,"name":"n","network":null,"created":null,"_links":null,"unknown":null,"nested":{"x":null}}`
	tok, out := roundTrip(t, doc)
	assert.JSONEq(t, doc, out)
	assert.Equal(t, "", tok.ID)
	assert.True(t, tok.Created.IsZero())
	assert.True(t, tok.Links.IsZero())
	raw, ok := tok.Extra("unknown")
	assert.True(t, ok)
	assert.Equal(t, "null", string(raw))
}

// A member whose value has another type than declared does not fail the
// decode; it is kept verbatim and sent back as it came.
func TestCodecMismatchedTypesKept(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, doc string }{
		{"number for a string", `{"id":12345,"name":"n"}`},
		{"object for a string", `{"name":{"first":"a"}}`},
		{"string for an object", `{"network":"ANYWHERE"}`},
		{"array for an object", `{"network":["a"]}`},
		{"number in a string list", `{"network":{"include":["a",2,"c"]}}`},
		{"string for a map", `{"_links":"none"}`},
		{"bool for a string", `{"tokenWindow":true}`},
		{"number for a time", `{"created":1636490290}`},
		{"string not a time", `{"created":"yesterday","expiresAt":"2021-12-11"}`},
		{"object for a time", `{"lastUpdated":{"at":"x"}}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, out := roundTrip(t, tt.doc)
			assert.JSONEq(t, tt.doc, out)
		})
	}

	tok, _ := roundTrip(t, `{"id":12345,"name":"kept","network":{"connection":7,"include":["z"]}}`)
	assert.Equal(t, "", tok.ID, "the typed field stays zero")
	assert.Equal(t, "kept", tok.Name)
	assert.Equal(t, "", tok.Network.Connection)
	assert.Equal(t, []string{"z"}, tok.Network.Include)

	// Setting the field replaces the kept value.
	tok.ID = "00Tnew"
	out, err := json.Marshal(tok)
	require.NoError(t, err)
	assert.JSONEq(t, `{"id":"00Tnew","name":"kept","network":{"connection":7,"include":["z"]}}`, string(out))
}

func TestCodecSyntaxError(t *testing.T) {
	t.Parallel()
	for _, doc := range []string{
		``, `{`, `{"id"}`, `{"id":}`, `{"id":"a",}`, `{"id":"a"`, `{"id":"a\x"}`, `{"id":"\u12"}`,
		"{\"id\":\"a\nb\"}", `{"n":01}`, `{"n":-}`, `{"n":1.}`, `{"n":1e}`, `{"b":tru}`, `{"b":nul}`,
		`{"x":[1,2}`, `{"x":{"a" 1}}`, `{} {}`, `{"id":"a"} x`, `<html>`, `hello`, `{'id':'a'}`,
		`{"_links":{"a":[}}`, `{"network":{"include":[,]}}`,
		`{"x":"\0"}`, `{"x":"\u12"}`, `{"x":["\q"]}`, `{"\q":1}`, `{"_links":{"a":"\x41"}}`,
	} {
		var tok okta.ApiToken
		err := tok.UnmarshalJSON([]byte(doc))
		var se *okta.SyntaxError
		if assert.True(t, errors.As(err, &se), "%q: %v", doc, err) {
			assert.GreaterOrEqual(t, se.Offset, 0)
			assert.LessOrEqual(t, se.Offset, len(doc))
			assert.Contains(t, se.Error(), "malformed JSON at byte")
		}
	}
}

func TestCodecTypeError(t *testing.T) {
	t.Parallel()
	for doc, got := range map[string]string{`[]`: "array", `"x"`: "string", `12`: "number", `true`: "boolean", ` [1, {"a":2}] `: "array"} {
		var tok okta.ApiToken
		err := tok.UnmarshalJSON([]byte(doc))
		var te *okta.TypeError
		require.True(t, errors.As(err, &te), "%q: %v", doc, err)
		assert.Equal(t, "okta.ApiToken", te.Want)
		assert.Equal(t, got, te.Got)
		assert.Equal(t, "okta: cannot decode a JSON "+got+" into okta.ApiToken", te.Error())
	}
	// null leaves the model as it is, like encoding/json.
	tok := okta.ApiToken{ID: "keep"}
	require.NoError(t, tok.UnmarshalJSON([]byte(`null`)))
	assert.Equal(t, "keep", tok.ID)
}

// A hostile depth is an error, not a crash.
func TestCodecDeepNesting(t *testing.T) {
	t.Parallel()
	deep := make([]byte, 0, 1<<20)
	deep = append(deep, `{"x":`...)
	for range 1 << 19 {
		deep = append(deep, '[')
	}
	var tok okta.ApiToken
	var se *okta.SyntaxError
	require.ErrorAs(t, tok.UnmarshalJSON(deep), &se)

	// Reasonable depth is fine.
	ok := `{"x":` + strings.Repeat("[", 500) + strings.Repeat("]", 500) + `,"_links":` + strings.Repeat(`{"a":`, 500) + "1" + strings.Repeat("}", 500) + `}`
	_, out := roundTrip(t, ok)
	assert.JSONEq(t, ok, out)
}

func TestCodecExtra(t *testing.T) {
	t.Parallel()
	tok, _ := roundTrip(t, `{"id":"a","zeta":{"n":1},"alpha":[true],"network":{"connection":"ZONE","inner":1}}`)

	assert.Equal(t, []string{"alpha", "zeta"}, tok.ExtraNames())
	assert.Equal(t, []string{"inner"}, tok.Network.ExtraNames())
	raw, ok := tok.Extra("zeta")
	require.True(t, ok)
	assert.JSONEq(t, `{"n":1}`, string(raw))
	_, ok = tok.Extra("id")
	assert.False(t, ok, "a declared member is not an extra")
	_, ok = tok.Extra("missing")
	assert.False(t, ok)

	// Extra returns a copy.
	raw[0] = 'X'
	again, _ := tok.Extra("zeta")
	assert.JSONEq(t, `{"n":1}`, string(again))

	require.NoError(t, tok.SetExtra("zeta", map[string]any{"n": 2}))
	require.NoError(t, tok.SetExtra("new", []int{1, 2}))
	require.NoError(t, tok.SetExtra("when", time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)))
	require.NoError(t, tok.SetExtra("raw", json.RawMessage(`{"kept":"as is"}`)))
	require.NoError(t, tok.SetExtra("nil", nil))
	tok.DeleteExtra("alpha")
	tok.DeleteExtra("not there")
	assert.Equal(t, []string{"new", "nil", "raw", "when", "zeta"}, tok.ExtraNames())

	out, err := json.Marshal(tok)
	require.NoError(t, err)
	assert.JSONEq(t, `{"id":"a","zeta":{"n":2},"new":[1,2],"when":"2024-01-02T03:04:05Z","raw":{"kept":"as is"},"nil":null,"network":{"connection":"ZONE","inner":1}}`, string(out))

	// An unencodable value is an error and changes nothing.
	assert.Error(t, tok.SetExtra("bad", func() {}))
	_, ok = tok.Extra("bad")
	assert.False(t, ok)

	// An extra on a fresh model.
	var fresh okta.ApiToken
	require.NoError(t, fresh.SetExtra("x", "y"))
	out, err = json.Marshal(fresh)
	require.NoError(t, err)
	assert.JSONEq(t, `{"x":"y"}`, string(out))
}

// SetExtra cannot override a declared field: the field's value is what is sent.
func TestCodecSetExtraDeclaredName(t *testing.T) {
	t.Parallel()
	tok, _ := roundTrip(t, `{"id":"real"}`)
	require.NoError(t, tok.SetExtra("id", "shadow"))
	out, err := json.Marshal(tok)
	require.NoError(t, err)
	assert.JSONEq(t, `{"id":"real"}`, string(out))
}

// A field changed after decoding is sent with its new value; everything else
// stays as received.
func TestCodecChangedFields(t *testing.T) {
	t.Parallel()
	doc := `{"id":"00T1","name":"old","clientName":"","userId":null,"network":{"connection":"ZONE","include":["a"],"future":1},"created":"2021-11-09T20:38:10Z","lastUpdated":"2021-11-11T21:38:10+01:00","x":{"y":1}}`
	tok, _ := roundTrip(t, doc)

	tok.Name = "new"
	tok.ClientName = "set"
	tok.UserID = "00u1"
	tok.TokenWindow = "P7D" // absent before: written once set
	tok.Network.Include = append(tok.Network.Include, "b")
	tok.Created = tok.Created.Add(time.Hour)                           // changed: re-encoded
	tok.LastUpdated = tok.LastUpdated.In(time.FixedZone("X", -5*3600)) // same instant: original text kept
	out, err := json.Marshal(tok)
	require.NoError(t, err)
	assert.JSONEq(t, `{"id":"00T1","name":"new","clientName":"set","userId":"00u1","tokenWindow":"P7D","network":{"connection":"ZONE","include":["a","b"],"future":1},"created":"2021-11-09T21:38:10.000Z","lastUpdated":"2021-11-11T21:38:10+01:00","x":{"y":1}}`, string(out))

	// Back to zero: "" for a string that was present, null for a time.
	tok.Name = ""
	tok.Created = time.Time{}
	out, err = json.Marshal(tok)
	require.NoError(t, err)
	var m map[string]any
	require.NoError(t, json.Unmarshal(out, &m))
	assert.Equal(t, "", m["name"])
	assert.Nil(t, m["created"])
	assert.Contains(t, m, "created")
}

// An unchanged time keeps the text it arrived in, whatever its layout.
func TestCodecUnchangedTimeKeepsText(t *testing.T) {
	t.Parallel()
	at := time.Date(2021, 11, 9, 20, 38, 10, 0, time.UTC)
	for s, want := range map[string]time.Time{
		"2021-11-09T20:38:10Z":           at,
		"2021-11-09T20:38:10.000Z":       at,
		"2021-11-09T20:38:10.123456789Z": at.Add(123456789 * time.Nanosecond),
		"2021-11-09T21:38:10+01:00":      at,
	} {
		tok, out := roundTrip(t, `{"created":"`+s+`"}`)
		assert.Equal(t, `{"created":"`+s+`"}`, out)
		assert.True(t, tok.Created.Equal(want), "%s decodes as %v", s, tok.Created)
	}
	// A time set on a fresh model is written in Okta's layout.
	out, err := json.Marshal(okta.ApiToken{Created: time.Date(2024, 5, 6, 7, 8, 9, 123e6, time.FixedZone("X", 3600))})
	require.NoError(t, err)
	assert.Equal(t, `{"created":"2024-05-06T06:08:09.123Z"}`, string(out))
}

// Copies of a model do not share edits made through SetExtra or DeleteExtra.
func TestCodecCopiesIndependent(t *testing.T) {
	t.Parallel()
	orig, _ := roundTrip(t, `{"id":"a","x":1,"y":2,"network":{"z":3}}`)
	cp := orig
	require.NoError(t, cp.SetExtra("x", 100))
	cp.DeleteExtra("y")
	require.NoError(t, cp.SetExtra("new", true))
	require.NoError(t, cp.Network.SetExtra("z", 4))

	o, err := json.Marshal(orig)
	require.NoError(t, err)
	assert.JSONEq(t, `{"id":"a","x":1,"y":2,"network":{"z":3}}`, string(o))
	c, err := json.Marshal(cp)
	require.NoError(t, err)
	assert.JSONEq(t, `{"id":"a","x":100,"new":true,"network":{"z":4}}`, string(c))

	// And the other way round.
	require.NoError(t, orig.SetExtra("y", "changed"))
	c2, err := json.Marshal(cp)
	require.NoError(t, err)
	assert.Equal(t, string(c), string(c2))
}

// Names are matched exactly: a member spelled differently from a declared
// field is an unknown member, kept with its own spelling.
func TestCodecExactNames(t *testing.T) {
	t.Parallel()
	tok, out := roundTrip(t, `{"ID":"upper","Name":"cap","userid":"lower"}`)
	assert.Equal(t, "", tok.ID)
	assert.Equal(t, "", tok.Name)
	assert.Equal(t, "", tok.UserID)
	assert.Equal(t, []string{"ID", "Name", "userid"}, tok.ExtraNames())
	assert.JSONEq(t, `{"ID":"upper","Name":"cap","userid":"lower"}`, out)
}

// A list page decodes through encoding/json too, each element losslessly.
func TestCodecList(t *testing.T) {
	t.Parallel()
	doc := `[{"id":"a","x":1},{"id":"b","network":{"connection":"ANYWHERE","y":[2]}},{}]`
	var toks []okta.ApiToken
	require.NoError(t, json.Unmarshal([]byte(doc), &toks))
	require.Len(t, toks, 3)
	assert.Equal(t, "ANYWHERE", toks[1].Network.Connection)
	out, err := json.Marshal(toks)
	require.NoError(t, err)
	assert.JSONEq(t, doc, string(out))
}

// FuzzCodecRoundTrip checks, for any input, that decoding never panics and
// that what decodes re-encodes to valid JSON that is a fixed point:
// decode→encode→decode→encode gives the same bytes as decode→encode. Its seeds
// are in testdata/fuzz/FuzzCodecRoundTrip and run with every go test.
func FuzzCodecRoundTrip(f *testing.F) {
	f.Add([]byte(apiTokenJSON))
	for _, s := range codecSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		out1 := stableRoundTrip[okta.ApiToken](t, data)
		if out1 == nil {
			return
		}
		if json.Valid(data) {
			// Where encoding/json also reads the input, the output means the
			// same (up to nulls, duplicates and number spelling, which the
			// reference decode below normalizes).
			var in, got any
			if json.Unmarshal(data, &in) == nil && json.Unmarshal(out1, &got) == nil {
				if _, ok := in.(map[string]any); ok {
					assert.Equal(t, dropNulls(in), dropNulls(got))
				}
			}
		}
	})
}

// dropNulls removes null object members, which may come back absent.
func dropNulls(v any) any {
	switch x := v.(type) {
	case map[string]any:
		m := map[string]any{}
		for k, e := range x {
			if e != nil {
				m[k] = dropNulls(e)
			}
		}
		return m
	case []any:
		for i := range x {
			x[i] = dropNulls(x[i])
		}
	}
	return v
}

// Null elements of lists and maps come back null while the field is
// unchanged (the typed field holds them as zero values); once the field is
// changed, it is written from its values.
func TestCodecNullElementsKept(t *testing.T) {
	t.Parallel()
	for _, doc := range []string{
		`{"features":["PUSH_NEW_USERS",null]}`,
		`{"features":[null]}`,
		`{"visibility":{"appLinks":{"x":null,"y":true}}}`,
		`{"settings":{"oauthClient":{"redirect_uris":[null],"grant_types":["authorization_code",null,"refresh_token"]}}}`,
		`{"settings":{"oauthClient":{"redirect_uris":[null]}},"features":[null,null],"x":[null]}`,
	} {
		var app okta.Application
		require.NoError(t, json.Unmarshal([]byte(doc), &app), doc)
		out, err := json.Marshal(app)
		require.NoError(t, err)
		assert.JSONEq(t, doc, string(out), doc)
		again, err := json.Marshal(app)
		require.NoError(t, err)
		assert.Equal(t, string(out), string(again))
	}

	var app okta.Application
	require.NoError(t, json.Unmarshal([]byte(`{"features":["PUSH_NEW_USERS",null],"visibility":{"appLinks":{"x":null}}}`), &app))
	assert.Equal(t, []string{"PUSH_NEW_USERS", ""}, app.Features)
	app.Features = append(app.Features, "IMPORT_NEW_USERS")
	app.Visibility.AppLinks["x"] = true
	out, err := json.Marshal(app)
	require.NoError(t, err)
	assert.JSONEq(t, `{"features":["PUSH_NEW_USERS","","IMPORT_NEW_USERS"],"visibility":{"appLinks":{"x":true}}}`, string(out))
}

// A repeated member decodes as encoding/json decodes it, the last one
// winning, and is written back once, as decoded: never the earlier value.
func TestCodecDuplicateMembers(t *testing.T) {
	t.Parallel()
	for doc, want := range map[string]string{
		`{"label":5,"label":""}`:                    `{"label":""}`,
		`{"label":"","label":5}`:                    `{"label":5}`,
		`{"label":"a","label":null}`:                `{"label":null}`,
		`{"label":null,"label":"b"}`:                `{"label":"b"}`,
		`{"label":{"x":1},"label":[2],"label":"c"}`: `{"label":"c"}`,
		`{"created":"2021-11-09T21:38:10+01:00","created":"2021-11-09T20:38:10.000Z"}`: `{"created":"2021-11-09T20:38:10.000Z"}`,
		`{"x":1,"y":0,"x":2}`:                  `{"x":2,"y":0}`,
		`{"features":[null],"features":["A"]}`: `{"features":["A"]}`,
	} {
		var app okta.Application
		require.NoError(t, json.Unmarshal([]byte(doc), &app), doc)
		var ref struct {
			Label any `json:"label"`
		}
		require.NoError(t, json.Unmarshal([]byte(doc), &ref))
		if s, ok := ref.Label.(string); ok {
			assert.Equal(t, s, app.Label, "%s: the field holds what encoding/json decodes", doc)
		}
		out, err := json.Marshal(app)
		require.NoError(t, err)
		assert.JSONEq(t, want, string(out), doc)
	}

	// Many repeated unknown members: the last of each is kept.
	var b strings.Builder
	b.WriteString(`{`)
	for i := range 100 {
		fmt.Fprintf(&b, `"m%d":%d,`, i%30, i)
	}
	b.WriteString(`"id":"a"}`)
	var tok okta.ApiToken
	require.NoError(t, json.Unmarshal([]byte(b.String()), &tok))
	assert.Len(t, tok.ExtraNames(), 30)
	raw, ok := tok.Extra("m5")
	require.True(t, ok)
	assert.Equal(t, "95", string(raw))
}
