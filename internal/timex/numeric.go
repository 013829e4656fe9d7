package timex

import (
	"strings"
	"time"
)

// Years 1300-1500 read as Gregorian are medieval; in today's news they are a
// Solar Hijri year (1404 = 2025/26) or a lunar one (1447 = 2025/26).
const (
	ambiguousFirst = 1300
	ambiguousLast  = 1500
	// Without a reference or any Gregorian year in the text, a numeric
	// y/m/d up to this year is read as Solar: pages that print bare numeric
	// dates in this range are Iranian (Solar 1300-1450 is 1921-2071), while
	// Arab pages almost always mark a lunar date with هـ.
	solarPreferredUntil = 1450
)

// dateSeps are the separators of numeric dates.
var dateSeps = []string{"/", "-", ".", "\\"}

// numeric reads an all-digit date: "2025-12-28", "28/12/2025", "28-12-2025",
// "12/28/2025" (month first only when the day cannot be a month),
// "1404/10/07", "١٤٤٧/٧/٨ هـ", "بتاريخ ( 8 / 11 / 1943 )".
func (m *matcher) numeric(i int) (cand, bool) {
	c := cand{i: i}
	k := m.lead(i)
	var a, b, e token
	j, ok := m.paren(k, func(p int) (int, bool) {
		a, b, e = m.tok(p), m.tok(p+2), m.tok(p+4)
		if a.kind != tokNum || b.kind != tokNum || e.kind != tokNum {
			return p, false
		}
		sep := m.tok(p + 1)
		if sep.kind != tokPunct || m.tok(p+3).norm != sep.norm || !isDateSep(sep.norm) {
			return p, false
		}
		// "1.2.3.4" or "9 / 10 / 10 / 1940" is not one date.
		if m.tok(p+5).norm == sep.norm && m.tok(p+6).kind == tokNum {
			return p, false
		}
		return p + 5, true
	})
	if !ok || a.digits > 4 || b.digits > 2 || e.digits > 4 {
		return c, false
	}
	var y, mo, d, ydigits int
	switch {
	case a.digits >= 3:
		y, mo, d, ydigits = a.num, b.num, e.num, a.digits
	case e.digits >= 3 && a.digits <= 2:
		y, ydigits = e.num, e.digits
		d, mo = a.num, b.num
		if a.num <= 12 && b.num > 12 {
			// 12/28/2025 can only be month first.
			d, mo = b.num, a.num
		}
	default:
		return c, false
	}
	if mo < 1 || mo > 12 || d < 1 || d > 31 {
		return c, false
	}
	cal := gregorian
	marked := false
	if mc, j2, ok := m.marker(j); ok {
		cal, j, marked = mc, j2, true
	}
	var t time.Time
	switch {
	case marked && cal != gregorian:
		t, ok = calendarDate(cal, y, mo, d)
	case !marked && y >= ambiguousFirst && y <= ambiguousLast:
		cal, t, ok = m.solarOrLunar(y, mo, d)
	default:
		ok = ydigits == 4 && y >= 1000 && y <= 2200
		if ok {
			t, ok = calendarDate(gregorian, y, mo, d)
		}
	}
	if !ok {
		return c, false
	}
	c.j = j
	c.kind = KindDate
	c.parts = &dateParts{cal: cal, y: y, mo: mo, d: d}
	if cal == gregorian {
		c.year = y
	}
	return c.at(t, precDay), true
}

func isDateSep(s string) bool {
	for _, p := range dateSeps {
		if s == p {
			return true
		}
	}
	return false
}

