package okta

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"errors"
	"fmt"
	"math/big"
	"strings"
	"time"
)

// JsonWebKey is an app's key credential (a signing key and its X.509
// certificate), or a client's public key.
type JsonWebKey struct {
	Kid         string    `json:"kid"`
	Kty         string    `json:"kty"` // "RSA" or "EC"
	Alg         string    `json:"alg"`
	Use         string    `json:"use"`
	KeyOps      []string  `json:"key_ops"`
	Status      string    `json:"status"` // such as "ACTIVE"
	N           string    `json:"n"`      // RSA modulus, base64url
	E           string    `json:"e"`      // RSA exponent, base64url
	Crv         string    `json:"crv"`    // EC curve: "P-256", "P-384" or "P-521"
	X           string    `json:"x"`      // EC x coordinate, base64url
	Y           string    `json:"y"`      // EC y coordinate, base64url
	X5C         []string  `json:"x5c"`    // certificate chain, base64 DER, leaf first
	X5T         string    `json:"x5t"`
	X5TS256     string    `json:"x5t#S256"`
	X5U         string    `json:"x5u"`
	Created     time.Time `json:"created"`
	ExpiresAt   time.Time `json:"expiresAt"`
	LastUpdated time.Time `json:"lastUpdated"`
	Links       Links     `json:"_links"` // read-only
	wire
}

// Certificates parses the key's x5c certificate chain, leaf first.
func (k *JsonWebKey) Certificates() ([]*x509.Certificate, error) {
	if len(k.X5C) == 0 {
		return nil, errors.New("okta: JsonWebKey " + k.Kid + " has no x5c certificate chain")
	}
	certs := make([]*x509.Certificate, 0, len(k.X5C))
	for i, s := range k.X5C {
		der, err := base64.StdEncoding.DecodeString(s)
		if err != nil {
			return nil, fmt.Errorf("okta: JsonWebKey %s: x5c[%d] is not base64: %w", k.Kid, i, err)
		}
		c, err := x509.ParseCertificate(der)
		if err != nil {
			return nil, fmt.Errorf("okta: JsonWebKey %s: x5c[%d]: %w", k.Kid, i, err)
		}
		certs = append(certs, c)
	}
	return certs, nil
}

// PublicKey returns the key's public key (*rsa.PublicKey or
// *ecdsa.PublicKey): from its RSA members n and e or its EC members crv, x
// and y when present, otherwise from its leaf certificate.
func (k *JsonWebKey) PublicKey() (crypto.PublicKey, error) {
	if strings.EqualFold(k.Kty, "EC") && k.Crv != "" && k.X != "" && k.Y != "" {
		pub, err := k.ecPublicKey()
		if err != nil {
			return nil, err // not a nil *ecdsa.PublicKey in a non-nil interface
		}
		return pub, nil
	}
	if strings.EqualFold(k.Kty, "RSA") && k.N != "" && k.E != "" {
		n, err := decodeB64URL(k.N)
		if err != nil {
			return nil, fmt.Errorf("okta: JsonWebKey %s: n: %w", k.Kid, err)
		}
		e, err := decodeB64URL(k.E)
		if err != nil {
			return nil, fmt.Errorf("okta: JsonWebKey %s: e: %w", k.Kid, err)
		}
		exp := new(big.Int).SetBytes(e)
		if !exp.IsInt64() || exp.Int64() > 1<<31-1 || exp.Int64() < 3 {
			return nil, fmt.Errorf("okta: JsonWebKey %s: exponent out of range", k.Kid)
		}
		return &rsa.PublicKey{N: new(big.Int).SetBytes(n), E: int(exp.Int64())}, nil
	}
	if len(k.X5C) > 0 {
		certs, err := k.Certificates()
		if err != nil {
			return nil, err
		}
		return certs[0].PublicKey, nil
	}
	return nil, fmt.Errorf("okta: JsonWebKey %s: no RSA or EC members and no certificate to take a public key from", k.Kid)
}

// ecPublicKey builds an EC public key from crv, x and y, checking that the
// point is on the curve.
func (k *JsonWebKey) ecPublicKey() (*ecdsa.PublicKey, error) {
	var curve elliptic.Curve
	switch k.Crv {
	case "P-256":
		curve = elliptic.P256()
	case "P-384":
		curve = elliptic.P384()
	case "P-521":
		curve = elliptic.P521()
	default:
		return nil, fmt.Errorf("okta: JsonWebKey %s: unsupported curve %q", k.Kid, k.Crv)
	}
	size := (curve.Params().BitSize + 7) / 8
	point := []byte{4} // uncompressed: 0x04 || x || y, each of the curve's size
	for _, c := range []struct{ name, v string }{{"x", k.X}, {"y", k.Y}} {
		b, err := decodeB64URL(c.v)
		if err != nil {
			return nil, fmt.Errorf("okta: JsonWebKey %s: %s: %w", k.Kid, c.name, err)
		}
		if len(b) != size {
			return nil, fmt.Errorf("okta: JsonWebKey %s: %s is %d bytes; %s needs %d", k.Kid, c.name, len(b), k.Crv, size)
		}
		point = append(point, b...)
	}
	pub, err := ecdsa.ParseUncompressedPublicKey(curve, point)
	if err != nil {
		return nil, fmt.Errorf("okta: JsonWebKey %s: %w", k.Kid, err)
	}
	return pub, nil
}

func decodeB64URL(s string) ([]byte, error) {
	return base64.RawURLEncoding.DecodeString(strings.TrimRight(s, "="))
}
