package eval

import (
	"math"
	"slices"
	"testing"
)

func TestTokenize(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"punctuation separates", "Hello, world! It's 2015.", []string{"Hello", "world", "It", "s", "2015"}},
		{"underscore joins, case kept", "snake_case Word", []string{"snake_case", "Word"}},
		{"Arabic words and Eastern digits", "قال الوزير: ٢٠١٥ عاما", []string{"قال", "الوزير", "٢٠١٥", "عاما"}},
		// Python's \w excludes combining marks, so a diacritic splits a word.
		{"combining mark splits", "كَتب", []string{"ك", "تب"}},
		{"empty", "  ...  ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Tokenize(tt.text); !slices.Equal(got, tt.want) {
				t.Errorf("Tokenize(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestMatchShingles(t *testing.T) {
	const body = "one two three four five six"
	tests := []struct {
		name        string
		truth, pred string
		want        Match
	}{
		// 3 shingles each, all shared.
		{"perfect", body, body, Match{TP: 1}},
		{"empty prediction", body, "", Match{FN: 1}},
		{"both empty", "", "", Match{}},
		// Prediction adds "seven": 3 shared shingles, 1 extra.
		{"extra text", body, body + " seven", Match{TP: 0.75, FP: 0.25}},
		// Prediction drops "six": 2 shared, 1 missed.
		{"partial", body, "one two three four five", Match{TP: 2.0 / 3, FN: 1.0 / 3}},
		// The body twice: 9 shingles; 3 match once, the 3 repeats and the
		// 3 across the join are false positives (multisets, not sets).
		{"duplicated prediction", body, body + " " + body, Match{TP: 3.0 / 9, FP: 6.0 / 9}},
		// Fewer than 4 tokens make one short shingle.
		{"short texts", "a b", "a b", Match{TP: 1}},
		{"short text differs", "a b", "a c", Match{FP: 0.5, FN: 0.5}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := MatchShingles(tt.truth, tt.pred)
			if !near(got.TP, tt.want.TP) || !near(got.FP, tt.want.FP) || !near(got.FN, tt.want.FN) {
				t.Errorf("MatchShingles = %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestMetrics(t *testing.T) {
	tests := []struct {
		name     string
		ms       []Match
		p, r, f1 float64
	}{
		{"all perfect", []Match{{TP: 1}, {TP: 1}}, 1, 1, 1},
		// An empty prediction counts in recall (0) but not in precision.
		{"one empty prediction", []Match{{TP: 1}, {FN: 1}}, 1, 0.5, 2 * 0.5 / 1.5},
		// Both empty: nothing wrong, but neither average counts it.
		{"both empty ignored", []Match{{TP: 1}, {}}, 1, 1, 1},
		// F1 comes from averaged P and R, not the mean of page F1s.
		{"averaging", []Match{{TP: 0.5, FP: 0.5}, {TP: 0.5, FN: 0.5}}, 0.75, 0.75, 0.75},
		{"nothing right", []Match{{FP: 0.5, FN: 0.5}}, 0, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, r, f := Metrics(tt.ms)
			if !near(p, tt.p) || !near(r, tt.r) || !near(f, tt.f1) {
				t.Errorf("Metrics = P %.4f R %.4f F1 %.4f, want %.4f %.4f %.4f", p, r, f, tt.p, tt.r, tt.f1)
			}
		})
	}
}

func TestBootstrapDeterministic(t *testing.T) {
	ms := []Match{{TP: 1}, {TP: 0.5, FP: 0.5}, {FN: 1}, {TP: 0.8, FN: 0.2}}
	exact := []bool{true, false, false, false}
	p1, r1, f1a, a1 := bootstrap(ms, exact)
	p2, r2, f1b, a2 := bootstrap(ms, exact)
	if p1 != p2 || r1 != r2 || f1a != f1b || a1 != a2 {
		t.Errorf("bootstrap differs between runs")
	}
	if p1 <= 0 || r1 <= 0 || a1 <= 0 {
		t.Errorf("bootstrap std = %v %v %v, want > 0 for varied pages", p1, r1, a1)
	}
}
