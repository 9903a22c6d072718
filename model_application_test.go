package okta_test

// Lossless decoding of application documents: the corpus in testdata/apps holds
// one realistic document per sign-on mode (and a future mode, a directory app
// with a null mode, and catalog apps), written the way Okta sends them,
// members beyond the spec included.

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gatekit/okta"
)

// appCorpus reads every document of testdata/apps, by file name without
// extension.
func appCorpus(t testing.TB) map[string][]byte {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "apps", "*.json"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	docs := map[string][]byte{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		docs[strings.TrimSuffix(filepath.Base(f), ".json")] = b
	}
	return docs
}

// appCorpusDoc reads one corpus document.
func appCorpusDoc(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "apps", name+".json"))
	require.NoError(t, err)
	return b
}

// decodeApp decodes an application document.
func decodeApp(t testing.TB, doc []byte) *okta.Application {
	t.Helper()
	var app okta.Application
	require.NoError(t, json.Unmarshal(doc, &app))
	return &app
}

// appJSONNumbers decodes JSON keeping numbers as their text, so that two
// documents compare equal only if every number is written the same way (a big
// integer that went through a float64 would not).
func appJSONNumbers(t testing.TB, doc []byte) any {
	t.Helper()
	d := json.NewDecoder(bytes.NewReader(doc))
	d.UseNumber()
	var v any
	require.NoError(t, d.Decode(&v), "%s", doc)
	return v
}

// assertSameJSON asserts that got is JSON-equal to want, numbers compared by
// their text.
func assertSameJSON(t testing.TB, want, got []byte) bool {
	t.Helper()
	return assert.JSONEq(t, string(want), string(got)) &&
		assert.Equal(t, appJSONNumbers(t, want), appJSONNumbers(t, got), "numbers as written")
}

func TestApplicationCorpusCoversEverySignOnMode(t *testing.T) {
	modes := map[string]bool{}
	for name, doc := range appCorpus(t) {
		var probe struct {
			SignOnMode *string `json:"signOnMode"`
		}
		require.NoError(t, json.Unmarshal(doc, &probe), name)
		require.Contains(t, string(doc), `"signOnMode"`, "%s: every document has the member, null or not", name)
		if probe.SignOnMode == nil {
			modes["null"] = true
		} else {
			modes[*probe.SignOnMode] = true
		}
	}
	for _, m := range []string{"AUTO_LOGIN", "BASIC_AUTH", "BOOKMARK", "BROWSER_PLUGIN", "OPENID_CONNECT",
		"SAML_1_1", "SAML_2_0", "SECURE_PASSWORD_STORE", "WS_FEDERATION", "SOME_FUTURE_MODE", "null"} {
		assert.True(t, modes[m], "no corpus document has signOnMode %s", m)
	}
}

func TestApplicationCorpusRoundTrip(t *testing.T) {
	for name, doc := range appCorpus(t) {
		t.Run(name, func(t *testing.T) {
			app := decodeApp(t, doc)
			out, err := okta.MarshalWire(app)
			require.NoError(t, err)
			assertSameJSON(t, doc, out)

			// A value copy marshals the same.
			out2, err := okta.MarshalWire(*app)
			require.NoError(t, err)
			assertSameJSON(t, doc, out2)

			// Twice round: what was written decodes to what writes the same.
			again := decodeApp(t, out)
			out3, err := okta.MarshalWire(again)
			require.NoError(t, err)
			assertSameJSON(t, doc, out3)
		})
	}
}

func TestListApplicationsDecodesTheWholeCorpus(t *testing.T) {
	docs := appCorpus(t)
	names := make([]string, 0, len(docs))
	for name := range docs {
		names = append(names, name)
	}
	sort.Strings(names)
	parts := make([][]byte, len(names))
	for i, n := range names {
		parts[i] = docs[n]
	}
	page := "[" + string(bytes.Join(parts, []byte(","))) + "]"

	m := newAppMock(t, func(*http.Request) *http.Response { return appJSON(http.StatusOK, page) })
	apps, resp, err := m.api.ListApplications(context.Background(), okta.ListApplicationsRequest{})
	require.NoError(t, err)
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	require.Len(t, apps, len(names))
	for i, app := range apps {
		var probe struct {
			ID    string `json:"id"`
			Label string `json:"label"`
		}
		require.NoError(t, json.Unmarshal(parts[i], &probe))
		assert.Equal(t, probe.ID, app.ID, names[i])
		assert.Equal(t, probe.Label, app.Label, names[i])
		out, err := okta.MarshalWire(app)
		require.NoError(t, err)
		assertSameJSON(t, parts[i], out)
	}

	var walked int
	for app, err := range m.api.ListApplicationsAll(context.Background(), okta.ListApplicationsRequest{}) {
		require.NoError(t, err)
		assert.NotEmpty(t, app.ID)
		walked++
	}
	assert.Equal(t, len(names), walked)
}

