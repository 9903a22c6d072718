package oktatest

// The 37 operations Okta's 2026 spec added to the Application and API Token
// APIs: their routing table, the OAuth 2.0 scopes the 2026 spec gives the
// operations whose scope the path and method do not tell, and the data
// they keep.

import "strings"

// ops2026 are the operationIds of the operations added by the 2026 spec,
// spelled exactly as Okta spells them (deletejwk and
// previewSAMLmetadataForApplication included).
var ops2026 = []string{
	"upsertApiToken",
	"listOAuth2ClientSecrets", "createOAuth2ClientSecret", "getOAuth2ClientSecret",
	"deleteOAuth2ClientSecret", "activateOAuth2ClientSecret", "deactivateOAuth2ClientSecret",
	"listJwk", "addJwk", "getJwk", "deletejwk",
	"activateOAuth2ClientJsonWebKey", "deactivateOAuth2ClientJsonWebKey",
	"listFederatedClaims", "createFederatedClaim", "getFederatedClaim",
	"replaceFederatedClaim", "deleteFederatedClaim",
	"listGroupPushMappings", "createGroupPushMapping", "getGroupPushMapping",
	"updateGroupPushMapping", "deleteGroupPushMapping",
	"updateGroupAssignmentToApplication",
	"assignApplicationPolicy",
	"previewSAMLmetadataForApplication",
	"getUserProvisioningConnectionJWKS",
	"verifyProvisioningConnectionForApplication",
	"getAllCrossAppAccessConnections", "createCrossAppAccessConnection", "getCrossAppAccessConnection",
	"updateCrossAppAccessConnection", "deleteCrossAppAccessConnection",
	"listInterclientAllowedApplications", "createInterclientTrustMapping",
	"deleteInterclientTrustMapping", "listInterclientTargetApplications",
}

