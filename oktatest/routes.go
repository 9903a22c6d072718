package oktatest

import (
	"net/http"
	"sort"
	"strings"
)

// Rate-limit buckets, named after the endpoint groups Okta limits together.
const (
	// BucketApps is listApplications and createApplication.
	BucketApps = "/api/v1/apps"
	// BucketApp is every operation on one application and what is under it.
	BucketApp = "/api/v1/apps/{id}"
	// BucketAPITokens is every API token operation.
	BucketAPITokens = "/api/v1/api-tokens"
	// BucketDefault is everything else (unknown routes).
	BucketDefault = "/api/v1"
)

func (s *Server) operations() []operation {
	const (
		app   = "/api/v1/apps/{appId}"
		token = "/api/v1/api-tokens"
	)
	return append([]operation{
		{"GET", token + "/{apiTokenId}", "getApiToken", BucketAPITokens, s.getAPIToken},
		{"GET", token, "listApiTokens", BucketAPITokens, s.listAPITokens},
		{"DELETE", token + "/{apiTokenId}", "revokeApiToken", BucketAPITokens, s.revokeAPIToken},
		{"DELETE", token + "/current", "revokeCurrentApiToken", BucketAPITokens, s.revokeCurrentAPIToken},

		{"GET", "/api/v1/apps", "listApplications", BucketApps, s.listApplications},
		{"POST", "/api/v1/apps", "createApplication", BucketApps, s.createApplication},
		{"GET", app, "getApplication", BucketApp, s.getApplication},
		{"PUT", app, "updateApplication", BucketApp, s.updateApplication},
		{"DELETE", app, "deleteApplication", BucketApp, s.deleteApplication},
		{"POST", app + "/lifecycle/activate", "activateApplication", BucketApp, s.activateApplication},
		{"POST", app + "/lifecycle/deactivate", "deactivateApplication", BucketApp, s.deactivateApplication},
		{"POST", app + "/logo", "uploadApplicationLogo", BucketApp, s.uploadApplicationLogo},

		{"GET", app + "/users", "listApplicationUsers", BucketApp, s.listApplicationUsers},
		{"POST", app + "/users", "assignUserToApplication", BucketApp, s.assignUserToApplication},
		{"GET", app + "/users/{userId}", "getApplicationUser", BucketApp, s.getApplicationUser},
		{"POST", app + "/users/{userId}", "updateApplicationUser", BucketApp, s.updateApplicationUser},
		{"DELETE", app + "/users/{userId}", "deleteApplicationUser", BucketApp, s.deleteApplicationUser},
		{"GET", app + "/groups", "listApplicationGroupAssignments", BucketApp, s.listApplicationGroupAssignments},
		{"GET", app + "/groups/{groupId}", "getApplicationGroupAssignment", BucketApp, s.getApplicationGroupAssignment},
		{"PUT", app + "/groups/{groupId}", "createApplicationGroupAssignment", BucketApp, s.createApplicationGroupAssignment},
		{"DELETE", app + "/groups/{groupId}", "deleteApplicationGroupAssignment", BucketApp, s.deleteApplicationGroupAssignment},

		{"GET", app + "/credentials/keys", "listApplicationKeys", BucketApp, s.listApplicationKeys},
		{"POST", app + "/credentials/keys/generate", "generateApplicationKey", BucketApp, s.generateApplicationKey},
		{"GET", app + "/credentials/keys/{keyId}", "getApplicationKey", BucketApp, s.getApplicationKey},
		{"POST", app + "/credentials/keys/{keyId}/clone", "cloneApplicationKey", BucketApp, s.cloneApplicationKey},
		{"GET", app + "/credentials/csrs", "listCsrsForApplication", BucketApp, s.listCsrs},
		{"POST", app + "/credentials/csrs", "generateCsrForApplication", BucketApp, s.generateCsr},
		{"GET", app + "/credentials/csrs/{csrId}", "getCsrForApplication", BucketApp, s.getCsr},
		{"DELETE", app + "/credentials/csrs/{csrId}", "revokeCsrFromApplication", BucketApp, s.revokeCsr},
		{"POST", app + "/credentials/csrs/{csrId}/lifecycle/publish", "publishCsrFromApplication", BucketApp, s.publishCsr},

		{"GET", app + "/connections/default", "getDefaultProvisioningConnectionForApplication", BucketApp, s.getProvisioningConnection},
		{"POST", app + "/connections/default", "setDefaultProvisioningConnectionForApplication", BucketApp, s.setProvisioningConnection},
		{"POST", app + "/connections/default/lifecycle/activate", "activateDefaultProvisioningConnectionForApplication", BucketApp, s.activateProvisioningConnection},
		{"POST", app + "/connections/default/lifecycle/deactivate", "deactivateDefaultProvisioningConnectionForApplication", BucketApp, s.deactivateProvisioningConnection},
		{"GET", app + "/features", "listFeaturesForApplication", BucketApp, s.listFeatures},
		{"GET", app + "/features/{name}", "getFeatureForApplication", BucketApp, s.getFeature},
		{"PUT", app + "/features/{name}", "updateFeatureForApplication", BucketApp, s.updateFeature},

		{"GET", app + "/tokens", "listOAuth2TokensForApplication", BucketApp, s.listOAuth2Tokens},
		{"DELETE", app + "/tokens", "revokeOAuth2TokensForApplication", BucketApp, s.revokeOAuth2Tokens},
		{"GET", app + "/tokens/{tokenId}", "getOAuth2TokenForApplication", BucketApp, s.getOAuth2Token},
		{"DELETE", app + "/tokens/{tokenId}", "revokeOAuth2TokenForApplication", BucketApp, s.revokeOAuth2Token},
		{"GET", app + "/grants", "listScopeConsentGrants", BucketApp, s.listGrants},
		{"POST", app + "/grants", "grantConsentToScope", BucketApp, s.grantConsent},
		{"GET", app + "/grants/{grantId}", "getScopeConsentGrant", BucketApp, s.getGrant},
		{"DELETE", app + "/grants/{grantId}", "revokeScopeConsentGrant", BucketApp, s.revokeGrant},
	}, s.operations2026()...)
}

