package timex

import (
	"strings"
	"time"
)

// weekdays maps weekday names, with their article, to time.Weekday.
var weekdays = func() map[string]time.Weekday {
	out := make(map[string]time.Weekday)
	for w, d := range map[string]time.Weekday{
		"الأحد": time.Sunday, "الاثنين": time.Monday, "الإثنين": time.Monday, "الاتنين": time.Monday,
		"الثلاثاء": time.Tuesday, "الثلثاء": time.Tuesday, "الأربعاء": time.Wednesday, "الاربعا": time.Wednesday,
		"الخميس": time.Thursday, "الجمعة": time.Friday, "السبت": time.Saturday,
	} {
		for k := range words(w) {
			out[k] = d
		}
	}
	return out
}()

// weekdayAt reads a weekday name at i, possibly after و or ف. "الأحد عشر"
// is eleven, not Sunday.
func (m *matcher) weekdayAt(i int) (time.Weekday, bool) {
	t := m.tok(i)
	if t.kind != tokWord {
		return 0, false
	}
	for _, f := range t.forms {
		if d, ok := weekdays[f]; ok {
			if d == time.Sunday && m.exact(i+1, elevenWords) {
				return 0, false
			}
			return d, true
		}
	}
	return 0, false
}

// Words of relative expressions, folded to the search layer.
var (
	elevenWords   = words("عشر", "عشرة")
	dayWords      = words("يوم")
	dayParts      = words("صباح", "مساء", "ظهر", "عصر", "فجر", "ليلة", "ليل", "صبيحة", "ظهيرة", "منتصف", "قبيل", "عشية", "نهار")
	todayWords    = words("اليوم", "الليلة")
	yesterday     = words("أمس", "الأمس", "البارحة")
	tomorrow      = words("غدا", "غداً", "بكرا", "بكره")
	tomorrowNoun  = words("الغد", "غد")
	firstWords    = words("أول")
	firstDefinite = words("الأول")
	onWord        = words("على")
	lastWords     = words("الأخيرة", "السابقة", "الأخير")
	afterWords    = words("بعد")
	agoWords      = words("منذ", "قبل")
	aboutWords    = words("نحو", "حوالي", "حوالى", "قرابة", "زهاء", "قرابه")
	moreLess      = words("أكثر", "أقل", "اكثر", "اقل")
	withinWords   = words("خلال", "غضون", "طوال", "طيلة", "مدى")
	inWords       = words("في")
	timeWords     = words("وقت")
	earlierLater  = words("سابق", "لاحق", "مبكر", "متأخر")
	weekWords     = words("الأسبوع", "الاسبوع")
	seasonWords   = map[string]time.Month{"الربيع": time.March, "الصيف": time.June, "الخريف": time.September, "الشتاء": time.December}
	seasonBare    = map[string]time.Month{"ربيع": time.March, "صيف": time.June, "خريف": time.September, "شتاء": time.December}
	futureCues    = words("المقرر", "مقرر", "المزمع", "مزمع", "المرتقب", "المنتظر", "يعتزم", "تعتزم", "سوف", "يرتقب", "يتوقع", "ينتظر", "موعد")
	// Nouns that start like a future verb (سـ + ي/ت/ن) and are not one.
	notFutureVerbs = words("سياسة", "سياسي", "سياسية", "سياسات", "سياسيين", "سياسيون", "سيطرة", "سيارة",
		"سيارات", "سنة", "سنوات", "سنوي", "سنوية", "سنويا", "ستة", "ستين", "ستون", "سيد", "سيدة", "ستار",
		"سياق", "سيناريو", "سيول", "سنغافورة", "ستوكهولم", "سيناء", "سيبيريا", "سيادة", "سيادي", "ستالين",
		"سيرة", "سير", "سيف", "سيئ", "سيئة", "سينما", "سنتيمتر", "سنت", "سنين", "سنتين", "سيرغي", "سيرجي",
		"سيول", "ستراتيجي", "ستارت", "سيبراني", "سيبرانية", "سيئول", "سيريلانكا", "سيدني", "سيناتور", "ستانفورد")
)

