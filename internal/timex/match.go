package timex

import (
	"strings"
	"time"

	"github.com/marsad/marsad/internal/arabic"
)

// prec is how precisely a resolved point is known.
type prec int

const (
	precDay prec = iota + 1
	precMonth
	precYear
)

// layout prints a point at its precision.
func (p prec) layout() string {
	switch p {
	case precMonth:
		return "2006-01"
	case precYear:
		return "2006"
	}
	return "2006-01-02"
}

// dateParts keeps the written components of a named or numeric date, so a
// range can lend its year to an endpoint written without one
// ("بين 1 يناير و1 مايو 2019").
type dateParts struct {
	cal      calendar
	y, mo, d int // d == 0: a whole month
	inferred bool
}

// cand is a candidate expression over tokens [i, j) with its resolved value.
type cand struct {
	i, j       int
	kind       string
	lo, hi     time.Time
	loP, hiP   prec
	unresolved bool
	parts      *dateParts
	// year is a Gregorian year written in the span; later expressions in the
	// same text without a year and without a reference date borrow it.
	year int
}

// at sets c to the single point t at precision p.
func (c cand) at(t time.Time, p prec) cand {
	c.lo, c.hi, c.loP, c.hiP = t, t, p, p
	return c
}

// between sets c to the interval [lo, hi] at precision p.
func (c cand) between(lo, hi time.Time, p prec) cand {
	c.lo, c.hi, c.loP, c.hiP = lo, hi, p, p
	return c
}

// format renders the value as Expr.Value spells it.
func (c cand) format() string {
	if c.unresolved || c.lo.IsZero() {
		return ""
	}
	a := c.lo.Format(c.loP.layout())
	b := c.hi.Format(c.hiP.layout())
	if a == b {
		return a
	}
	return a + "/" + b
}

// matcher holds one text's tokens and reference while Find scans it.
type matcher struct {
	toks   []token
	ref    time.Time
	hasRef bool
	// lastYear is the latest explicit Gregorian year seen so far in the
	// text; without a reference it dates "18 ديسمبر" written after it.
	lastYear int
	// textYears are the Gregorian years written anywhere in the text; without
	// a reference they decide between Solar and lunar readings of 1300-1500.
	textYears []int
}

func newMatcher(toks []token, ref time.Time) *matcher {
	m := &matcher{toks: toks, ref: dateOf(ref), hasRef: !ref.IsZero()}
	for k, t := range toks {
		if t.kind == tokNum && t.digits == 4 && t.num >= 1800 && t.num <= 2200 &&
			!(k+1 < len(toks) && toks[k+1].kind == tokPunct && (toks[k+1].norm == "/" || toks[k+1].norm == "-")) {
			m.textYears = append(m.textYears, t.num)
		}
	}
	return m
}

// noteYear remembers the explicit year of an accepted expression.
func (m *matcher) noteYear(c cand) {
	if c.year != 0 {
		m.lastYear = c.year
	}
}

// best returns the longest expression starting at token i; among equally
// long ones the first matcher listed wins.
func (m *matcher) best(i int) (cand, bool) {
	var best cand
	found := false
	try := func(c cand, ok bool) {
		if ok && c.j > i && (!found || c.j > best.j) {
			best, found = c, true
		}
	}
	try(m.interval(i))
	try(m.modified(i))
	try(m.absolute(i))
	try(m.relative(i))
	// Brackets around the whole expression belong to the sentence: "نكبة
	// ( 1948 )" dates "1948", while "عام ( 1948 )" keeps them.
	if found && best.j-best.i > 2 && m.punct(best.i, "(", "[") && m.punct(best.j-1, ")", "]") {
		best.i++
		best.j--
	}
	return best, found
}

// absolute returns the longest calendar expression (named, numeric or year)
// at i: the endpoints intervals and modifiers are built from.
func (m *matcher) absolute(i int) (cand, bool) {
	var best cand
	found := false
	try := func(c cand, ok bool) {
		if ok && c.j > i && (!found || c.j > best.j) {
			best, found = c, true
		}
	}
	try(m.named(i))
	try(m.numeric(i))
	try(m.yearExpr(i))
	try(m.decade(i))
	return best, found
}

// wordSet is a read-only set of words in their search-layer form.
type wordSet map[string]bool

// words builds a wordSet, folding each written form through arabic.Search
// so the tables can be written the way Arabic is printed.
func words(ws ...string) wordSet {
	s := make(wordSet, len(ws))
	for _, w := range ws {
		s[arabic.Search(w)] = true
	}
	return s
}

