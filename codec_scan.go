package okta

import (
	"unicode/utf16"
	"unicode/utf8"
)

// skipSpace moves pos past JSON whitespace.
func (d *decoder) skipSpace() {
	for d.pos < len(d.data) {
		switch d.data[d.pos] {
		case ' ', '\t', '\n', '\r':
			d.pos++
		default:
			return
		}
	}
}

// peek skips whitespace and returns the byte at pos, or 0 at the end.
func (d *decoder) peek() byte {
	d.skipSpace()
	if d.pos >= len(d.data) {
		return 0
	}
	return d.data[d.pos]
}

// members walks the object at pos: for each member it calls fn with the name
// as written (between the quotes, escapes left in) and pos at the value, which
// fn must consume.
func (d *decoder) members(fn func(name []byte, nameStart int) error) error {
	if err := d.push(); err != nil {
		return err
	}
	defer d.pop()
	d.pos++ // '{'
	if d.peek() == '}' {
		d.pos++
		return nil
	}
	for {
		if d.peek() != '"' {
			return d.syntax("expected a member name")
		}
		nameStart := d.pos
		name, err := d.rawString()
		if err != nil {
			return err
		}
		if d.peek() != ':' {
			return d.syntax("expected ':' after a member name")
		}
		d.pos++
		if err := fn(name, nameStart); err != nil {
			return err
		}
		switch d.peek() {
		case ',':
			d.pos++
		case '}':
			d.pos++
			return nil
		default:
			return d.syntax("expected ',' or '}' in an object")
		}
	}
}

// elements walks the array at pos, calling fn with pos at each element, which
// fn must consume.
func (d *decoder) elements(fn func(i int) error) error {
	if err := d.push(); err != nil {
		return err
	}
	defer d.pop()
	d.pos++ // '['
	if d.peek() == ']' {
		d.pos++
		return nil
	}
	for i := 0; ; i++ {
		if err := fn(i); err != nil {
			return err
		}
		switch d.peek() {
		case ',':
			d.pos++
		case ']':
			d.pos++
			return nil
		default:
			return d.syntax("expected ',' or ']' in an array")
		}
	}
}

// hasEscape reports whether b, a string's bytes as written, has a backslash.
func hasEscape(b []byte) bool {
	for _, c := range b {
		if c == '\\' {
			return true
		}
	}
	return false
}

// literal moves pos past lit (true, false or null), or reports a syntax error.
func (d *decoder) literal(lit string) error {
	if len(d.data)-d.pos < len(lit) || string(d.data[d.pos:d.pos+len(lit)]) != lit {
		return d.syntax("invalid literal")
	}
	d.pos += len(lit)
	return nil
}

// number scans a JSON number and returns its text.
func (d *decoder) number() (string, error) {
	start := d.pos
	i := d.pos
	data := d.data
	if i < len(data) && data[i] == '-' {
		i++
	}
	switch {
	case i < len(data) && data[i] == '0':
		i++
	case i < len(data) && data[i] >= '1' && data[i] <= '9':
		for i < len(data) && data[i] >= '0' && data[i] <= '9' {
			i++
		}
	default:
		d.pos = i
		return "", d.syntax("invalid number")
	}
	if i < len(data) && data[i] == '.' {
		i++
		if i >= len(data) || data[i] < '0' || data[i] > '9' {
			d.pos = i
			return "", d.syntax("invalid number")
		}
		for i < len(data) && data[i] >= '0' && data[i] <= '9' {
			i++
		}
	}
	if i < len(data) && (data[i] == 'e' || data[i] == 'E') {
		i++
		if i < len(data) && (data[i] == '+' || data[i] == '-') {
			i++
		}
		if i >= len(data) || data[i] < '0' || data[i] > '9' {
			d.pos = i
			return "", d.syntax("invalid number")
		}
		for i < len(data) && data[i] >= '0' && data[i] <= '9' {
			i++
		}
	}
	d.pos = i
	if err := d.charge(i-start+chargeString, numberType); err != nil {
		return "", err
	}
	return string(data[start:i]), nil
}

