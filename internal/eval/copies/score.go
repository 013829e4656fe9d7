package copies

import (
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// Report is the score of one clustering's copy groups against the gold.
type Report struct {
	Articles, Empty int
	// ExactGroups and ExactArticles count the gold's exact-duplicate
	// groups and the articles beyond the first of each; the Found fields
	// count those the clustering put in one copy group.
	ExactGroups, ExactGroupsFound     int
	ExactArticles, ExactArticlesFound int
	// Short and ShortFound count the articles beyond the first of the
	// groups of identical bodies under ShortWords words, and those the
	// clustering folded (marsad folds none by design).
	Short, ShortFound int
	// Near and NearFound count the gold's cross-outlet near-copy pairs and
	// those whose two articles share a copy root.
	Near, NearFound int
	// Merges counts the articles the clustering made copies; MergeBands
	// splits them by the exact Jaccard with their root (bands: ≥ 0.8,
	// 0.5-0.8, 0.2-0.5, < 0.2), Contained counts those below 0.8 whose
	// smaller text has ≥ 0.8 of its shingles in the other's.
	Merges     int
	MergeBands [4]int
	Contained  int
	Missed     []Pair // gold near copies the clustering keeps apart
	// MissedExact lists exact duplicates left out of their group's first
	// article's copy group, each with that first article.
	MissedExact []Pair
	// Gold and Run are how long the gold took to compute and the
	// clustering to run (the caller's measure).
	Gold, Run time.Duration
}

// Score compares copy roots with the gold: roots[i] is the id of the
// first member of article i's copy group (its own id when it is no copy).
func (c *Corpus) Score(g Gold, roots []string) (Report, error) {
	if len(roots) != len(c.Articles) {
		return Report{}, fmt.Errorf("score copies: %d roots for %d articles", len(roots), len(c.Articles))
	}
	r := Report{Articles: len(c.Articles), Empty: g.Empty, ExactGroups: len(g.Exact), Near: len(g.Near)}
	for _, group := range g.Exact {
		all := true
		for _, i := range group[1:] {
			r.ExactArticles++
			if roots[i] == roots[group[0]] {
				r.ExactArticlesFound++
			} else {
				all = false
				r.MissedExact = append(r.MissedExact, Pair{A: group[0], B: i, Jaccard: 1})
			}
		}
		if all {
			r.ExactGroupsFound++
		}
	}
	for _, group := range g.Short {
		for _, i := range group[1:] {
			r.Short++
			if roots[i] == roots[group[0]] {
				r.ShortFound++
			}
		}
	}
	for _, p := range g.Near {
		if roots[p.A] == roots[p.B] {
			r.NearFound++
		} else {
			r.Missed = append(r.Missed, p)
		}
	}
	pos := c.positions()
	for i, a := range c.Articles {
		if roots[i] == a.ID {
			continue
		}
		j, ok := pos[roots[i]]
		if !ok {
			return Report{}, fmt.Errorf("score copies: %s is a copy of %s, which is not among the articles", a.ID, roots[i])
		}
		r.Merges++
		jac := c.Jaccard(i, j)
		for b, lo := range [...]float64{0.8, 0.5, 0.2, 0} { // MergeBands' lower edges
			if jac >= lo {
				r.MergeBands[b]++
				break
			}
		}
		if jac < NearJaccard && c.Containment(i, j) >= NearJaccard {
			r.Contained++
		}
	}
	return r, nil
}

func (c *Corpus) positions() map[string]int {
	pos := make(map[string]int, len(c.Articles))
	for i, a := range c.Articles {
		pos[a.ID] = i
	}
	return pos
}

// String prints the report, with at most missed of the missed pairs.
func (r Report) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "articles: %d (%d with an empty body)\n", r.Articles, r.Empty)
	fmt.Fprintf(&b, "exact duplicates (same search-layer body): %d/%d articles in their group's copy group; %d/%d groups whole\n",
		r.ExactArticlesFound, r.ExactArticles, r.ExactGroupsFound, r.ExactGroups)
	fmt.Fprintf(&b, "identical bodies under %d words (bylines, stubs): %d articles, %d folded\n", ShortWords, r.Short, r.ShortFound)
	fmt.Fprintf(&b, "cross-outlet near copies (%d-word shingle Jaccard ≥ %.1f): %d pairs, recall %.4f (%d missed)\n",
		ShingleWords, NearJaccard, r.Near, recall(r.NearFound, r.Near), r.Near-r.NearFound)
	fmt.Fprintf(&b, "marsad's merges (copy → duplicate_of): %d; exact %d-shingle Jaccard with the root: ≥0.8 %d, 0.5-0.8 %d, 0.2-0.5 %d, <0.2 %d; of those below 0.8, %d contained (≥0.8 of the shorter's shingles)\n",
		r.Merges, ShingleWords, r.MergeBands[0], r.MergeBands[1], r.MergeBands[2], r.MergeBands[3], r.Contained)
	fmt.Fprintf(&b, "time: gold %s, marsad's clustering %s", r.Gold.Round(time.Millisecond), r.Run.Round(time.Millisecond))
	return b.String()
}

