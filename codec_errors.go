package okta

import (
	"errors"
	"fmt"
)

// SyntaxError reports a response body, or a value given to UnmarshalJSON, that is
// not well-formed JSON.
type SyntaxError struct {
	Offset int    // byte offset at which the problem was found
	msg    string // what was wrong
}

// Error says where the document stopped being JSON, and why.
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

// Error says what was found and what was wanted.
func (e *TypeError) Error() string {
	return fmt.Sprintf("okta: cannot decode a JSON %s into %s", e.Got, e.Want)
}

// errMismatch signals, inside the decoder, a value of another shape than the
// target's; the caller skips the value and keeps it verbatim.
var errMismatch = errors.New("mismatch")
