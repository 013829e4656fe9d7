package ner

import "slices"

// lexicon counts, for each word form seen in tagged training text, how often
// it carried each tag. It speaks for single words where the gazetteer speaks
// for whole names: كريم was B-PER in most of its appearances, so
// وكريم بنزيمة is probably a person even though the name was never seen
// whole. Forms are kept under three keys: the search layer, the search layer
// with the longest proclitic stripped, and the light stem (arabic.Stem's
// light10), each prefixed with its kind.
//
// Like the learned-name gazetteer it is built out of fold for training (a
// sentence sees only the counts of the other folds), so the model learns how
// far to trust a word's past tags when they were not its own answer.
type lexicon struct {
	counts map[string]*[numTags]uint32
}

// Kinds of lexicon key: the byte written before the form.
const (
	lexSearch = 's'
	lexRest   = 'r'
	lexStem   = 'm'
)

func newLexicon() *lexicon { return &lexicon{counts: map[string]*[numTags]uint32{}} }

// add counts tag for every key of t.
func (l *lexicon) add(t *token, tag int) {
	for _, k := range lexKeys(t) {
		c := l.counts[k]
		if c == nil {
			c = new([numTags]uint32)
			l.counts[k] = c
		}
		c[tag]++
	}
}

// lexKeys returns the lexicon keys of t: its search layer, stripped form
// and stem, or none for words that are never names. Each kind is counted
// for every word, even where two forms are the same, so that ومدريد's
// stripped form finds the counts of مدريد written bare.
func lexKeys(t *token) []string {
	if docKey(t) == "" {
		return nil
	}
	return []string{string(lexSearch) + t.s, string(lexRest) + t.rest, string(lexStem) + t.stem}
}

// learnLexicon counts the tags of every word of the sentences for which
// keep is true; toks[i] and tags[i] are sentence i's tokens and gold tags.
func learnLexicon(toks [][]token, tags [][]int, keep func(i int) bool) *lexicon {
	l := newLexicon()
	for i, ts := range toks {
		if !keep(i) {
			continue
		}
		for j := range ts {
			l.add(&ts[j], bioTag(tags[i][j]))
		}
	}
	return l
}

// sortedKeys returns the keys in byte order, for a deterministic file.
func (l *lexicon) sortedKeys() []string {
	keys := make([]string, 0, len(l.counts))
	for k := range l.counts {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// lexFeatures appends the lexicon features of t to buf: for each of its
// forms, whether it was seen, each tag it carried and how often (as a
// share of its appearances, in three bands), and its commonest tag with how
// often the form was seen at all.
func (l *lexicon) features(buf []uint64, t *token) []uint64 {
	kinds := [...]struct {
		kind byte
		form string
	}{{lexSearch, t.s}, {lexRest, t.rest}, {lexStem, t.stem}}
	if docKey(t) == "" {
		return buf
	}
	var key [64]byte
	for v, k := range kinds {
		c := l.counts[string(append(append(key[:0], k.kind), k.form...))] // no allocation
		arg := byte(v) * 16
		if c == nil {
			buf = append(buf, hash(tLex, arg, ""))
			continue
		}
		total, best := uint32(0), 0
		for tag, x := range c {
			total += x
			if x > c[best] {
				best = tag
			}
		}
		for tag, x := range c {
			if x == 0 {
				continue
			}
			band := byte(1)
			switch {
			case 10*x >= 7*total:
				band = 3
			case 10*x >= 3*total:
				band = 2
			}
			buf = append(buf, hash(tLex, arg+band, tagNames[tag]))
		}
		freq := byte(0)
		switch {
		case total > 5:
			freq = 2
		case total > 1:
			freq = 1
		}
		buf = append(buf, hash(tLex, arg+4+freq, tagNames[best]))
	}
	return buf
}

// majority returns the commonest tag of t's stripped form when it carried
// it at least half the time, and false when the form is unknown or mixed.
func (l *lexicon) majority(t *token) (int, bool) {
	if docKey(t) == "" {
		return 0, false
	}
	var key [64]byte
	c := l.counts[string(append(append(key[:0], lexRest), t.rest...))]
	if c == nil {
		return 0, false
	}
	total, best := uint32(0), 0
	for tag, x := range c {
		total += x
		if x > c[best] {
			best = tag
		}
	}
	return best, 2*c[best] >= total
}
