package okta_test

// The Application API across its operations: escaping, the refusals made
// before sending, paging, errors, and the two operations whose bodies are not
// JSON (CSR publishing, logo upload). The exact request and typed result of
// each operation are in the opCase tables of the *_ops_test.go files.

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"iter"
	"mime"
	"mime/multipart"
	"net/http"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/iotest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gatekit/okta"
)

// Documents as Okta sends them, with a member or two no schema declares.
const (
	appUserJSON = `{
		"id": "00u1a2b3c4d5e6f7g8h9",
		"externalId": null,
		"created": "2024-02-01T10:00:00.000Z",
		"lastUpdated": "2024-02-02T10:00:00.000Z",
		"scope": "USER",
		"status": "PROVISIONED",
		"statusChanged": "2024-02-01T10:00:01.000Z",
		"passwordChanged": null,
		"syncState": "SYNCHRONIZED",
		"lastSync": "2024-02-02T10:00:00.000Z",
		"credentials": {"userName": "jdoe@example.com"},
		"profile": {"department": "Engineering", "seats": 3, "admin": false, "regions": ["eu", "us"], "manager": null, "employeeNumber": 98765432109876543210},
		"_links": {"app": {"href": "https://dev-123456.okta.com/api/v1/apps/0oa1"}, "user": {"href": "https://dev-123456.okta.com/api/v1/users/00u1a2b3c4d5e6f7g8h9"}}
	}`
	appGroupJSON = `{
		"id": "00g1a2b3c4d5e6f7g8h9",
		"lastUpdated": "2024-03-01T08:00:00.000Z",
		"priority": 0,
		"profile": {"role": "admin", "licenses": ["pro"], "quota": 10, "sso": true},
		"_links": {"app": {"href": "https://dev-123456.okta.com/api/v1/apps/0oa1"}, "group": {"href": "https://dev-123456.okta.com/api/v1/groups/00g1a2b3c4d5e6f7g8h9"}}
	}`
	appKeyJSON = `{
		"created": "2024-05-01T00:00:00.000Z",
		"lastUpdated": "2024-05-01T00:00:00.000Z",
		"expiresAt": "2026-05-01T00:00:00.000Z",
		"x5c": ["MIIDqDCCApCgAwIBAgIGAVGNO4qeMA0GCSqGSIb3DQEBBQUAMIGUMQswCQYDVQQGEwJVUzETMBEG"],
		"e": "AQAB",
		"n": "mkC6yAJVvFwUlmM9gKjb2d-YK5qHFt-mXSsbjWKKs4EfNm-BoQeeovBZtSACyaqLc8IYFTPEURFcbDQ9DkAL04uUIRD2gaHYY7uK0jsluEaXGq2RAIsmzAwNTzkiDw4q9pDL_q7n0f_SDt1TsMaMQayB6bU5jWsmqcWJ8MCRJ1aJMjZ16un5UVx51IIeCbe4QRDxEXGAvYNczsBoZxspDt28esSpq5W0dBFxcyGVudyl54Er3FzAguhgfMVjH-bUec9j2Tl40qDTktrYgYfbb9hf73cvvDvI7mhd9XRtG_yUuWiQDvWJWIjXqbYQJ46kfyCbm4Pn0Xn-xPSGELBnzE7kbjSsL3KvBSVQ",
		"kid": "SIMcCQNY3uwXoW3y0vf6VxiNb7n9hsHtRU6Ue4fW6P8",
		"kty": "RSA",
		"use": "sig",
		"x5t#S256": "5DTUjGOtJlENZ_qtV4bjwgySxhg7tIBzYiOmFBJp9O0",
		"status": "ACTIVE",
		"_links": {"activate": {"href": "https://dev-123456.okta.com/api/v1/apps/0oa1/credentials/keys/SIMcCQNY3uwXoW3y0vf6VxiNb7n9hsHtRU6Ue4fW6P8/lifecycle/activate"}}
	}`
	appCsrJSON = `{
		"id": "h9zkutaSe7fZX0SwN1GqDApofgD1OW8g2B5l2azha50",
		"created": "2024-06-01T12:00:00.000Z",
		"csr": "MIIC4DCCAcgCAQAwcTELMAkGA1UEBhMCVVMxEzARBgNVBAgMCkNhbGlmb3JuaWE=",
		"kty": "RSA",
		"_links": {"self": {"href": "https://dev-123456.okta.com/api/v1/apps/0oa1/credentials/csrs/h9zkutaSe7fZX0SwN1GqDApofgD1OW8g2B5l2azha50", "hints": {"allow": ["GET", "DELETE"]}}}
	}`
	appConnectionJSON = `{
		"authScheme": "TOKEN",
		"status": "ENABLED",
		"baseUrl": "https://scim.example.com/v2",
		"_links": {"self": {"href": "https://dev-123456.okta.com/api/v1/apps/0oa1/connections/default"}, "deactivate": {"href": "https://dev-123456.okta.com/api/v1/apps/0oa1/connections/default/lifecycle/deactivate", "hints": {"allow": ["POST"]}}}
	}`
	appFeatureJSON = `{
		"name": "USER_PROVISIONING",
		"status": "ENABLED",
		"description": "User provisioning settings from Okta to a downstream application",
		"capabilities": {
			"create": {"lifecycleCreate": {"status": "ENABLED"}},
			"update": {
				"lifecycleDeactivate": {"status": "DISABLED"},
				"profile": {"status": "ENABLED"},
				"password": {"status": "ENABLED", "seed": "RANDOM", "change": "CHANGE"}
			},
			"importRules": {"userCreateAndMatch": {"exactMatchCriteria": "EMAIL"}}
		},
		"_links": {"self": {"href": "https://dev-123456.okta.com/api/v1/apps/0oa1/features/USER_PROVISIONING", "hints": {"allow": ["GET", "PUT"]}}}
	}`
	appTokenJSON = `{
		"id": "oar579Mcp7OUsNTlo0g3",
		"status": "ACTIVE",
		"created": "2024-07-01T00:00:00.000Z",
		"lastUpdated": "2024-07-01T00:00:00.000Z",
		"expiresAt": "2024-08-01T00:00:00.000Z",
		"issuer": "https://dev-123456.okta.com/oauth2/ausain6z9zIedDCxB0h7",
		"clientId": "0oa1",
		"userId": "00u1a2b3c4d5e6f7g8h9",
		"scopes": ["offline_access", "openid"],
		"_embedded": {"scopes": [{"id": "scppb56cIl4GvGxy70g3", "name": "offline_access", "displayName": "Keep you signed in"}]},
		"_links": {"app": {"href": "https://dev-123456.okta.com/api/v1/apps/0oa1"}}
	}`
	appGrantJSON = `{
		"id": "oag3ih1zrm1cBFOiq0h6",
		"status": "ACTIVE",
		"created": "2024-08-01T00:00:00.000Z",
		"createdBy": {"id": "00u1a2b3c4d5e6f7g8h9", "type": "User"},
		"lastUpdated": "2024-08-01T00:00:00.000Z",
		"issuer": "https://dev-123456.okta.com",
		"clientId": "0oa1",
		"scopeId": "okta.users.read",
		"source": "ADMIN",
		"userId": null,
		"_embedded": {"scope": {"id": "okta.users.read"}},
		"_links": {"app": {"href": "https://dev-123456.okta.com/api/v1/apps/0oa1"}}
	}`
)

