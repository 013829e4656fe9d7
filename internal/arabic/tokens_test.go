package arabic

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

// tok is a token as the tables write it: kind and original text.
type tok struct {
	kind TokenKind
	text string
}

func (t tok) String() string { return fmt.Sprintf("%v(%s)", t.kind, t.text) }

func TestTokens(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []tok
	}{
		// White space separates words and belongs to none.
		{"words", "قال الزعيم  الكوري", []tok{{Word, "قال"}, {Word, "الزعيم"}, {Word, "الكوري"}}},
		// Proclitics stay on the word: whether و is "and" needs a lexicon.
		{"clitics attached", "وبوتين وللقوات", []tok{{Word, "وبوتين"}, {Word, "وللقوات"}}},
		// A hyphen between letters joins a name.
		{"hyphenated name", "كيم جونغ-أون", []tok{{Word, "كيم"}, {Word, "جونغ-أون"}}},
		// A hyphen with a space beside it is punctuation.
		{"detached hyphen", "كيم جونغ -أون", []tok{{Word, "كيم"}, {Word, "جونغ"}, {Punct, "-"}, {Word, "أون"}}},
		{"trailing hyphen", "كيم جونغ -.", []tok{{Word, "كيم"}, {Word, "جونغ"}, {Punct, "-"}, {Punct, "."}}},
		// Diacritics and tatweel stay in the word's text.
		{"tanween", "وفقًا", []tok{{Word, "وفقًا"}}},
		{"tatweel", "بـ “الشجاعة”", []tok{{Word, "بـ"}, {Punct, "“"}, {Word, "الشجاعة"}, {Punct, "”"}}},
		// ZWNJ joins a Persian word.
		{"zwnj", "می\u200cخواهد", []tok{{Word, "می\u200cخواهد"}}},
		// A change of script ends a word.
		{"script change", "بـKremlin", []tok{{Word, "بـ"}, {Word, "Kremlin"}}},
		{"latin apostrophe", "don't", []tok{{Word, "don't"}}},
		{"slash", "KCNA/EPA", []tok{{Word, "KCNA"}, {Punct, "/"}, {Word, "EPA"}}},
		// Numbers keep separators between digits, in any script.
		{"thousands comma", "12,000 جندي", []tok{{Digits, "12,000"}, {Word, "جندي"}}},
		{"thousands dot", "12.000", []tok{{Digits, "12.000"}}},
		{"decimal", "1.5 مليون", []tok{{Digits, "1.5"}, {Word, "مليون"}}},
		{"arabic thousands", "١٢٬٠٠٠", []tok{{Digits, "١٢٬٠٠٠"}}},
		{"arabic decimal", "١٫٥", []tok{{Digits, "١٫٥"}}},
		{"persian digits", "۱۴۰۴", []tok{{Digits, "۱۴۰۴"}}},
		// No-break spaces group thousands (Maghrebi copy); a plain space does not.
		{"nbsp thousands", "1\u00a0250\u00a0000 درهم", []tok{{Digits, "1\u00a0250\u00a0000"}, {Word, "درهم"}}},
		{"plain space", "2015 3 قتلى", []tok{{Digits, "2015"}, {Digits, "3"}, {Word, "قتلى"}}},
		{"apostrophe thousands", "1'250'000", []tok{{Digits, "1'250'000"}}},
		// A hyphen between a letter and a digit is punctuation.
		{"letter hyphen digit", "كوفيد-19", []tok{{Word, "كوفيد"}, {Punct, "-"}, {Digits, "19"}}},
		// A range is two numbers and a hyphen.
		{"range", "10-12", []tok{{Digits, "10"}, {Punct, "-"}, {Digits, "12"}}},
		// A separator not followed by a digit ends the number.
		{"number then comma", "12000، و", []tok{{Digits, "12000"}, {Punct, "،"}, {Word, "و"}}},
		{"number then period", "عام 1945.", []tok{{Word, "عام"}, {Digits, "1945"}, {Punct, "."}}},
		// A conjunction written against digits is its own word.
		{"waw digits", "و12 ألف", []tok{{Word, "و"}, {Digits, "12"}, {Word, "ألف"}}},
		{"era", "2025م", []tok{{Digits, "2025"}, {Word, "م"}}},
		{"date", "1404/10/07", []tok{{Digits, "1404"}, {Punct, "/"}, {Digits, "10"}, {Punct, "/"}, {Digits, "07"}}},
		{"percent", "٥٪", []tok{{Digits, "٥"}, {Punct, "٪"}}},
		// URLs run to white space, giving back sentence punctuation.
		{"url", "انظر https://www.aljazeera.net/news/2025/1/1/x?id=3. ثم", []tok{{Word, "انظر"}, {URL, "https://www.aljazeera.net/news/2025/1/1/x?id=3"}, {Punct, "."}, {Word, "ثم"}}},
		{"www url", "(www.example.com)", []tok{{Punct, "("}, {URL, "www.example.com"}, {Punct, ")"}}},
		{"url with brackets", "http://x.org/a_(b)", []tok{{URL, "http://x.org/a_(b)"}}},
		// E-mail, hashtag, mention.
		{"email", "راسلونا على info@aljazeera.net.", []tok{{Word, "راسلونا"}, {Word, "على"}, {Email, "info@aljazeera.net"}, {Punct, "."}}},
		{"hashtag", "#كوريا_الشمالية", []tok{{Hashtag, "#كوريا_الشمالية"}}},
		{"hashtag digits", "#1", []tok{{Punct, "#"}, {Digits, "1"}}},
		{"hashtag with year", "#رؤية_السعودية_2030", []tok{{Hashtag, "#رؤية_السعودية_2030"}}},
		{"email subdomain", "press@mofa.gov.sa", []tok{{Email, "press@mofa.gov.sa"}}},
		{"url arabic path", "https://ar.wikipedia.org/wiki/كورسك، ثم", []tok{{URL, "https://ar.wikipedia.org/wiki/كورسك"}, {Punct, "،"}, {Word, "ثم"}}},
		{"latin hyphenated", "Al-Qaeda", []tok{{Word, "Al-Qaeda"}}},
		{"mention", "@KCNA_watch قال", []tok{{Mention, "@KCNA_watch"}, {Word, "قال"}}},
		{"bare at", "@ 5", []tok{{Punct, "@"}, {Digits, "5"}}},
		// Quote marks and Arabic punctuation are one token each.
		{"guillemets", "«كورسك»؟", []tok{{Punct, "«"}, {Word, "كورسك"}, {Punct, "»"}, {Punct, "؟"}}},
		// Bidi marks between words are dropped like spaces.
		{"bidi", "\u200fبوتين\u200e", []tok{{Word, "بوتين"}}},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []tok
			for _, tk := range Tokens(tt.in) {
				got = append(got, tok{tk.Kind, tk.Text})
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("Tokens(%q)\n got %v\nwant %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestTokenNorm(t *testing.T) {
	for _, tk := range Tokens("«وبوتِين» قال: ١٢٬٠٠٠ جنديٍّ إضافيّ") {
		if tk.Norm != Search(tk.Text) {
			t.Errorf("token %q: Norm %q, want Search %q", tk.Text, tk.Norm, Search(tk.Text))
		}
	}
	toks := Tokens("وفقًا ١٢٬٠٠٠")
	if toks[0].Norm != "وفقا" || toks[1].Norm != "12,000" {
		t.Errorf("Norm: got %q %q", toks[0].Norm, toks[1].Norm)
	}
}

// checkTokens holds the properties every tokenization must have: offsets
// inside the text, ordered, not overlapping, and each token's text exactly
// the runes its offsets cover.
func checkTokens(t *testing.T, s string, toks []Token) {
	t.Helper()
	runes := []rune(s)
	prevEnd := 0
	for _, tk := range toks {
		if tk.Start < prevEnd || tk.End <= tk.Start || tk.End > len(runes) {
			t.Fatalf("token %q at [%d,%d) after %d in %d runes of %q", tk.Text, tk.Start, tk.End, prevEnd, len(runes), s)
		}
		if utf8.ValidString(s) && string(runes[tk.Start:tk.End]) != tk.Text {
			t.Fatalf("token %q at [%d,%d) covers %q", tk.Text, tk.Start, tk.End, string(runes[tk.Start:tk.End]))
		}
		prevEnd = tk.End
	}
}

func TestTokenOffsets(t *testing.T) {
	for _, s := range append([]string{seedParagraph, "a\xffb", "\u200fبوتين\u200e"}, strings.Split(seedParagraph, ". ")...) {
		checkTokens(t, s, Tokens(s))
	}
}

func FuzzTokens(f *testing.F) {
	for _, s := range []string{seedParagraph, "كيم جونغ-أون", "https://x.org/a_(b).", "info@x.net", "#كوريا_الشمالية @x", "١٢٬٠٠٠ 1.5 10-12", "U.S. د. محمد"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		toks := Tokens(s)
		checkTokens(t, s, toks)
		n := utf8.RuneCountInString(s)
		prev := 0
		for _, sp := range Sentences(s) {
			if sp.Start < prev || sp.End <= sp.Start || sp.End > n {
				t.Fatalf("sentence [%d,%d) after %d in %d runes of %q", sp.Start, sp.End, prev, n, s)
			}
			prev = sp.End
		}
	})
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		// . ! ? ؟ end sentences.
		{"period and bang", "قال بوتين. وأضاف كيم!", []string{"قال بوتين.", "وأضاف كيم!"}},
		{"arabic question", "هل فشلت الحرب؟ لا أحد يعرف", []string{"هل فشلت الحرب؟", "لا أحد يعرف"}},
		// A line break ends a sentence without punctuation.
		{"newline", "الجزيرة\n1404/10/07\n3 مشاهدات", []string{"الجزيرة", "1404/10/07", "3 مشاهدات"}},
		// Not in a decimal.
		{"decimal", "ارتفع بنسبة 1.5 في المئة. ثم", []string{"ارتفع بنسبة 1.5 في المئة.", "ثم"}},
		// Not after single-letter abbreviations, Arabic or Latin.
		{"arabic doctor", "قال د. محمد إن الوضع خطير.", []string{"قال د. محمد إن الوضع خطير."}},
		{"arabic page", "انظر ص. 12 من التقرير.", []string{"انظر ص. 12 من التقرير."}},
		{"US", "The U.S. Secretary spoke. Then", []string{"The U.S. Secretary spoke.", "Then"}},
		{"latin abbreviation", "Dr. Smith said so. Then", []string{"Dr. Smith said so.", "Then"}},
		{"arabic professor", "قال أ.د. خالد إن الوضع مستقر. ثم", []string{"قال أ.د. خالد إن الوضع مستقر.", "ثم"}},
		{"decimal with scale", "بلغ العجز 2.5 مليار. وأضاف", []string{"بلغ العجز 2.5 مليار.", "وأضاف"}},
		{"arabic decimal", "نما ١٫٥ في المئة. ثم", []string{"نما ١٫٥ في المئة.", "ثم"}},
		{"email", "راسلونا على info@spa.gov.sa. شكرا", []string{"راسلونا على info@spa.gov.sa.", "شكرا"}},
		// An era letter after a year is not an abbreviation.
		{"era", "انتهت عام 1945 م. وبعد ذلك", []string{"انتهت عام 1945 م.", "وبعد ذلك"}},
		// Not inside a URL.
		{"url", "الرابط https://example.com/a.b.html هنا. ثم", []string{"الرابط https://example.com/a.b.html هنا.", "ثم"}},
		// Closing quotes after the mark stay with the sentence.
		{"closing quote", "“قوية وموثوقة، حتى اليوم.” كتب بوتين", []string{"“قوية وموثوقة، حتى اليوم.”", "كتب بوتين"}},
		// A run of marks is one end.
		{"ellipsis", "انتظروا... ثم جاء؟! نعم", []string{"انتظروا...", "ثم جاء؟!", "نعم"}},
		{"empty", "  \n ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			runes := []rune(tt.in)
			var got []string
			for _, sp := range Sentences(tt.in) {
				got = append(got, string(runes[sp.Start:sp.End]))
			}
			if fmt.Sprintf("%q", got) != fmt.Sprintf("%q", tt.want) {
				t.Errorf("Sentences(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func BenchmarkTokens(b *testing.B) {
	b.SetBytes(int64(len(seedParagraph)))
	b.ReportAllocs()
	for b.Loop() {
		Tokens(seedParagraph)
	}
}

func BenchmarkSentences(b *testing.B) {
	b.SetBytes(int64(len(seedParagraph)))
	b.ReportAllocs()
	for b.Loop() {
		Sentences(seedParagraph)
	}
}
