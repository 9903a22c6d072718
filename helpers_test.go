package okta_test

// The root package's tests use one test server and one scripted transport:
//
//   - setup (or newTestServer, newTestServerTLS, without a client) starts an
//     httptest server with a mux under apiPrefix, so a request the SDK builds
//     from anything but the org URL and the operation's path fails the test;
//     fixture.org takes the routes Okta serves outside it (the token endpoint).
//   - recorder is the transport for what a server cannot show: timing on
//     testing/synctest's fake clock (no sockets in a bubble), hostile answers,
//     transport errors. It records every request and answers from a script;
//     serving puts a real handler (an org model) behind it.
//
// Time is testing/synctest's wherever a test waits on time. httpmock appears
// only where users would reach for it (TestHTTPMockActivate). The examples
// start their own servers so that each reads whole in the documentation.

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gatekit/okta"
)

// testToken is the API token every test configures. No printed value and no
// error string may contain it (see assertNoSecret).
const testToken = "00tEsT-sEcReT_tOkEn-4f9c2a"

// apiPrefix is where the test mux is mounted: the SDK must put every path
// under it, so a request built from anything but the org URL and the
// operation's path misses the mux and fails the test.
const apiPrefix = "/api/v1"

// TestMain makes the suite hermetic: no okta.yaml from the real home
// directory and no OKTA_CLIENT_* variable from the environment may change what
// NewConfiguration builds.
func TestMain(m *testing.M) {
	home, err := os.MkdirTemp("", "okta-test-home-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Setenv("HOME", home)
	for _, kv := range os.Environ() {
		if name, _, _ := strings.Cut(kv, "="); strings.HasPrefix(name, "OKTA_CLIENT_") {
			os.Unsetenv(name)
		}
	}
	code := m.Run()
	os.RemoveAll(home)
	os.Exit(code)
}

// fixture is the tests' one test server, and a client pointed at it.
// Handlers go on mux with paths relative to apiPrefix ("/api-tokens/"); a
// request outside apiPrefix fails the test unless org serves it.
type fixture struct {
	client *okta.APIClient
	mux    *http.ServeMux
	// org has handlers on whole paths and is tried first: what Okta serves
	// outside apiPrefix (the token endpoint), or an org model that wants the
	// path as sent.
	org    *http.ServeMux
	server *httptest.Server
	calls  atomic.Int32 // requests that reached the server
}

// setup starts a test server and returns a client for it, configured with
// testToken and opts.
func setup(t *testing.T, opts ...okta.ConfigOption) *fixture {
	t.Helper()
	f := newTestServer(t)
	f.client = newClient(t, f.server.URL, opts...)
	return f
}

// newTestServer starts a test server without a client, for tests that
// configure their own (OAuth 2.0, a caller's transport) or that need more
// than one origin.
func newTestServer(t testing.TB) *fixture {
	t.Helper()
	return startTestServer(t, httptest.NewServer)
}

// newTestServerTLS is newTestServer speaking HTTPS; f.server.Client()
// trusts its certificate.
func newTestServerTLS(t *testing.T) *fixture {
	t.Helper()
	return startTestServer(t, httptest.NewTLSServer)
}

func startTestServer(t testing.TB, start func(http.Handler) *httptest.Server) *fixture {
	t.Helper()
	f := &fixture{mux: http.NewServeMux(), org: http.NewServeMux()}
	api := http.StripPrefix(apiPrefix, f.mux)
	f.server = start(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f.calls.Add(1)
		if h, pattern := f.org.Handler(r); pattern != "" {
			h.ServeHTTP(w, r)
			return
		}
		if !strings.HasPrefix(r.URL.Path, apiPrefix+"/") {
			t.Errorf("request outside %s: %s %s", apiPrefix, r.Method, r.RequestURI)
			http.Error(w, "not under the API prefix", http.StatusTeapot)
			return
		}
		api.ServeHTTP(w, r)
	}))
	t.Cleanup(f.server.Close)
	return f
}

// newClient builds a client for orgURL with testToken, failing the test if the
// configuration is refused.
func newClient(t testing.TB, orgURL string, opts ...okta.ConfigOption) *okta.APIClient {
	t.Helper()
	all := append([]okta.ConfigOption{okta.WithOrgURL(orgURL), okta.WithAPIToken(testToken)}, opts...)
	cfg, err := okta.NewConfiguration(all...)
	require.NoError(t, err)
	return okta.NewAPIClient(cfg)
}

// sdkUserAgent is the User-Agent the SDK sends without WithUserAgent.
func sdkUserAgent() string {
	return fmt.Sprintf("okta-go/%s go/%s %s/%s", okta.Version, strings.TrimPrefix(runtime.Version(), "go"), runtime.GOOS, runtime.GOARCH)
}

