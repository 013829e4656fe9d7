package stories

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/marsad/marsad/news"
)

// Prior is how many articles of a reference corpus held each topic term:
// document frequencies the clusterer starts from, so that a store that
// begins empty already knows that السعودية and أكد say little and that
// تحطم says much. Without it the first articles of a store see every word
// as equally rare, and thresholds tuned on a day of news split reports of
// one happening there.
type Prior struct {
	Docs int            // articles counted
	DF   map[string]int // term → articles holding it
}

//go:embed prior.tsv.gz
var embeddedPrior []byte

// ErrPrior reports a malformed prior file.
var ErrPrior = errors.New("malformed idf prior")

// DefaultPrior is the prior marsad ships, counted over SaudiNewsNet's crawl
// days other than the two the clustering gold labels (see `marsad train
// idf`). Each call parses it afresh, so callers own what they get.
func DefaultPrior() *Prior {
	p, err := ReadPrior(bytes.NewReader(embeddedPrior))
	if err != nil {
		// The file is part of the binary and checked by a test: a failure
		// here is a build that shipped a broken file.
		panic(fmt.Sprintf("stories: embedded idf prior: %v", err))
	}
	return p
}

// String says what the prior holds, for reports that print a Config.
func (p *Prior) String() string {
	if p == nil {
		return "none"
	}
	return fmt.Sprintf("%d articles, %d terms", p.Docs, len(p.DF))
}

// PriorCounter counts a prior from articles, with the clusterer's own
// term extraction so the counts mean the same thing at run time.
type PriorCounter struct {
	docs int
	df   map[string]int
}

// NewPriorCounter returns an empty counter.
func NewPriorCounter() *PriorCounter {
	return &PriorCounter{df: map[string]int{}}
}

// Add counts one article's distinct topic terms.
func (pc *PriorCounter) Add(a news.Article) {
	pc.docs++
	seen := map[string]bool{}
	for _, ws := range [][]string{wordsOf(a.Title), wordsOf(a.Text)} {
		for _, w := range ws {
			if t, ok := topicTerm(w); ok && !seen[t] {
				seen[t] = true
				pc.df[t]++
			}
		}
	}
}

// WriteTo writes the prior as gzip-compressed lines: a header with the
// article count, then "term<TAB>df" for every term held by at least minDF
// articles, sorted by term so the same corpus gives the same bytes. Rarer
// terms are left out: at run time a term the prior lacks counts as held
// by none, which is what a term seen once or twice amounts to.
func (pc *PriorCounter) WriteTo(w io.Writer, minDF int) (int, error) {
	terms := make([]string, 0, len(pc.df))
	for t, n := range pc.df {
		if n >= minDF {
			terms = append(terms, t)
		}
	}
	sort.Strings(terms)
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return 0, err
	}
	bw := bufio.NewWriter(zw)
	fmt.Fprintf(bw, "#docs\t%d\n", pc.docs)
	for _, t := range terms {
		fmt.Fprintf(bw, "%s\t%d\n", t, pc.df[t])
	}
	if err := bw.Flush(); err != nil {
		return 0, err
	}
	return len(terms), zw.Close()
}

// ReadPrior reads what PriorCounter.WriteTo wrote.
func ReadPrior(r io.Reader) (*Prior, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrPrior, err)
	}
	p := &Prior{DF: map[string]int{}}
	sc := bufio.NewScanner(zr)
	line := 0
	for sc.Scan() {
		line++
		term, n, ok := strings.Cut(sc.Text(), "\t")
		v, err := strconv.Atoi(n)
		if !ok || err != nil || v < 0 || term == "" {
			return nil, fmt.Errorf("%w: line %d: %q", ErrPrior, line, sc.Text())
		}
		if line == 1 {
			if term != "#docs" {
				return nil, fmt.Errorf("%w: line 1 is not the #docs header", ErrPrior)
			}
			p.Docs = v
			continue
		}
		p.DF[term] = v
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrPrior, err)
	}
	if line == 0 {
		return nil, fmt.Errorf("%w: empty", ErrPrior)
	}
	return p, nil
}
