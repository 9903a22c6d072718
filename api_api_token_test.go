package okta_test

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gatekit/okta"
)

const apiTokenJSON = `{
  "name": "My API Token",
  "userId": "00uXXXXXXXXXXXXXXXXX",
  "tokenWindow": "P30D",
  "id": "00Tabcdefg1234567890",
  "clientName": "Okta API",
  "expiresAt": "2021-12-11T20:38:10.000Z",
  "created": "2021-11-09T20:38:10.000Z",
  "lastUpdated": "2021-11-11T20:38:10.000Z",
  "network": {"connection": "ZONE", "include": ["nzo1", "nzo2"], "exclude": []},
  "_links": {
    "self": {"href": "https://example.okta.com/api/v1/api-tokens/00Tabcdefg1234567890", "hints": {"allow": ["GET", "DELETE"]}},
    "user": {"href": "https://example.okta.com/api/v1/users/00uXXXXXXXXXXXXXXXXX", "hints": {"allow": ["GET"]}}
  }
}`

func wantAPIToken(t *testing.T, tok *okta.ApiToken) {
	t.Helper()
	require.NotNil(t, tok)
	assert.Equal(t, "00Tabcdefg1234567890", tok.ID)
	assert.Equal(t, "My API Token", tok.Name)
	assert.Equal(t, "Okta API", tok.ClientName)
	assert.Equal(t, "00uXXXXXXXXXXXXXXXXX", tok.UserID)
	assert.Equal(t, "P30D", tok.TokenWindow)
	assert.Equal(t, "ZONE", tok.Network.Connection)
	assert.Equal(t, []string{"nzo1", "nzo2"}, tok.Network.Include)
	assert.Equal(t, []string{}, tok.Network.Exclude)
	assert.Equal(t, time.Date(2021, 11, 9, 20, 38, 10, 0, time.UTC), tok.Created.UTC())
	assert.Equal(t, time.Date(2021, 12, 11, 20, 38, 10, 0, time.UTC), tok.ExpiresAt.UTC())
	assert.Equal(t, time.Date(2021, 11, 11, 20, 38, 10, 0, time.UTC), tok.LastUpdated.UTC())
	assert.Equal(t, []string{"self", "user"}, tok.Links.Rels())
	self, ok := tok.Links.Get("self")
	require.True(t, ok)
	assert.Equal(t, "https://example.okta.com/api/v1/api-tokens/00Tabcdefg1234567890", self.Href)
	assert.Equal(t, []string{"GET", "DELETE"}, self.Hints.Allow)
	assert.Equal(t, "https://example.okta.com/api/v1/users/00uXXXXXXXXXXXXXXXXX", tok.Links.Href("user"))
}

// okHeaders are what a real Okta response carries besides the body.
func okHeaders(w http.ResponseWriter, reqID string) {
	w.Header().Set("X-Okta-Request-Id", reqID)
	w.Header().Set("X-Rate-Limit-Limit", "600")
	w.Header().Set("X-Rate-Limit-Remaining", "598")
	w.Header().Set("X-Rate-Limit-Reset", "1700000060")
}

func wantOKResponse(t *testing.T, resp *okta.Response, status int, reqID string) {
	t.Helper()
	require.NotNil(t, resp)
	require.NotNil(t, resp.Response)
	assert.Equal(t, status, resp.StatusCode)
	assert.Equal(t, reqID, resp.RequestID)
	assert.Equal(t, okta.RateLimit{Limit: 600, Remaining: 598, Reset: time.Unix(1700000060, 0)}, resp.RateLimit)
	assert.True(t, resp.RateLimit.Reset.Equal(time.Date(2023, 11, 14, 22, 14, 20, 0, time.UTC)))
}

