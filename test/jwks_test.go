package test

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"encoding/base64"
	"encoding/json"
	"math/big"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gatekit/okta"
)

// rsaJWK returns the public half of a new RSA key as a client JWK.
func rsaJWK(t *testing.T, kid, use, alg string) *okta.OAuth2ClientJsonWebKey {
	t.Helper()
	k, err := rsa.GenerateKey(rand.Reader, 2048)
	require.NoError(t, err)
	b64 := base64.RawURLEncoding.EncodeToString
	return &okta.OAuth2ClientJsonWebKey{Kid: kid, Kty: "RSA", Use: use, Alg: alg,
		N: b64(k.N.Bytes()), E: b64(big.NewInt(int64(k.E)).Bytes())}
}

// ecJWK returns the public half of a new P-256 key as a client JWK. The
// curve (crv) is not a declared member: it travels as an undeclared one,
// which the model keeps.
func ecJWK(t *testing.T, kid string) *okta.OAuth2ClientJsonWebKey {
	t.Helper()
	k, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	require.NoError(t, err)
	pt, err := k.PublicKey.Bytes() // 0x04 || x || y
	require.NoError(t, err)
	b64 := base64.RawURLEncoding.EncodeToString
	doc, err := json.Marshal(map[string]string{"kid": kid, "kty": "EC", "use": "sig", "alg": "ES256", "crv": "P-256",
		"x": b64(pt[1:33]), "y": b64(pt[33:])})
	require.NoError(t, err)
	var jwk okta.OAuth2ClientJsonWebKey
	require.NoError(t, json.Unmarshal(doc, &jwk))
	return &jwk
}

// TestClientJWKsLifecycle adds RSA and EC signing keys to an OIDC app,
// lists and reads them, and retires one: an ACTIVE key cannot be deleted,
// an INACTIVE one can.
func TestClientJWKsLifecycle(t *testing.T) {
	e := newEnv(t)
	c := ctx(t)
	app := e.serviceApp(t, "client-jwks")
	apps := e.apps

	sigRSA := rsaJWK(t, "sig-rsa-1", "sig", "RS256")
	added, _, err := apps.AddJwk(c, okta.AddJwkRequest{AppID: app.ID, OAuth2ClientJsonWebKey: sigRSA})
	require.NoError(t, err)
	require.NotEmpty(t, added.ID)
	assert.NotEqual(t, added.Kid, added.ID, "a key has an id of its own, besides its kid")
	assert.Equal(t, "sig-rsa-1", added.Kid)
	assert.Equal(t, "RSA", added.Kty)
	assert.Equal(t, "sig", added.Use)
	assert.Equal(t, sigRSA.N, added.N)
	assert.Equal(t, sigRSA.E, added.E)
	assert.Equal(t, okta.OAuth2ClientCredentialActive, added.Status)

	ec, _, err := apps.AddJwk(c, okta.AddJwkRequest{AppID: app.ID, OAuth2ClientJsonWebKey: ecJWK(t, "sig-ec-1")})
	require.NoError(t, err)
	assert.Equal(t, "EC", ec.Kty)
	assert.NotEmpty(t, ec.X)
	assert.NotEmpty(t, ec.Y)
	raw, err := json.Marshal(ec)
	require.NoError(t, err)
	assert.Contains(t, string(raw), `"crv":"P-256"`, "the undeclared curve survives the round trip")

	// A second key with the same kid is refused.
	_, _, err = apps.AddJwk(c, okta.AddJwkRequest{AppID: app.ID, OAuth2ClientJsonWebKey: rsaJWK(t, "sig-rsa-1", "sig", "RS256")})
	requireServerRefusal(t, err, 400, okta.ErrInvalidRequest)

	set, _, err := apps.ListJwk(c, okta.ListJwkRequest{AppID: app.ID})
	require.NoError(t, err)
	assert.ElementsMatch(t, []string{added.ID, ec.ID}, jwkIDs(set.Keys))

	got, _, err := apps.GetJwk(c, okta.GetJwkRequest{AppID: app.ID, KeyID: added.ID})
	require.NoError(t, err)
	assert.Equal(t, added.Kid, got.Kid)
	assert.Equal(t, added.N, got.N)

	// An ACTIVE key cannot be deleted.
	_, err = apps.DeleteJwk(c, okta.DeleteJwkRequest{AppID: app.ID, KeyID: added.ID})
	requireServerRefusal(t, err, 400, okta.ErrInvalidRequest)

	off, _, err := apps.DeactivateOAuth2ClientJsonWebKey(c, okta.DeactivateOAuth2ClientJsonWebKeyRequest{AppID: app.ID, KeyID: added.ID})
	require.NoError(t, err)
	assert.Equal(t, okta.OAuth2ClientCredentialInactive, off.Status)
	on, _, err := apps.ActivateOAuth2ClientJsonWebKey(c, okta.ActivateOAuth2ClientJsonWebKeyRequest{AppID: app.ID, KeyID: added.ID})
	require.NoError(t, err)
	assert.Equal(t, okta.OAuth2ClientCredentialActive, on.Status)
	_, _, err = apps.DeactivateOAuth2ClientJsonWebKey(c, okta.DeactivateOAuth2ClientJsonWebKeyRequest{AppID: app.ID, KeyID: added.ID})
	require.NoError(t, err)

	_, err = apps.DeleteJwk(c, okta.DeleteJwkRequest{AppID: app.ID, KeyID: added.ID})
	require.NoError(t, err)
	_, _, err = apps.GetJwk(c, okta.GetJwkRequest{AppID: app.ID, KeyID: added.ID})
	require.ErrorIs(t, err, okta.ErrNotFound)
	set, _, err = apps.ListJwk(c, okta.ListJwkRequest{AppID: app.ID})
	require.NoError(t, err)
	assert.Equal(t, []string{ec.ID}, jwkIDs(set.Keys))
}

