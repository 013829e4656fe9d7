package timex

import (
	"strings"
	"time"

	"github.com/marsad/marsad/internal/arabic"
)

// monthName is one way of naming a month. weak names are also ordinary
// words or given names (آب, ماي, مارس "he practised", صفر "zero", رجب and
// رمضان as names, إبان "during" for آبان): they count as months only with a
// day number before them, a year after them, شهر before them, a combined
// form with a strong name, or a qualifier (الماضي, المقبل).
type monthName struct {
	cal   calendar
	month int
	weak  bool
}

// monthEntry is a month name split into its first word (the index key) and
// the words that must follow it.
type monthEntry struct {
	rest []string
	name monthName
}

// monthIndex finds month names by their first word in the search layer.
type monthIndex map[string][]monthEntry

// months lists every month name marsad reads. Spellings that differ only in
// hamza, ة/ه or ى/ي are folded by the search layer and appear once.
var months = indexMonths([]struct {
	text string
	name monthName
}{
	// Gregorian: Egyptian/Gulf (MSA), Levantine/Iraqi (Syriac), Maghrebi
	// (French-derived) and Moroccan names.
	{"يناير", monthName{gregorian, 1, false}},
	{"كانون الثاني", monthName{gregorian, 1, false}},
	{"كانون ثاني", monthName{gregorian, 1, false}},
	{"جانفي", monthName{gregorian, 1, false}},
	{"فبراير", monthName{gregorian, 2, false}},
	{"شباط", monthName{gregorian, 2, false}},
	{"فيفري", monthName{gregorian, 2, false}},
	{"مارس", monthName{gregorian, 3, true}},
	{"آذار", monthName{gregorian, 3, false}},
	{"أبريل", monthName{gregorian, 4, false}},
	{"نيسان", monthName{gregorian, 4, false}},
	{"أفريل", monthName{gregorian, 4, false}},
	{"مايو", monthName{gregorian, 5, false}},
	{"أيار", monthName{gregorian, 5, false}},
	{"ماي", monthName{gregorian, 5, true}},
	{"يونيو", monthName{gregorian, 6, false}},
	{"يونيه", monthName{gregorian, 6, false}},
	{"حزيران", monthName{gregorian, 6, false}},
	{"جوان", monthName{gregorian, 6, true}},
	{"يوليو", monthName{gregorian, 7, false}},
	{"يوليه", monthName{gregorian, 7, false}},
	{"تموز", monthName{gregorian, 7, false}},
	{"جويلية", monthName{gregorian, 7, false}},
	{"يوليوز", monthName{gregorian, 7, false}},
	{"أغسطس", monthName{gregorian, 8, false}},
	{"اغسطس", monthName{gregorian, 8, false}},
	{"آب", monthName{gregorian, 8, true}},
	{"أوت", monthName{gregorian, 8, true}},
	{"غشت", monthName{gregorian, 8, false}},
	{"سبتمبر", monthName{gregorian, 9, false}},
	{"أيلول", monthName{gregorian, 9, false}},
	{"شتنبر", monthName{gregorian, 9, false}},
	{"أكتوبر", monthName{gregorian, 10, false}},
	{"تشرين الأول", monthName{gregorian, 10, false}},
	{"تشرين أول", monthName{gregorian, 10, false}},
	{"نوفمبر", monthName{gregorian, 11, false}},
	{"تشرين الثاني", monthName{gregorian, 11, false}},
	{"تشرين ثاني", monthName{gregorian, 11, false}},
	{"تشرين الآخر", monthName{gregorian, 11, false}},
	{"نونبر", monthName{gregorian, 11, false}},
	{"ديسمبر", monthName{gregorian, 12, false}},
	{"كانون الأول", monthName{gregorian, 12, false}},
	{"كانون أول", monthName{gregorian, 12, false}},
	{"دجنبر", monthName{gregorian, 12, false}},

	// Hijri (lunar), with the case and spelling variants news uses.
	{"محرم", monthName{lunar, 1, true}},
	{"المحرم", monthName{lunar, 1, true}},
	{"صفر", monthName{lunar, 2, true}},
	{"ربيع الأول", monthName{lunar, 3, false}},
	{"ربيع أول", monthName{lunar, 3, false}},
	{"ربيع الآخر", monthName{lunar, 4, false}},
	{"ربيع الأخر", monthName{lunar, 4, false}},
	{"ربيع الثاني", monthName{lunar, 4, false}},
	{"ربيع ثاني", monthName{lunar, 4, false}},
	{"جمادى الأولى", monthName{lunar, 5, false}},
	{"جمادى الأول", monthName{lunar, 5, false}},
	{"جمادى الآخرة", monthName{lunar, 6, false}},
	{"جمادى الآخر", monthName{lunar, 6, false}},
	{"جمادى الثانية", monthName{lunar, 6, false}},
	{"جمادى الثاني", monthName{lunar, 6, false}},
	{"رجب", monthName{lunar, 7, true}},
	{"شعبان", monthName{lunar, 8, true}},
	{"رمضان", monthName{lunar, 9, true}},
	{"شوال", monthName{lunar, 10, false}},
	{"ذو القعدة", monthName{lunar, 11, false}},
	{"ذي القعدة", monthName{lunar, 11, false}},
	{"ذا القعدة", monthName{lunar, 11, false}},
	{"ذو الحجة", monthName{lunar, 12, false}},
	{"ذي الحجة", monthName{lunar, 12, false}},
	{"ذا الحجة", monthName{lunar, 12, false}},

	// Solar Hijri, Persian and Arabic spellings (the search layer folds
	// ی/ي and ک/ك). Most are also Persian or Arabic words.
	{"فروردین", monthName{solar, 1, false}},
	{"أردیبهشت", monthName{solar, 2, false}},
	{"خرداد", monthName{solar, 3, false}},
	{"تیر", monthName{solar, 4, true}},
	{"مرداد", monthName{solar, 5, false}},
	{"امرداد", monthName{solar, 5, false}},
	{"شهریور", monthName{solar, 6, false}},
	{"مهر", monthName{solar, 7, true}},
	{"آبان", monthName{solar, 8, true}},
	{"آذر", monthName{solar, 9, true}},
	{"دی", monthName{solar, 10, true}},
	{"بهمن", monthName{solar, 11, true}},
	{"اسفند", monthName{solar, 12, true}},
})

