package arabic

import (
	"fmt"
	"testing"
)

func TestStem(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		// Article prefixes, with and without و and prepositions, conflate.
		{"bare plural", "مفاوضات", "مفاوض"},
		{"article", "المفاوضات", "مفاوض"},
		{"waw article", "والمفاوضات", "مفاوض"},
		{"beh article", "بالمفاوضات", "مفاوض"},
		{"kaf article", "كالمفاوضات", "مفاوض"},
		{"feh article", "فالمفاوضات", "مفاوض"},
		{"lam article", "للمفاوضات", "مفاوض"},
		{"waw alone", "ومفاوضات", "مفاوض"},
		// Suffixes.
		{"feminine", "الحكومة", "حكوم"},
		{"dual", "البلدان", "بلد"},
		{"masculine plural", "المسؤولون", "مسؤول"},
		{"oblique plural", "المسؤولين", "مسؤول"},
		{"nisba", "الروسية", "روس"},
		{"pronoun", "قواتها", "قو"},
		// Works on the search layer: diacritics, hamza forms, ى, ة.
		{"diacritics", "المُفاوَضات", "مفاوض"},
		{"alef forms", "الأوكرانية", "اوكران"},
		// The و guard: و that begins the word stays.
		{"wizara", "وزارة", "وزار"},
		{"wizara article", "الوزارة", "وزار"},
		{"wasala", "وصل", "وصل"},
		{"wafd", "الوفد", "وفد"},
		{"wakala", "وكالة", "وكال"},
		// ... but a conjunction before any other word goes (light10's rule).
		{"wa-qala", "وقال", "قال"},
		{"wa-quwwat", "وقوات", "قو"},
		// Minimum lengths: nothing shorter than two letters is left.
		{"short", "له", "له"},
		{"two left", "الي", "ال"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Stem(tt.in); got != tt.want {
				t.Errorf("Stem(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
	// وزارة is not زار: the over-stemming bleve's Arabic analyzer does.
	if Stem("وزارة") == "زار" {
		t.Error("Stem(وزارة) = زار")
	}
}

func TestClitics(t *testing.T) {
	tests := []struct {
		in, prefix, rest string
	}{
		{"وبوتين", "وب", "وتين"},         // longest, though و + بوتين is meant: see CliticSplits
		{"والكرملين", "وال", "كرملين"},   // و + article
		{"بالكرملين", "بال", "كرملين"},   // preposition + article
		{"وبالكرملين", "وبال", "كرملين"}, // all three
		{"فللقوات", "فلل", "قوات"},       // ل + article written لل
		{"وللقوات", "ولل", "قوات"},       // ditto with و
		{"لموسكو", "ل", "موسكو"},         // preposition alone
		{"كيم", "ك", "يم"},               // callers check rest against names
		{"بو", "", "بو"},                 // too short to split
		{"موسكو", "", "موسكو"},           // no proclitic
	}
	for _, tt := range tests {
		if p, r := Clitics(tt.in); p != tt.prefix || r != tt.rest {
			t.Errorf("Clitics(%q) = %q, %q; want %q, %q", tt.in, p, r, tt.prefix, tt.rest)
		}
	}
	// Every split is offered, longest first, for the caller to try.
	for in, want := range map[string]string{
		"ولبنان":     "[[ول بنان] [و لبنان]]",
		"وبوتين":     "[[وب وتين] [و بوتين]]",
		"وبالكرملين": "[[وبال كرملين] [وب الكرملين] [و بالكرملين]]",
	} {
		if got := fmt.Sprint(CliticSplits(in)); got != want {
			t.Errorf("CliticSplits(%s) = %s, want %s", in, got, want)
		}
	}
}

func BenchmarkStem(b *testing.B) {
	words := Tokens(seedParagraph)
	var n int64
	for _, w := range words {
		n += int64(len(w.Text))
	}
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		for _, w := range words {
			Stem(w.Norm)
		}
	}
}
