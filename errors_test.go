package okta_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gatekit/okta"
)

func TestErrorMessage(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		err  *okta.Error
		want string
	}{
		{"status only", &okta.Error{StatusCode: 404}, "okta: 404 Not Found"},
		{"Okta's fields", &okta.Error{StatusCode: 400, ErrorCode: "E0000001", ErrorSummary: "Api validation failed: label",
			ErrorCauses: []okta.ErrorCause{{ErrorSummary: "label: The field cannot be left blank"}, {}, {ErrorSummary: "name: bad"}}, RequestID: "req1"},
			"okta: 400 Bad Request: E0000001: Api validation failed: label (label: The field cannot be left blank; name: bad) [request id req1]"},
		{"code without summary", &okta.Error{StatusCode: 403, ErrorCode: "E0000006"}, "okta: 403 Forbidden: E0000006"},
		{"body when Okta said nothing", &okta.Error{StatusCode: 502, Body: []byte("<html>\n  <h1>Bad\tGateway</h1>\n</html>")},
			"okta: 502 Bad Gateway: body: <html> <h1>Bad Gateway</h1> </html>"},
		{"body not shown when Okta explained", &okta.Error{StatusCode: 500, ErrorCode: "E0000009", ErrorSummary: "Internal Server Error", Body: []byte(`{"errorCode":"E0000009"}`)},
			"okta: 500 Internal Server Error: E0000009: Internal Server Error"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			assert.Equal(t, tt.want, tt.err.Error())
			assert.NoError(t, tt.err.Unwrap(), "an HTTP error wraps nothing")
		})
	}
}

func TestErrorMessageUnknownStatus(t *testing.T) {
	t.Parallel()
	assert.True(t, strings.HasPrefix((&okta.Error{StatusCode: 599, ErrorCode: "E1"}).Error(), "okta: 599"))
	assert.Contains(t, (&okta.Error{StatusCode: 599, ErrorCode: "E1"}).Error(), "E1")
}

// The body excerpt is bounded, single-line and valid UTF-8 wherever it is cut.
func TestErrorBodyExcerpt(t *testing.T) {
	t.Parallel()
	for _, body := range []string{
		strings.Repeat("é", 500),
		strings.Repeat("a", 199) + strings.Repeat("😀", 50),
		"\xff\xfe bad bytes " + strings.Repeat("x\n", 300),
	} {
		msg := (&okta.Error{StatusCode: 503, Body: []byte(body)}).Error()
		assert.True(t, utf8.ValidString(msg), "%q", msg)
		assert.NotContains(t, msg, "\n")
		assert.LessOrEqual(t, len(msg), len("okta: 503 Service Unavailable: body: ")+200+len("…"))
		assert.True(t, strings.HasSuffix(msg, "…"), "%q", msg)
	}
}

func TestErrorIs(t *testing.T) {
	t.Parallel()
	sentinels := map[int]error{
		http.StatusBadRequest:      okta.ErrInvalidRequest,
		http.StatusUnauthorized:    okta.ErrUnauthorized,
		http.StatusForbidden:       okta.ErrForbidden,
		http.StatusNotFound:        okta.ErrNotFound,
		http.StatusTooManyRequests: okta.ErrRateLimited,
	}
	all := []error{okta.ErrInvalidRequest, okta.ErrUnauthorized, okta.ErrForbidden, okta.ErrNotFound, okta.ErrRateLimited, okta.ErrConfiguration, okta.ErrCrossOriginLink}
	for _, status := range []int{400, 401, 403, 404, 409, 429, 500, 503} {
		e := &okta.Error{StatusCode: status}
		wrapped := fmt.Errorf("listing: %w", e)
		for _, s := range all {
			want := sentinels[status] == s
			assert.Equal(t, want, errors.Is(e, s), "%d is %v", status, s)
			assert.Equal(t, want, errors.Is(wrapped, s), "wrapped %d is %v", status, s)
		}
		var got *okta.Error
		assert.True(t, errors.As(wrapped, &got))
		assert.Same(t, e, got)
	}
}

