package eval

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/marsad/marsad/internal/eval/pages"
)

// The shared data sits beside the project; tests that need it skip when
// it is absent (it is never committed).
var (
	snnDir   = filepath.Join("..", "..", "..", "shared", "data", "saudinewsnet")
	benchDir = filepath.Join("..", "..", "..", "shared", "data", "article-extraction-benchmark")
)

func needData(t *testing.T, dir, what string) {
	t.Helper()
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("%s not found at %s (../shared/data is not part of the repository); skipping", what, dir)
	}
}

// TestCleanerOnGeneratedPages logs the current score of marsad's cleaner on
// 150 generated pages. It asserts only that the evaluation ran: the
// cleaner's level is tracked in docs/QUALITY.md, not pinned here.
func TestCleanerOnGeneratedPages(t *testing.T) {
	needData(t, snnDir, "SaudiNewsNet")
	ps, err := pages.Generate(snnDir, 150, 1)
	if err != nil {
		t.Fatal(err)
	}
	r := ScorePages(ps, MarsadText)
	if r.Overall.Pages != 150 || r.Overall.GoldLines == 0 || len(r.Templates) < 15 {
		t.Fatalf("scored %d pages, %d gold lines, %d templates", r.Overall.Pages, r.Overall.GoldLines, len(r.Templates))
	}
	t.Logf("\n%s", r)
}

// TestCleanerOnHTMLBenchmark logs marsad's and go-trafilatura's scores on
// the article-extraction benchmark, measured in the same run.
func TestCleanerOnHTMLBenchmark(t *testing.T) {
	needData(t, benchDir, "article-extraction-benchmark")
	if testing.Short() {
		t.Skip("HTML benchmark takes a while; skipped in -short mode")
	}
	for _, x := range HTMLExtractors() {
		r, err := ScoreHTML(benchDir, x.Extract)
		if err != nil {
			t.Fatal(err)
		}
		if r.Pages != 181 {
			t.Errorf("%s: scored %d pages, want 181", x.Name, r.Pages)
		}
		t.Logf("%-15s %s", x.Name, r)
	}
}
