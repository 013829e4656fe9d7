package clean

import (
	"strings"
	"time"

	"github.com/marsad/marsad/news"
)

// piece is one article being assembled from a page's lines.
type piece struct {
	title     string
	body      []string
	captions  []string
	removed   []news.RemovedLine
	started   bool // a body paragraph has been seen
	source    string
	author    string
	published time.Time
}

// pageMeta is what a page says about itself outside any one article.
type pageMeta struct {
	source    string
	author    string
	published time.Time
}

// segment walks classified lines and splits them into articles. A page can
// glue several whole articles together: a new one starts only after the
// current one has visibly ended (a source, tags, share or comment line)
// and a headline is followed by running text. A short line followed by
// running text inside an article is a subheading and stays in the body.
func segment(ls []line) ([]piece, pageMeta) {
	var (
		pieces  []piece
		cur     = &piece{}
		pm      pageMeta
		closed  bool // the current article has shown its end
		related bool // inside a related-articles block
	)
	drop := func(l line, reason string) {
		cur.removed = append(cur.removed, news.RemovedLine{Text: l.text, Reason: reason})
	}
	for i, l := range ls {
		switch l.kind {
		case blank:
			continue
		case meta:
			switch {
			case l.source != "":
				if cur.source == "" {
					cur.source = l.source
				}
				if pm.source == "" {
					pm.source = l.source
				}
				drop(l, "source line")
			case l.author != "":
				if cur.author == "" {
					cur.author = l.author
				}
				if pm.author == "" {
					pm.author = l.author
				}
				drop(l, "byline")
			default:
				if cur.published.IsZero() {
					cur.published = l.date
				}
				if pm.published.IsZero() {
					pm.published = l.date
				}
				drop(l, "date line")
			}
			closed = closed || l.closes
		case furniture:
			drop(l, l.reason)
			closed = closed || l.closes
			related = related || l.related
		case caption:
			cur.captions = append(cur.captions, figureMarker.ReplaceAllString(l.text, ""))
		case listItem:
			if related || closed || !cur.started || neighbourIs(ls, i, listItem) {
				drop(l, "list of links")
				continue
			}
			cur.body = append(cur.body, l.text)
		case paragraph:
			if closed {
				drop(l, "text after the article's end")
				continue
			}
			cur.body = append(cur.body, l.text)
			cur.started = true
			related = false
		case short:
			next := nextKind(ls, i)
			switch {
			case !cur.started && cur.title == "":
				cur.title = l.text
			case !cur.started && l.text == cur.title:
				drop(l, "repeated headline")
			case !cur.started && l.words <= 10:
				cur.captions = append(cur.captions, l.text)
			case !cur.started:
				// A standfirst: running text set as a short paragraph.
				cur.body = append(cur.body, l.text)
				cur.started = true
			case closed && next == paragraph:
				pieces = append(pieces, *cur)
				cur = &piece{title: l.text}
				closed, related = false, false
			case closed:
				drop(l, "text after the article's end")
			case related:
				drop(l, "list of links")
			case next == paragraph && l.words <= 20:
				cur.body = append(cur.body, l.text) // subheading
			default:
				drop(l, "short line outside running text")
			}
		}
	}
	pieces = append(pieces, *cur)
	return pieces, pm
}

// nextKind is the kind of the next non-blank line after i.
func nextKind(ls []line, i int) kind {
	for j := i + 1; j < len(ls); j++ {
		if ls[j].kind != blank {
			return ls[j].kind
		}
	}
	return blank
}

// neighbourIs reports whether the nearest non-blank line before or after i
// has kind k: list items come in runs.
func neighbourIs(ls []line, i int, k kind) bool {
	if nextKind(ls, i) == k {
		return true
	}
	for j := i - 1; j >= 0; j-- {
		if ls[j].kind != blank {
			return ls[j].kind == k
		}
	}
	return false
}

// articles turns assembled pieces into articles, dropping pieces with no
// body and moving their audit trail to a neighbour so nothing is lost.
func articles(p news.Page, pieces []piece, pm pageMeta) []news.Article {
	var out []news.Article
	var orphan []news.RemovedLine
	for _, pc := range pieces {
		if len(pc.body) == 0 {
			orphan = append(orphan, pc.removed...)
			if pc.title != "" {
				orphan = append(orphan, news.RemovedLine{Text: pc.title, Reason: "headline with no text"})
			}
			continue
		}
		a := news.Article{
			Page:     p.Name,
			Origin:   p.Origin,
			Index:    len(out),
			Title:    pc.title,
			Text:     strings.Join(pc.body, "\n"),
			Captions: pc.captions,
			Removed:  append(orphan, pc.removed...),
			Lang:     "ar",
			Source:   first(pc.source, pm.source),
			Author:   first(pc.author, pm.author),
		}
		orphan = nil
		if d := firstTime(pc.published, pm.published); !d.IsZero() {
			a.Published = d.Format("2006-01-02")
		}
		out = append(out, a)
	}
	if len(out) > 0 && len(orphan) > 0 {
		last := &out[len(out)-1]
		last.Removed = append(last.Removed, orphan...)
	}
	return out
}

func first(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func firstTime(a, b time.Time) time.Time {
	if !a.IsZero() {
		return a
	}
	return b
}
