package ner

import (
	"encoding/gob"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
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
	cfg := tuneConfig(t)
	cfg.Epochs, cfg.Orders = 20, 1
	start := time.Now()
	cfg.OnEpoch = func(e int, m *Model) {
		s := Evaluate(m, dev)
		t.Logf("epoch %2d  dev F1 %.4f  (P %.4f R %.4f) features %d  %v", e, s.Micro.F1(), s.Micro.Precision(), s.Micro.Recall(), m.Features(), time.Since(start).Round(time.Second))
	}
	if _, err := Train(fit, cfg); err != nil {
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
	cfg := tuneConfig(t)
	run := func(fam Families) Score {
		cfg := cfg
		cfg.Families = fam
		m, err := Train(fit, cfg)
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
// does, or returns nil when it is not there. Learning them takes minutes,
// so they are kept in the file named by MARSAD_NER_CACHE when it is set
// (delete it when the clusterings change).
func tuneClusters(tb testing.TB) (clusters, vclusters map[string]string) {
	type cached struct{ Clusters, Vectors map[string]string }
	cache := os.Getenv("MARSAD_NER_CACHE")
	if cache != "" {
		if f, err := os.Open(cache); err == nil {
			defer f.Close()
			var c cached
			if err := gob.NewDecoder(f).Decode(&c); err == nil {
				return c.Clusters, c.Vectors
			}
		}
	}
	texts, err := ReadSaudiNewsNet(filepath.Join(dataDir, "saudinewsnet"))
	if err != nil {
		tb.Logf("no clusters: %v", err)
		return nil, nil
	}
	c := cached{LearnClusters(texts, ClusterConfig{}), VectorClusters(texts, VectorConfig{})}
	if cache != "" {
		f, err := os.Create(cache)
		if err != nil {
			tb.Fatal(err)
		}
		if err := gob.NewEncoder(f).Encode(c); err != nil {
			tb.Fatal(err)
		}
		if err := f.Close(); err != nil {
			tb.Fatal(err)
		}
	}
	return c.Clusters, c.Vectors
}

// tuneProfiles learns the context profiles from SaudiNewsNet as
// TrainFromFiles does, or returns nil when it is not there.
func tuneProfiles(tb testing.TB) map[string]string {
	texts, err := ReadSaudiNewsNet(filepath.Join(dataDir, "saudinewsnet"))
	if err != nil {
		tb.Logf("no profiles: %v", err)
		return nil
	}
	return LearnProfiles(NewsSentences(texts))
}

// tuneFamilies is AllFamilies without those named in MARSAD_NER_DROP
// (comma-separated family names).
func tuneFamilies(tb testing.TB) Families {
	fam := AllFamilies
	for _, name := range strings.Split(os.Getenv("MARSAD_NER_DROP"), ",") {
		if name == "" {
			continue
		}
		i := slices.IndexFunc(familyNames, func(f struct {
			f    Families
			name string
		}) bool {
			return f.name == name
		})
		if i < 0 {
			tb.Fatalf("MARSAD_NER_DROP: no family %q", name)
		}
		fam &^= familyNames[i].f
	}
	return fam
}

// tuneConfig is the training configuration the tuning tests use: the
// shipped one, with AllFamilies less MARSAD_NER_DROP, and MARSAD_NER_SEED,
// MARSAD_NER_ORDERS and MARSAD_NER_EPOCHS in place of the defaults when
// set. Runs that differ only in seed differ by ±0.005 in 5-fold F1:
// compare changes over several seeds.
func tuneConfig(tb testing.TB) Config {
	clusters, vclusters := tuneClusters(tb)
	fam := tuneFamilies(tb)
	var profiles map[string]string
	if fam&Profile != 0 {
		profiles = tuneProfiles(tb)
	}
	cfg := Config{Families: fam, Clusters: clusters, VectorClusters: vclusters, Profiles: profiles, MinCount: DefaultMinCount, Orders: DefaultOrders}
	if v := os.Getenv("MARSAD_NER_ORDERS"); v != "" {
		cfg.Orders, _ = strconv.Atoi(v)
	}
	if v := os.Getenv("MARSAD_NER_EPOCHS"); v != "" {
		cfg.Epochs, _ = strconv.Atoi(v)
	}
	cfg.Seed, _ = strconv.ParseUint(os.Getenv("MARSAD_NER_SEED"), 10, 64)
	return cfg
}

// TestDev prints dev F1 of one configuration (AllFamilies, less
// MARSAD_NER_DROP), per type. Run by hand:
//
//	MARSAD_NER_TUNE=1 go test ./internal/ner -run TestDev -v -timeout 1h
func TestDev(t *testing.T) {
	if os.Getenv("MARSAD_NER_TUNE") == "" {
		t.Skip("set MARSAD_NER_TUNE=1 to score on the dev part of ANERcorp train")
	}
	fit, dev := devSplit(anercorp(t, "train"))
	cfg := tuneConfig(t)
	start := time.Now()
	m, err := Train(fit, cfg)
	if err != nil {
		t.Fatal(err)
	}
	s := Evaluate(m, dev)
	t.Logf("%s: dev micro F1 %.4f (P %.4f R %.4f), %d features, %v\n%s", cfg.Families, s.Micro.F1(), s.Micro.Precision(), s.Micro.Recall(), m.Features(), time.Since(start).Round(time.Second), s)
}

// TestKFold prints micro and per-type F1 over five contiguous folds of the
// training split (train on four, score the fifth), with and without the
// document features (only with them when MARSAD_NER_DROP is set):
// steadier than the one dev tenth. Run by hand, once per seed:
//
//	MARSAD_NER_TUNE=1 MARSAD_NER_CACHE=/tmp/ner-clusters.gob MARSAD_NER_SEED=1 \
//	    go test ./internal/ner -run TestKFold -v -timeout 1h
func TestKFold(t *testing.T) {
	if os.Getenv("MARSAD_NER_TUNE") == "" {
		t.Skip("set MARSAD_NER_TUNE=1 to run k-fold over ANERcorp train")
	}
	all := anercorp(t, "train")
	base := tuneConfig(t)
	const k = 5
	fams := []Families{base.Families &^ Document, base.Families}
	if os.Getenv("MARSAD_NER_DROP") != "" {
		fams = fams[1:]
	}
	for _, fam := range fams {
		var s Score
		for f := 0; f < k; f++ {
			lo, hi := f*len(all)/k, (f+1)*len(all)/k
			fit := append(append([]Sentence(nil), all[:lo]...), all[hi:]...)
			cfg := base
			cfg.Families = fam
			m, err := Train(fit, cfg)
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
