package stories

import (
	"container/heap"
	"slices"
	"time"
)

// How copies are told apart from look-alikes. A copy is the same text,
// possibly lightly edited, trimmed or cut to an excerpt; a look-alike is
// another article poured into the same mould (two royal cables to two
// presidents, two execution statements of the Interior Ministry, two
// weather bulletins), which shares most of its words with the first and
// none of what makes it news.
const (
	// minCopyWords is the shortest body that can be a copy: shorter ones
	// are bylines, captions or "watch the video" stubs, identical across
	// unrelated articles.
	minCopyWords = 8
	// sameText is the exact shingle Jaccard from which two texts are the
	// same text whatever their words are: no mould seen in SaudiNewsNet
	// leaves that little room for the news.
	sameText = 0.8
	// excerpt is the share of the new text's shingles found in an earlier,
	// longer one from which the new text is an excerpt or a trimmed
	// rewrite, when it has at least minExcerpt shingles. Not the other way
	// round: a later, longer article that holds an earlier one whole is a
	// roundup or a follow-up, with news of its own that folding it under
	// the earlier one would hide. For the same reason an edited copy may
	// be at most maxGrowth times as long as its original.
	excerpt    = 0.8
	minExcerpt = 30
	maxGrowth  = 1.25
	// Below sameText, a copy must share what is distinctive in it: the
	// shorter text's shingles held by at most boilerplateDocs articles
	// published more than copyWindow before the newest one (copies of
	// the same story are published within the window, and so do not make
	// its text look stock). At least minDistinct of them, and
	// distinctShare of them found in the other text. A mould's shingles
	// are in the articles of its earlier uses and do not count; its names,
	// places and dates differ. A mould first used within the window
	// cannot be told apart this way.
	boilerplateDocs = 1
	minDistinct     = 5
	distinctShare   = 0.5
	// copyWindow is how far apart in publication time an edited copy or
	// an excerpt may be from its original: syndication takes days, a
	// mould is reused for weeks. Near-identical texts have no window.
	copyWindow = 3 * 24 * time.Hour
	// sampleMask keeps one shingle in four for the containment index:
	// MinHash estimates Jaccard, which is low between an excerpt and the
	// long original, so excerpts are looked up by shared shingles.
	sampleMask = 3
	// crowded is the posting length beyond which a sampled shingle is a
	// set phrase, no evidence of copying, and is not followed.
	crowded = 256
)

// fingerprint is what copy detection keeps of a text: the MinHash sketch
// for Jaccard candidates and the exact set of shingle hashes to check
// them (32 bits a shingle: a few kilobytes an article).
type fingerprint struct {
	sig signature
	set []uint32 // sorted, distinct; nil for a text below minCopyWords
}

// copyIndex finds, among earlier articles, the one a new article copies.
// Documents are numbered as the clusterer numbers them.
type copyIndex struct {
	bands   *lsh
	sigs    []signature
	sets    [][]uint32
	when    []time.Time        // publication time (zero: unknown)
	root    []int32            // first member of each document's copy group, or a later one's (rootOf)
	clock   time.Time          // latest publication time seen
	pending timeHeap           // documents not yet past copyWindow
	sampled map[uint32][]int32 // sampled shingle → documents holding it
	nSample []int32            // sampled shingles per document
	df      countMin           // documents past copyWindow holding each shingle
}

func newCopyIndex() *copyIndex {
	return &copyIndex{bands: newLSH(), sampled: map[uint32][]int32{}, df: newCountMin()}
}

// add indexes document doc, which must be the next number, published at
// when, a copy of root (doc itself when it is none).
func (x *copyIndex) add(p *fingerprint, doc, root int, when time.Time) {
	x.sigs = append(x.sigs, p.sig)
	x.sets = append(x.sets, p.set)
	x.when = append(x.when, when)
	x.root = append(x.root, int32(root))
	n := int32(0)
	for _, h := range p.set {
		if h&sampleMask == 0 {
			x.sampled[h] = append(x.sampled[h], int32(doc))
			n++
		}
	}
	x.nSample = append(x.nSample, n)
	if len(p.set) > 0 {
		x.bands.add(&p.sig, doc)
	}
	x.age(doc, when)
}

// age counts the shingles of the documents published more than
// copyWindow before the latest one seen (doc included, at once when its
// time is unknown) into df.
func (x *copyIndex) age(doc int, when time.Time) {
	if when.IsZero() {
		x.count(doc)
		return
	}
	heap.Push(&x.pending, timed{doc, when})
	if when.After(x.clock) {
		x.clock = when
	}
	for len(x.pending) > 0 && x.clock.Sub(x.pending[0].when) > copyWindow {
		x.count(heap.Pop(&x.pending).(timed).doc)
	}
}

func (x *copyIndex) count(doc int) {
	for _, h := range x.sets[doc] {
		x.df.add(h)
	}
}

// timed is a document with its publication time.
type timed struct {
	doc  int
	when time.Time
}

// timeHeap orders documents oldest first (container/heap).
type timeHeap []timed

func (h timeHeap) Len() int           { return len(h) }
func (h timeHeap) Less(i, j int) bool { return h[i].when.Before(h[j].when) }
func (h timeHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *timeHeap) Push(v any)        { *h = append(*h, v.(timed)) }
func (h *timeHeap) Pop() any {
	old := *h
	v := old[len(old)-1]
	*h = old[:len(old)-1]
	return v
}

