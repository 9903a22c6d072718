package okta_test

import (
	"bufio"
	"os"
	"regexp"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/gatekit/okta"
)

// releaseHeading matches a released version's heading in CHANGELOG.md, such
// as "## [0.2.0] - 2026-12-04"; "## [Unreleased]" does not match.
var releaseHeading = regexp.MustCompile(`^## \[(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)\] - \d{4}-\d{2}-\d{2}$`)

// TestVersionMatchesChangelog keeps okta.Version (sent in every User-Agent)
// equal to the newest release recorded in CHANGELOG.md.
func TestVersionMatchesChangelog(t *testing.T) {
	f, err := os.Open("CHANGELOG.md")
	require.NoError(t, err)
	defer f.Close()

	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if m := releaseHeading.FindStringSubmatch(sc.Text()); m != nil {
			require.Equal(t, m[1], okta.Version, "okta.Version must equal the newest release in CHANGELOG.md")
			return
		}
	}
	require.NoError(t, sc.Err())
	t.Fatal("CHANGELOG.md has no released version heading such as \"## [0.1.0] - 2026-11-23\"")
}