// unit is a length of time a relative expression counts in.
type unit int

const (
	unitNone unit = iota
	unitMinute
	unitHour
	unitDay
	unitWeek
	unitMonth
	unitYear
)

// unitWord is a unit noun and the count it carries by itself: 1 for the
// singular, 2 for the dual (يومين), 0 for a plural that needs a number.
type unitWord struct {
	u     unit
	count int
}

var units = func() map[string]unitWord {
	out := make(map[string]unitWord)
	add := func(u unit, count int, ws ...string) {
		for k := range words(ws...) {
			out[k] = unitWord{u, count}
		}
	}
	add(unitMinute, 1, "دقيقة", "دقيقه")
	add(unitMinute, 0, "دقائق", "دقيقة", "دقيقةً")
	add(unitMinute, 2, "دقيقتين", "دقيقتان")
	add(unitHour, 1, "ساعة")
	add(unitHour, 0, "ساعات")
	add(unitHour, 2, "ساعتين", "ساعتان")
	add(unitDay, 1, "يوم", "يوما", "يوماً")
	add(unitDay, 0, "أيام", "الأيام")
	add(unitDay, 2, "يومين", "يومان")
	add(unitWeek, 1, "أسبوع", "أسبوعا")
	add(unitWeek, 0, "أسابيع", "الأسابيع")
	add(unitWeek, 2, "أسبوعين", "أسبوعان")
	add(unitMonth, 1, "شهر", "شهرا")
	add(unitMonth, 0, "أشهر", "شهور", "الأشهر", "الشهور")
	add(unitMonth, 2, "شهرين", "شهران")
	add(unitYear, 1, "عام", "عاما", "سنة", "سنه")
	add(unitYear, 0, "أعوام", "سنوات", "سنين", "الأعوام", "السنوات", "السنين")
	add(unitYear, 2, "عامين", "عامان", "سنتين", "سنتان")
	add(unitHour, 0, "الساعات")
	add(unitMinute, 0, "الدقائق")
	return out
}()

// numberWords are the small number words relative expressions use, with
// and without the article ("الأيام الخمسة الماضية").
var numberWords = func() map[string]int {
	out := make(map[string]int)
	for w, n := range map[string]int{
		"واحد": 1, "واحدة": 1, "اثنين": 2, "اثنان": 2, "اثنتين": 2, "اثنتان": 2,
		"ثلاث": 3, "ثلاثة": 3, "أربع": 4, "أربعة": 4, "خمس": 5, "خمسة": 5,
		"ست": 6, "ستة": 6, "سبع": 7, "سبعة": 7, "ثماني": 8, "ثمانية": 8, "ثمان": 8,
		"تسع": 9, "تسعة": 9, "عشر": 10, "عشرة": 10, "عشرين": 20, "عشرون": 20,
		"ثلاثين": 30, "ثلاثون": 30, "أربعين": 40, "أربعون": 40, "خمسين": 50, "خمسون": 50,
	} {
		for k := range words(w, "ال"+w) {
			out[k] = n
		}
	}
	return out
}()

// count reads a number at i: digits, a number word, or "الـ24".
func (m *matcher) count(i int) (int, int, bool) {
	if n, ok := m.num(i, 4); ok {
		return n, i + 1, true
	}
	t := m.tok(i)
	if t.kind == tokWord {
		if t.norm == articleAl {
			if n, ok := m.num(i+1, 4); ok {
				return n, i + 2, true
			}
		}
		if n, ok := numberWords[t.norm]; ok {
			return n, i + 1, true
		}
	}
	return 0, i, false
}

