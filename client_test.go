package okta_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gatekit/okta"
)

// authSeen is a server that records the Authorization header of every request
// it receives and answers 200 with an ApiToken.
type authSeen struct {
	*httptest.Server
	mu    sync.Mutex
	auths []string
	hosts []string
}

func newAuthSeen(t *testing.T, tlsServer bool) *authSeen {
	s := &authSeen{}
	var f *fixture
	if tlsServer {
		f = newTestServerTLS(t)
	} else {
		f = newTestServer(t)
	}
	f.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.auths = append(s.auths, r.Header.Get("Authorization"))
		s.hosts = append(s.hosts, r.Host)
		s.mu.Unlock()
		writeJSON(w, http.StatusOK, `{"id":"moved"}`)
	})
	s.Server = f.server
	return s
}

func (s *authSeen) seen() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.auths...)
}

// redirector is an org that answers every request with a redirect to target.
func redirector(t *testing.T, target string) *httptest.Server {
	f := newTestServer(t)
	f.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		assert.Equal(t, "SSWS "+testToken, r.Header.Get("Authorization"), "the org itself gets the token")
		http.Redirect(w, r, target, http.StatusFound)
	})
	return f.server
}

func TestRedirectToAnotherOriginDropsAuthorization(t *testing.T) {
	t.Parallel()
	ctx := context.Background()

	t.Run("another port, SDK client", func(t *testing.T) {
		t.Parallel()
		evil := newAuthSeen(t, false)
		org := redirector(t, evil.URL+"/api/v1/api-tokens/stolen")
		client := newClient(t, org.URL)
		tok, _, err := client.ApiTokenAPI.GetApiToken(ctx, okta.GetApiTokenRequest{ApiTokenID: "a"})
		require.NoError(t, err)
		assert.Equal(t, "moved", tok.ID)
		assert.Equal(t, []string{""}, evil.seen())
	})

	t.Run("another port, caller's client", func(t *testing.T) {
		t.Parallel()
		evil := newAuthSeen(t, false)
		org := redirector(t, evil.URL+"/api/v1/api-tokens/stolen")
		hc := &http.Client{}
		client := newClient(t, org.URL, okta.WithHTTPClient(hc))
		_, _, err := client.ApiTokenAPI.GetApiToken(ctx, okta.GetApiTokenRequest{ApiTokenID: "a"})
		require.NoError(t, err)
		assert.Equal(t, []string{""}, evil.seen())
		assert.Nil(t, hc.CheckRedirect, "the caller's client is not modified")
	})

	t.Run("another host, same port, SDK client", func(t *testing.T) {
		t.Parallel()
		// One server answers as the org on 127.0.0.1 and records what
		// arrives addressed to localhost, a different host.
		var mu sync.Mutex
		var evilAuth []string
		f := newTestServer(t)
		f.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
			if strings.HasPrefix(r.Host, "localhost:") {
				mu.Lock()
				evilAuth = append(evilAuth, r.Header.Get("Authorization"))
				mu.Unlock()
				writeJSON(w, http.StatusOK, `{"id":"moved"}`)
				return
			}
			assert.Equal(t, "SSWS "+testToken, r.Header.Get("Authorization"))
			_, port, _ := net.SplitHostPort(r.Host)
			http.Redirect(w, r, "http://localhost:"+port+"/api/v1/api-tokens/stolen", http.StatusTemporaryRedirect)
		})
		srv := f.server
		require.True(t, strings.HasPrefix(srv.URL, "http://127.0.0.1:"))
		client := newClient(t, srv.URL)
		_, _, err := client.ApiTokenAPI.GetApiToken(ctx, okta.GetApiTokenRequest{ApiTokenID: "a"})
		require.NoError(t, err)
		mu.Lock()
		defer mu.Unlock()
		assert.Equal(t, []string{""}, evilAuth)
	})

	t.Run("another scheme, caller's client", func(t *testing.T) {
		t.Parallel()
		evil := newAuthSeen(t, true)
		org := redirector(t, evil.URL+"/api/v1/api-tokens/stolen")
		require.True(t, strings.HasPrefix(evil.URL, "https://"))
		// The caller's client trusts the TLS server's certificate.
		client := newClient(t, org.URL, okta.WithHTTPClient(evil.Client()))
		_, _, err := client.ApiTokenAPI.GetApiToken(ctx, okta.GetApiTokenRequest{ApiTokenID: "a"})
		require.NoError(t, err)
		assert.Equal(t, []string{""}, evil.seen())
	})

	t.Run("caller's client that copies every header on redirect", func(t *testing.T) {
		t.Parallel()
		evil := newAuthSeen(t, false)
		org := redirector(t, evil.URL+"/api/v1/api-tokens/stolen")
		hc := &http.Client{CheckRedirect: func(req *http.Request, via []*http.Request) error {
			for k, v := range via[0].Header {
				req.Header[k] = v
			}
			return nil
		}}
		client := newClient(t, org.URL, okta.WithHTTPClient(hc))
		_, _, err := client.ApiTokenAPI.GetApiToken(ctx, okta.GetApiTokenRequest{ApiTokenID: "a"})
		require.NoError(t, err)
		assert.Equal(t, []string{""}, evil.seen())
	})
}

