package ner

import (
	"strings"
	"sync"
)

// docWindow is how many sentences either side of a sentence make its
// document. ANERcorp's CoNLL file has no document boundaries, and news text
// in the wild arrives as a stream too, so a window stands in for the
// article: names recur within a story, and a window that spills into the
// next story costs little.
const docWindow = 20

// typeNames names the entity types as the document features count them,
// by tagType.
var typeNames = [...]string{"O", typeBits[0], typeBits[1], typeBits[2], typeBits[3]}

// docKey is the form under which a word's occurrences are pooled: its
// search layer with clitics stripped, or "" for words that are never names
// (stop words, punctuation, digits).
func docKey(t *token) string {
	if t.stopword || (t.shape != "arabic" && t.shape != "Latin" && t.shape != "latin") {
		return ""
	}
	return t.rest
}

// docName is one name the first pass found: its words and type.
type docName struct {
	start, end int
	typ        int // index in typeBits
	keys       []string
}

// docFeatures returns, for every word of every sentence, the hashes of the
// document features (Ratinov & Roth 2009), computed from first, the first
// pass's tags of every word:
//   - the first pass's tag of the word and of its neighbours;
//   - the types the first pass gave the word's other occurrences within
//     docWindow sentences, and the most common of them;
//   - names the first pass found elsewhere in the window, matched here as a
//     gazetteer would (so البنك التجاري found once is known where it recurs,
//     للبنك التجاري included).
//
// A word's own occurrence and a name's own span never count as evidence for
// themselves: those are the first-pass tag features.
func docFeatures(toks [][]token, first [][]int) [][][]uint64 {
	n := len(toks)
	keys := make([][]string, n)
	names := make([][]docName, n)
	for s := range toks {
		keys[s] = make([]string, len(toks[s]))
		for i := range toks[s] {
			keys[s][i] = docKey(&toks[s][i])
		}
		tags := make([]string, len(first[s]))
		for i, t := range first[s] {
			tags[i] = tagNames[bioTag(t)]
		}
		for _, c := range chunks(tags) {
			dn := docName{start: c.start, end: c.end}
			for ti, t := range typeBits {
				if t == c.typ {
					dn.typ = ti
				}
			}
			exact := spanKey(toks[s], c.start, c.end, toks[s][c.start].s)
			dn.keys = append(dn.keys, exact)
			if r := toks[s][c.start].rest; r != toks[s][c.start].s {
				dn.keys = append(dn.keys, spanKey(toks[s], c.start, c.end, r))
			}
			names[s] = append(names[s], dn)
		}
	}

	words := map[string]*[len(typeNames)]int{}
	nameTypes := map[string]*[len(typeBits)]int{}
	firstWords := map[string]int{}
	maxLen := 0
	add := func(s, d int) {
		if s < 0 || s >= n {
			return
		}
		for i, k := range keys[s] {
			if k == "" {
				continue
			}
			c := words[k]
			if c == nil {
				c = new([len(typeNames)]int)
				words[k] = c
			}
			c[tagType(first[s][i])] += d
		}
		for _, dn := range names[s] {
			for _, k := range dn.keys {
				c := nameTypes[k]
				if c == nil {
					c = new([len(typeBits)]int)
					nameTypes[k] = c
				}
				c[dn.typ] += d
				f, _, _ := strings.Cut(k, " ")
				firstWords[f] += d
			}
			maxLen = max(maxLen, dn.end-dn.start)
		}
	}
	for s := 0; s < docWindow && s < n; s++ {
		add(s, 1)
	}

	out := make([][][]uint64, n)
	var b strings.Builder
	for s := range toks {
		add(s+docWindow, 1)
		add(s-docWindow-1, -1)
		ts := toks[s]
		feats := make([][]uint64, len(ts))
		tagAt := func(i int) string {
			if i < 0 || i >= len(ts) {
				return "<s>"
			}
			return tagNames[first[s][i]]
		}
		for i := range ts {
			f := feats[i]
			for d := -1; d <= 1; d++ {
				f = append(f, hash(tFirstAt, byte(d+1), tagAt(i+d)))
			}
			if k := keys[s][i]; k != "" {
				c := *words[k]
				c[tagType(first[s][i])]--
				total, best := 0, 0
				for t, x := range c {
					total += x
					if x > c[best] {
						best = t
					}
				}
				if total > 0 {
					f = append(f, hash(tDocWord, 0, typeNames[best]))
					for t := 1; t < len(c); t++ {
						if c[t] > 0 {
							f = append(f, hash(tDocWord, 1, typeNames[t]))
						}
						if c[t] == total {
							f = append(f, hash(tDocWord, 2, typeNames[t]))
						}
					}
				}
			}
			feats[i] = f
		}
		// Names found nearby, matched from each word on.
		for i := range ts {
			firsts := []string{ts[i].s}
			for _, sp := range ts[i].splits {
				firsts = append(firsts, sp[1])
			}
			for _, fw := range firsts {
				if firstWords[fw] <= 0 {
					continue
				}
				b.Reset()
				b.WriteString(fw)
				for l := 1; l <= maxLen && i+l <= len(ts); l++ {
					if l > 1 {
						b.WriteByte(' ')
						b.WriteString(ts[i+l-1].s)
					}
					key := b.String()
					c := nameTypes[key]
					if c == nil {
						continue
					}
					counts := *c
					for _, dn := range names[s] { // not its own evidence
						if dn.start == i && dn.end == i+l {
							for _, k := range dn.keys {
								if k == key {
									counts[dn.typ]--
								}
							}
						}
					}
					for ti, x := range counts {
						if x <= 0 {
							continue
						}
						feats[i] = append(feats[i], hash(tDocName, 0, "B-"+typeBits[ti]))
						for j := i + 1; j < i+l; j++ {
							feats[j] = append(feats[j], hash(tDocName, 0, "I-"+typeBits[ti]))
						}
					}
				}
			}
		}
		out[s] = feats
	}
	return out
}

