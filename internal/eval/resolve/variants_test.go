package resolve

import (
	"testing"

	"github.com/marsad/marsad/internal/entities"
	"github.com/marsad/marsad/internal/ner"
	"github.com/marsad/marsad/internal/pipeline"
)

func loadSet(t *testing.T) Set {
	t.Helper()
	set, err := Load("testdata/variants.tsv", "testdata/nearmiss.tsv")
	if err != nil {
		t.Fatal(err)
	}
	spellings := 0
	for _, e := range set.Entities {
		spellings += len(e.Spellings)
	}
	if len(set.Entities) < 60 || spellings < 3*len(set.Entities) || len(set.NearMisses) < 20 {
		t.Fatalf("test set has %d entities, %d spellings, %d near misses: want ≥ 60, ≥ 3 each, ≥ 20",
			len(set.Entities), spellings, len(set.NearMisses))
	}
	return set
}

// knownMerges are near-miss pairs the recogniser is known to merge, as
// "A|B". Issue 5 asks for none, and none is what it does now: a merge
// fails the test. (The 8 merges this set first found were fixed by listing
// the relatives and longer names they collided with, so the longest match
// wins, and by telling the two Congos apart.)
var knownMerges = map[string]bool{}

// TestResolution scores identity resolution on the variant set three ways
// and logs the figures and failures: the gazetteer recogniser alone; the
// same with Resolve giving ids to the exact spans it missed (as if a tagger
// had found them); and the analysis stage as marsad runs it, gazetteer plus
// trained tagger. Pairwise precision, recall and coverage are measured,
// not required; a near-miss merge not in knownMerges fails.
func TestResolution(t *testing.T) {
	set := loadSet(t)
	rec, err := entities.New()
	if err != nil {
		t.Fatal(err)
	}
	tagger, err := ner.Default()
	if err != nil {
		t.Fatal(err)
	}
	runs := []struct {
		name string
		rec  Recognizer
		res  Resolver
	}{
		{"gazetteer", rec, nil},
		{"gazetteer+Resolve", rec, rec},
		{"gazetteer+tagger", pipeline.Analyzer{Entities: rec, Tagger: tagger}, nil},
	}
	for _, run := range runs {
		t.Run(run.name, func(t *testing.T) {
			r := Score(run.rec, run.res, set)
			t.Log("\n" + r.String())
			for _, m := range r.Merged {
				if key := m.Pair.A.Text + "|" + m.Pair.B.Text; !knownMerges[key] {
					t.Errorf("near miss merged: %s = %s (%s)", m.Pair.A.Text, m.Pair.B.Text, m.Pair.Why)
				}
			}
		})
	}
}
