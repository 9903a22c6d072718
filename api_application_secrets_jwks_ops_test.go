package okta_test

// Client secrets and client JSON Web Keys: the exact requests and typed
// results.

import (
	"context"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gatekit/okta"
)

// Documents as Okta sends them, with a member no schema declares.
const (
	appSecretJSON = `{
		"id": "ocs2f4zrZbs8nUa7p0g4",
		"status": "ACTIVE",
		"client_secret": "DRUFXGF9XbLnS9k-Sla3x3POBiIxDreBCdZuFs5B",
		"secret_hash": "yk4SVx4sUWVJVbHt6M-UPA",
		"created": "2023-02-21T20:08:24.000Z",
		"lastUpdated": "2023-02-21T20:08:24.000Z",
		"rotatedBy": "00u1",
		"_links": {"deactivate": {"href": "https://dev-123456.okta.com/api/v1/apps/0oa1/credentials/secrets/ocs2f4zrZbs8nUa7p0g4/lifecycle/deactivate", "hints": {"allow": ["POST"]}}}
	}`
	appSecretReadJSON = `{
		"id": "ocs2f4zrZbs8nUa7p0g4",
		"status": "INACTIVE",
		"secret_hash": "yk4SVx4sUWVJVbHt6M-UPA",
		"created": "2023-02-21T20:08:24.000Z",
		"lastUpdated": "2023-04-01T08:00:00.000Z",
		"_links": {"activate": {"href": "https://dev-123456.okta.com/api/v1/apps/0oa1/credentials/secrets/ocs2f4zrZbs8nUa7p0g4/lifecycle/activate"}, "delete": {"href": "https://dev-123456.okta.com/api/v1/apps/0oa1/credentials/secrets/ocs2f4zrZbs8nUa7p0g4", "hints": {"allow": ["DELETE"]}}}
	}`
	appClientJWKJSON = `{
		"id": "pks2f4zrZbs8nUa7p0g4",
		"kid": "DRUFXGF9XbLnS9k-Sla3x3POBiIxDreBCdZuFs5B",
		"kty": "RSA",
		"alg": "RS256",
		"use": "sig",
		"status": "ACTIVE",
		"e": "AQAB",
		"n": "AJncrKuine49_CEVR4GPn",
		"created": "2023-02-21T20:08:24.000Z",
		"lastUpdated": "2023-02-21T20:08:24.000Z",
		"x5t#S256": null,
		"_links": {"deactivate": {"href": "https://dev-123456.okta.com/api/v1/apps/0oa1/credentials/jwks/pks2f4zrZbs8nUa7p0g4/lifecycle/deactivate"}}
	}`
	appClientECJWKJSON = `{
		"id": "pks3ec0rZbs8nUa7p0g4",
		"kid": null,
		"kty": "EC",
		"use": "sig",
		"status": "INACTIVE",
		"crv": "P-256",
		"x": "ITuTFFJ3w7sUzwzNUa4Fw0YlqPL6ck1rRkQ0xNrJbgU",
		"y": "Rbw5MVR3jx8U4QfRNUu8mH-ldhHkZd5SoFBx6CrVbfE",
		"created": "2023-02-21T20:08:24.000Z",
		"lastUpdated": "2023-02-21T20:08:24.000Z"
	}`
	appClientEncJWKJSON = `{
		"id": "pks4enc0Zbs8nUa7p0g4",
		"kid": "enc-2026",
		"kty": "RSA",
		"alg": "RSA-OAEP-256",
		"use": "enc",
		"status": "ACTIVE",
		"e": "AQAB",
		"n": "AJncrKuine49_CEVR4GPn",
		"created": "2026-01-05T10:00:00.000Z",
		"lastUpdated": "2026-01-05T10:00:00.000Z"
	}`
)

