package extract

import (
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/marsad/marsad/internal/arabic"
	"github.com/marsad/marsad/internal/timex"
	"github.com/marsad/marsad/news"
)

// Quantities returns the counted amounts in the article: every number the
// Arabic core reads that counts or measures something, with the noun it
// counts. Years, the numbers of a date, ordinals, numbering (رقم 10،
// الدقيقة 76), match scores, model numbers and phone numbers are left out.
func Quantities(a news.Article) []news.Quantity {
	rs := []rune(a.Text)
	toks := arabic.Tokens(a.Text)
	// Spans only: the numbers inside a date are the date's. The article's
	// dates, when already found (Analyze finds them first), save a pass.
	var dates []timex.Expr
	if a.Dates != nil {
		for _, d := range a.Dates {
			dates = append(dates, timex.Expr{Text: d.Text, Start: d.Start, End: d.End})
		}
	} else {
		dates = timex.Find(a.Text, time.Time{})
	}
	var out []news.Quantity
	for _, n := range arabic.Numbers(a.Text) {
		if n.Year || identifier(n) || lookalike(n) || numbering(rs, toks, n) || glued(rs, n) || inMention(a.Entities, n) {
			continue
		}
		n = decimalPoint(n)
		q := news.Quantity{Text: n.Text, Min: n.Min, Max: n.Max, Qualifier: n.Qualifier, Start: n.Start, End: n.End}
		if n.Percent {
			q.Unit = "%"
		} else {
			q = withUnit(q, toks, a.Entities)
		}
		if slashed(rs, n) || yearAfterFi(rs, toks, n) || period(toks, n) {
			continue // 3/4, "في 2014", "من 23 وحتى 29 يوليو"
		}
		if q.Unit == "" && (yearLike(n) || bracketed(rs, n) || paired(rs, n)) {
			continue // a bare 2016, a name's edition (22), a score 26-24
		}
		if inDate(dates, n) && !timeUnits[q.Unit] {
			continue // "15 أغسطس", "8 /11 /1436هـ": the date's day, not an amount
		}
		if q.Qualifier == "vague" {
			q.Qualifier = news.Range
		}
		out = append(out, q)
	}
	borrowUnits(out, toks, arabic.Sentences(a.Text))
	whose(a, out)
	return out
}

// identifier reports digits that number things rather than count them:
// phone numbers (a leading zero or nine digits and more, or a leading
// zero in one part of a hyphenated pair: 5598309-012).
func identifier(n arabic.Number) bool {
	t := strings.TrimSpace(n.Text)
	digits := 0
	for _, r := range t {
		if r >= '0' && r <= '9' {
			digits++
		}
	}
	if digits == len(t) && (digits >= 9 || (digits >= 5 && t[0] == '0')) {
		return true
	}
	for _, part := range strings.Split(t, "-")[:min(2, strings.Count(t, "-")*2)] {
		part = strings.TrimSpace(part)
		if len(part) >= 2 && part[0] == '0' {
			return true
		}
	}
	return false
}

// lookalike reports words the core reads as number words that are not:
// كمية holds مية (a spelling of مئة).
func lookalike(n arabic.Number) bool {
	return lookalikes[arabic.Search(strings.TrimSpace(n.Text))]
}

var lookalikes = map[string]bool{"كميه": true, "الكميه": true, "بكميه": true, "وكميه": true}

// numberingNouns number what follows them rather than count it: المادة 5،
// الدقيقة 76، الدورة 36، القميص رقم (10).
var numberingNouns = map[string]bool{
	"رقم": true, "الرقم": true, "برقم": true, "الماده": true, "الدقيقه": true, "الدوره": true,
	"البند": true, "الفقره": true, "الجوله": true, "النسخه": true, "الطبعه": true, "الفصل": true,
	"الحلقه": true, "المرحله": true, "الصفحه": true, "القرار": true, "القانون": true, "المجموعه": true,
}

// numbering reports a number written as a label: after a numbering noun,
// or as an ordinal with the article glued to it (الـ13، الـ36).
func numbering(rs []rune, toks []arabic.Token, n arabic.Number) bool {
	if s := n.Start; s >= 3 && rs[s-1] == 'ـ' && rs[s-2] == 'ل' && rs[s-3] == 'ا' {
		return true
	}
	prev := -1
	for i, t := range toks {
		if t.End <= n.Start && t.Kind == arabic.Word {
			prev = i
		}
		if t.Start >= n.Start {
			break
		}
	}
	if prev < 0 {
		return false
	}
	// Only brackets or nothing may stand between the noun and the number.
	between := strings.TrimSpace(strings.Trim(string(rs[toks[prev].End:n.Start]), " ("))
	return between == "" && numberingNouns[arabic.Search(toks[prev].Text)] && startsWithDigit(n.Text)
}

func startsWithDigit(s string) bool {
	for _, r := range s {
		return unicode.IsDigit(r)
	}
	return false
}

// glued reports digits written against letters that are not a clitic:
// names and models (فورمولا1، شفروليه360º), not لـ3 or و4.
func glued(rs []rune, n arabic.Number) bool {
	if !startsWithDigit(n.Text) {
		return false
	}
	if n.End < len(rs) && unicode.IsLetter(rs[n.End]) && !unicode.Is(unicode.Arabic, rs[n.End]) {
		return true // 360º, 5G
	}
	i := n.Start
	for i > 0 && !unicode.IsSpace(rs[i-1]) && unicode.IsLetter(rs[i-1]) || i > 0 && rs[i-1] == 'ـ' {
		i--
	}
	prefix := strings.ReplaceAll(string(rs[i:n.Start]), "ـ", "")
	return prefix != "" && !numberClitics[prefix]
}

