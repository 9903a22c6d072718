package oktatest_test

import (
	"bytes"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"encoding/pem"
	"image"
	"image/color"
	"image/png"
	"math/big"
	"mime/multipart"
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// checkJWK checks that a key's certificate parses and agrees with its
// JWK members, and returns the certificate.
func checkJWK(t *testing.T, k map[string]any) *x509.Certificate {
	t.Helper()
	assert.Equal(t, "RSA", k["kty"])
	assert.Equal(t, "sig", k["use"])
	assert.NotEmpty(t, k["kid"])
	for _, m := range []string{"created", "lastUpdated", "expiresAt"} {
		assert.Regexp(t, oktaTimeRE, k[m], m)
	}
	x5c := k["x5c"].([]any)
	require.Len(t, x5c, 1)
	der, err := base64.StdEncoding.DecodeString(x5c[0].(string))
	require.NoError(t, err)
	cert, err := x509.ParseCertificate(der)
	require.NoError(t, err)
	pub := cert.PublicKey.(*rsa.PublicKey)
	assert.Equal(t, 2048, pub.N.BitLen())
	n, err := base64.RawURLEncoding.DecodeString(k["n"].(string))
	require.NoError(t, err)
	e, err := base64.RawURLEncoding.DecodeString(k["e"].(string))
	require.NoError(t, err)
	assert.Equal(t, pub.N, new(big.Int).SetBytes(n))
	assert.Equal(t, int64(pub.E), new(big.Int).SetBytes(e).Int64())
	sum := sha256.Sum256(der)
	assert.Equal(t, base64.RawURLEncoding.EncodeToString(sum[:]), k["x5t#S256"])
	assert.Equal(t, cert.NotAfter.UTC().Format("2006-01-02T15:04:05.000Z"), k["expiresAt"])
	return cert
}

func TestApplicationKeys(t *testing.T) {
	_, c := newServer(t)
	a := c.createApp(map[string]any{"label": "keys", "signOnMode": "SAML_2_0"})
	id := a["id"].(string)
	keys := "/api/v1/apps/" + id + "/credentials/keys"

	// The app's first key is its signing key.
	list := c.do("GET", keys, nil).list(t)
	require.Len(t, list, 1)
	first := list[0]
	checkJWK(t, first)
	assert.Equal(t, str(a, "credentials", "signing", "kid"), first["kid"])

	r := c.do("POST", keys+"/generate?validityYears=3", nil)
	require.Equal(t, http.StatusCreated, r.status, "%s", r.body)
	gen := r.obj(t)
	cert := checkJWK(t, gen)
	created, err := time.Parse(time.RFC3339, gen["created"].(string))
	require.NoError(t, err)
	assert.Equal(t, created.AddDate(3, 0, 0).Truncate(time.Second), cert.NotAfter.UTC())
	assert.NotEqual(t, first["kid"], gen["kid"])
	assert.NotEqual(t, first["n"], gen["n"])

	for _, years := range []string{"1", "11", "two"} {
		requireError(t, c.do("POST", keys+"/generate?validityYears="+years, nil), http.StatusBadRequest, "E0000001", "validityYears")
	}
	got := c.do("GET", keys+"/"+gen["kid"].(string), nil)
	require.Equal(t, http.StatusOK, got.status)
	assert.Equal(t, gen, got.obj(t))
	assert.Len(t, c.do("GET", keys, nil).list(t), 2)
	requireError(t, c.do("GET", keys+"/nokey", nil), http.StatusNotFound, "E0000007", "nokey")

	// Rotating: the app signs with a key once a replace names it.
	a["credentials"].(map[string]any)["signing"].(map[string]any)["kid"] = gen["kid"]
	r = c.do("PUT", "/api/v1/apps/"+id, a)
	require.Equal(t, http.StatusOK, r.status, "%s", r.body)
	assert.Equal(t, gen["kid"], str(r.obj(t), "credentials", "signing", "kid"))
	filter := url.QueryEscape(`credentials.signing.kid eq "` + gen["kid"].(string) + `"`)
	assert.Len(t, c.do("GET", "/api/v1/apps?filter="+filter, nil).list(t), 1)
	a["credentials"].(map[string]any)["signing"].(map[string]any)["kid"] = "unknown"
	requireError(t, c.do("PUT", "/api/v1/apps/"+id, a), http.StatusBadRequest, "E0000001", "credentials.signing.kid")

	// Cloning copies the key to another app.
	target := c.createApp(bookmark("target"))["id"].(string)
	clone := keys + "/" + gen["kid"].(string) + "/clone?targetAid=" + target
	r = c.do("POST", clone, nil)
	require.Equal(t, http.StatusCreated, r.status, "%s", r.body)
	assert.Equal(t, gen["x5c"], r.obj(t)["x5c"])
	tkey := c.do("GET", "/api/v1/apps/"+target+"/credentials/keys/"+gen["kid"].(string), nil)
	require.Equal(t, http.StatusOK, tkey.status)
	assert.Equal(t, gen["n"], tkey.obj(t)["n"])
	requireError(t, c.do("POST", clone, nil), http.StatusBadRequest, "E0000001")
	requireError(t, c.do("POST", keys+"/"+gen["kid"].(string)+"/clone", nil), http.StatusBadRequest, "E0000001", "targetAid")
	requireError(t, c.do("POST", keys+"/"+gen["kid"].(string)+"/clone?targetAid=0oaNone", nil), http.StatusNotFound, "E0000007")
	requireError(t, c.do("POST", keys+"/nokey/clone?targetAid="+target, nil), http.StatusNotFound, "E0000007")
}

// testCA is a certificate authority made for a test.
type testCA struct {
	cert *x509.Certificate
	key  *rsa.PrivateKey
}

func newTestCA(t *testing.T) *testCA {
	t.Helper()
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	require.NoError(t, err)
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "Test CA"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().AddDate(5, 0, 0),
		IsCA: true, BasicConstraintsValid: true, KeyUsage: x509.KeyUsageCertSign,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	require.NoError(t, err)
	cert, err := x509.ParseCertificate(der)
	require.NoError(t, err)
	return &testCA{cert: cert, key: key}
}

// sign issues a certificate for the CSR's key and subject.
func (ca *testCA) sign(t *testing.T, csr *x509.CertificateRequest, pub any) []byte {
	t.Helper()
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(time.Now().UnixNano()), Subject: csr.Subject, DNSNames: csr.DNSNames,
		NotBefore: time.Now().Add(-time.Minute), NotAfter: time.Now().AddDate(1, 0, 0),
		KeyUsage: x509.KeyUsageDigitalSignature,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, ca.cert, pub, ca.key)
	require.NoError(t, err)
	return der
}

