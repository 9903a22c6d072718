package okta

import (
	"context"
	"iter"
	"net/http"
)

// GetApiTokenRequest names the token GetApiToken fetches.
type GetApiTokenRequest struct {
	ApiTokenID string // required
}

// GetApiToken fetches the metadata of an active API token.
//
// GET /api/v1/api-tokens/{apiTokenId}
func (a *ApiTokenAPI) GetApiToken(ctx context.Context, req GetApiTokenRequest) (*ApiToken, *Response, error) {
	return doJSON[ApiToken](ctx, a.client, call{op: "getApiToken", method: http.MethodGet,
		path: "/api/v1/api-tokens/{apiTokenId}", params: []string{req.ApiTokenID}})
}

// ListApiTokensRequest filters and pages ListApiTokens.
type ListApiTokensRequest struct {
	Q     string // matches the token's name or clientName
	After string // the cursor of the page to fetch (Response.NextAfter)
	Limit int    // page size, 1 to 200 (Okta's default: 20)
}

func (r ListApiTokensRequest) call() call {
	return call{op: "listApiTokens", method: http.MethodGet, path: "/api/v1/api-tokens",
		query: query{}.str("q", r.Q).str("after", r.After).int("limit", r.Limit).values()}
}

// ListApiTokens lists one page of the metadata of the org's active API tokens.
//
// GET /api/v1/api-tokens
func (a *ApiTokenAPI) ListApiTokens(ctx context.Context, req ListApiTokensRequest) ([]ApiToken, *Response, error) {
	return doList[ApiToken](ctx, a.client, req.call())
}

// ListApiTokensAll walks every page of ListApiTokens.
//
// GET /api/v1/api-tokens
func (a *ApiTokenAPI) ListApiTokensAll(ctx context.Context, req ListApiTokensRequest) iter.Seq2[*ApiToken, error] {
	return listAll[ApiToken](ctx, a.client, req.call())
}

// RevokeApiTokenRequest names the token RevokeApiToken revokes.
type RevokeApiTokenRequest struct {
	ApiTokenID string // required
}

// RevokeApiToken revokes an API token.
//
// DELETE /api/v1/api-tokens/{apiTokenId}
func (a *ApiTokenAPI) RevokeApiToken(ctx context.Context, req RevokeApiTokenRequest) (*Response, error) {
	return doEmpty(ctx, a.client, call{op: "revokeApiToken", method: http.MethodDelete,
		path: "/api/v1/api-tokens/{apiTokenId}", params: []string{req.ApiTokenID}})
}

// RevokeCurrentApiTokenRequest has no parameters; it exists so that the
// operation reads like every other.
type RevokeCurrentApiTokenRequest struct{}

// RevokeCurrentApiToken revokes the API token the client authenticates with.
// Calls made with it afterwards fail with ErrUnauthorized. Okta accepts only an
// API token here, not an OAuth 2.0 access token.
//
// DELETE /api/v1/api-tokens/current
func (a *ApiTokenAPI) RevokeCurrentApiToken(ctx context.Context, req RevokeCurrentApiTokenRequest) (*Response, error) {
	return doEmpty(ctx, a.client, call{op: "revokeCurrentApiToken", method: http.MethodDelete,
		path: "/api/v1/api-tokens/current"})
}

// UpsertApiTokenRequest is a token's new name, user and network condition.
type UpsertApiTokenRequest struct {
	ApiTokenID     string          // required
	ApiTokenUpdate *ApiTokenUpdate // required
}

// UpsertApiToken sets (creates or replaces) the network condition, name or
// user of an existing API token. Okta accepts a body that carries the
// read-only ClientName and Created, so values copied from GetApiToken's result
// may be sent as they are.
//
// Okta's operationId: upsertApiToken.
//
// PUT /api/v1/api-tokens/{apiTokenId}
func (a *ApiTokenAPI) UpsertApiToken(ctx context.Context, req UpsertApiTokenRequest) (*ApiToken, *Response, error) {
	return doJSON[ApiToken](ctx, a.client, call{op: "upsertApiToken", method: http.MethodPut,
		path: "/api/v1/api-tokens/{apiTokenId}", params: []string{req.ApiTokenID},
		json: req.ApiTokenUpdate, needs: "ApiTokenUpdate"})
}
