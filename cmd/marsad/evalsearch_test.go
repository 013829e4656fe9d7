package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEvalSearch runs the search benchmark on the seeds without PostgreSQL:
// every query answers, and a variant spelling of a name in the seeds is
// compared with its usual spelling.
func TestEvalSearch(t *testing.T) {
	db := filepath.Join(t.TempDir(), "m.db")
	if r := run(t, db, "ingest", seeds); r.code != 0 {
		t.Fatalf("ingest: %s", r.stderr)
	}
	queries := filepath.Join(t.TempDir(), "q.tsv")
	if err := os.WriteFile(queries, []byte("name\tبوتين\nvariant\tبوتن\tبوتين\nphrase\t\"كوريا الشمالية\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := run(t, db, "eval", "search", "--queries", queries, "--rounds", "1")
	if r.code != 0 {
		t.Fatalf("eval search: exit %d: %s", r.code, r.stderr)
	}
	for _, want := range []string{"3 queries", "marsad (bleve)", "marsad + facets", "0 of 1 variants find under half"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, r.stdout)
		}
	}
	if r := run(t, db, "eval", "search", "--queries", filepath.Join(t.TempDir(), "none.tsv")); r.code != 2 || !strings.Contains(r.stderr, "none.tsv") {
		t.Errorf("missing query file: exit %d, stderr %q; want 2 naming the file", r.code, r.stderr)
	}
}
