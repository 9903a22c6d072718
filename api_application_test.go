package okta_test

// The Application API's 41 operations: the exact request each sends and the
// result it returns, the refusals made before sending, and paging.

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
	"net/url"
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

// appOp is one operation call and what must go over the wire.
type appOp struct {
	name   string // operationId, then a variant after "/"
	call   func(ctx context.Context, api *okta.ApplicationAPI) (any, *okta.Response, error)
	method string
	uri    string            // the escaped path and the query, as sent
	body   string            // the JSON body expected; "" for none
	header map[string]string // further headers expected
	status int               // the answer
	resp   string            // the answer's body
	check  func(t *testing.T, result any)
}

func appOps(t *testing.T) []appOp {
	bookmark := appCorpusDoc(t, "bookmark")
	oidc := appCorpusDoc(t, "openid_connect")
	list := func(doc string) string { return "[" + doc + "]" }
	return []appOp{
		// --- applications
		{
			name: "createApplication",
			call: func(ctx context.Context, api *okta.ApplicationAPI) (any, *okta.Response, error) {
				return api.CreateApplication(ctx, okta.CreateApplicationRequest{
					Application:            okta.NewBookmarkApplication("Status Page", "https://status.example.com/?team=platform&view=all"),
					Activate:               okta.Ptr(false),
					OktaAccessGatewayAgent: "oag-agent-7f3e",
				})
			},
			method: "POST", uri: "/api/v1/apps?activate=false",
			body:   `{"name":"bookmark","label":"Status Page","signOnMode":"BOOKMARK","settings":{"app":{"url":"https://status.example.com/?team=platform&view=all","requestIntegration":false}}}`,
			header: map[string]string{"OktaAccessGateway-Agent": "oag-agent-7f3e"},
			status: 200, resp: string(bookmark),
			check: func(t *testing.T, r any) {
				app := r.(*okta.Application)
				assert.Equal(t, "0oab00km4rKb6F3dG7h8", app.ID)
				assert.Equal(t, okta.SignOnModeBookmark, app.SignOnMode)
				assert.Equal(t, okta.ApplicationActive, app.Status)
			},
		},
		{
			name: "createApplication/defaults",
			call: func(ctx context.Context, api *okta.ApplicationAPI) (any, *okta.Response, error) {
				return api.CreateApplication(ctx, okta.CreateApplicationRequest{
					Application: &okta.Application{Name: "bookmark", Label: "B", SignOnMode: okta.SignOnModeBookmark},
				})
			},
			method: "POST", uri: "/api/v1/apps",
			body:   `{"name":"bookmark","label":"B","signOnMode":"BOOKMARK"}`,
			status: 200, resp: string(bookmark),
		},
		{
			name: "createApplication/activate true",
			call: func(ctx context.Context, api *okta.ApplicationAPI) (any, *okta.Response, error) {
				return api.CreateApplication(ctx, okta.CreateApplicationRequest{
					Application: &okta.Application{Label: "B"}, Activate: okta.Ptr(true),
				})
			},
			method: "POST", uri: "/api/v1/apps?activate=true", body: `{"label":"B"}`,
			status: 200, resp: string(bookmark),
		},
		{
			name: "getApplication",
			call: func(ctx context.Context, api *okta.ApplicationAPI) (any, *okta.Response, error) {
				return api.GetApplication(ctx, okta.GetApplicationRequest{AppID: "0oa8x1a2b3C4d5E6f7g8", Expand: "user/00u1a2b3c4d5e6f7g8h9"})
			},
			method: "GET", uri: "/api/v1/apps/0oa8x1a2b3C4d5E6f7g8?expand=user%2F00u1a2b3c4d5e6f7g8h9",
			status: 200, resp: string(oidc),
			check: func(t *testing.T, r any) {
				app := r.(*okta.Application)
				assert.Equal(t, "Expense Portal", app.Label)
				assert.Equal(t, "0oa8x1a2b3C4d5E6f7g8", app.Credentials.OAuthClient.ClientID)
			},
		},
		{
			name: "listApplications",
			call: func(ctx context.Context, api *okta.ApplicationAPI) (any, *okta.Response, error) {
				return api.ListApplications(ctx, okta.ListApplicationsRequest{
					Q: "Exp", After: "0oa0", Limit: 200, Filter: `status eq "ACTIVE"`, Expand: "user/00u1", IncludeNonDeleted: okta.Ptr(false),
				})
			},
			method: "GET", uri: "/api/v1/apps?after=0oa0&expand=user%2F00u1&filter=status+eq+%22ACTIVE%22&includeNonDeleted=false&limit=200&q=Exp",
			status: 200, resp: list(string(oidc)),
			check: func(t *testing.T, r any) {
				apps := r.([]okta.Application)
				require.Len(t, apps, 1)
				assert.Equal(t, "0oa8x1a2b3C4d5E6f7g8", apps[0].ID)
			},
		},
		{
			name: "listApplications/no parameters",
			call: func(ctx context.Context, api *okta.ApplicationAPI) (any, *okta.Response, error) {
				return api.ListApplications(ctx, okta.ListApplicationsRequest{})
			},
			method: "GET", uri: "/api/v1/apps",
			status: 200, resp: `[]`,
			check: func(t *testing.T, r any) {
				assert.Equal(t, []okta.Application{}, r.([]okta.Application), "an empty page is an empty slice")
			},
		},
		{
			name: "updateApplication",
			call: func(ctx context.Context, api *okta.ApplicationAPI) (any, *okta.Response, error) {
				app := okta.NewBookmarkApplication("Status", "https://status.example.com")
				app.Visibility.AutoSubmitToolbar = okta.Ptr(false)
				app.Licensing.SeatCount = okta.Ptr(0)
				return api.UpdateApplication(ctx, okta.UpdateApplicationRequest{AppID: "0oab00km4rKb6F3dG7h8", Application: app})
			},
			method: "PUT", uri: "/api/v1/apps/0oab00km4rKb6F3dG7h8",
			body:   `{"name":"bookmark","label":"Status","signOnMode":"BOOKMARK","visibility":{"autoSubmitToolbar":false},"licensing":{"seatCount":0},"settings":{"app":{"url":"https://status.example.com","requestIntegration":false}}}`,
			status: 200, resp: string(bookmark),
			check: func(t *testing.T, r any) {
				assert.Equal(t, "Status Page", r.(*okta.Application).Label)
			},
		},
		{
			name: "deleteApplication",
			call: func(ctx context.Context, api *okta.ApplicationAPI) (any, *okta.Response, error) {
				resp, err := api.DeleteApplication(ctx, okta.DeleteApplicationRequest{AppID: "0oa1"})
				return nil, resp, err
			},
			method: "DELETE", uri: "/api/v1/apps/0oa1", status: 204,
		},
		{
			name: "activateApplication",
			call: func(ctx context.Context, api *okta.ApplicationAPI) (any, *okta.Response, error) {
				resp, err := api.ActivateApplication(ctx, okta.ActivateApplicationRequest{AppID: "0oa1"})
				return nil, resp, err
			},
			method: "POST", uri: "/api/v1/apps/0oa1/lifecycle/activate", status: 200, resp: `{}`,
		},
		{
			name: "deactivateApplication",
			call: func(ctx context.Context, api *okta.ApplicationAPI) (any, *okta.Response, error) {
				resp, err := api.DeactivateApplication(ctx, okta.DeactivateApplicationRequest{AppID: "0oa1"})
				return nil, resp, err
			},
			method: "POST", uri: "/api/v1/apps/0oa1/lifecycle/deactivate", status: 200, resp: `{}`,
		},

		// --- users
		{
			name: "assignUserToApplication",
			call: func(ctx context.Context, api *okta.ApplicationAPI) (any, *okta.Response, error) {
				return api.AssignUserToApplication(ctx, okta.AssignUserToApplicationRequest{AppID: "0oa1", AppUser: &okta.AppUser{
					ID:          "00u1a2b3c4d5e6f7g8h9",
					Scope:       "USER",
					Credentials: okta.AppUserCredentials{UserName: "jdoe@example.com", Password: okta.AppUserPasswordCredential{Value: "c0rrect-h0rse"}},
					Profile:     map[string]any{"department": "Engineering", "seats": 3, "admin": false},
				}})
			},
			method: "POST", uri: "/api/v1/apps/0oa1/users",
			body:   `{"id":"00u1a2b3c4d5e6f7g8h9","scope":"USER","credentials":{"userName":"jdoe@example.com","password":{"value":"c0rrect-h0rse"}},"profile":{"department":"Engineering","seats":3,"admin":false}}`,
			status: 200, resp: appUserJSON,
			check: func(t *testing.T, r any) {
				u := r.(*okta.AppUser)
				assert.Equal(t, "00u1a2b3c4d5e6f7g8h9", u.ID)
				assert.Equal(t, "PROVISIONED", u.Status)
				assert.Equal(t, "SYNCHRONIZED", u.SyncState)
				assert.Equal(t, "jdoe@example.com", u.Credentials.UserName)
				assert.Equal(t, json.Number("3"), u.Profile["seats"])
				assert.Equal(t, false, u.Profile["admin"])
				assert.Equal(t, json.Number("98765432109876543210"), u.Profile["employeeNumber"])
				assert.Equal(t, 2024, u.Created.Year())
			},
		},
		{
			name: "getApplicationUser",
			call: func(ctx context.Context, api *okta.ApplicationAPI) (any, *okta.Response, error) {
				return api.GetApplicationUser(ctx, okta.GetApplicationUserRequest{AppID: "0oa1", UserID: "00u1a2b3c4d5e6f7g8h9", Expand: "user"})
			},
			method: "GET", uri: "/api/v1/apps/0oa1/users/00u1a2b3c4d5e6f7g8h9?expand=user",
			status: 200, resp: appUserJSON,
			check: func(t *testing.T, r any) {
				assert.Equal(t, "USER", r.(*okta.AppUser).Scope)
			},
		},
		{
			name: "listApplicationUsers",
			call: func(ctx context.Context, api *okta.ApplicationAPI) (any, *okta.Response, error) {
				return api.ListApplicationUsers(ctx, okta.ListApplicationUsersRequest{
					AppID: "0oa1", Q: "jdoe", QueryScope: "USER", After: "00u0", Limit: 20, Filter: `status eq "PROVISIONED"`, Expand: "user",
				})
			},
			method: "GET", uri: "/api/v1/apps/0oa1/users?after=00u0&expand=user&filter=status+eq+%22PROVISIONED%22&limit=20&q=jdoe&query_scope=USER",
			status: 200, resp: list(appUserJSON),
			check: func(t *testing.T, r any) {
				us := r.([]okta.AppUser)
				require.Len(t, us, 1)
				assert.Equal(t, "00u1a2b3c4d5e6f7g8h9", us[0].ID)
			},
		},
		{
			name: "updateApplicationUser",
			call: func(ctx context.Context, api *okta.ApplicationAPI) (any, *okta.Response, error) {
				return api.UpdateApplicationUser(ctx, okta.UpdateApplicationUserRequest{AppID: "0oa1", UserID: "00u1a2b3c4d5e6f7g8h9",
					AppUser: &okta.AppUser{Profile: map[string]any{"title": "Manager", "seats": 0, "nickname": ""}}})
			},
			method: "POST", uri: "/api/v1/apps/0oa1/users/00u1a2b3c4d5e6f7g8h9",
			body:   `{"profile":{"title":"Manager","seats":0,"nickname":""}}`,
			status: 200, resp: appUserJSON,
			check: func(t *testing.T, r any) {
				assert.Equal(t, "Engineering", r.(*okta.AppUser).Profile["department"])
			},
		},
		{
			name: "deleteApplicationUser",
			call: func(ctx context.Context, api *okta.ApplicationAPI) (any, *okta.Response, error) {
				resp, err := api.DeleteApplicationUser(ctx, okta.DeleteApplicationUserRequest{AppID: "0oa1", UserID: "00u1", SendEmail: okta.Ptr(false)})
				return nil, resp, err
			},
			method: "DELETE", uri: "/api/v1/apps/0oa1/users/00u1?sendEmail=false", status: 204,
		},
		{
			name: "deleteApplicationUser/no sendEmail",
			call: func(ctx context.Context, api *okta.ApplicationAPI) (any, *okta.Response, error) {
				resp, err := api.DeleteApplicationUser(ctx, okta.DeleteApplicationUserRequest{AppID: "0oa1", UserID: "00u1"})
				return nil, resp, err
			},
			method: "DELETE", uri: "/api/v1/apps/0oa1/users/00u1", status: 204,
		},

		// --- groups
		{
			name: "createApplicationGroupAssignment",
			call: func(ctx context.Context, api *okta.ApplicationAPI) (any, *okta.Response, error) {
				return api.CreateApplicationGroupAssignment(ctx, okta.CreateApplicationGroupAssignmentRequest{AppID: "0oa1", GroupID: "00g1a2b3c4d5e6f7g8h9",
					ApplicationGroupAssignment: &okta.ApplicationGroupAssignment{Priority: okta.Ptr(0), Profile: map[string]any{"role": "admin"}}})
			},
			method: "PUT", uri: "/api/v1/apps/0oa1/groups/00g1a2b3c4d5e6f7g8h9",
			body:   `{"priority":0,"profile":{"role":"admin"}}`,
			status: 200, resp: appGroupJSON,
			check: func(t *testing.T, r any) {
				g := r.(*okta.ApplicationGroupAssignment)
				assert.Equal(t, "00g1a2b3c4d5e6f7g8h9", g.ID)
				require.NotNil(t, g.Priority)
				assert.Equal(t, 0, *g.Priority)
				assert.Equal(t, []any{"pro"}, g.Profile["licenses"])
			},
		},
		{
			name: "createApplicationGroupAssignment/no body",
			call: func(ctx context.Context, api *okta.ApplicationAPI) (any, *okta.Response, error) {
				return api.CreateApplicationGroupAssignment(ctx, okta.CreateApplicationGroupAssignmentRequest{AppID: "0oa1", GroupID: "00g1"})
			},
			method: "PUT", uri: "/api/v1/apps/0oa1/groups/00g1",
			status: 200, resp: appGroupJSON,
		},
		{
			name: "getApplicationGroupAssignment",
			call: func(ctx context.Context, api *okta.ApplicationAPI) (any, *okta.Response, error) {
				return api.GetApplicationGroupAssignment(ctx, okta.GetApplicationGroupAssignmentRequest{AppID: "0oa1", GroupID: "00g1a2b3c4d5e6f7g8h9", Expand: "group"})
			},
			method: "GET", uri: "/api/v1/apps/0oa1/groups/00g1a2b3c4d5e6f7g8h9?expand=group",
			status: 200, resp: appGroupJSON,
			check: func(t *testing.T, r any) {
				assert.Equal(t, json.Number("10"), r.(*okta.ApplicationGroupAssignment).Profile["quota"])
			},
		},
		{
			name: "listApplicationGroupAssignments",
			call: func(ctx context.Context, api *okta.ApplicationAPI) (any, *okta.Response, error) {
				return api.ListApplicationGroupAssignments(ctx, okta.ListApplicationGroupAssignmentsRequest{AppID: "0oa1", Q: "eng", After: "00g0", Limit: 50, Expand: "group"})
			},
			method: "GET", uri: "/api/v1/apps/0oa1/groups?after=00g0&expand=group&limit=50&q=eng",
			status: 200, resp: list(appGroupJSON),
			check: func(t *testing.T, r any) {
				gs := r.([]okta.ApplicationGroupAssignment)
				require.Len(t, gs, 1)
				assert.Equal(t, "00g1a2b3c4d5e6f7g8h9", gs[0].ID)
			},
		},
		{
			name: "deleteApplicationGroupAssignment",
			call: func(ctx context.Context, api *okta.ApplicationAPI) (any, *okta.Response, error) {
				resp, err := api.DeleteApplicationGroupAssignment(ctx, okta.DeleteApplicationGroupAssignmentRequest{AppID: "0oa1", GroupID: "00g1"})
				return nil, resp, err
			},
			method: "DELETE", uri: "/api/v1/apps/0oa1/groups/00g1", status: 204,
		},

		// --- keys
		{
			name: "listApplicationKeys",
			call: func(ctx context.Context, api *okta.ApplicationAPI) (any, *okta.Response, error) {
				return api.ListApplicationKeys(ctx, okta.ListApplicationKeysRequest{AppID: "0oa1"})
			},
			method: "GET", uri: "/api/v1/apps/0oa1/credentials/keys",
			status: 200, resp: list(appKeyJSON),
			check: func(t *testing.T, r any) {
				ks := r.([]okta.JsonWebKey)
				require.Len(t, ks, 1)
				assert.Equal(t, "SIMcCQNY3uwXoW3y0vf6VxiNb7n9hsHtRU6Ue4fW6P8", ks[0].Kid)
			},
		},
		{
			name: "getApplicationKey",
			call: func(ctx context.Context, api *okta.ApplicationAPI) (any, *okta.Response, error) {
				return api.GetApplicationKey(ctx, okta.GetApplicationKeyRequest{AppID: "0oa1", KeyID: "SIMcCQNY3uwXoW3y0vf6VxiNb7n9hsHtRU6Ue4fW6P8"})
			},
			method: "GET", uri: "/api/v1/apps/0oa1/credentials/keys/SIMcCQNY3uwXoW3y0vf6VxiNb7n9hsHtRU6Ue4fW6P8",
			status: 200, resp: appKeyJSON,
			check: func(t *testing.T, r any) {
				k := r.(*okta.JsonWebKey)
				assert.Equal(t, "RSA", k.Kty)
				assert.Equal(t, "AQAB", k.E)
				assert.Equal(t, "5DTUjGOtJlENZ_qtV4bjwgySxhg7tIBzYiOmFBJp9O0", k.X5TS256)
				assert.Equal(t, 2026, k.ExpiresAt.Year())
			},
		},
		{
			name: "generateApplicationKey",
			call: func(ctx context.Context, api *okta.ApplicationAPI) (any, *okta.Response, error) {
				return api.GenerateApplicationKey(ctx, okta.GenerateApplicationKeyRequest{AppID: "0oa1", ValidityYears: 3})
			},
			method: "POST", uri: "/api/v1/apps/0oa1/credentials/keys/generate?validityYears=3",
			status: 201, resp: appKeyJSON,
			check: func(t *testing.T, r any) {
				assert.Equal(t, "ACTIVE", r.(*okta.JsonWebKey).Status)
			},
		},
		{
			name: "generateApplicationKey/no validityYears",
			call: func(ctx context.Context, api *okta.ApplicationAPI) (any, *okta.Response, error) {
				return api.GenerateApplicationKey(ctx, okta.GenerateApplicationKeyRequest{AppID: "0oa1"})
			},
			method: "POST", uri: "/api/v1/apps/0oa1/credentials/keys/generate",
			status: 201, resp: appKeyJSON,
		},
		{
			name: "cloneApplicationKey",
			call: func(ctx context.Context, api *okta.ApplicationAPI) (any, *okta.Response, error) {
				return api.CloneApplicationKey(ctx, okta.CloneApplicationKeyRequest{AppID: "0oa1", KeyID: "kid1", TargetAid: "0oa2"})
			},
			method: "POST", uri: "/api/v1/apps/0oa1/credentials/keys/kid1/clone?targetAid=0oa2",
			status: 201, resp: appKeyJSON,
			check: func(t *testing.T, r any) {
				assert.Equal(t, "SIMcCQNY3uwXoW3y0vf6VxiNb7n9hsHtRU6Ue4fW6P8", r.(*okta.JsonWebKey).Kid)
			},
		},

		// --- CSRs
		{
			name: "generateCsrForApplication",
			call: func(ctx context.Context, api *okta.ApplicationAPI) (any, *okta.Response, error) {
				return api.GenerateCsrForApplication(ctx, okta.GenerateCsrForApplicationRequest{AppID: "0oa1", Metadata: &okta.CsrMetadata{
					Subject: okta.CsrMetadataSubject{CountryName: "US", StateOrProvinceName: "California", LocalityName: "San Francisco",
						OrganizationName: "Example, Inc.", OrganizationalUnitName: "IT", CommonName: "sso.example.com"},
					SubjectAltNames: okta.CsrMetadataSubjectAltNames{DNSNames: []string{"sso.example.com", "login.example.com"}},
				}})
			},
			method: "POST", uri: "/api/v1/apps/0oa1/credentials/csrs",
			body:   `{"subject":{"commonName":"sso.example.com","countryName":"US","localityName":"San Francisco","organizationName":"Example, Inc.","organizationalUnitName":"IT","stateOrProvinceName":"California"},"subjectAltNames":{"dnsNames":["sso.example.com","login.example.com"]}}`,
			status: 201, resp: appCsrJSON,
			check: func(t *testing.T, r any) {
				c := r.(*okta.Csr)
				assert.Equal(t, "h9zkutaSe7fZX0SwN1GqDApofgD1OW8g2B5l2azha50", c.ID)
				assert.Equal(t, "RSA", c.Kty)
			},
		},
		{
			name: "listCsrsForApplication",
			call: func(ctx context.Context, api *okta.ApplicationAPI) (any, *okta.Response, error) {
				return api.ListCsrsForApplication(ctx, okta.ListCsrsForApplicationRequest{AppID: "0oa1"})
			},
			method: "GET", uri: "/api/v1/apps/0oa1/credentials/csrs",
			status: 200, resp: list(appCsrJSON),
			check: func(t *testing.T, r any) {
				require.Len(t, r.([]okta.Csr), 1)
			},
		},
		{
			name: "getCsrForApplication",
			call: func(ctx context.Context, api *okta.ApplicationAPI) (any, *okta.Response, error) {
				return api.GetCsrForApplication(ctx, okta.GetCsrForApplicationRequest{AppID: "0oa1", CsrID: "h9zkutaSe7fZX0SwN1GqDApofgD1OW8g2B5l2azha50"})
			},
			method: "GET", uri: "/api/v1/apps/0oa1/credentials/csrs/h9zkutaSe7fZX0SwN1GqDApofgD1OW8g2B5l2azha50",
			status: 200, resp: appCsrJSON,
			check: func(t *testing.T, r any) {
				assert.True(t, strings.HasPrefix(r.(*okta.Csr).Csr, "MIIC4DCC"))
			},
		},
		{
			name: "revokeCsrFromApplication",
			call: func(ctx context.Context, api *okta.ApplicationAPI) (any, *okta.Response, error) {
				resp, err := api.RevokeCsrFromApplication(ctx, okta.RevokeCsrFromApplicationRequest{AppID: "0oa1", CsrID: "csr1"})
				return nil, resp, err
			},
			method: "DELETE", uri: "/api/v1/apps/0oa1/credentials/csrs/csr1", status: 204,
		},
		// publishCsrFromApplication: TestPublishCsrFromApplication.

		// --- provisioning
		{
			name: "getDefaultProvisioningConnectionForApplication",
			call: func(ctx context.Context, api *okta.ApplicationAPI) (any, *okta.Response, error) {
				return api.GetDefaultProvisioningConnectionForApplication(ctx, okta.GetDefaultProvisioningConnectionForApplicationRequest{AppID: "0oa1"})
			},
			method: "GET", uri: "/api/v1/apps/0oa1/connections/default",
			status: 200, resp: appConnectionJSON,
			check: func(t *testing.T, r any) {
				c := r.(*okta.ProvisioningConnection)
				assert.Equal(t, okta.ProvisioningAuthToken, c.AuthScheme)
				assert.Equal(t, okta.ProvisioningEnabled, c.Status)
			},
		},
		{
			name: "setDefaultProvisioningConnectionForApplication",
			call: func(ctx context.Context, api *okta.ApplicationAPI) (any, *okta.Response, error) {
				return api.SetDefaultProvisioningConnectionForApplication(ctx, okta.SetDefaultProvisioningConnectionForApplicationRequest{
					AppID: "0oa1", Activate: okta.Ptr(true),
					ProvisioningConnectionRequest: &okta.ProvisioningConnectionRequest{Profile: okta.ProvisioningConnectionProfile{AuthScheme: okta.ProvisioningAuthToken, Token: "scim-bearer-token"}},
				})
			},
			method: "POST", uri: "/api/v1/apps/0oa1/connections/default?activate=true",
			body:   `{"profile":{"authScheme":"TOKEN","token":"scim-bearer-token"}}`,
			status: 201, resp: appConnectionJSON,
			check: func(t *testing.T, r any) {
				assert.Equal(t, okta.ProvisioningEnabled, r.(*okta.ProvisioningConnection).Status)
			},
		},
		{
			name: "setDefaultProvisioningConnectionForApplication/200",
			call: func(ctx context.Context, api *okta.ApplicationAPI) (any, *okta.Response, error) {
				return api.SetDefaultProvisioningConnectionForApplication(ctx, okta.SetDefaultProvisioningConnectionForApplicationRequest{
					AppID: "0oa1", Activate: okta.Ptr(false),
					ProvisioningConnectionRequest: &okta.ProvisioningConnectionRequest{Profile: okta.ProvisioningConnectionProfile{AuthScheme: okta.ProvisioningAuthToken, Token: "t"}},
				})
			},
			method: "POST", uri: "/api/v1/apps/0oa1/connections/default?activate=false",
			body:   `{"profile":{"authScheme":"TOKEN","token":"t"}}`,
			status: 200, resp: appConnectionJSON,
			check: func(t *testing.T, r any) {
				assert.Equal(t, okta.ProvisioningAuthToken, r.(*okta.ProvisioningConnection).AuthScheme)
			},
		},
		{
			name: "activateDefaultProvisioningConnectionForApplication",
			call: func(ctx context.Context, api *okta.ApplicationAPI) (any, *okta.Response, error) {
				resp, err := api.ActivateDefaultProvisioningConnectionForApplication(ctx, okta.ActivateDefaultProvisioningConnectionForApplicationRequest{AppID: "0oa1"})
				return nil, resp, err
			},
			method: "POST", uri: "/api/v1/apps/0oa1/connections/default/lifecycle/activate", status: 204,
		},
		{
			name: "deactivateDefaultProvisioningConnectionForApplication",
			call: func(ctx context.Context, api *okta.ApplicationAPI) (any, *okta.Response, error) {
				resp, err := api.DeactivateDefaultProvisioningConnectionForApplication(ctx, okta.DeactivateDefaultProvisioningConnectionForApplicationRequest{AppID: "0oa1"})
				return nil, resp, err
			},
			method: "POST", uri: "/api/v1/apps/0oa1/connections/default/lifecycle/deactivate", status: 204,
		},

		// --- features
		{
			name: "listFeaturesForApplication",
			call: func(ctx context.Context, api *okta.ApplicationAPI) (any, *okta.Response, error) {
				return api.ListFeaturesForApplication(ctx, okta.ListFeaturesForApplicationRequest{AppID: "0oa1"})
			},
			method: "GET", uri: "/api/v1/apps/0oa1/features",
			status: 200, resp: list(appFeatureJSON),
			check: func(t *testing.T, r any) {
				fs := r.([]okta.ApplicationFeature)
				require.Len(t, fs, 1)
				assert.Equal(t, "USER_PROVISIONING", fs[0].Name)
			},
		},
		{
			name: "getFeatureForApplication",
			call: func(ctx context.Context, api *okta.ApplicationAPI) (any, *okta.Response, error) {
				return api.GetFeatureForApplication(ctx, okta.GetFeatureForApplicationRequest{AppID: "0oa1", Name: "USER_PROVISIONING"})
			},
			method: "GET", uri: "/api/v1/apps/0oa1/features/USER_PROVISIONING",
			status: 200, resp: appFeatureJSON,
			check: func(t *testing.T, r any) {
				f := r.(*okta.ApplicationFeature)
				assert.Equal(t, okta.Enabled, f.Status)
				assert.Equal(t, okta.Enabled, f.Capabilities.Create.LifecycleCreate.Status)
				assert.Equal(t, okta.Disabled, f.Capabilities.Update.LifecycleDeactivate.Status)
				assert.Equal(t, okta.SeedRandom, f.Capabilities.Update.Password.Seed)
				assert.Equal(t, okta.ChangeChange, f.Capabilities.Update.Password.Change)
				assert.Equal(t, []string{"importRules"}, f.Capabilities.ExtraNames())
			},
		},
		{
			name: "updateFeatureForApplication",
			call: func(ctx context.Context, api *okta.ApplicationAPI) (any, *okta.Response, error) {
				caps := &okta.CapabilitiesObject{}
				caps.Create.LifecycleCreate.Status = okta.Enabled
				caps.Update.LifecycleDeactivate.Status = okta.Enabled
				caps.Update.Profile.Status = okta.Disabled
				caps.Update.Password = okta.PasswordSettingObject{Status: okta.Enabled, Seed: okta.SeedOkta, Change: okta.ChangeKeepExisting}
				return api.UpdateFeatureForApplication(ctx, okta.UpdateFeatureForApplicationRequest{AppID: "0oa1", Name: "USER_PROVISIONING", CapabilitiesObject: caps})
			},
			method: "PUT", uri: "/api/v1/apps/0oa1/features/USER_PROVISIONING",
			body:   `{"create":{"lifecycleCreate":{"status":"ENABLED"}},"update":{"lifecycleDeactivate":{"status":"ENABLED"},"password":{"status":"ENABLED","seed":"OKTA","change":"KEEP_EXISTING"},"profile":{"status":"DISABLED"}}}`,
			status: 200, resp: appFeatureJSON,
			check: func(t *testing.T, r any) {
				assert.Equal(t, "USER_PROVISIONING", r.(*okta.ApplicationFeature).Name)
			},
		},

		// --- tokens
		{
			name: "listOAuth2TokensForApplication",
			call: func(ctx context.Context, api *okta.ApplicationAPI) (any, *okta.Response, error) {
				return api.ListOAuth2TokensForApplication(ctx, okta.ListOAuth2TokensForApplicationRequest{AppID: "0oa1", Expand: "scope", After: "oar0", Limit: 5})
			},
			method: "GET", uri: "/api/v1/apps/0oa1/tokens?after=oar0&expand=scope&limit=5",
			status: 200, resp: list(appTokenJSON),
			check: func(t *testing.T, r any) {
				ts := r.([]okta.OAuth2Token)
				require.Len(t, ts, 1)
				assert.Equal(t, []string{"offline_access", "openid"}, ts[0].Scopes)
			},
		},
		{
			name: "getOAuth2TokenForApplication",
			call: func(ctx context.Context, api *okta.ApplicationAPI) (any, *okta.Response, error) {
				return api.GetOAuth2TokenForApplication(ctx, okta.GetOAuth2TokenForApplicationRequest{AppID: "0oa1", TokenID: "oar579Mcp7OUsNTlo0g3", Expand: "scope"})
			},
			method: "GET", uri: "/api/v1/apps/0oa1/tokens/oar579Mcp7OUsNTlo0g3?expand=scope",
			status: 200, resp: appTokenJSON,
			check: func(t *testing.T, r any) {
				tok := r.(*okta.OAuth2Token)
				assert.Equal(t, "oar579Mcp7OUsNTlo0g3", tok.ID)
				assert.Equal(t, okta.GrantOrTokenActive, tok.Status)
				assert.Equal(t, "0oa1", tok.ClientID)
				assert.Equal(t, "00u1a2b3c4d5e6f7g8h9", tok.UserID)
				assert.Equal(t, "https://dev-123456.okta.com/oauth2/ausain6z9zIedDCxB0h7", tok.Issuer)
				assert.NotNil(t, tok.Embedded["scopes"])
			},
		},
		{
			name: "revokeOAuth2TokenForApplication",
			call: func(ctx context.Context, api *okta.ApplicationAPI) (any, *okta.Response, error) {
				resp, err := api.RevokeOAuth2TokenForApplication(ctx, okta.RevokeOAuth2TokenForApplicationRequest{AppID: "0oa1", TokenID: "oar1"})
				return nil, resp, err
			},
			method: "DELETE", uri: "/api/v1/apps/0oa1/tokens/oar1", status: 204,
		},
		{
			name: "revokeOAuth2TokensForApplication",
			call: func(ctx context.Context, api *okta.ApplicationAPI) (any, *okta.Response, error) {
				resp, err := api.RevokeOAuth2TokensForApplication(ctx, okta.RevokeOAuth2TokensForApplicationRequest{AppID: "0oa1"})
				return nil, resp, err
			},
			method: "DELETE", uri: "/api/v1/apps/0oa1/tokens", status: 204,
		},

		// --- grants
		{
			name: "listScopeConsentGrants",
			call: func(ctx context.Context, api *okta.ApplicationAPI) (any, *okta.Response, error) {
				return api.ListScopeConsentGrants(ctx, okta.ListScopeConsentGrantsRequest{AppID: "0oa1", Expand: "scope"})
			},
			method: "GET", uri: "/api/v1/apps/0oa1/grants?expand=scope",
			status: 200, resp: list(appGrantJSON),
			check: func(t *testing.T, r any) {
				gs := r.([]okta.OAuth2ScopeConsentGrant)
				require.Len(t, gs, 1)
				assert.Equal(t, "okta.users.read", gs[0].ScopeID)
			},
		},
		{
			name: "grantConsentToScope",
			call: func(ctx context.Context, api *okta.ApplicationAPI) (any, *okta.Response, error) {
				return api.GrantConsentToScope(ctx, okta.GrantConsentToScopeRequest{AppID: "0oa1",
					OAuth2ScopeConsentGrant: &okta.OAuth2ScopeConsentGrant{Issuer: "https://dev-123456.okta.com", ScopeID: "okta.users.read"}})
			},
			method: "POST", uri: "/api/v1/apps/0oa1/grants",
			body:   `{"issuer":"https://dev-123456.okta.com","scopeId":"okta.users.read"}`,
			status: 201, resp: appGrantJSON,
			check: func(t *testing.T, r any) {
				g := r.(*okta.OAuth2ScopeConsentGrant)
				assert.Equal(t, "oag3ih1zrm1cBFOiq0h6", g.ID)
				assert.Equal(t, okta.GrantSourceAdmin, g.Source)
				assert.Equal(t, "User", g.CreatedBy.Type)
			},
		},
		{
			name: "grantConsentToScope/200",
			call: func(ctx context.Context, api *okta.ApplicationAPI) (any, *okta.Response, error) {
				return api.GrantConsentToScope(ctx, okta.GrantConsentToScopeRequest{AppID: "0oa1",
					OAuth2ScopeConsentGrant: &okta.OAuth2ScopeConsentGrant{Issuer: "https://dev-123456.okta.com", ScopeID: "okta.apps.read"}})
			},
			method: "POST", uri: "/api/v1/apps/0oa1/grants",
			body:   `{"issuer":"https://dev-123456.okta.com","scopeId":"okta.apps.read"}`,
			status: 200, resp: appGrantJSON,
			check: func(t *testing.T, r any) {
				assert.Equal(t, okta.GrantOrTokenActive, r.(*okta.OAuth2ScopeConsentGrant).Status)
			},
		},
		{
			name: "getScopeConsentGrant",
			call: func(ctx context.Context, api *okta.ApplicationAPI) (any, *okta.Response, error) {
				return api.GetScopeConsentGrant(ctx, okta.GetScopeConsentGrantRequest{AppID: "0oa1", GrantID: "oag3ih1zrm1cBFOiq0h6", Expand: "scope"})
			},
			method: "GET", uri: "/api/v1/apps/0oa1/grants/oag3ih1zrm1cBFOiq0h6?expand=scope",
			status: 200, resp: appGrantJSON,
			check: func(t *testing.T, r any) {
				assert.Equal(t, "https://dev-123456.okta.com", r.(*okta.OAuth2ScopeConsentGrant).Issuer)
			},
		},
		{
			name: "revokeScopeConsentGrant",
			call: func(ctx context.Context, api *okta.ApplicationAPI) (any, *okta.Response, error) {
				resp, err := api.RevokeScopeConsentGrant(ctx, okta.RevokeScopeConsentGrantRequest{AppID: "0oa1", GrantID: "oag1"})
				return nil, resp, err
			},
			method: "DELETE", uri: "/api/v1/apps/0oa1/grants/oag1", status: 204,
		},
		// uploadApplicationLogo: TestUploadApplicationLogo.
	}
}

