package oktatest

// The 37 operations Okta's 2026 spec added to the Application and API Token
// APIs. The Early Access ones (Cross App Access connections, interclient
// trust mappings) are served as Okta documents them.
const (
	// OpUpsertApiToken is PUT /api/v1/api-tokens/{apiTokenId}.
	OpUpsertApiToken Operation = "upsertApiToken"

	// OpListOAuth2ClientSecrets is GET /api/v1/apps/{appId}/credentials/secrets.
	OpListOAuth2ClientSecrets Operation = "listOAuth2ClientSecrets"

	// OpCreateOAuth2ClientSecret is POST /api/v1/apps/{appId}/credentials/secrets.
	OpCreateOAuth2ClientSecret Operation = "createOAuth2ClientSecret"

	// OpGetOAuth2ClientSecret is GET /api/v1/apps/{appId}/credentials/secrets/{secretId}.
	OpGetOAuth2ClientSecret Operation = "getOAuth2ClientSecret"

	// OpDeleteOAuth2ClientSecret is DELETE /api/v1/apps/{appId}/credentials/secrets/{secretId}.
	OpDeleteOAuth2ClientSecret Operation = "deleteOAuth2ClientSecret"

	// OpActivateOAuth2ClientSecret is POST /api/v1/apps/{appId}/credentials/secrets/{secretId}/lifecycle/activate.
	OpActivateOAuth2ClientSecret Operation = "activateOAuth2ClientSecret"

	// OpDeactivateOAuth2ClientSecret is POST /api/v1/apps/{appId}/credentials/secrets/{secretId}/lifecycle/deactivate.
	OpDeactivateOAuth2ClientSecret Operation = "deactivateOAuth2ClientSecret"

	// OpListJwk is GET /api/v1/apps/{appId}/credentials/jwks.
	OpListJwk Operation = "listJwk"

	// OpAddJwk is POST /api/v1/apps/{appId}/credentials/jwks.
	OpAddJwk Operation = "addJwk"

	// OpGetJwk is GET /api/v1/apps/{appId}/credentials/jwks/{keyId}.
	OpGetJwk Operation = "getJwk"

	// OpDeletejwk is DELETE /api/v1/apps/{appId}/credentials/jwks/{keyId}.
	OpDeletejwk Operation = "deletejwk"

	// OpActivateOAuth2ClientJsonWebKey is POST /api/v1/apps/{appId}/credentials/jwks/{keyId}/lifecycle/activate.
	OpActivateOAuth2ClientJsonWebKey Operation = "activateOAuth2ClientJsonWebKey"

	// OpDeactivateOAuth2ClientJsonWebKey is POST /api/v1/apps/{appId}/credentials/jwks/{keyId}/lifecycle/deactivate.
	OpDeactivateOAuth2ClientJsonWebKey Operation = "deactivateOAuth2ClientJsonWebKey"

	// OpListFederatedClaims is GET /api/v1/apps/{appId}/federated-claims.
	OpListFederatedClaims Operation = "listFederatedClaims"

	// OpCreateFederatedClaim is POST /api/v1/apps/{appId}/federated-claims.
	OpCreateFederatedClaim Operation = "createFederatedClaim"

	// OpGetFederatedClaim is GET /api/v1/apps/{appId}/federated-claims/{claimId}.
	OpGetFederatedClaim Operation = "getFederatedClaim"

	// OpReplaceFederatedClaim is PUT /api/v1/apps/{appId}/federated-claims/{claimId}.
	OpReplaceFederatedClaim Operation = "replaceFederatedClaim"

	// OpDeleteFederatedClaim is DELETE /api/v1/apps/{appId}/federated-claims/{claimId}.
	OpDeleteFederatedClaim Operation = "deleteFederatedClaim"

	// OpListGroupPushMappings is GET /api/v1/apps/{appId}/group-push/mappings.
	OpListGroupPushMappings Operation = "listGroupPushMappings"

	// OpCreateGroupPushMapping is POST /api/v1/apps/{appId}/group-push/mappings.
	OpCreateGroupPushMapping Operation = "createGroupPushMapping"

	// OpGetGroupPushMapping is GET /api/v1/apps/{appId}/group-push/mappings/{mappingId}.
	OpGetGroupPushMapping Operation = "getGroupPushMapping"

	// OpUpdateGroupPushMapping is PATCH /api/v1/apps/{appId}/group-push/mappings/{mappingId}.
	OpUpdateGroupPushMapping Operation = "updateGroupPushMapping"

	// OpDeleteGroupPushMapping is DELETE /api/v1/apps/{appId}/group-push/mappings/{mappingId}.
	OpDeleteGroupPushMapping Operation = "deleteGroupPushMapping"

	// OpUpdateGroupAssignmentToApplication is PATCH /api/v1/apps/{appId}/groups/{groupId}.
	OpUpdateGroupAssignmentToApplication Operation = "updateGroupAssignmentToApplication"

	// OpAssignApplicationPolicy is PUT /api/v1/apps/{appId}/policies/{policyId}.
	OpAssignApplicationPolicy Operation = "assignApplicationPolicy"

	// OpPreviewSAMLmetadataForApplication is GET /api/v1/apps/{appId}/sso/saml/metadata.
	OpPreviewSAMLmetadataForApplication Operation = "previewSAMLmetadataForApplication"

	// OpGetUserProvisioningConnectionJWKS is GET /api/v1/apps/{appId}/connections/default/jwks.
	OpGetUserProvisioningConnectionJWKS Operation = "getUserProvisioningConnectionJWKS"

	// OpVerifyProvisioningConnectionForApplication is POST /api/v1/apps/{appName}/{appId}/oauth2/callback.
	OpVerifyProvisioningConnectionForApplication Operation = "verifyProvisioningConnectionForApplication"

	// OpGetAllCrossAppAccessConnections is GET /api/v1/apps/{appId}/cwo/connections.
	OpGetAllCrossAppAccessConnections Operation = "getAllCrossAppAccessConnections"

	// OpCreateCrossAppAccessConnection is POST /api/v1/apps/{appId}/cwo/connections.
	OpCreateCrossAppAccessConnection Operation = "createCrossAppAccessConnection"

	// OpGetCrossAppAccessConnection is GET /api/v1/apps/{appId}/cwo/connections/{connectionId}.
	OpGetCrossAppAccessConnection Operation = "getCrossAppAccessConnection"

	// OpUpdateCrossAppAccessConnection is PATCH /api/v1/apps/{appId}/cwo/connections/{connectionId}.
	OpUpdateCrossAppAccessConnection Operation = "updateCrossAppAccessConnection"

	// OpDeleteCrossAppAccessConnection is DELETE /api/v1/apps/{appId}/cwo/connections/{connectionId}.
	OpDeleteCrossAppAccessConnection Operation = "deleteCrossAppAccessConnection"

	// OpListInterclientAllowedApplications is GET /api/v1/apps/{appId}/interclient-allowed-apps.
	OpListInterclientAllowedApplications Operation = "listInterclientAllowedApplications"

	// OpCreateInterclientTrustMapping is POST /api/v1/apps/{appId}/interclient-allowed-apps.
	OpCreateInterclientTrustMapping Operation = "createInterclientTrustMapping"

	// OpDeleteInterclientTrustMapping is DELETE /api/v1/apps/{appId}/interclient-allowed-apps/{allowedAppId}.
	OpDeleteInterclientTrustMapping Operation = "deleteInterclientTrustMapping"

	// OpListInterclientTargetApplications is GET /api/v1/apps/{appId}/interclient-target-apps.
	OpListInterclientTargetApplications Operation = "listInterclientTargetApplications"
)