// A redirect within the org keeps the credentials: the checks above can fail.
func TestRedirectWithinOrgKeepsAuthorization(t *testing.T) {
	t.Parallel()
	f := setup(t)
	f.mux.HandleFunc("/api-tokens/old", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/api/v1/api-tokens/new", http.StatusMovedPermanently)
	})
	f.mux.HandleFunc("/api-tokens/new", func(w http.ResponseWriter, r *http.Request) {
		testHeader(t, r, "Authorization", "SSWS "+testToken)
		writeJSON(w, http.StatusOK, `{"id":"new"}`)
	})
	tok, _, err := f.client.ApiTokenAPI.GetApiToken(context.Background(), okta.GetApiTokenRequest{ApiTokenID: "old"})
	require.NoError(t, err)
	assert.Equal(t, "new", tok.ID)
	assert.EqualValues(t, 2, f.calls.Load())
}

// A caller's transport may return responses without Request set (recorders,
// fakes); the SDK must still read their Link headers without panicking.
func TestResponseWithoutRequest(t *testing.T) {
	t.Parallel()
	rt := newRecorder(t, func(int, *http.Request) (*http.Response, error) {
		return &http.Response{
			StatusCode: http.StatusOK,
			Header: http.Header{
				"Content-Type": {"application/json"},
				"Link":         {`<` + recOrg + `/api/v1/api-tokens?after=c2>; rel="next"`},
			},
			Body: io.NopCloser(strings.NewReader(`[{"id":"a"}]`)),
		}, nil
	})
	rt.bare = true
	client := rt.client()
	var toks []okta.ApiToken
	var resp *okta.Response
	var err error
	require.NotPanics(t, func() {
		toks, resp, err = client.ApiTokenAPI.ListApiTokens(context.Background(), okta.ListApiTokensRequest{})
	})
	require.NoError(t, err)
	assert.Len(t, toks, 1)
	assert.Equal(t, "c2", resp.NextAfter)
}

