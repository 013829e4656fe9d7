package stories

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/marsad/marsad/internal/arabic"
)

// agency is a news agency with the ways Arabic outlets write its name, each
// as words of the search layer (أ → ا, ة → ه, ...).
type agency struct {
	name string
	// names are unambiguous: counted wherever the text credits a source.
	names [][]string
	// short names are also words or abbreviations of everyday Arabic (بنا
	// "with us", قنا, سبأ, بترا, أ ب): counted only in a credit position.
	short [][]string
}

func words(s ...string) []string { return s }

// agencies lists the wires SaudiNewsNet's outlets credit, and those of the
// other capitals the project follows. Read only.
var agencies = []agency{
	{name: "رويترز", names: [][]string{words("رويترز")}},
	{name: "فرانس برس", names: [][]string{words("فرانس", "برس"), words("فرانس", "بريس"), words("الصحافه", "الفرنسيه"), words("ا", "ف", "ب")}},
	{name: "أسوشيتد برس", names: [][]string{words("اسوشيتد", "برس"), words("اسوشيتدبرس"), words("اسوشييتد", "برس"), words("اسوشيايتد", "برس")}, short: [][]string{words("ا", "ب")}},
	{name: "د ب أ", names: [][]string{words("د", "ب", "ا"), words("الانباء", "الالمانيه")}},
	{name: "واس", names: [][]string{words("واس"), words("الانباء", "السعوديه")}},
	{name: "كونا", names: [][]string{words("كونا"), words("الانباء", "الكويتيه")}},
	{name: "وام", names: [][]string{words("انباء", "الامارات")}, short: [][]string{words("وام")}}, // وأم: "and Umm"
	{name: "قنا", names: [][]string{words("الانباء", "القطريه")}, short: [][]string{words("قنا")}},
	{name: "بنا", names: [][]string{words("انباء", "البحرين")}, short: [][]string{words("بنا")}},
	{name: "العمانية", names: [][]string{words("الانباء", "العمانيه")}, short: [][]string{words("العمانيه")}},
	{name: "سانا", names: [][]string{words("سانا"), words("السوريه", "للانباء")}},
	{name: "أ ش أ", names: [][]string{words("ا", "ش", "ا"), words("انباء", "الشرق", "الاوسط")}},
	{name: "بترا", names: [][]string{words("الانباء", "الاردنيه")}, short: [][]string{words("بترا")}},
	{name: "سبأ", names: [][]string{words("الانباء", "اليمنيه")}, short: [][]string{words("سبا")}},
	{name: "وفا", names: [][]string{words("الانباء", "الفلسطينيه")}, short: [][]string{words("وفا")}},
	{name: "الأناضول", names: [][]string{words("الاناضول")}},
	{name: "شينخوا", names: [][]string{words("شينخوا"), words("شينهوا"), words("الصين", "الجديده")}},
	{name: "تاس", names: [][]string{words("ايتار", "تاس"), words("تاس")}},
	{name: "نوفوستي", names: [][]string{words("نوفوستي")}},
	{name: "إرنا", names: [][]string{words("ارنا"), words("الجمهوريه", "الاسلاميه", "للانباء")}},
	{name: "KCNA", names: [][]string{words("kcna"), words("الانباء", "المركزيه", "الكوريه")}},
	{name: "يونهاب", names: [][]string{words("يونهاب")}},
	{name: "كيودو", names: [][]string{words("كيودو")}},
	{name: "يو بي آي", names: [][]string{words("يونايتد", "برس")}},
}

// Wire names the news agency an article credits ("رويترز", "فرانس برس",
// "واس", "KCNA", ...; the names are listed in agencies), or "" when it
// credits none.
//
// Outlets credit a wire in two places: the dateline ("الرياض - واس:",
// "باريس (أ ف ب) -", SPA's own "جدة 25 شوال 1436هـ ... واس") and the
// sign-off ("(رويترز)" closing the text). A credit there wins. Failing
// one, an agency the body cites by a name that is no everyday word
// ("ذكرت وكالة الأنباء المركزية الكورية", "نقلت رويترز") is returned,
// the first cited: weaker evidence, since an outlet's own report may quote
// a wire, but it still says where the news came from. Abbreviations that
// are also Arabic words (بنا, قنا, سبأ, بترا, أ ب) count only as credits.
func Wire(text string) string {
	text = strings.TrimSpace(text)
	if text == "" {
		return ""
	}
	head, tail := creditLines(text)
	if a := findAgency(head, true); a != "" {
		return a
	}
	if a := findAgency(tail, true); a != "" {
		return a
	}
	return findAgency(text, false)
}

// creditLines returns the dateline and the sign-off of a text. The
// dateline is the first line when short, else what precedes its first
// colon, dash or closing parenthesis when that comes within the first 60
// characters ("باريس (أ ف ب) -"), else nothing: the opening words of a
// sentence are no credit. The sign-off is the last line when short, else a
// parenthesized group closing it.
func creditLines(text string) (head, tail string) {
	first, _, _ := strings.Cut(text, "\n")
	first = strings.TrimSpace(first)
	if len(strings.Fields(first)) <= 12 {
		head = first
	} else if i := strings.IndexAny(first, ":-–—)"); i >= 0 && utf8.RuneCountInString(first[:i]) <= 60 {
		head = first[:i+1]
	}
	last := strings.TrimSpace(text[strings.LastIndexByte(text, '\n')+1:])
	if len(strings.Fields(last)) <= 4 {
		return head, last
	}
	end := strings.TrimRight(last, " .")
	if strings.HasSuffix(end, ")") {
		if i := strings.LastIndexByte(end, '('); i >= 0 && utf8.RuneCountInString(end[i:]) <= 30 {
			tail = end[i:]
		}
	}
	return head, tail
}

// findAgency returns the agency whose name occurs first in s (the one
// listed first in agencies when two names start at one word), counting
// the short names only when credit is true. A name may carry one
// proclitic (و ل ب ف: "لرويترز", "ووكالة") when its first word is longer
// than three letters.
func findAgency(s string, credit bool) string {
	ws := strings.FieldsFunc(arabic.Search(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	for i, w := range ws {
		best := -1
		try := func(first string, clitic bool) {
			for _, n := range agencyNames[first] {
				switch {
				case n.short && !credit, best >= 0 && n.agency >= best,
					clitic && utf8.RuneCountInString(first) <= 3:
					continue
				}
				if len(ws)-i >= len(n.words) && slices.Equal(ws[i+1:i+len(n.words)], n.words[1:]) {
					best = n.agency
				}
			}
		}
		try(w, false)
		if r, size := utf8.DecodeRuneInString(w); size < len(w) && strings.ContainsRune("ولبف", r) {
			try(w[size:], true)
		}
		if best >= 0 {
			return agencies[best].name
		}
	}
	return ""
}

// agencyName is one way of writing an agency, as agencyNames files it.
type agencyName struct {
	agency int // index in agencies
	words  []string
	short  bool
}

// agencyNames files every name of every agency under its first word, in
// the order of agencies, so findAgency looks at each word of a text once
// rather than trying every name there. Read only.
var agencyNames = func() map[string][]agencyName {
	m := map[string][]agencyName{}
	for i, a := range agencies {
		for _, n := range a.names {
			m[n[0]] = append(m[n[0]], agencyName{i, n, false})
		}
		for _, n := range a.short {
			m[n[0]] = append(m[n[0]], agencyName{i, n, true})
		}
	}
	return m
}()
