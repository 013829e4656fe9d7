// Package entities finds people, places and organisations in article text
// and resolves each spelling to one identity: name keys and phonetic
// classes join transliteration variants (بوتين، بوتن), clitics are
// stripped only when the rest is a known name (وبوتين، لموسكو), partial
// mentions join the full name seen in the same article (كيم → كيم جونغ
// أون when no other Kim is in play), and machine-translation garbles are
// repaired against known names ("لاي ديمر بوتين").
//
// It is pure and holds only read-only tables after New.
package entities

import (
	"sort"
	"strings"
	"unicode"

	"github.com/marsad/marsad/internal/arabic"
	"github.com/marsad/marsad/news"
)

// Recognizer finds and resolves entity mentions.
type Recognizer struct {
	exact   map[string]*entry         // name key of a variant → entity
	phon    map[string][]soundVariant // word-by-word skeleton of a multi-word variant
	partial map[string][]*entry       // first word of a multi-word person name
	loose   map[string][]*entry       // looseKey of a variant → entities
	byID    map[string]*entry
	maxLen  int // words in the longest variant
	// first and firstSound hold the first word of every variant, by name
	// key and by sound: most words open no name, and these reject them
	// with one lookup.
	first, firstSound map[string]bool
}

// soundVariant is a multi-word variant reachable by sound.
type soundVariant struct {
	e     *entry
	words []string // the variant's name-key words
}

// minPhonetic is the shortest phonetic skeleton trusted on its own: shorter
// ones collide across unrelated names.
const minPhonetic = 4

// New builds a recognizer from the embedded gazetteer.
func New() (*Recognizer, error) {
	g, err := loadGazetteer()
	if err != nil {
		return nil, err
	}
	r := &Recognizer{exact: map[string]*entry{}, phon: map[string][]soundVariant{}, partial: map[string][]*entry{}, byID: map[string]*entry{},
		loose: map[string][]*entry{},
		first: map[string]bool{}, firstSound: map[string]bool{}}
	for _, e := range g.entries {
		r.byID[e.id] = e
		for _, v := range e.variants {
			k := arabic.NameKey(v)
			e.keys = append(e.keys, []rune(k))
			if _, taken := r.exact[k]; !taken {
				r.exact[k] = e
			}
			if lk := looseKey(k); lk != "" && !hasEntry(r.loose[lk], e) {
				r.loose[lk] = append(r.loose[lk], e)
			}
			ws := strings.Fields(k)
			if len(ws) > r.maxLen {
				r.maxLen = len(ws)
			}
			if len(ws) > 0 {
				r.first[ws[0]] = true
				r.firstSound[arabic.Phonetic(ws[0])] = true
			}
			// Only multi-word variants are reachable by sound: one word
			// alone sounds like too many ordinary words (مجرم ~ ماكرون).
			if p := soundKey(k); len(ws) >= 2 && len(p)-(len(ws)-1) >= minPhonetic {
				r.phon[p] = append(r.phon[p], soundVariant{e: e, words: ws})
			}
			if e.typ == news.PER && len(ws) >= 2 && g.partial[ws[0]] && !hasEntry(r.partial[ws[0]], e) {
				r.partial[ws[0]] = append(r.partial[ws[0]], e)
			}
		}
	}
	return r, nil
}

func hasEntry(es []*entry, e *entry) bool {
	for _, x := range es {
		if x == e {
			return true
		}
	}
	return false
}

// word is a word token with the forms matching needs.
type word struct {
	tok   arabic.Token
	key   string // name key
	sound string // phonetic skeleton of key
}

// Mentions returns the entity mentions in text, in order, with rune
// offsets into text.
func (r *Recognizer) Mentions(text string) []news.Mention {
	toks := arabic.Tokens(text)
	rs := []rune(text)
	var out []news.Mention
	// Runs of adjacent words: names never cross punctuation.
	var run []word
	flush := func() {
		out = append(out, r.inRun(run, rs)...)
		run = run[:0]
	}
	for _, t := range toks {
		if t.Kind != arabic.Word {
			flush()
			continue
		}
		// A hyphen joins the parts of one name (جونغ-أون) but also glues a
		// name to the next word (بيونغ يانغ-خبرة): each part is a word of
		// the run, so a name may end at a hyphen.
		for _, p := range hyphenParts(t) {
			k := arabic.NameKey(p.Text)
			run = append(run, word{tok: p, key: k, sound: arabic.Phonetic(k)})
		}
	}
	flush()
	return r.partials(toks, text, r.placesInLists(out, rs))
}

