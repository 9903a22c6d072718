package okta_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gatekit/okta"
)

// labelOf is the README's "code under test": a user's function that reads
// one app's label.
func labelOf(ctx context.Context, apps *okta.ApplicationAPI, id string) (string, error) {
	app, _, err := apps.GetApplication(ctx, okta.GetApplicationRequest{AppID: id})
	if err != nil {
		return "", err
	}
	return app.Label, nil
}

// TestReadmeHTTPMockExample is the README's httpmock example, as written
// there ("oktatest or httpmock?"): Activate before NewConfiguration.
func TestReadmeHTTPMockExample(t *testing.T) {
	httpmock.Activate(t) // replaces http.DefaultTransport for this test
	httpmock.RegisterResponder("GET", "https://dev-123456.okta.com/api/v1/apps/0oa1",
		httpmock.NewStringResponder(200, `{"id":"0oa1","label":"Wiki","signOnMode":"BOOKMARK"}`))

	cfg, err := okta.NewConfiguration(okta.WithoutDefaultSources(),
		okta.WithOrgURL("https://dev-123456.okta.com"), okta.WithAPIToken("00-test-token"))
	require.NoError(t, err)
	label, err := labelOf(t.Context(), okta.NewAPIClient(cfg).ApplicationAPI, "0oa1") // the code under test
	require.NoError(t, err)
	assert.Equal(t, "Wiki", label)
	assert.Equal(t, 1, httpmock.GetTotalCallCount())
}

// TestReadmeHTTPMockActivatedAfterTheClient: the README says Activate works
// after the client is built too, and never lets a request reach the real host.
func TestReadmeHTTPMockActivatedAfterTheClient(t *testing.T) {
	cfg, err := okta.NewConfiguration(okta.WithoutDefaultSources(),
		okta.WithOrgURL("https://dev-123456.okta.com"), okta.WithAPIToken("00-test-token"))
	require.NoError(t, err)
	apps := okta.NewAPIClient(cfg).ApplicationAPI

	httpmock.Activate(t)
	httpmock.RegisterResponder("GET", "https://dev-123456.okta.com/api/v1/apps/0oa1",
		httpmock.NewStringResponder(200, `{"id":"0oa1","label":"Payroll"}`))
	label, err := labelOf(t.Context(), apps, "0oa1")
	require.NoError(t, err)
	assert.Equal(t, "Payroll", label)
	assert.Equal(t, 1, httpmock.GetTotalCallCount())
}

// TestReadmeHTTPMockWithOwnClient: with WithHTTPClient, ActivateNonDefault
// on that client is what the README says to use.
func TestReadmeHTTPMockWithOwnClient(t *testing.T) {
	own := &http.Client{}
	httpmock.ActivateNonDefault(own)
	t.Cleanup(httpmock.DeactivateAndReset)
	httpmock.RegisterResponder("GET", "https://dev-123456.okta.com/api/v1/apps/0oa1",
		httpmock.NewStringResponder(200, `{"id":"0oa1","label":"Status page"}`))

	cfg, err := okta.NewConfiguration(okta.WithoutDefaultSources(), okta.WithHTTPClient(own),
		okta.WithOrgURL("https://dev-123456.okta.com"), okta.WithAPIToken("00-test-token"))
	require.NoError(t, err)
	label, err := labelOf(t.Context(), okta.NewAPIClient(cfg).ApplicationAPI, "0oa1")
	require.NoError(t, err)
	assert.Equal(t, "Status page", label)
	assert.Equal(t, 1, httpmock.GetTotalCallCount())
}
