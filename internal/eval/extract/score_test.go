package extract

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/marsad/marsad/internal/eval/wojood"
	"github.com/marsad/marsad/news"
)

func TestTextOverlap(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		want float64
	}{
		{"same words, marks and punctuation ignored", "«روسيا تثمن علاقاتها»", "روسيا تثمن علاقاتها.", 1},
		{"search layer: hamza and ta marbuta folded", "أكدت الوزارة", "اكدت الوزاره", 1},
		{"prediction runs on: shared over the longer", "روسيا تثمن علاقاتها الودية", "روسيا تثمن علاقاتها الودية مع السعودية", 4.0 / 6},
		{"stops short", "روسيا تثمن", "روسيا تثمن علاقاتها الودية", 0.5},
		{"repeated words count as often as both have them", "لا لا نعم", "لا نعم نعم", 2.0 / 3},
		{"digits are tokens", "بلغ 312709 مسافرين", "بلغ ٣١٢٧٠٩ مسافرين", 1},
		{"empty", "", "روسيا", 0},
	}
	for _, tt := range tests {
		if got := TextOverlap(tt.a, tt.b); math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("%s: TextOverlap(%q, %q) = %.3f; want %.3f", tt.name, tt.a, tt.b, got, tt.want)
		}
	}
}

func TestSpeakerMatches(t *testing.T) {
	gold := GoldQuote{Speaker: "فلاديمير بوتين", Aliases: []string{"بوتين", "الرئيس الروسي"}}
	tests := []struct {
		got  string
		want bool
	}{
		{"فلاديمير بوتين", true},
		{"بوتين", true},                        // an alias, equal key
		{"الرئيس الروسي", true},                // a description alias
		{"الرئيس الروسي فلاديمير بوتين", true}, // contains the name, two words
		{"فلاديمير", false},                    // one shared word is not a name
		{"الرئيس", false},                      // a title alone
		{"", false},
		{"باراك أوباما", false},
	}
	for _, tt := range tests {
		if got := SpeakerMatches(tt.got, gold); got != tt.want {
			t.Errorf("SpeakerMatches(%q) = %v; want %v", tt.got, got, tt.want)
		}
	}
	// Name keys fold hamza and spelling variants of the search layer.
	if !SpeakerMatches("حسام مغازى", GoldQuote{Speaker: "حسام مغازي"}) {
		t.Error("ى and ي should fold to one name key")
	}
}

func TestUnitKey(t *testing.T) {
	tests := []struct{ a, b string }{
		{"كيلو متر", "كيلومتر"}, // spaces removed
		{"الدولار", "دولار"},    // article dropped
		{"قوة", "قوه"},          // ta marbuta folded
		{"%", "%"},
	}
	for _, tt := range tests {
		if UnitKey(tt.a) != UnitKey(tt.b) {
			t.Errorf("UnitKey(%q) = %q, UnitKey(%q) = %q; want equal", tt.a, UnitKey(tt.a), tt.b, UnitKey(tt.b))
		}
	}
	if UnitKey("جندي") == UnitKey("شخص") {
		t.Error("different nouns must stay different")
	}
}

// handMade is one article with gold annotations and a canned prediction,
// so every matching rule can be checked without the data.
func handMade() (news.Article, GoldArticle, news.Article) {
	text := "قال الوزير أحمد علي إن 300 جندي وصلوا أمس. وأضاف: «الوضع مستقر تماما في المدينة». وقتل نحو 15 شخصا في 2014."
	at := func(s string) (int, int) {
		i := strings.Index(text, s)
		start := len([]rune(text[:i]))
		return start, start + len([]rune(s))
	}
	q1s, q1e := at("300 جندي وصلوا أمس")
	q2s, q2e := at("الوضع مستقر تماما في المدينة")
	n1s, n1e := at("300")
	n2s, n2e := at("نحو 15")
	d1s, d1e := at("أمس")
	d2s, d2e := at("2014")
	gold := GoldArticle{
		Zip: "test.zip", Index: 0, Published: "2015-07-21",
		Quotes: []GoldQuote{
			{Speaker: "أحمد علي", Aliases: []string{"الوزير"}, Text: "300 جندي وصلوا أمس", Start: q1s, End: q1e},
			{Speaker: "أحمد علي", Aliases: []string{"الوزير"}, Text: "الوضع مستقر تماما في المدينة", Start: q2s, End: q2e, Direct: true},
		},
		Quantities: []GoldQuantity{
			{Text: "300", Start: n1s, End: n1e, Min: 300, Max: 300, Unit: "جندي", Qualifier: news.Exact},
			{Text: "نحو 15", Start: n2s, End: n2e, Min: 15, Max: 15, Unit: "شخص", Qualifier: news.About},
		},
		Dates: []GoldDate{
			{Text: "أمس", Start: d1s, End: d1e, Value: "2015-07-20"},
			{Text: "2014", Start: d2s, End: d2e, Value: "2014"},
		},
	}
	art := news.Article{ID: gold.Key(), Text: text, Published: gold.Published}
	pred := art
	pred.Quotes = []news.Quote{
		// Right speaker (canonical name), text with one extra word: 4/5.
		{Text: "300 جندي وصلوا أمس الأحد", Speaker: "أحمد علي", Direct: false},
		// Right text, no speaker found.
		{Text: "الوضع مستقر تماما في المدينة", Direct: true},
		// Not a quote at all.
		{Text: "قتل نحو 15 شخصا", Speaker: "أحمد علي"},
	}
	pred.Quantities = []news.Quantity{
		{Text: "300", Start: n1s, End: n1e, Min: 300, Max: 300, Unit: "جنود", Qualifier: news.Exact}, // plural: wrong unit
		{Text: "نحو 15", Start: n2s, End: n2e, Min: 15, Max: 15, Unit: "شخص", Qualifier: news.Exact}, // right, wrong qualifier
		{Text: "2014", Start: d2s, End: d2e, Min: 2014, Max: 2014},                                   // a year: spurious
	}
	pred.Dates = []news.TimeExpr{
		{Text: "أمس", Start: d1s, End: d1e, Value: "2015-07-20"},
		{Text: "2014", Start: d2s, End: d2e, Value: ""}, // found, unresolved
	}
	return art, gold, pred
}

