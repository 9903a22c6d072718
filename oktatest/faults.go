package oktatest

import (
	"sync"
	"time"
)

// Fault changes how the server answers requests of one operation, for tests
// of a client's retries, timeouts and error handling. Register it with
// Server.Fail.
//
// A request gets at most one fault: the first live fault registered for its
// operation, else the first live fault registered for "*". A fault's Latency
// is served first; then Drop closes the connection, or Status answers with
// that status and Okta's error body; a fault with neither lets the request
// through to its real answer after the delay.
type Fault struct {
	// Status, if not zero, is the HTTP status to answer with: 429 gets
	// Okta's E0000047 body and X-Rate-Limit headers saying the limit is
	// spent, 5xx get E0000009, 400/401/403/404 get Okta's body for them.
	Status int
	// Times is how many requests the fault affects; zero means every
	// request until ClearFaults.
	Times int
	// Rate, if in (0, 1), is the probability that a request is affected;
	// requests it spares do not count towards Times. Zero means always.
	// The draw comes from the generator seeded by WithSeed.
	Rate float64
	// ResetAfter sets X-Rate-Limit-Reset of a 429 this far past now
	// (the header holds whole epoch seconds).
	ResetAfter time.Duration
	// Latency delays the answer. A client that gives up earlier gets none.
	Latency time.Duration
	// Drop closes the connection without any answer.
	Drop bool
}

type liveFault struct {
	Fault
	left int // requests still to affect; -1 for no end
}

type faults struct {
	mu   sync.Mutex
	byOp map[string][]*liveFault
}

// Fail registers f for an operation (such as OpGetApplication), or for
// every operation with AllOperations ("*"). Faults of one operation are
// used in the order they were registered. Fail panics if the server does
// not serve op, so that a misspelt name never silently tests nothing.
func (s *Server) Fail(op Operation, f Fault) {
	s.faults.add(s.mustResolve("Fail", op), f)
}

// ClearFaults removes every fault.
func (s *Server) ClearFaults() {
	s.faults.mu.Lock()
	s.faults.byOp = nil
	s.faults.mu.Unlock()
}

func (fs *faults) add(op string, f Fault) {
	left := f.Times
	if left <= 0 {
		left = -1
	}
	fs.mu.Lock()
	defer fs.mu.Unlock()
	if fs.byOp == nil {
		fs.byOp = map[string][]*liveFault{}
	}
	fs.byOp[op] = append(fs.byOp[op], &liveFault{Fault: f, left: left})
}

// pick finds the fault for a request of op, using up one of its Times.
func (fs *faults) pick(op string, draw func() float64) (Fault, bool) {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	for _, key := range []string{op, "*"} {
		list := fs.byOp[key]
		for i, f := range list {
			if f.Rate > 0 && f.Rate < 1 && draw() >= f.Rate {
				continue
			}
			if f.left > 0 {
				f.left--
				if f.left == 0 {
					fs.byOp[key] = append(list[:i:i], list[i+1:]...)
				}
			}
			return f.Fault, true
		}
	}
	return Fault{}, false
}

type stats struct {
	mu    sync.Mutex
	count map[string]int
	total int
}

func (st *stats) add(op string) {
	st.mu.Lock()
	defer st.mu.Unlock()
	if st.count == nil {
		st.count = map[string]int{}
	}
	st.count[op]++
	st.total++
}

// Requests reports how many requests an operation (such as
// OpGetApplication) has received, faulted, limited and refused ones
// included; AllOperations ("*") counts the requests of all operations.
// It panics if the server does not serve op.
func (s *Server) Requests(op Operation) int {
	return s.stats.get(s.mustResolve("Requests", op))
}

// snapshot returns the counts of every operation that was requested, and
// the total.
func (st *stats) snapshot() (map[string]int, int) {
	st.mu.Lock()
	defer st.mu.Unlock()
	out := make(map[string]int, len(st.count))
	for op, n := range st.count {
		out[op] = n
	}
	return out, st.total
}

// reset forgets every count.
func (st *stats) reset() {
	st.mu.Lock()
	defer st.mu.Unlock()
	st.count, st.total = nil, 0
}

// get is the count of the operationId op, or of all with "*".
func (st *stats) get(op string) int {
	st.mu.Lock()
	defer st.mu.Unlock()
	if op == string(AllOperations) {
		return st.total
	}
	return st.count[op]
}
