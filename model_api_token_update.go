package okta

import "time"

// ApiTokenUpdate is an API token's new name, user and network condition, for
// UpsertApiToken. ClientName and Created are read-only; a token read with
// GetApiToken and sent back with its changes is accepted.
type ApiTokenUpdate struct {
	Name       string          `json:"name"`
	UserID     string          `json:"userId"`
	ClientName string          `json:"clientName"` // read-only
	Created    time.Time       `json:"created"`    // read-only
	Network    ApiTokenNetwork `json:"network"`
	wire
}
