package okta

// Scrubbing: what the SDK writes into an error or a log record never holds a
// secret, even when the server echoes one back (a hostile or buggy server, a
// proxy's error page quoting the request).

import (
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// redacted stands in for a secret removed from text.
const redacted = "[REDACTED]"

// secretShapes match the secrets Okta and OAuth 2.0 use, wherever they appear
// in text: an Authorization header's credentials, a JWT (an access token, a
// client assertion, an ID token), an Okta API token, and the members and form
// fields that carry a secret (a client secret, a password, a provisioning
// token, a page cursor). Each match keeps its group 1, the name, and loses
// the secret. Members are matched as JSON writes them and inside a JSON
// string, where their quotes are escaped.
var secretShapes = sync.OnceValue(func() []*regexp.Regexp {
	return []*regexp.Regexp{
		regexp.MustCompile(`(?i)\b((?:SSWS|Bearer|DPoP|Basic)\s+)[A-Za-z0-9._~+/=-]{8,}`),
		regexp.MustCompile(`()\beyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*(?:\.[A-Za-z0-9_-]*)?`),
		regexp.MustCompile(`()\b00[A-Za-z0-9_-]{40}\b`),
		regexp.MustCompile(`(?i)("` + secretNames + `"\s*:\s*")(?:[^"\\]|\\.)*`),
		// The same member inside a JSON string (an error summary that quotes
		// a document): quotes escaped once; the value ends at the next \".
		regexp.MustCompile(`(?i)(\\"` + secretNames + `\\"\s*:\s*\\")(?:[^"\\]|\\[^"])*`),
		regexp.MustCompile(`(?i)(\b` + secretNames + `=)[^"&\s,;}]+`),
	}
})

// secretNames are the names of members, form fields and query parameters
// whose values are secrets.
const secretNames = `(?:client_secret|clientSecret|client_assertion|access_token|refresh_token|id_token|` +
	`password|secret|token|api_token|apiToken|private_key|privateKey|after)`

// scrubShapes replaces the secret shapes in s.
func scrubShapes(s string) string {
	for _, re := range secretShapes() {
		s = re.ReplaceAllString(s, "${1}"+redacted)
	}
	return s
}

// scrubber removes the client's own credentials, and the secret shapes, from
// text. The zero value removes the shapes only.
//
// It keeps the credentials behind a func for the reason Configuration does:
// fmt prints a func as an address, whatever the verb and the depth.
type scrubber struct {
	own  func() []string // the configured credentials, verbatim; nil for none
	live secretHolder    // the authorizer, when it can name what it sends; may be nil
}

// minSecret is the shortest credential scrubbed verbatim: shorter strings
// would match ordinary words.
const minSecret = 8

// newScrubber returns a scrubber for cfg's credentials and those auth sends.
func newScrubber(cfg *Configuration, auth authorizer) *scrubber {
	s := &scrubber{}
	s.live, _ = auth.(secretHolder)
	if cfg.apiToken != nil {
		if t := cfg.apiToken(); len(t) >= minSecret {
			own := []string{t}
			s.own = func() []string { return own }
		}
	}
	return s
}

// secretHolder is an authorizer that can name the credentials it currently
// sends (an access token), so that an error echoing one is scrubbed. An
// authorizer need not be one: the shapes catch a JWT or a Bearer credential.
type secretHolder interface{ secrets() []string }

// secrets returns the credentials to remove from text.
func (s *scrubber) secrets() []string {
	var all []string
	if s != nil && s.own != nil {
		all = s.own()
	}
	if s == nil || s.live == nil {
		return all
	}
	for _, t := range s.live.secrets() {
		if len(t) >= minSecret {
			all = append(all[:len(all):len(all)], t)
		}
	}
	return all
}

// text returns s without the client's credentials and the secret shapes.
func (s *scrubber) text(t string) string {
	for _, secret := range s.secrets() {
		t = strings.ReplaceAll(t, secret, redacted)
	}
	return scrubShapes(t)
}

// bytes returns b without the client's own credentials and without the
// shapes of secrets (what text removes); the rest is kept as sent. It
// returns b itself when there is nothing to remove.
func (s *scrubber) bytes(b []byte) []byte {
	for _, secret := range s.secrets() {
		if strings.Contains(string(b), secret) {
			b = []byte(strings.ReplaceAll(string(b), secret, redacted))
		}
	}
	if t := scrubShapes(string(b)); t != string(b) {
		b = []byte(t)
	}
	return b
}

// excerpt returns at most n bytes of b as printable, single-line text with the
// secret shapes removed: runs of white space (CR and LF included) become one
// space, and other control and bidirectional-formatting characters (ESC and
// the like, which forge log lines or recolour terminals) are escaped as \xNN
// or \uNNNN.
func excerpt(b []byte, n int) string {
	s := strings.ToValidUTF8(string(b), "\uFFFD")
	s = strings.Join(strings.Fields(s), " ")
	s = scrubShapes(escapeControls(s))
	if len(s) > n {
		cut := n
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		s = s[:cut] + "…"
	}
	return s
}

// escapeControls escapes the control and bidirectional-formatting characters
// of s; it returns s itself when it has none.
func escapeControls(s string) string {
	if strings.IndexFunc(s, unsafeRune) < 0 {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case !unsafeRune(r):
			b.WriteRune(r)
		case r < 0x100:
			b.WriteString(`\x`)
			b.WriteByte(hexDigit[r>>4])
			b.WriteByte(hexDigit[r&0xf])
		default:
			b.WriteString(`\u`)
			for shift := 12; shift >= 0; shift -= 4 {
				b.WriteByte(hexDigit[(r>>shift)&0xf])
			}
		}
	}
	return b.String()
}

const hexDigit = "0123456789abcdef"

func unsafeRune(r rune) bool {
	return unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) || r == '\u2028' || r == '\u2029'
}
