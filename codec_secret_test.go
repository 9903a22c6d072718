package okta_test

import (
	"bytes"
	"encoding/gob"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"log/slog"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"

	"github.com/gatekit/okta"
)

// The secrets the tests below plant, and parts of them that must not show.
const (
	clientSecret = "TOP-SECRET-1234"
	userPassword = "hunter2-pass-5678"
	provToken    = "prov-token-9012"
	straySecret  = "98765432109876" // a client_secret sent as a number
)

// secretModels returns models holding secrets: decoded from JSON (as from
// Okta) and built in code.
func secretModels(t *testing.T) (*okta.Application, *okta.Application, *okta.AppUser, *okta.ProvisioningConnectionRequest) {
	t.Helper()
	var app, stray okta.Application
	require.NoError(t, json.Unmarshal([]byte(`{"id":"0oa1","credentials":{"oauthClient":{"client_id":"c","client_secret":"`+clientSecret+`"}}}`), &app))
	require.Equal(t, okta.NewSecret(clientSecret), app.Credentials.OAuthClient.ClientSecret)
	require.NoError(t, json.Unmarshal([]byte(`{"id":"0oa2","credentials":{"oauthClient":{"client_secret":`+straySecret+`}}}`), &stray))
	user := &okta.AppUser{ID: "00u1"}
	user.Credentials.Password.Value = okta.NewSecret(userPassword)
	prov := &okta.ProvisioningConnectionRequest{}
	prov.Profile.Token = okta.NewSecret(provToken)
	return &app, &stray, user, prov
}

// secretHolder is a struct of a caller's own holding a Secret.
type secretHolder struct{ S okta.Secret }

// assertNoPlantedSecret fails if s shows any planted secret.
func assertNoPlantedSecret(t *testing.T, what, s string) {
	t.Helper()
	for _, secret := range []string{clientSecret, userPassword, provToken, straySecret, "TOP-SECRET", "hunter2", "prov-token", "9876543210"} {
		if strings.Contains(s, secret) {
			t.Errorf("%s shows %q: %s", what, secret, s)
			return
		}
		// And not hex-encoded, as %x of a string would show it.
		if strings.Contains(strings.ToLower(s), fmt.Sprintf("%x", secret)) {
			t.Errorf("%s shows %q in hex: %s", what, secret, s)
			return
		}
	}
}

