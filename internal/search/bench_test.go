package search

import (
	"archive/zip"
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/marsad/marsad/internal/entities"
	"github.com/marsad/marsad/news"
)

// snnDay is one crawl day of SaudiNewsNet, relative to this package; the
// data lives beside the project, never in it (see ../shared/data/README.md).
const snnDay = "../../../shared/data/saudinewsnet/2015-07-21.zip"

// seedTexts reads the seed pages from testdata.
func seedTexts(tb testing.TB) []string {
	tb.Helper()
	paths, err := filepath.Glob("../../testdata/seeds/*.txt")
	if err != nil || len(paths) == 0 {
		tb.Fatalf("no seeds in ../../testdata/seeds: %v", err)
	}
	var out []string
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, string(b))
	}
	return out
}

// syntheticArticles makes n articles of 4-12 paragraphs drawn from the
// seeds, with outlets, days and entity mentions, reproducibly.
func syntheticArticles(tb testing.TB, n int) []news.Article {
	var paras []string
	for _, s := range seedTexts(tb) {
		for p := range strings.SplitSeq(s, "\n") {
			if len(strings.Fields(p)) >= 6 {
				paras = append(paras, strings.TrimSpace(p))
			}
		}
	}
	rec, err := entities.New()
	if err != nil {
		tb.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	sources := []string{"الجزيرة", "العربية", "سبق", "الرياض", "عكاظ", "الحياة", "اليوم"}
	arts := make([]news.Article, n)
	for i := range arts {
		k := 4 + rng.IntN(9)
		ps := make([]string, k)
		for j := range ps {
			ps[j] = paras[rng.IntN(len(paras))]
		}
		text := strings.Join(ps, "\n")
		arts[i] = news.Article{
			ID:        fmt.Sprintf("a%05d", i),
			Title:     paras[rng.IntN(len(paras))],
			Text:      text,
			Source:    sources[rng.IntN(len(sources))],
			Published: time.Date(2025, 8, 1+rng.IntN(30), rng.IntN(24), 0, 0, 0, time.UTC).Format("2006-01-02T15:04:05"),
			Story:     fmt.Sprintf("st%d", rng.IntN(20)),
			Event:     fmt.Sprintf("ev%d", rng.IntN(200)),
			Entities:  rec.Mentions(text),
		}
	}
	return arts
}

// realisticQueries are what an analyst types: words, variants, phrases,
// filters and facets.
var realisticQueries = []string{
	"بوتين", "كوريا الشمالية", `"كوريا الشمالية"`, "كيم جونغ أون", "القوات -أوكرانيا",
	"12000 جندي", "المفاوضات", "موسكو date:2025-08-01..2025-08-10", "source:الجزيرة كورسك",
	"بيونغ يانغ OR بيونج", "entity:\"كيم جونغ أون\"", "أعلن الكرملين",
}

// snnQueries are realistic for SaudiNewsNet's July 2015 Saudi news.
var snnQueries = []string{
	"السعودية", "وزارة الداخلية", `"خادم الحرمين الشريفين"`, "الحوثيين", "اليمن -عدن", "الاتفاق النووي",
	"إيران OR طهران", "داعش", "الهلال النصر", "2015", "مجلس الوزراء", "الامير محمد بن سلمان",
}

// putRate indexes arts into a fresh index and returns articles per second
// and the size of the index on disk once closed, in MB.
func putRate(b *testing.B, arts []news.Article) (rate, mb float64) {
	b.Helper()
	path := filepath.Join(b.TempDir(), "search")
	x, err := Open(path)
	if err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	if err := x.Put(context.Background(), arts); err != nil {
		b.Fatal(err)
	}
	rate = float64(len(arts)) / time.Since(start).Seconds()
	if err := x.Close(); err != nil {
		b.Fatal(err)
	}
	var size int64
	filepath.WalkDir(path, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if info, err := d.Info(); err == nil {
				size += info.Size()
			}
		}
		return nil
	})
	return rate, float64(size) / 1e6
}

// queryLatency indexes arts, then runs the queries in turn, with facets,
// and reports p50 and p95. The index is closed and opened again first, so
// the timings are those of a settled index, not of one still merging the
// segments indexing just wrote.
func queryLatency(b *testing.B, arts []news.Article, queries []string) {
	b.Helper()
	path := filepath.Join(b.TempDir(), "search")
	x, err := Open(path)
	if err != nil {
		b.Fatal(err)
	}
	if err := x.Put(context.Background(), arts); err != nil {
		b.Fatal(err)
	}
	x.Close()
	if x, err = Open(path); err != nil {
		b.Fatal(err)
	}
	defer x.Close()
	for _, q := range queries { // warm the caches, as a running server's are
		if _, err := x.Search(context.Background(), Query{Text: q, Facets: true}); err != nil {
			b.Fatal(err)
		}
	}
	var lat []time.Duration
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		q := queries[i%len(queries)]
		start := time.Now()
		if _, err := x.Search(context.Background(), Query{Text: q, Facets: true}); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(start))
	}
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds()), "p50-µs")
	b.ReportMetric(float64(lat[len(lat)*95/100].Microseconds()), "p95-µs")
}

func BenchmarkPutSynthetic(b *testing.B) {
	arts := syntheticArticles(b, 3000)
	var rate, mb float64
	for b.Loop() {
		rate, mb = putRate(b, arts)
	}
	b.ReportMetric(rate, "articles/s")
	b.ReportMetric(mb, "index-MB")
}

func BenchmarkSearchSynthetic(b *testing.B) {
	queryLatency(b, syntheticArticles(b, 3000), realisticQueries)
}

// snnArticles reads one day of SaudiNewsNet, skipping the benchmark with a
// message when the data is absent.
func snnArticles(b *testing.B) []news.Article {
	zr, err := zip.OpenReader(snnDay)
	if err != nil {
		b.Skipf("SaudiNewsNet not found at %s (see ../shared/data/README.md): %v", snnDay, err)
	}
	defer zr.Close()
	rec, err := entities.New()
	if err != nil {
		b.Fatal(err)
	}
	var arts []news.Article
	for _, f := range zr.File {
		if !strings.HasSuffix(f.Name, ".json") {
			continue
		}
		r, err := f.Open()
		if err != nil {
			b.Fatal(err)
		}
		var rows []struct {
			Source, URL, Title, Content string
			Date                        string `json:"date_extracted"`
		}
		err = json.NewDecoder(r).Decode(&rows)
		r.Close()
		if err != nil {
			b.Fatal(err)
		}
		for _, row := range rows {
			arts = append(arts, news.Article{
				ID: news.ContentID(row.Title, row.Content), Title: row.Title, Text: row.Content,
				Source: row.Source, URL: row.URL, Published: strings.Replace(row.Date, " ", "T", 1),
				Entities: rec.Mentions(row.Content),
			})
		}
	}
	return arts
}

func BenchmarkPutSaudiNewsNetDay(b *testing.B) {
	arts := snnArticles(b)
	var rate, mb float64
	for b.Loop() {
		rate, mb = putRate(b, arts)
	}
	b.ReportMetric(rate, "articles/s")
	b.ReportMetric(mb, "index-MB")
	b.ReportMetric(float64(len(arts)), "articles")
}

func BenchmarkSearchSaudiNewsNetDay(b *testing.B) {
	queryLatency(b, snnArticles(b), snnQueries)
}