func TestApplicationCorpusTypedAccess(t *testing.T) {
	t.Run("openid_connect", func(t *testing.T) {
		app := decodeApp(t, appCorpusDoc(t, "openid_connect"))
		assert.Equal(t, "0oa8x1a2b3C4d5E6f7g8", app.ID)
		assert.Equal(t, "oidc_client", app.Name)
		assert.Equal(t, "Expense Portal", app.Label)
		assert.Equal(t, okta.SignOnModeOpenIDConnect, app.SignOnMode)
		assert.Equal(t, okta.ApplicationActive, app.Status)
		assert.Equal(t, "2023-06-02T17:41:08Z", app.Created.UTC().Format("2006-01-02T15:04:05Z07:00"))
		assert.Equal(t, "", app.Accessibility.ErrorRedirectURL, "null decodes to the zero value")
		require.NotNil(t, app.Accessibility.SelfService)
		assert.False(t, *app.Accessibility.SelfService)
		assert.Equal(t, map[string]bool{"oidc_client_link": true}, app.Visibility.AppLinks)
		require.NotNil(t, app.Visibility.Hide.IOS)
		assert.True(t, *app.Visibility.Hide.IOS)

		oc := app.Credentials.OAuthClient
		assert.Equal(t, "0oa8x1a2b3C4d5E6f7g8", oc.ClientID)
		assert.Equal(t, "z8Qx-4yW_mK2pL9vB7cN1dR5tH3jF6gS0aE", oc.ClientSecret.Reveal())
		assert.Equal(t, okta.AuthMethodClientSecretBasic, oc.TokenEndpointAuthMethod)
		require.NotNil(t, oc.AutoKeyRotation, "an explicit false is kept as a non-nil pointer")
		assert.False(t, *oc.AutoKeyRotation)
		require.NotNil(t, oc.PKCERequired, "a member the 2026 spec declares is typed")
		assert.False(t, *oc.PKCERequired)
		assert.Equal(t, []string{"secretRotation"}, oc.ExtraNames())

		c := app.Settings.OAuthClient
		assert.Equal(t, []string{
			"https://expenses.example.com/authorization-code/callback",
			"https://expenses.example.com/oauth/callback?tenant=eu&flow=login",
		}, c.RedirectURIs)
		assert.Equal(t, []string{"https://expenses.example.com/logged-out"}, c.PostLogoutRedirectURIs)
		assert.Equal(t, []okta.OAuthGrantType{
			okta.GrantAuthorizationCode, okta.GrantRefreshToken, okta.GrantJWTBearer,
			okta.GrantDeviceCode, okta.GrantTokenExchange, okta.GrantCIBA,
		}, c.GrantTypes)
		assert.Equal(t, []okta.OAuthResponseType{okta.ResponseCode}, c.ResponseTypes)
		assert.Equal(t, okta.OIDCWeb, c.ApplicationType)
		assert.Equal(t, okta.ConsentRequired, c.ConsentMethod)
		assert.Equal(t, okta.IssuerDynamic, c.IssuerMode)
		assert.Equal(t, "DISABLED", c.IdpInitiatedLogin.Mode)
		assert.Equal(t, []string{}, c.IdpInitiatedLogin.DefaultScope)
		assert.Equal(t, okta.RotationRotate, c.RefreshToken.RotationType)
		require.NotNil(t, c.RefreshToken.Leeway, "an explicit 0 is kept as a non-nil pointer")
		assert.Equal(t, 0, *c.RefreshToken.Leeway)
		assert.Equal(t, "", c.LogoURI)
		assert.Equal(t, "https://expenses.example.com", c.ClientURI)
		// The members the 2026 spec declares are typed; null ones read as zero.
		assert.Empty(t, c.ExtraNames())
		assert.Equal(t, "poll", c.BackchannelTokenDeliveryMode)
		assert.Equal(t, "https://expenses.example.com/fc-logout", c.FrontchannelLogoutURI)
		require.NotNil(t, c.FrontchannelLogoutSessionRequired)
		assert.True(t, *c.FrontchannelLogoutSessionRequired)
		require.NotNil(t, c.ParticipateSlo)
		assert.False(t, *c.ParticipateSlo)
		assert.Equal(t, "", c.JwksURI)

		assert.Equal(t, []string{"manualProvisioning"}, app.Settings.ExtraNames())
		assert.Equal(t, "NOT_ENABLED", app.Settings.EmOptInStatus)
		assert.Empty(t, app.ExtraNames())
		assert.Equal(t, "orn:okta:idp:00o1a2b3c4d5e6f7g8h9:apps:oidc_client:0oa8x1a2b3C4d5E6f7g8", app.Orn)
		assert.Equal(t, "DISABLED", app.UniversalLogout.Status)
		assert.Equal(t, "", app.UniversalLogout.Protocol, "null decodes to the zero value")

		// Profile values of every JSON type; numbers keep their text.
		p := app.Profile
		assert.Equal(t, "CC-4410", p["costCenter"])
		assert.Equal(t, true, p["internal"])
		assert.Equal(t, json.Number("2"), p["tier"])
		assert.Equal(t, json.Number("0.75"), p["ratio"])
		assert.Equal(t, json.Number("123456789012345678901234567890"), p["legacyId"])
		assert.Equal(t, []any{"alice@example.com", "bob@example.com"}, p["owners"])
		assert.Equal(t, []any{json.Number("1"), "two", false, nil, map[string]any{"three": json.Number("3")}}, p["mixed"])
		v, present := p["retired"]
		assert.True(t, present)
		assert.Nil(t, v)
		assert.Equal(t, "", p["empty"])
		assert.Equal(t, json.Number("0"), p["zero"])
		assert.Equal(t, false, p["off"])
		assert.Equal(t, map[string]any{"region": "eu-west-1", "weights": []any{json.Number("0.1"), json.Number("0.9")}}, p["nested"])

		out, err := json.Marshal(app)
		require.NoError(t, err)
		assert.Contains(t, string(out), `123456789012345678901234567890`, "the big integer is written as received")
	})

	t.Run("saml_2_0", func(t *testing.T) {
		app := decodeApp(t, appCorpusDoc(t, "saml_2_0"))
		assert.Equal(t, okta.SignOnModeSAML20, app.SignOnMode)
		s := app.Settings.SignOn
		assert.Equal(t, "https://wiki.example.com/saml/acs", s.SsoAcsURL)
		assert.Equal(t, "https://wiki.example.com/saml/metadata", s.Audience)
		assert.Equal(t, "https://wiki.example.com/saml/acs", s.Recipient)
		assert.Equal(t, "", s.SsoAcsURLOverride)
		assert.Equal(t, "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress", s.SubjectNameIDFormat)
		assert.Equal(t, "RSA_SHA256", s.SignatureAlgorithm)
		require.NotNil(t, s.AssertionSigned)
		assert.False(t, *s.AssertionSigned)
		require.NotNil(t, s.ResponseSigned)
		assert.True(t, *s.ResponseSigned)
		require.Len(t, s.AttributeStatements, 3)
		assert.Equal(t, "email", s.AttributeStatements[0].Name)
		assert.Equal(t, "EXPRESSION", s.AttributeStatements[0].Type)
		assert.Equal(t, []string{"user.email"}, s.AttributeStatements[0].Values)
		assert.Equal(t, []string{`user.firstName + " " + user.lastName`}, s.AttributeStatements[1].Values)
		assert.Equal(t, "GROUP", s.AttributeStatements[2].Type)
		assert.Equal(t, "REGEX", s.AttributeStatements[2].FilterType)
		assert.Equal(t, "^wiki-.*", s.AttributeStatements[2].FilterValue)
		require.Len(t, s.AcsEndpoints, 2)
		assert.Equal(t, "https://wiki.example.com/saml/acs", s.AcsEndpoints[0].URL)
		require.NotNil(t, s.AcsEndpoints[0].Index)
		assert.Equal(t, 0, *s.AcsEndpoints[0].Index)
		assert.Equal(t, 1, *s.AcsEndpoints[1].Index)
		require.NotNil(t, s.Slo.Enabled)
		assert.True(t, *s.Slo.Enabled)
		assert.Equal(t, "https://wiki.example.com/saml/slo", s.Slo.LogoutURL)
		require.Len(t, s.SpCertificate.X5C, 1)
		assert.True(t, strings.HasPrefix(s.SpCertificate.X5C[0], "MIIB"))
		assert.Equal(t, []okta.SignOnInlineHook{}, s.InlineHooks)
		assert.Equal(t, []string{"samlSignedRequestEnabled"}, s.ExtraNames())
		require.NotNil(t, s.AssertionEncryption.Enabled)
		assert.False(t, *s.AssertionEncryption.Enabled)
		require.Len(t, s.ConfiguredAttributeStatements, 1)
		assert.Equal(t, "email", s.ConfiguredAttributeStatements[0].Name)
		require.NotNil(t, s.ParticipateSlo.SessionIndexRequired)
		require.NotNil(t, s.SamlAssertionLifetimeSeconds)
		assert.Equal(t, 300, *s.SamlAssertionLifetimeSeconds)
		assert.Equal(t, "Owned by the docs team", app.Settings.Notes.Admin)
		assert.Equal(t, "t0sL8b1qJ0pG3xQwGk9Hc6m2vR7aE5nDf4YuZ1oP2sA", app.Credentials.Signing.Kid)
	})

	t.Run("saml_1_1", func(t *testing.T) {
		app := decodeApp(t, appCorpusDoc(t, "saml_1_1"))
		assert.Equal(t, okta.SignOnModeSAML11, app.SignOnMode)
		assert.Equal(t, okta.ApplicationInactive, app.Status)
		assert.Equal(t, "https://portal.example.net/Shibboleth.sso/SAML/POST", app.Settings.SignOn.SsoAcsURL)
		assert.Equal(t, "https://intranet.example.com/sso-error", app.Accessibility.ErrorRedirectURL)
		assert.Equal(t, okta.SigningUseSig, app.Credentials.Signing.Use)
		assert.Equal(t, "MANUAL", app.Credentials.Signing.RotationMode)
		assert.Equal(t, 2030, app.Credentials.Signing.NextRotation.Year())
		assert.Equal(t, "CUSTOM", app.Credentials.UserNameTemplate.Type)
		assert.Equal(t, "DONT_PUSH", app.Credentials.UserNameTemplate.PushStatus)
		assert.Equal(t, "ANYWHERE", app.Settings.Notifications.Vpn.Network.Connection)
		assert.Equal(t, []string{}, app.Settings.Notifications.Vpn.Network.Include)
		assert.Equal(t, "Connect to the corporate VPN first", app.Settings.Notifications.Vpn.Message)
		assert.Equal(t, "Only reachable from the office network", app.Settings.Notes.Enduser)
	})

	t.Run("bookmark", func(t *testing.T) {
		app := decodeApp(t, appCorpusDoc(t, "bookmark"))
		assert.Equal(t, okta.SignOnModeBookmark, app.SignOnMode)
		assert.Equal(t, "bookmark", app.Name)
		assert.Equal(t, "https://status.example.com/?team=platform&view=all", app.Settings.App.URL)
		require.NotNil(t, app.Settings.App.RequestIntegration)
		assert.False(t, *app.Settings.App.RequestIntegration)
	})

	t.Run("basic_auth", func(t *testing.T) {
		app := decodeApp(t, appCorpusDoc(t, "basic_auth"))
		assert.Equal(t, okta.SignOnModeBasicAuth, app.SignOnMode)
		assert.Equal(t, "https://ci.example.com/login", app.Settings.App.URL)
		assert.Equal(t, "https://ci.example.com/j_security_check", app.Settings.App.AuthURL)
		assert.Equal(t, okta.SchemeEditUsernameAndPassword, app.Credentials.Scheme)
		require.NotNil(t, app.Credentials.RevealPassword)
		assert.False(t, *app.Credentials.RevealPassword)
	})

	t.Run("auto_login", func(t *testing.T) {
		app := decodeApp(t, appCorpusDoc(t, "auto_login"))
		assert.Equal(t, okta.SignOnModeAutoLogin, app.SignOnMode)
		assert.Equal(t, "https://payroll.example.com/login", app.Settings.SignOn.LoginURL)
		assert.Equal(t, "https://payroll.example.com/home", app.Settings.SignOn.RedirectURL)
		require.NotNil(t, app.Licensing.SeatCount)
		assert.Equal(t, 0, *app.Licensing.SeatCount)
		require.NotNil(t, app.Visibility.AutoLaunch)
		assert.True(t, *app.Visibility.AutoLaunch)
	})

	t.Run("browser_plugin_swa", func(t *testing.T) {
		app := decodeApp(t, appCorpusDoc(t, "browser_plugin_swa"))
		assert.Equal(t, okta.SignOnModeBrowserPlugin, app.SignOnMode)
		assert.Equal(t, "template_swa", app.Name)
		a := app.Settings.App
		assert.Equal(t, "https://vendors.example.org/signin", a.URL)
		assert.Equal(t, "#username", a.UsernameField)
		assert.Equal(t, "#password", a.PasswordField)
		assert.Equal(t, "#login-submit", a.ButtonField)
		assert.Equal(t, `^https://vendors\.example\.org/signin(\?.*)?$`, a.LoginURLRegex)
		require.NotNil(t, app.Visibility.AutoSubmitToolbar)
		assert.True(t, *app.Visibility.AutoSubmitToolbar)
	})

	t.Run("browser_plugin_swa3field", func(t *testing.T) {
		doc := appCorpusDoc(t, "browser_plugin_swa3field")
		app := decodeApp(t, doc)
		assert.Equal(t, okta.SignOnModeBrowserPlugin, app.SignOnMode)
		assert.Equal(t, "template_swa3field", app.Name)
		a := app.Settings.App
		assert.Equal(t, "input#uid", a.UsernameSelector, "Okta's spelling has its own field")
		assert.Equal(t, "", a.UserNameSelector, "the spec's spelling is not filled from another spelling")
		assert.Equal(t, "input#pwd", a.PasswordSelector)
		assert.Equal(t, "button#signin", a.ButtonSelector)
		assert.Equal(t, "input[name=companyId]", a.ExtraFieldSelector)
		assert.Equal(t, "ACME-042", a.ExtraFieldValue)
		assert.Equal(t, "https://bank.example.com/login.aspx", a.TargetURL)
		out, err := json.Marshal(app)
		require.NoError(t, err)
		assert.Contains(t, string(out), `"usernameSelector":"input#uid"`)
		assert.NotContains(t, string(out), `userNameSelector`)
	})

	t.Run("secure_password_store", func(t *testing.T) {
		app := decodeApp(t, appCorpusDoc(t, "secure_password_store"))
		assert.Equal(t, okta.SignOnModeSecurePasswordStore, app.SignOnMode)
		assert.Equal(t, okta.SchemeSharedUsernameAndPassword, app.Credentials.Scheme)
		assert.Equal(t, "netadmin", app.Credentials.UserName)
		assert.Equal(t, "#realm", app.Settings.App.OptionalField1)
		assert.Equal(t, "lab", app.Settings.App.OptionalField1Value)
		assert.Equal(t, "", app.Settings.App.OptionalField2)
	})

	t.Run("ws_federation", func(t *testing.T) {
		app := decodeApp(t, appCorpusDoc(t, "ws_federation"))
		assert.Equal(t, okta.SignOnModeWSFederation, app.SignOnMode)
		a := app.Settings.App
		assert.Equal(t, "urn:sharepoint:portal", a.Realm)
		assert.Equal(t, "https://portal.example.com/_trust/", a.WReplyURL)
		assert.Equal(t, "https://portal.example.com", a.SiteURL)
		require.NotNil(t, a.WReplyOverride)
		assert.False(t, *a.WReplyOverride)
		assert.Equal(t, "upn", a.UsernameAttribute)
		assert.Equal(t, "", a.GroupName, "null")
	})

	t.Run("unknown_mode", func(t *testing.T) {
		app := decodeApp(t, appCorpusDoc(t, "unknown_mode"))
		assert.Equal(t, okta.ApplicationSignOnMode("SOME_FUTURE_MODE"), app.SignOnMode)
		assert.Equal(t, okta.ApplicationLifecycleStatus("SUSPENDED_FOR_REVIEW"), app.Status)
		assert.Equal(t, "https://portal.example.com/start", app.Settings.SignOn.LoginURL)
		raw, ok := app.Settings.SignOn.Extra("futureOptions")
		require.True(t, ok)
		assert.JSONEq(t, `{"attestation":"direct","timeoutMs":60000,"algorithms":[-7,-257]}`, string(raw))
		assert.Equal(t, []string{"futureCredential"}, app.Credentials.ExtraNames())
	})

	t.Run("active_directory", func(t *testing.T) {
		app := decodeApp(t, appCorpusDoc(t, "active_directory"))
		assert.Equal(t, okta.ApplicationSignOnMode(""), app.SignOnMode, "null decodes to the zero value")
		assert.Equal(t, "active_directory", app.Name)
		assert.Equal(t, map[string]bool{}, app.Visibility.AppLinks)
		raw, ok := app.Settings.App.Extra("namingContext")
		require.True(t, ok)
		assert.Equal(t, `"corp.example.com"`, string(raw))
		raw, ok = app.Settings.App.Extra("maxImports")
		require.True(t, ok)
		assert.Equal(t, `0`, string(raw))
		out, err := json.Marshal(app)
		require.NoError(t, err)
		assert.Contains(t, string(out), `"signOnMode":null`, "the null comes back null, not as \"\"")
	})

	t.Run("salesforce", func(t *testing.T) {
		app := decodeApp(t, appCorpusDoc(t, "salesforce"))
		assert.Equal(t, "salesforce", app.Name)
		assert.Equal(t, okta.SignOnModeSAML20, app.SignOnMode)
		assert.Contains(t, app.Features, "PUSH_NEW_USERS")
		require.NotNil(t, app.Licensing.SeatCount)
		assert.Equal(t, 250, *app.Licensing.SeatCount)
		a := app.Settings.App
		assert.Equal(t, []string{
			"allowedOrgIds", "chatterEnabled", "communityUrl", "customDomain", "enableCustomDomain",
			"importContacts", "instanceType", "integrationType", "lastSchemaRefresh", "loginUrl", "logoutUrl",
			"organizationId", "portalId", "profileMappings", "syncUsersInBatches", "userProvisioningApiVersion",
		}, a.ExtraNames())
		raw, _ := a.Extra("instanceType")
		assert.Equal(t, `"PRODUCTION"`, string(raw))
		raw, _ = a.Extra("lastSchemaRefresh")
		assert.Equal(t, `1727712224000`, string(raw))
		raw, _ = a.Extra("chatterEnabled")
		assert.Equal(t, `null`, string(raw))
		assert.Equal(t, map[string]any{"id": "00u1a2b3c4d5e6f7g8h9", "scope": "GROUP", "status": "PROVISIONED"},
			app.Embedded["user"])
		assert.Equal(t, map[string]any{}, app.Profile)
	})

	t.Run("okta_org2org", func(t *testing.T) {
		app := decodeApp(t, appCorpusDoc(t, "okta_org2org"))
		assert.Equal(t, "okta_org2org", app.Name)
		a := app.Settings.App
		assert.Equal(t, "https://partner.okta.com/sso/saml2/0oa7p6o5n4m3l2k1j0i9", a.AcsURL)
		assert.Equal(t, "https://www.okta.com/saml2/service-provider/spabcdefghijklmnopqr", a.AudRestriction)
		assert.Equal(t, "https://partner.okta.com", a.BaseURL)
		raw, ok := a.Extra("scopes")
		require.True(t, ok)
		assert.JSONEq(t, `["okta.users.manage","okta.groups.manage"]`, string(raw))
		require.NotNil(t, app.Settings.ImplicitAssignment)
		assert.True(t, *app.Settings.ImplicitAssignment)
	})
}

