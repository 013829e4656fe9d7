package extract

import (
	"strings"
	"unicode"

	"github.com/marsad/marsad/internal/arabic"
	"github.com/marsad/marsad/news"
)

// speechVerbs are reporting verbs in the search layer, without the و/ف
// conjunction. A verb reports speech only when a clause (إن/أن), a colon
// or a quotation follows its subject: "أعلن تعاقده" is not a quote.
var speechVerbs = map[string]bool{
	"قال": true, "قالت": true, "قالوا": true, "اكد": true, "اكدت": true, "اكدوا": true,
	"اوضح": true, "اوضحت": true, "اعلن": true, "اعلنت": true, "اعلنوا": true, "اشار": true,
	"اشارت": true, "ذكر": true, "ذكرت": true, "كتب": true, "كتبت": true, "صرح": true,
	"صرحت": true, "شدد": true, "شددت": true, "اضاف": true, "اضافت": true, "تابع": true,
	"تابعت": true, "لفت": true, "لفتت": true, "اعتبر": true, "اعتبرت": true, "يقول": true,
	"تقول": true, "يقولون": true, "اخبر": true, "اخبرت": true, "حذر": true, "حذرت": true,
	"افاد": true, "افادت": true, "كشف": true, "كشفت": true, "ابان": true, "ابانت": true,
	"نبه": true, "نبهت": true, "بين": true, "بينت": true, "افصح": true, "افصحت": true,
	"طالب": true, "طالبت": true, "وصف": true, "وصفت": true, "راي": true, "رات": true,
	"اردف": true, "اردفت": true, "نفي": true, "نفت": true, "اوضحوا": true, "يري": true,
	"تري": true, "يؤكد": true, "تؤكد": true, "اعترف": true, "اعترفت": true,
	"قوله": true, "قولها": true,
}

// speakerName is how a speaker is shown: the entity's canonical name,
// unless the text names someone the entity's name does not hold (سارة
// أوباما resolved to the president's entity).
func speakerName(m news.Mention) string {
	if m.Text == "" || len(strings.Fields(m.Text)) < 2 || strings.Contains(arabic.NameKey(m.Name), arabic.NameKey(m.Text)) {
		return m.Name
	}
	return m.Text
}

// continuationVerbs go on with the last speaker when no subject follows
// them: "وأضاف: ...".
var continuationVerbs = map[string]bool{"اضاف": true, "اضافت": true, "تابع": true, "تابعت": true, "اردف": true, "اردفت": true}

// participleStems open a further quote by the speaker of the clause they
// hang on: "أكد أن A، مبيناً أن B، مشيراً إلى أن C" is three quotes.
var participleStems = []string{
	"قائل", "مضيف", "مؤكد", "موضح", "مشير", "مبين", "لافت", "منوه", "كاشف", "مشدد",
	"معتبر", "متوقع", "معيد", "مردف", "محذر", "معلن", "مفيد", "مطالب", "متابع",
}

// quoteMarks pair opening and closing quotation marks; some outlets
// write »…«.
var quoteMarks = map[rune]rune{'“': '”', '«': '»', '"': '"', '„': '“', '»': '«'}

// trigger is a reporting verb or participle and what follows it: the
// subject words (subj) up to the opener (a complementiser, a colon or a
// quotation mark), or no opener when the verb takes a noun object.
type trigger struct {
	tok        int    // index of the verb in the token list
	participle bool   // قائلاً، مضيفاً ...: no subject of its own
	subjFrom   int    // first token after the verb
	opener     int    // token index of the opener, -1 when none
	kind       string // "that", "colon" or "mark"
}