func TestGetApiToken(t *testing.T) {
	t.Parallel()
	f := setup(t, okta.WithUserAgent("my-app/1.2"))
	f.mux.HandleFunc("/api-tokens/", func(w http.ResponseWriter, r *http.Request) {
		testMethod(t, r, http.MethodGet)
		testPath(t, r, "/api/v1/api-tokens/00Tabcdefg1234567890")
		testQuery(t, r, nil)
		testStandardHeaders(t, r, sdkUserAgent()+" my-app/1.2")
		testBody(t, r, "")
		okHeaders(w, "req-get-1")
		writeJSON(w, http.StatusOK, apiTokenJSON)
	})

	tok, resp, err := f.client.ApiTokenAPI.GetApiToken(context.Background(), okta.GetApiTokenRequest{ApiTokenID: "00Tabcdefg1234567890"})
	require.NoError(t, err)
	assert.EqualValues(t, 1, f.calls.Load())
	wantAPIToken(t, tok)
	wantOKResponse(t, resp, http.StatusOK, "req-get-1")
	assert.Empty(t, resp.NextAfter)

	// What came in goes back out.
	out, err := json.Marshal(tok)
	require.NoError(t, err)
	assert.JSONEq(t, apiTokenJSON, string(out))
}

func TestGetApiTokenUserAgentWithoutSuffix(t *testing.T) {
	t.Parallel()
	f := setup(t)
	sent := make(chan []string, 1)
	f.mux.HandleFunc("/api-tokens/", func(w http.ResponseWriter, r *http.Request) {
		sent <- r.Header.Values("User-Agent")
		writeJSON(w, http.StatusOK, `{"id":"x"}`)
	})
	_, _, err := f.client.ApiTokenAPI.GetApiToken(context.Background(), okta.GetApiTokenRequest{ApiTokenID: "x"})
	require.NoError(t, err)
	ua := <-sent
	require.Len(t, ua, 1)
	assert.Equal(t, sdkUserAgent(), ua[0])
	assert.Regexp(t, `^okta-go/\d+\.\d+\.\d+ go/\S+ \w+/\w+$`, ua[0], "the User-Agent sent")
}

func TestListApiTokens(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		req       okta.ListApiTokensRequest
		wantQuery url.Values
	}{
		{"no parameters", okta.ListApiTokensRequest{}, nil},
		{"q", okta.ListApiTokensRequest{Q: "My API"}, url.Values{"q": {"My API"}}},
		{"limit", okta.ListApiTokensRequest{Limit: 200}, url.Values{"limit": {"200"}}},
		{"all", okta.ListApiTokensRequest{Q: "a&b=c", After: "00Tcursor", Limit: 1},
			url.Values{"q": {"a&b=c"}, "after": {"00Tcursor"}, "limit": {"1"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := setup(t)
			f.mux.HandleFunc("/api-tokens", func(w http.ResponseWriter, r *http.Request) {
				testMethod(t, r, http.MethodGet)
				testPath(t, r, "/api/v1/api-tokens")
				testQuery(t, r, tt.wantQuery)
				testStandardHeaders(t, r, sdkUserAgent())
				testBody(t, r, "")
				okHeaders(w, "req-list-1")
				w.Header().Add("Link", `<`+f.server.URL+`/api/v1/api-tokens?limit=1>; rel="self"`)
				w.Header().Add("Link", `<`+f.server.URL+`/api/v1/api-tokens?after=00T1234567890abcdefg&limit=1>; rel="next"`)
				writeJSON(w, http.StatusOK, `[`+apiTokenJSON+`, {"id":"00T1234567890abcdefg","name":"Another","network":null}]`)
			})

			toks, resp, err := f.client.ApiTokenAPI.ListApiTokens(context.Background(), tt.req)
			require.NoError(t, err)
			assert.EqualValues(t, 1, f.calls.Load())
			require.Len(t, toks, 2)
			wantAPIToken(t, &toks[0])
			assert.Equal(t, "00T1234567890abcdefg", toks[1].ID)
			assert.Equal(t, "Another", toks[1].Name)
			assert.Equal(t, okta.ApiTokenNetwork{}.Connection, toks[1].Network.Connection)
			wantOKResponse(t, resp, http.StatusOK, "req-list-1")
			assert.Equal(t, "00T1234567890abcdefg", resp.NextAfter)
		})
	}
}