// appHeader returns a header's values, its name matched in any case: the SDK
// may send a name spelled as the spec spells it (OktaAccessGateway-Agent)
// rather than canonicalized, and a transport sees the map as set.
func appHeader(h http.Header, name string) []string {
	var vs []string
	for k, v := range h {
		if strings.EqualFold(k, name) {
			vs = append(vs, v...)
		}
	}
	return vs
}

// assertAppStandardHeaders checks what every request carries.
func assertAppStandardHeaders(t *testing.T, r sentRequest) {
	t.Helper()
	assert.Equal(t, []string{"SSWS " + testToken}, r.Header.Values("Authorization"))
	assert.Equal(t, []string{"application/json"}, r.Header.Values("Accept"))
	assert.True(t, strings.HasPrefix(r.Header.Get("User-Agent"), "okta-go/"), "User-Agent %q", r.Header.Get("User-Agent"))
}

func TestApplicationPathParametersAreEscaped(t *testing.T) {
	m := newAppMock(t, func(*http.Request) *http.Response { return appJSON(200, appUserJSON) })
	_, _, err := m.api.GetApplicationUser(context.Background(), okta.GetApplicationUserRequest{
		AppID: "0oa 1/../x?y#z%", UserID: "usér+1;a=b",
	})
	require.NoError(t, err)
	r := m.only()
	assert.Equal(t, "/api/v1/apps/0oa%201%2F..%2Fx%3Fy%23z%25/users/us%C3%A9r+1%3Ba=b", r.Path)
	assert.Empty(t, r.RawQuery)

	m = newAppMock(t, func(*http.Request) *http.Response { return appJSON(200, appFeatureJSON) })
	_, _, err = m.api.GetFeatureForApplication(context.Background(), okta.GetFeatureForApplicationRequest{AppID: "0oa1", Name: "a/b c"})
	require.NoError(t, err)
	assert.Equal(t, "/api/v1/apps/0oa1/features/a%2Fb%20c", m.only().Path)
}

