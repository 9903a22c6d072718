package main

import (
	"bufio"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/go-jose/go-jose/v4"
	"github.com/go-jose/go-jose/v4/jwt"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// built is the binary the tests share, built once.
var built struct {
	sync.Mutex
	dir, bin string
	out      []byte
	err      error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if built.dir != "" {
		os.RemoveAll(built.dir)
	}
	os.Exit(code)
}

// buildBinary builds okta-emulator once and returns its path.
func buildBinary(t *testing.T) string {
	t.Helper()
	if runtime.GOOS == "windows" {
		t.Skip("the binary tests use SIGTERM")
	}
	built.Lock()
	defer built.Unlock()
	if built.bin == "" && built.err == nil {
		built.dir, built.err = os.MkdirTemp("", "okta-emulator-test")
		if built.err == nil {
			goTool, err := exec.LookPath("go")
			if err != nil {
				goTool = "go" // not on PATH: the build below says so
			}
			ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
			defer cancel()
			bin := filepath.Join(built.dir, "okta-emulator")
			built.out, built.err = exec.CommandContext(ctx, goTool, "build", "-o", bin, ".").CombinedOutput()
			built.bin = bin
		}
	}
	require.NoError(t, built.err, "go build: %s", built.out)
	return built.bin
}

// TestBinaryShellScript runs testdata/admin_test.sh (bash and curl, as a
// user's test in another language would) against the built binary.
func TestBinaryShellScript(t *testing.T) {
	bin := buildBinary(t)
	for _, tool := range []string{"bash", "curl"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s not found; TestBinaryAdminAPI covers the same steps", tool)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	out, err := exec.CommandContext(ctx, "bash", "testdata/admin_test.sh", bin).CombinedOutput()
	require.NoError(t, err, "%s", out)
	assert.Contains(t, string(out), "admin_test.sh: PASS")
}

// emulator is the built binary, running.
type emulator struct {
	cmd               *exec.Cmd
	org, token, admin string
	exited            chan error
}

func startBinary(t *testing.T, bin string, args ...string) *emulator {
	t.Helper()
	cmd := exec.Command(bin, args...)
	stdout, err := cmd.StdoutPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	e := &emulator{cmd: cmd, exited: make(chan error, 1)}
	vars := map[string]string{}
	lines := bufio.NewScanner(stdout)
	for len(vars) < 3 && lines.Scan() {
		k, v, _ := strings.Cut(lines.Text(), "=")
		vars[k] = v
	}
	go io.Copy(io.Discard, stdout)
	go func() { e.exited <- cmd.Wait() }()
	t.Cleanup(func() {
		cmd.Process.Kill()
		<-e.exited
	})
	e.org, e.token, e.admin = vars["OKTA_CLIENT_ORGURL"], vars["OKTA_CLIENT_TOKEN"], vars["OKTA_EMULATOR_ADMIN_TOKEN"]
	require.NotEmpty(t, e.org)
	return e
}

// call sends a request and returns its status, headers and body.
func (e *emulator) call(t *testing.T, method, path, auth, body string) (int, http.Header, string) {
	t.Helper()
	req, err := http.NewRequest(method, e.org+path, strings.NewReader(body))
	require.NoError(t, err)
	if auth != "" {
		req.Header.Set("Authorization", auth)
	}
	if strings.HasPrefix(body, "{") {
		req.Header.Set("Content-Type", "application/json")
	} else if body != "" {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	resp, err := (&http.Client{Timeout: 10 * time.Second}).Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp.StatusCode, resp.Header, string(data)
}

// TestBinaryAdminAPI drives faults, a rate limit and an OAuth client
// registration against the built binary with net/http, and stops it with
// SIGTERM while a request is stalled. It needs only Go.
func TestBinaryAdminAPI(t *testing.T) {
	e := startBinary(t, buildBinary(t), "-addr", "127.0.0.1:0")
	ssws, admin := "SSWS "+e.token, "Bearer "+e.admin

	status, _, _ := e.call(t, "DELETE", "/_emulator/faults", ssws, "")
	assert.Equal(t, http.StatusUnauthorized, status)
	status, _, body := e.call(t, "POST", "/_emulator/faults", admin, `{"operation":"GetApplication","status":503}`)
	assert.Equal(t, http.StatusBadRequest, status)
	assert.Contains(t, body, "did you mean")

	status, _, _ = e.call(t, "POST", "/_emulator/faults", admin, `{"operation":"listApplications","status":503,"times":1}`)
	require.Equal(t, http.StatusNoContent, status)
	status, _, _ = e.call(t, "GET", "/api/v1/apps", ssws, "")
	assert.Equal(t, http.StatusServiceUnavailable, status)
	status, _, _ = e.call(t, "GET", "/api/v1/apps", ssws, "")
	assert.Equal(t, http.StatusOK, status)

	status, _, _ = e.call(t, "POST", "/_emulator/rate-limits", admin, `{"bucket":"/api/v1/apps","limit":1,"window":"1m"}`)
	require.Equal(t, http.StatusNoContent, status)
	status, hdr, _ := e.call(t, "GET", "/api/v1/apps", ssws, "")
	assert.Equal(t, http.StatusOK, status)
	assert.Equal(t, "0", hdr.Get("X-Rate-Limit-Remaining"))
	status, _, _ = e.call(t, "GET", "/api/v1/apps", ssws, "")
	assert.Equal(t, http.StatusTooManyRequests, status)
	e.call(t, "DELETE", "/_emulator/rate-limits", admin, "")

	access := registerAndGetToken(t, e)
	status, _, _ = e.call(t, "GET", "/api/v1/apps", "Bearer "+access, "")
	assert.Equal(t, http.StatusOK, status)

	stopWithStalledRequest(t, e)
}

// registerAndGetToken registers a service app by its public JWK through
// the admin API and gets an access token for it.
func registerAndGetToken(t *testing.T, e *emulator) string {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	require.NoError(t, err)
	jwk, err := json.Marshal(jose.JSONWebKey{Key: &key.PublicKey, Algorithm: "ES256"})
	require.NoError(t, err)
	const client = "0oaBinaryClient00001"
	status, _, body := e.call(t, "POST", "/_emulator/clients", "Bearer "+e.admin,
		`{"clientId":"`+client+`","jwk":`+string(jwk)+`,"scopes":["okta.apps.read"]}`)
	require.Equal(t, http.StatusCreated, status, body)

	signer, err := jose.NewSigner(jose.SigningKey{Algorithm: jose.ES256, Key: key}, (&jose.SignerOptions{}).WithType("JWT"))
	require.NoError(t, err)
	now := time.Now()
	assertion, err := jwt.Signed(signer).Claims(jwt.Claims{Issuer: client, Subject: client,
		Audience: jwt.Audience{e.org + "/oauth2/v1/token"}, IssuedAt: jwt.NewNumericDate(now),
		Expiry: jwt.NewNumericDate(now.Add(5 * time.Minute)), ID: rand.Text()}).Serialize()
	require.NoError(t, err)
	form := url.Values{"grant_type": {"client_credentials"}, "scope": {"okta.apps.read"},
		"client_assertion_type": {"urn:ietf:params:oauth:client-assertion-type:jwt-bearer"}, "client_assertion": {assertion}}
	status, _, body = e.call(t, "POST", "/oauth2/v1/token", "", form.Encode())
	require.Equal(t, http.StatusOK, status, body)
	var tok struct {
		AccessToken string `json:"access_token"`
	}
	require.NoError(t, json.Unmarshal([]byte(body), &tok))
	require.NotEmpty(t, tok.AccessToken)
	return tok.AccessToken
}

// stopWithStalledRequest opens a request that never finishes, sends
// SIGTERM, and expects a clean exit within 5 s.
func stopWithStalledRequest(t *testing.T, e *emulator) {
	t.Helper()
	conn, err := net.Dial("tcp", strings.TrimPrefix(e.org, "http://"))
	require.NoError(t, err)
	defer conn.Close()
	_, err = conn.Write([]byte("POST /api/v1/apps HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n{"))
	require.NoError(t, err)
	time.Sleep(200 * time.Millisecond) // let the server take it
	require.NoError(t, e.cmd.Process.Signal(syscall.SIGTERM))
	select {
	case err := <-e.exited:
		assert.NoError(t, err, "exit status after SIGTERM")
		e.exited <- err // for the cleanup
	case <-time.After(5 * time.Second):
		t.Fatal("the emulator still runs 5 s after SIGTERM")
	}
}

// TestBinaryHelp: okta-emulator -h exits 0.
func TestBinaryHelp(t *testing.T) {
	out, err := exec.Command(buildBinary(t), "-h").CombinedOutput()
	require.NoError(t, err, "%s", out)
	assert.Contains(t, string(out), "Usage: okta-emulator")
}
