package okta

// An app's federated claims: claims Okta evaluates and adds to the tokens the
// app is federated with (OIDC ID tokens, SAML assertions).

import (
	"context"
	"net/http"
)

// ListFederatedClaimsRequest names the app whose claims ListFederatedClaims
// lists.
type ListFederatedClaimsRequest struct {
	AppID string // required
}

// ListFederatedClaims lists an app's federated claims.
//
// Okta's operationId: listFederatedClaims.
//
// GET /api/v1/apps/{appId}/federated-claims
func (a *ApplicationAPI) ListFederatedClaims(ctx context.Context, req ListFederatedClaimsRequest) ([]FederatedClaim, *Response, error) {
	return doList[FederatedClaim](ctx, a.client, call{op: "listFederatedClaims", method: http.MethodGet,
		path: "/api/v1/apps/{appId}/federated-claims", params: []string{req.AppID}})
}

// CreateFederatedClaimRequest is the claim to create.
type CreateFederatedClaimRequest struct {
	AppID                     string                     // required
	FederatedClaimRequestBody *FederatedClaimRequestBody // required: Name and Expression
}

// CreateFederatedClaim adds a federated claim to an app.
//
// Okta's operationId: createFederatedClaim.
//
// POST /api/v1/apps/{appId}/federated-claims
func (a *ApplicationAPI) CreateFederatedClaim(ctx context.Context, req CreateFederatedClaimRequest) (*FederatedClaim, *Response, error) {
	return doJSON[FederatedClaim](ctx, a.client, call{op: "createFederatedClaim", method: http.MethodPost,
		path: "/api/v1/apps/{appId}/federated-claims", params: []string{req.AppID},
		json: req.FederatedClaimRequestBody, needs: "FederatedClaimRequestBody"})
}

// GetFederatedClaimRequest names the claim GetFederatedClaim fetches.
type GetFederatedClaimRequest struct {
	AppID   string // required
	ClaimID string // required
}

// GetFederatedClaim fetches one of an app's federated claims. The spec types
// the answer as FederatedClaimRequestBody (name and expression); it is decoded
// as the whole FederatedClaim so that its id and timestamps are kept.
//
// Okta's operationId: getFederatedClaim.
//
// GET /api/v1/apps/{appId}/federated-claims/{claimId}
func (a *ApplicationAPI) GetFederatedClaim(ctx context.Context, req GetFederatedClaimRequest) (*FederatedClaim, *Response, error) {
	return doJSON[FederatedClaim](ctx, a.client, call{op: "getFederatedClaim", method: http.MethodGet,
		path: "/api/v1/apps/{appId}/federated-claims/{claimId}", params: []string{req.AppID, req.ClaimID}})
}

// ReplaceFederatedClaimRequest is a claim's new state.
type ReplaceFederatedClaimRequest struct {
	AppID          string          // required
	ClaimID        string          // required
	FederatedClaim *FederatedClaim // the claim's name and expression; the spec makes it optional (nil sends no body)
}

// ReplaceFederatedClaim replaces one of an app's federated claims. Okta
// answers 200 (the spec says 201); both succeed.
//
// Okta's operationId: replaceFederatedClaim.
//
// PUT /api/v1/apps/{appId}/federated-claims/{claimId}
func (a *ApplicationAPI) ReplaceFederatedClaim(ctx context.Context, req ReplaceFederatedClaimRequest) (*FederatedClaim, *Response, error) {
	return doJSON[FederatedClaim](ctx, a.client, call{op: "replaceFederatedClaim", method: http.MethodPut,
		path: "/api/v1/apps/{appId}/federated-claims/{claimId}", params: []string{req.AppID, req.ClaimID},
		json: req.FederatedClaim}) // optional: nil sends no body
}

// DeleteFederatedClaimRequest names the claim DeleteFederatedClaim deletes.
type DeleteFederatedClaimRequest struct {
	AppID   string // required
	ClaimID string // required
}

// DeleteFederatedClaim deletes one of an app's federated claims.
//
// Okta's operationId: deleteFederatedClaim.
//
// DELETE /api/v1/apps/{appId}/federated-claims/{claimId}
func (a *ApplicationAPI) DeleteFederatedClaim(ctx context.Context, req DeleteFederatedClaimRequest) (*Response, error) {
	return doEmpty(ctx, a.client, call{op: "deleteFederatedClaim", method: http.MethodDelete,
		path: "/api/v1/apps/{appId}/federated-claims/{claimId}", params: []string{req.AppID, req.ClaimID}})
}
