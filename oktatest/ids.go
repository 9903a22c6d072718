package oktatest

import (
	crand "crypto/rand"
	"encoding/base64"
	"time"
)

// Okta ids are 20 characters: a three-character type prefix followed by
// random base62 characters.
const (
	prefixApp      = "0oa"
	prefixUser     = "00u"
	prefixGroup    = "00g"
	prefixAPIToken = "00T"
	prefixOAuth    = "oar"
	prefixGrant    = "oag"
	prefixFile     = "fs0"
	prefixAppLink  = "aln"

	idLength = 20
)

const (
	base62    = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
	base64url = base62 + "-_"
)

// oktaTime is the timestamp format of every date-time Okta sends.
const oktaTime = "2006-01-02T15:04:05.000Z"

func formatTime(t time.Time) string { return t.UTC().Format(oktaTime) }

// newID returns a fresh id with the given prefix. It is drawn from the
// server's generator, so WithSeed makes ids reproducible.
func (s *Server) newID(prefix string) string {
	return prefix + s.randomString(base62, idLength-len(prefix))
}

// randomString draws n characters of alphabet from the server's generator.
func (s *Server) randomString(alphabet string, n int) string {
	s.rngMu.Lock()
	defer s.rngMu.Unlock()
	b := make([]byte, n)
	for i := range b {
		b[i] = alphabet[s.rng.IntN(len(alphabet))]
	}
	return string(b)
}

// secret returns n characters of base64url from crypto/rand: used for
// credentials (API tokens, client secrets), never reproducible.
func secret(n int) string {
	b := make([]byte, n)
	crand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)[:n]
}

// now is the server's clock, at Okta's millisecond precision.
func (s *Server) now() time.Time {
	return s.clock().UTC().Truncate(time.Millisecond)
}
