package resolve

import (
	"sort"

	"github.com/marsad/marsad/news"
)

// Recognizer finds entity mentions in text with their ids; what is scored.
// *entities.Recognizer and pipeline.Analyzer both are.
type Recognizer interface {
	Mentions(text string) []news.Mention
}

// Resolver gives an identity to a name found by some other means, as
// entities.Recognizer.Resolve does for the tagger's names.
type Resolver interface {
	Resolve(text, typ string, start, end int) news.Mention
}

// Report is the outcome of scoring one recogniser on a Set.
type Report struct {
	Entities, Spellings int
	// Found is the number of spellings a mention covers at least half of
	// (see covering); the others are in Missed.
	Found int
	// Fallback says a Resolver gave ids to the spellings the recogniser
	// missed, as if a tagger had found their exact span.
	Fallback bool
	Pairs    Pairs
	// FoundPairs counts only pairs whose two spellings were both found:
	// recall of resolution itself, coverage aside.
	FoundPairs Pairs
	NearMisses int
	// Merged are the near-miss pairs given one id.
	Merged []Merge
	// Missed, Splits, FalseMerges and WrongTypes are the failures.
	Missed      []Miss
	Splits      []Split
	FalseMerges []FalseMerge
	WrongTypes  []WrongType
}

// Pairs is a pairwise tally over spellings: Gold pairs are two spellings
// of one entity, Predicted pairs two spellings given one id, True pairs
// both.
type Pairs struct {
	Gold, Predicted, True int
}

// Precision is True over Predicted: of the spellings merged, how many
// belong together (1 when nothing was merged).
func (p Pairs) Precision() float64 {
	if p.Predicted == 0 {
		return 1
	}
	return float64(p.True) / float64(p.Predicted)
}

// Recall is True over Gold: of the spellings that belong together, how
// many were merged.
func (p Pairs) Recall() float64 {
	if p.Gold == 0 {
		return 0
	}
	return float64(p.True) / float64(p.Gold)
}

// F1 is the harmonic mean of Precision and Recall.
func (p Pairs) F1() float64 {
	pr, r := p.Precision(), p.Recall()
	if pr+r == 0 {
		return 0
	}
	return 2 * pr * r / (pr + r)
}

// Coverage is the share of spellings the recogniser found at all.
func (r Report) Coverage() float64 {
	if r.Spellings == 0 {
		return 0
	}
	return float64(r.Found) / float64(r.Spellings)
}

// Miss is a spelling no mention covered.
type Miss struct {
	Entity   string
	Spelling Spelling
}

// Split is an entity whose spellings got more than one id: Groups holds
// the spellings under each id, "" for those given none.
type Split struct {
	Entity string
	Groups map[string][]string
}

// FalseMerge is one id given to spellings of different entities.
type FalseMerge struct {
	ID       string
	Entities map[string][]string // entity label → its spellings with ID
}

// Merge is a near-miss pair given one id, apart (each in its own sentence)
// or together (both in one text, where partial names are linked).
type Merge struct {
	Pair     NearMiss
	ID       string
	Together bool
}

// WrongType is a found spelling whose mention has another type.
type WrongType struct {
	Entity   string
	Spelling string
	Want     string
	Got      string
}

// Score runs rec on every spelling and near-miss name of set, each in its
// sentence, and measures how the ids group them. res, when not nil, gives
// an id to the spellings rec missed (their exact span resolved as a
// tagger's would be); coverage is rec's alone either way.
func Score(rec Recognizer, res Resolver, set Set) Report {
	rep := Report{Entities: len(set.Entities), Fallback: res != nil, NearMisses: len(set.NearMisses)}
	var all []result
	for _, e := range set.Entities {
		groups := map[string][]string{}
		for _, sp := range e.Spellings {
			rep.Spellings++
			m, found := covering(rec.Mentions(sp.Sentence), sp.Start, sp.End)
			switch {
			case found:
				rep.Found++
				if m.Type != e.Type {
					rep.WrongTypes = append(rep.WrongTypes, WrongType{Entity: e.Label, Spelling: sp.Text, Want: e.Type, Got: m.Type})
				}
			default:
				m = news.Mention{}
				if res != nil {
					m = res.Resolve(sp.Text, e.Type, sp.Start, sp.End)
				}
				rep.Missed = append(rep.Missed, Miss{Entity: e.Label, Spelling: sp})
			}
			groups[m.ID] = append(groups[m.ID], sp.Text)
			all = append(all, result{entity: e.Label, text: sp.Text, id: m.ID, found: found})
		}
		if ids := len(groups) - btoi(groups[""] != nil); ids > 1 || ids == 1 && groups[""] != nil {
			rep.Splits = append(rep.Splits, Split{Entity: e.Label, Groups: groups})
		}
	}
	rep.Pairs = tally(all, func(result) bool { return true })
	rep.FoundPairs = tally(all, func(r result) bool { return r.found })
	byID := map[string]map[string][]string{}
	for _, r := range all {
		if r.id == "" {
			continue
		}
		if byID[r.id] == nil {
			byID[r.id] = map[string][]string{}
		}
		byID[r.id][r.entity] = append(byID[r.id][r.entity], r.text)
	}
	for id, ents := range byID {
		if len(ents) > 1 {
			rep.FalseMerges = append(rep.FalseMerges, FalseMerge{ID: id, Entities: ents})
		}
	}
	sort.Slice(rep.FalseMerges, func(i, j int) bool { return rep.FalseMerges[i].ID < rep.FalseMerges[j].ID })
	for _, nm := range set.NearMisses {
		if m, ok := nearMissMerge(rec, res, nm); ok {
			rep.Merged = append(rep.Merged, m)
		}
	}
	return rep
}

