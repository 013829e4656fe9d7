package clean

import (
	"regexp"
	"strings"
	"time"
	"unicode"

	"github.com/marsad/marsad/internal/arabic"
	"github.com/marsad/marsad/internal/timex"
)

// kind is what a line is on its own, before its neighbours are seen.
type kind int

const (
	blank     kind = iota
	paragraph      // a body paragraph
	short          // headline-like: a title, subheading, caption or list item
	listItem       // a line opening with a list marker
	furniture      // page furniture: reason says which
	meta           // a source, date or author line: value says what
	caption        // a photo caption or credit
)

// line is one input line with the signals the segmenter needs.
type line struct {
	text     string // the original characters, surrounding space trimmed
	norm     string // search layer, punctuation as spaces, single-spaced
	words    int
	kind     kind
	reason   string // why a furniture line goes
	closes   bool   // an article's end: another article may follow
	comments bool   // readers' comments follow
	related  bool   // a related-articles block follows
	// meta lines
	source, author string
	date           time.Time
	// lang is the line's language ("" for lines of digits and dates).
	lang string
	// dated: a short line holding a full calendar date (a dateline);
	// worked out once, the header rules ask for it many times.
	dated bool
}

var (
	// creditTail is a run of Latin credit words closing a line:
	// "KCNA/EPA/Shutterstock", "AP", "Getty Images".
	creditTail = regexp.MustCompile(`\s([A-Z][A-Za-z]*(?:[-/ ][A-Z][A-Za-z]*)*)\s*$`)
	// bracketCredit is a bracketed photo credit: "[ملف: ... عبر رويترز]".
	bracketCredit = regexp.MustCompile(`[\[(](?:ملف|صورة|الصورة|أرشيفية|ارشيفية|تصوير)\s*[:：][^\])]*[\])]\s*$`)
	// figureMarker opens a line that a scraper copied from a <figure>.
	figureMarker = regexp.MustCompile(`^<\s*(?:الشكل|الصورة|figure|img)\s*>\s*`)
	listMarker   = regexp.MustCompile(`^(?:[•●▪■◦·*\-–—►»]|\d{1,2}[.)-])\s*`)
)

// classify reads one line on its own. lang is the line's language and
// pageLang that of the page's running text: lines in another language are
// furniture (a Persian dedication on an Arabic page, an English menu).
// fetched anchors date lines whose year could be read two ways.
func classify(raw, lang, pageLang string, fetched time.Time) line {
	l := line{text: strings.TrimFunc(raw, unicode.IsSpace), lang: lang}
	var exprs []timex.Expr // time expressions of short lines, found once
	if l.text == "" {
		l.kind = blank
		return l
	}
	l.norm = words(arabic.Search(l.text))
	l.words = strings.Count(l.norm, " ") + 1
	if l.norm == "" {
		l.words = 0
	}

	switch {
	case l.words == 0:
		l.kind, l.reason = furniture, "no words"
		return l
	case labelLines[l.norm]:
		l.kind, l.reason = furniture, "kicker label"
		return l
	case ticker(l.text):
		l.kind, l.reason = furniture, "breaking-news ticker"
		return l
	case l.words <= 4 && isCounter(l.norm):
		l.kind, l.reason = furniture, "counter"
		// "التعليقات (2)": the comment section starts here.
		l.comments = strings.Contains(l.norm, "تعليق")
		return l
	}
	if c, ok := matchCue(l.norm, l.words); ok {
		l.kind, l.reason, l.closes, l.related, l.comments = furniture, c.reason, c.closes, c.related, c.comments
		return l
	}
	if name, ok := outlets[l.norm]; ok {
		l.kind, l.source = meta, name
		return l
	}
	if v, ok := afterPrefix(l.norm, l.text, sourcePrefixes, 6); ok {
		l.kind, l.source, l.closes = meta, v, true
		return l
	}
	if v, ok := afterPrefix(l.norm, l.text, authorPrefixes, 6); ok {
		l.kind, l.author = meta, v
		return l
	}
	if l.words <= 8 {
		if d, ok := timex.PageDate(l.text, fetched); ok {
			l.kind, l.date = meta, d
			return l
		}
		if mayHoldTime(l) {
			exprs = timex.Find(l.text, time.Time{})
		}
		if timestamp(l.text, exprs) {
			l.kind, l.reason = furniture, "timestamp"
			return l
		}
	}
	// Only on Arabic pages: a line's language is told reliably against
	// Arabic script, while short lines of a Latin or CJK page are often
	// misread (names, recipe lines, scores).
	if pageLang == "ar" && l.lang != "" && l.lang != pageLang {
		l.kind, l.reason = furniture, "other language ("+l.lang+")"
		return l
	}
	if isNavigation(l) {
		l.kind, l.reason = furniture, "navigation"
		return l
	}
	if (l.text[0] == '<' && figureMarker.MatchString(l.text)) ||
		((strings.HasSuffix(l.text, "]") || strings.HasSuffix(l.text, ")")) && bracketCredit.MatchString(l.text)) ||
		hasCreditTail(l.text) || arabicCredit(l) {
		l.kind = caption
		return l
	}
	if listMarker.MatchString(l.text) && l.words <= 25 {
		l.kind = listItem
		return l
	}
	if isParagraph(l) {
		l.kind = paragraph
		return l
	}
	l.kind = short
	if exprs == nil && hasDigit(l.norm) {
		// Only a line with digits can hold a full calendar date.
		exprs = timex.Find(l.text, time.Time{})
	}
	for _, e := range exprs {
		l.dated = l.dated || e.Kind == timex.KindDate
	}
	return l
}

