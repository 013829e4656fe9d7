package extract

import (
	"strings"

	"github.com/marsad/marsad/internal/arabic"
	"github.com/marsad/marsad/news"
)

// subject is the speaker named between a reporting verb and its opener
// (tokens from the index from, up to the rune offset end): a person named
// there (a person speaking for a body is the speaker), else the
// description that opens the words ("مدير مدارس الرياض", "مصدر أمني"),
// with the entity it starts with when there is one. "المصدر نفسه" is the
// last speaker. No subject (وأضاف: ...) gives false.
func subject(rs []rune, toks []arabic.Token, ms []news.Mention, from, end int, last news.Mention) (news.Mention, bool) {
	if from >= len(toks) || toks[from].Start >= end {
		return news.Mention{}, false
	}
	start := toks[from].Start
	for _, m := range ms {
		if m.Type == news.PER && m.Start >= start && m.End <= end && !namesake(toks, from, m) {
			if full, ok := bySurname(ms, []arabic.Token{{Text: m.Text}}, m.Start); ok && len(strings.Fields(arabic.NameKey(m.Name))) < 2 {
				return full, true // "الدكتور علام" after "محمد مهدي علام"
			}
			return m, true
		}
	}
	var words []arabic.Token
	j := from
	for ; j < len(toks) && toks[j].Start < end && len(words) < 6; j++ {
		t := toks[j]
		w := arabic.Search(t.Text)
		if len(words) == 1 && w == "في" && sourceNouns[arabic.Search(words[0].Text)] {
			words = append(words, t) // "مسؤول في الشركة الهندية"
			continue
		}
		if t.Kind != arabic.Word || endsSubject(w, len(words) == 0) {
			break
		}
		words = append(words, t)
	}
	if len(words) <= 1 && j < len(toks) && toks[j].Start < end && toks[j].Kind == arabic.Punct && isOpenMark([]rune(toks[j].Text)[0]) {
		// وذكرت صحيفة «ذا صن»، وأوضح "المطرودي": the quoted name.
		d := markedSpan(rs, toks[j].Start)
		if name := strings.TrimSpace(string(rs[d[0]:d[1]])); name != "" && len(strings.Fields(name)) <= 4 {
			return news.Mention{Name: name}, true
		}
	}
	if len(words) == 0 {
		return news.Mention{}, false
	}
	d := string(rs[words[0].Start:words[len(words)-1].End])
	for _, w := range words {
		if s := arabic.Search(w.Text); s == "نفسه" || s == "ذاته" || s == "نفسها" || s == "ذاتها" {
			return last, last.Name != ""
		}
	}
	for _, m := range ms {
		if isSpeaker(m) && m.Start <= words[0].Start && m.End > words[0].Start {
			return m, true // an adverb after the name (رسمياً) is not part of it
		}
	}
	if len(words) == 1 && personal[arabic.Search(words[0].Text)] {
		return news.Mention{}, false // بدوره، أيضاً
	}
	if m, ok := bySurname(ms, words, start); ok {
		return m, true // "الدكتور علام" after "محمد مهدي علام"
	}
	if f := strings.Fields(arabic.NameKey(last.Name)); len(words) <= 3 && len(f) >= 2 && f[len(f)-1] == arabic.NameKey(words[len(words)-1].Text) {
		return last, true // the same, when the recogniser missed the name
	}
	return news.Mention{Name: d}, true
}

// facilityHeads (search layer) open the names of places and bodies named
// after a person: «مطار الملك عبدالعزيز الدولي», «جامعة الملك سعود»,
// «مستشفى الأمير سلطان». The director of one is often the speaker.
var facilityHeads = map[string]bool{
	"مطار": true, "جامعه": true, "مستشفي": true, "مدينه": true, "ميناء": true,
	"شارع": true, "طريق": true, "مركز": true, "قاعده": true, "مسجد": true,
	"جامع": true, "استاد": true, "ملعب": true, "كليه": true, "معهد": true,
	"مجمع": true, "جسر": true, "مؤسسه": true, "جائزه": true, "برنامج": true,
}

