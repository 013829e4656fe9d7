package entities

import (
	"slices"
	"strings"

	"github.com/marsad/marsad/internal/arabic"
	"github.com/marsad/marsad/news"
)

// Resolve gives a name found by another recogniser (the trained tagger)
// its identity: the known entity it spells, clitics stripped, when there is
// one, or the one known entity of its type it spells as a transliteration
// variant (البنتاجون is البنتاغون); else an identity keyed by its
// transliteration key (looseKey), so every later mention spelled the same
// way, or as a variant of it, shares it. start and end are rune offsets of
// text in the article; a stripped proclitic moves start past it.
func (r *Recognizer) Resolve(text, typ string, start, end int) news.Mention {
	key := arabic.NameKey(text)
	words := strings.Fields(key)
	if len(words) == 0 {
		return news.Mention{Text: text, Type: typ, Start: start, End: end}
	}
	if e, ok := r.exact[key]; ok {
		return news.Mention{Text: text, Type: e.typ, ID: e.id, Name: e.name, Start: start, End: end}
	}
	if e, pre := r.afterClitics(words); e != nil {
		skip := len([]rune(pre))
		return news.Mention{Text: string([]rune(text)[skip:]), Type: e.typ, ID: e.id, Name: e.name, Start: start + skip, End: end}
	}
	if e, pre := r.byLoose(words, typ); e != nil {
		skip := len([]rune(pre))
		return news.Mention{Text: string([]rune(text)[skip:]), Type: e.typ, ID: e.id, Name: e.name, Start: start + skip, End: end}
	}
	// An unknown name: drop proclitics the tagger left on it, so بالدوحة
	// and الدوحة get one identity. A proclitic ending in the article (بال،
	// وال، فال) leaves "ال"; لل is ل + ال with the alef elided. A bare ب or
	// ل is kept (بلينكن، لافروف), but a leading و goes (the tagger's
	// training data writes "وألفا" as one token, tagged as the name), and
	// so does a ب، ل or ك before an alef with hamza: no name opens on بأ
	// or لإ (بأنقرة، لأوبك، بإسطنبول).
	rs := []rune(text)
	skip, article := 0, false
	for _, p := range []string{"وبال", "فبال", "وكال", "ولل", "فلل", "وال", "فال", "بال", "كال", "لل"} {
		if strings.HasPrefix(words[0], p) && len([]rune(words[0])) > len([]rune(p))+2 {
			skip, article = len([]rune(p)), true
			break
		}
	}
	// Not the و of a given name (وليد، وائل).
	if !article && len([]rune(words[0])) > 2 && strings.HasPrefix(words[0], "و") && !arabicGiven[words[0]] {
		skip = 1
	}
	if !article && len(rs) > skip+3 && strings.ContainsRune("بلك", rs[skip]) && strings.ContainsRune("أإآ", rs[skip+1]) {
		skip++
	}
	if skip > 0 && len(rs) > skip {
		name := string(rs[skip:])
		if article {
			name = "ال" + name
			// The article stays in the mention: بالمنامة → المنامة; with
			// لل only its lam is written (للمنامة → لمنامة).
			if strings.HasSuffix(string([]rune(words[0])[:skip]), "ال") {
				skip -= 2
			} else {
				skip--
			}
		}
		text, start = string(rs[skip:]), start+skip
		return news.Mention{Text: text, Type: typ, ID: looseID(typ, name), Name: arabic.Unmarked(name), Start: start, End: end}
	}
	return news.Mention{Text: text, Type: typ, ID: looseID(typ, text), Name: arabic.Unmarked(text), Start: start, End: end}
}

// byLoose finds the one known entity of type typ whose variant has the
// transliteration key of keys, bare or behind proclitics on the first
// word, returning it with the prefix stripped. Types must agree: the keys
// are loose enough that a place and a person can share one (بوتان،
// بوتين). Unlike afterClitics it never strips an article: الجيزة is not a
// spelling of غزة.
func (r *Recognizer) byLoose(keys []string, typ string) (*entry, string) {
	// The bare word first, then proclitics shortest first, as in
	// afterClitics.
	splits := [][2]string{{"", keys[0]}}
	cs := arabic.CliticSplits(keys[0])
	for i := len(cs) - 1; i >= 0; i-- {
		splits = append(splits, cs[i])
	}
	for _, sp := range splits {
		pre, rest := sp[0], sp[1]
		switch {
		case strings.HasSuffix(pre, "ال"):
			pre, rest = strings.TrimSuffix(pre, "ال"), "ال"+rest
		case strings.HasSuffix(pre, "لل"):
			// لل is ل + ال with the alef elided: the article's lam stays.
			pre, rest = strings.TrimSuffix(pre, "ل"), "ال"+rest
		}
		k := strings.Join(append([]string{rest}, keys[1:]...), " ")
		if e := r.looseOne(k, typ); e != nil {
			return e, pre
		}
	}
	return nil, ""
}