// Quotes returns what the article reports people and organisations said:
// direct quotes in quotation marks or after a colon, indirect speech
// (قال ... إن ...), and clauses attributed afterwards (كما قال X، بحسب
// X), each with its speaker resolved to an entity where one is named.
func Quotes(a news.Article) []news.Quote {
	rs := []rune(a.Text)
	toks := arabic.Tokens(a.Text)
	trs := findTriggers(rs, toks)
	var out []news.Quote
	var last news.Mention                 // the last speaker, for "وأضاف: ..."
	sentSpeaker := map[int]news.Mention{} // sentence start → its verb's subject
	used := map[[2]int]bool{}             // quoted spans already taken
	for ti, tr := range trs {
		if tr.participle && tr.opener < 0 {
			continue // "، متوقعاً ارتفاع ...": ends a clause, reports none
		}
		vt := toks[tr.tok]
		sent := sentenceStart(rs, vt.Start)
		spk, ok := news.Mention{}, false
		verb := strings.TrimLeft(arabic.Search(vt.Text), "وف")
		switch {
		case tr.participle:
			spk, ok = sentSpeaker[sent]
			if !ok {
				spk, ok = speakerBefore(a.Entities, sent, vt.Start, false)
			}
		case verb == "قوله" || verb == "قولها":
			// "نقلت تقارير عن رئيس الوزراء قوله إن": the original speaker.
			from := tr.tok
			for from > 0 && tr.tok-from < 8 && arabic.Search(toks[from-1].Text) != "عن" {
				from--
			}
			if from > 0 && tr.tok-from < 8 {
				spk, ok = subject(rs, toks, a.Entities, from, vt.Start, last)
			}
		default:
			end := len(rs)
			if tr.opener >= 0 {
				end = toks[tr.opener].Start
			} else {
				end = sentenceEnd(rs, vt.End)
			}
			spk, ok = subject(rs, toks, a.Entities, tr.subjFrom, end, last)
			if !ok && !continuationVerbs[verb] {
				// "وكانت الوزارة أعلنت أنها": the subject before the verb.
				spk, ok = speakerBefore(a.Entities, sent, vt.Start, false)
				if !ok {
					spk, ok = subjectAfterKana(rs, toks, a.Entities, sent, tr.tok, last)
				}
			}
		}
		if !ok && last.Name != "" {
			spk, ok = last, true
		}
		if ok && !tr.participle {
			sentSpeaker[sent] = spk
		}
		if ok {
			last = spk
		}
		q := news.Quote{Verb: vt.Text, Speaker: speakerName(spk), SpeakerID: spk.ID}
		if tr.opener < 0 {
			// «...»، قال X: a quotation closed just before the verb.
			if d, ok := quoteBefore(rs, sent, vt.Start); ok && !used[d] {
				used[d] = true
				q.Text, q.Direct = strings.TrimSpace(string(rs[d[0]:d[1]])), true
				out = appendQuote(out, q, a.Entities, d)
			}
			continue
		}
		op := toks[tr.opener]
		bound := clauseEnd(rs, toks, a.Entities, trs, ti, op.End)
		switch tr.kind {
		case "mark":
			d := markedSpan(rs, op.Start)
			if !used[d] {
				used[d] = true
				q.Text, q.Direct = strings.TrimSpace(string(rs[d[0]:d[1]])), true
				out = appendQuote(out, q, a.Entities, d)
			}
		case "colon":
			start := skipSpace(rs, op.End)
			if tr.opener+1 < len(toks) && complementisers[arabic.Search(toks[tr.opener+1].Text)] {
				// "وقال: إن ...": the clause after إن, indirect.
				q.Text = clauseText(rs, skipSpace(rs, toks[tr.opener+1].End), bound)
				out = appendQuote(out, q, nil, [2]int{start, bound})
				continue
			}
			if start < len(rs) && isOpenMark(rs[start]) {
				d := markedSpan(rs, start)
				if !used[d] {
					used[d] = true
					q.Text, q.Direct = strings.TrimSpace(string(rs[d[0]:d[1]])), true
					out = appendQuote(out, q, a.Entities, d)
				}
				continue
			}
			q.Text, q.Direct = clauseText(rs, start, bound), true
			out = appendQuote(out, q, nil, [2]int{start, bound})
		case "that":
			start := skipSpace(rs, op.End)
			if start < len(rs) && isOpenMark(rs[start]) {
				// "قال إن «...»": direct when the marks hold the whole clause.
				d := markedSpan(rs, start)
				if rest := strings.TrimFunc(string(rs[min(d[1]+1, len(rs)):max(bound, min(d[1]+1, len(rs)))]), notWord); rest == "" {
					if !used[d] {
						used[d] = true
						q.Text, q.Direct = strings.TrimSpace(string(rs[d[0]:d[1]])), true
						out = appendQuote(out, q, a.Entities, d)
					}
					continue
				}
			}
			q.Text = clauseText(rs, start, bound)
			out = appendQuote(out, q, nil, [2]int{start, bound})
		}
	}
	out = append(out, attributed(rs, toks, a.Entities, trs, out)...)
	return out
}

// appendQuote keeps quotes of three words and more that are not just an
// entity's name: scare quotes (“بطل”) and quoted names («كيم جونج أون»)
// are not quotes.
func appendQuote(out []news.Quote, q news.Quote, ms []news.Mention, span [2]int) []news.Quote {
	if len(strings.Fields(q.Text)) < 3 || (ms != nil && isMention(ms, span[0], span[1])) {
		return out
	}
	return append(out, q)
}

func notWord(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }

