package stories

import (
	"cmp"
	"math"
	"slices"
	"time"
)

// Centroids keep at most this many terms, and are indexed under their
// heaviest few: enough to find candidates, small enough that the cost of
// placing an article stays flat as the archive grows.
const (
	centroidTerms = 150
	indexedTerms  = 25
	queryTerms    = 40
	// postingScan bounds how many clusters one term can bring in, newest
	// first: a word as common as روسيا must not make placement scan
	// the whole archive.
	postingScan = 300
	// fullCompare is how many ranked candidates get a full cosine.
	fullCompare = 10
)

// cluster is an event or a story: summed term counts and a time span.
type cluster struct {
	id          string
	parent      string // an event's story
	sum         map[string]float64
	lead        map[string]float64 // summed title-and-lead counts (events only)
	size        int
	first, last time.Time
	indexed     []string
	closed      bool     // past its window for good: its centroid is dropped
	into        *cluster // the older cluster this one was merged into, if it was
}

// index finds, for an article's vector, the most similar cluster through
// an inverted index over the clusters' heaviest terms.
type index struct {
	prefix    string
	fromStart bool // hold candidates to the window from their first article, not their last
	clusters  []*cluster
	byID      map[string]int
	postings  map[string][]int
	open      int // clusters before this one (in creation order) are closed or undated
}

func newIndex(prefix string) *index {
	return &index{prefix: prefix, byID: map[string]int{}, postings: map[string][]int{}}
}

// newEventIndex is the index of events, held to their window from their
// start.
func newEventIndex() *index {
	x := newIndex("ev-")
	x.fromStart = true
	return x
}

// add puts an article's term counts, and its title-and-lead counts when
// lead is not nil, into cluster id, creating it.
func (x *index) add(id, parent string, tf, lead map[string]float64, when time.Time) {
	i, ok := x.byID[id]
	if !ok {
		i = len(x.clusters)
		x.byID[id] = i
		x.clusters = append(x.clusters, &cluster{id: id, parent: parent, sum: map[string]float64{}})
	}
	c := x.clusters[i]
	// A late copy of an old report, or of a report whose event has been
	// merged away: counted, not weighed.
	if c.closed || c.into != nil {
		c.size++
		return
	}
	c.size++
	x.grow(i, tf, lead, when, when)
}

// grow adds term counts, title-and-lead counts (when not nil) and a time
// span to cluster i and re-indexes it.
func (x *index) grow(i int, tf, lead map[string]float64, first, last time.Time) {
	c := x.clusters[i]
	for t, v := range tf {
		c.sum[t] += v
	}
	if lead != nil {
		if c.lead == nil {
			c.lead = map[string]float64{}
		}
		for t, v := range lead {
			c.lead[t] += v
		}
		c.lead = trim(c.lead)
	}
	if !first.IsZero() && (c.first.IsZero() || first.Before(c.first)) {
		c.first = first
	}
	if last.After(c.last) {
		c.last = last
	}
	c.sum = trim(c.sum)
	// Re-index under the current heaviest terms; stale postings only cost
	// a wasted comparison, so they are left in place.
	for _, t := range sortedTop(c.sum, indexedTerms) {
		if !contains(c.indexed, t) {
			x.postings[t] = append(x.postings[t], i)
			c.indexed = append(c.indexed, t)
		}
	}
}

// absorb merges cluster from into cluster into, both open: into takes its
// counts, size and time span; from points to it, and the postings that
// still name from are passed over.
func (x *index) absorb(into, from int) {
	f := x.clusters[from]
	x.clusters[into].size += f.size
	x.grow(into, f.sum, f.lead, f.first, f.last)
	f.into, f.sum, f.lead, f.indexed = x.clusters[into], nil, nil, nil
}

// query is an article as an index compares it: unit TF-IDF vectors of its
// whole text and of its title and lead, and its time.
type query struct {
	v, lead map[string]float64
	when    time.Time
}

