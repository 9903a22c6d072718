package okta_test

// Helpers of the Application API tests: a client whose transport is a
// recorder, and generated keys, certificates and images.

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
	"math/big"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/gatekit/okta"
)

// appMock is a recorder and a client for it without retries, for the
// Application API tests.
type appMock struct {
	*recorder
	client *okta.APIClient
	api    *okta.ApplicationAPI
}

// newAppMock returns a recorder that answers every request with respond (200
// with "{}" when respond is nil), and a client for it.
func newAppMock(t *testing.T, respond func(r *http.Request) *http.Response) *appMock {
	t.Helper()
	if respond == nil {
		respond = func(*http.Request) *http.Response { return appJSON(http.StatusOK, `{}`) }
	}
	m := &appMock{recorder: newRecorder(t, answering(respond))}
	m.client = m.recorder.client(okta.WithMaxRetries(0))
	m.api = m.client.ApplicationAPI
	return m
}

// appJSON is jsonResponse, by the name the Application tests know it.
func appJSON(status int, body string, header ...string) *http.Response {
	return jsonResponse(status, body, header...)
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
