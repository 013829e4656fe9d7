package clean

import (
	"bytes"
	"strings"

	trafilatura "github.com/markusmobius/go-trafilatura"
	nethtml "golang.org/x/net/html"

	"github.com/marsad/marsad/news"
)

// html finds an HTML page's main content with go-trafilatura (fallback
// extractors on), takes its paragraphs from the content node, and runs
// them through the same line classifier as plain text: trafilatura leaks
// "related" and "share" blocks that the classifier knows.
func html(p news.Page) ([]news.Article, error) {
	res, err := trafilatura.Extract(bytes.NewReader(p.Body), trafilatura.Options{
		EnableFallback:  true,
		ExcludeComments: true,
		Deduplicate:     true,
	})
	if err != nil {
		return nil, err
	}
	var lines []string
	if t := strings.TrimSpace(res.Metadata.Title); t != "" {
		lines = append(lines, t)
	}
	if res.ContentNode != nil {
		lines = append(lines, blocks(res.ContentNode)...)
	}
	arts := fromLines(p, lines, true, nil)
	if len(arts) > 0 && arts[0].Title == "" {
		// The page declares its headline in its metadata even when the
		// content node leaves the <h1> out.
		arts[0].Title = strings.TrimSpace(res.Metadata.Title)
	}
	for i := range arts {
		a := &arts[i]
		if a.Source == "" {
			a.Source = strings.TrimSpace(res.Metadata.Sitename)
		}
		if a.Author == "" {
			a.Author = strings.TrimSpace(res.Metadata.Author)
		}
		if a.Published == "" && !res.Metadata.Date.IsZero() {
			a.Published = res.Metadata.Date.Format("2006-01-02")
		}
		if a.URL == "" {
			a.URL = res.Metadata.URL
		}
	}
	return arts, nil
}

// blockTags hold one paragraph of text each when they have no block inside.
var blockTags = map[string]bool{
	"p": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"li": true, "blockquote": true, "pre": true, "figcaption": true, "td": true,
	"th": true, "div": true, "section": true, "article": true, "dd": true, "dt": true,
	"caption": true, "header": true, "footer": true, "main": true, "aside": true,
}

// blocks flattens a content tree into its paragraphs' text, whitespace
// collapsed. Text directly inside a container that also holds blocks
// becomes a paragraph of its own, so nothing is dropped.
func blocks(n *nethtml.Node) []string {
	var out []string
	var buf strings.Builder
	flush := func() {
		if t := strings.Join(strings.Fields(buf.String()), " "); t != "" {
			out = append(out, t)
		}
		buf.Reset()
	}
	var walk func(*nethtml.Node)
	walk = func(n *nethtml.Node) {
		switch n.Type {
		case nethtml.TextNode:
			buf.WriteString(n.Data)
			return
		case nethtml.ElementNode:
			switch n.Data {
			case "script", "style", "noscript", "template":
				return
			case "br":
				flush()
				return
			}
		}
		block := n.Type == nethtml.ElementNode && blockTags[n.Data]
		if block {
			flush()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			flush()
		}
	}
	walk(n)
	flush()
	return out
}
