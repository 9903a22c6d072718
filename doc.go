// Package okta is a Go client for Okta's Application and API Token management
// APIs: apps of every sign-on mode, their users, groups, signing keys, CSRs,
// client secrets and JWKs, provisioning, OAuth 2.0 tokens and consent grants,
// and API tokens.
//
// # Configure
//
// NewConfiguration reads Okta's usual sources (~/.okta/okta.yaml,
// ./.okta.yaml, OKTA_CLIENT_* variables) and lets options override them; it
// says which setting is wrong when one is. Authenticate with an API token
// (WithAPIToken, sent as "SSWS <token>") or as an OAuth 2.0 service app
// (WithPrivateKey, WithClientAssertion or WithTokenSource, optionally with
// DPoP). Neither a Configuration nor an APIClient prints a secret with any fmt
// verb.
//
//	cfg, err := okta.NewConfiguration(
//		okta.WithOrgURL("https://dev-123456.okta.com"),
//		okta.WithAPIToken(os.Getenv("OKTA_API_TOKEN")),
//	)
//	if err != nil {
//		log.Fatal(err)
//	}
//	client := okta.NewAPIClient(cfg)
//
// See ExampleNewConfiguration and ExampleNewAPIClient.
//
// # First call
//
// Every operation is a method on client.ApplicationAPI or client.ApiTokenAPI
// named after Okta's operationId. It takes a context and a request struct
// whose fields are the operation's parameters, and returns a typed result, a
// *Response (headers, request id, rate limit) and an error:
//
//	app, resp, err := client.ApplicationAPI.GetApplication(ctx, okta.GetApplicationRequest{AppID: id})
//
// Application is one concrete type for every sign-on mode. Models are
// lossless: what Okta sends, including members this package does not know
// and explicit false, 0, "" and null, is what an update sends back. See
// ExampleApplicationAPI_CreateApplication.
//
// # Paging
//
// A list operation returns one page; its ...All sibling returns an
// iter.Seq2 that walks every page with the caller's context, following
// Okta's Link headers and refusing links to another origin:
//
//	for app, err := range client.ApplicationAPI.ListApplicationsAll(ctx, okta.ListApplicationsRequest{}) {
//		if err != nil {
//			return err
//		}
//		fmt.Println(app.Label)
//	}
//
// See ExampleApiTokenAPI_ListApiTokensAll.
//
// # Errors
//
// An answer outside 2xx is an *Error carrying Okta's errorCode, errorSummary,
// errorCauses and request id. errors.Is matches ErrNotFound, ErrUnauthorized,
// ErrForbidden, ErrRateLimited and ErrInvalidRequest (also for requests the
// SDK refuses before sending). See ExampleError.
//
// # Retries and rate limits
//
// A 429 waits until Okta's reset, measured against the server's Date header;
// 5xx answers and connection failures are retried for idempotent requests
// with capped backoff; no wait goes past the context's deadline or the retry
// policy's MaxWait. WithMaxRetries and WithRetryPolicy tune it, and
// WithProactiveRateLimit holds requests to a bucket Okta says is spent. See
// ExampleWithMaxRetries.
//
// # Testing with oktatest
//
// Package github.com/gatekit/okta/oktatest is an in-memory Okta org that
// speaks the real wire protocol, so tests of code that uses this package run
// offline against the real client:
//
//	srv := oktatest.NewServer()
//	defer srv.Close()
//	cfg, _ := okta.NewConfiguration(okta.WithOrgURL(srv.URL), okta.WithAPIToken(srv.Token))
//
// It injects faults and rate limits, and serves OAuth 2.0 service apps. The
// README (https://github.com/gatekit/okta#readme) has the full guide, and
// the programs under examples/ run against the emulator by default.
package okta
