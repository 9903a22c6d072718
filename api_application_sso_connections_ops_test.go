package okta_test

// The other operations the 2026 spec added (policy assignment, SAML metadata,
// the provisioning connection's keys and OAuth consent, group assignment
// patches, API token network conditions): the exact requests and typed
// results.

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gatekit/okta"
)

const (
	appSAMLMetadataXML      = `<?xml version="1.0" encoding="UTF-8"?><md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="http://www.okta.com/exk1"><md:IDPSSODescriptor WantAuthnRequestsSigned="false" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"><md:KeyDescriptor use="signing"><ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:X509Data><ds:X509Certificate>MIIDqDCCApCgAwIBAgIGAVGNO4qe</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor></md:IDPSSODescriptor></md:EntityDescriptor>`
	appProvisioningJWKSJSON = `{"jwks":{"keys":[{"kid":"akm5hvbbevE341ovl0h7","kty":"RSA","use":"sig","e":"AQAB","n":"AJncrKuine49_CEVR4GPn","x5c":["MIIDqDCCApCgAwIBAgIGAVGNO4qe"],"x5t#S256":"5DTUjGOtJlENZ_qtV4bjwgySxhg7tIBzYiOmFBJp9O0","expiresAt":"2030-01-01T00:00:00.000Z"}]}}`
)

func otherNewOps() []opRunner {
	return []opRunner{
		opCase[noResult]{
			name: "assignApplicationPolicy",
			call: func(ctx context.Context, c *okta.APIClient) (*noResult, *okta.Response, error) {
				return none(c.ApplicationAPI.AssignApplicationPolicy(ctx, okta.AssignApplicationPolicyRequest{AppID: "0oa1", PolicyID: "rst 1"}))
			},
			method: "PUT", uri: "/api/v1/apps/0oa1/policies/rst%201", status: 204,
		},
		opCase[[]byte]{
			name: "previewSAMLmetadataForApplication",
			call: func(ctx context.Context, c *okta.APIClient) (*[]byte, *okta.Response, error) {
				doc, resp, err := c.ApplicationAPI.PreviewSAMLMetadataForApplication(ctx, okta.PreviewSAMLMetadataForApplicationRequest{AppID: "0oa1", Kid: "kid/1 2"})
				return page(doc, resp, err)
			},
			method: "GET", uri: "/api/v1/apps/0oa1/sso/saml/metadata?kid=kid%2F1+2",
			header: map[string]string{"Accept": "text/xml, application/json"},
			status: 200, resp: appSAMLMetadataXML,
			check: func(t *testing.T, doc *[]byte) {
				assert.Contains(t, string(*doc), "<ds:X509Certificate>MIIDqDCCApCgAwIBAgIGAVGNO4qe</ds:X509Certificate>")
			},
		},
		opCase[okta.AppConnectionUserProvisionJWKResponse]{
			name: "getUserProvisioningConnectionJWKS",
			call: func(ctx context.Context, c *okta.APIClient) (*okta.AppConnectionUserProvisionJWKResponse, *okta.Response, error) {
				return c.ApplicationAPI.GetUserProvisioningConnectionJWKS(ctx, okta.GetUserProvisioningConnectionJWKSRequest{AppID: "0oa1"})
			},
			method: "GET", uri: "/api/v1/apps/0oa1/connections/default/jwks", status: 200, resp: appProvisioningJWKSJSON,
			check: func(t *testing.T, r *okta.AppConnectionUserProvisionJWKResponse) {
				require.Len(t, r.Jwks.Keys, 1)
				assert.Equal(t, "akm5hvbbevE341ovl0h7", r.Jwks.Keys[0].Kid)
				assert.Equal(t, 2030, r.Jwks.Keys[0].ExpiresAt.Year())
			},
		},
		opCase[noResult]{
			name: "verifyProvisioningConnectionForApplication",
			call: func(ctx context.Context, c *okta.APIClient) (*noResult, *okta.Response, error) {
				return none(c.ApplicationAPI.VerifyProvisioningConnectionForApplication(ctx, okta.VerifyProvisioningConnectionForApplicationRequest{
					AppName: okta.OAuthProvisioningOffice365, AppID: "0oa1", Code: "c0de/+", State: "st4te"}))
			},
			method: "POST", uri: "/api/v1/apps/office365/0oa1/oauth2/callback?code=c0de%2F%2B&state=st4te", status: 204,
		},
		opCase[noResult]{
			name: "verifyProvisioningConnectionForApplication/no query",
			call: func(ctx context.Context, c *okta.APIClient) (*noResult, *okta.Response, error) {
				return none(c.ApplicationAPI.VerifyProvisioningConnectionForApplication(ctx, okta.VerifyProvisioningConnectionForApplicationRequest{
					AppName: "some_future_app", AppID: "0oa1"}))
			},
			method: "POST", uri: "/api/v1/apps/some_future_app/0oa1/oauth2/callback", status: 204,
		},
		opCase[okta.ApplicationGroupAssignment]{
			name: "updateGroupAssignmentToApplication",
			call: func(ctx context.Context, c *okta.APIClient) (*okta.ApplicationGroupAssignment, *okta.Response, error) {
				return c.ApplicationAPI.UpdateGroupAssignmentToApplication(ctx, okta.UpdateGroupAssignmentToApplicationRequest{
					AppID: "0oa1", GroupID: "00g1a2b3c4d5e6f7g8h9", JsonPatchOperation: []okta.JsonPatchOperation{
						{Op: okta.PatchActionReplace, Path: "/profile/role", Value: "admin"},
						{Op: okta.PatchActionReplace, Path: "/priority", Value: 0},
						{Op: okta.PatchActionRemove, Path: "/profile/quota"},
					}})
			},
			method: "PATCH", uri: "/api/v1/apps/0oa1/groups/00g1a2b3c4d5e6f7g8h9",
			body:   `[{"op":"replace","path":"/profile/role","value":"admin"},{"op":"replace","path":"/priority","value":0},{"op":"remove","path":"/profile/quota"}]`,
			status: 200, resp: appGroupJSON,
			check: func(t *testing.T, g *okta.ApplicationGroupAssignment) {
				assert.Equal(t, "00g1a2b3c4d5e6f7g8h9", g.ID)
			},
		},
		opCase[okta.ApplicationGroupAssignment]{
			name: "updateGroupAssignmentToApplication/no body",
			call: func(ctx context.Context, c *okta.APIClient) (*okta.ApplicationGroupAssignment, *okta.Response, error) {
				return c.ApplicationAPI.UpdateGroupAssignmentToApplication(ctx, okta.UpdateGroupAssignmentToApplicationRequest{AppID: "0oa1", GroupID: "00g1"})
			},
			method: "PATCH", uri: "/api/v1/apps/0oa1/groups/00g1", status: 200, resp: appGroupJSON,
		},
		opCase[okta.ApiToken]{
			name: "upsertApiToken",
			call: func(ctx context.Context, c *okta.APIClient) (*okta.ApiToken, *okta.Response, error) {
				return c.ApiTokenAPI.UpsertApiToken(ctx, okta.UpsertApiTokenRequest{ApiTokenID: "00Tabcdefg1234567890",
					ApiTokenUpdate: &okta.ApiTokenUpdate{Name: "CI token", UserID: "00uabcdefg1234567890",
						Network: okta.ApiTokenNetwork{Connection: "ZONE", Include: []string{"nzo1"}, Exclude: []string{}}}})
			},
			method: "PUT", uri: "/api/v1/api-tokens/00Tabcdefg1234567890",
			body:   `{"name":"CI token","userId":"00uabcdefg1234567890","network":{"connection":"ZONE","include":["nzo1"],"exclude":[]}}`,
			status: 200, resp: appUpsertedTokenJSON,
			check: func(t *testing.T, tok *okta.ApiToken) {
				assert.Equal(t, "ZONE", tok.Network.Connection)
				assert.Equal(t, []string{"nzo1"}, tok.Network.Include)
			},
		},
	}
}

