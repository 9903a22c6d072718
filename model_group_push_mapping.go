package okta

import "time"

// GroupPushMapping pushes an Okta group (the source) to a group in the app
// (the target). A mapping must be INACTIVE before it can be deleted.
type GroupPushMapping struct {
	ID            string                 `json:"id"`            // read-only
	SourceGroupID string                 `json:"sourceGroupId"` // read-only: the Okta group
	TargetGroupID string                 `json:"targetGroupId"` // read-only: the app's group
	Status        GroupPushMappingStatus `json:"status"`
	ErrorSummary  string                 `json:"errorSummary"` // read-only: why the last push failed (status ERROR)
	AppConfig     AppConfig              `json:"appConfig"`
	Created       time.Time              `json:"created"`     // read-only
	LastUpdated   time.Time              `json:"lastUpdated"` // read-only
	LastPush      time.Time              `json:"lastPush"`    // read-only
	Links         Links                  `json:"_links"`      // read-only: app, sourceGroup, targetGroup
	wire
}

// GroupPushMappingStatus is a group push mapping's status. A mapping is
// created or updated ACTIVE or INACTIVE (the spec's GroupPushMappingStatusUpsert);
// Okta sets ERROR. Okta may send values not listed here; they decode as they
// are.
type GroupPushMappingStatus string

// Statuses known to the spec.
const (
	GroupPushMappingActive   GroupPushMappingStatus = "ACTIVE"
	GroupPushMappingInactive GroupPushMappingStatus = "INACTIVE"
	GroupPushMappingError    GroupPushMappingStatus = "ERROR"
)

// AppConfig is the app-specific configuration of a group push mapping. It is
// one concrete type for the spec's AppConfig and its subtypes: Type says which
// (only ACTIVE_DIRECTORY today, whose members are the fields below it).
type AppConfig struct {
	Type AppConfigType `json:"type"`
	// Active Directory (AppConfigActiveDirectory): all four are required.
	DistinguishedName string                    `json:"distinguishedName"`
	GroupScope        ActiveDirectoryGroupScope `json:"groupScope"`
	GroupType         ActiveDirectoryGroupType  `json:"groupType"`
	SamAccountName    string                    `json:"samAccountName"`
	wire
}

// AppConfigType is the kind of an AppConfig. Okta may send values not listed
// here; they decode as they are.
type AppConfigType string

// AppConfig types known to the spec.
const AppConfigTypeActiveDirectory AppConfigType = "ACTIVE_DIRECTORY"

// ActiveDirectoryGroupScope is an Active Directory group's scope.
type ActiveDirectoryGroupScope string

// Scopes known to the spec.
const (
	ActiveDirectoryGroupScopeDomainLocal ActiveDirectoryGroupScope = "DOMAIN_LOCAL"
	ActiveDirectoryGroupScopeGlobal      ActiveDirectoryGroupScope = "GLOBAL"
	ActiveDirectoryGroupScopeUniversal   ActiveDirectoryGroupScope = "UNIVERSAL"
)

// ActiveDirectoryGroupType is an Active Directory group's type.
type ActiveDirectoryGroupType string

// Types known to the spec.
const (
	ActiveDirectoryGroupTypeDistribution ActiveDirectoryGroupType = "DISTRIBUTION"
	ActiveDirectoryGroupTypeSecurity     ActiveDirectoryGroupType = "SECURITY"
)

// CreateGroupPushMappingRequestBody is a group push mapping to create: the
// spec's CreateGroupPushMappingRequest schema, renamed because
// CreateGroupPushMappingRequest is the operation's request struct. Set exactly
// one of TargetGroupID (link an existing group) and TargetGroupName (create the
// group, or link it if it exists).
type CreateGroupPushMappingRequestBody struct {
	SourceGroupID   string                 `json:"sourceGroupId"` // required
	TargetGroupID   string                 `json:"targetGroupId"`
	TargetGroupName string                 `json:"targetGroupName"`
	Status          GroupPushMappingStatus `json:"status"` // ACTIVE (Okta's default) or INACTIVE
	AppConfig       AppConfig              `json:"appConfig"`
	wire
}

// UpdateGroupPushMappingRequestBody is a group push mapping's new status: the
// spec's UpdateGroupPushMappingRequest schema, renamed because
// UpdateGroupPushMappingRequest is the operation's request struct.
type UpdateGroupPushMappingRequestBody struct {
	Status GroupPushMappingStatus `json:"status"` // required: ACTIVE or INACTIVE
	wire
}
