package okta

import (
	"encoding/json"
	"slices"
	"sort"
)

// wire is embedded in every model. It remembers what a decode saw that the
// typed fields alone cannot say: which declared members were present or null,
// the verbatim text of members the model does not declare, and the text of
// declared members whose typed field cannot say what arrived.
//
// Invariants (the decoder establishes them, SetExtra and DeleteExtra keep them,
// the encoder relies on them):
//   - present and nulls have bits only below the number of fields in the
//     type's plan (at most 64, which planFor enforces); nulls is a subset of
//     present.
//   - kept holds at most one extraMember per name, and at most one
//     strayValue or sourceText per declared field, whose bit is in present and
//     not in nulls. A repeated member in a document leaves only its last
//     occurrence (as encoding/json decodes it).
//   - kept's members are never edited in place once a model may have been
//     copied: SetExtra and DeleteExtra edit a copy of the slice, so copies of a
//     model do not share edits.
//   - A model with no wire state (the zero wire) encodes only its non-zero
//     fields, like a model built in code.
type wire struct {
	present uint64   // bit i: declared field i was a member of the decoded object
	nulls   uint64   // bit i: ... and its value was null
	kept    []member // in arrival order; see keptRole
}

// keptRole says why a member is kept. The first is a member of the document
// the model does not declare; the other two belong to a declared field.
type keptRole uint8

const (
	// extraMember is a member the model does not declare: its name and its
	// value, written back as they came (Extra, SetExtra).
	extraMember keptRole = iota
	// strayValue is the value of a declared member that has another type than
	// its field (a number where a string was declared): the field stays zero,
	// and the value is written back while the field is still zero.
	strayValue
	// sourceText is the text a declared member's value arrived in, where
	// encoding the decoded field would write other text: a time in another
	// layout than Okta's, or a list or map with null elements (which the typed
	// field holds as zero values). It is written back while the field still
	// holds what the text decodes to.
	sourceText
	// deadMember marks, during one object's decode, a member superseded by a
	// later one of the same name; none is left once the decode returns.
	deadMember
)

// member is one kept member, name and value in one string so that keeping a
// member costs one allocation and a small slot (a document of many unknown
// members must not cost many times its size).
type member struct {
	text    string   // extraMember: the name, then the value; otherwise the value
	nameLen uint32   // the bytes of text that are the name: 0 unless extraMember
	field   uint8    // strayValue and sourceText: the field's index in the type's plan
	role    keptRole // why the member is kept
	masked  bool     // the value is XOR-masked as a Secret is (see maskString)
}

// extra returns the kept form of an undeclared member.
func extra(name string, raw []byte) member {
	return member{text: name + string(raw), nameLen: uint32(len(name)), role: extraMember}
}

// fieldText returns the kept form of a declared field's value.
func fieldText(field int, role keptRole, raw []byte) member {
	return member{text: string(raw), field: uint8(field), role: role}
}

// maskedMember returns m with its value masked as a Secret is: the value of a
// Secret field or one SetExtra was given, which no reflection walker may show.
func maskedMember(m member) member {
	m.text = m.name() + maskString(m.raw())
	m.masked = true
	return m
}

// name is the member's name: an extraMember's own, "" for a field's text.
func (m *member) name() string { return m.text[:m.nameLen] }

// raw is the member's value as JSON text.
func (m *member) raw() string {
	if m.masked {
		return maskString(m.text[m.nameLen:])
	}
	return m.text[m.nameLen:]
}

// isExtra reports whether m is the undeclared member called name.
func (m *member) isExtra(name string) bool {
	return m.role == extraMember && int(m.nameLen) == len(name) && m.text[:m.nameLen] == name
}

// state gives the codec the wire of any model that embeds it.
func (w *wire) state() *wire { return w }

// wireHolder is implemented by a pointer to every model (through the embedded
// wire); the codec finds models by it.
type wireHolder interface{ state() *wire }

// Extra returns the verbatim JSON of a member the model does not declare (a
// catalog app's settings.app key, a property Okta added after this SDK was
// written), and whether it was present.
func (w *wire) Extra(name string) (json.RawMessage, bool) {
	for i := range w.kept {
		if w.kept[i].isExtra(name) {
			return json.RawMessage(w.kept[i].raw()), true
		}
	}
	return nil, false
}

// ExtraNames lists, sorted, the members the model holds but does not declare.
func (w *wire) ExtraNames() []string {
	var names []string
	for i := range w.kept {
		if w.kept[i].role == extraMember {
			names = append(names, w.kept[i].name())
		}
	}
	sort.Strings(names)
	return names
}

// SetExtra sets a member the model does not declare to the JSON encoding of
// value (a Secret is encoded in full: this is what the SDK sends; the model
// keeps it masked, as a Secret). A name the model declares as a field is not
// written from here: set the field instead.
func (w *wire) SetExtra(name string, value any) error {
	raw, err := marshalAny(value)
	if err != nil {
		return err
	}
	kept := slices.Clone(w.kept) // copies of a model must not share edits
	for i := range kept {
		if kept[i].isExtra(name) {
			kept[i] = maskedMember(extra(name, raw))
			w.kept = kept
			return nil
		}
	}
	w.kept = append(kept, maskedMember(extra(name, raw)))
	return nil
}

// DeleteExtra removes a member the model does not declare, so that it is not
// sent back.
func (w *wire) DeleteExtra(name string) {
	w.kept = slices.DeleteFunc(slices.Clone(w.kept), func(m member) bool { return m.isExtra(name) })
}

// textFor returns the kept text of declared field i and its role, or "" and
// false when the field has none. Callers ask only for fields whose mask bit
// (see textMask) is set, so encoding stays linear in the number of members.
func (w *wire) textFor(i int) (string, keptRole, bool) {
	for k := range w.kept {
		if m := &w.kept[k]; m.role != extraMember && int(m.field) == i {
			return m.raw(), m.role, true
		}
	}
	return "", 0, false
}

// textMask has bit i set when kept holds a text for declared field i.
func (w *wire) textMask() uint64 {
	var mask uint64
	for k := range w.kept {
		if m := &w.kept[k]; m.role != extraMember {
			mask |= 1 << m.field
		}
	}
	return mask
}

// trimSpace returns b without JSON whitespace at either end.
func trimSpace(b []byte) []byte {
	for len(b) > 0 && isSpace(b[0]) {
		b = b[1:]
	}
	for len(b) > 0 && isSpace(b[len(b)-1]) {
		b = b[:len(b)-1]
	}
	return b
}

// isSpace reports whether c is JSON whitespace.
func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }
