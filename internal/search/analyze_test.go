package search

import (
	"testing"

	"github.com/marsad/marsad/news"
)

// terms analyzes s as a document without names would be.
func terms(s string) []string {
	var out []string
	for _, t := range (analyzer{}).Analyze([]byte(s)) {
		out = append(out, string(t.Term))
	}
	return out
}

func TestAnalyzeTerms(t *testing.T) {
	tests := []struct {
		name, a, b string
		same       bool
	}{
		// The article and proclitics come off with light stemming.
		{"article", "مفاوضات", "المفاوضات", true},
		{"waw article", "مفاوضات", "والمفاوضات", true},
		{"bi article", "مفاوضات", "بالمفاوضات", true},
		// Hamza on alef, diacritics and tatweel are folded.
		{"hamza", "أعلن", "اعلن", true},
		{"diacritics", "أعلنَ", "اعلن", true},
		{"tatweel", "أعلـــن", "اعلن", true},
		// Digits in any script, with or without grouping.
		{"eastern digits", "٢٠١٥", "2015", true},
		{"persian digits", "۲۰۱۵", "2015", true},
		{"grouping", "١٢٬٠٠٠", "12000", true},
		{"comma grouping", "12,000", "12000", true},
		// Ta marbuta and alef maksura.
		{"ta marbuta", "وزارة", "وزاره", true},
		// The guard against light10's over-stemming.
		{"wizara", "وزارة", "زار", false},
		{"latin case", "Kremlin", "kremlin", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := terms(tt.a), terms(tt.b)
			if (len(a) == 1 && len(b) == 1 && a[0] == b[0]) != tt.same {
				t.Errorf("terms(%q) = %q, terms(%q) = %q, want same=%v", tt.a, a, tt.b, b, tt.same)
			}
		})
	}
}

// Offsets must point at the original characters, diacritics included, so
// the highlighter marks what the user wrote.
func TestAnalyzeOffsets(t *testing.T) {
	s := "أعلنَ الوزيرُ، كيم جونغ-أون ١٢٬٠٠٠ جندي"
	toks := (analyzer{}).Analyze([]byte(s))
	want := []struct{ text, term string }{
		{"أعلنَ", "اعلن"},
		{"الوزيرُ", "وزير"},
		{"كيم", "كيم"},
		{"جونغ", "جونغ"},
		{"أون", "اون"},
		{"١٢٬٠٠٠", "12000"},
		{"جندي", "جند"},
	}
	if len(toks) != len(want) {
		t.Fatalf("got %d tokens %v, want %d", len(toks), toks, len(want))
	}
	for i, w := range want {
		tok := toks[i]
		if got := s[tok.Start:tok.End]; got != w.text || string(tok.Term) != w.term || tok.Position != i+1 {
			t.Errorf("token %d: %q term %q pos %d, want %q term %q pos %d", i, got, tok.Term, tok.Position, w.text, w.term, i+1)
		}
	}
}

func TestProtectedNames(t *testing.T) {
	a := news.Article{Entities: []news.Mention{
		{Text: "وبوتين", Type: news.PER, Name: "فلاديمير بوتين"},
		{Text: "عمان", Type: news.LOC, Name: "عمان"},
		// Adjectives with the article stay stemmable: الشمالية finds شمالي.
		{Text: "كوريا الشمالية", Type: news.LOC, Name: "كوريا الشمالية"},
		{Text: "حسين", Type: news.PER, Name: "صدام حسين"},
		// Organization names are common nouns: وزارة must still find وزارات.
		{Text: "وزارة الخارجية", Type: news.ORG, Name: "وزارة الخارجية"},
	}}
	got := protectedNames(a)
	for _, w := range []string{"بوتين", "عمان", "حسين"} {
		if !got[w] {
			t.Errorf("%s not protected: %v", w, got)
		}
	}
	// كوريا and صدام are not changed by stemming: no need to protect them.
	for _, w := range []string{"الشماليه", "كوريا", "وبوتين", "صدام", "وزاره"} {
		if got[w] {
			t.Errorf("%s protected: %v", w, got)
		}
	}
	toks := analyzer{names: got}.Analyze([]byte("قال وبوتين"))
	if string(toks[1].Term) != "بوتين" {
		t.Errorf("وبوتين indexed as %q, want بوتين", toks[1].Term)
	}
}

func BenchmarkAnalyze(b *testing.B) {
	text := []byte(seedTexts(b)[0])
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	an := analyzer{names: nameSet{"بوتين": true}}
	for b.Loop() {
		an.Analyze(text)
	}
}