func TestListApiTokensEmptyPage(t *testing.T) {
	t.Parallel()
	f := setup(t)
	f.mux.HandleFunc("/api-tokens", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, `[]`)
	})
	toks, resp, err := f.client.ApiTokenAPI.ListApiTokens(context.Background(), okta.ListApiTokensRequest{})
	require.NoError(t, err)
	assert.NotNil(t, toks)
	assert.Empty(t, toks)
	assert.Empty(t, resp.NextAfter)
	assert.Equal(t, okta.RateLimit{}, resp.RateLimit)
	assert.Empty(t, resp.RequestID)
}

func TestRevokeApiToken(t *testing.T) {
	t.Parallel()
	f := setup(t, okta.WithUserAgent("ops-tool/0.9"))
	f.mux.HandleFunc("/api-tokens/", func(w http.ResponseWriter, r *http.Request) {
		testMethod(t, r, http.MethodDelete)
		testPath(t, r, "/api/v1/api-tokens/00Tabcdefg1234567890")
		testStandardHeaders(t, r, sdkUserAgent()+" ops-tool/0.9")
		testBody(t, r, "")
		okHeaders(w, "req-revoke-1")
		w.WriteHeader(http.StatusNoContent)
	})
	resp, err := f.client.ApiTokenAPI.RevokeApiToken(context.Background(), okta.RevokeApiTokenRequest{ApiTokenID: "00Tabcdefg1234567890"})
	require.NoError(t, err)
	assert.EqualValues(t, 1, f.calls.Load())
	wantOKResponse(t, resp, http.StatusNoContent, "req-revoke-1")
}

func TestRevokeCurrentApiToken(t *testing.T) {
	t.Parallel()
	f := setup(t)
	f.mux.HandleFunc("/api-tokens/current", func(w http.ResponseWriter, r *http.Request) {
		testMethod(t, r, http.MethodDelete)
		testPath(t, r, "/api/v1/api-tokens/current")
		testStandardHeaders(t, r, sdkUserAgent())
		testBody(t, r, "")
		okHeaders(w, "req-revoke-current")
		w.WriteHeader(http.StatusNoContent)
	})
	resp, err := f.client.ApiTokenAPI.RevokeCurrentApiToken(context.Background(), okta.RevokeCurrentApiTokenRequest{})
	require.NoError(t, err)
	assert.EqualValues(t, 1, f.calls.Load())
	wantOKResponse(t, resp, http.StatusNoContent, "req-revoke-current")
}

// An empty-body success may still carry a body (Okta sometimes sends {}); it
// is ignored.
func TestRevokeApiTokenIgnoresABody(t *testing.T) {
	t.Parallel()
	f := setup(t)
	f.mux.HandleFunc("/api-tokens/", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, `{}`)
	})
	resp, err := f.client.ApiTokenAPI.RevokeApiToken(context.Background(), okta.RevokeApiTokenRequest{ApiTokenID: "a"})
	require.NoError(t, err)
	assert.Equal(t, http.StatusOK, resp.StatusCode)
}

