package test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gatekit/okta"
)

// TestFederatedClaimsCRUD creates, reads, lists, replaces and deletes an
// app's federated claims; a claim name is unique in the app.
func TestFederatedClaimsCRUD(t *testing.T) {
	e := newEnv(t)
	c := ctx(t)
	app := e.create(t, okta.NewSamlApplication("federated-claims", "https://sp.example.com/acs", "https://sp.example.com/claims"), true)
	apps := e.apps

	empty, _, err := apps.ListFederatedClaims(c, okta.ListFederatedClaimsRequest{AppID: app.ID})
	require.NoError(t, err)
	assert.Empty(t, empty)

	dept, resp, err := apps.CreateFederatedClaim(c, okta.CreateFederatedClaimRequest{AppID: app.ID,
		FederatedClaimRequestBody: &okta.FederatedClaimRequestBody{Name: "department", Expression: "user.profile.department"}})
	require.NoError(t, err)
	assert.Equal(t, http.StatusCreated, resp.StatusCode)
	require.NotEmpty(t, dept.ID)
	assert.Equal(t, "department", dept.Name)
	assert.Equal(t, "user.profile.department", dept.Expression)
	assert.NotEmpty(t, dept.Created)

	role, _, err := apps.CreateFederatedClaim(c, okta.CreateFederatedClaimRequest{AppID: app.ID,
		FederatedClaimRequestBody: &okta.FederatedClaimRequestBody{Name: "role", Expression: `appuser.role`}})
	require.NoError(t, err)

	// The name is unique in the app.
	_, _, err = apps.CreateFederatedClaim(c, okta.CreateFederatedClaimRequest{AppID: app.ID,
		FederatedClaimRequestBody: &okta.FederatedClaimRequestBody{Name: "department", Expression: "user.profile.title"}})
	requireServerRefusal(t, err, 400, okta.ErrInvalidRequest)

	got, _, err := apps.GetFederatedClaim(c, okta.GetFederatedClaimRequest{AppID: app.ID, ClaimID: dept.ID})
	require.NoError(t, err)
	assert.Equal(t, dept.Name, got.Name)
	assert.Equal(t, dept.Expression, got.Expression)

	all, _, err := apps.ListFederatedClaims(c, okta.ListFederatedClaimsRequest{AppID: app.ID})
	require.NoError(t, err)
	assert.ElementsMatch(t, []string{dept.ID, role.ID}, claimIDs(all))

	// Replace: Okta answers 200 where the spec says 201; either is success.
	got.Expression = "user.profile.division"
	replaced, resp, err := apps.ReplaceFederatedClaim(c, okta.ReplaceFederatedClaimRequest{AppID: app.ID, ClaimID: dept.ID, FederatedClaim: got})
	require.NoError(t, err)
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Equal(t, dept.ID, replaced.ID)
	assert.Equal(t, "user.profile.division", replaced.Expression)
	again, _, err := apps.GetFederatedClaim(c, okta.GetFederatedClaimRequest{AppID: app.ID, ClaimID: dept.ID})
	require.NoError(t, err)
	assert.Equal(t, "user.profile.division", again.Expression)

	// Renaming onto another claim's name is refused.
	again.Name = "role"
	_, _, err = apps.ReplaceFederatedClaim(c, okta.ReplaceFederatedClaimRequest{AppID: app.ID, ClaimID: dept.ID, FederatedClaim: again})
	requireServerRefusal(t, err, 400, okta.ErrInvalidRequest)

	_, err = apps.DeleteFederatedClaim(c, okta.DeleteFederatedClaimRequest{AppID: app.ID, ClaimID: role.ID})
	require.NoError(t, err)
	_, _, err = apps.GetFederatedClaim(c, okta.GetFederatedClaimRequest{AppID: app.ID, ClaimID: role.ID})
	require.ErrorIs(t, err, okta.ErrNotFound)
	_, err = apps.DeleteFederatedClaim(c, okta.DeleteFederatedClaimRequest{AppID: app.ID, ClaimID: role.ID})
	require.ErrorIs(t, err, okta.ErrNotFound)
	left, _, err := apps.ListFederatedClaims(c, okta.ListFederatedClaimsRequest{AppID: app.ID})
	require.NoError(t, err)
	assert.Equal(t, []string{dept.ID}, claimIDs(left))
}

func claimIDs(claims []okta.FederatedClaim) []string {
	out := make([]string, len(claims))
	for i, fc := range claims {
		out[i] = fc.ID
	}
	return out
}
