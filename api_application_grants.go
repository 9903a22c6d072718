package okta

// The Okta scopes granted to an application (scope consent grants).
import (
	"context"
	"iter"
	"net/http"
)

//
// Since the 2026 spec Okta accepts an OAuth 2.0 access token for these four
// operations (scopes okta.appGrants.read and okta.appGrants.manage) as well as
// an API token.

// ListScopeConsentGrantsRequest names the app.
type ListScopeConsentGrantsRequest struct {
	AppID  string // required
	Expand string // "scope" embeds each grant's scope
}

func (r ListScopeConsentGrantsRequest) call() call {
	return call{op: "listScopeConsentGrants", method: http.MethodGet, path: "/api/v1/apps/{appId}/grants",
		params: []string{r.AppID}, query: query{}.str("expand", r.Expand).values()}
}

// ListScopeConsentGrants lists the scopes an app has been granted.
//
// GET /api/v1/apps/{appId}/grants
func (a *ApplicationAPI) ListScopeConsentGrants(ctx context.Context, req ListScopeConsentGrantsRequest) ([]OAuth2ScopeConsentGrant, *Response, error) {
	return doList[OAuth2ScopeConsentGrant](ctx, a.client, req.call())
}

// ListScopeConsentGrantsAll walks every page of ListScopeConsentGrants (Okta
// sends one).
//
// GET /api/v1/apps/{appId}/grants
func (a *ApplicationAPI) ListScopeConsentGrantsAll(ctx context.Context, req ListScopeConsentGrantsRequest) iter.Seq2[*OAuth2ScopeConsentGrant, error] {
	return listAll[OAuth2ScopeConsentGrant](ctx, a.client, req.call())
}

// GrantConsentToScopeRequest is the grant to make.
type GrantConsentToScopeRequest struct {
	AppID                   string                   // required
	OAuth2ScopeConsentGrant *OAuth2ScopeConsentGrant // required: Issuer and ScopeID
}

// GrantConsentToScope grants an app permission to request an Okta scope. Okta
// answers 200 or 201; both succeed.
//
// POST /api/v1/apps/{appId}/grants
func (a *ApplicationAPI) GrantConsentToScope(ctx context.Context, req GrantConsentToScopeRequest) (*OAuth2ScopeConsentGrant, *Response, error) {
	return doJSON[OAuth2ScopeConsentGrant](ctx, a.client, call{op: "grantConsentToScope", method: http.MethodPost,
		path: "/api/v1/apps/{appId}/grants", params: []string{req.AppID}, json: req.OAuth2ScopeConsentGrant, needs: "OAuth2ScopeConsentGrant"})
}

// GetScopeConsentGrantRequest names the grant.
type GetScopeConsentGrantRequest struct {
	AppID   string // required
	GrantID string // required
	Expand  string // "scope" embeds the grant's scope
}

// GetScopeConsentGrant fetches one of an app's scope grants.
//
// GET /api/v1/apps/{appId}/grants/{grantId}
func (a *ApplicationAPI) GetScopeConsentGrant(ctx context.Context, req GetScopeConsentGrantRequest) (*OAuth2ScopeConsentGrant, *Response, error) {
	return doJSON[OAuth2ScopeConsentGrant](ctx, a.client, call{op: "getScopeConsentGrant", method: http.MethodGet,
		path: "/api/v1/apps/{appId}/grants/{grantId}", params: []string{req.AppID, req.GrantID},
		query: query{}.str("expand", req.Expand).values()})
}

// RevokeScopeConsentGrantRequest names the grant.
type RevokeScopeConsentGrantRequest struct {
	AppID   string // required
	GrantID string // required
}

// RevokeScopeConsentGrant revokes an app's permission to request a scope.
//
// DELETE /api/v1/apps/{appId}/grants/{grantId}
func (a *ApplicationAPI) RevokeScopeConsentGrant(ctx context.Context, req RevokeScopeConsentGrantRequest) (*Response, error) {
	return doEmpty(ctx, a.client, call{op: "revokeScopeConsentGrant", method: http.MethodDelete,
		path: "/api/v1/apps/{appId}/grants/{grantId}", params: []string{req.AppID, req.GrantID}})
}
