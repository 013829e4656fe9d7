// Package pages builds a labelled set of scraped Arabic news pages for
// scoring the plain-text cleaner: real SaudiNewsNet articles wrapped in the
// furniture of invented but realistic Arabic news sites (menus, tickers,
// related lists made of other real headlines, comments, ads, share prompts,
// bylines, dates in several calendars, captions, glued second articles),
// each page with its gold articles.
//
// The SaudiNewsNet text is never stored in the project: pages are generated
// at evaluation time from the data directory, deterministically (the same
// data and seed give the same pages). The package owns the generator and
// its templates; it must not depend on the cleaner it is used to score.
package pages

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"
	"unicode"
)

// Kind says what a page line is. Gold body lines are KindBody; everything
// else a cleaner must drop or set apart, and the kind names the furniture
// so a score can say which kinds a cleaner keeps by mistake.
type Kind string

// Line kinds. Title, body and caption lines are the gold; the rest is
// furniture, named for what a reader sees it as.
const (
	KindTitle      Kind = "title"
	KindBody       Kind = "body"
	KindCaption    Kind = "caption"
	KindMenu       Kind = "menu"
	KindBreadcrumb Kind = "breadcrumb"
	KindTicker     Kind = "ticker"     // breaking-news and latest-news strips
	KindKicker     Kind = "kicker"     // one-word labels over a headline (عاجل، فيديو)
	KindByline     Kind = "byline"     // author and dateline lines
	KindDate       Kind = "date"       // publication and update dates
	KindOutlet     Kind = "outlet"     // the outlet's name on a line of its own
	KindSource     Kind = "source"     // المصدر: ...
	KindCounter    Kind = "counter"    // views, comments, shares
	KindShare      Kind = "share"      // share buttons and prompts
	KindRelated    Kind = "related"    // related, most-read and more-news lists
	KindReadAlso   Kind = "read-also"  // an inline "اقرأ أيضا: headline" inside the body
	KindEnd        Kind = "end-marker" // an end-of-article marker, or the "read also" before a glued article
	KindCommentBox Kind = "comment-form"
	KindComment    Kind = "comment" // readers' comments and their names and times
	KindAd         Kind = "ad"
	KindSponsored  Kind = "sponsored" // paid "content from around the web" headlines
	KindTags       Kind = "tags"
	KindFollow     Kind = "follow" // follow us, newsletter, app prompts
	KindNav        Kind = "navigation"
	KindCopyright  Kind = "copyright"
	KindData       Kind = "data"  // market tickers, scores, prayer times, weather
	KindTools      Kind = "tools" // print, save, font size
	KindPersian    Kind = "persian"
	KindEnglish    Kind = "english"
	KindFrench     Kind = "french"
	KindForum      Kind = "forum" // forum post furniture: quote, reply, signature
)

// Line is one line of a page as the scraper copied it, with its kind.
type Line struct {
	Text string `json:"text"`
	Kind Kind   `json:"kind"`
}

// GoldArticle is what a perfect cleaner returns for one article of a page.
type GoldArticle struct {
	// Title is the headline as the page prints it; empty when the page
	// has no headline line for this article.
	Title string `json:"title"`
	// Body holds the article's paragraphs, exactly, in order.
	Body []string `json:"body"`
	// Captions holds the photo captions and credits set inside the
	// article, without the "<الشكل>" figure marker a scraper copies.
	Captions []string `json:"captions,omitempty"`
	// URL is where the SaudiNewsNet record came from, for provenance.
	URL string `json:"url"`
}

// Page is one generated scraped page with its gold.
type Page struct {
	// ID names the page in reports and file names: "p007-gulf-daily".
	ID string
	// Template is the site template the page was built with.
	Template string
	// Text is the page as a scraper copied it: one block per line,
	// blank lines between blocks on some pages.
	Text string
	// Lines are Text's non-blank lines in order, with their kinds.
	Lines []Line
	// Gold lists the page's articles in page order.
	Gold []GoldArticle
	// Source is the outlet the page names for its (first) article, by an
	// outlet line or a source line; empty when the template states none.
	Source string
	// Published is the publication date the page prints for its (first)
	// article, as YYYY-MM-DD; empty when the template prints none.
	Published string
}

// KindOf returns the kind of the first page line whose text is s after
// trimming, and false when no line has it.
func (p Page) KindOf(s string) (Kind, bool) {
	s = strings.TrimSpace(s)
	for _, l := range p.Lines {
		if l.Text == s {
			return l.Kind, true
		}
	}
	return "", false
}

// gluedEvery makes one page in this many hold a second full article: 16.7%
// of pages, above the 10% the labelled set must have.
const gluedEvery = 6

// Generate builds n pages from the SaudiNewsNet day archives in dataDir.
// Which articles are used depends only on the data; seed decides
// everything else (furniture, positions, presence), so the same data and
// seed give the same pages. Templates are used in turn, so each gets about
// n/len(templates) pages.
func Generate(dataDir string, n int, seed int64) ([]Page, error) {
	if n <= 0 {
		return nil, nil
	}
	glued := 0
	for i := range n {
		if i%gluedEvery == gluedEvery-1 {
			glued++
		}
	}
	c, err := load(dataDir, n+glued)
	if err != nil {
		return nil, fmt.Errorf("generate pages: %w", err)
	}
	tpls := templates()
	out := make([]Page, 0, n)
	next := n // the next article for a glued second one
	for i := range n {
		arts := []article{c.articles[i]}
		if i%gluedEvery == gluedEvery-1 {
			arts = append(arts, c.articles[next])
			next++
		}
		// One generator per page, seeded by the seed and the page number,
		// so a change to one template does not reshuffle every other page.
		r := rand.New(rand.NewPCG(uint64(seed), uint64(i)))
		t := tpls[i%len(tpls)]
		b := newBuilder(r, arts, c.headlines)
		t.build(b)
		out = append(out, b.page(fmt.Sprintf("p%03d-%s", i, t.name), t.name))
	}
	return out, nil
}