// findTriggers lists the reporting verbs and participles of the text with
// their openers.
func findTriggers(rs []rune, toks []arabic.Token) []trigger {
	var out []trigger
	for i, t := range toks {
		if t.Kind != arabic.Word {
			continue
		}
		w := arabic.Search(t.Text)
		verb, part := false, false
		for _, c := range []string{w, strings.TrimPrefix(w, "و"), strings.TrimPrefix(w, "ف")} {
			verb = verb || speechVerbs[c]
			part = part || participle(c)
		}
		if !verb && !part {
			continue
		}
		tr := trigger{tok: i, participle: part && !verb, subjFrom: i + 1, opener: -1}
		end := sentenceEnd(rs, t.End)
		if lineBreakAfter(rs, t.End) {
			end = sentenceEnd(rs, skipSpace(rs, t.End))
		}
		words := 0
		for j := i + 1; j < len(toks) && toks[j].Start < end; j++ {
			tj := toks[j]
			if tj.Kind == arabic.Punct {
				if strings.Contains(tj.Text, ":") {
					tr.opener, tr.kind = j, "colon"
					break
				}
				if r := []rune(tj.Text)[0]; isOpenMark(r) {
					if glued := tj.Start > 0 && !unicode.IsSpace(rs[tj.Start-1]); j == i+1 || !glued && !inName(rs, toks, j) {
						tr.opener, tr.kind = j, "mark"
						break
					}
					// A quoted name in the subject (لـ"الرياض"، موقع "بي سي
					// ماجازين"): go on after its closing mark.
					for j+1 < len(toks) && !(toks[j+1].Kind == arabic.Punct && isOpenMark([]rune(toks[j+1].Text)[0])) {
						j++
					}
					j++
				}
				continue
			}
			wj := arabic.Search(tj.Text)
			if j == i+1 && wj == "عن" {
				break // كشف عن خطة: a noun object
			}
			if complementisers[wj] {
				if j > i+1 && governors[arabic.Search(toks[j-1].Text)] {
					continue // "خاصة أن"، "على أن": not the verb's clause
				}
				tr.opener, tr.kind = j, "that"
				break
			}
			if speechVerbs[strings.TrimPrefix(wj, "و")] || participle(wj) {
				break // the next report: this verb took a noun object
			}
			if words++; words > 20 {
				break
			}
		}
		// بيّن is spelled like the preposition بين: only a clause right
		// after it makes it a verb.
		if bare := strings.TrimLeft(w, "وف"); (bare == "بين" || bare == "راي") && tr.opener != i+1 {
			continue
		}
		out = append(out, tr)
	}
	return out
}

// inName reports a quotation mark that opens a name or title inside the
// subject: لـ"الرياض"، موقع "بي سي ماجازين". The mark is glued to a
// preposition or follows a word that names it.
func inName(rs []rune, toks []arabic.Token, j int) bool {
	d := markedSpan(rs, toks[j].Start)
	if d[1] >= len(rs) || len(strings.Fields(string(rs[d[0]:d[1]]))) > 3 {
		return false
	}
	// A short quoted span followed by more subject words or the clause.
	rest := strings.TrimLeftFunc(string(rs[min(d[1]+1, len(rs)):]), unicode.IsSpace)
	for _, w := range strings.Fields(rest)[:min(8, len(strings.Fields(rest)))] {
		if complementisers[arabic.Search(strings.Trim(w, "،,"))] {
			return true
		}
	}
	return false
}

// governors take an أن clause of their own: خاصة أن، على أن، رغم أن.
var governors = map[string]bool{"خاصه": true, "علي": true, "رغم": true, "بعد": true, "قبل": true, "حتي": true, "الا": true, "دون": true, "بدون": true, "من": true}

var complementisers = map[string]bool{
	"ان": true, "انه": true, "انها": true, "انهم": true, "انهما": true, "اننا": true,
	"بان": true, "بانه": true, "بانها": true, "بانهم": true, "وان": true,
}

func participle(w string) bool {
	w = strings.TrimLeft(w, "و")
	for _, s := range participleStems {
		if rest, ok := strings.CutPrefix(w, s); ok && (rest == "ا" || rest == "ه" || rest == "ين" || rest == "") && rest != "" {
			return true
		}
	}
	return false
}

func isOpenMark(r rune) bool { _, ok := quoteMarks[r]; return ok }

// markedSpan is the text inside the quotation mark at open: up to its
// closing mark, or to the end of the paragraph when it is never closed.
func markedSpan(rs []rune, open int) [2]int {
	closer := quoteMarks[rs[open]]
	for j := open + 1; j < len(rs); j++ {
		if rs[j] == closer || (closer == '”' && rs[j] == '"') {
			return [2]int{open + 1, j}
		}
		if rs[j] == '\n' && j > open+1 && rs[j-1] != ' ' && j+1 < len(rs) && rs[j+1] == '\n' {
			return [2]int{open + 1, j}
		}
	}
	end := open + 1
	for end < len(rs) && rs[end] != '\n' {
		end++
	}
	return [2]int{open + 1, end}
}

