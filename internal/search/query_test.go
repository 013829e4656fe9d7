package search

import (
	"slices"
	"testing"
	"time"
	"unicode/utf8"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in   string
		want []clause
	}{
		{"مفاوضات موسكو", []clause{{Value: "مفاوضات"}, {Value: "موسكو"}}},
		{`"كوريا الشمالية" قوات`, []clause{{Value: "كوريا الشمالية", Phrase: true}, {Value: "قوات"}}},
		// Arabic guillemets and curly quotes are quotes.
		{`«كوريا الشمالية»`, []clause{{Value: "كوريا الشمالية", Phrase: true}}},
		{`“كوريا الشمالية”`, []clause{{Value: "كوريا الشمالية", Phrase: true}}},
		{"+كوريا -الجنوبية", []clause{{Op: '+', Value: "كوريا"}, {Op: '-', Value: "الجنوبية"}}},
		{`-"كوريا الجنوبية"`, []clause{{Op: '-', Value: "كوريا الجنوبية", Phrase: true}}},
		{"بوتين OR بوتن | بوتن", []clause{{Value: "بوتين"}, {Value: "بوتن", Or: true}, {Value: "بوتن", Or: true}}},
		// OR does not join a must-not clause.
		{"a OR -b", []clause{{Value: "a"}, {Op: '-', Value: "b"}}},
		{"OR a", []clause{{Value: "a"}}},
		{"entity:per-1 entity:\"كيم جونغ أون\"", []clause{
			{Field: "entity", Value: "per-1"}, {Field: "entity", Value: "كيم جونغ أون", Phrase: true}}},
		{"Source:الجزيرة -source:sabq", []clause{{Field: "source", Value: "الجزيرة"}, {Op: '-', Field: "source", Value: "sabq"}}},
		{"date:2015-07-21..2015-07-25 story:s1 event:e1", []clause{
			{Field: "date", Value: "2015-07-21..2015-07-25"}, {Field: "story", Value: "s1"}, {Field: "event", Value: "e1"}}},
		// Unknown fields are text; a lone sign, an empty value and an
		// unclosed quote do no harm.
		{"http://x.com/a", []clause{{Value: "http://x.com/a"}}},
		{"- + entity: \"", []clause{{Value: "-"}, {Value: "+"}}},
		{`"بلا نهاية`, []clause{{Value: "بلا نهاية", Phrase: true}}},
		{"", nil},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := parse(tt.in); !slices.Equal(got, tt.want) {
				t.Errorf("parse(%q) =\n %+v\nwant\n %+v", tt.in, got, tt.want)
			}
		})
	}
}

func TestDateRange(t *testing.T) {
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	tests := []struct {
		in       string
		from, to time.Time
		bad      bool
	}{
		{"2015-07-21..2015-07-25", day("2015-07-21"), day("2015-07-26"), false},
		{"2015-07-21", day("2015-07-21"), day("2015-07-22"), false},
		{"2015-07", day("2015-07-01"), day("2015-08-01"), false},
		{"2015", day("2015-01-01"), day("2016-01-01"), false},
		{"..2015-07-25", time.Time{}, day("2015-07-26"), false},
		{"2015-07-21..", day("2015-07-21"), time.Time{}, false},
		{"٢٠١٥-٠٧-٢١", day("2015-07-21"), day("2015-07-22"), false},
		{"..", time.Time{}, time.Time{}, true},
		{"yesterday", time.Time{}, time.Time{}, true},
	}
	for _, tt := range tests {
		from, to, err := dateRange(tt.in)
		if (err != nil) != tt.bad || !from.Equal(tt.from) || !to.Equal(tt.to) {
			t.Errorf("dateRange(%q) = %v, %v, %v", tt.in, from, to, err)
		}
	}
}

// FuzzParse: any input parses, every clause has a value, a known field or
// none, and an op of +, - or none; analysis of the text never panics and
// keeps offsets inside the input, on rune boundaries when it is valid
// UTF-8.
func FuzzParse(f *testing.F) {
	for _, s := range []string{`"كوريا الشمالية" -source:x +a OR b date:2015..`, "entity:\"", "«»", "- -- +", "ـــ\u064e"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, c := range parse(s) {
			if c.Value == "" || (c.Field != "" && !isFilterField(c.Field)) || (c.Op != 0 && c.Op != '+' && c.Op != '-') {
				t.Fatalf("parse(%q): bad clause %+v", s, c)
			}
		}
		valid := utf8.ValidString(s)
		for _, tok := range (analyzer{}).Analyze([]byte(s)) {
			if tok.Start < 0 || tok.End > len(s) || tok.Start >= tok.End || len(tok.Term) == 0 ||
				valid && (!utf8.RuneStart(s[tok.Start]) || tok.End < len(s) && !utf8.RuneStart(s[tok.End])) {
				t.Fatalf("Analyze(%q): bad token %v", s, tok)
			}
		}
	})
}
