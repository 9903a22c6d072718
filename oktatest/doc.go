// Package oktatest is an in-memory fake of the Okta management API for the
// API token and application operations, for tests of code that talks to
// Okta.
//
// NewServer starts an org on loopback, like net/http/httptest. Point a
// client at Server.URL with "Authorization: SSWS " + Server.Token:
//
//	srv := oktatest.NewServer()
//	defer srv.Close()
//	userID := srv.AddUser("ada@example.com")
//	groupID := srv.AddGroup("Engineering")
//	srv.Fail(oktatest.OpGetApplication, oktatest.Fault{Status: 429, Times: 1, ResetAfter: time.Second})
//
// The server speaks the wire protocol with its own types (it does not use
// the okta SDK), so that it can serve as an independent oracle for it.
//
// # What it does as Okta does
//
//   - Ids have Okta's prefixes and length (0oa apps, 00u users, 00g groups,
//     00T API tokens, oar OAuth tokens, oag grants); timestamps use
//     2006-01-02T15:04:05.000Z; _links hold absolute URLs on Server.URL,
//     or on the origin the request reached (see "Its URL and links").
//   - Apps are kept as the JSON the client sent, every member included, and
//     numbers with the digits sent, with Okta's defaults filled in member by
//     member (see below). The server owns id, orn, status, created,
//     lastUpdated, universalLogout, _links, credentials.signing.kid (apps
//     that sign; the active key, which a replace may change to another key
//     of the app) and, for OIDC clients, credentials.oauthClient.client_id
//     and the write-only client_secret. A missing name defaults by
//     signOnMode. updateApplication (PUT) replaces the rest. Only the
//     lifecycle operations change status; an ACTIVE app cannot be deleted.
//   - All 82 operations of Okta's 2026 spec on these paths are served,
//     including client secrets (the secret itself only in the answer to its
//     creation; at most two; an ACTIVE one cannot be deleted), client JWKs,
//     federated claims, group push mappings, app sign-in policies
//     (AddPolicy, DefaultPolicy), SAML metadata signed by the key asked for,
//     and the Early Access cross-app access and interclient trust
//     operations. Client secrets authenticate at the default custom
//     authorization server (/oauth2/default/v1/token, custom scopes); the
//     org server takes only private_key_jwt for client credentials, as
//     Okta's does.
//   - Lists page with "limit" and "after" (the id of the last item of the
//     previous page) and answer with a Link header for rel="self" and, when
//     more items follow, one for rel="next". Default and maximum page sizes:
//     apps 20/200, app users 50/500, group assignments 20/200, OAuth tokens
//     and API tokens 20/200; larger limits are clamped. An unknown cursor
//     yields an empty page.
//   - listApplications supports filter expressions `field eq "value"` on
//     status, name, user.id, group.id and credentials.signing.kid, joined
//     by "and", and q, a case-insensitive prefix of label or name.
//   - Keys, certificates and CSRs are real RSA-2048 and X.509. Keys are
//     generated ahead of need by one goroutine per process, since each takes
//     tens of milliseconds, that runs only while a server is open; no key is
//     handed out twice.
//   - Every response carries X-Okta-Request-Id, Date and X-Rate-Limit-Limit,
//     -Remaining and -Reset for its bucket (see WithRateLimit). A bucket
//     without WithRateLimit or SetRateLimit never refuses and never reports
//     Remaining 0: its window restarts first.
//   - An uploaded logo (uploadApplicationLogo) is served without
//     credentials at the _links.logo URL, /fs/bco/1/<id>, until the app is
//     deleted or another logo replaces it; then it is gone (404) and its
//     memory freed. Okta serves logos from its CDN host; the emulator serves
//     them from its own.
//   - setDefaultProvisioningConnectionForApplication and grantConsentToScope
//     answer 200, as Okta does, where the spec says 201.
//
// # Errors
//
// Errors have Okta's body (errorCode, errorSummary, errorLink, errorId,
// errorCauses):
//
//	400 E0000001  validation failed; errorCauses say "member: reason"
//	400 E0000003  the body is not well-formed JSON of the right shape
//	400 E0000024  a replace of an AUTO_LOGIN catalog app while it is INACTIVE
//	401 E0000015  a known feature an app with features lacks
//	403 E0000043  self-service assignment (the emulated org has it off)
//	401 E0000011  missing, unknown or revoked token
//	403 E0000006  revokeCurrentApiToken without an API token
//	404 E0000007  unknown id ("Not found: Resource not found: <id> (<type>)")
//	              or unknown route
//	405 E0000022  a known path with a method it does not take
//	415 E0000001  a body in a media type the operation does not take
//	429 E0000047  a rate-limit bucket is spent
//
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
//
// # Faults
//
// Fail makes the next requests of an operation answer with a status, come
// late, or lose their connection; Requests counts the requests an
// operation received. Both take an Operation: one of the Op constants (one
// per operationId, such as OpGetApplication), AllOperations ("*"), or
// Okta's 2026 name of a renamed operation (OpReplaceApplication for
// OpUpdateApplication, and four more). A name the server does not serve,
// such as the Go method name "GetApplication", panics instead of silently
// matching nothing; Operations lists the served names.
//
// # Its URL and links
//
// Server.URL is the listener's address, with an unspecified one
// (":8080") reached on 127.0.0.1. A request that reached the server by
// another valid host name (Host header: a DNS name, IPv4 or bracketed IPv6
// address, and port) gets its links, Link and Location headers on that
// origin, so that a client in a container can follow them; WithURL fixes
// the URL instead (a proxy, a port mapping). Link headers are built from
// the parsed, re-encoded query, never from the raw one.
//
// # Lifecycle
//
// The server closes a connection whose request header takes over 10 s to
// arrive, or whose request takes over 5 minutes, and idle keep-alive
// connections after 2 minutes. Close ends injected latency at once, lets
// requests in progress finish for up to 2 s, then closes their connections;
// when it returns, no goroutine the server started is left (goleak finds
// none once every server is closed).
//
// # The admin API
//
// WithAdminToken serves, under /_emulator/, what a Go test does with the
// Server's methods, for tests in other languages and for cmd/okta-emulator.
// Every request needs "Authorization: Bearer <admin token>" (compared in
// constant time; the API token is refused), bodies are JSON objects whose
// unknown members are refused, durations are Go strings ("1.5s"), and
// errors are {"error": "..."} with 400, 401 or 404:
//
//	POST   /_emulator/faults      {"operation","status","times","rate","resetAfter","latency","drop"}
//	DELETE /_emulator/faults      ClearFaults
//	GET    /_emulator/requests    {"total","operations":{...}}; ?operation=<id> gives {"count"}
//	GET    /_emulator/requests/log the last 1000 requests answered (no headers), ?operation=<id>
//	DELETE /_emulator/requests    forgets the counts and the log
//	GET    /_emulator/operations  the operationIds served
//	POST   /_emulator/rate-limits {"bucket","limit","window"}: SetRateLimit
//	DELETE /_emulator/rate-limits every bucket back to how the server started
//	GET    /_emulator/clock       {"now"}; POST {"now": RFC 3339} or {"advance": "1h"} moves it
//	POST   /_emulator/users       {"login","firstName","lastName"} → 201 {"id"}; GET lists them
//	POST   /_emulator/groups      {"name"} → 201 {"id"}; GET lists them
//	POST   /_emulator/policies    {"name"} → 201 {"id"}: AddPolicy; GET lists them, the default first
//	POST   /_emulator/api-tokens  {"name","userId" or "login","secret"} → 201 {"id","secret"}
//	POST   /_emulator/oauth2-tokens        {"appId","userId","scopes"} → 201 {"id"}
//	POST   /_emulator/scope-consent-grants {"appId","scopeId"} → 201 {"id"}
//	POST   /_emulator/clients     {"clientId","jwk","scopes","dpop"}: RegisterClient with a public JWK
//	POST   /_emulator/oauth       {"accessTokenLifetime","requireDPoPNonceForAPI","revokeAccessTokens"}
//	POST   /_emulator/seed        a seed document (see Seed) → {"ids":{...}}
//	POST   /_emulator/reset       Reset
//
// Admin requests are not Okta operations: they are not counted, faulted or
// rate-limited.
package oktatest
