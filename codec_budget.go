package okta

import (
	"fmt"
	"reflect"
)

// The decoder's memory is bounded by the body it decodes: every allocation it
// makes is charged, before it is made, against a budget of decodeBytesPerByte
// times the body's length plus decodeBudgetBase, and a document whose decoded
// form would need more is refused with a *TypeError. Without the bound, each
// "{}," of a hostile body (three bytes) would become a JsonWebKey (392 bytes),
// or each "[]," an Application (3 KiB), at any depth.
//
// The charges are estimates from above of what the Go runtime allocates (a
// slice's backing array, a map's entries with their overhead, a string, a
// boxed value), so bytes allocated to decode an accepted response stay within
// 16 times its size plus a constant; TestDecodeAllocationBoundedByBody
// measures it. Okta's own documents need two to three times their size.
const (
	decodeBytesPerByte = 10
	decodeBudgetBase   = 1 << 20
)

// Charges for what the decoder makes, where the runtime's size is not simply a
// type's Size.
const (
	chargeMap      = 64 // a map's header and first group
	chargeMapEntry = 3  // times key and element size: slots, control bytes, growth
	chargeBoxed    = 24 // a value boxed in an interface (string, json.Number, []any)
	chargeString   = 16 // a string's allocation beyond its bytes (size-class rounding)
)

// newBudget returns the budget for decoding a document of n bytes.
func newBudget(n int) int64 { return int64(n)*decodeBytesPerByte + decodeBudgetBase }

// charge takes n bytes from the budget for a value of type t, or refuses the
// document once the budget is spent.
func (d *decoder) charge(n int, t reflect.Type) error {
	if !d.limited {
		return nil
	}
	d.budget -= int64(n)
	if d.budget >= 0 {
		return nil
	}
	return &TypeError{
		Want: t.String(),
		Got:  fmt.Sprintf("document whose decoded form needs more than %d bytes of memory per byte of it", decodeBytesPerByte),
	}
}

// chargeGrow charges for growing a slice of t from capacity old to new: the
// new backing array (the old one is garbage, already charged).
func (d *decoder) chargeGrow(t reflect.Type, newCap int) error {
	return d.charge(newCap*int(t.Elem().Size()), t)
}
