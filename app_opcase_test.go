package okta_test

// The typed operation tables: one opCase[T] per call, grouped in one table per
// resource (appOpTables lists them), all run by TestApplicationOperations. A
// case says what must go over the wire and checks the typed result.

import (
	"context"
	"net/http"
	"net/url"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gatekit/okta"
)

// opCase is one operation call and what must go over the wire. T is the
// result's type (a model, a slice for a list page, []byte for a document, or
// noResult); call returns a pointer to it, nil for an operation without one.
type opCase[T any] struct {
	name   string // operationId as the Go method is named (updateApplication), then a variant after "/"
	call   func(ctx context.Context, c *okta.APIClient) (*T, *okta.Response, error)
	method string
	uri    string            // the escaped path and the query, as sent
	body   string            // the JSON body expected; "" for none
	header map[string]string // further headers expected (an Accept here replaces the default)
	status int               // the answer
	resp   string            // the answer's body
	check  func(t *testing.T, result *T)
}

// noResult is the T of operations whose success has no body.
type noResult struct{}

// opRunner is an opCase of any T.
type opRunner interface {
	opName() string
	run(t *testing.T)
}

func (c opCase[T]) opName() string { return c.name }

// page adapts a list operation's results to an opCase call.
func page[T any](items []T, resp *okta.Response, err error) (*[]T, *okta.Response, error) {
	if items == nil {
		return nil, resp, err
	}
	return &items, resp, err
}

// none adapts an operation without a result to an opCase call.
func none(resp *okta.Response, err error) (*noResult, *okta.Response, error) {
	return nil, resp, err
}

func (c opCase[T]) run(t *testing.T) {
	m := newAppMock(t, func(*http.Request) *http.Response {
		return appJSON(c.status, c.resp, "X-Okta-Request-Id", "req-"+c.name)
	})
	result, resp, err := c.call(context.Background(), m.client)
	require.NoError(t, err)
	require.NotNil(t, resp)
	assert.Equal(t, c.status, resp.StatusCode)
	assert.Equal(t, "req-"+c.name, resp.RequestID)
	assertSent(t, m.only(), c.method, c.uri, c.body, c.header)

	if reflect.TypeFor[T]() == reflect.TypeFor[noResult]() {
		assert.Nil(t, result, "an operation without a result returns none")
		return
	}
	require.NotNil(t, result, "nil result")
	// A result is lossless: it encodes back to the document received.
	if raw, ok := any(result).(*[]byte); ok {
		assert.Equal(t, c.resp, string(*raw), "a document is returned as sent")
	} else {
		out, err := okta.MarshalWire(result) // json.Marshal redacts secrets
		require.NoError(t, err)
		assertSameJSON(t, []byte(c.resp), out)
	}
	if c.check != nil {
		c.check(t, result)
	}
}

// assertSent checks one request: method, escaped path, query, the standard
// headers and the extra ones, and the body.
func assertSent(t *testing.T, r sentRequest, method, uri, body string, header map[string]string) {
	t.Helper()
	want, err := url.Parse(uri)
	require.NoError(t, err)
	assert.Equal(t, method, r.Method, "method")
	assert.Equal(t, want.EscapedPath(), r.Path, "escaped path")
	assert.Equal(t, want.Query(), r.Query, "query")
	if want.RawQuery == "" {
		assert.Empty(t, r.RawQuery, "no query at all")
	}
	assert.Equal(t, []string{"SSWS " + testToken}, r.Header.Values("Authorization"))
	assert.True(t, strings.HasPrefix(r.Header.Get("User-Agent"), "okta-go/"), "User-Agent %q", r.Header.Get("User-Agent"))
	if _, ok := header["Accept"]; !ok {
		assert.Equal(t, []string{"application/json"}, r.Header.Values("Accept"))
	}
	for name, v := range header {
		assert.Equal(t, []string{v}, appHeader(r.Header, name), "header %s", name)
	}
	if _, ok := header["OktaAccessGateway-Agent"]; !ok {
		assert.Empty(t, appHeader(r.Header, "OktaAccessGateway-Agent"))
	}
	if body == "" {
		assert.False(t, r.HasBody, "no body: %q", r.Body)
		assert.Empty(t, r.Header.Values("Content-Type"), "no Content-Type without a body")
		return
	}
	assert.Equal(t, []string{"application/json"}, r.Header.Values("Content-Type"))
	assertSameJSON(t, []byte(body), r.Body)
}

// appList is a page of one document.
func appList(doc string) string { return "[" + doc + "]" }

// appOpTables is every typed table.
func appOpTables(t *testing.T) []opRunner {
	var all []opRunner
	for _, table := range [][]opRunner{
		applicationOps(t), appUserOps(t), appGroupOps(t), appKeyOps(t), appCsrOps(t),
		appConnectionOps(t), appFeatureOps(t), appTokenOps(t), appGrantOps(t),
		secretOps(), clientJWKOps(), federatedClaimOps(), groupPushOps(),
		crossAppAccessOps(), interclientTrustOps(), otherNewOps(),
	} {
		all = append(all, table...)
	}
	return all
}

// TestApplicationOperations runs every case of every table. The tests of
// PublishCsrFromApplication and UploadApplicationLogo, whose bodies are not
// JSON, are their own; TestSpecCoverage checks that every operation has one.
func TestApplicationOperations(t *testing.T) {
	for _, c := range appOpTables(t) {
		t.Run(c.opName(), c.run)
	}
}
