package ner

import (
	"fmt"
	"sort"
	"strings"

	"github.com/marsad/marsad/news"
)

// Counts are the entity counts of one type (or of all types): true
// positives, and how many entities the model predicted and the gold has.
type Counts struct {
	Correct, Predicted, Gold int
}

// Precision is Correct/Predicted, 0 when nothing was predicted.
func (c Counts) Precision() float64 { return ratio(c.Correct, c.Predicted) }

// Recall is Correct/Gold, 0 when the gold has no entity.
func (c Counts) Recall() float64 { return ratio(c.Correct, c.Gold) }

// F1 is the harmonic mean of Precision and Recall.
func (c Counts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Score is an entity-level evaluation as conlleval computes it: an entity
// counts as correct only when its type and both boundaries match exactly.
type Score struct {
	Tokens  int
	Micro   Counts
	PerType map[string]Counts
}

// Evaluate tags a gold corpus with m, as one stream of news text in order
// (TagDocument), and scores the predicted entities against the gold ones.
func Evaluate(m *Model, sents []Sentence) Score {
	s := Score{PerType: map[string]Counts{}}
	words := make([][]string, len(sents))
	for i, sent := range sents {
		words[i] = sent.Words
	}
	for i, tags := range m.TagDocument(words) {
		s.Add(sents[i].Tags, tags)
	}
	return s
}

// Add scores one sentence's predicted tags against its gold tags.
func (s *Score) Add(gold, pred []string) {
	if s.PerType == nil {
		s.PerType = map[string]Counts{}
	}
	s.Tokens += len(gold)
	g, p := chunks(gold), chunks(pred)
	inGold := map[chunk]bool{}
	for _, c := range g {
		inGold[c] = true
		s.bump(c.typ, func(n *Counts) { n.Gold++ })
	}
	for _, c := range p {
		s.bump(c.typ, func(n *Counts) { n.Predicted++ })
		if inGold[c] {
			s.bump(c.typ, func(n *Counts) { n.Correct++ })
		}
	}
}

func (s *Score) bump(typ string, f func(*Counts)) {
	if s.PerType == nil {
		s.PerType = map[string]Counts{}
	}
	c := s.PerType[typ]
	f(&c)
	s.PerType[typ] = c
	f(&s.Micro)
}

// String prints the scores as a table: one row per type, then micro.
func (s Score) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%-6s %7s %7s %7s %6s %6s\n", "type", "P", "R", "F1", "gold", "pred")
	types := []string{news.PER, news.LOC, news.ORG, news.MISC}
	for t := range s.PerType { // types the corpus has beyond ours, if any
		if !strings.Contains("PER LOC ORG MISC", t) {
			types = append(types, t)
		}
	}
	sort.Strings(types[4:])
	row := func(name string, c Counts) {
		fmt.Fprintf(&b, "%-6s %7.4f %7.4f %7.4f %6d %6d\n", name, c.Precision(), c.Recall(), c.F1(), c.Gold, c.Predicted)
	}
	for _, t := range types {
		row(t, s.PerType[t])
	}
	row("micro", s.Micro)
	return b.String()
}

// chunk is one entity in a tag sequence: [start, end) in words.
type chunk struct {
	start, end int
	typ        string
}

// chunks reads entities from BIO tags the way conlleval does: an entity
// starts at B-X, or at I-X not continuing an X (an orphan I- still counts,
// so a model that writes them is not flattered), and ends before the next
// tag that does not continue it.
func chunks(tags []string) []chunk {
	var out []chunk
	start, typ := -1, ""
	for i := 0; i <= len(tags); i++ {
		prefix, t := "O", ""
		if i < len(tags) {
			if p, ty, ok := strings.Cut(tags[i], "-"); ok {
				prefix, t = p, ty
			}
		}
		continues := prefix == "I" && t == typ && start >= 0
		if start >= 0 && !continues {
			out = append(out, chunk{start, i, typ})
			start, typ = -1, ""
		}
		if (prefix == "B" || prefix == "I") && !continues {
			start, typ = i, t
		}
	}
	return out
}
