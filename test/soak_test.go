package test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"math/rand/v2"
	"net"
	"net/http"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"github.com/gatekit/okta"
	"github.com/gatekit/okta/oktatest"
)

// typedFailure reports whether err is one of the failures the SDK promises: an
// *okta.Error (Okta, or a proxy, answered with an error or an unusable body), a
// network error, a context error, or the connection closing under the
// request. Anything else (an untyped string error, a panic turned error) is a
// broken promise.
func typedFailure(err error) bool {
	var oe *okta.Error
	var ne net.Error
	switch {
	case errors.As(err, &oe), errors.As(err, &ne),
		errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded),
		errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF),
		errors.Is(err, syscall.ECONNRESET), errors.Is(err, syscall.EPIPE):
		return true
	}
	return false
}

// soakOps are the operations a soak mixes, by weight.
var soakOps = []struct {
	name   string
	weight int
}{
	{"create", 20}, {"get", 20}, {"list", 10}, {"update", 15},
	{"activate", 10}, {"deactivate", 10}, {"delete", 10}, {"listTokens", 5},
}

// soakTally is what the goroutines of a soak found, shared between them.
type soakTally struct {
	mu       sync.Mutex
	ok       map[string]int // successful operations by name
	failed   map[string]int // typed failures by name
	kinds    map[string]int // typed failures by kind, for the log
	untyped  []string       // failures that broke the promise
	created  int            // creates reported successful
	deleted  int            // deletes reported successful
	ops      atomic.Int64   // operations started
	maxHeld  int            // the most apps one goroutine held
	examples map[string]string
}

func (st *soakTally) record(op string, err error) {
	st.mu.Lock()
	defer st.mu.Unlock()
	if err == nil {
		st.ok[op]++
		return
	}
	if !typedFailure(err) {
		st.untyped = append(st.untyped, fmt.Sprintf("%s: %T: %v", op, err, err))
		return
	}
	st.failed[op]++
	kind := "other"
	var oe *okta.Error
	switch {
	case errors.As(err, &oe):
		kind = fmt.Sprintf("okta.Error %d", oe.StatusCode)
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, syscall.ECONNRESET), errors.Is(err, syscall.EPIPE):
		kind = "connection dropped"
	default:
		kind = fmt.Sprintf("%T", errors.Unwrap(err))
	}
	st.kinds[kind]++
	if _, ok := st.examples[kind]; !ok {
		st.examples[kind] = err.Error()
	}
}

// soakWorker owns the apps it created: only it updates, changes or deletes
// them, so it always knows which of its apps exist.
type soakWorker struct {
	client *okta.APIClient
	rng    *rand.Rand
	apps   []*okta.Application
	tally  *soakTally
	id     int
	seq    int
}

// maxAppsPerWorker bounds the apps one goroutine keeps, so that the org (and
// the heap of the in-process emulator) does not grow with the number of
// operations: a worker at the cap deletes instead of creating.
const maxAppsPerWorker = 6

func (w *soakWorker) pick() string {
	n := w.rng.IntN(100)
	for _, op := range soakOps {
		if n < op.weight {
			return op.name
		}
		n -= op.weight
	}
	return soakOps[0].name
}

func (w *soakWorker) step(ctx context.Context) {
	op := w.pick()
	switch {
	case op == "create" && len(w.apps) >= maxAppsPerWorker:
		op = "delete"
	case op != "list" && op != "listTokens" && op != "create" && len(w.apps) == 0:
		op = "create"
	}
	api := w.client.ApplicationAPI
	var err error
	switch op {
	case "create":
		w.seq++
		var app *okta.Application
		app, _, err = api.CreateApplication(ctx, okta.CreateApplicationRequest{
			Application: okta.NewBookmarkApplication(fmt.Sprintf("soak-%d-%d", w.id, w.seq), "https://app.example.com/"),
			Activate:    okta.Ptr(false),
		})
		if err == nil {
			w.apps = append(w.apps, app)
			w.tally.mu.Lock()
			w.tally.created++
			w.tally.maxHeld = max(w.tally.maxHeld, len(w.apps))
			w.tally.mu.Unlock()
		}
	case "get":
		app := w.apps[w.rng.IntN(len(w.apps))]
		var got *okta.Application
		got, _, err = api.GetApplication(ctx, okta.GetApplicationRequest{AppID: app.ID})
		if err == nil && got.ID != app.ID {
			err = fmt.Errorf("GetApplication(%s) returned %s", app.ID, got.ID) // untyped on purpose: a wrong answer
		}
	case "list":
		_, _, err = api.ListApplications(ctx, okta.ListApplicationsRequest{Limit: 20})
	case "update":
		i := w.rng.IntN(len(w.apps))
		app := *w.apps[i]
		app.Label += "+"
		var got *okta.Application
		got, _, err = api.UpdateApplication(ctx, okta.UpdateApplicationRequest{AppID: app.ID, Application: &app})
		if err == nil {
			w.apps[i] = got
		}
	case "activate":
		_, err = api.ActivateApplication(ctx, okta.ActivateApplicationRequest{AppID: w.apps[w.rng.IntN(len(w.apps))].ID})
	case "deactivate":
		_, err = api.DeactivateApplication(ctx, okta.DeactivateApplicationRequest{AppID: w.apps[w.rng.IntN(len(w.apps))].ID})
	case "delete":
		i := w.rng.IntN(len(w.apps))
		id := w.apps[i].ID
		// An ACTIVE app cannot be deleted; the deactivation is part of the
		// delete and its failure is the delete's.
		if _, err = api.DeactivateApplication(ctx, okta.DeactivateApplicationRequest{AppID: id}); err == nil {
			_, err = api.DeleteApplication(ctx, okta.DeleteApplicationRequest{AppID: id})
		}
		if err == nil {
			w.apps = append(w.apps[:i], w.apps[i+1:]...)
			w.tally.mu.Lock()
			w.tally.deleted++
			w.tally.mu.Unlock()
		}
	case "listTokens":
		_, _, err = w.client.ApiTokenAPI.ListApiTokens(ctx, okta.ListApiTokensRequest{})
	}
	w.tally.record(op, err)
}

