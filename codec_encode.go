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

// encoder writes JSON for the codec. Its one setting says whose encoding it
// is: the SDK's own requests reveal Secret values; every other encoding of a
// model (json.Marshal, fmt through Format, slog) redacts them.
type encoder struct {
	reveal bool // write Secret values as they are; otherwise as redactedText
}

// marshal encodes a request body: the SDK's own wire encoding, which writes
// Secret values in full.
func marshal(v any) ([]byte, error) {
	rv := reflect.ValueOf(v)
	if !rv.IsValid() {
		return []byte("null"), nil
	}
	return encoder{reveal: true}.value(nil, rv)
}

// marshalModel encodes a model for its MarshalJSON method, that is for
// json.Marshal and everything built on it (slog's JSONHandler among them):
// losslessly, except that Secret values are redacted.
func marshalModel(v any) ([]byte, error) {
	rv := reflect.ValueOf(v).Elem()
	return encoder{}.object(nil, rv, planFor(rv.Type()))
}

// marshalAny encodes a caller's value for SetExtra, which is sent as it is:
// through the codec for models, Secrets and plain values, through
// encoding/json for types with their own MarshalJSON.
func marshalAny(value any) ([]byte, error) {
	if value == nil {
		return []byte("null"), nil
	}
	rv := reflect.ValueOf(value)
	if t := rv.Type(); t.Implements(marshalerTy) && !isModel(t) && t != secretType {
		return json.Marshal(value)
	}
	return encoder{reveal: true}.value(nil, rv)
}

// value appends the JSON encoding of v.
func (e encoder) value(b []byte, v reflect.Value) ([]byte, error) {
	if e.reveal && v.Type() == secretType && revealValue(v) == redactedText {
		return nil, errRedactedSecret
	}
	if b, done := e.special(b, v); done {
		return b, nil
	}
	t := v.Type()
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
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return append(b, "null"...), nil
		}
		return e.value(b, v.Elem())
	case reflect.Struct:
		if isModel(t) {
			return e.object(b, v, planFor(t))
		}
		return appendMarshaled(b, v)
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Uint8 {
			return appendString(b, base64.StdEncoding.EncodeToString(v.Bytes())), nil
		}
		return e.array(b, v)
	case reflect.Map:
		return e.mapValue(b, v)
	}
	return appendMarshaled(b, v)
}

// special appends the types the codec treats other than by their kind, and
// reports whether v was one.
func (e encoder) special(b []byte, v reflect.Value) ([]byte, bool) {
	switch v.Type() {
	case timeType:
		tm := v.Interface().(time.Time)
		if tm.IsZero() {
			return append(b, "null"...), true
		}
		return appendString(b, tm.UTC().Format(oktaTimeLayout)), true
	case numberType:
		n := v.String()
		if n == "" {
			n = "0"
		}
		return append(b, n...), true
	case rawMsgType:
		if v.Len() == 0 {
			return append(b, "null"...), true
		}
		return append(b, v.Bytes()...), true
	case linksType:
		raw := v.Interface().(Links).raw
		if len(raw) == 0 {
			return append(b, "null"...), true
		}
		return append(b, raw...), true
	case secretType:
		if s := revealValue(v); e.reveal || s == "" {
			return appendString(b, s), true
		}
		return append(b, redactedJSON...), true
	}
	return b, false
}

// array appends a JSON array of v's elements.
func (e encoder) array(b []byte, v reflect.Value) ([]byte, error) {
	b = append(b, '[')
	for i := 0; i < v.Len(); i++ {
		if i > 0 {
			b = append(b, ',')
		}
		var err error
		if b, err = e.value(b, v.Index(i)); err != nil {
			return nil, err
		}
	}
	return append(b, ']'), nil
}

// mapValue appends a JSON object of v's entries, in key order.
func (e encoder) mapValue(b []byte, v reflect.Value) ([]byte, error) {
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
		if b, err = e.value(b, v.MapIndex(k)); err != nil {
			return nil, err
		}
	}
	return append(b, '}'), nil
}