// No fmt verb shows a secret, from a model at any depth: by value, by
// pointer, inside a request struct (the route fmt took with its methods off
// for verbs that do not fit a pointer), in slices and maps, alone.
func TestSecretsNotPrintedByAnyVerb(t *testing.T) {
	t.Parallel()
	app, stray, user, prov := secretModels(t)
	secret := app.Credentials.OAuthClient.ClientSecret
	holders := map[string]any{
		"app":                       *app,
		"*app":                      app,
		"stray *app":                stray,
		"credentials":               app.Credentials,
		"oauthClient pointer":       &app.Credentials.OAuthClient,
		"CreateApplicationRequest":  okta.CreateApplicationRequest{Application: app},
		"*UpdateApplicationRequest": &okta.UpdateApplicationRequest{AppID: "0oa1", Application: stray},
		"AssignUserToApplication":   okta.AssignUserToApplicationRequest{AppID: "0oa1", AppUser: user},
		"provisioning request":      okta.SetDefaultProvisioningConnectionForApplicationRequest{AppID: "0oa1", ProvisioningConnectionRequest: prov},
		"[]Application":             []okta.Application{*app, *stray},
		"[]*Application":            []*okta.Application{app},
		"map of models":             map[string]*okta.AppUser{"u": user},
		"nested request":            struct{ Req okta.CreateApplicationRequest }{okta.CreateApplicationRequest{Application: app}},
		"pointer to nested request": &struct {
			Reqs []okta.UpdateApplicationRequest
		}{[]okta.UpdateApplicationRequest{{Application: app}}},
		"Secret":                      secret,
		"*Secret":                     &secret,
		"[]Secret":                    []okta.Secret{secret},
		"struct holding a Secret":     struct{ S okta.Secret }{secret},
		"struct holding a *Secret":    struct{ S *okta.Secret }{&secret},
		"any holding a model pointer": []any{app, user, prov},
	}
	// Every verb but %p of a value that is not a pointer, which fmt prints
	// with all methods off (see Secret's doc; go vet reports the misuse).
	verbs := []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%X", "%t", "%d", "%10s", "%-40q", "%e", "%g", "%b", "%o", "%c", "%U", "%T", "% x", "%#s", "%08.3f", "%!"}
	for name, h := range holders {
		for _, verb := range verbs {
			assertNoPlantedSecret(t, name+" with "+verb, fmt.Sprintf(verb, h))
		}
		if k := reflect.ValueOf(h).Kind(); k == reflect.Pointer || k == reflect.Slice || k == reflect.Map {
			assertNoPlantedSecret(t, name+" with %p", fmt.Sprintf("%p", h))
		}
		assertNoPlantedSecret(t, name+" with Sprint", fmt.Sprint(h))
		assertNoPlantedSecret(t, name+" with Sprintln", fmt.Sprintln(h))
	}
	// What a model prints is its JSON, the secret redacted.
	assert.Contains(t, fmt.Sprint(app), `"client_secret":"[REDACTED]"`)
	assert.Contains(t, fmt.Sprintf("%#v", app), `okta.Application{"id":"0oa1"`)
	assert.Contains(t, fmt.Sprintf(verbs[3], okta.CreateApplicationRequest{Application: app}), `"id":"0oa1"`, "%s, which vet rightly flags for a struct")
}

// slog redacts a Secret and a model holding one, through both handlers and
// at any depth of a group.
func TestSecretsNotLogged(t *testing.T) {
	t.Parallel()
	app, stray, user, prov := secretModels(t)
	var buf bytes.Buffer
	for _, h := range []slog.Handler{slog.NewJSONHandler(&buf, nil), slog.NewTextHandler(&buf, nil)} {
		log := slog.New(h)
		log.Info("m", "secret", app.Credentials.OAuthClient.ClientSecret, "app", app, "stray", stray, "user", *user,
			slog.Group("g", "prov", prov, "req", okta.CreateApplicationRequest{Application: app}))
		log.Info("m", slog.Any("oauthClient", app.Credentials.OAuthClient), slog.String("s", app.Credentials.OAuthClient.ClientSecret.String()))
	}
	assertNoPlantedSecret(t, "slog output", buf.String())
	assert.Contains(t, buf.String(), `"secret":"[REDACTED]"`)
	assert.Contains(t, buf.String(), `\"client_secret\":\"[REDACTED]\"`, "the text handler prints the model's JSON")
}

