package okta

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"reflect"
	"runtime"
	"strconv"
	"strings"
	"time"
)

// Version is this SDK's version, sent in the User-Agent header.
const Version = "0.1.0"

// APIClient talks to one Okta org. It is safe for concurrent use.
type APIClient struct {
	cfg       *Configuration
	auth      authorizer   // puts the credentials on each attempt for the org's origin
	http      *http.Client // the configured client, copied, with credentials added per request
	userAgent string
	limits    *limiter // nil when proactive rate limiting is off

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
	if cfg.holdLimits {
		c.limits = &limiter{maxWait: cfg.retry.maxWait()}
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
// closed) and what Okta says in its headers.
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

// call is one operation's request, as its method describes it. The transport
// does everything else.
type call struct {
	op     string      // operationId, for errors and logs
	method string      // HTTP method
	path   string      // path template, such as /api/v1/apps/{appId}
	params []string    // path parameter values, in template order
	query  url.Values  // query parameters that are set
	header http.Header // extra request headers
	json   any         // request body, encoded as JSON; nil (or a nil pointer) for none
	needs  string      // the request field holding a required json body, named when it is missing
	body   []byte      // a non-JSON request body, sent with contentType
	ctype  string      // Content-Type of body
	next   *url.URL    // a next-page link to request instead of path and query
	bucket string      // the rate-limit bucket; derived from path when empty
}

// doJSON sends cl and decodes a JSON result.
func doJSON[T any](ctx context.Context, c *APIClient, cl call) (*T, *Response, error) {
	out := new(T)
	resp, err := c.do(ctx, &cl, out)
	if err != nil {
		return nil, resp, err
	}
	return out, resp, nil
}

// doList sends cl and decodes one page of a list.
func doList[T any](ctx context.Context, c *APIClient, cl call) ([]T, *Response, error) {
	var out []T
	resp, err := c.do(ctx, &cl, &out)
	if err != nil {
		return nil, resp, err
	}
	if out == nil {
		out = []T{}
	}
	return out, resp, nil
}

// doEmpty sends cl and ignores the body of its success.
func doEmpty(ctx context.Context, c *APIClient, cl call) (*Response, error) {
	return c.do(ctx, &cl, nil)
}

// defaultMaxResultBody bounds how much of a successful response is read unless
// WithMaxResponseBytes says otherwise: far above Okta's largest page (200 apps
// of a few KiB each).
const defaultMaxResultBody = 64 << 20

// do sends cl, retrying what the retry policy allows, and decodes a 2xx body
// into out when out is not nil. A non-2xx answer is an *Error.
func (c *APIClient) do(ctx context.Context, cl *call, out any) (*Response, error) {
	if err := c.refuseForAuth(cl.op); err != nil {
		return nil, err
	}
	target, path, err := c.target(cl)
	if err != nil {
		return nil, err
	}
	if isNilBody(cl.json) {
		if cl.needs != "" {
			return nil, invalid(cl.op, "%s is required", cl.needs)
		}
		cl.json = nil // an optional body left out: send none
	}
	var body []byte
	ctype := cl.ctype
	if cl.json != nil {
		if body, err = marshal(cl.json); err != nil {
			return nil, fmt.Errorf("okta: %s: encoding the request body: %w", cl.op, err)
		}
		ctype = "application/json"
	} else if cl.body != nil {
		body = cl.body
	}
	if cl.bucket == "" {
		cl.bucket = bucketKey(cl.path)
	}

	var retryFor string
	var authRetried authRetry // each reason to re-authorize is acted on once
	reauths := 0              // attempts that only re-authorized: they use up no retry
	for attempt := 0; ; attempt++ {
		retries := attempt - reauths // what the retry policy counts
		if err := c.limits.wait(ctx, cl.bucket); err != nil {
			return nil, fmt.Errorf("okta: %s %s: waiting for the rate limit to reset: %w", cl.method, path, err)
		}
		req, err := http.NewRequestWithContext(ctx, cl.method, target, bodyReader(body))
		if err != nil {
			return nil, fmt.Errorf("okta: %s: %w", cl.op, err)
		}
		req.Header.Set("Accept", "application/json")
		req.Header.Set("User-Agent", c.userAgent)
		if body != nil {
			req.Header.Set("Content-Type", ctype)
		}
		for k, vs := range cl.header {
			req.Header[k] = vs
		}
		if attempt > 0 {
			if retryFor != "" {
				req.Header.Set("X-Okta-Retry-For", retryFor)
			}
			req.Header.Set("X-Okta-Retry-Count", strconv.Itoa(attempt))
		}

		start := time.Now()
		hresp, err := c.http.Do(req)
		if err != nil {
			if ctx.Err() != nil {
				c.log(ctx, cl, path, attempt, 0, "", time.Since(start), 0, err)
				return nil, fmt.Errorf("okta: %s %s: %w", cl.method, path, ctx.Err())
			}
			err = fmt.Errorf("okta: %s %s: %w", cl.method, path, stripURL(err))
			if oe := (*OAuthError)(nil); errors.As(err, &oe) && oe.StatusCode >= 400 && oe.StatusCode < 500 && oe.StatusCode != http.StatusTooManyRequests {
				c.log(ctx, cl, path, attempt, 0, "", time.Since(start), 0, err)
				return nil, err // the token endpoint refused the credentials: another attempt gets the same answer
			}
			wait, retry := c.retryWait(ctx, cl, retries, nil, err)
			c.log(ctx, cl, path, attempt, 0, "", time.Since(start), wait, err)
			if !retry {
				return nil, err
			}
			if serr := sleep(ctx, wait); serr != nil {
				return nil, errors.Join(serr, err)
			}
			retryFor = ""
			continue
		}
		resp := newResponse(hresp)
		authWhy := c.auth.retry(hresp)
		c.limits.observe(cl.bucket, resp, time.Now())
		ok := hresp.StatusCode >= 200 && hresp.StatusCode < 300
		data, rerr := readBody(hresp, ok, c.cfg.maxBody)
		if errors.Is(rerr, errBodyTooLarge) {
			// Not retried: the same request gets the same body. The
			// answer is Okta's (or a proxy's), so the error is an *Error.
			e := newError(cl.method, path, resp, nil)
			e.ErrorSummary = rerr.Error()
			c.log(ctx, cl, path, attempt, hresp.StatusCode, resp.RequestID, time.Since(start), 0, e)
			return resp, e
		}
		if rerr != nil {
			rerr = fmt.Errorf("okta: %s %s: reading the response: %w", cl.method, path, rerr)
			wait, retry := c.retryWait(ctx, cl, retries, nil, rerr)
			c.log(ctx, cl, path, attempt, hresp.StatusCode, resp.RequestID, time.Since(start), wait, rerr)
			if !retry { // a POST whose answer was lost is never sent again
				return resp, rerr
			}
			if serr := sleep(ctx, wait); serr != nil {
				return resp, errors.Join(serr, rerr)
			}
			continue
		}
		if ok {
			c.log(ctx, cl, path, attempt, hresp.StatusCode, resp.RequestID, time.Since(start), 0, nil)
			return resp, decodeResult(cl, path, resp, data, out)
		}

		apiErr := newError(cl.method, path, resp, data)
		if authWhy != 0 && authRetried&authWhy == 0 {
			// A refused access token or a new DPoP nonce: authorize again, once.
			authRetried |= authWhy
			reauths++
			c.log(ctx, cl, path, attempt, hresp.StatusCode, resp.RequestID, time.Since(start), 0, apiErr)
			retryFor = resp.RequestID
			continue
		}
		wait, retry := c.retryWait(ctx, cl, retries, resp, nil)
		c.log(ctx, cl, path, attempt, hresp.StatusCode, resp.RequestID, time.Since(start), wait, apiErr)
		if !retry {
			return resp, apiErr
		}
		if err := sleep(ctx, wait); err != nil {
			return resp, fmt.Errorf("okta: %s %s: waiting %v to retry: %w", cl.method, path, wait.Round(time.Millisecond), errors.Join(err, apiErr))
		}
		retryFor = resp.RequestID
	}
}

// retryWait asks the retry policy whether a failed attempt is tried again and,
// if so, how long to wait first.
func (c *APIClient) retryWait(ctx context.Context, cl *call, attempt int, resp *Response, err error) (time.Duration, bool) {
	a := RetryAttempt{Op: cl.op, Method: cl.method, Attempt: attempt, Response: resp, Err: err}
	if resp != nil {
		a.StatusCode = resp.StatusCode
	}
	if !c.cfg.retry.decide(a) {
		return 0, false
	}
	return retryDelay(ctx, resp, attempt, time.Now(), c.cfg.retry.maxWait())
}

// decodeResult decodes a 2xx body into out. A body that is missing or is not
// the JSON expected is an *Error that unwraps to the decoding error.
func decodeResult(cl *call, path string, resp *Response, data []byte, out any) error {
	if out == nil {
		return nil
	}
	if len(bytes.TrimSpace(data)) == 0 {
		e := newError(cl.method, path, resp, data)
		e.ErrorSummary = "the response has no body; " + cl.op + " returns a JSON document"
		return e
	}
	if raw, ok := out.(*[]byte); ok { // a document that is not JSON (SAML metadata): its bytes as sent
		*raw = data
		return nil
	}
	if err := unmarshal(data, out); err != nil {
		e := newError(cl.method, path, resp, data)
		e.ErrorSummary = "the response is not the JSON expected: " + err.Error()
		e.cause = err
		return e
	}
	return nil
}

// isNilBody reports whether a request body is absent: nil, or a nil pointer
// in an interface.
func isNilBody(v any) bool {
	if v == nil {
		return true
	}
	rv := reflect.ValueOf(v)
	return rv.Kind() == reflect.Pointer && rv.IsNil()
}

// target returns the URL to request and the path to name in errors and logs.
func (c *APIClient) target(cl *call) (string, string, error) {
	if cl.next != nil {
		return cl.next.String(), cl.next.Path, nil
	}
	path, err := expandPath(cl.op, cl.path, cl.params)
	if err != nil {
		return "", "", err
	}
	u := c.cfg.orgURL.String() + path
	if len(cl.query) > 0 {
		u += "?" + cl.query.Encode()
	}
	return u, path, nil
}

// expandPath fills a path template's {name} segments with escaped values,
// refusing values that are empty, "." or "..".
func expandPath(op, tmpl string, params []string) (string, error) {
	var b strings.Builder
	b.Grow(len(tmpl) + 32)
	n := 0
	for {
		i := strings.IndexByte(tmpl, '{')
		if i < 0 {
			b.WriteString(tmpl)
			break
		}
		j := strings.IndexByte(tmpl[i:], '}') + i
		name := tmpl[i+1 : j]
		if n >= len(params) {
			return "", invalid(op, "path parameter %s is missing", name)
		}
		v := params[n]
		n++
		switch strings.TrimSpace(v) {
		case "":
			return "", invalid(op, "path parameter %s is required", name)
		case ".", "..":
			return "", invalid(op, "path parameter %s is %q, which would change the path", name, v)
		}
		b.WriteString(tmpl[:i])
		b.WriteString(url.PathEscape(v))
		tmpl = tmpl[j+1:]
	}
	return b.String(), nil
}

func bodyReader(b []byte) io.Reader {
	if b == nil {
		return nil
	}
	return bytes.NewReader(b)
}

// errBodyTooLarge is readBody's error for a successful body over the limit.
var errBodyTooLarge = errors.New("the response body is too large")

// readBody reads and closes a response body. A successful body over limit
// bytes is refused; an error body is only shown, so its first maxErrorBody
// bytes are kept and the rest dropped.
func readBody(r *http.Response, success bool, limit int64) ([]byte, error) {
	defer r.Body.Close()
	if !success {
		limit = maxErrorBody
	}
	size := bytes.MinRead
	if r.ContentLength > 0 && r.ContentLength <= limit {
		// bytes.Buffer.ReadFrom keeps MinRead bytes free for each read, the
		// one that sees EOF included: with less room than that it would
		// double the buffer and copy the whole body.
		size = int(r.ContentLength) + bytes.MinRead
	}
	buf := bytes.NewBuffer(make([]byte, 0, size))
	n, err := buf.ReadFrom(io.LimitReader(r.Body, limit+1))
	if err != nil {
		return nil, err
	}
	if n > limit {
		if !success {
			return buf.Bytes()[:limit], nil
		}
		return nil, fmt.Errorf("%w: larger than %d bytes (WithMaxResponseBytes)", errBodyTooLarge, limit)
	}
	return buf.Bytes(), nil
}

// stripURL drops the URL from a *url.Error: the caller already says which
// operation failed, and a next link's query is Okta's data, not ours to log.
func stripURL(err error) error {
	if ue, ok := err.(*url.Error); ok {
		return ue.Err
	}
	return err
}

func (c *APIClient) log(ctx context.Context, cl *call, path string, attempt, status int, reqID string, d, wait time.Duration, err error) {
	l := c.cfg.logger
	if !l.Enabled(ctx, slog.LevelDebug) {
		return
	}
	attrs := []slog.Attr{
		slog.String("op", cl.op),
		slog.String("method", cl.method),
		slog.String("path", path),
		slog.Int("attempt", attempt),
		slog.Duration("duration", d),
	}
	if status != 0 {
		attrs = append(attrs, slog.Int("status", status))
	}
	if reqID != "" {
		attrs = append(attrs, slog.String("request_id", reqID))
	}
	if wait > 0 {
		attrs = append(attrs, slog.Duration("wait", wait))
	}
	if err != nil {
		attrs = append(attrs, slog.String("error", err.Error()))
	}
	l.LogAttrs(ctx, slog.LevelDebug, "okta request", attrs...)
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
