package oktatest

// The admin API: what a Go test does with the Server's methods, over HTTP
// under /_emulator/, for tests in other languages and for the
// okta-emulator binary. It is off unless the server was made
// WithAdminToken, and refuses any request without that token. Admin
// requests are not Okta operations: they are not counted, faulted or
// rate-limited.

import (
	"bytes"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"
)

// AdminPrefix is the path under which the admin API is served.
const AdminPrefix = "/_emulator/"

// maxAdminBody bounds an admin request's body (a seed document included).
const maxAdminBody = 4 << 20

// WithAdminToken turns the admin API on: requests under AdminPrefix that
// send "Authorization: Bearer <token>" can inject faults, set rate limits,
// seed users, groups, policies, tokens and OAuth clients, read request counts, move
// the clock and reset the org (see the package documentation). token must
// differ from the API token (NewServer panics otherwise); an empty token
// leaves the admin API off.
func WithAdminToken(token string) Option {
	return func(c *config) { c.admin = token }
}

// adminError is an admin API refusal: {"error": "..."} with a status.
type adminError struct {
	status int
	msg    string
}

func (e *adminError) Error() string { return e.msg }

func badRequest(format string, args ...any) *adminError {
	return &adminError{http.StatusBadRequest, fmt.Sprintf(format, args...)}
}

// adminHandler answers one admin request with a JSON value (or 204 for
// nil), or an error.
type adminHandler func(r *http.Request) (status int, v any, err error)

// adminRoutes adds the admin API to mux.
func (s *Server) adminRoutes(mux *http.ServeMux) {
	for pattern, h := range map[string]adminHandler{
		"POST /_emulator/faults":               s.adminAddFault,
		"DELETE /_emulator/faults":             s.adminClearFaults,
		"GET /_emulator/requests":              s.adminRequests,
		"DELETE /_emulator/requests":           s.adminClearRequests,
		"GET /_emulator/requests/log":          s.adminRequestLog,
		"GET /_emulator/operations":            s.adminOperations,
		"POST /_emulator/rate-limits":          s.adminSetRateLimit,
		"DELETE /_emulator/rate-limits":        s.adminResetRateLimits,
		"GET /_emulator/clock":                 s.adminClock,
		"POST /_emulator/clock":                s.adminSetClock,
		"POST /_emulator/reset":                s.adminReset,
		"POST /_emulator/seed":                 s.adminSeed,
		"GET /_emulator/users":                 s.adminListUsers,
		"POST /_emulator/users":                s.adminAddUser,
		"GET /_emulator/groups":                s.adminListGroups,
		"POST /_emulator/groups":               s.adminAddGroup,
		"GET /_emulator/policies":              s.adminListPolicies,
		"POST /_emulator/policies":             s.adminAddPolicy,
		"POST /_emulator/api-tokens":           s.adminAddAPIToken,
		"POST /_emulator/oauth2-tokens":        s.adminAddOAuth2Token,
		"POST /_emulator/scope-consent-grants": s.adminAddGrant,
		"POST /_emulator/clients":              s.adminRegisterClient,
		"POST /_emulator/oauth":                s.adminOAuthSettings,
	} {
		mux.Handle(pattern, s.admin(h))
	}
	mux.Handle(AdminPrefix, s.admin(func(r *http.Request) (int, any, error) {
		return 0, nil, &adminError{http.StatusNotFound, "no admin endpoint " + r.Method + " " + r.URL.Path}
	}))
}

// admin wraps h with the admin token check and the JSON answer.
func (s *Server) admin(h adminHandler) http.Handler {
	want := sha256.Sum256([]byte(s.adminToken))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		scheme, cred, _ := strings.Cut(r.Header.Get("Authorization"), " ")
		got := sha256.Sum256([]byte(strings.TrimSpace(cred)))
		if !strings.EqualFold(scheme, "Bearer") || subtle.ConstantTimeCompare(got[:], want[:]) != 1 {
			w.Header().Set("WWW-Authenticate", `Bearer realm="okta-emulator admin"`)
			writeAdmin(w, http.StatusUnauthorized, map[string]any{"error": "the admin API needs Authorization: Bearer <admin token>"})
			return
		}
		status, v, err := h(r)
		if ae := (*adminError)(nil); errors.As(err, &ae) {
			writeAdmin(w, ae.status, map[string]any{"error": ae.msg})
			return
		}
		if err != nil {
			writeAdmin(w, http.StatusBadRequest, map[string]any{"error": err.Error()})
			return
		}
		writeAdmin(w, status, v)
	})
}

