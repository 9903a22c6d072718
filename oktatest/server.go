package oktatest

import (
	"bytes"
	crand "crypto/rand"
	"encoding/binary"
	"encoding/json"
	"errors"
	"io"
	"math/rand/v2"
	"mime"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// Server is an in-memory Okta org serving the management API on loopback.
// Its methods are safe for concurrent use.
type Server struct {
	// URL is the base URL of the org, such as "http://127.0.0.1:54321".
	URL string
	// Token is a valid API token for the SSWS scheme: send it as
	// "Authorization: SSWS <Token>".
	Token string

	ts        *httptest.Server
	fixedURL  bool          // URL came from WithURL: links never follow the Host header
	done      chan struct{} // closed by Close: ends injected delays
	closeOnce sync.Once
	clock     func() time.Time // the configured clock plus clockOffset
	hook      func(*http.Request)

	adminToken  string       // the admin API's secret; "" when it is off (admin.go)
	clockOffset atomic.Int64 // nanoseconds the admin API moved the clock by

	rngMu sync.Mutex
	rng   *rand.Rand

	opIDs    map[string]bool // operationIds of the routing table; set by routes before start
	faults   faults
	limiter  limiter
	limits   map[string]bucketConfig // WithRateLimit's, which Reset restores
	stats    stats
	requests requestLog // the last requests answered (requestlog.go)

	oauth oauthState // service apps and their access tokens (serviceapps.go)

	mu          sync.Mutex // guards everything below
	adminUserID string     // the user the server's own API token belongs to
	state
}

// Option configures a Server made by NewServer.
type Option func(*config)

type config struct {
	token    string
	seed     *int64
	clock    func() time.Time
	hook     func(*http.Request)
	listener net.Listener
	limits   map[string]bucketConfig
	url      string // WithURL
	admin    string // WithAdminToken
}

// WithToken makes token the secret of the server's own API token instead
// of a random one.
func WithToken(token string) Option {
	return func(c *config) { c.token = token }
}

// WithSeed seeds the generator behind ids and random faults (Fault.Rate),
// so that runs repeat. Secrets are always drawn from crypto/rand.
func WithSeed(seed int64) Option {
	return func(c *config) { c.seed = &seed }
}

// WithClock sets the clock behind timestamps, the Date header and rate-limit
// windows. The default is time.Now.
func WithClock(now func() time.Time) Option {
	return func(c *config) { c.clock = now }
}

// WithRequestHook calls hook with every request the server receives, before
// it is answered. hook must not keep or read the request's body.
func WithRequestHook(hook func(*http.Request)) Option {
	return func(c *config) { c.hook = hook }
}

// WithListener makes the server accept connections on l instead of a new
// loopback listener. The server closes l when it is closed.
func WithListener(l net.Listener) Option {
	return func(c *config) { c.listener = l }
}

// NewServer starts an Okta org on loopback and returns it. Close it when done.
func NewServer(opts ...Option) *Server {
	var c config
	for _, o := range opts {
		o(&c)
	}
	if c.admin != "" && c.admin == c.token {
		panic("oktatest: WithAdminToken: the admin token must differ from the API token")
	}
	s := &Server{
		done:       make(chan struct{}),
		hook:       c.hook,
		adminToken: c.admin,
	}
	base := time.Now
	if c.clock != nil {
		base = c.clock
	}
	s.clock = func() time.Time { return base().Add(time.Duration(s.clockOffset.Load())) }
	var seed uint64
	if c.seed != nil {
		seed = uint64(*c.seed)
	} else {
		var b [8]byte
		crand.Read(b[:])
		seed = binary.LittleEndian.Uint64(b[:])
	}
	s.rng = rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	s.state.init()
	s.limits = c.limits
	s.limiter.init(c.limits)

	s.ts = httptest.NewUnstartedServer(s.handler(s.routes()))
	if c.listener != nil {
		s.ts.Listener.Close()
		s.ts.Listener = c.listener
	}
	// Everything a handler reads without the lock is set before the
	// server takes its first request.
	s.URL = listenerURL(s.ts.Listener.Addr())
	if c.url != "" {
		s.URL, s.fixedURL = c.url, true
	}
	token := c.token
	if token == "" {
		token = newTokenSecret()
	}
	s.Token = token
	s.mu.Lock()
	s.addOwnToken()
	s.mu.Unlock()
	s.ts.Config.ReadHeaderTimeout = readHeaderTimeout
	s.ts.Config.ReadTimeout = readTimeout
	s.ts.Config.IdleTimeout = idleTimeout
	keyPoolAcquire()
	s.ts.Start()
	return s
}

// handler is what every request goes through: Okta's common headers, the
// request hook, the status kept for the request log, and links rebased on
// the origin the request reached (origin.go); then mux.
func (s *Server) handler(mux http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Okta-Request-Id", s.randomString(base64url, 27))
		h.Set("Date", s.clock().UTC().Format(http.TimeFormat))
		if s.hook != nil {
			s.hook(r)
		}
		w = &statusRecorder{ResponseWriter: w}
		if origin := s.originOf(r); origin != s.URL {
			w = &rebaseWriter{ResponseWriter: w, from: s.URL, to: origin}
		}
		mux.ServeHTTP(w, r)
	})
}

