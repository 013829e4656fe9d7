package arabic

import (
	"testing"
)

func TestSpell(t *testing.T) {
	tests := []struct {
		n    int
		want string
	}{
		{0, "صفر"},
		{1, "واحد"},
		{11, "أحد عشر"},
		{12, "اثنا عشر"},
		{15, "خمسة عشر"},
		{21, "واحد وعشرون"},
		{100, "مائة"},
		{125, "مائة وخمسة وعشرون"},
		{200, "مائتان"},
		{1000, "ألف"},
		{2000, "ألفان"},
		{3500, "ثلاثة آلاف وخمسمائة"},
		{10000, "عشرة آلاف"},
		{11000, "أحد عشر ألفًا"},
		{25000, "خمسة وعشرون ألفًا"},
		{200000, "مائتا ألف"},
		{101000, "مائة وواحد ألف"},
		{1000000, "مليون"},
		{1500000, "مليون وخمسمائة ألف"},
		{-1, ""},
	}
	for _, tt := range tests {
		if got := Spell(tt.n); got != tt.want {
			t.Errorf("Spell(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
}

// TestSpellRoundTrip reads back every number Spell writes up to a million.
func TestSpellRoundTrip(t *testing.T) {
	t.Parallel() // seconds of work, beside TestPluralsMeasure's
	if testing.Short() {
		t.Skip("a million round trips")
	}
	for n := 0; n <= 1_000_000; n++ {
		s := Spell(n)
		if got, ok := ParseNumberWords(s); !ok || got != float64(n) {
			t.Fatalf("ParseNumberWords(Spell(%d) = %q) = %v, %v", n, s, got, ok)
		}
	}
	for _, n := range []int{1_000_001, 2_500_000, 999_999_999, 1_000_000_000, 123_456_789_012 % 1_000_000_000_000} {
		if got, ok := ParseNumberWords(Spell(n)); !ok || got != float64(n) {
			t.Errorf("ParseNumberWords(Spell(%d) = %q) = %v, %v", n, Spell(n), got, ok)
		}
	}
}

func TestParseNumberWords(t *testing.T) {
	tests := []struct {
		in   string
		want float64
		ok   bool
	}{
		// Both spellings of a hundred, and the spoken one.
		{"مئة", 100, true},
		{"مائة", 100, true},
		{"ثلاثمئة", 300, true},
		{"ثلاث مئة", 300, true},
		{"خمسمئة", 500, true},
		{"مئتين", 200, true},
		{"مائتي", 200, true},
		// Accusative/genitive ين forms.
		{"عشرين", 20, true},
		{"اثنين", 2, true},
		{"اثنتين", 2, true},
		{"خمسة وعشرين ألفا", 25000, true},
		{"ألفين", 2000, true},
		{"مليونين", 2e6, true},
		// Feminine forms.
		{"ثلاث", 3, true},
		{"ثلاث عشرة", 13, true},
		{"إحدى عشرة", 11, true},
		// Diacritics and tanween ignored.
		{"خَمْسَةٌ وَعِشْرُونَ أَلْفًا", 25000, true},
		{"ثلاثة آلاف وخمسمئة", 3500, true},
		// Fractions.
		{"نصف", 0.5, true},
		{"مليون ونصف", 1.5e6, true},
		{"نصف مليون", 5e5, true},
		{"ألف ونصف", 1500, true},
		// Digits with a scale word.
		{"10 آلاف", 10000, true},
		{"1.5 مليون", 1.5e6, true},
		{"12 ألف", 12000, true},
		{"٣ ملايين", 3e6, true},
		// Not one number.
		{"خمسة خمسة", 0, false},
		{"عشرون خمسة", 0, false},
		{"آلاف", 0, false},
		{"بوتين", 0, false},
		{"", 0, false},
	}
	for _, tt := range tests {
		got, ok := ParseNumberWords(tt.in)
		if ok != tt.ok || got != tt.want {
			t.Errorf("ParseNumberWords(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}