func secretOps() []opRunner {
	const base = "/api/v1/apps/0oa%2F1/credentials/secrets"
	return []opRunner{
		opCase[[]okta.OAuth2ClientSecret]{
			name: "listOAuth2ClientSecrets",
			call: func(ctx context.Context, c *okta.APIClient) (*[]okta.OAuth2ClientSecret, *okta.Response, error) {
				return page(c.ApplicationAPI.ListOAuth2ClientSecrets(ctx, okta.ListOAuth2ClientSecretsRequest{AppID: "0oa/1"}))
			},
			method: "GET", uri: base, status: 200, resp: "[" + appSecretReadJSON + "]",
			check: func(t *testing.T, s *[]okta.OAuth2ClientSecret) {
				require.Len(t, *s, 1)
				assert.Equal(t, okta.OAuth2ClientCredentialInactive, (*s)[0].Status)
				assert.Empty(t, (*s)[0].ClientSecret, "a read carries no secret")
				assert.Equal(t, "yk4SVx4sUWVJVbHt6M-UPA", (*s)[0].SecretHash)
			},
		},
		opCase[okta.OAuth2ClientSecret]{
			name: "createOAuth2ClientSecret",
			call: func(ctx context.Context, c *okta.APIClient) (*okta.OAuth2ClientSecret, *okta.Response, error) {
				return c.ApplicationAPI.CreateOAuth2ClientSecret(ctx, okta.CreateOAuth2ClientSecretRequest{AppID: "0oa/1",
					OAuth2ClientSecretRequestBody: &okta.OAuth2ClientSecretRequestBody{
						ClientSecret: okta.NewSecret("my-own-secret-of-at-least-32-characters"), Status: okta.OAuth2ClientCredentialInactive}})
			},
			method: "POST", uri: base, body: `{"client_secret":"my-own-secret-of-at-least-32-characters","status":"INACTIVE"}`,
			status: 201, resp: appSecretJSON,
			check: func(t *testing.T, s *okta.OAuth2ClientSecret) {
				assert.Equal(t, "ocs2f4zrZbs8nUa7p0g4", s.ID)
				assert.Equal(t, "DRUFXGF9XbLnS9k-Sla3x3POBiIxDreBCdZuFs5B", s.ClientSecret.Reveal())
				assert.Equal(t, okta.OAuth2ClientCredentialActive, s.Status)
				assert.Equal(t, "2023-02-21T20:08:24.000Z", s.Created)
				assert.NotContains(t, fmt.Sprintf("%v %+v", s, *s), "DRUFXGF9", "the secret never prints")
				_, ok := s.Links.Get("deactivate")
				assert.True(t, ok)
			},
		},
		opCase[okta.OAuth2ClientSecret]{
			name: "createOAuth2ClientSecret/generated",
			call: func(ctx context.Context, c *okta.APIClient) (*okta.OAuth2ClientSecret, *okta.Response, error) {
				return c.ApplicationAPI.CreateOAuth2ClientSecret(ctx, okta.CreateOAuth2ClientSecretRequest{AppID: "0oa/1"})
			},
			method: "POST", uri: base, status: 201, resp: appSecretJSON,
		},
		opCase[okta.OAuth2ClientSecret]{
			name: "getOAuth2ClientSecret",
			call: func(ctx context.Context, c *okta.APIClient) (*okta.OAuth2ClientSecret, *okta.Response, error) {
				return c.ApplicationAPI.GetOAuth2ClientSecret(ctx, okta.GetOAuth2ClientSecretRequest{AppID: "0oa/1", SecretID: "ocs 2"})
			},
			method: "GET", uri: base + "/ocs%202", status: 200, resp: appSecretReadJSON,
			check: func(t *testing.T, s *okta.OAuth2ClientSecret) {
				assert.Equal(t, "2023-04-01T08:00:00.000Z", s.LastUpdated)
			},
		},
		opCase[noResult]{
			name: "deleteOAuth2ClientSecret",
			call: func(ctx context.Context, c *okta.APIClient) (*noResult, *okta.Response, error) {
				return none(c.ApplicationAPI.DeleteOAuth2ClientSecret(ctx, okta.DeleteOAuth2ClientSecretRequest{AppID: "0oa/1", SecretID: "ocs2"}))
			},
			method: "DELETE", uri: base + "/ocs2", status: 204,
		},
		opCase[okta.OAuth2ClientSecret]{
			name: "activateOAuth2ClientSecret",
			call: func(ctx context.Context, c *okta.APIClient) (*okta.OAuth2ClientSecret, *okta.Response, error) {
				return c.ApplicationAPI.ActivateOAuth2ClientSecret(ctx, okta.ActivateOAuth2ClientSecretRequest{AppID: "0oa/1", SecretID: "ocs2"})
			},
			method: "POST", uri: base + "/ocs2/lifecycle/activate", status: 200, resp: appSecretReadJSON,
		},
		opCase[okta.OAuth2ClientSecret]{
			name: "deactivateOAuth2ClientSecret",
			call: func(ctx context.Context, c *okta.APIClient) (*okta.OAuth2ClientSecret, *okta.Response, error) {
				return c.ApplicationAPI.DeactivateOAuth2ClientSecret(ctx, okta.DeactivateOAuth2ClientSecretRequest{AppID: "0oa/1", SecretID: "ocs2"})
			},
			method: "POST", uri: base + "/ocs2/lifecycle/deactivate", status: 200, resp: appSecretReadJSON,
			check: func(t *testing.T, s *okta.OAuth2ClientSecret) {
				assert.Equal(t, okta.OAuth2ClientCredentialInactive, s.Status)
			},
		},
	}
}

