package okta

// This file is the SDK's JSON codec. Every model embeds wire, and every model's
// MarshalJSON and UnmarshalJSON end here, so the rules below hold for all of them:
//
//   - Members are matched to fields by their exact name (encoding/json matches
//     case-insensitively, which would let "usernameSelector" fill a field declared
//     as "userNameSelector" and come back spelled the other way).
//   - Members the model does not declare are kept verbatim and written back.
//   - A declared member that was present is written back even when its value is
//     false, 0 or "", and one that was null comes back null while it is unchanged.
//     A member that was absent is written only once the caller sets it.
//   - Times are written back in the text they arrived in unless changed.
//   - A member whose value has an unexpected type (a number where a string was
//     declared, say) does not fail the decode: the field stays zero and the value
//     is kept verbatim, so it is written back as it came.
//   - Numbers inside untyped values (map[string]any, []any) decode as json.Number,
//     so large integers survive.
//
// Decoding is a single pass over the bytes with field tables built once per type.

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf16"
	"unicode/utf8"
)

// wire is embedded in every model. It remembers what a decode saw that the typed
// fields alone cannot say: which declared members were present or null, and the
// verbatim text of members the model does not declare.
type wire struct {
	present uint64   // bit i: declared field i was a member of the decoded object
	nulls   uint64   // bit i: ... and its value was null
	kept    []member // unknown members (field < 0) and verbatim values of declared ones
}

// member is one kept "name": value pair.
type member struct {
	name  string
	field int // index into the type's field table, or -1 for an undeclared member
	raw   []byte
}

// state gives the codec the wire of any model that embeds it.
func (w *wire) state() *wire { return w }

type wireHolder interface{ state() *wire }

// Extra returns the verbatim JSON of a member the model does not declare (a
// catalog app's settings.app key, a property Okta added after this SDK was
// written), and whether it was present.
func (w *wire) Extra(name string) (json.RawMessage, bool) {
	for _, m := range w.kept {
		if m.field < 0 && m.name == name {
			return json.RawMessage(slices.Clone(m.raw)), true
		}
	}
	return nil, false
}

// ExtraNames lists, sorted, the members the model holds but does not declare.
func (w *wire) ExtraNames() []string {
	var names []string
	for _, m := range w.kept {
		if m.field < 0 {
			names = append(names, m.name)
		}
	}
	sort.Strings(names)
	return names
}

// SetExtra sets a member the model does not declare to the JSON encoding of
// value. A name the model declares as a field is not written from here: set the
// field instead.
func (w *wire) SetExtra(name string, value any) error {
	raw, err := marshalAny(value)
	if err != nil {
		return err
	}
	kept := slices.Clone(w.kept) // copies of a model must not share edits
	for i := range kept {
		if kept[i].field < 0 && kept[i].name == name {
			kept[i].raw = raw
			w.kept = kept
			return nil
		}
	}
	w.kept = append(kept, member{name: name, field: -1, raw: raw})
	return nil
}

// DeleteExtra removes a member the model does not declare, so that it is not
// sent back.
func (w *wire) DeleteExtra(name string) {
	w.kept = slices.DeleteFunc(slices.Clone(w.kept), func(m member) bool { return m.field < 0 && m.name == name })
}

// --- type tables ---------------------------------------------------------------

type fieldKind uint8

const (
	kindOther fieldKind = iota
	kindTime
	kindModel
)

type fieldPlan struct {
	name  string
	index int
	typ   reflect.Type
	kind  fieldKind
}

type structPlan struct {
	fields []fieldPlan
	byName map[string]int
	wire   int // index of the embedded wire field, or -1
}

func (p *structPlan) index(name string) int {
	if i, ok := p.byName[name]; ok {
		return i
	}
	return -1
}

var (
	plans       sync.Map // reflect.Type -> *structPlan
	timeType    = reflect.TypeFor[time.Time]()
	wireType    = reflect.TypeFor[wire]()
	numberType  = reflect.TypeFor[json.Number]()
	rawMsgType  = reflect.TypeFor[json.RawMessage]()
	linksType   = reflect.TypeFor[Links]()
	holderType  = reflect.TypeFor[wireHolder]()
	anyType     = reflect.TypeFor[any]()
	marshalerTy = reflect.TypeFor[json.Marshaler]()
)

