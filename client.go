package okta

import (
	"fmt"
	"net/http"
	"net/url"
	"runtime"
	"strconv"
	"strings"
)

// Version is this SDK's version, sent in the User-Agent header.
const Version = "0.2.0"

// APIClient talks to one Okta org. It is safe for concurrent use.
type APIClient struct {
	cfg       *Configuration
	auth      authorizer   // puts the credentials on each attempt for the org's origin
	http      *http.Client // the configured client, copied, with credentials added per request
	userAgent string
	limiter   *limiter  // the proactive rate limiter; nil when WithProactiveRateLimit(false)
	scrub     *scrubber // removes secrets from the text of errors and logs

	common service

	ApiTokenAPI    *ApiTokenAPI    // API Token operations (/api/v1/api-tokens)
	ApplicationAPI *ApplicationAPI // Application operations (/api/v1/apps)
}

type service struct{ client *APIClient }

// ApiTokenAPI holds the API Token operations. Get it from APIClient.ApiTokenAPI.
type ApiTokenAPI service

// ApplicationAPI holds the Application operations. Get it from
// APIClient.ApplicationAPI.
type ApplicationAPI service

// NewAPIClient returns a client for the org cfg names. It panics if cfg is nil:
// build one with NewConfiguration.
func NewAPIClient(cfg *Configuration) *APIClient {
	if cfg == nil {
		panic("okta: NewAPIClient needs a *Configuration from NewConfiguration")
	}
	c := &APIClient{cfg: cfg}
	base := *cfg.httpClient // a copy: the caller's client is never modified
	rt := base.Transport
	if rt == nil {
		rt = http.DefaultTransport
	}
	c.userAgent = fmt.Sprintf("okta-go/%s go/%s %s/%s", Version, strings.TrimPrefix(runtime.Version(), "go"), runtime.GOOS, runtime.GOARCH)
	if cfg.userAgent != "" {
		c.userAgent += " " + cfg.userAgent
	}
	c.auth = newSSWSAuth(cfg.apiToken)
	if cfg.auth != nil && cfg.auth.mode != AuthorizationModeSSWS {
		a, err := newOAuthAuth(cfg, c.userAgent)
		if err != nil {
			panic("okta: NewAPIClient: " + err.Error()) // a key NewConfiguration accepted cannot fail here
		}
		c.auth = a
	}
	base.Transport = &authTransport{base: rt, origin: cfg.orgURL, auth: c.auth}
	c.http = &base
	c.http.CheckRedirect = refuseUnsafeRedirects(cfg.orgURL, base.CheckRedirect)
	c.scrub = newScrubber(cfg, c.auth)
	if cfg.proactiveRateLimit {
		c.limiter = &limiter{maxWait: cfg.retry.maxWait()}
	}
	c.common.client = c
	c.ApiTokenAPI = (*ApiTokenAPI)(&c.common)
	c.ApplicationAPI = (*ApplicationAPI)(&c.common)
	return c
}

// Configuration returns the configuration the client was built with.
func (c *APIClient) Configuration() *Configuration { return c.cfg }

// String describes the client without its secrets.
func (c *APIClient) String() string { return "okta.APIClient{" + c.cfg.String() + "}" }

// Format prints the client as String does, for every verb.
func (c *APIClient) Format(f fmt.State, verb rune) { fmt.Fprint(f, c.String()) }

// Response is an Okta response: the *http.Response (its body already read and
// closed, and replaced by http.NoBody) and what Okta says in its headers.
// Its Request is the request as the SDK built it, without the credentials
// (Authorization, DPoP) and without its body; after a redirect, the last
// request, likewise stripped, with no chain of earlier ones.
type Response struct {
	*http.Response
	RequestID string    // X-Okta-Request-Id
	NextAfter string    // the after cursor of the next page; "" on the last page
	RateLimit RateLimit // X-Rate-Limit-Limit, -Remaining and -Reset

	next *url.URL // the rel="next" link, resolved against the request URL
}

func newResponse(r *http.Response) *Response {
	resp := &Response{Response: r, RequestID: r.Header.Get("X-Okta-Request-Id"), RateLimit: parseRateLimit(r.Header)}
	if links := r.Header.Values("Link"); len(links) > 0 {
		if next := nextLink(links, r.Request.URL); next != nil {
			resp.next = next
			resp.NextAfter = next.Query().Get("after")
		}
	}
	return resp
}

// Ptr returns a pointer to v, for the optional fields of requests and models:
// okta.Ptr(false), okta.Ptr(0).
func Ptr[T any](v T) *T { return &v }

// query builds a request's query string from the parameters that are set.
type query url.Values

func (q query) str(name, v string) query {
	if v != "" {
		q[name] = []string{v}
	}
	return q
}

func (q query) int(name string, v int) query {
	if v != 0 {
		q[name] = []string{strconv.Itoa(v)}
	}
	return q
}

func (q query) boolp(name string, v *bool) query {
	if v != nil {
		q[name] = []string{strconv.FormatBool(*v)}
	}
	return q
}

func (q query) values() url.Values { return url.Values(q) }