// spanKey joins the search layer of words [start, end), the first one
// replaced by head.
func spanKey(ts []token, start, end int, head string) string {
	var b strings.Builder
	b.WriteString(head)
	for j := start + 1; j < end; j++ {
		b.WriteByte(' ')
		b.WriteString(ts[j].s)
	}
	return b.String()
}

// trainTwoPass trains a model with document features: a first pass without
// them on all of data (the one that tags at run time), and the second pass
// on the first pass's tags of data. Those tags must be as good as the first
// pass's are on text it has not seen, or the second pass would learn to
// trust them blindly: each fold of data is tagged by a first pass trained
// on the other folds.
func trainTwoPass(data []Sentence, cfg Config) (*Model, error) {
	one := cfg
	one.Families &^= Document
	one.OnEpoch = nil
	models := make([]*Model, cfg.Folds+1)
	errs := make([]error, cfg.Folds+1)
	bounds := func(k int) (lo, hi int) { return k * len(data) / cfg.Folds, (k + 1) * len(data) / cfg.Folds }
	var wg sync.WaitGroup
	sem := make(chan struct{}, 2)
	for k := range models {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			if k == cfg.Folds {
				models[k], errs[k] = fit(data, one, nil, nil)
				return
			}
			lo, hi := bounds(k)
			others := append(append([]Sentence(nil), data[:lo]...), data[hi:]...)
			models[k], errs[k] = fit(others, one, nil, nil)
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	first := make([][]int, 0, len(data))
	for k := 0; k < cfg.Folds; k++ {
		lo, hi := bounds(k)
		words := make([][]string, 0, hi-lo)
		for _, s := range data[lo:hi] {
			words = append(words, s.Words)
		}
		first = append(first, models[k].tagDocument(words)...)
	}
	m, err := fit(data, cfg, first, models[cfg.Folds])
	if err != nil {
		return nil, err
	}
	m.joinRows()
	return m, nil
}
