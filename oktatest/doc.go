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
//     numbers with the digits sent. The server owns id, status, created,
//     lastUpdated, _links, credentials.signing.kid (the active key; a
//     replace may name another key of the app) and, for OPENID_CONNECT apps,
//     credentials.oauthClient.client_id and client_secret. A missing name
//     defaults by signOnMode. updateApplication (PUT) replaces the rest.
//     Only the lifecycle operations change status; an ACTIVE app cannot be
//     deleted.
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
//	401 E0000011  missing, unknown or revoked token
//	403 E0000006  revokeCurrentApiToken without an API token
//	404 E0000007  unknown id ("Not found: Resource not found: <id> (<type>)")
//	              or unknown route
//	405 E0000022  a known path with a method it does not take
//	415 E0000001  a body in a media type the operation does not take
//	429 E0000047  a rate-limit bucket is spent
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
//	POST   /_emulator/api-tokens  {"name","userId" or "login","secret"} → 201 {"id","secret"}
//	POST   /_emulator/oauth2-tokens        {"appId","userId","scopes"} → 201 {"id"}
//	POST   /_emulator/scope-consent-grants {"appId","scopeId"} → 201 {"id"}
//	POST   /_emulator/clients     {"clientId","jwk","scopes","dpop"}: RegisterClient with a public JWK
//	POST   /_emulator/oauth       {"accessTokenLifetime","requireDPoPNonceForAPI","revokeAccessTokens"}
//	POST   /_emulator/seed        a seed document (see Seed) → {"ids":{...}}
//	POST   /_emulator/reset       Reset
//
// Admin requests are not Okta operations: they are not counted, faulted or
// rate-limited. Policies cannot be seeded: the emulator has none.
package oktatest
