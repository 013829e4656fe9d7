package extract

import (
	"errors"
	"testing"

	"github.com/marsad/marsad/internal/entities"
	xt "github.com/marsad/marsad/internal/extract"
	"github.com/marsad/marsad/news"
)

// analyzer builds what the analysis stage does for extraction: entity
// mentions first (quotes take their speakers from them), then quotes,
// quantities and dates. It is assembled here from the stage's parts
// because this package sits below cmd and must not depend on pipeline's
// wiring.
func analyzer(t *testing.T) func(news.Article) news.Article {
	t.Helper()
	rec, err := entities.New()
	if err != nil {
		t.Fatal(err)
	}
	return func(a news.Article) news.Article {
		a.Entities = rec.Mentions(a.Text)
		a.Quotes = xt.Quotes(a)
		a.Quantities = xt.Quantities(a)
		a.Dates = xt.Dates(a)
		return a
	}
}

// TestCurrentScores logs marsad's current extraction scores on the gold
// set. It asserts only that the evaluation ran: the level is tracked in
// docs/QUALITY.md, not pinned here.
func TestCurrentScores(t *testing.T) {
	needData(t, snnDir, "SaudiNewsNet")
	gold, err := Gold()
	if err != nil {
		t.Fatal(err)
	}
	r, err := Score(snnDir, gold, analyzer(t))
	if err != nil {
		t.Fatal(err)
	}
	if r.Articles != len(gold) || r.Quotes.Gold == 0 || r.Quantities.Gold == 0 || r.Dates.Gold == 0 {
		t.Fatalf("scored %d articles, gold %d quotes, %d quantities, %d dates", r.Articles, r.Quotes.Gold, r.Quantities.Gold, r.Dates.Gold)
	}
	t.Logf("\n%s", r)
}

// TestCurrentWojood logs detection recall of the current extraction on
// Wojood's numeric and DATE spans.
func TestCurrentWojood(t *testing.T) {
	w, err := ScoreWojood(wojoodDir, analyzer(t))
	if errors.Is(err, ErrNoWojood) {
		t.Skipf("Wojood data not found in %s (../shared/data is not part of the repository); skipping", wojoodDir)
	}
	if err != nil {
		t.Fatal(err)
	}
	if w.Sentences == 0 || len(w.Types) == 0 || w.Types[len(w.Types)-1].Gold == 0 {
		t.Fatalf("nothing scored: %+v", w)
	}
	t.Logf("\n%s", w)
}

func TestScoreWojoodMissing(t *testing.T) {
	_, err := ScoreWojood(t.TempDir(), func(a news.Article) news.Article { return a })
	if !errors.Is(err, ErrNoWojood) {
		t.Fatalf("error %v; want ErrNoWojood", err)
	}
}
