package okta_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gatekit/okta"
)

// appLinksDoc is an app's _links as Okta sends them: single links, arrays of
// named links, and a member this SDK does not declare on a link.
const appLinksDoc = `{"id":"0oa1","_links":{
	"appLinks":[{"name":"a","href":"https://x.okta.com/home/a","type":"text/html"},{"name":"b","href":"https://x.okta.com/home/b","type":"text/html"}],
	"users":{"href":"https://x.okta.com/api/v1/apps/0oa1/users","hints":{"allow":["GET"]},"deprecation":"soon"},
	"logo":[{"name":"medium","href":"https://cdn/logo.png","type":"image/png"}],
	"count":{"n":12345678901234567890},
	"odd":"not a link"}}`

func TestLinksRead(t *testing.T) {
	t.Parallel()
	var app okta.Application
	require.NoError(t, json.Unmarshal([]byte(appLinksDoc), &app))

	assert.Equal(t, []string{"appLinks", "users", "logo", "count", "odd"}, app.Links.Rels())
	assert.False(t, app.Links.IsZero())

	users, ok := app.Links.Get("users")
	require.True(t, ok)
	assert.Equal(t, "https://x.okta.com/api/v1/apps/0oa1/users", users.Href)
	assert.Equal(t, []string{"GET"}, users.Hints.Allow)
	dep, ok := users.Extra("deprecation")
	require.True(t, ok, "a link keeps members it does not declare")
	assert.JSONEq(t, `"soon"`, string(dep))

	all := app.Links.All("appLinks")
	require.Len(t, all, 2)
	assert.Equal(t, "a", all[0].Name)
	assert.Equal(t, "https://x.okta.com/home/b", all[1].Href)
	assert.Equal(t, "text/html", all[1].Type)
	assert.Equal(t, "https://x.okta.com/home/a", app.Links.Href("appLinks"), "Href of an array is its first link")
	assert.Equal(t, "image/png", app.Links.All("logo")[0].Type)

	assert.Empty(t, app.Links.All("odd"), "a value that is not a link object is no link")
	_, ok = app.Links.Get("deactivate")
	assert.False(t, ok)
	assert.Equal(t, "", app.Links.Href("deactivate"))

	m := app.Links.Map()
	assert.Equal(t, json.Number("12345678901234567890"), m["count"].(map[string]any)["n"])
	assert.Equal(t, "not a link", m["odd"])
}

// _links goes back byte for byte as it came, whatever this SDK understands of it.
func TestLinksRoundTrip(t *testing.T) {
	t.Parallel()
	var app okta.Application
	require.NoError(t, json.Unmarshal([]byte(appLinksDoc), &app))
	out, err := json.Marshal(app)
	require.NoError(t, err)
	assert.JSONEq(t, appLinksDoc, string(out))

	b, err := json.Marshal(app.Links)
	require.NoError(t, err)
	var want map[string]json.RawMessage
	require.NoError(t, json.Unmarshal([]byte(appLinksDoc), &want))
	assert.JSONEq(t, string(want["_links"]), string(b))
	assert.JSONEq(t, string(want["_links"]), app.Links.String())
}

func TestLinksAbsentNullAndMismatch(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ name, doc, back string }{
		{"absent", `{"id":"x"}`, `{"id":"x"}`},
		{"null", `{"id":"x","_links":null}`, `{"id":"x","_links":null}`},
		{"not an object", `{"id":"x","_links":["self"]}`, `{"id":"x","_links":["self"]}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var tok okta.ApiToken
			require.NoError(t, json.Unmarshal([]byte(tc.doc), &tok))
			assert.True(t, tok.Links.IsZero())
			assert.Nil(t, tok.Links.Rels())
			assert.Nil(t, tok.Links.Map())
			out, err := json.Marshal(tok)
			require.NoError(t, err)
			assert.JSONEq(t, tc.back, string(out))
		})
	}
	var zero okta.Links
	b, err := json.Marshal(zero)
	require.NoError(t, err)
	assert.Equal(t, "null", string(b))
}

func TestLinksUnmarshalJSON(t *testing.T) {
	t.Parallel()
	var l okta.Links
	require.NoError(t, json.Unmarshal([]byte(` {"self":{"href":"https://x/1"}} `), &l))
	assert.Equal(t, "https://x/1", l.Href("self"))
	require.NoError(t, json.Unmarshal([]byte(`null`), &l))
	assert.True(t, l.IsZero())

	var te *okta.TypeError
	require.ErrorAs(t, l.UnmarshalJSON([]byte(`"self"`)), &te)
	assert.Equal(t, "string", te.Got)
	var se *okta.SyntaxError
	require.ErrorAs(t, l.UnmarshalJSON([]byte(`{"self":`)), &se)
	require.ErrorAs(t, l.UnmarshalJSON([]byte(`{} x`)), &se)
}
