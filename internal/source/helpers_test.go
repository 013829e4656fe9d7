package source

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/marsad/marsad/news"
)

// fetched is the clock every test reader runs on.
var fetched = time.Date(2025, 12, 28, 9, 30, 0, 0, time.UTC)

// walkResult is everything one Walk produced.
type walkResult struct {
	pages []news.Page
	errs  []*InputError
	err   error
}

// walk runs a Reader over paths and collects pages and reports.
func walk(t testing.TB, r *Reader, paths ...string) walkResult {
	t.Helper()
	if r.Now == nil {
		r.Now = func() time.Time { return fetched }
	}
	var res walkResult
	res.err = r.Walk(context.Background(), paths,
		func(p news.Page) error { res.pages = append(res.pages, p); return nil },
		func(e *InputError) { res.errs = append(res.errs, e) })
	return res
}

// writeFile writes a fixture under dir, making parent directories.
func writeFile(t testing.TB, dir, name string, content []byte) string {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, content, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// origins lists the pages' origins, for comparing order.
func origins(pages []news.Page) []string {
	var out []string
	for _, p := range pages {
		out = append(out, p.Origin)
	}
	return out
}

// wantClean fails on any reported input error or walk error.
func (res walkResult) wantClean(t testing.TB) {
	t.Helper()
	if res.err != nil {
		t.Fatalf("Walk: %v", res.err)
	}
	for _, e := range res.errs {
		t.Errorf("unexpected report: %v", e)
	}
}
