package okta

// Client assertions (private_key_jwt) for the token endpoint.

import (
	"context"
	"crypto/rand"
	"time"

	"github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/cryptosigner"
	"github.com/go-jose/go-jose/v4/jwt"
)

// assertionLifetime is how long a client assertion is valid: long enough for
// clock skew and a slow network, short enough that a leaked one is soon
// useless (Okta accepts at most an hour).
const assertionLifetime = 5 * time.Minute

// ClientAssertionFunc returns a signed client assertion (a JWT whose iss and
// sub are the client id and whose aud is audience, the org's token endpoint)
// for one token request. Okta refuses an assertion whose jti it has seen, so
// return a fresh one on each call; the SDK calls it once per token request.
type ClientAssertionFunc func(ctx context.Context, audience string) (string, error)

// newAssertionFunc returns the ClientAssertionFunc that signs assertions with
// a key: iss = sub = client id, aud = the token endpoint, a short exp and a
// fresh jti each time.
func newAssertionFunc(a *authConfig) (ClientAssertionFunc, error) {
	opts := (&jose.SignerOptions{}).WithType("JWT")
	if a.keyID != "" {
		opts = opts.WithHeader("kid", a.keyID)
	}
	signer, err := jose.NewSigner(jose.SigningKey{Algorithm: a.alg, Key: cryptosigner.Opaque(a.key)}, opts)
	if err != nil {
		return nil, err
	}
	clientID := a.clientID
	return func(_ context.Context, aud string) (string, error) {
		now := time.Now()
		return jwt.Signed(signer).Claims(jwt.Claims{
			Issuer:   clientID,
			Subject:  clientID,
			Audience: jwt.Audience{aud},
			IssuedAt: jwt.NewNumericDate(now),
			Expiry:   jwt.NewNumericDate(now.Add(assertionLifetime)),
			ID:       rand.Text(),
		}).Serialize()
	}, nil
}