// TestApplicationOpenEnums: values outside x-okta-known-values decode into the
// typed fields and are written back unchanged.
func TestApplicationOpenEnums(t *testing.T) {
	doc := []byte(`{
		"signOnMode": "PASSKEY_NATIVE",
		"status": "ARCHIVED",
		"credentials": {
			"scheme": "FEDERATED_VAULT",
			"signing": {"use": "enc"},
			"oauthClient": {"token_endpoint_auth_method": "tls_client_auth"}
		},
		"settings": {"oauthClient": {
			"application_type": "agent",
			"grant_types": ["authorization_code", "urn:example:grant:future"],
			"response_types": ["code", "code id_token"],
			"consent_method": "ALWAYS_ASK",
			"issuer_mode": "PER_TENANT",
			"refresh_token": {"rotation_type": "SLIDING"}
		}}
	}`)
	app := decodeApp(t, doc)
	assert.Equal(t, okta.ApplicationSignOnMode("PASSKEY_NATIVE"), app.SignOnMode)
	assert.Equal(t, okta.ApplicationLifecycleStatus("ARCHIVED"), app.Status)
	assert.Equal(t, okta.ApplicationCredentialsScheme("FEDERATED_VAULT"), app.Credentials.Scheme)
	assert.Equal(t, okta.ApplicationCredentialsSigningUse("enc"), app.Credentials.Signing.Use)
	assert.Equal(t, okta.OAuthEndpointAuthenticationMethod("tls_client_auth"), app.Credentials.OAuthClient.TokenEndpointAuthMethod)
	c := app.Settings.OAuthClient
	assert.Equal(t, okta.OpenIdConnectApplicationType("agent"), c.ApplicationType)
	assert.Equal(t, []okta.OAuthGrantType{okta.GrantAuthorizationCode, "urn:example:grant:future"}, c.GrantTypes)
	assert.Equal(t, []okta.OAuthResponseType{okta.ResponseCode, "code id_token"}, c.ResponseTypes)
	assert.Equal(t, okta.OpenIdConnectApplicationConsentMethod("ALWAYS_ASK"), c.ConsentMethod)
	assert.Equal(t, okta.OpenIdConnectApplicationIssuerMode("PER_TENANT"), c.IssuerMode)
	assert.Equal(t, okta.OpenIdConnectRefreshTokenRotationType("SLIDING"), c.RefreshToken.RotationType)
	out, err := json.Marshal(app)
	require.NoError(t, err)
	assertSameJSON(t, doc, out)

	for _, tc := range []struct {
		name string
		into any
		doc  string
	}{
		{"ProvisioningConnection", &okta.ProvisioningConnection{}, `{"authScheme":"OAUTH2","status":"PENDING"}`},
		{"ApplicationFeature", &okta.ApplicationFeature{}, `{"name":"FUTURE_FEATURE","status":"PAUSED","capabilities":{"update":{"password":{"status":"ENABLED","seed":"VAULT","change":"ROTATE"}}}}`},
		{"OAuth2ScopeConsentGrant", &okta.OAuth2ScopeConsentGrant{}, `{"source":"POLICY","status":"EXPIRED"}`},
		{"OAuth2Token", &okta.OAuth2Token{}, `{"status":"SUSPENDED"}`},
	} {
		require.NoError(t, json.Unmarshal([]byte(tc.doc), tc.into), tc.name)
		out, err := json.Marshal(tc.into)
		require.NoError(t, err, tc.name)
		assert.JSONEq(t, tc.doc, string(out), tc.name)
	}
	var f okta.ApplicationFeature
	require.NoError(t, json.Unmarshal([]byte(`{"status":"PAUSED","capabilities":{"update":{"password":{"seed":"VAULT","change":"ROTATE"}}}}`), &f))
	assert.Equal(t, okta.EnabledStatus("PAUSED"), f.Status)
	assert.Equal(t, okta.SeedEnum("VAULT"), f.Capabilities.Update.Password.Seed)
	assert.Equal(t, okta.ChangeEnum("ROTATE"), f.Capabilities.Update.Password.Change)
}