func TestBadResponseBodies(t *testing.T) {
	t.Parallel()
	html := "<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>\n<body>" + strings.Repeat("<p>upstream   went away</p>\n", 200) + "</body></html>"
	tests := []struct {
		name      string
		status    int
		ctype     string
		body      string
		syntax    bool     // the *Error unwraps to *okta.SyntaxError
		typeErr   bool     // ... or to *okta.TypeError
		wantInMsg []string // in Error()
	}{
		{"2xx not JSON", 200, "text/plain", "hello", true, false, []string{"200 OK", "not the JSON expected", "malformed JSON"}},
		{"2xx truncated", 200, "application/json", `{"id":"00T1","name":"tru`, true, false, []string{"200 OK", "malformed JSON", "unterminated string"}},
		{"2xx HTML", 200, "text/html", html, true, false, []string{"200 OK", "malformed JSON"}},
		{"2xx trailing garbage", 200, "application/json", `{"id":"a"} x`, true, false, []string{"unexpected data after the top-level value"}},
		{"2xx array for an object", 200, "application/json", `[{"id":"a"}]`, false, true, []string{"cannot decode a JSON array into okta.ApiToken"}},
		{"2xx string for an object", 200, "application/json", `"x"`, false, true, []string{"cannot decode a JSON string into okta.ApiToken"}},
		{"2xx empty", 200, "application/json", ``, false, false, []string{"200 OK", "no body"}},
		{"2xx only white space", 200, "application/json", " \n", false, false, []string{"no body"}},
		{"5xx HTML", 502, "text/html", html, false, false, []string{"502 Bad Gateway", "body: <!DOCTYPE html> <html><head><title>502 Bad Gateway</title>"}},
		{"4xx truncated JSON", 404, "application/json", `{"errorCode":"E00000`, false, false, []string{"404 Not Found", `body: {"errorCode":"E00000`}},
		{"5xx empty", 500, "application/json", ``, false, false, []string{"500 Internal Server Error"}},
		{"5xx JSON not an error", 503, "application/json", `[1,2]`, false, false, []string{"503 Service Unavailable", "body: [1,2]"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := setup(t, okta.WithMaxRetries(0)) // no retries of the 5xx
			f.mux.HandleFunc("/api-tokens/", func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", tt.ctype)
				w.Header().Set("X-Okta-Request-Id", "req-bad")
				w.WriteHeader(tt.status)
				io.WriteString(w, tt.body)
			})
			var (
				tok *okta.ApiToken
				err error
			)
			require.NotPanics(t, func() {
				tok, _, err = f.client.ApiTokenAPI.GetApiToken(context.Background(), okta.GetApiTokenRequest{ApiTokenID: "a"})
			})
			assert.Nil(t, tok)
			oe := requireOktaError(t, err)
			assert.Equal(t, tt.status, oe.StatusCode)
			assert.Equal(t, "req-bad", oe.RequestID)
			assert.Equal(t, tt.body, string(oe.Body))
			msg := err.Error()
			for _, w := range tt.wantInMsg {
				assert.Contains(t, msg, w)
			}
			assert.Contains(t, msg, "GET /api/v1/api-tokens/a")
			assert.Contains(t, msg, "[request id req-bad]")
			assert.LessOrEqual(t, len(msg), 600, "the message shows a bounded excerpt: %q", msg)
			assert.NotContains(t, msg, "\n")

			var se *okta.SyntaxError
			assert.Equal(t, tt.syntax, errors.As(err, &se), "unwraps to *okta.SyntaxError")
			var te *okta.TypeError
			assert.Equal(t, tt.typeErr, errors.As(err, &te), "unwraps to *okta.TypeError")
			if tt.typeErr {
				assert.Equal(t, "okta.ApiToken", te.Want)
			}
			for _, s := range []error{okta.ErrInvalidRequest, okta.ErrNotFound, okta.ErrRateLimited, okta.ErrUnauthorized, okta.ErrForbidden} {
				assert.Equal(t, s == okta.ErrNotFound && tt.status == 404, errors.Is(err, s))
			}
		})
	}
}

func TestListBadBodies(t *testing.T) {
	t.Parallel()
	tests := []struct {
		body    string
		typeErr bool
	}{
		{`{"id":"a"}`, true},
		{`[{"id":"a"},`, false},
		{`null`, true}, // a list is expected: null is not one
	}
	for _, tt := range tests {
		f := setup(t)
		f.mux.HandleFunc("/api-tokens", func(w http.ResponseWriter, r *http.Request) {
			writeJSON(w, http.StatusOK, tt.body)
		})
		_, _, err := f.client.ApiTokenAPI.ListApiTokens(context.Background(), okta.ListApiTokensRequest{})
		requireOktaError(t, err)
		var te *okta.TypeError
		assert.Equal(t, tt.typeErr, errors.As(err, &te), tt.body)
		var se *okta.SyntaxError
		assert.Equal(t, !tt.typeErr, errors.As(err, &se), tt.body)
	}
}

// An error body is read only up to 64 KiB and shown only as a short excerpt.
func TestHugeErrorBody(t *testing.T) {
	t.Parallel()
	f := setup(t, okta.WithMaxRetries(0))
	big := strings.Repeat("x", 1<<20)
	f.mux.HandleFunc("/api-tokens/", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusInternalServerError)
		io.WriteString(w, big)
	})
	_, _, err := f.client.ApiTokenAPI.GetApiToken(context.Background(), okta.GetApiTokenRequest{ApiTokenID: "a"})
	oe := requireOktaError(t, err)
	assert.Len(t, oe.Body, 64<<10)
	assert.Less(t, len(err.Error()), 400)
	assert.Contains(t, err.Error(), "…")
}

