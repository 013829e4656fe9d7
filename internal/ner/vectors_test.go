package ner

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

// roleTexts builds texts in which cities and persons fill different
// slots, each with words of its own, so their vectors should fall apart
// by role.
func roleTexts() (texts []string, cities, persons []string) {
	cities = []string{"موسكو", "بكين", "القاهرة", "دمشق", "باريس", "لندن"}
	persons = []string{"بوتين", "ماكرون", "أردوغان", "بايدن", "شي", "السيسي"}
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 2000; i++ {
		c, p := cities[rng.IntN(len(cities))], persons[rng.IntN(len(persons))]
		switch i % 4 {
		case 0:
			texts = append(texts, fmt.Sprintf("وصل الوفد إلى %s صباحا", c))
		case 1:
			texts = append(texts, fmt.Sprintf("غادر القطار من %s مساء", c))
		case 2:
			texts = append(texts, fmt.Sprintf("صرح %s للصحفيين بأن", p))
		default:
			texts = append(texts, fmt.Sprintf("استقبل %s ضيوفه وأكد", p))
		}
	}
	return texts, cities, persons
}

func TestLearnVectors(t *testing.T) {
	texts, cities, persons := roleTexts()
	cfg := VectorConfig{Dim: 16, Window: 2, Epochs: 5, MinCount: 2, Sample: -1, Seed: 3}
	words, vecs := LearnVectors(texts, cfg)
	words2, vecs2 := LearnVectors(texts, cfg)
	if !reflect.DeepEqual(words, words2) || !reflect.DeepEqual(vecs, vecs2) {
		t.Fatal("same texts and seed gave different vectors")
	}
	id := map[string]int{}
	for i, w := range words {
		id[w] = i
	}
	sim := func(a, b string) float32 {
		va, vb := vecs[id[a]], vecs[id[b]]
		s := float32(0)
		for d := range va {
			s += va[d] * vb[d]
		}
		return s
	}
	search := func(ws []string) []string {
		out := make([]string, len(ws))
		for i, w := range ws {
			out[i] = nameKey(w)
		}
		return out
	}
	cs, ps := search(cities), search(persons)
	role := map[string]string{}
	for _, c := range cs {
		role[c] = "city"
	}
	for _, p := range ps {
		role[p] = "person"
	}
	// Every name's nearest other name fills the same role.
	for w := range role {
		best, bestSim := "", float32(-2)
		for o := range role {
			if o != w && sim(w, o) > bestSim {
				best, bestSim = o, sim(w, o)
			}
		}
		if role[best] != role[w] {
			t.Errorf("nearest name to %s (%s) is %s (%s)", w, role[w], best, role[best])
		}
	}
}

func TestBisectVectors(t *testing.T) {
	// Two tight bundles around orthogonal directions, in frequency order
	// interleaved: the first split must put each bundle on one side.
	var vecs [][]float32
	for i := 0; i < 20; i++ {
		e := float32(i%5) * 0.01
		if i%2 == 0 {
			vecs = append(vecs, []float32{1 - e, e, 0})
		} else {
			vecs = append(vecs, []float32{0, e, 1 - e})
		}
	}
	paths := bisectVectors(vecs, 3)
	for i, p := range paths {
		if len(p) == 0 || len(p) > 3 || strings.Trim(p, "01") != "" {
			t.Fatalf("path %d = %q: want 1-3 bits", i, p)
		}
		if p[0] != paths[i%2][0] {
			t.Errorf("vector %d went to %q, its bundle to %q", i, p, paths[i%2])
		}
	}
	if paths[0][0] == paths[1][0] {
		t.Errorf("both bundles under %q", paths[0][:1])
	}
}