func writeAdmin(w http.ResponseWriter, status int, v any) {
	if v == nil {
		w.WriteHeader(http.StatusNoContent)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}

// decodeAdmin reads a JSON object body into v; unknown members are an
// error, so that a misspelt setting is never silently ignored.
func decodeAdmin(r *http.Request, v any) error {
	body, err := io.ReadAll(io.LimitReader(r.Body, maxAdminBody+1))
	if err != nil {
		return badRequest("reading the body: %v", err)
	}
	if len(body) > maxAdminBody {
		return badRequest("the body is over %d bytes", maxAdminBody)
	}
	return decodeStrict(body, v)
}

func decodeStrict(body []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return badRequest("the body is not the JSON object expected: %v", err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return badRequest("the body has data after its JSON object")
	}
	return nil
}

// duration is a Go duration string in JSON, such as "1.5s" or "2m".
type duration time.Duration

func (d *duration) UnmarshalJSON(b []byte) error {
	var str string
	if err := json.Unmarshal(b, &str); err != nil {
		return fmt.Errorf("a duration is a string such as \"1.5s\": %s", b)
	}
	v, err := time.ParseDuration(str)
	if err != nil || v < 0 {
		return fmt.Errorf("%q is not a duration of zero or more, such as \"1.5s\"", str)
	}
	*d = duration(v)
	return nil
}

// adminFault is a Fault for an operation, as the admin API takes it.
type adminFault struct {
	Operation  Operation `json:"operation"`
	Status     int       `json:"status"`
	Times      int       `json:"times"`
	Rate       float64   `json:"rate"`
	ResetAfter duration  `json:"resetAfter"`
	Latency    duration  `json:"latency"`
	Drop       bool      `json:"drop"`
}

// add registers the fault; an unknown operation or a status Okta would not
// send is an error.
func (s *Server) addAdminFault(f adminFault) error {
	op, err := s.resolveOperation(f.Operation)
	if err != nil {
		return badRequest("%v", err)
	}
	if f.Status != 0 && (f.Status < 400 || f.Status > 599) {
		return badRequest("status %d is not an error status (400-599)", f.Status)
	}
	if f.Times < 0 || f.Rate < 0 || f.Rate > 1 {
		return badRequest("times must be 0 or more and rate in [0, 1]")
	}
	s.faults.add(op, Fault{Status: f.Status, Times: f.Times, Rate: f.Rate,
		ResetAfter: time.Duration(f.ResetAfter), Latency: time.Duration(f.Latency), Drop: f.Drop})
	return nil
}

// POST /_emulator/faults: Fail.
func (s *Server) adminAddFault(r *http.Request) (int, any, error) {
	var f adminFault
	if err := decodeAdmin(r, &f); err != nil {
		return 0, nil, err
	}
	return 0, nil, s.addAdminFault(f)
}

// DELETE /_emulator/faults: ClearFaults.
func (s *Server) adminClearFaults(*http.Request) (int, any, error) {
	s.ClearFaults()
	return 0, nil, nil
}

// GET /_emulator/requests[?operation=<operationId>]: Requests.
func (s *Server) adminRequests(r *http.Request) (int, any, error) {
	if op := r.URL.Query().Get("operation"); op != "" {
		id, err := s.resolveOperation(Operation(op))
		if err != nil {
			return 0, nil, badRequest("%v", err)
		}
		return http.StatusOK, map[string]any{"operation": op, "count": s.stats.get(id)}, nil
	}
	counts, total := s.stats.snapshot()
	return http.StatusOK, map[string]any{"total": total, "operations": counts}, nil
}

// GET /_emulator/operations: the operationIds the server serves.
func (s *Server) adminOperations(*http.Request) (int, any, error) {
	return http.StatusOK, map[string]any{"operations": s.Operations()}, nil
}

// adminRateLimit is WithRateLimit's arguments.
type adminRateLimit struct {
	Bucket string   `json:"bucket"`
	Limit  int      `json:"limit"`
	Window duration `json:"window"`
}

func (s *Server) setAdminRateLimit(rl adminRateLimit) error {
	if rl.Limit < 0 {
		return badRequest("limit must be 0 or more")
	}
	if err := s.limiter.set(rl.Bucket, bucketConfig{limit: rl.Limit, window: time.Duration(rl.Window), enforce: true}); err != nil {
		return badRequest("%v", err)
	}
	return nil
}

// POST /_emulator/rate-limits: SetRateLimit.
func (s *Server) adminSetRateLimit(r *http.Request) (int, any, error) {
	var rl adminRateLimit
	if err := decodeAdmin(r, &rl); err != nil {
		return 0, nil, err
	}
	return 0, nil, s.setAdminRateLimit(rl)
}

// DELETE /_emulator/rate-limits: every bucket back to how the server
// started (WithRateLimit, else never refusing).
func (s *Server) adminResetRateLimits(*http.Request) (int, any, error) {
	s.limiter.init(s.limits)
	return 0, nil, nil
}

// GET /_emulator/clock: the server's time.
func (s *Server) adminClock(*http.Request) (int, any, error) {
	return http.StatusOK, map[string]any{"now": s.now().Format(time.RFC3339Nano)}, nil
}

// POST /_emulator/clock {"now": RFC 3339} or {"advance": duration}: move
// the server's clock (timestamps, Date, rate-limit windows, token expiry).
func (s *Server) adminSetClock(r *http.Request) (int, any, error) {
	var req struct {
		Now     *time.Time `json:"now"`
		Advance *duration  `json:"advance"`
	}
	if err := decodeAdmin(r, &req); err != nil {
		return 0, nil, err
	}
	switch {
	case (req.Now == nil) == (req.Advance == nil):
		return 0, nil, badRequest(`send one of "now" (RFC 3339) or "advance" (a duration such as "90s")`)
	case req.Now != nil:
		s.clockOffset.Add(int64(req.Now.Sub(s.clock())))
	default:
		s.clockOffset.Add(int64(*req.Advance))
	}
	return s.adminClock(r)
}

// POST /_emulator/reset: Reset.
func (s *Server) adminReset(*http.Request) (int, any, error) {
	s.Reset()
	return 0, nil, nil
}