func TestScoreHandMade(t *testing.T) {
	art, gold, pred := handMade()
	r := ScoreArticles([]news.Article{art}, []GoldArticle{gold}, func(news.Article) news.Article { return pred })

	check := func(name string, got, want Counts) {
		t.Helper()
		if got != want {
			t.Errorf("%s = %+v; want %+v", name, got, want)
		}
	}
	check("Quotes", r.Quotes, Counts{Gold: 2, Predicted: 3, Matched: 1})
	check("QuoteText", r.QuoteText, Counts{Gold: 2, Predicted: 3, Matched: 2})
	check("Quantities", r.Quantities, Counts{Gold: 2, Predicted: 3, Matched: 1})
	check("QuantitySpans", r.QuantitySpans, Counts{Gold: 2, Predicted: 3, Matched: 2})
	check("Dates", r.Dates, Counts{Gold: 2, Predicted: 2, Matched: 1})
	check("DateSpans", r.DateSpans, Counts{Gold: 2, Predicted: 2, Matched: 2})
	if r.Direct != (Share{Right: 1, Of: 1}) {
		t.Errorf("Direct = %+v; want 1/1", r.Direct)
	}
	if r.Qualifier != (Share{Right: 0, Of: 1}) {
		t.Errorf("Qualifier = %+v; want 0/1", r.Qualifier)
	}
	for _, want := range []struct {
		field, kind string
		n           int
	}{
		{"quote", "missing speaker", 1},
		{"quote", "spurious", 1},
		{"quantity", "wrong unit", 1},
		{"quantity", "wrong qualifier", 1},
		{"quantity", "spurious", 1},
		{"date", "unresolved", 1},
	} {
		if got := r.Error(want.field, want.kind).Count; got != want.n {
			t.Errorf("errors %s/%s = %d; want %d", want.field, want.kind, got, want.n)
		}
	}
	if s := r.String(); !strings.Contains(s, "quotes (speaker + text >= 0.8)") || !strings.Contains(s, "wrong unit") {
		t.Errorf("report lacks its rows or errors:\n%s", s)
	}
}

// Gold as loaded, without span texts, scores the same: ScoreArticles
// takes the texts from the article at the offsets.
func TestScoreGoldWithoutTexts(t *testing.T) {
	art, gold, pred := handMade()
	analyze := func(news.Article) news.Article { return pred }
	want := ScoreArticles([]news.Article{art}, []GoldArticle{gold}, analyze)
	bare := gold.withTexts(nil) // offsets out of range: every text empty
	if bare.hasTexts() || gold.Quotes[0].Text == "" {
		t.Fatal("withTexts(nil) should empty the copy's texts and leave gold's")
	}
	got := ScoreArticles([]news.Article{art}, []GoldArticle{bare}, analyze)
	if got.String() != want.String() {
		t.Errorf("scores differ without texts:\n%s\nwant:\n%s", got, want)
	}
	if bare.Quotes[0].Text != "" {
		t.Error("ScoreArticles modified the gold it was given")
	}
}