// ranked returns the clusters most like q whose time span lies within
// window of q.when (of its start when fromStart is set; clusters or
// articles without dates are not held to the window), with their
// similarity, most similar first; none below zero. The similarity is the
// cosine of the whole texts, mixed with the cosine of titles and leads in
// the share leadMix: the lead names the happening, while the rest of an
// article is often background it shares with every report of the same
// story.
//
// Candidates come from the postings of v's heaviest terms, ranked by the
// weight of the terms they share with v; only the top few get a full
// cosine, so the cost per article stays flat as the archive grows.
func (x *index) ranked(q query, idf func(string) float64, window time.Duration, leadMix float64) []scored {
	v, when := q.v, q.when
	shared := map[int]float64{}
	for _, t := range sortedTop(v, queryTerms) {
		ps := x.postings[t]
		for k := len(ps) - 1; k >= 0 && k >= len(ps)-postingScan; k-- {
			if x.clusters[ps[k]].closed {
				// Postings run oldest to newest, so what lies behind a
				// closed cluster is closed too (but for a few re-indexed
				// late): the scan stays within the window however long
				// the archive.
				break
			}
			if x.clusters[ps[k]].into != nil {
				continue
			}
			shared[ps[k]] += v[t]
		}
	}
	cands := make([]int, 0, len(shared))
	for i := range shared {
		c := x.clusters[i]
		// An event is one happening: it is held to the window from its
		// start, so a stream of reports cannot stretch it across weeks.
		// A story may run on as long as it keeps being reported.
		end := c.last
		if x.fromStart {
			end = c.first
		}
		if !when.IsZero() && !c.last.IsZero() && (when.Sub(end) > window || c.first.Sub(when) > window) {
			continue
		}
		cands = append(cands, i)
	}
	before := func(a, b int) bool {
		if shared[a] != shared[b] {
			return shared[a] > shared[b]
		}
		return a > b // newer first
	}
	// Only the top fullCompare are wanted: select them in one pass rather
	// than sort every candidate a common word brought in.
	top := cands[:0:0]
	for _, i := range cands {
		if len(top) < fullCompare {
			top = append(top, i)
		} else if before(i, top[len(top)-1]) {
			top[len(top)-1] = i
		} else {
			continue
		}
		for k := len(top) - 1; k > 0 && before(top[k], top[k-1]); k-- {
			top[k], top[k-1] = top[k-1], top[k]
		}
	}
	out := make([]scored, 0, len(top))
	for _, i := range top {
		c := x.clusters[i]
		var s float64
		if leadMix < 1 || q.lead == nil {
			s = cosine(v, c.sum, idf)
		}
		if leadMix > 0 && q.lead != nil {
			s = (1-leadMix)*s + leadMix*cosine(q.lead, c.lead, idf)
		}
		if s > 0 {
			out = append(out, scored{i, s})
		}
	}
	// Stable: of equal similarities the better-ranked candidate comes first.
	slices.SortStableFunc(out, func(a, b scored) int { return cmp.Compare(b.sim, a.sim) })
	return out
}

// scored is a cluster compared with an article, and their similarity.
type scored struct {
	i   int
	sim float64
}

// best is the first of ranked: the most similar cluster and its
// similarity, or -1.
func (x *index) best(q query, idf func(string) float64, window time.Duration, leadMix float64) (int, float64) {
	if r := x.ranked(q, idf, window, leadMix); len(r) > 0 {
		return r[0].i, r[0].sim
	}
	return -1, 0
}

// closeBefore closes the clusters, oldest first, that started before t:
// an event is held to its window from its start, so once the stream has
// moved well past that, no article can join it again, and its centroids
// are dropped. This keeps the memory and the candidate scan of the event
// index to the events of the last few windows, however long the archive.
// Undated clusters are passed over and stay open. A late article from
// before t opens an event of its own rather than joining a closed one.
func (x *index) closeBefore(t time.Time) {
	for ; x.open < len(x.clusters); x.open++ {
		c := x.clusters[x.open]
		if !c.first.IsZero() {
			if !c.first.Before(t) {
				return
			}
			c.closed, c.sum, c.lead, c.indexed = true, nil, nil, nil
		}
	}
}

// trim keeps a centroid to its centroidTerms heaviest terms once it has
// twice as many.
func trim(sum map[string]float64) map[string]float64 {
	if len(sum) <= 2*centroidTerms {
		return sum
	}
	keep := sortedTop(sum, centroidTerms)
	trimmed := make(map[string]float64, len(keep))
	for _, t := range keep {
		trimmed[t] = sum[t]
	}
	return trimmed
}

// cosine of a unit TF-IDF vector with a cluster's summed counts, weighted
// by the same idf so common words count as little on both sides.
func cosine(v, sum map[string]float64, idf func(string) float64) float64 {
	var dot, norm float64
	for t, w := range sum {
		w *= idf(t)
		norm += w * w
		dot += v[t] * w
	}
	if norm == 0 {
		return 0
	}
	return dot / math.Sqrt(norm)
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}