// TestApplicationRequestsRefusedBeforeSending: a required body or query
// parameter that is missing is refused, and nothing is sent.
func TestApplicationRequestsRefusedBeforeSending(t *testing.T) {
	for _, tc := range []struct {
		name, mention string
		call          func(ctx context.Context, api *okta.ApplicationAPI) error
	}{
		{"createApplication", "Application", func(ctx context.Context, api *okta.ApplicationAPI) error {
			_, _, err := api.CreateApplication(ctx, okta.CreateApplicationRequest{Activate: okta.Ptr(true)})
			return err
		}},
		{"updateApplication", "Application", func(ctx context.Context, api *okta.ApplicationAPI) error {
			_, _, err := api.UpdateApplication(ctx, okta.UpdateApplicationRequest{AppID: "0oa1"})
			return err
		}},
		{"assignUserToApplication", "AppUser", func(ctx context.Context, api *okta.ApplicationAPI) error {
			_, _, err := api.AssignUserToApplication(ctx, okta.AssignUserToApplicationRequest{AppID: "0oa1"})
			return err
		}},
		{"updateApplicationUser", "AppUser", func(ctx context.Context, api *okta.ApplicationAPI) error {
			_, _, err := api.UpdateApplicationUser(ctx, okta.UpdateApplicationUserRequest{AppID: "0oa1", UserID: "00u1"})
			return err
		}},
		{"generateCsrForApplication", "Metadata", func(ctx context.Context, api *okta.ApplicationAPI) error {
			_, _, err := api.GenerateCsrForApplication(ctx, okta.GenerateCsrForApplicationRequest{AppID: "0oa1"})
			return err
		}},
		{"grantConsentToScope", "OAuth2ScopeConsentGrant", func(ctx context.Context, api *okta.ApplicationAPI) error {
			_, _, err := api.GrantConsentToScope(ctx, okta.GrantConsentToScopeRequest{AppID: "0oa1"})
			return err
		}},
		{"setDefaultProvisioningConnectionForApplication", "ProvisioningConnectionRequest", func(ctx context.Context, api *okta.ApplicationAPI) error {
			_, _, err := api.SetDefaultProvisioningConnectionForApplication(ctx, okta.SetDefaultProvisioningConnectionForApplicationRequest{AppID: "0oa1", Activate: okta.Ptr(true)})
			return err
		}},
		{"updateFeatureForApplication", "CapabilitiesObject", func(ctx context.Context, api *okta.ApplicationAPI) error {
			_, _, err := api.UpdateFeatureForApplication(ctx, okta.UpdateFeatureForApplicationRequest{AppID: "0oa1", Name: "USER_PROVISIONING"})
			return err
		}},
		{"cloneApplicationKey", "targetAid", func(ctx context.Context, api *okta.ApplicationAPI) error {
			_, _, err := api.CloneApplicationKey(ctx, okta.CloneApplicationKeyRequest{AppID: "0oa1", KeyID: "kid1"})
			return err
		}},
		{"publishCsrFromApplication", "Certificate", func(ctx context.Context, api *okta.ApplicationAPI) error {
			_, _, err := api.PublishCsrFromApplication(ctx, okta.PublishCsrFromApplicationRequest{AppID: "0oa1", CsrID: "csr1"})
			return err
		}},
		{"uploadApplicationLogo", "File", func(ctx context.Context, api *okta.ApplicationAPI) error {
			_, err := api.UploadApplicationLogo(ctx, okta.UploadApplicationLogoRequest{AppID: "0oa1", FileName: "logo.png"})
			return err
		}},
		// The operations the 2026 spec added.
		{"addJwk", "OAuth2ClientJsonWebKey", func(ctx context.Context, api *okta.ApplicationAPI) error {
			_, _, err := api.AddJwk(ctx, okta.AddJwkRequest{AppID: "0oa1"})
			return err
		}},
		{"createFederatedClaim", "FederatedClaimRequestBody", func(ctx context.Context, api *okta.ApplicationAPI) error {
			_, _, err := api.CreateFederatedClaim(ctx, okta.CreateFederatedClaimRequest{AppID: "0oa1"})
			return err
		}},
		{"createGroupPushMapping", "CreateGroupPushMappingRequestBody", func(ctx context.Context, api *okta.ApplicationAPI) error {
			_, _, err := api.CreateGroupPushMapping(ctx, okta.CreateGroupPushMappingRequest{AppID: "0oa1"})
			return err
		}},
		{"updateGroupPushMapping", "UpdateGroupPushMappingRequestBody", func(ctx context.Context, api *okta.ApplicationAPI) error {
			_, _, err := api.UpdateGroupPushMapping(ctx, okta.UpdateGroupPushMappingRequest{AppID: "0oa1", MappingID: "gPm1"})
			return err
		}},
		{"createCrossAppAccessConnection", "OrgCrossAppAccessConnection", func(ctx context.Context, api *okta.ApplicationAPI) error {
			_, _, err := api.CreateCrossAppAccessConnection(ctx, okta.CreateCrossAppAccessConnectionRequest{AppID: "0oa1"})
			return err
		}},
		{"updateCrossAppAccessConnection", "OrgCrossAppAccessConnectionPatchRequest", func(ctx context.Context, api *okta.ApplicationAPI) error {
			_, _, err := api.UpdateCrossAppAccessConnection(ctx, okta.UpdateCrossAppAccessConnectionRequest{AppID: "0oa1", ConnectionID: "cwo1"})
			return err
		}},
		{"createInterclientTrustMapping", "InterclientTrustMappingRequestBody", func(ctx context.Context, api *okta.ApplicationAPI) error {
			_, _, err := api.CreateInterclientTrustMapping(ctx, okta.CreateInterclientTrustMappingRequest{AppID: "0oa1"})
			return err
		}},
		{"previewSAMLmetadataForApplication", "kid", func(ctx context.Context, api *okta.ApplicationAPI) error {
			_, _, err := api.PreviewSAMLMetadataForApplication(ctx, okta.PreviewSAMLMetadataForApplicationRequest{AppID: "0oa1"})
			return err
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := newAppMock(t, nil)
			err := tc.call(context.Background(), m.api)
			require.Error(t, err)
			assert.ErrorIs(t, err, okta.ErrInvalidRequest)
			assert.Contains(t, err.Error(), tc.name)
			assert.Contains(t, err.Error(), tc.mention)
			var oe *okta.Error
			assert.False(t, errors.As(err, &oe), "a refusal is not an HTTP error")
			assert.Equal(t, 0, m.calls(), "nothing was sent")
		})
	}
}

