package arabic

import (
	"math"
	"strings"
	"unicode/utf8"
)

// Qualifiers of a Number: how the text hedges the amount.
const (
	Exact      = "exact"
	About      = "about"
	MoreThan   = "more_than"
	AtLeast    = "at_least"
	LessThan   = "less_than"
	AtMost     = "at_most"
	Additional = "additional"
	Range      = "range"
	Vague      = "vague" // عشرات، مئات، آلاف، بضعة: Min..Max is the order of magnitude
)

// Number is an amount found in text. Min and Max are the amount as stated:
// equal for a single value, whatever its qualifier (أكثر من 12000 is Min =
// Max = 12000 with MoreThan), the two ends for a range, the order of
// magnitude for a vague amount (آلاف is 1000..9999).
type Number struct {
	Text       string // the original characters, hedge words included
	Start, End int    // rune offsets of Text in the string searched
	Min, Max   float64
	Qualifier  string // Exact, About, MoreThan, AtLeast, LessThan, AtMost, Additional, Range or Vague
	// Percent is set when % or ٪, في المئة / في المائة or بالمئة follows the
	// number (or ٪ is written against it before, ٪١٢): Min and Max are then
	// percentages. A field of its own, because the qualifiers are fixed by
	// the command-line contract.
	Percent bool
	// Year is set for 1000..2100 written as a year: after عام/العام/سنة/لعام,
	// after a month name, before م or هـ, or as the year of a d/m/y date.
	// Still returned, so dates can be checked against counts; quantity
	// extraction skips them.
	Year bool
}

// numContext is the text being searched for numbers, as tokens.
type numContext struct {
	toks []Token
}

// core is a number without its hedges: tokens [start, end).
type core struct {
	start, end int
	min, max   float64
	vague      bool
	digits     bool // written (at least partly) in digits
	// A number that is one mantissa times one scale word (12 ألف, عشرة آلاف)
	// lends its scale to a bare number at the other end of a range.
	mantissa, scale float64
	words           []string // the search forms of a number written in words only
}

func (c *numContext) norm(i int) string {
	if i < 0 || i >= len(c.toks) {
		return ""
	}
	return c.toks[i].Norm
}

func (c *numContext) isWord(i int) bool { return i >= 0 && i < len(c.toks) && c.toks[i].Kind == Word }

// conjAt reports a standalone و at i (و 12 ألف, as many outlets write it).
func (c *numContext) conjAt(i int) bool { return c.isWord(i) && c.norm(i) == "و" }

// parseCore reads the number starting at token i: digits with an optional
// scale word, number words, or a vague amount. join lets a digit number
// take a smaller group after و (3 آلاف و500); ranges turn it off.
func (c *numContext) parseCore(i int, join bool) (core, bool) {
	if i >= len(c.toks) {
		return core{}, false
	}
	switch c.toks[i].Kind {
	case Digits:
		return c.parseDigitCore(i, join)
	case Word:
		if v, ok := c.parseVague(i); ok {
			return v, true
		}
		if k, ok := c.articleCardinal(i); ok {
			return k, true
		}
		k, ok := c.parseWordCore(i)
		if ok && join && k.scale > 0 {
			// مليون و200 ألف: digits after a scale written in words.
			if add, end, ok := c.smallerGroup(k.end, k.scale); ok {
				k.min += add
				k.max += add
				k.end = end
				k.mantissa, k.scale, k.words = 0, 0, nil
			}
		}
		return k, ok
	}
	return core{}, false
}

// scaleAt reads a scale word at i (ألف، آلاف، ألفا، مليون، ملايين ...).
func (c *numContext) scaleAt(i int) (float64, bool) {
	if !c.isWord(i) {
		return 0, false
	}
	w, ok := numberWords[c.norm(i)]
	if !ok {
		return 0, false
	}
	switch w.kind {
	case numScale, numScaleAcc, numScalePl:
		return w.value, true
	case numScaleDual:
		if c.norm(i) != "الفين" && c.norm(i) != "الفان" { // 12 ألفي is a typo for ألف
			return w.value, true
		}
	}
	return 0, false
}

// fractionAfter reads و + نصف/ربع at i (مليون ونصف، 2 مليون و نصف).
func (c *numContext) fractionAfter(i int) (float64, int, bool) {
	j := i
	if c.conjAt(j) {
		j++
	} else if !strings.HasPrefix(c.norm(j), "و") {
		return 0, 0, false
	}
	w, _, conj, clitic, ok := lookupNumberWord(c.norm(j))
	if !ok || clitic || w.kind != numFraction || (conj == c.conjAt(i)) {
		return 0, 0, false
	}
	return w.value, j + 1, true
}

