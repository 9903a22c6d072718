package okta_test

// The exact requests and typed results of certificate signing requests.

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gatekit/okta"
)

// appCsrOps is the table of certificate signing requests.
func appCsrOps(t *testing.T) []opRunner {
	return []opRunner{
		opCase[okta.Csr]{
			name: "generateCsrForApplication",
			call: func(ctx context.Context, c *okta.APIClient) (*okta.Csr, *okta.Response, error) {
				return c.ApplicationAPI.GenerateCsrForApplication(ctx, okta.GenerateCsrForApplicationRequest{AppID: "0oa1", Metadata: &okta.CsrMetadata{
					Subject: okta.CsrMetadataSubject{CountryName: "US", StateOrProvinceName: "California", LocalityName: "San Francisco",
						OrganizationName: "Example, Inc.", OrganizationalUnitName: "IT", CommonName: "sso.example.com"},
					SubjectAltNames: okta.CsrMetadataSubjectAltNames{DNSNames: []string{"sso.example.com", "login.example.com"}},
				}})
			},
			method: "POST", uri: "/api/v1/apps/0oa1/credentials/csrs",
			body:   `{"subject":{"commonName":"sso.example.com","countryName":"US","localityName":"San Francisco","organizationName":"Example, Inc.","organizationalUnitName":"IT","stateOrProvinceName":"California"},"subjectAltNames":{"dnsNames":["sso.example.com","login.example.com"]}}`,
			status: 201, resp: appCsrJSON,
			check: func(t *testing.T, r *okta.Csr) {
				c := r
				assert.Equal(t, "h9zkutaSe7fZX0SwN1GqDApofgD1OW8g2B5l2azha50", c.ID)
				assert.Equal(t, "RSA", c.Kty)
			},
		},
		opCase[[]okta.Csr]{
			name: "listCsrsForApplication",
			call: func(ctx context.Context, c *okta.APIClient) (*[]okta.Csr, *okta.Response, error) {
				return page(c.ApplicationAPI.ListCsrsForApplication(ctx, okta.ListCsrsForApplicationRequest{AppID: "0oa1"}))
			},
			method: "GET", uri: "/api/v1/apps/0oa1/credentials/csrs",
			status: 200, resp: appList(appCsrJSON),
			check: func(t *testing.T, r *[]okta.Csr) {
				require.Len(t, *r, 1)
			},
		},
		opCase[okta.Csr]{
			name: "getCsrForApplication",
			call: func(ctx context.Context, c *okta.APIClient) (*okta.Csr, *okta.Response, error) {
				return c.ApplicationAPI.GetCsrForApplication(ctx, okta.GetCsrForApplicationRequest{AppID: "0oa1", CsrID: "h9zkutaSe7fZX0SwN1GqDApofgD1OW8g2B5l2azha50"})
			},
			method: "GET", uri: "/api/v1/apps/0oa1/credentials/csrs/h9zkutaSe7fZX0SwN1GqDApofgD1OW8g2B5l2azha50",
			status: 200, resp: appCsrJSON,
			check: func(t *testing.T, r *okta.Csr) {
				assert.True(t, strings.HasPrefix(r.Csr, "MIIC4DCC"))
			},
		},
		opCase[noResult]{
			name: "revokeCsrFromApplication",
			call: func(ctx context.Context, c *okta.APIClient) (*noResult, *okta.Response, error) {
				resp, err := c.ApplicationAPI.RevokeCsrFromApplication(ctx, okta.RevokeCsrFromApplicationRequest{AppID: "0oa1", CsrID: "csr1"})
				return none(resp, err)
			},
			method: "DELETE", uri: "/api/v1/apps/0oa1/credentials/csrs/csr1", status: 204,
		},
	}
}