func clientJWKOps() []opRunner {
	const base = "/api/v1/apps/0oa1/credentials/jwks"
	return []opRunner{
		opCase[okta.OAuth2ClientJsonWebKeySet]{
			name: "listJwk",
			call: func(ctx context.Context, c *okta.APIClient) (*okta.OAuth2ClientJsonWebKeySet, *okta.Response, error) {
				return c.ApplicationAPI.ListJwk(ctx, okta.ListJwkRequest{AppID: "0oa1"})
			},
			method: "GET", uri: base, status: 200,
			resp: `{"keys":[` + appClientJWKJSON + `,` + appClientECJWKJSON + `,` + appClientEncJWKJSON + `]}`,
			check: func(t *testing.T, s *okta.OAuth2ClientJsonWebKeySet) {
				require.Len(t, s.Keys, 3)
				assert.Equal(t, "RSA", s.Keys[0].Kty)
				assert.Equal(t, "EC", s.Keys[1].Kty)
				assert.Equal(t, "", s.Keys[1].Kid, "a null kid reads as empty")
				assert.Equal(t, "ITuTFFJ3w7sUzwzNUa4Fw0YlqPL6ck1rRkQ0xNrJbgU", s.Keys[1].X)
				crv, ok := s.Keys[1].Extra("crv")
				assert.True(t, ok, "crv is not declared and is kept")
				assert.Equal(t, `"P-256"`, string(crv))
				assert.Equal(t, "enc", s.Keys[2].Use, "signing and encryption keys are one type")
			},
		},
		opCase[okta.OAuth2ClientJsonWebKey]{
			name: "addJwk",
			call: func(ctx context.Context, c *okta.APIClient) (*okta.OAuth2ClientJsonWebKey, *okta.Response, error) {
				return c.ApplicationAPI.AddJwk(ctx, okta.AddJwkRequest{AppID: "0oa1", OAuth2ClientJsonWebKey: &okta.OAuth2ClientJsonWebKey{
					Kid: "DRUFXGF9XbLnS9k-Sla3x3POBiIxDreBCdZuFs5B", Kty: "RSA", Use: "sig", Alg: "RS256",
					Status: okta.OAuth2ClientCredentialActive, E: "AQAB", N: "AJncrKuine49_CEVR4GPn"}})
			},
			method: "POST", uri: base,
			body:   `{"kid":"DRUFXGF9XbLnS9k-Sla3x3POBiIxDreBCdZuFs5B","kty":"RSA","use":"sig","alg":"RS256","status":"ACTIVE","e":"AQAB","n":"AJncrKuine49_CEVR4GPn"}`,
			status: 201, resp: appClientJWKJSON,
			check: func(t *testing.T, k *okta.OAuth2ClientJsonWebKey) {
				assert.Equal(t, "pks2f4zrZbs8nUa7p0g4", k.ID)
				assert.Equal(t, okta.OAuth2ClientCredentialActive, k.Status)
			},
		},
		opCase[okta.OAuth2ClientJsonWebKey]{
			name: "addJwk/ec",
			call: func(ctx context.Context, c *okta.APIClient) (*okta.OAuth2ClientJsonWebKey, *okta.Response, error) {
				key := &okta.OAuth2ClientJsonWebKey{Kty: "EC", Use: "sig", Status: okta.OAuth2ClientCredentialInactive,
					X: "ITuTFFJ3w7sUzwzNUa4Fw0YlqPL6ck1rRkQ0xNrJbgU", Y: "Rbw5MVR3jx8U4QfRNUu8mH-ldhHkZd5SoFBx6CrVbfE"}
				if err := key.SetExtra("crv", "P-256"); err != nil {
					return nil, nil, err
				}
				return c.ApplicationAPI.AddJwk(ctx, okta.AddJwkRequest{AppID: "0oa1", OAuth2ClientJsonWebKey: key})
			},
			method: "POST", uri: base,
			body:   `{"kty":"EC","use":"sig","status":"INACTIVE","x":"ITuTFFJ3w7sUzwzNUa4Fw0YlqPL6ck1rRkQ0xNrJbgU","y":"Rbw5MVR3jx8U4QfRNUu8mH-ldhHkZd5SoFBx6CrVbfE","crv":"P-256"}`,
			status: 201, resp: appClientECJWKJSON,
		},
		opCase[okta.OAuth2ClientJsonWebKey]{
			name: "getJwk",
			call: func(ctx context.Context, c *okta.APIClient) (*okta.OAuth2ClientJsonWebKey, *okta.Response, error) {
				return c.ApplicationAPI.GetJwk(ctx, okta.GetJwkRequest{AppID: "0oa1", KeyID: "pks4enc0Zbs8nUa7p0g4"})
			},
			method: "GET", uri: base + "/pks4enc0Zbs8nUa7p0g4", status: 200, resp: appClientEncJWKJSON,
			check: func(t *testing.T, k *okta.OAuth2ClientJsonWebKey) {
				assert.Equal(t, "enc", k.Use, "an encryption key decodes although the spec types the answer as a signing key")
				assert.Equal(t, "RSA-OAEP-256", k.Alg)
			},
		},
		opCase[noResult]{
			name: "deletejwk",
			call: func(ctx context.Context, c *okta.APIClient) (*noResult, *okta.Response, error) {
				return none(c.ApplicationAPI.DeleteJwk(ctx, okta.DeleteJwkRequest{AppID: "0oa1", KeyID: "pks2"}))
			},
			method: "DELETE", uri: base + "/pks2", status: 204,
		},
		opCase[okta.OAuth2ClientJsonWebKey]{
			name: "activateOAuth2ClientJsonWebKey",
			call: func(ctx context.Context, c *okta.APIClient) (*okta.OAuth2ClientJsonWebKey, *okta.Response, error) {
				return c.ApplicationAPI.ActivateOAuth2ClientJsonWebKey(ctx, okta.ActivateOAuth2ClientJsonWebKeyRequest{AppID: "0oa1", KeyID: "pks4"})
			},
			method: "POST", uri: base + "/pks4/lifecycle/activate", status: 200, resp: appClientEncJWKJSON,
		},
		opCase[okta.OAuth2ClientJsonWebKey]{
			name: "deactivateOAuth2ClientJsonWebKey",
			call: func(ctx context.Context, c *okta.APIClient) (*okta.OAuth2ClientJsonWebKey, *okta.Response, error) {
				return c.ApplicationAPI.DeactivateOAuth2ClientJsonWebKey(ctx, okta.DeactivateOAuth2ClientJsonWebKeyRequest{AppID: "0oa1", KeyID: "pks3"})
			},
			method: "POST", uri: base + "/pks3/lifecycle/deactivate", status: 200, resp: appClientECJWKJSON,
			check: func(t *testing.T, k *okta.OAuth2ClientJsonWebKey) {
				assert.Equal(t, okta.OAuth2ClientCredentialInactive, k.Status)
			},
		},
	}
}