// TestApplicationOperationsRefuseBadPathParameters calls every operation
// (and every ...All iterator) with each path parameter in turn empty, blank,
// "." or "..": each is refused before sending, naming the parameter as the
// spec does.
func TestApplicationOperationsRefuseBadPathParameters(t *testing.T) {
	api := reflect.TypeFor[*okta.ApplicationAPI]()
	var checked int
	for i := range api.NumMethod() {
		meth := api.Method(i)
		reqType := meth.Type.In(2)
		for _, field := range appPathFields(reqType) {
			for _, bad := range []string{"", " ", ".", ".."} {
				t.Run(fmt.Sprintf("%s/%s=%q", meth.Name, field, bad), func(t *testing.T) {
					m := newAppMock(t, nil)
					req := appFillRequest(t, reqType)
					req.FieldByName(field).SetString(bad)
					_, err := appInvoke(m.client.ApplicationAPI, meth.Name, req)
					require.Error(t, err)
					assert.ErrorIs(t, err, okta.ErrInvalidRequest)
					assert.Contains(t, err.Error(), "path parameter "+appSpecName(field)+" ")
					assert.Contains(t, err.Error(), appOperationID(strings.TrimSuffix(meth.Name, "All"))+":", "names the operation")
					assert.Equal(t, 0, m.calls(), "nothing was sent")
				})
				checked++
			}
		}
	}
	// The 41 operations of 2022 have 56 path parameters and their 8 iterators
	// 7; the 36 added since have 57, and their 2 iterators 2.
	assert.Equal(t, 4*(56+7+57+2), checked, "path parameters checked")
}

// TestApplicationListIteratorsFollowNextLinks: every ...All iterator walks two
// pages by the Link header, sending the next link as given, and stops when
// there is no next link.
func TestApplicationListIteratorsFollowNextLinks(t *testing.T) {
	type listCase struct {
		name  string
		path  string
		items [2]string // one document per page
		walk  func(ctx context.Context, api *okta.ApplicationAPI) ([]string, error)
	}
	cases := []listCase{
		{"ListApplicationsAll", "/api/v1/apps", [2]string{`{"id":"0oaA","label":"A"}`, `{"id":"0oaB","label":"B","signOnMode":null}`},
			func(ctx context.Context, api *okta.ApplicationAPI) ([]string, error) {
				return walkKeys(api.ListApplicationsAll(ctx, okta.ListApplicationsRequest{Limit: 1, Filter: `status eq "ACTIVE"`}), func(a *okta.Application) string { return a.ID })
			}},
		{"ListApplicationUsersAll", "/api/v1/apps/0oa1/users", [2]string{`{"id":"00uA"}`, `{"id":"00uB"}`},
			func(ctx context.Context, api *okta.ApplicationAPI) ([]string, error) {
				return walkKeys(api.ListApplicationUsersAll(ctx, okta.ListApplicationUsersRequest{AppID: "0oa1", Limit: 1, Filter: `status eq "PROVISIONED"`}), func(u *okta.AppUser) string { return u.ID })
			}},
		{"ListApplicationGroupAssignmentsAll", "/api/v1/apps/0oa1/groups", [2]string{`{"id":"00gA"}`, `{"id":"00gB"}`},
			func(ctx context.Context, api *okta.ApplicationAPI) ([]string, error) {
				return walkKeys(api.ListApplicationGroupAssignmentsAll(ctx, okta.ListApplicationGroupAssignmentsRequest{AppID: "0oa1", Limit: 1, Q: "eng"}), func(g *okta.ApplicationGroupAssignment) string { return g.ID })
			}},
		{"ListApplicationKeysAll", "/api/v1/apps/0oa1/credentials/keys", [2]string{`{"kid":"kA"}`, `{"kid":"kB"}`},
			func(ctx context.Context, api *okta.ApplicationAPI) ([]string, error) {
				return walkKeys(api.ListApplicationKeysAll(ctx, okta.ListApplicationKeysRequest{AppID: "0oa1"}), func(k *okta.JsonWebKey) string { return k.Kid })
			}},
		{"ListCsrsForApplicationAll", "/api/v1/apps/0oa1/credentials/csrs", [2]string{`{"id":"csrA"}`, `{"id":"csrB"}`},
			func(ctx context.Context, api *okta.ApplicationAPI) ([]string, error) {
				return walkKeys(api.ListCsrsForApplicationAll(ctx, okta.ListCsrsForApplicationRequest{AppID: "0oa1"}), func(c *okta.Csr) string { return c.ID })
			}},
		{"ListFeaturesForApplicationAll", "/api/v1/apps/0oa1/features", [2]string{`{"name":"USER_PROVISIONING"}`, `{"name":"INBOUND_PROVISIONING"}`},
			func(ctx context.Context, api *okta.ApplicationAPI) ([]string, error) {
				return walkKeys(api.ListFeaturesForApplicationAll(ctx, okta.ListFeaturesForApplicationRequest{AppID: "0oa1"}), func(f *okta.ApplicationFeature) string { return f.Name })
			}},
		{"ListOAuth2TokensForApplicationAll", "/api/v1/apps/0oa1/tokens", [2]string{`{"id":"oarA"}`, `{"id":"oarB"}`},
			func(ctx context.Context, api *okta.ApplicationAPI) ([]string, error) {
				return walkKeys(api.ListOAuth2TokensForApplicationAll(ctx, okta.ListOAuth2TokensForApplicationRequest{AppID: "0oa1", Limit: 1, Expand: "scope"}), func(t *okta.OAuth2Token) string { return t.ID })
			}},
		{"ListScopeConsentGrantsAll", "/api/v1/apps/0oa1/grants", [2]string{`{"id":"oagA"}`, `{"id":"oagB"}`},
			func(ctx context.Context, api *okta.ApplicationAPI) ([]string, error) {
				return walkKeys(api.ListScopeConsentGrantsAll(ctx, okta.ListScopeConsentGrantsRequest{AppID: "0oa1", Expand: "scope"}), func(g *okta.OAuth2ScopeConsentGrant) string { return g.ID })
			}},
		{"ListGroupPushMappingsAll", "/api/v1/apps/0oa1/group-push/mappings", [2]string{`{"id":"gPmA"}`, `{"id":"gPmB","status":"ERROR"}`},
			func(ctx context.Context, api *okta.ApplicationAPI) ([]string, error) {
				return walkKeys(api.ListGroupPushMappingsAll(ctx, okta.ListGroupPushMappingsRequest{AppID: "0oa1", Limit: 1, Status: okta.GroupPushMappingActive}), func(m *okta.GroupPushMapping) string { return m.ID })
			}},
		{"GetAllCrossAppAccessConnectionsAll", "/api/v1/apps/0oa1/cwo/connections", [2]string{`{"id":"cwoA"}`, `{"id":"cwoB"}`},
			func(ctx context.Context, api *okta.ApplicationAPI) ([]string, error) {
				return walkKeys(api.GetAllCrossAppAccessConnectionsAll(ctx, okta.GetAllCrossAppAccessConnectionsRequest{AppID: "0oa1", Limit: 1, ActiveAppsOnly: okta.Ptr(true)}), func(c *okta.OrgCrossAppAccessConnection) string { return c.ID })
			}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			// The next link keeps the filter and adds the cursor, in Okta's
			// order, which is not the order of the first request.
			next := recOrg + tc.path + "?limit=1&after=cursor%2F2&filter=x"
			m := newAppMock(t, func(r *http.Request) *http.Response {
				if r.URL.Query().Get("after") == "" {
					return appJSON(200, "["+tc.items[0]+"]",
						"Link", "<"+recOrg+r.URL.RequestURI()+`>; rel="self"`,
						"Link", "<"+next+`>; rel="next"`)
				}
				return appJSON(200, "["+tc.items[1]+"]", "Link", "<"+next+`>; rel="self"`)
			})
			ids, err := tc.walk(context.Background(), m.api)
			require.NoError(t, err)
			var want []string
			for _, doc := range tc.items {
				var probe map[string]any
				require.NoError(t, json.Unmarshal([]byte(doc), &probe))
				for _, k := range []string{"id", "kid", "name"} {
					if v, ok := probe[k].(string); ok {
						want = append(want, v)
						break
					}
				}
			}
			assert.Equal(t, want, ids)
			reqs := m.requests()
			require.Len(t, reqs, 2)
			assert.Equal(t, tc.path, reqs[0].Path)
			assert.Empty(t, reqs[0].Query.Get("after"))
			assert.Equal(t, tc.path, reqs[1].Path)
			assert.Equal(t, "limit=1&after=cursor%2F2&filter=x", reqs[1].RawQuery, "the next link is requested as given")
			for _, r := range reqs {
				assertAppStandardHeaders(t, r)
				assert.Equal(t, "GET", r.Method)
				assert.False(t, r.HasBody)
			}
		})
	}
}

