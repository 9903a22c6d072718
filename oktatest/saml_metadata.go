package oktatest

// previewSAMLmetadataForApplication: the SAML 2.0 IdP metadata of an app,
// signed by the key the kid query parameter names.

import (
	"bytes"
	"encoding/base64"
	"encoding/xml"
	"net/http"
)

// samlEntityID is the entity id of the IdP side of a SAML app, made of the
// app's external key.
func samlEntityID(a *app) string { return "http://www.okta.com/" + samlExternalKey(a) }

// samlExternalKey is the key Okta's SAML endpoints name an app by.
func samlExternalKey(a *app) string { return "exk" + a.id[len(prefixApp):] }

// previewSAMLMetadata is GET /api/v1/apps/{appId}/sso/saml/metadata?kid=:
// text/xml metadata whose signing certificate is the app's key with that
// kid. Only SAML 2.0 apps have metadata.
func (s *Server) previewSAMLMetadata(w http.ResponseWriter, r *http.Request, c *call) {
	kid := r.URL.Query().Get("kid")
	if err := s.materialize(r.PathValue("appId")); err != nil {
		s.writeError(w, err)
		return
	}
	s.withApp(w, r, func(a *app) {
		switch {
		case a.doc["signOnMode"] != "SAML_2_0":
			s.writeError(w, invalid("signOnMode", "SAML metadata exists only for SAML 2.0 apps."))
			return
		case kid == "":
			s.writeError(w, invalid("kid", "Property is required."))
			return
		}
		k := a.key(kid)
		if k == nil || k.cert == nil {
			s.writeError(w, notFound(kid, "AppInstanceKeyCredential"))
			return
		}
		name, _ := a.doc["name"].(string)
		sso := s.URL + "/app/" + name + "/" + samlExternalKey(a) + "/sso/saml"
		w.Header().Set("Content-Type", "text/xml;charset=UTF-8")
		w.WriteHeader(http.StatusOK)
		w.Write(samlMetadata(samlEntityID(a), sso, base64.StdEncoding.EncodeToString(k.cert.Raw)))
	})
}

// samlMetadata renders an IdP EntityDescriptor as Okta's preview does.
func samlMetadata(entityID, ssoURL, cert string) []byte {
	esc := func(s string) string {
		var b bytes.Buffer
		xml.EscapeText(&b, []byte(s))
		return b.String()
	}
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="` + esc(entityID) + `">`)
	b.WriteString(`<md:IDPSSODescriptor WantAuthnRequestsSigned="false" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">`)
	b.WriteString(`<md:KeyDescriptor use="signing"><ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:X509Data><ds:X509Certificate>`)
	b.WriteString(cert)
	b.WriteString(`</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>`)
	b.WriteString(`<md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress</md:NameIDFormat>`)
	b.WriteString(`<md:NameIDFormat>urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified</md:NameIDFormat>`)
	for _, binding := range []string{"HTTP-POST", "HTTP-Redirect"} {
		b.WriteString(`<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:` + binding + `" Location="` + esc(ssoURL) + `"/>`)
	}
	b.WriteString(`</md:IDPSSODescriptor></md:EntityDescriptor>` + "\n")
	return b.Bytes()
}
