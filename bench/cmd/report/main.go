// Command report turns the output of the benchmark run into BENCHMARKS.md:
// the machine it ran on, the command, a table of medians with the ratios
// sdk/floor and peer/sdk per scenario, whether each target is met, and the
// benchstat tables.
//
// Usage:
//
//	report [-cmd 'COMMAND' | -cmdfile FILE] [-benchstat out/benchstat.txt] [-o ../BENCHMARKS.md] out/raw.txt [more raw files]
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"log"
	"math"
	"os"
	"os/exec"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"time"
)

func main() {
	cmdline := flag.String("cmd", "", "the command that produced the results, quoted in the report")
	cmdFile := flag.String("cmdfile", "", "file holding the command (instead of -cmd)")
	loadFile := flag.String("loadfile", "", "file with /proc/loadavg lines taken before and after the run")
	benchstatFile := flag.String("benchstat", "", "benchstat output to include")
	notesFile := flag.String("notes", "", "markdown to include after the targets (what the numbers mean, kept across runs)")
	outFile := flag.String("o", "BENCHMARKS.md", "report to write")
	codecFile := flag.String("codec", "", "go test -bench output of the root module's decode-bound benchmarks")
	codecCmd := flag.String("codeccmd", "", "the command that produced -codec, quoted in the report")
	flag.Parse()
	log.SetFlags(0)
	log.SetPrefix("report: ")
	if flag.NArg() == 0 {
		log.Fatal("no raw benchmark output given")
	}
	if *cmdFile != "" {
		*cmdline = string(readFile(*cmdFile))
	}
	res := newResults()
	for _, f := range flag.Args() {
		res.parse(readFile(f))
	}
	if len(res.values) == 0 {
		log.Fatal("no benchmark lines in the input")
	}
	m := machine(res)
	if *loadFile != "" {
		m.load = loadAverages(string(readFile(*loadFile)))
	}
	doc := render(res, m, *cmdline, readFile(*benchstatFile), readFile(*notesFile))
	if *codecFile != "" {
		var b bytes.Buffer
		renderCodec(func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }, parseCodec(readFile(*codecFile)), *codecCmd)
		doc = append(doc, b.Bytes()...)
	}
	if err := os.WriteFile(*outFile, doc, 0o644); err != nil {
		log.Fatal(err)
	}
}

// readFile returns the file's contents, nil for the path "" (an input not
// given), and ends the program on any error.
func readFile(path string) []byte {
	if path == "" {
		return nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		log.Fatal(err)
	}
	return data
}

// key names one series: a scenario (the benchmark name without "Benchmark",
// the client and the GOMAXPROCS suffix), a client and a unit.
type key struct {
	scenario, client, unit string
}

// results holds every sample of every series.
type results struct {
	values    map[key][]float64
	scenarios []string // in order of first appearance
	cpu       string   // the "cpu:" line of go test
	goos      string
	goarch    string
}

func newResults() *results { return &results{values: map[key][]float64{}} }

// parse reads go test -bench output.
func (r *results) parse(data []byte) {
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if v, ok := strings.CutPrefix(line, "cpu: "); ok {
			r.cpu = strings.TrimSpace(v)
		}
		if v, ok := strings.CutPrefix(line, "goos: "); ok {
			r.goos = v
		}
		if v, ok := strings.CutPrefix(line, "goarch: "); ok {
			r.goarch = v
		}
		f := strings.Fields(line)
		if len(f) < 4 || !strings.HasPrefix(f[0], "Benchmark") || len(f)%2 != 0 {
			continue
		}
		if _, err := strconv.Atoi(f[1]); err != nil {
			continue
		}
		scenario, client := splitName(f[0])
		if client == "" {
			continue
		}
		if !slices.Contains(r.scenarios, scenario) {
			r.scenarios = append(r.scenarios, scenario)
		}
		for i := 2; i+1 < len(f); i += 2 {
			v, err := strconv.ParseFloat(f[i], 64)
			if err != nil {
				continue
			}
			k := key{scenario, client, f[i+1]}
			r.values[k] = append(r.values[k], v)
		}
	}
}

// splitName turns "BenchmarkWalkPeakHeap/apps=2000/client=sdk-2" into
// ("WalkPeakHeap/apps=2000", "sdk").
func splitName(name string) (scenario, client string) {
	name = strings.TrimPrefix(name, "Benchmark")
	if i := strings.LastIndexByte(name, '-'); i >= 0 {
		if _, err := strconv.Atoi(name[i+1:]); err == nil {
			name = name[:i]
		}
	}
	var parts []string
	for p := range strings.SplitSeq(name, "/") {
		if c, ok := strings.CutPrefix(p, "client="); ok {
			client = c
			continue
		}
		parts = append(parts, p)
	}
	return strings.Join(parts, "/"), client
}

