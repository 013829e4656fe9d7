package ner

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// dataDir is where the shared corpora live, relative to this package.
var dataDir = filepath.Join("..", "..", "..", "shared", "data")

func anercorp(tb testing.TB, split string) []Sentence {
	tb.Helper()
	p := filepath.Join(dataDir, "anercorp", "ANERcorp-CamelLabSplits-"+split+".txt")
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("ANERcorp not found at %s (see ../shared/data/README.md): %v", p, err)
	}
	s, err := ReadCoNLL(p)
	if err != nil {
		tb.Fatal(err)
	}
	return s
}

// devSplit holds out the last tenth of the training split for tuning.
func devSplit(train []Sentence) (fit, dev []Sentence) {
	n := len(train) * 9 / 10
	return train[:n], train[n:]
}

// TestTuneEpochs prints dev F1 after each epoch. Run by hand:
//
//	MARSAD_NER_TUNE=1 go test ./internal/ner -run TestTuneEpochs -v -timeout 1h
func TestTuneEpochs(t *testing.T) {
	if os.Getenv("MARSAD_NER_TUNE") == "" {
		t.Skip("set MARSAD_NER_TUNE=1 to tune on the dev part of ANERcorp train")
	}
	fit, dev := devSplit(anercorp(t, "train"))
	clusters, vclusters := tuneClusters(t)
	start := time.Now()
	_, err := Train(fit, Config{Epochs: 20, Clusters: clusters, VectorClusters: vclusters, MinCount: DefaultMinCount, OnEpoch: func(e int, m *Model) {
		s := Evaluate(m, dev)
		t.Logf("epoch %2d  dev F1 %.4f  (P %.4f R %.4f) features %d  %v", e, s.Micro.F1(), s.Micro.Precision(), s.Micro.Recall(), m.Features(), time.Since(start).Round(time.Second))
	}})
	if err != nil {
		t.Fatal(err)
	}
}

// TestAblation prints dev F1 with every family, then without each one in
// turn, so each family's gain is the drop when it is left out. Run by hand:
//
//	MARSAD_NER_TUNE=1 go test ./internal/ner -run TestAblation -v -timeout 1h
func TestAblation(t *testing.T) {
	if os.Getenv("MARSAD_NER_TUNE") == "" {
		t.Skip("set MARSAD_NER_TUNE=1 to run the ablation on the dev part of ANERcorp train")
	}
	fit, dev := devSplit(anercorp(t, "train"))
	clusters, vclusters := tuneClusters(t)
	run := func(fam Families) Score {
		m, err := Train(fit, Config{Families: fam, Clusters: clusters, VectorClusters: vclusters, MinCount: DefaultMinCount})
		if err != nil {
			t.Fatal(err)
		}
		return Evaluate(m, dev)
	}
	all := run(AllFamilies)
	t.Logf("%-22s %7s %7s  %s", "families", "dev F1", "gain", "PER/LOC/ORG/MISC F1")
	row := func(name string, s Score) {
		t.Logf("%-22s %7.4f %+7.4f  %.3f/%.3f/%.3f/%.3f", name, s.Micro.F1(), all.Micro.F1()-s.Micro.F1(),
			s.PerType["PER"].F1(), s.PerType["LOC"].F1(), s.PerType["ORG"].F1(), s.PerType["MISC"].F1())
	}
	row("all", all)
	for _, f := range familyNames {
		row("all − "+f.name, run(AllFamilies&^f.f))
	}
	row("word only", run(Word))
	row("word+affix", run(Word|Affix))
}

// tuneClusters learns both clusterings from SaudiNewsNet as TrainFromFiles
// does, or returns nil when it is not there.
func tuneClusters(tb testing.TB) (clusters, vclusters map[string]string) {
	texts, err := ReadSaudiNewsNet(filepath.Join(dataDir, "saudinewsnet"))
	if err != nil {
		tb.Logf("no clusters: %v", err)
		return nil, nil
	}
	return LearnClusters(texts, ClusterConfig{}), VectorClusters(texts, VectorConfig{})
}

// TestKFold prints micro and per-type F1 over five contiguous folds of the
// training split (train on four, score the fifth), with and without the
// document features: steadier than the one dev tenth. Run by hand:
//
//	MARSAD_NER_TUNE=1 go test ./internal/ner -run TestKFold -v -timeout 1h
func TestKFold(t *testing.T) {
	if os.Getenv("MARSAD_NER_TUNE") == "" {
		t.Skip("set MARSAD_NER_TUNE=1 to run k-fold over ANERcorp train")
	}
	all := anercorp(t, "train")
	clusters, vclusters := tuneClusters(t)
	const k = 5
	for _, fam := range []Families{AllFamilies &^ Document, AllFamilies} {
		var s Score
		for f := 0; f < k; f++ {
			lo, hi := f*len(all)/k, (f+1)*len(all)/k
			fit := append(append([]Sentence(nil), all[:lo]...), all[hi:]...)
			m, err := Train(fit, Config{Families: fam, Clusters: clusters, VectorClusters: vclusters, MinCount: DefaultMinCount})
			if err != nil {
				t.Fatal(err)
			}
			held := Evaluate(m, all[lo:hi])
			s.Tokens += held.Tokens
			for typ, c := range held.PerType {
				s.bump(typ, func(n *Counts) { n.Correct += c.Correct; n.Predicted += c.Predicted; n.Gold += c.Gold })
			}
		}
		t.Logf("%s: %d-fold micro F1 %.4f (P %.4f R %.4f)\n%s", fam, k, s.Micro.F1(), s.Micro.Precision(), s.Micro.Recall(), s)
	}
}
