package oktatest

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/asn1"
	"encoding/base64"
	"encoding/pem"
	"fmt"
	"io"
	"math/big"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// appKey is an application key credential. An app's first key exists from
// its creation but its material is made on first use (see materialize).
type appKey struct {
	kid                  string
	created, lastUpdated time.Time
	cert                 *x509.Certificate // nil until materialized
}

// csr is a pending certificate signing request with its key pair.
type appCSR struct {
	id      string
	created time.Time
	der     []byte
	key     *rsa.PrivateKey
}

func (a *app) key(kid string) *appKey {
	for _, k := range a.keys {
		if k.kid == kid {
			return k
		}
	}
	return nil
}

// newKid makes a key id shaped like Okta's (43 base64url characters).
func (s *Server) newKid() string { return s.randomString(base64url, 43) }

// certValidity is how long Okta's app signing certificates are valid by
// default: ten years, 3,652 days.
const certValidity = 3652 * 24 * time.Hour

// oktaSubject is the subject (and issuer) of Okta's app signing
// certificates: C, ST, L, O, OU, CN (the org's subdomain for app keys) and
// emailAddress.
func oktaSubject(commonName string) pkix.Name {
	return pkix.Name{
		Country:            []string{"US"},
		Province:           []string{"California"},
		Locality:           []string{"San Francisco"},
		Organization:       []string{"Okta"},
		OrganizationalUnit: []string{"SSOProvider"},
		CommonName:         commonName,
		ExtraNames: []pkix.AttributeTypeAndValue{
			{Type: oidEmailAddress, Value: "info@okta.com"},
		},
	}
}

// oidEmailAddress is PKCS #9's emailAddress attribute.
var oidEmailAddress = asn1.ObjectIdentifier{1, 2, 840, 113549, 1, 9, 1}

// selfSigned makes an RSA key and a self-signed certificate with Okta's
// subject and the given common name, valid from notBefore for years.
func selfSigned(commonName string, notBefore time.Time, years int) (*x509.Certificate, error) {
	return newCertificate(oktaSubject(commonName), notBefore, notBefore.AddDate(years, 0, 0))
}

// newCertificate makes an RSA key and a self-signed certificate for
// subject, valid from notBefore to notAfter.
func newCertificate(subject pkix.Name, notBefore, notAfter time.Time) (*x509.Certificate, error) {
	key, err := newRSAKey()
	if err != nil {
		return nil, err
	}
	serial, err := rand.Int(rand.Reader, new(big.Int).Lsh(big.NewInt(1), 63))
	if err != nil {
		return nil, fmt.Errorf("oktatest: serial number: %w", err)
	}
	tmpl := &x509.Certificate{
		SerialNumber:          serial,
		Subject:               subject,
		Issuer:                subject,
		NotBefore:             notBefore,
		NotAfter:              notAfter,
		KeyUsage:              x509.KeyUsageDigitalSignature,
		BasicConstraintsValid: true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		return nil, fmt.Errorf("oktatest: self-signed certificate: %w", err)
	}
	return x509.ParseCertificate(der)
}

// materialize makes the material of the app's keys that have none yet.
// It must be called without s.mu held: it takes it itself.
func (s *Server) materialize(appID string) *apiError {
	s.mu.Lock()
	a, err := s.lookupApp(appID)
	if err != nil {
		s.mu.Unlock()
		return err
	}
	var pending []*appKey
	for _, k := range a.keys {
		if k.cert == nil {
			pending = append(pending, k)
		}
	}
	s.mu.Unlock()
	for _, k := range pending {
		cert, cerr := newCertificate(oktaSubject(orgName), k.created, k.created.Add(certValidity))
		if cerr != nil {
			return statusError(http.StatusInternalServerError)
		}
		s.mu.Lock()
		if k.cert == nil {
			k.cert = cert
			k.lastUpdated = k.created
		}
		s.mu.Unlock()
	}
	return nil
}

// renderKey is the key as a JSON Web Key.
func renderKey(k *appKey) map[string]any {
	pub := k.cert.PublicKey.(*rsa.PublicKey)
	sum := sha256.Sum256(k.cert.Raw)
	return map[string]any{
		"kid":         k.kid,
		"kty":         "RSA",
		"use":         "sig",
		"e":           base64.RawURLEncoding.EncodeToString(big.NewInt(int64(pub.E)).Bytes()),
		"n":           base64.RawURLEncoding.EncodeToString(pub.N.Bytes()),
		"x5c":         []any{base64.StdEncoding.EncodeToString(k.cert.Raw)},
		"x5t#S256":    base64.RawURLEncoding.EncodeToString(sum[:]),
		"created":     formatTime(k.created),
		"lastUpdated": formatTime(k.lastUpdated),
		"expiresAt":   formatTime(k.cert.NotAfter),
	}
}