// WriteMissed prints the first n missed pairs with what a reader needs to
// see why: ids, outlets, Jaccard, containment, sizes, roots and titles.
func (c *Corpus) WriteMissed(w io.Writer, r Report, roots []string, n int) {
	if n <= 0 {
		return
	}
	if len(r.MissedExact) > 0 {
		fmt.Fprintf(w, "\nmissed exact duplicates (first %d of %d):\n", min(n, len(r.MissedExact)), len(r.MissedExact))
		c.writePairs(w, r.MissedExact[:min(n, len(r.MissedExact))], roots)
	}
	if len(r.Missed) > 0 {
		fmt.Fprintf(w, "\nmissed near copies (first %d of %d):\n", min(n, len(r.Missed)), len(r.Missed))
		c.writePairs(w, r.Missed[:min(n, len(r.Missed))], roots)
	}
}

func (c *Corpus) writePairs(w io.Writer, ps []Pair, roots []string) {
	for _, p := range ps {
		a, b := c.Articles[p.A], c.Articles[p.B]
		fmt.Fprintf(w, "J %.3f C %.3f  %s [%s, %d shingles, root %s] %q\n              %s [%s, %d shingles, root %s] %q\n",
			p.Jaccard, c.Containment(p.A, p.B),
			a.ID, a.Source, c.Shingles(p.A), roots[p.A], a.Title,
			b.ID, b.Source, c.Shingles(p.B), roots[p.B], b.Title)
	}
}

// WriteSample writes n merges drawn at random (seeded) for reading: each
// copy with its root, both titles and the first characters of each text.
// The file holds article text: keep it out of the project.
func (c *Corpus) WriteSample(path string, roots []string, n int, seed uint64) error {
	// Shuffle every article and keep the merged ones in that order, so a
	// change to the clusterer leaves the merges it did not touch in the
	// sample (verdicts carry over).
	rng := rand.New(rand.NewPCG(seed, seed^0x5eed))
	var merged []int
	for _, i := range rng.Perm(len(c.Articles)) {
		if roots[i] != c.Articles[i].ID && len(merged) < n {
			merged = append(merged, i)
		}
	}
	pos := c.positions()
	var b strings.Builder
	fmt.Fprintf(&b, "# %d merges sampled with seed %d: copy_id root_id jaccard containment\n", len(merged), seed)
	for k, i := range merged {
		j := pos[roots[i]]
		a, o := c.Articles[i], c.Articles[j]
		fmt.Fprintf(&b, "\n=== %d\t%s\t%s\t%.3f\t%.3f\n", k+1, a.ID, o.ID, c.Jaccard(i, j), c.Containment(i, j))
		for _, x := range []struct {
			role string
			i    int
		}{{"root", j}, {"copy", i}} {
			art := c.Articles[x.i]
			other := c.sets[i+j-x.i]
			cov, run, runs := shared(words(art.Text), other)
			fmt.Fprintf(&b, "[%s] %s | %s | %d shingles, %.2f of words shared, %d runs, longest %d words | %s\n%s\n", x.role, art.Source, art.Published, c.Shingles(x.i), cov, runs, len(run), art.Title, excerpt(art.Text, 300))
			if cov < 0.9 {
				fmt.Fprintf(&b, "  longest shared: %s\n", excerpt(strings.Join(run, " "), 200))
			}
		}
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		return fmt.Errorf("write sample: %w", err)
	}
	return nil
}

// shared reports how the words of a text are covered by 5-shingles found
// in another's set: the share of words covered, the longest covered run
// and the number of runs, so a reader sees whether two texts share one
// boilerplate block or their whole body.
func shared(ws []string, other []uint64) (float64, []string, int) {
	if len(ws) < ShingleWords {
		return 0, nil, 0
	}
	covered := make([]bool, len(ws))
	for i := 0; i+ShingleWords <= len(ws); i++ {
		h := shingles(ws[i : i+ShingleWords])
		if _, ok := slices.BinarySearch(other, h[0]); ok {
			for k := i; k < i+ShingleWords; k++ {
				covered[k] = true
			}
		}
	}
	n, runs, best, start := 0, 0, []string(nil), -1
	for i := 0; i <= len(ws); i++ {
		if i < len(ws) && covered[i] {
			n++
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			runs++
			if i-start > len(best) {
				best = ws[start:i]
			}
			start = -1
		}
	}
	return float64(n) / float64(len(ws)), best, runs
}

// excerpt is the first n characters of s on one line.
func excerpt(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}

// recall is found/of, 1 when there was nothing to find (unlike
// prf.Ratio: a corpus without near-copies misses none).
func recall(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// Provenance describes the copy groups of a clustering: how many there
// are (two members or more), in how many the first member (duplicate_of)
// is the earliest published, ties counting as earliest, and how many
// name a wire, wire being the function that reads the credit from a text
// (stories.Wire; passed in, so this package does not import the
// clusterer).
func (c *Corpus) Provenance(roots []string, wire func(string) string) (groups, earliest, named int) {
	pos := c.positions()
	members := map[int][]int{}
	for i, r := range roots {
		if j, ok := pos[r]; ok && j != i {
			members[j] = append(members[j], i)
		}
	}
	for root, ms := range members {
		groups++
		t0, ok0 := c.Articles[root].PublishedTime()
		first := true
		for _, m := range ms {
			if t, ok := c.Articles[m].PublishedTime(); ok && ok0 && t.Before(t0) {
				first = false
			}
		}
		if first {
			earliest++
		}
		for _, m := range append([]int{root}, ms...) {
			if wire(c.Articles[m].Text) != "" {
				named++
				break
			}
		}
	}
	return groups, earliest, named
}
