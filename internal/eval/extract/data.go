package extract

import (
	"errors"
	"fmt"
	"github.com/marsad/marsad/internal/eval/snn"
	"os"
	"path/filepath"

	"github.com/marsad/marsad/news"
)

// ErrNoData means the SaudiNewsNet directory lacks a day archive the gold
// refers to.
var ErrNoData = errors.New("extract eval: SaudiNewsNet day archive not found")

// record is one SaudiNewsNet article as the day archives hold it.
type record = snn.Record

// readDay decodes the JSON array of one day archive; a missing archive is
// ErrNoData, the data set not being beside the project.
func readDay(path string) ([]record, error) {
	recs, err := snn.ReadDay(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("read %s: %w", path, ErrNoData)
	}
	return recs, err
}

// Articles reads the text of every gold article from the SaudiNewsNet
// directory and checks each annotated span against it (the text between
// its offsets must have its hash). The articles come back in gold order,
// as the analysis stage receives them: the content as Text (offsets are
// rune offsets into it), the crawl day as Published, so relative dates
// resolve against the same reference the annotator used. A span that does
// not match returns an error wrapping ErrSpanMismatch.
//
// Articles also fills in the Text of every span of gold, in place, from
// the content it was checked against: the gold stores no span text.
func Articles(dataDir string, gold []GoldArticle) ([]news.Article, error) {
	days := map[string][]record{}
	out := make([]news.Article, len(gold))
	var errs []error
	for i, g := range gold {
		recs, ok := days[g.Zip]
		if !ok {
			var err error
			recs, err = readDay(filepath.Join(dataDir, g.Zip))
			if err != nil {
				return nil, fmt.Errorf("gold articles: %w", err)
			}
			days[g.Zip] = recs
		}
		if g.Index < 0 || g.Index >= len(recs) {
			errs = append(errs, &SpanError{Article: g.Key(), Kind: "index", Want: g.URL, Got: ""})
			continue
		}
		r := recs[g.Index]
		content := []rune(r.Content)
		if err := check(g, r.URL, content); err != nil {
			errs = append(errs, err)
			continue
		}
		gold[i].fillTexts(content)
		out[i] = news.Article{
			ID:        g.Key(),
			Page:      g.Zip,
			Index:     g.Index,
			Title:     r.Title,
			Text:      r.Content,
			Lang:      "ar",
			Published: dayOf(r.DateExtracted),
			Source:    r.Source,
			Author:    r.Author,
			URL:       r.URL,
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, fmt.Errorf("gold articles: %w", err)
	}
	return out, nil
}
