package entities

import (
	"strings"

	"github.com/marsad/marsad/internal/arabic"
	"github.com/marsad/marsad/news"
)

// Resolve gives a name found by another recogniser (the trained tagger)
// its identity: the known entity it spells, clitics stripped, when there is
// one; else a new identity keyed by its name key, so every later mention
// spelled the same way shares it. start and end are rune offsets of text
// in the article; a stripped proclitic moves start past it.
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
	// An unknown name: drop proclitics the tagger left on it, so بالدوحة
	// and الدوحة get one identity. A proclitic ending in the article (بال،
	// وال، فال) leaves "ال"; لل is ل + ال with the alef elided. A bare ب or
	// ل is kept (بلينكن، لافروف), but a leading و goes (the tagger's
	// training data writes "وألفا" as one token, tagged as the name).
	rs := []rune(text)
	skip, article := 0, false
	for _, p := range []string{"وبال", "فبال", "وكال", "ولل", "فلل", "وال", "فال", "بال", "كال", "لل"} {
		if strings.HasPrefix(words[0], p) && len([]rune(words[0])) > len([]rune(p))+2 {
			skip, article = len([]rune(p)), true
			break
		}
	}
	if !article && len([]rune(words[0])) > 2 && strings.HasPrefix(words[0], "و") {
		skip = 1
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
		return news.Mention{Text: text, Type: typ, ID: entityID(typ, arabic.NameKey(name)), Name: name, Start: start, End: end}
	}
	return news.Mention{Text: text, Type: typ, ID: entityID(typ, key), Name: text, Start: start, End: end}
}

// JoinSurnames gives a lone word naming a person the identity of the one
// person in the same text whose full name ends with it (هنية → إسماعيل
// هنية). With two such people, or none, it is left as it is.
func JoinSurnames(ms []news.Mention) []news.Mention {
	full := map[string][]int{} // last word's name key → mentions of multi-word names
	for i, m := range ms {
		if m.Type != news.PER {
			continue
		}
		ws := strings.Fields(arabic.NameKey(m.Name))
		if len(ws) >= 2 {
			last := ws[len(ws)-1]
			if !containsID(ms, full[last], m.ID) {
				full[last] = append(full[last], i)
			}
		}
	}
	out := make([]news.Mention, len(ms))
	copy(out, ms)
	for i, m := range out {
		ws := strings.Fields(arabic.NameKey(m.Name))
		if m.Type != news.PER || len(ws) != 1 {
			continue
		}
		if c := full[ws[0]]; len(c) == 1 && ms[c[0]].ID != m.ID {
			out[i].ID, out[i].Name = ms[c[0]].ID, ms[c[0]].Name
		}
	}
	return out
}

func containsID(ms []news.Mention, idx []int, id string) bool {
	for _, i := range idx {
		if ms[i].ID == id {
			return true
		}
	}
	return false
}
