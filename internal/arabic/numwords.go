package arabic

import (
	"strings"
)

// numKind is the grammatical role of a number word, which decides what may
// come before and after it.
type numKind uint8

const (
	numUnit      numKind = iota // 1..9: ثلاثة، ثلاث
	numTen                      // عشرة/عشر: 10 alone, +10 after a unit (ثلاثة عشر)
	numTens                     // 20..90: عشرون، عشرين
	numHundred                  // مئة: 100 alone, ×100 after a unit (ثلاث مئة)
	numHundreds                 // 200..900 in one word: مئتان، ثلاثمئة
	numScale                    // ألف، مليون، مليار: ×1 alone, × the group before
	numScaleAcc                 // ألفًا، مليونًا: × the group before (11..99); alone, the dual construct ألفا = 2000
	numScaleDual                // ألفان، ألفين، ألفي: 2 × scale
	numScalePl                  // آلاف، ملايين: × the group before (3..10); alone, vague
	numFraction                 // نصف، ربع، ثلث
	numZero                     // صفر
)

// numWord is one entry of the number lexicon.
type numWord struct {
	kind  numKind
	value float64 // the word's value; for scales, the scale
}

// numberWords is the number lexicon in search-layer form (أ→ا، ة→ه، ى→ي, no
// diacritics): cardinals in both genders and all cases, MSA and the common
// Egyptian/Levantine spellings, and the hundreds written as one word or two.
// Ordinals (خامس، الثاني) are deliberately absent: they are not quantities.
var numberWords = func() map[string]numWord {
	m := map[string]numWord{
		"صفر": {numZero, 0},
		// 1 and 2 in every gender and case.
		"واحد": {numUnit, 1}, "واحده": {numUnit, 1}, "واحدا": {numUnit, 1}, "احد": {numUnit, 1}, "احدي": {numUnit, 1},
		"اثنان": {numUnit, 2}, "اثنين": {numUnit, 2}, "اثنا": {numUnit, 2}, "اثني": {numUnit, 2},
		"اثنتان": {numUnit, 2}, "اثنتين": {numUnit, 2}, "اثنتا": {numUnit, 2}, "اثنتي": {numUnit, 2},
		"ثنتان": {numUnit, 2}, "ثنتين": {numUnit, 2}, "اتنين": {numUnit, 2},
		// 3..9: with ة before a masculine noun, without before a feminine one.
		"ثلاثه": {numUnit, 3}, "ثلاث": {numUnit, 3}, "تلاته": {numUnit, 3}, "تلات": {numUnit, 3},
		"اربعه": {numUnit, 4}, "اربع": {numUnit, 4},
		"خمسه": {numUnit, 5}, "خمس": {numUnit, 5},
		"سته": {numUnit, 6}, "ست": {numUnit, 6},
		"سبعه": {numUnit, 7}, "سبع": {numUnit, 7},
		"ثمانيه": {numUnit, 8}, "ثماني": {numUnit, 8}, "ثمان": {numUnit, 8}, "تمانيه": {numUnit, 8},
		"تسعه": {numUnit, 9}, "تسع": {numUnit, 9},
		"عشره": {numTen, 10}, "عشر": {numTen, 10},
		// Tens, nominative ون and accusative/genitive ين.
		"عشرون": {numTens, 20}, "عشرين": {numTens, 20},
		"ثلاثون": {numTens, 30}, "ثلاثين": {numTens, 30}, "تلاتين": {numTens, 30},
		"اربعون": {numTens, 40}, "اربعين": {numTens, 40},
		"خمسون": {numTens, 50}, "خمسين": {numTens, 50},
		"ستون": {numTens, 60}, "ستين": {numTens, 60},
		"سبعون": {numTens, 70}, "سبعين": {numTens, 70},
		"ثمانون": {numTens, 80}, "ثمانين": {numTens, 80}, "تمانين": {numTens, 80},
		"تسعون": {numTens, 90}, "تسعين": {numTens, 90},
		// A hundred: مئة (current spelling), مائة (older, still the commonest in
		// print), مية (spoken).
		"مئه": {numHundred, 100}, "مائه": {numHundred, 100}, "ميه": {numHundred, 100}, "مايه": {numHundred, 100},
		"مئتان": {numHundreds, 200}, "مئتين": {numHundreds, 200}, "مئتا": {numHundreds, 200}, "مئتي": {numHundreds, 200},
		"مائتان": {numHundreds, 200}, "مائتين": {numHundreds, 200}, "مائتا": {numHundreds, 200}, "مائتي": {numHundreds, 200},
		"ميتين": {numHundreds, 200},
		// Scales.
		"الف": {numScale, 1e3}, "الفا": {numScaleAcc, 1e3}, "الفان": {numScaleDual, 1e3}, "الفين": {numScaleDual, 1e3},
		"الفي": {numScaleDual, 1e3}, "الاف": {numScalePl, 1e3}, "الوف": {numScalePl, 1e3},
		"مليون": {numScale, 1e6}, "مليونا": {numScaleAcc, 1e6}, "مليونان": {numScaleDual, 1e6}, "مليونين": {numScaleDual, 1e6},
		"مليوني": {numScaleDual, 1e6}, "ملايين": {numScalePl, 1e6},
		"مليار": {numScale, 1e9}, "مليارا": {numScaleAcc, 1e9}, "ملياران": {numScaleDual, 1e9}, "مليارين": {numScaleDual, 1e9},
		"ملياري": {numScaleDual, 1e9}, "مليارات": {numScalePl, 1e9},
		"بليون": {numScale, 1e9}, "بلايين": {numScalePl, 1e9},
		"تريليون": {numScale, 1e12}, "تريليونا": {numScaleAcc, 1e12}, "تريليونات": {numScalePl, 1e12},
		// Fractions. ثلث is only ever a third, never three.
		"نصف": {numFraction, 0.5}, "ربع": {numFraction, 0.25}, "ثلث": {numFraction, 1.0 / 3},
		"ثلثا": {numFraction, 2.0 / 3}, "ثلثي": {numFraction, 2.0 / 3},
	}
	// 300..900 written as one word, in both spellings of مئة.
	for stem, v := range map[string]float64{
		"ثلاث": 300, "ثلث": 300, "اربع": 400, "خمس": 500, "ست": 600, "سبع": 700, "ثمان": 800, "ثماني": 800, "تسع": 900,
	} {
		m[stem+"مئه"] = numWord{numHundreds, v}
		m[stem+"مائه"] = numWord{numHundreds, v}
	}
	return m
}()

