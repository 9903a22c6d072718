package okta

import "time"

// AppUser is a user's assignment to an app: the app-specific profile and
// credentials.
type AppUser struct {
	ID              string             `json:"id"` // the Okta user's id; set it to assign a user
	ExternalID      string             `json:"externalId"`
	Scope           string             `json:"scope"`  // "USER" or "GROUP"
	Status          string             `json:"status"` // read-only
	SyncState       string             `json:"syncState"`
	Credentials     AppUserCredentials `json:"credentials"`
	Profile         map[string]any     `json:"profile"` // app-specific properties; values of any JSON type
	Created         time.Time          `json:"created"`
	LastUpdated     time.Time          `json:"lastUpdated"`
	LastSync        time.Time          `json:"lastSync"`
	PasswordChanged time.Time          `json:"passwordChanged"`
	StatusChanged   time.Time          `json:"statusChanged"`
	Embedded        map[string]any     `json:"_embedded"` // read-only
	Links           Links              `json:"_links"`    // read-only
	wire
}

// AppUserCredentials is a user's credentials for an app.
type AppUserCredentials struct {
	UserName string                    `json:"userName"`
	Password AppUserPasswordCredential `json:"password"`
	wire
}

// AppUserPasswordCredential is a user's password for an app. Okta never
// returns it.
type AppUserPasswordCredential struct {
	Value Secret `json:"value"`
	wire
}