// result is the id one spelling of one entity got.
type result struct {
	entity, text, id string
	found            bool
}

// tally counts the pairs among the results keep accepts: gold pairs share
// an entity, predicted pairs a non-empty id, true pairs both.
func tally(rs []result, keep func(result) bool) Pairs {
	byEntity, byID, byBoth := map[string]int{}, map[string]int{}, map[[2]string]int{}
	for _, r := range rs {
		if !keep(r) {
			continue
		}
		byEntity[r.entity]++
		if r.id != "" {
			byID[r.id]++
			byBoth[[2]string{r.entity, r.id}]++
		}
	}
	var p Pairs
	for _, n := range byEntity {
		p.Gold += n * (n - 1) / 2
	}
	for _, n := range byID {
		p.Predicted += n * (n - 1) / 2
	}
	for _, n := range byBoth {
		p.True += n * (n - 1) / 2
	}
	return p
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// covering returns the mention that covers the most of runes [start,
// end), when it covers at least half of them: a spelling counts as found
// only when most of it is. A short name nested in a long one (العراق in
// الدولة الإسلامية في العراق والشام, السعودية in أرامكو السعودية) is a
// mention of something else, not of the long name.
func covering(ms []news.Mention, start, end int) (news.Mention, bool) {
	best, most := news.Mention{}, 0
	for _, m := range ms {
		if o := min(end, m.End) - max(start, m.Start); o > most {
			best, most = m, o
		}
	}
	return best, most > 0 && 2*most >= end-start
}

// idsIn returns the ids of every mention overlapping runes [start, end)
// of text, else res's id for the exact span when there is none.
func idsIn(rec Recognizer, res Resolver, typ string, sp Spelling, text string, offset int) []string {
	start, end := sp.Start+offset, sp.End+offset
	var ids []string
	for _, m := range rec.Mentions(text) {
		if m.ID != "" && m.Start < end && start < m.End {
			ids = append(ids, m.ID)
		}
	}
	if len(ids) == 0 && res != nil {
		if id := res.Resolve(sp.Text, typ, start, end).ID; id != "" {
			ids = append(ids, id)
		}
	}
	return ids
}

func shared(a, b []string) (string, bool) {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return x, true
			}
		}
	}
	return "", false
}

// nearMissMerge reports whether the pair shares an id, apart or in one
// text (A's sentence, then B's). Unlike spellings, any mention touching a
// name counts: ترامب tagged as Donald Trump inside ميلانيا ترامب shows the
// reader the wrong person, however little of the name it covers.
func nearMissMerge(rec Recognizer, res Resolver, nm NearMiss) (Merge, bool) {
	a := idsIn(rec, res, nm.TypeA, nm.A, nm.A.Sentence, 0)
	b := idsIn(rec, res, nm.TypeB, nm.B, nm.B.Sentence, 0)
	if id, ok := shared(a, b); ok {
		return Merge{Pair: nm, ID: id}, true
	}
	text := nm.A.Sentence + " " + nm.B.Sentence
	off := len([]rune(nm.A.Sentence)) + 1
	a = idsIn(rec, res, nm.TypeA, nm.A, text, 0)
	b = idsIn(rec, res, nm.TypeB, nm.B, text, off)
	if id, ok := shared(a, b); ok {
		return Merge{Pair: nm, ID: id, Together: true}, true
	}
	return Merge{}, false
}