// quoteBefore finds a quotation that ends right before the verb in the
// same sentence: «...»، قال المتحدث.
func quoteBefore(rs []rune, sent, verb int) ([2]int, bool) {
	j := verb - 1
	for j > sent && (unicode.IsSpace(rs[j]) || rs[j] == '،' || rs[j] == ',' || rs[j] == 'و') {
		j--
	}
	if j <= sent {
		return [2]int{}, false
	}
	for open, closer := range quoteMarks {
		if rs[j] != closer {
			continue
		}
		for k := j - 1; k >= sent; k-- {
			if rs[k] == open {
				return [2]int{k + 1, j}, true
			}
		}
	}
	return [2]int{}, false
}

// sentenceStart is where the sentence holding pos begins: after the last
// full stop, question mark or line break before it.
func sentenceStart(rs []rune, pos int) int {
	for i := pos - 1; i >= 0; i-- {
		if rs[i] == '\n' || (isStop(rs[i]) && (i+1 >= len(rs) || unicode.IsSpace(rs[i+1]))) {
			return i + 1
		}
	}
	return 0
}

// sentenceEnd is where the sentence holding pos ends: at a full stop,
// question or exclamation mark followed by a space, or a line break. A
// point inside a number or an abbreviation (أر.إم) does not end it.
func sentenceEnd(rs []rune, pos int) int {
	for i := pos; i < len(rs); i++ {
		if rs[i] == '\n' {
			return i
		}
		if isStop(rs[i]) && (i+1 >= len(rs) || unicode.IsSpace(rs[i+1])) {
			return i
		}
	}
	return len(rs)
}

func isStop(r rune) bool { return r == '.' || r == '!' || r == '؟' || r == '?' }

func lineBreakAfter(rs []rune, pos int) bool {
	for i := pos; i < len(rs) && unicode.IsSpace(rs[i]); i++ {
		if rs[i] == '\n' {
			return true
		}
	}
	return false
}

func skipSpace(rs []rune, pos int) int {
	for pos < len(rs) && unicode.IsSpace(rs[pos]) {
		pos++
	}
	return pos
}

// clauseEnd is where a reported clause starting at from ends: the end of
// its sentence, or the next report inside it ("، مضيفاً أن"، "وأضاف"،
// "كما أضاف"، "لكنه نبه إلى أن").
func clauseEnd(rs []rune, toks []arabic.Token, ms []news.Mention, trs []trigger, ti, from int) int {
	end := sentenceEnd(rs, skipSpace(rs, from))
	for _, next := range trs[ti+1:] {
		s := toks[next.tok].Start
		if s >= end {
			break
		}
		if s > from && (next.opener >= 0 || next.participle) {
			return s
		}
	}
	if a := attributionAt(toks, ms, from, end); a >= 0 {
		return a
	}
	return end
}

// trailing words are the narrator's links before the next report.
var trailing = map[string]bool{"و": true, "لكنه": true, "لكنها": true, "ولكنه": true, "ولكنها": true, "كما": true, "فيما": true, "ثم": true, "بينما": true}

// clauseText is the reported clause [start, end), without the narrator's
// links and punctuation at its end.
func clauseText(rs []rune, start, end int) string {
	if start >= end {
		return ""
	}
	s := strings.TrimRightFunc(string(rs[start:end]), func(r rune) bool { return unicode.IsSpace(r) || r == '،' || r == ',' || r == '.' })
	for {
		i := strings.LastIndexAny(s, " \n")
		if i < 0 || !trailing[arabic.Search(s[i+1:])] {
			break
		}
		s = strings.TrimRightFunc(s[:i], func(r rune) bool { return unicode.IsSpace(r) || r == '،' || r == ',' })
	}
	return s
}

// isSpeaker: people and organisations speak, and so do countries in news
// usage ("أكدت كوريا الشمالية أنها ..."), for their governments.
func isSpeaker(m news.Mention) bool { return m.Type != news.MISC }

// isMention reports a quoted span that is only an entity's name.
func isMention(ms []news.Mention, start, end int) bool {
	for _, m := range ms {
		if m.Start <= start+1 && m.End >= end-1 {
			return true
		}
	}
	return false
}

// speakerBefore is the last entity that can speak between from and to:
// the subject of the clause a participle hangs on.
// Places are left out unless places is set: "دخلوا البحرين، مشيرة إلى
// أن" is not Bahrain speaking.
func speakerBefore(ms []news.Mention, from, to int, places bool) (news.Mention, bool) {
	var found news.Mention
	ok := false
	for _, m := range ms {
		if m.Start >= from && m.End <= to && isSpeaker(m) && (places || m.Type != news.LOC) {
			if !ok || m.Type == news.PER || found.Type != news.PER {
				found, ok = m, true
			}
		}
	}
	return found, ok
}
