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
	lex   *lexicon         // tag counts of training words; nil without the Lexicon family
	index map[uint64]int32 // feature hash → row of w
	w     []float32        // numTags weights per row
	trans [(numTags + 1) * numTags]float32
	// first is the first pass of a two-pass model (Document family): its
	// tags over nearby sentences feed this model's document features. It
	// shares the gazetteer and clusters. Nil for a one-pass model.
	first *Model
	// joined holds a two-pass model's weights of both passes by feature,
	// so that tagging looks each feature up once. Nil until joinRows;
	// tagging then looks up each pass's index apart.
	joined *joined
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
			out[i][j] = tagNames[bioTag(t)]
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
	if m.first != nil && m.joined != nil {
		return m.tagTwoPass(sents)
	}
	ss := make([]sentence, len(sents))
	for i, words := range sents {
		s := &ss[i]
		s.toks = m.fz.tokens(words)
		var gaz [][]string
		if m.fam&Gazetteer != 0 {
			gaz = m.gaz.match(s.toks)
		}
		s.feats, s.offs = m.fz.sentence(s.toks, gaz, m.lex, nil, make([]uint64, 0, 64*len(words)), make([]int, 0, len(words)+1))
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

// tagTwoPass is tagDocument for a two-pass model with joined rows: one
// lookup per feature scores it for both passes.
func (m *Model) tagTwoPass(sents [][]string) [][]int {
	toks := make([][]token, len(sents))
	second := make([][]float32, len(sents)) // the second pass's scores before document features
	first := make([][]int, len(sents))
	longest := 0
	for _, words := range sents {
		longest = max(longest, len(words))
	}
	buf := make([]uint64, 0, 80*longest)
	offs := make([]int, 0, longest+1)
	for i, words := range sents {
		toks[i] = m.fz.tokens(words)
		var gaz [][]string
		if m.fam&Gazetteer != 0 {
			gaz = m.gaz.match(toks[i])
		}
		buf, offs = m.fz.sentence(toks[i], gaz, m.lex, nil, buf[:0], offs[:0])
		n := len(words)
		em1, em2 := make([]float32, n*numTags), make([]float32, n*numTags)
		for j := 0; j < n; j++ {
			e1, e2 := (*[numTags]float32)(em1[j*numTags:]), (*[numTags]float32)(em2[j*numTags:])
			for _, h := range buf[offs[j]:offs[j+1]] {
				if b := m.joined.find(h); b != nil {
					for t := range numTags {
						e1[t] += b[t]
						e2[t] += b[numTags+t]
					}
				}
			}
		}
		if n > 0 {
			first[i] = viterbi(em1, m.first.trans[:], n)
		}
		second[i] = em2
	}
	docs := docFeatures(toks, first)
	out := make([][]int, len(sents))
	for i, em := range second {
		n := len(sents[i])
		if n == 0 {
			continue
		}
		for j := 0; j < n; j++ {
			e := (*[numTags]float32)(em[j*numTags:])
			for _, h := range docs[i][j] {
				if b := m.joined.find(h); b != nil {
					for t := range e {
						e[t] += b[numTags+t]
					}
				}
			}
		}
		out[i] = viterbi(em, m.trans[:], n)
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
	add := func(e *[numTags]float32, hs []uint64) {
		for _, h := range hs {
			if r, ok := m.index[h]; ok {
				addRow(e, m.w, r)
			}
		}
	}
	for i := 0; i < n; i++ {
		e := (*[numTags]float32)(em[i*numTags:])
		add(e, feats[offs[i]:offs[i+1]])
		if doc != nil {
			add(e, doc[i])
		}
	}
	return viterbi(em, m.trans[:], n)
}

// addRow adds row r of the weight table w (numTags weights a row) to e.
func addRow(e *[numTags]float32, w []float32, r int32) {
	row := (*[numTags]float32)(w[int(r)*numTags:])
	for t := range e {
		e[t] += row[t]
	}
}

// viterbi returns the highest-scoring tag sequence that BILOU allows, given
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
			for _, p := range precede[t] {
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
		if open(t) { // a name cannot end open
			continue
		}
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
	sents, words := splitSentences(text, runes)
	for k, tags := range m.tagDocument(words) {
		toks := sents[k].toks
		names := make([]string, len(tags))
		for i, t := range tags {
			names[i] = tagNames[bioTag(t)]
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

// sentence is one sentence of a text as the tagger reads it: its tokens,
// with offsets from start, the sentence's rune offset in the text.
type sentence struct {
	start int
	toks  []arabic.Token
}

// splitSentences splits text (runes is []rune(text)) into sentences of
// tokens, leaving out sentences with none, and returns them with their
// token texts. Mentions and NewsSentences both read text through it, so
// what the profiles learn from unlabelled news is cut as tagged text is.
func splitSentences(text string, runes []rune) ([]sentence, [][]string) {
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
	return sents, words
}
