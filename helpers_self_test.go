package okta_test

// The test helpers hold the suite's guarantees, so they are tested too: a
// helper that stopped failing would let every test that relies on it pass.

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gatekit/okta"
)

// errorCatcher is a testing.TB whose Errorf is recorded instead of failing
// the test.
type errorCatcher struct {
	testing.TB
	mu   sync.Mutex
	errs []string
}

func (c *errorCatcher) Errorf(format string, args ...any) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.errs = append(c.errs, fmt.Sprintf(format, args...))
}

// A request outside apiPrefix (an absolute path in the code, a path built
// from the wrong base) fails the test, unless fixture.org serves it.
func TestTestServerRefusesPathsOutsideAPIPrefix(t *testing.T) {
	t.Parallel()
	catcher := &errorCatcher{TB: t}
	f := newTestServer(catcher)
	f.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) })
	f.org.HandleFunc("POST /oauth2/v1/token", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) })
	get := func(method, path string) int {
		req, err := http.NewRequest(method, f.server.URL+path, nil)
		require.NoError(t, err)
		resp, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		resp.Body.Close()
		return resp.StatusCode
	}
	assert.Equal(t, http.StatusNoContent, get(http.MethodGet, "/api/v1/apps"))
	assert.Equal(t, http.StatusNoContent, get(http.MethodPost, "/oauth2/v1/token"))
	assert.Empty(t, catcher.errs)
	assert.Equal(t, http.StatusTeapot, get(http.MethodGet, "/apps"))
	assert.Equal(t, http.StatusTeapot, get(http.MethodGet, "/api/v2/apps"))
	assert.Len(t, catcher.errs, 2, "each request outside the prefix fails the test")
	assert.EqualValues(t, 4, f.calls.Load())
}

// The recorder numbers the requests from 0, records each as sent (escaped
// path, query, headers, body) and leaves the body readable for its script.
func TestRecorderRecordsAndScripts(t *testing.T) {
	t.Parallel()
	var bodies []string
	rec := newRecorder(t, func(n int, r *http.Request) (*http.Response, error) {
		var b []byte
		if r.Body != nil {
			var err error
			b, err = io.ReadAll(r.Body)
			require.NoError(t, err)
		}
		bodies = append(bodies, string(b))
		return jsonResponse(200+n, `{"id":"0oa1","name":"bookmark","label":"L"}`, "X-N", fmt.Sprint(n)), nil
	})
	c := rec.client(okta.WithMaxRetries(0))
	_, resp, err := c.ApplicationAPI.GetApplication(context.Background(), okta.GetApplicationRequest{AppID: "a/b"})
	require.NoError(t, err)
	assert.Equal(t, 200, resp.StatusCode)
	_, resp, err = c.ApplicationAPI.UpdateApplication(context.Background(), okta.UpdateApplicationRequest{AppID: "0oa1", Application: &okta.Application{Label: "L"}})
	require.NoError(t, err)
	assert.Equal(t, 201, resp.StatusCode)

	reqs := rec.requests()
	require.Len(t, reqs, 2)
	assert.Equal(t, rec.calls(), 2)
	assert.Equal(t, http.MethodGet, reqs[0].Method)
	assert.Equal(t, "/api/v1/apps/a%2Fb", reqs[0].Path)
	assert.Equal(t, recOrg+"/api/v1/apps/a%2Fb", reqs[0].URL)
	assert.False(t, reqs[0].HasBody)
	assert.Equal(t, "SSWS "+testToken, reqs[0].Header.Get("Authorization"))
	assert.Equal(t, http.MethodPut, reqs[1].Method)
	assert.True(t, reqs[1].HasBody)
	assert.Equal(t, string(reqs[1].Body), bodies[1], "the script reads what was recorded")
	assert.True(t, strings.Contains(bodies[1], `"label":"L"`), bodies[1])
	assert.Len(t, rec.gaps(), 1)
}