// Proclitics that glue to a time word: و and ف (and), ب (in), ل (for), ك (as).
const (
	cliticWa  = "و"
	cliticFa  = "ف"
	cliticBi  = "ب"
	cliticLi  = "ل"
	cliticKa  = "ك"
	articleAl = "ال"
)

// forms returns w and the forms it may take once its proclitics are
// stripped: وبالأمس → بالأمس → الامس, للعام → العام. Callers only look these
// up in closed tables, so a wrong strip ("وقت" → "قت") finds nothing.
func forms(w string) []string {
	out := []string{w}
	rest := w
	if (strings.HasPrefix(rest, cliticWa) || strings.HasPrefix(rest, cliticFa)) && len(rest) > 4 {
		rest = rest[len(cliticWa):]
		out = append(out, rest)
	}
	switch {
	case strings.HasPrefix(rest, cliticLi+cliticLi) && len(rest) > 6:
		// ل + ال contracts to لل: للعام is ل + العام.
		out = append(out, articleAl+rest[len(cliticLi+cliticLi):])
	case (strings.HasPrefix(rest, cliticBi) || strings.HasPrefix(rest, cliticLi) || strings.HasPrefix(rest, cliticKa)) && len(rest) > 4:
		out = append(out, rest[len(cliticBi):])
	}
	return out
}

// tok returns token i, or a zero token past either end.
func (m *matcher) tok(i int) token {
	if i < 0 || i >= len(m.toks) {
		return token{kind: tokPunct}
	}
	return m.toks[i]
}

// exact reports whether token i is a word in set, as written (no clitics).
func (m *matcher) exact(i int, set wordSet) bool {
	t := m.tok(i)
	return t.kind == tokWord && set[t.norm]
}

// in reports whether token i is a word in set, possibly with proclitics.
func (m *matcher) in(i int, set wordSet) bool {
	t := m.tok(i)
	if t.kind != tokWord {
		return false
	}
	for _, f := range t.forms {
		if set[f] {
			return true
		}
	}
	return false
}

// punct reports whether token i is the punctuation mark p.
func (m *matcher) punct(i int, p ...string) bool {
	t := m.tok(i)
	if t.kind != tokPunct {
		return false
	}
	for _, q := range p {
		if t.norm == q {
			return true
		}
	}
	return false
}

// num returns the value of token i if it is a digit run of at most maxDigits.
func (m *matcher) num(i, maxDigits int) (int, bool) {
	t := m.tok(i)
	if t.kind != tokNum || t.digits > maxDigits {
		return 0, false
	}
	return t.num, true
}

// Words that stand before a date and belong to it in news usage
// ("بتاريخ 25/7/2011", "يوم 30 مارس").
var (
	openLeads  = words("بتاريخ", "تاريخ", "يوم")
	innerLeads = words("الموافق", "بتاريخ")
	dateLeads  = words("بتاريخ", "تاريخ", "الموافق", "يوم")
	dateNouns  = words("بتاريخ", "تاريخ")
)

// Calendar markers written after a year.
var (
	lunarMarks     = words("ه", "هـ", "هجري", "هجرية", "هجريا", "للهجرة", "الهجري", "الهجرية")
	solarMarks     = words("ش", "شمسي", "شمسية", "هش", "ه.ش", "خورشيدي")
	gregorianMarks = words("م", "ميلادي", "ميلادية", "ميلاديا", "للميلاد", "الميلادي", "الميلادية")
)

// marker reads a calendar marker at i ("هـ", "هجري شمسي", "م", "هـ.ش") and
// returns the calendar it names and the index after it.
func (m *matcher) marker(i int) (calendar, int, bool) {
	switch {
	case m.exact(i, lunarMarks):
		j := i + 1
		// "هـ.ش" and "هجري شمسي" are Solar: the marker after the ه decides.
		if m.punct(j, ".") && m.exact(j+1, solarMarks) {
			return solar, j + 2, true
		}
		if m.exact(j, solarMarks) {
			return solar, j + 1, true
		}
		return lunar, j, true
	case m.exact(i, solarMarks):
		return solar, i + 1, true
	case m.exact(i, gregorianMarks):
		return gregorian, i + 1, true
	}
	return gregorian, i, false
}

// paren runs f on the inside of a bracketed group at i ("( 1948 )"), or on
// i itself when there is no bracket.
func (m *matcher) paren(i int, f func(int) (int, bool)) (int, bool) {
	if m.punct(i, "(", "[") {
		j, ok := f(i + 1)
		if ok && m.punct(j, ")", "]") {
			return j + 1, true
		}
		return i, false
	}
	return f(i)
}