// relative returns the longest relative expression at i.
func (m *matcher) relative(i int) (cand, bool) {
	var best cand
	found := false
	try := func(c cand, ok bool) {
		if ok && c.j > i && (!found || c.j > best.j) {
			best, found = c, true
		}
	}
	try(m.deictic(i))
	try(m.weekday(i))
	try(m.period(i))
	try(m.ago(i))
	try(m.span(i))
	try(m.earlier(i))
	try(m.dayOfMonth(i))
	if found && !m.hasRef && best.year == 0 {
		best.unresolved = true
	}
	return best, found
}

// deictic reads today, yesterday and tomorrow, with a part of the day
// before and a weekday after: "صباح اليوم الاثنين", "أمس الأحد",
// "أول من أمس", "يوم غد", "بعد غد". A weekday after them wins over the
// anchor (see weekdayNear): pages are often published a day after writing.
func (m *matcher) deictic(i int) (cand, bool) {
	c := cand{i: i, kind: KindRelative}
	k := i
	if m.in(k, dayParts) {
		k++
	}
	offset := 0
	switch {
	case m.in(k, todayWords):
		// "اليوم التالي", "اليوم الوطني" are a day, not today.
		if t := m.tok(k + 1); t.kind == tokWord && strings.HasPrefix(t.norm, articleAl) {
			if _, ok := m.weekdayAt(k + 1); !ok {
				return c, false
			}
		}
		k++
	case m.exact(k, firstWords) && m.in(k+1, yesterday):
		offset, k = -2, k+2
	case m.exact(k, firstWords) && m.exact(k+1, fromWord) && m.in(k+2, yesterday):
		offset, k = -2, k+3
	case m.in(k, yesterday):
		offset, k = -1, k+1
		if m.exact(k, firstWords) || m.exact(k, firstDefinite) {
			offset, k = -2, k+1
		}
	case m.exact(k, dayWords) && m.in(k+1, yesterday):
		offset, k = -1, k+2
	case m.exact(k, dayWords) && m.exact(k+1, tomorrowNoun):
		offset, k = 1, k+2
	case m.in(k, afterWords) && m.exact(k+1, tomorrowNoun):
		offset, k = 2, k+2
	case m.in(k, tomorrow):
		offset, k = 1, k+1
	case k > i && m.exact(k, tomorrowNoun):
		// "صباح الغد": الغد alone is also a newspaper and a party.
		offset, k = 1, k+1
	default:
		return c, false
	}
	anchor := m.ref.AddDate(0, 0, offset)
	t := anchor
	if wd, ok := m.weekdayAt(k); ok {
		k++
		t = weekdayNear(anchor, wd, offset > 0)
	}
	c.j = k
	return c.at(t, precDay), true
}

// weekdayNear returns the day with weekday wd on or before t, or on or
// after it when ahead is set: "اليوم الاثنين" in a piece written on Monday
// and published on Tuesday is the Monday.
func weekdayNear(t time.Time, wd time.Weekday, ahead bool) time.Time {
	d := int(wd) - int(t.Weekday())
	if ahead && d < 0 {
		d += 7
	}
	if !ahead && d > 0 {
		d -= 7
	}
	return t.AddDate(0, 0, d)
}

// weekday reads "يوم الأربعاء", "الخميس الماضي", "الجمعة المقبل", "مساء
// السبت". Unqualified, news means the most recent such day on or before the
// publication date, unless the clause before it speaks of the future
// (المقرر, سوف, a سـ verb): then the next such day on or after it.
func (m *matcher) weekday(i int) (cand, bool) {
	c := cand{i: i, kind: KindWeekday}
	k := i
	if m.in(k, dayParts) {
		k++
	}
	if m.exact(k, dayWords) {
		k++
	}
	wd, ok := m.weekdayAt(k)
	if !ok {
		return c, false
	}
	k++
	dir := 0
	switch {
	case m.exact(k, pastQualifiers):
		dir, k = -2, k+1
	case m.exact(k, nextQualifiers):
		dir, k = 2, k+1
	case m.futureClause(i):
		dir = 1
	default:
		dir = -1
	}
	c.j = k
	d := int(wd) - int(m.ref.Weekday())
	switch dir {
	case -2: // strictly before
		if d >= 0 {
			d -= 7
		}
	case -1: // on or before
		if d > 0 {
			d -= 7
		}
	case 1: // on or after
		if d < 0 {
			d += 7
		}
	case 2: // strictly after
		if d <= 0 {
			d += 7
		}
	}
	return c.at(m.ref.AddDate(0, 0, d), precDay), true
}