func planFor(t reflect.Type) *structPlan {
	if p, ok := plans.Load(t); ok {
		return p.(*structPlan)
	}
	p := &structPlan{byName: map[string]int{}, wire: -1}
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		if sf.Type == wireType {
			p.wire = i
			continue
		}
		if !sf.IsExported() {
			continue
		}
		name := sf.Name
		if tag, ok := sf.Tag.Lookup("json"); ok {
			if tag == "-" {
				continue
			}
			if n, _, _ := cutComma(tag); n != "" {
				name = n
			}
		}
		fp := fieldPlan{name: name, index: i, typ: sf.Type}
		switch {
		case sf.Type == timeType:
			fp.kind = kindTime
		case isModel(sf.Type):
			fp.kind = kindModel
		}
		p.byName[name] = len(p.fields)
		p.fields = append(p.fields, fp)
	}
	if len(p.fields) > 64 {
		panic("okta: model " + t.String() + " has more than 64 fields")
	}
	actual, _ := plans.LoadOrStore(t, p)
	return actual.(*structPlan)
}

func cutComma(s string) (string, string, bool) {
	for i := 0; i < len(s); i++ {
		if s[i] == ',' {
			return s[:i], s[i+1:], true
		}
	}
	return s, "", false
}

func isModel(t reflect.Type) bool {
	return t.Kind() == reflect.Struct && reflect.PointerTo(t).Implements(holderType)
}

// --- decoding ------------------------------------------------------------------

// SyntaxError reports a response body, or a value given to UnmarshalJSON, that is
// not well-formed JSON.
type SyntaxError struct {
	Offset int    // byte offset at which the problem was found
	msg    string // what was wrong
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("okta: malformed JSON at byte %d: %s", e.Offset, e.msg)
}

// TypeError reports a JSON document whose outermost value has the wrong shape
// for the result (an object where a list was expected, say). Inside a model a
// member of an unexpected type never fails a decode; it is kept verbatim.
type TypeError struct {
	Want string // the Go type that was wanted
	Got  string // the kind of JSON value that was found
}

func (e *TypeError) Error() string {
	return fmt.Sprintf("okta: cannot decode a JSON %s into %s", e.Got, e.Want)
}

// errMismatch signals, inside the decoder, a value of another shape than the
// target's; the caller skips the value and keeps it verbatim.
var errMismatch = errors.New("mismatch")

type decoder struct {
	data  []byte
	pos   int
	depth int                  // objects and arrays open at pos
	names *[internSlots]string // strings seen in this document, so repeats share one allocation
}

// internMax is the longest string value the decoder shares between repeats
// (member names are always shared): enough for statuses, template names and
// link types, short of ids and URLs, which rarely repeat.
const internMax = 24

// internSlots is the size of a table of shared strings. It is a direct-mapped
// cache, not a map: a string that meets another in its slot replaces it, so a
// document of unique ids costs a hash per string and never a growing table,
// while repeated statuses and names still hit.
const internSlots = 256

// internTables lends decodes their table. A table keeps its strings between
// documents, so the statuses, modes and member names that every app of an org
// repeats are allocated once per table, not once per response. Strings are
// immutable, so sharing them between documents is safe; a table holds at most
// internSlots strings of at most internMax bytes.
var internTables = sync.Pool{New: func() any { return new([internSlots]string) }}

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

// intern returns b as a string, allocating only the first time the table
// meets it (or when another string took its slot since). A decoder without a
// table allocates every time.
func (d *decoder) intern(b []byte) string {
	if d.names == nil {
		return string(b)
	}
	slot := &d.names[internHash(b)%internSlots]
	if *slot != string(b) {
		*slot = string(b)
	}
	return *slot
}

