// Package timex finds time expressions in Arabic news text and resolves them
// to calendar values against a reference date, normally the publication date.
//
// It reads Gregorian month names in their Egyptian/Gulf, Levantine/Iraqi,
// Maghrebi and Moroccan forms, Hijri and Solar Hijri dates (converted to
// Gregorian), numeric dates in any digit script, years and year ranges,
// weekdays and relative phrases (اليوم, أمس, الشهر الماضي, منذ ثلاثة أيام).
//
// It is pure: the reference date is passed in, never read from the clock,
// and it keeps no state between calls. It never rewrites the text: every
// expression carries its span as rune offsets into the original.
package timex

import (
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/marsad/marsad/internal/arabic"
)

// Expr is one time expression found in a text.
type Expr struct {
	Text       string // the matched span as it appears in the original text
	Start, End int    // rune offsets into the original text
	// Value is "YYYY-MM-DD", "YYYY-MM", "YYYY", or an interval "A/B" of
	// those; "" when the expression cannot be resolved (a relative
	// expression with no reference date).
	Value string
	// Kind is "date", "month", "year", "relative", "weekday" or "interval".
	Kind string
}

// Kinds of expression, as Expr.Kind spells them.
const (
	KindDate     = "date"
	KindMonth    = "month"
	KindYear     = "year"
	KindRelative = "relative"
	KindWeekday  = "weekday"
	KindInterval = "interval"
)

// Find returns every time expression in s, in text order, resolved against
// ref. A zero ref means no reference: relative expressions are returned with
// Value "", and a day or month named without its year takes the year of the
// nearest explicit year before it in s, if any.
func Find(s string, ref time.Time) []Expr {
	toks := tokenize(s)
	if len(toks) == 0 {
		return nil
	}
	m := newMatcher(toks, ref)
	var runes []rune
	var out []Expr
	for i := 0; i < len(toks); {
		c, ok := m.best(i)
		if !ok {
			i++
			continue
		}
		if runes == nil {
			runes = []rune(s)
		}
		start, end := toks[c.i].start, toks[c.j-1].end
		out = append(out, Expr{
			Text:  string(runes[start:end]),
			Start: start,
			End:   end,
			Value: c.format(),
			Kind:  c.kind,
		})
		m.noteYear(c)
		i = c.j
	}
	return out
}

// tokKind tells words, numbers and single punctuation marks apart.
type tokKind int

const (
	tokWord tokKind = iota
	tokNum
	tokPunct
)

// token is one word, digit run or punctuation mark of the search layer,
// with the span of original runes it came from.
type token struct {
	norm       string   // search-layer form (arabic.Search)
	forms      []string // norm and its clitic-stripped forms (see forms)
	kind       tokKind
	num        int  // value of a digit run (saturating)
	digits     int  // length of a digit run
	start, end int  // rune offsets into the original text
	spaceAfter bool // whitespace follows before the next token
	lineEnd    bool // a line break follows before the next token
}

// normRune is one rune of the search layer and the original rune it came from.
type normRune struct {
	r   rune
	src int
}

// searchLayer folds s rune by rune through arabic.Search, keeping for every
// output rune the offset of the original rune that produced it; folding the
// whole string at once would lose the way back to the original offsets.
func searchLayer(s string) (out []normRune, n int) {
	out = make([]normRune, 0, len(s))
	// A text uses few distinct letters: fold each once per call.
	folded := make(map[rune]string)
	for _, r := range s {
		if r < utf8.RuneSelf {
			if r >= 'A' && r <= 'Z' {
				r += 'a' - 'A'
			}
			out = append(out, normRune{r, n})
		} else {
			f, ok := folded[r]
			if !ok {
				f = arabic.Search(string(r))
				folded[r] = f
			}
			for _, fr := range f {
				out = append(out, normRune{fr, n})
			}
		}
		n++
	}
	return out, n
}

// dropped reports runes the search layer deletes inside words (harakat,
// tatweel); a span that ends on a letter extends over them so that "يوماً"
// keeps its tanween and "هـ" its tatweel.
func dropped(r rune) bool {
	return r == 'ـ' || unicode.Is(unicode.Mn, r)
}

// tokenize splits s into words (letter runs, ZWNJ included), ASCII digit
// runs and single punctuation marks, all in the search layer. A digit run
// glued to letters ("2025م", "1447هـ") is split from them.
func tokenize(s string) []token {
	nr, _ := searchLayer(s)
	if len(nr) == 0 {
		return nil
	}
	var orig []rune // only needed to extend spans over dropped marks
	var toks []token
	for i := 0; i < len(nr); {
		r := nr[i].r
		switch {
		case unicode.IsSpace(r):
			if len(toks) > 0 {
				toks[len(toks)-1].spaceAfter = true
				if r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029' {
					toks[len(toks)-1].lineEnd = true
				}
			}
			i++
			continue
		}
		j := i + 1
		t := token{kind: tokPunct}
		switch {
		case r >= '0' && r <= '9':
			t.kind = tokNum
			for j < len(nr) && nr[j].r >= '0' && nr[j].r <= '9' {
				j++
			}
			for k := i; k < j; k++ {
				if t.num < 1e8 {
					t.num = t.num*10 + int(nr[k].r-'0')
				}
			}
			t.digits = j - i
		case unicode.IsLetter(r):
			t.kind = tokWord
			for j < len(nr) && (unicode.IsLetter(nr[j].r) || nr[j].r == '\u200C') {
				j++
			}
		}
		b := make([]rune, 0, j-i)
		for k := i; k < j; k++ {
			b = append(b, nr[k].r)
		}
		t.norm = string(b)
		if t.kind == tokWord {
			t.forms = forms(t.norm)
		}
		t.start = nr[i].src
		t.end = nr[j-1].src + 1
		if t.kind == tokWord {
			if orig == nil {
				orig = []rune(s)
			}
			for t.end < len(orig) && dropped(orig[t.end]) && (j >= len(nr) || nr[j].src >= t.end+1) {
				t.end++
			}
		}
		toks = append(toks, t)
		i = j
	}
	return toks
}