// json.Marshal of a model redacts its secrets, and keeps everything else; the
// SDK's own wire encoding sends them in full, and refuses to send the text
// json.Marshal wrote in their place.
func TestSecretsRedactedByJSONMarshal(t *testing.T) {
	t.Parallel()
	app, stray, user, prov := secretModels(t)
	for name, v := range map[string]any{"app": app, "stray": stray, "user": user, "prov": prov, "secret": app.Credentials.OAuthClient.ClientSecret,
		"plain struct": struct{ S okta.Secret }{app.Credentials.OAuthClient.ClientSecret}} {
		out, err := json.Marshal(v)
		require.NoError(t, err)
		assertNoPlantedSecret(t, name, string(out))
		assert.Contains(t, string(out), "[REDACTED]", name)
	}
	out, err := json.Marshal(app)
	require.NoError(t, err)
	assert.JSONEq(t, `{"id":"0oa1","credentials":{"oauthClient":{"client_id":"c","client_secret":"[REDACTED]"}}}`, string(out))
	empty, err := json.Marshal(okta.Secret{})
	require.NoError(t, err)
	assert.Equal(t, `""`, string(empty), "an empty secret hides nothing")

	wire, err := okta.MarshalWire(app)
	require.NoError(t, err)
	assert.Contains(t, string(wire), `"client_secret":"`+clientSecret+`"`)
	wire, err = okta.MarshalWire(stray)
	require.NoError(t, err)
	assert.Contains(t, string(wire), `"client_secret":`+straySecret, "a stray value is sent back as it came")

	var back okta.Application
	require.NoError(t, json.Unmarshal(out, &back))
	_, err = okta.MarshalWire(&back)
	assert.ErrorContains(t, err, "[REDACTED]", "a redacted copy is not sent as the secret")

	// Text encoders (encoding/xml, YAML) see the redacted text too.
	x, err := xml.Marshal(secretHolder{app.Credentials.OAuthClient.ClientSecret})
	require.NoError(t, err)
	assertNoPlantedSecret(t, "xml", string(x))
	y, err := yaml.Marshal(map[string]any{"s": app.Credentials.OAuthClient.ClientSecret, "h": secretHolder{user.Credentials.Password.Value}})
	require.NoError(t, err)
	assertNoPlantedSecret(t, "yaml", string(y))

	// SetExtra sends a Secret in full: it is the caller's member to send.
	require.NoError(t, back.SetExtra("token", okta.NewSecret("x-extra")))
	raw, _ := back.Extra("token")
	assert.Equal(t, `"x-extra"`, string(raw))
}

// Structs of a caller's own that hold secrets in unexported fields: fmt
// cannot call a method on such a field, so it prints what the field holds.
type (
	mySecret      struct{ s okta.Secret }
	myApp         struct{ app okta.Application }
	myAppPtr      struct{ app *okta.Application }
	myRequest     struct{ req okta.CreateApplicationRequest }
	myUser        struct{ user okta.AppUser }
	mySecretSlice struct{ ss []okta.Secret }
	myAny         struct{ v any }
)

// callerHolders returns the planted secrets inside a caller's own structs,
// in unexported fields, held by value and by pointer.
func callerHolders(t *testing.T) map[string]any {
	t.Helper()
	app, stray, user, prov := secretModels(t)
	secret := app.Credentials.OAuthClient.ClientSecret
	holders := map[string]any{
		"unexported Secret":             mySecret{secret},
		"unexported model":              myApp{*app},
		"unexported stray model":        myApp{*stray},
		"unexported model pointer":      myAppPtr{app},
		"unexported request":            myRequest{okta.CreateApplicationRequest{Application: app}},
		"unexported app user":           myUser{*user},
		"unexported []Secret":           mySecretSlice{[]okta.Secret{secret, user.Credentials.Password.Value}},
		"unexported any holding Secret": myAny{prov.Profile.Token},
		"unexported any holding model":  myAny{*prov},
		"anonymous unexported":          struct{ s, t okta.Secret }{secret, user.Credentials.Password.Value},
	}
	all := map[string]any{}
	for name, h := range holders {
		p := reflect.New(reflect.TypeOf(h))
		p.Elem().Set(reflect.ValueOf(h))
		all[name], all["*"+name], all["[]"+name] = h, p.Interface(), []any{h}
	}
	return all
}

// No fmt verb shows a secret held in an unexported field of a caller's own
// struct, by value or by pointer, bare or inside a model: fmt prints such a
// field with methods off, and sees only the masked form.
func TestSecretsNotPrintedFromUnexportedFields(t *testing.T) {
	t.Parallel()
	verbs := []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%X", "%t", "%d", "%10s", "%-40q", "% x", "%#x", "%#q", "%e", "%b", "%o", "%c", "%U"}
	for name, h := range callerHolders(t) {
		for _, verb := range verbs {
			assertNoPlantedSecret(t, name+" with "+verb, fmt.Sprintf(verb, h))
		}
		assertNoPlantedSecret(t, name+" with Sprint", fmt.Sprint(h))
		assertNoPlantedSecret(t, name+" with Sprintln", fmt.Sprintln(h))
		out, err := json.Marshal(h)
		require.NoError(t, err, name)
		assertNoPlantedSecret(t, name+" with json.Marshal", string(out))
	}
}