// TestApplicationMemberTypeMismatchIsKept: a member of an unexpected JSON type
// does not fail the decode (one odd app must not fail a page) and is written
// back as it came.
func TestApplicationMemberTypeMismatchIsKept(t *testing.T) {
	doc := []byte(`{"id":"0oa1","label":42,"features":"none","settings":{"implicitAssignment":"yes","app":{"url":["a","b"]}},"licensing":{"seatCount":"unlimited"}}`)
	app := decodeApp(t, doc)
	assert.Equal(t, "0oa1", app.ID)
	assert.Equal(t, "", app.Label)
	assert.Nil(t, app.Settings.ImplicitAssignment)
	assert.Nil(t, app.Licensing.SeatCount)
	out, err := json.Marshal(app)
	require.NoError(t, err)
	assertSameJSON(t, doc, out)
}

// TestApplicationModelRoundTrips: the other models of the Application API keep
// what they do not declare, explicit zero values and nulls.
func TestApplicationModelRoundTrips(t *testing.T) {
	for _, tc := range []struct {
		name string
		into any
		doc  string
	}{
		{"AppUser", &okta.AppUser{}, appUserJSON},
		{"ApplicationGroupAssignment", &okta.ApplicationGroupAssignment{}, appGroupJSON},
		{"JsonWebKey", &okta.JsonWebKey{}, appKeyJSON},
		{"Csr", &okta.Csr{}, appCsrJSON},
		{"ProvisioningConnection", &okta.ProvisioningConnection{}, appConnectionJSON},
		{"ApplicationFeature", &okta.ApplicationFeature{}, appFeatureJSON},
		{"OAuth2Token", &okta.OAuth2Token{}, appTokenJSON},
		{"OAuth2ScopeConsentGrant", &okta.OAuth2ScopeConsentGrant{}, appGrantJSON},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.NoError(t, json.Unmarshal([]byte(tc.doc), tc.into))
			out, err := json.Marshal(tc.into)
			require.NoError(t, err)
			assertSameJSON(t, []byte(tc.doc), out)
		})
	}
}