func TestApplicationOperations(t *testing.T) {
	ops := appOps(t)
	covered := map[string]bool{"publishCsrFromApplication": true, "uploadApplicationLogo": true} // tested below
	for _, op := range ops {
		covered[strings.Split(op.name, "/")[0]] = true
	}
	assert.Len(t, covered, 41, "every Application operation has a case")

	for _, op := range ops {
		t.Run(op.name, func(t *testing.T) {
			m := newAppMock(t, func(*http.Request) *http.Response {
				return appJSON(op.status, op.resp, "X-Okta-Request-Id", "req-"+op.name)
			})
			result, resp, err := op.call(context.Background(), m.api)
			require.NoError(t, err)
			require.NotNil(t, resp)
			assert.Equal(t, op.status, resp.StatusCode)
			assert.Equal(t, "req-"+op.name, resp.RequestID)

			r := m.only()
			want, err := url.Parse(op.uri)
			require.NoError(t, err)
			assert.Equal(t, op.method, r.Method, "method")
			assert.Equal(t, want.EscapedPath(), r.Path, "escaped path")
			assert.Equal(t, want.Query(), r.Query, "query")
			if want.RawQuery == "" {
				assert.Empty(t, r.RawQuery, "no query at all")
			}
			assertAppStandardHeaders(t, r)
			for name, v := range op.header {
				assert.Equal(t, []string{v}, appHeader(r.Header, name), "header %s", name)
			}
			if _, ok := op.header["OktaAccessGateway-Agent"]; !ok {
				assert.Empty(t, appHeader(r.Header, "OktaAccessGateway-Agent"))
			}
			if op.body == "" {
				assert.False(t, r.HasBody, "no body: %q", r.Body)
				assert.Empty(t, r.Header.Values("Content-Type"), "no Content-Type without a body")
			} else {
				assert.Equal(t, []string{"application/json"}, r.Header.Values("Content-Type"))
				assertSameJSON(t, []byte(op.body), r.Body)
			}

			if result == nil || op.resp == "" {
				return
			}
			// A typed result is not nil, and a result is lossless.
			if rv := reflect.ValueOf(result); rv.Kind() == reflect.Pointer {
				require.False(t, rv.IsNil(), "nil result")
			}
			out, err := okta.MarshalWire(result) // json.Marshal redacts secrets
			require.NoError(t, err)
			assertSameJSON(t, []byte(op.resp), out)
			if op.check != nil {
				op.check(t, result)
			}
		})
	}
}

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
func assertAppStandardHeaders(t *testing.T, r appSent) {
	t.Helper()
	assert.Equal(t, []string{"SSWS " + appToken}, r.Header.Values("Authorization"))
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
					assert.Contains(t, err.Error(), appSpecName(strings.TrimSuffix(meth.Name, "All"))+":", "names the operation")
					assert.Equal(t, 0, m.calls(), "nothing was sent")
				})
				checked++
			}
		}
	}
	// The 41 operations have 56 path parameters, the 8 iterators 7.
	assert.Equal(t, 4*(56+7), checked, "path parameters checked")
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
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			// The next link keeps the filter and adds the cursor, in Okta's
			// order, which is not the order of the first request.
			next := appOrg + tc.path + "?limit=1&after=cursor%2F2&filter=x"
			m := newAppMock(t, func(r *http.Request) *http.Response {
				if r.URL.Query().Get("after") == "" {
					return appJSON(200, "["+tc.items[0]+"]",
						"Link", "<"+appOrg+r.URL.RequestURI()+`>; rel="self"`,
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
			"Link", `<`+appOrg+`/api/v1/apps/0oa1/users?limit=1>; rel="self"`,
			"Link", `<`+appOrg+`/api/v1/apps/0oa1/users?after=00uA&limit=1>; rel="next"`)
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
			assert.NotContains(t, err.Error(), appToken)
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
func appLogoPart(t *testing.T, r appSent) (name, filename, ctype string, data []byte) {
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
