package okta

import "time"

// OrgCrossAppAccessConnection is a Cross App Access connection: the requesting
// app may access the resource app on a user's behalf. Cross App Access is Early
// Access in Okta (Identity Engine).
type OrgCrossAppAccessConnection struct {
	ID                      string                            `json:"id"` // read-only
	RequestingAppInstanceID string                            `json:"requestingAppInstanceId"`
	ResourceAppInstanceID   string                            `json:"resourceAppInstanceId"`
	Status                  OrgCrossAppAccessConnectionStatus `json:"status"`
	Created                 time.Time                         `json:"created"`     // read-only
	LastUpdated             time.Time                         `json:"lastUpdated"` // read-only
	wire
}

// OrgCrossAppAccessConnectionPatchRequest is a Cross App Access connection's
// new status. It is a plain JSON object, not JSON Patch.
type OrgCrossAppAccessConnectionPatchRequest struct {
	Status OrgCrossAppAccessConnectionStatus `json:"status"` // required
	wire
}

// OrgCrossAppAccessConnectionStatus is a Cross App Access connection's status.
// Okta may send values not listed here; they decode as they are.
type OrgCrossAppAccessConnectionStatus string

// Statuses known to the spec.
const (
	CrossAppAccessConnectionActive   OrgCrossAppAccessConnectionStatus = "ACTIVE"
	CrossAppAccessConnectionInactive OrgCrossAppAccessConnectionStatus = "INACTIVE"
)
