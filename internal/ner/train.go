package ner

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
)

// Config says how to train a Model. The zero value trains with the
// defaults documented on each field.
type Config struct {
	// Epochs over the training data; 0 means DefaultEpochs.
	Epochs int
	// Seed orders the sentences in each epoch. The same data, Config and
	// Seed give a byte-identical model file.
	Seed uint64
	// Families of features to use; 0 means DefaultFamilies.
	Families Families
	// MinCount drops features seen fewer times in the training data: a
	// feature seen once is mostly memorized noise, and grows the model.
	// 0 means 1 (keep all); DefaultMinCount is what the shipped model uses.
	MinCount int
	// Folds for the learned-name gazetteer: each fold's sentences see only
	// the names learned from the other folds, so the model learns how far
	// to trust a name it has not been told the answer for. 0 means 5.
	Folds int
	// Clusters maps words (search layer) to their cluster, a bit string
	// naming a path in a binary tree (see LearnClusters). Nil: no clusters.
	Clusters map[string]string
	// VectorClusters maps words (search layer) to the path of their
	// vector in a tree of word-vector clusters (see LearnVectors). Nil:
	// none.
	VectorClusters map[string]string
	// Profiles maps words (search layer) to their context profile in
	// unlabelled news (see LearnProfiles). Nil: none.
	Profiles map[string]string
	// Orders, when above 1, trains each pass on that many sentence orders
	// and keeps the mean of their averaged weights: models that differ
	// only in sentence order differ by ±0.005 F1 over five folds, and their
	// mean is steadier than any one of them. 0 means DefaultOrders.
	Orders int
	// OnEpoch, when set, is called after each epoch with the averaged
	// model so far, for choosing Epochs on a development set (with one
	// sentence order only).
	OnEpoch func(epoch int, m *Model)
}

// Defaults chosen on the development part of ANERcorp's training split.
const (
	DefaultEpochs   = 8
	DefaultFamilies = AllFamilies
	DefaultMinCount = 2
	DefaultOrders   = 3
)

// ErrNoData is returned by Train when there is nothing to learn from.
var ErrNoData = errors.New("ner: no tagged sentences")

// Train learns a Model from tagged sentences with the averaged structured
// perceptron (Collins 2002): tag each sentence with the current weights,
// and where the best sequence differs from the gold one, add the gold
// sequence's features and subtract the predicted one's. The weights kept are
// the average over every step, which generalizes far better than the last.
func Train(sents []Sentence, cfg Config) (*Model, error) {
	if cfg.Epochs == 0 {
		cfg.Epochs = DefaultEpochs
	}
	if cfg.Families == 0 {
		cfg.Families = DefaultFamilies
	}
	if cfg.Orders == 0 {
		cfg.Orders = DefaultOrders
	}
	cfg.MinCount = max(cfg.MinCount, 1)
	if cfg.Folds == 0 {
		cfg.Folds = 5
	}
	var data []Sentence
	for i, s := range sents {
		if len(s.Words) != len(s.Tags) {
			return nil, fmt.Errorf("ner: train: sentence %d has %d words and %d tags", i, len(s.Words), len(s.Tags))
		}
		if len(s.Words) > 0 {
			data = append(data, s)
		}
	}
	if len(data) == 0 {
		return nil, ErrNoData
	}

	if cfg.Families&Document == 0 {
		return fit(data, cfg, nil, nil)
	}
	return trainTwoPass(data, cfg)
}

