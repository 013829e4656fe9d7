// Package arabic is marsad's Arabic text core: the three normalization
// layers (display, search, name key), tokens, light stems, numbers and
// language identification. Every stage uses it; nobody re-implements it.
//
// It is pure: no I/O, no global mutable state. It never rewrites display
// text: callers keep the original and derive the other layers from it.
package arabic

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Letters and marks the normalizer's rules are written in.
const (
	alef            = 'ا'
	alefMadda       = 'آ'
	alefHamzaAbove  = 'أ'
	alefHamzaBelow  = 'إ'
	alefWasla       = 'ٱ'
	alefWavyHamza   = 'ٲ'
	alefWavyBelow   = 'ٳ'
	alefMaksura     = 'ى'
	yeh             = 'ي'
	tehMarbuta      = 'ة'
	heh             = 'ه'
	waw             = 'و'
	wawHamza        = 'ؤ'
	yehHamza        = 'ئ'
	hamza           = 'ء'
	kaf             = 'ك'
	beh             = 'ب'
	jeem            = 'ج'
	zain            = 'ز'
	feh             = 'ف'
	qaf             = 'ق'
	tatweel         = 'ـ'
	daggerAlef      = '\u0670'
	farsiYeh        = 'ی' // U+06CC
	keheh           = 'ک' // U+06A9
	hehYehAbove     = 'ۀ' // U+06C0
	hehDoachashmee  = 'ھ' // U+06BE
	yehBarree       = 'ے' // U+06D2
	ae              = 'ە' // U+06D5
	tehMarbutaGoal  = 'ۃ' // U+06C3
	hehGoal         = 'ہ' // U+06C1
	peh             = 'پ'
	tcheh           = 'چ'
	jeh             = 'ژ'
	gaf             = 'گ'
	veh             = 'ڤ'
	qafThreeDots    = 'ڨ' // Maghrebi g
	arabicComma     = '،'
	arabicSemicolon = '؛'
	arabicQuestion  = '؟'
	arabicPercent   = '٪'
	arabicDecimal   = '٫'
	arabicThousands = '٬'
	zwnj            = '\u200C'
)

// isMark reports Arabic diacritics and Quranic annotation marks, which the
// search layer drops: harakat, tanween, shadda, sukun, dagger alef.
func isMark(r rune) bool {
	switch {
	case r >= 0x064B && r <= 0x065F: // fathatan .. wavy hamza below
		return true
	case r == daggerAlef:
		return true
	case r >= 0x0610 && r <= 0x061A: // honorific and Quranic small marks
		return true
	case r >= 0x06D6 && r <= 0x06ED && r != 0x06E5 && r != 0x06E6 && r != 0x06DE && r != 0x06E9:
		return true
	}
	return false
}

// isInvisible reports bidi controls and zero-width characters. ZWNJ is not
// one of them: it is a Persian spelling signal and is kept.
func isInvisible(r rune) bool {
	switch r {
	case '\u200B', '\u200D', '\u200E', '\u200F', '\u061C', '\uFEFF', '\u2060', '\u00AD':
		return true
	}
	return (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069)
}

// foldSearch maps one rune to its search-layer form; ok=false drops it.
func foldSearch(r rune) (rune, bool) {
	switch {
	case r < utf8.RuneSelf:
		if r >= 'A' && r <= 'Z' {
			return r + ('a' - 'A'), true
		}
		return r, true
	case isMark(r), isInvisible(r), r == tatweel:
		return 0, false
	case r >= '٠' && r <= '٩':
		return '0' + (r - '٠'), true
	case r >= '۰' && r <= '۹':
		return '0' + (r - '۰'), true
	}
	switch r {
	case alefMadda, alefHamzaAbove, alefHamzaBelow, alefWasla, alefWavyHamza, alefWavyBelow:
		return alef, true
	case alefMaksura, farsiYeh, yehBarree:
		return yeh, true
	case tehMarbuta, hehYehAbove, hehDoachashmee, ae, tehMarbutaGoal, hehGoal:
		return heh, true
	case keheh, gaf:
		return kaf, true
	case peh:
		return beh, true
	case tcheh:
		return jeem, true
	case jeh:
		return zain, true
	case veh:
		return feh, true
	case qafThreeDots:
		return qaf, true
	case arabicComma, arabicThousands:
		return ',', true
	case arabicSemicolon:
		return ';', true
	case arabicQuestion:
		return '?', true
	case arabicPercent:
		return '%', true
	case arabicDecimal:
		return '.', true
	case '«', '»', '“', '”', '„', '‟', '‹', '›', '″':
		return '"', true
	case '‘', '’', '‚', '‛', '′':
		return '\'', true
	case '\u00A0', '\u2007', '\u202F':
		return ' ', true
	}
	return unicode.ToLower(r), true
}

