package okta_test

// The 2026 spec's 82 operations, as testdata/ops-2026.tsv lists them, each
// have a Go method that sends the operation's method to the operation's path
// and accepts its success status, and a test of their exact request.

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gatekit/okta"
)

// specOperation is one row of testdata/ops-2026.tsv (a copy of
// shared/spec/ops-2026.tsv: Okta's 2026 spec, 82 operations).
type specOperation struct {
	ID        string // operationId
	Method    string
	Path      string // template, such as /api/v1/apps/{appId}
	Status    int    // the spec's success status
	NoBody    bool   // the success has no body
	Paged     bool   // the operation takes an after cursor
	Lifecycle string // GA, EA, LIMITED_GA, or "" (assignUserToApplication)
	ID2022    string // the operationId in the 2022 spec, "" for an operation added since
}

// GoName is the name of the operation's method: the 2022 operationId of the
// 45 operations both specs have (five were renamed since, and keep their
// names), else the operationId with its first letter upper-cased, but for the
// two the spec spells irregularly.
func (op specOperation) GoName() string {
	id := op.ID
	if op.ID2022 != "" {
		id = op.ID2022
	}
	switch id {
	case "deletejwk":
		return "DeleteJwk"
	case "previewSAMLmetadataForApplication":
		return "PreviewSAMLMetadataForApplication"
	}
	return string(unicode.ToUpper(rune(id[0]))) + id[1:]
}

func readSpecOperations(t *testing.T) []specOperation {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "ops-2026.tsv"))
	require.NoError(t, err)
	defer f.Close()
	var ops []specOperation
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	header := true
	for sc.Scan() {
		if header { // tag operationId method path request_body success_responses query_params header_params error_statuses x-okta-lifecycle in_2022
			header = false
			continue
		}
		cols := strings.Split(sc.Text(), "\t")
		require.Len(t, cols, 11, "line %q", sc.Text())
		success, _, _ := strings.Cut(cols[5], " ")
		status, err := strconv.Atoi(success)
		require.NoError(t, err, "success %q", cols[5])
		op := specOperation{ID: cols[1], Method: cols[2], Path: cols[3], Status: status,
			NoBody: strings.Contains(cols[5], "(no body)"), Lifecycle: cols[9],
			Paged: strings.HasPrefix(cols[6], "after:") || strings.Contains(cols[6], ", after:")}
		if old, ok := strings.CutPrefix(cols[10], "yes:"); ok {
			op.ID2022, _, _ = strings.Cut(old, " ")
		}
		ops = append(ops, op)
	}
	require.NoError(t, sc.Err())
	return ops
}

// testedElsewhere are the operations whose request is checked by a test of
// their own rather than by an opCase table (or, for the API token operations,
// by the httptest-based tests of api_api_token_test.go).
var testedElsewhere = map[string]string{
	"publishCsrFromApplication": "TestPublishCsrFromApplication",
	"uploadApplicationLogo":     "TestUploadApplicationLogo",
	"getApiToken":               "TestGetApiToken",
	"listApiTokens":             "TestListApiTokens",
	"revokeApiToken":            "TestRevokeApiToken",
	"revokeCurrentApiToken":     "TestRevokeCurrentApiToken",
}

