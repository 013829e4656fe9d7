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
	// first is the first pass of a two-pass model (Document family): its
	// tags over nearby sentences feed this model's document features. It
	// shares the gazetteer and clusters. Nil for a one-pass model.
	first *Model
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
// proclitics attached. The sentence is its own document: TagDocument tags
// better when the sentences around it are at hand.
func (m *Model) Tag(words []string) []string {
	return m.TagDocument([][]string{words})[0]
}

// TagDocument tags the sentences of one document (or of a stream of news
// text, in order), one BIO tag per word. A two-pass model lets what it
// found in nearby sentences (within docWindow sentences either side) speak
// for each word: a name tagged confidently once is recognized where it
// recurs.
func (m *Model) TagDocument(sents [][]string) [][]string {
	out := make([][]string, len(sents))
	for i, tags := range m.tagDocument(sents) {
		out[i] = make([]string, len(tags))
		for j, t := range tags {
			out[i][j] = tagNames[t]
		}
	}
	return out
}

// tagDocument returns the best tag indices for every word of sents. The
// two passes share the words' features: the second only adds the document
// features to them.
func (m *Model) tagDocument(sents [][]string) [][]int {
	type sentence struct {
		toks  []token
		feats []uint64
		offs  []int
	}
	ss := make([]sentence, len(sents))
	for i, words := range sents {
		s := &ss[i]
		s.toks = m.fz.tokens(words)
		var gaz [][]string
		if m.fam&Gazetteer != 0 {
			gaz = m.gaz.match(s.toks)
		}
		s.feats, s.offs = m.fz.sentence(s.toks, gaz, nil, make([]uint64, 0, 64*len(words)), make([]int, 0, len(words)+1))
	}
	var docs [][][]uint64
	if m.first != nil {
		first := make([][]int, len(sents))
		toks := make([][]token, len(sents))
		for i, s := range ss {
			first[i] = m.first.decode(s.feats, s.offs, nil)
			toks[i] = s.toks
		}
		docs = docFeatures(toks, first)
	}
	out := make([][]int, len(sents))
	for i, s := range ss {
		var doc [][]uint64
		if docs != nil {
			doc = docs[i]
		}
		out[i] = m.decode(s.feats, s.offs, doc)
	}
	return out
}

// decode scores every tag of every word, word i having the features
// feats[offs[i]:offs[i+1]] and doc[i] (doc may be nil), and returns the
// best sequence.
func (m *Model) decode(feats []uint64, offs []int, doc [][]uint64) []int {
	n := len(offs) - 1
	if n <= 0 {
		return nil
	}
	em := make([]float32, n*numTags)
	add := func(e []float32, hs []uint64) {
		for _, h := range hs {
			if r, ok := m.index[h]; ok {
				row := m.w[int(r)*numTags : int(r+1)*numTags]
				for t := range e {
					e[t] += row[t]
				}
			}
		}
	}
	for i := 0; i < n; i++ {
		e := em[i*numTags : (i+1)*numTags]
		add(e, feats[offs[i]:offs[i+1]])
		if doc != nil {
			add(e, doc[i])
		}
	}
	return viterbi(em, m.trans[:], n)
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
	type sentence struct {
		start int
		toks  []arabic.Token
	}
	var sents []sentence
	var words [][]string
	for _, sp := range arabic.Sentences(text) {
		toks := arabic.Tokens(string(runes[sp.Start:sp.End]))
		if len(toks) == 0 {
			continue
		}
		ws := make([]string, len(toks))
		for i, t := range toks {
			ws[i] = t.Text
		}
		sents = append(sents, sentence{sp.Start, toks})
		words = append(words, ws)
	}
	for k, tags := range m.tagDocument(words) {
		toks := sents[k].toks
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
			s, e := sents[k].start+toks[start].Start, sents[k].start+toks[end-1].End
			out = append(out, Span{Type: c.typ, Text: string(runes[s:e]), Start: s, End: e})
		}
	}
	return out
}