// Search returns the search/topic layer of s: NFKC, invisible marks,
// diacritics and tatweel removed, alef forms, ى, ة and Persian/Urdu letters
// folded, digits in any script made ASCII, Arabic punctuation and quote marks
// made ASCII, Latin lower-cased. It never changes s itself, and
// Search(Search(s)) == Search(s). When s is already in the search layer it is
// returned as is, without allocating.
func Search(s string) string {
	if out, ok := searchFast(s); ok {
		return out
	}
	if i := strings.IndexByte(s, '\n'); i >= 0 && i < len(s)-1 {
		return searchLines(s)
	}
	return searchGeneral(s)
}

// searchLines is Search for a text of several lines: each line takes the
// fast path or the general one on its own, so one line with an accented
// Latin letter does not send a whole day of news through NFKC (12.9 MB/s
// instead of 140 on SaudiNewsNet). A line break is a boundary for NFKC and
// for every fold, so the result is the same.
func searchLines(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for len(s) > 0 {
		line, rest, found := strings.Cut(s, "\n")
		if out, ok := searchFast(line); ok {
			b.WriteString(out)
		} else {
			b.WriteString(searchGeneral(line))
		}
		if found {
			b.WriteByte('\n')
		}
		s = rest
	}
	return b.String()
}

// searchGeneral is Search for any text. NFKC must run first, and dropping a
// mark can leave a pair NFKC would compose (e, tatweel, U+0301 → e, U+0301),
// so the two steps repeat until neither changes anything. A round that
// changes something drops or maps a rune, so this ends in a round or two.
func searchGeneral(s string) string {
	for range 8 {
		if norm.NFKC.QuickSpanString(s) != len(s) {
			s = norm.NFKC.String(s)
		}
		folded := foldAll(s)
		if folded == s {
			break
		}
		s = folded
	}
	return s
}

// foldAll applies foldSearch to every rune of s, invalid bytes becoming
// U+FFFD; it returns s itself when nothing changes.
func foldAll(s string) string {
	var b strings.Builder
	last := 0 // start of the run of s not yet copied to b
	changed := false
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		f, ok := foldSearch(r)
		if ok && f == r && (r != utf8.RuneError || size > 1) {
			i += size
			continue
		}
		if !changed {
			b.Grow(len(s))
			changed = true
		}
		b.WriteString(s[last:i])
		if ok {
			b.WriteRune(f)
		}
		i += size
		last = i
	}
	if !changed {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// nfkcSensitive marks, in arabicFold, runes of the Arabic block whose search
// form depends on NFKC: the combining maddah and hamzas compose with the
// letter before them (و + U+0654 is ؤ), and the high-hamza letters
// U+0675..U+0678 have compatibility decompositions.
const nfkcSensitive = -2

// arabicFold is foldSearch over the Arabic block U+0600..U+06FF, read-only
// after package initialisation: -1 drops the rune, nfkcSensitive sends the
// whole string to the NFKC path.
var arabicFold = func() (t [0x100]rune) {
	for i := range t {
		r := rune(0x600 + i)
		f, ok := foldSearch(r)
		switch {
		case r >= 0x0653 && r <= 0x0655, norm.NFKC.String(string(r)) != string(r):
			f = nfkcSensitive
		case !ok:
			f = -1
		}
		t[i] = f
	}
	return t
}()

// searchFast is Search for text made only of ASCII, the Arabic block and the
// punctuation and invisible marks Arabic news pages carry: NFKC changes
// none of these, so folding alone is enough. ok=false sends s to the general
// path.
func searchFast(s string) (out string, ok bool) {
	var b strings.Builder
	last := 0 // start of the run of s not yet copied to b
	changed := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				if !changed {
					b.Grow(len(s))
					changed = true
				}
				b.WriteString(s[last:i])
				b.WriteByte(c + ('a' - 'A'))
				last = i + 1
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		var f rune
		switch {
		case r >= 0x600 && r < 0x700:
			f = arabicFold[r-0x600]
			if f == nfkcSensitive {
				return "", false
			}
		case r == zwnj, r == '–', r == '—':
			f = r
		case isInvisible(r):
			f = -1
		default:
			// Quote marks and no-break spaces: NFKC leaves the quotes alone and
			// maps the spaces to ' ', as foldSearch does. Anything else (Latin
			// letters with accents, symbols, invalid bytes) takes the general path.
			switch r {
			case '«', '»', '“', '”', '„', '‟', '‹', '›', '‘', '’', '‚', '‛', '′', '\u00A0', '\u2007', '\u202F':
				f, _ = foldSearch(r)
			default:
				return "", false
			}
		}
		if f != r {
			if !changed {
				b.Grow(len(s))
				changed = true
			}
			b.WriteString(s[last:i])
			if f >= 0 {
				b.WriteRune(f)
			}
			last = i + size
		}
		i += size
	}
	if !changed {
		return s, true
	}
	b.WriteString(s[last:])
	return b.String(), true
}

