package test

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"math/big"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gatekit/okta"
)

// localCA is a certificate authority made for one test.
type localCA struct {
	cert *x509.Certificate
	key  *ecdsa.PrivateKey
}

func newLocalCA(t *testing.T) *localCA {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	require.NoError(t, err)
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: "gatekit test CA"},
		NotBefore:             time.Now().Add(-time.Hour),
		NotAfter:              time.Now().Add(24 * time.Hour),
		KeyUsage:              x509.KeyUsageCertSign,
		BasicConstraintsValid: true,
		IsCA:                  true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	require.NoError(t, err)
	cert, err := x509.ParseCertificate(der)
	require.NoError(t, err)
	return &localCA{cert: cert, key: key}
}

// sign issues a certificate for the CSR's subject and public key.
func (ca *localCA) sign(t *testing.T, csr *x509.CertificateRequest, serial int64) []byte {
	t.Helper()
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(serial),
		Subject:      csr.Subject,
		DNSNames:     csr.DNSNames,
		NotBefore:    time.Now().Add(-time.Hour),
		NotAfter:     time.Now().Add(365 * 24 * time.Hour),
		KeyUsage:     x509.KeyUsageDigitalSignature,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, ca.cert, csr.PublicKey, ca.key)
	require.NoError(t, err)
	return der
}

// TestCSRSignPublishUse generates a CSR in Okta, signs it with a local CA,
// publishes the certificate as PEM, finds the new key among the app's keys
// and makes it the app's signing key.
func TestCSRSignPublishUse(t *testing.T) {
	e := newEnv(t)
	c := ctx(t)
	app := e.create(t, okta.NewSamlApplication("csr", "https://sp.example.com/acs", "https://sp.example.com/csr"), true)
	ca := newLocalCA(t)

	csr, _, err := e.apps.GenerateCsrForApplication(c, okta.GenerateCsrForApplicationRequest{
		AppID: app.ID,
		Metadata: &okta.CsrMetadata{
			Subject: okta.CsrMetadataSubject{
				CommonName: "sp.example.com", OrganizationName: "Gatekit", CountryName: "US",
			},
			SubjectAltNames: okta.CsrMetadataSubjectAltNames{DNSNames: []string{"sp.example.com"}},
		},
	})
	require.NoError(t, err)
	require.NotEmpty(t, csr.ID)

	req, err := csr.CertificateRequest()
	require.NoError(t, err)
	require.NoError(t, req.CheckSignature(), "the CSR is signed by its own key")
	assert.Equal(t, "sp.example.com", req.Subject.CommonName)
	assert.Equal(t, []string{"Gatekit"}, req.Subject.Organization)
	assert.Equal(t, []string{"sp.example.com"}, req.DNSNames)

	pending := collect(t, e.apps.ListCsrsForApplicationAll(c, okta.ListCsrsForApplicationRequest{AppID: app.ID}))
	require.Len(t, pending, 1)
	assert.Equal(t, csr.ID, pending[0].ID)
	again, _, err := e.apps.GetCsrForApplication(c, okta.GetCsrForApplicationRequest{AppID: app.ID, CsrID: csr.ID})
	require.NoError(t, err)
	assert.Equal(t, csr.Csr, again.Csr)

	der := ca.sign(t, req, 1001)
	certPEM := pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})
	key, _, err := e.apps.PublishCsrFromApplication(c, okta.PublishCsrFromApplicationRequest{
		AppID: app.ID, CsrID: csr.ID, Certificate: certPEM,
	})
	require.NoError(t, err)
	require.NotEmpty(t, key.Kid)

	// The published key carries our certificate, which chains to our CA.
	certs, err := key.Certificates()
	require.NoError(t, err)
	require.NotEmpty(t, certs)
	assert.Equal(t, der, certs[0].Raw)
	pool := x509.NewCertPool()
	pool.AddCert(ca.cert)
	_, err = certs[0].Verify(x509.VerifyOptions{Roots: pool, DNSName: "sp.example.com"})
	require.NoError(t, err)

	keys := collect(t, e.apps.ListApplicationKeysAll(c, okta.ListApplicationKeysRequest{AppID: app.ID}))
	assert.Contains(t, kids(keys), key.Kid)

	got, _, err := e.apps.GetApplication(c, okta.GetApplicationRequest{AppID: app.ID})
	require.NoError(t, err)
	got.Credentials.Signing.Kid = key.Kid
	updated, _, err := e.apps.UpdateApplication(c, okta.UpdateApplicationRequest{AppID: app.ID, Application: got})
	require.NoError(t, err)
	assert.Equal(t, key.Kid, updated.Credentials.Signing.Kid)

	// A published CSR is no longer pending.
	pending = collect(t, e.apps.ListCsrsForApplicationAll(c, okta.ListCsrsForApplicationRequest{AppID: app.ID}))
	assert.Empty(t, pending)
}

// TestCSRPublishDERAndRevoke publishes one CSR's certificate as DER and
// revokes another CSR.
func TestCSRPublishDERAndRevoke(t *testing.T) {
	e := newEnv(t)
	c := ctx(t)
	app := e.create(t, okta.NewSamlApplication("csr-der", "https://sp.example.com/acs", "https://sp.example.com/der"), true)
	ca := newLocalCA(t)
	meta := &okta.CsrMetadata{Subject: okta.CsrMetadataSubject{CommonName: "der.example.com"}}

	first, _, err := e.apps.GenerateCsrForApplication(c, okta.GenerateCsrForApplicationRequest{AppID: app.ID, Metadata: meta})
	require.NoError(t, err)
	second, _, err := e.apps.GenerateCsrForApplication(c, okta.GenerateCsrForApplicationRequest{AppID: app.ID, Metadata: meta})
	require.NoError(t, err)

	req, err := first.CertificateRequest()
	require.NoError(t, err)
	der := ca.sign(t, req, 2002)
	key, _, err := e.apps.PublishCsrFromApplication(c, okta.PublishCsrFromApplicationRequest{AppID: app.ID, CsrID: first.ID, Certificate: der})
	require.NoError(t, err)
	certs, err := key.Certificates()
	require.NoError(t, err)
	assert.Equal(t, der, certs[0].Raw)

	_, err = e.apps.RevokeCsrFromApplication(c, okta.RevokeCsrFromApplicationRequest{AppID: app.ID, CsrID: second.ID})
	require.NoError(t, err)
	_, _, err = e.apps.GetCsrForApplication(c, okta.GetCsrForApplicationRequest{AppID: app.ID, CsrID: second.ID})
	require.ErrorIs(t, err, okta.ErrNotFound)

	// A certificate for another key pair does not match the CSR.
	third, _, err := e.apps.GenerateCsrForApplication(c, okta.GenerateCsrForApplicationRequest{AppID: app.ID, Metadata: meta})
	require.NoError(t, err)
	_, _, err = e.apps.PublishCsrFromApplication(c, okta.PublishCsrFromApplicationRequest{AppID: app.ID, CsrID: third.ID, Certificate: der})
	require.ErrorIs(t, err, okta.ErrInvalidRequest)
	_, err = e.apps.RevokeCsrFromApplication(c, okta.RevokeCsrFromApplicationRequest{AppID: app.ID, CsrID: third.ID})
	require.NoError(t, err)
}