func (s *Server) listApplicationKeys(w http.ResponseWriter, r *http.Request, c *call) {
	if err := s.materialize(r.PathValue("appId")); err != nil {
		s.writeError(w, err)
		return
	}
	s.withApp(w, r, func(a *app) {
		out := []any{}
		for _, k := range a.keys {
			if k.cert != nil {
				out = append(out, renderKey(k))
			}
		}
		s.writeJSON(w, http.StatusOK, out)
	})
}

// lookupKey finds the app and the published key a request's appId and keyId
// name. The caller holds s.mu.
func (s *Server) lookupKey(r *http.Request) (*app, *appKey, *apiError) {
	a, err := s.lookupApp(r.PathValue("appId"))
	if err != nil {
		return nil, nil, err
	}
	k := a.key(r.PathValue("keyId"))
	if k == nil || k.cert == nil {
		return nil, nil, notFound(r.PathValue("keyId"), "AppInstanceKeyCredential")
	}
	return a, k, nil
}

func (s *Server) getApplicationKey(w http.ResponseWriter, r *http.Request, c *call) {
	if err := s.materialize(r.PathValue("appId")); err != nil {
		s.writeError(w, err)
		return
	}
	getOne(s, w, r, s.lookupKey, func(_ *app, k *appKey) map[string]any { return renderKey(k) })
}

// generateApplicationKey makes a key valid for validityYears (2 to 10),
// which Okta requires.
func (s *Server) generateApplicationKey(w http.ResponseWriter, r *http.Request, c *call) {
	v := r.URL.Query().Get("validityYears")
	if v == "" {
		s.writeError(w, invalid("validityYears", "Property is required."))
		return
	}
	years, err := strconv.Atoi(v)
	if err != nil || years < 2 || years > 10 {
		s.writeError(w, invalid("validityYears", "Validity years out of range. It should be 2 - 10 years."))
		return
	}
	// The certificate is made without s.mu held; the app is looked up
	// again to add it.
	if !s.withApp(w, r, func(*app) {}) {
		return
	}
	now := s.now()
	cert, cerr := selfSigned(orgName, now, years)
	if cerr != nil {
		s.writeError(w, statusError(http.StatusInternalServerError))
		return
	}
	s.withApp(w, r, func(a *app) {
		k := &appKey{kid: s.newKid(), created: now, lastUpdated: now, cert: cert}
		a.keys = append(a.keys, k)
		s.writeJSON(w, http.StatusCreated, renderKey(k))
	})
}

