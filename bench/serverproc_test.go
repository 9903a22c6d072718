package bench

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"
)

// buildServer compiles ./server into dir and returns the binary's path.
func buildServer(dir string) (string, error) {
	goBin, err := exec.LookPath("go")
	if err != nil {
		// A test binary run by hand may not have go on its PATH.
		goBin = filepath.Join(runtime.GOROOT(), "bin", "go")
		if _, statErr := os.Stat(goBin); statErr != nil {
			return "", fmt.Errorf("finding the go command: %w", err)
		}
	}
	bin := filepath.Join(dir, "oktabench-server")
	cmd := exec.Command(goBin, "build", "-o", bin, "./server")
	if out, err := cmd.CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build ./server: %v\n%s", err, out)
	}
	return bin, nil
}

// serverProc is the loopback server running as a child process.
type serverProc struct {
	URL    string
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	stderr *syncBuffer
	ctl    *http.Client // for /__bench/ requests, apart from the clients measured
}

// syncBuffer collects the child's standard error for error reports.
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

// startServer runs bin with args and waits for the URL it prints.
func startServer(bin string, args ...string) (*serverProc, error) {
	p := &serverProc{stderr: &syncBuffer{}, ctl: &http.Client{Timeout: 10 * time.Second}}
	p.cmd = exec.Command(bin, append([]string{"-exit-on-stdin-eof"}, args...)...)
	p.cmd.Stderr = p.stderr
	var err error
	if p.stdin, err = p.cmd.StdinPipe(); err != nil {
		return nil, err
	}
	stdout, err := p.cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := p.cmd.Start(); err != nil {
		return nil, err
	}
	line := make(chan string, 1)
	go func() {
		s := bufio.NewScanner(stdout)
		if s.Scan() {
			line <- s.Text()
		}
		close(line)
		_, _ = io.Copy(io.Discard, stdout)
	}()
	select {
	case u, ok := <-line:
		if !ok || !strings.HasPrefix(u, "http://127.0.0.1:") {
			p.stop()
			return nil, fmt.Errorf("server %v printed %q; stderr:\n%s", args, u, p.stderr)
		}
		p.URL = u
	case <-time.After(2 * time.Minute):
		p.stop()
		return nil, fmt.Errorf("server %v did not start; stderr:\n%s", args, p.stderr)
	}
	return p, nil
}

// stop ends the child: closing its standard input asks it to exit, and it
// is killed if it has not within a few seconds.
func (p *serverProc) stop() {
	_ = p.stdin.Close()
	done := make(chan struct{})
	go func() {
		_ = p.cmd.Wait()
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		_ = p.cmd.Process.Kill()
		<-done
	}
}

// control sends a /__bench/ request and decodes the JSON answer into out.
func (p *serverProc) control(method, path string, out any) error {
	req, err := http.NewRequest(method, p.URL+path, nil)
	if err != nil {
		return err
	}
	resp, err := p.ctl.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode/100 != 2 {
		b, _ := io.ReadAll(resp.Body)
		return fmt.Errorf("%s %s: %s %s", method, path, resp.Status, b)
	}
	if out == nil {
		_, err = io.Copy(io.Discard, resp.Body)
		return err
	}
	return json.NewDecoder(resp.Body).Decode(out)
}

// serverStats mirrors GET /__bench/stats.
type serverStats struct {
	Requests    int64 `json:"requests"`
	AppGets     int64 `json:"appGets"`
	AppLists    int64 `json:"appLists"`
	TokenGets   int64 `json:"tokenGets"`
	TokenLists  int64 `json:"tokenLists"`
	RateLimited int64 `json:"rateLimited"`
}

// rateLimitWindow mirrors GET /__bench/last429.
type rateLimitWindow struct {
	ResetUnixNano int64 `json:"resetUnixNano"`
	Served        int64 `json:"served"`
}

func (p *serverProc) stats() (serverStats, error) {
	var s serverStats
	err := p.control(http.MethodGet, "/__bench/stats", &s)
	return s, err
}

func (p *serverProc) resetStats() error { return p.control(http.MethodPost, "/__bench/reset", nil) }

// arm429 makes the next API request answer 429 until the first whole
// second at least resetMs ahead of it.
func (p *serverProc) arm429(resetMs int) error {
	return p.control(http.MethodPost, fmt.Sprintf("/__bench/arm429?resetMs=%d", resetMs), nil)
}

func (p *serverProc) last429() (rateLimitWindow, error) {
	var w rateLimitWindow
	err := p.control(http.MethodGet, "/__bench/last429", &w)
	if err == nil && w.Served == 0 {
		err = errors.New("no 429 served yet")
	}
	return w, err
}
