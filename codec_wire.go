package okta

import (
	"encoding/json"
	"slices"
	"sort"
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