func TestSpecCoverage(t *testing.T) {
	ops := readSpecOperations(t)
	require.Len(t, ops, 82, "the 2026 spec has 82 operations")
	ids, routes := map[string]bool{}, map[string]bool{}
	for _, op := range ops {
		assert.False(t, ids[op.ID], "%s listed twice", op.ID)
		assert.False(t, routes[op.Method+" "+op.Path], "%s %s listed twice", op.Method, op.Path)
		ids[op.ID], routes[op.Method+" "+op.Path] = true, true
	}
	tested := appTestedOperations(t)

	apiTypes := []reflect.Type{reflect.TypeFor[*okta.ApplicationAPI](), reflect.TypeFor[*okta.ApiTokenAPI]()}
	goNames := map[string]bool{}
	for _, op := range ops {
		goName := op.GoName()
		goNames[goName] = true
		t.Run(op.ID, func(t *testing.T) {
			var recvType reflect.Type
			var meth reflect.Method
			for _, at := range apiTypes {
				if m, ok := at.MethodByName(goName); ok {
					recvType, meth = at, m
				}
			}
			require.NotNil(t, recvType, "operation %s has no Go method %s", op.ID, goName)
			assert.True(t, tested[op.ID] || tested[appOperationID(goName)],
				"operation %s (%s) has no test: no opCase named for it, and no test of its own", op.ID, goName)
			require.Equal(t, 3, meth.Type.NumIn(), "%s(ctx, req)", goName)
			reqType := meth.Type.In(2)
			assert.Equal(t, goName+"Request", reqType.Name())
			if op.NoBody {
				assert.Equal(t, 2, meth.Type.NumOut(), "%s has no result body: (*Response, error)", goName)
			} else {
				assert.Equal(t, 3, meth.Type.NumOut(), "%s returns (result, *Response, error)", goName)
			}
			if op.Paged {
				_, ok := recvType.MethodByName(goName + "All")
				assert.True(t, ok, "%s pages with after, and has no %sAll", op.ID, goName)
			}

			m := newAppMock(t, func(*http.Request) *http.Response {
				switch {
				case op.NoBody:
					return appJSON(op.Status, "")
				case meth.Type.Out(0).Kind() == reflect.Slice:
					return appJSON(op.Status, "[]")
				}
				return appJSON(op.Status, "{}")
			})
			req := appFillRequest(t, reqType)
			recv := map[reflect.Type]any{apiTypes[0]: m.client.ApplicationAPI, apiTypes[1]: m.client.ApiTokenAPI}[recvType]
			_, err := appInvoke(recv, goName, req)
			require.NoError(t, err, "%s answered %d", goName, op.Status)
			r := m.only()
			assert.Equal(t, op.Method, r.Method, "method")
			assert.Equal(t, op.Path, appPathTemplate(t, r.Path, req), "path")
		})
	}

	// The other way round: every exported method is an operation, or the
	// ...All iterator of a list operation.
	for _, at := range apiTypes {
		for i := range at.NumMethod() {
			name := at.Method(i).Name
			if base, ok := strings.CutSuffix(name, "All"); ok && goNames[base] {
				assert.True(t, strings.HasPrefix(base, "List") || strings.HasPrefix(base, "GetAll"), "%s walks %s, which is not a list", name, base)
				continue
			}
			assert.True(t, goNames[name], "method %s is not an operation of the spec", name)
		}
	}
}

// appTestedOperations lists the operations that have a test: an opCase of a
// table named for them (its name up to "/"), or the test of their own named
// in testedElsewhere, which must exist.
func appTestedOperations(t *testing.T) map[string]bool {
	t.Helper()
	tested := map[string]bool{}
	for _, c := range appOpTables(t) {
		name, _, _ := strings.Cut(c.opName(), "/")
		tested[name] = true
	}
	files, err := filepath.Glob("*_test.go")
	require.NoError(t, err)
	var src strings.Builder
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		src.Write(b)
	}
	for id, test := range testedElsewhere {
		if assert.Contains(t, src.String(), "\nfunc "+test+"(t *testing.T) {", "%s is tested by %s", id, test) {
			tested[id] = true
		}
	}
	return tested
}

// appSpecName is the spec's name of a request field: AppID -> appId,
// ApiTokenID -> apiTokenId, TargetAid -> targetAid, and Name -> featureName
// (the one field named otherwise than its parameter, by API.md).
func appSpecName(field string) string {
	if field == "Name" {
		return "featureName"
	}
	if base, ok := strings.CutSuffix(field, "ID"); ok {
		field = base + "Id"
	}
	return string(unicode.ToLower(rune(field[0]))) + field[1:]
}

// appQueryIDs are the request fields named like ids that are query
// parameters, not path parameters.
var appQueryIDs = map[string]bool{"RequestingAppID": true, "ResourceAppID": true, "SourceGroupID": true}

// appPathFields lists a request type's path parameter fields.
func appPathFields(reqType reflect.Type) []string {
	var names []string
	for i := range reqType.NumField() {
		f := reqType.Field(i)
		if f.Type.Kind() == reflect.String && !appQueryIDs[f.Name] &&
			(strings.HasSuffix(f.Name, "ID") || f.Name == "Name" || f.Name == "AppName") {
			names = append(names, f.Name)
		}
	}
	return names
}

