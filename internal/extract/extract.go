// Package extract finds who said what, how many and when in an article:
// quotes with their speakers, counted quantities with their hedges, and
// time expressions resolved against the publication date.
//
// It is pure: entity mentions and the publication date come in with the
// article; nothing is read from the clock.
package extract

import (
	"strings"
	"unicode"

	"github.com/marsad/marsad/internal/arabic"
	"github.com/marsad/marsad/internal/timex"
	"github.com/marsad/marsad/news"
)

// Dates returns the article's time expressions resolved against its
// publication date; with no date, relative expressions stay unresolved.
func Dates(a news.Article) []news.TimeExpr {
	ref, _ := a.PublishedTime()
	var out []news.TimeExpr
	for _, e := range timex.Find(a.Text, ref) {
		out = append(out, news.TimeExpr{Text: e.Text, Value: e.Value, Start: e.Start, End: e.End})
	}
	return out
}

// Quantities returns the counted amounts in the article: every number the
// Arabic core reads that is not a year, with the noun it counts.
func Quantities(a news.Article) []news.Quantity {
	rs := []rune(a.Text)
	toks := arabic.Tokens(a.Text)
	var out []news.Quantity
	for _, n := range arabic.Numbers(a.Text) {
		if n.Year || identifier(n) {
			continue
		}
		q := news.Quantity{Text: n.Text, Min: n.Min, Max: n.Max, Qualifier: n.Qualifier, Start: n.Start, End: n.End}
		if n.Percent {
			q.Unit = "%"
		} else {
			q.Unit = countedNoun(toks, n.Start, n.End)
		}
		if q.Unit == "" && yearLike(n) {
			continue // a bare 2016 or 1437: a year, not an amount
		}
		if q.Qualifier == "vague" {
			q.Qualifier = news.Range
		}
		// A date's day ("15 أغسطس") is not an amount.
		if q.Unit == "" && followsMonth(rs, n.End) {
			continue
		}
		out = append(out, q)
	}
	return out
}

// identifier reports digits that number things rather than count them:
// phone numbers (a leading zero or nine digits and more).
func identifier(n arabic.Number) bool {
	t := strings.TrimSpace(n.Text)
	digits := 0
	for _, r := range t {
		if r >= '0' && r <= '9' {
			digits++
		}
	}
	return digits == len(t) && (digits >= 9 || (digits >= 5 && t[0] == '0'))
}

// yearLike reports a whole number, or range of them, in the span of
// Gregorian (1900-2100) or Hijri (1400-1500) years.
func yearLike(n arabic.Number) bool {
	in := func(x float64) bool {
		return x == float64(int(x)) && ((x >= 1900 && x <= 2100) || (x >= 1400 && x <= 1500))
	}
	return in(n.Min) && in(n.Max)
}

// countedNoun is the singular of the noun a number counts: the first word
// after the number, or the word the number is attached to in vague
// amounts ("آلاف القوات", where the noun follows the number word).
func countedNoun(toks []arabic.Token, start, end int) string {
	for i, t := range toks {
		if t.Start < end {
			continue
		}
		if t.Kind != arabic.Word {
			return ""
		}
		w := arabic.Search(t.Text)
		if w == "من" && i+1 < len(toks) && toks[i+1].Kind == arabic.Word { // "آلاف من الجنود"
			w = arabic.Search(toks[i+1].Text)
		}
		return singular(w)
	}
	return ""
}

func followsMonth(rs []rune, end int) bool {
	rest := strings.TrimLeftFunc(string(rs[min(end, len(rs)):]), unicode.IsSpace)
	for _, m := range monthWords {
		if strings.HasPrefix(rest, m) {
			return true
		}
	}
	return false
}

// monthWords open a date after a day number; enough to tell a day from an
// amount when no counted noun follows.
var monthWords = []string{
	"يناير", "فبراير", "مارس", "أبريل", "ابريل", "مايو", "يونيو", "يوليو", "أغسطس", "اغسطس",
	"سبتمبر", "أكتوبر", "اكتوبر", "نوفمبر", "ديسمبر", "كانون", "شباط", "آذار", "نيسان",
	"أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين",
}

// singular maps a counted noun in its search form to its singular lemma,
// article stripped: the plurals news counts most often, then the bare form.
func singular(w string) string {
	w = strings.TrimPrefix(w, "ال")
	if s, ok := plurals[w]; ok {
		return s
	}
	n := len([]rune(w))
	switch {
	case n >= 5 && (strings.HasSuffix(w, "ين") || strings.HasSuffix(w, "ون")):
		return strings.TrimSuffix(strings.TrimSuffix(w, "ين"), "ون") // مسافرين → مسافر
	case n >= 5 && strings.HasSuffix(w, "ات"):
		return strings.TrimSuffix(w, "ات") + "ه" // سيارات → سياره
	case n >= 4 && strings.HasSuffix(w, "ا") && !strings.HasSuffix(w, "يا"):
		return strings.TrimSuffix(w, "ا") // accusative: موهوبا → موهوب
	}
	return w
}

// plurals are broken and sound plurals of nouns news counts, in the search
// layer, with their singular. Issue "claims" replaces this with a table
// built from the corpus.
var plurals = map[string]string{
	"جنود": "جندي", "جنديا": "جندي", "قوات": "قوه", "اشخاص": "شخص", "شخصا": "شخص",
	"قتلي": "قتيل", "قتيلا": "قتيل", "جرحي": "جريح", "مصابين": "مصاب", "مصابا": "مصاب",
	"لاجئين": "لاجئ", "لاجئا": "لاجي", "مدنيين": "مدني", "مدنيا": "مدني", "اطفال": "طفل",
	"طفلا": "طفل", "نساء": "امراه", "رجال": "رجل", "عمال": "عامل", "عاملا": "عامل",
	"صواريخ": "صاروخ", "صاروخا": "صاروخ", "طائرات": "طائره", "دبابات": "دبابه",
	"قذائف": "قذيفه", "ايام": "يوم", "يوما": "يوم", "اسابيع": "اسبوع", "اسبوعا": "اسبوع",
	"اشهر": "شهر", "شهور": "شهر", "شهرا": "شهر", "سنوات": "سنه", "سنين": "سنه", "عاما": "عام",
	"اعوام": "عام", "ساعات": "ساعه", "دقائق": "دقيقه", "دولارات": "دولار", "دولارا": "دولار",
	"ريالات": "ريال", "ريالا": "ريال", "جنيهات": "جنيه", "جنيها": "جنيه", "يورو": "يورو",
	"مرات": "مره", "مواطنين": "مواطن", "مواطنا": "مواطن", "طلاب": "طالب", "طالبا": "طالب",
	"دول": "دوله", "مدن": "مدينه", "منازل": "منزل", "منزلا": "منزل", "حالات": "حاله",
	"اصابات": "اصابه", "وفيات": "وفاه", "اسري": "اسير", "معتقلين": "معتقل", "مقاتلين": "مقاتل",
	"مقاتلا": "مقاتل", "عناصر": "عنصر", "عنصرا": "عنصر", "كيلومترات": "كيلومتر", "كيلومترا": "كيلومتر",
	"مترا": "متر", "امتار": "متر", "طنا": "طن", "اطنان": "طن", "برميلا": "برميل", "براميل": "برميل",
	"مليارات": "مليار", "ملايين": "مليون", "الاف": "الف", "مئات": "مئه", "عشرات": "عشره",
}
