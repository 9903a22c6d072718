package bench

import (
	"context"
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/metrics"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// The org every scenario but the large walk runs against.
const (
	mainApps   = 2000
	mainTokens = 1000
)

var bigApps = flag.Int("bigapps", 100_000,
	"applications in the large org of BenchmarkWalkPeakHeap (0: walk only the 2 000-app org)")

var (
	serverBin string
	mainSrv   *serverProc
	appIDs    []string // the main org's application ids, in list order

	bigOnce sync.Once
	bigSrv  *serverProc
	bigErr  error
)

func TestMain(m *testing.M) {
	flag.Parse()
	os.Exit(run(m))
}

func run(m *testing.M) int {
	dir, err := os.MkdirTemp("", "oktabench")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	if serverBin, err = buildServer(dir); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	mainSrv, err = startServer(serverBin, "-apps", strconv.Itoa(mainApps), "-tokens", strconv.Itoa(mainTokens))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer mainSrv.stop()
	defer func() {
		if bigSrv != nil {
			bigSrv.stop()
		}
	}()

	floor, _ := newFloorClient(mainSrv.URL)
	if err := floor.walkApps(context.Background(), func(id string) { appIDs = append(appIDs, id) }); err != nil {
		fmt.Fprintln(os.Stderr, "listing the apps:", err)
		return 1
	}
	if len(appIDs) != mainApps {
		fmt.Fprintf(os.Stderr, "the server lists %d apps, want %d\n", len(appIDs), mainApps)
		return 1
	}
	return m.Run()
}

// bigServer starts the large org the first time it is needed.
func bigServer(tb testing.TB) *serverProc {
	tb.Helper()
	bigOnce.Do(func() {
		bigSrv, bigErr = startServer(serverBin, "-apps", strconv.Itoa(*bigApps), "-tokens", "1")
	})
	if bigErr != nil {
		tb.Fatal(bigErr)
	}
	return bigSrv
}

// BenchmarkGetApplication fetches one application per op, cycling through
// the org so that no response can be served from a cache.
func BenchmarkGetApplication(b *testing.B) {
	forEachClient(b, mainSrv, func(b *testing.B, c benchClient) {
		ctx := context.Background()
		i := 0
		for b.Loop() {
			id := appIDs[i%len(appIDs)]
			i++
			app, err := c.getApp(ctx, id)
			if err != nil {
				b.Fatal(err)
			}
			if app.ID != id {
				b.Fatalf("asked for %s, got %s", id, app.ID)
			}
		}
	})
}

// BenchmarkListAllApps walks the 2 000 applications, 10 pages of 200, per op.
func BenchmarkListAllApps(b *testing.B) {
	forEachClient(b, mainSrv, func(b *testing.B, c benchClient) {
		ctx := context.Background()
		for b.Loop() {
			n := 0
			if err := c.walkApps(ctx, func(string) { n++ }); err != nil {
				b.Fatal(err)
			}
			if n != mainApps {
				b.Fatalf("walked %d apps, want %d", n, mainApps)
			}
		}
	})
}

// BenchmarkListAllTokens walks the 1 000 API tokens, 5 pages of 200, per op.
func BenchmarkListAllTokens(b *testing.B) {
	forEachClient(b, mainSrv, func(b *testing.B, c benchClient) {
		ctx := context.Background()
		for b.Loop() {
			n := 0
			if err := c.walkTokens(ctx, func(string) { n++ }); err != nil {
				b.Fatal(err)
			}
			if n != mainTokens {
				b.Fatalf("walked %d tokens, want %d", n, mainTokens)
			}
		}
	})
}

// parallelGoroutines is the number of goroutines sharing one client in
// BenchmarkGetApplicationParallel64.
const parallelGoroutines = 64

// BenchmarkGetApplicationParallel64 fetches applications from 64 goroutines
// sharing one client and reports the throughput in ops/s.
func BenchmarkGetApplicationParallel64(b *testing.B) {
	forEachClient(b, mainSrv, func(b *testing.B, c benchClient) {
		ctx := context.Background()
		procs := runtime.GOMAXPROCS(0)
		b.SetParallelism((parallelGoroutines + procs - 1) / procs)
		// Open the connections before the clock starts.
		var wg sync.WaitGroup
		for g := range parallelGoroutines {
			wg.Go(func() {
				if _, err := c.getApp(ctx, appIDs[g]); err != nil {
					b.Error(err)
				}
			})
		}
		wg.Wait()
		var start atomic.Int64
		b.ResetTimer()
		b.RunParallel(func(pb *testing.PB) {
			i := int(start.Add(1)) * 97
			for pb.Next() {
				id := appIDs[i%len(appIDs)]
				i++
				app, err := c.getApp(ctx, id)
				if err != nil || app.ID != id {
					b.Errorf("GetApplication(%s) = %s, %v", id, app.ID, err)
					return
				}
			}
		})
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "ops/s")
	})
}

