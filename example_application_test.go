package okta_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"io"
	"log"
	"math/big"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"time"

	"github.com/gatekit/okta"
)

// exampleClient returns a client for a small in-process stand-in for an Okta
// org, so that the examples run. Against a real org, configure the org URL and
// an API token instead (or leave both to ~/.okta/okta.yaml and OKTA_CLIENT_*).
func exampleClient() (*okta.APIClient, func()) {
	srv := httptest.NewServer(newExampleOrg())
	cfg, err := okta.NewConfiguration(
		okta.WithOrgURL(srv.URL),
		okta.WithAPIToken("00example-api-token"),
	)
	if err != nil {
		log.Fatal(err)
	}
	return okta.NewAPIClient(cfg), srv.Close
}

// Create an app of each sign-on mode with the constructors: each fills in the
// template name, the sign-on mode and the settings that mode needs.
func ExampleApplicationAPI_CreateApplication() {
	client, done := exampleClient()
	defer done()
	ctx := context.Background()

	apps := []*okta.Application{
		okta.NewBookmarkApplication("Status Page", "https://status.example.com"),
		okta.NewBasicAuthApplication("Build Server", "https://ci.example.com", "https://ci.example.com/login"),
		okta.NewBrowserPluginApplication("Vendor Portal", "https://vendors.example.com/signin", "#user", "#pass", "#go"),
		okta.NewAutoLoginApplication("Payroll", "https://payroll.example.com/login"),
		okta.NewSecurePasswordStoreApplication("Router", "https://router.example.com", "#user", "#pass"),
		okta.NewOpenIDConnectApplication("Expenses", okta.OIDCWeb, "https://expenses.example.com/callback"),
		okta.NewSamlApplication("Wiki", "https://wiki.example.com/saml/acs", "https://wiki.example.com"),
		okta.NewWsFederationApplication("SharePoint", "urn:sharepoint:portal", "https://portal.example.com/_trust/"),
	}
	for _, app := range apps {
		created, _, err := client.ApplicationAPI.CreateApplication(ctx, okta.CreateApplicationRequest{
			Application: app,
			Activate:    okta.Ptr(false), // create it inactive; ActivateApplication later
		})
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%-13s %-21s %-19s %s\n", created.Label, created.SignOnMode, created.Name, created.Status)
	}
	// Output:
	// Status Page   BOOKMARK              bookmark            INACTIVE
	// Build Server  BASIC_AUTH            template_basic_auth INACTIVE
	// Vendor Portal BROWSER_PLUGIN        template_swa        INACTIVE
	// Payroll       AUTO_LOGIN            example_app_4       INACTIVE
	// Router        SECURE_PASSWORD_STORE template_sps        INACTIVE
	// Expenses      OPENID_CONNECT        oidc_client         INACTIVE
	// Wiki          SAML_2_0              example_app_7       INACTIVE
	// SharePoint    WS_FEDERATION         template_wsfed      INACTIVE
}

// A struct literal works as well as a constructor: set what the mode needs.
// Members left at their zero value are not sent; set a pointer field to send
// an explicit false or 0.
func ExampleApplicationAPI_CreateApplication_structLiteral() {
	client, done := exampleClient()
	defer done()

	app := &okta.Application{
		Name:       "oidc_client",
		Label:      "Reporting Service",
		SignOnMode: okta.SignOnModeOpenIDConnect,
		Credentials: okta.ApplicationCredentials{
			OAuthClient: okta.ApplicationCredentialsOAuthClient{
				TokenEndpointAuthMethod: okta.AuthMethodPrivateKeyJWT,
				AutoKeyRotation:         okta.Ptr(false),
			},
		},
		Settings: okta.ApplicationSettings{
			OAuthClient: &okta.OpenIdConnectApplicationSettingsClient{
				ApplicationType: okta.OIDCService,
				GrantTypes:      []okta.OAuthGrantType{okta.GrantClientCredentials},
				ResponseTypes:   []okta.OAuthResponseType{okta.ResponseToken},
			},
		},
	}
	body, _ := json.Marshal(app)
	fmt.Println(string(body))

	created, _, err := client.ApplicationAPI.CreateApplication(context.Background(), okta.CreateApplicationRequest{Application: app})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(created.ID, created.Status, created.Settings.OAuthClient.GrantTypes)
	// Output:
	// {"name":"oidc_client","label":"Reporting Service","signOnMode":"OPENID_CONNECT","credentials":{"oauthClient":{"token_endpoint_auth_method":"private_key_jwt","autoKeyRotation":false}},"settings":{"oauthClient":{"application_type":"service","grant_types":["client_credentials"],"response_types":["token"]}}}
	// 0oaexample1 ACTIVE [client_credentials]
}