// operations2026 is the routing table of the operations in ops2026.
func (s *Server) operations2026() []operation {
	const (
		app     = "/api/v1/apps/{appId}"
		secrets = app + "/credentials/secrets"
		jwks    = app + "/credentials/jwks"
		claims  = app + "/federated-claims"
		push    = app + "/group-push/mappings"
		cwo     = app + "/cwo/connections"
	)
	return []operation{
		{"PUT", "/api/v1/api-tokens/{apiTokenId}", "upsertApiToken", BucketAPITokens, s.upsertAPIToken},

		{"GET", secrets, "listOAuth2ClientSecrets", BucketApp, s.listClientSecrets},
		{"POST", secrets, "createOAuth2ClientSecret", BucketApp, s.createClientSecret},
		{"GET", secrets + "/{secretId}", "getOAuth2ClientSecret", BucketApp, s.getClientSecret},
		{"DELETE", secrets + "/{secretId}", "deleteOAuth2ClientSecret", BucketApp, s.deleteClientSecret},
		{"POST", secrets + "/{secretId}/lifecycle/activate", "activateOAuth2ClientSecret", BucketApp, s.activateClientSecret},
		{"POST", secrets + "/{secretId}/lifecycle/deactivate", "deactivateOAuth2ClientSecret", BucketApp, s.deactivateClientSecret},

		{"GET", jwks, "listJwk", BucketApp, s.listJWKs},
		{"POST", jwks, "addJwk", BucketApp, s.addJWK},
		{"GET", jwks + "/{keyId}", "getJwk", BucketApp, s.getJWK},
		{"DELETE", jwks + "/{keyId}", "deletejwk", BucketApp, s.deleteJWK},
		{"POST", jwks + "/{keyId}/lifecycle/activate", "activateOAuth2ClientJsonWebKey", BucketApp, s.activateJWK},
		{"POST", jwks + "/{keyId}/lifecycle/deactivate", "deactivateOAuth2ClientJsonWebKey", BucketApp, s.deactivateJWK},

		{"GET", claims, "listFederatedClaims", BucketApp, s.listFederatedClaims},
		{"POST", claims, "createFederatedClaim", BucketApp, s.createFederatedClaim},
		{"GET", claims + "/{claimId}", "getFederatedClaim", BucketApp, s.getFederatedClaim},
		{"PUT", claims + "/{claimId}", "replaceFederatedClaim", BucketApp, s.replaceFederatedClaim},
		{"DELETE", claims + "/{claimId}", "deleteFederatedClaim", BucketApp, s.deleteFederatedClaim},

		{"GET", push, "listGroupPushMappings", BucketApp, s.listPushMappings},
		{"POST", push, "createGroupPushMapping", BucketApp, s.createPushMapping},
		{"GET", push + "/{mappingId}", "getGroupPushMapping", BucketApp, s.getPushMapping},
		{"PATCH", push + "/{mappingId}", "updateGroupPushMapping", BucketApp, s.updatePushMapping},
		{"DELETE", push + "/{mappingId}", "deleteGroupPushMapping", BucketApp, s.deletePushMapping},

		{"PATCH", app + "/groups/{groupId}", "updateGroupAssignmentToApplication", BucketApp, s.patchGroupAssignment},
		{"PUT", app + "/policies/{policyId}", "assignApplicationPolicy", BucketApp, s.assignApplicationPolicy},
		{"GET", app + "/sso/saml/metadata", "previewSAMLmetadataForApplication", BucketApp, s.previewSAMLMetadata},
		{"GET", app + "/connections/default/jwks", "getUserProvisioningConnectionJWKS", BucketApp, s.getProvisioningJWKS},
		{"POST", "/api/v1/apps/{appName}/{appId}/oauth2/callback", "verifyProvisioningConnectionForApplication", BucketApp, s.verifyProvisioningConnection},

		{"GET", cwo, "getAllCrossAppAccessConnections", BucketApp, s.listCrossAppConnections},
		{"POST", cwo, "createCrossAppAccessConnection", BucketApp, s.createCrossAppConnection},
		{"GET", cwo + "/{connectionId}", "getCrossAppAccessConnection", BucketApp, s.getCrossAppConnection},
		{"PATCH", cwo + "/{connectionId}", "updateCrossAppAccessConnection", BucketApp, s.updateCrossAppConnection},
		{"DELETE", cwo + "/{connectionId}", "deleteCrossAppAccessConnection", BucketApp, s.deleteCrossAppConnection},

		{"GET", app + "/interclient-allowed-apps", "listInterclientAllowedApplications", BucketApp, s.listInterclientAllowed},
		{"POST", app + "/interclient-allowed-apps", "createInterclientTrustMapping", BucketApp, s.createInterclientTrust},
		{"DELETE", app + "/interclient-allowed-apps/{allowedAppId}", "deleteInterclientTrustMapping", BucketApp, s.deleteInterclientTrust},
		{"GET", app + "/interclient-target-apps", "listInterclientTargetApplications", BucketApp, s.listInterclientTargets},
	}
}

// Scopes of the 2026 spec that the default rule (okta.apps.read for GET,
// okta.apps.manage otherwise; okta.apiTokens.* under /api-tokens) does not
// give.
const (
	ScopeAppGrantsRead              = "okta.appGrants.read"
	ScopeAppGrantsManage            = "okta.appGrants.manage"
	ScopeGroupsRead                 = "okta.groups.read"
	ScopeGroupsManage               = "okta.groups.manage"
	ScopeAppsInterclientTrustRead   = "okta.apps.interclientTrust.read"
	ScopeAppsInterclientTrustManage = "okta.apps.interclientTrust.manage"
)

// Group push needs a scope of both the apps and the groups APIs.
const (
	appsAndGroupsRead   = ScopeAppsRead + " " + ScopeGroupsRead
	appsAndGroupsManage = ScopeAppsManage + " " + ScopeGroupsManage
)

