package cluster

import (
	"errors"
	"fmt"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/marsad/marsad/internal/eval/snn"
	"github.com/marsad/marsad/news"
)

// Record is one article of a SaudiNewsNet day archive, as stored.
type Record = snn.Record

// ErrURLMismatch reports a gold item whose key points at an article with
// another URL: the gold file and the data disagree.
var ErrURLMismatch = errors.New("gold url does not match the data")

// ReadDay reads the JSON array of one SaudiNewsNet day archive
// ("2015-07-25.zip") in dataDir, in stored order.
func ReadDay(dataDir, zipName string) ([]Record, error) {
	return snn.ReadDay(filepath.Join(dataDir, zipName))
}

// articleID names an article of the data by its key, so assignments can be
// matched back to gold items.
func articleID(zipName string, index int) string {
	return "snn-" + strings.TrimSuffix(zipName, ".zip") + "-" + strconv.Itoa(index)
}

// toArticle turns a record into the core article type: date_extracted
// ("2015-07-25 01:27:33") becomes Published in ISO form.
func toArticle(r Record, zipName string, index int) news.Article {
	return news.Article{
		ID:        articleID(zipName, index),
		Page:      r.URL,
		Title:     r.Title,
		Text:      strings.TrimSpace(r.Content),
		Lang:      "ar",
		Published: strings.Replace(strings.TrimSpace(r.DateExtracted), " ", "T", 1),
		Source:    r.Source,
		Author:    r.Author,
		URL:       r.URL,
	}
}

// GoldArticles reads the text of every gold item from dataDir, checking
// that each key exists and points at the URL the gold file names. The
// articles come back in gold order.
func GoldArticles(dataDir string, gold []GoldItem) ([]news.Article, error) {
	days := map[string][]Record{}
	out := make([]news.Article, 0, len(gold))
	for _, g := range gold {
		recs, ok := days[g.Zip]
		if !ok {
			var err error
			if recs, err = ReadDay(dataDir, g.Zip); err != nil {
				return nil, err
			}
			days[g.Zip] = recs
		}
		if g.Index >= len(recs) {
			return nil, fmt.Errorf("gold %s #%d: the day holds %d articles", g.Zip, g.Index, len(recs))
		}
		if r := recs[g.Index]; r.URL != g.URL {
			return nil, fmt.Errorf("gold %s #%d: %w: gold %q, data %q", g.Zip, g.Index, ErrURLMismatch, g.URL, r.URL)
		}
		out = append(out, toArticle(recs[g.Index], g.Zip, g.Index))
	}
	return out, nil
}

// dayArticles reads every article of the named days, in publication order
// (date_extracted, then archive and position, so equal times keep the
// data's order).
func dayArticles(dataDir string, zips []string) ([]news.Article, error) {
	type keyed struct {
		a    news.Article
		zip  string
		i    int
		when string
	}
	var all []keyed
	for _, z := range zips {
		recs, err := ReadDay(dataDir, z)
		if err != nil {
			return nil, err
		}
		for i, r := range recs {
			a := toArticle(r, z, i)
			all = append(all, keyed{a, z, i, a.Published})
		}
	}
	sort.SliceStable(all, func(x, y int) bool {
		if all[x].when != all[y].when {
			return all[x].when < all[y].when
		}
		if all[x].zip != all[y].zip {
			return all[x].zip < all[y].zip
		}
		return all[x].i < all[y].i
	})
	out := make([]news.Article, len(all))
	for i, k := range all {
		out[i] = k.a
	}
	return out, nil
}

// AllArticles reads every day archive ("*.zip") in dataDir, in
// publication order, with the same ids the gold keys name.
func AllArticles(dataDir string) ([]news.Article, error) {
	zips, err := snn.Days(dataDir)
	if err != nil {
		return nil, err
	}
	names := make([]string, len(zips))
	for i, z := range zips {
		names[i] = filepath.Base(z)
	}
	return dayArticles(dataDir, names)
}