// looseOne is the one entity of type typ keyed by k's transliteration
// key, or nil when there is none or more than one.
func (r *Recognizer) looseOne(k, typ string) *entry {
	var found *entry
	for _, e := range r.loose[looseKey(k)] {
		if e.typ != typ {
			continue
		}
		if found != nil && found != e {
			return nil
		}
		found = e
	}
	return found
}

// JoinSurnames gives a lone word naming a person the identity of the one
// person in the same text whose full name ends with it as a surname (هنية
// → إسماعيل هنية), spelled alike or as a transliteration variant (شولتز →
// أولاف شولتس). With two such people, or none, it is left as it is.
func JoinSurnames(ms []news.Mention) []news.Mention {
	full := map[string][]int{} // surname's loose form → mentions of multi-word names
	for i, m := range ms {
		if m.Type != news.PER {
			continue
		}
		// Compounds are one name (نصر الله، أبو فهد: a lone فهد is the
		// son, not his father), and a name ending on a father (محمد بن
		// نايف، فيصل بن خالد بن عبدالعزيز) has no surname: the father's
		// name alone is the father, or his namesake. بن first is a given
		// name: بن رودس is Ben Rhodes.
		units := nameUnits(m.Name)
		if n := len(units); n < 2 || n >= 3 && isLink(units[n-2]) {
			continue
		}
		last := looseWord(units[len(units)-1], minNameConsonants)
		if !containsID(ms, full[last], m.ID) {
			full[last] = append(full[last], i)
		}
	}
	out := make([]news.Mention, len(ms))
	copy(out, ms)
	for i, m := range out {
		// Written as the full names were (a final يي once: اليحيى).
		ws := nameUnits(m.Name)
		if m.Type != news.PER || len(ws) != 1 {
			continue
		}
		if c := full[looseWord(ws[0], minNameConsonants)]; len(c) == 1 && ms[c[0]].ID != m.ID {
			out[i].ID, out[i].Name = ms[c[0]].ID, ms[c[0]].Name
		}
	}
	return out
}

// JoinShortNames gives a person named by a shorter form of a full name in
// the same text the identity of that full name, when it is the only full
// name in the text the short form fits. A short form is either of:
//
//   - the given name and family name around a nasab (عبدالرحمن السديس
//     beside عبدالرحمن بن عبدالعزيز السديس), when the full name goes on to
//     a family name: فهد بن سلطان ends on his father, and فهد سلطان is
//     another man;
//   - a man and his father at the start of a longer nasab (فيصل بن خالد
//     beside فيصل بن خالد بن عبدالعزيز).
//
// Across articles the short form stays apart, since many men share one;
// within one text it is the man just named. When the short form is the
// gazetteer's, the full name takes its identity instead. The end of a name
// (منصور هادي beside عبد ربه منصور هادي) is not joined: the tagger's
// longer names often carry a word that is not theirs (عسير سليم الجبوري,
// a region before the speaker of Iraq's parliament), and the clean short
// name would take that one's identity and display.
func (r *Recognizer) JoinShortNames(ms []news.Mention) []news.Mention {
	words := make([][]string, len(ms))
	for i, m := range ms {
		if m.Type == news.PER {
			words[i] = nameUnits(m.Name)
		}
	}
	group := map[string][]news.Mention{} // full name's identity → it, then its short forms
	for i, m := range ms {
		short := words[i]
		if len(short) < 2 || isLink(short[0]) {
			continue
		}
		full := -1
		for j, f := range words {
			if len(f) <= len(short) || !shortens(short, f) {
				continue
			}
			if full >= 0 && ms[full].ID != ms[j].ID {
				full = -2 // two men it could be
				break
			}
			full = j
		}
		if full < 0 || ms[full].ID == m.ID {
			continue
		}
		id := ms[full].ID
		if len(group[id]) == 0 {
			group[id] = append(group[id], ms[full])
		}
		group[id] = append(group[id], m)
	}
	if len(group) == 0 {
		return ms
	}
	to := map[string]news.Mention{} // identity → the one it joins
	for _, g := range group {
		target := g[0]
		for _, m := range g[1:] {
			if _, known := r.byID[m.ID]; known {
				target = m
				break
			}
		}
		for _, m := range g {
			if m.ID != target.ID {
				to[m.ID] = target
			}
		}
	}
	out := make([]news.Mention, len(ms))
	copy(out, ms)
	for i, m := range out {
		if j, ok := to[m.ID]; ok && m.Type == news.PER {
			out[i].ID, out[i].Name = j.ID, j.Name
		}
	}
	return out
}