// solarOrLunar reads an unmarked numeric y/m/d with y in 1300-1500 as the
// Solar or lunar Hijri date that lands nearest the reference; without one,
// nearest a Gregorian year written in the text; without either, Solar up to
// 1450 and lunar above (see solarPreferredUntil).
func (m *matcher) solarOrLunar(y, mo, d int) (calendar, time.Time, bool) {
	ts, okS := solarDate(y, mo, d)
	tl, okL := hijriDate(y, mo, d)
	switch {
	case okS && !okL:
		return solar, ts, true
	case okL && !okS:
		return lunar, tl, true
	case !okS && !okL:
		return gregorian, time.Time{}, false
	}
	if m.hasRef {
		if absDays(ts, m.ref) <= absDays(tl, m.ref) {
			return solar, ts, true
		}
		return lunar, tl, true
	}
	if len(m.textYears) > 0 {
		if yearDistance(ts.Year(), m.textYears) <= yearDistance(tl.Year(), m.textYears) {
			return solar, ts, true
		}
		return lunar, tl, true
	}
	if y <= solarPreferredUntil {
		return solar, ts, true
	}
	return lunar, tl, true
}

// yearDistance is how far y is from the nearest of ys.
func yearDistance(y int, ys []int) int {
	best := -1
	for _, x := range ys {
		d := x - y
		if d < 0 {
			d = -d
		}
		if best < 0 || d < best {
			best = d
		}
	}
	return best
}

// Words after a bare number that show it counts something rather than
// naming a year ("في 2000 موقع").
var countedNouns = words("عام", "عاما", "سنة", "سنوات", "شخص", "أشخاص", "جندي", "جنود", "قتيل",
	"قتلى", "دولار", "يورو", "مليون", "مليار", "ألف", "كيلومتر", "كلم", "كم", "متر", "طن", "برميل",
	"منزل", "مواطن", "لاجئ", "طفل", "امرأة", "مقاتل", "صاروخ", "طائرة", "موقع", "نسمة", "ريال", "جنيه",
	"درهم", "دينار", "ليرة", "روبل", "وون", "جنديا", "شخصا", "قتيلا", "مرة", "يوم", "يوما", "ساعة", "دقيقة")

// yearExpr reads a year: "عام 2019", "العام 2025", "للعام 2009",
// "عام ( 1325 ) هجري", "سنة 1404 ش", "2025م", "( 1948 )", "في 1948",
// and year ranges "1936 - 1939", "عام ( 1931 / 1932 )".
func (m *matcher) yearExpr(i int) (cand, bool) {
	c := cand{i: i, kind: KindYear}
	k := i
	lead := false
	if m.exact(k, dateNouns) {
		// "بتاريخ ( 1996 )": the noun belongs to the date.
		k++
		lead = true
	} else if m.in(k, yearLeads) {
		lead = true
		k++
		// "العام القادم 2011": the written year wins over the qualifier.
		if m.exact(k, pastQualifiers) || m.exact(k, nextQualifiers) || m.exact(k, currentQualifiers) {
			k++
		}
	}
	var y, y2, digits int
	j, ok := m.paren(k, func(p int) (int, bool) {
		n, ok := m.num(p, 4)
		if !ok {
			return p, false
		}
		y, digits = n, m.tok(p).digits
		p++
		// A second year after a slash or dash makes a range.
		if m.punct(p, "/", "-") {
			if n2, ok := m.num(p+1, 4); ok && m.tok(p+1).digits == 4 && n2 > n && n2-n <= 100 {
				y2 = n2
				p += 2
			}
		}
		return p, true
	})
	if !ok {
		return c, false
	}
	bracketed := m.punct(k, "(", "[")
	cal := gregorian
	marked := false
	if mc, j2, ok := m.marker(j); ok {
		cal, j, marked = mc, j2, true
	}
	switch {
	case marked && cal != gregorian:
		if y < 1 || y > 1600 || (digits < 3 && !lead) {
			return c, false
		}
	case lead:
		if digits < 3 || y < 100 || y > 2200 {
			return c, false
		}
	case marked:
		if digits != 4 || y < 1000 || y > 2200 {
			return c, false
		}
		// A lone م after a round number is more often metres than a year.
		if m.tok(j-1).norm == "م" && (y < 1800 || y > 2100 || y%100 == 0) {
			return c, false
		}
	case y2 != 0:
		if y < 1000 || y > 2200 {
			return c, false
		}
	default:
		// A bare number is a year only where a year is expected: in
		// brackets or after a preposition, and not before a counted noun.
		if digits != 4 || y < 1800 || y > 2100 {
			return c, false
		}
		if !bracketed && !m.in(i-1, prepositions) && !m.afterEvent(i) {
			return c, false
		}
		if m.in(j, countedNouns) {
			return c, false
		}
	}
	c.j = j
	if cal == gregorian {
		c.year = y
		if y2 != 0 {
			c.kind = KindInterval
			c.year = y2
			return c.between(day(y, 1, 1), day(y2, 1, 1), precYear), true
		}
		return c.at(day(y, 1, 1), precYear), true
	}
	first, last, ok := calendarYear(cal, y)
	if y2 != 0 {
		_, last, ok = calendarYear(cal, y2)
	}
	if !ok {
		return c, false
	}
	// A Hijri or Solar year is a run of Gregorian days.
	return c.between(first, last, precDay), true
}

