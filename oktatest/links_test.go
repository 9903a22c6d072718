package oktatest_test

import (
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSelfLinkReencodesTheQuery: a query sent with raw characters cannot
// close the self link's <...> and add a rel="next" of its own.
func TestSelfLinkReencodesTheQuery(t *testing.T) {
	srv, c := newServer(t)
	c.createApp(bookmark("one"))
	req, err := http.NewRequest("GET", srv.URL+"/api/v1/apps", nil)
	require.NoError(t, err)
	const (
		evil = `>;rel="next",<http://evil.example/api/v1/apps`
		odd  = `a>b,"c"<d`
	)
	req.URL.RawQuery = "limit=5&q=" + odd + "&x=" + evil
	req.Header.Set("Authorization", "SSWS "+srv.Token)
	resp, err := c.hc.Do(req)
	require.NoError(t, err)
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode)

	links := resp.Header.Values("Link")
	require.Len(t, links, 1, "only a self link: one app, limit 5")
	for _, v := range links {
		assert.NotContains(t, v, "evil.example>")
		assert.Equal(t, 1, strings.Count(v, "<"), v)
		assert.Equal(t, 1, strings.Count(v, ">"), v)
	}
	r := &response{header: resp.Header}
	self, err := url.Parse(r.link("self"))
	require.NoError(t, err)
	assert.Equal(t, srv.URL+"/api/v1/apps", self.Scheme+"://"+self.Host+self.Path)
	assert.Equal(t, odd, self.Query().Get("q"), "the parameter survives, re-encoded")
	assert.Equal(t, "5", self.Query().Get("limit"))
}