// Limits on a client's pace, so that a stalled or idle client cannot hold
// the server: the request's header must arrive within readHeaderTimeout and
// the whole request within readTimeout, and an idle keep-alive connection
// is closed after idleTimeout.
const (
	readHeaderTimeout = 10 * time.Second
	readTimeout       = 5 * time.Minute
	idleTimeout       = 2 * time.Minute
	// closeGrace is how long Close lets requests in progress finish before
	// it closes their connections.
	closeGrace = 2 * time.Second
)

// addOwnToken adds the org's admin user and the server's own API token;
// the caller holds s.mu.
func (s *Server) addOwnToken() {
	admin := s.addUser("admin@example.com", "Emulator", "Admin")
	s.adminUserID = admin.id
	s.addAPIToken("emulator", admin.id, s.Token)
}

// Close shuts the server down. It ends injected delays at once, lets the
// requests in progress finish for up to two seconds, then closes their
// connections, and returns once every request and every goroutine the
// server started has ended. Close is safe to call more than once.
func (s *Server) Close() {
	s.closeOnce.Do(func() {
		close(s.done)
		closed := make(chan struct{})
		go func() {
			s.ts.Close()
			close(closed)
		}()
		grace := time.NewTimer(closeGrace)
		defer grace.Stop()
		select {
		case <-closed:
		case <-grace.C:
			s.ts.CloseClientConnections()
			<-closed
		}
		keyPoolRelease()
	})
}

// call is what the request pipeline hands an operation's handler.
type call struct {
	op        string
	principal principal
}

type handlerFunc func(w http.ResponseWriter, r *http.Request, c *call)

// operation is one entry of the routing table.
type operation struct {
	method string
	path   string
	id     string // Okta's operationId
	bucket string // rate-limit bucket
	h      handlerFunc
}

// serve runs one operation: count it, apply faults and the rate limit,
// authenticate, then answer.
func (s *Server) serve(w http.ResponseWriter, r *http.Request, op operation) {
	s.stats.add(op.id)
	defer s.logRequest(w, r, op.id, s.now())
	f, injected := s.faults.pick(op.id, s.randFloat)
	if injected && f.Latency > 0 {
		t := time.NewTimer(f.Latency)
		select {
		case <-t.C:
		case <-r.Context().Done():
			t.Stop()
			return
		case <-s.done:
			t.Stop()
		}
	}
	if injected && f.Drop {
		dropConnection(w)
		return
	}
	now := s.now()
	st, allowed := s.limiter.take(op.bucket, now)
	if injected && f.Status != 0 {
		if f.Status == http.StatusTooManyRequests {
			st.remaining = 0
			st.reset = now.Add(f.ResetAfter)
		}
		st.write(w.Header())
		s.writeError(w, statusError(f.Status))
		return
	}
	st.write(w.Header())
	if !allowed {
		s.writeError(w, rateLimited())
		return
	}
	p, err := s.authenticate(w, r, op)
	if err != nil {
		s.writeError(w, err)
		return
	}
	op.h(w, r, &call{op: op.id, principal: p})
}