// rawString scans a string and returns its bytes between the quotes, escapes
// left as written.
func (d *decoder) rawString() ([]byte, error) {
	d.pos++ // opening quote
	start := d.pos
	for i := d.pos; i < len(d.data); i++ {
		switch c := d.data[i]; {
		case c == '"':
			d.pos = i + 1
			return d.data[start:i], nil
		case c == '\\':
			// Check the escape here: a kept member's text is sent back
			// verbatim, so "\0" must not pass as JSON.
			if !validEscape(d.data[i+1:]) {
				d.pos = i
				return nil, d.syntax("invalid escape in a string")
			}
			i++
		case c < 0x20:
			d.pos = i
			return nil, d.syntax("control character in a string")
		}
	}
	d.pos = len(d.data)
	return nil, d.syntax("unterminated string")
}

// validEscape reports whether b, the bytes after a backslash in a string,
// start with a valid JSON escape.
func validEscape(b []byte) bool {
	if len(b) == 0 {
		return false
	}
	switch b[0] {
	case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
		return true
	case 'u':
		_, ok := hex4(b[1:])
		return ok
	}
	return false
}

// stringValue decodes a string; c is the value's first byte.
func (d *decoder) stringValue(c byte) (string, error) {
	if c != '"' {
		return "", errMismatch
	}
	start := d.pos
	raw, err := d.rawString()
	if err != nil {
		return "", err
	}
	if err := d.charge(2*len(raw)+chargeString, stringType); err != nil {
		return "", err
	}
	if !hasEscape(raw) {
		if len(raw) <= internMax {
			return d.intern(raw), nil
		}
		return string(raw), nil
	}
	s, ok := unquote(raw)
	if !ok {
		d.pos = start
		return "", d.syntax("invalid escape in a string")
	}
	return s, nil
}

// unquote decodes the escapes of raw, a string's bytes between its quotes.
// A lone or invalid surrogate becomes U+FFFD, as with encoding/json.
func unquote(raw []byte) (string, bool) {
	b := make([]byte, 0, len(raw))
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		if c != '\\' {
			b = append(b, c)
			continue
		}
		i++
		if i >= len(raw) {
			return "", false
		}
		switch raw[i] {
		case '"', '\\', '/':
			b = append(b, raw[i])
		case 'b':
			b = append(b, '\b')
		case 'f':
			b = append(b, '\f')
		case 'n':
			b = append(b, '\n')
		case 'r':
			b = append(b, '\r')
		case 't':
			b = append(b, '\t')
		case 'u':
			r, ok := hex4(raw[i+1:])
			if !ok {
				return "", false
			}
			i += 4
			if utf16.IsSurrogate(r) {
				if i+6 < len(raw)+0 && raw[i+1] == '\\' && raw[i+2] == 'u' {
					if r2, ok := hex4(raw[i+3:]); ok {
						if dec := utf16.DecodeRune(r, r2); dec != utf8.RuneError {
							i += 6
							b = utf8.AppendRune(b, dec)
							continue
						}
					}
				}
				r = utf8.RuneError
			}
			b = utf8.AppendRune(b, r)
		default:
			return "", false
		}
	}
	return string(b), true
}

// hex4 decodes the four hexadecimal digits that b starts with.
func hex4(b []byte) (rune, bool) {
	if len(b) < 4 {
		return 0, false
	}
	var r rune
	for _, c := range b[:4] {
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			c = c - 'A' + 10
		default:
			return 0, false
		}
		r = r*16 + rune(c)
	}
	return r, true
}

// skip scans past the next value, checking its syntax, and returns its bytes.
func (d *decoder) skip() ([]byte, error) {
	c := d.peek()
	start := d.pos
	var err error
	switch c {
	case '{':
		err = d.members(func([]byte, int) error { _, err := d.skip(); return err })
	case '[':
		err = d.elements(func(int) error { _, err := d.skip(); return err })
	case '"':
		_, err = d.rawString()
	case 't':
		err = d.literal("true")
	case 'f':
		err = d.literal("false")
	case 'n':
		err = d.literal("null")
	case 0:
		err = d.syntax("unexpected end of input")
	default:
		_, err = d.number()
	}
	if err != nil {
		return nil, err
	}
	return d.data[start:d.pos], nil
}
