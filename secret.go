package okta

import (
	"fmt"
	"log/slog"
)

// Secret is a credential inside a model (a client secret, a password, a
// provisioning token). Convert it with string(s) to read it, and assign a
// string to set it.
//
// A Secret is sent in full only by the SDK's own requests (CreateApplication,
// UpdateApplication, ...), which encode the model through the SDK's internal
// wire encoding. Everywhere else it is redacted to "[REDACTED]":
//   - fmt, with every verb and flag, whether the Secret is printed alone or
//     inside a model at any depth, held by value or by pointer, in a request
//     struct, a slice or a map (every model has a Format method that prints
//     its JSON with Secrets redacted);
//   - log/slog, through LogValue, and through slog.JSONHandler (which uses
//     json.Marshal);
//   - encoding/json: json.Marshal of a Secret, or of a model holding one,
//     writes "[REDACTED]" (an empty Secret stays ""). json.Marshal of a model
//     is lossless for everything else; a Secret that arrived as another JSON
//     type is redacted too;
//   - encoders that use encoding.TextMarshaler (encoding/xml, YAML).
//
// Decoding is not affected: json.Unmarshal and the SDK read a Secret as sent.
// So a model that went through json.Marshal and json.Unmarshal holds
// "[REDACTED]" where its secrets were; the SDK refuses to send such a value
// rather than set a credential to that text. To keep a secret, read it with
// string(s) before encoding the model.
//
// What no method can close: printers that walk values by reflection with
// methods turned off. fmt does so for %p of a value that is not a pointer
// (go vet reports it), and for a model held by value inside a struct of your
// own that fmt reaches through a pointer with a verb that does not fit a
// pointer (%s of a *YourStruct); go-spew with DisableMethods (testify's diff
// of two unequal models) and encoding/gob read the string as it is.
type Secret string

// redactedText is what a Secret shows instead of its value.
const redactedText = "[REDACTED]"

// redactedJSON is redactedText as a JSON string.
const redactedJSON = `"` + redactedText + `"`

// String returns "[REDACTED]".
func (Secret) String() string { return redactedText }

// GoString returns "[REDACTED]" quoted, for %#v.
func (Secret) GoString() string { return `"` + redactedText + `"` }

// Format writes "[REDACTED]" for every verb and flag.
func (Secret) Format(f fmt.State, verb rune) { _, _ = f.Write([]byte(redactedText)) }

// LogValue redacts the secret in log/slog records.
func (Secret) LogValue() slog.Value { return slog.StringValue(redactedText) }

// MarshalJSON writes "[REDACTED]" (or "" for an empty Secret): this is what
// json.Marshal, slog.JSONHandler and any other encoder see. The SDK's own
// requests do not go through it.
func (s Secret) MarshalJSON() ([]byte, error) {
	if s == "" {
		return []byte(`""`), nil
	}
	return []byte(redactedJSON), nil
}

// MarshalText returns "[REDACTED]", for encoders that use
// encoding.TextMarshaler: encoding/xml, YAML libraries, slog.TextHandler.
func (Secret) MarshalText() ([]byte, error) { return []byte(redactedText), nil }

// errRedactedSecret refuses to send a Secret that holds the text a redacting
// encoder wrote in its place.
var errRedactedSecret = fmt.Errorf("okta: a Secret holds %q, the text json.Marshal writes in place of a secret: set the secret, or clear it to leave it unchanged", redactedText)
