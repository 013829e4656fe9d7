// Package extract finds who said what, how many and when in an article:
// quotes with their speakers, counted quantities with their hedges, and
// time expressions resolved against the publication date.
//
// It is pure: entity mentions and the publication date come in with the
// article; nothing is read from the clock.
package extract

import (
	"strings"
	"unicode"

	"github.com/marsad/marsad/internal/arabic"
	"github.com/marsad/marsad/internal/timex"
	"github.com/marsad/marsad/news"
)

// Dates returns the article's time expressions resolved against its
// publication date; with no date, relative expressions stay unresolved.
func Dates(a news.Article) []news.TimeExpr {
	ref, _ := a.PublishedTime()
	var out []news.TimeExpr
	for _, e := range timex.Find(a.Text, ref) {
		if duration(e.Text) {
			continue
		}
		out = append(out, news.TimeExpr{Text: e.Text, Value: e.Value, Start: e.Start, End: e.End})
	}
	return out
}

// duration reports an expression that measures time rather than places
// it: "خلال أسبوعين", "طوال ستة أسابيع" (quantities, not dates), and
// rolling periods ("العام الأخير"), unless a year is written in it.
func duration(text string) bool {
	if strings.IndexFunc(text, unicode.IsDigit) >= 0 {
		return false
	}
	w := strings.Fields(arabic.Search(text))
	if len(w) == 0 {
		return false
	}
	if w[0] == "خلال" || w[0] == "طوال" || w[0] == "لمده" {
		return true
	}
	return strings.HasPrefix(w[len(w)-1], "الاخير")
}