func (c *numContext) parseDigitCore(i int, join bool) (core, bool) {
	v, ok := parseDigits(c.toks[i].Text)
	if !ok {
		return core{}, false
	}
	k := core{start: i, end: i + 1, min: v, max: v, digits: true}
	if s, ok := c.scaleAt(i + 1); ok {
		k.mantissa, k.scale = v, s
		v *= s
		k.end = i + 2
		if f, end, ok := c.fractionAfter(k.end); ok {
			v += f * s
			k.end = end
			if definiteScales[c.norm(k.end)] == s {
				k.end++ // 1.5 مليون ونصف المليون
			}
		} else if join {
			if add, end, ok := c.smallerGroup(k.end, s); ok {
				v += add
				k.end = end
				k.mantissa, k.scale = 0, 0
			}
		}
		k.min, k.max = v, v
	}
	return k, true
}

// smallerGroup reads و and a digit group smaller than scale at j (3 آلاف
// و500، مليون و200 ألف), returning its value and the token after it.
func (c *numContext) smallerGroup(j int, scale float64) (float64, int, bool) {
	if !c.conjAt(j) || j+1 >= len(c.toks) || c.toks[j+1].Kind != Digits {
		return 0, 0, false
	}
	w, ok := parseDigits(c.toks[j+1].Text)
	if !ok {
		return 0, 0, false
	}
	s2, scaled := c.scaleAt(j + 2)
	if !scaled {
		s2 = 1
	}
	if w*s2 >= scale || (!scaled && w >= scale) {
		return 0, 0, false
	}
	if scaled {
		return w * s2, j + 3, true
	}
	return w * s2, j + 2, true
}

// definiteScales are the scale words with the article that repeat the scale
// after a fraction: مليون ونصف المليون.
var definiteScales = map[string]float64{"الالف": 1e3, "المليون": 1e6, "المليار": 1e9}

// articleCardinals are the number words that, with the article, follow a
// definite noun as its count (الدول الثلاث، الأيام العشرة). Tens are left
// out: after a definite noun they are ordinals (القرن العشرين), and so are
// 1 and 2 (اليوم الاثنين is Monday).
var articleCardinals = map[string]float64{
	"الثلاث": 3, "الثلاثه": 3, "الاربع": 4, "الاربعه": 4, "الخمس": 5, "الخمسه": 5, "الست": 6, "السته": 6,
	"السبع": 7, "السبعه": 7, "الثماني": 8, "الثمانيه": 8, "التسع": 9, "التسعه": 9, "العشر": 10, "العشره": 10,
}

// articleCardinal reads a number word with the article right after a
// definite noun (الدول الثلاث = 3). Elsewhere the article form is another
// word: السبع the lion, الست the lady, الخمس الأواخر an idiom.
func (c *numContext) articleCardinal(i int) (core, bool) {
	v, ok := articleCardinals[c.norm(i)]
	if !ok || !c.isWord(i-1) {
		return core{}, false
	}
	prev := c.norm(i - 1)
	if _, ok := articleCardinals[prev]; ok {
		return core{}, false
	}
	for _, p := range []string{"ال", "وال", "بال", "فال", "كال", "لل"} {
		if strings.HasPrefix(prev, p) && utf8.RuneCountInString(prev)-utf8.RuneCountInString(p) >= 2 {
			return core{start: i, end: i + 1, min: v, max: v}, true
		}
	}
	return core{}, false
}

// vagueWords are plural counting words that alone name an order of
// magnitude. With the article they still do (الآلاف من عمال البناء).
var vagueWords = map[string][2]float64{
	"عشرات": {10, 99}, "مئات": {100, 999}, "الاف": {1000, 9999}, "الوف": {1000, 9999},
	"ملايين": {1e6, 1e7 - 1}, "مليارات": {1e9, 1e10 - 1}, "بلايين": {1e9, 1e10 - 1},
	"بضعه": {3, 9}, "بضع": {3, 9},
}

// vagueScales multiply a vague word that precedes them: عشرات الآلاف,
// مئات الملايين, بضعة آلاف.
var vagueScales = map[string]float64{
	"الالاف": 1e3, "الاف": 1e3, "الوف": 1e3, "الملايين": 1e6, "ملايين": 1e6, "المليارات": 1e9, "مليارات": 1e9,
	"مئات": 1e2, "عشرات": 10,
}

// stripClitics removes up to two proclitic letters (و ف ب ل ك: وبعشرات،
// لآلاف) from w when what remains is in set, reporting the bare word.
func stripClitics(w string, in func(string) bool) (string, bool) {
	if in(w) {
		return w, true
	}
	rest := w
	for range 2 {
		r, size := utf8.DecodeRuneInString(rest)
		if r != waw && r != feh && r != beh && r != 'ل' && r != kaf {
			break
		}
		rest = rest[size:]
		if in(rest) {
			return rest, true
		}
	}
	return "", false
}

