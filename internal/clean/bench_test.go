package clean

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/marsad/marsad/news"
)

// BenchmarkSeeds cleans the five seed pages: plain-text pages per second
// on one core (b.N × 5 pages).
func BenchmarkSeeds(b *testing.B) {
	paths, err := filepath.Glob("../../testdata/seeds/*.txt")
	if err != nil || len(paths) == 0 {
		b.Fatalf("seeds: %v", err)
	}
	var pages []news.Page
	var size int64
	for _, p := range paths {
		body, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		size += int64(len(body))
		pages = append(pages, news.Page{Origin: p, Name: filepath.Base(p), Kind: news.KindText, Body: body, Fetched: time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)})
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range pages {
			Text(p)
		}
	}
	b.ReportMetric(float64(b.N*len(pages))/b.Elapsed().Seconds(), "pages/s")
}
