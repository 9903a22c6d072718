package okta

// Which operations a client's credentials may call, refused before sending.

// apiTokenOnly are the operations Okta accepts only with an API token: they
// have no OAuth 2.0 scope. (The scope-consent-grant operations were among them
// in the 2022 spec; Okta now accepts okta.appGrants.read and .manage for them.)
var apiTokenOnly = map[string]bool{
	"revokeCurrentApiToken": true,
}

// refuseForAuth refuses, before sending, an operation that the client's
// credentials cannot authorize.
func (c *APIClient) refuseForAuth(op string) error {
	if _, ok := c.auth.(*oauthAuth); ok && apiTokenOnly[op] {
		return invalid(op, "Okta accepts only an API token (SSWS) for this operation, "+
			"and the client is configured for OAuth 2.0 access tokens (authorization mode %s): "+
			"use a client configured with WithAPIToken for it", c.cfg.AuthorizationMode())
	}
	return nil
}