// ambiguousNumberWords are number words that are also common other words:
// ست (lady: ست الحبايب), سبع (lion), ألف (the letter, or ألّف "he wrote"),
// ألفا (Alpha), صفر (the month). Alone they count as numbers only before an
// indefinite noun, which is how a counted noun follows a number.
var ambiguousNumberWords = map[string]bool{
	"ست": true, "سبع": true, "الف": true, "الفا": true, "صفر": true,
}

// soloExcluded are number words that alone are seldom a quantity in news
// text (في آن واحد، واحدة من، أحد المسؤولين): alone they count only after an
// indefinite noun (مرة واحدة); inside a compound (واحد وعشرون، أحد عشر)
// they are read.
var soloExcluded = map[string]bool{
	"واحد": true, "واحده": true, "واحدا": true, "احد": true, "احدي": true,
}

// wordGroup accumulates one group below a thousand while parsing number
// words, remembering which parts it has so that out-of-order words
// (خمسة خمسة, عشرون خمسة) end the number instead of adding up.
type wordGroup struct {
	value                       float64
	hundreds, units, tens, teen bool
	unit                        float64 // the unit word's value, for ثلاث مئة and ثلاثة عشر
	fraction                    bool
}

func (g *wordGroup) empty() bool { return !g.hundreds && !g.units && !g.tens && !g.fraction }

// wordParse is the state of parsing a sequence of number words.
type wordParse struct {
	total      float64
	group      wordGroup
	lastScale  float64 // scales must fall: ألف after مليون, never before
	afterScale bool
	words      int
	done       bool // a fraction after و closes the number (مليون ونصف)

	// mantissa and scale of a number that is one group times one scale
	// (عشرة آلاف), for carrying the scale across a range.
	mantissa, scale float64
	scales          int
}