// Assign a user to an app, with the app-specific username and profile.
func ExampleApplicationAPI_AssignUserToApplication() {
	client, done := exampleClient()
	defer done()

	assigned, _, err := client.ApplicationAPI.AssignUserToApplication(context.Background(), okta.AssignUserToApplicationRequest{
		AppID: "0oaexample1",
		AppUser: &okta.AppUser{
			ID:          "00u1a2b3c4d5e6f7g8h9", // the Okta user
			Scope:       "USER",
			Credentials: okta.AppUserCredentials{UserName: "jdoe@example.com"},
			Profile:     map[string]any{"department": "Engineering", "seats": 2},
		},
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(assigned.ID, assigned.Status, assigned.Credentials.UserName, assigned.Profile["department"])
	// Output:
	// 00u1a2b3c4d5e6f7g8h9 PROVISIONED jdoe@example.com Engineering
}

// Assign a group to an app; priority 0 is the highest and is sent because
// it is set through a pointer.
func ExampleApplicationAPI_CreateApplicationGroupAssignment() {
	client, done := exampleClient()
	defer done()

	assignment, _, err := client.ApplicationAPI.CreateApplicationGroupAssignment(context.Background(), okta.CreateApplicationGroupAssignmentRequest{
		AppID:   "0oaexample1",
		GroupID: "00g1a2b3c4d5e6f7g8h9",
		ApplicationGroupAssignment: &okta.ApplicationGroupAssignment{
			Priority: okta.Ptr(0),
			Profile:  map[string]any{"role": "admin"},
		},
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(assignment.ID, *assignment.Priority, assignment.Profile["role"])
	// Output:
	// 00g1a2b3c4d5e6f7g8h9 0 admin
}

// Rotate an app's signing key: generate a new key credential, then make it
// the app's signing key by updating the app with its kid. Everything else of
// the app is sent back as it was fetched.
func ExampleApplicationAPI_GenerateApplicationKey() {
	client, done := exampleClient()
	defer done()
	ctx := context.Background()
	apps := client.ApplicationAPI

	key, _, err := apps.GenerateApplicationKey(ctx, okta.GenerateApplicationKeyRequest{AppID: "0oaexample1", ValidityYears: 2})
	if err != nil {
		log.Fatal(err)
	}
	certs, err := key.Certificates()
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("new key", key.Kid, "valid until", certs[0].NotAfter.Format("2006"))

	app, _, err := apps.GetApplication(ctx, okta.GetApplicationRequest{AppID: "0oaexample1"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("signing with", app.Credentials.Signing.Kid)
	app.Credentials.Signing.Kid = key.Kid
	app, _, err = apps.UpdateApplication(ctx, okta.UpdateApplicationRequest{AppID: app.ID, Application: app})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("signing with", app.Credentials.Signing.Kid)
	// Output:
	// new key kid-generated-1 valid until 2099
	// signing with kid-original
	// signing with kid-generated-1
}

// Have Okta make a key pair and a certificate signing request, sign the
// request with your own CA, and publish the certificate: the key pair becomes
// one of the app's key credentials.
func ExampleApplicationAPI_PublishCsrFromApplication() {
	client, done := exampleClient()
	defer done()
	ctx := context.Background()
	apps := client.ApplicationAPI

	csr, _, err := apps.GenerateCsrForApplication(ctx, okta.GenerateCsrForApplicationRequest{
		AppID: "0oaexample1",
		Metadata: &okta.CsrMetadata{
			Subject:         okta.CsrMetadataSubject{CommonName: "sso.example.com", OrganizationName: "Example, Inc.", CountryName: "US"},
			SubjectAltNames: okta.CsrMetadataSubjectAltNames{DNSNames: []string{"sso.example.com"}},
		},
	})
	if err != nil {
		log.Fatal(err)
	}
	request, err := csr.CertificateRequest()
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("CSR for", request.Subject.CommonName, request.DNSNames)

	// Sign it with a CA of your own (here one made on the spot).
	caKey, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	ca := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "Example CA"},
		NotBefore: time.Now(), NotAfter: time.Now().AddDate(5, 0, 0), IsCA: true, BasicConstraintsValid: true,
		KeyUsage: x509.KeyUsageCertSign}
	der, err := x509.CreateCertificate(rand.Reader, &x509.Certificate{
		SerialNumber: big.NewInt(2), Subject: request.Subject, DNSNames: request.DNSNames,
		NotBefore: time.Now(), NotAfter: time.Now().AddDate(1, 0, 0), KeyUsage: x509.KeyUsageDigitalSignature,
	}, ca, request.PublicKey, caKey)
	if err != nil {
		log.Fatal(err)
	}

	// PEM, DER or base64 DER: the content type follows from the bytes.
	key, _, err := apps.PublishCsrFromApplication(ctx, okta.PublishCsrFromApplicationRequest{
		AppID:       "0oaexample1",
		CsrID:       csr.ID,
		Certificate: pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}),
	})
	if err != nil {
		log.Fatal(err)
	}
	certs, _ := key.Certificates()
	fmt.Println("published", key.Kid, "issued by", certs[0].Issuer.CommonName)
	// Output:
	// CSR for sso.example.com [sso.example.com]
	// published kid-from-csr-1 issued by Example CA
}

// Revoke one refresh token issued to an app, then all of them.
func ExampleApplicationAPI_RevokeOAuth2TokensForApplication() {
	client, done := exampleClient()
	defer done()
	ctx := context.Background()
	apps := client.ApplicationAPI

	for tok, err := range apps.ListOAuth2TokensForApplicationAll(ctx, okta.ListOAuth2TokensForApplicationRequest{AppID: "0oaexample1"}) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(tok.ID, tok.UserID, tok.Scopes)
	}
	if _, err := apps.RevokeOAuth2TokenForApplication(ctx, okta.RevokeOAuth2TokenForApplicationRequest{AppID: "0oaexample1", TokenID: "oar1"}); err != nil {
		log.Fatal(err)
	}
	resp, err := apps.RevokeOAuth2TokensForApplication(ctx, okta.RevokeOAuth2TokensForApplicationRequest{AppID: "0oaexample1"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("revoked all:", resp.StatusCode)
	// Output:
	// oar1 00u1 [openid offline_access]
	// oar2 00u2 [openid]
	// revoked all: 204
}

// newExampleOrg is the stand-in org of the examples: just enough of the
// Application API, answering as Okta does.
func newExampleOrg() http.Handler {
	var mu sync.Mutex
	created := 0
	signingKid := "kid-original"
	mux := http.NewServeMux()
	reply := func(w http.ResponseWriter, status int, v any) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		_ = json.NewEncoder(w).Encode(v)
	}
	read := func(r *http.Request) map[string]any {
		var m map[string]any
		_ = json.NewDecoder(r.Body).Decode(&m)
		if m == nil {
			m = map[string]any{}
		}
		return m
	}
	exampleCA := sync.OnceValues(func() (*ecdsa.PrivateKey, []byte) {
		k, _ := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
		tmpl := &x509.Certificate{SerialNumber: big.NewInt(7), Subject: pkix.Name{CommonName: "Okta generated"},
			NotBefore: time.Now(), NotAfter: time.Date(2099, 1, 1, 0, 0, 0, 0, time.UTC)}
		der, _ := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &k.PublicKey, k)
		return k, der
	})

	mux.HandleFunc("POST /api/v1/apps", func(w http.ResponseWriter, r *http.Request) {
		app := read(r)
		mu.Lock()
		created++
		app["id"] = fmt.Sprintf("0oaexample%d", created)
		if app["name"] == nil {
			app["name"] = fmt.Sprintf("example_app_%d", created)
		}
		mu.Unlock()
		app["status"] = "ACTIVE"
		if r.URL.Query().Get("activate") == "false" {
			app["status"] = "INACTIVE"
		}
		reply(w, http.StatusOK, app)
	})
	mux.HandleFunc("GET /api/v1/apps/{appId}", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		reply(w, http.StatusOK, map[string]any{"id": r.PathValue("appId"), "name": "example_app", "label": "Example",
			"signOnMode": "SAML_2_0", "status": "ACTIVE", "credentials": map[string]any{"signing": map[string]any{"kid": signingKid}},
			"orn": "orn:okta:idp:example:apps:example_app:" + r.PathValue("appId")})
	})
	mux.HandleFunc("PUT /api/v1/apps/{appId}", func(w http.ResponseWriter, r *http.Request) {
		app := read(r)
		if creds, ok := app["credentials"].(map[string]any); ok {
			if signing, ok := creds["signing"].(map[string]any); ok {
				mu.Lock()
				signingKid, _ = signing["kid"].(string)
				mu.Unlock()
			}
		}
		reply(w, http.StatusOK, app)
	})
	mux.HandleFunc("POST /api/v1/apps/{appId}/users", func(w http.ResponseWriter, r *http.Request) {
		u := read(r)
		u["status"], u["syncState"] = "PROVISIONED", "DISABLED"
		reply(w, http.StatusOK, u)
	})
	mux.HandleFunc("PUT /api/v1/apps/{appId}/groups/{groupId}", func(w http.ResponseWriter, r *http.Request) {
		g := read(r)
		g["id"] = r.PathValue("groupId")
		reply(w, http.StatusOK, g)
	})
	mux.HandleFunc("POST /api/v1/apps/{appId}/credentials/keys/generate", func(w http.ResponseWriter, r *http.Request) {
		_, der := exampleCA()
		reply(w, http.StatusCreated, map[string]any{"kid": "kid-generated-1", "kty": "EC", "use": "sig", "status": "ACTIVE",
			"x5c": []string{base64.StdEncoding.EncodeToString(der)}})
	})
	mux.HandleFunc("POST /api/v1/apps/{appId}/credentials/csrs", func(w http.ResponseWriter, r *http.Request) {
		var meta okta.CsrMetadata
		_ = json.NewDecoder(r.Body).Decode(&meta)
		k, _ := exampleCA()
		der, _ := x509.CreateCertificateRequest(rand.Reader, &x509.CertificateRequest{
			Subject: pkix.Name{CommonName: meta.Subject.CommonName, Organization: []string{meta.Subject.OrganizationName},
				Country: []string{meta.Subject.CountryName}},
			DNSNames: meta.SubjectAltNames.DNSNames,
		}, k)
		reply(w, http.StatusCreated, map[string]any{"id": "csr-1", "kty": "EC", "csr": base64.RawURLEncoding.EncodeToString(der)})
	})
	mux.HandleFunc("POST /api/v1/apps/{appId}/credentials/csrs/{csrId}/lifecycle/publish", func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		block, _ := pem.Decode(body)
		if r.Header.Get("Content-Type") != "application/x-pem-file" || block == nil {
			reply(w, http.StatusBadRequest, map[string]any{"errorCode": "E0000001", "errorSummary": "Api validation failed"})
			return
		}
		reply(w, http.StatusCreated, map[string]any{"kid": "kid-from-csr-1", "kty": "EC", "status": "ACTIVE",
			"x5c": []string{base64.StdEncoding.EncodeToString(block.Bytes)}})
	})
	mux.HandleFunc("GET /api/v1/apps/{appId}/tokens", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("after") == "" {
			w.Header().Add("Link", `<`+"http://"+r.Host+r.URL.Path+`?after=oar1>; rel="next"`)
			reply(w, http.StatusOK, []any{map[string]any{"id": "oar1", "userId": "00u1", "scopes": []string{"openid", "offline_access"}, "status": "ACTIVE"}})
			return
		}
		reply(w, http.StatusOK, []any{map[string]any{"id": "oar2", "userId": "00u2", "scopes": []string{"openid"}, "status": "ACTIVE"}})
	})
	mux.HandleFunc("DELETE /api/v1/apps/{appId}/tokens/{tokenId}", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusNoContent)
	})
	mux.HandleFunc("DELETE /api/v1/apps/{appId}/tokens", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusNoContent)
	})
	exampleSecretRoutes(mux)
	mux.HandleFunc("GET /api/v1/apps/{appId}/sso/saml/metadata", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/xml")
		fmt.Fprintf(w, `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="http://www.okta.com/%s"><!-- signed by %s --></md:EntityDescriptor>`,
			r.PathValue("appId"), r.URL.Query().Get("kid"))
	})
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasPrefix(r.Header.Get("Authorization"), "SSWS ") {
			reply(w, http.StatusUnauthorized, map[string]any{"errorCode": "E0000011", "errorSummary": "Invalid token provided"})
			return
		}
		mux.ServeHTTP(w, r)
	})
}

