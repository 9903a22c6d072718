package oktatest_test

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/go-jose/go-jose/v4"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gatekit/okta/oktatest"
)

// ops2026Routes is one request for each operation the 2026 spec added,
// on the app "{app}" (or token "{token}") substituted in.
var ops2026Routes = []struct{ op, method, path, body string }{
	{"upsertApiToken", "PUT", "/api/v1/api-tokens/{token}", `{"name":"n"}`},
	{"listOAuth2ClientSecrets", "GET", "/api/v1/apps/{app}/credentials/secrets", ""},
	{"createOAuth2ClientSecret", "POST", "/api/v1/apps/{app}/credentials/secrets", ""},
	{"getOAuth2ClientSecret", "GET", "/api/v1/apps/{app}/credentials/secrets/ocs1", ""},
	{"deleteOAuth2ClientSecret", "DELETE", "/api/v1/apps/{app}/credentials/secrets/ocs1", ""},
	{"activateOAuth2ClientSecret", "POST", "/api/v1/apps/{app}/credentials/secrets/ocs1/lifecycle/activate", ""},
	{"deactivateOAuth2ClientSecret", "POST", "/api/v1/apps/{app}/credentials/secrets/ocs1/lifecycle/deactivate", ""},
	{"listJwk", "GET", "/api/v1/apps/{app}/credentials/jwks", ""},
	{"addJwk", "POST", "/api/v1/apps/{app}/credentials/jwks", `{"kty":"RSA","e":"AQAB","n":"AAAA","kid":"k"}`},
	{"getJwk", "GET", "/api/v1/apps/{app}/credentials/jwks/pks1", ""},
	{"deletejwk", "DELETE", "/api/v1/apps/{app}/credentials/jwks/pks1", ""},
	{"activateOAuth2ClientJsonWebKey", "POST", "/api/v1/apps/{app}/credentials/jwks/pks1/lifecycle/activate", ""},
	{"deactivateOAuth2ClientJsonWebKey", "POST", "/api/v1/apps/{app}/credentials/jwks/pks1/lifecycle/deactivate", ""},
	{"listFederatedClaims", "GET", "/api/v1/apps/{app}/federated-claims", ""},
	{"createFederatedClaim", "POST", "/api/v1/apps/{app}/federated-claims", `{"name":"n","expression":"user.login"}`},
	{"getFederatedClaim", "GET", "/api/v1/apps/{app}/federated-claims/ofc1", ""},
	{"replaceFederatedClaim", "PUT", "/api/v1/apps/{app}/federated-claims/ofc1", `{"name":"n","expression":"user.login"}`},
	{"deleteFederatedClaim", "DELETE", "/api/v1/apps/{app}/federated-claims/ofc1", ""},
	{"listGroupPushMappings", "GET", "/api/v1/apps/{app}/group-push/mappings", ""},
	{"createGroupPushMapping", "POST", "/api/v1/apps/{app}/group-push/mappings", `{"sourceGroupId":"00g1","targetGroupName":"t"}`},
	{"getGroupPushMapping", "GET", "/api/v1/apps/{app}/group-push/mappings/gpm1", ""},
	{"updateGroupPushMapping", "PATCH", "/api/v1/apps/{app}/group-push/mappings/gpm1", `{"status":"INACTIVE"}`},
	{"deleteGroupPushMapping", "DELETE", "/api/v1/apps/{app}/group-push/mappings/gpm1?deleteTargetGroup=false", ""},
	{"updateGroupAssignmentToApplication", "PATCH", "/api/v1/apps/{app}/groups/00g1", `[]`},
	{"assignApplicationPolicy", "PUT", "/api/v1/apps/{app}/policies/rst1", ""},
	{"previewSAMLmetadataForApplication", "GET", "/api/v1/apps/{app}/sso/saml/metadata?kid=k", ""},
	{"getUserProvisioningConnectionJWKS", "GET", "/api/v1/apps/{app}/connections/default/jwks", ""},
	{"verifyProvisioningConnectionForApplication", "POST", "/api/v1/apps/office365/{app}/oauth2/callback?code=c&state=s", ""},
	{"getAllCrossAppAccessConnections", "GET", "/api/v1/apps/{app}/cwo/connections", ""},
	{"createCrossAppAccessConnection", "POST", "/api/v1/apps/{app}/cwo/connections", `{"resourceAppInstanceId":"0oa1"}`},
	{"getCrossAppAccessConnection", "GET", "/api/v1/apps/{app}/cwo/connections/cwo1", ""},
	{"updateCrossAppAccessConnection", "PATCH", "/api/v1/apps/{app}/cwo/connections/cwo1", `{"status":"INACTIVE"}`},
	{"deleteCrossAppAccessConnection", "DELETE", "/api/v1/apps/{app}/cwo/connections/cwo1", ""},
	{"listInterclientAllowedApplications", "GET", "/api/v1/apps/{app}/interclient-allowed-apps", ""},
	{"createInterclientTrustMapping", "POST", "/api/v1/apps/{app}/interclient-allowed-apps", `{"id":"0oa1"}`},
	{"deleteInterclientTrustMapping", "DELETE", "/api/v1/apps/{app}/interclient-allowed-apps/0oa1", ""},
	{"listInterclientTargetApplications", "GET", "/api/v1/apps/{app}/interclient-target-apps", ""},
}

