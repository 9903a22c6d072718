package okta

import (
	"time"
)

// Application is an app in the org, of any sign-on mode. It is one concrete
// type: the members of all of the spec's application subtypes (auto-login,
// basic auth, bookmark, browser plugin, OpenID Connect, SAML, secure password
// store, WS-Federation) are fields of its Settings and Credentials, and what a
// mode does not use stays empty. Members this type does not declare, such as a
// catalog app's own settings.app keys, are kept and sent back unchanged; read
// them with Extra.
type Application struct {
	ID            string                     `json:"id"`          // read-only
	Name          string                     `json:"name"`        // the app's template, such as "oidc_client", "bookmark" or a catalog name
	Label         string                     `json:"label"`       // the name people see
	SignOnMode    ApplicationSignOnMode      `json:"signOnMode"`  // empty for directory apps, which Okta sends with null
	Status        ApplicationLifecycleStatus `json:"status"`      // read-only: change it with the lifecycle operations
	Created       time.Time                  `json:"created"`     // read-only
	LastUpdated   time.Time                  `json:"lastUpdated"` // read-only
	Accessibility ApplicationAccessibility   `json:"accessibility"`
	Visibility    ApplicationVisibility      `json:"visibility"`
	Features      []string                   `json:"features"`
	Licensing     ApplicationLicensing       `json:"licensing"`
	Credentials   ApplicationCredentials     `json:"credentials"`
	Settings      ApplicationSettings        `json:"settings"`
	Profile       map[string]any             `json:"profile"`   // custom properties; values of any JSON type
	Embedded      map[string]any             `json:"_embedded"` // read-only
	Links         Links                      `json:"_links"`    // read-only
	// Members the 2026 spec added, all read-only.
	Orn                  string                          `json:"orn"`                  // the app's Okta Resource Name: orn:<partition>:idp:<orgId>:apps:<name>:<appId>
	UniversalLogout      ApplicationUniversalLogout      `json:"universalLogout"`      // Identity Engine; often null
	ExpressConfiguration ApplicationExpressConfiguration `json:"expressConfiguration"` // Identity Engine
	wire
}

// ApplicationSignOnMode is how users sign in to an app. Okta may send values
// not listed here; they decode as they are.
type ApplicationSignOnMode string

// Sign-on modes known to the spec.
const (
	SignOnModeAutoLogin           ApplicationSignOnMode = "AUTO_LOGIN"
	SignOnModeBasicAuth           ApplicationSignOnMode = "BASIC_AUTH"
	SignOnModeBookmark            ApplicationSignOnMode = "BOOKMARK"
	SignOnModeBrowserPlugin       ApplicationSignOnMode = "BROWSER_PLUGIN"
	SignOnModeOpenIDConnect       ApplicationSignOnMode = "OPENID_CONNECT"
	SignOnModeSAML11              ApplicationSignOnMode = "SAML_1_1"
	SignOnModeSAML20              ApplicationSignOnMode = "SAML_2_0"
	SignOnModeSecurePasswordStore ApplicationSignOnMode = "SECURE_PASSWORD_STORE"
	SignOnModeWSFederation        ApplicationSignOnMode = "WS_FEDERATION"
)

// ApplicationLifecycleStatus is an app's status.
type ApplicationLifecycleStatus string

// Application statuses known to the spec.
const (
	ApplicationActive   ApplicationLifecycleStatus = "ACTIVE"
	ApplicationInactive ApplicationLifecycleStatus = "INACTIVE"
	ApplicationDeleted  ApplicationLifecycleStatus = "DELETED"
)

// ApplicationAccessibility is an app's access settings.
type ApplicationAccessibility struct {
	ErrorRedirectURL string `json:"errorRedirectUrl"`
	LoginRedirectURL string `json:"loginRedirectUrl"`
	SelfService      *bool  `json:"selfService"`
	wire
}

// ApplicationVisibility says where an app's links show.
type ApplicationVisibility struct {
	AppLinks          map[string]bool           `json:"appLinks"` // link name -> shown
	AutoLaunch        *bool                     `json:"autoLaunch"`
	AutoSubmitToolbar *bool                     `json:"autoSubmitToolbar"`
	Hide              ApplicationVisibilityHide `json:"hide"`
	wire
}

// ApplicationVisibilityHide hides an app's links on iOS or the web.
type ApplicationVisibilityHide struct {
	IOS *bool `json:"iOS"`
	Web *bool `json:"web"`
	wire
}

// ApplicationLicensing is an app's licensing.
type ApplicationLicensing struct {
	SeatCount *int `json:"seatCount"`
	wire
}
