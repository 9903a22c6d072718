package oktatest

import (
	"fmt"
	"slices"
	"strings"
)

// Operation names an operation of the API by its operationId, as Fail and
// Requests take it. An Operation the server does not serve is an error
// (Fail and Requests panic): a misspelt name, or a Go method name such as
// "GetApplication", never silently matches nothing.
type Operation string

// AllOperations stands for every operation in Fail and Requests.
const AllOperations Operation = "*"

// The operations of Okta's 2022 Application and API Token management API.
const (
	// OpGetApiToken is GET /api/v1/api-tokens/{apiTokenId}.
	OpGetApiToken Operation = "getApiToken"

	// OpListApiTokens is GET /api/v1/api-tokens.
	OpListApiTokens Operation = "listApiTokens"

	// OpRevokeApiToken is DELETE /api/v1/api-tokens/{apiTokenId}.
	OpRevokeApiToken Operation = "revokeApiToken"

	// OpRevokeCurrentApiToken is DELETE /api/v1/api-tokens/current.
	OpRevokeCurrentApiToken Operation = "revokeCurrentApiToken"

	// OpListApplications is GET /api/v1/apps.
	OpListApplications Operation = "listApplications"

	// OpCreateApplication is POST /api/v1/apps.
	OpCreateApplication Operation = "createApplication"

	// OpGetApplication is GET /api/v1/apps/{appId}.
	OpGetApplication Operation = "getApplication"

	// OpUpdateApplication is PUT /api/v1/apps/{appId}.
	OpUpdateApplication Operation = "updateApplication"

	// OpDeleteApplication is DELETE /api/v1/apps/{appId}.
	OpDeleteApplication Operation = "deleteApplication"

	// OpActivateApplication is POST /api/v1/apps/{appId}/lifecycle/activate.
	OpActivateApplication Operation = "activateApplication"

	// OpDeactivateApplication is POST /api/v1/apps/{appId}/lifecycle/deactivate.
	OpDeactivateApplication Operation = "deactivateApplication"

	// OpUploadApplicationLogo is POST /api/v1/apps/{appId}/logo.
	OpUploadApplicationLogo Operation = "uploadApplicationLogo"

	// OpListApplicationUsers is GET /api/v1/apps/{appId}/users.
	OpListApplicationUsers Operation = "listApplicationUsers"

	// OpAssignUserToApplication is POST /api/v1/apps/{appId}/users.
	OpAssignUserToApplication Operation = "assignUserToApplication"

	// OpGetApplicationUser is GET /api/v1/apps/{appId}/users/{userId}.
	OpGetApplicationUser Operation = "getApplicationUser"

	// OpUpdateApplicationUser is POST /api/v1/apps/{appId}/users/{userId}.
	OpUpdateApplicationUser Operation = "updateApplicationUser"

	// OpDeleteApplicationUser is DELETE /api/v1/apps/{appId}/users/{userId}.
	OpDeleteApplicationUser Operation = "deleteApplicationUser"

	// OpListApplicationGroupAssignments is GET /api/v1/apps/{appId}/groups.
	OpListApplicationGroupAssignments Operation = "listApplicationGroupAssignments"

	// OpGetApplicationGroupAssignment is GET /api/v1/apps/{appId}/groups/{groupId}.
	OpGetApplicationGroupAssignment Operation = "getApplicationGroupAssignment"

	// OpCreateApplicationGroupAssignment is PUT /api/v1/apps/{appId}/groups/{groupId}.
	OpCreateApplicationGroupAssignment Operation = "createApplicationGroupAssignment"

	// OpDeleteApplicationGroupAssignment is DELETE /api/v1/apps/{appId}/groups/{groupId}.
	OpDeleteApplicationGroupAssignment Operation = "deleteApplicationGroupAssignment"

	// OpListApplicationKeys is GET /api/v1/apps/{appId}/credentials/keys.
	OpListApplicationKeys Operation = "listApplicationKeys"

	// OpGenerateApplicationKey is POST /api/v1/apps/{appId}/credentials/keys/generate.
	OpGenerateApplicationKey Operation = "generateApplicationKey"

	// OpGetApplicationKey is GET /api/v1/apps/{appId}/credentials/keys/{keyId}.
	OpGetApplicationKey Operation = "getApplicationKey"

	// OpCloneApplicationKey is POST /api/v1/apps/{appId}/credentials/keys/{keyId}/clone.
	OpCloneApplicationKey Operation = "cloneApplicationKey"

	// OpListCsrsForApplication is GET /api/v1/apps/{appId}/credentials/csrs.
	OpListCsrsForApplication Operation = "listCsrsForApplication"

	// OpGenerateCsrForApplication is POST /api/v1/apps/{appId}/credentials/csrs.
	OpGenerateCsrForApplication Operation = "generateCsrForApplication"

	// OpGetCsrForApplication is GET /api/v1/apps/{appId}/credentials/csrs/{csrId}.
	OpGetCsrForApplication Operation = "getCsrForApplication"

	// OpRevokeCsrFromApplication is DELETE /api/v1/apps/{appId}/credentials/csrs/{csrId}.
	OpRevokeCsrFromApplication Operation = "revokeCsrFromApplication"

	// OpPublishCsrFromApplication is POST /api/v1/apps/{appId}/credentials/csrs/{csrId}/lifecycle/publish.
	OpPublishCsrFromApplication Operation = "publishCsrFromApplication"

	// OpGetDefaultProvisioningConnectionForApplication is GET /api/v1/apps/{appId}/connections/default.
	OpGetDefaultProvisioningConnectionForApplication Operation = "getDefaultProvisioningConnectionForApplication"

	// OpSetDefaultProvisioningConnectionForApplication is POST /api/v1/apps/{appId}/connections/default.
	OpSetDefaultProvisioningConnectionForApplication Operation = "setDefaultProvisioningConnectionForApplication"

	// OpActivateDefaultProvisioningConnectionForApplication is POST /api/v1/apps/{appId}/connections/default/lifecycle/activate.
	OpActivateDefaultProvisioningConnectionForApplication Operation = "activateDefaultProvisioningConnectionForApplication"

	// OpDeactivateDefaultProvisioningConnectionForApplication is POST /api/v1/apps/{appId}/connections/default/lifecycle/deactivate.
	OpDeactivateDefaultProvisioningConnectionForApplication Operation = "deactivateDefaultProvisioningConnectionForApplication"

	// OpListFeaturesForApplication is GET /api/v1/apps/{appId}/features.
	OpListFeaturesForApplication Operation = "listFeaturesForApplication"

	// OpGetFeatureForApplication is GET /api/v1/apps/{appId}/features/{name}.
	OpGetFeatureForApplication Operation = "getFeatureForApplication"

	// OpUpdateFeatureForApplication is PUT /api/v1/apps/{appId}/features/{name}.
	OpUpdateFeatureForApplication Operation = "updateFeatureForApplication"

	// OpListOAuth2TokensForApplication is GET /api/v1/apps/{appId}/tokens.
	OpListOAuth2TokensForApplication Operation = "listOAuth2TokensForApplication"

	// OpRevokeOAuth2TokensForApplication is DELETE /api/v1/apps/{appId}/tokens.
	OpRevokeOAuth2TokensForApplication Operation = "revokeOAuth2TokensForApplication"

	// OpGetOAuth2TokenForApplication is GET /api/v1/apps/{appId}/tokens/{tokenId}.
	OpGetOAuth2TokenForApplication Operation = "getOAuth2TokenForApplication"

	// OpRevokeOAuth2TokenForApplication is DELETE /api/v1/apps/{appId}/tokens/{tokenId}.
	OpRevokeOAuth2TokenForApplication Operation = "revokeOAuth2TokenForApplication"

	// OpListScopeConsentGrants is GET /api/v1/apps/{appId}/grants.
	OpListScopeConsentGrants Operation = "listScopeConsentGrants"

	// OpGrantConsentToScope is POST /api/v1/apps/{appId}/grants.
	OpGrantConsentToScope Operation = "grantConsentToScope"

	// OpGetScopeConsentGrant is GET /api/v1/apps/{appId}/grants/{grantId}.
	OpGetScopeConsentGrant Operation = "getScopeConsentGrant"

	// OpRevokeScopeConsentGrant is DELETE /api/v1/apps/{appId}/grants/{grantId}.
	OpRevokeScopeConsentGrant Operation = "revokeScopeConsentGrant"
)