// walkKeys walks an iterator to its end or its first error, keeping key of
// each item.
func walkKeys[T any](seq iter.Seq2[*T, error], key func(*T) string) ([]string, error) {
	var keys []string
	for v, err := range seq {
		if err != nil {
			return keys, err
		}
		keys = append(keys, key(v))
	}
	return keys, nil
}

// TestApplicationPageResponseNextAfter: one page tells the cursor of the next.
func TestApplicationPageResponseNextAfter(t *testing.T) {
	m := newAppMock(t, func(r *http.Request) *http.Response {
		return appJSON(200, `[{"id":"00uA"}]`,
			"Link", `<`+recOrg+`/api/v1/apps/0oa1/users?limit=1>; rel="self"`,
			"Link", `<`+recOrg+`/api/v1/apps/0oa1/users?after=00uA&limit=1>; rel="next"`)
	})
	users, resp, err := m.api.ListApplicationUsers(context.Background(), okta.ListApplicationUsersRequest{AppID: "0oa1", Limit: 1})
	require.NoError(t, err)
	require.Len(t, users, 1)
	assert.Equal(t, "00uA", resp.NextAfter)
}

// TestApplicationErrors: Okta's errors of the Application API, as errors.Is
// and errors.As see them.
func TestApplicationErrors(t *testing.T) {
	for _, tc := range []struct {
		name     string
		status   int
		body     string
		sentinel error
		call     func(ctx context.Context, api *okta.ApplicationAPI) error
	}{
		{"404 on getApplication", 404,
			`{"errorCode":"E0000007","errorSummary":"Not found: Resource not found: 0oa404 (AppInstance)","errorLink":"E0000007","errorId":"oae1","errorCauses":[]}`,
			okta.ErrNotFound,
			func(ctx context.Context, api *okta.ApplicationAPI) error {
				_, _, err := api.GetApplication(ctx, okta.GetApplicationRequest{AppID: "0oa404"})
				return err
			}},
		{"400 on createApplication", 400,
			`{"errorCode":"E0000001","errorSummary":"Api validation failed: settings.app.url","errorLink":"E0000001","errorId":"oae2","errorCauses":[{"errorSummary":"settings.app.url: The field cannot be left blank"}]}`,
			okta.ErrInvalidRequest,
			func(ctx context.Context, api *okta.ApplicationAPI) error {
				_, _, err := api.CreateApplication(ctx, okta.CreateApplicationRequest{Application: okta.NewBookmarkApplication("B", "")})
				return err
			}},
		{"403 on grantConsentToScope", 403,
			`{"errorCode":"E0000006","errorSummary":"You do not have permission to perform the requested action","errorLink":"E0000006","errorId":"oae3","errorCauses":[]}`,
			okta.ErrForbidden,
			func(ctx context.Context, api *okta.ApplicationAPI) error {
				_, _, err := api.GrantConsentToScope(ctx, okta.GrantConsentToScopeRequest{AppID: "0oa1", OAuth2ScopeConsentGrant: &okta.OAuth2ScopeConsentGrant{}})
				return err
			}},
		// The 2026 spec declares 401 (ErrorInvalidToken401) on most new operations.
		{"401 on listOAuth2ClientSecrets", 401,
			`{"errorCode":"E0000011","errorSummary":"Invalid token provided","errorLink":"E0000011","errorId":"oae5","errorCauses":[]}`,
			okta.ErrUnauthorized,
			func(ctx context.Context, api *okta.ApplicationAPI) error {
				_, _, err := api.ListOAuth2ClientSecrets(ctx, okta.ListOAuth2ClientSecretsRequest{AppID: "0oa1"})
				return err
			}},
		{"400 on deleteOAuth2ClientSecret of an ACTIVE secret", 400,
			`{"errorCode":"E0000001","errorSummary":"Api validation failed: Cannot delete an active client secret","errorLink":"E0000001","errorId":"oae6","errorCauses":[{"errorSummary":"status: Deactivate the secret before deleting it."}]}`,
			okta.ErrInvalidRequest,
			func(ctx context.Context, api *okta.ApplicationAPI) error {
				_, err := api.DeleteOAuth2ClientSecret(ctx, okta.DeleteOAuth2ClientSecretRequest{AppID: "0oa1", SecretID: "ocs1"})
				return err
			}},
		{"401 on getAllCrossAppAccessConnectionsAll", 401,
			`{"errorCode":"E0000011","errorSummary":"Invalid token provided","errorLink":"E0000011","errorId":"oae7","errorCauses":[]}`,
			okta.ErrUnauthorized,
			func(ctx context.Context, api *okta.ApplicationAPI) error {
				for _, err := range api.GetAllCrossAppAccessConnectionsAll(ctx, okta.GetAllCrossAppAccessConnectionsRequest{AppID: "0oa1"}) {
					return err
				}
				return nil
			}},
		{"500 on deleteApplication", 500,
			`{"errorCode":"E0000009","errorSummary":"Internal Server Error","errorLink":"E0000009","errorId":"oae4","errorCauses":[]}`,
			nil,
			func(ctx context.Context, api *okta.ApplicationAPI) error {
				_, err := api.DeleteApplication(ctx, okta.DeleteApplicationRequest{AppID: "0oa1"})
				return err
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := newAppMock(t, func(*http.Request) *http.Response {
				return appJSON(tc.status, tc.body, "X-Okta-Request-Id", "req-err")
			})
			err := tc.call(context.Background(), m.api)
			require.Error(t, err)
			var oe *okta.Error
			require.ErrorAs(t, err, &oe)
			assert.Equal(t, tc.status, oe.StatusCode)
			assert.Equal(t, "req-err", oe.RequestID)
			var doc struct {
				ErrorCode, ErrorSummary, ErrorID string
				ErrorCauses                      []struct{ ErrorSummary string }
			}
			require.NoError(t, json.Unmarshal([]byte(tc.body), &doc))
			assert.Equal(t, doc.ErrorCode, oe.ErrorCode)
			assert.Equal(t, doc.ErrorSummary, oe.ErrorSummary)
			assert.Equal(t, doc.ErrorID, oe.ErrorID)
			require.Len(t, oe.ErrorCauses, len(doc.ErrorCauses))
			for i, c := range doc.ErrorCauses {
				assert.Equal(t, c.ErrorSummary, oe.ErrorCauses[i].ErrorSummary)
			}
			if tc.sentinel != nil {
				assert.ErrorIs(t, err, tc.sentinel)
			}
			assert.Contains(t, err.Error(), doc.ErrorCode)
			assert.NotContains(t, err.Error(), testToken)
		})
	}
}