// appendMarshaled encodes a value the codec has no table for with encoding/json
// (a caller's own type placed in a profile map, say). A Secret inside such a
// value is redacted by its own MarshalJSON, even in a request.
func appendMarshaled(b []byte, v reflect.Value) ([]byte, error) {
	data, err := json.Marshal(v.Interface())
	if err != nil {
		return nil, err
	}
	return append(b, data...), nil
}

// object appends a model (or a struct without wire) by its plan: the
// declared fields as the table below decides, then the extraMembers.
//
// What is written for declared field i (see wire and keptRole):
//
//	present  kept text    field              writes
//	no       none         zero               nothing: absent, and still unset
//	no       none         set                the field: the caller set it
//	yes      strayValue   zero               the stray text, as it came
//	yes      strayValue   set                the field: the caller replaced the value
//	yes      sourceText   as the text says   the text (a time in its own layout, a list with nulls)
//	yes      sourceText   changed or zero    the field
//	yes      none         zero, null bit     null
//	yes      none         otherwise          the field: explicit false, 0 and "" stay
//
// "As the text says" is the same instant for a time, and for anything else
// a value deeply equal to what the text decodes to. A Secret field is then
// redacted (see Secret) unless the encoder reveals, or what is written is ""
// or null.
func (e encoder) object(b []byte, v reflect.Value, p *structPlan) ([]byte, error) {
	v, w := modelState(v, p)
	mask := w.textMask()
	b = append(b, '{')
	n := 0
	for i := range p.fields {
		f := &p.fields[i]
		fv := v.Field(f.index)
		zero := fv.IsZero()
		if zero && w.present&(1<<i) == 0 {
			continue
		}
		b = appendName(b, f.name, &n)
		var err error
		if b, err = e.field(b, w, i, f, fv, zero, mask); err != nil {
			return nil, err
		}
	}
	for k := range w.kept {
		m := &w.kept[k]
		if m.role != extraMember || p.index(m.name()) >= 0 {
			continue // SetExtra does not override a declared field
		}
		b = appendName(b, m.name(), &n)
		b = append(b, m.raw()...)
	}
	return append(b, '}'), nil
}

// field appends the value of declared field i, present or set, as the table
// above object decides.
func (e encoder) field(b []byte, w *wire, i int, f *fieldPlan, fv reflect.Value, zero bool, mask uint64) ([]byte, error) {
	if mask&(1<<i) != 0 {
		text, role, _ := w.textFor(i)
		if (role == strayValue && zero) || (role == sourceText && !zero && sameValue(text, fv, f.kind)) {
			if f.kind == kindSecret && !e.reveal && text != "null" && text != `""` {
				return append(b, redactedJSON...), nil
			}
			return append(b, text...), nil
		}
	}
	if zero && w.nulls&(1<<i) != 0 {
		return append(b, "null"...), nil
	}
	return e.value(b, fv)
}

// revealValue returns the text of v, a Secret, read through reflection so
// that a Secret reached through an unexported field can be sent too.
func revealValue(v reflect.Value) string { return maskString(v.Field(0).String()) }

// modelState returns v, addressable, and its wire: the zero wire for a
// struct without one.
func modelState(v reflect.Value, p *structPlan) (reflect.Value, *wire) {
	if p.wire < 0 {
		return v, &wire{}
	}
	if !v.CanAddr() {
		c := reflect.New(v.Type()).Elem()
		c.Set(v)
		v = c
	}
	return v, v.Addr().Interface().(wireHolder).state()
}

// appendName appends a member's name and colon, after a comma unless it is
// the first (*n counts the members written).
func appendName(b []byte, name string, n *int) []byte {
	if *n > 0 {
		b = append(b, ',')
	}
	*n++
	b = appendString(b, name)
	return append(b, ':')
}

// sameValue reports whether text, a kept sourceText, still says what field v
// holds: the same instant for a time, a deeply equal value otherwise.
func sameValue(text string, v reflect.Value, kind fieldKind) bool {
	if kind == kindTime {
		return sameTime([]byte(text), v)
	}
	d := decoder{data: []byte(text)}
	nv := reflect.New(v.Type()).Elem()
	return d.value(nv) == nil && reflect.DeepEqual(nv.Interface(), v.Interface())
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