func (c *numContext) parseVague(i int) (core, bool) {
	isVague := func(w string) bool {
		_, ok := vagueWords[w]
		if !ok {
			_, ok = vagueWords[strings.TrimPrefix(w, "ال")]
			ok = ok && strings.HasPrefix(w, "ال") && !strings.HasPrefix(w, "البضع")
		}
		return ok
	}
	w, ok := stripClitics(c.norm(i), isVague)
	if !ok {
		// عدة آلاف: "several" counts only with a scale after it.
		if base, ok := stripClitics(c.norm(i), func(s string) bool { return s == "عده" }); ok && base != "" {
			if s, ok := vagueScales[c.norm(i+1)]; ok && s >= 100 {
				return core{start: i, end: i + 2, min: 3 * s, max: 9 * s, vague: true}, true
			}
		}
		return core{}, false
	}
	r, ok := vagueWords[w]
	if !ok {
		r = vagueWords[strings.TrimPrefix(w, "ال")]
	}
	k := core{start: i, end: i + 1, min: r[0], max: r[1], vague: true}
	if s, ok := vagueScales[c.norm(i+1)]; ok && (r[0] < 1000 && s >= 1000 || r[0] == 3 && s < 1000) {
		// عشرات الآلاف (10,000..99,999); بضعة آلاف (3,000..9,000).
		if r[0] == 3 {
			k.min, k.max = 3*s, 9*s
		} else {
			k.min, k.max = r[0]*s, (r[1]+1)*s-1
		}
		k.end = i + 2
	}
	return k, true
}

// parseWordCore reads number words from i on.
func (c *numContext) parseWordCore(i int) (core, bool) {
	var p wordParse
	end := i
	var words []string
	// The state at the end of the last scale: a group after it that a
	// larger scale would have to close (عشرة آلاف واثني عشر | ألفا) is given
	// back, so the next number can start there.
	type mark struct {
		p     wordParse
		end   int
		words int
	}
	var atScale *mark
	for j := i; j < len(c.toks); {
		standalone := false
		k := j
		if j > i && c.conjAt(k) {
			standalone = true
			k++
		}
		if !c.isWord(k) {
			break
		}
		w, base, conj, clitic, ok := lookupNumberWord(c.norm(k))
		if !ok {
			break
		}
		if k == i {
			if conj && w.kind == numFraction {
				break // ساعة ونصف: the half of the noun before
			}
			conj = false // a leading و is the sentence's, not the number's
		} else if clitic || (conj && standalone) {
			break
		}
		conj = conj || standalone
		added := p.add(w, conj)
		if !added && !conj && k > i && strings.HasPrefix(c.norm(k), "و") {
			// وأحد is و + أحد, though its search form is واحد.
			if alt, ok := numberWords[strings.TrimPrefix(c.norm(k), "و")]; ok && p.add(alt, true) {
				w, base, added = alt, strings.TrimPrefix(c.norm(k), "و"), true
			}
		}
		if !added {
			if atScale != nil && (w.kind == numScale || w.kind == numScaleAcc || w.kind == numScalePl || w.kind == numScaleDual) {
				p, end, words = atScale.p, atScale.end, words[:atScale.words]
			}
			break
		}
		words = append(words, base)
		end = k + 1
		j = k + 1
		if w.kind == numScale || w.kind == numScaleAcc || w.kind == numScalePl || w.kind == numScaleDual {
			atScale = &mark{p, end, len(words)}
		}
	}
	if p.words == 0 {
		return core{}, false
	}
	if p.done && p.lastScale > 0 && definiteScales[c.norm(end)] == p.lastScale {
		end++ // مليون ونصف المليون
	}
	v := p.value()
	k := core{start: i, end: end, min: v, max: v, words: words}
	if p.scales == 1 && p.group.empty() && !p.done {
		k.mantissa, k.scale = p.mantissa, p.scale
	}
	return k, true
}

// parseDigits reads digits of any script with their separators. A comma or
// period followed by exactly three digits groups thousands (12,000 12.000);
// otherwise it is the decimal point (1.5, 1,5). Arabic ٫ is always the
// decimal point and ٬ always groups thousands.
func parseDigits(text string) (float64, bool) {
	var groups []string // digit runs, ASCII
	var seps []rune
	var cur []byte
	for _, r := range text {
		switch {
		case r >= '0' && r <= '9':
			cur = append(cur, byte(r))
		case r >= '٠' && r <= '٩':
			cur = append(cur, byte('0'+r-'٠'))
		case r >= '۰' && r <= '۹':
			cur = append(cur, byte('0'+r-'۰'))
		case isNumberSep(r), r == '\u00A0', r == '\u202F':
			groups = append(groups, string(cur))
			seps = append(seps, r)
			cur = cur[:0]
		default:
			return 0, false // digits of a script the news does not use
		}
	}
	groups = append(groups, string(cur))
	// Decide which separator, if any, is the decimal point.
	decimal := -1 // index into seps
	for i, r := range seps {
		if r == arabicDecimal {
			decimal = i
		}
	}
	if decimal < 0 && len(seps) > 0 {
		last := len(seps) - 1
		mixed := false
		for _, r := range seps[:last] {
			if r != seps[last] {
				mixed = true
			}
		}
		switch {
		case mixed:
			decimal = last // 1,234.5 and 1.234,5
		case seps[last] == arabicThousands || seps[last] == '\'' || seps[last] == '\u00A0' || seps[last] == '\u202F':
		case len(seps) == 1 && (len(groups[1]) != 3 || groups[0] == "0"):
			decimal = 0 // 1.5, 0.125
		}
	}
	var intPart, frac strings.Builder
	for i, g := range groups {
		if decimal >= 0 && i > decimal {
			frac.WriteString(g)
			continue
		}
		if i > 0 && (decimal < 0 || i <= decimal) && len(g) != 3 {
			return 0, false // 1,23,4: not a number any outlet writes
		}
		intPart.WriteString(g)
	}
	v := 0.0
	for _, d := range intPart.String() {
		v = v*10 + float64(d-'0')
	}
	scale := 0.1
	for _, d := range frac.String() {
		v += float64(d-'0') * scale
		scale /= 10
	}
	return v, true
}