func TestCSRPublishRoundTrip(t *testing.T) {
	_, c := newServer(t)
	ca := newTestCA(t)
	id := c.createApp(bookmark("csr"))["id"].(string)
	csrs := "/api/v1/apps/" + id + "/credentials/csrs"
	meta := map[string]any{
		"subject": map[string]any{
			"countryName": "US", "stateOrProvinceName": "California", "localityName": "San Francisco",
			"organizationName": "Okta, Inc.", "organizationalUnitName": "Dev", "commonName": "SP Issuer",
		},
		"subjectAltNames": map[string]any{"dnsNames": []string{"dev.example.com"}},
	}
	generate := func() (map[string]any, *x509.CertificateRequest) {
		t.Helper()
		r := c.do("POST", csrs, meta)
		require.Equal(t, http.StatusCreated, r.status, "%s", r.body)
		m := r.obj(t)
		assert.Equal(t, "RSA", m["kty"])
		assert.Regexp(t, oktaTimeRE, m["created"])
		assert.NotEmpty(t, str(m, "_links", "publish", "href"))
		der, err := base64.StdEncoding.DecodeString(m["csr"].(string))
		require.NoError(t, err)
		csr, err := x509.ParseCertificateRequest(der)
		require.NoError(t, err)
		require.NoError(t, csr.CheckSignature())
		assert.Equal(t, "SP Issuer", csr.Subject.CommonName)
		assert.Equal(t, []string{"Okta, Inc."}, csr.Subject.Organization)
		assert.Equal(t, []string{"US"}, csr.Subject.Country)
		assert.Equal(t, []string{"dev.example.com"}, csr.DNSNames)
		return m, csr
	}

	for _, tc := range []struct {
		name string
		body func(der []byte) []byte
		hdr  []string
	}{
		{"PEM", func(der []byte) []byte {
			return pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der})
		}, []string{"Content-Type", "application/x-pem-file"}},
		{"DER", func(der []byte) []byte { return der }, []string{"Content-Type", "application/pkix-cert"}},
		{"CER", func(der []byte) []byte { return der }, []string{"Content-Type", "application/x-x509-ca-cert"}},
		{"base64 DER", func(der []byte) []byte {
			return []byte(base64.StdEncoding.EncodeToString(der))
		}, []string{"Content-Type", "application/pkix-cert", "Content-Transfer-Encoding", "base64"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, csr := generate()
			csrID := m["id"].(string)
			got := c.do("GET", csrs+"/"+csrID, nil)
			require.Equal(t, http.StatusOK, got.status)
			assert.Equal(t, m, got.obj(t))

			der := ca.sign(t, csr, csr.PublicKey)
			r := c.do("POST", csrs+"/"+csrID+"/lifecycle/publish", tc.body(der), tc.hdr...)
			require.Equal(t, http.StatusCreated, r.status, "%s", r.body)
			key := r.obj(t)
			cert := checkJWK(t, key)
			assert.Equal(t, der, cert.Raw)
			assert.Equal(t, csrID, key["kid"])

			listed := false
			for _, k := range c.do("GET", "/api/v1/apps/"+id+"/credentials/keys", nil).list(t) {
				listed = listed || k["kid"] == csrID
			}
			assert.True(t, listed, "published key listed")
			requireError(t, c.do("GET", csrs+"/"+csrID, nil), http.StatusNotFound, "E0000007")
		})
	}

	t.Run("foreign key refused", func(t *testing.T) {
		m, csr := generate()
		other, err := rsa.GenerateKey(rand.Reader, 2048)
		require.NoError(t, err)
		der := ca.sign(t, csr, &other.PublicKey)
		r := c.do("POST", csrs+"/"+m["id"].(string)+"/lifecycle/publish", der, "Content-Type", "application/pkix-cert")
		requireError(t, r, http.StatusBadRequest, "E0000001", "certificate")
		r = c.do("POST", csrs+"/"+m["id"].(string)+"/lifecycle/publish", []byte("not a cert"), "Content-Type", "application/x-pem-file")
		requireError(t, r, http.StatusBadRequest, "E0000001", "certificate")
		r = c.do("POST", csrs+"/"+m["id"].(string)+"/lifecycle/publish", der, "Content-Type", "text/plain")
		requireError(t, r, http.StatusUnsupportedMediaType, "E0000001")

		// The CSR is still there; revoking removes it.
		assert.Len(t, c.do("GET", csrs, nil).list(t), 1)
		assert.Equal(t, http.StatusNoContent, c.do("DELETE", csrs+"/"+m["id"].(string), nil).status)
		assert.Empty(t, c.do("GET", csrs, nil).list(t))
		requireError(t, c.do("DELETE", csrs+"/"+m["id"].(string), nil), http.StatusNotFound, "E0000007")
	})

	requireError(t, c.do("POST", csrs, map[string]any{}), http.StatusBadRequest, "E0000001", "subject")
	requireError(t, c.do("POST", csrs, `{"subject": "x"}`), http.StatusBadRequest, "E0000003")
	requireError(t, c.do("POST", csrs+"/nocsr/lifecycle/publish", []byte("x"), "Content-Type", "application/pkix-cert"),
		http.StatusNotFound, "E0000007")
}