// relativeWords open or make up timestamps written without digits.
var relativeWords = map[string]bool{
	"قبل": true, "منذ": true, "امس": true, "اليوم": true, "الان": true, "ساعه": true,
	"ساعتين": true, "دقيقه": true, "دقيقتين": true, "يوم": true, "يومين": true,
}

// mayHoldTime is a cheap test before the time-expression finder: a short
// line can be a date or a timestamp only with a digit or a relative word.
func mayHoldTime(l line) bool {
	if hasDigit(l.norm) {
		return true
	}
	for _, w := range strings.Fields(l.norm) {
		if relativeWords[w] {
			return true
		}
	}
	return false
}

func hasDigit(norm string) bool {
	return strings.IndexFunc(norm, func(r rune) bool { return r >= '0' && r <= '9' }) >= 0
}

// timestamp reports a line that is only a time expression ("قبل 20
// دقيقة", "منذ ساعتين"), as comment sections and tickers print them.
func timestamp(text string, exprs []timex.Expr) bool {
	n := 0
	for _, e := range exprs {
		n += e.End - e.Start
	}
	return n > 0 && float64(n) >= 0.7*float64(len([]rune(strings.TrimSpace(text))))
}

// ticker reports a breaking-news ticker item: a kicker word and a colon
// or bar opening the line ("عاجل: ...", "عاجل | ...").
func ticker(text string) bool {
	i := strings.IndexAny(text, ":|")
	return i > 0 && labelLines[words(arabic.Search(text[:i]))]
}

// navSeparators split the items of menus and breadcrumbs.
const navSeparators = "|»›•·/>"

// isNavigation reports menus and breadcrumbs ("الرئيسية | محليات | رياضة",
// "الرئيسية » الخليج") and rows of share buttons ("فيسبوك تويتر واتساب"):
// short items between separators, or nothing but network names.
func isNavigation(l line) bool {
	if l.words > 40 {
		return false // running text, not a menu
	}
	if strings.ContainsAny(l.text, navSeparators) {
		parts := strings.FieldsFunc(l.text, func(r rune) bool { return strings.ContainsRune(navSeparators, r) })
		if navParts(l, parts) {
			return true
		}
	}
	if l.words > 20 {
		return false
	}
	ws := strings.Fields(l.norm)
	sections := 0
	for _, w := range ws {
		if sectionWords[w] {
			sections++
		}
	}
	// A menu without separators: a row of section names.
	if sections >= 4 && float64(sections) >= 0.6*float64(len(ws)) {
		return true
	}
	for _, w := range ws {
		if !networks[w] {
			return false
		}
	}
	return true
}

// navParts reports a line cut by separators into short items: a menu or,
// with two items, a breadcrumb. Two items make a breadcrumb only with the
// "»" kind of separator; "/" and "|" also appear in headlines and dates.
func navParts(l line, parts []string) bool {
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		if n := len(strings.Fields(p)); n < 1 || n > 3 {
			return false
		}
	}
	return len(parts) >= 3 || strings.ContainsAny(l.text, "»›>")
}

// isParagraph says whether a line reads as running text rather than a
// headline: long enough, closed like a sentence, or long and dense with
// function words.
func isParagraph(l line) bool {
	ends := endsSentence(l.text)
	switch {
	case l.words < 6 && unspaced(l.text) >= 40:
		// Chinese and Japanese write sentences without spaces.
		return true
	case l.words >= 25:
		return true
	case l.words >= 12 && ends:
		return true
	case l.words >= 16 && stopwordShare(l.norm) >= 0.2:
		return true
	}
	return false
}