func (s *Server) cloneApplicationKey(w http.ResponseWriter, r *http.Request, c *call) {
	target := r.URL.Query().Get("targetAid")
	if target == "" {
		s.writeError(w, invalid("targetAid", "Property is required."))
		return
	}
	if err := s.materialize(r.PathValue("appId")); err != nil {
		s.writeError(w, err)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	_, k, err := s.lookupKey(r)
	if err != nil {
		s.writeError(w, err)
		return
	}
	t, err := s.lookupApp(target)
	if err != nil {
		s.writeError(w, err)
		return
	}
	if t.key(k.kid) != nil {
		s.writeError(w, invalid("kid", "Key already exists in the list of key credentials for the target app."))
		return
	}
	clone := *k
	t.keys = append(t.keys, &clone)
	s.writeJSON(w, http.StatusCreated, renderKey(&clone))
}

type csrSubject struct {
	CommonName             string `json:"commonName"`
	CountryName            string `json:"countryName"`
	LocalityName           string `json:"localityName"`
	OrganizationalUnitName string `json:"organizationalUnitName"`
	OrganizationName       string `json:"organizationName"`
	StateOrProvinceName    string `json:"stateOrProvinceName"`
}

// csrMetadata is the body of generateCsrForApplication.
type csrMetadata struct {
	Subject         *csrSubject `json:"subject"`
	SubjectAltNames *struct {
		DNSNames []string `json:"dnsNames"`
	} `json:"subjectAltNames"`
}

func (s *Server) renderCSR(a *app, c *appCSR) map[string]any {
	self := s.href("api", "v1", "apps", a.id, "credentials", "csrs", c.id)
	return map[string]any{
		"id":      c.id,
		"created": formatTime(c.created),
		"csr":     base64.StdEncoding.EncodeToString(c.der),
		"kty":     "RSA",
		"_links": map[string]any{
			"self":    link(self, "GET", "DELETE"),
			"publish": link(self+"/lifecycle/publish", "POST"),
		},
	}
}

func (s *Server) generateCsr(w http.ResponseWriter, r *http.Request, c *call) {
	var md csrMetadata
	if err := decodeJSON(r, &md); err != nil {
		s.writeError(w, err)
		return
	}
	if md.Subject == nil || *md.Subject == (csrSubject{}) {
		s.writeError(w, invalid("subject", "Property is required."))
		return
	}
	if cn := md.Subject.CountryName; cn != "" && len(cn) != 2 {
		s.writeError(w, invalid("subject.countryName", "Country name must be a two-letter code."))
		return
	}
	// Refuse an unknown app before making a key pair for it.
	if !s.withApp(w, r, func(*app) {}) {
		return
	}
	key, kerr := newRSAKey()
	if kerr != nil {
		s.writeError(w, statusError(http.StatusInternalServerError))
		return
	}
	subj := pkix.Name{CommonName: md.Subject.CommonName}
	for field, v := range map[*[]string]string{
		&subj.Country: md.Subject.CountryName, &subj.Locality: md.Subject.LocalityName,
		&subj.OrganizationalUnit: md.Subject.OrganizationalUnitName, &subj.Organization: md.Subject.OrganizationName,
		&subj.Province: md.Subject.StateOrProvinceName,
	} {
		if v != "" {
			*field = []string{v}
		}
	}
	tmpl := &x509.CertificateRequest{Subject: subj}
	if md.SubjectAltNames != nil {
		tmpl.DNSNames = md.SubjectAltNames.DNSNames
	}
	der, cerr := x509.CreateCertificateRequest(rand.Reader, tmpl, key)
	if cerr != nil {
		s.writeError(w, invalid("subjectAltNames", cerr.Error()))
		return
	}
	s.withApp(w, r, func(a *app) {
		csr := &appCSR{id: s.newKid(), created: s.now(), der: der, key: key}
		a.csrs = append(a.csrs, csr)
		w.Header().Set("Location", s.href("api", "v1", "apps", a.id, "credentials", "csrs", csr.id))
		s.writeJSON(w, http.StatusCreated, s.renderCSR(a, csr))
	})
}

func (s *Server) listCsrs(w http.ResponseWriter, r *http.Request, c *call) {
	listAll(s, w, r, func(a *app) []*appCSR { return a.csrs }, s.renderCSR)
}

// lookupCSR finds an app's CSR; the caller holds s.mu.
func (s *Server) lookupCSR(r *http.Request) (*app, *appCSR, *apiError) {
	return lookupIn(s, r, "csrId", "AppInstanceCsr",
		func(a *app) []*appCSR { return a.csrs }, func(c *appCSR) string { return c.id })
}

func (s *Server) getCsr(w http.ResponseWriter, r *http.Request, c *call) {
	getOne(s, w, r, s.lookupCSR, s.renderCSR)
}

func (s *Server) revokeCsr(w http.ResponseWriter, r *http.Request, c *call) {
	deleteOne(s, w, r, s.lookupCSR, func(a *app, csr *appCSR) { a.csrs = without(a.csrs, csr) })
}

// readCertificate decodes a published certificate: DER, base64 DER
// (Content-Transfer-Encoding: base64) or PEM, by content type.
func readCertificate(r *http.Request) (*x509.Certificate, *apiError) {
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil {
		return nil, unsupportedMediaType()
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, maxBody))
	if err != nil {
		return nil, malformed()
	}
	bad := invalid("certificate", "The certificate could not be parsed.")
	switch mt {
	case "application/x-pem-file":
		block, _ := pem.Decode(body)
		if block == nil || block.Type != "CERTIFICATE" {
			return nil, bad
		}
		body = block.Bytes
	case "application/pkix-cert", "application/x-x509-ca-cert":
		if strings.EqualFold(r.Header.Get("Content-Transfer-Encoding"), "base64") {
			clean := strings.Join(strings.Fields(string(body)), "")
			body, err = base64.StdEncoding.DecodeString(clean)
			if err != nil {
				return nil, bad
			}
		}
	default:
		return nil, unsupportedMediaType()
	}
	cert, err := x509.ParseCertificate(body)
	if err != nil {
		return nil, bad
	}
	return cert, nil
}

func (s *Server) publishCsr(w http.ResponseWriter, r *http.Request, c *call) {
	cert, cerr := readCertificate(r)
	s.mu.Lock()
	defer s.mu.Unlock()
	a, csr, err := s.lookupCSR(r)
	if err != nil {
		s.writeError(w, err)
		return
	}
	if cerr != nil {
		s.writeError(w, cerr)
		return
	}
	if pub, ok := cert.PublicKey.(*rsa.PublicKey); !ok || !pub.Equal(&csr.key.PublicKey) {
		s.writeError(w, invalid("certificate", "The public key of the certificate does not match the key pair of the CSR."))
		return
	}
	now := s.now()
	k := &appKey{kid: csr.id, created: now, lastUpdated: now, cert: cert}
	a.keys = append(a.keys, k)
	a.csrs = without(a.csrs, csr)
	s.writeJSON(w, http.StatusCreated, renderKey(k))
}
