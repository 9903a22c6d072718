package okta

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

type decoder struct {
	data  []byte
	pos   int
	depth int                  // objects and arrays open at pos
	names *[internSlots]string // strings seen in this document, so repeats share one allocation
}

// newDecoder returns a decoder for data with a table of shared strings, which
// release hands back.
func newDecoder(data []byte) decoder {
	return decoder{data: data, names: internTables.Get().(*[internSlots]string)}
}

func (d *decoder) release() {
	if d.names != nil {
		internTables.Put(d.names)
		d.names = nil
	}
}

// maxDepth bounds how deeply objects and arrays may nest. The decoder recurses
// once per level; without a bound, a body of a few MiB of "[" exhausts the
// goroutine's stack, which is a fatal error that no recover can catch.
const maxDepth = 10000

// push enters an object or array.
func (d *decoder) push() error {
	if d.depth >= maxDepth {
		return d.syntax("objects and arrays nested more than 10000 deep")
	}
	d.depth++
	return nil
}

func (d *decoder) pop() { d.depth-- }

func unmarshal(data []byte, v any) error {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return fmt.Errorf("okta: decode target must be a non-nil pointer, not %T", v)
	}
	d := newDecoder(data)
	defer d.release()
	d.skipSpace()
	start := d.pos
	err := d.value(rv.Elem())
	if errors.Is(err, errMismatch) {
		d.pos = start
		return d.mismatch(rv.Elem().Type().String())
	}
	if err != nil {
		return err
	}
	d.skipSpace()
	if d.pos != len(d.data) {
		return d.syntax("unexpected data after the top-level value")
	}
	return nil
}

func (d *decoder) syntax(msg string) error { return &SyntaxError{Offset: d.pos, msg: msg} }

// mismatch reports that the top-level value at d.pos has the wrong shape for
// want: a *TypeError if the input is well-formed JSON, and a *SyntaxError if it
// is not JSON at all (an HTML page is not "a JSON number").
func (d *decoder) mismatch(want string) error {
	got := d.kindName()
	if _, err := d.skip(); err != nil {
		return err
	}
	d.skipSpace()
	if d.pos != len(d.data) {
		return d.syntax("unexpected data after the top-level value")
	}
	return &TypeError{Want: want, Got: got}
}

func (d *decoder) kindName() string {
	if d.pos >= len(d.data) {
		return "end of input"
	}
	switch d.data[d.pos] {
	case '{':
		return "object"
	case '[':
		return "array"
	case '"':
		return "string"
	case 't', 'f':
		return "boolean"
	case 'n':
		return "null"
	default:
		return "number"
	}
}

