package okta

import (
	"crypto/rand"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
)

// Secret is a credential inside a model (a client secret, a password, a
// provisioning token). Build one with NewSecret, read it with Reveal, and test
// it with IsZero; the zero Secret is the empty secret.
//
// A Secret does not hold its text: it holds the text XOR-masked with a key
// drawn from crypto/rand when the process starts, so that nothing that walks
// a value by reflection can show it. Equal secrets have equal masked forms:
// == and reflect.DeepEqual compare Secrets, and models holding them, as
// their texts compare.
//
// A Secret is sent in full only by the SDK's own requests (CreateApplication,
// UpdateApplication, ...), which encode the model through the SDK's internal
// wire encoding. Everywhere else it is redacted to "[REDACTED]" or shows only
// masked bytes:
//   - fmt, with every verb and flag, at any depth: through its methods where
//     fmt can call them (every model also has a Format method that prints its
//     JSON with Secrets redacted), and as masked bytes where fmt cannot (an
//     unexported field of your own struct, %p of a non-pointer, a model held
//     by value inside a struct of yours that fmt reaches through a pointer);
//   - printers that walk values with methods off (go-spew with
//     DisableMethods, which testify uses to diff two unequal models): masked
//     bytes;
//   - log/slog, through LogValue, and through slog.JSONHandler (which uses
//     json.Marshal);
//   - encoding/json: json.Marshal of a Secret, or of a model holding one,
//     writes "[REDACTED]" (an empty Secret stays ""). json.Marshal of a model
//     is lossless for everything else; a Secret that arrived as another JSON
//     type is redacted too, and its text is kept masked;
//   - encoders that use encoding.TextMarshaler (encoding/xml, YAML);
//   - encoding/gob refuses a Secret, and so any value holding one in an
//     exported field: a Secret has no exported fields.
//
// Decoding is not affected: json.Unmarshal and the SDK read a Secret as sent.
// So a model that went through json.Marshal and json.Unmarshal holds
// "[REDACTED]" where its secrets were; the SDK refuses to send such a value
// rather than set a credential to that text. To keep a secret, read it with
// Reveal before encoding the model.
//
// What a Secret cannot guard: the text Reveal returns, once you hold it, and
// a member the model does not declare (see Extra), which is kept as Okta sent
// it. A value given to SetExtra is kept masked.
type Secret struct {
	m string // the secret XOR-masked with secretKey; "" is the empty secret
}

// NewSecret returns a Secret holding s.
func NewSecret(s string) Secret { return Secret{m: maskString(s)} }

// Reveal returns the secret's text. Whatever it returns is a plain string,
// printed and logged as any other.
func (s Secret) Reveal() string { return maskString(s.m) }

// IsZero reports whether the secret is empty.
func (s Secret) IsZero() bool { return s.m == "" }

// secretKey masks every Secret of this process; it never leaves memory.
var secretKey = newSecretKey()

// newSecretKey draws secretKey from crypto/rand.
func newSecretKey() *[64]byte {
	var k [64]byte
	_, _ = rand.Read(k[:]) // crypto/rand.Read never fails (it crashes the program instead)
	return &k
}

// maskString XORs s with secretKey, cycled: it masks and unmasks.
func maskString(s string) string {
	if s == "" {
		return ""
	}
	b := make([]byte, len(s))
	for i := range len(s) {
		b[i] = s[i] ^ secretKey[i%len(secretKey)]
	}
	return string(b)
}

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
	if s.IsZero() {
		return []byte(`""`), nil
	}
	return []byte(redactedJSON), nil
}

// UnmarshalJSON reads a JSON string as the secret (null leaves it as it is),
// so that json.Unmarshal reads a Secret as sent.
func (s *Secret) UnmarshalJSON(data []byte) error {
	if string(data) == "null" {
		return nil
	}
	var text string
	if err := json.Unmarshal(data, &text); err != nil {
		return errors.New("okta: a Secret is a JSON string")
	}
	*s = NewSecret(text)
	return nil
}

// MarshalText returns "[REDACTED]", for encoders that use
// encoding.TextMarshaler: encoding/xml, YAML libraries, slog.TextHandler.
func (Secret) MarshalText() ([]byte, error) { return []byte(redactedText), nil }

// UnmarshalText reads text as the secret, for decoders that use
// encoding.TextUnmarshaler.
func (s *Secret) UnmarshalText(text []byte) error {
	*s = NewSecret(string(text))
	return nil
}

// errRedactedSecret refuses to send a Secret that holds the text a redacting
// encoder wrote in its place.
var errRedactedSecret = fmt.Errorf("okta: a Secret holds %q, the text json.Marshal writes in place of a secret: set the secret, or clear it to leave it unchanged", redactedText)