// fit trains one linear tagger on data. first, when not nil, holds the
// first pass's tags of every word of data (out of fold), from which the
// document features are computed; firstModel is then the first pass that
// will tag at run time.
func fit(data []Sentence, cfg Config, first [][]int, firstModel *Model) (*Model, error) {
	m := &Model{fam: cfg.Families, fz: newFeaturizer(cfg.Families, cfg.Clusters, cfg.VectorClusters, cfg.Profiles), epochs: cfg.Epochs, seed: cfg.Seed, first: firstModel}
	regions := regionGazetteer()
	m.gaz = newGazetteer()
	m.gaz.merge(regions)
	m.gaz.merge(learnNames(data))

	// Gazetteers for the folds: sentence i is in fold i*Folds/len(data).
	foldGaz := make([]*gazetteer, cfg.Folds)
	if cfg.Families&Gazetteer != 0 {
		for k := range foldGaz {
			var others []Sentence
			for i, s := range data {
				if i*cfg.Folds/len(data) != k {
					others = append(others, s)
				}
			}
			g := newGazetteer()
			g.merge(regions)
			g.merge(learnNames(others))
			foldGaz[k] = g
		}
	}

	// Features of every word, as hashes, then as rows of the weight table.
	type featured struct {
		feats []uint64
		offs  []int
		rows  []int32
		gold  []int
	}
	ex := make([]featured, len(data))
	counts := map[uint64]int{}
	allToks := make([][]token, len(data))
	for i, s := range data {
		allToks[i] = m.fz.tokens(s.Words)
	}
	gold := make([][]int, len(data))
	for i, s := range data {
		gold[i] = bilou(s.Tags)
	}
	// Lexicons for the folds, as for the gazetteer.
	fold := func(i int) int { return i * cfg.Folds / len(data) }
	foldLex := make([]*lexicon, cfg.Folds)
	if cfg.Families&Lexicon != 0 {
		m.lex = learnLexicon(allToks, gold, func(int) bool { return true })
		for k := range foldLex {
			foldLex[k] = learnLexicon(allToks, gold, func(i int) bool { return fold(i) != k })
		}
	}
	var docs [][][]uint64
	if first != nil {
		docs = docFeatures(allToks, first)
	}
	for i := range data {
		toks := allToks[i]
		var gaz [][]string
		if cfg.Families&Gazetteer != 0 {
			gaz = foldGaz[i*cfg.Folds/len(data)].match(toks)
		}
		var doc [][]uint64
		if docs != nil {
			doc = docs[i]
		}
		ex[i].feats, ex[i].offs = m.fz.sentence(toks, gaz, foldLex[fold(i)], doc, nil, nil)
		for _, h := range ex[i].feats {
			counts[h]++
		}
		ex[i].gold = gold[i]
	}
	var kept []uint64
	for h, n := range counts {
		if n >= cfg.MinCount {
			kept = append(kept, h)
		}
	}
	slices.Sort(kept) // row numbers must not depend on map order
	index := make(map[uint64]int32, len(kept))
	for r, h := range kept {
		index[h] = int32(r)
	}
	for i := range ex {
		ex[i].rows = make([]int32, len(ex[i].feats))
		for j, h := range ex[i].feats {
			r, ok := index[h]
			if !ok {
				r = -1
			}
			ex[i].rows[j] = r
		}
		ex[i].feats = nil
	}

	train := make([]example, len(ex))
	for i := range ex {
		train[i] = example{rows: ex[i].rows, offs: ex[i].offs, gold: ex[i].gold}
	}
	orders := max(cfg.Orders, 1)
	if orders == 1 {
		perceptron(train, len(kept), cfg.Epochs, cfg.Seed, 0, func(epoch int, w, u []float64, step float64) {
			if cfg.OnEpoch != nil || epoch == cfg.Epochs {
				m.setAverage(kept, w, u, step)
				if cfg.OnEpoch != nil {
					cfg.OnEpoch(epoch, m)
				}
			}
		})
		return m, nil
	}
	// Several sentence orders: the mean of their averaged weights.
	var sum []float64
	for o := 0; o < orders; o++ {
		perceptron(train, len(kept), cfg.Epochs, cfg.Seed, uint64(o), func(epoch int, w, u []float64, step float64) {
			if epoch < cfg.Epochs {
				return
			}
			if sum == nil {
				sum = make([]float64, len(w))
			}
			for k := range w {
				sum[k] += w[k] - u[k]/step
			}
		})
	}
	m.setWeights(kept, func(k int) float32 { return float32(sum[k] / float64(orders)) })
	return m, nil
}

// example is one training sentence: the weight rows of each word's
// features (rows[offs[i]:offs[i+1]], -1 for a feature without a row) and
// the gold tags.
type example struct {
	rows []int32
	offs []int
	gold []int
}

// perceptron runs the averaged structured perceptron over ex for epochs,
// in an order drawn from seed and stream, with nRows feature rows. After
// each epoch it calls onEpoch with the current weights w and the sum u of
// step × update, so that the average over all steps is w - u/step without
// touching every weight at every step (Daumé 2006).
func perceptron(ex []example, nRows, epochs int, seed, stream uint64, onEpoch func(epoch int, w, u []float64, step float64)) {
	nw := nRows*numTags + (numTags+1)*numTags
	w := make([]float64, nw)
	u := make([]float64, nw)
	tw := nRows * numTags // transitions live after the features
	step := 1.0
	rng := rand.New(rand.NewPCG(seed, 0x6d61727361642d6e+stream)) // "marsad-n"
	order := make([]int, len(ex))
	for i := range order {
		order[i] = i
	}
	em := []float64{}
	update := func(k int, d float64) {
		w[k] += d
		u[k] += step * d
	}
	for epoch := 1; epoch <= epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, i := range order {
			e := &ex[i]
			n := len(e.gold)
			em = slices.Grow(em[:0], n*numTags)[:n*numTags]
			clear(em)
			for j := 0; j < n; j++ {
				for _, r := range e.rows[e.offs[j]:e.offs[j+1]] {
					if r < 0 {
						continue
					}
					for t := 0; t < numTags; t++ {
						em[j*numTags+t] += w[int(r)*numTags+t]
					}
				}
			}
			pred := viterbi(em, w[tw:], n)
			prevG, prevP := startTag, startTag
			for j := 0; j < n; j++ {
				g, p := e.gold[j], pred[j]
				if g != p {
					for _, r := range e.rows[e.offs[j]:e.offs[j+1]] {
						if r >= 0 {
							update(int(r)*numTags+g, 1)
							update(int(r)*numTags+p, -1)
						}
					}
				}
				if g != p || prevG != prevP {
					update(tw+prevG*numTags+g, 1)
					update(tw+prevP*numTags+p, -1)
				}
				prevG, prevP = g, p
			}
			step++
		}
		onEpoch(epoch, w, u, step)
	}
}

// setAverage stores the averaged weights in m, keeping only the rows that
// were ever updated.
func (m *Model) setAverage(kept []uint64, w, u []float64, step float64) {
	m.setWeights(kept, func(k int) float32 { return float32(w[k] - u[k]/step) })
}

// setWeights stores in m the weight avg gives for each index of the
// training weight vector (rows of kept features, then transitions),
// keeping only the rows with a nonzero weight.
func (m *Model) setWeights(kept []uint64, avg func(k int) float32) {
	m.index = map[uint64]int32{}
	m.w = m.w[:0]
	for r, h := range kept {
		var row [numTags]float32
		nonzero := false
		for t := range row {
			row[t] = avg(r*numTags + t)
			nonzero = nonzero || row[t] != 0
		}
		if nonzero {
			m.index[h] = int32(len(m.w) / numTags)
			m.w = append(m.w, row[:]...)
		}
	}
	tw := len(kept) * numTags
	for k := range m.trans {
		m.trans[k] = avg(tw + k)
	}
}