func route(path, appID string) string {
	return strings.NewReplacer("{app}", appID, "{token}", "00Tnone").Replace(path)
}

func TestOps2026AreRoutedAndCounted(t *testing.T) {
	srv, c := newServer(t)
	require.Len(t, ops2026Routes, 37)
	seen := map[string]bool{}
	for _, tc := range ops2026Routes {
		t.Run(tc.op, func(t *testing.T) {
			require.False(t, seen[tc.op], "listed twice")
			seen[tc.op] = true
			var body any
			if tc.body != "" {
				body = tc.body
			}
			before := srv.Requests(oktatest.Operation(tc.op))
			r := c.do(tc.method, route(tc.path, "0oaMissing"), body)
			require.Equal(t, before+1, srv.Requests(oktatest.Operation(tc.op)), "the request did not reach %s", tc.op)
			if tc.op == "upsertApiToken" {
				requireError(t, r, http.StatusNotFound, "E0000007", "00Tnone (ApiToken)")
			} else {
				requireError(t, r, http.StatusNotFound, "E0000007", "0oaMissing (AppInstance)")
			}
			assert.NotEmpty(t, r.header.Get("X-Rate-Limit-Remaining"))
		})
	}
}

func TestOps2026NeedCredentials(t *testing.T) {
	_, c := newServer(t)
	anon := c.as("")
	for _, tc := range ops2026Routes {
		r := anon.do(tc.method, route(tc.path, "0oa1"), nil)
		requireError(t, r, http.StatusUnauthorized, "E0000011")
	}
}

func TestOps2026RateLimitBuckets(t *testing.T) {
	_, c := newServer(t, oktatest.WithRateLimit(oktatest.BucketApp, 1, time.Hour),
		oktatest.WithRateLimit(oktatest.BucketAPITokens, 1, time.Hour))
	// The first request of each bucket passes; every later one is refused.
	c.do("GET", "/api/v1/apps/0oa1/federated-claims", nil)
	c.do("GET", "/api/v1/api-tokens", nil)
	for _, tc := range ops2026Routes {
		r := c.do(tc.method, route(tc.path, "0oa1"), nil)
		requireError(t, r, http.StatusTooManyRequests, "E0000047")
		assert.Equal(t, "0", r.header.Get("X-Rate-Limit-Remaining"), tc.op)
	}
}

// bearerFor returns a client that calls with an access token holding
// exactly scopes.
func bearerFor(t *testing.T, srv *oktatest.Server, c *client, scopes ...string) *bearerClient {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	require.NoError(t, err)
	srv.RegisterClient(serviceClientID, &key.PublicKey, scopes...)
	tok := newServiceApp(t, srv, key, jose.ES256).token(strings.Join(scopes, " "))
	return &bearerClient{c: c.as(""), token: tok}
}

type bearerClient struct {
	c     *client
	token string
}

