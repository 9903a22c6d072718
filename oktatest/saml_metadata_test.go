package oktatest_test

import (
	"crypto/x509"
	"encoding/base64"
	"encoding/xml"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// samlApp is a custom SAML 2.0 app.
func samlApp(label string) map[string]any {
	return map[string]any{
		"label":      label,
		"signOnMode": "SAML_2_0",
		"settings": map[string]any{"signOn": map[string]any{
			"ssoAcsUrl": "https://sp.example.com/acs", "audience": "https://sp.example.com", "recipient": "https://sp.example.com/acs",
			"destination": "https://sp.example.com/acs", "subjectNameIdTemplate": "${user.userName}",
			"subjectNameIdFormat": "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified",
		}},
	}
}

// samlMetadataDoc is what a client reads of the metadata.
type samlMetadataDoc struct {
	XMLName  xml.Name `xml:"urn:oasis:names:tc:SAML:2.0:metadata EntityDescriptor"`
	EntityID string   `xml:"entityID,attr"`
	IDP      struct {
		Certs []string `xml:"KeyDescriptor>KeyInfo>X509Data>X509Certificate"`
		SSO   []struct {
			Binding  string `xml:"Binding,attr"`
			Location string `xml:"Location,attr"`
		} `xml:"SingleSignOnService"`
	} `xml:"IDPSSODescriptor"`
}

func TestPreviewSAMLMetadata(t *testing.T) {
	srv, c := newServer(t)
	created := c.createApp(samlApp("SAML SP"))
	app := created["id"].(string)
	kid := str(created, "credentials", "signing", "kid")
	require.NotEmpty(t, kid)
	meta := "/api/v1/apps/" + app + "/sso/saml/metadata"

	// A second key: the metadata follows the kid asked for.
	r := c.do("POST", "/api/v1/apps/"+app+"/credentials/keys/generate?validityYears=2", nil)
	require.Equal(t, http.StatusCreated, r.status, "%s", r.body)
	kid2 := str(r.obj(t), "kid")

	for _, k := range []string{kid, kid2} {
		r := c.do("GET", meta+"?kid="+k, nil, "Accept", "text/xml, application/json")
		require.Equal(t, http.StatusOK, r.status, "%s", r.body)
		assert.True(t, strings.HasPrefix(r.header.Get("Content-Type"), "text/xml"), r.header.Get("Content-Type"))
		var doc samlMetadataDoc
		require.NoError(t, xml.Unmarshal(r.body, &doc), "%s", r.body)
		assert.True(t, strings.HasPrefix(doc.EntityID, "http://www.okta.com/exk"), doc.EntityID)
		require.Len(t, doc.IDP.Certs, 1)
		require.Len(t, doc.IDP.SSO, 2)
		assert.Equal(t, "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST", doc.IDP.SSO[0].Binding)
		assert.True(t, strings.HasPrefix(doc.IDP.SSO[0].Location, srv.URL+"/app/"), doc.IDP.SSO[0].Location)

		// The certificate is the key's: the same as the key's x5c.
		jwk := c.do("GET", "/api/v1/apps/"+app+"/credentials/keys/"+k, nil).obj(t)
		assert.Equal(t, get(jwk, "x5c").([]any)[0], doc.IDP.Certs[0])
		der, err := base64.StdEncoding.DecodeString(doc.IDP.Certs[0])
		require.NoError(t, err)
		_, err = x509.ParseCertificate(der)
		require.NoError(t, err)
	}
	a := c.do("GET", meta+"?kid="+kid, nil).body
	b := c.do("GET", meta+"?kid="+kid2, nil).body
	assert.NotEqual(t, a, b)

	requireError(t, c.do("GET", meta+"?kid=unknown", nil), http.StatusNotFound, "E0000007", "unknown (AppInstanceKeyCredential)")
	requireError(t, c.do("GET", meta, nil), http.StatusBadRequest, "E0000001", "kid")
	bm := c.createApp(bookmark("not-saml"))
	requireError(t, c.do("GET", "/api/v1/apps/"+bm["id"].(string)+"/sso/saml/metadata?kid="+str(bm, "credentials", "signing", "kid"), nil),
		http.StatusBadRequest, "E0000001", "signOnMode")
}
