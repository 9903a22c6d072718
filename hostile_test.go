package okta_test

// What a hostile server or proxy can send, and what the SDK does with it.

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gatekit/okta"
)

// relEndless is a body that never ends.
type relEndless struct{ read atomic.Int64 }

func (e *relEndless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'A'
	}
	e.read.Add(int64(len(p)))
	return len(p), nil
}

func (*relEndless) Close() error { return nil }

// An error body is read to at most 64 KiB, however long it is, and the call
// still fails with an *okta.Error carrying the status and the start of the body.
func TestHostileErrorBodyTruncated(t *testing.T) {
	t.Parallel()
	t.Run("endless", func(t *testing.T) {
		t.Parallel()
		body := &relEndless{}
		org := newRecorder(t, func(int, *http.Request) (*http.Response, error) {
			r := relJSON(502, "")
			r.Body, r.ContentLength = body, -1
			return r, nil
		})
		oe := requireOktaError(t, relCallFor(http.MethodPost).call(context.Background(), org.client()))
		assert.Equal(t, 502, oe.StatusCode)
		assert.Len(t, oe.Body, 64<<10)
		assert.LessOrEqual(t, body.read.Load(), int64(64<<10+32<<10), "reading stopped near 64 KiB")
		assert.Less(t, len(oe.Error()), 512, "the message shows an excerpt")
	})
	t.Run("JSON cut at 64 KiB", func(t *testing.T) {
		t.Parallel()
		doc := `{"errorCode":"E0000001","errorSummary":"` + strings.Repeat("x", 100<<10) + `"}`
		org := newRecorder(t, func(int, *http.Request) (*http.Response, error) { return relJSON(400, doc), nil })
		oe := requireOktaError(t, relCallFor(http.MethodGet).call(context.Background(), org.client()))
		assert.Equal(t, 400, oe.StatusCode)
		assert.ErrorIs(t, oe, okta.ErrInvalidRequest)
		assert.Equal(t, []byte(doc[:64<<10]), oe.Body)
		assert.Less(t, len(oe.Error()), 512)
	})
}

// A successful body over WithMaxResponseBytes fails the call with an
// *okta.Error, at once (the same request would get the same body); one at
// the limit is read.
func TestHostileResultBodyOverLimit(t *testing.T) {
	t.Parallel()
	pad := `{"id":"0oa1","label":"` + strings.Repeat("p", 2000) + `"}`
	org := newRecorder(t, func(int, *http.Request) (*http.Response, error) { return relJSON(200, pad), nil })
	_, _, err := org.client(okta.WithMaxResponseBytes(1024)).ApplicationAPI.GetApplication(context.Background(), okta.GetApplicationRequest{AppID: "0oa1"})
	oe := requireOktaError(t, err)
	assert.Equal(t, 200, oe.StatusCode)
	assert.Contains(t, err.Error(), "larger than 1024 bytes")
	assert.Len(t, org.requests(), 1, "not retried")

	exact := newRecorder(t, func(int, *http.Request) (*http.Response, error) { return relJSON(200, pad), nil })
	app, _, err := exact.client(okta.WithMaxResponseBytes(int64(len(pad)))).ApplicationAPI.GetApplication(context.Background(), okta.GetApplicationRequest{AppID: "0oa1"})
	require.NoError(t, err)
	assert.Equal(t, "0oa1", app.ID)

	body := &relEndless{}
	endless := newRecorder(t, func(int, *http.Request) (*http.Response, error) {
		r := relJSON(200, "")
		r.Body, r.ContentLength = body, -1
		return r, nil
	})
	_, _, err = endless.client(okta.WithMaxResponseBytes(1<<20), okta.WithMaxRetries(0)).ApplicationAPI.GetApplication(context.Background(), okta.GetApplicationRequest{AppID: "0oa1"})
	requireError(t, err)
	assert.LessOrEqual(t, body.read.Load(), int64(1<<20+64<<10))
}

// A next link to another origin (host, port or scheme) is never requested:
// the iterator yields ErrCrossOriginLink after the first page.
func TestHostileCrossOriginLinkRefused(t *testing.T) {
	t.Parallel()
	var evilHits atomic.Int32
	evilOrg := newTestServer(t)
	evilOrg.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		evilHits.Add(1)
		writeJSON(w, 200, `[]`)
	})
	evil := evilOrg.server
	f := setup(t)
	links := map[string]string{
		"host and port": evil.URL + "/api/v1/apps?after=0oa1",
		"scheme":        strings.Replace(f.server.URL, "http://", "https://", 1) + "/api/v1/apps?after=0oa1",
		"userinfo":      "http://" + testToken + "@" + strings.TrimPrefix(evil.URL, "http://") + "/api/v1/apps?after=0oa1",
	}
	var mu sync.Mutex
	current := ""
	f.mux.HandleFunc("/apps", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		link := current
		mu.Unlock()
		w.Header().Set("Link", `<`+link+`>; rel="next"`)
		writeJSON(w, 200, `[`+relAppJSON+`]`)
	})
	for name, link := range links {
		mu.Lock()
		current = link
		mu.Unlock()
		var ids []string
		var errs []error
		for app, err := range f.client.ApplicationAPI.ListApplicationsAll(context.Background(), okta.ListApplicationsRequest{}) {
			if err != nil {
				errs = append(errs, err)
				continue
			}
			ids = append(ids, app.ID)
		}
		assert.Equal(t, []string{"0oa1"}, ids, name)
		require.Len(t, errs, 1, name)
		assert.ErrorIs(t, errs[0], okta.ErrCrossOriginLink, name)
		assertNoSecret(t, errs[0].Error())
	}
	assert.Zero(t, evilHits.Load())
}