// TestUpdateApplicationSendsWhatWasFetched: get an app, change its label, put
// it back: the server receives the document it sent, label aside, with every
// member the SDK does not declare, every explicit false (autoKeyRotation) and
// every null.
func TestUpdateApplicationSendsWhatWasFetched(t *testing.T) {
	doc := appCorpusDoc(t, "openid_connect")
	var putBody []byte
	m := newAppMock(t, func(r *http.Request) *http.Response {
		switch r.Method {
		case http.MethodGet:
			return appJSON(http.StatusOK, string(doc))
		case http.MethodPut:
			b, _ := io.ReadAll(r.Body)
			putBody = b
			return appJSON(http.StatusOK, string(b))
		}
		return appJSON(http.StatusMethodNotAllowed, `{}`)
	})
	ctx := context.Background()
	app, _, err := m.api.GetApplication(ctx, okta.GetApplicationRequest{AppID: "0oa8x1a2b3C4d5E6f7g8"})
	require.NoError(t, err)
	require.NotNil(t, app.Credentials.OAuthClient.AutoKeyRotation)
	require.False(t, *app.Credentials.OAuthClient.AutoKeyRotation)

	app.Label = "Expense Portal (EU)"
	updated, _, err := m.api.UpdateApplication(ctx, okta.UpdateApplicationRequest{AppID: app.ID, Application: app})
	require.NoError(t, err)
	assert.Equal(t, "Expense Portal (EU)", updated.Label)

	reqs := m.requests()
	require.Len(t, reqs, 2)
	assert.Equal(t, http.MethodPut, reqs[1].Method)
	assert.Equal(t, "/api/v1/apps/0oa8x1a2b3C4d5E6f7g8", reqs[1].Path)
	assert.Equal(t, "application/json", reqs[1].Header.Get("Content-Type"))

	want := appJSONNumbers(t, doc).(map[string]any)
	want["label"] = "Expense Portal (EU)"
	wantJSON, err := json.Marshal(want)
	require.NoError(t, err)
	assertSameJSON(t, wantJSON, putBody)
	assert.Contains(t, string(putBody), `"autoKeyRotation":false`)
	assert.Contains(t, string(putBody), `"pkce_required":false`)
	assert.Contains(t, string(putBody), `"logo_uri":null`)
	assert.Contains(t, string(putBody), `"created":"2023-06-02T17:41:08.000Z"`, "times are sent in the text received")

	// The decoded app was not changed by sending it.
	again, err := okta.MarshalWire(app)
	require.NoError(t, err)
	assertSameJSON(t, wantJSON, again)
}

