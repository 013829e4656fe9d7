package clean

import (
	"strings"
	"time"

	"github.com/marsad/marsad/internal/arabic"
	"github.com/marsad/marsad/news"
)

// piece is one article being assembled from a page's lines.
type piece struct {
	header    []int // indexes of short lines seen before the body
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
//
// When lenient (HTML, whose main content go-trafilatura already chose),
// only lines with a signal of their own are dropped: nothing is dropped
// for where it stands, and the page is one article.
func segment(ls []line, lenient bool) ([]piece, pageMeta) {
	var (
		pieces   []piece
		cur      = &piece{}
		pm       pageMeta
		closed   bool // the current article has shown its end
		related  bool // inside a related-articles block
		comments bool // inside readers' comments: nothing there is an article
		readAlso bool // a "read also" cue: a glued article may follow
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
			// A source or share line above the body does not end it.
			closed = closed || (l.closes && cur.started)
		case furniture:
			drop(l, l.reason)
			closed = closed || (l.closes && cur.started)
			related = related || l.related
			comments = comments || (l.comments && cur.started)
			readAlso = readAlso || l.reason == "read also" || l.reason == "read-also link"
		case caption:
			cur.captions = append(cur.captions, figureMarker.ReplaceAllString(l.text, ""))
		case listItem:
			// Lists inside running text are body (steps, points of a
			// statement); lists after a related cue, outside the body or
			// after its end are links.
			if !lenient && (related || closed || !cur.started || !paragraphAfterList(ls, i)) {
				drop(l, "list of links")
				continue
			}
			cur.body = append(cur.body, l.text)
		case paragraph:
			if !cur.started && cur.title == "" && !endsSentence(l.text) && l.words <= 25 && (nextKind(ls, i) == meta || nextBody(ls, i) != nextKind(ls, i)) {
				// A long headline, followed by its byline or date.
				cur.header = append(cur.header, i)
				continue
			}
			if comments {
				drop(l, "comment")
				continue
			}
			if closed && !lenient {
				drop(l, "text after the article's end")
				continue
			}
			if !cur.started {
				resolveHeader(ls, cur)
			}
			cur.body = append(cur.body, l.text)
			cur.started = true
			related = false
		case short:
			next := nextKind(ls, i)
			if next != paragraph && nextBody(ls, i) == paragraph && headlineLike(l) && (closed || readAlso) && (!related || readAlso) {
				// A glued article's headline, with its dateline or byline
				// between it and its first paragraph.
				next = paragraph
			}
			switch {
			case !cur.started && cur.title == "":
				// Headline, menu item, ticker or caption: decided by
				// resolveHeader when the body begins.
				cur.header = append(cur.header, i)
			case !cur.started && l.text == cur.title:
				drop(l, "repeated headline")
			case !cur.started && l.words <= 10:
				cur.captions = append(cur.captions, l.text)
			case !cur.started:
				// A standfirst: running text set as a short paragraph.
				cur.body = append(cur.body, l.text)
				cur.started = true
			case lenient:
				cur.body = append(cur.body, l.text)
			case next == paragraph && headlineLike(l) && !comments && (!related || readAlso) &&
				(closed || (readAlso && len(cur.body) >= 2 && gluedHere(ls, i, cur.body))):
				// After the article's end, or after a "read also" cue
				// closing a full article: a glued article begins.
				pieces = append(pieces, *cur)
				cur = &piece{title: l.text}
				closed, related, comments, readAlso = false, false, false, false
			case closed && next == paragraph && headlineLike(l) && readAlso:
				pieces = append(pieces, *cur)
				cur = &piece{title: l.text}
				closed, related, comments, readAlso = false, false, false, false
			case comments:
				drop(l, "comment")
			case closed:
				drop(l, "text after the article's end")
			case related:
				drop(l, "list of links")
			case next == paragraph && l.words <= 20:
				cur.body = append(cur.body, l.text) // subheading
			case endsSentence(l.text) && l.words >= 4:
				cur.body = append(cur.body, l.text) // a short paragraph
			default:
				drop(l, "short line outside running text")
			}
		}
	}
	if !cur.started {
		resolveHeader(ls, cur)
	}
	pieces = append(pieces, *cur)
	return pieces, pm
}

// minHeadlineScore is the least headlineScore a line needs to be taken for
// the headline; set on generated pages (seed 1), checked on seed 7.
const minHeadlineScore = 1.5

// resolveHeader picks the headline among the short lines seen before the
// body (menus, tickers, kickers, bylines and captions sit there too): the
// best-scoring one. Lines before it are header furniture; lines after it
// are captions when they read like one, else furniture.
func resolveHeader(ls []line, cur *piece) {
	if cur.title != "" || len(cur.header) == 0 {
		return
	}
	// A page may print no headline at all (a channel post, a wire item):
	// below this score nothing in the header is taken for one.
	best, bestScore := -1, minHeadlineScore
	for k := range cur.header {
		if s := headlineScore(ls, cur.header, k); s > bestScore {
			best, bestScore = k, s
		}
	}
	for k, i := range cur.header {
		l := ls[i]
		switch {
		case k == best:
			cur.title = l.text
		case best >= 0 && l.text == ls[cur.header[best]].text:
			cur.removed = append(cur.removed, news.RemovedLine{Text: l.text, Reason: "repeated headline"})
		case k > best && best >= 0 && dateline(l.text) && k == len(cur.header)-1:
			// The article's own dateline, just above its first paragraph.
			cur.body = append(cur.body, l.text)
		case k > best && best >= 0 && l.words >= 3 && digitShare(l.norm) < 0.3 && !dateline(l.text):
			cur.captions = append(cur.captions, l.text)
		default:
			cur.removed = append(cur.removed, news.RemovedLine{Text: l.text, Reason: "header line"})
		}
	}
	cur.header = nil
}

