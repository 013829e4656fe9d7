package ner

import (
	"archive/zip"
	"cmp"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/marsad/marsad/internal/arabic"
)

// ClusterConfig says how LearnClusters groups words. The zero value uses the
// defaults documented on each field.
type ClusterConfig struct {
	// MinCount is the fewest occurrences a word needs to be clustered;
	// rarer words have too little context to place. 0 means 5.
	MinCount int
	// MaxWords caps the number of words clustered, most frequent first.
	// 0 means 100,000.
	MaxWords int
	// Contexts is the number of most frequent tokens used as context
	// dimensions. 0 means 2,000.
	Contexts int
	// Depth is the deepest level of the cluster tree (up to 2^Depth
	// clusters). 0 means 12.
	Depth int
}

// LearnClusters groups words that occur in similar contexts, learning from
// unlabelled texts: each word becomes a vector of the positive pointwise
// mutual information of the tokens one and two places to its left and right,
// and the vectors are split in two by spherical 2-means, again and again,
// down to Depth levels. A word's cluster is its path in that tree as a bit
// string ("0110..."), so prefixes name coarser clusters, as with Brown
// clusters, which cost hours to learn where this takes seconds.
//
// Words are in the search layer. The result depends only on the texts and
// cfg: no randomness is involved.
func LearnClusters(texts []string, cfg ClusterConfig) map[string]string {
	cfg.MinCount = cmp.Or(cfg.MinCount, 5)
	cfg.MaxWords = cmp.Or(cfg.MaxWords, 100_000)
	cfg.Contexts = cmp.Or(cfg.Contexts, 2000)
	cfg.Depth = cmp.Or(cfg.Depth, 12)

	// The token stream as ids, -1 between texts.
	ids := map[string]int32{}
	var words []string
	var freq []int
	var stream []int32
	for _, text := range texts {
		stream = append(stream, -1)
		for _, t := range arabic.Tokens(text) {
			id, ok := ids[t.Norm]
			if !ok {
				id = int32(len(words))
				ids[t.Norm] = id
				words = append(words, t.Norm)
				freq = append(freq, 0)
			}
			freq[id]++
			stream = append(stream, id)
		}
	}
	stream = append(stream, -1)
	byFreq := make([]int32, len(words))
	for i := range byFreq {
		byFreq[i] = int32(i)
	}
	slices.SortFunc(byFreq, func(a, b int32) int {
		return cmp.Or(cmp.Compare(freq[b], freq[a]), strings.Compare(words[a], words[b]))
	})
	ctx := make([]int32, len(words)) // context dimension of a token, -1 if none
	target := make([]int32, len(words))
	for i := range ctx {
		ctx[i], target[i] = -1, -1
	}
	nTargets := 0
	for rank, id := range byFreq {
		if rank < cfg.Contexts {
			ctx[id] = int32(rank)
		}
		if rank < cfg.MaxWords && freq[id] >= cfg.MinCount && isClusterable(words[id]) {
			target[id] = int32(nTargets)
			nTargets++
		}
	}
	if nTargets < 2 {
		return map[string]string{}
	}

	// Co-occurrence counts: dimension = side×Contexts + context rank, for
	// the four sides -2, -1, +1, +2.
	dims := 4 * cfg.Contexts
	counts := make([]map[int32]float64, nTargets)
	for i := range counts {
		counts[i] = map[int32]float64{}
	}
	dimTotal := make([]float64, dims)
	total := 0.0
	for i, id := range stream {
		if id < 0 || target[id] < 0 {
			continue
		}
		for side, d := range [...]int{-2, -1, 1, 2} {
			j := i + d
			if j < 0 || j >= len(stream) || stream[j] < 0 || ctx[stream[j]] < 0 {
				continue
			}
			// Do not look across the start or end of a text.
			if (d == -2 && stream[i-1] < 0) || (d == 2 && stream[i+1] < 0) {
				continue
			}
			dim := int32(side*cfg.Contexts) + ctx[stream[j]]
			counts[target[id]][dim]++
			dimTotal[dim]++
			total++
		}
	}

	// PPMI vectors, L2-normalized, as sorted sparse rows.
	type sparse struct {
		idx []int32
		val []float32
	}
	vecs := make([]sparse, nTargets)
	for t, row := range counts {
		rowTotal := 0.0
		for _, c := range row {
			rowTotal += c
		}
		dimsOf := make([]int32, 0, len(row))
		for d := range row {
			dimsOf = append(dimsOf, d)
		}
		slices.Sort(dimsOf)
		var v sparse
		norm := 0.0
		for _, d := range dimsOf {
			pmi := math.Log(row[d] * total / (rowTotal * dimTotal[d]))
			if pmi > 0 {
				v.idx = append(v.idx, d)
				v.val = append(v.val, float32(pmi))
				norm += pmi * pmi
			}
		}
		norm = math.Sqrt(norm)
		for k := range v.val {
			v.val[k] /= float32(norm)
		}
		vecs[t] = v
		counts[t] = nil
	}
	dot := func(v sparse, c []float64) float64 {
		s := 0.0
		for k, d := range v.idx {
			s += float64(v.val[k]) * c[d]
		}
		return s
	}
	centroid := func(members []int32) []float64 {
		c := make([]float64, dims)
		for _, m := range members {
			for k, d := range vecs[m].idx {
				c[d] += float64(vecs[m].val[k])
			}
		}
		n := 0.0
		for _, x := range c {
			n += x * x
		}
		if n = math.Sqrt(n); n > 0 {
			for d := range c {
				c[d] /= n
			}
		}
		return c
	}

	// Bisect: members are target ids in frequency order, so the first is the
	// node's most frequent word, a stable seed.
	paths := make([]string, nTargets)
	var split func(members []int32, path string)
	split = func(members []int32, path string) {
		if len(path) >= cfg.Depth || len(members) < 4 {
			for _, m := range members {
				paths[m] = path
			}
			return
		}
		// Seed the split along the members' first principal direction
		// (Boley's PDDP), found by power iteration: deterministic, and far
		// more even than seeding with two far-apart words.
		mean := make([]float64, dims)
		for _, m := range members {
			for k, d := range vecs[m].idx {
				mean[d] += float64(vecs[m].val[k])
			}
		}
		for d := range mean {
			mean[d] /= float64(len(members))
		}
		dir := make([]float64, dims)
		for k, d := range vecs[members[0]].idx {
			dir[d] = float64(vecs[members[0]].val[k])
		}
		proj := make([]float64, len(members))
		for iter := 0; iter < 6; iter++ {
			mu := 0.0
			for d, x := range mean {
				mu += x * dir[d]
			}
			sum := 0.0
			for i, m := range members {
				proj[i] = dot(vecs[m], dir) - mu
				sum += proj[i]
			}
			next := make([]float64, dims)
			for i, m := range members {
				for k, d := range vecs[m].idx {
					next[d] += proj[i] * float64(vecs[m].val[k])
				}
			}
			norm := 0.0
			for d := range next {
				next[d] -= sum * mean[d]
				norm += next[d] * next[d]
			}
			if norm = math.Sqrt(norm); norm == 0 {
				break
			}
			for d := range next {
				next[d] /= norm
			}
			dir = next
		}
		var left, right []int32
		mu := 0.0
		for d, x := range mean {
			mu += x * dir[d]
		}
		for _, m := range members {
			if dot(vecs[m], dir) >= mu {
				left = append(left, m)
			} else {
				right = append(right, m)
			}
		}
		if len(left) == 0 || len(right) == 0 {
			for _, m := range members {
				paths[m] = path
			}
			return
		}
		a, b := centroid(left), centroid(right)
		// Then refine with a few rounds of spherical 2-means.
		for iter := 0; iter < 4; iter++ {
			left, right = left[:0], right[:0]
			for _, m := range members {
				if dot(vecs[m], a) >= dot(vecs[m], b) {
					left = append(left, m)
				} else {
					right = append(right, m)
				}
			}
			if len(left) == 0 || len(right) == 0 {
				break
			}
			a, b = centroid(left), centroid(right)
		}
		if len(left) == 0 || len(right) == 0 {
			for _, m := range members {
				paths[m] = path
			}
			return
		}
		split(slices.Clone(left), path+"0")
		split(slices.Clone(right), path+"1")
	}
	all := make([]int32, nTargets)
	for i := range all {
		all[i] = int32(i)
	}
	split(all, "")

	out := make(map[string]string, nTargets)
	for id, t := range target {
		if t >= 0 {
			out[words[id]] = "c" + paths[t] // never empty, even at the root
		}
	}
	return out
}

// isClusterable reports whether a token is worth a cluster: words, not
// punctuation or numbers, which shape features already cover.
func isClusterable(w string) bool {
	for _, r := range w {
		if r >= '0' && r <= '9' {
			return false
		}
	}
	return shapeOf(w) != "punct"
}

// ReadSaudiNewsNet returns the title and content of every article in the
// SaudiNewsNet zips in dir (one JSON array per crawl day), in file order, as
// unlabelled text for LearnClusters.
func ReadSaudiNewsNet(dir string) ([]string, error) {
	zips, err := filepath.Glob(filepath.Join(dir, "*.zip"))
	if err != nil {
		return nil, fmt.Errorf("read SaudiNewsNet: %w", err)
	}
	if len(zips) == 0 {
		return nil, fmt.Errorf("read SaudiNewsNet: no zip files in %s: %w", dir, os.ErrNotExist)
	}
	slices.Sort(zips)
	var texts []string
	for _, p := range zips {
		zr, err := zip.OpenReader(p)
		if err != nil {
			return nil, fmt.Errorf("read SaudiNewsNet %s: %w", p, err)
		}
		for _, f := range zr.File {
			if !strings.HasSuffix(f.Name, ".json") {
				continue
			}
			r, err := f.Open()
			if err != nil {
				zr.Close()
				return nil, fmt.Errorf("read SaudiNewsNet %s: %w", p, err)
			}
			var arts []struct{ Title, Content string }
			err = json.NewDecoder(r).Decode(&arts)
			r.Close()
			if err != nil {
				zr.Close()
				return nil, fmt.Errorf("read SaudiNewsNet %s/%s: %w", p, f.Name, err)
			}
			for _, a := range arts {
				texts = append(texts, a.Title+"\n"+a.Content)
			}
		}
		zr.Close()
	}
	return texts, nil
}
