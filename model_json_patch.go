package okta

// JsonPatchOperation is one change of UpdateGroupAssignmentToApplication, in
// the style of JSON Patch (sent as application/json).
type JsonPatchOperation struct {
	Op    PatchAction `json:"op"`
	Path  string      `json:"path"`  // such as "/profile/role" or "/priority"
	Value any         `json:"value"` // the new value: any JSON value, scalars included
	wire
}

// PatchAction is a JsonPatchOperation's operation. Okta may accept values not
// listed here.
type PatchAction string

// Actions known to the spec.
const (
	PatchActionRemove  PatchAction = "remove"
	PatchActionReplace PatchAction = "replace"
)
