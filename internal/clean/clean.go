// Package clean turns raw pages into the articles they hold: it keeps every
// body line in its original characters, drops page furniture (saying why,
// for audit), sets captions apart, splits pages that glue several articles
// together, and reads the outlet, date and byline a page states.
//
// It is pure: no I/O, no clock (a page's fetch time is passed in with it).
package clean

import (
	"errors"
	"fmt"
	"strings"

	"github.com/marsad/marsad/internal/arabic"
	"github.com/marsad/marsad/news"
)

// ErrNoArticle means a page held no running text to keep.
var ErrNoArticle = errors.New("no article text found")

// Cleaner is the cleaning stage. Its zero value is ready to use.
type Cleaner struct {
	// Memory, when set, holds what earlier pages taught about their
	// sites: lines a site repeats on many pages are furniture. Cleaning
	// only reads it; the caller calls Memory.Learn.
	Memory *Memory
}

var _ news.Cleaner = Cleaner{}

// Clean returns the articles of p in page order.
func (c Cleaner) Clean(p news.Page) ([]news.Article, error) {
	var arts []news.Article
	var err error
	switch p.Kind {
	case news.KindRecord:
		arts, err = record(p)
	case news.KindHTML:
		arts, err = html(p)
	default:
		arts = c.text(p)
	}
	if err != nil {
		return nil, fmt.Errorf("clean %s: %w", p.Origin, err)
	}
	if len(arts) == 0 {
		return nil, fmt.Errorf("clean %s: %w", p.Origin, ErrNoArticle)
	}
	return arts, nil
}

// Text cleans a plain-text page: one line per paragraph, as scrapers copy.
func Text(p news.Page) []news.Article { return Cleaner{}.text(p) }

func (c Cleaner) text(p news.Page) []news.Article {
	raw := strings.Split(string(p.Body), "\n")
	var repeated []bool
	if c.Memory != nil {
		self := hashBytes(p.Body)
		repeated = make([]bool, len(raw))
		for i, l := range raw {
			repeated[i] = c.Memory.repeated(p, self, l)
		}
	}
	return fromLines(p, raw, false, repeated)
}

func fromLines(p news.Page, raw []string, lenient bool, repeated []bool) []news.Article {
	langs := make([]string, len(raw))
	for i, r := range raw {
		langs[i], _ = arabic.Lang(r)
	}
	lang := pageLang(raw, langs)
	ls := make([]line, len(raw))
	for i, r := range raw {
		ls[i] = classify(r, langs[i], lang, p.Fetched)
		if repeated != nil && repeated[i] && (ls[i].kind == short || ls[i].kind == listItem || ls[i].kind == caption) {
			// Printed on many pages of this site: furniture, whatever it
			// looks like on its own. Running text is never overruled:
			// copies of one wire story share their paragraphs; source and
			// date lines stay metadata.
			ls[i].kind, ls[i].reason = furniture, "repeated on this site's pages"
		}
	}
	pieces, pm := segment(ls, lenient)
	arts := articles(p, pieces, pm)
	for i := range arts {
		arts[i].Lang = lang
	}
	return arts
}

// pageLang is the language most of a page's long lines are in: the
// language of its running text, whatever its furniture is in. Arabic when
// no line is long enough to tell.
func pageLang(raw, langs []string) string {
	count := map[string]int{}
	best, bestN := "ar", 0
	for i, r := range raw {
		if strings.Count(r, " ") < 7 && unspaced(r) < 40 {
			continue
		}
		code := langs[i]
		if code == "" {
			continue
		}
		count[code] += len(r)
		if count[code] > bestN {
			best, bestN = code, count[code]
		}
	}
	return best
}
