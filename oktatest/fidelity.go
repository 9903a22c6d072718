package oktatest

// This file holds no code: it is the emulator's account of its fidelity,
// rule by rule, against REALITY.md's "What Okta fills in, drops and
// rewrites". The text below is written to become sections of the package
// documentation (doc.go); until then it lives here, detached from the
// package clause so that it is not a second package comment.
// fidelity_test.go (a shape per sign-on mode and catalog kind, the apps
// recorded from real orgs in testdata/apps, the statuses of an app's life)
// and fidelity_rules_test.go (a test per rule) hold it to account.

// # What Okta fills in, drops and rewrites, as the emulator does
//
//   - Secrets are write-only. credentials.oauthClient.client_secret comes
//     back only in the answer to the create, or to the replace, that set it
//     (sent by the client or made for a confidential client); never from
//     getApplication or a list. A password sent in credentials.password
//     (apps and app users) never comes back, nor does a password object
//     left empty.
//   - Signing only where an app signs: SAML 1.1 and 2.0, WS-Federation and
//     OIDC apps have credentials.signing.kid; bookmark, SWA, basic auth,
//     secure password store, auto-login and directory apps have an empty
//     signing object.
//   - Defaults are filled member by member, inside objects sent in part:
//     visibility (autoLaunch, autoSubmitToolbar, hide.iOS/web, appLinks),
//     accessibility (selfService, errorRedirectUrl and loginRedirectUrl
//     null), settings (app {}, notifications.vpn, manualProvisioning,
//     implicitAssignment, notes.admin/enduser null, emOptInStatus),
//     credentials.userNameTemplate. Per template: a scheme (AUTO_LOGIN,
//     BASIC_AUTH, BROWSER_PLUGIN, SECURE_PASSWORD_STORE) and revealPassword
//     false; secure password store optionalField1..3 and their values null; custom
//     SAML settings.signOn (assertionEncryption {"enabled":false},
//     requestCompressed, spIssuer null, idpIssuer
//     "http://www.okta.com/${org.externalKey}", acsEndpoints [],
//     inlineHooks [], the *Override members and defaultRelayState null,
//     attributeStatements [], slo, samlSignedRequestEnabled,
//     allowMultipleAcsEndpoints); OIDC settings.oauthClient (client_uri and
//     logo_uri null, participate_slo false, redirect_uris [] on service
//     apps, an id on each jwks.keys[] entry, and response_types,
//     grant_types, issuer_mode, consent_method, idp_initiated_login,
//     wildcard_redirect, dpop_bound_access_tokens as recorded apps show
//     them) and credentials.oauthClient (token_endpoint_auth_method,
//     autoKeyRotation, pkce_required).
//   - Computed members: orn is orn:okta:idp:<orgId>:apps:<name>:<appId>,
//     with an org id (00o...) made per server; universalLogout is what an
//     Identity Engine org sends for an app without Universal Logout
//     ({"status":"DISABLED","supportType":"FULL","identityStack":"NOT_SHARED",
//     "protocol":"GLOBAL_TOKEN_REVOCATION"}). Both are the server's: what a
//     client sends for them is ignored.
//   - Empty strings: SAML settings.signOn.defaultRelayState and *Override
//     "" become null; settings.app.loginUrlRegex, redirectUrl and checkbox
//     "" become null; credentials.userName "" vanishes (for app users too).
//   - Catalog apps: a name the client sends is lower-cased; office365,
//     aws_console and pagerduty sent as AUTO_LOGIN come back
//     BROWSER_PLUGIN; an OIDC catalog app made without redirect_uris has no
//     settings.oauthClient and no credentials.oauthClient. Custom apps
//     (AUTO_LOGIN, SAML) are named oktatest_<label>_<n> and their app link
//     <name>_link; the OIDC template's link is oidc_client_link, others'
//     login. Directories (active_directory, csv_directory_v2, ...) have
//     signOnMode null and no app link.
//   - An app's _links have no self and no uploadLogo; metadata only on
//     SAML 2.0 apps (not on catalog ones, as recorded); accessPolicy,
//     profileEnrollment, policies, help and clientCredentials on OIDC
//     clients, help also on bookmarks and SAML 2.0 apps (as recorded);
//     appLinks[].href is <org>/home/<name>/<appId>/<linkId>; the default
//     logo is on Okta's CDN host.
//   - App users carry a full profile: the attributes of a default app user
//     schema (email, given_name, family_name, name, middle_name, nickname,
//     honorific_prefix/suffix, title, display_name, locale, zoneinfo,
//     profile, picture, website, gender, birthdate, phone_number), from the
//     user or null, under what the client wrote. updateApplicationUser of a
//     user of the org not yet assigned assigns them (200).
//   - expand: listApplications and getApplication embed the assignment
//     with expand=user/{userId}; app users embed the user with expand=user,
//     group assignments the group with expand=group (_embedded.user,
//     _embedded.group).
//   - Features: google, office365, okta_org2org, slack and zoomus have
//     USER_PROVISIONING and INBOUND_PROVISIONING (with
//     capabilities.importSettings and importRules) from their creation;
//     other apps have USER_PROVISIONING once a provisioning connection is
//     set. The connection carries baseUrl (as sent, else null) and
//     profile.authScheme.
//   - Keys: signing certificates are valid for 3,652 days, with Okta's
//     subject (C=US, ST=California, L=San Francisco, O=Okta,
//     OU=SSOProvider, CN=oktatest, emailAddress=info@okta.com);
//     generateApplicationKey requires validityYears (2 to 10).
//   - Lists: the self link carries the page size in force (limit=50 on app
//     users, 20 on group assignments, apps and tokens, when the request
//     named none) and orders the query limit, q, filter, after, expand; it
//     is rebuilt from the parsed parameters, so nothing else of the
//     request's query is reflected.
//   - Refusals: office365 set up for WS_FEDERATION: 400 E0000001 "In order
//     to continue using WS-FED Auto for SSO, you must grant admin consent.";
//     a replace of an AUTO_LOGIN catalog app while it is INACTIVE: 400
//     E0000024; accessibility.selfService true: 403 E0000043 (the emulated
//     org has self-service assignment off); a known feature an app with
//     features lacks: 401 E0000015 (an app with no feature at all: 404);
//     getApplicationUser on a deleted app: 404 naming the user "(User)".
//
// # What is simplified
//
//   - Catalog apps: there is no catalog. A catalog app keeps the settings
//     it is sent; the dozens of app-specific settings.app keys Okta fills
//     in are not made up, and settings.signOn defaults are filled only for
//     custom SAML apps. Only directories come back with signOnMode null,
//     not the other catalog apps Okta sends so: which ones is not known.
//   - universalLogout is never null: the emulated org is an Identity Engine
//     org, and which apps Okta leaves it null on is not known.
//   - Every app has a key credential (listApplicationKeys), even the apps
//     that do not sign and so name none; a new SAML app lists one key, not
//     the two Okta sometimes lists, so that rotation tests stay
//     deterministic.
//   - App links: one per app, with an aln... id (Okta's templates use
//     numeric link ids); extra links of catalog apps are not made.
//   - The help link is on Server.URL, not the org's admin host; an uploaded
//     logo is served by the emulator at Server.URL (a CDN host could not be
//     reached by tests).
//   - App users: every app has the same default profile schema; Okta's
//     schemas differ per app and can be changed; status is always ACTIVE
//     and syncState DISABLED.
//   - The self link's default limit is added on every list, where it has
//     been seen only on app users and group assignments.
