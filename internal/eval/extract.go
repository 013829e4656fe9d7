package eval

import (
	"bytes"
	"strings"

	trafilatura "github.com/markusmobius/go-trafilatura"
	nethtml "golang.org/x/net/html"

	"github.com/marsad/marsad/internal/clean"
	"github.com/marsad/marsad/internal/eval/pages"
	"github.com/marsad/marsad/news"
)

// MarsadText cleans a plain-text page with marsad's cleaner. A page the
// cleaner finds no article in scores as no articles, not as a failure.
func MarsadText(p pages.Page) []news.Article {
	arts, err := clean.Cleaner{}.Clean(textPage(p))
	if err != nil {
		return nil
	}
	return arts
}

// MarsadSites is marsad's cleaner with site memory, as ingest runs it: each
// page is learned under its site (its template) and then cleaned, in the
// order pages come, so later pages of a site clean better than the first.
func MarsadSites() TextCleaner {
	mem := clean.NewMemory()
	c := clean.Cleaner{Memory: mem}
	return func(p pages.Page) []news.Article {
		pg := textPage(p)
		mem.Learn(pg)
		arts, err := c.Clean(pg)
		if err != nil {
			return nil
		}
		return arts
	}
}

// textPage is a generated page as a plain-text page of its site: the
// template's name stands where a scraper would file the site's pages.
func textPage(p pages.Page) news.Page {
	origin := "sites/" + p.Template + "/" + p.ID + ".txt"
	return news.Page{Name: p.ID, Origin: origin, Kind: news.KindText, Body: []byte(p.Text)}
}

// MarsadHTML extracts an HTML page's body text with marsad's cleaner: the
// texts of all the articles it finds, joined by newlines (titles and
// captions are not body).
func MarsadHTML(html []byte) string {
	arts, err := clean.Cleaner{}.Clean(news.Page{Name: "eval", Origin: "eval", Kind: news.KindHTML, Body: html})
	if err != nil {
		return ""
	}
	texts := make([]string, len(arts))
	for i, a := range arts {
		texts[i] = a.Text
	}
	return strings.Join(texts, "\n")
}

// TrafilaturaHTML extracts an HTML page's body text with go-trafilatura
// alone, as the benchmark's own go_trafilatura runner does: parse with
// x/net/html, ExtractDocument with fallback extractors on, ContentText,
// soft hyphens removed. It is the reference marsad is compared with.
func TrafilaturaHTML(html []byte) string {
	doc, err := nethtml.Parse(bytes.NewReader(html))
	if err != nil {
		return ""
	}
	res, err := trafilatura.ExtractDocument(doc, trafilatura.Options{EnableFallback: true})
	if err != nil || res == nil {
		return ""
	}
	return strings.ReplaceAll(res.ContentText, "\u00ad", "")
}

// NamedExtractor is an HTML extractor with the name reports give it.
type NamedExtractor struct {
	Name    string
	Extract HTMLExtractor
}

// HTMLExtractors lists the extractors `marsad eval clean` compares on the
// HTML benchmark in one run: marsad first, go-trafilatura alone as the
// reference.
func HTMLExtractors() []NamedExtractor {
	return []NamedExtractor{
		{"marsad", MarsadHTML},
		{"go-trafilatura", TrafilaturaHTML},
	}
}
