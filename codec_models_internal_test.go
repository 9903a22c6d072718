package okta

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gatekit/okta/internal/genhooks"
)

// The generated hooks are current: a model added, renamed or removed without
// `go generate ./...` fails here (and CI's `git diff --exit-code` after
// go generate).
func TestGeneratedHooksCurrent(t *testing.T) {
	t.Parallel()
	want, err := genhooks.Generate(".")
	require.NoError(t, err)
	got, err := os.ReadFile(genhooks.OutputFile)
	require.NoError(t, err)
	assert.True(t, bytes.Equal(want, got), "%s is stale: run go generate ./...", genhooks.OutputFile)
}

// Every exported struct type of the package whose fields carry json tags is a
// model: it embeds wire (without it, encoding/json would drop unknown members
// and write zero values), and it has at most 64 declared fields.
func TestModelsEmbedWire(t *testing.T) {
	t.Parallel()
	names, err := filepath.Glob("*.go")
	require.NoError(t, err)
	fset := token.NewFileSet()
	var checked int
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
		require.NoError(t, err)
		ast.Inspect(f, func(n ast.Node) bool {
			ts, ok := n.(*ast.TypeSpec)
			if !ok || !ts.Name.IsExported() {
				return true
			}
			if st, ok := ts.Type.(*ast.StructType); ok && hasJSONTags(st) {
				checked++
				assert.True(t, genhooks.EmbedsWire(st), "%s (%s) has json tags but does not embed wire", ts.Name.Name, fset.Position(ts.Pos()))
			}
			return true
		})
	}
	assert.Greater(t, checked, 50, "the walk found the models")
}

// hasJSONTags reports whether a field of st has a json tag.
func hasJSONTags(st *ast.StructType) bool {
	for _, f := range st.Fields.List {
		if f.Tag != nil && strings.Contains(f.Tag.Value, `json:"`) {
			return true
		}
	}
	return false
}

// Every model in the generated registry has a plan within the field limit,
// and the three hooks, so that encoding/json, fmt and slog reach the codec.
func TestModelsHaveHooks(t *testing.T) {
	t.Parallel()
	require.NotEmpty(t, wireModels)
	for _, m := range wireModels {
		typ := reflect.TypeOf(m)
		assert.True(t, isModel(typ), typ)
		assert.NotPanics(t, func() { planFor(typ) }, typ)
		assert.LessOrEqual(t, len(planFor(typ).fields), maxFields, typ)
		assert.Implements(t, (*json.Marshaler)(nil), m, typ)
		assert.Implements(t, (*fmt.Formatter)(nil), m, typ)
		assert.Implements(t, (*json.Unmarshaler)(nil), reflect.New(typ).Interface(), typ)
	}
}

// The generator refuses a model of more than 64 fields, and finds models by
// their embedding of wire, in any file.
func TestGenhooksFindsModelsAndLimitsFields(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	var fields strings.Builder
	for i := range 65 {
		fmt.Fprintf(&fields, "\tF%d string `json:\"f%d\"`\n", i, i)
	}
	write := func(name, src string) {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644))
	}
	write("a.go", "package okta\n\ntype Small struct {\n\tA string `json:\"a\"`\n\twire\n}\n\ntype plain struct{ wire }\n")
	write("b.go", "package okta\n\ntype Hand struct {\n\tB int `json:\"b\"`\n\twire\n}\n\nfunc (h *Hand) UnmarshalJSON(data []byte) error { return nil }\n")
	src, err := genhooks.Generate(dir)
	require.NoError(t, err)
	assert.Contains(t, string(src), "func (m Small) MarshalJSON()")
	assert.Contains(t, string(src), "func (m Hand) Format(")
	assert.NotContains(t, string(src), "func (m *Hand) UnmarshalJSON", "a hook written by hand is not generated")
	assert.NotContains(t, string(src), "plain", "unexported structs are the codec's own")

	write("c.go", "package okta\n\ntype Wide struct {\n"+fields.String()+"\twire\n}\n")
	_, err = genhooks.Generate(dir)
	assert.ErrorContains(t, err, "Wide has 65 fields")
}