// Rotate an OAuth 2.0 client app's secret with no downtime: add a second
// secret, move the clients to it, then deactivate and delete the first.
// examples/secret-rotation also proves each step at the token endpoint.
func ExampleApplicationAPI_CreateOAuth2ClientSecret() {
	client, done := exampleClient()
	defer done()
	ctx := context.Background()
	apps := client.ApplicationAPI
	const appID = "0oaexample1"

	secrets, _, err := apps.ListOAuth2ClientSecrets(ctx, okta.ListOAuth2ClientSecretsRequest{AppID: appID})
	if err != nil {
		log.Fatal(err)
	}
	old := secrets[0]
	fresh, _, err := apps.CreateOAuth2ClientSecret(ctx, okta.CreateOAuth2ClientSecretRequest{AppID: appID})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("new secret:", fresh.ID, fresh.Status, fresh.ClientSecret) // a Secret prints redacted
	// ... give string(fresh.ClientSecret) to the app's clients, then retire the old one:
	if _, _, err := apps.DeactivateOAuth2ClientSecret(ctx, okta.DeactivateOAuth2ClientSecretRequest{AppID: appID, SecretID: old.ID}); err != nil {
		log.Fatal(err)
	}
	if _, err := apps.DeleteOAuth2ClientSecret(ctx, okta.DeleteOAuth2ClientSecretRequest{AppID: appID, SecretID: old.ID}); err != nil {
		log.Fatal(err)
	}
	secrets, _, err = apps.ListOAuth2ClientSecrets(ctx, okta.ListOAuth2ClientSecretsRequest{AppID: appID})
	if err != nil {
		log.Fatal(err)
	}
	for _, s := range secrets {
		fmt.Println("left:", s.ID, s.Status, s.SecretHash)
	}
	// Output:
	// new secret: ocs2 ACTIVE [REDACTED]
	// left: ocs2 ACTIVE hash-2
}