// A 2xx body that is not the JSON expected is an *okta.Error that unwraps to
// a *SyntaxError (not JSON) or a *TypeError (JSON of the wrong shape); it
// never panics.
func TestHostileMalformedBodies(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, body string
		list       bool // decode as a list (ListApplications) instead of one app
		typeErr    bool
	}{
		{name: "truncated", body: `{"id":"0oa1","label":`},
		{name: "HTML", body: `<html><body>502 Bad Gateway</body></html>`},
		{name: "trailing garbage", body: relAppJSON + `}`},
		{name: "bad escape", body: `{"id":"\x"}`},
		{name: "invalid UTF-8 literal", body: "{\"id\":\"0oa1\",\"label\":tru\xff}"},
		{name: "deep nesting", body: strings.Repeat("[", 20000) + strings.Repeat("]", 20000), list: true},
		{name: "array for an app", body: `[` + relAppJSON + `]`, typeErr: true},
		{name: "string for an app", body: `"0oa1"`, typeErr: true},
		{name: "number for an app", body: `1e999`, typeErr: true},
		{name: "object for a list", body: relAppJSON, list: true, typeErr: true},
		{name: "number for a list", body: `123456789012345678901234567890`, list: true, typeErr: true},
		// 3 bytes an item would each become a 3 KiB Application: refused before any is made.
		{name: "a million empty apps", body: "[" + strings.Repeat("{},", 1_000_000) + "{}]", list: true, typeErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			org := newRecorder(t, func(int, *http.Request) (*http.Response, error) { return relJSON(200, tt.body), nil })
			client := org.client()
			var err error
			require.NotPanics(t, func() {
				if tt.list {
					_, _, err = client.ApplicationAPI.ListApplications(context.Background(), okta.ListApplicationsRequest{})
				} else {
					_, _, err = client.ApplicationAPI.GetApplication(context.Background(), okta.GetApplicationRequest{AppID: "0oa1"})
				}
			})
			oe := requireOktaError(t, err)
			assert.Equal(t, 200, oe.StatusCode)
			var se *okta.SyntaxError
			var te *okta.TypeError
			if tt.typeErr {
				assert.ErrorAs(t, err, &te)
			} else {
				assert.ErrorAs(t, err, &se)
			}
			assert.Less(t, len(err.Error()), 1024, "a bounded message")
			assert.Len(t, org.requests(), 1, "a bad body is not retried")
		})
	}
}

// Numbers too large for any Go type, and members of the wrong type, are not
// errors inside a model: they are kept verbatim and sent back as received.
func TestHostileHugeNumbersRoundTrip(t *testing.T) {
	t.Parallel()
	huge := `123456789012345678901234567890123456789012345678901234567890`
	doc := `{"id":"0oa1","name":"bookmark","label":"Docs","signOnMode":"BOOKMARK",` +
		`"licensing":{"seatCount":` + huge + `},` +
		`"settings":{"app":{"url":"https://example.com","requestIntegration":1e400}},` +
		`"visibility":{"autoLaunch":"yes"},` +
		`"profile":{"n":-` + huge + `e-999,"f":0.1000000000000000000000000000001},` +
		`"x-extra":[` + huge + `]}`
	var puts []string
	org := newRecorder(t, func(_ int, r *http.Request) (*http.Response, error) {
		if r.Method == http.MethodPut {
			b, _ := r.GetBody()
			data, _ := io.ReadAll(b)
			puts = append(puts, string(data))
		}
		return relJSON(200, doc), nil
	})
	client := org.client()
	app, _, err := client.ApplicationAPI.GetApplication(context.Background(), okta.GetApplicationRequest{AppID: "0oa1"})
	require.NoError(t, err)
	assert.Nil(t, app.Licensing.SeatCount, "too large for an int")

	out, err := json.Marshal(app)
	require.NoError(t, err)
	assert.Equal(t, appJSONNumbers(t, []byte(doc)), appJSONNumbers(t, out), "sent back as received")
	for _, digits := range []string{huge, `-` + huge + `e-999`, `1e400`, `0.1000000000000000000000000000001`} {
		assert.Contains(t, string(out), digits, "kept verbatim")
	}

	_, _, err = client.ApplicationAPI.UpdateApplication(context.Background(), okta.UpdateApplicationRequest{AppID: "0oa1", Application: app})
	require.NoError(t, err)
	require.Len(t, puts, 1)
	assert.Equal(t, appJSONNumbers(t, []byte(doc)), appJSONNumbers(t, []byte(puts[0])), "an update sends the numbers back unchanged")
}