// hedge is a phrase before or after a number that qualifies it.
type hedge struct {
	words     []string
	qualifier string
}

// hedgesBefore are written before the number, in the search layer; the
// first word may carry و ف ب ل (بنحو، وحوالي). Longer phrases come first so
// ما لا يقل عن is not read as ما ... يقل عن.
var hedgesBefore = []hedge{
	{[]string{"ما", "لا", "يقل", "عن"}, AtLeast}, {[]string{"ما", "لا", "يقل", "علي"}, AtLeast},
	{[]string{"ما", "لا", "يزيد", "عن"}, AtMost}, {[]string{"ما", "لا", "يزيد", "علي"}, AtMost},
	{[]string{"ما", "لا", "يتجاوز"}, AtMost},
	{[]string{"لا", "يقل", "عن"}, AtLeast}, {[]string{"لا", "يقل", "علي"}, AtLeast},
	{[]string{"لا", "تقل", "عن"}, AtLeast}, {[]string{"لا", "تقل", "علي"}, AtLeast},
	{[]string{"لا", "يزيد", "عن"}, AtMost}, {[]string{"لا", "يزيد", "علي"}, AtMost},
	{[]string{"لا", "تزيد", "عن"}, AtMost}, {[]string{"لا", "تزيد", "علي"}, AtMost},
	{[]string{"لا", "يتجاوز"}, AtMost}, {[]string{"لا", "تتجاوز"}, AtMost},
	{[]string{"ما", "يزيد", "علي"}, MoreThan}, {[]string{"ما", "يزيد", "عن"}, MoreThan},
	{[]string{"ما", "يربو", "علي"}, MoreThan}, {[]string{"ما", "يربو", "عن"}, MoreThan},
	{[]string{"ما", "يفوق"}, MoreThan}, {[]string{"ما", "يتجاوز"}, MoreThan},
	{[]string{"ما", "يقرب", "من"}, About}, {[]string{"ما", "يقارب"}, About}, {[]string{"ما", "يناهز"}, About},
	{[]string{"ما", "يصل", "الي"}, AtMost}, {[]string{"ما", "يقل", "عن"}, LessThan},
	{[]string{"يزيد", "علي"}, MoreThan}, {[]string{"يزيد", "عن"}, MoreThan},
	{[]string{"تزيد", "علي"}, MoreThan}, {[]string{"تزيد", "عن"}, MoreThan},
	{[]string{"يربو", "علي"}, MoreThan}, {[]string{"يفوق"}, MoreThan}, {[]string{"تفوق"}, MoreThan},
	{[]string{"يتجاوز"}, MoreThan}, {[]string{"تتجاوز"}, MoreThan},
	{[]string{"اكثر", "من"}, MoreThan}, {[]string{"ازيد", "من"}, MoreThan}, {[]string{"فوق"}, MoreThan},
	{[]string{"اقل", "من"}, LessThan}, {[]string{"يقل", "عن"}, LessThan}, {[]string{"دون"}, LessThan},
	{[]string{"علي", "الاقل"}, AtLeast},
	{[]string{"يصل", "الي"}, AtMost}, {[]string{"تصل", "الي"}, AtMost}, {[]string{"يصل", "عددهم", "الي"}, AtMost},
	{[]string{"بحد", "اقصي"}, AtMost}, {[]string{"كحد", "اقصي"}, AtMost}, {[]string{"حتي"}, AtMost},
	{[]string{"لغايه"}, AtMost},
	{[]string{"يقرب", "من"}, About}, {[]string{"يقارب"}, About}, {[]string{"يناهز"}, About},
	{[]string{"حوالي"}, About}, {[]string{"نحو"}, About}, {[]string{"قرابه"}, About},
	{[]string{"زهاء"}, About}, {[]string{"تقريبا"}, About}, {[]string{"في", "حدود"}, About},
	{[]string{"بحدود"}, About},
	{[]string{"المزيد", "من"}, Additional},
	// A verb of exceeding, present or past (تجاوزت الكلفة 1.2 مليار is rare;
	// الكلفة تجاوزت 1.2 مليار is how it is written).
	{[]string{"تجاوز"}, MoreThan}, {[]string{"تجاوزت"}, MoreThan}, {[]string{"تخطي"}, MoreThan},
	{[]string{"تخطت"}, MoreThan}, {[]string{"فاق"}, MoreThan}, {[]string{"فاقت"}, MoreThan},
	// Estimates: ما يقدر بـ 5,000 (machine translation of "an estimated").
	{[]string{"ما", "يقدر", "ب"}, About}, {[]string{"ما", "تقدر", "ب"}, About},
	{[]string{"يقدر", "ب"}, About}, {[]string{"تقدر", "ب"}, About},
	{[]string{"بحد", "ادني"}, AtLeast}, {[]string{"كحد", "ادني"}, AtLeast},
	{[]string{"علي", "اقل", "تقدير"}, AtLeast},
}

