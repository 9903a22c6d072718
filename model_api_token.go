package okta

import "time"

// ApiToken is the metadata of an API token. The token's secret is never
// returned by the API.
type ApiToken struct {
	ID          string          `json:"id"`
	Name        string          `json:"name"`
	ClientName  string          `json:"clientName"`  // the client that created it, such as "Okta API"
	UserID      string          `json:"userId"`      // the user the token acts as
	TokenWindow string          `json:"tokenWindow"` // ISO-8601 idle lifetime, such as "P30D"
	Network     ApiTokenNetwork `json:"network"`
	Created     time.Time       `json:"created"`
	ExpiresAt   time.Time       `json:"expiresAt"`
	LastUpdated time.Time       `json:"lastUpdated"`
	// Links holds the token's links (self, user). The spec names this member
	// "_link"; Okta sends "_links", which is what is decoded here. A "_link"
	// member, if sent, is kept like any other undeclared member.
	Links Links `json:"_links"`
	wire
}

// ApiTokenNetwork is the network condition under which a token may be used
// (declared since the 2026 spec; set it with UpsertApiToken).
type ApiTokenNetwork struct {
	Connection string   `json:"connection"` // such as "ANYWHERE" or "ZONE"
	Include    []string `json:"include"`    // network zone ids
	Exclude    []string `json:"exclude"`
	wire
}
