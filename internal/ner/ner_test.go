package ner

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestNormalizeTag(t *testing.T) {
	tests := []struct{ in, want string }{
		{"O", "O"},
		{"B-PERS", "B-PER"}, // ANERcorp spells persons PERS
		{"I-PERS", "I-PER"},
		{"B-LOC", "B-LOC"},
		{"I-ORG", "I-ORG"},
		{"B-MISC", "B-MISC"},
		{"B-MIS2", "B-MISC"},  // AQMAR's miscellaneous classes fold into MISC
		{"I-MIS0", "I-MISC"},  //
		{"B-MIS1`", "B-MISC"}, // a typo in AQMAR
		{"I--ORG", "I-ORG"},   // a doubled hyphen in AQMAR
		{"B-ENGLISH", "O"},    // no type of ours
		{"IO", "O"},
		{"", "O"},
	}
	for _, tt := range tests {
		if got := NormalizeTag(tt.in); got != tt.want {
			t.Errorf("NormalizeTag(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParseCoNLL(t *testing.T) {
	in := "زار B-PERS\nبوتين I-PERS\nموسكو\tB-LOC\n\n\nقال O\n"
	got, err := ParseCoNLL(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || strings.Join(got[0].Words, " ") != "زار بوتين موسكو" ||
		strings.Join(got[0].Tags, " ") != "B-PER I-PER B-LOC" || got[1].Words[0] != "قال" {
		t.Errorf("ParseCoNLL = %+v", got)
	}
	if _, err := ParseCoNLL(strings.NewReader("كلمة\n")); err == nil {
		t.Error("a line without a tag: want an error")
	}
}

func TestScore(t *testing.T) {
	tests := []struct {
		name                      string
		gold, pred                string
		correct, predicted, gold_ int
	}{
		{"exact match", "B-PER I-PER O B-LOC", "B-PER I-PER O B-LOC", 2, 2, 2},
		{"boundary too short counts as wrong", "B-PER I-PER O", "B-PER O O", 0, 1, 1},
		{"wrong type counts as wrong", "B-ORG I-ORG", "B-LOC I-LOC", 0, 1, 1},
		{"orphan I- starts an entity, as in conlleval", "O I-LOC", "O B-LOC", 1, 1, 1},
		{"B- after B- splits", "B-LOC B-LOC", "B-LOC I-LOC", 0, 1, 2},
		{"I- of another type starts a new entity", "B-PER I-LOC", "B-PER B-LOC", 2, 2, 2},
	}
	for _, tt := range tests {
		var s Score
		s.Add(strings.Fields(tt.gold), strings.Fields(tt.pred))
		if s.Micro != (Counts{tt.correct, tt.predicted, tt.gold_}) {
			t.Errorf("%s: counts %+v, want {%d %d %d}", tt.name, s.Micro, tt.correct, tt.predicted, tt.gold_)
		}
	}
	var s Score
	s.Add([]string{"B-PER", "O", "B-LOC"}, []string{"B-PER", "O", "B-ORG"})
	if p, r := s.Micro.Precision(), s.Micro.Recall(); p != 0.5 || r != 0.5 || s.Micro.F1() != 0.5 {
		t.Errorf("P/R/F1 = %v/%v/%v, want 0.5 each", p, r, s.Micro.F1())
	}
	if !strings.Contains(s.String(), "micro") {
		t.Errorf("String() has no micro row:\n%s", s)
	}
}

func TestViterbiKeepsBILOU(t *testing.T) {
	// Emissions that, taken word by word, would put L-LOC first, I-ORG
	// after B-PER and leave a name open at the end: decoding must still
	// return a well-formed sequence.
	em := make([]float64, 3*numTags)
	em[tagIndex("L-LOC")] = 5
	em[tagIndex("B-PER")] = 1
	em[numTags+tagIndex("I-ORG")] = 5
	em[numTags+tagIndex("O")] = 1
	em[2*numTags+tagIndex("B-LOC")] = 5
	em[2*numTags+tagIndex("O")] = 1
	trans := make([]float64, (numTags+1)*numTags)
	path := viterbi(em, trans, 3)
	prev := startTag
	for _, p := range path {
		if !allowed(prev, p) {
			t.Fatalf("path %v breaks BILOU", path)
		}
		prev = p
	}
	if open(prev) {
		t.Fatalf("path %v ends inside a name", path)
	}
}

// tagIndex returns the index of a BILOU tag, or 0 (O) when it is not one.
func tagIndex(tag string) int {
	if i := slices.Index(tagNames[:], tag); i >= 0 {
		return i
	}
	return 0
}

// tinyCorpus is a small tagged corpus for tests that must run without the
// shared data.
func tinyCorpus() []Sentence {
	lines := []string{
		"قال/O الرئيس/O الروسي/O فلاديمير/B-PER بوتين/I-PER في/O موسكو/B-LOC ./O",
		"وأعلنت/O وزارة/B-ORG الخارجية/I-ORG الروسية/I-ORG أن/O بوتين/B-PER سيزور/O بكين/B-LOC",
		"التقى/O الزعيم/O الكوري/O كيم/B-PER جونغ/I-PER أون/I-PER في/O بيونغ/B-LOC يانغ/I-LOC",
		"ذكرت/O وكالة/B-ORG الأنباء/I-ORG المركزية/I-ORG الكورية/I-ORG أن/O القوات/O وصلت/O إلى/O كورسك/B-LOC",
		"وقال/O المتحدث/O باسم/O الكرملين/B-ORG ديمتري/B-PER بيسكوف/I-PER إن/O روسيا/B-LOC مستعدة/O",
		"شارك/O آلاف/O الجنود/O في/O كأس/B-MISC العالم/I-MISC في/O قطر/B-LOC",
	}
	var out []Sentence
	for _, l := range lines {
		var s Sentence
		for _, wt := range strings.Fields(l) {
			w, tag, _ := strings.Cut(wt, "/")
			s.Words, s.Tags = append(s.Words, w), append(s.Tags, tag)
		}
		out = append(out, s)
	}
	return out
}

func modelBytes(t *testing.T, m *Model) []byte {
	t.Helper()
	var b bytes.Buffer
	n, err := m.WriteTo(&b)
	if err != nil {
		t.Fatal(err)
	}
	if n != int64(b.Len()) {
		t.Errorf("WriteTo reported %d bytes, wrote %d", n, b.Len())
	}
	return b.Bytes()
}

// TestTrainReproducible trains twice on the same data and seed and wants
// the same bytes, then checks that Load reads back the same model.
func TestTrainReproducible(t *testing.T) {
	sents := tinyCorpus()
	if p := filepath.Join(dataDir, "anercorp", "ANERcorp-CamelLabSplits-train.txt"); fileExists(p) {
		all, err := ReadCoNLL(p)
		if err != nil {
			t.Fatal(err)
		}
		sents = append(sents, all[:300]...)
	}
	clusters := map[string]string{"بوتين": "c0110", "بيسكوف": "c0111", "موسكو": "c10"}
	vclusters := map[string]string{"بوتين": "v0011", "كيم": "v0010", "كورسك": "v1"}
	cfg := Config{Epochs: 3, Seed: 7, Clusters: clusters, VectorClusters: vclusters, MinCount: DefaultMinCount}
	m1, err := Train(sents, cfg)
	if err != nil {
		t.Fatal(err)
	}
	m2, err := Train(sents, cfg)
	if err != nil {
		t.Fatal(err)
	}
	b1, b2 := modelBytes(t, m1), modelBytes(t, m2)
	if !bytes.Equal(b1, b2) {
		t.Fatalf("same data and seed gave different model files (%d and %d bytes)", len(b1), len(b2))
	}
	m3, err := Load(bytes.NewReader(b1))
	if err != nil {
		t.Fatal(err)
	}
	if b3 := modelBytes(t, m3); !bytes.Equal(b1, b3) {
		t.Error("Load then WriteTo changed the bytes")
	}
	for _, s := range sents[:10] {
		if a, b := strings.Join(m1.Tag(s.Words), " "), strings.Join(m3.Tag(s.Words), " "); a != b {
			t.Errorf("loaded model tags %q, trained one %q", b, a)
		}
	}
}

// TestTrainLearnsTinyCorpus checks that training fits what it is shown: a
// separable corpus is tagged back exactly.
func TestTrainLearnsTinyCorpus(t *testing.T) {
	m, err := Train(tinyCorpus(), Config{Epochs: 15})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range tinyCorpus() {
		if got, want := strings.Join(m.Tag(s.Words), " "), strings.Join(s.Tags, " "); got != want {
			t.Errorf("Tag(%q) = %s, want %s", strings.Join(s.Words, " "), got, want)
		}
	}
}

func TestTrainErrors(t *testing.T) {
	if _, err := Train(nil, Config{}); !errors.Is(err, ErrNoData) {
		t.Errorf("Train(nil) = %v, want ErrNoData", err)
	}
	if _, err := Train([]Sentence{{Words: []string{"بوتين"}}}, Config{}); err == nil {
		t.Error("words without tags: want an error")
	}
}

func TestLoadRejects(t *testing.T) {
	m, err := Train(tinyCorpus(), Config{Epochs: 1})
	if err != nil {
		t.Fatal(err)
	}
	good := modelBytes(t, m)
	tests := []struct {
		name string
		data []byte
	}{
		{"empty", nil},
		{"not a model", []byte("hello, world\n")},
		{"future version", append([]byte(magic), 99)},
		{"truncated", good[:len(good)/2]},
	}
	for _, tt := range tests {
		if _, err := Load(bytes.NewReader(tt.data)); err == nil {
			t.Errorf("%s: Load succeeded", tt.name)
		}
	}
}

func FuzzLoad(f *testing.F) {
	m, err := Train(tinyCorpus(), Config{Epochs: 1})
	if err != nil {
		f.Fatal(err)
	}
	var b bytes.Buffer
	if _, err := m.WriteTo(&b); err != nil {
		f.Fatal(err)
	}
	f.Add(b.Bytes())
	f.Add([]byte(magic + "\x01"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if m, err := Load(bytes.NewReader(data)); err == nil {
			m.Tag([]string{"قال", "بوتين", "في", "موسكو"}) // a model that loads must tag
		}
	})
}

func FuzzParseCoNLL(f *testing.F) {
	f.Add("بوتين B-PERS\n\nموسكو B-LOC\n")
	f.Fuzz(func(t *testing.T, in string) {
		sents, err := ParseCoNLL(strings.NewReader(in))
		if err != nil {
			return
		}
		for _, s := range sents {
			if len(s.Words) == 0 || len(s.Words) != len(s.Tags) {
				t.Fatalf("sentence %+v: want as many tags as words, at least one", s)
			}
		}
	})
}

func TestMentions(t *testing.T) {
	m := defaultModel(t)
	text := "وقال الرئيس الروسي فلاديمير بوتين في موسكو إن قوات كوريا الشمالية وصلت إلى كورسك.\nوأعلنت وزارة الدفاع الأمريكية ذلك."
	spans := m.Mentions(text)
	runes := []rune(text)
	found := map[string]string{}
	for _, s := range spans {
		if s.Start < 0 || s.End > len(runes) || s.Start >= s.End || string(runes[s.Start:s.End]) != s.Text {
			t.Errorf("span %+v does not match the text at its offsets", s)
		}
		found[s.Text] = s.Type
	}
	for text, typ := range map[string]string{"فلاديمير بوتين": "PER", "موسكو": "LOC", "كوريا الشمالية": "LOC"} {
		if found[text] != typ {
			t.Errorf("Mentions: %s tagged %q, want %s (all: %+v)", text, found[text], typ, spans)
		}
	}
	if got := m.Mentions(""); len(got) != 0 {
		t.Errorf("Mentions(\"\") = %v", got)
	}
}

func defaultModel(tb testing.TB) *Model {
	tb.Helper()
	m, err := Default()
	if err != nil {
		tb.Fatal(err)
	}
	return m
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// achievedF1 is the embedded model's micro F1 on the ANERcorp CAMeL test
// split when it was built; the test below fails on a regression.
const achievedF1 = 0.7486

func TestDefaultOnANERcorpTest(t *testing.T) {
	test := anercorp(t, "test")
	start := time.Now()
	s := Evaluate(defaultModel(t), test)
	t.Logf("ANERcorp test (%d tokens in %v):\n%s", s.Tokens, time.Since(start).Round(time.Millisecond), s)
	if f := s.Micro.F1(); f < achievedF1-0.005 {
		t.Errorf("micro F1 %.4f, want ≥ %.4f", f, achievedF1-0.005)
	}
}

// TestDefaultOnAQMAR reports the out-of-domain score (Wikipedia, not
// news); nothing is asserted, as nothing was tuned for it.
func TestDefaultOnAQMAR(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(dataDir, "aqmar", "articles", "*.txt"))
	if len(files) == 0 {
		t.Skipf("AQMAR not found under %s", dataDir)
	}
	var sents []Sentence
	for _, f := range files {
		s, err := ReadCoNLL(f)
		if err != nil {
			t.Fatal(err)
		}
		sents = append(sents, s...)
	}
	t.Logf("AQMAR (%d files):\n%s", len(files), Evaluate(defaultModel(t), sents))
}

// TestBuildModel trains the shipped model on all of ANERcorp's training
// split, with clusters from SaudiNewsNet, and writes model/ner.bin. Run by
// hand, then rebuild:
//
//	MARSAD_NER_BUILD=1 go test ./internal/ner -run TestBuildModel -v
func TestBuildModel(t *testing.T) {
	if os.Getenv("MARSAD_NER_BUILD") == "" {
		t.Skip("set MARSAD_NER_BUILD=1 to retrain model/ner.bin")
	}
	start := time.Now()
	m, err := TrainFromFiles(filepath.Join(dataDir, "anercorp", "ANERcorp-CamelLabSplits-train.txt"),
		filepath.Join(dataDir, "saudinewsnet"), Config{MinCount: DefaultMinCount})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if _, err := m.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join("model", "ner.bin"), b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("trained in %v: %d features, %d bytes", time.Since(start).Round(time.Second), m.Features(), b.Len())
}

func BenchmarkTag(b *testing.B) {
	m := defaultModel(b)
	sents := tinyCorpus()
	if p := filepath.Join(dataDir, "anercorp", "ANERcorp-CamelLabSplits-test.txt"); fileExists(p) {
		sents = anercorp(b, "test")
	}
	tokens := 0
	for _, s := range sents {
		tokens += len(s.Words)
	}
	b.ResetTimer()
	for range b.N {
		for _, s := range sents {
			m.Tag(s.Words)
		}
	}
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkTagDocument tags the test split as one stream, the way
// Evaluate and Mentions do, with both passes.
func BenchmarkTagDocument(b *testing.B) {
	m := defaultModel(b)
	sents := tinyCorpus()
	if p := filepath.Join(dataDir, "anercorp", "ANERcorp-CamelLabSplits-test.txt"); fileExists(p) {
		sents = anercorp(b, "test")
	}
	words := make([][]string, len(sents))
	tokens := 0
	for i, s := range sents {
		words[i] = s.Words
		tokens += len(s.Words)
	}
	b.ResetTimer()
	for range b.N {
		m.TagDocument(words)
	}
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func BenchmarkMentions(b *testing.B) {
	m := defaultModel(b)
	text := strings.Repeat("وقال الرئيس الروسي فلاديمير بوتين في موسكو إن قوات كوريا الشمالية وصلت إلى كورسك. ", 50)
	b.SetBytes(int64(len(text)))
	for range b.N {
		m.Mentions(text)
	}
}

func BenchmarkLoad(b *testing.B) {
	b.SetBytes(int64(len(modelFile)))
	for range b.N {
		if _, err := Load(bytes.NewReader(modelFile)); err != nil {
			b.Fatal(err)
		}
	}
}

// TestJoinedRowsTagAlike checks that tagging through the joined feature
// rows of a two-pass model (one lookup for both passes) gives the tags
// that looking up each pass apart gives.
func TestJoinedRowsTagAlike(t *testing.T) {
	m, err := Train(tinyCorpus(), Config{Epochs: 5})
	if err != nil {
		t.Fatal(err)
	}
	if m.joined == nil {
		t.Fatal("a trained two-pass model has no joined rows")
	}
	apart := *m
	apart.joined = nil
	var sents [][]string
	for _, s := range tinyCorpus() {
		sents = append(sents, s.Words)
	}
	sents = append(sents, nil, []string{"زار", "ماكرون", "بكين"})
	got, want := m.TagDocument(sents), apart.TagDocument(sents)
	for i := range want {
		if strings.Join(got[i], " ") != strings.Join(want[i], " ") {
			t.Errorf("sentence %d: joined rows tag %v, apart %v", i, got[i], want[i])
		}
	}
}

func TestBILOU(t *testing.T) {
	tests := []struct {
		name string
		bio  string
		want string
	}{
		{"a one-word name is U", "O B-PER O", "O U-PER O"},
		{"a longer name is B I ... L", "B-ORG I-ORG I-ORG", "B-ORG I-ORG L-ORG"},
		{"two names side by side stay two", "B-LOC B-LOC I-LOC", "U-LOC B-LOC L-LOC"},
		{"a type change ends the name", "B-PER I-ORG", "U-PER U-ORG"},
		{"an orphan I starts a name", "O I-MISC I-MISC", "O B-MISC L-MISC"},
		{"unknown tags are O", "B-DATE X", "O O"},
	}
	for _, tt := range tests {
		var got []string
		for _, ti := range bilou(strings.Fields(tt.bio)) {
			got = append(got, tagNames[ti])
		}
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("%s: bilou(%s) = %s, want %s", tt.name, tt.bio, g, tt.want)
		}
		// Read back as BIO, the names are the input's.
		var back []string
		for _, ti := range bilou(strings.Fields(tt.bio)) {
			back = append(back, tagNames[bioTag(ti)])
		}
		var known []chunk
		for _, c := range chunks(strings.Fields(tt.bio)) {
			if slices.Contains(typeBits[:], c.typ) {
				known = append(known, c)
			}
		}
		if !slices.Equal(chunks(back), known) {
			t.Errorf("%s: BIO %s reads back as %s", tt.name, tt.bio, strings.Join(back, " "))
		}
	}
	for p := 0; p <= numTags; p++ {
		for c := 0; c < numTags; c++ {
			if allowed(p, c) && open(p) && tagType(p) != tagType(c) {
				t.Errorf("%s may follow %s", tagNames[c], tagNames[min(p, numTags-1)])
			}
		}
	}
}