// Okta's 2026 operationIds for five of the operations above. Fail and
// Requests accept them as the operation they rename.
const (
	// OpReplaceApplication is OpUpdateApplication's 2026 name.
	OpReplaceApplication Operation = "replaceApplication"
	// OpUpdateDefaultProvisioningConnectionForApplication is
	// OpSetDefaultProvisioningConnectionForApplication's 2026 name.
	OpUpdateDefaultProvisioningConnectionForApplication Operation = "updateDefaultProvisioningConnectionForApplication"
	// OpAssignGroupToApplication is OpCreateApplicationGroupAssignment's
	// 2026 name.
	OpAssignGroupToApplication Operation = "assignGroupToApplication"
	// OpUnassignApplicationFromGroup is OpDeleteApplicationGroupAssignment's
	// 2026 name.
	OpUnassignApplicationFromGroup Operation = "unassignApplicationFromGroup"
	// OpUnassignUserFromApplication is OpDeleteApplicationUser's 2026 name.
	OpUnassignUserFromApplication Operation = "unassignUserFromApplication"
)

// renamed maps a 2026 operationId to the one the routing table serves it
// under.
var renamed = map[Operation]Operation{
	OpReplaceApplication: OpUpdateApplication,
	OpUpdateDefaultProvisioningConnectionForApplication: OpSetDefaultProvisioningConnectionForApplication,
	OpAssignGroupToApplication:                          OpCreateApplicationGroupAssignment,
	OpUnassignApplicationFromGroup:                      OpDeleteApplicationGroupAssignment,
	OpUnassignUserFromApplication:                       OpDeleteApplicationUser,
}

// resolveOperation returns the operationId op stands for in the routing
// table: op itself, AllOperations, or the operation a 2026 name renames.
// It fails for a name the server does not serve. s.opIDs is set before the
// server starts and never changes, so no lock is needed.
func (s *Server) resolveOperation(op Operation) (string, error) {
	if to, ok := renamed[op]; ok && !s.opIDs[string(op)] {
		op = to
	}
	if op == AllOperations || s.opIDs[string(op)] {
		return string(op), nil
	}
	hint := ""
	for id := range s.opIDs {
		if strings.EqualFold(id, string(op)) {
			hint = fmt.Sprintf(" (did you mean %q?)", id)
		}
	}
	return "", fmt.Errorf("unknown operation %q%s: name one by its operationId, such as %q, or %q for all", op, hint, OpGetApplication, AllOperations)
}

// mustResolve is resolveOperation for the Go helpers: an unknown name
// panics, naming the helper.
func (s *Server) mustResolve(helper string, op Operation) string {
	id, err := s.resolveOperation(op)
	if err != nil {
		panic("oktatest: " + helper + ": " + err.Error())
	}
	return id
}

// Operations lists the operationIds the server serves, sorted.
func (s *Server) Operations() []Operation {
	out := make([]Operation, 0, len(s.opIDs))
	for id := range s.opIDs {
		out = append(out, Operation(id))
	}
	slices.Sort(out)
	return out
}
