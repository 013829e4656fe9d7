package main

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestServe starts `marsad serve` on a free port, reads the seeds' articles
// over the API, ingests a page with the token (and is refused without
// it), and stops it with SIGTERM.
func TestServe(t *testing.T) {
	db := filepath.Join(t.TempDir(), "m.db")
	if r := run(t, db, "ingest", seeds); r.code != 0 {
		t.Fatalf("ingest: %s", r.stderr)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "--db", db, "serve", "--addr", "127.0.0.1:0", "--token", "s3cret")
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		t.Fatalf("serve printed nothing: %v", err)
	}
	base := strings.TrimSuffix(strings.Fields(line)[2], "/")

	get := func(path string) map[string]any {
		t.Helper()
		resp, err := http.Get(base + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var v map[string]any
		if err := json.NewDecoder(resp.Body).Decode(&v); err != nil || resp.StatusCode != 200 {
			t.Fatalf("GET %s: %d %v", path, resp.StatusCode, err)
		}
		return v
	}
	resp, err := http.Get(base + "/")
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(page), `dir="rtl"`) || !strings.Contains(string(page), "كوريا") {
		t.Errorf("GET /: %d, want the Arabic right-to-left home page", resp.StatusCode)
	}
	if n := get("/api/articles")["total"]; n != 6.0 {
		t.Errorf("/api/articles total = %v, want 6", n)
	}
	if n := get("/api/search?q=" + "كورسك")["total"]; n != 5.0 {
		t.Errorf("/api/search total = %v, want 5", n)
	}
	post := func(token string) int {
		req, _ := http.NewRequest("POST", base+"/api/pages", strings.NewReader(`{"title":"خبر جديد","text":"أعلنت الوزارة اليوم عن خطة جديدة لتطوير الخدمات في المدينة خلال العام المقبل."}`))
		req.Header.Set("Content-Type", "application/json")
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		return resp.StatusCode
	}
	if code := post(""); code != 401 {
		t.Errorf("POST without token: %d, want 401", code)
	}
	if code := post("s3cret"); code != 200 {
		t.Errorf("POST with token: %d, want 200", code)
	}
	if n := get("/api/articles")["total"]; n != 7.0 {
		t.Errorf("after POST, total = %v, want 7", n)
	}
	cmd.Process.Signal(syscall.SIGTERM)
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve did not stop cleanly on SIGTERM: %v", err)
		}
	case <-time.After(20 * time.Second):
		t.Error("serve did not stop within 20 s of SIGTERM")
	}
}
