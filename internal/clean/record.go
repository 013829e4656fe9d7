package clean

import (
	"strings"
	"unicode"

	"github.com/marsad/marsad/internal/timex"
	"github.com/marsad/marsad/news"
)

// record takes an article that arrived structured (JSON, JSONL, a feed):
// its fields are trusted, its text only split into trimmed paragraphs.
// Running the furniture filter on it would remove real lines: structured
// exports carry the body their publisher marked as such.
func record(p news.Page) ([]news.Article, error) {
	r := p.Record
	if r == nil {
		return nil, nil
	}
	var body []string
	for _, l := range strings.Split(r.Text, "\n") {
		if l = strings.TrimFunc(l, unicode.IsSpace); l != "" {
			body = append(body, l)
		}
	}
	title := strings.TrimFunc(r.Title, unicode.IsSpace)
	// A headline with no body (a cartoon, a photo page, a feed item) is
	// still an article: its publisher said so.
	if len(body) == 0 && title == "" {
		return nil, nil
	}
	a := news.Article{
		Page:      p.Name,
		Origin:    p.Origin,
		Title:     title,
		Text:      strings.Join(body, "\n"),
		Lang:      "ar",
		Source:    r.Source,
		Author:    r.Author,
		URL:       r.URL,
		Published: isoDate(r.Published, p),
	}
	return []news.Article{a}, nil
}

// isoDate keeps a record's date in the ISO form marsad writes, reading the
// page-date forms too ("1404/10/07"); an unreadable date is dropped rather
// than passed on as if it were one.
func isoDate(s string, p news.Page) string {
	if t, ok := news.ParseISO(s); ok {
		if strings.ContainsRune(s, ':') {
			return t.Format("2006-01-02T15:04:05")
		}
		return t.Format("2006-01-02")
	}
	if t, ok := timex.PageDate(s, p.Fetched); ok {
		return t.Format("2006-01-02")
	}
	return ""
}
