package okta

import (
	"encoding/json"
	"reflect"
	"slices"
)

// Links is the "_links" member of a resource: the relations Okta links it to
// (self, users, groups, deactivate, appLinks, logo, ...). It holds the member
// as Okta sent it and decodes it only when read, so it goes back unchanged and
// costs one copy while nobody looks at it; decoding every link of every item
// of a list was most of the cost of listing small resources (BENCHMARKS.md).
// The zero Links is an absent member.
type Links struct {
	raw []byte // the JSON object, or nil
}

// HrefObject is one link of a "_links" member (a HAL link object; the spec's
// HrefObject).
type HrefObject struct {
	Href      string    `json:"href"`
	Name      string    `json:"name"`  // set on links of relations with several, such as appLinks and logo
	Type      string    `json:"type"`  // the media type of the target, such as "text/html" or "image/png"
	Title     string    `json:"title"` // a label for people
	Templated bool      `json:"templated"`
	Hints     HrefHints `json:"hints"`
	wire
}

// HrefHints says what may be done with a link's target.
type HrefHints struct {
	Allow []string `json:"allow"` // HTTP methods, such as "GET" and "DELETE"
	wire
}

// Rels lists the relations, in the order Okta sent them.
func (l Links) Rels() []string {
	var rels []string
	l.each(func(rel string, d *decoder) error {
		rels = append(rels, rel)
		_, err := d.skip()
		return err
	})
	return rels
}

// Get returns the link of a relation, or the first one if the relation has
// several, and whether there was one.
func (l Links) Get(rel string) (HrefObject, bool) {
	all := l.All(rel)
	if len(all) == 0 {
		return HrefObject{}, false
	}
	return all[0], true
}

// Href returns the address of a relation's link (the first, if it has
// several), or "" if there is none.
func (l Links) Href(rel string) string {
	link, _ := l.Get(rel)
	return link.Href
}

// All returns every link of a relation: one for a relation sent as an object,
// each object of one sent as an array (appLinks, logo).
func (l Links) All(rel string) []HrefObject {
	var links []HrefObject
	add := func(d *decoder) error {
		if d.peek() != '{' {
			_, err := d.skip() // not a link object
			return err
		}
		var link HrefObject
		if err := d.object(reflect.ValueOf(&link).Elem(), planFor(hrefObjectType)); err != nil {
			return err
		}
		links = append(links, link)
		return nil
	}
	l.each(func(name string, d *decoder) error {
		switch {
		case name != rel:
			_, err := d.skip()
			return err
		case d.peek() == '[':
			return d.elements(func(int) error { return add(d) })
		default:
			return add(d)
		}
	})
	return links
}

var hrefObjectType = reflect.TypeFor[HrefObject]()

// Map decodes the whole member as untyped JSON (numbers as json.Number), or
// returns nil if it was absent.
func (l Links) Map() map[string]any {
	var m map[string]any
	if len(l.raw) > 0 {
		_ = unmarshal(l.raw, &m) // checked when l was decoded
	}
	return m
}

// IsZero reports whether the member was absent (or null).
func (l Links) IsZero() bool { return len(l.raw) == 0 }

// String returns the member's JSON text.
func (l Links) String() string { return string(l.raw) }

// MarshalJSON returns the member as it was decoded, or null.
func (l Links) MarshalJSON() ([]byte, error) {
	if len(l.raw) == 0 {
		return []byte("null"), nil
	}
	return slices.Clone(l.raw), nil
}

// UnmarshalJSON keeps a JSON object (or null, which leaves l zero).
func (l *Links) UnmarshalJSON(data []byte) error { return unmarshal(data, l) }

// each calls fn for each relation with d at its value, which fn must consume.
func (l Links) each(fn func(rel string, d *decoder) error) {
	if len(l.raw) == 0 {
		return
	}
	d := &decoder{data: l.raw}
	_ = d.members(func(name []byte, start int) error {
		return fn(d.memberName(name, start), d)
	})
}

var _ json.Marshaler = Links{}
