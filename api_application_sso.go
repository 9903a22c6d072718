package okta

// An app's sign-on policy and SAML metadata.

import (
	"context"
	"net/http"
)

// AssignApplicationPolicyRequest names the app and the policy.
type AssignApplicationPolicyRequest struct {
	AppID    string // required
	PolicyID string // required: an app sign-in policy
}

// AssignApplicationPolicy assigns an app to an app sign-in policy, replacing
// its previous one. Limited GA in Okta (Identity Engine); Okta may refuse it
// while it merges duplicate policies.
//
// Okta's operationId: assignApplicationPolicy.
//
// PUT /api/v1/apps/{appId}/policies/{policyId}
func (a *ApplicationAPI) AssignApplicationPolicy(ctx context.Context, req AssignApplicationPolicyRequest) (*Response, error) {
	return doEmpty(ctx, a.client, call{op: "assignApplicationPolicy", method: http.MethodPut,
		path: "/api/v1/apps/{appId}/policies/{policyId}", params: []string{req.AppID, req.PolicyID}})
}

// PreviewSAMLMetadataForApplicationRequest names the app and the signing key.
type PreviewSAMLMetadataForApplicationRequest struct {
	AppID string // required
	Kid   string // required: the signing key whose certificate the metadata carries
}

// PreviewSAMLMetadataForApplication returns a preview of an app's SAML IdP
// metadata (an md:EntityDescriptor XML document, as Okta sends it) for one of
// its signing keys. An error is a JSON *Error as for every operation.
//
// Okta's operationId: previewSAMLmetadataForApplication.
//
// GET /api/v1/apps/{appId}/sso/saml/metadata
func (a *ApplicationAPI) PreviewSAMLMetadataForApplication(ctx context.Context, req PreviewSAMLMetadataForApplicationRequest) ([]byte, *Response, error) {
	const op = "previewSAMLmetadataForApplication"
	if req.Kid == "" {
		return nil, nil, invalid(op, "query parameter kid is required")
	}
	doc, resp, err := doJSON[[]byte](ctx, a.client, call{op: op, method: http.MethodGet,
		path: "/api/v1/apps/{appId}/sso/saml/metadata", params: []string{req.AppID},
		query:  query{}.str("kid", req.Kid).values(),
		header: http.Header{"Accept": {"text/xml, application/json"}}})
	if err != nil {
		return nil, resp, err
	}
	return *doc, resp, nil
}