// hedgesAfter are written after the number, or after its counted noun
// (تسعة جنود على الأقل، 30000 جندي إضافي).
var hedgesAfter = []hedge{
	{[]string{"علي", "الاقل"}, AtLeast}, {[]string{"ع", "الاقل"}, AtLeast}, {[]string{"علي", "اقل", "تقدير"}, AtLeast},
	{[]string{"علي", "الاكثر"}, AtMost}, {[]string{"كحد", "اقصي"}, AtMost}, {[]string{"كحد", "ادني"}, AtLeast},
	{[]string{"او", "اكثر"}, AtLeast}, {[]string{"فاكثر"}, AtLeast}, {[]string{"فما", "فوق"}, AtLeast},
	{[]string{"او", "اقل"}, AtMost}, {[]string{"فاقل"}, AtMost},
	{[]string{"تقريبا"}, About}, {[]string{"ونيف"}, MoreThan}, {[]string{"و", "نيف"}, MoreThan},
	{[]string{"ونيفا"}, MoreThan},
	{[]string{"اضافي"}, Additional}, {[]string{"اضافيه"}, Additional}, {[]string{"اضافيين"}, Additional},
	{[]string{"اضافيون"}, Additional}, {[]string{"اضافيا"}, Additional}, {[]string{"اخرين"}, Additional},
	{[]string{"اخرون"}, Additional}, {[]string{"اخري"}, Additional},
}

// hedgeIndex maps a hedge's first word to the hedges starting with it, in
// list order, so matching costs a lookup per token, not a scan of the list.
type hedgeIndex map[string][]hedge

func indexHedges(list []hedge) hedgeIndex {
	idx := hedgeIndex{}
	for _, h := range list {
		idx[h.words[0]] = append(idx[h.words[0]], h)
	}
	return idx
}

var (
	hedgesBeforeIndex = indexHedges(hedgesBefore)
	hedgesAfterIndex  = indexHedges(hedgesAfter)
)

// hedgeClitics may stand before a hedge's first word (بنحو، وحوالي، لقرابة).
var hedgeClitics = []string{"و", "ف", "ب", "ل", "وب", "ول", "فب", "فل"}

// matchHedge reports the hedge of idx that starts at token i, and the token
// after it. The first word may carry a proclitic when clitic is set.
func (c *numContext) matchHedge(idx hedgeIndex, i int, clitic bool) (hedge, int, bool) {
	if !c.isWord(i) {
		return hedge{}, 0, false
	}
	first := c.norm(i)
	if h, end, ok := c.matchHedgeRest(idx[first], i); ok {
		return h, end, true
	}
	if clitic {
		for _, p := range hedgeClitics {
			if rest, ok := strings.CutPrefix(first, p); ok {
				if h, end, ok := c.matchHedgeRest(idx[rest], i); ok {
					return h, end, true
				}
			}
		}
	}
	return hedge{}, 0, false
}

// matchHedgeRest returns the first of list whose words after the first
// follow token i.
func (c *numContext) matchHedgeRest(list []hedge, i int) (hedge, int, bool) {
next:
	for _, h := range list {
		for k := 1; k < len(h.words); k++ {
			if !c.isWord(i+k) || c.norm(i+k) != h.words[k] {
				continue next
			}
		}
		return h, i + len(h.words), true
	}
	return hedge{}, 0, false
}

// monthNames open or close a date: Gregorian as written in Egypt and the
// Gulf, Levantine (Syriac), Hijri and Solar Hijri months, search layer.
var monthNames = map[string]bool{
	"يناير": true, "فبراير": true, "مارس": true, "ابريل": true, "مايو": true, "يونيو": true, "يونيه": true,
	"يوليو": true, "يوليه": true, "اغسطس": true, "سبتمبر": true, "اكتوبر": true, "نوفمبر": true, "ديسمبر": true,
	"كانون": true, "شباط": true, "اذار": true, "نيسان": true, "ايار": true, "حزيران": true, "تموز": true,
	"اب": true, "ايلول": true, "تشرين": true,
	"محرم": true, "ربيع": true, "جمادي": true, "رجب": true, "شعبان": true, "رمضان": true, "شوال": true,
	"القعده": true, "الحجه": true, "الاول": true, "الثاني": true, "الاخر": true, "الاخره": true,
	"فروردين": true, "ارديبهشت": true, "خرداد": true, "تير": true, "مرداد": true, "شهريور": true,
	"مهر": true, "ابان": true, "اذر": true, "دي": true, "بهمن": true, "اسفند": true,
}

// yearWords announce a year: عام 2025، العام 2025، سنة 1945، لعام 2024.
var yearWords = map[string]bool{
	"عام": true, "العام": true, "لعام": true, "بعام": true, "وعام": true, "عامي": true, "سنه": true,
	"السنه": true, "لسنه": true, "بسنه": true, "سنتي": true, "العامين": true, "موسم": true,
}