// --- publishCsrFromApplication --------------------------------------------------

func TestPublishCsrFromApplication(t *testing.T) {
	der := appCertDER()
	b64 := base64.StdEncoding.EncodeToString(der)
	var wrapped strings.Builder // base64 as openssl writes it: 64 characters a line
	for s := b64; len(s) > 0; {
		n := min(64, len(s))
		wrapped.WriteString(s[:n] + "\n")
		s = s[n:]
	}
	pemCert := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})

	for _, tc := range []struct {
		name, ctype, encoding string
		cert                  []byte
		wantBody              []byte
	}{
		{"DER", "application/pkix-cert", "", der, der},
		{"base64 DER", "application/pkix-cert", "base64", []byte(b64), []byte(b64)},
		{"base64 DER in lines", "application/pkix-cert", "base64", []byte(strings.TrimSpace(wrapped.String())), []byte(strings.TrimSpace(wrapped.String()))},
		{"PEM", "application/x-pem-file", "", pemCert, pemCert},
		{"PEM with CRLF line ends, re-encoded", "application/x-pem-file", "", bytes.ReplaceAll(pemCert, []byte("\n"), []byte("\r\n")), pemCert},
		{"PEM after openssl -text output", "application/x-pem-file", "",
			append([]byte("Certificate:\n    Data:\n        Version: 3 (0x2)\n"), pemCert...), pemCert},
		{"PEM chain with a private key and trailing text", "application/x-pem-file", "",
			slices.Concat([]byte("Bag Attributes\n    localKeyID: 01\n"), pemCert, pemCert,
				pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: []byte("never sent")}), []byte("trailing notes\n")),
			slices.Concat(pemCert, pemCert)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := newAppMock(t, func(*http.Request) *http.Response { return appJSON(201, appKeyJSON) })
			key, resp, err := m.api.PublishCsrFromApplication(context.Background(), okta.PublishCsrFromApplicationRequest{
				AppID: "0oa1", CsrID: "h9zkutaSe7fZX0SwN1GqDApofgD1OW8g2B5l2azha50", Certificate: tc.cert,
			})
			require.NoError(t, err)
			assert.Equal(t, 201, resp.StatusCode)
			assert.Equal(t, "SIMcCQNY3uwXoW3y0vf6VxiNb7n9hsHtRU6Ue4fW6P8", key.Kid)
			r := m.only()
			assert.Equal(t, "POST", r.Method)
			assert.Equal(t, "/api/v1/apps/0oa1/credentials/csrs/h9zkutaSe7fZX0SwN1GqDApofgD1OW8g2B5l2azha50/lifecycle/publish", r.Path)
			assert.Empty(t, r.RawQuery)
			assertAppStandardHeaders(t, r)
			assert.Equal(t, []string{tc.ctype}, r.Header.Values("Content-Type"))
			if tc.encoding == "" {
				assert.Empty(t, appHeader(r.Header, "Content-Transfer-Encoding"))
			} else {
				assert.Equal(t, []string{tc.encoding}, appHeader(r.Header, "Content-Transfer-Encoding"))
			}
			assert.Equal(t, tc.wantBody, r.Body)
		})
	}
}

