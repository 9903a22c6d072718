package okta

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// objectDecode is the state of decoding one JSON object into a model.
type objectDecode struct {
	d      *decoder
	v      reflect.Value // the model, addressable
	p      *structPlan
	w      *wire   // the model's wire, or nil for a struct without one
	extras int     // extraMembers appended to w.kept by this decode
	textAt []int32 // field -> index+1 of its text in w.kept; made at the first repeated member
	dead   bool    // some member of w.kept was superseded by a repeat
}

// object decodes a JSON object into a model (or any struct) by its plan,
// establishing the invariants documented on wire.
func (d *decoder) object(v reflect.Value, p *structPlan) error {
	v.SetZero()
	o := objectDecode{d: d, v: v, p: p}
	if p.wire >= 0 {
		o.w = v.Addr().Interface().(wireHolder).state()
	}
	if err := d.members(o.member); err != nil {
		return err
	}
	if o.w != nil && (o.dead || o.extras > 1) {
		return o.dropRepeats()
	}
	return nil
}

// member decodes one member: a declared field, or an extraMember.
func (o *objectDecode) member(key []byte, nameStart int) error {
	fi, known := o.p.byName[string(key)] // no allocation for the lookup
	plain := known || (!hasEscape(key) && utf8.Valid(key))
	var name string
	if !plain {
		name = o.d.memberName(key, nameStart)
		fi, known = o.p.byName[name]
	}
	if known {
		return o.field(fi)
	}
	raw, err := o.d.skip()
	if err != nil || o.w == nil {
		return err
	}
	raw = trimSpace(raw)
	if err := o.keep(len(key) + len(name) + len(raw)); err != nil {
		return err
	}
	if plain {
		o.w.kept = append(o.w.kept, member{text: string(key) + string(raw), nameLen: uint32(len(key)), role: extraMember})
	} else {
		o.w.kept = append(o.w.kept, extra(name, raw))
	}
	o.extras++
	return nil
}

// field decodes the value of declared field fi. A value of another type is
// kept as a strayValue; a value whose typed form would encode to other text
// (a time in another layout, a list with null elements) keeps its sourceText.
func (o *objectDecode) field(fi int) error {
	d, f := o.d, &o.p.fields[fi]
	fv := o.v.Field(f.index)
	bit := uint64(1) << fi
	if o.w != nil && o.w.present&bit != 0 {
		o.forget(fi) // a repeated member: the last one wins
	}
	valStart := d.pos
	d.skipSpace()
	isNull := d.pos < len(d.data) && d.data[d.pos] == 'n'
	outer := d.lostNull
	d.lostNull = false
	err := d.value(fv)
	lost := d.lostNull
	d.lostNull = outer // a null inside a nested model is that model's own
	switch {
	case err == errMismatch: // never wrapped
		d.pos = valStart
		raw, serr := d.skip()
		if serr != nil {
			return serr
		}
		fv.SetZero()
		err = o.keepText(fi, strayValue, raw)
	case err != nil:
		return err
	case isNull:
	case lost || (f.kind == kindTime && !reencodes(fv, d.data[valStart:d.pos])):
		err = o.keepText(fi, sourceText, d.data[valStart:d.pos])
	}
	if o.w != nil {
		o.w.present |= bit
		o.w.nulls &^= bit
		if isNull {
			o.w.nulls |= bit
		}
	}
	return err
}

// keep charges for appending a member of n bytes of text to w.kept, growing
// it by doubling (append's growth for long slices allocates five times the
// final length in all).
func (o *objectDecode) keep(n int) error {
	if err := o.d.charge(n+chargeString, memberType); err != nil {
		return err
	}
	if k := o.w.kept; len(k) == cap(k) {
		c := 2*cap(k) + 2
		if err := o.d.charge(c*int(memberType.Size()), memberType); err != nil {
			return err
		}
		o.w.kept = append(make([]member, 0, c), k...)
	}
	return nil
}

// keepText keeps raw as the text of declared field fi.
func (o *objectDecode) keepText(fi int, role keptRole, raw []byte) error {
	if o.w == nil {
		return nil
	}
	raw = trimSpace(raw)
	if err := o.keep(len(raw)); err != nil {
		return err
	}
	m := fieldText(fi, role, raw)
	if o.p.fields[fi].kind == kindSecret {
		m = maskedMember(m) // a Secret's value is kept as the Secret would hold it
	}
	o.w.kept = append(o.w.kept, m)
	if o.textAt != nil {
		o.textAt[fi] = int32(len(o.w.kept))
	}
	return nil
}

