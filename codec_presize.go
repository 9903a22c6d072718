package okta

import "bytes"

// A page of models is decoded into a slice made to the page's length, rather
// than one that doubles as it fills: an Application is about 3 KiB, and
// doubling to 200 of them allocated, cleared and copied twice the page. Pages
// of elements smaller than presizeMin grow as usual. Lists of models inside a
// model (jwks.keys) are made to length too, down to presizeDepth: counting
// costs a pass over the list's bytes, and the depth bound keeps the passes of
// nested lists from adding up to more than presizeDepth passes over the body.
//
// A page of more than maxPageItems models is refused before anything is
// made: Okta's pages hold at most a few hundred, and each "{}," of a hostile
// or broken body would otherwise become a 3 KiB Application, a thousandfold
// amplification of WithMaxResponseBytes.
const (
	presizeMin   = 128
	presizeDepth = 8
	maxPageItems = 10000
)

// countObjects counts the objects directly inside the array that b starts
// with. It only finds the structure (strings are skipped with IndexByte); the
// decode that follows checks the syntax.
func countObjects(b []byte) int {
	n, depth := 0, 0
	for i := 0; i < len(b); i++ {
		switch b[i] {
		case '"':
			for {
				j := bytes.IndexByte(b[i+1:], '"')
				if j < 0 {
					return n
				}
				i += j + 1
				k := i - 1
				for k >= 0 && b[k] == '\\' {
					k--
				}
				if (i-1-k)%2 == 0 { // not escaped
					break
				}
			}
		case '{':
			if depth == 1 {
				n++
			}
			depth++
		case '[':
			depth++
		case '}':
			depth--
		case ']':
			depth--
			if depth <= 0 {
				return n
			}
		}
	}
	return n
}
