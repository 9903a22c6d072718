package test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gatekit/okta"
)

// TestUpsertAPITokenNetwork restricts an API token to network zones and
// renames it, sending back what GetApiToken read (read-only members
// included); the token's user cannot change and an inconsistent network is
// refused.
func TestUpsertAPITokenNetwork(t *testing.T) {
	emulatorOnly(t, "it changes an API token's network condition; on a real org that could lock the suite out")
	e := newEnv(t)
	c := ctx(t)
	tokens := e.client.ApiTokenAPI
	owner := e.user(t)
	id, _ := e.srv.AddAPIToken("terraform", owner)

	before, _, err := tokens.GetApiToken(c, okta.GetApiTokenRequest{ApiTokenID: id})
	require.NoError(t, err)
	assert.Equal(t, "ANYWHERE", before.Network.Connection, "a token is usable from anywhere until restricted")

	update := &okta.ApiTokenUpdate{Name: "terraform-ci", UserID: before.UserID, ClientName: before.ClientName, Created: before.Created,
		Network: okta.ApiTokenNetwork{Connection: "ZONE", Include: []string{"nzoCorpNetwork000001"}, Exclude: []string{"nzoBlockedIPs0000001"}}}
	got, _, err := tokens.UpsertApiToken(c, okta.UpsertApiTokenRequest{ApiTokenID: id, ApiTokenUpdate: update})
	require.NoError(t, err)
	assert.Equal(t, id, got.ID)
	assert.Equal(t, "terraform-ci", got.Name)
	assert.Equal(t, owner, got.UserID)
	assert.Equal(t, "ZONE", got.Network.Connection)
	assert.Equal(t, []string{"nzoCorpNetwork000001"}, got.Network.Include)
	assert.Equal(t, []string{"nzoBlockedIPs0000001"}, got.Network.Exclude)

	read, _, err := tokens.GetApiToken(c, okta.GetApiTokenRequest{ApiTokenID: id})
	require.NoError(t, err)
	assert.Equal(t, "terraform-ci", read.Name)
	assert.Equal(t, got.Network.Connection, read.Network.Connection)
	assert.Equal(t, got.Network.Include, read.Network.Include)
	assert.True(t, before.Created.Equal(read.Created), "created does not change")

	// Back to anywhere.
	update.Network = okta.ApiTokenNetwork{Connection: "ANYWHERE"}
	got, _, err = tokens.UpsertApiToken(c, okta.UpsertApiTokenRequest{ApiTokenID: id, ApiTokenUpdate: update})
	require.NoError(t, err)
	assert.Equal(t, "ANYWHERE", got.Network.Connection)
	assert.Empty(t, got.Network.Include)

	// Refusals change nothing.
	for name, bad := range map[string]*okta.ApiTokenUpdate{
		"anywhere with zones": {Name: "x", Network: okta.ApiTokenNetwork{Connection: "ANYWHERE", Include: []string{"nzoCorpNetwork000001"}}},
		"zone without zones":  {Name: "x", Network: okta.ApiTokenNetwork{Connection: "ZONE"}},
		"unknown connection":  {Name: "x", Network: okta.ApiTokenNetwork{Connection: "SOMEWHERE"}},
		"another user":        {Name: "x", UserID: e.user(t)},
	} {
		_, _, err := tokens.UpsertApiToken(c, okta.UpsertApiTokenRequest{ApiTokenID: id, ApiTokenUpdate: bad})
		require.Error(t, err, name)
		requireServerRefusal(t, err, 400, okta.ErrInvalidRequest)
	}
	read, _, err = tokens.GetApiToken(c, okta.GetApiTokenRequest{ApiTokenID: id})
	require.NoError(t, err)
	assert.Equal(t, "terraform-ci", read.Name)
	assert.Equal(t, owner, read.UserID)
	assert.Equal(t, "ANYWHERE", read.Network.Connection)

	_, _, err = tokens.UpsertApiToken(c, okta.UpsertApiTokenRequest{ApiTokenID: "00TNoSuchToken000000", ApiTokenUpdate: update})
	requireServerRefusal(t, err, 404, okta.ErrNotFound)
	// The body is required: refused before sending.
	_, resp, err := tokens.UpsertApiToken(c, okta.UpsertApiTokenRequest{ApiTokenID: id})
	require.ErrorIs(t, err, okta.ErrInvalidRequest)
	assert.Nil(t, resp)
}
