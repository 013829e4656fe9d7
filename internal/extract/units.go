package extract

import (
	"strings"

	"github.com/marsad/marsad/internal/arabic"
	"github.com/marsad/marsad/news"
)

// withUnit sets q's unit to the singular of the noun it counts: the word
// after the number, past "من" (آلاف من الجنود) and a scale word the core
// does not read (ترليون); or the noun before a number that follows it
// (يوم واحد، لصين اثنين); or, for a definite number word with nothing to
// count after it, the definite noun before it (القوى العالمية الست).
func withUnit(q news.Quantity, toks []arabic.Token, ms []news.Mention) news.Quantity {
	i := 0
	for i < len(toks) && toks[i].Start < q.End {
		i++
	}
	prev := i - 1
	for prev >= 0 && toks[prev].Start >= q.Start {
		prev--
	}
	num := arabic.Search(strings.TrimSpace(q.Text))
	_, bare := arabic.Clitics(num)
	nextWord := ""
	if i < len(toks) && toks[i].Kind == arabic.Word {
		nextWord = arabic.Search(toks[i].Text)
	}
	if (postposed[num] || postposed[bare]) && !nonUnits[nextWord] && prev >= 0 && toks[prev].Kind == arabic.Word && toks[prev].End+1 >= q.Start {
		w := arabic.Search(toks[prev].Text)
		if rest, ok := strings.CutPrefix(w, "ل"); ok && (timeUnits[singular(rest)] || plurals[rest] != "") {
			w = rest // ليوم واحد
		}
		if u := dualSingular(singular(w)); len([]rune(u)) >= 2 && !arabic.IsStopword(w) {
			q.Unit = u
			return q
		}
	}
	if i < len(toks) && toks[i].Kind == arabic.Word {
		if s, ok := scales[arabic.Search(toks[i].Text)]; ok {
			q.Min, q.Max = q.Min*s, q.Max*s
			q.End = toks[i].End
			q.Text += string([]rune(" " + toks[i].Text))
			i++
		}
	}
	if i >= len(toks) || toks[i].Kind != arabic.Word {
		if strings.HasPrefix(num, "ال") || strings.HasPrefix(bare, "ال") {
			q.Unit = definiteBefore(toks, prev)
		}
		return q
	}
	w := arabic.Search(toks[i].Text)
	if w == "من" && i+1 < len(toks) && toks[i+1].Kind == arabic.Word {
		if mentionAt(ms, toks[i+1].Start) {
			return q // "255322 من المملكة": a place, not what is counted
		}
		i++
		w = arabic.Search(toks[i].Text)
	}
	if w == "كيلو" && i+1 < len(toks) && strings.HasPrefix(arabic.Search(toks[i+1].Text), "متر") {
		q.Unit = "كيلومتر"
		return q
	}
	if notUnit(w) {
		return q
	}
	q.Unit = singular(w)
	return q
}

// postposed number words follow the noun they count: يوم واحد، مرة واحدة.
var postposed = map[string]bool{"واحد": true, "واحده": true, "اثنان": true, "اثنين": true, "اثنتان": true, "اثنتين": true}

// scales the core leaves out: the ترليون spelling.
var scales = map[string]float64{"ترليون": 1e12, "ترليونات": 1e12, "الترليون": 1e12}

// notUnit reports a word after a number that cannot be what it counts: a
// function word (في، حتى، أي، ومنه), a single letter (هـ، م), or a verb
// of reaching (وصلت).
func notUnit(w string) bool {
	bare := strings.TrimPrefix(w, "و")
	if _, ok := arabic.ParseNumberWords(w); ok {
		return true // "3/4 أربع صور": the next number, not a noun
	}
	return (len([]rune(bare)) < 3 && !shortUnits[bare]) || arabic.IsStopword(w) || arabic.IsStopword(bare) || nonUnits[bare]
}

// shortUnits are the units of fewer than three letters.
var shortUnits = map[string]bool{"طن": true, "كم": true, "كغ": true, "سم": true, "مم": true, "ين": true}

var nonUnits = map[string]bool{"منهم": true, "منها": true, "بينهم": true, "بينها": true, "وصلت": true, "وصل": true, "مقابل": true}

func mentionAt(ms []news.Mention, start int) bool {
	for _, m := range ms {
		if m.Start <= start && start < m.End {
			return true
		}
	}
	return false
}

// definiteBefore is the definite noun before a definite number word,
// past nisba adjectives: القوى العالمية الست → قوه.
func definiteBefore(toks []arabic.Token, i int) string {
	for ; i >= 0 && toks[i].Kind == arabic.Word; i-- {
		w := arabic.Search(toks[i].Text)
		if rest, ok := strings.CutPrefix(w, "و"); ok && strings.HasPrefix(rest, "ال") {
			w = rest // والقوى
		}
		if !strings.HasPrefix(w, "ال") {
			return ""
		}
		if strings.HasSuffix(w, "يه") || strings.HasSuffix(w, "يين") {
			continue // an adjective: العالمية
		}
		return singular(w)
	}
	return ""
}