// median returns the median of a series and whether it exists.
func (r *results) median(scenario, client, unit string) (float64, bool) {
	v := r.values[key{scenario, client, unit}]
	if len(v) == 0 {
		return 0, false
	}
	s := slices.Clone(v)
	slices.Sort(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2], true
	}
	return (s[n/2-1] + s[n/2]) / 2, true
}

// samples returns how many samples a series has.
func (r *results) samples(scenario, client, unit string) int {
	return len(r.values[key{scenario, client, unit}])
}

// machineInfo describes where the benchmarks ran.
type machineInfo struct {
	goVersion, uname, cpuModel, goCPU string
	cores                             int
	memory                            string
	load                              []string // "before: 1.00 0.80 0.50", the 1, 5 and 15 minute load averages
}

// loadAverages keeps the label and the three load averages of each
// "label: /proc/loadavg" line.
func loadAverages(s string) []string {
	var out []string
	for line := range strings.SplitSeq(strings.TrimSpace(s), "\n") {
		label, rest, ok := strings.Cut(line, ":")
		f := strings.Fields(rest)
		if !ok || len(f) < 3 {
			continue
		}
		out = append(out, label+" "+strings.Join(f[:3], " / "))
	}
	return out
}

func machine(r *results) machineInfo {
	m := machineInfo{goVersion: runtime.Version() + " " + runtime.GOOS + "/" + runtime.GOARCH, cores: runtime.NumCPU(), goCPU: r.cpu}
	if out, err := exec.Command("go", "version").Output(); err == nil {
		m.goVersion = strings.TrimSpace(string(out))
	}
	if out, err := exec.Command("uname", "-srm").Output(); err == nil {
		m.uname = strings.TrimSpace(string(out))
	}
	if data, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for line := range strings.SplitSeq(string(data), "\n") {
			if k, v, ok := strings.Cut(line, ":"); ok && strings.TrimSpace(k) == "model name" {
				m.cpuModel = strings.TrimSpace(v)
				break
			}
		}
	}
	if data, err := os.ReadFile("/proc/meminfo"); err == nil {
		for line := range strings.SplitSeq(string(data), "\n") {
			if v, ok := strings.CutPrefix(line, "MemTotal:"); ok {
				kb, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 64)
				if err == nil {
					m.memory = fmt.Sprintf("%.1f GiB", kb/(1<<20))
				}
			}
		}
	}
	return m
}

// metric is one row of the medians table.
type metric struct {
	unit  string
	label string
}

var metrics = []metric{
	{"ns/op", "time/op"},
	{"ops/s", "throughput"},
	{"ms-after-reset", "success after reset"},
	{"peak-heap-MB", "peak heap"},
	{"B/op", "bytes/op"},
	{"allocs/op", "allocs/op"},
}

// target is one goal of the issue, checked against the medians.
type target struct {
	what  string
	check func(r *results) (value string, met string)
}

const (
	floor = "floor"
	sdk   = "sdk"
	peer  = "peer"
)

// ratio returns a/b of the medians of two clients, or false.
func ratio(r *results, scenario, unit, a, b string) (float64, bool) {
	x, ok1 := r.median(scenario, a, unit)
	y, ok2 := r.median(scenario, b, unit)
	if !ok1 || !ok2 || y == 0 {
		return 0, false
	}
	return x / y, true
}

func verdict(ok bool) string {
	if ok {
		return "met"
	}
	return "**not met**"
}

const notMeasured = "not measured"

// ratioTarget checks a/b of scenario's unit against limit (at most, or at
// least when atLeast).
func ratioTarget(what, scenario, unit, a, b string, limit float64, atLeast bool) target {
	return target{what, func(r *results) (string, string) {
		x, ok := ratio(r, scenario, unit, a, b)
		if !ok {
			return "–", notMeasured
		}
		if atLeast {
			return fmt.Sprintf("%.2f×", x), verdict(x >= limit)
		}
		return fmt.Sprintf("%.2f×", x), verdict(x <= limit)
	}}
}