// walkStrings calls visit with every string and byte slice reachable from v
// by reflection, unexported fields included, as go-spew and other printers
// that walk values do. Pointers are visited once, so cycles end.
func walkStrings(v reflect.Value, seen map[uintptr]bool, visit func(string)) {
	switch v.Kind() {
	case reflect.String:
		visit(v.String())
	case reflect.Pointer:
		if v.IsNil() || seen[v.Pointer()] {
			return
		}
		seen[v.Pointer()] = true
		walkStrings(v.Elem(), seen, visit)
	case reflect.Interface:
		if !v.IsNil() {
			walkStrings(v.Elem(), seen, visit)
		}
	case reflect.Struct:
		for i := range v.NumField() {
			walkStrings(v.Field(i), seen, visit)
		}
	case reflect.Slice, reflect.Array:
		if v.Kind() == reflect.Slice && v.Type().Elem().Kind() == reflect.Uint8 {
			visit(string(v.Bytes()))
			return
		}
		for i := range v.Len() {
			walkStrings(v.Index(i), seen, visit)
		}
	case reflect.Map:
		for it := v.MapRange(); it.Next(); {
			walkStrings(it.Key(), seen, visit)
			walkStrings(it.Value(), seen, visit)
		}
	}
}

// No string a reflection walker can reach holds a secret: not a Secret's
// field, not the text the codec keeps for a Secret that arrived as another
// JSON type, not a value SetExtra was given.
func TestSecretsNotSeenByReflection(t *testing.T) {
	t.Parallel()
	app, stray, user, prov := secretModels(t)
	withExtra := *app
	require.NoError(t, withExtra.SetExtra("token", okta.NewSecret(provToken)))
	require.NoError(t, withExtra.SetExtra("model", user))
	wire, err := okta.MarshalWire(&withExtra)
	require.NoError(t, err)
	assert.Contains(t, string(wire), `"token":"`+provToken+`"`, "SetExtra's Secret is sent in full")

	values := map[string]any{"app": app, "stray": stray, "user": user, "prov": prov, "SetExtra": &withExtra}
	for name, h := range callerHolders(t) {
		values[name] = h
	}
	for name, v := range values {
		walkStrings(reflect.ValueOf(v), map[uintptr]bool{}, func(s string) {
			assertNoPlantedSecret(t, name+" walked by reflection", s)
		})
	}
}

// testify's diff of two unequal models (go-spew with methods off) shows no
// secret.
func TestSecretsNotShownByTestifyDiff(t *testing.T) {
	t.Parallel()
	app, stray, user, _ := secretModels(t)
	other := *app
	other.Label = "changed"
	other.Credentials.OAuthClient.ClientSecret = okta.NewSecret(userPassword)
	for name, pair := range map[string][2]any{
		"models":         {*app, other},
		"model pointers": {app, stray},
		"app users":      {*user, okta.AppUser{}},
		"secrets":        {app.Credentials.OAuthClient.ClientSecret, user.Credentials.Password.Value},
		"caller structs": {mySecret{app.Credentials.OAuthClient.ClientSecret}, mySecret{}},
	} {
		var r failureText
		assert.False(t, assert.Equal(&r, pair[0], pair[1]), name)
		require.NotEmpty(t, r.b.String(), name)
		assertNoPlantedSecret(t, name+" in testify's diff", r.b.String())
	}
}

