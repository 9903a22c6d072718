package okta_test

// The auth transport: what it hands back, and re-authorization that needs
// nothing from the request or response the SDK hands back.

import (
	"context"
	"fmt"
	"net/http"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/oauth2"

	"github.com/gatekit/okta"
)

// requireNoCredentials fails the test if r carries a credential header.
func requireNoCredentials(t *testing.T, r *http.Request) {
	t.Helper()
	require.NotNil(t, r)
	assert.Empty(t, r.Header.Values("Authorization"), "Authorization on the Request handed back")
	assert.Empty(t, r.Header.Values("DPoP"), "DPoP on the Request handed back")
}

// The *Response (and an *Error's Response) names a request without the
// credentials that were sent: printing or logging it shows no token or proof.
func TestResponseRequestCarriesNoCredentials(t *testing.T) {
	t.Parallel()
	t.Run("SSWS", func(t *testing.T) {
		t.Parallel()
		f := setup(t)
		f.mux.HandleFunc("/api-tokens/ok", func(w http.ResponseWriter, r *http.Request) {
			writeJSON(w, 200, `{"id":"ok"}`)
		})
		f.mux.HandleFunc("/api-tokens/gone", func(w http.ResponseWriter, r *http.Request) {
			writeJSON(w, 404, `{"errorCode":"E0000007","errorSummary":"Not found"}`)
		})
		_, resp, err := f.client.ApiTokenAPI.GetApiToken(context.Background(), okta.GetApiTokenRequest{ApiTokenID: "ok"})
		require.NoError(t, err)
		requireNoCredentials(t, resp.Request)
		assertNoSecret(t, fmt.Sprintf("%+v", *resp.Request))
		_, _, err = f.client.ApiTokenAPI.GetApiToken(context.Background(), okta.GetApiTokenRequest{ApiTokenID: "gone"})
		e := requireOktaError(t, err)
		requireNoCredentials(t, e.Response.Request)
	})
	t.Run("DPoP", func(t *testing.T) {
		t.Parallel()
		key := appECKey()
		s := newOAuthServer(t, &key.PublicKey)
		c := s.client(t, okta.WithPrivateKey(testClientID, key, "", okta.ScopeAPITokensRead), okta.WithDPoP(true))
		_, resp, err := c.ApiTokenAPI.GetApiToken(context.Background(), okta.GetApiTokenRequest{ApiTokenID: "00T1"})
		require.NoError(t, err)
		requireNoCredentials(t, resp.Request)
	})
}

// stripCredentials sends r and answers as a proxy or recorder may: the
// Request of its response is a copy without the credentials.
func stripCredentials(_ int, r *http.Request) (*http.Response, error) {
	resp, err := http.DefaultTransport.RoundTrip(r)
	if resp != nil {
		bare := r.Clone(r.Context())
		bare.Header.Del("Authorization")
		bare.Header.Del("DPoP")
		resp.Request = bare
	}
	return resp, err
}

// countingSource hands out at-1, at-2, ... that never expire.
type countingSource struct{ n atomic.Int32 }

func (s *countingSource) Token() (*oauth2.Token, error) {
	return &oauth2.Token{AccessToken: fmt.Sprintf("at-%d", s.n.Add(1))}, nil
}

// A 401 invalid_token drops the token that was refused, known to the transport
// and not read back from the response: when another request has already
// replaced it, the replacement is kept and reused, not fetched anew.
func TestRefusedTokenKnownWithoutTheResponseRequest(t *testing.T) {
	t.Parallel()
	release, arrived := make(chan struct{}), make(chan struct{})
	f := newTestServer(t)
	f.org.HandleFunc(apiPrefix+"/", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") == "Bearer at-2" {
			writeJSON(w, 200, `{"id":"00T1"}`)
			return
		}
		if r.URL.Path == "/api/v1/api-tokens/slow" {
			close(arrived)
			<-release
		}
		w.Header().Set("WWW-Authenticate", `Bearer error="invalid_token"`)
		writeJSON(w, 401, `{"errorCode":"E0000011","errorSummary":"Invalid token provided"}`)
	})
	srv := f.server
	ts := &countingSource{}
	cfg, err := okta.NewConfiguration(okta.WithOrgURL(srv.URL), okta.WithTokenSource(ts),
		okta.WithHTTPClient(&http.Client{Transport: newRecorder(t, stripCredentials)}), okta.WithMaxRetries(0))
	require.NoError(t, err)
	c := okta.NewAPIClient(cfg)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()

	slow := make(chan error, 1)
	go func() {
		_, _, err := c.ApiTokenAPI.GetApiToken(ctx, okta.GetApiTokenRequest{ApiTokenID: "slow"})
		slow <- err
	}()
	select {
	case <-arrived: // the slow call was sent with at-1
	case <-ctx.Done():
		t.Fatal("the slow call never arrived")
	}
	_, _, err = c.ApiTokenAPI.GetApiToken(ctx, okta.GetApiTokenRequest{ApiTokenID: "fast"})
	require.NoError(t, err, "at-1 refused, at-2 fetched")
	close(release) // now at-1 is refused for the slow call too
	require.NoError(t, <-slow)
	assert.Equal(t, int32(2), ts.n.Load(), "at-2 replaced at-1 once and was kept")
}
