package arabic

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSearch(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		// NFKC: presentation forms become the letters they draw.
		{"lam-alef ligature", "ﻻ", "لا"},
		{"lam-alef hamza ligature", "ﻷ", "لا"},
		{"beh initial form", "ﺑ", "ب"},
		{"lam-alef hamza below ligature", "ﻹ", "لا"},
		{"lam-alef madda ligature", "ﻵ", "لا"},
		{"lam-alef final form", "ﻼ", "لا"},
		{"presentation form word", "ﺑﻮﺗﻴﻦ", "بوتين"},
		{"allah ligature", "ﷲ", "الله"},
		{"fullwidth latin and digits", "ＫＣＮＡ １２", "kcna 12"},
		// Bidi controls and zero-width marks are invisible and dropped.
		{"LRM", "بوتين\u200E", "بوتين"},
		{"RLM", "\u200Fبوتين", "بوتين"},
		{"LRE..RLO", "\u202Aا\u202Bب\u202Cت\u202Dث\u202Eج", "ابتثج"},
		{"isolates", "\u2066ا\u2067ب\u2068ت\u2069", "ابت"},
		{"arabic letter mark", "كيم\u061C", "كيم"},
		{"ZWSP", "كيم\u200Bجونغ", "كيمجونغ"},
		{"ZWJ", "ل\u200Dا", "لا"},
		{"BOM", "\uFEFFقال", "قال"},
		// ZWNJ is a Persian spelling signal, kept.
		{"ZWNJ kept", "می\u200Cخواهد", "مي\u200Cخواهد"},
		// Diacritics: harakat, tanween, shadda, sukun, dagger alef.
		{"fatha kasra damma", "كَتِبُ", "كتب"},
		{"tanween", "يومًا جديدٌ كتابٍ", "يوما جديد كتاب"},
		{"shadda", "القمّة", "القمه"},
		{"sukun", "مِنْ", "من"},
		{"dagger alef", "هٰذا", "هذا"},
		// Tatweel is decoration.
		{"tatweel", "كـ بـ", "ك ب"},
		{"long tatweel", "الســــلام", "السلام"},
		// Alef forms fold to bare alef.
		{"alef hamza above", "أون", "اون"},
		{"alef hamza below", "إيران", "ايران"},
		{"alef madda", "آلاف", "الاف"},
		{"alef wasla", "ٱلله", "الله"},
		{"alef wavy hamza", "ٲ", "ا"},
		// Hamza on waw and yeh stays in the search layer; NameKey folds it.
		{"hamza carriers kept", "مؤتمر رئيس", "مؤتمر رئيس"},
		{"combining hamza composes", "و\u0654", "ؤ"},
		// Alef maksura and teh marbuta.
		{"alef maksura", "على", "علي"},
		{"teh marbuta", "القمة", "القمه"},
		// Persian and Urdu letters fold to their Arabic look-alikes.
		{"farsi yeh", "ی", "ي"},
		{"keheh", "ک", "ك"},
		{"heh yeh above", "ۀ", "ه"},
		{"heh doachashmee", "ھ", "ه"},
		{"yeh barree", "ے", "ي"},
		{"peh", "پ", "ب"},
		{"tcheh", "چ", "ج"},
		{"jeh", "ژ", "ز"},
		{"gaf", "گ", "ك"},
		// Digits in any script become ASCII.
		{"eastern arabic digits", "٠١٢٣٤٥٦٧٨٩", "0123456789"},
		{"persian digits", "۰۱۲۳۴۵۶۷۸۹", "0123456789"},
		// Arabic punctuation becomes its ASCII counterpart.
		{"arabic comma", "أ، ب", "ا, ب"},
		{"arabic semicolon", "أ؛ ب", "ا; ب"},
		{"arabic question", "لماذا؟", "لماذا?"},
		{"arabic percent", "٥٪", "5%"},
		{"arabic decimal", "١٫٥", "1.5"},
		{"arabic thousands", "١٢٬٠٠٠", "12,000"},
		// Quote marks of every outlet's habit become '"'.
		{"guillemets", "«بوتين»", `"بوتين"`},
		{"curly quotes", "“بطل”", `"بطل"`},
		{"low quote", "„x“", `"x"`},
		{"single guillemets", "‹x›", `"x"`},
		// Latin is lower-cased, ASCII left alone otherwise.
		{"latin lower", "KCNA/EPA", "kcna/epa"},
		{"ascii untouched", "exit mobile version 12", "exit mobile version 12"},
		// No-break spaces become plain spaces.
		{"nbsp", "كيم\u00A0جونغ", "كيم جونغ"},
		// Everything at once, as scraped.
		{"mixed", "«الرئيسُ الروسيّ» فلاديمير بوتـين: ١٢٬٠٠٠ جنديٍّ", `"الرئيس الروسي" فلاديمير بوتين: 12,000 جندي`},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Search(tt.in); got != tt.want {
				t.Errorf("Search(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestUnmarked(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		// Tatweel stretches letters for layout; a listed name drops it.
		{"tatweel", "آسـيا", "آسيا"},
		{"long tatweel", "الســويس", "السويس"},
		// Diacritics go; hamza and alef forms stay as written.
		{"diacritics", "مِصْر", "مصر"},
		{"shadda", "جدّة", "جدة"},
		{"hamza kept", "أوبـك", "أوبك"},
		// ى and ة are letters of the display layer, not folded.
		{"alef maksura kept", "دبى", "دبى"},
		// Presentation forms become the letters they draw.
		{"presentation forms", "ﺍﻟﻴﻤﻦ", "اليمن"},
		// Bidi marks and line breaks inside a name.
		{"invisible and newline", "\u200fمكة\nالمكرمة ", "مكة المكرمة"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Unmarked(tt.in); got != tt.want {
				t.Errorf("Unmarked(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestNameKey(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		// Everything the search layer does.
		{"search layer first", "«بوتِين»", `"بوتين"`},
		// Hamza on a carrier folds to the carrier.
		{"waw hamza", "مؤتمر", "موتمر"},
		{"yeh hamza", "رئيس", "رييس"},
		// Bare hamza is dropped.
		{"bare hamza", "أبناء", "ابنا"},
		// Hyphens join name parts that other outlets write apart.
		{"hyphen", "كيم جونغ-أون", "كيم جونغ اون"},
		{"en dash", "كيم جونغ–أون", "كيم جونغ اون"},
		// Space runs collapse, ends trimmed.
		{"spaces", "  كيم   جونغ \t أون  ", "كيم جونغ اون"},
		{"hyphen beside space", "كيم جونغ - أون", "كيم جونغ اون"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := NameKey(tt.in); got != tt.want {
				t.Errorf("NameKey(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestPhonetic(t *testing.T) {
	tests := []struct {
		name  string
		a, b  string
		equal bool
	}{
		// A dropped long vowel is the commonest transliteration variant.
		{"long vowel", "بوتين", "بوتن", true},
		// ج and غ both render the Korean/English g.
		{"jeem ghain", "بيونغ يانغ", "بيونج يانج", true},
		{"jeem ghain mixed", "بيونغ يانغ", "بيونج يانغ", true},
		{"kim jong un", "كيم جونغ أون", "كيم جونج أون", true},
		// A shared prefix must not merge different places.
		{"kursk vs korea", "كورسك", "كوريا", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pa, pb := Phonetic(NameKey(tt.a)), Phonetic(NameKey(tt.b))
			if (pa == pb) != tt.equal {
				t.Errorf("Phonetic(%q)=%q, Phonetic(%q)=%q, want equal=%v", tt.a, pa, tt.b, pb, tt.equal)
			}
		})
	}
}

// searchProperties is what must hold for any input: the input is not
// changed, the output is valid UTF-8, and a second pass changes nothing.
func searchProperties(t *testing.T, in string) {
	t.Helper()
	before := strings.Clone(in)
	once := Search(in)
	if in != before {
		t.Fatalf("Search changed its input %q to %q", before, in)
	}
	if !utf8.ValidString(once) {
		t.Fatalf("Search(%q) = %q is not valid UTF-8", in, once)
	}
	if general := searchGeneral(in); once != general {
		t.Fatalf("Search(%q) = %q, but the general path gives %q", in, once, general)
	}
	if twice := Search(once); twice != once {
		t.Fatalf("Search not idempotent on %q: %q then %q", in, once, twice)
	}
	if twice := NameKey(NameKey(in)); twice != NameKey(in) {
		t.Fatalf("NameKey not idempotent on %q: %q then %q", in, NameKey(in), twice)
	}
}

func TestSearchProperties(t *testing.T) {
	for _, in := range []string{
		"", "ﻻ", "هٰذا", "e\u0640\u0301", "ا\u0654", "و\u0654", "«بوتِين» ١٢٬٠٠٠",
		"\xff\xfe", "K", "İstanbul", "ﷺ", "ﷲ", seedParagraph,
		"سطر\nCafé ١٢\ne\n\u0301", "\n", "a\n", "\nﻻ\n\n",
	} {
		searchProperties(t, in)
	}
}

func FuzzSearch(f *testing.F) {
	for _, s := range []string{"ﻻ ﻷ ﺑ", "هٰذا", "«بوتين»", "١٢٬٠٠٠", "می\u200Cخواهد", "e\u0640\u0301", "سطر\nCafé\ne\n\u0301", seedParagraph} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		searchProperties(t, in)
	})
}

// seedParagraph is a paragraph of the seeds as an outlet published it,
// with its diacritics and punctuation.
const seedParagraph = `أعرب الرئيس الروسي فلاديمير بوتين عن امتنانه الشخصي للزعيم الكوري الشمالي «كيم جونج أون» لدور جنوده في إخراج القوات الأوكرانية من منطقة «كورسك» الروسية، وفقًا لما ذكره الكرملين في بيان نُشر اليوم الاثنين. ووفقاً لمصادر استخباراتية أمريكية وكورية جنوبية وأوكرانية، فقد نشرت كوريا الشمالية ما بين 10 آلاف و12 ألف جندي في روسيا خلال خريف العام الماضي، في أول مشاركة عسكرية خارجية لها منذ انتهاء الحرب الكورية بين عامي 1950 و1953. وأكّدت الوكالة أنّ الرئيس الروسي "قبِل الدعوة بكلّ سرور وجدّد التأكيد على رغبته الراسخة بالمضيّ قدماً في توطيد أواصر الصداقة التاريخية".`

func BenchmarkSearch(b *testing.B) {
	b.SetBytes(int64(len(seedParagraph)))
	b.ReportAllocs()
	for b.Loop() {
		Search(seedParagraph)
	}
}

// BenchmarkSearchNormalized measures text that is already in the search
// layer, as most of a pipeline's second and later calls are.
func BenchmarkSearchNormalized(b *testing.B) {
	s := Search(seedParagraph)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		Search(s)
	}
}

// TestSearchFastPath checks that the fast path for ASCII and Arabic text
// agrees with the general one, rune by rune and in context.
func TestSearchFastPath(t *testing.T) {
	for r := rune(0); r < 0x3000; r++ {
		for _, in := range []string{string(r), "ا" + string(r) + "ب", "e" + string(r) + "\u0301", "و" + string(r) + "\u0654"} {
			fast, ok := searchFast(in)
			if !ok {
				continue
			}
			if slow := searchGeneral(in); fast != slow {
				t.Errorf("%U in %q: fast path %q, general %q", r, in, fast, slow)
			}
		}
	}
}