// Events news names by their year ("حرب 1948", "الانتفاضة الأولى 1987").
var eventWords = words("حرب", "الحرب", "ثورة", "الثورة", "انتفاضة", "الانتفاضة", "نكبة", "النكبة",
	"نكسة", "النكسة", "أحداث", "انتخابات", "الانتخابات", "دستور", "عدوان", "العدوان", "هبة", "مجزرة",
	"اتفاقية", "اتفاق", "معاهدة", "مونديال", "أولمبياد", "موازنة", "ميزانية", "تعداد", "إحصاء", "زلزال", "أزمة", "الأزمة")

// afterEvent reports a bare year that follows an event noun, directly or
// after one adjective.
func (m *matcher) afterEvent(i int) bool {
	if m.in(i-1, eventWords) {
		return true
	}
	t := m.tok(i - 1)
	return t.kind == tokWord && strings.HasPrefix(t.norm, articleAl) && m.in(i-2, eventWords)
}

// Words that open and join the two ends of an interval.
var (
	rangeOpeners = words("بين", "من", "منذ", "خلال", "ما")
	rangeJoiners = words("و", "إلى", "الى", "حتى", "وحتى", "وإلى", "لغاية", "ولغاية", "حتي", "وحتي", "ولغايه")
	betweenWords = words("بين")
	bareMa       = words("ما")
)

// interval reads "بين عامي 1950 و1953", "من عام 2019 إلى 2021", "بين 1
// يناير و1 مايو 2019", "من 13 وحتى 15 تشرين الثاني 2016". The first end
// takes the year of the second when it has none of its own.
func (m *matcher) interval(i int) (cand, bool) {
	c := cand{i: i, kind: KindInterval}
	if !m.in(i, rangeOpeners) {
		return c, false
	}
	k := i + 1
	if m.exact(i, bareMa) {
		// "ما بين": the ما is part of the opener.
		if !m.exact(k, betweenWords) {
			return c, false
		}
		k++
	}
	// "من 13 وحتى 15 نوفمبر": the first end is a bare day.
	if d, ok := m.num(k, 2); ok && d >= 1 && d <= 31 && m.exact(k+1, rangeJoiners) {
		p := k + 2
		b, ok := m.absolute(p)
		if !ok || b.parts == nil || b.parts.d == 0 || b.unresolved || b.loP != precDay {
			return c, false
		}
		lo, ok := calendarDate(b.parts.cal, b.parts.y, b.parts.mo, d)
		if !ok || lo.After(b.lo) {
			return c, false
		}
		c.j, c.year = b.j, b.year
		return c.between(lo, b.hi, precDay), true
	}
	a, ok := m.absolute(k)
	if !ok {
		return c, false
	}
	p := a.j
	switch {
	case m.exact(p, rangeJoiners) || m.punct(p, "-"):
		p++
	case m.tok(p).kind == tokWord && len(m.tok(p).norm) > len(cliticWa) && m.tok(p).norm[:len(cliticWa)] == cliticWa:
		// "وعام 1953": the joiner is glued to the second end.
	default:
		return c, false
	}
	b, ok := m.absolute(p)
	if !ok {
		// "بين عامي 1950 و1953": a bare year after a year.
		if n, okn := m.num(p, 4); okn && a.loP == precYear && a.kind == KindYear && m.tok(p).digits == 4 && n > a.lo.Year() {
			b = cand{i: p, j: p + 1, kind: KindYear, year: n}.at(day(n, 1, 1), precYear)
		} else {
			return c, false
		}
	}
	// The first end borrows the second's year ("بين 1 يناير و1 مايو 2019").
	if a.parts != nil && a.parts.inferred && b.parts != nil && !b.parts.inferred && a.parts.cal == b.parts.cal {
		pa := *a.parts
		pa.y = b.parts.y
		if pa.mo > b.parts.mo {
			pa.y--
		}
		a.parts = &pa
		if r, ok := m.resolveParts(a, 0); ok {
			a = r
			a.unresolved = false
		}
	}
	if a.unresolved || b.unresolved {
		return c, false
	}
	if b.hi.Before(a.lo) {
		return c, false
	}
	c.j = b.j
	c.year = b.year
	c.lo, c.loP = a.lo, a.loP
	c.hi, c.hiP = b.hi, b.hiP
	return c, true
}