// add tries to extend the parse with word w; conj says it was joined by و.
// It reports false, leaving the state unchanged, when w cannot continue the
// number.
func (p *wordParse) add(w numWord, conj bool) bool {
	if p.done {
		return false
	}
	g := &p.group
	first := p.words == 0
	// What needs و before it: anything after a scale or inside a group,
	// except the teen's عشر, the hundred of ثلاث مئة and a scale's multiplier.
	switch w.kind {
	case numUnit, numZero:
		if w.kind == numZero && !first {
			return false
		}
		if g.units || g.tens || g.teen || g.fraction {
			return false
		}
		if !first && conj != (g.hundreds || p.afterScale) {
			return false
		}
		g.value += w.value
		g.units, g.unit = true, w.value
	case numTen:
		switch {
		case g.units && !g.teen && !g.tens && !conj && g.unit >= 1 && g.unit <= 9:
			g.value += 10
			g.teen = true
		case !g.units && !g.tens && !g.fraction && (first || conj == (g.hundreds || p.afterScale)):
			g.value += 10
			g.units, g.teen, g.unit = true, true, 10
		default:
			return false
		}
	case numTens:
		if g.tens || g.teen || g.fraction {
			return false
		}
		if !first && conj != (g.hundreds || g.units || p.afterScale) {
			return false
		}
		g.value += w.value
		g.tens = true
	case numHundred:
		switch {
		case g.units && !g.hundreds && !g.tens && !g.teen && !conj && g.unit >= 3 && g.unit <= 9:
			g.value += g.unit*100 - g.unit
			g.units, g.hundreds = false, true
		case g.empty() && (first || conj == p.afterScale):
			g.value = 100
			g.hundreds = true
		default:
			return false
		}
	case numHundreds:
		if !g.empty() || !(first || conj == p.afterScale) {
			return false
		}
		g.value = w.value
		g.hundreds = true
	case numScale, numScaleAcc, numScaleDual, numScalePl:
		if p.lastScale != 0 && w.value >= p.lastScale {
			return false
		}
		mult := g.value
		switch {
		case g.empty() && conj != p.afterScale && !first:
			return false
		case !g.empty() && conj:
			return false
		case w.kind == numScaleDual:
			if !g.empty() {
				return false
			}
			mult = 2
		case w.kind == numScalePl:
			if g.empty() || g.value < 3 {
				return false
			}
		case g.empty() && w.kind == numScaleAcc:
			mult = 2 // ألفا جندي: the dual in construct
		case g.empty():
			mult = 1
		}
		p.total += mult * w.value
		p.mantissa, p.scale = mult, w.value
		p.scales++
		p.lastScale = w.value
		p.group = wordGroup{}
		p.afterScale = true
	case numFraction:
		switch {
		case first:
			// نصف مليون: a fraction of the scale that follows, or alone.
			g.value, g.fraction = w.value, true
		case conj && p.afterScale && g.empty():
			p.total += w.value * p.lastScale
			p.done = true
		case conj && !g.empty() && !g.fraction:
			g.value += w.value
			p.done = true
		default:
			return false
		}
	}
	if w.kind != numScale && w.kind != numScaleAcc && w.kind != numScaleDual && w.kind != numScalePl && w.kind != numFraction {
		p.afterScale = false
	}
	p.words++
	return true
}

func (p *wordParse) value() float64 { return p.total + p.group.value }

// lookupNumberWord finds w (search layer) in the lexicon, also behind a
// proclitic: و (conj=true), or ب ل ك ف and و/ف before them (بخمسة، لعشرة،
// وبثلاثة; clitic=true). Words with the article are not cardinals (السبع
// is the lion, الألف the letter, الخامس an ordinal) and are never found.
func lookupNumberWord(w string) (nw numWord, base string, conj, clitic, ok bool) {
	if nw, ok := numberWords[w]; ok {
		return nw, w, false, false, true
	}
	rest := w
	if strings.HasPrefix(rest, "و") {
		rest = rest[len("و"):]
		if nw, ok := numberWords[rest]; ok {
			return nw, rest, true, false, true
		}
	} else if strings.HasPrefix(rest, "ف") {
		rest = rest[len("ف"):]
	}
	for _, p := range []string{"ب", "ل", "ك"} {
		if strings.HasPrefix(rest, p) {
			if nw, ok := numberWords[rest[len(p):]]; ok {
				return nw, rest[len(p):], false, true, true
			}
		}
	}
	return numWord{}, "", false, false, false
}