// appFillRequest returns a request of type reqType that every operation
// accepts: ids, names and TargetAid set to placeholders ("ph-<field>"), every
// body a zero value of its type, a certificate and a logo.
func appFillRequest(t testing.TB, reqType reflect.Type) reflect.Value {
	t.Helper()
	v := reflect.New(reqType).Elem()
	for i := range reqType.NumField() {
		f := reqType.Field(i)
		fv := v.Field(i)
		switch {
		case f.Type.Kind() == reflect.String && (strings.HasSuffix(f.Name, "ID") || f.Name == "Name" ||
			f.Name == "AppName" || f.Name == "TargetAid" || f.Name == "Kid"):
			fv.SetString("ph-" + f.Name)
		case f.Type.Kind() == reflect.Pointer && f.Type.Elem().Kind() == reflect.Struct:
			fv.Set(reflect.New(f.Type.Elem()))
		case f.Name == "Certificate":
			fv.SetBytes(appCertDER())
		case f.Name == "File" && f.Type == reflect.TypeFor[io.Reader]():
			fv.Set(reflect.ValueOf(bytes.NewReader(appPNG(t))))
		}
	}
	return v
}

// appOperationID is the operationId of a Go method: its name with the first
// letter lower-cased, but for the two the spec spells irregularly.
func appOperationID(method string) string {
	switch method {
	case "DeleteJwk":
		return "deletejwk"
	case "PreviewSAMLMetadataForApplication":
		return "previewSAMLmetadataForApplication"
	}
	return string(unicode.ToLower(rune(method[0]))) + method[1:]
}

// appPathTemplate turns a sent path back into its template: each segment that
// is a placeholder of req becomes {specName}.
func appPathTemplate(t testing.TB, path string, req reflect.Value) string {
	t.Helper()
	placeholders := map[string]string{}
	for _, name := range appPathFields(req.Type()) {
		placeholders[req.FieldByName(name).String()] = "{" + appSpecName(name) + "}"
	}
	segs := strings.Split(path, "/")
	for i, s := range segs {
		u, err := url.PathUnescape(s)
		require.NoError(t, err)
		if p, ok := placeholders[u]; ok {
			segs[i] = p
		}
	}
	return strings.Join(segs, "/")
}

// appInvoke calls api's method name with a background context and req. An
// iterator is walked until its first error or its end. It returns the result
// (nil for operations without one) and the error.
func appInvoke(api any, name string, req reflect.Value) (any, error) {
	out := reflect.ValueOf(api).MethodByName(name).Call([]reflect.Value{reflect.ValueOf(context.Background()), req})
	if len(out) == 1 && out[0].Kind() == reflect.Func { // iter.Seq2[*T, error]
		var first error
		yield := reflect.MakeFunc(out[0].Type().In(0), func(args []reflect.Value) []reflect.Value {
			if !args[1].IsNil() {
				first = args[1].Interface().(error)
				return []reflect.Value{reflect.ValueOf(false)}
			}
			return []reflect.Value{reflect.ValueOf(true)}
		})
		out[0].Call([]reflect.Value{yield})
		return nil, first
	}
	var err error
	if last := out[len(out)-1]; !last.IsNil() {
		err = last.Interface().(error)
	}
	if len(out) == 3 {
		return out[0].Interface(), err
	}
	return nil, err
}

// TestReadmeListsEveryOperation: the README's operation table and migration
// table have a row for each operation, naming its current operationId and the
// Go method, so that they cannot drift from the code.
func TestReadmeListsEveryOperation(t *testing.T) {
	b, err := os.ReadFile("README.md")
	require.NoError(t, err)
	readme := string(b)
	for _, op := range readSpecOperations(t) {
		recv := "ApplicationAPI"
		if strings.HasPrefix(op.Path, "/api/v1/api-tokens") {
			recv = "ApiTokenAPI"
		}
		goMethod := "`" + recv + "." + op.GoName() + "`"
		assert.Regexp(t, `(?m)^\| `+regexp.QuoteMeta(op.ID)+`[ |].*\| `+regexp.QuoteMeta(goMethod), readme,
			"the operation table has no row for %s", op.ID)
		v6 := "API." + string(unicode.ToUpper(rune(op.ID[0]))) + op.ID[1:] + "`"
		assert.Regexp(t, `(?m)^\| `+"`"+`\w+`+regexp.QuoteMeta(v6)+` \| `+op.Method+" `"+regexp.QuoteMeta(op.Path)+"` \\| "+regexp.QuoteMeta(goMethod)+` \|$`, readme,
			"the migration table has no row for %s", op.ID)
	}
}