// encoding/gob of a model, a Secret, or a caller's struct holding one does
// not reveal it: gob refuses a Secret (it has no exported fields), so it
// refuses every value holding one, even a model without Links (which gob
// refuses for the same reason).
func TestSecretsNotGobEncoded(t *testing.T) {
	t.Parallel()
	app, stray, user, prov := secretModels(t)
	for name, v := range map[string]any{"app": app, "stray": stray, "user": user, "prov": prov,
		"secret": app.Credentials.OAuthClient.ClientSecret, "holder": secretHolder{user.Credentials.Password.Value},
		"unexported": mySecret{app.Credentials.OAuthClient.ClientSecret}, "provisioning profile": prov.Profile} {
		var buf bytes.Buffer
		err := gob.NewEncoder(&buf).Encode(v)
		assertNoPlantedSecret(t, name+" through gob", buf.String())
		switch name {
		case "unexported": // gob skips an unexported field, and refuses a struct of none
			assert.Error(t, err, name)
		case "app", "stray", "user": // a model with Links: gob may name either type
			assert.Error(t, err, name)
		default:
			assert.ErrorContains(t, err, "okta.Secret", name)
		}
	}
}

// slog's handlers show no secret held in an unexported field of a caller's
// struct (the text handler prints such values with fmt's %+v).
func TestSecretsNotLoggedFromUnexportedFields(t *testing.T) {
	t.Parallel()
	var buf bytes.Buffer
	for _, h := range []slog.Handler{slog.NewJSONHandler(&buf, nil), slog.NewTextHandler(&buf, nil)} {
		log := slog.New(h)
		for name, v := range callerHolders(t) {
			log.Info("m", name, v, slog.Group("g", "v", v))
		}
	}
	require.NotEmpty(t, buf.String())
	assertNoPlantedSecret(t, "slog output", buf.String())
}

// Equal secrets compare equal, with == and reflect.DeepEqual, alone and in
// models; the zero Secret is the empty one; decoding reads a Secret as sent.
func TestSecretsCompare(t *testing.T) {
	t.Parallel()
	a, b := okta.NewSecret(clientSecret), okta.NewSecret(clientSecret)
	assert.True(t, a == b)
	assert.True(t, reflect.DeepEqual(a, b))
	assert.NotEqual(t, a, okta.NewSecret(userPassword))
	assert.Equal(t, clientSecret, a.Reveal())
	assert.True(t, okta.Secret{}.IsZero())
	assert.True(t, okta.NewSecret("").IsZero())
	assert.Equal(t, okta.Secret{}, okta.NewSecret(""))
	assert.False(t, a.IsZero())

	app1, stray1, _, _ := secretModels(t)
	app2, stray2, _, _ := secretModels(t)
	assert.True(t, reflect.DeepEqual(app1, app2), "two decodes of one document are deeply equal")
	assert.True(t, reflect.DeepEqual(stray1, stray2), "with a stray value kept masked too")
	assert.True(t, mySecret{a} == mySecret{app2.Credentials.OAuthClient.ClientSecret}, "structs holding secrets stay comparable")
	built := okta.ApplicationCredentialsOAuthClient{ClientID: "c", ClientSecret: okta.NewSecret(clientSecret)}
	assert.Equal(t, app1.Credentials.OAuthClient.ClientSecret, built.ClientSecret)

	// json.Unmarshal reads a Secret as sent, in a model and in a plain struct.
	var h secretHolder
	require.NoError(t, json.Unmarshal([]byte(`{"S":"`+clientSecret+`"}`), &h))
	assert.Equal(t, a, h.S)
	require.NoError(t, json.Unmarshal([]byte(`{"S":null}`), &h))
	assert.Equal(t, a, h.S, "null leaves a Secret as it is, as for a string")
	assert.Error(t, json.Unmarshal([]byte(`{"S":5}`), &h), "a Secret is a JSON string")
	var u okta.AppUser
	require.NoError(t, json.Unmarshal([]byte(`{"credentials":{"password":{"value":"`+userPassword+`"}}}`), &u))
	assert.Equal(t, userPassword, u.Credentials.Password.Value.Reveal())

	// The SDK's wire encoding sends a Secret built in code in full.
	wire, err := okta.MarshalWire(&u)
	require.NoError(t, err)
	assert.Contains(t, string(wire), `"value":"`+userPassword+`"`)
}
