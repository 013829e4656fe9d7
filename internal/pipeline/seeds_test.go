package pipeline

import (
	"context"
	"testing"

	"github.com/marsad/marsad/internal/clean"
	"github.com/marsad/marsad/internal/source"
	"github.com/marsad/marsad/news"
)

// TestSeedIdentities runs the analysis as ingest does (gazetteer and
// tagger) over the seeds and checks issue 5's promise: every spelling the
// seeds use for Putin, Kim Jong Un, Pyongyang, Kursk, the Kremlin and KCNA
// resolves to one id each, six ids in all. The spellings are the mention
// texts the seeds give, proclitics stripped (وبوتين is بوتين); each must
// be found at least once.
func TestSeedIdentities(t *testing.T) {
	an, err := DefaultAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	var arts []news.Article
	r := source.Reader{Limits: source.DefaultLimits()}
	err = r.Walk(context.Background(), []string{"../../testdata/seeds"}, func(p news.Page) error {
		as, err := clean.Cleaner{}.Clean(p)
		if err != nil {
			t.Errorf("clean %s: %v", p.Origin, err)
		}
		for _, a := range as {
			arts = append(arts, an.Analyze(a))
		}
		return nil
	}, func(e *source.InputError) { t.Error(e) })
	if err != nil {
		t.Fatal(err)
	}
	spellings := map[string][]string{
		"Putin":     {"بوتين", "بوتن", "فلاديمير بوتين", "لاي ديمر بوتين"},
		"Kim":       {"كيم", "كيم جونغ", "كيم جونغ أون", "كيم جونج أون", "كيم جونغ-أون"},
		"Pyongyang": {"بيونغ يانغ", "بيونج يانج", "بيونج يانغ"},
		// كورك: a machine translation dropped the س.
		"Kursk":   {"كورسك", "منطقة كورسك", "كورك"},
		"Kremlin": {"الكرملين"},
		"KCNA":    {"وكالة الأنباء المركزية الكورية", "KCNA"},
	}
	owner := map[string]string{} // spelling → entity
	for e, ss := range spellings {
		for _, s := range ss {
			owner[s] = e
		}
	}
	ids := map[string]map[string]bool{} // entity → ids its spellings got
	seen := map[string]bool{}
	for _, a := range arts {
		for _, m := range a.Entities {
			e, ok := owner[m.Text]
			if !ok {
				continue
			}
			seen[m.Text] = true
			if ids[e] == nil {
				ids[e] = map[string]bool{}
			}
			ids[e][m.ID] = true
		}
	}
	byID := map[string]string{}
	for e, ss := range spellings {
		for _, s := range ss {
			if !seen[s] {
				t.Errorf("%s: spelling %q not found in the seeds", e, s)
			}
		}
		if len(ids[e]) != 1 {
			t.Errorf("%s: spellings got ids %v, want one", e, ids[e])
		}
		for id := range ids[e] {
			if other, ok := byID[id]; ok {
				t.Errorf("%s and %s share id %s", e, other, id)
			}
			byID[id] = e
		}
	}
}