// shortens reports whether short, a name of two words or more, is a
// shorter form of full (see JoinShortNames), both as nameUnits writes
// them.
func shortens(short, full []string) bool {
	n := len(short)
	switch {
	case n == 2 && short[0] == full[0] && short[1] == full[len(full)-1]:
		// Given name and family name: full has a nasab and goes on to a
		// family name after it.
		return slices.ContainsFunc(full[1:len(full)-1], isLink) && !isLink(full[len(full)-2])
	case n == 3 && slices.Equal(short, full[:n]):
		// A man and his father (فيصل بن خالد), the start of a longer nasab.
		// A longer start is a whole name: مشعل بن عبدالله بن عبدالعزيز and
		// مشعل بن عبدالله بن عبدالعزيز بن مساعد are two princes.
		return isLink(short[1]) && isLink(full[n])
	}
	return false
}

func containsID(ms []news.Mention, idx []int, id string) bool {
	for _, i := range idx {
		if ms[i].ID == id {
			return true
		}
	}
	return false
}

// minGarble is the fewest letters a name needs before it is repaired
// against a known name one letter away: shorter names one letter apart are
// often different words.
const minGarble = 4

// RepairGarbles gives a name no gazetteer entry knows the identity of the
// one known entity of its type named in the same text that it spells, by
// any of the entity's known spellings, with one letter dropped or added
// inside a word: machine translation garbles names so (منطقة كورك beside
// منطقة كورسك). A letter at either end of the name is not
// repaired: it changes the word (الكويت، الكويتي).
func (r *Recognizer) RepairGarbles(ms []news.Mention) []news.Mention {
	out := make([]news.Mention, len(ms))
	copy(out, ms)
	for i, m := range out {
		if m.ID == "" || r.byID[m.ID] != nil {
			continue
		}
		key := []rune(arabic.NameKey(m.Text))
		if len(key) < minGarble {
			continue
		}
		var found *news.Mention
		for j := range ms {
			k := &ms[j]
			e := r.byID[k.ID]
			if k.Type != m.Type || e == nil || !garbles(key, e) {
				continue
			}
			if found != nil && found.ID != k.ID {
				found = nil
				break
			}
			found = k
		}
		if found != nil {
			out[i].ID, out[i].Name = found.ID, found.Name
		}
	}
	return out
}

// garbles reports whether key is one letter away from a spelling of e.
// A letter added to a short known name makes another name as often as a
// garble (عمان، عجمان), so an added letter needs a known name longer
// than minGarble; a dropped one (كورسك، كورك) does not.
// Nor is an Arabic given name a garble of another (سليمان، سلمان; سالم،
// سلام): their vowel letters are what tells them apart.
func garbles(key []rune, e *entry) bool {
	for _, k := range e.keys {
		if oneInside(key, k) && (len(key) < len(k) || len(k) > minGarble) && !givenNamesApart(key, k) {
			return true
		}
	}
	return false
}

// givenNamesApart reports whether the words where a and b, names of as
// many words, differ include an Arabic given name.
func givenNamesApart(a, b []rune) bool {
	wa, wb := strings.Fields(string(a)), strings.Fields(string(b))
	if len(wa) != len(wb) {
		return false
	}
	for i := range wa {
		if givenApart(wa[i], wb[i]) {
			return true
		}
	}
	return false
}

// oneInside reports whether a and b differ by one letter written in one
// and not the other, away from both ends.
func oneInside(a, b []rune) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(b) != len(a)+1 {
		return false
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	// b[i] is the extra letter; the rest must line up.
	return i > 0 && i < len(a) && b[i] != ' ' && string(a[i:]) == string(b[i+1:])
}