// placesInLists reads a one-word person's name joined by و to a place
// as the place whose name it is without its article, when there is one:
// in "تشاد وكاميرون ونيجيريا" the list names Cameroon, not David Cameron.
func (r *Recognizer) placesInLists(ms []news.Mention, rs []rune) []news.Mention {
	joined := func(a, b news.Mention) bool { // a, then و, then b
		return a.End <= b.Start && strings.TrimSpace(string(rs[a.End:b.Start])) == "و"
	}
	for i, m := range ms {
		if m.Type != news.PER || strings.ContainsRune(m.Text, ' ') {
			continue
		}
		place, ok := r.exact["ال"+arabic.NameKey(m.Text)]
		if !ok || place.typ != news.LOC {
			continue
		}
		if (i > 0 && ms[i-1].Type == news.LOC && joined(ms[i-1], m)) ||
			(i+1 < len(ms) && ms[i+1].Type == news.LOC && joined(m, ms[i+1])) {
			ms[i] = news.Mention{Text: m.Text, Type: news.LOC, ID: place.id, Name: place.name, Start: m.Start, End: m.End}
		}
	}
	return ms
}

// hyphenParts splits a word token at the hyphens inside it, offsets kept.
func hyphenParts(t arabic.Token) []arabic.Token {
	if !strings.ContainsAny(t.Text, "-‐‑") {
		return []arabic.Token{t}
	}
	var out []arabic.Token
	rs := []rune(t.Text)
	from := 0
	for i := 0; i <= len(rs); i++ {
		if i < len(rs) && !strings.ContainsRune("-‐‑", rs[i]) {
			continue
		}
		if i > from {
			out = append(out, arabic.Token{Text: string(rs[from:i]), Kind: arabic.Word, Start: t.Start + from, End: t.Start + i})
		}
		from = i + 1
	}
	return out
}

// inRun matches names in a run of adjacent words, longest first.
func (r *Recognizer) inRun(run []word, rs []rune) []news.Mention {
	var out []news.Mention
	free := 0 // the first word of the run not inside a mention found
	for i := 0; i < len(run); {
		m, n, ok := r.matchAt(run, i)
		if !ok {
			i++
			continue
		}
		clitic := m.Start > 0
		m.Start += run[i].tok.Start
		m.End = run[i+n-1].tok.End
		// A garbled given name before a matched surname ("لاي ديمر
		// بوتين"): extend the mention when the words before it sound
		// like the rest of the full name. Not over a name already found,
		// nor across a conjunction or preposition on the surname: in
		// "تشاد وكاميرون" the و joins two names.
		if n == 1 && i > free && !clitic {
			if j := r.garbleStart(run, free, i, m.ID); j < i {
				m.Start = run[j].tok.Start
			}
		}
		m.Text = string(rs[m.Start:m.End])
		out = append(out, m)
		i += n
		free = i
	}
	return out
}

// opensName reports whether a word, bare or behind proclitics, can be the
// first word of a known name.
func (r *Recognizer) opensName(w word) bool {
	if r.first[w.key] || r.firstSound[w.sound] {
		return true
	}
	for _, sp := range arabic.CliticSplits(w.key) {
		if r.first[sp[1]] {
			return true
		}
	}
	return false
}

// matchAt tries the longest name starting at run[i].
func (r *Recognizer) matchAt(run []word, i int) (news.Mention, int, bool) {
	if !r.opensName(run[i]) {
		return news.Mention{}, 0, false
	}
	for n := min(r.maxLen, len(run)-i); n >= 1; n-- {
		keys := make([]string, n)
		for j := range keys {
			keys[j] = run[i+j].key
		}
		key := strings.Join(keys, " ")
		if e, ok := r.exact[key]; ok {
			return mention(e, 0), n, true
		}
		// Proclitics on the first word (وبوتين، لموسكو، بالكرملين): strip
		// them only when the rest is a known name, shortest prefix first so
		// an article belonging to the name stays in the mention.
		if e, pre := r.afterClitics(keys); e != nil {
			return mention(e, len([]rune(pre))), n, true
		}
		if e := r.bySound(key, soundOf(run[i:i+n]), n); e != nil {
			return mention(e, 0), n, true
		}
	}
	return news.Mention{}, 0, false
}

// afterClitics finds a known name behind proclitics on the first of keys,
// returning it with the prefix stripped.
func (r *Recognizer) afterClitics(keys []string) (*entry, string) {
	splits := arabic.CliticSplits(keys[0])
	for i := len(splits) - 1; i >= 0; i-- {
		pre, rest := splits[i][0], splits[i][1]
		k := strings.Join(append([]string{rest}, keys[1:]...), " ")
		if e, ok := r.exact[k]; ok {
			return e, pre
		}
		// لل is ل + ال with the alef elided (للقاهرة = ل + القاهرة):
		// the name is "ال" + rest, and its article's lam stays in the
		// mention.
		if strings.HasSuffix(pre, "لل") {
			if e, ok := r.exact["ال"+k]; ok {
				return e, strings.TrimSuffix(pre, "ل")
			}
		}
	}
	return nil, ""
}