// TestApplicationSetExtra: members the SDK does not declare can be changed and
// removed before an update, and a declared one is not shadowed by an extra.
func TestApplicationSetExtra(t *testing.T) {
	app := decodeApp(t, appCorpusDoc(t, "salesforce"))
	require.NoError(t, app.Settings.App.SetExtra("instanceType", "SANDBOX"))
	app.Settings.App.DeleteExtra("portalId")
	require.NoError(t, app.Settings.App.SetExtra("newKey", map[string]any{"n": 1}))
	out, err := json.Marshal(app)
	require.NoError(t, err)
	var got struct {
		Settings struct {
			App map[string]json.RawMessage `json:"app"`
		} `json:"settings"`
	}
	require.NoError(t, json.Unmarshal(out, &got))
	assert.Equal(t, `"SANDBOX"`, string(got.Settings.App["instanceType"]))
	assert.NotContains(t, got.Settings.App, "portalId")
	assert.JSONEq(t, `{"n":1}`, string(got.Settings.App["newKey"]))
	assert.Equal(t, `"acme"`, string(got.Settings.App["customDomain"]), "untouched members stay")
}

// --- JsonWebKey and Csr helpers -------------------------------------------------

func TestJsonWebKeyCertificatesAndPublicKey(t *testing.T) {
	rsaKey := appRSAKey()
	leaf := appCertDER()
	second := appSelfSigned(appECKey(), "ca.example.com")
	b64url := base64.RawURLEncoding

	t.Run("RSA key with n, e and a chain", func(t *testing.T) {
		k := okta.JsonWebKey{
			Kid: "kid-rsa", Kty: "RSA", Use: "sig",
			N:   b64url.EncodeToString(rsaKey.N.Bytes()),
			E:   b64url.EncodeToString(big.NewInt(int64(rsaKey.E)).Bytes()),
			X5C: []string{base64.StdEncoding.EncodeToString(leaf), base64.StdEncoding.EncodeToString(second)},
		}
		certs, err := k.Certificates()
		require.NoError(t, err)
		require.Len(t, certs, 2)
		assert.Equal(t, "app.example.com", certs[0].Subject.CommonName, "leaf first")
		assert.Equal(t, "ca.example.com", certs[1].Subject.CommonName)
		assert.Equal(t, leaf, certs[0].Raw)

		pub, err := k.PublicKey()
		require.NoError(t, err)
		rp, ok := pub.(*rsa.PublicKey)
		require.True(t, ok, "%T", pub)
		assert.True(t, rp.Equal(&rsaKey.PublicKey))
	})

	t.Run("members as Okta sends them decode", func(t *testing.T) {
		doc := fmt.Sprintf(`{"kty":"RSA","kid":"k1","use":"sig","e":"AQAB","n":%q,"x5c":[%q],"x5t#S256":"abc","status":"ACTIVE"}`,
			b64url.EncodeToString(rsaKey.N.Bytes()), base64.StdEncoding.EncodeToString(leaf))
		var k okta.JsonWebKey
		require.NoError(t, json.Unmarshal([]byte(doc), &k))
		pub, err := k.PublicKey()
		require.NoError(t, err)
		assert.True(t, pub.(*rsa.PublicKey).Equal(&rsaKey.PublicKey))
		certs, err := k.Certificates()
		require.NoError(t, err)
		assert.True(t, certs[0].PublicKey.(*rsa.PublicKey).Equal(&rsaKey.PublicKey))
	})

	t.Run("padded n and e", func(t *testing.T) {
		k := okta.JsonWebKey{Kty: "RSA", N: base64.URLEncoding.EncodeToString(rsaKey.N.Bytes()), E: "AQAB"}
		pub, err := k.PublicKey()
		require.NoError(t, err)
		assert.True(t, pub.(*rsa.PublicKey).Equal(&rsaKey.PublicKey))
	})

	t.Run("EC key from its certificate", func(t *testing.T) {
		k := okta.JsonWebKey{Kid: "kid-ec", Kty: "EC", X5C: []string{base64.StdEncoding.EncodeToString(second)}}
		pub, err := k.PublicKey()
		require.NoError(t, err)
		ep, ok := pub.(*ecdsa.PublicKey)
		require.True(t, ok, "%T", pub)
		assert.True(t, ep.Equal(&appECKey().PublicKey))
	})

	t.Run("EC key from crv, x and y", func(t *testing.T) {
		p384, err := ecdsa.GenerateKey(elliptic.P384(), rand.Reader)
		require.NoError(t, err)
		for _, want := range []*ecdsa.PublicKey{&appECKey().PublicKey, &p384.PublicKey} {
			raw, err := want.Bytes() // 0x04 || x || y
			require.NoError(t, err)
			size := (len(raw) - 1) / 2
			doc := fmt.Sprintf(`{"kty":"EC","kid":"ec1","crv":%q,"x":%q,"y":%q,"use":"sig"}`, want.Curve.Params().Name,
				b64url.EncodeToString(raw[1:1+size]), b64url.EncodeToString(raw[1+size:]))
			var k okta.JsonWebKey
			require.NoError(t, json.Unmarshal([]byte(doc), &k))
			pub, err := k.PublicKey()
			require.NoError(t, err)
			ep, ok := pub.(*ecdsa.PublicKey)
			require.True(t, ok, "%T", pub)
			assert.True(t, ep.Equal(want), want.Curve.Params().Name)
			out, err := json.Marshal(k)
			require.NoError(t, err)
			assert.JSONEq(t, doc, string(out))
		}
	})

	ecRaw, err := appECKey().PublicKey.Bytes()
	require.NoError(t, err)
	ecX, ecY := b64url.EncodeToString(ecRaw[1:33]), b64url.EncodeToString(ecRaw[33:])
	offCurve := append([]byte(nil), ecRaw[33:]...)
	offCurve[31] ^= 1

	for _, tc := range []struct {
		name    string
		key     okta.JsonWebKey
		certErr string // "" when Certificates is not checked
		pubErr  string
	}{
		{"nothing", okta.JsonWebKey{Kid: "k0"}, "x5c", "no RSA or EC members"},
		{"x5c not base64", okta.JsonWebKey{Kid: "k1", X5C: []string{"***"}}, "x5c[0] is not base64", "x5c[0] is not base64"},
		{"x5c not a certificate", okta.JsonWebKey{Kid: "k2", X5C: []string{base64.StdEncoding.EncodeToString([]byte("garbage"))}}, "x5c[0]", "x5c[0]"},
		{"second x5c bad", okta.JsonWebKey{Kid: "k3", X5C: []string{base64.StdEncoding.EncodeToString(leaf), "@@"}}, "x5c[1]", ""},
		{"n not base64url", okta.JsonWebKey{Kid: "k4", Kty: "RSA", N: "+++/", E: "AQAB"}, "", "n:"},
		{"e not base64url", okta.JsonWebKey{Kid: "k5", Kty: "RSA", N: "AQAB", E: "!!"}, "", "e:"},
		{"exponent 1", okta.JsonWebKey{Kid: "k6", Kty: "RSA", N: b64url.EncodeToString(rsaKey.N.Bytes()), E: "AQ"}, "", "exponent"},
		{"exponent too large", okta.JsonWebKey{Kid: "k7", Kty: "RSA", N: b64url.EncodeToString(rsaKey.N.Bytes()), E: "AQAAAAAB"}, "", "exponent"},
		{"EC curve unknown", okta.JsonWebKey{Kid: "k8", Kty: "EC", Crv: "secp256k1", X: ecX, Y: ecY}, "", `unsupported curve "secp256k1"`},
		{"EC x not base64url", okta.JsonWebKey{Kid: "k9", Kty: "EC", Crv: "P-256", X: "!!", Y: ecY}, "", "x:"},
		{"EC y short", okta.JsonWebKey{Kid: "k10", Kty: "EC", Crv: "P-256", X: ecX, Y: b64url.EncodeToString(ecRaw[33:60])}, "", "y is 27 bytes; P-256 needs 32"},
		{"EC point off the curve", okta.JsonWebKey{Kid: "k11", Kty: "EC", Crv: "P-256", X: ecX, Y: b64url.EncodeToString(offCurve)}, "", "k11"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.certErr != "" {
				certs, err := tc.key.Certificates()
				require.Error(t, err)
				assert.Nil(t, certs)
				assert.Contains(t, err.Error(), tc.certErr)
				assert.Contains(t, err.Error(), tc.key.Kid)
			}
			if tc.pubErr != "" {
				pub, err := tc.key.PublicKey()
				require.Error(t, err)
				assert.Nil(t, pub)
				assert.Contains(t, err.Error(), tc.pubErr)
				assert.Contains(t, err.Error(), tc.key.Kid)
			}
		})
	}
}

