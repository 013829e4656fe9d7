package timex

import "time"

// Words and marks a page prints around its date line: weekday, the word
// for hour, AM/PM, time zones and separators.
var pageNoise = words("يوم", "الساعة", "ص", "م", "صباحا", "مساء", "مساءً", "صباحاً", "am", "pm",
	"t", "z", "utc", "gmt", "بتوقيت", "غرينتش", "مكة", "المكرمة", "نشر", "في", "آخر", "تحديث", "تاريخ", "النشر")

// PageDate reads a standalone date line as pages print them: "1404/10/07",
// "2025-12-28", "28/12/2025", "الأحد 28 ديسمبر 2025", "١٤٤٧/٧/٨ هـ", and
// returns it as a Gregorian day (midnight UTC). near, the fetch time or any
// date known to be close (zero if none), settles Solar against lunar
// readings of 1300-1500 and the year of a date printed without one. ok is
// false unless the line is one date to the day and nothing else but a
// weekday, a time such as 10:30, "ص"/"م" and separators.
func PageDate(line string, near time.Time) (time.Time, bool) {
	toks := tokenize(line)
	if len(toks) == 0 || len(toks) > 24 {
		return time.Time{}, false
	}
	m := newMatcher(toks, near)
	k := m.skipPageNoise(0)
	c, ok := m.absolute(k)
	if !ok || c.unresolved || c.kind != KindDate || c.loP != precDay || !c.lo.Equal(c.hi) {
		return time.Time{}, false
	}
	if m.skipPageNoise(c.j) != len(toks) {
		return time.Time{}, false
	}
	return c.lo, true
}

// skipPageNoise skips weekday names, times of day and separators from k.
func (m *matcher) skipPageNoise(k int) int {
	for k < len(m.toks) {
		switch {
		case m.exact(k, pageNoise):
			k++
		case m.tok(k).kind == tokWord:
			if _, ok := m.weekdayAt(k); !ok {
				return k
			}
			k++
		case m.tok(k).kind == tokNum && m.punct(k+1, ":") && m.tok(k+2).kind == tokNum:
			k += 3
			if m.punct(k, ":") && m.tok(k+1).kind == tokNum {
				k += 2
			}
		case m.punct(k, "+") && m.tok(k+1).kind == tokNum:
			k += 2
		case m.punct(k, ",", "-", "|", "/", "•", "·", "–", "—", ":", "(", ")", "[", "]", "."):
			k++
		default:
			return k
		}
	}
	return k
}