// indexMonths folds each name through the search layer and indexes it by
// its first word, longest names first so "كانون الثاني" wins over a prefix.
func indexMonths(list []struct {
	text string
	name monthName
}) monthIndex {
	idx := make(monthIndex)
	for _, e := range list {
		ws := strings.Fields(arabic.Search(e.text))
		idx[ws[0]] = append(idx[ws[0]], monthEntry{rest: ws[1:], name: e.name})
	}
	for k, es := range idx {
		for a := 1; a < len(es); a++ {
			for b := a; b > 0 && len(es[b].rest) > len(es[b-1].rest); b-- {
				es[b], es[b-1] = es[b-1], es[b]
			}
		}
		idx[k] = es
	}
	return idx
}

// monthAt reads one month name at i, its first word possibly carrying
// proclitics ("وديسمبر", "بشهر" is not a month).
func (m *matcher) monthAt(i int) (monthName, int, bool) {
	t := m.tok(i)
	if t.kind != tokWord {
		return monthName{}, i, false
	}
	for _, f := range t.forms {
		for _, e := range months[f] {
			j := i + 1
			ok := true
			for _, w := range e.rest {
				if m.tok(j).kind != tokWord || m.tok(j).norm != w {
					ok = false
					break
				}
				j++
			}
			if ok {
				return e.name, j, true
			}
		}
	}
	return monthName{}, i, false
}

// monthGroup reads a month name and any equivalent names joined to it by a
// slash, dash or brackets: "أغسطس/آب", "كانون الأول/ديسمبر",
// "ديسمبر ( كانون الاول )". Names of different months do not join.
func (m *matcher) monthGroup(i int) (monthName, int, bool) {
	n, j, ok := m.monthAt(i)
	if !ok {
		return n, i, false
	}
	for {
		switch {
		case m.punct(j, "/", "-", "\\", "|"):
			o, k, ok := m.monthAt(j + 1)
			if !ok || o.month != n.month || o.cal != n.cal {
				return n, j, true
			}
			n.weak = n.weak && o.weak
			j = k
		case m.punct(j, "("):
			o, k, ok := m.monthAt(j + 1)
			if !ok || o.month != n.month || o.cal != n.cal || !m.punct(k, ")") {
				return n, j, true
			}
			n.weak = n.weak && o.weak
			j = k + 1
		default:
			return n, j, true
		}
	}
}

