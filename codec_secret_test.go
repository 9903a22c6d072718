package okta_test

import (
	"bytes"
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
