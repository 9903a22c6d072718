package main

import (
	"strconv"
	"unicode/utf8"
)

// obj is a JSON object whose members are written in the order given, the
// way Okta orders them on the wire. encoding/json would sort map keys.
type obj []member

// member is one name/value pair of an obj.
type member struct {
	name  string
	value any
}

// m builds a member; it keeps the literal tables in gen.go short.
func m(name string, value any) member { return member{name, value} }

// null is the JSON null literal.
var null = struct{}{}

// appendJSON appends the JSON encoding of v. It knows the handful of types
// the generator uses and panics on anything else, which would be a bug in
// the generator, not bad input.
func appendJSON(b []byte, v any) []byte {
	switch v := v.(type) {
	case obj:
		b = append(b, '{')
		for i, mem := range v {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendString(b, mem.name)
			b = append(b, ':')
			b = appendJSON(b, mem.value)
		}
		return append(b, '}')
	case []any:
		return appendArray(b, v, appendJSON)
	case []string:
		return appendArray(b, v, appendString)
	case string:
		return appendString(b, v)
	case bool:
		return strconv.AppendBool(b, v)
	case int:
		return strconv.AppendInt(b, int64(v), 10)
	case struct{}:
		return append(b, "null"...)
	default:
		panic("appendJSON: unsupported type")
	}
}

// appendArray appends the JSON array of v, each element written by each.
func appendArray[T any](b []byte, v []T, each func([]byte, T) []byte) []byte {
	b = append(b, '[')
	for i, e := range v {
		if i > 0 {
			b = append(b, ',')
		}
		b = each(b, e)
	}
	return append(b, ']')
}

// appendString appends s as a JSON string, escaping what JSON requires.
func appendString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == '"' || c == '\\':
			b = append(b, '\\', c)
			i++
		case c < 0x20:
			b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			i++
		case c < utf8.RuneSelf:
			b = append(b, c)
			i++
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 {
				b = append(b, `\ufffd`...)
			} else {
				b = append(b, s[i:i+size]...)
			}
			i += size
		}
	}
	return append(b, '"')
}
