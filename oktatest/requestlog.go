package oktatest

// The request log: the last requests of Okta operations the server
// answered, for GET /_emulator/requests/log (a Go test sees requests with
// WithRequestHook instead). It holds no header, so no credential.

import (
	"net/http"
	"sync"
	"time"
)

// requestLogSize bounds the log: older entries are dropped.
const requestLogSize = 1000

// loggedRequest is one entry of the log.
type loggedRequest struct {
	Time      string `json:"time"`
	Method    string `json:"method"`
	Path      string `json:"path"`
	Query     string `json:"query,omitempty"`
	Operation string `json:"operation"`
	Status    int    `json:"status"` // 0: the connection was dropped
}

// requestLog is a ring of the last requestLogSize entries.
type requestLog struct {
	mu      sync.Mutex
	entries []loggedRequest
	next    int // where the next entry goes once the ring is full
}

func (l *requestLog) add(e loggedRequest) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if len(l.entries) < requestLogSize {
		l.entries = append(l.entries, e)
		return
	}
	l.entries[l.next] = e
	l.next = (l.next + 1) % requestLogSize
}

// list returns the entries of op ("" or "*" for all), oldest first.
func (l *requestLog) list(op string) []loggedRequest {
	l.mu.Lock()
	defer l.mu.Unlock()
	out := []loggedRequest{}
	for i := range l.entries {
		e := l.entries[(l.next+i)%len(l.entries)]
		if op == "" || op == string(AllOperations) || e.Operation == op {
			out = append(out, e)
		}
	}
	return out
}

func (l *requestLog) reset() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.entries, l.next = nil, 0
}

// statusRecorder is the innermost wrapper of every answer: it keeps the
// status for the request log.
type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (w *statusRecorder) Unwrap() http.ResponseWriter { return w.ResponseWriter }

func (w *statusRecorder) WriteHeader(status int) {
	if w.status == 0 {
		w.status = status
	}
	w.ResponseWriter.WriteHeader(status)
}

func (w *statusRecorder) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}
	return w.ResponseWriter.Write(b)
}

// logRequest records a request of op once serve has answered it.
func (s *Server) logRequest(w http.ResponseWriter, r *http.Request, op string, at time.Time) {
	status := 0
	for w != nil {
		if rec, ok := w.(*statusRecorder); ok {
			status = rec.status
			break
		}
		u, ok := w.(interface{ Unwrap() http.ResponseWriter })
		if !ok {
			break
		}
		w = u.Unwrap()
	}
	s.requests.add(loggedRequest{Time: formatTime(at), Method: r.Method, Path: r.URL.EscapedPath(),
		Query: r.URL.Query().Encode(), Operation: op, Status: status})
}

// GET /_emulator/requests/log[?operation=<operationId>]: the last requests
// answered, oldest first.
func (s *Server) adminRequestLog(r *http.Request) (int, any, error) {
	op := r.URL.Query().Get("operation")
	if op != "" {
		id, err := s.resolveOperation(Operation(op))
		if err != nil {
			return 0, nil, badRequest("%v", err)
		}
		op = id
	}
	return http.StatusOK, s.requests.list(op), nil
}

// DELETE /_emulator/requests: forget the counts and the log.
func (s *Server) adminClearRequests(*http.Request) (int, any, error) {
	s.stats.reset()
	s.requests.reset()
	return 0, nil, nil
}
