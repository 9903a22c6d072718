package okta

import (
	"crypto/x509"
	"encoding/base64"
	"encoding/pem"
	"fmt"
	"strings"
	"time"
)

// Csr is a certificate signing request Okta generated for an app's new key
// pair.
type Csr struct {
	ID      string    `json:"id"`
	Csr     string    `json:"csr"` // the PKCS#10 request, base64 DER
	Kty     string    `json:"kty"`
	Created time.Time `json:"created"`
	Links   Links     `json:"_links"` // read-only
	wire
}

// CertificateRequest parses the CSR, so that a local CA can sign it. It accepts
// the base64 (standard or URL alphabet) DER Okta sends, and PEM.
func (c *Csr) CertificateRequest() (*x509.CertificateRequest, error) {
	der, err := csrDER(c.Csr)
	if err != nil {
		return nil, fmt.Errorf("okta: Csr %s: %w", c.ID, err)
	}
	req, err := x509.ParseCertificateRequest(der)
	if err != nil {
		return nil, fmt.Errorf("okta: Csr %s: %w", c.ID, err)
	}
	return req, nil
}

func csrDER(s string) ([]byte, error) {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "-----BEGIN") {
		b, _ := pem.Decode([]byte(s))
		if b == nil {
			return nil, fmt.Errorf("the csr member is not valid PEM")
		}
		return b.Bytes, nil
	}
	s = strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' || r == ' ' {
			return -1
		}
		return r
	}, s)
	s = strings.TrimRight(s, "=")
	if der, err := base64.RawStdEncoding.DecodeString(s); err == nil {
		return der, nil
	}
	der, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return nil, fmt.Errorf("the csr member is not base64: %w", err)
	}
	return der, nil
}

// CsrMetadata is what GenerateCsrForApplication puts in the request.
type CsrMetadata struct {
	Subject         CsrMetadataSubject         `json:"subject"`
	SubjectAltNames CsrMetadataSubjectAltNames `json:"subjectAltNames"`
	wire
}

// CsrMetadataSubject is a CSR's subject name.
type CsrMetadataSubject struct {
	CommonName             string `json:"commonName"`
	CountryName            string `json:"countryName"`
	LocalityName           string `json:"localityName"`
	OrganizationName       string `json:"organizationName"`
	OrganizationalUnitName string `json:"organizationalUnitName"`
	StateOrProvinceName    string `json:"stateOrProvinceName"`
	wire
}

// CsrMetadataSubjectAltNames is a CSR's subject alternative names.
type CsrMetadataSubjectAltNames struct {
	DNSNames []string `json:"dnsNames"`
	wire
}