// ParseNumberWords reads s as one number written in words, digits or both
// (ثلاثة آلاف وخمسمائة, خمسة وعشرون ألفًا, 1.5 مليون, مليون ونصف) and reports
// whether the whole of s was one number. Diacritics, tanween, hamza forms and
// the case endings of standard Arabic are all accepted.
func ParseNumberWords(s string) (float64, bool) {
	toks := Tokens(s)
	if len(toks) == 0 {
		return 0, false
	}
	c := numContext{toks: toks}
	core, ok := c.parseCore(0, true)
	if !ok || core.end != len(toks) || core.vague {
		return 0, false
	}
	return core.min, true
}

// Spellings used by Spell: standard MSA, masculine, nominative, مائة as most
// print still writes it.
var (
	spellUnits    = [...]string{"", "واحد", "اثنان", "ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة", "عشرة"}
	spellTens     = [...]string{"", "", "عشرون", "ثلاثون", "أربعون", "خمسون", "ستون", "سبعون", "ثمانون", "تسعون"}
	spellHundreds = [...]string{"", "مائة", "مائتان", "ثلاثمائة", "أربعمائة", "خمسمائة", "ستمائة", "سبعمائة", "ثمانمائة", "تسعمائة"}
)

// scaleForms are a scale word's singular, dual, plural (after 3..10) and
// accusative (after 11..99) forms.
type scaleForms struct{ one, two, plural, acc string }

var spellScales = [...]struct {
	value int
	forms scaleForms
}{
	{1_000_000_000, scaleForms{"مليار", "ملياران", "مليارات", "مليارًا"}},
	{1_000_000, scaleForms{"مليون", "مليونان", "ملايين", "مليونًا"}},
	{1_000, scaleForms{"ألف", "ألفان", "آلاف", "ألفًا"}},
}

// Spell writes n (0 ≤ n < 10^12) in words as standard Arabic does in the
// nominative, masculine: 3500 is ثلاثة آلاف وخمسمائة, 25000 خمسة وعشرون ألفًا,
// 200000 مائتا ألف. Out of range it returns "". ParseNumberWords reads
// every spelling back.
func Spell(n int) string {
	if n < 0 || n >= 1_000_000_000_000 {
		return ""
	}
	if n == 0 {
		return "صفر"
	}
	var parts []string
	for _, sc := range spellScales {
		if t := n / sc.value; t > 0 {
			parts = append(parts, spellScaled(t, sc.forms))
			n %= sc.value
		}
	}
	if n > 0 {
		parts = append(parts, spellBelow1000(n, false))
	}
	return strings.Join(parts, " و")
}

// spellScaled writes t (1..999) of a scale: the counted scale word takes
// the number and case its nearest number word requires.
func spellScaled(t int, f scaleForms) string {
	switch r := t % 100; {
	case t == 1:
		return f.one
	case t == 2:
		return f.two
	case t <= 10:
		return spellUnits[t] + " " + f.plural
	case t < 100:
		return spellBelow100(t) + " " + f.acc
	case r == 0:
		return spellBelow1000(t, true) + " " + f.one // مائة ألف، مائتا ألف
	case r <= 2:
		return spellBelow1000(t, false) + " " + f.one // مائة وواحد ألف
	case r <= 10:
		return spellBelow1000(t, false) + " " + f.plural
	default:
		return spellBelow1000(t, false) + " " + f.acc
	}
}

// spellBelow1000 writes 1..999; construct drops the dual's ن before a
// scale (مائتا ألف).
func spellBelow1000(n int, construct bool) string {
	h, r := n/100, n%100
	var parts []string
	if h > 0 {
		w := spellHundreds[h]
		if construct && h == 2 && r == 0 {
			w = "مائتا"
		}
		parts = append(parts, w)
	}
	if r > 0 {
		parts = append(parts, spellBelow100(r))
	}
	return strings.Join(parts, " و")
}

func spellBelow100(n int) string {
	switch {
	case n <= 10:
		return spellUnits[n]
	case n == 11:
		return "أحد عشر"
	case n == 12:
		return "اثنا عشر"
	case n < 20:
		return spellUnits[n-10] + " عشر"
	case n%10 == 0:
		return spellTens[n/10]
	default:
		return spellUnits[n%10] + " و" + spellTens[n/10]
	}
}
