package test

import (
	"fmt"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gatekit/okta"
)

// TestPagingOverThousandApps creates 1 000 apps and walks them in pages of
// 200, seeing each exactly once; a walk that stops early fetches no more
// pages than it needs.
func TestPagingOverThousandApps(t *testing.T) {
	emulatorOnly(t, "it creates 1 000 apps")
	e := newEnv(t)
	c := ctx(t)
	const total, workers = 1000, 16

	// Seed through the SDK, a few requests at a time.
	created := make([]string, total)
	jobs := make(chan int)
	errs := make(chan error, total)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := range jobs {
				kind := "even"
				if i%2 == 1 {
					kind = "odd"
				}
				app, _, err := e.apps.CreateApplication(c, okta.CreateApplicationRequest{
					Application: okta.NewBookmarkApplication(fmt.Sprintf("%spage-%s-%04d", prefix, kind, i), "https://app.example.com/"),
				})
				if err != nil {
					errs <- err
					continue
				}
				created[i] = app.ID
			}
		})
	}
	for i := range total {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	close(errs)
	for err := range errs {
		require.NoError(t, err)
	}

	seen := make(map[string]int, total)
	for app, err := range e.apps.ListApplicationsAll(c, okta.ListApplicationsRequest{Limit: 200}) {
		require.NoError(t, err)
		seen[app.ID]++
	}
	require.Len(t, seen, total)
	for i, id := range created {
		require.Equalf(t, 1, seen[id], "app %d (%s) seen %d times", i, id, seen[id])
	}
	pages := e.srv.Requests("listApplications")
	assert.Equal(t, 5, pages, "1 000 apps in pages of 200")

	// A filtered walk pages the same way.
	odd := 0
	for app, err := range e.apps.ListApplicationsAll(c, okta.ListApplicationsRequest{Q: prefix + "page-odd-", Limit: 200}) {
		require.NoError(t, err)
		require.Contains(t, app.Label, "-odd-")
		odd++
	}
	assert.Equal(t, total/2, odd)

	// Stopping after 250 apps fetches two pages, no more.
	before := e.srv.Requests("listApplications")
	n := 0
	for _, err := range e.apps.ListApplicationsAll(c, okta.ListApplicationsRequest{Limit: 200}) {
		require.NoError(t, err)
		if n++; n == 250 {
			break
		}
	}
	assert.Equal(t, 2, e.srv.Requests("listApplications")-before)

	// One page at a time, by hand, with the cursor from the response.
	var after string
	byHand := 0
	for {
		page, resp, err := e.apps.ListApplications(c, okta.ListApplicationsRequest{Limit: 200, After: after})
		require.NoError(t, err)
		byHand += len(page)
		if resp.NextAfter == "" {
			break
		}
		after = resp.NextAfter
	}
	assert.Equal(t, total, byHand)
}
