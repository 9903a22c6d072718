package okta_test

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gatekit/okta"
)

// relRecords is a slog.Handler that keeps every record at Debug and above.
type relRecords struct {
	mu   sync.Mutex
	recs []map[string]any
	text []string
}

func (h *relRecords) Enabled(_ context.Context, l slog.Level) bool { return l >= slog.LevelDebug }
func (h *relRecords) WithAttrs([]slog.Attr) slog.Handler           { return h }
func (h *relRecords) WithGroup(string) slog.Handler                { return h }

func (h *relRecords) Handle(_ context.Context, r slog.Record) error {
	m := map[string]any{"msg": r.Message, "level": r.Level}
	var b strings.Builder
	b.WriteString(r.Message)
	r.Attrs(func(a slog.Attr) bool {
		m[a.Key] = a.Value.Any()
		fmt.Fprintf(&b, " %s=%v", a.Key, a.Value.Any())
		return true
	})
	h.mu.Lock()
	h.recs = append(h.recs, m)
	h.text = append(h.text, b.String())
	h.mu.Unlock()
	return nil
}

func (h *relRecords) all() ([]map[string]any, string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]map[string]any(nil), h.recs...), strings.Join(h.text, "\n")
}

// Each attempt is one Debug record with op, method, path, status, duration,
// request_id, attempt and (before a retry) wait; no record shows the token,
// the Authorization header or a query, the caller's or a next link's.
func TestLoggingAttemptsWithoutSecrets(t *testing.T) {
	t.Parallel()
	synctest.Test(t, func(t *testing.T) {
		const querySecret = "q-SeCrEt-42"
		org := newRecorder(t, func(n int, r *http.Request) (*http.Response, error) {
			switch {
			case n == 0:
				return relError(503, "X-Okta-Request-Id", "req-first"), nil
			case r.URL.Path == "/api/v1/apps/0oa1":
				return relJSON(200, relAppJSON, "X-Okta-Request-Id", "req-second"), nil
			case r.URL.Query().Get("after") == "":
				time.Sleep(30 * time.Millisecond) // a duration to see
				return relJSON(200, `[`+relAppJSON+`]`, "X-Okta-Request-Id", "req-page1",
					"Link", `<`+recOrg+`/api/v1/apps?after=0oa1&session_token=`+querySecret+`>; rel="next"`), nil
			}
			return relJSON(200, `[]`, "X-Okta-Request-Id", "req-page2"), nil
		})
		h := &relRecords{}
		client := org.client(okta.WithLogger(slog.New(h)))
		_, _, err := client.ApplicationAPI.GetApplication(context.Background(), okta.GetApplicationRequest{AppID: "0oa1"})
		require.NoError(t, err)
		for _, err := range client.ApplicationAPI.ListApplicationsAll(context.Background(), okta.ListApplicationsRequest{Q: querySecret}) {
			require.NoError(t, err)
		}

		recs, text := h.all()
		require.Len(t, recs, 4, text)
		first, second, page1, page2 := recs[0], recs[1], recs[2], recs[3]
		for _, r := range recs {
			assert.Equal(t, slog.LevelDebug, r["level"])
			assert.Equal(t, "okta request", r["msg"])
			for _, k := range []string{"op", "method", "path", "status", "duration", "request_id", "attempt"} {
				assert.Contains(t, r, k)
			}
		}
		assert.Equal(t, "getApplication", first["op"])
		assert.Equal(t, "GET", first["method"])
		assert.Equal(t, "/api/v1/apps/0oa1", first["path"])
		assert.EqualValues(t, 503, first["status"])
		assert.EqualValues(t, 0, first["attempt"])
		assert.Equal(t, "req-first", first["request_id"])
		wait, ok := first["wait"].(time.Duration)
		require.True(t, ok, "the retried attempt logs its wait")
		assert.Greater(t, wait, time.Duration(0))
		assert.Equal(t, wait, org.requests()[1].At.Sub(org.requests()[0].At), "the wait logged is the wait made")

		assert.EqualValues(t, 1, second["attempt"])
		assert.EqualValues(t, 200, second["status"])
		assert.Equal(t, "req-second", second["request_id"])
		assert.NotContains(t, second, "wait")

		assert.Equal(t, "listApplications", page1["op"])
		assert.Equal(t, "/api/v1/apps", page1["path"])
		assert.Equal(t, 30*time.Millisecond, page1["duration"])
		assert.Equal(t, "/api/v1/apps", page2["path"], "a next link is logged without its query")
		assert.Equal(t, "req-page2", page2["request_id"])

		assertNoSecret(t, text)
		for _, s := range []string{querySecret, "SSWS", "Authorization", "session_token", "after="} {
			assert.NotContains(t, text, s)
		}
	})
}

// Failures without a response are logged too, with the error and no secret.
func TestLoggingTransportError(t *testing.T) {
	t.Parallel()
	h := &relRecords{}
	addr := closedAddr(t)
	client := newClient(t, "http://"+addr, okta.WithLogger(slog.New(h)), okta.WithMaxRetries(0))
	_, _, err := client.ApplicationAPI.ListApplications(context.Background(), okta.ListApplicationsRequest{Q: "q-SeCrEt"})
	requireError(t, err)
	recs, text := h.all()
	require.Len(t, recs, 1)
	assert.Contains(t, recs[0], "error")
	assert.NotContains(t, recs[0], "status")
	assertNoSecret(t, text)
	assert.NotContains(t, text, "q-SeCrEt")
}

// Nothing is logged above Debug: a service at Info sees no request records.
func TestLoggingOnlyAtDebug(t *testing.T) {
	t.Parallel()
	var buf syncBuffer
	org := newRecorder(t, func(int, *http.Request) (*http.Response, error) { return relJSON(200, relAppJSON), nil })
	client := org.client(okta.WithLogger(slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelInfo}))))
	_, _, err := client.ApplicationAPI.GetApplication(context.Background(), okta.GetApplicationRequest{AppID: "0oa1"})
	require.NoError(t, err)
	assert.Empty(t, buf.String())
}