// A prediction whose text is too short of the gold is a boundary error,
// not a match, even with the right speaker.
func TestScoreQuoteBoundary(t *testing.T) {
	art, gold, pred := handMade()
	pred.Quotes = []news.Quote{{Text: "300 جندي", Speaker: "الوزير"}}
	pred.Quantities, pred.Dates = nil, nil
	r := ScoreArticles([]news.Article{art}, []GoldArticle{gold}, func(news.Article) news.Article { return pred })
	if r.Quotes.Matched != 0 {
		t.Errorf("matched %d quotes; want 0 (overlap 2/4 < 0.8)", r.Quotes.Matched)
	}
	if r.Error("quote", "text boundary (overlap < 0.8)").Count != 1 || r.Error("quote", "missed").Count != 1 {
		t.Errorf("want one boundary error and one missed quote; got %+v", r.Errors)
	}
}

// Each prediction matches at most one gold item and the other way round:
// a quote predicted twice scores once.
func TestScoreOneToOne(t *testing.T) {
	art, gold, pred := handMade()
	q := news.Quote{Text: "الوضع مستقر تماما في المدينة", Speaker: "أحمد علي", Direct: true}
	pred.Quotes = []news.Quote{q, q}
	r := ScoreArticles([]news.Article{art}, []GoldArticle{gold}, func(news.Article) news.Article { return pred })
	if r.Quotes.Matched != 1 || r.Error("quote", "duplicate").Count != 1 {
		t.Errorf("Quotes = %+v, duplicates = %d; want 1 match and 1 duplicate", r.Quotes, r.Error("quote", "duplicate").Count)
	}
}

func TestCounts(t *testing.T) {
	c := Counts{Gold: 10, Predicted: 8, Matched: 6}
	if c.Precision() != 0.75 || c.Recall() != 0.6 || math.Abs(c.F1()-2*0.75*0.6/1.35) > 1e-12 {
		t.Errorf("P/R/F1 = %v %v %v", c.Precision(), c.Recall(), c.F1())
	}
	if (Counts{}).F1() != 0 {
		t.Error("empty counts should score 0, not NaN")
	}
}

func TestWojoodSpans(t *testing.T) {
	s := wojood.Sentence{
		ID:     "t",
		Tokens: []string{"دفع", "12", "مليون", "يورو", "في", "2015"},
		Tags:   []map[string]bool{{"O": true}, {"B-MONEY": true, "B-CARDINAL": true}, {"I-MONEY": true, "I-CARDINAL": true}, {"I-MONEY": true, "B-CURR": true}, {"O": true}, {"B-DATE": true}},
	}
	if got := s.Spans("MONEY"); len(got) != 1 || got[0] != (wojood.Span{A: 1, B: 4}) {
		t.Errorf("MONEY spans = %v; want [{1 4}]", got)
	}
	if got := mergeSpans(append(s.Spans("MONEY"), s.Spans("CARDINAL")...)); len(got) != 1 {
		t.Errorf("nested MONEY and CARDINAL should merge into one amount; got %v", got)
	}
	var w WojoodReport
	recall := map[string]*TypeRecall{}
	for _, t := range append(append([]string{}, NumericTypes...), "numeric", "DATE") {
		recall[t] = &TypeRecall{Type: t}
	}
	analyze := func(a news.Article) news.Article {
		// "12 مليون" at runes 4..12, "2015" read as a date.
		a.Quantities = []news.Quantity{{Text: "12 مليون", Start: 4, End: 12}}
		a.Dates = []news.TimeExpr{{Text: "2015", Start: 21, End: 25, Value: "2015"}}
		return a
	}
	w.scoreSentence(s, analyze, recall)
	if recall["MONEY"].Hit != 1 || recall["numeric"].Gold != 1 || recall["DATE"].Hit != 1 {
		t.Errorf("recall = MONEY %+v numeric %+v DATE %+v", *recall["MONEY"], *recall["numeric"], *recall["DATE"])
	}
	if w.Quantities.Matched != 1 || w.Dates.Matched != 1 {
		t.Errorf("precision counts = %+v %+v", w.Quantities, w.Dates)
	}
}

// Format lists as many examples of each error kind as asked, all of them
// for a negative count; the counts are the same whatever is shown.
func TestFormatExamples(t *testing.T) {
	var r Report
	for i := range 3 {
		r.note("quote", "missed", fmt.Sprintf("article-%d", i), "g", "")
	}
	r.finish()
	for _, tt := range []struct{ n, want int }{{0, 0}, {2, 2}, {-1, 3}, {DefaultExamples, 3}} {
		s := r.Format(tt.n)
		if got := strings.Count(s, "article-"); got != tt.want {
			t.Errorf("Format(%d) lists %d examples, want %d:\n%s", tt.n, got, tt.want, s)
		}
		if !strings.Contains(s, "missed") || !strings.Contains(s, "   3\n") {
			t.Errorf("Format(%d) lost the count:\n%s", tt.n, s)
		}
	}
}