// Each sentinel matches the failures of its kind the SDK produces, and no
// other sentinel does: an error is found by one name only.
func TestSentinelsMatchTheirFailures(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	status := func(code int) error {
		org := newRecorder(t, func(int, *http.Request) (*http.Response, error) { return relError(code), nil })
		_, _, err := org.client(okta.WithMaxRetries(0)).ApplicationAPI.GetApplication(ctx, okta.GetApplicationRequest{AppID: "0oa1"})
		return err
	}
	crossOrigin := func() error {
		org := newRecorder(t, func(int, *http.Request) (*http.Response, error) {
			return relJSON(200, `[]`, "Link", `<https://evil.example.com/api/v1/apps?after=x>; rel="next"`), nil
		})
		for _, err := range org.client().ApplicationAPI.ListApplicationsAll(ctx, okta.ListApplicationsRequest{}) {
			if err != nil {
				return err
			}
		}
		return nil
	}
	redirect := func() error {
		evil := newBodySeen(t)
		f := newTestServer(t)
		f.mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
			http.Redirect(w, r, evil.URL, http.StatusTemporaryRedirect)
		})
		_, err := createWithSecret(newClient(t, f.server.URL))
		return err
	}
	configuration := func() error {
		_, err := okta.NewConfiguration(okta.WithOrgURL("https://{yourOktaDomain}"), okta.WithAPIToken(testToken))
		return err
	}
	refused := func() error {
		_, _, err := newClient(t, recOrg).ApplicationAPI.GetApplication(ctx, okta.GetApplicationRequest{})
		return err
	}
	cases := map[error]func() error{
		okta.ErrInvalidRequest:  refused,
		okta.ErrUnauthorized:    func() error { return status(401) },
		okta.ErrForbidden:       func() error { return status(403) },
		okta.ErrNotFound:        func() error { return status(404) },
		okta.ErrRateLimited:     func() error { return status(429) },
		okta.ErrConfiguration:   configuration,
		okta.ErrCrossOriginLink: crossOrigin,
		okta.ErrRedirectRefused: redirect,
	}
	for sentinel, fail := range cases {
		err := fail()
		require.Error(t, err, "%v", sentinel)
		for other := range cases {
			assert.Equal(t, other == sentinel, errors.Is(err, other), "%q is %v", err, other)
		}
	}
	// A 400 from Okta is ErrInvalidRequest too; a 409 or a 500 is none of them.
	assert.ErrorIs(t, status(400), okta.ErrInvalidRequest)
	for _, code := range []int{409, 500} {
		err := status(code)
		for s := range cases {
			assert.NotErrorIs(t, err, s)
		}
	}
}

func TestCodecErrorMessages(t *testing.T) {
	t.Parallel()
	assert.Equal(t, "okta: cannot decode a JSON array into okta.ApiToken", (&okta.TypeError{Want: "okta.ApiToken", Got: "array"}).Error())
	var tok okta.ApiToken
	err := tok.UnmarshalJSON([]byte(`{"id":"a",}`))
	var se *okta.SyntaxError
	assert.ErrorAs(t, err, &se)
	assert.Equal(t, 10, se.Offset)
	assert.Equal(t, "okta: malformed JSON at byte 10: expected a member name", err.Error())
}