// nearest returns the copy group (by its first member) p copies, or -1.
// Candidates are the LSH and sampled-containment candidates. p must copy
// a candidate (copies, within copyWindow of it); unless it is the same
// text as the candidate, it must copy the candidate's first member too,
// with no window: duplicate_of names the first member, and through a
// member in between, an excerpt of a long article's second half would
// become a copy of an excerpt of its first. Of the groups that qualify,
// the one holding the member most like p wins: an exact duplicate joins
// its twin's group.
func (x *copyIndex) nearest(p *fingerprint, when time.Time, minJaccard float64) int {
	if len(p.set) == 0 {
		return -1
	}
	best, bestJ := -1, -1.0
	roots := map[int32]bool{} // first member → whether p copies it
	consider := func(d int) {
		r := int32(x.rootOf(d))
		jd, ok := x.copies(p, when, d, minJaccard, true)
		if !ok {
			return
		}
		if jd < sameText { // the same text as a member joins, however far its first member
			copiesRoot, known := roots[r]
			if !known {
				_, copiesRoot = x.copies(p, when, int(r), minJaccard, false)
				roots[r] = copiesRoot
			}
			if !copiesRoot {
				return
			}
		}
		if jd > bestJ || (jd == bestJ && int(r) < best) {
			best, bestJ = int(r), jd
		}
	}
	for _, d := range x.bands.candidates(&p.sig) {
		consider(d)
	}
	for _, d := range x.containing(p.set) {
		consider(d)
	}
	return best
}

// reroot points document old, and through it the copies that name it, at
// first as their group's first member (rootOf follows the chain).
func (x *copyIndex) reroot(old, first int) {
	x.root[old] = int32(first)
}

// rootOf is the first member of document d's copy group. A group's first
// member is replaced when an article published before it joins (its root
// then names the newcomer), so the chain is followed.
func (x *copyIndex) rootOf(d int) int {
	for int(x.root[d]) != d {
		d = int(x.root[d])
	}
	return d
}

// copies reports whether p copies document d, and their exact shingle
// Jaccard: the same text (Jaccard ≥
// sameText), or, within copyWindow when windowed, an estimated Jaccard
// of minJaccard or a containment, sharing what is distinctive in the
// shorter text.
func (x *copyIndex) copies(p *fingerprint, when time.Time, d int, minJaccard float64, windowed bool) (float64, bool) {
	o := x.sets[d]
	if len(o) == 0 {
		return 0, false
	}
	inter := intersect(p.set, o)
	j := float64(inter) / float64(len(p.set)+len(o)-inter)
	short, long := p.set, o
	if len(short) > len(long) {
		short, long = long, short
	}
	contained := len(p.set) <= len(o) && len(p.set) >= minExcerpt && float64(inter) >= excerpt*float64(len(p.set))
	switch {
	case j >= sameText:
		return j, true
	case windowed && !x.near(when, d), float64(len(p.set)) > maxGrowth*float64(len(o)):
		return j, false
	case contained || p.sig.similarity(&x.sigs[d]) >= minJaccard:
		return j, x.distinct(short, long)
	}
	return j, false
}

// near reports whether when is within copyWindow of document d's
// publication, or either is unknown.
func (x *copyIndex) near(when time.Time, d int) bool {
	t := x.when[d]
	if when.IsZero() || t.IsZero() {
		return true
	}
	return when.Sub(t).Abs() <= copyWindow
}

// containing lists the documents that share at least half the sampled
// shingles of the smaller of the two texts, and two at least.
func (x *copyIndex) containing(set []uint32) []int {
	hits := map[int32]int32{}
	var mine int32
	for _, h := range set {
		if h&sampleMask != 0 {
			continue
		}
		mine++
		if ds := x.sampled[h]; len(ds) <= crowded {
			for _, d := range ds {
				hits[d]++
			}
		}
	}
	var out []int
	for d, n := range hits {
		if n >= 2 && 2*n >= min(mine, x.nSample[d]) {
			out = append(out, int(d))
		}
	}
	slices.Sort(out) // map order must not decide ties
	return out
}

// distinct reports whether the shorter text's distinctive shingles (those
// few articles past copyWindow hold) are found in the longer one.
func (x *copyIndex) distinct(short, long []uint32) bool {
	n, found := 0, 0
	for _, h := range short {
		if x.df.count(h) > boilerplateDocs {
			continue
		}
		n++
		if _, ok := slices.BinarySearch(long, h); ok {
			found++
		}
	}
	return n >= minDistinct && float64(found) >= distinctShare*float64(n)
}

// intersect counts the hashes two sorted sets share.
func intersect(a, b []uint32) int {
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

// countMin counts documents per shingle in fixed memory (4 rows of 2^22
// saturating 16-bit counters, 32 MiB, updated conservatively): a
// collision can only overcount, which makes a rare shingle look common,
// never the reverse. SaudiNewsNet's 8.7 million shingles leave about two
// per counter.
type countMin struct {
	rows [4][]uint16
}

const countMinBits = 22

func newCountMin() countMin {
	var c countMin
	for i := range c.rows {
		c.rows[i] = make([]uint16, 1<<countMinBits)
	}
	return c
}

// slot hashes a shingle hash into a row by multiply-shift with the row's
// MinHash parameters: rows independent, no second real hash.
func (c *countMin) slot(h uint32, row int) uint32 {
	return uint32((uint64(h)*hashParams[row][0] + hashParams[row][1]) >> (64 - countMinBits))
}

// add counts h once more, raising only the counters at the minimum
// (conservative update): the estimate stays an upper bound, with less
// overcount than raising them all.
func (c *countMin) add(h uint32) {
	n := c.count(h)
	if n == int(^uint16(0)) {
		return
	}
	for r := range c.rows {
		if s := c.slot(h, r); int(c.rows[r][s]) == n {
			c.rows[r][s]++
		}
	}
}

func (c *countMin) count(h uint32) int {
	n := int(^uint16(0))
	for r := range c.rows {
		n = min(n, int(c.rows[r][c.slot(h, r)]))
	}
	return n
}
