package okta

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// The shapes of secrets go; Okta's ordinary messages stay as they are.
func TestScrubShapes(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"Authorization: SSWS 00abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMN": "Authorization: SSWS [REDACTED]",
		"bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig-nature_1":       "bearer [REDACTED]",
		"DPoP abcdefghijklmnop, then":                                    "DPoP [REDACTED], then",
		"token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig was bad":         "token [REDACTED] was bad",
		"raw 00abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMN token":           "raw [REDACTED] token",
		`{"client_secret":"s3cr\"et","token":"prov-1","name":"x"}`:       `{"client_secret":"[REDACTED]","token":"[REDACTED]","name":"x"}`,
		"grant_type=x&client_assertion=abc.def&after=cur-1 ok":           "grant_type=x&client_assertion=[REDACTED]&after=[REDACTED] ok",
		"password=hunter2":                                  "password=[REDACTED]",
		"Api validation failed: label":                      "Api validation failed: label",
		"Invalid token provided":                            "Invalid token provided",
		"password: Password requirements not met":           "password: Password requirements not met",
		"Bearer token":                                      "Bearer token",
		"Not found: Resource not found: 0oa1 (AppInstance)": "Not found: Resource not found: 0oa1 (AppInstance)",
	} {
		assert.Equal(t, want, scrubShapes(in), in)
	}
}

// The client's own token goes wherever it is, even without a shape.
func TestScrubberOwnCredentials(t *testing.T) {
	t.Parallel()
	own := []string{"plain-token-123"}
	s := &scrubber{own: func() []string { return own }}
	assert.Equal(t, "x[REDACTED]y", s.text("xplain-token-123y"))
	assert.Equal(t, []byte("a [REDACTED] b"), s.bytes([]byte("a plain-token-123 b")))
	b := []byte("nothing here")
	assert.Same(t, &b[0], &s.bytes(b)[0], "unchanged bytes are not copied")
	var none *scrubber
	assert.Equal(t, "x", none.text("x"))
}

// excerpt escapes what forges log lines or recolours a terminal.
func TestExcerptEscapes(t *testing.T) {
	t.Parallel()
	assert.Equal(t, `a b \x1b[31mc \u202ed \x00 \x7f e`, excerpt([]byte("a\r\nb \x1b[31mc \u202ed \x00 \x7f \u0085e"), 200))
}
