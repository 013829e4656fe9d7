package web

import (
	"cmp"
	"fmt"
	"html"
	"html/template"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/marsad/marsad/news"
)

// span is a stretch of text to wrap in <mark>: rune offsets [Start, End),
// a CSS class and a tooltip.
type span struct {
	Start, End int
	Class      string
	Title      string
}

// markup escapes text and wraps each span in <mark class=... title=...>.
// Spans nest when one lies inside another; a span that crosses the end of
// one already open, or falls outside the text, is left out rather than
// producing tags that overlap. Bidi embedding and override characters are
// shown as their code point instead of being applied, so article text
// cannot reorder what the page shows.
func markup(text string, spans []span) template.HTML {
	rs := []rune(text)
	ss := make([]span, 0, len(spans))
	for _, s := range spans {
		if s.Start >= 0 && s.Start < s.End && s.End <= len(rs) {
			ss = append(ss, s)
		}
	}
	// Outer spans first: by start, then the longer one.
	slices.SortStableFunc(ss, func(a, b span) int {
		if c := cmp.Compare(a.Start, b.Start); c != 0 {
			return c
		}
		return cmp.Compare(b.End, a.End)
	})
	var b strings.Builder
	var open []span
	pos := 0
	closeTo := func(limit int) {
		for len(open) > 0 && open[len(open)-1].End <= limit {
			top := open[len(open)-1]
			writeText(&b, rs[pos:top.End])
			b.WriteString("</mark>")
			pos = top.End
			open = open[:len(open)-1]
		}
	}
	for _, s := range ss {
		closeTo(s.Start)
		if len(open) > 0 && open[len(open)-1].End < s.End {
			continue // crosses an open span: overlapping tags are not HTML
		}
		writeText(&b, rs[pos:s.Start])
		pos = s.Start
		fmt.Fprintf(&b, `<mark class="%s"`, html.EscapeString(s.Class))
		if s.Title != "" {
			fmt.Fprintf(&b, ` title="%s"`, html.EscapeString(s.Title))
		}
		b.WriteString(">")
		open = append(open, s)
	}
	closeTo(len(rs))
	writeText(&b, rs[pos:])
	return template.HTML(b.String())
}

// writeText writes runes HTML-escaped, bidi controls made visible.
func writeText(b *strings.Builder, rs []rune) {
	start := 0
	for i, r := range rs {
		if !isBidiControl(r) {
			continue
		}
		b.WriteString(html.EscapeString(string(rs[start:i])))
		fmt.Fprintf(b, `<span class="ctl" title="محرف تحكم في اتجاه النص">U+%04X</span>`, r)
		start = i + 1
	}
	b.WriteString(html.EscapeString(string(rs[start:])))
}

// isBidiControl reports the explicit embedding, override and isolate
// characters, which change the display order of the text after them.
func isBidiControl(r rune) bool {
	return (r >= '\u202A' && r <= '\u202E') || (r >= '\u2066' && r <= '\u2069')
}

// plain escapes text the way markup does, with nothing marked.
func plain(text string) template.HTML {
	return markup(text, nil)
}

// articleSpans gathers the marks of an article's text: entities, quotes,
// quantities in the text (not in captions) and time expressions.
func articleSpans(a news.Article) []span {
	ss := quoteSpans(a.Text, a.Quotes)
	for _, m := range a.Entities {
		title := m.Name
		if title == "" {
			title = m.Text
		}
		ss = append(ss, span{Start: m.Start, End: m.End, Class: "entity " + typeClass(m.Type), Title: title + " (" + typeName(m.Type) + ")"})
	}
	for _, q := range a.Quantities {
		if q.Caption == 0 {
			ss = append(ss, quantitySpan(q))
		}
	}
	for _, d := range a.Dates {
		ss = append(ss, span{Start: d.Start, End: d.End, Class: "date", Title: d.Value})
	}
	return ss
}

// captionSpans are the quantity marks of the n-th caption (1-based).
func captionSpans(a news.Article, n int) []span {
	var ss []span
	for _, q := range a.Quantities {
		if q.Caption == n {
			ss = append(ss, quantitySpan(q))
		}
	}
	return ss
}

func quantitySpan(q news.Quantity) span {
	title := qualifierName(q.Qualifier) + " " + num(q.Min)
	if q.Max != q.Min {
		title += "–" + num(q.Max)
	}
	if q.Unit != "" {
		title += " " + q.Unit
	}
	return span{Start: q.Start, End: q.End, Class: "quantity", Title: title}
}

// quoteSpans places quotes, which carry no offsets, at the first occurrence
// of their text after the previous quote (quotes come in text order), else
// at the first occurrence anywhere. A quote whose words are
// not in the text verbatim is not marked (it is still listed).
func quoteSpans(text string, quotes []news.Quote) []span {
	var ss []span
	from := 0 // byte offset
	for _, q := range quotes {
		qt := strings.TrimSpace(q.Text)
		if qt == "" {
			continue
		}
		i := strings.Index(text[from:], qt)
		if i < 0 {
			i = strings.Index(text, qt)
			if i < 0 {
				continue
			}
		} else {
			i += from
		}
		start := utf8.RuneCountInString(text[:i])
		title := q.Speaker
		if title == "" {
			title = "قائل غير معروف"
		}
		ss = append(ss, span{Start: start, End: start + utf8.RuneCountInString(qt), Class: "quote", Title: "قول: " + title})
		from = i + len(qt)
	}
	return ss
}
