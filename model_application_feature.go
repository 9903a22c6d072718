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

func (f ApplicationFeature) MarshalJSON() ([]byte, error)     { return marshalModel(&f) }
func (f *ApplicationFeature) UnmarshalJSON(data []byte) error { return unmarshalModel(data, f) }

// CapabilitiesObject is what a provisioning feature does on create and update.
type CapabilitiesObject struct {
	Create CapabilitiesCreateObject `json:"create"`
	Update CapabilitiesUpdateObject `json:"update"`
	wire
}

func (c CapabilitiesObject) MarshalJSON() ([]byte, error)     { return marshalModel(&c) }
func (c *CapabilitiesObject) UnmarshalJSON(data []byte) error { return unmarshalModel(data, c) }

// CapabilitiesCreateObject is what happens when a user is assigned.
type CapabilitiesCreateObject struct {
	LifecycleCreate LifecycleCreateSettingObject `json:"lifecycleCreate"`
	wire
}

func (c CapabilitiesCreateObject) MarshalJSON() ([]byte, error) { return marshalModel(&c) }
func (c *CapabilitiesCreateObject) UnmarshalJSON(data []byte) error {
	return unmarshalModel(data, c)
}

// CapabilitiesUpdateObject is what happens when a user changes or leaves.
type CapabilitiesUpdateObject struct {
	LifecycleDeactivate LifecycleDeactivateSettingObject `json:"lifecycleDeactivate"`
	Password            PasswordSettingObject            `json:"password"`
	Profile             ProfileSettingObject             `json:"profile"`
	wire
}

func (c CapabilitiesUpdateObject) MarshalJSON() ([]byte, error) { return marshalModel(&c) }
func (c *CapabilitiesUpdateObject) UnmarshalJSON(data []byte) error {
	return unmarshalModel(data, c)
}

// LifecycleCreateSettingObject turns user creation in the app on or off.
type LifecycleCreateSettingObject struct {
	Status EnabledStatus `json:"status"`
	wire
}

func (s LifecycleCreateSettingObject) MarshalJSON() ([]byte, error) { return marshalModel(&s) }
func (s *LifecycleCreateSettingObject) UnmarshalJSON(data []byte) error {
	return unmarshalModel(data, s)
}

// LifecycleDeactivateSettingObject turns user deactivation in the app on or off.
type LifecycleDeactivateSettingObject struct {
	Status EnabledStatus `json:"status"`
	wire
}

func (s LifecycleDeactivateSettingObject) MarshalJSON() ([]byte, error) { return marshalModel(&s) }
func (s *LifecycleDeactivateSettingObject) UnmarshalJSON(data []byte) error {
	return unmarshalModel(data, s)
}

// PasswordSettingObject is how passwords are pushed to the app.
type PasswordSettingObject struct {
	Status EnabledStatus `json:"status"`
	Seed   SeedEnum      `json:"seed"`
	Change ChangeEnum    `json:"change"`
	wire
}

func (s PasswordSettingObject) MarshalJSON() ([]byte, error)     { return marshalModel(&s) }
func (s *PasswordSettingObject) UnmarshalJSON(data []byte) error { return unmarshalModel(data, s) }

// ProfileSettingObject turns profile pushes to the app on or off.
type ProfileSettingObject struct {
	Status EnabledStatus `json:"status"`
	wire
}

func (s ProfileSettingObject) MarshalJSON() ([]byte, error)     { return marshalModel(&s) }
func (s *ProfileSettingObject) UnmarshalJSON(data []byte) error { return unmarshalModel(data, s) }

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