// endsSentence reports a line closed by sentence punctuation, allowing a
// closing quote after it.
func endsSentence(s string) bool {
	s = strings.TrimRightFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(`"'»”’)`, r)
	})
	if s == "" {
		return false
	}
	r := []rune(s)
	switch r[len(r)-1] {
	case '.', '!', '?', '؟', ':', '…', '。', '！', '？':
		return true
	}
	return false
}

// unspaced counts the runes of scripts written without spaces between
// words (Han, Hiragana, Katakana).
func unspaced(s string) int {
	n := 0
	for _, r := range s {
		if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) {
			n++
		}
	}
	return n
}

func stopwordShare(norm string) float64 {
	ws := strings.Fields(norm)
	if len(ws) == 0 {
		return 0
	}
	n := 0
	for _, w := range ws {
		if arabic.IsStopword(w) {
			n++
		}
	}
	return float64(n) / float64(len(ws))
}

// words turns a search-layer line into its words separated by one space,
// punctuation dropped (a colon or a bullet is not part of a cue).
func words(s string) string {
	var b strings.Builder
	space := true
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\u200C' {
			b.WriteRune(r)
			space = false
			continue
		}
		if !space {
			b.WriteByte(' ')
			space = true
		}
	}
	return strings.TrimRight(b.String(), " ")
}

func matchCue(norm string, n int) (cue, bool) {
	padded := " " + norm + " "
	for _, c := range furnitureCues {
		if n > c.maxWords {
			continue
		}
		if c.prefix {
			if strings.HasPrefix(padded, " "+c.phrase+" ") {
				return c, true
			}
			continue
		}
		if strings.Contains(padded, " "+c.phrase+" ") {
			return c, true
		}
	}
	return cue{}, false
}

func isCounter(norm string) bool {
	ws := strings.Fields(norm)
	if len(ws) < 2 || len(ws) > 4 {
		return false
	}
	hasNum, hasWord := false, false
	for _, w := range ws {
		switch {
		case isDigits(w):
			hasNum = true
		case counterWords[w]:
			hasWord = true
		default:
			return false
		}
	}
	return hasNum && hasWord
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// afterPrefix reads "المصدر: العربية" style lines: a known opening word,
// then a short value, returned in its original characters.
func afterPrefix(norm, text string, prefixes []string, maxWords int) (string, bool) {
	for _, p := range prefixes {
		if !strings.HasPrefix(norm+" ", p+" ") {
			continue
		}
		if strings.Count(norm, " ")+1 > maxWords+len(strings.Fields(p)) {
			return "", false
		}
		// The value is what follows the separator in the original text.
		i := strings.IndexAny(text, ":：")
		if i < 0 {
			// "بقلم فلان" without a colon: drop the first word.
			f := strings.Fields(text)
			if len(f) < 2 {
				return "", false
			}
			return strings.Join(f[1:], " "), true
		}
		v := strings.TrimSpace(text[i+1:])
		return v, v != ""
	}
	return "", false
}

// arabicCredit reports a short caption closed by a photo credit in Arabic:
// "جانب من الجلسة (واس)", "لقطة من المباراة - أ.ب", "صورة أرشيفية".
func arabicCredit(l line) bool {
	if l.words > 8 || endsSentence(l.text) {
		return false
	}
	t := strings.TrimSpace(l.text)
	if i := strings.LastIndex(t, "("); i > 0 && strings.HasSuffix(t, ")") {
		inside := words(arabic.Search(t[i+1 : len(t)-1]))
		return creditWords[inside] || (len(strings.Fields(inside)) <= 3 && photoOpeners[firstWord(l.norm)])
	}
	if i := strings.LastIndex(t, " - "); i > 0 {
		return creditWords[words(arabic.Search(t[i+3:]))]
	}
	return false
}

func firstWord(s string) string {
	w, _, _ := strings.Cut(s, " ")
	return w
}

// hasCreditTail reports an Arabic line closed by Latin agency credits.
func hasCreditTail(text string) bool {
	if last := strings.TrimRightFunc(text, unicode.IsSpace); last == "" || !isASCIILetter(last[len(last)-1]) {
		return false // cheap test before the regular expression
	}
	m := creditTail.FindStringSubmatch(text)
	if m == nil {
		return false
	}
	head := strings.TrimSpace(strings.TrimSuffix(text, m[0]))
	if head == "" || !hasArabic(head) {
		return false
	}
	for _, w := range strings.FieldsFunc(strings.ToLower(m[1]), func(r rune) bool { return r == '/' || r == '-' || r == ' ' }) {
		if agencies[w] {
			return true
		}
	}
	return false
}

func isASCIILetter(c byte) bool { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') }

func hasArabic(s string) bool {
	for _, r := range s {
		if r >= 0x0600 && r <= 0x06FF {
			return true
		}
	}
	return false
}
