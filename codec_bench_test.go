package okta

import (
	"encoding/json"
	"fmt"
	"runtime"
	"strings"
	"testing"
)

// benchPage is a page of 200 OpenID Connect apps shaped like Okta's (~2.5 KB
// each).
func benchPage() []byte {
	const app = `{"id":"0oa%06dHTtdX","name":"oidc_client","label":"My app %d","status":"ACTIVE","lastUpdated":"2026-11-23T09:28:32.000Z","created":"2026-11-23T09:28:32.000Z","accessibility":{"selfService":false,"errorRedirectUrl":null,"loginRedirectUrl":null},"visibility":{"autoSubmitToolbar":false,"hide":{"iOS":true,"web":true},"appLinks":{"oidc_client_link":true}},"features":[],"signOnMode":"OPENID_CONNECT","credentials":{"userNameTemplate":{"template":"${source.login}","type":"BUILT_IN"},"signing":{"kid":"uWfdUwAT7Tz82jC-wKWnehE6aunaZRHKnUoKoCHzfEY"},"oauthClient":{"autoKeyRotation":true,"client_id":"0oa%06dHTtdX","client_secret":"jqfUIsv2JMmdRdkmTG8RiByjwgcZtk9qM3KswoMm","token_endpoint_auth_method":"client_secret_basic","pkce_required":false}},"settings":{"app":{},"notifications":{"vpn":{"network":{"connection":"DISABLED"},"message":null,"helpUrl":null}},"manualProvisioning":false,"implicitAssignment":false,"notes":{"admin":null,"enduser":null},"oauthClient":{"client_uri":null,"logo_uri":null,"redirect_uris":["https://example.com/callback","https://example.com/cb2"],"post_logout_redirect_uris":["https://example.com"],"response_types":["code"],"grant_types":["authorization_code","refresh_token"],"application_type":"web","consent_method":"REQUIRED","issuer_mode":"DYNAMIC","idp_initiated_login":{"mode":"DISABLED","default_scope":[]},"wildcard_redirect":"DISABLED","dpop_bound_access_tokens":false}},"_links":{"appLinks":[{"name":"oidc_client_link","href":"https://dev-123456.okta.com/home/oidc_client/0oa%06dHTtdX/aln177a159h7Zf52X0g8","type":"text/html"}],"groups":{"href":"https://dev-123456.okta.com/api/v1/apps/0oa%06dHTtdX/groups"},"logo":[{"name":"medium","href":"https://ok12static.oktacdn.com/assets/img/logos/default.6770228fb0dab49a1695ef440a5279bb.png","type":"image/png"}],"users":{"href":"https://dev-123456.okta.com/api/v1/apps/0oa%06dHTtdX/users"},"deactivate":{"href":"https://dev-123456.okta.com/api/v1/apps/0oa%06dHTtdX/lifecycle/deactivate"}}}`
	var b strings.Builder
	b.WriteString("[")
	for i := range 200 {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, app, i, i, i, i, i, i, i)
	}
	b.WriteString("]")
	return []byte(b.String())
}

// benchTokenPage is a page of 200 API tokens shaped like Okta's (~600 bytes
// each): mostly _links, network and three timestamps.
func benchTokenPage() []byte {
	const tok = `{"name":"Terraform %04d","userId":"00u%06dHTtdXabcdef","tokenWindow":"P30D","id":"00T%06dHTtdXabcdef","clientName":"Okta API","expiresAt":"2026-11-23T09:28:32.000Z","created":"2025-10-01T08:01:02.000Z","lastUpdated":"2026-11-23T09:28:32.000Z","network":{"connection":"ANYWHERE","include":[],"exclude":[]},"_links":{"self":{"href":"https://dev-123456.okta.com/api/v1/api-tokens/00T%06dHTtdXabcdef","hints":{"allow":["GET","DELETE"]}},"user":{"href":"https://dev-123456.okta.com/api/v1/users/00u%06dHTtdXabcdef","hints":{"allow":["GET"]}}}}`
	var b strings.Builder
	b.WriteString("[")
	for i := range 200 {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, tok, i, i, i, i, i)
	}
	b.WriteString("]")
	return []byte(b.String())
}

// BenchmarkDecodePage compares the codec with encoding/json on one page of
// apps and one of API tokens: into the lossless models, and into the few
// fields a hand-written loop reads.
func BenchmarkDecodePage(b *testing.B) {
	type smallApp struct {
		ID, Name, Label, Status, SignOnMode string
	}
	type smallToken struct {
		ID     string `json:"id"`
		Name   string `json:"name"`
		UserID string `json:"userId"`
	}
	benchDecode[Application, smallApp](b, "apps", benchPage())
	benchDecode[ApiToken, smallToken](b, "tokens", benchTokenPage())
}

func benchDecode[Model, Small any](b *testing.B, name string, page []byte) {
	b.Run("page="+name+"/codec=okta", func(b *testing.B) {
		b.SetBytes(int64(len(page)))
		for b.Loop() {
			var items []Model
			if err := unmarshal(page, &items); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("page="+name+"/codec=encoding-json-small", func(b *testing.B) {
		b.SetBytes(int64(len(page)))
		for b.Loop() {
			var items []Small
			if err := json.Unmarshal(page, &items); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkDecodeAllocPerByte reports the bytes a decode allocates per byte
// of the body (B/op divided by the body's size, as "alloc/byte"), for Okta's
// own pages and for hostile bodies: the budget holds it at most 16.
func BenchmarkDecodeAllocPerByte(b *testing.B) {
	bodies := hostileBodies()
	for _, name := range []string{"a real page", "a million {} in jwks.keys", "nulls in a list", "empty objects in a profile", "many unknown members"} {
		body := bodies[name]
		b.Run("body="+strings.ReplaceAll(name, " ", "_"), func(b *testing.B) {
			b.SetBytes(int64(len(body)))
			b.ReportAllocs()
			var total uint64
			for b.Loop() {
				total += bytesAllocated1(func() {
					if body[0] == '[' {
						var apps []Application
						_ = unmarshal(body, &apps)
					} else {
						var app Application
						_ = unmarshal(body, &app)
					}
				})
			}
			b.ReportMetric(float64(total)/float64(b.N)/float64(len(body)), "alloc/byte")
		})
	}
}

// bytesAllocated1 returns what one run of decode allocated.
func bytesAllocated1(decode func()) uint64 {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	decode()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// BenchmarkDecodeManyMembers decodes one object of 80 000 unknown members,
// with this codec (which keeps every one) and with encoding/json into the
// same struct (which drops them), side by side: a quadratic decode took
// 8.4 s here.
func BenchmarkDecodeManyMembers(b *testing.B) {
	body := manyMembers(80_000)
	b.Run("codec=okta", func(b *testing.B) {
		b.SetBytes(int64(len(body)))
		for b.Loop() {
			var tok ApiToken
			if err := unmarshal(body, &tok); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("codec=encoding-json", func(b *testing.B) {
		type plain struct {
			ID   string `json:"id"`
			Name string `json:"name"`
		}
		b.SetBytes(int64(len(body)))
		for b.Loop() {
			var tok plain
			if err := json.Unmarshal(body, &tok); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkEncodeApplication encodes a decoded app as the SDK sends it.
func BenchmarkEncodeApplication(b *testing.B) {
	var apps []Application
	if err := unmarshal(benchPage(), &apps); err != nil {
		b.Fatal(err)
	}
	app := &apps[0]
	for b.Loop() {
		if _, err := marshal(app); err != nil {
			b.Fatal(err)
		}
	}
}
