package ner

import (
	"cmp"
	"math"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/marsad/marsad/internal/arabic"
)

// VectorConfig says how LearnVectors trains word vectors. The zero value
// uses the defaults documented on each field.
type VectorConfig struct {
	// Dim is the length of a vector. 0 means 100.
	Dim int
	// Window is the widest context on each side; each occurrence uses a
	// window drawn between 1 and Window, as word2vec does. 0 means 5.
	Window int
	// Negative is the number of noise words per context word. 0 means 5.
	Negative int
	// Epochs over the texts. 0 means 3.
	Epochs int
	// MinCount is the fewest occurrences a word needs to get a vector.
	// 0 means 5.
	MinCount int
	// MaxWords caps the vocabulary, most frequent first. 0 means 150,000.
	MaxWords int
	// Sample is word2vec's subsampling threshold: a word making up more
	// than this share of the text is kept at each occurrence with a
	// probability that falls with its frequency. 0 means 1e-4; negative
	// keeps every word (for small texts).
	Sample float64
	// Depth is the deepest level of the tree VectorClusters builds (up to
	// 2^Depth clusters). 0 means 12.
	Depth int
	// Seed drives initialization, window sizes, subsampling and noise.
	Seed uint64
}

// VectorClusters learns word vectors from texts (LearnVectors) and groups
// them into a binary tree by spherical 2-means, cfg.Depth levels deep. A
// word's cluster is "v" and its path in the tree ("v0110..."), so prefixes
// name coarser clusters, as with LearnClusters. Where LearnClusters places
// words by their immediate neighbours, skip-gram vectors see five words each
// side: football clubs fall together with other clubs (ارسنال with تشيلسي,
// بايرن) and car makers with car makers, which the tagger's ORG recall
// needs.
func VectorClusters(texts []string, cfg VectorConfig) map[string]string {
	words, vecs := LearnVectors(texts, cfg)
	paths := bisectVectors(vecs, cmp.Or(cfg.Depth, 12))
	out := make(map[string]string, len(words))
	for i, w := range words {
		out[w] = "v" + paths[i]
	}
	return out
}

// LearnVectors trains word vectors on unlabelled texts with skip-gram and
// negative sampling (Mikolov et al. 2013), in one goroutine so that the same
// texts, cfg and seed always give the same vectors. Words are in the search
// layer; frequent words are subsampled (cfg.Sample) and rare ones dropped
// before windows are taken, as word2vec does. It returns the words, most
// frequent first, and their vectors, L2-normalized.
func LearnVectors(texts []string, cfg VectorConfig) ([]string, [][]float32) {
	cfg.Dim = cmp.Or(cfg.Dim, 100)
	cfg.Window = cmp.Or(cfg.Window, 5)
	cfg.Negative = cmp.Or(cfg.Negative, 5)
	cfg.Epochs = cmp.Or(cfg.Epochs, 3)
	cfg.MinCount = cmp.Or(cfg.MinCount, 5)
	cfg.MaxWords = cmp.Or(cfg.MaxWords, 150_000)

	// Vocabulary, most frequent first (ties in byte order).
	freq := map[string]int{}
	tokenized := make([][]string, len(texts))
	for i, text := range texts {
		toks := arabic.Tokens(text)
		ws := make([]string, len(toks))
		for j, t := range toks {
			ws[j] = t.Norm
			freq[t.Norm]++
		}
		tokenized[i] = ws
	}
	var words []string
	for w, n := range freq {
		if n >= cfg.MinCount {
			words = append(words, w)
		}
	}
	slices.SortFunc(words, func(a, b string) int {
		return cmp.Or(cmp.Compare(freq[b], freq[a]), strings.Compare(a, b))
	})
	if len(words) > cfg.MaxWords {
		words = words[:cfg.MaxWords]
	}
	if len(words) < 2 {
		return nil, nil
	}
	id := make(map[string]int32, len(words))
	for i, w := range words {
		id[w] = int32(i)
	}
	counts := make([]float64, len(words))
	var stream [][]int32 // one per text, out-of-vocabulary words dropped
	total := 0.0
	for _, ws := range tokenized {
		var s []int32
		for _, w := range ws {
			if k, ok := id[w]; ok {
				s = append(s, k)
				counts[k]++
				total++
			}
		}
		if len(s) > 1 {
			stream = append(stream, s)
		}
	}
	tokenized = nil

	// Keep probability of each word under subsampling.
	sample := cmp.Or(cfg.Sample, 1e-4)
	keep := make([]float64, len(words))
	for i, c := range counts {
		keep[i] = 1
		if sample > 0 {
			f := c / (sample * total)
			keep[i] = math.Min(1, (math.Sqrt(f)+1)/f)
		}
	}
	// Noise distribution: unigram^0.75, as a table to draw from.
	const tableSize = 1 << 22
	noise := make([]int32, tableSize)
	pow := 0.0
	for _, c := range counts {
		pow += math.Pow(c, 0.75)
	}
	w, cum := 0, math.Pow(counts[0], 0.75)/pow
	for i := range noise {
		if float64(i)/tableSize > cum && w < len(words)-1 {
			w++
			cum += math.Pow(counts[w], 0.75) / pow
		}
		noise[i] = int32(w)
	}

	// Sigmoid, tabulated over [-6, 6].
	const sigSize, sigMax = 1000, 6.0
	var sig [sigSize + 1]float32
	for i := range sig {
		x := (float64(i)/sigSize*2 - 1) * sigMax
		sig[i] = float32(1 / (1 + math.Exp(-x)))
	}
	sigmoid := func(x float32) float32 {
		switch {
		case x >= sigMax:
			return 1
		case x <= -sigMax:
			return 0
		}
		return sig[int((x+sigMax)*(sigSize/sigMax/2))]
	}

	dim := cfg.Dim
	rng := rand.New(rand.NewPCG(cfg.Seed, 0x766563746f7273)) // "vectors"
	in := make([]float32, len(words)*dim)
	out := make([]float32, len(words)*dim)
	for i := range in {
		in[i] = (rng.Float32() - 0.5) / float32(dim)
	}
	grad := make([]float32, dim)
	const alpha0 = 0.025
	steps := float64(cfg.Epochs) * total
	done := 0.0
	sent := make([]int32, 0, 1024)
	for epoch := 0; epoch < cfg.Epochs; epoch++ {
		for _, s := range stream {
			done += float64(len(s))
			alpha := float32(max(alpha0*(1-done/steps), alpha0*1e-4))
			sent = sent[:0]
			for _, k := range s {
				if keep[k] >= 1 || rng.Float64() < keep[k] {
					sent = append(sent, k)
				}
			}
			for i, center := range sent {
				win := 1 + rng.IntN(cfg.Window)
				for j := max(0, i-win); j <= min(len(sent)-1, i+win); j++ {
					if j == i {
						continue
					}
					// Predict center from its context word, as word2vec's
					// skip-gram does: the context word's input vector moves.
					v := in[int(sent[j])*dim:][:dim]
					clear(grad)
					for n := 0; n <= cfg.Negative; n++ {
						target, label := center, float32(1)
						if n > 0 {
							target = noise[rng.IntN(tableSize)]
							if target == center {
								continue
							}
							label = 0
						}
						o := out[int(target)*dim:][:dim]
						dot := float32(0)
						for d := range v {
							dot += v[d] * o[d]
						}
						g := (label - sigmoid(dot)) * alpha
						for d := range v {
							grad[d] += g * o[d]
							o[d] += g * v[d]
						}
					}
					for d := range v {
						v[d] += grad[d]
					}
				}
			}
		}
	}
	vecs := make([][]float32, len(words))
	for i := range vecs {
		v := in[i*dim : (i+1)*dim : (i+1)*dim]
		n := float32(0)
		for _, x := range v {
			n += x * x
		}
		if n = float32(math.Sqrt(float64(n))); n > 0 {
			for d := range v {
				v[d] /= n
			}
		}
		vecs[i] = v
	}
	return words, vecs
}

