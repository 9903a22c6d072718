package okta

// An application's key credentials (its SAML/WS-Fed signing keys).

import (
	"context"
	"iter"
	"net/http"
)

// ListApplicationKeysRequest names the app whose keys ListApplicationKeys
// lists.
type ListApplicationKeysRequest struct {
	AppID string // required
}

func (r ListApplicationKeysRequest) call() call {
	return call{op: "listApplicationKeys", method: http.MethodGet,
		path: "/api/v1/apps/{appId}/credentials/keys", params: []string{r.AppID}}
}

// ListApplicationKeys lists an app's key credentials.
//
// GET /api/v1/apps/{appId}/credentials/keys
func (a *ApplicationAPI) ListApplicationKeys(ctx context.Context, req ListApplicationKeysRequest) ([]JsonWebKey, *Response, error) {
	return doList[JsonWebKey](ctx, a.client, req.call())
}

// ListApplicationKeysAll walks every page of ListApplicationKeys (Okta sends
// one).
//
// GET /api/v1/apps/{appId}/credentials/keys
func (a *ApplicationAPI) ListApplicationKeysAll(ctx context.Context, req ListApplicationKeysRequest) iter.Seq2[*JsonWebKey, error] {
	return listAll[JsonWebKey](ctx, a.client, req.call())
}

// GetApplicationKeyRequest names the key GetApplicationKey fetches.
type GetApplicationKeyRequest struct {
	AppID string // required
	KeyID string // required: the key's kid
}

// GetApplicationKey fetches one of an app's key credentials.
//
// GET /api/v1/apps/{appId}/credentials/keys/{keyId}
func (a *ApplicationAPI) GetApplicationKey(ctx context.Context, req GetApplicationKeyRequest) (*JsonWebKey, *Response, error) {
	return doJSON[JsonWebKey](ctx, a.client, call{op: "getApplicationKey", method: http.MethodGet,
		path: "/api/v1/apps/{appId}/credentials/keys/{keyId}", params: []string{req.AppID, req.KeyID}})
}

// GenerateApplicationKeyRequest is the key GenerateApplicationKey makes.
type GenerateApplicationKeyRequest struct {
	AppID         string // required
	ValidityYears int    // the certificate's lifetime, 2 to 10 years
}

// GenerateApplicationKey makes a new key pair and X.509 certificate for an app.
// It does not become the signing key until the app's
// Credentials.Signing.Kid names it (UpdateApplication).
//
// POST /api/v1/apps/{appId}/credentials/keys/generate
func (a *ApplicationAPI) GenerateApplicationKey(ctx context.Context, req GenerateApplicationKeyRequest) (*JsonWebKey, *Response, error) {
	return doJSON[JsonWebKey](ctx, a.client, call{op: "generateApplicationKey", method: http.MethodPost,
		path: "/api/v1/apps/{appId}/credentials/keys/generate", params: []string{req.AppID},
		query: query{}.int("validityYears", req.ValidityYears).values()})
}

// CloneApplicationKeyRequest names the key to clone and where to.
type CloneApplicationKeyRequest struct {
	AppID     string // required: the app that has the key
	KeyID     string // required
	TargetAid string // required: the app to copy the key to
}

// CloneApplicationKey copies an app's key credential to another app, so that
// both can sign with it.
//
// POST /api/v1/apps/{appId}/credentials/keys/{keyId}/clone
func (a *ApplicationAPI) CloneApplicationKey(ctx context.Context, req CloneApplicationKeyRequest) (*JsonWebKey, *Response, error) {
	if req.TargetAid == "" {
		return nil, nil, invalid("cloneApplicationKey", "query parameter targetAid is required")
	}
	return doJSON[JsonWebKey](ctx, a.client, call{op: "cloneApplicationKey", method: http.MethodPost,
		path: "/api/v1/apps/{appId}/credentials/keys/{keyId}/clone", params: []string{req.AppID, req.KeyID},
		query: query{}.str("targetAid", req.TargetAid).values()})
}
