package okta

import (
	"fmt"
	"reflect"
)

// formatModel prints a model for fmt, whatever the verb: its JSON, as
// json.Marshal writes it (Secret values redacted), so that no verb, flag or
// depth shows a secret or the codec's internal state. %#v prefixes the type's
// name; %q quotes the JSON; width and flags apply as to a string. The
// generated Format methods call it with a pointer to the model.
//
// fmt calls a model's Format wherever it can call methods: at the top, and in
// exported fields, elements and map values at any depth, including a model
// held by pointer inside a request struct, where fmt would otherwise print
// the pointee with methods off for a verb that does not fit a pointer.
func formatModel(f fmt.State, verb rune, model any) {
	rv := reflect.ValueOf(model).Elem()
	b, err := encoder{}.object(nil, rv, planFor(rv.Type()))
	if err != nil {
		fmt.Fprintf(f, "%%!%c(%s: %v)", verb, rv.Type(), err)
		return
	}
	switch {
	case verb == 'v' && f.Flag('#'):
		fmt.Fprintf(f, "%s%s", rv.Type(), b)
	case verb == 'q' || verb == 'x' || verb == 'X' || verb == 's':
		fmt.Fprintf(f, fmt.FormatString(f, verb), b)
	default:
		fmt.Fprintf(f, fmt.FormatString(f, 's'), b)
	}
}