// Fetch the SAML IdP metadata of an app for its signing key, as the XML
// document Okta sends.
func ExampleApplicationAPI_PreviewSAMLMetadataForApplication() {
	client, done := exampleClient()
	defer done()
	ctx := context.Background()

	app, _, err := client.ApplicationAPI.GetApplication(ctx, okta.GetApplicationRequest{AppID: "0oaexample1"})
	if err != nil {
		log.Fatal(err)
	}
	xml, _, err := client.ApplicationAPI.PreviewSAMLMetadataForApplication(ctx, okta.PreviewSAMLMetadataForApplicationRequest{
		AppID: app.ID, Kid: app.Credentials.Signing.Kid,
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(string(xml))
	// Output:
	// <md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="http://www.okta.com/0oaexample1"><!-- signed by kid-original --></md:EntityDescriptor>
}

// exampleSecretRoutes adds client secrets to the stand-in org: an app starts
// with one ACTIVE secret; only an INACTIVE one can be deleted.
func exampleSecretRoutes(mux *http.ServeMux) {
	type secret struct{ id, status string }
	var mu sync.Mutex
	secrets := []secret{{"ocs1", "ACTIVE"}}
	doc := func(s secret) map[string]any {
		return map[string]any{"id": s.id, "status": s.status, "secret_hash": "hash-" + s.id[3:]}
	}
	reply := func(w http.ResponseWriter, status int, v any) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		_ = json.NewEncoder(w).Encode(v)
	}
	mux.HandleFunc("GET /api/v1/apps/{appId}/credentials/secrets", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		list := []any{}
		for _, s := range secrets {
			list = append(list, doc(s))
		}
		reply(w, http.StatusOK, list)
	})
	mux.HandleFunc("POST /api/v1/apps/{appId}/credentials/secrets", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		s := secret{fmt.Sprintf("ocs%d", len(secrets)+1), "ACTIVE"}
		secrets = append(secrets, s)
		d := doc(s)
		d["client_secret"] = "generated-secret-shown-once-0123456789abcdef"
		reply(w, http.StatusCreated, d)
	})
	mux.HandleFunc("POST /api/v1/apps/{appId}/credentials/secrets/{secretId}/lifecycle/deactivate", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		for i := range secrets {
			if secrets[i].id == r.PathValue("secretId") {
				secrets[i].status = "INACTIVE"
				reply(w, http.StatusOK, doc(secrets[i]))
				return
			}
		}
		reply(w, http.StatusNotFound, map[string]any{"errorCode": "E0000007", "errorSummary": "Not found"})
	})
	mux.HandleFunc("DELETE /api/v1/apps/{appId}/credentials/secrets/{secretId}", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		for i, s := range secrets {
			if s.id == r.PathValue("secretId") && s.status == "INACTIVE" {
				secrets = append(secrets[:i], secrets[i+1:]...)
				w.WriteHeader(http.StatusNoContent)
				return
			}
		}
		reply(w, http.StatusBadRequest, map[string]any{"errorCode": "E0000001", "errorSummary": "Api validation failed"})
	})
}
