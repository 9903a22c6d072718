package oktatest_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gatekit/okta/oktatest"
)

// TestUnknownOperationPanics: a name the server does not serve (a Go method
// name, a typo) is never silently ignored.
func TestUnknownOperationPanics(t *testing.T) {
	srv, _ := newServer(t)
	assert.PanicsWithValue(t,
		`oktatest: Fail: unknown operation "GetApplication" (did you mean "getApplication"?): name one by its operationId, such as "getApplication", or "*" for all`,
		func() { srv.Fail("GetApplication", oktatest.Fault{Status: 500}) })
	assert.Panics(t, func() { srv.Requests("listApps") })
	assert.Panics(t, func() { srv.Fail("", oktatest.Fault{Status: 500}) })
	assert.NotPanics(t, func() { srv.Fail("*", oktatest.Fault{Latency: 1}) })
}

// TestEveryOperationConstantIsServed: each constant names a served
// operation, and the 2026 names reach the operation they rename.
func TestEveryOperationConstantIsServed(t *testing.T) {
	srv, _ := newServer(t)
	served := map[oktatest.Operation]bool{}
	for _, op := range srv.Operations() {
		served[op] = true
	}
	require.Len(t, served, 82, "every operation of the 2026 spec is served")
	for _, op := range []oktatest.Operation{
		oktatest.OpGetApiToken, oktatest.OpListApiTokens, oktatest.OpRevokeApiToken, oktatest.OpRevokeCurrentApiToken,
		oktatest.OpListApplications, oktatest.OpCreateApplication, oktatest.OpGetApplication, oktatest.OpUpdateApplication,
		oktatest.OpDeleteApplication, oktatest.OpActivateApplication, oktatest.OpDeactivateApplication,
		oktatest.OpUploadApplicationLogo, oktatest.OpListApplicationUsers, oktatest.OpAssignUserToApplication,
		oktatest.OpGetApplicationUser, oktatest.OpUpdateApplicationUser, oktatest.OpDeleteApplicationUser,
		oktatest.OpListApplicationGroupAssignments, oktatest.OpGetApplicationGroupAssignment,
		oktatest.OpCreateApplicationGroupAssignment, oktatest.OpDeleteApplicationGroupAssignment,
		oktatest.OpListApplicationKeys, oktatest.OpGenerateApplicationKey, oktatest.OpGetApplicationKey,
		oktatest.OpCloneApplicationKey, oktatest.OpListCsrsForApplication, oktatest.OpGenerateCsrForApplication,
		oktatest.OpGetCsrForApplication, oktatest.OpRevokeCsrFromApplication, oktatest.OpPublishCsrFromApplication,
		oktatest.OpGetDefaultProvisioningConnectionForApplication, oktatest.OpSetDefaultProvisioningConnectionForApplication,
		oktatest.OpActivateDefaultProvisioningConnectionForApplication,
		oktatest.OpDeactivateDefaultProvisioningConnectionForApplication, oktatest.OpListFeaturesForApplication,
		oktatest.OpGetFeatureForApplication, oktatest.OpUpdateFeatureForApplication,
		oktatest.OpListOAuth2TokensForApplication, oktatest.OpRevokeOAuth2TokensForApplication,
		oktatest.OpGetOAuth2TokenForApplication, oktatest.OpRevokeOAuth2TokenForApplication,
		oktatest.OpListScopeConsentGrants, oktatest.OpGrantConsentToScope, oktatest.OpGetScopeConsentGrant,
		oktatest.OpRevokeScopeConsentGrant,
		oktatest.OpUpsertApiToken,
		oktatest.OpListOAuth2ClientSecrets,
		oktatest.OpCreateOAuth2ClientSecret,
		oktatest.OpGetOAuth2ClientSecret,
		oktatest.OpDeleteOAuth2ClientSecret,
		oktatest.OpActivateOAuth2ClientSecret,
		oktatest.OpDeactivateOAuth2ClientSecret,
		oktatest.OpListJwk,
		oktatest.OpAddJwk,
		oktatest.OpGetJwk,
		oktatest.OpDeletejwk,
		oktatest.OpActivateOAuth2ClientJsonWebKey,
		oktatest.OpDeactivateOAuth2ClientJsonWebKey,
		oktatest.OpListFederatedClaims,
		oktatest.OpCreateFederatedClaim,
		oktatest.OpGetFederatedClaim,
		oktatest.OpReplaceFederatedClaim,
		oktatest.OpDeleteFederatedClaim,
		oktatest.OpListGroupPushMappings,
		oktatest.OpCreateGroupPushMapping,
		oktatest.OpGetGroupPushMapping,
		oktatest.OpUpdateGroupPushMapping,
		oktatest.OpDeleteGroupPushMapping,
		oktatest.OpUpdateGroupAssignmentToApplication,
		oktatest.OpAssignApplicationPolicy,
		oktatest.OpPreviewSAMLmetadataForApplication,
		oktatest.OpGetUserProvisioningConnectionJWKS,
		oktatest.OpVerifyProvisioningConnectionForApplication,
		oktatest.OpGetAllCrossAppAccessConnections,
		oktatest.OpCreateCrossAppAccessConnection,
		oktatest.OpGetCrossAppAccessConnection,
		oktatest.OpUpdateCrossAppAccessConnection,
		oktatest.OpDeleteCrossAppAccessConnection,
		oktatest.OpListInterclientAllowedApplications,
		oktatest.OpCreateInterclientTrustMapping,
		oktatest.OpDeleteInterclientTrustMapping,
		oktatest.OpListInterclientTargetApplications,
	} {
		assert.True(t, served[op], "%s", op)
		assert.NotPanics(t, func() { srv.Requests(op) }, "%s", op)
	}
	for _, op := range []oktatest.Operation{
		oktatest.OpReplaceApplication, oktatest.OpUpdateDefaultProvisioningConnectionForApplication,
		oktatest.OpAssignGroupToApplication, oktatest.OpUnassignApplicationFromGroup,
		oktatest.OpUnassignUserFromApplication,
	} {
		assert.NotPanics(t, func() { srv.Requests(op) }, "%s", op)
	}
}

// TestRenamedOperationIsAnAlias: a fault registered under Okta's 2026 name
// hits the operation it renames, and both names count the same requests.
func TestRenamedOperationIsAnAlias(t *testing.T) {
	srv, c := newServer(t)
	srv.Fail(oktatest.OpUnassignUserFromApplication, oktatest.Fault{Status: http.StatusServiceUnavailable, Times: 1})
	requireError(t, c.do("DELETE", "/api/v1/apps/0oaX/users/00uY", nil), http.StatusServiceUnavailable, "E0000009")
	requireError(t, c.do("DELETE", "/api/v1/apps/0oaX/users/00uY", nil), http.StatusNotFound, "E0000007")
	assert.Equal(t, 2, srv.Requests(oktatest.OpDeleteApplicationUser))
	assert.Equal(t, 2, srv.Requests(oktatest.OpUnassignUserFromApplication))
}