// headlineScore rates header line k as the headline: headlines have
// several words, few digits, no trailing colon, are often printed twice,
// and are followed by a date, byline, caption or the body itself.
func headlineScore(ls []line, header []int, k int) float64 {
	l := ls[header[k]]
	s := float64(min(l.words, 12)) / 4
	if l.words < 2 {
		s -= 1
	}
	if digitShare(l.norm) >= 0.3 {
		s -= 4
	}
	if strings.HasSuffix(strings.TrimSpace(l.text), ":") {
		s -= 3
	}
	if promo(l.norm) {
		s -= 2
	}
	// Bylines and datelines sit where headlines do but name people,
	// places and dates.
	if dateline(l.text) || l.dated {
		s -= 3
	}
	for j, i := range header {
		if j != k && ls[i].text == l.text {
			s += 3
			break
		}
	}
	// A date, byline or caption follows a headline; the body follows a
	// headline or a caption alike, so it says less.
	switch nextKind(ls, header[k]) {
	case meta, caption:
		s += 2
	case paragraph:
		s += 0.5
	}
	// Headlines come before the captions and bylines under them: the first
	// line with the words of a headline gets a lead.
	first := true
	for _, i := range header[:k] {
		if ls[i].words >= 4 && digitShare(ls[i].norm) < 0.3 {
			first = false
			break
		}
	}
	if first && l.words >= 4 {
		s++
	}
	return s
}

// dateline reports a byline of place and outlet ("دبي - الشاشة نيوز",
// "عكاظ (جازان)"): two short parts around a dash or in brackets.
func dateline(text string) bool {
	if len(strings.Fields(text)) > 6 {
		return false
	}
	if strings.HasSuffix(strings.TrimSpace(text), ")") && len(strings.Fields(text)) <= 7 {
		return true // "خالد طاشكندي، حسين هزازي (جدة)"
	}
	for _, sep := range []string{" - ", " – ", "(", "/"} {
		if a, b, ok := strings.Cut(text, sep); ok && len(strings.Fields(a)) <= 3 && len(strings.Fields(strings.Trim(b, ") "))) <= 3 {
			return true
		}
	}
	return false
}

// headlineLike reports a line that can open a glued article: a few words,
// not a number row or a call to action.
func headlineLike(l line) bool {
	return l.words >= 3 && digitShare(l.norm) < 0.3 && !promo(l.norm)
}

// digitShare is the share of a line's words that are numbers: score and
// market tickers are mostly numbers, headlines rarely.
func digitShare(norm string) float64 {
	ws := strings.Fields(norm)
	if len(ws) == 0 {
		return 0
	}
	n := 0
	for _, w := range ws {
		if isDigits(w) {
			n++
		}
	}
	return float64(n) / float64(len(ws))
}

// promo reports calls to action sites print above a headline ("شاهد
// البث المباشر", "مشاهدة النسخة كاملة").
func promo(norm string) bool {
	first, _, _ := strings.Cut(norm, " ")
	switch first {
	case "شاهد", "شاهدوا", "مشاهده", "تابع", "تابعوا", "اشترك", "حمل", "تحميل", "اضغط", "انقر", "watch", "subscribe":
		return true
	}
	return false
}

// paragraphAfterList reports whether running text follows the run of
// list items (and short lines) that line i is in, before any furniture: a
// list inside the body has text after it, a list of links ends the body.
func paragraphAfterList(ls []line, i int) bool {
	for j := i + 1; j < len(ls); j++ {
		switch ls[j].kind {
		case blank, listItem, short:
			continue
		case paragraph:
			return true
		default:
			return false
		}
	}
	return false
}

// gluedHere decides, after a "read also" cue inside an article, whether the
// headline at i opens a glued article or is a link in the middle of the
// current one: a glued article's headline shares words with the text under
// it, while after a link the text goes on with the current article's words.
func gluedHere(ls []line, i int, body []string) bool {
	var after []string
	for j := i + 1; j < len(ls) && len(after) < 2; j++ {
		switch ls[j].kind {
		case paragraph:
			after = append(after, ls[j].text)
		case blank, meta, caption, short:
		default:
			j = len(ls)
		}
	}
	n := stems(strings.Join(after, " "))
	h := stems(ls[i].text)
	b := stems(strings.Join(body, " "))
	if len(n) == 0 || len(h) == 0 {
		return false
	}
	return overlap(h, n)/float64(len(h)) >= overlap(b, n)/float64(len(n))
}

// stems is the set of a text's content-word stems.
func stems(text string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.Fields(words(arabic.Search(text))) {
		if len([]rune(w)) >= 3 && !arabic.IsStopword(w) && !isDigits(w) {
			out[arabic.Stem(w)] = true
		}
	}
	return out
}

func overlap(a, b map[string]bool) float64 {
	n := 0
	for w := range a {
		if b[w] {
			n++
		}
	}
	return float64(n)
}

// nextBody is the kind of the next line after i that is not a blank, a
// date, source or byline line, a caption, or a short dateline ("الرياض 21
// شوال 1436 هـ", "لجين الأحمدي – عين اليوم"): what a headline leads to.
func nextBody(ls []line, i int) kind {
	for j := i + 1; j < len(ls); j++ {
		l := ls[j]
		switch {
		case l.kind == blank, l.kind == meta, l.kind == caption:
			continue
		case l.kind == short && (l.dated || dateline(l.text)):
			continue
		}
		return l.kind
	}
	return blank
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
