package main

import (
	"bufio"
	"bytes"
	"slices"
	"strconv"
	"strings"
)

// codecResults holds the root module's decode-bound benchmarks
// (BenchmarkDecodeAllocPerByte, BenchmarkDecodeManyMembers): samples per
// benchmark name (without "Benchmark" and the GOMAXPROCS suffix) and unit.
type codecResults struct {
	values map[string]map[string][]float64
	names  []string // in order of first appearance
}

// parseCodec reads go test -bench output of the root module.
func parseCodec(data []byte) *codecResults {
	r := &codecResults{values: map[string]map[string][]float64{}}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 4 || !strings.HasPrefix(f[0], "BenchmarkDecode") || len(f)%2 != 0 {
			continue
		}
		name := strings.TrimPrefix(f[0], "Benchmark")
		if i := strings.LastIndexByte(name, '-'); i >= 0 {
			if _, err := strconv.Atoi(name[i+1:]); err == nil {
				name = name[:i]
			}
		}
		if r.values[name] == nil {
			r.values[name] = map[string][]float64{}
			r.names = append(r.names, name)
		}
		for i := 2; i+1 < len(f); i += 2 {
			if v, err := strconv.ParseFloat(f[i], 64); err == nil {
				r.values[name][f[i+1]] = append(r.values[name][f[i+1]], v)
			}
		}
	}
	return r
}

// median of one benchmark's unit, and whether it was measured.
func (r *codecResults) median(name, unit string) (float64, bool) {
	v := slices.Clone(r.values[name][unit])
	if len(v) == 0 {
		return 0, false
	}
	slices.Sort(v)
	if n := len(v); n%2 == 0 {
		return (v[n/2-1] + v[n/2]) / 2, true
	}
	return v[len(v)/2], true
}

// maxAllocPerByte is the bound the codec promises: bytes allocated to decode
// an accepted response ≤ 16 × its size (+ a constant the benchmark's bodies
// make negligible).
const maxAllocPerByte = 16

// renderCodec writes the "Decode bounds" section.
func renderCodec(p func(string, ...any), r *codecResults, cmdline string) {
	p("\n## Decode bounds\n\n")
	p("What decoding costs at its worst, measured on the codec alone (the root module's benchmarks, in the same\n")
	p("run). alloc/byte is the bytes allocated per byte of body; the target holds for every body, Okta's pages\n")
	p("and hostile ones alike.\n\n")
	if cmdline != "" {
		p("```sh\n%s\n```\n\n", cmdline)
	}
	p("| body | alloc/byte | time | target alloc/byte ≤ %d |\n|---|---|---|---|\n", maxAllocPerByte)
	for _, name := range r.names {
		body, ok := strings.CutPrefix(name, "DecodeAllocPerByte/body=")
		if !ok {
			continue
		}
		a, okA := r.median(name, "alloc/byte")
		t, _ := r.median(name, "ns/op")
		p("| %s | %.2f | %s | %s |\n", strings.ReplaceAll(body, "_", " "), a, formatDuration(t), verdict(okA && a <= maxAllocPerByte))
	}
	ok, okOK := r.median("DecodeManyMembers/codec=okta", "ns/op")
	js, jsOK := r.median("DecodeManyMembers/codec=encoding-json", "ns/op")
	if okOK && jsOK && js > 0 {
		p("\nOne object of 80 000 unknown members: this codec (which keeps every member) %s, `encoding/json` (which\n", formatDuration(ok))
		p("drops them) %s: %.2f× (target ≤ 4×: %s). A quadratic decode took 8.4 s.\n", formatDuration(js), ok/js, verdict(ok/js <= 4))
	} else {
		p("\nThe many-members benchmark was not measured.\n")
	}
}
