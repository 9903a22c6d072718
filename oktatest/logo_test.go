package oktatest_test

import (
	"net/http"
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gatekit/okta/oktatest"
)

// TestDeletedAppLogoIsGone: 40 create → upload → delete cycles leave no
// logo behind, neither served nor in memory.
func TestDeletedAppLogoIsGone(t *testing.T) {
	srv, c := newServer(t)
	data := append(pngBytes(t), make([]byte, 900<<10)...) // just under Okta's 1 MB
	body, ct := multipartBody(t, "file", data)

	heap := func() uint64 {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	before := heap()
	var hrefs []string
	for i := range 40 {
		id := c.createApp(bookmark("logo"))["id"].(string)
		require.Equal(t, http.StatusCreated, c.do("POST", "/api/v1/apps/"+id+"/logo", body, "Content-Type", ct).status, "cycle %d", i)
		a := c.do("GET", "/api/v1/apps/"+id, nil).obj(t)
		href := get(a, "_links", "logo").([]any)[0].(map[string]any)["href"].(string)
		img := c.as("").do("GET", href, nil)
		require.Equal(t, http.StatusOK, img.status)
		assert.Equal(t, "nosniff", img.header.Get("X-Content-Type-Options"))
		hrefs = append(hrefs, href)
		require.Equal(t, http.StatusOK, c.do("POST", "/api/v1/apps/"+id+"/lifecycle/deactivate", nil).status)
		require.Equal(t, http.StatusNoContent, c.do("DELETE", "/api/v1/apps/"+id, nil).status)
	}
	for _, href := range hrefs {
		assert.Equal(t, http.StatusNotFound, c.as("").do("GET", href, nil).status, "%s after its app was deleted", href)
	}
	assert.Zero(t, oktatest.LogoCount(srv))
	grown := int64(heap()) - int64(before)
	assert.Less(t, grown, int64(8<<20), "40 deleted apps' logos (36 MiB) are still held")
}

// TestReplacedLogoIsGone: a new upload replaces the app's logo.
func TestReplacedLogoIsGone(t *testing.T) {
	srv, c := newServer(t)
	id := c.createApp(bookmark("logo"))["id"].(string)
	body, ct := multipartBody(t, "file", pngBytes(t))
	for range 3 {
		require.Equal(t, http.StatusCreated, c.do("POST", "/api/v1/apps/"+id+"/logo", body, "Content-Type", ct).status)
	}
	assert.Equal(t, 1, oktatest.LogoCount(srv))
}
