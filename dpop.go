package okta

// DPoP (RFC 9449): access tokens bound to a key pair the client holds, proven
// with a fresh signed proof on every request.

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"fmt"
	"net/url"
	"sync"
	"time"

	"github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/jwt"
)

// nonceKind says which server a DPoP nonce came from: Okta's token endpoint
// and its resource server keep nonces apart.
type nonceKind int

const (
	nonceToken nonceKind = iota // the token endpoint
	nonceAPI                    // the management API
)

// dpopProver signs DPoP proofs with a P-256 key pair made for one APIClient.
// The private key never leaves it; the public key travels in each proof's
// header.
type dpopProver struct {
	signer jose.Signer
	now    func() time.Time

	mu     sync.Mutex
	nonces [2]string // the latest DPoP-Nonce of each server
}

func newDPoPProver() (*dpopProver, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, fmt.Errorf("making the DPoP key pair: %w", err)
	}
	opts := (&jose.SignerOptions{EmbedJWK: true}).WithType("dpop+jwt")
	signer, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.ES256, Key: key}, opts)
	if err != nil {
		return nil, fmt.Errorf("making the DPoP signer: %w", err)
	}
	return &dpopProver{signer: signer, now: time.Now}, nil
}

// dpopClaims are a proof's claims.
type dpopClaims struct {
	ID       string           `json:"jti"`
	Method   string           `json:"htm"`
	URI      string           `json:"htu"`
	IssuedAt *jwt.NumericDate `json:"iat"`
	Nonce    string           `json:"nonce,omitempty"`
	ATH      string           `json:"ath,omitempty"` // hash of the access token, on resource requests
}

// proof returns a new proof for one request: method and u (without its query
// and fragment), now, a fresh jti, the server's nonce if it gave one, and the
// hash of the access token when one is sent with the request.
func (p *dpopProver) proof(method string, u *url.URL, nonce, accessToken string) (string, error) {
	c := dpopClaims{
		ID:       rand.Text(),
		Method:   method,
		URI:      htu(u),
		IssuedAt: jwt.NewNumericDate(p.now()),
		Nonce:    nonce,
	}
	if accessToken != "" {
		sum := sha256.Sum256([]byte(accessToken))
		c.ATH = base64.RawURLEncoding.EncodeToString(sum[:])
	}
	return jwt.Signed(p.signer).Claims(c).Serialize()
}

// htu is a request's URI as a proof names it: scheme, host and path.
func htu(u *url.URL) string {
	return (&url.URL{Scheme: u.Scheme, Host: u.Host, Path: u.Path, RawPath: u.RawPath}).String()
}

func (p *dpopProver) nonce(k nonceKind) string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.nonces[k]
}

func (p *dpopProver) setNonce(k nonceKind, n string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.nonces[k] = n
}