// dropConnection closes the client's connection without an answer.
func dropConnection(w http.ResponseWriter) {
	if conn, _, err := http.NewResponseController(w).Hijack(); err == nil {
		conn.Close()
		return
	}
	panic(http.ErrAbortHandler)
}

func (s *Server) randFloat() float64 {
	s.rngMu.Lock()
	defer s.rngMu.Unlock()
	return s.rng.Float64()
}

// principal is who a request acts as.
type principal struct {
	tokenID string // the API token used, for revokeCurrentApiToken
	userID  string
}

// authenticate checks the request's credentials for op. It is the one place
// that knows the accepted schemes: "SSWS <api token>", and the access tokens
// of service apps, "Bearer <token>" and "DPoP <token>" (serviceapps.go).
func (s *Server) authenticate(w http.ResponseWriter, r *http.Request, op operation) (principal, *apiError) {
	scheme, cred, ok := strings.Cut(r.Header.Get("Authorization"), " ")
	if !ok || cred == "" {
		return principal{}, invalidToken()
	}
	switch strings.ToUpper(scheme) {
	case "SSWS":
		s.mu.Lock()
		defer s.mu.Unlock()
		t, ok := s.tokensBySecret[strings.TrimSpace(cred)]
		if !ok {
			return principal{}, invalidToken()
		}
		return principal{tokenID: t.id, userID: t.userID}, nil
	case "BEARER":
		return s.authenticateAccessToken(w, r, "Bearer", strings.TrimSpace(cred), op)
	case "DPOP":
		return s.authenticateAccessToken(w, r, "DPoP", strings.TrimSpace(cred), op)
	}
	return principal{}, invalidToken()
}

// writeJSON sends v as JSON with the given status.
func (s *Server) writeJSON(w http.ResponseWriter, status int, v any) {
	if rw, ok := w.(*rebaseWriter); ok {
		v = rw.rebase(v)
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}

// noContent answers 204.
func noContent(w http.ResponseWriter) { w.WriteHeader(http.StatusNoContent) }

// maxBody bounds JSON request bodies.
const maxBody = 1 << 20

// decodeJSON reads the request body into v. Numbers decode as json.Number
// so they come back exactly as sent. A missing or ill-formed body, or
// trailing data, is Okta's E0000003.
func decodeJSON(r *http.Request, v any) *apiError {
	if err := checkJSONType(r); err != nil {
		return err
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, maxBody))
	if err != nil {
		return malformed()
	}
	return decodeBytes(body, v)
}

// decodeBytes decodes one JSON value from body into v.
func decodeBytes(body []byte, v any) *apiError {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	if err := dec.Decode(v); err != nil {
		return malformed()
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return malformed()
	}
	return nil
}

// checkJSONType refuses a body declared as something other than JSON.
func checkJSONType(r *http.Request) *apiError {
	if ct := r.Header.Get("Content-Type"); ct != "" {
		mt, _, err := mime.ParseMediaType(ct)
		if err != nil || (mt != "application/json" && !strings.HasSuffix(mt, "+json")) {
			return unsupportedMediaType()
		}
	}
	return nil
}

// decodeObject reads a JSON object body.
func decodeObject(r *http.Request) (map[string]any, *apiError) {
	var m map[string]any
	if err := decodeJSON(r, &m); err != nil {
		return nil, err
	}
	if m == nil {
		return nil, malformed()
	}
	return m, nil
}

// decodeOptionalObject reads a JSON object body that may be empty or absent.
func decodeOptionalObject(r *http.Request) (map[string]any, *apiError) {
	body, err := io.ReadAll(io.LimitReader(r.Body, maxBody))
	if err != nil {
		return nil, malformed()
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return map[string]any{}, nil
	}
	if err := checkJSONType(r); err != nil {
		return nil, err
	}
	var m map[string]any
	if err := decodeBytes(body, &m); err != nil {
		return nil, err
	}
	if m == nil {
		m = map[string]any{}
	}
	return m, nil
}

// parseBool reads an optional boolean query parameter.
func parseBool(r *http.Request, name string, def bool) (bool, *apiError) {
	v := r.URL.Query().Get(name)
	if v == "" {
		return def, nil
	}
	b, err := strconv.ParseBool(v)
	if err != nil {
		return false, invalid(name, "'"+v+"' is not a valid boolean.")
	}
	return b, nil
}
