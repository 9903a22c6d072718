package oktatest_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/gatekit/okta/oktatest"
)

// client drives a Server over raw HTTP.
type client struct {
	t     testing.TB
	srv   *oktatest.Server
	token string
	hc    *http.Client
}

func newServer(t testing.TB, opts ...oktatest.Option) (*oktatest.Server, *client) {
	t.Helper()
	srv := oktatest.NewServer(opts...)
	t.Cleanup(srv.Close)
	return srv, &client{t: t, srv: srv, token: srv.Token, hc: &http.Client{Timeout: 10 * time.Second}}
}

// response is a finished exchange.
type response struct {
	status int
	header http.Header
	body   []byte
}

// obj decodes the body as a JSON object.
func (r *response) obj(t testing.TB) map[string]any {
	t.Helper()
	var m map[string]any
	require.NoError(t, json.Unmarshal(r.body, &m), "body: %s", r.body)
	return m
}

// list decodes the body as a JSON array of objects.
func (r *response) list(t testing.TB) []map[string]any {
	t.Helper()
	var l []map[string]any
	require.NoError(t, json.Unmarshal(r.body, &l), "body: %s", r.body)
	return l
}

// link returns the URL of the Link header with the given rel, or "".
func (r *response) link(rel string) string {
	for _, v := range r.header.Values("Link") {
		target, params, ok := strings.Cut(v, ";")
		if ok && strings.TrimSpace(params) == `rel="`+rel+`"` {
			return strings.Trim(strings.TrimSpace(target), "<>")
		}
	}
	return ""
}

// do sends a request. body is JSON-encoded unless it is []byte or nil;
// path is relative to the server unless it is absolute. hdr holds extra
// header pairs.
func (c *client) do(method, path string, body any, hdr ...string) *response {
	c.t.Helper()
	r, err := c.try(method, path, body, hdr...)
	require.NoError(c.t, err)
	return r
}

func (c *client) try(method, path string, body any, hdr ...string) (*response, error) {
	var rd io.Reader
	contentType := ""
	switch b := body.(type) {
	case nil:
	case []byte:
		rd = bytes.NewReader(b)
	case string:
		rd = strings.NewReader(b)
		contentType = "application/json"
	default:
		data, err := json.Marshal(b)
		if err != nil {
			return nil, err
		}
		rd = bytes.NewReader(data)
		contentType = "application/json"
	}
	url := path
	if !strings.HasPrefix(path, "http") {
		url = c.srv.URL + path
	}
	req, err := http.NewRequest(method, url, rd)
	if err != nil {
		return nil, err
	}
	if c.token != "" {
		req.Header.Set("Authorization", "SSWS "+c.token)
	}
	req.Header.Set("Accept", "application/json")
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	return &response{status: resp.StatusCode, header: resp.Header, body: data}, nil
}

// as returns a copy of c that authenticates with token.
func (c *client) as(token string) *client {
	cc := *c
	cc.token = token
	return &cc
}

// createApp creates an app and returns it.
func (c *client) createApp(app map[string]any, query ...string) map[string]any {
	c.t.Helper()
	path := "/api/v1/apps"
	if len(query) > 0 {
		path += "?" + query[0]
	}
	r := c.do("POST", path, app)
	require.Equal(c.t, http.StatusOK, r.status, "create: %s", r.body)
	return r.obj(c.t)
}

func bookmark(label string) map[string]any {
	return map[string]any{
		"label":      label,
		"signOnMode": "BOOKMARK",
		"settings":   map[string]any{"app": map[string]any{"url": "https://example.com/" + label, "requestIntegration": false}},
	}
}

// requireError checks an Okta error answer.
func requireError(t testing.TB, r *response, status int, code string, summaryContains ...string) map[string]any {
	t.Helper()
	require.Equal(t, status, r.status, "body: %s", r.body)
	require.Equal(t, "application/json", r.header.Get("Content-Type"))
	e := r.obj(t)
	require.Equal(t, code, e["errorCode"])
	require.Equal(t, code, e["errorLink"])
	require.Regexp(t, `^oae\w+`, e["errorId"])
	require.IsType(t, []any{}, e["errorCauses"])
	for _, s := range summaryContains {
		require.Contains(t, e["errorSummary"], s)
	}
	return e
}

// causes lists the errorSummary of each errorCause.
func causes(e map[string]any) []string {
	var out []string
	for _, c := range e["errorCauses"].([]any) {
		out = append(out, c.(map[string]any)["errorSummary"].(string))
	}
	return out
}

var (
	oktaTimeRE = regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$`)
	appIDRE    = regexp.MustCompile(`^0oa[0-9A-Za-z]{17}$`)
)

// get walks a path of object members.
func get(v any, path ...string) any {
	for _, p := range path {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[p]
	}
	return v
}

func str(v any, path ...string) string {
	s, _ := get(v, path...).(string)
	return s
}