func TestCsrCertificateRequest(t *testing.T) {
	der, err := x509.CreateCertificateRequest(rand.Reader, &x509.CertificateRequest{
		Subject:  pkix.Name{CommonName: "sso.example.com", Organization: []string{"Example, Inc."}, Country: []string{"US"}},
		DNSNames: []string{"sso.example.com", "login.example.com"},
	}, appRSAKey())
	require.NoError(t, err)
	std := base64.StdEncoding.EncodeToString(der)
	var lines strings.Builder
	for s := std; len(s) > 0; {
		n := min(64, len(s))
		lines.WriteString(s[:n] + "\r\n")
		s = s[n:]
	}

	for _, tc := range []struct{ name, csr string }{
		{"base64", std},
		{"base64 without padding", base64.RawStdEncoding.EncodeToString(der)},
		{"base64url", base64.URLEncoding.EncodeToString(der)},
		{"base64url without padding", base64.RawURLEncoding.EncodeToString(der)},
		{"base64 in lines", lines.String()},
		{"PEM", string(pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE REQUEST", Bytes: der}))},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var c okta.Csr
			require.NoError(t, json.Unmarshal([]byte(fmt.Sprintf(`{"id":"csr1","kty":"RSA","csr":%q}`, tc.csr)), &c))
			req, err := c.CertificateRequest()
			require.NoError(t, err)
			assert.Equal(t, "sso.example.com", req.Subject.CommonName)
			assert.Equal(t, []string{"Example, Inc."}, req.Subject.Organization)
			assert.Equal(t, []string{"sso.example.com", "login.example.com"}, req.DNSNames)
			assert.NoError(t, req.CheckSignature())
			assert.True(t, req.PublicKey.(*rsa.PublicKey).Equal(&appRSAKey().PublicKey))
		})
	}

	for _, tc := range []struct{ name, csr, want string }{
		{"empty", "", "csr-bad"},
		{"not base64", "*** not base64 ***", "not base64"},
		{"base64 of garbage", base64.StdEncoding.EncodeToString([]byte("not a certificate request")), "csr-bad"},
		{"PEM that does not decode", "-----BEGIN CERTIFICATE REQUEST-----\n@@@\n", "not valid PEM"},
		{"a certificate, not a request", base64.StdEncoding.EncodeToString(appCertDER()), "csr-bad"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := okta.Csr{ID: "csr-bad", Csr: tc.csr}
			req, err := c.CertificateRequest()
			require.Error(t, err)
			assert.Nil(t, req)
			assert.Contains(t, err.Error(), tc.want)
			assert.Contains(t, err.Error(), "csr-bad")
		})
	}
}

