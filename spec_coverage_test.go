package okta_test

// The spec's 45 operations, as testdata/operations.tsv lists them, each have a
// Go method that sends the operation's method to the operation's path and
// accepts its success status.

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
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gatekit/okta"
)

// specOperation is one row of testdata/operations.tsv.
type specOperation struct {
	ID     string // operationId
	Method string
	Path   string // template, such as /api/v1/apps/{appId}
	Status int    // the spec's success status
}

func readSpecOperations(t *testing.T) []specOperation {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "operations.tsv"))
	require.NoError(t, err)
	defer f.Close()
	var ops []specOperation
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		require.Len(t, cols, 4, "line %q", line)
		status, err := strconv.Atoi(cols[3])
		require.NoError(t, err)
		ops = append(ops, specOperation{ID: cols[0], Method: cols[1], Path: cols[2], Status: status})
	}
	require.NoError(t, sc.Err())
	return ops
}

// emptySuccess are the operations whose success has no body although the spec
// answers 200 or 201 (the 204s are the others).
var emptySuccess = map[string]bool{"activateApplication": true, "deactivateApplication": true, "uploadApplicationLogo": true}

func TestSpecCoverage(t *testing.T) {
	ops := readSpecOperations(t)
	require.Len(t, ops, 45, "the spec has 45 operations")
	ids, routes := map[string]bool{}, map[string]bool{}
	for _, op := range ops {
		assert.False(t, ids[op.ID], "%s listed twice", op.ID)
		assert.False(t, routes[op.Method+" "+op.Path], "%s %s listed twice", op.Method, op.Path)
		ids[op.ID], routes[op.Method+" "+op.Path] = true, true
	}

	apiTypes := []reflect.Type{reflect.TypeFor[*okta.ApplicationAPI](), reflect.TypeFor[*okta.ApiTokenAPI]()}
	for _, op := range ops {
		t.Run(op.ID, func(t *testing.T) {
			goName := string(unicode.ToUpper(rune(op.ID[0]))) + op.ID[1:]
			var recvType reflect.Type
			var meth reflect.Method
			for _, at := range apiTypes {
				if m, ok := at.MethodByName(goName); ok {
					recvType, meth = at, m
				}
			}
			require.NotNil(t, recvType, "operation %s has no Go method %s", op.ID, goName)
			require.Equal(t, 3, meth.Type.NumIn(), "%s(ctx, req)", goName)
			reqType := meth.Type.In(2)
			assert.Equal(t, goName+"Request", reqType.Name())
			if op.Status == http.StatusNoContent || emptySuccess[op.ID] {
				assert.Equal(t, 2, meth.Type.NumOut(), "%s has no result body: (*Response, error)", goName)
			} else {
				assert.Equal(t, 3, meth.Type.NumOut(), "%s returns (result, *Response, error)", goName)
			}

			m := newAppMock(t, func(*http.Request) *http.Response {
				switch {
				case op.Status == http.StatusNoContent || emptySuccess[op.ID]:
					return appJSON(op.Status, "")
				case strings.HasPrefix(op.ID, "list"):
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
			id := string(unicode.ToLower(rune(name[0]))) + name[1:]
			if base, ok := strings.CutSuffix(id, "All"); ok && strings.HasPrefix(base, "list") {
				assert.True(t, ids[base], "%s walks %s, which the spec does not have", name, base)
				continue
			}
			assert.True(t, ids[id], "method %s is not an operation of the spec", name)
		}
	}
	// And every list operation has its iterator.
	for _, op := range ops {
		if strings.HasPrefix(op.ID, "list") {
			goName := string(unicode.ToUpper(rune(op.ID[0]))) + op.ID[1:] + "All"
			_, inApp := apiTypes[0].MethodByName(goName)
			_, inTok := apiTypes[1].MethodByName(goName)
			assert.True(t, inApp || inTok, "%s has no %s", op.ID, goName)
		}
	}
}

// appSpecName is the spec's name of a request field: AppID -> appId,
// ApiTokenID -> apiTokenId, Name -> name, TargetAid -> targetAid.
func appSpecName(field string) string {
	if base, ok := strings.CutSuffix(field, "ID"); ok {
		field = base + "Id"
	}
	return string(unicode.ToLower(rune(field[0]))) + field[1:]
}

// appPathFields lists a request type's path parameter fields.
func appPathFields(reqType reflect.Type) []string {
	var names []string
	for i := range reqType.NumField() {
		f := reqType.Field(i)
		if f.Type.Kind() == reflect.String && (strings.HasSuffix(f.Name, "ID") || f.Name == "Name") {
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
		case f.Type.Kind() == reflect.String && (strings.HasSuffix(f.Name, "ID") || f.Name == "Name" || f.Name == "TargetAid"):
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
