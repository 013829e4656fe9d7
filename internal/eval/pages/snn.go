package pages

import (
	"errors"
	"fmt"
	"github.com/marsad/marsad/internal/eval/snn"
	"strings"
	"time"
	"unicode"
)

// ErrNoData means the data directory holds no SaudiNewsNet day archives.
var ErrNoData = snn.ErrNoDays

// ErrTooFew means the data holds fewer usable articles than the pages asked for.
var ErrTooFew = errors.New("pages: not enough usable articles")

// record is one SaudiNewsNet article as its JSON arrays hold it.
type record = snn.Record

// article is a record made ready for a page: body lines split the way the
// source has them (one paragraph per line, trimmed, empty ones dropped).
type article struct {
	Outlet string // the outlet's Arabic name
	URL    string
	Day    time.Time // the crawl day, taken as the publication date
	Title  string
	Author string
	Body   []string
}

// outletNames gives SaudiNewsNet's source keys the names the outlets print.
var outletNames = map[string]string{
	"alriyadh":     "الرياض",
	"aljazirah":    "الجزيرة",
	"alyaum":       "اليوم",
	"aleqtisadiya": "الاقتصادية",
	"aawsat":       "الشرق الأوسط",
	"okaz":         "عكاظ",
	"alwatan":      "الوطن",
	"almadina":     "المدينة",
	"alweeam":      "الوئام",
	"3alyoum":      "عاجل اليوم",
	"sabq":         "سبق",
	"was":          "واس",
	"arreyadi":     "الرياضي",
	"arriyadiyah":  "الرياضية",
}

// Limits on the articles a page is built from. Very long articles make a
// page mostly body and hide furniture errors; one-line articles cannot show
// body lines being split off, so both ends are left out.
const (
	minBodyLines = 2
	maxBodyLines = 25
	minBodyRunes = 200
	// headlineStride keeps one title in this many as a related-article
	// headline: thousands are plenty and they spread over all days.
	headlineStride = 5
)

// corpus is what the generator draws from: the articles pages are built
// around, in a fixed order, and other real headlines for related lists.
type corpus struct {
	articles  []article
	headlines []string
}

// load reads the day archives of dataDir in name order and picks want
// articles spread evenly over the days: within a day, every k-th usable
// record. The choice depends only on the data, never on the seed.
func load(dataDir string, want int) (corpus, error) {
	zips, err := snn.Days(dataDir)
	if err != nil {
		return corpus{}, err
	}
	quota := (want + len(zips) - 1) / len(zips)
	var c corpus
	seen := map[string]bool{}
	for _, z := range zips {
		recs, err := readDay(z)
		if err != nil {
			return corpus{}, err
		}
		var usable []article
		for i, r := range recs {
			if a, ok := prepare(r); ok {
				usable = append(usable, a)
			}
			t := strings.TrimSpace(r.Title)
			if n := len(strings.Fields(t)); i%headlineStride == 0 && n >= 4 && n <= 16 && !seen[t] {
				seen[t] = true
				c.headlines = append(c.headlines, t)
			}
		}
		if len(usable) == 0 {
			continue
		}
		stride := max(1, len(usable)/quota)
		for i, taken := stride/2, 0; i < len(usable) && taken < quota; i, taken = i+stride, taken+1 {
			c.articles = append(c.articles, usable[i])
		}
	}
	if len(c.articles) < want {
		return corpus{}, fmt.Errorf("load %s: %d articles for %d wanted: %w", dataDir, len(c.articles), want, ErrTooFew)
	}
	c.articles = c.articles[:want]
	return c, nil
}

// readDay decodes every JSON member of one day's zip.
func readDay(path string) ([]record, error) { return snn.ReadDay(path) }

// prepare splits a record's content into body lines and says whether it
// makes a fair test article: a title, a few paragraphs, every line holding
// a word, and first and last paragraphs that are running text, not the
// title again or a byline.
func prepare(r record) (article, bool) {
	title := strings.Join(strings.Fields(r.Title), " ")
	if title == "" {
		return article{}, false
	}
	var body []string
	runes := 0
	for _, l := range strings.Split(r.Content, "\n") {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		if !strings.ContainsFunc(l, unicode.IsLetter) {
			return article{}, false
		}
		body = append(body, l)
		runes += len([]rune(l))
	}
	if len(body) < minBodyLines || len(body) > maxBodyLines || runes < minBodyRunes {
		return article{}, false
	}
	if strings.Join(strings.Fields(body[0]), " ") == title {
		return article{}, false
	}
	// Some records open with a byline or close with a signature inside
	// the content ("نايف السعدي – عين اليوم", "(واس)"): the gold could not
	// say whether a cleaner should keep them, so such records are skipped.
	if len(strings.Fields(body[0])) < 4 || len(strings.Fields(body[len(body)-1])) < 4 {
		return article{}, false
	}
	day, err := time.Parse("2006-01-02", strings.Fields(r.DateExtracted + " x")[0])
	if err != nil {
		return article{}, false
	}
	outlet := outletNames[r.Source]
	if outlet == "" {
		outlet = r.Source
	}
	return article{
		Outlet: outlet,
		URL:    r.URL,
		Day:    day,
		Title:  title,
		Author: strings.Join(strings.Fields(strings.ReplaceAll(r.Author, "&nbsp;", " ")), " "),
		Body:   body,
	}, true
}
