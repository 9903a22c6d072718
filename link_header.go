package okta

import (
	"errors"
	"net/url"
	"strings"
)

// The Link header (RFC 8288) is read for one thing only: the target of the
// link-value whose rel parameter names "next". The scan walks the header
// lines once, keeps no link but that one (a substring of its line) and
// builds no maps, so a header of any size costs time in proportion to it and
// no memory beyond the next target: the server decides how long the header
// is, and every response, errors included, carries one.

// errNextLink says that a page's Link header may name a next page but that it
// cannot be read: a link-value that is malformed (and is not followed by a
// well-formed next link), or a next target that is not a URL (or, for a
// walk, whose query cannot be decoded: followNext).
var errNextLink = errors.New("the Link header's next-page link cannot be read")

// nextLink returns the rel="next" target of Link header lines, resolved
// against base (the request's URL), or nil if there is none or it cannot be
// read (findNext says which).
func nextLink(values []string, base *url.URL) *url.URL {
	u, _ := findNext(values, base)
	return u
}

// findNext returns the rel="next" target of Link header lines, resolved
// against base: nil and no error on a last page, an error wrapping errNextLink
// when the lines may name a next page that cannot be read. The first
// well-formed next link counts, whatever surrounds it.
func findNext(values []string, base *url.URL) (*url.URL, error) {
	target, found, malformed := scanNext(values)
	switch {
	case found:
		u, err := url.Parse(target)
		if err != nil {
			return nil, errNextLink // not err: it would quote the server's text
		}
		if base != nil {
			u = base.ResolveReference(u)
		}
		return u, nil
	case malformed:
		return nil, errNextLink
	}
	return nil, nil
}

// scanNext finds the target of the first well-formed link-value whose rel
// names "next" (found), and says whether a malformed link-value came before
// it or, when there is none, anywhere.
func scanNext(values []string) (target string, found, malformed bool) {
	for _, v := range values {
		p := linkScanner{s: v}
		for !p.done() {
			target, isNext, ok := p.link()
			switch {
			case !ok:
				malformed = true
			case isNext:
				return target, true, malformed
			}
		}
	}
	return "", false, malformed
}

// linkScanner reads the link-values of one Link header line.
type linkScanner struct {
	s string
	i int // the next byte to read
}

// done moves past white space and empty list elements and reports whether
// the line is over.
func (p *linkScanner) done() bool {
	p.space()
	for p.i < len(p.s) && p.s[p.i] == ',' {
		p.i++
		p.space()
	}
	return p.i >= len(p.s)
}

func (p *linkScanner) space() {
	for p.i < len(p.s) && (p.s[p.i] == ' ' || p.s[p.i] == '\t') {
		p.i++
	}
}

// skip moves past the rest of a malformed link-value: to the next comma that is
// outside quotes and angle brackets.
func (p *linkScanner) skip() {
	inQuote, inAngle := false, false
	for ; p.i < len(p.s); p.i++ {
		switch c := p.s[p.i]; {
		case inQuote && c == '\\':
			p.i++
		case c == '"' && !inAngle:
			inQuote = !inQuote
		case c == '<' && !inQuote:
			inAngle = true
		case c == '>' && !inQuote:
			inAngle = false
		case c == ',' && !inQuote && !inAngle:
			return
		}
	}
}

// link reads one link-value: its target, whether its rel parameter (the
// first one: RFC 8288) names "next", and whether it was well-formed. A
// malformed link-value is skipped to the next comma outside quotes and angle
// brackets. p must not be done.
func (p *linkScanner) link() (target string, isNext, ok bool) {
	if p.s[p.i] != '<' {
		p.skip()
		return "", false, false
	}
	end := strings.IndexByte(p.s[p.i:], '>')
	if end < 0 {
		p.i = len(p.s)
		return "", false, false
	}
	target = strings.TrimSpace(p.s[p.i+1 : p.i+end])
	p.i += end + 1
	relSeen := false
	for {
		p.space()
		if p.i >= len(p.s) || p.s[p.i] == ',' {
			return target, isNext, true
		}
		name, value, ok := p.param()
		if !ok {
			p.skip()
			return "", false, false
		}
		if !relSeen && strings.EqualFold(name, "rel") {
			relSeen, isNext = true, relNamesNext(value)
		}
	}
}

// param reads one ";name[=value]" parameter; value is a token or the raw
// contents of a quoted-string (escapes not undone).
func (p *linkScanner) param() (name, value string, ok bool) {
	if p.s[p.i] != ';' {
		return "", "", false
	}
	p.i++
	p.space()
	start := p.i
	for p.i < len(p.s) && isTokenChar(p.s[p.i]) {
		p.i++
	}
	if name = p.s[start:p.i]; name == "" {
		return "", "", false
	}
	p.space()
	if p.i >= len(p.s) || p.s[p.i] != '=' {
		return name, "", true
	}
	p.i++
	p.space()
	value, ok = p.value()
	return name, value, ok
}

// value reads a token or a quoted-string, whose raw contents it returns.
func (p *linkScanner) value() (string, bool) {
	if p.i < len(p.s) && p.s[p.i] == '"' {
		start := p.i + 1
		for p.i = start; p.i < len(p.s); p.i++ {
			switch p.s[p.i] {
			case '\\':
				p.i++
			case '"':
				p.i++
				return p.s[start : p.i-1], true
			}
		}
		return "", false // unterminated
	}
	// An unquoted value is read up to the next delimiter, a little more
	// leniently than RFC 8288's token: servers write type=text/html unquoted.
	start := p.i
	for p.i < len(p.s) && !strings.ContainsRune(" \t;,\"", rune(p.s[p.i])) {
		p.i++
	}
	return p.s[start:p.i], p.i > start
}

// relNamesNext reports whether a rel value (a space-separated list of
// relation types, compared without regard to case) holds "next". raw may
// hold quoted-pair escapes; an escaped letter stands for itself.
func relNamesNext(raw string) bool {
	if strings.IndexByte(raw, '\\') >= 0 {
		raw = unescapeQuoted(raw)
	}
	for f := range strings.FieldsSeq(raw) {
		if strings.EqualFold(f, "next") {
			return true
		}
	}
	return false
}

// unescapeQuoted undoes the quoted-pair escapes of a quoted-string's contents.
func unescapeQuoted(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func isTokenChar(c byte) bool {
	return c > ' ' && c < 0x7f && !strings.ContainsRune(`()<>@,;:\"/[]?={}`, rune(c))
}
