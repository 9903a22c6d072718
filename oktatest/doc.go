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
//	srv.Fail("getApplication", oktatest.Fault{Status: 429, Times: 1, ResetAfter: time.Second})
//
// The server speaks the wire protocol with its own types (it does not use
// the okta SDK), so that it can serve as an independent oracle for it.
//
// # What it does as Okta does
//
//   - Ids have Okta's prefixes and length (0oa apps, 00u users, 00g groups,
//     00T API tokens, oar OAuth tokens, oag grants); timestamps use
//     2006-01-02T15:04:05.000Z; _links hold absolute URLs on Server.URL.
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
//     tens of milliseconds; no key is handed out twice.
//   - Every response carries X-Okta-Request-Id, Date and X-Rate-Limit-Limit,
//     -Remaining and -Reset for its bucket (see WithRateLimit).
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
// Fail makes the next requests of an operation (by operationId, or "*")
// answer with a status, come late, or lose their connection; Requests
// counts the requests an operation received.
package oktatest
