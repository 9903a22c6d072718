package okta_test

// No value the SDK hands back holds a credential: a *Response, an *Error and
// its Response, printed every way a program prints them.

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gatekit/okta"
)

// failureText is an assert.TestingT that keeps what a failing assertion
// prints: testify dumps both values in depth (go-spew, through pointers).
type failureText struct{ b strings.Builder }

func (f *failureText) Errorf(format string, args ...any) { fmt.Fprintf(&f.b, format, args...) }

// printed is every way a program commonly shows v: fmt's verbs, slog's
// text and JSON handlers, and a failing testify assertion.
func printed(v any) string {
	var b bytes.Buffer
	fmt.Fprintf(&b, "%v\n%+v\n%#v\n%s\n", v, v, v, v)
	slog.New(slog.NewTextHandler(&b, nil)).Info("v", "v", v)
	slog.New(slog.NewJSONHandler(&b, nil)).Info("v", "v", v)
	ft := &failureText{}
	assert.Equal(ft, v, nil)
	if r, ok := v.(*okta.Response); ok {
		assert.Equal(ft, &okta.Response{}, r) // same type: testify diffs the dumps
		if r != nil && r.Response != nil && r.Request != nil {
			fmt.Fprintf(&b, "%+v\n%#v\n", *r.Request, r.Request.Header)
			assert.Equal(ft, &http.Request{}, r.Request)
		}
	}
	if e, ok := v.(*okta.Error); ok {
		assert.Equal(ft, &okta.Error{}, e)
	}
	return b.String() + ft.b.String()
}

// requireNoCredential fails if resp or err, printed, shows any of secrets,
// or if the request handed back carries a credential header.
func requireNoCredential(t *testing.T, resp *okta.Response, err error, secrets ...string) {
	t.Helper()
	var oe *okta.Error
	out := printed(resp) + printed(err)
	if errors.As(err, &oe) {
		out += printed(oe) + printed(oe.Response)
		if resp == nil {
			resp = oe.Response
		}
	}
	require.NotNil(t, resp)
	require.NotNil(t, resp.Request, "the response names its request")
	for _, h := range []string{"Authorization", "DPoP", "Proxy-Authorization", "Cookie"} {
		assert.Empty(t, resp.Request.Header.Values(h), h)
	}
	assert.Nil(t, resp.Request.Response, "no chain of earlier requests")
	assert.Nil(t, resp.Request.GetBody, "no request body")
	for _, s := range secrets {
		if i := strings.Index(out, s); i >= 0 {
			t.Errorf("%q is printed: ...%s...", s, out[max(0, i-300):min(len(out), i+100)])
		}
	}
}

func TestResponseHoldsNoCredential(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	t.Run("SSWS", func(t *testing.T) {
		t.Parallel()
		f := setup(t, okta.WithMaxRetries(0))
		f.mux.HandleFunc("/api-tokens/ok", func(w http.ResponseWriter, r *http.Request) {
			writeJSON(w, http.StatusOK, `{"id":"ok"}`)
		})
		f.mux.HandleFunc("/api-tokens/gone", func(w http.ResponseWriter, r *http.Request) {
			writeJSON(w, http.StatusNotFound, `{"errorCode":"E0000007","errorSummary":"Not found"}`)
		})
		f.mux.HandleFunc("/api-tokens/old", func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, "/api/v1/api-tokens/ok", http.StatusTemporaryRedirect)
		})
		f.mux.HandleFunc("/apps", func(w http.ResponseWriter, r *http.Request) {
			writeJSON(w, http.StatusOK, `{"id":"0oa1","name":"bookmark"}`)
		})
		for _, id := range []string{"ok", "gone", "old"} {
			_, resp, err := f.client.ApiTokenAPI.GetApiToken(ctx, okta.GetApiTokenRequest{ApiTokenID: id})
			requireNoCredential(t, resp, err, testToken, "sEcReT")
		}
		_, resp, err := f.client.ApplicationAPI.CreateApplication(ctx, okta.CreateApplicationRequest{
			Application: &okta.Application{Name: "bookmark", Label: "body-secret-1234"}})
		require.NoError(t, err)
		requireNoCredential(t, resp, err, testToken, "sEcReT", "body-secret-1234")
	})
	for _, dpop := range []bool{false, true} {
		name := map[bool]string{false: "Bearer", true: "DPoP"}[dpop]
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			s := newOAuthServer(t, &appECKey().PublicKey)
			s.requireDPoP = dpop
			s.apiHook = func(w http.ResponseWriter, r *http.Request, n int32) bool {
				if strings.HasSuffix(r.URL.Path, "/gone") {
					writeJSON(w, http.StatusNotFound, `{"errorCode":"E0000007","errorSummary":"Not found"}`)
					return true
				}
				return false
			}
			c := s.client(t, okta.WithPrivateKey(testClientID, appECKey(), "", okta.ScopeAPITokensRead),
				okta.WithDPoP(dpop), okta.WithMaxRetries(0))
			for _, id := range []string{"00T1", "gone"} {
				_, resp, err := c.ApiTokenAPI.GetApiToken(ctx, okta.GetApiTokenRequest{ApiTokenID: id})
				// The access tokens are at-1, at-2...; a DPoP proof is a JWS.
				requireNoCredential(t, resp, err, name+" at-", `"at-1"`, "eyJ")
			}
			assert.NotEmpty(t, s.authz, "the API saw the credentials")
		})
	}
}
