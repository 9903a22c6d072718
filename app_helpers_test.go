package okta_test

// Helpers of the Application API tests: a client whose transport is an
// httpmock.MockTransport that records every request, and generated keys,
// certificates and images.

import (
	"bytes"
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"io"
	"math/big"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/require"

	"github.com/gatekit/okta"
)

// appOrg is the org URL of the httpmock-backed clients. Nothing is dialled:
// the transport answers every request.
const appOrg = "https://dev-123456.okta.com"

// appToken is the API token of the httpmock-backed clients.
const appToken = "00mOcK-app-api-token"

// appSent is a request as the server saw it.
type appSent struct {
	Method   string
	Path     string // escaped, as on the wire
	RawQuery string
	Query    url.Values
	Header   http.Header
	Body     []byte
	HasBody  bool // the request had a body (even an empty one)
}

// appMock is a client whose requests go to an httpmock transport that records
// them and answers with respond.
type appMock struct {
	t       *testing.T
	mt      *httpmock.MockTransport
	client  *okta.APIClient
	api     *okta.ApplicationAPI
	mu      sync.Mutex
	sent    []appSent
	respond func(r *http.Request) *http.Response
}

// newAppMock returns a client that answers every request with respond (200
// with "{}" when respond is nil).
func newAppMock(t *testing.T, respond func(r *http.Request) *http.Response) *appMock {
	t.Helper()
	m := &appMock{t: t, mt: httpmock.NewMockTransport(), respond: respond}
	if m.respond == nil {
		m.respond = func(*http.Request) *http.Response { return appJSON(http.StatusOK, `{}`) }
	}
	m.mt.RegisterNoResponder(func(r *http.Request) (*http.Response, error) {
		s := appSent{Method: r.Method, Path: r.URL.EscapedPath(), RawQuery: r.URL.RawQuery,
			Query: r.URL.Query(), Header: r.Header.Clone()}
		if r.Body != nil && r.Body != http.NoBody {
			b, err := io.ReadAll(r.Body)
			if err != nil {
				return nil, err
			}
			s.Body, s.HasBody = b, true
			r.Body = io.NopCloser(bytes.NewReader(b))
		}
		m.mu.Lock()
		m.sent = append(m.sent, s)
		m.mu.Unlock()
		resp := m.respond(r)
		resp.Request = r
		return resp, nil
	})
	cfg, err := okta.NewConfiguration(okta.WithOrgURL(appOrg), okta.WithAPIToken(appToken),
		okta.WithHTTPClient(&http.Client{Transport: m.mt}), okta.WithMaxRetries(0))
	require.NoError(t, err)
	m.client = okta.NewAPIClient(cfg)
	m.api = m.client.ApplicationAPI
	return m
}

// calls is how many requests reached the transport.
func (m *appMock) calls() int { return m.mt.GetTotalCallCount() }

// requests returns the recorded requests.
func (m *appMock) requests() []appSent {
	m.mu.Lock()
	defer m.mu.Unlock()
	return append([]appSent(nil), m.sent...)
}

// only returns the one request made, failing the test if there was not
// exactly one.
func (m *appMock) only() appSent {
	m.t.Helper()
	reqs := m.requests()
	require.Len(m.t, reqs, 1, "requests sent")
	return reqs[0]
}

// appJSON is an answer with a JSON body (no body when body is "") and
// header pairs ("Name", "value", ...).
func appJSON(status int, body string, header ...string) *http.Response {
	h := http.Header{}
	if body != "" {
		h.Set("Content-Type", "application/json")
	}
	for i := 0; i+1 < len(header); i += 2 {
		h.Add(header[i], header[i+1])
	}
	return &http.Response{
		Status:        http.StatusText(status),
		StatusCode:    status,
		Header:        h,
		Body:          io.NopCloser(strings.NewReader(body)),
		ContentLength: int64(len(body)),
	}
}

// --- generated keys and certificates -------------------------------------------

var (
	appRSAKey = sync.OnceValue(func() *rsa.PrivateKey {
		k, err := rsa.GenerateKey(rand.Reader, 2048)
		if err != nil {
			panic(err)
		}
		return k
	})
	appECKey = sync.OnceValue(func() *ecdsa.PrivateKey {
		k, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
		if err != nil {
			panic(err)
		}
		return k
	})
	// appCertDER is a self-signed certificate for appRSAKey.
	appCertDER = sync.OnceValue(func() []byte {
		return appSelfSigned(appRSAKey(), "app.example.com")
	})
)

// appSelfSigned returns a DER certificate for key, signed by key.
func appSelfSigned(key crypto.Signer, cn string) []byte {
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(time.Now().UnixNano()),
		Subject:      pkix.Name{CommonName: cn, Organization: []string{"Gatekit Test"}},
		NotBefore:    time.Now().Add(-time.Hour),
		NotAfter:     time.Now().Add(24 * time.Hour),
		KeyUsage:     x509.KeyUsageDigitalSignature,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, key.Public(), key)
	if err != nil {
		panic(err)
	}
	return der
}

// --- images ---------------------------------------------------------------------

func appImage() image.Image {
	img := image.NewPaletted(image.Rect(0, 0, 8, 4), color.Palette{color.White, color.Black})
	img.SetColorIndex(1, 1, 1)
	return img
}

func appPNG(t testing.TB) []byte {
	var b bytes.Buffer
	require.NoError(t, png.Encode(&b, appImage()))
	return b.Bytes()
}

func appJPEG(t testing.TB) []byte {
	var b bytes.Buffer
	require.NoError(t, jpeg.Encode(&b, appImage(), nil))
	return b.Bytes()
}

func appGIF(t testing.TB) []byte {
	var b bytes.Buffer
	require.NoError(t, gif.Encode(&b, appImage(), nil))
	return b.Bytes()
}