// royalTitles (search layer) stand between a facility head and the person
// it is named after.
var royalTitles = map[string]bool{"الملك": true, "الامير": true, "الاميره": true, "الشيخ": true, "الملكه": true}

// namesake reports whether person m, named after token from, is the
// namesake of a facility rather than a speaker: the word before it is a
// facility head, or a royal title after one. A tagger that reads «مطار
// الملك عبدالعزيز الدولي محمد العقيل» as two people would otherwise give
// the quote to the king.
func namesake(toks []arabic.Token, from int, m news.Mention) bool {
	i := from
	for i < len(toks) && toks[i].Start < m.Start {
		i++
	}
	word := func(k int) string {
		if k < from || toks[k].Kind != arabic.Word {
			return ""
		}
		return arabic.Search(toks[k].Text)
	}
	w := word(i - 1)
	return facilityHeads[w] || royalTitles[w] && facilityHeads[word(i-2)]
}

// endsSubject reports a word that closes the subject: a function word, a
// preposition glued to a noun (لـ"الرياض"، للحضور), a time word (اليوم،
// أمس، الجمعة) or a relative pronoun (الذي دشن البرنامج).
func endsSubject(w string, first bool) bool {
	if arabic.IsStopword(w) || subjectStops[w] || subjectStops[strings.TrimPrefix(w, "و")] {
		return true
	}
	if strings.HasPrefix(w, "لل") || (strings.HasPrefix(w, "ل") && len([]rune(w)) <= 2) {
		return true
	}
	return first && personal[w]
}

var subjectStops = map[string]bool{
	"اليوم": true, "امس": true, "غدا": true, "صباح": true, "مساء": true, "الاحد": true,
	"الاثنين": true, "الثلاثاء": true, "الاربعاء": true, "الخميس": true, "الجمعه": true,
	"السبت": true, "الذي": true, "التي": true, "الذين": true, "خلال": true, "في": true,
	"عبر": true, "الي": true, "علي": true, "امام": true, "لدي": true, "ان": true,
	"بدوره": true, "بدورها": true, "ايضا": true, "كذلك": true, "اثناء": true, "خلاله": true,
	"لـ": true, "ل": true, "تصريح": true, "تصريحات": true, "بيان": true, "حديث": true,
	"مؤتمر": true, "لقاء": true, "كلمه": true, "اثر": true, "عقب": true, "بعد": true, "قبل": true,
}

// personal words stand where a subject would and name none.
var personal = map[string]bool{"بدوره": true, "بدورها": true, "ايضا": true, "كذلك": true, "للحضور": true}

// bySurname finds the person named earlier whose last name ends a
// described subject: a title and a surname ("الدكتور علام").
func bySurname(ms []news.Mention, words []arabic.Token, before int) (news.Mention, bool) {
	if len(words) > 3 {
		return news.Mention{}, false
	}
	last := arabic.NameKey(words[len(words)-1].Text)
	for i := len(ms) - 1; i >= 0; i-- {
		m := ms[i]
		if m.Type != news.PER || m.Start >= before {
			continue
		}
		f := strings.Fields(arabic.NameKey(m.Text))
		if len(f) >= 2 && f[len(f)-1] == last {
			return m, true
		}
	}
	return news.Mention{}, false
}

// subjectAfterKana is the subject written between كان and a verb that
// follows it: "وكانت وزارة الداخلية أعلنت".
func subjectAfterKana(rs []rune, toks []arabic.Token, ms []news.Mention, sent, verb int, last news.Mention) (news.Mention, bool) {
	for i := verb - 1; i >= 0 && toks[i].Start >= sent && verb-i <= 7; i-- {
		switch strings.TrimLeft(arabic.Search(toks[i].Text), "وف") {
		case "كان", "كانت", "قد":
			if i+1 < verb {
				return subject(rs, toks, ms, i+1, toks[verb].Start, last)
			}
			return news.Mention{}, false
		}
	}
	return news.Mention{}, false
}
