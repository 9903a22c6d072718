package okta

import (
	"encoding/json"
	"reflect"
	"sync"
	"time"
)

// fieldKind sorts declared fields that the codec treats specially.
type fieldKind uint8

const (
	kindOther  fieldKind = iota
	kindTime             // time.Time: its source text may be kept (see reencodes)
	kindSecret           // Secret: redacted by every encoding but the SDK's requests
)

// fieldPlan is how the codec reads and writes one declared field.
type fieldPlan struct {
	name  string       // the member name: the json tag's, or the Go name
	index int          // the field's index in the struct, for reflect.Value.Field
	typ   reflect.Type // the field's type
	kind  fieldKind
}

// structPlan is a struct type's field table, built once per type by planFor.
//
// Invariants: fields holds at most 64 entries (a field's index in it is its
// bit in wire.present and wire.nulls), in declaration order, one per exported
// field not tagged "-"; byName maps each member name to its index in fields;
// wire is the struct index of the embedded wire, or -1 for a struct without
// one (which then decodes and encodes, but keeps nothing).
type structPlan struct {
	fields []fieldPlan
	byName map[string]int
	wire   int // index of the embedded wire field, or -1
}

// index returns the index in fields of the member called name, or -1.
func (p *structPlan) index(name string) int {
	if i, ok := p.byName[name]; ok {
		return i
	}
	return -1
}

// maxFields is the most declared fields a model may have: one bit each in
// wire.present and wire.nulls. TestModelsEmbedWire checks every model.
const maxFields = 64

var (
	plans        sync.Map // reflect.Type -> *structPlan
	timeType     = reflect.TypeFor[time.Time]()
	wireType     = reflect.TypeFor[wire]()
	numberType   = reflect.TypeFor[json.Number]()
	rawMsgType   = reflect.TypeFor[json.RawMessage]()
	linksType    = reflect.TypeFor[Links]()
	secretType   = reflect.TypeFor[Secret]()
	holderType   = reflect.TypeFor[wireHolder]()
	anyType      = reflect.TypeFor[any]()
	anyMapType   = reflect.TypeFor[map[string]any]()
	anySliceType = reflect.TypeFor[[]any]()
	stringType   = reflect.TypeFor[string]()
	memberType   = reflect.TypeFor[member]()
	marshalerTy  = reflect.TypeFor[json.Marshaler]()
)

// planFor returns t's plan, building it on first use. It panics if t has
// more than maxFields fields: a programming error that TestModelsEmbedWire
// catches before release.
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
		case sf.Type == secretType:
			fp.kind = kindSecret
		}
		p.byName[name] = len(p.fields)
		p.fields = append(p.fields, fp)
	}
	if len(p.fields) > maxFields {
		panic("okta: model " + t.String() + " has more than 64 fields")
	}
	actual, _ := plans.LoadOrStore(t, p)
	return actual.(*structPlan)
}

// cutComma splits a json tag at its first comma.
func cutComma(s string) (string, string, bool) {
	for i := 0; i < len(s); i++ {
		if s[i] == ',' {
			return s[:i], s[i+1:], true
		}
	}
	return s, "", false
}

// isModel reports whether t is a model: a struct that embeds wire.
func isModel(t reflect.Type) bool {
	return t.Kind() == reflect.Struct && reflect.PointerTo(t).Implements(holderType)
}
