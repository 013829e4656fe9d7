package eval

import (
	"compress/gzip"
	"encoding/json"
	"errors"
	"fmt"
	"github.com/marsad/marsad/internal/eval/prf"
	"io"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"
)

// ErrNoBenchmark means the directory is not the article-extraction
// benchmark: it has no ground-truth.json.
var ErrNoBenchmark = errors.New("eval: no ground-truth.json (article-extraction-benchmark)")

// HTMLExtractor returns the article body text of one HTML page.
type HTMLExtractor func(html []byte) string

// shingleN is the benchmark's shingle length: 4 consecutive tokens.
const shingleN = 4

// bootstrapRounds and bootstrapSeed fix the confidence intervals: the
// benchmark resamples pages 1000 times; a fixed seed keeps reports
// reproducible.
const (
	bootstrapRounds = 1000
	bootstrapSeed   = 20191120
)

// Match is one page's shingle counts, normalised to sum to 1 as the
// benchmark does so that long articles weigh no more than short ones.
type Match struct{ TP, FP, FN float64 }

// HTMLReport is an extractor's score on the article-extraction benchmark.
type HTMLReport struct {
	Pages int
	// Precision and Recall are means over pages (precision over pages
	// with some predicted text, recall over pages with some true text);
	// F1 is their harmonic mean, as the benchmark's evaluate.py reports.
	Precision, Recall, F1 float64
	// Accuracy is the share of pages whose predicted tokens equal the
	// true tokens exactly.
	Accuracy float64
	// The Std fields are the standard deviation of each figure over
	// bootstrap resamples of the pages: the "±" the benchmark prints.
	PrecisionStd, RecallStd, F1Std, AccuracyStd float64
	// Empty counts pages the extractor returned no text for.
	Empty int
	// Elapsed is the time spent inside the extractor (decompression and
	// scoring excluded), one page at a time.
	Elapsed time.Duration
	// PerPage holds each page's counts by benchmark id.
	PerPage map[string]Match
}

// PagesPerSecond is the extractor's throughput on one goroutine.
func (r HTMLReport) PagesPerSecond() float64 {
	if r.Elapsed <= 0 {
		return 0
	}
	return float64(r.Pages) / r.Elapsed.Seconds()
}

// String prints the report on one line, in the benchmark's own format.
func (r HTMLReport) String() string {
	return fmt.Sprintf("pages=%d precision=%.3f ± %.3f recall=%.3f ± %.3f F1=%.3f ± %.3f accuracy=%.3f ± %.3f empty=%d speed=%.1f pages/s",
		r.Pages, r.Precision, r.PrecisionStd, r.Recall, r.RecallStd, r.F1, r.F1Std, r.Accuracy, r.AccuracyStd, r.Empty, r.PagesPerSecond())
}

// ScoreHTML runs extract over every page of the Scrapinghub
// article-extraction benchmark in dataDir (html/<id>.html.gz and
// ground-truth.json = {id: {articleBody, url}}) and scores it with the
// benchmark's metric: per page, true and predicted bodies are tokenized
// into words, cut into 4-token shingles, and matched as multisets; the
// page's TP/FP/FN are normalised to sum 1; precision and recall are
// averaged over pages and F1 is taken from the two averages. Accuracy
// counts pages whose token sequences are equal.
func ScoreHTML(dataDir string, extract HTMLExtractor) (HTMLReport, error) {
	truth, err := readTruth(dataDir)
	if err != nil {
		return HTMLReport{}, err
	}
	ids := make([]string, 0, len(truth))
	for id := range truth {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	r := HTMLReport{PerPage: make(map[string]Match, len(ids))}
	matches := make([]Match, 0, len(ids))
	exact := make([]bool, 0, len(ids))
	for _, id := range ids {
		html, err := readGz(filepath.Join(dataDir, "html", id+".html.gz"))
		if err != nil {
			return HTMLReport{}, err
		}
		start := time.Now()
		pred := extract(html)
		r.Elapsed += time.Since(start)
		if strings.TrimSpace(pred) == "" {
			r.Empty++
		}
		m := MatchShingles(truth[id], pred)
		r.PerPage[id] = m
		matches = append(matches, m)
		exact = append(exact, slices.Equal(Tokenize(truth[id]), Tokenize(pred)))
	}
	r.Pages = len(matches)
	r.Precision, r.Recall, r.F1 = Metrics(matches)
	r.Accuracy = accuracy(exact, nil)
	r.PrecisionStd, r.RecallStd, r.F1Std, r.AccuracyStd = bootstrap(matches, exact)
	return r, nil
}

// readTruth reads ground-truth.json into id → true article body.
func readTruth(dir string) (map[string]string, error) {
	data, err := os.ReadFile(filepath.Join(dir, "ground-truth.json"))
	if errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("score html in %s: %w", dir, ErrNoBenchmark)
	}
	if err != nil {
		return nil, fmt.Errorf("score html: %w", err)
	}
	var gt map[string]struct {
		ArticleBody string `json:"articleBody"`
	}
	if err := json.Unmarshal(data, &gt); err != nil {
		return nil, fmt.Errorf("decode ground truth: %w", err)
	}
	out := make(map[string]string, len(gt))
	for id, v := range gt {
		out[id] = v.ArticleBody
	}
	return out, nil
}

