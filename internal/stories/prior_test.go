package stories

import (
	"bytes"
	"compress/gzip"
	"errors"
	"testing"

	"github.com/marsad/marsad/news"
)

func TestPriorRoundTrip(t *testing.T) {
	pc := NewPriorCounter()
	for _, a := range []news.Article{
		{Title: "تحطم طائرة في بريطانيا", Text: "أعلنت الشرطة البريطانية تحطم طائرة خاصة."},
		{Title: "الذهب يتراجع", Text: "تراجع الذهب في بريطانيا."},
		{Text: "الطائرة الرابعة تصل إلى عدن"},
	} {
		pc.Add(a)
	}
	var buf bytes.Buffer
	n, err := pc.WriteTo(&buf, 2)
	if err != nil {
		t.Fatal(err)
	}
	p, err := ReadPrior(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if p.Docs != 3 || n != len(p.DF) {
		t.Fatalf("read back %d docs and %d terms, wrote 3 docs and %d terms", p.Docs, len(p.DF), n)
	}
	// A term counts once per article however often it appears there.
	stem := func(w string) string { s, _ := topicTerm(w); return s }
	for w, want := range map[string]int{"بريطانيا": 2, "طائرة": 2, "الذهب": 0, "عدن": 0} {
		if got := p.DF[stem(w)]; got != want {
			t.Errorf("df[%s (%s)] = %d, want %d", w, stem(w), got, want)
		}
	}
	var again bytes.Buffer
	if _, err := pc.WriteTo(&again, 2); err != nil || !bytes.Equal(buf.Bytes(), again.Bytes()) {
		t.Errorf("writing the same counts twice gave other bytes (err %v)", err)
	}
}

func TestReadPriorRejects(t *testing.T) {
	gz := func(s string) []byte {
		var b bytes.Buffer
		w := gzip.NewWriter(&b)
		w.Write([]byte(s))
		w.Close()
		return b.Bytes()
	}
	for name, in := range map[string][]byte{
		"not gzip":   []byte("#docs\t3\n"),
		"empty":      gz(""),
		"no header":  gz("طائر\t2\n"),
		"bad count":  gz("#docs\t3\nطائر\tكثير\n"),
		"no tab":     gz("#docs\t3\nطائر 2\n"),
		"negative":   gz("#docs\t3\nطائر\t-1\n"),
		"empty term": gz("#docs\t3\n\t2\n"),
	} {
		if _, err := ReadPrior(bytes.NewReader(in)); !errors.Is(err, ErrPrior) {
			t.Errorf("%s: err %v, want ErrPrior", name, err)
		}
	}
}

// TestDefaultPrior: the shipped prior weighs a word every outlet uses far
// below a word of one kind of happening.
func TestDefaultPrior(t *testing.T) {
	p := DefaultPrior()
	if p.Docs < 20000 {
		t.Fatalf("shipped prior counts %d articles, want SaudiNewsNet's days", p.Docs)
	}
	c := New(Config{Prior: p})
	common, _ := topicTerm("المملكة")
	rare, _ := topicTerm("تحطم")
	if c.idf(common) >= c.idf(rare) {
		t.Errorf("idf(%s) = %.2f not below idf(%s) = %.2f", common, c.idf(common), rare, c.idf(rare))
	}
	if cold := New(Config{}); cold.idf(common) != cold.idf(rare) {
		t.Errorf("without a prior an empty clusterer weighs all words alike")
	}
}
