package okta

// The operations' paths, in one table: the source of the path-parameter
// guard (reservedSegments) and checked against Okta's 2026 spec by
// TestRoutesMatchSpec.

import (
	"strings"
	"sync"
)

// route is one operation: its operationId, HTTP method and path template.
type route struct{ op, method, path string }

// routes are the 82 operations of Okta's Application and API Token
// management APIs as of the 2026 spec (one line each in ops-2026.tsv), in the
// spec's order.
var routes = [...]route{
	{"listApiTokens", "GET", "/api/v1/api-tokens"},
	{"revokeCurrentApiToken", "DELETE", "/api/v1/api-tokens/current"},
	{"getApiToken", "GET", "/api/v1/api-tokens/{apiTokenId}"},
	{"upsertApiToken", "PUT", "/api/v1/api-tokens/{apiTokenId}"},
	{"revokeApiToken", "DELETE", "/api/v1/api-tokens/{apiTokenId}"},
	{"listApplications", "GET", "/api/v1/apps"},
	{"createApplication", "POST", "/api/v1/apps"},
	{"getApplication", "GET", "/api/v1/apps/{appId}"},
	{"replaceApplication", "PUT", "/api/v1/apps/{appId}"},
	{"deleteApplication", "DELETE", "/api/v1/apps/{appId}"},
	{"getDefaultProvisioningConnectionForApplication", "GET", "/api/v1/apps/{appId}/connections/default"},
	{"updateDefaultProvisioningConnectionForApplication", "POST", "/api/v1/apps/{appId}/connections/default"},
	{"getUserProvisioningConnectionJWKS", "GET", "/api/v1/apps/{appId}/connections/default/jwks"},
	{"activateDefaultProvisioningConnectionForApplication", "POST", "/api/v1/apps/{appId}/connections/default/lifecycle/activate"},
	{"deactivateDefaultProvisioningConnectionForApplication", "POST", "/api/v1/apps/{appId}/connections/default/lifecycle/deactivate"},
	{"listCsrsForApplication", "GET", "/api/v1/apps/{appId}/credentials/csrs"},
	{"generateCsrForApplication", "POST", "/api/v1/apps/{appId}/credentials/csrs"},
	{"getCsrForApplication", "GET", "/api/v1/apps/{appId}/credentials/csrs/{csrId}"},
	{"revokeCsrFromApplication", "DELETE", "/api/v1/apps/{appId}/credentials/csrs/{csrId}"},
	{"publishCsrFromApplication", "POST", "/api/v1/apps/{appId}/credentials/csrs/{csrId}/lifecycle/publish"},
	{"listJwk", "GET", "/api/v1/apps/{appId}/credentials/jwks"},
	{"addJwk", "POST", "/api/v1/apps/{appId}/credentials/jwks"},
	{"getJwk", "GET", "/api/v1/apps/{appId}/credentials/jwks/{keyId}"},
	{"deletejwk", "DELETE", "/api/v1/apps/{appId}/credentials/jwks/{keyId}"},
	{"activateOAuth2ClientJsonWebKey", "POST", "/api/v1/apps/{appId}/credentials/jwks/{keyId}/lifecycle/activate"},
	{"deactivateOAuth2ClientJsonWebKey", "POST", "/api/v1/apps/{appId}/credentials/jwks/{keyId}/lifecycle/deactivate"},
	{"listApplicationKeys", "GET", "/api/v1/apps/{appId}/credentials/keys"},
	{"generateApplicationKey", "POST", "/api/v1/apps/{appId}/credentials/keys/generate"},
	{"getApplicationKey", "GET", "/api/v1/apps/{appId}/credentials/keys/{keyId}"},
	{"cloneApplicationKey", "POST", "/api/v1/apps/{appId}/credentials/keys/{keyId}/clone"},
	{"listOAuth2ClientSecrets", "GET", "/api/v1/apps/{appId}/credentials/secrets"},
	{"createOAuth2ClientSecret", "POST", "/api/v1/apps/{appId}/credentials/secrets"},
	{"getOAuth2ClientSecret", "GET", "/api/v1/apps/{appId}/credentials/secrets/{secretId}"},
	{"deleteOAuth2ClientSecret", "DELETE", "/api/v1/apps/{appId}/credentials/secrets/{secretId}"},
	{"activateOAuth2ClientSecret", "POST", "/api/v1/apps/{appId}/credentials/secrets/{secretId}/lifecycle/activate"},
	{"deactivateOAuth2ClientSecret", "POST", "/api/v1/apps/{appId}/credentials/secrets/{secretId}/lifecycle/deactivate"},
	{"getAllCrossAppAccessConnections", "GET", "/api/v1/apps/{appId}/cwo/connections"},
	{"createCrossAppAccessConnection", "POST", "/api/v1/apps/{appId}/cwo/connections"},
	{"getCrossAppAccessConnection", "GET", "/api/v1/apps/{appId}/cwo/connections/{connectionId}"},
	{"deleteCrossAppAccessConnection", "DELETE", "/api/v1/apps/{appId}/cwo/connections/{connectionId}"},
	{"updateCrossAppAccessConnection", "PATCH", "/api/v1/apps/{appId}/cwo/connections/{connectionId}"},
	{"listFeaturesForApplication", "GET", "/api/v1/apps/{appId}/features"},
	{"getFeatureForApplication", "GET", "/api/v1/apps/{appId}/features/{featureName}"},
	{"updateFeatureForApplication", "PUT", "/api/v1/apps/{appId}/features/{featureName}"},
	{"listFederatedClaims", "GET", "/api/v1/apps/{appId}/federated-claims"},
	{"createFederatedClaim", "POST", "/api/v1/apps/{appId}/federated-claims"},
	{"getFederatedClaim", "GET", "/api/v1/apps/{appId}/federated-claims/{claimId}"},
	{"replaceFederatedClaim", "PUT", "/api/v1/apps/{appId}/federated-claims/{claimId}"},
	{"deleteFederatedClaim", "DELETE", "/api/v1/apps/{appId}/federated-claims/{claimId}"},
	{"listScopeConsentGrants", "GET", "/api/v1/apps/{appId}/grants"},
	{"grantConsentToScope", "POST", "/api/v1/apps/{appId}/grants"},
	{"getScopeConsentGrant", "GET", "/api/v1/apps/{appId}/grants/{grantId}"},
	{"revokeScopeConsentGrant", "DELETE", "/api/v1/apps/{appId}/grants/{grantId}"},
	{"listGroupPushMappings", "GET", "/api/v1/apps/{appId}/group-push/mappings"},
	{"createGroupPushMapping", "POST", "/api/v1/apps/{appId}/group-push/mappings"},
	{"getGroupPushMapping", "GET", "/api/v1/apps/{appId}/group-push/mappings/{mappingId}"},
	{"deleteGroupPushMapping", "DELETE", "/api/v1/apps/{appId}/group-push/mappings/{mappingId}"},
	{"updateGroupPushMapping", "PATCH", "/api/v1/apps/{appId}/group-push/mappings/{mappingId}"},
	{"listApplicationGroupAssignments", "GET", "/api/v1/apps/{appId}/groups"},
	{"getApplicationGroupAssignment", "GET", "/api/v1/apps/{appId}/groups/{groupId}"},
	{"assignGroupToApplication", "PUT", "/api/v1/apps/{appId}/groups/{groupId}"},
	{"unassignApplicationFromGroup", "DELETE", "/api/v1/apps/{appId}/groups/{groupId}"},
	{"updateGroupAssignmentToApplication", "PATCH", "/api/v1/apps/{appId}/groups/{groupId}"},
	{"listInterclientAllowedApplications", "GET", "/api/v1/apps/{appId}/interclient-allowed-apps"},
	{"createInterclientTrustMapping", "POST", "/api/v1/apps/{appId}/interclient-allowed-apps"},
	{"deleteInterclientTrustMapping", "DELETE", "/api/v1/apps/{appId}/interclient-allowed-apps/{allowedAppId}"},
	{"listInterclientTargetApplications", "GET", "/api/v1/apps/{appId}/interclient-target-apps"},
	{"activateApplication", "POST", "/api/v1/apps/{appId}/lifecycle/activate"},
	{"deactivateApplication", "POST", "/api/v1/apps/{appId}/lifecycle/deactivate"},
	{"uploadApplicationLogo", "POST", "/api/v1/apps/{appId}/logo"},
	{"assignApplicationPolicy", "PUT", "/api/v1/apps/{appId}/policies/{policyId}"},
	{"previewSAMLmetadataForApplication", "GET", "/api/v1/apps/{appId}/sso/saml/metadata"},
	{"listOAuth2TokensForApplication", "GET", "/api/v1/apps/{appId}/tokens"},
	{"revokeOAuth2TokensForApplication", "DELETE", "/api/v1/apps/{appId}/tokens"},
	{"getOAuth2TokenForApplication", "GET", "/api/v1/apps/{appId}/tokens/{tokenId}"},
	{"revokeOAuth2TokenForApplication", "DELETE", "/api/v1/apps/{appId}/tokens/{tokenId}"},
	{"listApplicationUsers", "GET", "/api/v1/apps/{appId}/users"},
	{"assignUserToApplication", "POST", "/api/v1/apps/{appId}/users"},
	{"getApplicationUser", "GET", "/api/v1/apps/{appId}/users/{userId}"},
	{"updateApplicationUser", "POST", "/api/v1/apps/{appId}/users/{userId}"},
	{"unassignUserFromApplication", "DELETE", "/api/v1/apps/{appId}/users/{userId}"},
	{"verifyProvisioningConnectionForApplication", "POST", "/api/v1/apps/{appName}/{appId}/oauth2/callback"},
}

