package okta_test

import (
	"bufio"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/require"
)

// The naming rule (CONTRIBUTING.md): operations, request structs and model
// types keep the spelling of Okta's spec (ApiToken, JsonWebKey,
// GetApiTokenRequest) so that a search for the spec's name finds them;
// every other exported name follows Go's initialisms (AppID, WithOrgURL,
// SignOnModeOpenIDConnect).

// goInitialisms maps a word spelled the spec's way to the Go initialism the
// rule asks for.
var goInitialisms = map[string]string{
	"Id": "ID", "Ids": "IDs", "Url": "URL", "Urls": "URLs", "Uri": "URI", "Uris": "URIs",
	"Http": "HTTP", "Https": "HTTPS", "Json": "JSON", "Api": "API", "Apis": "APIs",
	"Oidc": "OIDC", "Jwt": "JWT", "Xml": "XML", "Tls": "TLS", "Ttl": "TTL", "Dpop": "DPoP",
}

// specNames reads testdata/spec-names.txt: the spec's schema names and its
// operationIds with the first letter upper-cased, as method names are.
func specNames(t *testing.T) []string {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "spec-names.txt"))
	require.NoError(t, err)
	defer f.Close()
	var names []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		kind, name, ok := strings.Cut(sc.Text(), "\t")
		if !ok || strings.HasPrefix(kind, "#") {
			continue
		}
		names = append(names, strings.ToUpper(name[:1])+name[1:])
	}
	require.NoError(t, sc.Err())
	// The design card's fixed names that follow the spec's spelling, and the
	// one type that stands for the spec's OAuth2ClientJsonWebKey* oneOf family.
	names = append(names, "ApiTokenAPI", "DeleteJwk", "PreviewSAMLMetadataForApplication", "OAuth2ClientJsonWebKey")
	// Longest first, so that the longest spec name a Go name starts with is the one cut off.
	sort.Slice(names, func(i, j int) bool { return len(names[i]) > len(names[j]) })
	return names
}

// camelWords splits an identifier into its words: "NewOpenIdConnect" is
// New, Open, Id, Connect; "APIClient" is API, Client.
func camelWords(s string) []string {
	var words []string
	start := 0
	r := []rune(s)
	for i := 1; i < len(r); i++ {
		lowerToUpper := unicode.IsLower(r[i-1]) && unicode.IsUpper(r[i])
		acronymEnd := i+1 < len(r) && unicode.IsUpper(r[i-1]) && unicode.IsUpper(r[i]) && unicode.IsLower(r[i+1])
		digit := unicode.IsDigit(r[i]) != unicode.IsDigit(r[i-1])
		if lowerToUpper || acronymEnd || digit {
			words = append(words, string(r[start:i]))
			start = i
		}
	}
	return append(words, string(r[start:]))
}

// namingViolation returns the Go spelling a name should have, or "" when it
// follows the rule. A name may start with a spec name (ApiTokenID,
// JsonWebKeyStatus); the rest of it follows Go's initialisms.
func namingViolation(name string, spec []string) string {
	rest := name
	for _, s := range spec {
		if strings.HasPrefix(name, s) {
			rest = name[len(s):]
			break
		}
	}
	bad := false
	words := camelWords(rest)
	for i, w := range words {
		if goWord, ok := goInitialisms[w]; ok {
			words[i], bad = goWord, true
		}
	}
	if !bad {
		return ""
	}
	return name[:len(name)-len(rest)] + strings.Join(words, "")
}

// exportedNames lists the exported identifiers declared in the package's
// non-test files: types, funcs, methods, constants, variables and the
// exported fields of exported structs.
func exportedNames(t *testing.T) map[string]string {
	t.Helper()
	fset := token.NewFileSet()
	files, err := filepath.Glob("*.go")
	require.NoError(t, err)
	names := map[string]string{}
	add := func(id *ast.Ident) {
		if id != nil && id.IsExported() {
			names[id.Name] = fset.Position(id.Pos()).String()
		}
	}
	for _, file := range files {
		if strings.HasSuffix(file, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, file, nil, parser.SkipObjectResolution)
		require.NoError(t, err)
		for _, decl := range f.Decls {
			switch d := decl.(type) {
			case *ast.FuncDecl:
				add(d.Name)
			case *ast.GenDecl:
				for _, spec := range d.Specs {
					switch s := spec.(type) {
					case *ast.TypeSpec:
						add(s.Name)
						if st, ok := s.Type.(*ast.StructType); ok && s.Name.IsExported() {
							for _, field := range st.Fields.List {
								for _, n := range field.Names {
									add(n)
								}
							}
						}
					case *ast.ValueSpec:
						for _, n := range s.Names {
							add(n)
						}
					}
				}
			}
		}
	}
	return names
}

// TestNamingRule fails on an exported name that spells an initialism the
// spec's way where the name is not the spec's own.
func TestNamingRule(t *testing.T) {
	spec := specNames(t)
	var problems []string
	for name, pos := range exportedNames(t) {
		if want := namingViolation(name, spec); want != "" {
			problems = append(problems, pos+": "+name+" should be "+want)
		}
	}
	sort.Strings(problems)
	require.Empty(t, problems, "names we choose follow Go's initialisms (CONTRIBUTING.md, Naming)")
}

// TestNamingRuleCatchesSpecSpellings proves the rule can fail.
func TestNamingRuleCatchesSpecSpellings(t *testing.T) {
	spec := specNames(t)
	for name, want := range map[string]string{
		"NewOpenIdConnectApplication": "NewOpenIDConnectApplication",
		"WithOrgUrl":                  "WithOrgURL",
		"ApiTokenId":                  "ApiTokenID",
		"ScopeApiTokensRead":          "ScopeAPITokensRead",
	} {
		require.Equal(t, want, namingViolation(name, spec), name)
	}
	for _, ok := range []string{"ApiToken", "JsonWebKey", "GetApiTokenRequest", "ListApiTokensAll", "ApiTokenID", "SignOnModeOpenIDConnect", "ApiTokenAPI"} {
		require.Empty(t, namingViolation(ok, spec), ok)
	}
}
