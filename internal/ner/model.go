package ner

import (
	"github.com/marsad/marsad/internal/arabic"
)

// Model is a trained tagger. It is immutable once built by Train or Load,
// so one Model may tag from many goroutines at once.
type Model struct {
	fam   Families
	fz    *featurizer
	gaz   *gazetteer
	index map[uint64]int32 // feature hash → row of w
	w     []float32        // numTags weights per row
	trans [(numTags + 1) * numTags]float32
	// Facts about the training run, kept in the file for provenance.
	epochs int
	seed   uint64
}

// Families returns the feature families the model was trained with.
func (m *Model) Families() Families { return m.fam }

// Features returns the number of features with a weight in the model.
func (m *Model) Features() int { return len(m.index) }

// Tag returns one BIO tag per word (O, B-PER, I-PER, B-LOC ... I-MISC).
// Words are tokens as ANERcorp writes them: punctuation and digits apart,
// proclitics attached.
func (m *Model) Tag(words []string) []string {
	out := make([]string, len(words))
	for i, t := range m.tag(words) {
		out[i] = tagNames[t]
	}
	return out
}

// tag returns the best tag indices for words.
func (m *Model) tag(words []string) []int {
	if len(words) == 0 {
		return nil
	}
	toks := m.fz.tokens(words)
	var gaz [][]string
	if m.fam&Gazetteer != 0 {
		gaz = m.gaz.match(toks)
	}
	feats, offs := m.fz.sentence(toks, gaz, make([]uint64, 0, 64*len(words)), make([]int, 0, len(words)+1))
	em := make([]float32, len(words)*numTags)
	for i := range words {
		e := em[i*numTags : (i+1)*numTags]
		for _, h := range feats[offs[i]:offs[i+1]] {
			if r, ok := m.index[h]; ok {
				row := m.w[int(r)*numTags : int(r+1)*numTags]
				for t := range e {
					e[t] += row[t]
				}
			}
		}
	}
	return viterbi(em, m.trans[:], len(words))
}

// viterbi returns the highest-scoring tag sequence that BIO allows, given
// emission scores em (numTags per word) and transition scores trans
// ((numTags+1) rows of numTags, the last row for the sentence start).
func viterbi[F float32 | float64](em []F, trans []F, n int) []int {
	const neg = -1e30
	score := make([]F, n*numTags)
	back := make([]int8, n*numTags)
	for t := 0; t < numTags; t++ {
		if allowed(startTag, t) {
			score[t] = em[t] + trans[startTag*numTags+t]
		} else {
			score[t] = neg
		}
	}
	for i := 1; i < n; i++ {
		for t := 0; t < numTags; t++ {
			best, arg := F(neg), 0
			for p := 0; p < numTags; p++ {
				if !allowed(p, t) {
					continue
				}
				if s := score[(i-1)*numTags+p] + trans[p*numTags+t]; s > best {
					best, arg = s, p
				}
			}
			score[i*numTags+t] = best + em[i*numTags+t]
			back[i*numTags+t] = int8(arg)
		}
	}
	path := make([]int, n)
	best := F(neg)
	for t := 0; t < numTags; t++ {
		if s := score[(n-1)*numTags+t]; s > best {
			best, path[n-1] = s, t
		}
	}
	for i := n - 1; i > 0; i-- {
		path[i-1] = int(back[i*numTags+path[i]])
	}
	return path
}

// Mentions finds the entities in raw text: it splits the text into
// sentences (arabic.Sentences) and tokens (arabic.Tokens), tags them, and
// returns typed spans with rune offsets into text. Punctuation and digits
// are tagged along with the words, since the model learned from text that
// has them, but a span always starts and ends on a word token.
func (m *Model) Mentions(text string) []Span {
	var out []Span
	runes := []rune(text)
	for _, sp := range arabic.Sentences(text) {
		toks := arabic.Tokens(string(runes[sp.Start:sp.End]))
		if len(toks) == 0 {
			continue
		}
		words := make([]string, len(toks))
		for i, t := range toks {
			words[i] = t.Text
		}
		tags := m.tag(words)
		names := make([]string, len(tags))
		for i, t := range tags {
			names[i] = tagNames[t]
		}
		for _, c := range chunks(names) {
			start, end := c.start, c.end
			for start < end && toks[start].Kind != arabic.Word {
				start++
			}
			for end > start && toks[end-1].Kind != arabic.Word {
				end--
			}
			if start == end {
				continue
			}
			s, e := sp.Start+toks[start].Start, sp.Start+toks[end-1].End
			out = append(out, Span{Type: c.typ, Text: string(runes[s:e]), Start: s, End: e})
		}
	}
	return out
}