// futureWindow is how many tokens before a weekday are searched for a sign
// that the clause speaks of the future.
const futureWindow = 6

// futureClause reports a future cue within the clause before token i:
// "المقرر عقده يوم الجمعة", "سوف يزور ... الأحد", "ستعقد ... الخميس".
func (m *matcher) futureClause(i int) bool {
	for k := i - 1; k >= 0 && k >= i-futureWindow; k-- {
		t := m.tok(k)
		if t.lineEnd && k != i-1 || t.kind == tokPunct && (t.norm == "." || t.norm == "!" || t.norm == "?" || t.norm == ";") {
			return false
		}
		if m.in(k, futureCues) || t.kind == tokWord && isFutureVerb(t.forms) {
			return true
		}
	}
	return false
}

// isFutureVerb spots the future prefix سـ on an imperfect verb (سيزور,
// ستعقد, سنعمل), after و or ف.
func isFutureVerb(forms []string) bool {
	for _, f := range forms {
		r := []rune(f)
		if len(r) >= 4 && r[0] == 'س' && (r[1] == 'ي' || r[1] == 'ت' || r[1] == 'ن') && !notFutureVerbs[f] {
			return true
		}
	}
	return false
}

// period reads the named periods around the reference: "الأسبوع الماضي",
// "الشهر الجاري", "العام المقبل", "هذا العام", "السنة الماضية", "الصيف
// الماضي", "صيف 2024".
func (m *matcher) period(i int) (cand, bool) {
	c := cand{i: i, kind: KindRelative}
	k := i
	this := false
	if m.in(k, thisWords) {
		this = true
		k++
	}
	t := m.tok(k)
	if t.kind != tokWord {
		return c, false
	}
	base := ""
	for _, f := range t.forms {
		switch {
		case weekWords[f], monthWords[f] && strings.HasPrefix(f, articleAl), yearWords[f] && strings.HasPrefix(f, articleAl):
			base = f
		case seasonWords[f] != 0:
			base = f
		}
		if base != "" {
			break
		}
	}
	if base == "" {
		// "صيف 2024": a season of a written year.
		if sm, ok := seasonBare[t.norm]; ok && !this {
			if y, _, j, ok := m.yearAfter(k+1, gregorian); ok {
				c.j, c.kind, c.year = j, KindInterval, y
				lo, hi := season(y, sm)
				return c.between(lo, hi, precDay), true
			}
		}
		return c, false
	}
	k++
	rel := 0
	switch {
	case this:
		rel = 0
	case m.exact(k, pastQualifiers):
		rel, k = -1, k+1
	case m.exact(k, nextQualifiers):
		rel, k = 1, k+1
	case m.exact(k, currentQualifiers):
		rel, k = 0, k+1
	default:
		return c, false
	}
	c.j = k
	r := m.ref
	switch {
	case weekWords[base]:
		mon := r.AddDate(0, 0, -((int(r.Weekday())+6)%7)).AddDate(0, 0, 7*rel)
		return c.between(mon, mon.AddDate(0, 0, 6), precDay), true
	case monthWords[base]:
		return c.at(day(r.Year(), r.Month()+time.Month(rel), 1), precMonth), true
	case yearWords[base]:
		return c.at(day(r.Year()+rel, 1, 1), precYear), true
	}
	lo, hi := seasonAround(r, seasonWords[base], rel)
	return c.between(lo, hi, precDay), true
}

// season returns the meteorological season starting in month sm of year y;
// winter y runs from December y to February y+1.
func season(y int, sm time.Month) (time.Time, time.Time) {
	lo := day(y, sm, 1)
	return lo, lo.AddDate(0, 3, -1)
}

