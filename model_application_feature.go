package okta

// ApplicationFeature is a provisioning feature of an app, such as
// USER_PROVISIONING.
type ApplicationFeature struct {
	Name         string             `json:"name"`
	Description  string             `json:"description"`
	Status       EnabledStatus      `json:"status"`
	Capabilities CapabilitiesObject `json:"capabilities"`
	Links        Links              `json:"_links"` // read-only
	wire
}

// CapabilitiesObject is what a provisioning feature does on create and update.
type CapabilitiesObject struct {
	Create CapabilitiesCreateObject `json:"create"`
	Update CapabilitiesUpdateObject `json:"update"`
	wire
}

// CapabilitiesCreateObject is what happens when a user is assigned.
type CapabilitiesCreateObject struct {
	LifecycleCreate LifecycleCreateSettingObject `json:"lifecycleCreate"`
	wire
}

// CapabilitiesUpdateObject is what happens when a user changes or leaves.
type CapabilitiesUpdateObject struct {
	LifecycleDeactivate LifecycleDeactivateSettingObject `json:"lifecycleDeactivate"`
	Password            PasswordSettingObject            `json:"password"`
	Profile             ProfileSettingObject             `json:"profile"`
	wire
}

// LifecycleCreateSettingObject turns user creation in the app on or off.
type LifecycleCreateSettingObject struct {
	Status EnabledStatus `json:"status"`
	wire
}

// LifecycleDeactivateSettingObject turns user deactivation in the app on or off.
type LifecycleDeactivateSettingObject struct {
	Status EnabledStatus `json:"status"`
	wire
}

// PasswordSettingObject is how passwords are pushed to the app.
type PasswordSettingObject struct {
	Status EnabledStatus `json:"status"`
	Seed   SeedEnum      `json:"seed"`
	Change ChangeEnum    `json:"change"`
	wire
}

// ProfileSettingObject turns profile pushes to the app on or off.
type ProfileSettingObject struct {
	Status EnabledStatus `json:"status"`
	wire
}

// EnabledStatus is ENABLED or DISABLED.
type EnabledStatus string

// Values known to the spec.
const (
	Enabled  EnabledStatus = "ENABLED"
	Disabled EnabledStatus = "DISABLED"
)

// SeedEnum is where a pushed password comes from.
type SeedEnum string

// Values known to the spec.
const (
	SeedOkta   SeedEnum = "OKTA"
	SeedRandom SeedEnum = "RANDOM"
)

// ChangeEnum is whether a pushed password replaces the app's.
type ChangeEnum string

// Values known to the spec.
const (
	ChangeChange       ChangeEnum = "CHANGE"
	ChangeKeepExisting ChangeEnum = "KEEP_EXISTING"
)
