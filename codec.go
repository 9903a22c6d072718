package okta

// The SDK's JSON codec. Every model embeds wire, and every model's
// MarshalJSON and UnmarshalJSON (generated, see zz_generated_hooks.go) end
// here, so the rules below hold for all of them:
//
//   - Members are matched to fields by their exact name (encoding/json matches
//     case-insensitively, which would let "usernameSelector" fill a field declared
//     as "userNameSelector" and come back spelled the other way).
//   - Members the model does not declare are kept verbatim and written back.
//   - A declared member that was present is written back even when its value is
//     false, 0 or "", and one that was null comes back null while it is unchanged.
//     A member that was absent is written only once the caller sets it.
//   - Times are written back in the text they arrived in unless changed, and
//     so are lists and maps with null elements (which their typed fields hold
//     as zero values).
//   - A member whose value has an unexpected type (a number where a string was
//     declared, say) does not fail the decode: the field stays zero and the value
//     is kept verbatim, so it is written back as it came.
//   - A member repeated in one object decodes as encoding/json decodes it: the
//     last one wins, and only it is written back.
//   - Numbers inside untyped values (map[string]any, []any) decode as json.Number,
//     so large integers survive.
//   - Secret values are written in full only by the SDK's own requests
//     (marshal); json.Marshal, fmt and slog see "[REDACTED]" (see Secret).
//   - Decoding allocates at most about ten bytes per byte of the document (see
//     codec_budget.go), and its time is linear in the document's size.
//
// Decoding is a single pass over the bytes with field tables built once per
// type. The codec's rooms, after encoding/json's:
//
//	codec_wire.go           wire and member: what a model remembers of its document
//	codec_plan.go           structPlan: the field table of each type
//	codec_scan.go           the lexer: whitespace, strings, numbers, skipping values
//	codec_decode.go         the decoder: entry points and values by type
//	codec_decode_object.go  objects into models (kept members, repeats), lists, maps
//	codec_budget.go         the memory budget of a decode
//	codec_presize.go        lists of models made to their length
//	codec_intern.go         shared strings between repeats and documents
//	codec_time.go           Okta's time layout, parsed and compared fast
//	codec_encode.go         the encoder, and its table of what to write
//	codec_format.go         models printed by fmt, secrets redacted
//	codec_errors.go         SyntaxError and TypeError
//	secret.go               Secret
//
// Nothing here imports another room of the SDK but Links (model_links.go),
// which the codec keeps undecoded.

//go:generate go run ./internal/cmd/genhooks