// readGz reads a gzip-compressed file whole.
func readGz(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read benchmark page: %w", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("read benchmark page %s: %w", path, err)
	}
	defer zr.Close()
	data, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("read benchmark page %s: %w", path, err)
	}
	return data, nil
}

// Tokenize splits text into words the way the benchmark does, with
// Python's `\w+` on str patterns: runs of Unicode letters, numbers (any
// N category) and underscores. Everything else, combining marks included,
// separates words; case is kept. Go's regexp \w is ASCII-only, so this is
// written out.
func Tokenize(text string) []string {
	return strings.FieldsFunc(text, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsNumber(r) || r == '_')
	})
}

// shingles counts the n-token shingles of text. As in the benchmark, a
// text with fewer than n tokens (but at least one) is one short shingle.
func shingles(text string, n int) map[string]int {
	toks := Tokenize(text)
	out := map[string]int{}
	for i := 0; i < max(1, len(toks)-n+1); i++ {
		s := toks[i:min(i+n, len(toks))]
		if len(s) == 0 {
			continue
		}
		// A separator no token can contain keeps shingles distinct.
		out[strings.Join(s, "\x00")]++
	}
	return out
}

// MatchShingles compares true and predicted text by their 4-token
// shingles as multisets and returns TP, FP and FN normalised to sum 1
// (all zero when both texts are empty).
func MatchShingles(truth, pred string) Match {
	t, p := shingles(truth, shingleN), shingles(pred, shingleN)
	var m Match
	for k, tc := range t {
		pc := p[k]
		m.TP += float64(min(tc, pc))
		m.FN += float64(max(0, tc-pc))
	}
	for k, pc := range p {
		m.FP += float64(max(0, pc-t[k]))
	}
	if s := m.TP + m.FP + m.FN; s > 0 {
		m.TP, m.FP, m.FN = m.TP/s, m.FP/s, m.FN/s
	}
	return m
}

// pagePrecision and pageRecall follow the benchmark: a page with nothing
// wrong scores 1 (even when both texts are empty), a page with nothing
// right scores 0.
func pagePrecision(m Match) float64 {
	switch {
	case m.FP == 0 && m.FN == 0:
		return 1
	case m.TP == 0 && m.FP == 0:
		return 0
	}
	return m.TP / (m.TP + m.FP)
}

func pageRecall(m Match) float64 {
	switch {
	case m.FP == 0 && m.FN == 0:
		return 1
	case m.TP == 0 && m.FN == 0:
		return 0
	}
	return m.TP / (m.TP + m.FN)
}

// Metrics averages page precision over pages with some predicted
// shingles (TP+FP > 0) and page recall over pages with some true
// shingles (TP+FN > 0), and returns F1 of the two averages: the
// benchmark's averaging, which is not the mean of per-page F1.
func Metrics(ms []Match) (precision, recall, f float64) {
	var ps, rs float64
	var np, nr int
	for _, m := range ms {
		if m.TP+m.FP > 0 {
			ps += pagePrecision(m)
			np++
		}
		if m.TP+m.FN > 0 {
			rs += pageRecall(m)
			nr++
		}
	}
	if np > 0 {
		precision = ps / float64(np)
	}
	if nr > 0 {
		recall = rs / float64(nr)
	}
	return precision, recall, prf.F1(precision, recall)
}

// accuracy is the share of exact pages, over the pages idx picks (all
// when idx is nil).
func accuracy(exact []bool, idx []int) float64 {
	n, k := 0, 0
	count := func(e bool) {
		n++
		if e {
			k++
		}
	}
	if idx == nil {
		for _, e := range exact {
			count(e)
		}
	} else {
		for _, i := range idx {
			count(exact[i])
		}
	}
	return prf.Ratio(k, n)
}

// bootstrap estimates the standard deviation of each metric over
// resamples of the pages with replacement, as the benchmark's
// evaluate.py reports them (its "±").
func bootstrap(ms []Match, exact []bool) (pStd, rStd, fStd, aStd float64) {
	if len(ms) < 2 {
		return 0, 0, 0, 0
	}
	rng := rand.New(rand.NewPCG(bootstrapSeed, 0))
	ps := make([]float64, bootstrapRounds)
	rs := make([]float64, bootstrapRounds)
	fs := make([]float64, bootstrapRounds)
	as := make([]float64, bootstrapRounds)
	sample := make([]Match, len(ms))
	idx := make([]int, len(ms))
	for i := range bootstrapRounds {
		for j := range sample {
			idx[j] = rng.IntN(len(ms))
			sample[j] = ms[idx[j]]
		}
		ps[i], rs[i], fs[i] = Metrics(sample)
		if len(exact) == len(ms) {
			as[i] = accuracy(exact, idx)
		}
	}
	return stdev(ps), stdev(rs), stdev(fs), stdev(as)
}

// stdev is the sample standard deviation, as Python's statistics.stdev.
func stdev(xs []float64) float64 {
	var mean float64
	for _, x := range xs {
		mean += x
	}
	mean /= float64(len(xs))
	var ss float64
	for _, x := range xs {
		ss += (x - mean) * (x - mean)
	}
	return math.Sqrt(ss / float64(len(xs)-1))
}
