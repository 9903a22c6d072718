package okta

// InterclientTrustMapping lets an allowed app request interclient SSO into a
// target app with an interclient token. Interclient trust is Early Access in
// Okta (Identity Engine). The timestamps are strings: the spec declares them
// without a date-time format.
type InterclientTrustMapping struct {
	ID                   string `json:"id"`                   // read-only
	OrgID                string `json:"orgId"`                // read-only
	AppInstanceID        string `json:"appInstanceId"`        // read-only: the target app
	TrustedAppInstanceID string `json:"trustedAppInstanceId"` // read-only: the allowed app
	Created              string `json:"created"`              // read-only
	LastUpdated          string `json:"lastUpdated"`          // read-only
	LastUpdatedBy        string `json:"lastUpdatedBy"`        // read-only: a user id
	wire
}

// InterclientTrustMappingRequestBody names the app to allow.
type InterclientTrustMappingRequestBody struct {
	ID string `json:"id"` // required: the allowed app's id
	wire
}