func TestApiTokenPathParameterRefused(t *testing.T) {
	t.Parallel()
	f := setup(t)
	ctx := context.Background()
	for _, id := range []string{"", " ", ".", "..", " .. "} {
		_, _, err := f.client.ApiTokenAPI.GetApiToken(ctx, okta.GetApiTokenRequest{ApiTokenID: id})
		requireError(t, err)
		assert.ErrorIs(t, err, okta.ErrInvalidRequest, "id %q", id)
		assert.Contains(t, err.Error(), "apiTokenId", "id %q", id)
		assert.Contains(t, err.Error(), "getApiToken", "id %q", id)
		var oe *okta.Error
		assert.False(t, errors.As(err, &oe), "a refusal is not an HTTP error")

		_, err = f.client.ApiTokenAPI.RevokeApiToken(ctx, okta.RevokeApiTokenRequest{ApiTokenID: id})
		requireError(t, err)
		assert.ErrorIs(t, err, okta.ErrInvalidRequest, "id %q", id)
		assert.Contains(t, err.Error(), "apiTokenId", "id %q", id)
		assert.Contains(t, err.Error(), "revokeApiToken", "id %q", id)

		_, _, err = f.client.ApiTokenAPI.UpsertApiToken(ctx, okta.UpsertApiTokenRequest{ApiTokenID: id, ApiTokenUpdate: &okta.ApiTokenUpdate{}})
		requireError(t, err)
		assert.ErrorIs(t, err, okta.ErrInvalidRequest, "id %q", id)
		assert.Contains(t, err.Error(), "apiTokenId", "id %q", id)
		assert.Contains(t, err.Error(), "upsertApiToken", "id %q", id)
	}
	assert.Zero(t, f.calls.Load(), "nothing may be sent")
}

// TestUpsertApiTokenRefusesAMissingBody: the body is required, and its absence
// is refused before anything is sent.
func TestUpsertApiTokenRefusesAMissingBody(t *testing.T) {
	t.Parallel()
	f := setup(t)
	_, _, err := f.client.ApiTokenAPI.UpsertApiToken(context.Background(), okta.UpsertApiTokenRequest{ApiTokenID: "00T1"})
	requireError(t, err)
	assert.ErrorIs(t, err, okta.ErrInvalidRequest)
	assert.Contains(t, err.Error(), "ApiTokenUpdate")
	assert.Zero(t, f.calls.Load(), "nothing may be sent")
}

func TestApiTokenPathParameterEscaped(t *testing.T) {
	t.Parallel()
	tests := []struct {
		id, wantPath string
	}{
		{"a/b", "/api/v1/api-tokens/a%2Fb"},
		{"a?b=c", "/api/v1/api-tokens/a%3Fb=c"},
		{"100%", "/api/v1/api-tokens/100%25"},
		{"a b", "/api/v1/api-tokens/a%20b"},
		{"a#b", "/api/v1/api-tokens/a%23b"},
		{"../x", "/api/v1/api-tokens/..%2Fx"},
		{"ünï", "/api/v1/api-tokens/%C3%BCn%C3%AF"},
	}
	for _, tt := range tests {
		t.Run(tt.id, func(t *testing.T) {
			t.Parallel()
			f := setup(t)
			f.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
				testPath(t, r, tt.wantPath)
				assert.Empty(t, r.URL.RawQuery)
				assert.Equal(t, "/api-tokens/"+tt.id, r.URL.Path, "decoded path")
				okHeaders(w, "r")
				writeJSON(w, http.StatusOK, `{"id":"x"}`)
			})
			_, _, err := f.client.ApiTokenAPI.GetApiToken(context.Background(), okta.GetApiTokenRequest{ApiTokenID: tt.id})
			require.NoError(t, err)
			_, err = f.client.ApiTokenAPI.RevokeApiToken(context.Background(), okta.RevokeApiTokenRequest{ApiTokenID: tt.id})
			require.NoError(t, err)
			assert.EqualValues(t, 2, f.calls.Load())
		})
	}
}

func TestApiTokenErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		status   int
		body     string
		sentinel error
		code     string
		summary  string
		causes   []string
	}{
		{http.StatusBadRequest, `{"errorCode":"E0000001","errorSummary":"Api validation failed: name","errorLink":"E0000001","errorId":"oaeX1","errorCauses":[{"errorSummary":"name: The field cannot be left blank"},{"errorSummary":"q: too long"}]}`,
			okta.ErrInvalidRequest, "E0000001", "Api validation failed: name", []string{"name: The field cannot be left blank", "q: too long"}},
		{http.StatusUnauthorized, `{"errorCode":"E0000011","errorSummary":"Invalid token provided","errorLink":"E0000011","errorId":"oaeX2","errorCauses":[]}`,
			okta.ErrUnauthorized, "E0000011", "Invalid token provided", nil},
		{http.StatusForbidden, `{"errorCode":"E0000006","errorSummary":"You do not have permission to perform the requested action","errorLink":"E0000006","errorId":"oaeX3","errorCauses":[]}`,
			okta.ErrForbidden, "E0000006", "You do not have permission to perform the requested action", nil},
		{http.StatusNotFound, `{"errorCode":"E0000007","errorSummary":"Not found: Resource not found: 00Tnope (ApiToken)","errorLink":"E0000007","errorId":"oaeX4","errorCauses":[]}`,
			okta.ErrNotFound, "E0000007", "Not found: Resource not found: 00Tnope (ApiToken)", nil},
	}
	all := []error{okta.ErrInvalidRequest, okta.ErrUnauthorized, okta.ErrForbidden, okta.ErrNotFound, okta.ErrRateLimited}
	for _, tt := range tests {
		t.Run(http.StatusText(tt.status), func(t *testing.T) {
			t.Parallel()
			f := setup(t)
			f.mux.HandleFunc("/api-tokens/", func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("X-Okta-Request-Id", "req-err-1")
				writeJSON(w, tt.status, tt.body)
			})
			tok, resp, err := f.client.ApiTokenAPI.GetApiToken(context.Background(), okta.GetApiTokenRequest{ApiTokenID: "00Tnope"})
			assert.Nil(t, tok)
			oe := requireOktaError(t, err)
			assert.Equal(t, tt.status, oe.StatusCode)
			assert.Equal(t, tt.code, oe.ErrorCode)
			assert.Equal(t, tt.summary, oe.ErrorSummary)
			assert.Equal(t, tt.code, oe.ErrorLink)
			assert.NotEmpty(t, oe.ErrorID)
			assert.Equal(t, "req-err-1", oe.RequestID)
			assert.Equal(t, tt.body, string(oe.Body))
			require.NotNil(t, oe.Response)
			assert.Same(t, resp, oe.Response)
			assert.Equal(t, tt.status, resp.StatusCode)
			var causes []string
			for _, c := range oe.ErrorCauses {
				causes = append(causes, c.ErrorSummary)
			}
			assert.Equal(t, tt.causes, causes)
			for _, s := range all {
				assert.Equal(t, s == tt.sentinel, errors.Is(err, s), "errors.Is(err, %v)", s)
			}
			msg := err.Error()
			for _, part := range append([]string{"GET", "/api/v1/api-tokens/00Tnope", http.StatusText(tt.status), tt.code, tt.summary, "req-err-1"}, tt.causes...) {
				assert.Contains(t, msg, part)
			}
		})
	}
}

func TestRevokeApiTokenNotFound(t *testing.T) {
	t.Parallel()
	f := setup(t)
	f.mux.HandleFunc("/api-tokens/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Okta-Request-Id", "req-404")
		writeJSON(w, http.StatusNotFound, `{"errorCode":"E0000007","errorSummary":"Not found: Resource not found: gone (ApiToken)","errorCauses":[]}`)
	})
	resp, err := f.client.ApiTokenAPI.RevokeApiToken(context.Background(), okta.RevokeApiTokenRequest{ApiTokenID: "gone"})
	oe := requireOktaError(t, err)
	assert.ErrorIs(t, err, okta.ErrNotFound)
	assert.Equal(t, "okta: DELETE /api/v1/api-tokens/gone: 404 Not Found: E0000007: Not found: Resource not found: gone (ApiToken) [request id req-404]", oe.Error())
	assert.Equal(t, http.StatusNotFound, resp.StatusCode)
}