// eraWords follow a year: م (ميلادي), هـ (هجري), ش.
var eraWords = map[string]bool{
	"م": true, "ه": true, "ميلادي": true, "ميلاديه": true, "هجري": true, "هجريه": true, "ش": true,
}

// ordinals are the ordinal stems that turn a following عشر into part of an
// ordinal (الحادي عشر، الثالثة عشرة), in the search layer.
var ordinals = map[string]bool{
	"حادي": true, "ثاني": true, "ثالث": true, "رابع": true, "خامس": true, "سادس": true, "سابع": true,
	"ثامن": true, "تاسع": true, "حاديه": true, "ثانيه": true, "ثالثه": true, "رابعه": true, "خامسه": true,
	"سادسه": true, "سابعه": true, "ثامنه": true, "تاسعه": true,
}

// Numbers returns every amount in s, in order: digits of any script with
// any separators, number words (ثلاثة آلاف وخمسمئة), digits with a scale word
// (1.5 مليون), fractions (مليون ونصف), ranges (ما بين 10 آلاف و12 ألف, من X
// إلى Y, X-Y), vague amounts (عشرات الآلاف) and the hedges before and after
// them; percentages are marked Percent, years Year.
//
// Word ordinals are skipped; so are the day and month of a date, a time of
// day, and number words that are other words here (السبع، ست الحبايب،
// حرف الألف): a number word alone counts only before an indefinite noun. Two
// exceptions: 3..10 with the article right after a definite noun are its
// count (الدول الثلاث = 3), and a fraction alone is read as a share of the
// noun after it (نصف السكان، ربع ساعة), not in cup rounds or periods (نصف
// النهائي، ربع سنوية) and not before punctuation or the end.
//
// Digits are always returned, whatever they number: article and resolution
// numbers (المادة 12، القرار 2254), phone and flight numbers, and digit
// ordinals (الدورة الـ36, which cannot be told from الساعات الـ24 without
// the noun's number) come back as exact amounts. Quantity extraction, which
// knows the counted noun, is where identifiers are dropped.
func Numbers(s string) []Number {
	c := numContext{toks: Tokens(s)}
	if len(c.toks) == 0 {
		return nil
	}
	spans := tokenByteOffsets(s, c.toks)
	var out []Number
	for i := 0; i < len(c.toks); {
		n, next, ok := c.numberAt(i)
		if !ok {
			i = max(i+1, next) // past a date or time read and dropped
			continue
		}
		if n.Year || c.yearContinues(out, n) {
			n.Year = true
		}
		n.Percent = c.percentAt(n.End) || (n.Start > 0 && c.norm(n.Start-1) == "%" && c.toks[n.Start-1].End == c.toks[n.Start].Start)
		n.Text = s[spans[n.Start].start:spans[n.End-1].end]
		n.Start, n.End = c.toks[n.Start].Start, c.toks[n.End-1].End
		out = append(out, n)
		i = next
	}
	return out
}

// percentAt reports a percent marker at token j: % or ٪, في المئة / في
// المائة, بالمئة / بالمائة (and the spoken المية).
func (c *numContext) percentAt(j int) bool {
	switch n := c.norm(j); {
	case n == "%":
		return true
	case n == "في":
		return percentWords[c.norm(j+1)]
	default:
		rest, ok := strings.CutPrefix(n, "ب")
		return ok && percentWords[rest]
	}
}

// percentWords are the hundred with the article, as "per cent" is written.
var percentWords = map[string]bool{"المئه": true, "المائه": true, "الميه": true}

// yearContinues reports a number written as the second of two years
// (بين عامي 1950 و1953، 1950-1953).
func (c *numContext) yearContinues(out []Number, n Number) bool {
	if len(out) == 0 || !out[len(out)-1].Year || n.Min < 1000 || n.Max > 2100 || n.Min != math.Trunc(n.Min) {
		return false
	}
	// Token indexes are not kept in out; compare rune offsets instead.
	prevEnd := out[len(out)-1].End
	for j := n.Start - 1; j >= 0 && c.toks[j].End > prevEnd; j-- {
		switch c.norm(j) {
		case "و", "-", "–", "الي", "او", "/":
		default:
			return false
		}
	}
	return true
}

