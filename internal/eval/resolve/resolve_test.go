package resolve

import (
	"testing"

	"github.com/marsad/marsad/news"
)

// fakeRecognizer gives every listed name its id, wherever it occurs.
type fakeRecognizer map[string]string

func (f fakeRecognizer) Mentions(text string) []news.Mention {
	var ms []news.Mention
	rs := []rune(text)
	for name, id := range f {
		n := []rune(name)
		for i := 0; i+len(n) <= len(rs); i++ {
			if string(rs[i:i+len(n)]) == name {
				ms = append(ms, news.Mention{Text: name, ID: id, Type: news.PER, Start: i, End: i + len(n)})
			}
		}
	}
	return ms
}

func mustPlace(t *testing.T, typ, s string) Spelling {
	t.Helper()
	sp, err := place(typ, s)
	if err != nil {
		t.Fatal(err)
	}
	return sp
}

func TestPlace(t *testing.T) {
	tests := []struct {
		typ, in, text, sentence string
	}{
		// A bare person's name goes in the reported-speech frame.
		{news.PER, "بوتين", "بوتين", "قال بوتين إن المحادثات كانت مثمرة."},
		// A bracketed name keeps its own sentence.
		{news.PER, "التقى ترامب [وبوتين] في ألاسكا", "وبوتين", "التقى ترامب وبوتين في ألاسكا"},
	}
	for _, tt := range tests {
		sp := mustPlace(t, tt.typ, tt.in)
		if sp.Text != tt.text || sp.Sentence != tt.sentence || string([]rune(sp.Sentence)[sp.Start:sp.End]) != tt.text {
			t.Errorf("place(%q) = %+v", tt.in, sp)
		}
	}
}

// TestScorePairs checks the pairwise arithmetic on a small set: Putin's
// three spellings with one split off and one missed, and a near miss the
// fake merges.
func TestScorePairs(t *testing.T) {
	set := Set{
		Entities: []Entity{
			{Type: news.PER, Label: "بوتين", Spellings: []Spelling{mustPlace(t, news.PER, "بوتين"), mustPlace(t, news.PER, "بوتن"), mustPlace(t, news.PER, "لاي ديمر")}},
			{Type: news.PER, Label: "ترامب", Spellings: []Spelling{mustPlace(t, news.PER, "ترامب"), mustPlace(t, news.PER, "ترمب")}},
		},
		NearMisses: []NearMiss{
			{TypeA: news.PER, A: mustPlace(t, news.PER, "بايدن"), TypeB: news.PER, B: mustPlace(t, news.PER, "هانتر")},
		},
	}
	rec := fakeRecognizer{"بوتين": "p", "بوتن": "x", "ترامب": "t", "ترمب": "t", "بايدن": "b", "هانتر": "b"}
	r := Score(rec, nil, set)
	if r.Found != 4 || r.Spellings != 5 {
		t.Errorf("found %d of %d, want 4 of 5", r.Found, r.Spellings)
	}
	// Gold: 3 + 1; predicted: ترامب/ترمب only; true: the same.
	if want := (Pairs{Gold: 4, Predicted: 1, True: 1}); r.Pairs != want {
		t.Errorf("pairs %+v, want %+v", r.Pairs, want)
	}
	if want := (Pairs{Gold: 2, Predicted: 1, True: 1}); r.FoundPairs != want {
		t.Errorf("found pairs %+v, want %+v", r.FoundPairs, want)
	}
	if len(r.Merged) != 1 || len(r.Splits) != 1 || len(r.FalseMerges) != 0 {
		t.Errorf("merged %d splits %d false merges %d, want 1 1 0\n%s", len(r.Merged), len(r.Splits), len(r.FalseMerges), r)
	}
}
