package oktatest

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestValidHost(t *testing.T) {
	for _, h := range []string{"localhost", "localhost:8080", "127.0.0.1:1", "[::1]:8080", "[::1]", "okta_emulator.svc.local:65535"} {
		assert.True(t, validHost(h), h)
	}
	for _, h := range []string{"", "a b", "a>b", `a"b`, "a,b", "a;b", "a/b", "a@b", "a:0", "a:65536", "a:+80", "a:", "[::1%eth0]:80",
		"[127.0.0.1]:80", "-a", ".a", "a\r\nb", "a:80:90", "é.example"} {
		assert.False(t, validHost(h), h)
	}
}