func (b *bearerClient) do(method, path string, body any) *response {
	return b.c.do(method, path, body, "Authorization", "Bearer "+b.token)
}

func TestGrantOperationsAcceptAppGrantsScopes(t *testing.T) {
	srv, c := newServer(t)
	app := c.createApp(bookmark("grants"))["id"].(string)
	grants := "/api/v1/apps/" + app + "/grants"

	reader := bearerFor(t, srv, c, oktatest.ScopeAppGrantsRead)
	assert.Equal(t, http.StatusOK, reader.do("GET", grants, nil).status)
	r := reader.do("POST", grants, map[string]any{"issuer": srv.URL, "scopeId": "okta.users.read"})
	requireError(t, r, http.StatusForbidden, "E0000006")
	assert.Contains(t, r.header.Get("WWW-Authenticate"), `scope="okta.appGrants.manage"`)

	manager := bearerFor(t, srv, c, oktatest.ScopeAppGrantsManage)
	r = manager.do("POST", grants, map[string]any{"issuer": srv.URL, "scopeId": "okta.users.read"})
	require.Equal(t, http.StatusOK, r.status, "%s", r.body)
	id := str(r.obj(t), "id")
	assert.Equal(t, http.StatusOK, manager.do("GET", grants+"/"+id, nil).status)
	assert.Equal(t, http.StatusOK, manager.do("GET", grants, nil).status)
	assert.Equal(t, http.StatusNoContent, manager.do("DELETE", grants+"/"+id, nil).status)

	// okta.apps.* is not enough: the grants have scopes of their own.
	apps := bearerFor(t, srv, c, oktatest.ScopeAppsManage)
	requireError(t, apps.do("GET", grants, nil), http.StatusForbidden, "E0000006")

	// revokeCurrentApiToken still takes only an API token.
	requireError(t, manager.do("DELETE", "/api/v1/api-tokens/current", nil), http.StatusForbidden, "E0000006")
}

func TestOps2026Scopes(t *testing.T) {
	srv, c := newServer(t)
	app := c.createApp(bookmark("scopes"))["id"].(string)
	base := "/api/v1/apps/" + app

	appsOnly := bearerFor(t, srv, c, oktatest.ScopeAppsManage)
	r := appsOnly.do("GET", base+"/group-push/mappings", nil)
	requireError(t, r, http.StatusForbidden, "E0000006")
	assert.Contains(t, r.header.Get("WWW-Authenticate"), `scope="okta.apps.read okta.groups.read"`)
	requireError(t, appsOnly.do("GET", base+"/interclient-allowed-apps", nil), http.StatusForbidden, "E0000006")
	assert.Equal(t, http.StatusOK, appsOnly.do("GET", base+"/federated-claims", nil).status)
	assert.Equal(t, http.StatusOK, appsOnly.do("GET", base+"/cwo/connections", nil).status)

	both := bearerFor(t, srv, c, oktatest.ScopeAppsRead, oktatest.ScopeGroupsRead)
	assert.Equal(t, http.StatusOK, both.do("GET", base+"/group-push/mappings", nil).status)
	r = both.do("POST", base+"/group-push/mappings", map[string]any{"sourceGroupId": "00g1", "targetGroupName": "x"})
	requireError(t, r, http.StatusForbidden, "E0000006")
	assert.Contains(t, r.header.Get("WWW-Authenticate"), `scope="okta.apps.manage okta.groups.manage"`)

	trust := bearerFor(t, srv, c, oktatest.ScopeAppsInterclientTrustRead)
	assert.Equal(t, http.StatusOK, trust.do("GET", base+"/interclient-allowed-apps", nil).status)
	assert.Equal(t, http.StatusOK, trust.do("GET", base+"/interclient-target-apps", nil).status)
	requireError(t, trust.do("POST", base+"/interclient-allowed-apps", map[string]any{"id": "0oa1"}), http.StatusForbidden, "E0000006")

	tokens := bearerFor(t, srv, c, oktatest.ScopeAPITokensRead)
	requireError(t, tokens.do("PUT", "/api/v1/api-tokens/00T1", map[string]any{"name": "x"}), http.StatusForbidden, "E0000006")
}
