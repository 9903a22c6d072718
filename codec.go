package okta

// This file is the SDK's JSON codec. Every model embeds wire, and every model's
// MarshalJSON and UnmarshalJSON end here, so the rules below hold for all of them:
//
//   - Members are matched to fields by their exact name (encoding/json matches
//     case-insensitively, which would let "usernameSelector" fill a field declared
//     as "userNameSelector" and come back spelled the other way).
//   - Members the model does not declare are kept verbatim and written back.
//   - A declared member that was present is written back even when its value is
//     false, 0 or "", and one that was null comes back null while it is unchanged.
//     A member that was absent is written only once the caller sets it.
//   - Times are written back in the text they arrived in unless changed.
//   - A member whose value has an unexpected type (a number where a string was
//     declared, say) does not fail the decode: the field stays zero and the value
//     is kept verbatim, so it is written back as it came.
//   - Numbers inside untyped values (map[string]any, []any) decode as json.Number,
//     so large integers survive.
//
// Decoding is a single pass over the bytes with field tables built once per type.

//go:generate go run ./internal/cmd/genhooks
