package arabic

import (
	"archive/zip"
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// snnDir is SaudiNewsNet beside the project (see ../shared/data/README.md).
// It is never committed: tests and benchmarks that need it skip without it.
const snnDir = "../../../shared/data/saudinewsnet"

// snnArticle is one record of a SaudiNewsNet day file.
type snnArticle struct {
	Source        string `json:"source"`
	URL           string `json:"url"`
	DateExtracted string `json:"date_extracted"`
	Title         string `json:"title"`
	Author        string `json:"author"`
	Content       string `json:"content"`
}

// snnDays returns the day files of SaudiNewsNet in date order, skipping tb
// when the data set is not there.
func snnDays(tb testing.TB) []string {
	tb.Helper()
	days, err := filepath.Glob(filepath.Join(snnDir, "*.zip"))
	if err != nil || len(days) == 0 {
		tb.Skipf("SaudiNewsNet not found in %s (see ../shared/data/README.md); skipping", snnDir)
	}
	sort.Strings(days)
	return days
}

// readSNNDay reads the articles of one day file: a zip holding one JSON
// array.
func readSNNDay(tb testing.TB, path string) []snnArticle {
	tb.Helper()
	arts, err := decodeSNNDay(path)
	if err != nil {
		tb.Fatalf("reading SaudiNewsNet day %s: %v", path, err)
	}
	return arts
}

func decodeSNNDay(path string) ([]snnArticle, error) {
	z, err := zip.OpenReader(path)
	if err != nil {
		return nil, fmt.Errorf("open zip: %w", err)
	}
	defer z.Close()
	var out []snnArticle
	for _, f := range z.File {
		rc, err := f.Open()
		if err != nil {
			return nil, fmt.Errorf("open %s: %w", f.Name, err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", f.Name, err)
		}
		var arts []snnArticle
		if err := json.Unmarshal(b, &arts); err != nil {
			return nil, fmt.Errorf("decode %s: %w", f.Name, err)
		}
		out = append(out, arts...)
	}
	return out, nil
}

// snnDayText is the content of every article of the first SaudiNewsNet day,
// joined by blank lines: the text the SNN benchmarks run over.
func snnDayText(b *testing.B) string {
	b.Helper()
	arts := readSNNDay(b, snnDays(b)[0])
	var sb strings.Builder
	for _, a := range arts {
		sb.WriteString(a.Content)
		sb.WriteString("\n\n")
	}
	return sb.String()
}

// The SNN benchmarks measure throughput per core on a whole day of real
// Saudi news (2015-07-21, about 2,400 articles).

func BenchmarkSearchSNN(b *testing.B) {
	text := snnDayText(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Search(text)
	}
}

// BenchmarkSearchSNNLines normalizes the day line by line, as the cleaner
// and the index call Search: many short strings instead of one long one.
func BenchmarkSearchSNNLines(b *testing.B) {
	lines := strings.Split(snnDayText(b), "\n")
	b.SetBytes(int64(len(strings.Join(lines, "\n"))))
	b.ReportAllocs()
	for b.Loop() {
		for _, l := range lines {
			Search(l)
		}
	}
}

func BenchmarkNameKeySNN(b *testing.B) {
	text := snnDayText(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		NameKey(text)
	}
}

func BenchmarkTokensSNN(b *testing.B) {
	text := snnDayText(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Tokens(text)
	}
}

func BenchmarkSentencesSNN(b *testing.B) {
	text := snnDayText(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Sentences(text)
	}
}

func BenchmarkStemSNN(b *testing.B) {
	text := snnDayText(b)
	var words []string
	for _, t := range Tokens(text) {
		if t.Kind == Word {
			words = append(words, t.Norm)
		}
	}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		for _, w := range words {
			Stem(w)
		}
	}
}

func BenchmarkNumbersSNN(b *testing.B) {
	text := snnDayText(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Numbers(text)
	}
}