// soundKey is the phonetic skeleton of a name key, word by word; "" when a
// word has no consonant skeleton (يو), which would let words of different
// names line up by accident.
func soundKey(key string) string {
	ws := strings.Fields(key)
	for i, w := range ws {
		if ws[i] = arabic.Phonetic(w); ws[i] == "" {
			return ""
		}
	}
	return strings.Join(ws, "|")
}

// soundOf is soundKey of the words' joined name keys, from their
// precomputed skeletons.
func soundOf(ws []word) string {
	parts := make([]string, len(ws))
	for i, w := range ws {
		if w.sound == "" {
			return ""
		}
		parts[i] = w.sound
	}
	return strings.Join(parts, "|")
}

// bySound matches a transliteration variant of a multi-word name: every
// word must sound like the variant's word (جونج ~ جونغ) and at least one
// must be spelled the same (كيم), and the skeleton must name one entity.
// Without the spelled-alike word, common phrases match famous names by
// sound alone (فرق بين ~ باراك أوباما). A word that is part of countless
// names and phrases (الله، عبد، أبو) is no such evidence: «حسبي الله» is a
// prayer, not حزب الله.
func (r *Recognizer) bySound(key, p string, n int) *entry {
	if n < 2 {
		return nil
	}
	vs := r.phon[p]
	if len(vs) == 0 {
		return nil
	}
	e := vs[0].e
	for _, v := range vs[1:] {
		if v.e != e {
			return nil // two entities sound alike: refuse to guess
		}
	}
	ws := strings.Fields(key)
	for _, v := range vs {
		same := 0
		for i, w := range v.words {
			switch {
			case i >= len(ws):
			case ws[i] == w:
				if !commonNamePart(w) {
					same++
				}
			case len(arabic.Phonetic(ws[i])) < 3:
				// A word differing in spelling must carry a skeleton long
				// enough to mean something: وتوزيع and داعش share "TS".
				same = -len(ws)
			case givenApart(ws[i], w):
				// Nor be an Arabic given name: their vowels tell them
				// apart, and their skeletons do not (سالم، سلمان، سلام
				// are all SLM: محمد بن سالم is not محمد بن سلمان).
				same = -len(ws)
			}
		}
		if same > 0 {
			return e
		}
	}
	return nil
}

// garbleStart returns the index, from lo on, of the first word of a
// garbled given name before run[i], or i when there is none.
func (r *Recognizer) garbleStart(run []word, lo, i int, id string) int {
	e := r.byID[id]
	if e == nil || e.typ != news.PER {
		return i
	}
	full := arabic.Phonetic(arabic.NameKey(e.name))
	best := i
	for j := i - 1; j >= lo && j >= i-2; j-- {
		if arabic.IsStopword(run[j].key) {
			break
		}
		var ks []string
		for _, w := range run[j : i+1] {
			ks = append(ks, w.key)
		}
		if p := arabic.Phonetic(strings.Join(ks, " ")); len(p) >= minPhonetic+2 && editDistance(p, full) <= 1 {
			best = j
		}
	}
	return best
}

func mention(e *entry, skip int) news.Mention {
	return news.Mention{Type: e.typ, ID: e.id, Name: e.name, Start: skip}
}

// partials links lone first names of known people (كيم) to the one person
// of that name named in full in the same text. With none (علي is also
// على, "on") or two or more (كيم جونغ أون and كيم يو جونغ), a lone first
// name stays unlinked.
func (r *Recognizer) partials(toks []arabic.Token, text string, ms []news.Mention) []news.Mention {
	inText := map[string]bool{}
	for _, m := range ms {
		inText[m.ID] = true
	}
	covered := func(t arabic.Token) bool {
		for _, m := range ms {
			if t.Start < m.End && m.Start < t.End {
				return true
			}
		}
		return false
	}
	rs := []rune(text)
	var extra []news.Mention
	for _, t := range toks {
		if t.Kind != arabic.Word || covered(t) {
			continue
		}
		key, skip := arabic.NameKey(t.Text), 0
		cands := r.partial[key]
		for _, sp := range arabic.CliticSplits(key) {
			if len(cands) > 0 {
				break
			}
			skip, cands = len([]rune(sp[0])), r.partial[sp[1]]
		}
		if len(cands) == 0 {
			continue
		}
		var seen []*entry
		for _, e := range cands {
			if inText[e.id] {
				seen = append(seen, e)
			}
		}
		if len(seen) != 1 {
			continue
		}
		m := mention(seen[0], t.Start+skip)
		m.End = t.End
		m.Text = string(rs[m.Start:m.End])
		extra = append(extra, m)
	}
	if len(extra) == 0 {
		return ms
	}
	all := append(ms, extra...)
	sort.Slice(all, func(i, j int) bool { return all[i].Start < all[j].Start })
	return all
}

func isArabicScript(s string) bool {
	n := 0
	for _, c := range s {
		if unicode.Is(unicode.Arabic, c) {
			n++
		}
	}
	return n > 0
}

// editDistance is the Levenshtein distance of two short ASCII skeletons.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
