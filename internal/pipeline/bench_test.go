package pipeline

import (
	"context"
	"os"
	"testing"

	"github.com/marsad/marsad/internal/clean"
	"github.com/marsad/marsad/internal/entities"
	"github.com/marsad/marsad/internal/source"
	"github.com/marsad/marsad/internal/stories"
	"github.com/marsad/marsad/news"
)

// snnDay is one SaudiNewsNet crawl day, the corpus the benchmarks run on.
const snnDay = "../../../shared/data/saudinewsnet/2015-07-21.zip"

// loadDay cleans the first n articles of one SaudiNewsNet day, skipping
// the benchmark when the data set is not beside the project.
func loadDay(b *testing.B, n int) ([]news.Article, int64) {
	b.Helper()
	if _, err := os.Stat(snnDay); err != nil {
		b.Skipf("SaudiNewsNet not found at %s; skipping (see ../shared/data/README.md)", snnDay)
	}
	var arts []news.Article
	var size int64
	r := source.Reader{Limits: source.DefaultLimits()}
	err := r.Walk(context.Background(), []string{snnDay}, func(p news.Page) error {
		if len(arts) >= n {
			return nil
		}
		as, err := clean.Cleaner{}.Clean(p)
		if err == nil {
			for _, a := range as {
				size += int64(len(a.Title) + len(a.Text))
			}
			arts = append(arts, as...)
		}
		return nil
	}, func(*source.InputError) {})
	if err != nil {
		b.Fatal(err)
	}
	return arts, size
}

// BenchmarkAnalyze measures the whole analysis stage as ingest runs it
// (gazetteer entities, the trained tagger, quotes, quantities, dates) per
// byte and per article of real text, on one core.
func BenchmarkAnalyze(b *testing.B) {
	arts, size := loadDay(b, 300)
	an, err := DefaultAnalyzer()
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, a := range arts {
			an.Analyze(a)
		}
	}
	b.ReportMetric(float64(b.N*len(arts))/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkCluster measures placing analyzed articles online, from an
// empty clusterer, per byte of article text.
func BenchmarkCluster(b *testing.B) {
	arts, size := loadDay(b, 300)
	rec, err := entities.New()
	if err != nil {
		b.Fatal(err)
	}
	an := Analyzer{Entities: rec}
	for i := range arts {
		arts[i] = an.Analyze(arts[i])
		arts[i].ID = news.ContentID(arts[i].Title, arts[i].Text)
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		c := stories.New(stories.DefaultConfig())
		for _, a := range arts {
			c.Assign(a)
		}
	}
}