// value decodes the next JSON value into v.
func (d *decoder) value(v reflect.Value) error {
	c := d.peek()
	if c == 0 {
		return d.syntax("unexpected end of input")
	}
	if c == 'n' {
		if err := d.literal("null"); err != nil {
			return err
		}
		v.SetZero()
		return nil
	}
	t := v.Type()
	switch {
	case t == timeType:
		if c == '"' && len(d.data)-d.pos >= 26 && d.data[d.pos+25] == '"' {
			if tm, ok := parseOktaTime(d.data[d.pos+1 : d.pos+25]); ok {
				d.pos += 26
				*v.Addr().Interface().(*time.Time) = tm
				return nil
			}
		}
		s, err := d.stringValue(c)
		if err != nil {
			return err
		}
		tm, perr := time.Parse(time.RFC3339Nano, s)
		if perr != nil {
			return errMismatch
		}
		v.Set(reflect.ValueOf(tm))
		return nil
	case t == numberType:
		if c == '"' || c == '{' || c == '[' || c == 't' || c == 'f' {
			return errMismatch
		}
		n, err := d.number()
		if err != nil {
			return err
		}
		v.SetString(n)
		return nil
	case t == rawMsgType:
		raw, err := d.skip()
		if err != nil {
			return err
		}
		v.SetBytes(slices.Clone(raw))
		return nil
	case t == linksType:
		if c != '{' {
			return errMismatch
		}
		raw, err := d.skip()
		if err != nil {
			return err
		}
		if v.CanAddr() {
			v.Addr().Interface().(*Links).raw = slices.Clone(raw)
		} else {
			v.Set(reflect.ValueOf(Links{raw: slices.Clone(raw)}))
		}
		return nil
	}
	switch t.Kind() {
	case reflect.String:
		s, err := d.stringValue(c)
		if err != nil {
			return err
		}
		v.SetString(s)
	case reflect.Bool:
		switch c {
		case 't':
			if err := d.literal("true"); err != nil {
				return err
			}
			v.SetBool(true)
		case 'f':
			if err := d.literal("false"); err != nil {
				return err
			}
			v.SetBool(false)
		default:
			return errMismatch
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if !isNumberStart(c) {
			return errMismatch
		}
		n, err := d.number()
		if err != nil {
			return err
		}
		i, perr := strconv.ParseInt(n, 10, t.Bits())
		if perr != nil {
			return errMismatch
		}
		v.SetInt(i)
	case reflect.Float32, reflect.Float64:
		if !isNumberStart(c) {
			return errMismatch
		}
		n, err := d.number()
		if err != nil {
			return err
		}
		f, perr := strconv.ParseFloat(n, t.Bits())
		if perr != nil {
			return errMismatch
		}
		v.SetFloat(f)
	case reflect.Pointer:
		elem := reflect.New(t.Elem())
		if err := d.value(elem.Elem()); err != nil {
			return err
		}
		v.Set(elem)
	case reflect.Struct:
		if c != '{' {
			return errMismatch
		}
		return d.object(v, planFor(t))
	case reflect.Slice:
		if c != '[' {
			return errMismatch
		}
		return d.array(v)
	case reflect.Map:
		if c != '{' {
			return errMismatch
		}
		if t.Key().Kind() != reflect.String {
			return fmt.Errorf("okta: codec: unsupported map key type %s", t.Key())
		}
		return d.mapValue(v)
	case reflect.Interface:
		if t != anyType {
			return fmt.Errorf("okta: codec: unsupported interface type %s", t)
		}
		x, err := d.anyValue()
		if err != nil {
			return err
		}
		if x != nil {
			v.Set(reflect.ValueOf(x))
		} else {
			v.SetZero()
		}
	default:
		return fmt.Errorf("okta: codec: unsupported type %s", t)
	}
	return nil
}

func isNumberStart(c byte) bool { return c == '-' || (c >= '0' && c <= '9') }

// memberName decodes a member name that members handed over as written.
// Invalid UTF-8 becomes U+FFFD here, as it would on encoding, so that two
// names differing only in invalid bytes are one member from the start and a
// second round trip cannot merge them.
func (d *decoder) memberName(raw []byte, nameStart int) string {
	if !hasEscape(raw) && utf8.Valid(raw) {
		return d.intern(raw)
	}
	d2 := decoder{data: d.data, pos: nameStart, names: d.names}
	name, _ := d2.stringValue('"') // rawString already checked it
	return replaceInvalidUTF8(name)
}

// replaceInvalidUTF8 replaces each byte that is not part of valid UTF-8 with
// U+FFFD, as appendString (and encoding/json) do.
func replaceInvalidUTF8(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b.WriteString("\uFFFD")
		} else {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// object decodes a JSON object into a model (or any struct) by its field table.
func (d *decoder) object(v reflect.Value, p *structPlan) error {
	v.SetZero()
	var w *wire
	if p.wire >= 0 {
		w = v.Addr().Interface().(wireHolder).state()
	}
	return d.members(func(key []byte, nameStart int) error {
		fi, known := p.byName[string(key)] // no allocation for the lookup
		if !known && hasEscape(key) {
			key = []byte(d.memberName(key, nameStart))
			fi, known = p.byName[string(key)]
		}
		if !known {
			name := d.memberName(key, nameStart)
			raw, err := d.skip()
			if err == nil && w != nil {
				w.keep(name, -1, raw)
			}
			return err
		}
		f := &p.fields[fi]
		fv := v.Field(f.index)
		valStart := d.pos
		d.skipSpace()
		isNull := d.pos < len(d.data) && d.data[d.pos] == 'n'
		err := d.value(fv)
		switch {
		case errors.Is(err, errMismatch):
			d.pos = valStart
			raw, serr := d.skip()
			if serr != nil {
				return serr
			}
			fv.SetZero()
			if w != nil {
				w.keep(f.name, fi, raw)
			}
		case err != nil:
			return err
		case w != nil && f.kind == kindTime && !isNull && !reencodes(fv, d.data[valStart:d.pos]):
			w.keep(f.name, fi, d.data[valStart:d.pos])
		}
		if w != nil {
			w.present |= 1 << fi
			if isNull {
				w.nulls |= 1 << fi
			} else {
				w.nulls &^= 1 << fi
			}
		}
		return nil
	})
}

func (d *decoder) array(v reflect.Value) error {
	n := 0
	if d.depth == 0 && v.Type().Elem().Size() >= presizeMin {
		n = countObjects(d.data[d.pos:])
		if n > maxPageItems {
			return &TypeError{Want: fmt.Sprintf("%s of at most %d items", v.Type(), maxPageItems), Got: fmt.Sprintf("array of %d objects", n)}
		}
	}
	v.Set(reflect.MakeSlice(v.Type(), 0, n))
	return d.elements(func(i int) error {
		if i == v.Cap() {
			v.Grow(1) // amortized doubling, in place
		}
		v.SetLen(i + 1)
		return d.value(v.Index(i))
	})
}

func (d *decoder) mapValue(v reflect.Value) error {
	t := v.Type()
	m := reflect.MakeMap(t)
	v.Set(m)
	elem := reflect.New(t.Elem()).Elem()
	return d.members(func(raw []byte, nameStart int) error {
		key := d.memberName(raw, nameStart)
		elem.SetZero()
		if err := d.value(elem); err != nil {
			return err
		}
		m.SetMapIndex(reflect.ValueOf(key).Convert(t.Key()), elem)
		return nil
	})
}

// anyValue decodes an untyped value: map[string]any, []any, string,
// json.Number, bool or nil.
func (d *decoder) anyValue() (any, error) {
	switch c := d.peek(); c {
	case '{':
		m := map[string]any{}
		err := d.members(func(raw []byte, nameStart int) error {
			key := d.memberName(raw, nameStart)
			x, err := d.anyValue()
			m[key] = x
			return err
		})
		return m, err
	case '[':
		a := []any{}
		err := d.elements(func(int) error {
			x, err := d.anyValue()
			a = append(a, x)
			return err
		})
		return a, err
	case '"':
		return d.stringValue(c)
	case 't':
		return true, d.literal("true")
	case 'f':
		return false, d.literal("false")
	case 'n':
		return nil, d.literal("null")
	case 0:
		return nil, d.syntax("unexpected end of input")
	default:
		n, err := d.number()
		if err != nil {
			return nil, err
		}
		return json.Number(n), nil
	}
}

// unmarshalModel decodes into a model; UnmarshalJSON methods call it.
func unmarshalModel(data []byte, v any) error {
	rv := reflect.ValueOf(v).Elem()
	d := newDecoder(data)
	defer d.release()
	if d.peek() == 'n' {
		return d.literal("null") // like encoding/json: null leaves the model as is
	}
	if d.peek() != '{' {
		return d.mismatch(rv.Type().String())
	}
	if err := d.object(rv, planFor(rv.Type())); err != nil {
		return err
	}
	d.skipSpace()
	if d.pos != len(d.data) {
		return d.syntax("unexpected data after the top-level value")
	}
	return nil
}