func pngBytes(t *testing.T) []byte {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 4, 4))
	img.Set(1, 1, color.RGBA{R: 200, A: 255})
	var b bytes.Buffer
	require.NoError(t, png.Encode(&b, img))
	return b.Bytes()
}

func multipartBody(t *testing.T, field string, data []byte) ([]byte, string) {
	t.Helper()
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	fw, err := mw.CreateFormFile(field, "logo.png")
	require.NoError(t, err)
	fw.Write(data)
	require.NoError(t, mw.Close())
	return b.Bytes(), mw.FormDataContentType()
}

func TestUploadLogo(t *testing.T) {
	_, c := newServer(t)
	a := c.createApp(bookmark("logo"))
	id := a["id"].(string)
	before := get(a, "_links", "logo").([]any)[0].(map[string]any)["href"]

	data := pngBytes(t)
	body, ct := multipartBody(t, "file", data)
	r := c.do("POST", "/api/v1/apps/"+id+"/logo", body, "Content-Type", ct)
	require.Equal(t, http.StatusCreated, r.status, "%s", r.body)
	assert.Empty(t, r.body)

	after := c.do("GET", "/api/v1/apps/"+id, nil).obj(t)
	logo := get(after, "_links", "logo").([]any)[0].(map[string]any)
	assert.NotEqual(t, before, logo["href"])
	assert.Equal(t, "image/png", logo["type"])
	img := c.as("").do("GET", logo["href"].(string), nil)
	require.Equal(t, http.StatusOK, img.status)
	assert.Equal(t, data, img.body)

	gif := append([]byte("GIF89a"), make([]byte, 32)...)
	body, ct = multipartBody(t, "file", gif)
	assert.Equal(t, http.StatusCreated, c.do("POST", "/api/v1/apps/"+id+"/logo", body, "Content-Type", ct).status)

	for name, tc := range map[string]struct {
		field string
		data  []byte
	}{
		"text":      {"file", []byte("hello, this is not an image")},
		"too large": {"file", append(append([]byte{}, data...), make([]byte, 1<<20)...)},
		"no file":   {"picture", data},
	} {
		t.Run(name, func(t *testing.T) {
			body, ct := multipartBody(t, tc.field, tc.data)
			requireError(t, c.do("POST", "/api/v1/apps/"+id+"/logo", body, "Content-Type", ct),
				http.StatusBadRequest, "E0000001", "file")
		})
	}
	requireError(t, c.do("POST", "/api/v1/apps/"+id+"/logo", data, "Content-Type", "image/png"),
		http.StatusBadRequest, "E0000001")
}