func testMethod(t *testing.T, r *http.Request, want string) {
	t.Helper()
	assert.Equal(t, want, r.Method, "method")
}

// testPath checks the path as sent on the wire, escapes included, prefix and
// all (r.URL has the prefix stripped; r.RequestURI does not).
func testPath(t *testing.T, r *http.Request, want string) {
	t.Helper()
	path, _, _ := strings.Cut(r.RequestURI, "?")
	assert.Equal(t, want, path, "escaped path")
}

func testHeader(t *testing.T, r *http.Request, name, want string) {
	t.Helper()
	assert.Equal(t, []string{want}, r.Header.Values(name), "header %s", name)
}

func testNoHeader(t *testing.T, r *http.Request, name string) {
	t.Helper()
	assert.Empty(t, r.Header.Values(name), "header %s", name)
}

// testQuery checks the whole query string: exactly the parameters in want.
func testQuery(t *testing.T, r *http.Request, want url.Values) {
	t.Helper()
	if len(want) == 0 {
		assert.Empty(t, r.URL.RawQuery, "query")
		return
	}
	assert.Equal(t, want, r.URL.Query(), "query")
}

// testBody checks the request body. Use "" for a request without a body, which
// must then carry no Content-Type either.
func testBody(t *testing.T, r *http.Request, want string) {
	t.Helper()
	b, err := io.ReadAll(r.Body)
	assert.NoError(t, err)
	assert.Equal(t, want, string(b), "body")
	if want == "" {
		assert.Zero(t, r.ContentLength, "Content-Length")
		assert.Empty(t, r.TransferEncoding, "Transfer-Encoding")
		testNoHeader(t, r, "Content-Type")
	}
}

// testStandardHeaders checks what every SDK request carries.
func testStandardHeaders(t *testing.T, r *http.Request, userAgent string) {
	t.Helper()
	testHeader(t, r, "Authorization", "SSWS "+testToken)
	testHeader(t, r, "Accept", "application/json")
	testHeader(t, r, "User-Agent", userAgent)
}

// assertNoSecret fails if s shows the test token, or a part of it long
// enough to matter.
func assertNoSecret(t testing.TB, s string) {
	t.Helper()
	assert.NotContains(t, s, testToken)
	assert.NotContains(t, s, "sEcReT")
}

// requireError asserts that err is not nil and that its message keeps the
// token secret, and returns it.
func requireError(t testing.TB, err error) error {
	t.Helper()
	require.Error(t, err)
	assertNoSecret(t, err.Error())
	assertNoSecret(t, fmt.Sprintf("%+v", err))
	assertNoSecret(t, fmt.Sprintf("%#v", err))
	return err
}

// requireOktaError asserts that err is an *okta.Error and returns it.
func requireOktaError(t testing.TB, err error) *okta.Error {
	t.Helper()
	requireError(t, err)
	var oe *okta.Error
	require.ErrorAs(t, err, &oe)
	return oe
}

// writeJSON answers with status and a JSON body.
func writeJSON(w http.ResponseWriter, status int, body string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	io.WriteString(w, body)
}

// --- the recording transport ----------------------------------------------------

// recOrg is the org URL of clients whose transport is a recorder. Nothing is
// dialled: the recorder answers every request.
const recOrg = "https://dev-123456.okta.com"

// sentRequest is one request as a recorder saw it.
type sentRequest struct {
	At       time.Time // on the bubble's clock inside testing/synctest
	Method   string
	URL      string // as sent, scheme and host included
	Path     string // escaped, as on the wire
	RawQuery string
	Query    url.Values
	Header   http.Header
	Body     []byte
	HasBody  bool // the request had a body (even an empty one)
}

// recorder is the tests' one scripted transport, for what a server cannot
// show: exact timing on synctest's fake clock (no sockets inside a bubble),
// hostile responses, transport errors. It records every request and answers
// the nth (from 0) with respond, which may pass r on to a real transport; a
// request whose body cannot be read is answered with that error. Tests that
// need a real server use setup.
type recorder struct {
	t       testing.TB
	respond func(n int, r *http.Request) (*http.Response, error)
	// bare returns answers as respond made them; otherwise an answer's
	// Request is set to r when respond left it unset, as http.Transport does.
	bare bool
	mu   sync.Mutex
	sent []sentRequest
}

// newRecorder returns a recorder answering with respond.
func newRecorder(t testing.TB, respond func(n int, r *http.Request) (*http.Response, error)) *recorder {
	return &recorder{t: t, respond: respond}
}

// answering adapts a responder that needs neither the attempt number nor an
// error.
func answering(f func(r *http.Request) *http.Response) func(int, *http.Request) (*http.Response, error) {
	return func(_ int, r *http.Request) (*http.Response, error) { return f(r), nil }
}