// Unmarked returns the display layer of a name as it should be listed:
// its letters as written (hamza, alef forms, ى and ة kept), with NFKC
// applied (presentation forms become letters), diacritics, tatweel and
// invisible marks removed, and runs of space made one space, ends trimmed.
// آسـيا is listed as آسيا and جنيــف as جنيف; the original text is not
// touched.
func Unmarked(s string) string {
	if norm.NFKC.QuickSpanString(s) != len(s) {
		s = norm.NFKC.String(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	space := true // drop leading space
	for _, r := range s {
		switch {
		case isMark(r), isInvisible(r), r == tatweel:
			continue
		case unicode.IsSpace(r):
			if !space {
				b.WriteByte(' ')
			}
			space = true
			continue
		}
		space = false
		b.WriteRune(r)
	}
	return strings.TrimRight(b.String(), " ")
}

// NameKey returns the name-key layer of s: the search layer, then hamza on
// its carriers folded (ؤ→و, ئ→ي), bare hamza dropped, hyphens made spaces
// and runs of space collapsed. Clitic stripping needs a lexicon of known
// names and belongs to entity resolution, not here.
func NameKey(s string) string {
	s = Search(s)
	var b strings.Builder
	b.Grow(len(s))
	space := true // drop leading space
	for _, r := range s {
		switch r {
		case wawHamza:
			r = waw
		case yehHamza:
			r = yeh
		case hamza:
			continue
		case '-', '_', '‐', '‑', '–', '—':
			r = ' '
		}
		if unicode.IsSpace(r) {
			if space {
				continue
			}
			space = true
			b.WriteByte(' ')
			continue
		}
		space = false
		b.WriteRune(r)
	}
	return strings.TrimRight(b.String(), " ")
}

// phoneticClass maps a name-key letter to the class transliterations of
// foreign names confuse it with; 0 drops it (long vowels and weak letters).
func phoneticClass(r rune) rune {
	switch r {
	case 'ج', 'غ', 'ق', 'ك', 'خ':
		return 'K'
	case 'ت', 'ط', 'د', 'ث', 'ذ', 'ض':
		return 'T'
	case 'س', 'ص', 'ز', 'ظ', 'ش':
		return 'S'
	case 'ب', 'ف':
		return 'B'
	case 'م', 'ن':
		return 'M'
	case 'ر':
		return 'R'
	case 'ل':
		return 'L'
	case 'ح', 'ه':
		return 'H'
	case 'ا', 'و', 'ي', 'ع', ' ':
		return 0
	}
	if r < utf8.RuneSelf {
		return unicode.ToUpper(r)
	}
	return r
}

// Phonetic returns the consonant skeleton of a name key, letters grouped
// into the classes transliterations mix up (ج/غ/ق/ك, ت/ط/د/ث/ذ/ض, س/ص/ز/ظ/ش,
// ب/ف, م/ن) and vowels dropped, doubled classes collapsed. بوتين and بوتن
// share BTM; كورسك (KRSK) and كوريا (KR) stay apart. Short skeletons collide
// easily: callers must guard on length before merging on this key alone.
func Phonetic(nameKey string) string {
	var b strings.Builder
	var last rune
	for _, r := range nameKey {
		c := phoneticClass(r)
		if c == 0 {
			if r == ' ' {
				last = 0
			}
			continue
		}
		if c == last {
			continue
		}
		last = c
		b.WriteRune(c)
	}
	return b.String()
}
