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
	// An unknown name: drop a leading و (the tagger's training data
	// writes "وألفا" as one token, tagged as the name).
	rs := []rune(text)
	if len(words[0]) > 2 && strings.HasPrefix(words[0], "و") && len(rs) > 1 {
		rs, start = rs[1:], start+1
		text = string(rs)
		key = arabic.NameKey(text)
	}
	return news.Mention{Text: text, Type: typ, ID: entityID(typ, key), Name: text, Start: start, End: end}
}
