package okta

// Private keys for client assertions: parsing PEM, JWK, files and signers, and
// choosing the signature algorithm.

import (
	"crypto"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
	"reflect"
	"strings"

	"github.com/go-jose/go-jose/v4"
)

// parsePrivateKey reads a private key: PEM (PKCS#1, PKCS#8 or SEC 1) or a JWK,
// as text or bytes, a jose.JSONWebKey, or a crypto.Signer. A string that is
// neither PEM nor JSON is the path of a file holding one. Errors name from
// (the setting the key came from) and never the key.
func parsePrivateKey(v any, from string) (crypto.Signer, string, error) {
	switch k := v.(type) {
	case crypto.Signer:
		if rv := reflect.ValueOf(k); rv.Kind() == reflect.Pointer && rv.IsNil() {
			return nil, "", fmt.Errorf("private key (%s) is a nil %T", from, k)
		}
		return k, "", nil
	case jose.JSONWebKey:
		return jwkSigner(&k, from)
	case *jose.JSONWebKey:
		if k == nil {
			return nil, "", fmt.Errorf("private key (%s) is a nil *jose.JSONWebKey", from)
		}
		return jwkSigner(k, from)
	case string:
		t := strings.TrimSpace(k)
		if t != "" && !strings.HasPrefix(t, "{") && !strings.Contains(t, "-----BEGIN") && !strings.ContainsAny(t, "\r\n") {
			data, err := readSettingFile(t)
			if sfe := (*settingFileError)(nil); errors.As(err, &sfe) {
				// The file exists, so t is a path, not a key: it can be named.
				return nil, "", fmt.Errorf("private key (%s, file %s) cannot be read: %v", from, t, sfe)
			}
			if err != nil {
				// os's message would quote t, which may be a mangled key.
				return nil, "", fmt.Errorf("private key (%s) is neither a PEM key nor a JWK, and no file of that name can be read: "+
					"give the key itself (-----BEGIN PRIVATE KEY----- ...), a JWK ({\"kty\": ...}), or the path of a file holding one", from)
			}
			return parseKeyText(data, fmt.Sprintf("%s, file %s", from, t))
		}
		return parseKeyText([]byte(k), from)
	case []byte:
		return parseKeyText(k, from)
	case nil:
		return nil, "", fmt.Errorf("private key (%s) is nil", from)
	}
	return nil, "", fmt.Errorf("private key (%s) is a %T: pass PEM or JWK text ([]byte or string), a jose.JSONWebKey, or a crypto.Signer", from, v)
}

func parseKeyText(data []byte, from string) (crypto.Signer, string, error) {
	t := strings.TrimSpace(string(data))
	if !strings.Contains(t, "\n") && strings.Contains(t, `\n`) {
		t = strings.ReplaceAll(t, `\n`, "\n") // a PEM key squeezed onto one line, as environment variables often hold it
	}
	if strings.HasPrefix(t, "{") {
		var jwk jose.JSONWebKey
		if err := jwk.UnmarshalJSON([]byte(t)); err != nil {
			// The parser's message may quote the key's text: leave it out.
			return nil, "", fmt.Errorf("private key (%s) looks like a JWK but cannot be read as one: it needs kty and the private members (d, ...)", from)
		}
		return jwkSigner(&jwk, from)
	}
	rest := []byte(t)
	for {
		var block *pem.Block
		block, rest = pem.Decode(rest)
		if block == nil {
			return nil, "", fmt.Errorf("private key (%s) is neither PEM (-----BEGIN PRIVATE KEY-----, RSA PRIVATE KEY or EC PRIVATE KEY) nor a JWK", from)
		}
		if _, encrypted := block.Headers["Proc-Type"]; encrypted || block.Type == "ENCRYPTED PRIVATE KEY" {
			return nil, "", fmt.Errorf("private key (%s) is encrypted: decrypt it first (openssl pkcs8 -topk8 -nocrypt)", from)
		}
		var key any
		var err error
		switch block.Type {
		case "PRIVATE KEY":
			key, err = x509.ParsePKCS8PrivateKey(block.Bytes)
		case "RSA PRIVATE KEY":
			key, err = x509.ParsePKCS1PrivateKey(block.Bytes)
		case "EC PRIVATE KEY":
			key, err = x509.ParseECPrivateKey(block.Bytes)
		case "PUBLIC KEY", "RSA PUBLIC KEY", "CERTIFICATE":
			return nil, "", fmt.Errorf("private key (%s) holds a %s: pass the private key; the public key is what you register with the service app", from, strings.ToLower(block.Type))
		default:
			continue // such as EC PARAMETERS before the key
		}
		if err != nil {
			// x509's message is not the key, but say only what matters.
			return nil, "", fmt.Errorf("private key (%s): the PEM block %q cannot be parsed", from, block.Type)
		}
		signer, ok := key.(crypto.Signer)
		if !ok {
			return nil, "", fmt.Errorf("private key (%s) is a %T: use an RSA or EC key", from, key)
		}
		return signer, "", nil
	}
}

func jwkSigner(jwk *jose.JSONWebKey, from string) (crypto.Signer, string, error) {
	if jwk.IsPublic() {
		return nil, "", fmt.Errorf("private key (%s) is a public JWK: pass the private key (with d); the public key is what you register with the service app", from)
	}
	signer, ok := jwk.Key.(crypto.Signer)
	if !ok {
		return nil, "", fmt.Errorf("private key (%s) is a JWK of type %q: use an RSA or EC key", from, jwkType(jwk))
	}
	return signer, jwk.KeyID, nil
}

func jwkType(jwk *jose.JSONWebKey) string {
	switch jwk.Key.(type) {
	case []byte:
		return "oct"
	}
	return fmt.Sprintf("%T", jwk.Key)
}

// signatureAlgorithm is the JWS algorithm for a key: RS256 for RSA (2048 bits
// at least), ES256, ES384 or ES512 for the EC curves.
func signatureAlgorithm(pub crypto.PublicKey) (jose.SignatureAlgorithm, error) {
	switch k := pub.(type) {
	case *rsa.PublicKey:
		if k.N.BitLen() < 2048 {
			return "", fmt.Errorf("the RSA key has %d bits: Okta requires at least 2048", k.N.BitLen())
		}
		return jose.RS256, nil
	case *ecdsa.PublicKey:
		switch k.Curve {
		case elliptic.P256():
			return jose.ES256, nil
		case elliptic.P384():
			return jose.ES384, nil
		case elliptic.P521():
			return jose.ES512, nil
		}
		return "", fmt.Errorf("the EC key is on curve %s: use P-256, P-384 or P-521", k.Curve.Params().Name)
	}
	return "", fmt.Errorf("the key is a %T: use an RSA or EC key", pub)
}
