package okta_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/gatekit/okta"
)

// A path parameter that would land on another operation's literal segment is
// refused before sending: RevokeApiToken{ApiTokenID: "current"} would be
// DELETE /api/v1/api-tokens/current, which revokes the caller's own token (and,
// with OAuth, slips past the refusal of RevokeCurrentApiToken).
func TestPathParameterOnAnotherOperationRefused(t *testing.T) {
	t.Parallel()
	f := setup(t)
	f.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		t.Errorf("sent: %s %s", r.Method, r.RequestURI)
		w.WriteHeader(http.StatusNoContent)
	})
	ctx := context.Background()
	for name, call := range map[string]func() error{
		"revoke current": func() error {
			_, err := f.client.ApiTokenAPI.RevokeApiToken(ctx, okta.RevokeApiTokenRequest{ApiTokenID: "current"})
			return err
		},
		"revoke Current": func() error {
			_, err := f.client.ApiTokenAPI.RevokeApiToken(ctx, okta.RevokeApiTokenRequest{ApiTokenID: " Current"})
			return err
		},
		"get current": func() error {
			_, _, err := f.client.ApiTokenAPI.GetApiToken(ctx, okta.GetApiTokenRequest{ApiTokenID: "current"})
			return err
		},
		"key generate": func() error {
			_, _, err := f.client.ApplicationAPI.GetApplicationKey(ctx, okta.GetApplicationKeyRequest{AppID: "0oa1", KeyID: "generate"})
			return err
		},
		"user oauth2": func() error {
			_, _, err := f.client.ApplicationAPI.GetApplicationUser(ctx, okta.GetApplicationUserRequest{AppID: "0oa1", UserID: "oauth2"})
			return err
		},
	} {
		err := requireError(t, call())
		assert.ErrorIs(t, err, okta.ErrInvalidRequest, name)
		assert.Contains(t, err.Error(), "another operation's path", name)
	}
	assert.Zero(t, f.calls.Load(), "nothing was sent")
}
