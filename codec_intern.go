package okta

import "sync"

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