// routes builds the mux. Patterns are registered without a method and the
// method is dispatched here, so that a known path with a wrong method gets
// Okta's 405 body and no two patterns conflict.
func (s *Server) routes() *http.ServeMux {
	byPath := map[string]map[string]operation{}
	var paths []string
	s.opIDs = map[string]bool{}
	for _, op := range s.operations() {
		s.opIDs[op.id] = true
		if byPath[op.path] == nil {
			byPath[op.path] = map[string]operation{}
			paths = append(paths, op.path)
		}
		byPath[op.path][op.method] = op
	}
	mux := http.NewServeMux()
	for _, p := range paths {
		ops := byPath[p]
		var allow []string
		for m := range ops {
			allow = append(allow, m)
		}
		sort.Strings(allow)
		bucket := ops[allow[0]].bucket
		mux.HandleFunc(p, func(w http.ResponseWriter, r *http.Request) {
			op, ok := ops[r.Method]
			if !ok {
				st, _ := s.limiter.take(bucket, s.now())
				st.write(w.Header())
				w.Header().Set("Allow", strings.Join(allow, ", "))
				s.writeError(w, methodNotAllowed())
				return
			}
			s.serve(w, r, op)
		})
	}
	if s.adminToken != "" {
		s.adminRoutes(mux)
	}
	mux.HandleFunc("GET /fs/bco/1/{fileId}", s.serveLogo)
	mux.HandleFunc(tokenPath, s.serveToken)
	mux.HandleFunc(customTokenPattern, s.serveCustomToken)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		st, _ := s.limiter.take(BucketDefault, s.now())
		st.write(w.Header())
		s.writeError(w, notFound(r.URL.Path, "Route"))
	})
	return mux
}
