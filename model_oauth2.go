package okta

import "time"

// OAuth2Token is a refresh token issued to an app's client.
type OAuth2Token struct {
	ID          string             `json:"id"`
	ClientID    string             `json:"clientId"`
	UserID      string             `json:"userId"`
	Issuer      string             `json:"issuer"`
	Scopes      []string           `json:"scopes"`
	Status      GrantOrTokenStatus `json:"status"`
	Created     time.Time          `json:"created"`
	ExpiresAt   time.Time          `json:"expiresAt"`
	LastUpdated time.Time          `json:"lastUpdated"`
	Embedded    map[string]any     `json:"_embedded"` // read-only; scopes with expand=scope
	Links       Links              `json:"_links"`    // read-only
	wire
}

// OAuth2ScopeConsentGrant is an app's permission to request an Okta scope.
type OAuth2ScopeConsentGrant struct {
	ID          string                        `json:"id"`
	Issuer      string                        `json:"issuer"`  // required when granting: the org URL
	ScopeID     string                        `json:"scopeId"` // required when granting, such as "okta.users.read"
	ClientID    string                        `json:"clientId"`
	UserID      string                        `json:"userId"`
	Source      OAuth2ScopeConsentGrantSource `json:"source"`
	Status      GrantOrTokenStatus            `json:"status"`
	CreatedBy   OAuth2Actor                   `json:"createdBy"`
	Created     time.Time                     `json:"created"`
	LastUpdated time.Time                     `json:"lastUpdated"`
	Embedded    map[string]any                `json:"_embedded"` // read-only
	Links       Links                         `json:"_links"`    // read-only
	wire
}

// OAuth2Actor is who made a grant.
type OAuth2Actor struct {
	ID   string `json:"id"`
	Type string `json:"type"`
	wire
}

// GrantOrTokenStatus is a token's or a grant's status.
type GrantOrTokenStatus string

// Values known to the spec.
const (
	GrantOrTokenActive  GrantOrTokenStatus = "ACTIVE"
	GrantOrTokenRevoked GrantOrTokenStatus = "REVOKED"
)

// OAuth2ScopeConsentGrantSource is who gave a consent.
type OAuth2ScopeConsentGrantSource string

// Values known to the spec.
const (
	GrantSourceAdmin   OAuth2ScopeConsentGrantSource = "ADMIN"
	GrantSourceEndUser OAuth2ScopeConsentGrantSource = "END_USER"
)