// seasonAround picks the season starting in month sm relative to ref:
// rel -1 is the last one completed before ref, +1 the first one starting
// after it, 0 the one containing ref or, failing that, the one of ref's year.
func seasonAround(ref time.Time, sm time.Month, rel int) (time.Time, time.Time) {
	switch rel {
	case -1:
		for y := ref.Year(); ; y-- {
			if lo, hi := season(y, sm); hi.Before(ref) {
				return lo, hi
			}
		}
	case 1:
		for y := ref.Year() - 1; ; y++ {
			if lo, hi := season(y, sm); lo.After(ref) {
				return lo, hi
			}
		}
	}
	for _, y := range []int{ref.Year() - 1, ref.Year()} {
		if lo, hi := season(y, sm); !ref.Before(lo) && !ref.After(hi) {
			return lo, hi
		}
	}
	return season(ref.Year(), sm)
}

// shift moves ref by n units (negative: back) and returns the point at the
// unit's precision: days for minutes to weeks, months, years.
func shift(ref time.Time, u unit, n int) (time.Time, prec) {
	switch u {
	case unitMinute:
		// A reference carries no time of day: "قبل 30 دقيقة" and "قبل
		// ساعتين" are the publication day, "الـ24 ساعة الماضية" reach
		// back one day.
		return ref.AddDate(0, 0, n/(24*60)), precDay
	case unitHour:
		return ref.AddDate(0, 0, n/24), precDay
	case unitDay:
		return ref.AddDate(0, 0, n), precDay
	case unitWeek:
		return ref.AddDate(0, 0, 7*n), precDay
	case unitMonth:
		return day(ref.Year(), ref.Month()+time.Month(n), 1), precMonth
	}
	return day(ref.Year()+n, 1, 1), precYear
}

// unitAt reads a unit noun at i.
func (m *matcher) unitAt(i int) (unitWord, bool) {
	t := m.tok(i)
	if t.kind != tokWord {
		return unitWord{}, false
	}
	u, ok := units[t.norm]
	return u, ok
}

// amount reads "ثلاثة أيام", "3 أيام", "يومين", "شهر", "أكثر من عام",
// "نحو 20 عاما" and returns the unit, the count and the index after it.
func (m *matcher) amount(i int) (unit, int, int, bool) {
	k := i
	if m.exact(k, aboutWords) {
		k++
	}
	if m.exact(k, moreLess) && m.exact(k+1, fromWord) {
		k += 2
	}
	if n, k2, ok := m.count(k); ok {
		u, ok := m.unitAt(k2)
		if !ok || u.count == 2 {
			return unitNone, 0, i, false
		}
		return u.u, n, k2 + 1, true
	}
	u, ok := m.unitAt(k)
	if !ok || u.count == 0 {
		return unitNone, 0, i, false
	}
	return u.u, u.count, k + 1, true
}

// ago reads "منذ ثلاثة أيام", "قبل ساعتين", "قبل يومين", "بعد يومين",
// "منذ 20 عاما". "بعد عام من الحرب" counts from the war, not the
// reference, and is left alone.
func (m *matcher) ago(i int) (cand, bool) {
	c := cand{i: i, kind: KindRelative}
	sign := 0
	switch {
	case m.in(i, agoWords):
		sign = -1
	case m.in(i, afterWords):
		sign = 1
	default:
		return c, false
	}
	u, n, j, ok := m.amount(i + 1)
	if !ok {
		return c, false
	}
	// "منذ يوم الأحد", "قبل عام 2019", "منذ شهر رمضان": the unit heads
	// another expression, which is matched on its own.
	if _, ok := m.weekdayAt(j); ok {
		return c, false
	}
	if _, _, ok := m.monthAt(j); ok {
		return c, false
	}
	if n2, ok := m.num(j, 4); ok && n2 > 0 {
		return c, false
	}
	if m.exact(j, fromWord) || m.exact(j, onWord) {
		return c, false
	}
	c.j = j
	t, p := shift(m.ref, u, sign*n)
	return c.at(t, p), true
}