// numberAt finds a number starting at token i. The returned Number has token
// indexes in Start and End; Numbers turns them into rune offsets.
func (c *numContext) numberAt(i int) (Number, int, bool) {
	t := c.toks[i]
	// Ranges opened by بين / ما بين / من.
	if t.Kind == Word {
		open := 0
		switch n := c.norm(i); {
		case n == "ما" && c.norm(i+1) == "بين":
			open = 2
		case n == "بين" || n == "وبين" || n == "فبين":
			open = 1
		}
		if open > 0 {
			if n, next, ok := c.rangeAt(i, i+open, "و"); ok {
				return n, next, true
			}
		}
		if n := c.norm(i); n == "من" || n == "ومن" {
			if n, next, ok := c.rangeAt(i, i+1, "الي"); ok {
				return n, next, true
			}
		}
		if h, j, ok := c.matchHedge(hedgesBeforeIndex, i, true); ok {
			if c.isWord(j) && c.norm(j) == "ال" {
				j++ // قرابة الـ500
			}
			if k, ok := c.parseCore(j, true); ok && c.acceptCore(k) {
				n, next := c.finish(i, k, h.qualifier)
				return n, next, true
			}
		}
	}
	k, ok := c.parseCore(i, true)
	if !ok || !c.acceptCore(k) {
		return Number{}, 0, false
	}
	if t.Kind == Digits {
		if skip, year, ok := c.dateParts(i); ok {
			if year < 0 {
				return Number{}, skip, false
			}
			y, _ := parseDigits(c.toks[year].Text)
			return Number{Start: year, End: year + 1, Min: y, Max: y, Qualifier: Exact, Year: y >= 1000 && y <= 2100}, skip, true
		}
	}
	// X-Y, X إلى Y, X أو Y.
	if n, next, ok := c.rangeTail(i, k); ok {
		return n, next, true
	}
	n, next := c.finish(i, k, "")
	return n, next, true
}

// acceptCore rejects what only looks like a number: a lone ambiguous or
// excluded word, an عشر that belongs to an ordinal, a day before its month.
func (c *numContext) acceptCore(k core) bool {
	if len(k.words) == 1 {
		w := k.words[0]
		if soloExcluded[w] {
			// After an indefinite noun it is the count (مرة واحدة، لشخص
			// واحد); elsewhere it is a pronoun or idiom (واحدة من أكبر، في
			// آن واحد، أحد المسؤولين).
			prev := c.norm(k.start - 1)
			if !c.isWord(k.start-1) || strings.HasPrefix(prev, "ال") || prev == "ان" || prev == "وقت" ||
				c.norm(k.end) == "من" || c.norm(k.start) != w || (w != "واحد" && w != "واحده") {
				return false
			}
		}
		if ambiguousNumberWords[w] {
			// Alone, ست/سبع/ألف count only before an indefinite noun, and
			// with no clitic but و (لست is "I am not").
			if n := c.norm(k.start); n != w && n != "و"+w {
				return false
			}
			if !c.isWord(k.end) || strings.HasPrefix(c.norm(k.end), "ال") {
				return false
			}
		}
		if nw := numberWords[w]; nw.kind == numFraction {
			// A fraction alone is a share of the noun after it (نصف السكان،
			// ربع ساعة); نصف النهائي is the semi-final, ربع سنوية quarterly,
			// and a fraction before nothing is not an amount.
			if !c.isWord(k.end) || fractionCompounds[c.norm(k.end)] {
				return false
			}
		}
		if w == "عشر" || w == "عشره" {
			if ordinals[strings.TrimPrefix(c.norm(k.start-1), "ال")] {
				return false
			}
		}
	}
	if k.digits && k.end == k.start+1 && monthNames[c.norm(k.start+1)] && k.min >= 1 && k.min <= 31 && k.min == math.Trunc(k.min) {
		return false // 15 أغسطس is a date's day
	}
	return true
}

// fractionCompounds follow نصف and ربع in compounds that are not amounts:
// the rounds of a cup (نصف النهائي) and periods (ربع سنوية, quarterly).
var fractionCompounds = map[string]bool{
	"النهائي": true, "نهائي": true, "النهائيه": true, "نهائيه": true,
	"سنوي": true, "سنويه": true, "السنوي": true, "السنويه": true, "شهري": true, "شهريه": true,
}

// dateParts recognises d/m/y, y/m/d, d-m-y and d.m.y dates and h:m times
// starting at the Number token i. It returns the token to resume at and the
// index of the year token, or -1 when there is none to report.
func (c *numContext) dateParts(i int) (next, year int, ok bool) {
	adj := func(j int) bool { return j < len(c.toks) && c.toks[j].Start == c.toks[j-1].End }
	sep := c.norm(i + 1)
	if !adj(i+1) || !adj(i+2) || i+2 >= len(c.toks) || c.toks[i+2].Kind != Digits {
		return 0, 0, false
	}
	if sep == ":" {
		end := i + 3
		if adj(end) && c.norm(end) == ":" && adj(end+1) && end+1 < len(c.toks) && c.toks[end+1].Kind == Digits {
			end += 2
		}
		return end, -1, true
	}
	if sep != "/" && sep != "-" && sep != "." {
		return 0, 0, false
	}
	if !adj(i+3) || c.norm(i+3) != sep || !adj(i+4) || i+4 >= len(c.toks) || c.toks[i+4].Kind != Digits {
		return 0, 0, false // 10-12 is a range, handled elsewhere
	}
	for _, j := range []int{i + 4, i} {
		if utf8.RuneCountInString(c.toks[j].Text) == 4 {
			return i + 5, j, true
		}
	}
	return i + 5, -1, true
}