func TestPublishCsrFromApplicationRefusesWhatIsNotACertificate(t *testing.T) {
	random := make([]byte, 600)
	_, err := rand.Read(random)
	require.NoError(t, err)
	random[0] = 0xff // not the start of a DER sequence, nor of PEM
	pkcs8, err := x509.MarshalPKCS8PrivateKey(appECKey())
	require.NoError(t, err)
	csrDER, err := x509.CreateCertificateRequest(rand.Reader, &x509.CertificateRequest{Subject: pkix.Name{CommonName: "x"}}, appECKey())
	require.NoError(t, err)

	for _, tc := range []struct {
		name string
		cert []byte
	}{
		{"nil", nil},
		{"empty", []byte{}},
		{"blank", []byte(" \n\t")},
		{"random bytes", random},
		{"base64 of random bytes", []byte(base64.StdEncoding.EncodeToString(random))},
		{"PEM PRIVATE KEY", pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: pkcs8})},
		{"PEM PRIVATE KEY before a CERTIFICATE", slices.Concat(pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: pkcs8}), pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: appCertDER()}))},
		{"text, then PEM that does not decode", []byte("Certificate:\n-----BEGIN CERTIFICATE-----\nnot base64 ***\n")},
		{"a good CERTIFICATE then a bad one", slices.Concat(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: appCertDER()}), pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: []byte("junk")}))},
		{"PEM CERTIFICATE with garbage inside", pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: []byte("this is not DER at all")})},
		{"PEM that does not decode", []byte("-----BEGIN CERTIFICATE-----\nnot base64 ***\n")},
		{"a CSR, not a certificate", csrDER},
		{"truncated DER", appCertDER()[:len(appCertDER())/2]},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := newAppMock(t, nil)
			key, resp, err := m.api.PublishCsrFromApplication(context.Background(), okta.PublishCsrFromApplicationRequest{
				AppID: "0oa1", CsrID: "csr1", Certificate: tc.cert,
			})
			require.Error(t, err)
			assert.ErrorIs(t, err, okta.ErrInvalidRequest)
			assert.Contains(t, err.Error(), "publishCsrFromApplication")
			assert.Nil(t, key)
			assert.Nil(t, resp)
			assert.Equal(t, 0, m.calls(), "nothing was sent")
		})
	}
}

// --- uploadApplicationLogo ------------------------------------------------------

// appLogoPart parses a logo upload: the one multipart part of the body.
func appLogoPart(t *testing.T, r sentRequest) (name, filename, ctype string, data []byte) {
	t.Helper()
	mt, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	require.NoError(t, err)
	require.Equal(t, "multipart/form-data", mt)
	require.NotEmpty(t, params["boundary"])
	mr := multipart.NewReader(bytes.NewReader(r.Body), params["boundary"])
	part, err := mr.NextPart()
	require.NoError(t, err)
	data, err = io.ReadAll(part)
	require.NoError(t, err)
	_, err = mr.NextPart()
	require.ErrorIs(t, err, io.EOF, "one part only")
	return part.FormName(), part.FileName(), part.Header.Get("Content-Type"), data
}