// borrowUnits gives a count with no noun after it the noun of the count
// it is listed with in the same sentence: "مقتل ثلاثة أشخاص وإصابة سبعة"
// → سبعة أشخاص; or the noun after عدد earlier in the sentence ("بلغ عدد
// الأخوة ... 407516"). Decimals (index levels), vague amounts and time
// units are not lent.
func borrowUnits(qs []news.Quantity, toks []arabic.Token, sents []arabic.Span) {
	sentOf := func(pos int) int {
		for i, s := range sents {
			if pos >= s.Start && pos < s.End {
				return i
			}
		}
		return -1
	}
	for i := range qs {
		q := &qs[i]
		if q.Unit != "" || q.Min != float64(int64(q.Min)) || q.Qualifier == news.Range || q.Qualifier == "vague" {
			continue
		}
		s := sentOf(q.Start)
		if s < 0 {
			continue
		}
		if u := countedAfterAdad(toks, sents[s].Start, q.Start); u != "" {
			q.Unit = u
			continue
		}
		best, dist := "", 1<<30
		for j, o := range qs {
			if j == i || o.Unit == "" || o.Unit == "%" || timeUnits[o.Unit] || sentOf(o.Start) != s {
				continue
			}
			d := o.Start - q.Start
			if d < 0 {
				d = -d / 2 // a noun already given is the likelier one
			}
			if d < dist {
				best, dist = o.Unit, d
			}
		}
		q.Unit = best
	}
}

// countedAfterAdad is the noun after عدد between from and to.
func countedAfterAdad(toks []arabic.Token, from, to int) string {
	for i, t := range toks {
		if t.Start < from || t.End > to || i+1 >= len(toks) || toks[i+1].End > to {
			continue
		}
		if w := arabic.Search(t.Text); (w == "عدد" || w == "وعدد") && toks[i+1].Kind == arabic.Word {
			return singular(arabic.Search(toks[i+1].Text))
		}
	}
	return ""
}

// timeUnits are the units of durations, which a date may hold (منذ
// أربعة أشهر) and which are not lent to other counts.
var timeUnits = map[string]bool{"يوم": true, "اسبوع": true, "شهر": true, "عام": true, "سنه": true, "ساعه": true, "دقيقه": true}

// dualSingular drops a dual ending from a noun before اثنين: لصين → لص.
func dualSingular(w string) string {
	if n := len([]rune(w)); n >= 4 {
		for _, suf := range []string{"ين", "ان"} {
			if strings.HasSuffix(w, suf) {
				return strings.TrimSuffix(w, suf)
			}
		}
	}
	return w
}

// singular maps a counted noun in its search form to its singular lemma,
// article stripped: the plurals news counts most often, then the sound
// plural endings, then the commonest broken-plural patterns.
func singular(w string) string {
	w = strings.TrimPrefix(w, "ال")
	if s, ok := plurals[w]; ok {
		return s
	}
	rs := []rune(w)
	n := len(rs)
	switch {
	case n >= 5 && (strings.HasSuffix(w, "ين") || strings.HasSuffix(w, "ون")):
		return strings.TrimSuffix(strings.TrimSuffix(w, "ين"), "ون") // مسافرين → مسافر
	case n >= 5 && strings.HasSuffix(w, "ات"):
		return strings.TrimSuffix(w, "ات") + "ه" // سيارات → سياره
	case n >= 5 && strings.HasSuffix(w, "يا"):
		return strings.TrimSuffix(w, "ا") // accusative nisba: يمنيا → يمني
	case n >= 4 && strings.HasSuffix(w, "ا") && !strings.HasSuffix(w, "يا"):
		return strings.TrimSuffix(w, "ا") // accusative: موهوبا → موهوب
	case n == 5 && rs[0] == 'ا' && rs[3] == 'ا':
		return string([]rune{rs[1], rs[2], rs[4]}) // أفعال: أشواط → شوط
	case n == 5 && rs[0] == 'م' && rs[2] == 'ا':
		return string([]rune{rs[0], rs[1], rs[3], rs[4]}) // مفاعل: مراكز → مركز
	case n == 4 && rs[2] == 'و' && rs[0] != 'ا':
		return string([]rune{rs[0], rs[1], rs[3]}) // فعول: ضيوف → ضيف
	}
	return w
}

// plurals are broken and sound plurals of nouns news counts, in the search
// layer, with their singular, where the patterns in singular would go
// wrong or do not reach.
var plurals = map[string]string{
	"جنود": "جندي", "جنديا": "جندي", "قوات": "قوه", "قوي": "قوه", "اشخاص": "شخص", "شخصا": "شخص",
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
	"كلم": "كيلومتر", "كم": "كيلومتر", "مترا": "متر", "امتار": "متر", "طنا": "طن", "اطنان": "طن",
	"برميلا": "برميل", "براميل": "برميل", "مليارات": "مليار", "ملايين": "مليون", "الاف": "الف",
	"مئات": "مئه", "عشرات": "عشره", "اعضاء": "عضو", "شبان": "شاب", "شباب": "شاب",
	"مباريات": "مباراه", "فرق": "فرقه", "مراحل": "مرحله", "صور": "صوره", "نجوم": "نجمه",
	"مدارس": "مدرسه", "مساجد": "مسجد", "اهداف": "هدف", "ابناء": "ابن", "اخوه": "اخ",
	"ضحايا": "ضحيه", "قري": "قريه", "سيارات": "سياره", "مناطق": "منطقه", "مشاريع": "مشروع",
	"محافظات": "محافظه", "ركاب": "راكب", "حجاج": "حاج", "اسر": "اسره", "وحدات": "وحده",
}