// Words around a month name.
var (
	monthLeads   = words("شهر", "شهري")
	yearLeads    = words("عام", "العام", "سنة", "السنة", "عامي", "سنتي", "العامين")
	prepositions = words("في", "منذ", "حتى", "قبل", "بعد", "خلال", "مطلع", "أوائل", "أواخر",
		"منتصف", "أواسط", "نهاية", "بداية", "مستهل", "طيلة", "طوال", "من", "إلى", "مع", "أول", "آخر", "غضون", "حلول")
	pastQualifiers    = words("الماضي", "الماضية", "الفائت", "الفائتة", "المنصرم", "المنصرمة", "السابق", "الأخير")
	nextQualifiers    = words("المقبل", "المقبلة", "القادم", "القادمة", "التالي")
	currentQualifiers = words("الجاري", "الجارية", "الحالي", "الحالية")
	thisWords         = words("هذا", "هذه")
	monthWords        = words("الشهر", "شهر")
	yearWords         = words("العام", "السنة", "عام", "سنة")
	fromWord          = words("من")
	// Weak month names a preposition alone makes a month ("في مارس"); آب
	// and ماي need a day or a year ("في إب" is the Yemeni city once folded).
	prepMonths = words("مارس", "جوان", "أوت")
)

// Relations of a date to the reference, when its year is not written.
const (
	relNearest = iota // the nearest occurrence, at most two months ahead
	relPast           // strictly before the reference (الماضي)
	relNext           // strictly after the reference (المقبل)
	relCurrent        // the one in the reference's own year or month
)

// aheadDays is how far into the future an undated "18 ديسمبر" may point.
// News mostly reports what happened, but announces what is scheduled weeks
// ahead; two months covers both without flipping last December into next.
const aheadDays = 61

// yearAfter reads the year that may follow a month: "2025", "، 2025",
// "من عام 2025", "( 1950 )", "1447 هـ". It returns the year, the calendar
// its marker names (or c when unmarked) and the index after it.
func (m *matcher) yearAfter(i int, c calendar) (y int, yc calendar, j int, ok bool) {
	k := i
	if m.punct(k, ",", "/") {
		k++
	}
	if m.exact(k, fromWord) {
		k++
	}
	if m.exact(k, yearWords) {
		k++
	}
	digits := 0
	j, ok = m.paren(k, func(p int) (int, bool) {
		n, ok := m.num(p, 4)
		if !ok {
			return p, false
		}
		y, digits = n, m.tok(p).digits
		return p + 1, true
	})
	if !ok {
		return 0, c, i, false
	}
	yc = c
	if mc, k2, ok := m.marker(j); ok {
		yc, j = mc, k2
	}
	if !plausibleYear(yc, y, digits) {
		return 0, c, i, false
	}
	return y, yc, j, true
}

// plausibleYear bounds the years each calendar is read for; a three-digit
// Gregorian year after a month is more often a count than a date.
func plausibleYear(c calendar, y, digits int) bool {
	switch c {
	case lunar:
		return y >= 1 && y <= 1600
	case solar:
		return y >= 1200 && y <= 1500
	}
	return digits == 4 && y >= 1000 && y <= 2200
}

// relYear reads "من هذا العام", "من العام الماضي", "العام المقبل" after a
// month and returns the year offset from the reference.
func (m *matcher) relYear(i int) (delta, j int, ok bool) {
	k := i
	if m.exact(k, fromWord) {
		k++
	}
	if m.exact(k, thisWords) && m.exact(k+1, yearWords) {
		return 0, k + 2, true
	}
	if m.exact(k, yearWords) {
		switch {
		case m.exact(k+1, pastQualifiers):
			return -1, k + 2, true
		case m.exact(k+1, nextQualifiers):
			return 1, k + 2, true
		case m.exact(k+1, currentQualifiers):
			return 0, k + 2, true
		}
	}
	return 0, i, false
}

