package okta_test

// A failure of the token endpoint happens before the API request is sent.

import (
	"context"
	"io"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gatekit/okta"
)

// A 503 or 429 from /oauth2/v1/token fails no call that could be retried:
// nothing reached the API, so even a POST is sent (once) after the token
// comes. A refusal of the credentials (400, 401) is not retried.
func TestTokenEndpointFailureRetriesAnyMethod(t *testing.T) {
	t.Parallel()
	s := newOAuthServer(t, &appECKey().PublicKey)
	var fetch atomic.Int32
	s.tokenHook = func(w http.ResponseWriter, r *http.Request) bool {
		switch fetch.Add(1) {
		case 1:
			w.WriteHeader(http.StatusServiceUnavailable)
			io.WriteString(w, "<html>down for maintenance</html>")
			return true
		case 2:
			oaError(w, http.StatusTooManyRequests, "too_many_requests", "slow down")
			return true
		}
		return false
	}
	c := s.client(t, okta.WithPrivateKey(testClientID, appECKey(), "", okta.ScopeAPITokensRead), okta.WithDPoP(false))
	_, _, err := c.ApplicationAPI.CreateApplication(context.Background(), okta.CreateApplicationRequest{
		Application: &okta.Application{Name: "bookmark", Label: "Docs"}})
	require.NoError(t, err)
	assert.EqualValues(t, 3, s.fetches.Load(), "two failed token requests, then the token")
	assert.EqualValues(t, 1, s.apiCalls.Load(), "the POST was sent once")

	// Credentials refused: no retry.
	s2 := newOAuthServer(t, &appECKey().PublicKey)
	s2.tokenHook = func(w http.ResponseWriter, r *http.Request) bool {
		oaError(w, http.StatusUnauthorized, "invalid_client", "The client_assertion signature is invalid.")
		return true
	}
	c2 := s2.client(t, okta.WithPrivateKey(testClientID, appECKey(), "", okta.ScopeAPITokensRead))
	_, _, err = c2.ApplicationAPI.CreateApplication(context.Background(), okta.CreateApplicationRequest{
		Application: &okta.Application{Name: "bookmark", Label: "Docs"}})
	var oe *okta.OAuthError
	require.ErrorAs(t, err, &oe)
	assert.EqualValues(t, 1, s2.fetches.Load())
	assert.Zero(t, s2.apiCalls.Load())
}

// A token endpoint that echoes the client assertion (a JWT signed with the
// client's key) does not put it in the error.
func TestTokenEndpointEchoScrubbed(t *testing.T) {
	t.Parallel()
	s := newOAuthServer(t, &appECKey().PublicKey)
	var assertion atomic.Value
	s.tokenHook = func(w http.ResponseWriter, r *http.Request) bool {
		r.ParseForm()
		assertion.Store(r.Form.Get("client_assertion"))
		oaError(w, http.StatusBadRequest, "invalid_client", "bad assertion "+r.Form.Get("client_assertion"))
		return true
	}
	c := s.client(t, okta.WithPrivateKey(testClientID, appECKey(), "", okta.ScopeAPITokensRead))
	err := oaCall(c)
	require.Error(t, err)
	sent, _ := assertion.Load().(string)
	require.True(t, strings.HasPrefix(sent, "eyJ"), "an assertion was sent")
	for _, part := range strings.Split(sent, ".") {
		assert.NotContains(t, err.Error(), part)
	}
	assert.Contains(t, err.Error(), "[REDACTED]")
}