// Default reach of a plural without a number ("الأيام المقبلة"): a week of
// days, four weeks, three months, five years, a day of hours.
var pluralReach = map[unit]int{unitMinute: 60, unitHour: 24, unitDay: 7, unitWeek: 4, unitMonth: 3, unitYear: 5}

// span reads stretches that start or end at the reference: "خلال الأيام
// المقبلة" (ref to ref+7 days), "في الأيام الأخيرة", "الأشهر الستة
// الماضية", "خلال الـ24 ساعة الماضية", "خلال 45 يوما" (ahead, unless
// qualified as past). The value is an interval from one end to the other
// at the unit's precision.
func (m *matcher) span(i int) (cand, bool) {
	c := cand{i: i, kind: KindRelative}
	k := i
	within := false
	switch {
	case m.in(k, withinWords):
		within = true
		k++
	case m.in(k, inWords) && m.in(k+1, withinWords):
		within = true
		k += 2
	}
	n := 0
	u, ok := m.unitAt(k)
	if ok && u.count == 0 && strings.HasPrefix(m.tok(k).norm, articleAl) {
		// "الأيام المقبلة", "الأيام الخمسة الماضية".
		k++
		if v, k2, ok := m.count(k); ok {
			n, k = v, k2
		}
	} else if within {
		// "خلال 45 يوما", "خلال الـ24 ساعة الماضية", "خلال يومين".
		u2, v, k2, ok2 := m.amount(k)
		if !ok2 {
			return c, false
		}
		u, n, k = unitWord{u: u2}, v, k2
	} else {
		return c, false
	}
	dir := 0
	switch {
	case m.exact(k, pastQualifiers) || m.exact(k, lastWords):
		dir, k = -1, k+1
	case m.exact(k, nextQualifiers):
		dir, k = 1, k+1
	case within && n > 0:
		dir = 1
	default:
		return c, false
	}
	if n == 0 {
		n = pluralReach[u.u]
	}
	c.j = k
	other, p := shift(m.ref, u.u, dir*n)
	here, _ := shift(m.ref, u.u, 0)
	if dir < 0 {
		return c.between(other, here, p), true
	}
	return c.between(here, other, p), true
}

// earlier reads "في وقت سابق من هذا الشهر", "في وقت لاحق من العام
// الجاري", "في وقت سابق اليوم": the value is the period named.
func (m *matcher) earlier(i int) (cand, bool) {
	c := cand{i: i, kind: KindRelative}
	k := i
	if m.in(k, inWords) {
		k++
	}
	if !m.exact(k, timeWords) || !m.exact(k+1, earlierLater) {
		return c, false
	}
	k += 2
	if m.exact(k, fromWord) {
		k++
	}
	if m.in(k, todayWords) {
		c.j = k + 1
		return c.at(m.ref, precDay), true
	}
	p, ok := m.period(k)
	if !ok {
		return c, false
	}
	p.i = i
	return p, true
}

// dayOfMonth reads a day number in a month named relative to the reference:
// "18 من الشهر الجاري", "5 من الشهر الماضي". Ordinal days (الخامس من)
// are not read yet.
func (m *matcher) dayOfMonth(i int) (cand, bool) {
	c := cand{i: i, kind: KindDate}
	k := m.lead(i)
	d, ok := m.num(k, 2)
	if !ok || d < 1 || d > 31 {
		return c, false
	}
	k++
	if m.exact(k, fromWord) {
		k++
	}
	p, ok := m.period(k)
	if !ok || !monthWords[m.tok(k).norm] && !(m.exact(k, thisWords) && monthWords[m.tok(k+1).norm]) {
		return c, false
	}
	if p.loP != precMonth {
		return c, false
	}
	t := p.lo
	if d > daysIn(t.Year(), t.Month()) {
		return c, false
	}
	c.j = p.j
	return c.at(day(t.Year(), t.Month(), d), precDay), true
}