// bisectVectors clusters unit vectors into a binary tree by spherical
// 2-means, depth levels deep, and returns each vector's path as a bit
// string. Vectors are in frequency order, so a node's first member is its
// most frequent word; the split is seeded deterministically along the
// members' principal direction (power iteration from the first member).
func bisectVectors(vecs [][]float32, depth int) []string {
	if len(vecs) == 0 {
		return nil
	}
	dim := len(vecs[0])
	paths := make([]string, len(vecs))
	dot := func(a, b []float32) float32 {
		s := float32(0)
		for d := range a {
			s += a[d] * b[d]
		}
		return s
	}
	centroid := func(members []int32) []float32 {
		c := make([]float32, dim)
		for _, m := range members {
			for d, x := range vecs[m] {
				c[d] += x
			}
		}
		n := float32(math.Sqrt(float64(dot(c, c))))
		if n > 0 {
			for d := range c {
				c[d] /= n
			}
		}
		return c
	}
	var split func(members []int32, path string)
	split = func(members []int32, path string) {
		leaf := func() {
			for _, m := range members {
				paths[m] = path
			}
		}
		if len(path) >= depth || len(members) < 4 {
			leaf()
			return
		}
		mean := make([]float32, dim)
		for _, m := range members {
			for d, x := range vecs[m] {
				mean[d] += x
			}
		}
		for d := range mean {
			mean[d] /= float32(len(members))
		}
		dir := slices.Clone(vecs[members[0]])
		proj := make([]float32, len(members))
		for iter := 0; iter < 8; iter++ {
			mu := dot(mean, dir)
			next := make([]float32, dim)
			for i, m := range members {
				proj[i] = dot(vecs[m], dir) - mu
				for d, x := range vecs[m] {
					next[d] += proj[i] * (x - mean[d])
				}
			}
			n := float32(math.Sqrt(float64(dot(next, next))))
			if n == 0 {
				break
			}
			for d := range next {
				next[d] /= n
			}
			dir = next
		}
		var left, right []int32
		mu := dot(mean, dir)
		for _, m := range members {
			if dot(vecs[m], dir) >= mu {
				left = append(left, m)
			} else {
				right = append(right, m)
			}
		}
		for iter := 0; iter < 5 && len(left) > 0 && len(right) > 0; iter++ {
			a, b := centroid(left), centroid(right)
			left, right = left[:0:0], right[:0:0]
			for _, m := range members {
				if dot(vecs[m], a) >= dot(vecs[m], b) {
					left = append(left, m)
				} else {
					right = append(right, m)
				}
			}
		}
		if len(left) == 0 || len(right) == 0 {
			leaf()
			return
		}
		split(left, path+"0")
		split(right, path+"1")
	}
	all := make([]int32, len(vecs))
	for i := range all {
		all[i] = int32(i)
	}
	split(all, "")
	return paths
}
