package okta

import "time"

// ApplicationGroupAssignment is a group's assignment to an app.
type ApplicationGroupAssignment struct {
	ID          string         `json:"id"`       // the group's id; read-only
	Priority    *int           `json:"priority"` // 0 is the highest
	Profile     map[string]any `json:"profile"`  // app-specific properties; values of any JSON type
	LastUpdated time.Time      `json:"lastUpdated"`
	Embedded    map[string]any `json:"_embedded"` // read-only
	Links       Links          `json:"_links"`    // read-only
	wire
}
