package oktatest_test

import (
	"fmt"
	"net/http"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gatekit/okta/oktatest"
)

// TestConcurrentClients runs 64 clients against one server at once; run
// it with -race.
func TestConcurrentClients(t *testing.T) {
	srv, c := newServer(t)
	srv.Fail("*", oktatest.Fault{Latency: time.Millisecond, Rate: 0.1})
	users := make([]string, 64)
	groups := make([]string, 8)
	for i := range users {
		users[i] = srv.AddUser(fmt.Sprintf("u%d@example.com", i))
	}
	for i := range groups {
		groups[i] = srv.AddGroup(fmt.Sprintf("g%d", i))
	}
	tr := &http.Transport{MaxIdleConnsPerHost: 64}
	defer tr.CloseIdleConnections()

	var wg sync.WaitGroup
	errs := make(chan error, 64*50)
	for w := range 64 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			cl := *c
			cl.t = &collector{errs: errs}
			cl.hc = &http.Client{Transport: tr, Timeout: 30 * time.Second}
			for i := range 4 {
				check := func(r *response, want int) bool {
					if r.status != want {
						errs <- fmt.Errorf("worker %d: status %d, want %d: %s", w, r.status, want, r.body)
						return false
					}
					return true
				}
				r := cl.do("POST", "/api/v1/apps", bookmark(fmt.Sprintf("w%d-%d", w, i)))
				if !check(r, 200) {
					return
				}
				app := "/api/v1/apps/" + r.obj(cl.t)["id"].(string)
				check(cl.do("POST", app+"/users", map[string]any{"id": users[w]}), 200)
				check(cl.do("PUT", app+"/groups/"+groups[w%len(groups)], nil), 200)
				check(cl.do("GET", "/api/v1/apps?limit=10&filter=status+eq+%22ACTIVE%22", nil), 200)
				check(cl.do("GET", app+"/users", nil), 200)
				check(cl.do("PUT", app, bookmark("renamed")), 200)
				check(cl.do("POST", app+"/lifecycle/deactivate", nil), 200)
				if i%2 == 0 {
					check(cl.do("DELETE", app, nil), 204)
				}
				check(cl.do("GET", "/api/v1/api-tokens", nil), 200)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}

	// 64 workers kept 2 of their 4 apps each.
	n := 0
	next := "/api/v1/apps?limit=200"
	for next != "" {
		r := c.do("GET", next, nil)
		require.Equal(t, http.StatusOK, r.status)
		n += len(r.list(t))
		next = r.link("next")
	}
	assert.Equal(t, 64*2, n)
	assert.Equal(t, 64*4, srv.Requests("createApplication"))
}

// collector is a testing.TB for goroutines: failures become errors on a
// channel, and FailNow ends only the goroutine that calls it.
type collector struct {
	testing.TB
	errs chan<- error
}

func (c *collector) Helper() {}

func (c *collector) Errorf(format string, args ...any) {
	c.errs <- fmt.Errorf(format, args...)
}

func (c *collector) FailNow() { runtime.Goexit() }
