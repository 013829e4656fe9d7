package pipeline

import (
	"github.com/marsad/marsad/internal/entities"
	"github.com/marsad/marsad/internal/extract"
	"github.com/marsad/marsad/news"
)

// Analyzer is the analysis stage as a list of steps run in order: entity
// mentions first, because quotes take their speakers from them; then
// quotes, quantities and dates.
type Analyzer struct {
	Entities *entities.Recognizer
}

var _ news.Analyzer = Analyzer{}

// Analyze returns a with its annotations filled; a itself is not changed.
func (an Analyzer) Analyze(a news.Article) news.Article {
	a.Entities = an.Entities.Mentions(a.Text)
	a.Quotes = extract.Quotes(a)
	a.Quantities = extract.Quantities(a)
	a.Dates = extract.Dates(a)
	return a
}