// TestApplicationModeBlocksArePointers: settings.signOn and
// settings.oauthClient are nil when Okta sends none, and a null or empty one
// still round-trips as sent.
func TestApplicationModeBlocksArePointers(t *testing.T) {
	var bookmark okta.Application
	require.NoError(t, json.Unmarshal([]byte(`{"signOnMode":"BOOKMARK","settings":{"app":{"url":"https://x.example"}}}`), &bookmark))
	assert.Nil(t, bookmark.Settings.SignOn)
	assert.Nil(t, bookmark.Settings.OAuthClient)

	for _, doc := range []string{
		`{"settings":{"oauthClient":null,"signOn":{}}}`,
		`{"settings":{"oauthClient":{"redirect_uris":[]},"signOn":null}}`,
		`{"settings":{}}`,
	} {
		var app okta.Application
		require.NoError(t, json.Unmarshal([]byte(doc), &app), doc)
		out, err := okta.MarshalWire(&app)
		require.NoError(t, err)
		assert.JSONEq(t, doc, string(out), doc)
	}

	oidc := okta.NewOpenIDConnectApplication("x", okta.OIDCWeb, "https://x.example/cb")
	require.NotNil(t, oidc.Settings.OAuthClient)
	assert.Equal(t, []string{"https://x.example/cb"}, oidc.Settings.OAuthClient.RedirectURIs)
	assert.Nil(t, oidc.Settings.SignOn)
}
