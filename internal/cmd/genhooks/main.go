// Command genhooks writes zz_generated_hooks.go in the current directory: the
// MarshalJSON, UnmarshalJSON and Format methods of every model of the okta
// package (every struct type that embeds wire). Run it with go generate from
// the module root; CI checks that the file is current:
//
//	go generate ./... && git diff --exit-code
package main

import (
	"fmt"
	"os"

	"github.com/gatekit/okta/internal/genhooks"
)

// main writes the file, or reports why it cannot.
func main() {
	if err := genhooks.Write("."); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