// opScopes are the scopes an access token needs for the operations whose
// scope the default rule does not give, as the 2026 spec declares them: a
// space-separated list when the operation needs all of several.
var opScopes = map[string]string{
	"listScopeConsentGrants":  ScopeAppGrantsRead,
	"getScopeConsentGrant":    ScopeAppGrantsRead,
	"grantConsentToScope":     ScopeAppGrantsManage,
	"revokeScopeConsentGrant": ScopeAppGrantsManage,

	"listGroupPushMappings":  appsAndGroupsRead,
	"getGroupPushMapping":    appsAndGroupsRead,
	"createGroupPushMapping": appsAndGroupsManage,
	"updateGroupPushMapping": appsAndGroupsManage,
	"deleteGroupPushMapping": appsAndGroupsManage,

	"listInterclientAllowedApplications": ScopeAppsInterclientTrustRead,
	"listInterclientTargetApplications":  ScopeAppsInterclientTrustRead,
	"createInterclientTrustMapping":      ScopeAppsInterclientTrustManage,
	"deleteInterclientTrustMapping":      ScopeAppsInterclientTrustManage,
}

// hasScopes reports whether granted allows every scope of the
// space-separated list need (see hasScope).
func hasScopes(granted []string, need string) bool {
	fields := strings.Fields(need)
	for _, n := range fields {
		if !hasScope(granted, n) {
			return false
		}
	}
	return len(fields) > 0
}

// state2026 is the data of the operations in ops2026. It lives in state,
// so s.mu guards it; its maps are made on first use (see more).
type state2026 struct {
	perApp        map[string]*appExtras     // by app id
	tokenNetworks map[string]map[string]any // API token id → its network, when set by upsertApiToken
	policies      map[string]*policy        // by id
	policyOrder   []*policy
	crossApp      []*crossAppConn // in creation order
	trust         []*trustMapping // in creation order
	orgID         string
}

// appExtras is what an app holds for the 2026 operations.
type appExtras struct {
	secrets        []*clientSecret
	appSecret      *clientSecret // the secret app.clientSecret was imported as
	importedSecret string        // the value of app.clientSecret last imported
	jwks           []*clientJWK  // the keys of settings.oauthClient.jwks (see jwksOf)
	jwksOther      []any         // its entries that are not keys, kept as sent
	claims         []*federatedClaim
	push           []*pushMapping
	policyID       string    // the access policy assigned, "" for the org's default
	connKeys       []*appKey // the provisioning connection's keys, made on first read
}

// more returns the 2026 state, making its maps on first use. The caller
// holds s.mu.
func (s *Server) more() *state2026 {
	m := &s.state.more
	if m.perApp == nil {
		m.perApp = map[string]*appExtras{}
		m.tokenNetworks = map[string]map[string]any{}
		m.policies = map[string]*policy{}
		m.orgID = s.newID(prefixOrg)
		s.seedDefaultPolicy()
	}
	return m
}

// links returns the 2026 state with the Cross App Access connections and
// interclient trust mappings of deleted apps gone, as Okta removes them with
// the app. The caller holds s.mu.
func (s *Server) links() *state2026 {
	m := s.more()
	live := func(ids ...string) bool {
		for _, id := range ids {
			if s.apps[id] == nil {
				return false
			}
		}
		return true
	}
	m.crossApp = filtered(m.crossApp, func(cn *crossAppConn) bool { return live(cn.requesting, cn.resource) })
	m.trust = filtered(m.trust, func(t *trustMapping) bool { return live(t.target, t.trusted) })
	return m
}

// extras returns what app a holds for the 2026 operations. The caller
// holds s.mu.
func (s *Server) extras(a *app) *appExtras {
	m := s.more()
	x, ok := m.perApp[a.id]
	if !ok {
		x = &appExtras{}
		m.perApp[a.id] = x
	}
	return x
}

// Id prefixes of the 2026 resources, as Okta's examples show them.
const (
	prefixOrg          = "00o"
	prefixSecret       = "ocs"
	prefixJWK          = "pks"
	prefixClaim        = "ofc"
	prefixPushMapping  = "gpm"
	prefixPolicy       = "rst"
	prefixCrossApp     = "cwo"
	prefixTrustMapping = "itm"
)
