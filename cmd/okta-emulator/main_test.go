package main

import (
	"bufio"
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestRunServesUntilCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"-addr", "127.0.0.1:0", "-token", "00test"}, pw, io.Discard)
		pw.Close()
	}()

	lines := bufio.NewScanner(pr)
	vars := map[string]string{}
	for len(vars) < 2 && lines.Scan() {
		k, v, _ := strings.Cut(lines.Text(), "=")
		vars[k] = v
	}
	go io.Copy(io.Discard, pr)
	url := vars["OKTA_CLIENT_ORGURL"]
	if !strings.HasPrefix(url, "http://127.0.0.1:") || vars["OKTA_CLIENT_TOKEN"] != "00test" {
		t.Fatalf("printed %v", vars)
	}

	req, _ := http.NewRequest("GET", url+"/api/v1/apps", nil)
	req.Header.Set("Authorization", "SSWS 00test")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d", resp.StatusCode)
	}

	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("run did not return after cancel")
	}
	if _, err := http.Get(url + "/api/v1/apps"); err == nil {
		t.Fatal("server still answers after shutdown")
	}
}

func TestRunRefusesBadAddress(t *testing.T) {
	err := run(context.Background(), []string{"-addr", "nonsense"}, io.Discard, io.Discard)
	if err == nil {
		t.Fatal("no error for a bad address")
	}
}