// A 403 for a missing OAuth scope names the scope, from WWW-Authenticate; other
// answers leave RequiredScope empty.
func TestErrorRequiredScope(t *testing.T) {
	t.Parallel()
	const forbidden = `{"errorCode":"E0000006","errorSummary":"You do not have permission to perform the requested action"}`
	for _, tc := range []struct {
		name      string
		status    int
		challenge string
		want      string
	}{
		{"missing scope", 403, `Bearer authorization_uri="https://x/oauth2/v1/authorize", realm="IdpOktaAPI", scope="okta.apps.manage", error="insufficient_scope", error_description="The access token provided does not contain the required scopes.", resource="/api/v1/apps"`, "okta.apps.manage"},
		{"two scopes, unquoted error", 403, `Bearer error=insufficient_scope, scope="okta.apps.read okta.apps.manage"`, "okta.apps.read okta.apps.manage"},
		{"no scope named", 403, `Bearer error="insufficient_scope"`, ""},
		{"another error", 403, `Bearer error="invalid_token", scope="okta.apps.manage"`, ""},
		{"no challenge", 403, ``, ""},
		{"not a 403", 401, `Bearer error="insufficient_scope", scope="okta.apps.manage"`, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			m := newAppMock(t, func(*http.Request) *http.Response {
				if tc.challenge == "" {
					return appJSON(tc.status, forbidden)
				}
				return appJSON(tc.status, forbidden, "WWW-Authenticate", tc.challenge)
			})
			_, _, err := m.client.ApplicationAPI.GetApplication(context.Background(), okta.GetApplicationRequest{AppID: "0oa1"})
			oe := requireOktaError(t, err)
			assert.Equal(t, tc.want, oe.RequiredScope)
			if tc.want != "" {
				assert.True(t, strings.HasSuffix(err.Error(), "(the access token lacks the scope "+tc.want+")"), err.Error())
			} else {
				assert.NotContains(t, err.Error(), "lacks the scope")
			}
		})
	}
	assert.Equal(t, "okta: 403 Forbidden: E0000006 (the access token lacks the scope okta.apps.manage)",
		(&okta.Error{StatusCode: 403, ErrorCode: "E0000006", RequiredScope: "okta.apps.manage"}).Error())
}

// Error() is bounded and escaped whatever the server sends: a 60 KB summary,
// many long causes, CR/LF (log forging), ESC (terminal escapes) and bidi
// overrides come out as one short line.
func TestErrorMessageBoundedAndEscaped(t *testing.T) {
	t.Parallel()
	forged := "bad\r\nlevel=ERROR msg=forged \x1b[31mred\x1b[0m \u202eevil\u0000"
	var causes []string
	for i := range 20 {
		causes = append(causes, fmt.Sprintf(`{"errorSummary":%s}`, jsonText(fmt.Sprint(i)+forged+strings.Repeat("c", 1<<10))))
	}
	body := fmt.Sprintf(`{"errorCode":%s,"errorSummary":%s,"errorCauses":[%s]}`,
		jsonText("E1\x1b[2J"+strings.Repeat("e", 500)), jsonText(forged+strings.Repeat("s", 30<<10)), strings.Join(causes, ","))
	require.Less(t, len(body), 64<<10, "within the error body's cap, so that it is parsed")
	org := newRecorder(t, func(int, *http.Request) (*http.Response, error) {
		return relJSON(400, body, "X-Okta-Request-Id", "req\x1b[1m"+strings.Repeat("r", 300)), nil
	})
	var oe *okta.Error
	_, _, err := org.client().ApplicationAPI.GetApplication(context.Background(), okta.GetApplicationRequest{AppID: "0oa1"})
	require.ErrorAs(t, err, &oe)
	msg := err.Error()
	assert.Less(t, len(msg), 3<<10, "bounded")
	for _, bad := range []string{"\r", "\n", "\x1b", "\u202e", "\x00"} {
		assert.NotContains(t, msg, bad)
	}
	assert.Contains(t, msg, `\x1b[31mred`, "escaped, not dropped")
	assert.Contains(t, msg, `\u202e`)
	assert.Contains(t, msg, "and 15 more")
	assert.True(t, utf8.ValidString(msg))
	// The same text from a body that is not JSON.
	org = newRecorder(t, func(int, *http.Request) (*http.Response, error) {
		return relJSON(502, forged+strings.Repeat("b", 60<<10)), nil
	})
	_, _, err = org.client(okta.WithMaxRetries(0)).ApplicationAPI.GetApplication(context.Background(), okta.GetApplicationRequest{AppID: "0oa1"})
	msg = requireError(t, err).Error()
	assert.Less(t, len(msg), 512)
	for _, bad := range []string{"\r", "\n", "\x1b", "\u202e", "\x00"} {
		assert.NotContains(t, msg, bad)
	}
}