// builder assembles one page line by line and keeps its gold in step, so
// a template cannot print a body line without it entering the gold.
type builder struct {
	r         *rand.Rand
	arts      []article
	heads     []string
	used      map[string]bool // headlines already on the page
	lines     []Line
	gold      []GoldArticle
	source    string
	published string
	spaced    bool // blank line between blocks
}

func newBuilder(r *rand.Rand, arts []article, heads []string) *builder {
	b := &builder{r: r, arts: arts, heads: heads, used: map[string]bool{}}
	b.gold = make([]GoldArticle, len(arts))
	for i, a := range arts {
		b.gold[i].URL = a.URL
		b.used[a.Title] = true
		for _, l := range a.Body {
			b.used[l] = true
		}
	}
	b.spaced = r.IntN(2) == 0
	return b
}

// page renders the assembled lines.
func (b *builder) page(id, tpl string) Page {
	sep := "\n"
	if b.spaced {
		sep = "\n\n"
	}
	texts := make([]string, len(b.lines))
	for i, l := range b.lines {
		texts[i] = l.Text
	}
	return Page{
		ID:        id,
		Template:  tpl,
		Text:      strings.Join(texts, sep) + "\n",
		Lines:     b.lines,
		Gold:      b.gold,
		Source:    b.source,
		Published: b.published,
	}
}

// add appends furniture lines of one kind, skipping empty ones.
func (b *builder) add(k Kind, texts ...string) {
	for _, t := range texts {
		t = strings.TrimSpace(t)
		if t == "" {
			continue
		}
		b.lines = append(b.lines, Line{Text: t, Kind: k})
	}
}

// title prints article i's headline and records it as gold.
func (b *builder) title(i int) {
	b.gold[i].Title = b.arts[i].Title
	b.lines = append(b.lines, Line{Text: b.arts[i].Title, Kind: KindTitle})
}

// titleAgain prints the headline a second time, as some sites do (page
// title and article heading both copied); the gold keeps it once.
func (b *builder) titleAgain(i int) {
	b.lines = append(b.lines, Line{Text: b.arts[i].Title, Kind: KindTitle})
}

// body prints article i's paragraphs; between, when not nil, is called
// after each paragraph but the last with its index, to set inserts.
func (b *builder) body(i int, between func(k int)) {
	for k, l := range b.arts[i].Body {
		b.gold[i].Body = append(b.gold[i].Body, l)
		b.lines = append(b.lines, Line{Text: l, Kind: KindBody})
		if between != nil && k < len(b.arts[i].Body)-1 {
			between(k)
		}
	}
}

// caption prints a caption line of article i. The gold drops a leading
// figure marker: it is the scraper's trace of a <figure>, not caption text.
func (b *builder) caption(i int, text string) {
	b.lines = append(b.lines, Line{Text: text, Kind: KindCaption})
	b.gold[i].Captions = append(b.gold[i].Captions, StripFigureMarker(text))
}

// date prints a publication date line of the page's first article:
// prefix + the day in style s + suffix.
func (b *builder) date(prefix string, s dateStyle, suffix string) {
	b.add(KindDate, prefix+formatDate(b.arts[0].Day, s)+suffix)
	if b.published == "" {
		b.published = b.arts[0].Day.Format("2006-01-02")
	}
}

// sourceLine prints a line naming the outlet of the first article and
// records the outlet as gold.
func (b *builder) sourceLine(k Kind, text, outlet string) {
	b.add(k, text)
	if b.source == "" {
		b.source = outlet
	}
}

// headlines returns n real headlines of other articles, none already on
// the page.
func (b *builder) headlines(n int) []string {
	var out []string
	for tries := 0; len(out) < n && tries < 50*n; tries++ {
		h := b.heads[b.r.IntN(len(b.heads))]
		if b.used[h] {
			continue
		}
		b.used[h] = true
		out = append(out, h)
	}
	return out
}

// chance is true with probability p.
func (b *builder) chance(p float64) bool { return b.r.Float64() < p }

// pick returns one of xs.
func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// StripFigureMarker removes a leading "<الشكل>"-style marker that scrapers
// copy from a <figure> element, so a caption compares by its words.
func StripFigureMarker(s string) string {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "<") {
		if j := strings.Index(s, ">"); j > 0 && j < 24 {
			s = strings.TrimSpace(s[j+1:])
		}
	}
	return s
}

// firstWords returns the first n words of s.
func firstWords(s string, n int) string {
	f := strings.Fields(s)
	if len(f) > n {
		f = f[:n]
	}
	return strings.TrimRightFunc(strings.Join(f, " "), func(r rune) bool { return unicode.IsPunct(r) })
}

// dayOf is the first article's day, for furniture dates around it.
func (b *builder) dayOf() time.Time { return b.arts[0].Day }
