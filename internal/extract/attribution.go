package extract

import (
	"strings"

	"github.com/marsad/marsad/internal/arabic"
	"github.com/marsad/marsad/news"
)

// attributions put the source after the words: "..., كما قال X",
// "حسبما أعلن X", "بحسب X", "وفق بيان X", "نقلا عن X".
var attributions = map[string]bool{"بحسب": true, "حسب": true, "وفق": true, "وفقا": true, "حسبما": true, "طبقا": true, "نقلا": true}

// sourceNouns may follow بحسب/وفق as the source: "بحسب بيان"، "وفق المصدر".
var sourceNouns = map[string]bool{
	"بيان": true, "البيان": true, "مصدر": true, "المصدر": true, "مصادر": true, "المصادر": true,
	"وكاله": true, "صحيفه": true, "الصحيفه": true, "موقع": true, "تقرير": true, "التقرير": true,
	"قوله": true, "قولها": true, "ما": true, "تصريحات": true, "مسؤول": true, "مسؤولين": true,
	"مسؤولون": true, "متحدث": true, "المتحدث": true,
}

// attributionWord reports whether token i opens an attribution of speech
// and returns the index of the first token naming the source.
func attributionWord(toks []arabic.Token, ms []news.Mention, i int) (int, bool) {
	if toks[i].Kind != arabic.Word {
		return 0, false
	}
	w := strings.TrimPrefix(arabic.Search(toks[i].Text), "و")
	if w == "كما" || w == "حسبما" {
		if i+1 < len(toks) && speechVerbs[arabic.Search(toks[i+1].Text)] {
			return i + 2, true
		}
		return 0, false
	}
	if !attributions[w] || i+1 >= len(toks) {
		return 0, false
	}
	j := i + 1
	if w == "نقلا" && j < len(toks) && arabic.Search(toks[j].Text) == "عن" {
		j++
	}
	if j >= len(toks) || toks[j].Kind != arabic.Word {
		return 0, false
	}
	next := arabic.Search(toks[j].Text)
	_, bare := arabic.Clitics(next)
	if sourceNouns[next] || sourceNouns[bare] || mentionAt(ms, toks[j].Start) && speakerMention(ms, toks[j].Start) {
		if next == "بيان" || next == "البيان" || next == "تصريحات" {
			if j+1 < len(toks) && toks[j+1].Kind == arabic.Word && (mentionAt(ms, toks[j+1].Start) || strings.HasPrefix(arabic.Search(toks[j+1].Text), "ل")) {
				j++ // وفق بيان لوزارة الداخلية: the body that issued it
			}
		}
		return j, true
	}
	return 0, false
}

func speakerMention(ms []news.Mention, pos int) bool {
	for _, m := range ms {
		if m.Start <= pos && pos < m.End {
			return isSpeaker(m)
		}
	}
	return false
}

// attributionAt is the start of the first attribution inside [from, to),
// where a reported clause ends; -1 when none.
func attributionAt(toks []arabic.Token, ms []news.Mention, from, to int) int {
	for i, t := range toks {
		if t.Start <= from || t.Start >= to {
			continue
		}
		if _, ok := attributionWord(toks, ms, i); ok {
			return t.Start
		}
	}
	return -1
}

// attributed returns the clauses attributed by an attribution word that
// no reporting verb already covers: the words from the sentence start to
// "كما قال X" / "بحسب X", or, with the attribution opening the sentence,
// the words after its source.
func attributed(rs []rune, toks []arabic.Token, ms []news.Mention, trs []trigger, have []news.Quote) []news.Quote {
	var out []news.Quote
	var last news.Mention
	for i := range toks {
		src, ok := attributionWord(toks, ms, i)
		if !ok {
			continue
		}
		t := toks[i]
		sent := sentenceStart(rs, t.Start)
		end := sentenceEnd(rs, t.End)
		spk, ok := subject(rs, toks, ms, src, end, last)
		if !ok {
			continue
		}
		var text string
		before := clauseText(rs, sent, t.Start)
		srcEnd := src
		for srcEnd < len(toks) && toks[srcEnd].Start < end && toks[srcEnd].Kind == arabic.Word && !endsSubject(arabic.Search(toks[srcEnd].Text), false) {
			srcEnd++
		}
		after := 0
		for k := srcEnd; k < len(toks) && toks[k].Start < end; k++ {
			if toks[k].Kind == arabic.Word {
				after++
			}
		}
		if after < 4 && len(strings.Fields(before)) >= 4 {
			text = before // "..., كما قال X."
		} else {
			// "وبحسب المصدر نفسه، كانوا يخططون ...": the words after the source.
			k := src
			for k < len(toks) && toks[k].Start < end && toks[k].Kind == arabic.Word && !endsSubject(arabic.Search(toks[k].Text), false) {
				k++
			}
			if k >= len(toks) || toks[k].Start >= end {
				continue
			}
			from := toks[k].Start
			if toks[k].Kind == arabic.Punct {
				from = toks[k].End
			}
			text = clauseText(rs, skipSpace(rs, from), end)
		}
		if len(strings.Fields(text)) < 3 || covered(text, have) {
			continue
		}
		last = spk
		out = append(out, news.Quote{Verb: t.Text, Speaker: spk.Name, SpeakerID: spk.ID, Text: text})
	}
	return out
}

// covered reports a clause that a quote already found holds.
func covered(text string, qs []news.Quote) bool {
	for _, q := range qs {
		if strings.Contains(q.Text, text) || strings.Contains(text, q.Text) {
			return true
		}
	}
	return false
}
