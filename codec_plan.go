package okta

import (
	"encoding/json"
	"reflect"
	"sync"
	"time"
)

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