func targets(r *results) []target {
	ts := []target{
		ratioTarget("GetApplication time ≤ 1.25× floor", "GetApplication", "ns/op", sdk, floor, 1.25, false),
		ratioTarget("GetApplication allocs ≤ 3× floor", "GetApplication", "allocs/op", sdk, floor, 3, false),
		ratioTarget("walk 2 000 apps ≤ 1.5× floor", "ListAllApps", "ns/op", sdk, floor, 1.5, false),
		ratioTarget("walk 2 000 apps ≥ 5× faster than peer", "ListAllApps", "ns/op", peer, sdk, 5, true),
		ratioTarget("walk 1 000 tokens ≤ 1.5× floor", "ListAllTokens", "ns/op", sdk, floor, 1.5, false),
		ratioTarget("walk 1 000 tokens ≥ 5× faster than peer", "ListAllTokens", "ns/op", peer, sdk, 5, true),
		ratioTarget("64 goroutines ≥ 0.8× floor throughput", "GetApplicationParallel64", "ops/s", sdk, floor, 0.8, true),
		{"success ≤ 50 ms after the 429's reset", func(r *results) (string, string) {
			v, ok := r.median("429Recovery", sdk, "ms-after-reset")
			if !ok {
				return "–", notMeasured
			}
			return fmt.Sprintf("%.1f ms", v), verdict(v <= 50)
		}},
	}
	small, big := heapScenarios(r)
	if small != "" && big != small {
		what := fmt.Sprintf("peak heap walking %s apps ≤ 1.5× walking %s", appsOf(big), appsOf(small))
		ts = append(ts, ratioTargetScenarios(what, big, small, "peak-heap-MB", sdk, 1.5))
	}
	return ts
}

// heapScenarios returns the smallest and the largest WalkPeakHeap org.
func heapScenarios(r *results) (small, big string) {
	lo, hi := math.MaxInt, -1
	for _, s := range r.scenarios {
		n, err := strconv.Atoi(appsOf(s))
		if !strings.HasPrefix(s, "WalkPeakHeap/") || err != nil {
			continue
		}
		if n < lo {
			lo, small = n, s
		}
		if n > hi {
			hi, big = n, s
		}
	}
	return small, big
}

func appsOf(scenario string) string {
	_, v, _ := strings.Cut(scenario, "apps=")
	return v
}

// ratioTargetScenarios compares one client across two scenarios.
func ratioTargetScenarios(what, a, b, unit, client string, limit float64) target {
	return target{what, func(r *results) (string, string) {
		x, ok1 := r.median(a, client, unit)
		y, ok2 := r.median(b, client, unit)
		if !ok1 || !ok2 || y == 0 {
			return "–", notMeasured
		}
		return fmt.Sprintf("%.2f× (%.1f vs %.1f MB)", x/y, x, y), verdict(x/y <= limit)
	}}
}

// format prints a value of unit for people.
func format(v float64, unit string) string {
	switch unit {
	case "ns/op":
		return formatDuration(v)
	case "B/op":
		return formatBytes(v)
	case "allocs/op":
		return strconv.FormatFloat(math.Round(v), 'f', -1, 64)
	case "ops/s":
		return fmt.Sprintf("%.0f/s", v)
	case "ms-after-reset":
		return fmt.Sprintf("%.1f ms", v)
	case "peak-heap-MB":
		return fmt.Sprintf("%.1f MB", v)
	}
	return strconv.FormatFloat(v, 'g', 4, 64)
}

func formatDuration(ns float64) string {
	switch {
	case ns >= 1e9:
		return fmt.Sprintf("%.2f s", ns/1e9)
	case ns >= 1e6:
		return fmt.Sprintf("%.2f ms", ns/1e6)
	case ns >= 1e3:
		return fmt.Sprintf("%.1f µs", ns/1e3)
	}
	return fmt.Sprintf("%.0f ns", ns)
}

func formatBytes(b float64) string {
	switch {
	case b >= 1<<20:
		return fmt.Sprintf("%.1f MiB", b/(1<<20))
	case b >= 1<<10:
		return fmt.Sprintf("%.1f KiB", b/(1<<10))
	}
	return fmt.Sprintf("%.0f B", b)
}