// internHash is FNV-1a over b's length and its first and last eight bytes:
// short strings differ in those, and it costs the same for every length.
func internHash(b []byte) uint32 {
	h := uint32(2166136261) ^ uint32(len(b))
	head, tail := b, b
	if len(b) > 8 {
		head, tail = b[:8], b[len(b)-8:]
	} else {
		tail = nil
	}
	for _, c := range head {
		h = (h ^ uint32(c)) * 16777619
	}
	for _, c := range tail {
		h = (h ^ uint32(c)) * 16777619
	}
	return h
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

func (d *decoder) peek() byte {
	d.skipSpace()
	if d.pos >= len(d.data) {
		return 0
	}
	return d.data[d.pos]
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

func hasEscape(b []byte) bool {
	for _, c := range b {
		if c == '\\' {
			return true
		}
	}
	return false
}

// keep records a verbatim value, replacing an earlier one of the same member.
func (w *wire) keep(name string, field int, raw []byte) {
	raw = trimSpace(raw)
	for i := range w.kept {
		if w.kept[i].name == name {
			w.kept[i] = member{name: name, field: field, raw: slices.Clone(raw)}
			return
		}
	}
	w.kept = append(w.kept, member{name: name, field: field, raw: slices.Clone(raw)})
}

func (w *wire) keptFor(field int) []byte {
	for _, m := range w.kept {
		if m.field == field {
			return m.raw
		}
	}
	return nil
}

func trimSpace(b []byte) []byte {
	for len(b) > 0 && isSpace(b[0]) {
		b = b[1:]
	}
	for len(b) > 0 && isSpace(b[len(b)-1]) {
		b = b[:len(b)-1]
	}
	return b
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

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

// A page of models is decoded into a slice made to the page's length, rather
// than one that doubles as it fills: an Application is about 3 KiB, and
// doubling to 200 of them allocated, cleared and copied twice the page. Pages
// of elements smaller than presizeMin grow as usual.
//
// A page of more than maxPageItems models is refused before anything is
// made: Okta's pages hold at most a few hundred, and each "{}," of a hostile
// or broken body would otherwise become a 3 KiB Application, a thousandfold
// amplification of WithMaxResponseBytes.
const (
	presizeMin   = 128
	maxPageItems = 10000
)

// countObjects counts the objects directly inside the array that b starts
// with. It only finds the structure (strings are skipped with IndexByte); the
// decode that follows checks the syntax.
func countObjects(b []byte) int {
	n, depth := 0, 0
	for i := 0; i < len(b); i++ {
		switch b[i] {
		case '"':
			for {
				j := bytes.IndexByte(b[i+1:], '"')
				if j < 0 {
					return n
				}
				i += j + 1
				k := i - 1
				for k >= 0 && b[k] == '\\' {
					k--
				}
				if (i-1-k)%2 == 0 { // not escaped
					break
				}
			}
		case '{':
			if depth == 1 {
				n++
			}
			depth++
		case '[':
			depth++
		case '}':
			depth--
		case ']':
			depth--
			if depth <= 0 {
				return n
			}
		}
	}
	return n
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

// --- encoding ------------------------------------------------------------------

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

// oktaTimeLayout is how Okta writes times: UTC with milliseconds.
const oktaTimeLayout = "2006-01-02T15:04:05.000Z07:00"

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

// reencodes reports whether encoding the decoded time t gives back raw exactly,
// so that its text need not be kept.
func reencodes(t reflect.Value, raw []byte) bool {
	if len(raw) == 26 && raw[0] == '"' && raw[25] == '"' && oktaTimeShape(raw[1:25]) {
		return true // it decoded, so its fields are in range, and it is written as it was read
	}
	var buf [40]byte
	b := append(buf[:0], '"')
	b = t.Addr().Interface().(*time.Time).UTC().AppendFormat(b, oktaTimeLayout)
	b = append(b, '"')
	return string(b) == string(raw)
}

// keptTime parses raw, a kept value, as the JSON string of an RFC 3339 time.
func keptTime(raw []byte) (time.Time, bool) {
	d := decoder{data: raw}
	s, err := d.stringValue(d.peek())
	if err != nil {
		return time.Time{}, false
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	return t, err == nil
}

// isTimeText reports whether raw is a JSON string holding an RFC 3339 time:
// the text of a time field as decoded, not a value of another type kept in
// its place.
func isTimeText(raw []byte) bool {
	_, ok := keptTime(raw)
	return ok
}

// sameTime reports whether raw is the text of the time v holds.
func sameTime(raw []byte, v reflect.Value) bool {
	t, ok := keptTime(raw)
	return ok && t.Equal(v.Interface().(time.Time))
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

// oktaTimeShape reports whether b is laid out as Okta writes times,
// "2006-01-02T15:04:05.000Z": digits where the layout has digits, its
// separators elsewhere.
func oktaTimeShape(b []byte) bool {
	const layout = "0000-00-00T00:00:00.000Z"
	if len(b) != len(layout) {
		return false
	}
	for i := range len(layout) {
		if layout[i] == '0' {
			if b[i] < '0' || b[i] > '9' {
				return false
			}
		} else if b[i] != layout[i] {
			return false
		}
	}
	return true
}

// parseOktaTime parses a time written as Okta writes them (see oktaTimeShape)
// without the generality of time.Parse, which the decoder falls back to for
// any other text. It gives the same Time as time.Parse(time.RFC3339Nano) and
// refuses what that refuses: fields out of range, such as a 31st of April.
func parseOktaTime(b []byte) (time.Time, bool) {
	if !oktaTimeShape(b) {
		return time.Time{}, false
	}
	num := func(i, n int) int {
		v := 0
		for _, c := range b[i : i+n] {
			v = v*10 + int(c-'0')
		}
		return v
	}
	year, month, day := num(0, 4), num(5, 2), num(8, 2)
	hour, minute, sec, milli := num(11, 2), num(14, 2), num(17, 2), num(20, 3)
	if month < 1 || month > 12 || day < 1 || day > daysIn(month, year) || hour > 23 || minute > 59 || sec > 59 {
		return time.Time{}, false
	}
	return time.Date(year, time.Month(month), day, hour, minute, sec, milli*int(time.Millisecond), time.UTC), true
}

func daysIn(month, year int) int {
	if month == 2 && year%4 == 0 && (year%100 != 0 || year%400 == 0) {
		return 29
	}
	return [...]int{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[month-1]
}