// forget marks the text of field fi, if any, as superseded by a repeat of
// its member. The first repeat indexes the texts, so that many repeats cost
// no more than one pass over kept.
func (o *objectDecode) forget(fi int) {
	if o.textAt == nil {
		o.textAt = make([]int32, len(o.p.fields))
		for k := range o.w.kept {
			if m := &o.w.kept[k]; m.role != extraMember {
				o.textAt[m.field] = int32(k + 1)
			}
		}
	}
	if at := o.textAt[fi]; at > 0 {
		o.w.kept[at-1].role, o.dead = deadMember, true
		o.textAt[fi] = 0
	}
}

// dropRepeats removes superseded field texts and all but the last of
// repeated extraMembers: by comparing each pair when there are few, by
// sorting when there are many, so that it stays O(n log n).
func (o *objectDecode) dropRepeats() error {
	kept := o.w.kept
	if o.extras > 1 && o.extras <= 16 {
		for i := range kept {
			for j := i + 1; j < len(kept) && kept[i].role == extraMember; j++ {
				if kept[j].role == extraMember && kept[i].name() == kept[j].name() {
					kept[i].role, o.dead = deadMember, true
				}
			}
		}
	} else if o.extras > 16 {
		if err := o.d.charge(4*o.extras, memberType); err != nil {
			return err
		}
		order := make([]int32, 0, o.extras)
		for k := range kept {
			if kept[k].role == extraMember {
				order = append(order, int32(k))
			}
		}
		slices.SortStableFunc(order, func(a, b int32) int { return strings.Compare(kept[a].name(), kept[b].name()) })
		for i := 0; i+1 < len(order); i++ {
			if kept[order[i]].name() == kept[order[i+1]].name() {
				kept[order[i]].role, o.dead = deadMember, true
			}
		}
	}
	if o.dead {
		o.w.kept = slices.DeleteFunc(kept, func(m member) bool { return m.role == deadMember })
	}
	return nil
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

// array decodes a JSON array into a slice. A slice of large elements (models)
// is made to the array's length at once, after charging for it; any other
// grows by doubling, each growth charged.
func (d *decoder) array(v reflect.Value) error {
	t := v.Type()
	size := int(t.Elem().Size())
	n := 0
	if size >= presizeMin && d.depth < presizeDepth {
		n = countObjects(d.data[d.pos:])
		if d.depth == 0 && n > maxPageItems {
			return &TypeError{Want: fmt.Sprintf("%s of at most %d items", t, maxPageItems), Got: fmt.Sprintf("array of %d objects", n)}
		}
	}
	if err := d.chargeGrow(t, n); err != nil {
		return err
	}
	if n > 0 {
		v.Set(reflect.MakeSlice(t, 0, n))
	} else {
		v.Set(emptySlice(t)) // [] stays [], not null
	}
	return d.elements(func(i int) error {
		if i == v.Cap() {
			// Asking for more than double makes growslice give exactly
			// that (rounded up to the allocator's size class); its own
			// growth overshoots for long slices, and the charge must hold.
			c := 2*v.Cap() + 1
			if err := d.chargeGrow(t, c); err != nil {
				return err
			}
			v.Grow(c - i)
		}
		v.SetLen(i + 1)
		return d.value(v.Index(i))
	})
}

// emptySlices holds, per slice type, an empty slice that is not nil.
var emptySlices sync.Map // reflect.Type -> reflect.Value

// emptySlice returns an empty, non-nil slice of type t. It is shared: its
// capacity is 0, so nothing is ever written through it, and sharing saves
// reflect.MakeSlice's allocation for every list of a document.
func emptySlice(t reflect.Type) reflect.Value {
	if v, ok := emptySlices.Load(t); ok {
		return v.(reflect.Value)
	}
	v, _ := emptySlices.LoadOrStore(t, reflect.MakeSlice(t, 0, 0))
	return v.(reflect.Value)
}

// mapValue decodes a JSON object into a map with string keys.
func (d *decoder) mapValue(v reflect.Value) error {
	t := v.Type()
	if t.Key().Kind() != reflect.String {
		return fmt.Errorf("okta: codec: unsupported map key type %s", t.Key())
	}
	entry := chargeMapEntry*int(t.Key().Size()+t.Elem().Size()) + chargeBoxed
	if err := d.charge(chargeMap+int(t.Elem().Size()), t); err != nil {
		return err
	}
	m := reflect.MakeMap(t)
	v.Set(m)
	elem := reflect.New(t.Elem()).Elem()
	return d.members(func(raw []byte, nameStart int) error {
		if err := d.charge(entry, t); err != nil {
			return err
		}
		key := d.memberName(raw, nameStart)
		elem.SetZero()
		if err := d.value(elem); err != nil {
			return err
		}
		m.SetMapIndex(reflect.ValueOf(key).Convert(t.Key()), elem)
		return nil
	})
}