// rangeAt reads open X conj Y (ما بين X و Y, من X إلى Y) with the opener
// at i and X at j.
func (c *numContext) rangeAt(i, j int, conj string) (Number, int, bool) {
	// بين عامي 1950 و1953: years between the opener and X.
	year := false
	if yearWords[c.norm(j)] {
		year = true
		j++
	}
	x, ok := c.parseCore(j, false)
	if !ok || !c.acceptCore(x) {
		return Number{}, 0, false
	}
	m := x.end
	switch {
	case conj == "و" && c.conjAt(m):
		m++
	case conj == "و" && strings.HasPrefix(c.norm(m), "و") && c.isWord(m):
		// و attached to a number word (وعشرين); parseCore below sees it.
	case conj == "و" && c.norm(m) == "الي":
		m++ // ما بين 2 إلى 3 ملايين, as Gulf and Egyptian papers write it
	case conj == "الي" && (c.norm(m) == "الي" || c.norm(m) == "حتي" || c.norm(m) == "لغايه"):
		m++
	default:
		return Number{}, 0, false
	}
	if year && yearWords[c.norm(m)] {
		m++
	}
	y, ok := c.parseCore(m, false)
	if !ok || y.vague != x.vague {
		return Number{}, 0, false
	}
	n := c.makeRange(i, x, y)
	n.Year = year && isYear(n.Min) && isYear(n.Max)
	return n, y.end, true
}

// rangeTail reads the second half of X-Y, X إلى Y, X أو Y after core x.
func (c *numContext) rangeTail(i int, x core) (Number, int, bool) {
	m := x.end
	switch n := c.norm(m); {
	case (n == "-" || n == "–" || n == "—") && x.digits:
		m++
	case n == "الي" || n == "او":
		m++
	default:
		return Number{}, 0, false
	}
	y, ok := c.parseCore(m, false)
	if !ok || y.vague || x.vague || (y.digits != x.digits && c.norm(x.end) == "-") {
		return Number{}, 0, false
	}
	if c.norm(x.end) == "او" && y.min <= x.max {
		return Number{}, 0, false
	}
	n := c.makeRange(i, x, y)
	if n.Min == n.Max && c.norm(x.end) == "-" {
		return Number{}, 0, false
	}
	n.Year = isYear(n.Min) && isYear(n.Max) && x.digits && y.digits && n.Min == math.Trunc(n.Min) && c.isYearContext(i, x.end-1)
	return n, y.end, true
}

func isYear(v float64) bool { return v >= 1000 && v <= 2100 && v == math.Trunc(v) }

// makeRange joins X and Y, carrying Y's scale to a bare X that is no larger
// than Y's mantissa: بين 10 و12 ألفا is 10,000..12,000.
func (c *numContext) makeRange(i int, x, y core) Number {
	lo, hi := x.min, y.max
	if x.scale == 0 && y.scale > 0 && !x.vague && x.min <= y.mantissa {
		lo *= y.scale
	}
	if lo > hi {
		lo, hi = hi, lo
	}
	q := Range
	if x.vague {
		q = Vague
	}
	return Number{Start: i, End: y.end, Min: lo, Max: hi, Qualifier: q}
}

// isYearContext reports the year cues around the number in tokens [i, j].
func (c *numContext) isYearContext(i, j int) bool {
	prev := c.norm(i - 1)
	if yearWords[prev] || monthNames[prev] {
		return true
	}
	// أغسطس/آب 2025
	if c.norm(i-2) == "/" && monthNames[c.norm(i-3)] {
		return true
	}
	return eraWords[c.norm(j+1)] && c.isWord(j+1)
}

// finish adds the qualifier of the hedges before (already matched, from
// token i) and after the number k, and the year mark.
func (c *numContext) finish(i int, k core, before string) (Number, int) {
	n := Number{Start: i, End: k.end, Min: k.min, Max: k.max, Qualifier: Exact}
	if k.vague {
		n.Qualifier = Vague
	}
	end := k.end
	after := ""
	// Right after the number, the hedge is part of its text.
	if h, j, ok := c.matchHedge(hedgesAfterIndex, k.end, false); ok {
		after = h.qualifier
		if h.qualifier != Additional {
			end = j // إضافي describes the noun (آلاف إضافية), not the number
		}
	} else {
		// After the counted noun (and an adjective), it qualifies the count
		// but the noun is not the number's text.
		for j := k.end; j < k.end+2 && c.isWord(j); j++ {
			if _, _, _, _, isNum := lookupNumberWord(c.norm(j)); isNum && j > k.end {
				break
			}
			if h, _, ok := c.matchHedge(hedgesAfterIndex, j+1, false); ok && j+1 < len(c.toks) {
				after = h.qualifier
				break
			}
		}
	}
	switch {
	case k.vague:
	case before != "":
		n.Qualifier = before
	case after != "":
		n.Qualifier = after
	}
	n.End = end
	if k.digits && isYear(k.min) && k.scale == 0 && k.end == k.start+1 && before == "" && c.isYearContext(k.start, k.start) {
		n.Year = true
	}
	if !k.digits && isYear(k.min) && yearWords[c.norm(k.start-1)] {
		n.Year = true // عام ألفين وخمسة وعشرين
	}
	return n, end
}
