package okta_test

// Fuzzers for what a server controls: error bodies and application documents
// (Link headers: FuzzParseLinks, in link_header_test.go). Seeds are in
// testdata/fuzz/<FuzzName>/; run one with
//
//	go test -run='^$' -fuzz='^FuzzErrorDecode$' -fuzztime=30s .

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/gatekit/okta"
)

// fuzzErrStatuses are the statuses FuzzErrorDecode answers with.
var fuzzErrStatuses = []int{400, 401, 403, 404, 405, 409, 429, 500, 502, 503}

// FuzzErrorDecode sends arbitrary bytes as the body of an error answer
// through the client: the result is always an *okta.Error with the status,
// the body as read (at most 64 KiB, secrets redacted), errors.Is agreeing with the status, and
// a message no longer than the body can account for.
func FuzzErrorDecode(f *testing.F) {
	f.Add(uint8(0), []byte(`{"errorCode":"E0000001","errorSummary":"Api validation failed: label","errorLink":"E0000001","errorId":"oaeX","errorCauses":[{"errorSummary":"label: The field cannot be left blank"}]}`))
	var body []byte
	var status int
	rt := roundTripFunc(func(r *http.Request) (*http.Response, error) {
		return &http.Response{StatusCode: status, Header: http.Header{"X-Okta-Request-Id": {"req-fuzz"}},
			Body: io.NopCloser(bytes.NewReader(body)), ContentLength: int64(len(body)), Request: r}, nil
	})
	client := newClient(f, "https://fuzz.okta.com", okta.WithHTTPClient(&http.Client{Transport: rt}), okta.WithMaxRetries(0), okta.WithProactiveRateLimit(false))
	f.Fuzz(func(t *testing.T, which uint8, data []byte) {
		body, status = data, fuzzErrStatuses[int(which)%len(fuzzErrStatuses)]
		_, _, err := client.ApplicationAPI.GetApplication(context.Background(), okta.GetApplicationRequest{AppID: "0oa1"})
		var oe *okta.Error
		if !errors.As(err, &oe) {
			t.Fatalf("not an *okta.Error: %T %v", err, err)
		}
		if oe.StatusCode != status || oe.RequestID != "req-fuzz" {
			t.Fatalf("status %d, request id %q", oe.StatusCode, oe.RequestID)
		}
		want := data
		if len(want) > 64<<10 {
			want = want[:64<<10]
		}
		// Body is the body read, but for secrets replaced by [REDACTED] (a
		// run of 42 token characters starting 00 is an Okta API token).
		if !bytes.Equal(oe.Body, want) && !bytes.Contains(oe.Body, []byte("[REDACTED]")) {
			t.Fatalf("Body is not the body read")
		}
		if errors.Is(err, okta.ErrNotFound) != (status == 404) || errors.Is(err, okta.ErrRateLimited) != (status == 429) ||
			errors.Is(err, okta.ErrInvalidRequest) != (status == 400) {
			t.Fatalf("errors.Is disagrees with status %d", status)
		}
		// Okta's fields are shown as sent, and invalid UTF-8 may be
		// widened to U+FFFD (3 bytes per byte): that bounds the message.
		if msg := err.Error(); len(msg) > 3*len(want)+512 {
			t.Fatalf("message of %d bytes for a body of %d", len(msg), len(want))
		}
	})
}

// codecSeeds are documents that once broke the codec's promises: null
// elements, repeated members, the deepest nesting allowed, odd strings.
var codecSeeds = []string{
	`{"label":5,"label":""}`,
	`{"label":"","label":5,"label":null}`,
	`{"features":["PUSH_NEW_USERS",null]}`,
	`{"visibility":{"appLinks":{"x":null}}}`,
	`{"settings":{"oauthClient":{"redirect_uris":[null],"jwks":{"keys":[{},null,{"kid":1}]}}}}`,
	`{"x":1,"x":2,"y":{"z":[null,{}]}}`,
	`{"created":"2021-11-09T21:38:10+01:00","created":5}`,
	"{\"name\":\"\xff\\ud800\"}",
	`{"profile":` + strings.Repeat("[", 9998) + strings.Repeat("]", 9998) + `}`,
	` {"id" : "a" } `,
}

// FuzzApplicationRoundTrip: decoding an Application never panics and fails
// only with a *SyntaxError or *TypeError, and never for a JSON object that
// encoding/json accepts; what decodes encodes to valid JSON, and decode →
// encode → decode → encode gives the same bytes twice.
func FuzzApplicationRoundTrip(f *testing.F) {
	f.Add([]byte(relAppJSON))
	for _, s := range codecSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		stableRoundTrip[okta.Application](t, data)
	})
}

// stableRoundTrip decodes data into a T with the SDK's decoder, as a response
// body meets it, failing t unless a refusal is a *SyntaxError or *TypeError of
// something encoding/json refuses too (or that is not an object), and unless
// what decodes encodes (as the SDK sends it) to valid JSON that decodes and
// encodes to the same bytes again. It returns the first encoding, nil if data
// was refused.
func stableRoundTrip[T any, PT interface {
	*T
	json.Unmarshaler
}](t *testing.T, data []byte) []byte {
	t.Helper()
	var v T
	if err := PT(&v).UnmarshalJSON(data); err != nil {
		var se *okta.SyntaxError
		var te *okta.TypeError
		if !errors.As(err, &se) && !errors.As(err, &te) {
			t.Fatalf("decode error of an unexpected type %T: %v", err, err)
		}
		if json.Valid(data) && bytes.HasPrefix(bytes.TrimLeft(data, " \t\r\n"), []byte("{")) {
			t.Fatalf("refused a JSON object that encoding/json accepts: %v", err)
		}
		return nil
	}
	out1, err := okta.MarshalWire(v)
	if err != nil {
		t.Fatalf("encoding a decoded %T: %v", v, err)
	}
	if !json.Valid(out1) {
		t.Fatalf("encoded %T is not valid JSON: %s", v, out1)
	}
	var v2 T
	if err := PT(&v2).UnmarshalJSON(out1); err != nil {
		t.Fatalf("decoding %s: %v", out1, err)
	}
	out2, err := okta.MarshalWire(v2)
	if err != nil {
		t.Fatalf("encoding again: %v", err)
	}
	if !bytes.Equal(out1, out2) {
		t.Fatalf("not stable:\n first: %s\nsecond: %s", out1, out2)
	}
	return out1
}