// named reads dates built on a month name: "15 أغسطس 1945", "18 ديسمبر",
// "يونيو 2024", "شهر رمضان 1446", "أبريل من هذا العام", "ديسمبر الماضي",
// "الأحد 28 ديسمبر 2025", "تموز ( 9 / 7 / 1947 )", "13-15 نوفمبر".
func (m *matcher) named(i int) (cand, bool) {
	k := m.lead(i)
	c := cand{i: i}
	shahr := false
	if m.in(k, monthLeads) {
		shahr = true
		k++
	}
	d, d2 := 0, 0
	if n, ok := m.num(k, 2); ok && !shahr && n >= 1 && n <= 31 {
		p := k + 1
		// "13-15 نوفمبر": a range of days inside one month.
		if m.punct(p, "-") {
			if n2, ok := m.num(p+1, 2); ok && n2 > n && n2 <= 31 {
				d2 = n2
				p += 2
			}
		}
		if m.punct(p, "/") || m.exact(p, fromWord) {
			p++
		}
		if _, _, ok := m.monthAt(p); !ok {
			return c, false
		}
		d, k = n, p
	} else if k != i && !shahr && !m.exact(i, dateLeads) {
		// A weekday alone is the weekday matcher's business.
		return c, false
	}
	mn, j, ok := m.monthGroup(k)
	if !ok {
		return c, false
	}
	epithet := mn.cal == lunar && m.exact(j, epithets)
	if epithet {
		j++
	}
	parts := dateParts{cal: mn.cal, mo: mn.month, d: d}
	rel := relNearest
	explicit := false
	context := d > 0 || shahr || epithet || !mn.weak
	switch {
	case m.punct(j, "("):
		// "تموز ( 9 / 7 / 1947 )": the month, then the full date in brackets.
		if nc, ok := m.numeric(j + 1); ok && nc.parts != nil && nc.parts.mo == mn.month && m.punct(nc.j, ")") {
			nc.i, nc.j = i, nc.j+1
			return nc, true
		}
		if y, yc, j2, ok := m.yearAfter(j, mn.cal); ok {
			parts.y, parts.cal, j, explicit = y, yc, j2, true
		}
	default:
		if y, yc, j2, ok := m.yearAfter(j, mn.cal); ok && (yc == mn.cal || mn.cal != gregorian) {
			parts.y, j, explicit = y, j2, true
			if mn.cal == gregorian {
				parts.cal = gregorian
			}
		} else if hy, gy, j2, ok := m.lunarByGregorianYear(j, mn); ok {
			// "رمضان 2024", "شهر رمضان عام 1992": the Hijri month that
			// begins in that Gregorian year.
			parts.y, j, explicit = hy, j2, true
			c.year = gy
		} else if delta, j2, ok := m.relYear(j); ok && mn.cal == gregorian {
			context = true
			j = j2
			if !m.hasRef {
				c.unresolved = true
			} else {
				parts.y, explicit = m.ref.Year()+delta, true
			}
		} else if m.exact(j, pastQualifiers) {
			rel, j, context = relPast, j+1, true
		} else if m.exact(j, nextQualifiers) {
			rel, j, context = relNext, j+1, true
		} else if m.exact(j, currentQualifiers) {
			rel, j, context = relCurrent, j+1, true
		}
	}
	if explicit {
		context = true
	}
	if !context && mn.cal == gregorian && (!mn.weak || m.in(k, prepMonths)) && m.in(i-1, prepositions) {
		context = true
	}
	if !context {
		return c, false
	}
	c.j = j
	if !explicit && !c.unresolved {
		y, ok := m.inferYear(parts.cal, parts.mo, d, rel)
		if !ok {
			c.unresolved = true
		}
		parts.y, parts.inferred = y, true
	}
	if explicit && parts.cal == gregorian {
		c.year = parts.y
	}
	c.parts = &parts
	if c.unresolved {
		c.kind = KindMonth
		if d > 0 {
			c.kind = KindDate
		}
		return c, true
	}
	return m.resolveParts(c, d2)
}

