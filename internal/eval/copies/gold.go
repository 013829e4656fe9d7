// Package copies scores copy detection (exact and near duplicates) on
// SaudiNewsNet, whose outlets republish the same wire stories.
//
// It owns the gold, computed exactly from the text and independently of
// the clusterer's sketches: exact duplicates are articles whose body has
// the same search-layer text (arabic.Search); near copies are all pairs of
// articles from different outlets whose sets of word 5-shingles (over the
// search-layer words) have Jaccard similarity of at least 0.8, found with
// a prefix filter and checked exactly, with no sampling. It scores a
// clustering handed over as each article's copy root, and writes samples
// of the merges for a person to read. It does not import the clusterer it
// scores (the command runs it), and it never writes article text into the
// project: samples go to a file the caller names.
package copies

import (
	"cmp"
	"slices"
	"strings"
	"unicode"

	"github.com/zeebo/xxh3"

	"github.com/marsad/marsad/internal/arabic"
	"github.com/marsad/marsad/news"
)

// ShingleWords is the length of the word shingles the gold compares.
const ShingleWords = 5

// ShortWords is the body length, in words, below which identical bodies
// are reported apart from the exact duplicates: bylines, captions and
// "watch the video" stubs that unrelated articles share.
const ShortWords = 8

// NearJaccard is the shingle Jaccard similarity from which two articles of
// different outlets are near copies in the gold.
const NearJaccard = 0.8

// Pair is two articles by index into the scored articles, A before B.
type Pair struct {
	A, B    int
	Jaccard float64
}

// Gold is what the text says, computed exactly.
type Gold struct {
	// Exact lists the groups (by article index, in order) of two or more
	// articles with the same search-layer body of ShortWords words or
	// more; Short the groups with a shorter, non-empty body.
	Exact, Short [][]int
	// Near lists every cross-outlet pair with shingle Jaccard ≥ NearJaccard.
	Near []Pair
	// Empty counts the articles with no words in the body.
	Empty int
}

// Corpus holds the articles with their shingle sets, so the gold and the
// scoring of merges read the same sets.
type Corpus struct {
	Articles []news.Article
	sets     [][]uint64 // sorted, distinct 5-shingle hashes per article
	words    []int      // words per article
}

// NewCorpus computes every article's shingle set.
func NewCorpus(arts []news.Article) *Corpus {
	c := &Corpus{Articles: arts, sets: make([][]uint64, len(arts)), words: make([]int, len(arts))}
	for i, a := range arts {
		ws := words(a.Text)
		c.sets[i], c.words[i] = shingles(ws), len(ws)
	}
	return c
}

// words splits the search layer of s into words: letters and digits.
func words(s string) []string {
	return strings.FieldsFunc(arabic.Search(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// shingles returns the sorted distinct hashes of the word 5-shingles of ws;
// a text shorter than five words is one shingle, an empty one none.
func shingles(ws []string) []uint64 {
	if len(ws) == 0 {
		return nil
	}
	if len(ws) < ShingleWords {
		return []uint64{xxh3.HashString(strings.Join(ws, " "))}
	}
	out := make([]uint64, 0, len(ws)-ShingleWords+1)
	for i := 0; i+ShingleWords <= len(ws); i++ {
		out = append(out, xxh3.HashString(strings.Join(ws[i:i+ShingleWords], " ")))
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// overlap counts the hashes two sorted sets share.
func overlap(a, b []uint64) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			n++
			i++
			j++
		}
	}
	return n
}

// Jaccard is the exact shingle Jaccard similarity of articles i and j.
func (c *Corpus) Jaccard(i, j int) float64 {
	a, b := c.sets[i], c.sets[j]
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	o := overlap(a, b)
	return float64(o) / float64(len(a)+len(b)-o)
}

// Containment is the share of the smaller article's shingles found in the
// larger one's: an excerpt of a longer article scores 1.
func (c *Corpus) Containment(i, j int) float64 {
	a, b := c.sets[i], c.sets[j]
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	return float64(overlap(a, b)) / float64(min(len(a), len(b)))
}

// Shingles is the number of distinct shingles of article i.
func (c *Corpus) Shingles(i int) int { return len(c.sets[i]) }

// Gold computes the exact duplicates and the cross-outlet near copies.
//
// Near copies come from the AllPairs prefix filter: with the shingles of
// every set ordered rarest first, two sets with Jaccard ≥ t share a
// shingle among the first |x| − ⌈t·|x|⌉ + 1 of each, so only pairs sharing
// a prefix shingle (and of compatible sizes) are compared, each exactly.
func (c *Corpus) Gold() Gold {
	var g Gold
	byText := map[string][]int{}
	for i, a := range c.Articles {
		s := arabic.Search(strings.TrimSpace(a.Text))
		if len(c.sets[i]) == 0 {
			g.Empty++
			continue
		}
		byText[s] = append(byText[s], i)
	}
	for _, group := range byText {
		switch {
		case len(group) < 2:
		case c.words[group[0]] < ShortWords:
			g.Short = append(g.Short, group)
		default:
			g.Exact = append(g.Exact, group)
		}
	}
	first := func(a, b []int) int { return cmp.Compare(a[0], b[0]) }
	slices.SortFunc(g.Exact, first)
	slices.SortFunc(g.Short, first)

	df := map[uint64]int{}
	for _, s := range c.sets {
		for _, h := range s {
			df[h]++
		}
	}
	rarer := func(a, b uint64) int {
		if d := cmp.Compare(df[a], df[b]); d != 0 {
			return d
		}
		return cmp.Compare(a, b)
	}
	index := map[uint64][]int{} // prefix shingle → articles, in order
	for i, s := range c.sets {
		if len(s) == 0 {
			continue
		}
		ordered := slices.Clone(s)
		slices.SortFunc(ordered, rarer)
		prefix := len(s) - ceilMul(NearJaccard, len(s)) + 1
		seen := map[int]bool{}
		for _, h := range ordered[:prefix] {
			for _, j := range index[h] {
				if seen[j] {
					continue
				}
				seen[j] = true
				if c.Articles[j].Source == c.Articles[i].Source {
					continue
				}
				n, m := len(c.sets[j]), len(s)
				if float64(min(n, m)) < NearJaccard*float64(max(n, m)) {
					continue // sizes alone keep the Jaccard below t
				}
				if jac := c.Jaccard(j, i); jac >= NearJaccard {
					g.Near = append(g.Near, Pair{A: j, B: i, Jaccard: jac})
				}
			}
			index[h] = append(index[h], i)
		}
	}
	slices.SortFunc(g.Near, func(a, b Pair) int {
		return cmp.Or(cmp.Compare(a.B, b.B), cmp.Compare(a.A, b.A))
	})
	return g
}

// ceilMul is ⌈t·n⌉, robust to t·n landing a hair above an integer.
func ceilMul(t float64, n int) int {
	x := t * float64(n)
	k := int(x)
	if float64(k) < x-1e-9 {
		k++
	}
	return k
}