// reservedSegments returns, for each path parameter of tmpl in order, the
// literal segments that other routes have at the parameter's place after a
// prefix that could be the same path: a parameter holding one of them would
// send the request to another operation (RevokeApiToken with the id "current"
// is DELETE /api/v1/api-tokens/current, which revokes the caller's own
// token). Two prefixes could be the same path when, segment by segment, they
// are equal or either is a parameter. Only the prefix is compared, not what
// follows: a router that matches a literal segment first may take the rest
// anywhere, and none of these words is an id Okta issues. The result is nil
// when tmpl has no such parameter; it is worked out once for every route.
func reservedSegments(tmpl string) [][]string {
	if r, ok := reservedByTemplate()[tmpl]; ok {
		return r
	}
	return computeReserved(tmpl) // not a route of the spec: only tests build such calls
}

// reservedByTemplate is reservedSegments of every route, worked out once.
var reservedByTemplate = sync.OnceValue(func() map[string][][]string {
	m := make(map[string][][]string, len(routes))
	for _, r := range routes {
		m[r.path] = computeReserved(r.path)
	}
	return m
})

func computeReserved(tmpl string) [][]string {
	segs := splitPath(tmpl)
	var out [][]string
	found := false
	for i, s := range segs {
		if !isParamSegment(s) {
			continue
		}
		var words []string
		for _, r := range routes {
			rs := splitPath(r.path)
			if len(rs) <= i || isParamSegment(rs[i]) || !samePrefix(segs[:i], rs[:i]) {
				continue
			}
			if !containsFold(words, rs[i]) {
				words = append(words, rs[i])
			}
		}
		found = found || len(words) > 0
		out = append(out, words)
	}
	if !found {
		return nil
	}
	return out
}

func splitPath(tmpl string) []string { return strings.Split(strings.Trim(tmpl, "/"), "/") }

func isParamSegment(s string) bool { return strings.HasPrefix(s, "{") }

// samePrefix reports whether two template prefixes could name the same path.
func samePrefix(a, b []string) bool {
	for j := range a {
		if a[j] != b[j] && !isParamSegment(a[j]) && !isParamSegment(b[j]) {
			return false
		}
	}
	return true
}

func containsFold(words []string, w string) bool {
	for _, x := range words {
		if strings.EqualFold(x, w) {
			return true
		}
	}
	return false
}