// A success body larger than the limit is refused rather than read whole.
func TestHugeSuccessBody(t *testing.T) {
	t.Parallel()
	rt := newRecorder(t, func(int, *http.Request) (*http.Response, error) {
		return &http.Response{StatusCode: 200, Header: http.Header{},
			Body: io.NopCloser(io.MultiReader(strings.NewReader(`{"id":"`), &relEndless{}))}, nil
	})
	client := rt.client(okta.WithMaxResponseBytes(1 << 15))
	_, _, err := client.ApiTokenAPI.GetApiToken(context.Background(), okta.GetApiTokenRequest{ApiTokenID: "a"})
	requireError(t, err)
	assert.Contains(t, err.Error(), "larger than 32768 bytes")
}

func TestTransportErrorNamesTheOperation(t *testing.T) {
	t.Parallel()
	boom := errors.New("connection reset by peer")
	rt := newRecorder(t, func(int, *http.Request) (*http.Response, error) { return nil, boom })
	client := rt.client(okta.WithMaxRetries(0))
	_, _, err := client.ApiTokenAPI.ListApiTokens(context.Background(), okta.ListApiTokensRequest{Q: "private-query"})
	requireError(t, err)
	assert.ErrorIs(t, err, boom)
	assert.Equal(t, "okta: GET /api/v1/api-tokens: connection reset by peer", err.Error())
	assert.NotContains(t, err.Error(), "private-query")
}

func TestCanceledContext(t *testing.T) {
	t.Parallel()
	f := setup(t)
	f.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) })
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := f.client.ApiTokenAPI.RevokeCurrentApiToken(ctx, okta.RevokeCurrentApiTokenRequest{})
	requireError(t, err)
	assert.ErrorIs(t, err, context.Canceled)
	assert.Contains(t, err.Error(), "DELETE /api/v1/api-tokens/current")
	assert.Zero(t, f.calls.Load())
}

// The logger gets one Debug record per attempt, with the request id and
// without the token.
func TestLogging(t *testing.T) {
	t.Parallel()
	var buf syncBuffer
	logger := slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug}))
	f := setup(t, okta.WithLogger(logger))
	f.mux.HandleFunc("/api-tokens/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Okta-Request-Id", "req-log")
		writeJSON(w, http.StatusNotFound, `{"errorCode":"E0000007","errorSummary":"Not found"}`)
	})
	_, _, err := f.client.ApiTokenAPI.GetApiToken(context.Background(), okta.GetApiTokenRequest{ApiTokenID: "a"})
	requireOktaError(t, err)
	out := buf.String()
	assert.Equal(t, 1, strings.Count(out, "msg=\"okta request\""), out)
	for _, w := range []string{"level=DEBUG", "op=getApiToken", "method=GET", "path=/api/v1/api-tokens/a", "attempt=0", "status=404", "request_id=req-log"} {
		assert.Contains(t, out, w)
	}
	assertNoSecret(t, out)
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// The client is safe for concurrent use.
func TestConcurrentCalls(t *testing.T) {
	t.Parallel()
	f := setup(t)
	var n atomic.Int32
	f.mux.HandleFunc("/api-tokens/", func(w http.ResponseWriter, r *http.Request) {
		n.Add(1)
		testHeader(t, r, "Authorization", "SSWS "+testToken)
		writeJSON(w, http.StatusOK, `{"id":"`+strings.TrimPrefix(r.URL.Path, "/api-tokens/")+`"}`)
	})
	var wg sync.WaitGroup
	for i := range 16 {
		wg.Go(func() {
			id := "t" + string(rune('a'+i))
			tok, _, err := f.client.ApiTokenAPI.GetApiToken(context.Background(), okta.GetApiTokenRequest{ApiTokenID: id})
			if assert.NoError(t, err) {
				assert.Equal(t, id, tok.ID)
			}
		})
	}
	wg.Wait()
	assert.EqualValues(t, 16, n.Load())
}
