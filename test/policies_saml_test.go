package test

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gatekit/okta"
)

// TestAssignApplicationPolicy assigns an OIDC app to an app sign-in policy
// the org knows, and back to the default one; a policy the org does not
// know is refused.
func TestAssignApplicationPolicy(t *testing.T) {
	emulatorOnly(t, "it needs the id of an app sign-in policy (the emulator's AddPolicy and DefaultPolicy)")
	e := newEnv(t)
	c := ctx(t)
	app := e.serviceApp(t, "policy")
	def := e.srv.DefaultPolicy()
	require.Equal(t, def, e.srv.AppPolicy(app.ID), "a new app uses the default policy")

	strict := e.srv.AddPolicy("Strict")
	resp, err := e.apps.AssignApplicationPolicy(c, okta.AssignApplicationPolicyRequest{AppID: app.ID, PolicyID: strict})
	require.NoError(t, err)
	assert.Equal(t, 204, resp.StatusCode)
	assert.Equal(t, strict, e.srv.AppPolicy(app.ID))

	_, err = e.apps.AssignApplicationPolicy(c, okta.AssignApplicationPolicyRequest{AppID: app.ID, PolicyID: def})
	require.NoError(t, err)
	assert.Equal(t, def, e.srv.AppPolicy(app.ID))

	_, err = e.apps.AssignApplicationPolicy(c, okta.AssignApplicationPolicyRequest{AppID: app.ID, PolicyID: "rstNoSuchPolicy00000"})
	requireServerRefusal(t, err, 404, okta.ErrNotFound)
	assert.Equal(t, def, e.srv.AppPolicy(app.ID), "a refused assignment changes nothing")
	_, err = e.apps.AssignApplicationPolicy(c, okta.AssignApplicationPolicyRequest{AppID: "0oaNoSuchApp00000000", PolicyID: def})
	requireServerRefusal(t, err, 404, okta.ErrNotFound)
}

// TestAssignApplicationPolicyLink reads the assigned policy back through the
// public API: the app's _links.accessPolicy names it.
func TestAssignApplicationPolicyLink(t *testing.T) {
	emulatorOnly(t, "it needs the id of an app sign-in policy (the emulator's AddPolicy)")
	e := newEnv(t)
	c := ctx(t)
	app := e.serviceApp(t, "policy-link")
	policyHref := func() string {
		got, _, err := e.apps.GetApplication(c, okta.GetApplicationRequest{AppID: app.ID})
		require.NoError(t, err)
		return got.Links.Href("accessPolicy")
	}
	assert.True(t, strings.HasSuffix(policyHref(), "/api/v1/policies/"+e.srv.DefaultPolicy()), policyHref())
	strict := e.srv.AddPolicy("Strict")
	_, err := e.apps.AssignApplicationPolicy(c, okta.AssignApplicationPolicyRequest{AppID: app.ID, PolicyID: strict})
	require.NoError(t, err)
	assert.True(t, strings.HasSuffix(policyHref(), "/api/v1/policies/"+strict), policyHref())
}

// TestPreviewSAMLMetadata previews a SAML app's IdP metadata for each of two
// signing keys: the XML carries the certificate of the key asked for.
func TestPreviewSAMLMetadata(t *testing.T) {
	e := newEnv(t)
	c := ctx(t)
	app := e.create(t, okta.NewSamlApplication("saml-metadata", "https://sp.example.com/acs", "https://sp.example.com/meta"), true)
	current := app.Credentials.Signing.Kid
	require.NotEmpty(t, current)
	next, _, err := e.apps.GenerateApplicationKey(c, okta.GenerateApplicationKeyRequest{AppID: app.ID, ValidityYears: 2})
	require.NoError(t, err)

	for _, kid := range []string{current, next.Kid} {
		key, _, err := e.apps.GetApplicationKey(c, okta.GetApplicationKeyRequest{AppID: app.ID, KeyID: kid})
		require.NoError(t, err)
		require.NotEmpty(t, key.X5C)

		doc, resp, err := e.apps.PreviewSAMLMetadataForApplication(c, okta.PreviewSAMLMetadataForApplicationRequest{AppID: app.ID, Kid: kid})
		require.NoError(t, err)
		assert.True(t, strings.HasPrefix(resp.Header.Get("Content-Type"), "text/xml"), resp.Header.Get("Content-Type"))
		root, certs := samlMetadataCerts(t, doc)
		assert.Equal(t, "EntityDescriptor", root)
		require.NotEmpty(t, certs, "the metadata carries a signing certificate")
		for _, cert := range certs {
			assert.Equal(t, key.X5C[0], cert, "the certificate of kid %s", kid)
		}
	}

	// A kid the app does not have, and an app that is not SAML.
	_, _, err = e.apps.PreviewSAMLMetadataForApplication(c, okta.PreviewSAMLMetadataForApplicationRequest{AppID: app.ID, Kid: "no-such-kid"})
	requireServerRefusal(t, err, 404, okta.ErrNotFound)
	bookmark := e.create(t, okta.NewBookmarkApplication("not-saml", "https://app.example.com/"), true)
	_, _, err = e.apps.PreviewSAMLMetadataForApplication(c, okta.PreviewSAMLMetadataForApplicationRequest{AppID: bookmark.ID, Kid: current})
	require.Error(t, err)
	// The kid is required: refused before sending.
	_, resp, err := e.apps.PreviewSAMLMetadataForApplication(c, okta.PreviewSAMLMetadataForApplicationRequest{AppID: app.ID})
	require.ErrorIs(t, err, okta.ErrInvalidRequest)
	assert.Nil(t, resp)
}

// samlMetadataCerts parses a metadata document and returns its root
// element's local name and the text of its X509Certificate elements, with
// white space removed.
func samlMetadataCerts(t *testing.T, doc []byte) (root string, certs []string) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(doc))
	inCert := false
	var text strings.Builder
	for range 100_000 { // bounded: a metadata document is a few hundred tokens
		tok, err := dec.Token()
		if err == io.EOF {
			return root, certs
		}
		require.NoError(t, err)
		switch el := tok.(type) {
		case xml.StartElement:
			if root == "" {
				root = el.Name.Local
			}
			if el.Name.Local == "X509Certificate" {
				inCert = true
				text.Reset()
			}
		case xml.CharData:
			if inCert {
				text.Write(el)
			}
		case xml.EndElement:
			if el.Name.Local == "X509Certificate" {
				inCert = false
				certs = append(certs, strings.Join(strings.Fields(text.String()), ""))
			}
		}
	}
	t.Fatal("the metadata document does not end")
	return "", nil
}
