package oktatest

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// specScopes are the OAuth 2.0 scopes the 2026 spec declares for each
// operation, space-separated when it needs all of them; "" for the
// operations that take only an API token.
var specScopes = map[string]string{
	"listApiTokens":         "okta.apiTokens.read",
	"revokeCurrentApiToken": "",
	"getApiToken":           "okta.apiTokens.read",
	"upsertApiToken":        "okta.apiTokens.manage",
	"revokeApiToken":        "okta.apiTokens.manage",
	"listApplications":      "okta.apps.read",
	"createApplication":     "okta.apps.manage",
	"getApplication":        "okta.apps.read",
	"replaceApplication":    "okta.apps.manage",
	"deleteApplication":     "okta.apps.manage",
	"getDefaultProvisioningConnectionForApplication":        "okta.apps.read",
	"updateDefaultProvisioningConnectionForApplication":     "okta.apps.manage",
	"getUserProvisioningConnectionJWKS":                     "okta.apps.read",
	"activateDefaultProvisioningConnectionForApplication":   "okta.apps.manage",
	"deactivateDefaultProvisioningConnectionForApplication": "okta.apps.manage",
	"listCsrsForApplication":                                "okta.apps.read",
	"generateCsrForApplication":                             "okta.apps.manage",
	"getCsrForApplication":                                  "okta.apps.read",
	"revokeCsrFromApplication":                              "okta.apps.manage",
	"publishCsrFromApplication":                             "okta.apps.manage",
	"listJwk":                                               "okta.apps.read",
	"addJwk":                                                "okta.apps.manage",
	"getJwk":                                                "okta.apps.read",
	"deletejwk":                                             "okta.apps.manage",
	"activateOAuth2ClientJsonWebKey":                        "okta.apps.manage",
	"deactivateOAuth2ClientJsonWebKey":                      "okta.apps.manage",
	"listApplicationKeys":                                   "okta.apps.read",
	"generateApplicationKey":                                "okta.apps.manage",
	"getApplicationKey":                                     "okta.apps.read",
	"cloneApplicationKey":                                   "okta.apps.manage",
	"listOAuth2ClientSecrets":                               "okta.apps.read",
	"createOAuth2ClientSecret":                              "okta.apps.manage",
	"getOAuth2ClientSecret":                                 "okta.apps.read",
	"deleteOAuth2ClientSecret":                              "okta.apps.manage",
	"activateOAuth2ClientSecret":                            "okta.apps.manage",
	"deactivateOAuth2ClientSecret":                          "okta.apps.manage",
	"getAllCrossAppAccessConnections":                       "okta.apps.read",
	"createCrossAppAccessConnection":                        "okta.apps.manage",
	"getCrossAppAccessConnection":                           "okta.apps.read",
	"updateCrossAppAccessConnection":                        "okta.apps.manage",
	"deleteCrossAppAccessConnection":                        "okta.apps.manage",
	"listFeaturesForApplication":                            "okta.apps.read",
	"getFeatureForApplication":                              "okta.apps.read",
	"updateFeatureForApplication":                           "okta.apps.manage",
	"listFederatedClaims":                                   "okta.apps.read",
	"createFederatedClaim":                                  "okta.apps.manage",
	"getFederatedClaim":                                     "okta.apps.read",
	"replaceFederatedClaim":                                 "okta.apps.manage",
	"deleteFederatedClaim":                                  "okta.apps.manage",
	"listScopeConsentGrants":                                "okta.appGrants.read",
	"grantConsentToScope":                                   "okta.appGrants.manage",
	"getScopeConsentGrant":                                  "okta.appGrants.read",
	"revokeScopeConsentGrant":                               "okta.appGrants.manage",
	"listGroupPushMappings":                                 "okta.apps.read okta.groups.read",
	"createGroupPushMapping":                                "okta.apps.manage okta.groups.manage",
	"getGroupPushMapping":                                   "okta.apps.read okta.groups.read",
	"updateGroupPushMapping":                                "okta.apps.manage okta.groups.manage",
	"deleteGroupPushMapping":                                "okta.apps.manage okta.groups.manage",
	"listApplicationGroupAssignments":                       "okta.apps.read",
	"getApplicationGroupAssignment":                         "okta.apps.read",
	"assignGroupToApplication":                              "okta.apps.manage",
	"updateGroupAssignmentToApplication":                    "okta.apps.manage",
	"unassignApplicationFromGroup":                          "okta.apps.manage",
	"listInterclientAllowedApplications":                    "okta.apps.interclientTrust.read",
	"createInterclientTrustMapping":                         "okta.apps.interclientTrust.manage",
	"deleteInterclientTrustMapping":                         "okta.apps.interclientTrust.manage",
	"listInterclientTargetApplications":                     "okta.apps.interclientTrust.read",
	"activateApplication":                                   "okta.apps.manage",
	"deactivateApplication":                                 "okta.apps.manage",
	"uploadApplicationLogo":                                 "okta.apps.manage",
	"assignApplicationPolicy":                               "okta.apps.manage",
	"previewSAMLmetadataForApplication":                     "okta.apps.read",
	"listOAuth2TokensForApplication":                        "okta.apps.read",
	"revokeOAuth2TokensForApplication":                      "okta.apps.manage",
	"getOAuth2TokenForApplication":                          "okta.apps.read",
	"revokeOAuth2TokenForApplication":                       "okta.apps.manage",
	"listApplicationUsers":                                  "okta.apps.read",
	"assignUserToApplication":                               "okta.apps.manage",
	"getApplicationUser":                                    "okta.apps.read",
	"updateApplicationUser":                                 "okta.apps.manage",
	"unassignUserFromApplication":                           "okta.apps.manage",
	"verifyProvisioningConnectionForApplication":            "okta.apps.manage",
}

func TestOps2026ListIsTheRoutingTable(t *testing.T) {
	s := NewServer()
	defer s.Close()
	var ids []string
	for _, op := range s.operations2026() {
		ids = append(ids, op.id)
	}
	assert.Equal(t, ops2026, ids)
	for _, id := range ops2026 {
		_, ok := specScopes[id]
		assert.True(t, ok, "%s is not an operationId of the 2026 spec", id)
	}
}

func TestEveryOperationNeedsTheSpecsScopes(t *testing.T) {
	s := NewServer()
	defer s.Close()
	checked := 0
	for _, op := range s.operations() {
		want, ok := specScopes[op.id]
		if !ok {
			continue // a 2022 operationId the 2026 spec renamed
		}
		checked++
		assert.Equal(t, want, requiredScope(op), op.id)
	}
	require.GreaterOrEqual(t, checked, 37+40, "operations checked against the spec")
}