var numberClitics = map[string]bool{"و": true, "ب": true, "ل": true, "ف": true, "ك": true, "وب": true, "ول": true, "فب": true, "فل": true}

// inMention reports a number inside an entity's name: وست بروميتش، "الاف بي
// اي".
func inMention(ms []news.Mention, n arabic.Number) bool {
	for _, m := range ms {
		if m.Start <= n.Start && n.End <= m.End {
			return true
		}
	}
	return false
}

// decimalPoint reads a point before one to three digits other than 000 as
// a decimal point (98.088 is an index level), where the core took it for
// a thousands separator.
func decimalPoint(n arabic.Number) arabic.Number {
	t := strings.TrimSpace(n.Text)
	whole, frac, ok := strings.Cut(t, ".")
	if !ok || frac == "000" || strings.ContainsAny(frac, ".,") || n.Min != n.Max {
		return n
	}
	if _, err := strconv.Atoi(whole); err != nil {
		return n
	}
	v, err := strconv.ParseFloat(t, 64)
	if err != nil || v == n.Min {
		return n
	}
	if merged, err := strconv.ParseFloat(whole+frac, 64); err == nil && merged == n.Min {
		n.Min, n.Max = v, v
	}
	return n
}

// yearLike reports a whole number, or range of them, in the span of
// Gregorian (1900-2100) or Hijri (1400-1500) years.
func yearLike(n arabic.Number) bool {
	in := func(x float64) bool {
		return x == float64(int(x)) && ((x >= 1900 && x <= 2100) || (x >= 1400 && x <= 1500))
	}
	return in(n.Min) && in(n.Max)
}

// bracketed reports a bare number closed by a bracket or quotation mark
// right after it: the edition in a name (كأس الخليج (22)، "بسمة 5").
func bracketed(rs []rune, n arabic.Number) bool {
	j := n.End
	for j < len(rs) && rs[j] == ' ' {
		j++
	}
	return j < len(rs) && strings.ContainsRune(")»\"”'", rs[j])
}

// paired reports a bare number in a hyphenated or slashed pair: scores
// (26-24، 1-صفر), models (52 - 01), fractions and dates (3/4، 8 /11).
func paired(rs []rune, n arabic.Number) bool {
	if strings.ContainsAny(n.Text, "-/") {
		return true
	}
	i := n.Start
	for i > 0 && rs[i-1] == ' ' {
		i--
	}
	j := n.End
	for j < len(rs) && rs[j] == ' ' {
		j++
	}
	return (i > 0 && (rs[i-1] == '-' || rs[i-1] == '/')) || (j < len(rs) && (rs[j] == '-' || rs[j] == '/'))
}

func inDate(ds []timex.Expr, n arabic.Number) bool {
	for _, d := range ds {
		if d.Start < n.End && n.Start < d.End {
			return true
		}
	}
	return false
}

// slashed reports a number written against a slash: a fraction, a date
// or an id (3/4، 8 /11 /1436هـ).
func slashed(rs []rune, n arabic.Number) bool {
	if strings.Contains(n.Text, "/") {
		return true
	}
	i := n.Start
	for i > 0 && rs[i-1] == ' ' {
		i--
	}
	j := n.End
	for j < len(rs) && rs[j] == ' ' {
		j++
	}
	return (i > 0 && rs[i-1] == '/') || (j < len(rs) && rs[j] == '/')
}

// yearAfterFi reports a year-like number right after في: "في 2014" is a
// year whatever follows it.
func yearAfterFi(rs []rune, toks []arabic.Token, n arabic.Number) bool {
	if !yearLike(n) || !startsWithDigit(n.Text) {
		return false
	}
	for i := len(toks) - 1; i >= 0; i-- {
		if toks[i].End <= n.Start && toks[i].Kind == arabic.Word {
			w := arabic.Search(toks[i].Text)
			return w == "في" || w == "وفي" || w == "منذ" || w == "عام" || w == "لعام"
		}
	}
	return false
}

// period reports the first day of a "من 23 وحتى 29 يوليو" period that the
// core read as two numbers: the period is a date.
func period(toks []arabic.Token, n arabic.Number) bool {
	for i, t := range toks {
		if t.Start < n.End {
			continue
		}
		w := strings.TrimPrefix(arabic.Search(t.Text), "و")
		return (w == "حتي" || w == "الي") && i+1 < len(toks) && toks[i+1].Kind == arabic.Digits && i+2 < len(toks) && monthAt(toks[i+2])
	}
	return false
}

func monthAt(t arabic.Token) bool {
	for _, m := range monthWords {
		if strings.HasPrefix(t.Text, m) {
			return true
		}
	}
	return false
}

// monthWords name the months, Gregorian and Levantine.
var monthWords = []string{
	"يناير", "فبراير", "مارس", "أبريل", "ابريل", "مايو", "يونيو", "يوليو", "أغسطس", "اغسطس",
	"سبتمبر", "أكتوبر", "اكتوبر", "نوفمبر", "ديسمبر", "كانون", "شباط", "آذار", "نيسان",
	"أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين",
}

// whose fills each quantity's Of with the entities its sentence names:
// "12000 جندي من كوريا الشمالية" is North Korea's.
func whose(a news.Article, qs []news.Quantity) {
	sents := arabic.Sentences(a.Text)
	for i := range qs {
		for _, sp := range sents {
			if qs[i].Start < sp.Start || qs[i].Start >= sp.End {
				continue
			}
			seen := map[string]bool{}
			for _, m := range a.Entities {
				if m.Start >= sp.Start && m.End <= sp.End && m.ID != "" && !seen[m.ID] {
					seen[m.ID] = true
					qs[i].Of = append(qs[i].Of, m.ID)
				}
			}
			break
		}
	}
}
