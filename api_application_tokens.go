package okta

// The OAuth 2.0 refresh tokens issued to an application.

import (
	"context"
	"iter"
	"net/http"
)

// ListOAuth2TokensForApplicationRequest filters and pages
// ListOAuth2TokensForApplication.
type ListOAuth2TokensForApplicationRequest struct {
	AppID  string // required
	Expand string // "scope" embeds each token's scopes
	After  string // the cursor of the page to fetch (Response.NextAfter)
	Limit  int    // page size (Okta's default: 20)
}

func (r ListOAuth2TokensForApplicationRequest) call() call {
	return call{op: "listOAuth2TokensForApplication", method: http.MethodGet, path: "/api/v1/apps/{appId}/tokens",
		params: []string{r.AppID}, query: query{}.str("expand", r.Expand).str("after", r.After).int("limit", r.Limit).values()}
}

// ListOAuth2TokensForApplication lists one page of the refresh tokens issued to
// an app.
//
// GET /api/v1/apps/{appId}/tokens
func (a *ApplicationAPI) ListOAuth2TokensForApplication(ctx context.Context, req ListOAuth2TokensForApplicationRequest) ([]OAuth2Token, *Response, error) {
	return doList[OAuth2Token](ctx, a.client, req.call())
}

// ListOAuth2TokensForApplicationAll walks every page of
// ListOAuth2TokensForApplication.
//
// GET /api/v1/apps/{appId}/tokens
func (a *ApplicationAPI) ListOAuth2TokensForApplicationAll(ctx context.Context, req ListOAuth2TokensForApplicationRequest) iter.Seq2[*OAuth2Token, error] {
	return listAll[OAuth2Token](ctx, a.client, req.call())
}

// GetOAuth2TokenForApplicationRequest names the token.
type GetOAuth2TokenForApplicationRequest struct {
	AppID   string // required
	TokenID string // required
	Expand  string // "scope" embeds the token's scopes
}

// GetOAuth2TokenForApplication fetches a refresh token issued to an app.
//
// GET /api/v1/apps/{appId}/tokens/{tokenId}
func (a *ApplicationAPI) GetOAuth2TokenForApplication(ctx context.Context, req GetOAuth2TokenForApplicationRequest) (*OAuth2Token, *Response, error) {
	return doJSON[OAuth2Token](ctx, a.client, call{op: "getOAuth2TokenForApplication", method: http.MethodGet,
		path: "/api/v1/apps/{appId}/tokens/{tokenId}", params: []string{req.AppID, req.TokenID},
		query: query{}.str("expand", req.Expand).values()})
}

// RevokeOAuth2TokenForApplicationRequest names the token.
type RevokeOAuth2TokenForApplicationRequest struct {
	AppID   string // required
	TokenID string // required
}

// RevokeOAuth2TokenForApplication revokes a refresh token issued to an app.
//
// DELETE /api/v1/apps/{appId}/tokens/{tokenId}
func (a *ApplicationAPI) RevokeOAuth2TokenForApplication(ctx context.Context, req RevokeOAuth2TokenForApplicationRequest) (*Response, error) {
	return doEmpty(ctx, a.client, call{op: "revokeOAuth2TokenForApplication", method: http.MethodDelete,
		path: "/api/v1/apps/{appId}/tokens/{tokenId}", params: []string{req.AppID, req.TokenID}})
}

// RevokeOAuth2TokensForApplicationRequest names the app.
type RevokeOAuth2TokensForApplicationRequest struct {
	AppID string // required
}

// RevokeOAuth2TokensForApplication revokes every refresh token issued to an
// app.
//
// DELETE /api/v1/apps/{appId}/tokens
func (a *ApplicationAPI) RevokeOAuth2TokensForApplication(ctx context.Context, req RevokeOAuth2TokensForApplicationRequest) (*Response, error) {
	return doEmpty(ctx, a.client, call{op: "revokeOAuth2TokensForApplication", method: http.MethodDelete,
		path: "/api/v1/apps/{appId}/tokens", params: []string{req.AppID}})
}
