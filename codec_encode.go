package okta

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"sort"
	"strconv"
	"time"
	"unicode/utf8"
)

func marshal(v any) ([]byte, error) {
	rv := reflect.ValueOf(v)
	if !rv.IsValid() {
		return []byte("null"), nil
	}
	return appendValue(nil, rv)
}

// marshalModel encodes a model by its field table; MarshalJSON methods call it.
func marshalModel(v any) ([]byte, error) {
	rv := reflect.ValueOf(v).Elem()
	return appendObject(nil, rv, planFor(rv.Type()))
}

func appendValue(b []byte, v reflect.Value) ([]byte, error) {
	t := v.Type()
	switch {
	case t == timeType:
		tm := v.Interface().(time.Time)
		if tm.IsZero() {
			return append(b, "null"...), nil
		}
		return appendString(b, tm.UTC().Format(oktaTimeLayout)), nil
	case t == numberType:
		n := v.String()
		if n == "" {
			n = "0"
		}
		return append(b, n...), nil
	case t == rawMsgType:
		if v.Len() == 0 {
			return append(b, "null"...), nil
		}
		return append(b, v.Bytes()...), nil
	case t == linksType:
		raw := v.Interface().(Links).raw
		if len(raw) == 0 {
			return append(b, "null"...), nil
		}
		return append(b, raw...), nil
	}
	switch t.Kind() {
	case reflect.String:
		return appendString(b, v.String()), nil
	case reflect.Bool:
		return strconv.AppendBool(b, v.Bool()), nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return strconv.AppendInt(b, v.Int(), 10), nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return strconv.AppendUint(b, v.Uint(), 10), nil
	case reflect.Float32, reflect.Float64:
		f := v.Float()
		if math.IsInf(f, 0) || math.IsNaN(f) {
			return nil, fmt.Errorf("okta: cannot encode %v as JSON", f)
		}
		return strconv.AppendFloat(b, f, 'g', -1, t.Bits()), nil
	case reflect.Pointer:
		if v.IsNil() {
			return append(b, "null"...), nil
		}
		return appendValue(b, v.Elem())
	case reflect.Struct:
		if isModel(t) {
			return appendObject(b, v, planFor(t))
		}
		return appendMarshaled(b, v)
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Uint8 {
			return appendString(b, base64.StdEncoding.EncodeToString(v.Bytes())), nil
		}
		b = append(b, '[')
		for i := 0; i < v.Len(); i++ {
			if i > 0 {
				b = append(b, ',')
			}
			var err error
			if b, err = appendValue(b, v.Index(i)); err != nil {
				return nil, err
			}
		}
		return append(b, ']'), nil
	case reflect.Map:
		if v.IsNil() {
			return append(b, "null"...), nil
		}
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
		b = append(b, '{')
		for i, k := range keys {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendString(b, k.String())
			b = append(b, ':')
			var err error
			if b, err = appendValue(b, v.MapIndex(k)); err != nil {
				return nil, err
			}
		}
		return append(b, '}'), nil
	case reflect.Interface:
		if v.IsNil() {
			return append(b, "null"...), nil
		}
		return appendValue(b, v.Elem())
	}
	return appendMarshaled(b, v)
}

// appendMarshaled encodes a value the codec has no table for with encoding/json
// (a caller's own type placed in a profile map, say).
func appendMarshaled(b []byte, v reflect.Value) ([]byte, error) {
	data, err := json.Marshal(v.Interface())
	if err != nil {
		return nil, err
	}
	return append(b, data...), nil
}

func appendObject(b []byte, v reflect.Value, p *structPlan) ([]byte, error) {
	w := &wire{}
	if p.wire >= 0 {
		if !v.CanAddr() {
			c := reflect.New(v.Type()).Elem()
			c.Set(v)
			v = c
		}
		w = v.Addr().Interface().(wireHolder).state()
	}
	b = append(b, '{')
	first := true
	sep := func() {
		if !first {
			b = append(b, ',')
		}
		first = false
	}
	for i := range p.fields {
		f := &p.fields[i]
		fv := v.Field(f.index)
		bit := uint64(1) << i
		present := w.present&bit != 0
		zero := fv.IsZero()
		if !present && zero {
			continue
		}
		name := f.name
		raw := w.keptFor(i)
		sep()
		b = appendString(b, name)
		b = append(b, ':')
		switch {
		case present && raw != nil && f.kind == kindTime && !zero && sameTime(raw, fv):
			b = append(b, raw...)
		case present && raw != nil && zero && (f.kind != kindTime || !isTimeText(raw)):
			b = append(b, raw...) // a value of another type, kept as it came
		case present && w.nulls&bit != 0 && zero:
			b = append(b, "null"...)
		default:
			var err error
			if b, err = appendValue(b, fv); err != nil {
				return nil, err
			}
		}
	}
	for _, m := range w.kept {
		if m.field >= 0 || p.index(m.name) >= 0 {
			continue
		}
		sep()
		b = appendString(b, m.name)
		b = append(b, ':')
		b = append(b, m.raw...)
	}
	return append(b, '}'), nil
}

const hexDigits = "0123456789abcdef"

// appendString writes s as a JSON string. Invalid UTF-8 becomes U+FFFD, as with
// encoding/json; HTML characters are not escaped.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, "\uFFFD"...) // the character itself, as decoding "\ufffd" gives: re-encoding is stable
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// marshalAny encodes a caller's value for SetExtra: through the codec for
// models and plain values, through encoding/json for types with their own
// MarshalJSON.
func marshalAny(value any) ([]byte, error) {
	if value == nil {
		return []byte("null"), nil
	}
	rv := reflect.ValueOf(value)
	if rv.Type().Implements(marshalerTy) && !isModel(rv.Type()) {
		return json.Marshal(value)
	}
	return appendValue(nil, rv)
}