// Words that narrow a time to a part of it; the span takes them in and the
// value stays the whole ("أواخر عام 2017" → 2017).
var modifiers = words("مطلع", "أوائل", "بداية", "بدايات", "منتصف", "أواسط", "أواخر", "نهاية",
	"مستهل", "غرة")

// modified reads a modifier word before any expression.
func (m *matcher) modified(i int) (cand, bool) {
	if !m.in(i, modifiers) {
		return cand{}, false
	}
	k := i + 1
	if m.in(k, modifiers) {
		// One modifier only: chains would make every token re-scan the rest.
		return cand{}, false
	}
	inner, ok := m.best(k)
	if !ok || inner.i != k || inner.kind == KindInterval {
		return cand{}, false
	}
	inner.i = i
	return inner, true
}

// decadeTens maps the tens of decade names (الأربعينيات, ثمانينات) to their
// number.
var decadeTens = func() map[string]int {
	out := make(map[string]int)
	for w, n := range map[string]int{"عشرين": 20, "ثلاثين": 30, "أربعين": 40, "خمسين": 50,
		"ستين": 60, "سبعين": 70, "ثمانين": 80, "تسعين": 90} {
		for k := range words(w) {
			for _, suffix := range []string{"ات", "يات"} {
				out[k+suffix] = n
				out[articleAl+k+suffix] = n
			}
		}
	}
	return out
}()

var (
	centuryWords = words("القرن")
	lastCentury  = words("الماضي", "العشرين", "المنصرم")
	thisCentury  = words("الحالي", "الجاري", "الحادي")
)

// decade reads "الأربعينيات", "ثمانينات القرن الماضي". Decades are taken
// in the twentieth century unless the text names the present one: news
// speaks of "the forties" for the 1940s.
func (m *matcher) decade(i int) (cand, bool) {
	c := cand{i: i, kind: KindInterval}
	t := m.tok(i)
	if t.kind != tokWord {
		return c, false
	}
	tens := 0
	for _, f := range t.forms {
		if n, ok := decadeTens[f]; ok {
			tens = n
			break
		}
	}
	if tens == 0 {
		return c, false
	}
	base, j := 1900, i+1
	k := j
	if m.exact(k, fromWord) {
		k++
	}
	if m.exact(k, centuryWords) {
		switch {
		case m.exact(k+1, lastCentury):
			j = k + 2
		case m.exact(k+1, thisCentury):
			base, j = 2000, k+2
		}
	}
	c.j = j
	return c.between(day(base+tens, 1, 1), day(base+tens+9, 1, 1), precYear), true
}
