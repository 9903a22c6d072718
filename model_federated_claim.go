package okta

// FederatedClaim is a claim Okta evaluates and adds to the tokens an app is
// federated with (OIDC ID tokens, SAML assertions). The timestamps are
// strings: the spec declares them without a date-time format.
type FederatedClaim struct {
	ID          string `json:"id"`          // read-only
	Name        string `json:"name"`        // the claim's name in the token
	Expression  string `json:"expression"`  // an Okta Expression Language expression
	Created     string `json:"created"`     // read-only
	LastUpdated string `json:"lastUpdated"` // read-only
	wire
}

// FederatedClaimRequestBody is a federated claim to create.
type FederatedClaimRequestBody struct {
	Name       string `json:"name"`
	Expression string `json:"expression"` // an Okta Expression Language expression
	wire
}
