package okta

import (
	"bufio"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// specScopes reads testdata/scopes-2026.tsv: for each operation (by Go
// method name), the scopes Okta's 2026 spec requires for it, sorted and
// joined by spaces ("" for API token only).
func specScopes(t *testing.T) map[string]string {
	t.Helper()
	f, err := os.Open("testdata/scopes-2026.tsv")
	require.NoError(t, err)
	defer f.Close()
	out := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), "#") {
			continue
		}
		cols := strings.Split(sc.Text(), "\t")
		require.Len(t, cols, 4, sc.Text())
		out[methodName(cols[0])] = cols[3]
	}
	require.NoError(t, sc.Err())
	require.Len(t, out, 82)
	return out
}

// methodName is the SDK's method for an operationId (API.md's rule and its
// two exceptions).
func methodName(opID string) string {
	switch opID {
	case "deletejwk":
		return "DeleteJwk"
	case "previewSAMLmetadataForApplication":
		return "PreviewSAMLMetadataForApplication"
	}
	return strings.ToUpper(opID[:1]) + opID[1:]
}

// scopeConstants parses the package's Scope* constants and their values.
func scopeConstants(t *testing.T) map[string]string {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), "auth_scopes.go", nil, parser.SkipObjectResolution)
	require.NoError(t, err)
	out := map[string]string{}
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.CONST {
			continue
		}
		for _, s := range g.Specs {
			v := s.(*ast.ValueSpec)
			for i, n := range v.Names {
				if lit, ok := v.Values[i].(*ast.BasicLit); ok && strings.HasPrefix(n.Name, "Scope") {
					out[n.Name], _ = strconv.Unquote(lit.Value)
				}
			}
		}
	}
	return out
}

// readmeScopeRow is one row of the README's scope table.
type readmeScopeRow struct{ scope, constant, ops string }

func readmeScopeRows(t *testing.T) []readmeScopeRow {
	t.Helper()
	data, err := os.ReadFile("README.md")
	require.NoError(t, err)
	_, table, ok := strings.Cut(string(data), "| scope | constant | operations |\n|---|---|---|\n")
	require.True(t, ok, "README has the scope table")
	table, _, _ = strings.Cut(table, "\n\n")
	var rows []readmeScopeRow
	for line := range strings.SplitSeq(table, "\n") {
		cells := strings.Split(strings.Trim(line, "|"), " | ")
		require.Len(t, cells, 3, line)
		rows = append(rows, readmeScopeRow{strings.Trim(strings.TrimSpace(cells[0]), "`"), strings.Trim(cells[1], "` "), cells[2]})
	}
	return rows
}

var backticked = regexp.MustCompile("`([A-Za-z.]+)`")

// TestReadmeScopeTable keeps the README's OAuth scope table true: every scope
// Okta's spec names has a row and a constant of that value, every constant a
// row, and a row that lists operations lists exactly those that need its
// scope (with the one named after "with"); the API-token-only row lists what
// the SDK refuses in OAuth mode, which is what the spec gives no scope.
func TestReadmeScopeTable(t *testing.T) {
	spec, consts := specScopes(t), scopeConstants(t)
	rows := readmeScopeRows(t)
	inREADME := map[string]bool{}
	for _, r := range rows {
		if r.constant == "–" {
			var named []string
			for _, m := range backticked.FindAllStringSubmatch(r.ops, -1) {
				named = append(named, m[1])
			}
			var tokenOnly, refused []string
			for op, s := range spec {
				if s == "" {
					tokenOnly = append(tokenOnly, op)
				}
			}
			for op := range apiTokenOnly {
				refused = append(refused, methodName(op))
			}
			sort.Strings(tokenOnly)
			sort.Strings(refused)
			assert.Equal(t, tokenOnly, named, "the API-token-only row lists what the spec gives no scope")
			assert.Equal(t, tokenOnly, refused, "the SDK refuses in OAuth mode exactly what the spec gives no scope")
			continue
		}
		inREADME[r.constant] = true
		assert.Equal(t, r.scope, consts[r.constant], "row %s: the constant's value", r.scope)
		if strings.HasPrefix(r.ops, "every") {
			continue
		}
		need := r.scope
		if with, rest, ok := strings.Cut(r.ops, ": "); ok && strings.HasPrefix(with, "with ") {
			need = strings.Join(slices.Sorted(slices.Values([]string{r.scope, strings.Trim(with[len("with "):], "`")})), " ")
			r.ops = rest
		}
		var named, want []string
		for _, m := range backticked.FindAllStringSubmatch(r.ops, -1) {
			named = append(named, m[1])
		}
		for op, s := range spec {
			if s == need {
				want = append(want, op)
			}
		}
		sort.Strings(named)
		sort.Strings(want)
		assert.Equal(t, want, named, "row %s lists the operations that need %q", r.scope, need)
	}
	for name := range consts {
		assert.True(t, inREADME[name], "%s has a row in the README's scope table", name)
	}
	for _, s := range spec {
		for scope := range strings.FieldsSeq(s) {
			assert.True(t, slices.ContainsFunc(rows, func(r readmeScopeRow) bool { return r.scope == scope }), "scope %s has a row", scope)
		}
	}
}
