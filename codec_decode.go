package okta

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"time"
)

// decoder is one pass over a JSON document. The lexer (codec_scan.go) moves
// pos over the bytes; the methods here and in codec_decode_object.go give the
// values their Go types.
//
// Invariants: pos never exceeds len(data); depth counts the objects and
// arrays open at pos and never exceeds maxDepth; a decoder whose limit is 0
// (one made for a fragment the codec already checked, as Links does) charges
// nothing, and one from newDecoder never allocates more than its budget (see
// codec_budget.go).
type decoder struct {
	data     []byte
	pos      int
	depth    int                  // objects and arrays open at pos
	names    *[internSlots]string // strings seen in this document, so repeats share one allocation
	budget   int64                // bytes the decode may still allocate, when limited
	limited  bool                 // whether charges count against budget
	lostNull bool                 // a null landed in a value that cannot say null (see object)
}

// newDecoder returns a decoder for data with a table of shared strings, which
// release hands back, and a memory budget in proportion to data.
func newDecoder(data []byte) decoder {
	return decoder{data: data, names: internTables.Get().(*[internSlots]string), budget: newBudget(len(data)), limited: true}
}

// release hands the decoder's table of shared strings back to the pool.
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

// pop leaves an object or array.
func (d *decoder) pop() { d.depth-- }

// unmarshal decodes a whole document into v, a non-nil pointer: how the SDK
// reads every response body.
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
	return d.end()
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
	return d.end()
}

// end checks that nothing but whitespace follows the top-level value.
func (d *decoder) end() error {
	d.skipSpace()
	if d.pos != len(d.data) {
		return d.syntax("unexpected data after the top-level value")
	}
	return nil
}

// syntax returns a *SyntaxError at pos.
func (d *decoder) syntax(msg string) error { return &SyntaxError{Offset: d.pos, msg: msg} }

// mismatch reports that the top-level value at d.pos has the wrong shape for
// want: a *TypeError if the input is well-formed JSON, and a *SyntaxError if it
// is not JSON at all (an HTML page is not "a JSON number").
func (d *decoder) mismatch(want string) error {
	got := d.kindName()
	if _, err := d.skip(); err != nil {
		return err
	}
	if err := d.end(); err != nil {
		return err
	}
	return &TypeError{Want: want, Got: got}
}

// kindName names the kind of JSON value at pos, for a *TypeError.
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

// value decodes the next JSON value into v. A value of another shape than v's
// type is errMismatch, with pos somewhere inside it: the caller rewinds and
// skips it. A null sets v to its zero value, and sets lostNull when that zero
// would not encode as null.
func (d *decoder) value(v reflect.Value) error {
	c := d.peek()
	if c == 0 {
		return d.syntax("unexpected end of input")
	}
	t := v.Type()
	if c == 'n' {
		if err := d.literal("null"); err != nil {
			return err
		}
		v.SetZero()
		if !zeroEncodesNull(t) {
			d.lostNull = true
		}
		return nil
	}
	if done, err := d.special(v, t, c); done {
		return err
	}
	return d.byKind(v, t, c)
}

// zeroEncodesNull reports whether the zero value of t encodes as null, so
// that a null decoded into it comes back as null.
func zeroEncodesNull(t reflect.Type) bool {
	switch t {
	case timeType, rawMsgType, linksType:
		return true
	}
	switch t.Kind() {
	case reflect.Pointer, reflect.Interface, reflect.Map:
		return true
	case reflect.Slice:
		return t.Elem().Kind() != reflect.Uint8 // []byte encodes as a base64 string
	}
	return false
}

// special decodes the types the codec treats other than by their kind (times,
// json.Number, json.RawMessage, Links, Secret), and reports whether v was one.
func (d *decoder) special(v reflect.Value, t reflect.Type, c byte) (bool, error) {
	switch t {
	case timeType:
		return true, d.timeValue(v, c)
	case numberType:
		if c == '"' || c == '{' || c == '[' || c == 't' || c == 'f' {
			return true, errMismatch
		}
		n, err := d.number()
		v.SetString(n)
		return true, err
	case rawMsgType:
		raw, err := d.skip()
		if err == nil {
			err = d.charge(len(raw), rawMsgType)
		}
		if err == nil {
			v.SetBytes(append([]byte(nil), raw...))
		}
		return true, err
	case linksType:
		return true, d.linksValue(v, c)
	case secretType:
		text, err := d.stringValue(c)
		if err == nil {
			v.Set(reflect.ValueOf(NewSecret(text)))
		}
		return true, err
	}
	return false, nil
}

