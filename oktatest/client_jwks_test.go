package oktatest_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func rsaJWK(kid, use, status string) map[string]any {
	k := map[string]any{"kty": "RSA", "e": "AQAB", "n": "xjlCRBqkQRcYhh9kmJ4sFk2Ee8C0Yjq-1o1f0ZVkiSdo", "use": use}
	if kid != "" {
		k["kid"] = kid
	}
	if status != "" {
		k["status"] = status
	}
	return k
}

func TestClientJWKLifecycle(t *testing.T) {
	_, c := newServer(t)
	app := c.createApp(oidcService("pkjwt", "private_key_jwt"))["id"].(string)
	jwks := "/api/v1/apps/" + app + "/credentials/jwks"

	r := c.do("GET", jwks, nil)
	require.Equal(t, http.StatusOK, r.status)
	assert.Equal(t, map[string]any{"keys": []any{}}, r.obj(t))

	r = c.do("POST", jwks, rsaJWK("key-1", "sig", ""))
	require.Equal(t, http.StatusCreated, r.status, "%s", r.body)
	k1 := r.obj(t)
	assert.Regexp(t, `^pks[0-9A-Za-z]{17}$`, k1["id"])
	assert.Equal(t, "ACTIVE", k1["status"])
	assert.Equal(t, "key-1", k1["kid"])
	assert.Equal(t, "AQAB", k1["e"])
	assert.Regexp(t, oktaTimeRE, k1["created"])
	assert.Contains(t, get(k1, "_links", "deactivate", "href"), "/lifecycle/deactivate")

	ec := map[string]any{"kty": "EC", "kid": "key-2", "crv": "P-256", "x": "f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU", "y": "x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0", "status": "INACTIVE"}
	r = c.do("POST", jwks, ec)
	require.Equal(t, http.StatusCreated, r.status, "%s", r.body)
	k2 := r.obj(t)
	assert.Equal(t, "INACTIVE", k2["status"])
	assert.Equal(t, "P-256", k2["crv"])

	// The app's settings hold the keys too.
	got := c.do("GET", "/api/v1/apps/"+app, nil).obj(t)
	keys, _ := get(got, "settings", "oauthClient", "jwks", "keys").([]any)
	require.Len(t, keys, 2)
	assert.Equal(t, k1["id"], get(keys[0], "id"))

	list := c.do("GET", jwks, nil).obj(t)["keys"].([]any)
	require.Len(t, list, 2)
	r = c.do("GET", jwks+"/"+k2["id"].(string), nil)
	require.Equal(t, http.StatusOK, r.status)
	assert.Equal(t, "key-2", r.obj(t)["kid"])

	// The last ACTIVE signing key of a private_key_jwt client stays.
	k1URL := jwks + "/" + k1["id"].(string)
	requireError(t, c.do("POST", k1URL+"/lifecycle/deactivate", nil), http.StatusBadRequest, "E0000001", "status")
	// An ACTIVE key cannot be deleted.
	requireError(t, c.do("DELETE", k1URL, nil), http.StatusBadRequest, "E0000001")

	k2URL := jwks + "/" + k2["id"].(string)
	r = c.do("POST", k2URL+"/lifecycle/activate", nil)
	require.Equal(t, http.StatusOK, r.status)
	assert.Equal(t, "ACTIVE", r.obj(t)["status"])
	r = c.do("POST", k1URL+"/lifecycle/deactivate", nil)
	require.Equal(t, http.StatusOK, r.status, "%s", r.body)
	assert.Equal(t, "INACTIVE", r.obj(t)["status"])
	assert.Equal(t, http.StatusNoContent, c.do("DELETE", k1URL, nil).status)
	requireError(t, c.do("GET", k1URL, nil), http.StatusNotFound, "E0000007", "(OAuth2ClientJsonWebKey)")
	keys, _ = get(c.do("GET", "/api/v1/apps/"+app, nil).obj(t), "settings", "oauthClient", "jwks", "keys").([]any)
	assert.Len(t, keys, 1)
}

