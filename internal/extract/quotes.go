package extract

import (
	"strings"

	"github.com/marsad/marsad/internal/arabic"
	"github.com/marsad/marsad/news"
)

// speechVerbs are reporting verbs in the search layer, without the و/ف
// conjunction; continuation verbs reuse the last speaker when no subject
// follows them.
var speechVerbs = map[string]bool{
	"قال": true, "قالت": true, "اكد": true, "اكدت": true, "اوضح": true, "اوضحت": true,
	"اعلن": true, "اعلنت": true, "اشار": true, "اشارت": true, "ذكر": true, "ذكرت": true,
	"كتب": true, "كتبت": true, "صرح": true, "صرحت": true, "شدد": true, "شددت": true,
	"اضاف": true, "اضافت": true, "تابع": true, "تابعت": true, "لفت": true, "لفتت": true,
	"اعتبر": true, "اعتبرت": true, "يقول": true, "تقول": true, "يقولون": true, "اخبر": true,
	"حذر": true, "حذرت": true, "دعا": true, "دعت": true, "افاد": true, "افادت": true,
	// Participles that introduce a quote after the clause naming the
	// speaker: "أعرب بوتين عن شكره، قائلاً: ...".
	"قائلا": true, "قائله": true, "مضيفا": true, "مضيفه": true, "مؤكدا": true, "مؤكده": true,
	"موضحا": true, "موضحه": true, "مشيرا": true, "مشيره": true,
}

var continuationVerbs = map[string]bool{"اضاف": true, "اضافت": true, "تابع": true, "تابعت": true}

// quoteMarks pair opening and closing quotation marks.
var quoteMarks = map[rune]rune{'“': '”', '«': '»', '"': '"', '„': '“'}

// Quotes returns what the article reports people and organisations said:
// direct quotes in quotation marks and indirect speech (قال ... إن ...),
// each with its speaker resolved to an entity where one is named.
func Quotes(a news.Article) []news.Quote {
	rs := []rune(a.Text)
	toks := arabic.Tokens(a.Text)
	var out []news.Quote
	var last news.Mention // the last speaker, for "وأضاف: ..."
	for _, sp := range arabic.Sentences(a.Text) {
		var st []arabic.Token
		for _, t := range toks {
			if t.Start >= sp.Start && t.End <= sp.End {
				st = append(st, t)
			}
		}
		vi, verb := findVerb(st)
		if vi < 0 {
			continue
		}
		q := news.Quote{Verb: verb}
		direct := quotedSpans(rs, sp.Start, sp.End)
		// The speaker: a person or organisation named after the verb
		// (before the quote or إن), else before the verb.
		limit := sp.End
		if len(direct) > 0 && direct[0][0] > st[vi].End {
			limit = direct[0][0]
		}
		thatAt := -1
		for j := vi + 1; j < len(st); j++ {
			if w := arabic.Search(st[j].Text); w == "ان" || w == "انه" || w == "انها" || w == "بان" {
				thatAt = j
				if st[j].Start < limit {
					limit = st[j].Start
				}
				break
			}
		}
		spk, ok := speakerIn(a.Entities, st[vi].End, limit)
		if participle(st[vi].Text) {
			// The speaker is the subject of the clause before it.
			ok = false
		}
		if !ok {
			spk, ok = speakerBefore(a.Entities, sp.Start, st[vi].Start)
		}
		if !ok && continuationVerbs[strings.TrimPrefix(arabic.Search(st[vi].Text), "و")] && last.ID != "" {
			spk, ok = last, true
		}
		if ok {
			q.Speaker, q.SpeakerID = spk.Name, spk.ID
			last = spk
		} else if thatAt > vi+1 && !participle(st[vi].Text) {
			// No named speaker: the words between the verb and إن name one
			// ("قال مصدر أمني إن", "أكد المتحدث باسم الوزارة أن").
			if d := description(rs, st[vi+1:thatAt]); d != "" {
				q.Speaker = d
				last = news.Mention{Name: d}
			}
		}
		switch {
		case len(direct) > 0:
			for _, d := range direct {
				text := strings.TrimSpace(string(rs[d[0]:d[1]]))
				// Scare quotes (“بطل”) and quoted names («كيم جونج أون»)
				// are not quotes.
				if len(strings.Fields(text)) < 3 || isMention(a.Entities, d[0], d[1]) {
					continue
				}
				qq := q
				qq.Text, qq.Direct = text, true
				out = append(out, qq)
			}
		case thatAt >= 0 && thatAt+1 < len(st):
			q.Text = strings.TrimSpace(string(rs[st[thatAt+1].Start:sp.End]))
			if len(strings.Fields(q.Text)) >= 3 {
				out = append(out, q)
			}
		}
	}
	return out
}

// description is a speaker described rather than named: up to six words,
// with no punctuation, a number or a function word opening it.
func description(rs []rune, toks []arabic.Token) string {
	if len(toks) == 0 || len(toks) > 6 {
		return ""
	}
	for _, t := range toks {
		if t.Kind != arabic.Word {
			return ""
		}
	}
	if arabic.IsStopword(arabic.Search(toks[0].Text)) {
		return ""
	}
	return string(rs[toks[0].Start:toks[len(toks)-1].End])
}

// findVerb returns the first reporting verb of a sentence.
func findVerb(st []arabic.Token) (int, string) {
	for i, t := range st {
		if t.Kind != arabic.Word {
			continue
		}
		w := arabic.Search(t.Text)
		for _, c := range []string{w, strings.TrimPrefix(w, "و"), strings.TrimPrefix(w, "ف")} {
			if speechVerbs[c] {
				return i, t.Text
			}
		}
	}
	return -1, ""
}

// quotedSpans returns the rune spans inside paired quotation marks that
// open within [start, end); a quote may run past the sentence end.
func quotedSpans(rs []rune, start, end int) [][2]int {
	var out [][2]int
	for i := start; i < end; i++ {
		closer, ok := quoteMarks[rs[i]]
		if !ok {
			continue
		}
		for j := i + 1; j < len(rs); j++ {
			if rs[j] == closer || (closer == '”' && rs[j] == '"') {
				out = append(out, [2]int{i + 1, j})
				i = j
				break
			}
		}
	}
	return out
}

// isSpeaker: people and organisations speak, and so do countries in news
// usage ("أكدت كوريا الشمالية أنها ..."), for their governments.
func isSpeaker(m news.Mention) bool { return m.Type != news.MISC }

// speakerIn returns the first entity after the verb, if it is one that can
// speak: the verb's subject in Arabic's verb-first order.
func speakerIn(ms []news.Mention, from, to int) (news.Mention, bool) {
	for _, m := range ms {
		if m.Start >= from && m.End <= to {
			return m, isSpeaker(m)
		}
	}
	return news.Mention{}, false
}

func participle(verb string) bool {
	w := arabic.Search(verb)
	return strings.HasPrefix(w, "قائل") || strings.HasPrefix(w, "مضيف") || strings.HasPrefix(w, "مؤكد") ||
		strings.HasPrefix(w, "موضح") || strings.HasPrefix(w, "مشير")
}

// isMention reports a quoted span that is only an entity's name.
func isMention(ms []news.Mention, start, end int) bool {
	for _, m := range ms {
		if m.Start <= start+1 && m.End >= end-1 {
			return true
		}
	}
	return false
}

func speakerBefore(ms []news.Mention, from, to int) (news.Mention, bool) {
	var found news.Mention
	ok := false
	for _, m := range ms {
		if m.Start >= from && m.End <= to && isSpeaker(m) {
			found, ok = m, true
		}
	}
	return found, ok
}