// TestClientJWKsEncryptionKeys shows that an app has one ACTIVE encryption
// key: activating another deactivates it.
func TestClientJWKsEncryptionKeys(t *testing.T) {
	e := newEnv(t)
	c := ctx(t)
	app := e.serviceApp(t, "client-jwks-enc")
	apps := e.apps

	first, _, err := apps.AddJwk(c, okta.AddJwkRequest{AppID: app.ID, OAuth2ClientJsonWebKey: rsaJWK(t, "enc-1", "enc", "RSA-OAEP-256")})
	require.NoError(t, err)
	assert.Equal(t, "enc", first.Use)
	next := rsaJWK(t, "enc-2", "enc", "RSA-OAEP-256")
	next.Status = okta.OAuth2ClientCredentialInactive
	second, _, err := apps.AddJwk(c, okta.AddJwkRequest{AppID: app.ID, OAuth2ClientJsonWebKey: next})
	require.NoError(t, err)
	assert.Equal(t, okta.OAuth2ClientCredentialInactive, second.Status)

	on, _, err := apps.ActivateOAuth2ClientJsonWebKey(c, okta.ActivateOAuth2ClientJsonWebKeyRequest{AppID: app.ID, KeyID: second.ID})
	require.NoError(t, err)
	assert.Equal(t, okta.OAuth2ClientCredentialActive, on.Status)
	was, _, err := apps.GetJwk(c, okta.GetJwkRequest{AppID: app.ID, KeyID: first.ID})
	require.NoError(t, err)
	assert.Equal(t, okta.OAuth2ClientCredentialInactive, was.Status, "activating an encryption key deactivates the current one")

	// An EC encryption key is refused.
	bad := ecJWK(t, "enc-ec")
	bad.Use = "enc"
	_, _, err = apps.AddJwk(c, okta.AddJwkRequest{AppID: app.ID, OAuth2ClientJsonWebKey: bad})
	requireServerRefusal(t, err, 400, okta.ErrInvalidRequest)
}

func jwkIDs(keys []okta.OAuth2ClientJsonWebKey) []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = k.ID
	}
	return out
}