// jsonText is s as a JSON string.
func jsonText(s string) string {
	b, err := json.Marshal(s)
	if err != nil {
		panic(err)
	}
	return string(b)
}

// What a server echoes back never reaches an error or a log record: the
// client's own API token, wherever it is, and the shapes of secrets (an
// Authorization header, a JWT, a client secret, a provisioning token, a
// cursor), in Okta's error document and in a body that is not one.
func TestErrorAndLogScrubSecrets(t *testing.T) {
	t.Parallel()
	const jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIwb2ExIn0.c2lnbmF0dXJlLXNlY3JldA"
	echo := "you sent Authorization: SSWS " + testToken + " and " + testToken + ", Bearer " + jwt +
		" client_secret=cs-SECRET-1 after=cursor-SECRET-2 password=pw-SECRET-3"
	docs := map[string]string{
		"document": fmt.Sprintf(`{"errorCode":"E0000011","errorSummary":%s,"errorCauses":[{"errorSummary":%s}]}`,
			jsonText(echo), jsonText(`{"token":"prov-SECRET-4","client_secret":"cs-SECRET-5"}`)),
		"not JSON": echo + ` {"token":"prov-SECRET-4"}`,
	}
	for name, doc := range docs {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			rec := &relRecords{}
			org := newRecorder(t, func(int, *http.Request) (*http.Response, error) { return relJSON(401, doc), nil })
			client := org.client(okta.WithLogger(slog.New(rec)))
			_, _, err := client.ApplicationAPI.GetApplication(context.Background(), okta.GetApplicationRequest{AppID: "0oa1"})
			oe := requireOktaError(t, err)
			_, logged := rec.all()
			fields := oe.ErrorSummary + oe.ErrorCode + string(oe.Body)
			for _, c := range oe.ErrorCauses {
				fields += c.ErrorSummary
			}
			assert.NotContains(t, fields, testToken, "the token is not kept in the error's fields")
			for _, out := range []string{err.Error(), fmt.Sprintf("%+v", err), logged, string(oe.Body)} {
				assertNoSecret(t, out)
				for _, s := range []string{jwt[:20], "SECRET-"} {
					assert.NotContains(t, out, s)
				}
				assert.Contains(t, out, "[REDACTED]")
			}
		})
	}
}

// A 2xx body of JSON null where an object or a list is expected is an error:
// an *okta.Error that unwraps to a *okta.TypeError whose Got is "null".
func TestNullResultIsTypeError(t *testing.T) {
	t.Parallel()
	for _, body := range []string{`null`, " null \n"} {
		org := newRecorder(t, func(int, *http.Request) (*http.Response, error) { return relJSON(200, body), nil })
		c := org.client()
		app, _, err := c.ApplicationAPI.GetApplication(context.Background(), okta.GetApplicationRequest{AppID: "0oa1"})
		assert.Nil(t, app)
		requireOktaError(t, err)
		var te *okta.TypeError
		require.ErrorAs(t, err, &te)
		assert.Equal(t, "null", te.Got)
		assert.Equal(t, "okta.Application", te.Want)
		apps, _, err := c.ApplicationAPI.ListApplications(context.Background(), okta.ListApplicationsRequest{})
		assert.Nil(t, apps)
		require.ErrorAs(t, err, &te)
		assert.Equal(t, "[]okta.Application", te.Want)
		assert.Len(t, org.requests(), 2, "not retried")
	}
}