// render writes the report.
func render(r *results, m machineInfo, cmdline string, stat, notes []byte) []byte {
	var b bytes.Buffer
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }

	p("# Benchmarks\n\n")
	p("What one call of `github.com/gatekit/okta` (**sdk**) costs next to `github.com/okta/okta-sdk-golang/v5` v5.0.6 (**peer**)\n")
	p("and a hand-written `net/http` + `encoding/json` loop into small structs (**floor**), all three in the same run,\n")
	p("against the same loopback Okta-shaped server in a child process (so the allocations are the client's alone).\n")
	p("The harness is in [`bench/`](bench/) (its own module); this file is written by `make -C bench bench`.\n\n")

	p("## Machine and command\n\n")
	p("| | |\n|---|---|\n")
	p("| date | %s |\n", time.Now().UTC().Format("2006-01-02 15:04 UTC"))
	p("| go | `%s` |\n", m.goVersion)
	p("| kernel | `%s` |\n", m.uname)
	p("| CPU | %s (go test: %s) |\n", orDash(m.cpuModel), orDash(m.goCPU))
	p("| cores | %d |\n", m.cores)
	p("| memory | %s |\n", orDash(m.memory))
	if len(m.load) > 0 {
		p("| load average (1 / 5 / 15 min) | %s |\n", strings.Join(m.load, "; "))
		p("\nA load average above the number of cores means other work shared the machine with the run, and the\n")
		p("spread (± in the benchstat tables) is wider for it; the ratios of one run are still measured side by side.\n")
	}
	if cmdline != "" {
		p("\nCommand:\n\n```sh\n%s\n```\n", strings.TrimSpace(cmdline))
	}

	p("\n## Targets\n\n")
	p("Ratios are of medians. \"not measured\" means the run had no `client=sdk` results (the SDK did not build).\n\n")
	p("| target | sdk | |\n|---|---|---|\n")
	for _, t := range targets(r) {
		v, met := t.check(r)
		p("| %s | %s | %s |\n", t.what, v, met)
	}
	if len(bytes.TrimSpace(notes)) > 0 {
		p("\n%s\n", bytes.TrimSpace(notes))
	}

	p("\n## Medians\n\n")
	p("Ratios are quotients of medians: sdk/floor = sdk ÷ floor, peer/sdk = peer ÷ sdk. Lower is better for every\n")
	p("metric but throughput (ops/s). n is the number of samples per client.\n\n")
	p("| scenario | metric | n | floor | sdk | peer | sdk/floor | peer/sdk |\n")
	p("|---|---|---|---|---|---|---|---|\n")
	for _, s := range r.scenarios {
		for _, mt := range metrics {
			cells := make([]string, 0, 3)
			seen := false
			n := 0
			for _, c := range []string{floor, sdk, peer} {
				v, ok := r.median(s, c, mt.unit)
				if ok {
					seen = true
					n = max(n, r.samples(s, c, mt.unit))
					cells = append(cells, format(v, mt.unit))
				} else {
					cells = append(cells, "–")
				}
			}
			if !seen {
				continue
			}
			rs := "–"
			if x, ok := ratio(r, s, mt.unit, sdk, floor); ok {
				rs = fmt.Sprintf("%.2f", x)
			}
			rp := "–"
			if x, ok := ratio(r, s, mt.unit, peer, sdk); ok {
				rp = fmt.Sprintf("%.2f", x)
			}
			p("| %s | %s | %d | %s | %s | %s | %s | %s |\n", s, mt.label, n, cells[0], cells[1], cells[2], rs, rp)
		}
	}

	p("\n## Scenarios\n\n")
	p("- **GetApplication**: one `GET /api/v1/apps/{id}`, cycling through the 2 000 apps (a mix of OIDC ~3 KB,\n")
	p("  SAML 2.0 ~4 KB and bookmark ~2 KB documents), so nothing can come from a cache.\n")
	p("- **ListAllApps**: every app of the 2 000-app org, 10 pages of 200, following `Link: <…>; rel=\"next\"`.\n")
	p("- **ListAllTokens**: every one of 1 000 API tokens, 5 pages of 200. okta-sdk-golang v5.0.6 cannot set a page\n")
	p("  size on this call, so the server answers a token list without `limit` with 200 (Okta's default is 20):\n")
	p("  all three clients make the same 5 round trips.\n")
	p("- **GetApplicationParallel64**: GetApplication from 64 goroutines sharing one client; ops/s is the throughput.\n")
	p("- **429Recovery**: one GetApplication whose first attempt is answered 429 (`E0000047`) with a reset ~550 ms\n")
	p("  away, on a whole second (`X-Rate-Limit-Reset` has whole seconds); the server answers 429 until then.\n")
	p("  ms-after-reset is the time from the reset instant to the call's return. Every attempt starts at .45 s past\n")
	p("  a whole second, so a client that trusts the `Date` header (whole seconds) is late by the same amount each time.\n")
	p("- **WalkPeakHeap**: a full walk of the 2 000-app org and of a large one (a single measured walk);\n")
	p("  peak heap is the highest `/memory/classes/heap/objects:bytes` (sampled every 250 µs) above its level\n")
	p("  after a GC just before the walk. Walking page by page, it should not grow with the number of apps.\n\n")
	p("All three clients get the same `*http.Client` tuning (one keep-alive pool, 128 idle connections per host),\n")
	p("2 retries, and the peer's cache is off; `TestClientsAgree` checks they see the same ids and that each of\n")
	p("their requests reaches the server. The peer is configured as documented plus `cfg.Host = host:port`,\n")
	p("because its `NewConfiguration` drops the org URL's port.\n")

	p("\nThe test binary runs once per round; each round runs every scenario with the three clients one after\n")
	p("the other, so a change of machine load during the run reaches all three alike (`go test -count` would\n")
	p("run one client's repetitions back to back).\n")

	if len(stat) > 0 {
		p("\n## benchstat\n\n")
		p("`benchstat -col /client` (columns are clients; the first column, floor, is the base).\n\n")
		p("```\n%s\n```\n", strings.TrimRight(string(stat), "\n"))
	}
	return b.Bytes()
}

func orDash(s string) string {
	if s == "" {
		return "–"
	}
	return s
}
