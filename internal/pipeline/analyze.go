package pipeline

import (
	"fmt"
	"sort"

	"github.com/marsad/marsad/internal/entities"
	"github.com/marsad/marsad/internal/extract"
	"github.com/marsad/marsad/internal/ner"
	"github.com/marsad/marsad/news"
)

// Analyzer is the analysis stage as a list of steps run in order: entity
// mentions first, because quotes take their speakers from them; then
// quotes, dates, and quantities, which leave a date's numbers out.
type Analyzer struct {
	// Entities finds known names and resolves spellings to identities.
	Entities *entities.Recognizer
	// Tagger, when set, adds names the gazetteer does not know (people
	// quoted once, local officials), resolved through Entities.
	Tagger *ner.Model
}

var _ news.Analyzer = Analyzer{}

// DefaultAnalyzer loads the analysis stage marsad ships: the embedded
// gazetteer recogniser and entity tagger.
func DefaultAnalyzer() (Analyzer, error) {
	rec, err := entities.New()
	if err != nil {
		return Analyzer{}, fmt.Errorf("load entity gazetteer: %w", err)
	}
	tagger, err := ner.Default()
	if err != nil {
		return Analyzer{}, fmt.Errorf("load entity tagger: %w", err)
	}
	return Analyzer{Entities: rec, Tagger: tagger}, nil
}

// Analyze returns a with its annotations filled; a itself is not changed.
func (an Analyzer) Analyze(a news.Article) news.Article {
	a.Entities = an.Mentions(a.Text)
	a.Quotes = extract.Quotes(a)
	a.Dates = extract.Dates(a) // before quantities: a date's numbers are not amounts
	a.Quantities = extract.Quantities(a)
	a.Happened = extract.Happened(a)
	// Captions give figures too ("ما لا يقل عن 12000 جندي ... KCNA/EPA").
	for i, c := range a.Captions {
		cap := news.Article{Text: c, Published: a.Published, Entities: an.Entities.Mentions(c)}
		cap.Dates = extract.Dates(cap)
		for _, q := range extract.Quantities(cap) {
			q.Caption = i + 1
			a.Quantities = append(a.Quantities, q)
		}
	}
	return a
}

// Mentions are the gazetteer's mentions, plus the tagger's where they do
// not overlap one: the gazetteer is precise on the names it knows, the
// tagger finds the others.
func (an Analyzer) Mentions(text string) []news.Mention {
	ms := an.Entities.Mentions(text)
	if an.Tagger == nil {
		return ms
	}
	known := len(ms)
	for _, sp := range an.Tagger.Mentions(text) {
		if sp.Type == news.MISC {
			// The tagger's weakest type (precision 0.76 on ANERcorp), and
			// never a speaker: it added adjectives and phrases as names.
			continue
		}
		free := true
		for _, m := range ms[:known] {
			if sp.Start < m.End && m.Start < sp.End {
				free = false
				break
			}
		}
		if free {
			ms = append(ms, an.Entities.Resolve(sp.Text, sp.Type, sp.Start, sp.End))
		}
	}
	sort.SliceStable(ms, func(i, j int) bool { return ms[i].Start < ms[j].Start })
	return entities.JoinSurnames(an.Entities.JoinShortNames(an.Entities.RepairGarbles(ms)))
}