// Epithets that follow Hijri month names ("رمضان المبارك", "صفر الخير").
var epithets = words("المبارك", "الكريم", "المعظم", "الفضيل", "الحرام", "الخير", "الأنور")

// lunarByGregorianYear reads a Gregorian year after a Hijri month and
// returns the Hijri year in which that month begins in the Gregorian year.
func (m *matcher) lunarByGregorianYear(i int, mn monthName) (hy, gy, j int, ok bool) {
	if mn.cal != lunar {
		return 0, 0, i, false
	}
	gy, yc, j, ok := m.yearAfter(i, gregorian)
	if !ok || yc != gregorian || gy < 1900 {
		return 0, 0, i, false
	}
	est := (gy-622)*33/32 + 1
	for hy := est - 2; hy <= est+2; hy++ {
		if hijriMonthStart(hy, mn.month).Year() == gy {
			return hy, gy, j, true
		}
	}
	return 0, 0, i, false
}

// resolveParts fills c's value from its written parts; d2 > 0 makes the
// day a range d..d2.
func (m *matcher) resolveParts(c cand, d2 int) (cand, bool) {
	p := c.parts
	if p.d == 0 {
		first, last, ok := calendarMonth(p.cal, p.y, p.mo)
		if !ok {
			return c, false
		}
		c.kind = KindMonth
		if p.cal == gregorian {
			return c.at(first, precMonth), true
		}
		// A Hijri or Solar month is a run of Gregorian days.
		return c.between(first, last, precDay), true
	}
	t, ok := calendarDate(p.cal, p.y, p.mo, p.d)
	if !ok {
		return c, false
	}
	c.kind = KindDate
	c = c.at(t, precDay)
	if d2 > 0 {
		t2, ok := calendarDate(p.cal, p.y, p.mo, d2)
		if !ok {
			return c, false
		}
		c.kind = KindInterval
		c = c.between(t, t2, precDay)
	}
	return c, true
}

// lead skips the words that may open a date and belong to its span: "يوم",
// "بتاريخ", a weekday ("الأحد 28 ديسمبر"), "الموافق", a comma or colon
// after them. It returns i itself when none is there.
func (m *matcher) lead(i int) int {
	k := i
	if m.exact(k, openLeads) {
		k++
	}
	if _, ok := m.weekdayAt(k); ok {
		k++
		if m.punct(k, ",") {
			k++
		}
	}
	if k > i && m.exact(k, innerLeads) {
		k++
	}
	if k > i && m.punct(k, ":") {
		k++
	}
	return k
}

// inferYear chooses the year, in calendar c, of month mo (day d, 0 for the
// whole month) written without one. Without a reference it borrows the
// latest explicit Gregorian year written before it in the text.
func (m *matcher) inferYear(c calendar, mo, d, rel int) (int, bool) {
	if !m.hasRef {
		if c == gregorian && m.lastYear != 0 && rel == relNearest {
			return m.lastYear, true
		}
		return 0, false
	}
	ry, rm, ok := monthOf(c, m.ref)
	if !ok {
		return 0, false
	}
	refMonth, _, _ := calendarMonth(c, ry, rm)
	at := func(y int) (time.Time, bool) {
		if d == 0 {
			first, _, ok := calendarMonth(c, y, mo)
			return first, ok
		}
		return calendarDate(c, y, mo, d)
	}
	limit := m.ref.AddDate(0, 0, aheadDays)
	switch rel {
	case relCurrent:
		return ry, true
	case relNext:
		for y := ry - 1; y <= ry+2; y++ {
			t, ok := at(y)
			if ok && (d > 0 && t.After(m.ref) || d == 0 && t.After(refMonth)) {
				return y, true
			}
		}
		return 0, false
	}
	for y := ry + 1; y >= ry-3; y-- {
		t, ok := at(y)
		if !ok {
			continue
		}
		switch {
		case rel == relPast && d > 0 && t.Before(m.ref),
			rel == relPast && d == 0 && t.Before(refMonth),
			rel == relNearest && !t.After(limit):
			return y, true
		}
	}
	return 0, false
}