const appUpsertedTokenJSON = `{
	"id": "00Tabcdefg1234567890",
	"name": "CI token",
	"userId": "00uabcdefg1234567890",
	"clientName": "Okta API",
	"tokenWindow": "PT1H",
	"network": {"connection": "ZONE", "include": ["nzo1"], "exclude": []},
	"created": "2021-12-09T20:38:46.000Z",
	"lastUpdated": "2026-02-01T10:00:00.000Z",
	"expiresAt": "2021-12-11T20:38:46.000Z",
	"_links": {"self": {"href": "https://dev-123456.okta.com/api/v1/api-tokens/00Tabcdefg1234567890", "hints": {"allow": ["GET", "PUT", "DELETE"]}}}
}`

// TestPreviewSAMLMetadataForApplicationAnswers: an error answer is an
// *okta.Error as for every operation, and an empty success is an error, not
// an empty document.
func TestPreviewSAMLMetadataForApplicationAnswers(t *testing.T) {
	req := okta.PreviewSAMLMetadataForApplicationRequest{AppID: "0oa1", Kid: "k1"}
	m := newAppMock(t, func(*http.Request) *http.Response {
		return appJSON(404, `{"errorCode":"E0000007","errorSummary":"Not found: Resource not found: k1 (AppInstanceKey)"}`)
	})
	doc, _, err := m.api.PreviewSAMLMetadataForApplication(context.Background(), req)
	assert.ErrorIs(t, err, okta.ErrNotFound)
	assert.Equal(t, "E0000007", requireOktaError(t, err).ErrorCode)
	assert.Nil(t, doc)

	m = newAppMock(t, func(*http.Request) *http.Response { return appJSON(200, "") })
	doc, _, err = m.api.PreviewSAMLMetadataForApplication(context.Background(), req)
	requireOktaError(t, err)
	assert.Nil(t, doc)
}
