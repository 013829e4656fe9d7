package stories

import (
	"testing"

	"github.com/marsad/marsad/news"
)

func TestDisagree(t *testing.T) {
	v := func(text, q string, min, max float64) news.ClaimValue {
		return news.ClaimValue{Text: text, Qualifier: q, Min: min, Max: max, Source: "x"}
	}
	tests := []struct {
		name string
		vs   []news.ClaimValue
		want bool
	}{
		{"same figure", []news.ClaimValue{v("12000", news.Exact, 12000, 12000), v("12 ألف", news.Exact, 12000, 12000)}, false},
		{"more than and at least the same", []news.ClaimValue{v("أكثر من 12000", news.MoreThan, 12000, 12000), v("ما لا يقل عن 12000", news.AtLeast, 12000, 12000)}, false},
		{"a range and a figure above it", []news.ClaimValue{v("ما بين 10 آلاف و12 ألف", news.Range, 10000, 12000), v("حوالي 15000", news.About, 15000, 15000)}, true},
		{"about covers a near figure", []news.ClaimValue{v("نحو 14000", news.About, 14000, 14000), v("15000", news.Exact, 15000, 15000)}, false},
		{"more than excludes the figure itself", []news.ClaimValue{v("أكثر من 12000", news.MoreThan, 12000, 12000), v("12000", news.Exact, 12000, 12000)}, true},
		{"at most below a lower bound", []news.ClaimValue{v("ما يصل إلى 5000", news.AtMost, 5000, 5000), v("أكثر من 6000", news.MoreThan, 6000, 6000)}, true},
		{"vague thousands is a floor", []news.ClaimValue{v("آلاف", news.Range, 1000, 9999), v("15000", news.Exact, 15000, 15000)}, false},
		{"a single value", []news.ClaimValue{v("12000", news.Exact, 12000, 12000)}, false},
	}
	for _, tt := range tests {
		if got, why := disagree(tt.vs); got != tt.want {
			t.Errorf("%s: disagree = %v (%s), want %v", tt.name, got, why, tt.want)
		}
	}
}

func TestClaimsKeepAdditionalAndCasualtiesApart(t *testing.T) {
	nk := news.Mention{ID: "loc-1", Name: "كوريا الشمالية", Type: news.LOC}
	art := func(id, text string, q news.Quantity) news.Article {
		m := nk
		m.Start, m.End = 0, 1
		return news.Article{ID: id, Story: "st", Source: id, Text: text, Entities: []news.Mention{m, {ID: "loc-2", Name: "روسيا", Type: news.LOC, Start: 1, End: 2}},
			Quantities: []news.Quantity{q}}
	}
	arts := []news.Article{
		art("a", "نشرت كوريا الشمالية 12000 جندي في روسيا.", news.Quantity{Text: "12000", Min: 12000, Max: 12000, Unit: "جندي", Qualifier: news.Exact, Start: 20}),
		art("b", "أرسلت كوريا الشمالية 30000 جندي إضافي إلى روسيا.", news.Quantity{Text: "30000", Min: 30000, Max: 30000, Unit: "جندي", Qualifier: news.Additional, Start: 20}),
		art("c", "نشرت كوريا الشمالية 15000 جندي في روسيا.", news.Quantity{Text: "15000", Min: 15000, Max: 15000, Unit: "جندي", Qualifier: news.Exact, Start: 20}),
		art("d", "قتل 9 جنود من كوريا الشمالية في روسيا.", news.Quantity{Text: "9", Min: 9, Max: 9, Unit: "جندي", Qualifier: news.Exact, Start: 4}),
	}
	cs := Claims(arts)
	if len(cs) != 1 {
		t.Fatalf("claims = %+v, want one (casualties alone in one article make none)", cs)
	}
	c := cs[0]
	if len(c.Values) != 2 || len(c.Additional) != 1 || !c.Disagree {
		t.Errorf("claim = %+v: want 12000 and 15000 compared (disagreeing), 30000 apart", c)
	}
}
