package okta

// Building requests: an operation describes itself as a call; prepare turns
// it, once per call, into what every attempt sends.

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"reflect"
	"strconv"
	"strings"
)

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

// prepared is a call ready to send: what is the same for every attempt,
// worked out once.
type prepared struct {
	call           // a copy: a pointer to the caller's would move it to the heap
	url     string // the URL to request
	where   string // the escaped path, to name in errors and logs (no query: it is the caller's data)
	payload []byte // the encoded body; nil for none
	ptype   string // the payload's Content-Type
	out     any    // where a 2xx body is decoded; nil to ignore it
}

// prepare checks cl and works out what its attempts send. Every refusal is
// ErrInvalidRequest, before anything is sent.
func (c *APIClient) prepare(cl *call, out any) (prepared, error) {
	if err := c.refuseForAuth(cl.op); err != nil {
		return prepared{}, err
	}
	p := prepared{call: *cl, out: out, ptype: cl.ctype}
	cl = &p.call
	var err error
	if p.url, p.where, err = c.target(cl); err != nil {
		return prepared{}, err
	}
	if isNilBody(cl.json) {
		if cl.needs != "" {
			return prepared{}, invalid(cl.op, "%s is required", cl.needs)
		}
		cl.json = nil // an optional body left out: send none
	}
	if cl.json != nil {
		if p.payload, err = marshal(cl.json); err != nil {
			return prepared{}, fmt.Errorf("%w: %s: encoding the request body: %w", ErrInvalidRequest, cl.op, err)
		}
		p.ptype = "application/json"
	} else if cl.body != nil {
		p.payload = cl.body
	}
	if cl.bucket == "" {
		cl.bucket = bucketKey(cl.path)
	}
	return p, nil
}

// newRequest builds one attempt: st says whether it is a retry, and of which
// answer.
func (c *APIClient) newRequest(ctx context.Context, p *prepared, st *callState) (*http.Request, error) {
	req, err := http.NewRequestWithContext(ctx, p.method, p.url, bodyReader(p.payload))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", c.userAgent)
	if p.payload != nil {
		req.Header.Set("Content-Type", p.ptype)
	}
	for k, vs := range p.header {
		req.Header[k] = vs
	}
	if st.sent > 0 {
		if st.retryFor != "" {
			req.Header.Set("X-Okta-Retry-For", st.retryFor)
		}
		req.Header.Set("X-Okta-Retry-Count", strconv.Itoa(st.sent))
	}
	return req, nil
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
		return cl.next.String(), cl.next.EscapedPath(), nil
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
// refusing values that are empty, "." or "..", and values that are another
// operation's literal segment at that place (see reservedSegments): each would
// send the request to another path than the operation's.
func expandPath(op, tmpl string, params []string) (string, error) {
	if strings.IndexByte(tmpl, '{') < 0 {
		return tmpl, nil // nothing to fill (nor to check)
	}
	reserved := reservedSegments(tmpl)
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
		var words []string
		if n < len(reserved) {
			words = reserved[n]
		}
		if err := checkPathParam(op, name, v, words); err != nil {
			return "", err
		}
		n++
		b.WriteString(tmpl[:i])
		b.WriteString(url.PathEscape(v))
		tmpl = tmpl[j+1:]
	}
	return b.String(), nil
}

// checkPathParam refuses a path parameter's value that would change the path.
func checkPathParam(op, name, v string, reserved []string) error {
	t := strings.TrimSpace(v)
	switch t {
	case "":
		return invalid(op, "path parameter %s is required", name)
	case ".", "..":
		return invalid(op, "path parameter %s is %q, which would change the path", name, v)
	}
	for _, word := range reserved {
		if strings.EqualFold(t, word) {
			return invalid(op, "path parameter %s is %q, which is a segment of another operation's path: "+
				"the request would reach that operation", name, v)
		}
	}
	return nil
}

func bodyReader(b []byte) io.Reader {
	if b == nil {
		return nil
	}
	return bytes.NewReader(b)
}

// stripURL drops the URL from a *url.Error: the caller already says which
// operation failed, and a next link's query is Okta's data, not ours to log.
func stripURL(err error) error {
	if ue, ok := err.(*url.Error); ok {
		return ue.Err
	}
	return err
}
