package main

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// syncBuffer is a bytes.Buffer safe for a writer and a reader at once.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// started is a run in progress.
type started struct {
	vars   map[string]string
	stderr *syncBuffer
	cancel context.CancelFunc
	done   chan error
}

// start runs the command with args until the test ends, and returns once
// it printed its variables.
func start(t *testing.T, args ...string) *started {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	st := &started{vars: map[string]string{}, stderr: &syncBuffer{}, cancel: cancel, done: make(chan error, 1)}
	go func() {
		st.done <- run(ctx, args, pw, st.stderr)
		pw.Close()
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case <-st.done:
		case <-time.After(10 * time.Second):
			t.Error("run did not return after cancel")
		}
	})
	lines := bufio.NewScanner(pr)
	for len(st.vars) < 3 && lines.Scan() {
		k, v, _ := strings.Cut(lines.Text(), "=")
		st.vars[k] = v
	}
	go io.Copy(io.Discard, pr)
	require.Len(t, st.vars, 3, "stderr: %s", st.stderr)
	return st
}

// stop cancels the run and waits for it, at most d.
func (st *started) stop(t *testing.T, d time.Duration) error {
	t.Helper()
	st.cancel()
	select {
	case err := <-st.done:
		st.done <- err // for the cleanup
		return err
	case <-time.After(d):
		t.Fatalf("run did not return within %v of cancel", d)
		return nil
	}
}

func get(t *testing.T, url, auth string) *http.Response {
	t.Helper()
	req, err := http.NewRequest("GET", url, nil)
	require.NoError(t, err)
	req.Header.Set("Authorization", auth)
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp
}

func TestRunServesUntilCancelled(t *testing.T) {
	st := start(t, "-addr", "127.0.0.1:0", "-token", "00test", "-admin-token", "adm")
	url := st.vars["OKTA_CLIENT_ORGURL"]
	assert.True(t, strings.HasPrefix(url, "http://127.0.0.1:"), url)
	assert.Equal(t, "00test", st.vars["OKTA_CLIENT_TOKEN"])
	assert.Equal(t, "adm", st.vars["OKTA_EMULATOR_ADMIN_TOKEN"])

	assert.Equal(t, http.StatusOK, get(t, url+"/api/v1/apps", "SSWS 00test").StatusCode)
	assert.Equal(t, http.StatusOK, get(t, url+"/_emulator/requests", "Bearer adm").StatusCode)
	assert.Equal(t, http.StatusUnauthorized, get(t, url+"/_emulator/requests", "Bearer 00test").StatusCode)

	require.NoError(t, st.stop(t, 5*time.Second))
	_, err := http.Get(url + "/api/v1/apps")
	assert.Error(t, err, "the server still answers after shutdown")
}

// TestRunOnEveryAddress: -addr :PORT prints, and links on, a loopback URL
// the SDK accepts, not http://[::]:PORT.
func TestRunOnEveryAddress(t *testing.T) {
	st := start(t, "-addr", ":0")
	url := st.vars["OKTA_CLIENT_ORGURL"]
	assert.True(t, strings.HasPrefix(url, "http://127.0.0.1:"), url)
	resp := get(t, url+"/api/v1/apps", "SSWS "+st.vars["OKTA_CLIENT_TOKEN"])
	assert.Equal(t, "<"+url+`/api/v1/apps?limit=20>; rel="self"`, resp.Header.Get("Link"))
}

// TestRunEndsDespiteAStalledRequest: a client that never finishes its
// request does not keep the command from stopping.
func TestRunEndsDespiteAStalledRequest(t *testing.T) {
	st := start(t, "-addr", "127.0.0.1:0")
	host := strings.TrimPrefix(st.vars["OKTA_CLIENT_ORGURL"], "http://")
	conn, err := net.Dial("tcp", host)
	require.NoError(t, err)
	defer conn.Close()
	_, err = conn.Write([]byte("POST /api/v1/apps HTTP/1.1\r\nHost: " + host + "\r\nContent-Length: 1000\r\n\r\n{"))
	require.NoError(t, err)
	time.Sleep(100 * time.Millisecond) // let the server take the request; no hook here to wait on
	require.NoError(t, st.stop(t, 5*time.Second))
}

func TestRunHelpIsNotAnError(t *testing.T) {
	var stderr bytes.Buffer
	require.NoError(t, run(context.Background(), []string{"-h"}, io.Discard, &stderr))
	assert.Contains(t, stderr.String(), "/_emulator/")
	assert.Contains(t, stderr.String(), "-seed-file")
}

func TestRunRefusesBadSettings(t *testing.T) {
	for name, args := range map[string][]string{
		"address":        {"-addr", "nonsense"},
		"url":            {"-addr", "127.0.0.1:0", "-url", "http://okta:8080/path"},
		"same tokens":    {"-addr", "127.0.0.1:0", "-token", "x", "-admin-token", "x"},
		"arguments":      {"-addr", "127.0.0.1:0", "extra"},
		"seed file":      {"-addr", "127.0.0.1:0", "-seed-file", filepath.Join(t.TempDir(), "none.json")},
		"seed directory": {"-addr", "127.0.0.1:0", "-seed-file", t.TempDir()},
	} {
		err := run(context.Background(), args, io.Discard, io.Discard)
		assert.Error(t, err, name)
	}
}

func TestRunSeedFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "seed.json")
	require.NoError(t, os.WriteFile(path, []byte(`{"users": [{"login": "ada@example.com"}],
		"apiTokens": [{"name": "ci", "secret": "00ci"}],
		"faults": [{"operation": "listApplications", "status": 503, "times": 1}]}`), 0o600))
	st := start(t, "-addr", "127.0.0.1:0", "-seed-file", path)
	url := st.vars["OKTA_CLIENT_ORGURL"]
	assert.Contains(t, st.stderr.String(), "okta-emulator: seeded user:ada@example.com 00u")
	assert.Equal(t, http.StatusServiceUnavailable, get(t, url+"/api/v1/apps", "SSWS 00ci").StatusCode)
	assert.Equal(t, http.StatusOK, get(t, url+"/api/v1/apps", "SSWS 00ci").StatusCode)

	bad := filepath.Join(t.TempDir(), "bad.json")
	require.NoError(t, os.WriteFile(bad, []byte(`{"faults": [{"operation": "GetApplication", "status": 500}]}`), 0o600))
	err := run(context.Background(), []string{"-addr", "127.0.0.1:0", "-seed-file", bad}, io.Discard, io.Discard)
	assert.ErrorContains(t, err, `unknown operation "GetApplication"`)
}

func TestRunURL(t *testing.T) {
	st := start(t, "-addr", "127.0.0.1:0", "-url", "http://okta.test:8080/")
	assert.Equal(t, "http://okta.test:8080", st.vars["OKTA_CLIENT_ORGURL"])
}