// RoundTrip records r, keeping its body readable, and returns the scripted
// answer.
func (rec *recorder) RoundTrip(r *http.Request) (*http.Response, error) {
	s := sentRequest{At: time.Now(), Method: r.Method, URL: r.URL.String(), Path: r.URL.EscapedPath(), RawQuery: r.URL.RawQuery,
		Query: r.URL.Query(), Header: r.Header.Clone()}
	if r.Body != nil && r.Body != http.NoBody {
		b, err := io.ReadAll(r.Body)
		r.Body.Close()
		if err != nil {
			return nil, err
		}
		s.Body, s.HasBody = b, true
		r.Body = io.NopCloser(bytes.NewReader(b))
	}
	rec.mu.Lock()
	n := len(rec.sent)
	rec.sent = append(rec.sent, s)
	rec.mu.Unlock()
	resp, err := rec.respond(n, r)
	if resp != nil && resp.Request == nil && !rec.bare {
		resp.Request = r
	}
	return resp, err
}

// client returns a client for recOrg with testToken whose transport is rec.
func (rec *recorder) client(opts ...okta.ConfigOption) *okta.APIClient {
	rec.t.Helper()
	return newClient(rec.t, recOrg, append([]okta.ConfigOption{okta.WithHTTPClient(&http.Client{Transport: rec})}, opts...)...)
}

// requests returns the recorded requests.
func (rec *recorder) requests() []sentRequest {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	return append([]sentRequest(nil), rec.sent...)
}

// calls is how many requests reached the transport.
func (rec *recorder) calls() int {
	rec.mu.Lock()
	defer rec.mu.Unlock()
	return len(rec.sent)
}

// only returns the one request made, failing the test if there was not
// exactly one.
func (rec *recorder) only() sentRequest {
	rec.t.Helper()
	reqs := rec.requests()
	require.Len(rec.t, reqs, 1, "requests sent")
	return reqs[0]
}

// gaps returns the time between consecutive requests.
func (rec *recorder) gaps() []time.Duration {
	sent := rec.requests()
	var out []time.Duration
	for i := 1; i < len(sent); i++ {
		out = append(out, sent[i].At.Sub(sent[i-1].At))
	}
	return out
}

// jsonResponse is an answer with a JSON body (no body and no Content-Type
// when body is "") and header pairs ("Name", "value", ...), added in order.
func jsonResponse(status int, body string, header ...string) *http.Response {
	h := http.Header{}
	if body != "" {
		h.Set("Content-Type", "application/json")
	}
	for i := 0; i+1 < len(header); i += 2 {
		h.Add(header[i], header[i+1])
	}
	return &http.Response{
		Status:        fmt.Sprintf("%d %s", status, http.StatusText(status)),
		StatusCode:    status,
		Proto:         "HTTP/1.1",
		ProtoMajor:    1,
		ProtoMinor:    1,
		Header:        h,
		Body:          io.NopCloser(strings.NewReader(body)),
		ContentLength: int64(len(body)),
	}
}

// roundTripFunc is a transport that is exactly a function. Only fuzz_test.go
// (owned with the codec tests) still uses it; new tests use a recorder.
type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// serving is a respond that serves h in memory: a real handler behind the
// recorder, for org models inside testing/synctest bubbles.
func serving(h http.Handler) func(int, *http.Request) (*http.Response, error) {
	return func(_ int, r *http.Request) (*http.Response, error) {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, r)
		return w.Result(), nil
	}
}

// pipeListener is a net.Listener whose connections are in-memory pipes, so
// that a server on it (oktatest.WithListener) and clients dialling it with
// dial can run inside a testing/synctest bubble, where sockets cannot.
type pipeListener struct {
	conns  chan net.Conn
	closed chan struct{}
	once   sync.Once
}

func newPipeListener() *pipeListener {
	return &pipeListener{conns: make(chan net.Conn), closed: make(chan struct{})}
}

func (l *pipeListener) Accept() (net.Conn, error) {
	select {
	case c := <-l.conns:
		return c, nil
	case <-l.closed:
		return nil, net.ErrClosed
	}
}

func (l *pipeListener) Close() error {
	l.once.Do(func() { close(l.closed) })
	return nil
}

// Addr is a loopback address, for the server's URL; nothing listens there.
func (l *pipeListener) Addr() net.Addr { return &net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 80} }

// dial connects to the listener, whatever the address.
func (l *pipeListener) dial(ctx context.Context, _, _ string) (net.Conn, error) {
	client, server := net.Pipe()
	select {
	case l.conns <- server:
		return client, nil
	case <-l.closed:
		return nil, net.ErrClosed
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}
