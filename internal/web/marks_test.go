package web

import (
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/marsad/marsad/news"
)

func TestMarkup(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		spans []span
		want  string
	}{
		// Offsets count runes, not bytes: بوتين starts at rune 4.
		{"one entity", "قال بوتين اليوم", []span{{Start: 4, End: 9, Class: "entity per"}},
			`قال <mark class="entity per">بوتين</mark> اليوم`},
		// A tooltip is escaped like the text.
		{"title escaped", "قال بوتين", []span{{Start: 4, End: 9, Class: "entity per", Title: `"بوتين" <x>`}},
			`قال <mark class="entity per" title="&#34;بوتين&#34; &lt;x&gt;">بوتين</mark>`},
		// An entity inside a quote nests in it.
		{"nested", "قال «بوتين قادم»", []span{
			{Start: 5, End: 10, Class: "entity per"},
			{Start: 5, End: 15, Class: "quote"},
		}, `قال «<mark class="quote"><mark class="entity per">بوتين</mark> قادم</mark>»`},
		// A span crossing the end of an open one is left out.
		{"crossing dropped", "أ ب ج د", []span{{Start: 0, End: 3, Class: "quote"}, {Start: 2, End: 5, Class: "date"}},
			`<mark class="quote">أ ب</mark> ج د`},
		// Offsets outside the text, or empty, mark nothing.
		{"out of range", "نص", []span{{Start: 1, End: 9, Class: "date"}, {Start: -1, End: 1, Class: "date"}, {Start: 1, End: 1, Class: "date"}},
			`نص`},
		// Markup in the text is escaped, inside and outside marks.
		{"escaped", "<b>حزب</b> & co", []span{{Start: 3, End: 6, Class: "entity org"}},
			`&lt;b&gt;<mark class="entity org">حزب</mark>&lt;/b&gt; &amp; co`},
		// A right-to-left override is shown, not applied.
		{"bidi override", "أ\u202Eب", nil,
			`أ<span class="ctl" title="محرف تحكم في اتجاه النص">U+202E</span>ب`},
		// Adjacent marks close and open at the same rune.
		{"adjacent", "ابجد", []span{{Start: 0, End: 2, Class: "date"}, {Start: 2, End: 4, Class: "quantity"}},
			`<mark class="date">اب</mark><mark class="quantity">جد</mark>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(markup(tt.text, tt.spans)); got != tt.want {
				t.Errorf("markup(%q)\n got %s\nwant %s", tt.text, got, tt.want)
			}
		})
	}
}

func TestQuoteSpans(t *testing.T) {
	text := "قال الوزير «نرفض ذلك» ثم قال «نرفض ذلك» مجدداً"
	ss := quoteSpans(text, nil)
	if len(ss) != 0 {
		t.Fatalf("no quotes gave %v", ss)
	}
	// Twice the same words: each quote takes the next occurrence.
	rs := []rune(text)
	ss = quoteSpans(text, quoteList("نرفض ذلك", "نرفض ذلك", "غير موجود"))
	if len(ss) != 2 {
		t.Fatalf("got %d spans, want 2: %v", len(ss), ss)
	}
	for _, s := range ss {
		if got := string(rs[s.Start:s.End]); got != "نرفض ذلك" {
			t.Errorf("span wraps %q", got)
		}
	}
	if ss[0].Start == ss[1].Start {
		t.Error("the second quote took the first occurrence again")
	}
}

// tagRE matches what markup adds around the text.
var tagRE = regexp.MustCompile(`</?mark[^>]*>|<span class="ctl"[^>]*>U\+[0-9A-F]{4}</span>`)

// FuzzMarkup checks markup's promise on any text and spans: with its tags
// taken out and entities unescaped, the output is the text (bidi controls
// aside), and nothing else in it is a tag.
func FuzzMarkup(f *testing.F) {
	f.Add("قال بوتين <script>", 4, 9, 0, 3)
	f.Add("أ\u202Eب & \"ج\"", 0, 2, 1, 5)
	f.Fuzz(func(t *testing.T, text string, s1, e1, s2, e2 int) {
		out := string(markup(text, []span{{Start: s1, End: e1, Class: "a"}, {Start: s2, End: e2, Class: "b", Title: text}}))
		bare := tagRE.ReplaceAllString(out, "")
		if strings.ContainsAny(bare, "<>") {
			t.Fatalf("markup(%q) left a tag: %s", text, out)
		}
		want := strings.Map(func(r rune) rune {
			if isBidiControl(r) {
				return -1
			}
			return r
		}, string([]rune(text)))
		if got := html.UnescapeString(bare); got != want {
			t.Fatalf("markup(%q) reads %q", text, got)
		}
		if strings.Count(out, "<mark") != strings.Count(out, "</mark>") {
			t.Fatalf("markup(%q) unbalanced: %s", text, out)
		}
	})
}

func quoteList(texts ...string) []news.Quote {
	qs := make([]news.Quote, len(texts))
	for i, s := range texts {
		qs[i] = news.Quote{Text: s, Speaker: "الوزير"}
	}
	return qs
}

func TestFormatting(t *testing.T) {
	tests := []struct{ got, want string }{
		{day("2024-11-01T09:30:00"), "2024-11-01"},
		{when("2024-11-01T09:30:00"), "2024-11-01 09:30"},
		{when("2024-11-01"), "2024-11-01"},
		{when("أمس"), "أمس"}, // not a date: shown as written
		{plural(1, "مقال واحد", "مقالان", "مقالات", "مقالًا"), "مقال واحد"},
		{plural(2, "مقال واحد", "مقالان", "مقالات", "مقالًا"), "مقالان"},
		{plural(7, "مقال واحد", "مقالان", "مقالات", "مقالًا"), "7 مقالات"},
		{plural(11, "مقال واحد", "مقالان", "مقالات", "مقالًا"), "11 مقالًا"},
		{plural(103, "مقال واحد", "مقالان", "مقالات", "مقالًا"), "103 مقالات"},
		{num(11000), "11000"},
		{num(2.5), "2.5"},
		{filter("source", "اليوم السابع"), `source:"اليوم السابع"`},
		{filter("entity", "per-1a2b"), "entity:per-1a2b"},
		{webURL("javascript:alert(1)"), ""},
		{webURL("https://www.aljazeera.net/a"), "https://www.aljazeera.net/a"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}