// timeValue decodes an RFC 3339 time, through parseOktaTime when it is in
// Okta's own layout.
func (d *decoder) timeValue(v reflect.Value, c byte) error {
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
}

// linksValue keeps a _links object as it came; Links decodes it when read.
func (d *decoder) linksValue(v reflect.Value, c byte) error {
	if c != '{' {
		return errMismatch
	}
	raw, err := d.skip()
	if err == nil {
		err = d.charge(len(raw), linksType)
	}
	if err != nil {
		return err
	}
	l := Links{raw: append([]byte(nil), raw...)}
	if v.CanAddr() {
		*v.Addr().Interface().(*Links) = l
	} else {
		v.Set(reflect.ValueOf(l))
	}
	return nil
}

// byKind decodes a value by the kind of its type t.
func (d *decoder) byKind(v reflect.Value, t reflect.Type, c byte) error {
	switch t.Kind() {
	case reflect.String:
		s, err := d.stringValue(c)
		v.SetString(s)
		return err
	case reflect.Bool:
		return d.boolValue(v, c)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Float32, reflect.Float64:
		return d.numberValue(v, c)
	case reflect.Pointer:
		if err := d.charge(int(t.Elem().Size()), t); err != nil {
			return err
		}
		elem := reflect.New(t.Elem())
		if err := d.value(elem.Elem()); err != nil {
			return err
		}
		v.Set(elem)
		return nil
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
		return d.mapValue(v)
	case reflect.Interface:
		return d.interfaceValue(v)
	}
	return fmt.Errorf("okta: codec: unsupported type %s", t)
}

// boolValue decodes true or false.
func (d *decoder) boolValue(v reflect.Value, c byte) error {
	switch c {
	case 't':
		v.SetBool(true)
		return d.literal("true")
	case 'f':
		v.SetBool(false)
		return d.literal("false")
	}
	return errMismatch
}

// numberValue decodes a number into an integer or float field; one out of
// the field's range is a mismatch, kept verbatim.
func (d *decoder) numberValue(v reflect.Value, c byte) error {
	if !isNumberStart(c) {
		return errMismatch
	}
	n, err := d.number()
	if err != nil {
		return err
	}
	t := v.Type()
	if t.Kind() == reflect.Float32 || t.Kind() == reflect.Float64 {
		f, perr := strconv.ParseFloat(n, t.Bits())
		if perr != nil {
			return errMismatch
		}
		v.SetFloat(f)
		return nil
	}
	i, perr := strconv.ParseInt(n, 10, t.Bits())
	if perr != nil {
		return errMismatch
	}
	v.SetInt(i)
	return nil
}

// interfaceValue decodes into an interface, which must be any.
func (d *decoder) interfaceValue(v reflect.Value) error {
	if v.Type() != anyType {
		return fmt.Errorf("okta: codec: unsupported interface type %s", v.Type())
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
	return nil
}

// isNumberStart reports whether c may start a JSON number.
func isNumberStart(c byte) bool { return c == '-' || (c >= '0' && c <= '9') }

// anyValue decodes an untyped value: map[string]any, []any, string,
// json.Number, bool or nil.
func (d *decoder) anyValue() (any, error) {
	switch c := d.peek(); c {
	case '{':
		return d.anyObject()
	case '[':
		return d.anyArray()
	case '"':
		if err := d.charge(chargeBoxed, anyType); err != nil {
			return nil, err
		}
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
		if err := d.charge(chargeBoxed, anyType); err != nil {
			return nil, err
		}
		n, err := d.number()
		if err != nil {
			return nil, err
		}
		return json.Number(n), nil
	}
}

// anyObject decodes an object as a map[string]any.
func (d *decoder) anyObject() (any, error) {
	if err := d.charge(chargeMap, anyMapType); err != nil {
		return nil, err
	}
	m := map[string]any{}
	err := d.members(func(raw []byte, nameStart int) error {
		if err := d.charge(chargeMapEntry*32, anyMapType); err != nil {
			return err
		}
		key := d.memberName(raw, nameStart)
		x, err := d.anyValue()
		m[key] = x
		return err
	})
	return m, err
}

// anyArray decodes an array as a []any, growing it by doubling.
func (d *decoder) anyArray() (any, error) {
	if err := d.charge(chargeBoxed, anyType); err != nil {
		return nil, err
	}
	a := []any{}
	err := d.elements(func(int) error {
		if len(a) == cap(a) {
			n := 2*cap(a) + 4
			if err := d.chargeGrow(anySliceType, n); err != nil {
				return err
			}
			a = append(make([]any, 0, n), a...)
		}
		x, err := d.anyValue()
		a = append(a, x)
		return err
	})
	return a, err
}
