package okta_test

// The exact requests and typed results of key credentials.

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gatekit/okta"
)

// appKeyOps is the table of key credentials.
func appKeyOps(t *testing.T) []opRunner {
	return []opRunner{
		opCase[[]okta.JsonWebKey]{
			name: "listApplicationKeys",
			call: func(ctx context.Context, c *okta.APIClient) (*[]okta.JsonWebKey, *okta.Response, error) {
				return page(c.ApplicationAPI.ListApplicationKeys(ctx, okta.ListApplicationKeysRequest{AppID: "0oa1"}))
			},
			method: "GET", uri: "/api/v1/apps/0oa1/credentials/keys",
			status: 200, resp: appList(appKeyJSON),
			check: func(t *testing.T, r *[]okta.JsonWebKey) {
				ks := *r
				require.Len(t, ks, 1)
				assert.Equal(t, "SIMcCQNY3uwXoW3y0vf6VxiNb7n9hsHtRU6Ue4fW6P8", ks[0].Kid)
			},
		},
		opCase[okta.JsonWebKey]{
			name: "getApplicationKey",
			call: func(ctx context.Context, c *okta.APIClient) (*okta.JsonWebKey, *okta.Response, error) {
				return c.ApplicationAPI.GetApplicationKey(ctx, okta.GetApplicationKeyRequest{AppID: "0oa1", KeyID: "SIMcCQNY3uwXoW3y0vf6VxiNb7n9hsHtRU6Ue4fW6P8"})
			},
			method: "GET", uri: "/api/v1/apps/0oa1/credentials/keys/SIMcCQNY3uwXoW3y0vf6VxiNb7n9hsHtRU6Ue4fW6P8",
			status: 200, resp: appKeyJSON,
			check: func(t *testing.T, r *okta.JsonWebKey) {
				k := r
				assert.Equal(t, "RSA", k.Kty)
				assert.Equal(t, "AQAB", k.E)
				assert.Equal(t, "5DTUjGOtJlENZ_qtV4bjwgySxhg7tIBzYiOmFBJp9O0", k.X5TS256)
				assert.Equal(t, 2026, k.ExpiresAt.Year())
			},
		},
		opCase[okta.JsonWebKey]{
			name: "generateApplicationKey",
			call: func(ctx context.Context, c *okta.APIClient) (*okta.JsonWebKey, *okta.Response, error) {
				return c.ApplicationAPI.GenerateApplicationKey(ctx, okta.GenerateApplicationKeyRequest{AppID: "0oa1", ValidityYears: 3})
			},
			method: "POST", uri: "/api/v1/apps/0oa1/credentials/keys/generate?validityYears=3",
			status: 201, resp: appKeyJSON,
			check: func(t *testing.T, r *okta.JsonWebKey) {
				assert.Equal(t, "ACTIVE", r.Status)
			},
		},
		opCase[okta.JsonWebKey]{
			name: "generateApplicationKey/no validityYears",
			call: func(ctx context.Context, c *okta.APIClient) (*okta.JsonWebKey, *okta.Response, error) {
				return c.ApplicationAPI.GenerateApplicationKey(ctx, okta.GenerateApplicationKeyRequest{AppID: "0oa1"})
			},
			method: "POST", uri: "/api/v1/apps/0oa1/credentials/keys/generate",
			status: 201, resp: appKeyJSON,
		},
		opCase[okta.JsonWebKey]{
			name: "cloneApplicationKey",
			call: func(ctx context.Context, c *okta.APIClient) (*okta.JsonWebKey, *okta.Response, error) {
				return c.ApplicationAPI.CloneApplicationKey(ctx, okta.CloneApplicationKeyRequest{AppID: "0oa1", KeyID: "kid1", TargetAid: "0oa2"})
			},
			method: "POST", uri: "/api/v1/apps/0oa1/credentials/keys/kid1/clone?targetAid=0oa2",
			status: 201, resp: appKeyJSON,
			check: func(t *testing.T, r *okta.JsonWebKey) {
				assert.Equal(t, "SIMcCQNY3uwXoW3y0vf6VxiNb7n9hsHtRU6Ue4fW6P8", r.Kid)
			},
		},
	}
}