func TestClientJWKAddRules(t *testing.T) {
	_, c := newServer(t)
	app := c.createApp(oidcService("rules", "private_key_jwt"))["id"].(string)
	jwks := "/api/v1/apps/" + app + "/credentials/jwks"
	for _, tc := range []struct {
		name  string
		body  map[string]any
		field string
	}{
		{"no kty", map[string]any{"e": "AQAB", "n": "AAAA"}, "kty"},
		{"unknown kty", map[string]any{"kty": "oct", "k": "AAAA"}, "kty"},
		{"no modulus", map[string]any{"kty": "RSA", "e": "AQAB"}, "n"},
		{"modulus not base64url", map[string]any{"kty": "RSA", "e": "AQAB", "n": "a+b/"}, "n"},
		{"bad use", rsaJWK("k", "wrap", ""), "use"},
		{"EC encryption key", map[string]any{"kty": "EC", "x": "AAAA", "y": "AAAA", "use": "enc"}, "kty"},
		{"bad status", rsaJWK("k", "sig", "PAUSED"), "status"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			requireError(t, c.do("POST", jwks, tc.body), http.StatusBadRequest, "E0000001", tc.field)
		})
	}
	requireError(t, c.do("POST", jwks, map[string]any{"kty": 1}), http.StatusBadRequest, "E0000003")

	// A key without a kid is accepted alone; then no other key can be added.
	require.Equal(t, http.StatusCreated, c.do("POST", jwks, rsaJWK("", "sig", "")).status)
	requireError(t, c.do("POST", jwks, rsaJWK("k2", "sig", "")), http.StatusBadRequest, "E0000001", "kid")

	other := c.createApp(oidcService("rules2", "private_key_jwt"))["id"].(string)
	jwks = "/api/v1/apps/" + other + "/credentials/jwks"
	require.Equal(t, http.StatusCreated, c.do("POST", jwks, rsaJWK("a", "sig", "")).status)
	requireError(t, c.do("POST", jwks, rsaJWK("", "sig", "")), http.StatusBadRequest, "E0000001", "kid")
	requireError(t, c.do("POST", jwks, rsaJWK("a", "sig", "")), http.StatusBadRequest, "E0000001", "kid")

	bm := c.createApp(bookmark("no-keys"))["id"].(string)
	requireError(t, c.do("POST", "/api/v1/apps/"+bm+"/credentials/jwks", rsaJWK("a", "sig", "")), http.StatusBadRequest, "E0000001")
}

func TestClientJWKOneActiveEncryptionKey(t *testing.T) {
	_, c := newServer(t)
	app := c.createApp(oidcService("enc", "client_secret_basic"))["id"].(string)
	jwks := "/api/v1/apps/" + app + "/credentials/jwks"
	e1 := c.do("POST", jwks, rsaJWK("e1", "enc", "")).obj(t)
	e2 := c.do("POST", jwks, rsaJWK("e2", "enc", "")).obj(t)
	assert.Equal(t, "ACTIVE", e2["status"])
	assert.Equal(t, "INACTIVE", c.do("GET", jwks+"/"+e1["id"].(string), nil).obj(t)["status"])

	r := c.do("POST", jwks+"/"+e1["id"].(string)+"/lifecycle/activate", nil)
	require.Equal(t, http.StatusOK, r.status)
	assert.Equal(t, "ACTIVE", r.obj(t)["status"])
	assert.Equal(t, "INACTIVE", c.do("GET", jwks+"/"+e2["id"].(string), nil).obj(t)["status"])
}

func TestClientJWKsFromAppSettings(t *testing.T) {
	_, c := newServer(t)
	body := oidcService("seeded", "private_key_jwt")
	body["settings"].(map[string]any)["oauthClient"].(map[string]any)["jwks"] = map[string]any{
		"keys": []any{rsaJWK("seed", "sig", "")},
	}
	app := c.createApp(body)["id"].(string)
	keys := c.do("GET", "/api/v1/apps/"+app+"/credentials/jwks", nil).obj(t)["keys"].([]any)
	require.Len(t, keys, 1)
	assert.Equal(t, "seed", get(keys[0], "kid"))
	assert.Equal(t, "ACTIVE", get(keys[0], "status"))
	seedID := get(keys[0], "id")
	assert.Regexp(t, `^pks`, seedID)
	// The id given sticks, and shows in the app's settings.
	got := c.do("GET", "/api/v1/apps/"+app, nil).obj(t)
	assert.Equal(t, seedID, get(get(got, "settings", "oauthClient", "jwks", "keys").([]any)[0], "id"))

	// A replaceApplication decides the keys; an entry that is not a key
	// stays in the settings as sent, with the id Okta gives every entry.
	odd := map[string]any{"note": "not a key"}
	body["settings"].(map[string]any)["oauthClient"].(map[string]any)["jwks"] = map[string]any{
		"keys": []any{rsaJWK("replaced", "sig", ""), odd},
	}
	require.Equal(t, http.StatusOK, c.do("PUT", "/api/v1/apps/"+app, body).status)
	jwks := "/api/v1/apps/" + app + "/credentials/jwks"
	keys = c.do("GET", jwks, nil).obj(t)["keys"].([]any)
	require.Len(t, keys, 1)
	assert.Equal(t, "replaced", get(keys[0], "kid"))
	require.Equal(t, http.StatusCreated, c.do("POST", jwks, rsaJWK("added", "sig", "")).status)
	settings := get(c.do("GET", "/api/v1/apps/"+app, nil).obj(t), "settings", "oauthClient", "jwks", "keys").([]any)
	require.Len(t, settings, 3)
	assert.Equal(t, "not a key", get(settings[2], "note"))
	assert.Regexp(t, `^pks`, get(settings[2], "id"))
}
