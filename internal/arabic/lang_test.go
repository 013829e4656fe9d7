package arabic

import "testing"

func TestLang(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		// The seed's Persian lines: ی and Persian function words.
		{"persian seed 1", "به یاد فرزندان جاویدان این سرزمین", "fa"},
		{"persian seed 2", "یادشان همواره در قلب این خاک زنده خواهد ماند", "fa"},
		// Persian letters alone.
		{"persian letters", "گزارش پایگاه خبری", "fa"},
		{"persian zwnj", "آنها می‌گویند", "fa"},
		// Urdu letters with Urdu function words.
		{"urdu", "پاکستان میں بارش کا سلسلہ جاری ہے", "ur"},
		// Arabic, even with a stray ی from a Persian keyboard.
		{"arabic seed", "قال الزعيم الكوري الشمالي كيم جونغ أون", "ar"},
		{"arabic diacritics", "وَفْقًا لِوَكالَةِ الأَنْباءِ", "ar"},
		{"arabic stray yeh", "قال الرئیس في بيان إن الوضع خطير", "ar"},
		{"arabic with latin", "نقلت وكالة KCNA عن كيم", "ar"},
		// Words Persian shares with Arabic (به "with it") are no evidence
		// without a Persian letter.
		{"arabic with به", "متحدث باسم مقاومة تعز: نتطلع لمدنا بعتاد عسكري «نستنسخ به تجربة عدن»", "ar"},
		{"arabic with هم", "هم الذين بدأوا الحرب", "ar"},
		// Latin: English named, the rest "other".
		{"english seed", "Exit mobile version", "en"},
		{"english furniture", "Leave a comment", "en"},
		{"english", "North Korea has sent thousands of troops to Russia", "en"},
		{"french", "La Corée du Nord a envoyé des milliers de soldats en Russie", "other"},
		// Other scripts.
		{"russian", "Северная Корея отправила войска", "other"},
		// No letters: a date, digits, punctuation.
		{"solar hijri date", "1404/10/07", ""},
		{"digits", "3 12,000", ""},
		{"punctuation", "• — …", ""},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, conf := Lang(tt.in)
			if got != tt.want {
				t.Errorf("Lang(%q) = %q (%.2f), want %q", tt.in, got, conf, tt.want)
			}
			if conf < 0 || conf > 1 || (got == "" && conf != 0) || (got != "" && conf == 0) {
				t.Errorf("Lang(%q) confidence %v", tt.in, conf)
			}
		})
	}
}

func BenchmarkLang(b *testing.B) {
	b.SetBytes(int64(len(seedParagraph)))
	b.ReportAllocs()
	for b.Loop() {
		Lang(seedParagraph)
	}
}