// rateLimitDelayMs is how far ahead of the 429 its reset lies, at least.
const rateLimitDelayMs = 500

// Benchmark429Recovery times one GetApplication whose first attempt gets a
// 429 with the reset ~550 ms away, and reports how long after the reset
// instant the call returned (ms-after-reset). The server answers 429 until
// the reset, so a success is never early. Each op starts at .45 s past a
// whole second, so the reset (a whole second, as X-Rate-Limit-Reset has
// whole seconds) is ~550 ms away and a client rounding the Date header
// (whole seconds too) down is late by the same amount every time.
func Benchmark429Recovery(b *testing.B) {
	forEachClient(b, mainSrv, func(b *testing.B, c benchClient) {
		ctx := context.Background()
		id := appIDs[0]
		var late time.Duration
		n := 0
		for b.Loop() {
			b.StopTimer()
			sleepUntilSubsecond(450 * time.Millisecond)
			if err := mainSrv.arm429(rateLimitDelayMs); err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
			app, err := c.getApp(ctx, id)
			done := time.Now()
			b.StopTimer()
			if err != nil || app.ID != id {
				b.Fatalf("GetApplication after a 429: %s, %v", app.ID, err)
			}
			w, err := mainSrv.last429()
			if err != nil {
				b.Fatal(err)
			}
			late += done.Sub(time.Unix(0, w.ResetUnixNano))
			n++
			b.StartTimer()
		}
		b.ReportMetric(float64(late.Microseconds())/1e3/float64(n), "ms-after-reset")
	})
}

// sleepUntilSubsecond sleeps until the wall clock is off past a whole second.
func sleepUntilSubsecond(off time.Duration) {
	now := time.Now()
	t := now.Truncate(time.Second).Add(off)
	if !t.After(now) {
		t = t.Add(time.Second)
	}
	time.Sleep(time.Until(t))
}

// BenchmarkWalkPeakHeap walks every application of a 2 000-app org and of
// a large one (100 000 by default, -bigapps) and reports the peak of the
// heap above what was live before the walk (peak-heap-MB, 1 MB = 1e6 bytes).
// A client that holds one page at a time peaks at the same height for both.
func BenchmarkWalkPeakHeap(b *testing.B) {
	type org struct {
		apps int
		srv  func(testing.TB) *serverProc
	}
	orgs := []org{{mainApps, func(testing.TB) *serverProc { return mainSrv }}}
	if *bigApps > 0 && *bigApps != mainApps {
		orgs = append(orgs, org{*bigApps, bigServer})
	}
	for _, org := range orgs {
		b.Run(fmt.Sprintf("apps=%d", org.apps), func(b *testing.B) {
			forEachClient(b, org.srv(b), func(b *testing.B, c benchClient) {
				ctx := context.Background()
				var peak uint64
				for b.Loop() {
					b.StopTimer()
					runtime.GC()
					s := startHeapSampler()
					b.StartTimer()
					n := 0
					err := c.walkApps(ctx, func(string) { n++ })
					b.StopTimer()
					peak = max(peak, s.stop())
					if err != nil {
						b.Fatal(err)
					}
					if n != org.apps {
						b.Fatalf("walked %d apps, want %d", n, org.apps)
					}
					b.StartTimer()
				}
				b.ReportMetric(float64(peak)/1e6, "peak-heap-MB")
			})
		})
	}
}

// heapSampler records the peak of the heap's object bytes above the level
// at its start, reading runtime/metrics (which does not stop the world)
// every 250 µs.
type heapSampler struct {
	quit chan struct{}
	peak chan uint64
}

const heapMetric = "/memory/classes/heap/objects:bytes"

func startHeapSampler() *heapSampler {
	s := &heapSampler{quit: make(chan struct{}), peak: make(chan uint64)}
	sample := []metrics.Sample{{Name: heapMetric}}
	metrics.Read(sample)
	base := sample[0].Value.Uint64()
	go func() {
		t := time.NewTicker(250 * time.Microsecond)
		defer t.Stop()
		peak := base
		for {
			select {
			case <-t.C:
			case <-s.quit:
				metrics.Read(sample)
				s.peak <- max(peak, sample[0].Value.Uint64()) - base
				return
			}
			metrics.Read(sample)
			peak = max(peak, sample[0].Value.Uint64())
		}
	}()
	return s
}

// stop ends the sampling and returns the peak above the starting level.
func (s *heapSampler) stop() uint64 {
	close(s.quit)
	return <-s.peak
}
