package eval

import (
	"strings"
	"testing"

	"github.com/marsad/marsad/internal/eval/pages"
	"github.com/marsad/marsad/news"
)

// page builds a small labelled page by hand: a menu, a headline, a date,
// two body lines, a caption and a related headline.
func page() pages.Page {
	lines := []pages.Line{
		{Text: "الرئيسية | محليات | رياضة", Kind: pages.KindMenu},
		{Text: "أمير عسير يدشن مهرجان أبها للتسوق", Kind: pages.KindTitle},
		{Text: "2015-07-21", Kind: pages.KindDate},
		{Text: "دشن أمير منطقة عسير مساء أمس مهرجان أبها للتسوق في عامه السابع عشر.", Kind: pages.KindBody},
		{Text: "<الشكل>جانب من الحفل AFP", Kind: pages.KindCaption},
		{Text: "وأكد أمين المنطقة أن المهرجان يستمر شهرا كاملا.", Kind: pages.KindBody},
		{Text: "مقالات ذات صلة", Kind: pages.KindRelated},
		{Text: "الهلال يتعاقد مع مدرب جديد", Kind: pages.KindRelated},
	}
	var text []string
	for _, l := range lines {
		text = append(text, l.Text)
	}
	return pages.Page{
		ID: "p000-test", Template: "test", Text: strings.Join(text, "\n"), Lines: lines,
		Gold: []pages.GoldArticle{{
			Title:    lines[1].Text,
			Body:     []string{lines[3].Text, lines[5].Text},
			Captions: []string{"جانب من الحفل AFP"},
		}},
		Source: "سبق", Published: "2015-07-21",
	}
}

// fixed returns a cleaner that ignores the text and returns arts.
func fixed(arts ...news.Article) TextCleaner {
	return func(pages.Page) []news.Article { return arts }
}

func TestScorePages(t *testing.T) {
	p := page()
	gold := p.Gold[0]
	body := strings.Join(gold.Body, "\n")
	tests := []struct {
		name                 string
		arts                 []news.Article
		prec, rec            float64
		count, titles        int
		capF1                float64
		source, date         int
		falseKept, missedWhy string
	}{
		{
			name: "perfect",
			arts: []news.Article{{Title: gold.Title, Text: body, Captions: []string{"جانب من الحفل AFP"}, Source: "صحيفة سبق", Published: "2015-07-21"}},
			prec: 1, rec: 1, count: 1, titles: 1, capF1: 1, source: 1, date: 1,
		},
		{
			name: "empty prediction",
			arts: nil,
			prec: 0, rec: 0, count: 0, titles: 0, missedWhy: "no article returned for the page",
		},
		{
			// The menu taken for the title and kept, one body line lost:
			// precision 1/2 (the menu), recall 1/2.
			name: "partial",
			arts: []news.Article{{Title: "الرئيسية | محليات | رياضة", Text: p.Lines[7].Text + "\n" + gold.Body[0], Removed: []news.RemovedLine{{Text: gold.Body[1], Reason: "short line"}}}},
			prec: 0.5, rec: 0.5, count: 1, titles: 0,
			falseKept: "related", missedWhy: "removed: short line",
		},
		{
			// A body line kept twice is matched once: the multiset keeps
			// the copy from counting as correct.
			name: "duplicates",
			arts: []news.Article{{Title: gold.Title, Text: body + "\n" + gold.Body[0]}, {Text: gold.Body[0]}},
			prec: 2.0 / 4, rec: 1, count: 0, titles: 1,
			falseKept: "body",
		},
		{
			// Whitespace around lines is not an error; a figure marker
			// left on a caption is not either.
			name: "trimmed lines and figure marker",
			arts: []news.Article{{Title: " " + gold.Title, Text: "  " + gold.Body[0] + " \n\n" + gold.Body[1], Captions: []string{"<الشكل>جانب من الحفل AFP"}}},
			prec: 1, rec: 1, count: 1, titles: 1, capF1: 1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := ScorePages([]pages.Page{p}, fixed(tt.arts...))
			o := r.Overall
			if !near(o.Precision(), tt.prec) || !near(o.Recall(), tt.rec) {
				t.Errorf("P=%.3f R=%.3f, want %.3f %.3f", o.Precision(), o.Recall(), tt.prec, tt.rec)
			}
			if o.CountRight != tt.count || o.TitlesRight != tt.titles {
				t.Errorf("count right %d titles right %d, want %d %d", o.CountRight, o.TitlesRight, tt.count, tt.titles)
			}
			if !near(o.CaptionF1(), tt.capF1) {
				t.Errorf("caption F1 = %.3f, want %.3f", o.CaptionF1(), tt.capF1)
			}
			if o.SourceRight != tt.source || o.DateRight != tt.date || o.SourceGold != 1 || o.DateGold != 1 {
				t.Errorf("source %d/%d date %d/%d, want %d/1 %d/1", o.SourceRight, o.SourceGold, o.DateRight, o.DateGold, tt.source, tt.date)
			}
			if tt.falseKept != "" && (len(r.FalseKept) == 0 || r.FalseKept[0].What != tt.falseKept) {
				t.Errorf("false kept = %v, want %q first", r.FalseKept, tt.falseKept)
			}
			if tt.missedWhy != "" && (len(r.Missed) == 0 || r.Missed[0].What != tt.missedWhy) {
				t.Errorf("missed = %v, want %q first", r.Missed, tt.missedWhy)
			}
			if len(r.Templates) != 1 || r.Templates[0].Counts != o {
				t.Errorf("per-template counts %v differ from overall %v", r.Templates, o)
			}
			if s := r.String(); !strings.Contains(s, "test") || !strings.Contains(s, "ALL") {
				t.Errorf("String() lacks the template table:\n%s", s)
			}
		})
	}
}

func TestSameOutlet(t *testing.T) {
	tests := []struct {
		gold, got string
		want      bool
	}{
		{"الشرق الأوسط", "الشرق الاوسط", true}, // hamza folded
		{"عكاظ", "صحيفة عكاظ", true},           // name inside a longer name
		{"اليوم", "عاجل اليوم", true},
		{"الوطن", "الوطني", false}, // whole words only
		{"سبق", "", false},
	}
	for _, tt := range tests {
		if got := sameOutlet(tt.gold, tt.got); got != tt.want {
			t.Errorf("sameOutlet(%q, %q) = %v, want %v", tt.gold, tt.got, got, tt.want)
		}
	}
}