func TestUploadApplicationLogo(t *testing.T) {
	for _, tc := range []struct {
		name, fileName, wantName, wantType string
		image                              func(testing.TB) []byte
	}{
		{"PNG named", "brand-logo.png", "brand-logo.png", "image/png", appPNG},
		{"PNG unnamed", "", "logo.png", "image/png", appPNG},
		{"JPEG named", "photo.jpeg", "photo.jpeg", "image/jpeg", appJPEG},
		{"JPEG unnamed", "", "logo.jpg", "image/jpeg", appJPEG},
		{"GIF unnamed", "", "logo.gif", "image/gif", appGIF},
		{"a path keeps its last element", "../../etc/brand.gif", "brand.gif", "image/gif", appGIF},
	} {
		t.Run(tc.name, func(t *testing.T) {
			img := tc.image(t)
			m := newAppMock(t, func(*http.Request) *http.Response { return appJSON(201, "") })
			resp, err := m.api.UploadApplicationLogo(context.Background(), okta.UploadApplicationLogoRequest{
				AppID: "0oa1", File: bytes.NewReader(img), FileName: tc.fileName,
			})
			require.NoError(t, err)
			assert.Equal(t, 201, resp.StatusCode)
			r := m.only()
			assert.Equal(t, "POST", r.Method)
			assert.Equal(t, "/api/v1/apps/0oa1/logo", r.Path)
			assert.Empty(t, r.RawQuery)
			assertAppStandardHeaders(t, r)
			name, filename, ctype, data := appLogoPart(t, r)
			assert.Equal(t, "file", name)
			assert.Equal(t, tc.wantName, filename)
			assert.Equal(t, tc.wantType, ctype)
			assert.Equal(t, img, data)
		})
	}
}

// appCountingReader counts the bytes read from it; it never ends when n < 0.
type appCountingReader struct {
	head []byte
	n    int64 // bytes after head; < 0: endless
	read int64
}

func (r *appCountingReader) Read(p []byte) (int, error) {
	total := int64(len(r.head)) + r.n
	if r.n >= 0 && r.read >= total {
		return 0, io.EOF
	}
	k := len(p)
	if r.n >= 0 && int64(k) > total-r.read {
		k = int(total - r.read)
	}
	for i := range k {
		if off := r.read + int64(i); off < int64(len(r.head)) {
			p[i] = r.head[off]
		} else {
			p[i] = 0
		}
	}
	r.read += int64(k)
	return k, nil
}

func TestUploadApplicationLogoRefusals(t *testing.T) {
	const mib = 1 << 20
	png := appPNG(t)
	for _, tc := range []struct {
		name string
		file func() io.Reader
	}{
		{"nil File", func() io.Reader { return nil }},
		{"empty", func() io.Reader { return bytes.NewReader(nil) }},
		{"text", func() io.Reader { return strings.NewReader("Just a text file, not an image.\n") }},
		{"SVG", func() io.Reader {
			return strings.NewReader(`<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>`)
		}},
		{"PNG of exactly 1 MiB", func() io.Reader { return &appCountingReader{head: png, n: mib - int64(len(png))} }},
		{"PNG over 1 MiB", func() io.Reader { return &appCountingReader{head: png, n: 3 * mib} }},
		{"a failing reader", func() io.Reader { return iotest.ErrReader(errors.New("disk on fire")) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := newAppMock(t, nil)
			resp, err := m.api.UploadApplicationLogo(context.Background(), okta.UploadApplicationLogoRequest{AppID: "0oa1", File: tc.file()})
			require.Error(t, err)
			assert.ErrorIs(t, err, okta.ErrInvalidRequest)
			assert.Contains(t, err.Error(), "uploadApplicationLogo")
			assert.Nil(t, resp)
			assert.Equal(t, 0, m.calls(), "nothing was sent")
		})
	}

	t.Run("no more than 1 MiB is read", func(t *testing.T) {
		m := newAppMock(t, nil)
		endless := &appCountingReader{head: png, n: -1}
		done := make(chan error, 1)
		go func() {
			_, err := m.api.UploadApplicationLogo(context.Background(), okta.UploadApplicationLogoRequest{AppID: "0oa1", File: endless})
			done <- err
		}()
		select {
		case err := <-done:
			assert.ErrorIs(t, err, okta.ErrInvalidRequest)
		case <-time.After(10 * time.Second):
			t.Fatal("UploadApplicationLogo reads an endless File to its end")
		}
		assert.LessOrEqual(t, endless.read, int64(mib))
		assert.Equal(t, 0, m.calls())
	})

	t.Run("just under 1 MiB is sent", func(t *testing.T) {
		m := newAppMock(t, func(*http.Request) *http.Response { return appJSON(201, "") })
		src := &appCountingReader{head: png, n: mib - 1 - int64(len(png))}
		_, err := m.api.UploadApplicationLogo(context.Background(), okta.UploadApplicationLogoRequest{AppID: "0oa1", File: src})
		require.NoError(t, err)
		_, _, ctype, data := appLogoPart(t, m.only())
		assert.Equal(t, "image/png", ctype)
		assert.Len(t, data, mib-1)
	})
}