// heapAfterGC is the live heap once garbage is collected.
func heapAfterGC() uint64 {
	var ms runtime.MemStats
	for range 2 {
		runtime.GC()
	}
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

// TestSoak runs 10 000 mixed operations from 32 goroutines against an org
// that faults about one response in ten: 429s with a reset, 500s, 503s,
// dropped connections and slow answers. Every operation must end in success
// or a typed error; the apps in the org must be exactly those whose creation
// was reported successful and whose deletion was not; no goroutine may be
// left behind; and the heap must not grow with the number of operations.
func TestSoak(t *testing.T) {
	if testing.Short() {
		t.Skip("soak")
	}
	defer goleak.VerifyNone(t, goleak.IgnoreCurrent())

	const (
		goroutines = 32
		total      = 10000
		firstPhase = 2500
	)
	srv := oktatest.NewServer(oktatest.WithSeed(20240601))
	// Faults are drawn in order: each rate applies to the requests the
	// earlier ones spared, so together they fault about 10%.
	faults := []struct {
		name string
		f    oktatest.Fault
	}{
		// The reset of a 429 is the next whole second: the header has
		// whole seconds, rounded up.
		{"429 with reset", oktatest.Fault{Status: 429, Rate: 0.01, ResetAfter: 0}},
		{"500", oktatest.Fault{Status: 500, Rate: 0.025}},
		{"503", oktatest.Fault{Status: 503, Rate: 0.025}},
		{"dropped connection", oktatest.Fault{Drop: true, Rate: 0.02}},
		{"slow (20 ms)", oktatest.Fault{Latency: 20 * time.Millisecond, Rate: 0.025}},
	}
	for _, f := range faults {
		srv.Fail("*", f.f)
	}

	transport := http.DefaultTransport.(*http.Transport).Clone()
	transport.MaxIdleConnsPerHost = goroutines
	counter := &statusCounter{base: transport}
	cfg, err := okta.NewConfiguration(okta.WithOrgURL(srv.URL), okta.WithAPIToken(srv.Token),
		okta.WithHTTPClient(&http.Client{Transport: counter}))
	require.NoError(t, err)
	client := okta.NewAPIClient(cfg)

	tally := &soakTally{ok: map[string]int{}, failed: map[string]int{}, kinds: map[string]int{}, examples: map[string]string{}}
	workers := make([]*soakWorker, goroutines)
	for i := range workers {
		workers[i] = &soakWorker{client: client, rng: rand.New(rand.NewPCG(uint64(i), 7)), tally: tally, id: i}
	}
	run := func(ops int64) {
		var next atomic.Int64
		var wg sync.WaitGroup
		ctx := context.Background()
		for _, w := range workers {
			wg.Go(func() {
				for next.Add(1) <= ops {
					tally.ops.Add(1)
					w.step(ctx)
				}
			})
		}
		wg.Wait()
	}

	start := time.Now()
	run(firstPhase)
	heapFirst := heapAfterGC()
	run(total - firstPhase)
	heapAll := heapAfterGC()
	elapsed := time.Since(start)

	// The org now holds exactly the apps the workers believe exist.
	srv.ClearFaults()
	want := map[string]bool{}
	for _, w := range workers {
		for _, a := range w.apps {
			want[a.ID] = true
		}
	}
	got := map[string]bool{}
	for app, err := range client.ApplicationAPI.ListApplicationsAll(context.Background(), okta.ListApplicationsRequest{Limit: 200}) {
		require.NoError(t, err)
		got[app.ID] = true
	}
	transport.CloseIdleConnections()
	srv.Close()

	tally.mu.Lock()
	defer tally.mu.Unlock()
	sent := srv.Requests("*")
	t.Logf("%d operations from %d goroutines in %v; %d requests sent, responses by status: %v",
		tally.ops.Load(), goroutines, elapsed.Round(time.Millisecond), sent, counter.snapshot())
	t.Logf("succeeded: %v", tally.ok)
	t.Logf("typed failures by operation: %v", tally.failed)
	t.Logf("typed failures by kind: %v", tally.kinds)
	for _, k := range slices.Sorted(maps.Keys(tally.examples)) {
		t.Logf("  e.g. %s: %s", k, tally.examples[k])
	}
	t.Logf("creates reported successful %d, deletes reported successful %d, apps in the org %d (expected %d)",
		tally.created, tally.deleted, len(got), len(want))
	t.Logf("heap after GC: %.1f MiB after %d operations, %.1f MiB after %d", mib(heapFirst), firstPhase, mib(heapAll), total)

	assert.EqualValues(t, total, tally.ops.Load())
	assert.Empty(t, tally.untyped, "every failure is typed")
	assert.Equal(t, tally.created-tally.deleted, len(got), "apps in the org = creates reported successful - deletes reported successful")
	assert.Equal(t, want, got, "the org holds exactly the apps reported created and not deleted")
	assert.Less(t, heapAll, 2*heapFirst+8<<20, "the heap does not grow with the number of operations")
	var faulted int
	for _, n := range tally.failed {
		faulted += n
	}
	assert.Positive(t, faulted, "the faults reached the callers")
}

func (c *statusCounter) snapshot() map[int]int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return maps.Clone(c.seen)
}

func mib(n uint64) float64 { return float64(n) / (1 << 20) }
