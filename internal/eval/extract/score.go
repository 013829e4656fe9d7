package extract

import (
	"github.com/marsad/marsad/internal/eval/prf"
	"math"
	"sort"
	"strings"

	"github.com/marsad/marsad/internal/arabic"
	"github.com/marsad/marsad/news"
)

// MinQuoteOverlap is how much of a quote's words a prediction must share
// with the gold text to count as the same quote (see TextOverlap).
const MinQuoteOverlap = 0.8

// DefaultExamples is how many examples of each error kind String prints:
// enough to see the pattern, few enough that the report stays readable.
const DefaultExamples = 6

// Counts is a precision/recall tally: gold items, predicted items, and
// matched pairs (each gold and each prediction in at most one pair).
type Counts struct {
	Gold, Predicted, Matched int
}

// Precision is Matched over Predicted (0 when nothing was predicted).
func (c Counts) Precision() float64 { return prf.Ratio(c.Matched, c.Predicted) }

// Recall is Matched over Gold (0 when there is no gold).
func (c Counts) Recall() float64 { return prf.Ratio(c.Matched, c.Gold) }

// F1 is the harmonic mean of Precision and Recall.
func (c Counts) F1() float64 { return prf.F1(c.Precision(), c.Recall()) }

func (c *Counts) add(o Counts) {
	c.Gold += o.Gold
	c.Predicted += o.Predicted
	c.Matched += o.Matched
}

// Share is how many of a set of matched items have one field right.
type Share struct {
	Right, Of int
}

// Rate is Right over Of.
func (s Share) Rate() float64 { return prf.Ratio(s.Right, s.Of) }

// Example is one error instance: which article, what the gold says and
// what the extractor gave.
type Example struct {
	Article string
	Gold    string
	Got     string
}

// ErrorKind counts one kind of mistake on one field, with examples.
type ErrorKind struct {
	Field    string // "quote", "quantity" or "date"
	Kind     string // e.g. "wrong unit", "missed", "spurious"
	Count    int
	Examples []Example // every one, in the order found
}

// Report is the score of one extractor on the gold set.
type Report struct {
	Articles int
	// Quotes match when the speaker is right and the texts overlap by at
	// least MinQuoteOverlap; QuoteText ignores the speaker, so the gap
	// between the two is the cost of speaker errors alone.
	Quotes, QuoteText Counts
	// Quantities match when the spans overlap, Min and Max are equal and
	// the unit is the same lemma; QuantitySpans only asks the spans to
	// overlap (detection).
	Quantities, QuantitySpans Counts
	// Dates match when the spans overlap and the resolved values are
	// equal; DateSpans only asks the spans to overlap.
	Dates, DateSpans Counts
	// Direct is the direct/indirect flag over matched quotes; Qualifier is
	// the qualifier over matched quantities.
	Direct, Qualifier Share
	// Errors lists the mistakes by field and kind, most frequent first
	// within a field.
	Errors []ErrorKind

	errs map[[2]string]*ErrorKind
}

// Error returns the error kind for field and kind, or a zero one.
func (r Report) Error(field, kind string) ErrorKind {
	for _, e := range r.Errors {
		if e.Field == field && e.Kind == kind {
			return e
		}
	}
	return ErrorKind{Field: field, Kind: kind}
}

func (r *Report) note(field, kind, article, gold, got string) {
	if r.errs == nil {
		r.errs = map[[2]string]*ErrorKind{}
	}
	k := [2]string{field, kind}
	e, ok := r.errs[k]
	if !ok {
		e = &ErrorKind{Field: field, Kind: kind}
		r.errs[k] = e
	}
	e.Count++
	e.Examples = append(e.Examples, Example{Article: article, Gold: gold, Got: got})
}

// finish turns the error map into the sorted Errors list.
func (r *Report) finish() {
	fieldOrder := map[string]int{"quote": 0, "quantity": 1, "date": 2}
	r.Errors = r.Errors[:0]
	for _, e := range r.errs {
		r.Errors = append(r.Errors, *e)
	}
	sort.Slice(r.Errors, func(i, j int) bool {
		a, b := r.Errors[i], r.Errors[j]
		if a.Field != b.Field {
			return fieldOrder[a.Field] < fieldOrder[b.Field]
		}
		if a.Count != b.Count {
			return a.Count > b.Count
		}
		return a.Kind < b.Kind
	})
	r.errs = nil
}

// Score reads the gold articles' text from the SaudiNewsNet directory,
// runs analyze on each and scores what it returns. analyze receives the
// article with Text and Published set and no annotations; it must fill
// Quotes, Quantities and Dates (and whatever it needs for them, such as
// Entities).
func Score(dataDir string, gold []GoldArticle, analyze func(news.Article) news.Article) (Report, error) {
	arts, err := Articles(dataDir, gold)
	if err != nil {
		return Report{}, err
	}
	return ScoreArticles(arts, gold, analyze), nil
}

// ScoreArticles scores analyze on articles already read; arts[i] is the
// text of gold[i]. Gold spans without their Text (gold not passed through
// Articles) take it from arts[i].Text at their offsets; gold is not
// modified.
func ScoreArticles(arts []news.Article, gold []GoldArticle, analyze func(news.Article) news.Article) Report {
	var r Report
	for i, g := range gold {
		if !g.hasTexts() {
			g = g.withTexts([]rune(arts[i].Text))
		}
		got := analyze(arts[i])
		r.Articles++
		r.scoreQuotes(g, got.Quotes)
		r.scoreQuantities(g, got.Quantities)
		r.scoreDates(g, got.Dates)
	}
	r.finish()
	return r
}

// quoteTokens are the words and numbers of a quote in the search layer;
// punctuation and quotation marks do not count.
func quoteTokens(s string) []string {
	var out []string
	for _, t := range arabic.Tokens(s) {
		if t.Kind == arabic.Word || t.Kind == arabic.Digits {
			out = append(out, t.Norm)
		}
	}
	return out
}

// TextOverlap is how alike two quote texts are: the number of tokens they
// share (as multisets, in the search layer, punctuation ignored) over the
// token count of the longer one. It is 1 for the same words in any order
// and penalises a prediction that runs on past the quote as much as one
// that stops short; 0 when either is empty.
func TextOverlap(a, b string) float64 {
	return tokenOverlap(quoteTokens(a), quoteTokens(b))
}

func tokenOverlap(a, b []string) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	count := map[string]int{}
	for _, t := range a {
		count[t]++
	}
	shared := 0
	for _, t := range b {
		if count[t] > 0 {
			count[t]--
			shared++
		}
	}
	return float64(shared) / float64(max(len(a), len(b)))
}

// SpeakerMatches says whether a predicted speaker names the gold one: its
// name key (arabic.NameKey) equals the key of the gold speaker or one of
// its aliases, or one key's words contain the other's as a contiguous run
// of at least two words ("الرئيس الروسي فلاديمير بوتين" and "فلاديمير
// بوتين"). One shared word is not enough: "محمد" would match half the
// speakers in the set.
func SpeakerMatches(got string, g GoldQuote) bool {
	k := strings.Fields(arabic.NameKey(got))
	if len(k) == 0 {
		return false
	}
	for _, name := range append([]string{g.Speaker}, g.Aliases...) {
		if nameKeysMatch(k, strings.Fields(arabic.NameKey(name))) {
			return true
		}
	}
	return false
}

func nameKeysMatch(a, b []string) bool {
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	short, long := a, b
	if len(short) > len(long) {
		short, long = long, short
	}
	if len(short) < 2 && len(short) != len(long) {
		return false
	}
	for i := 0; i+len(short) <= len(long); i++ {
		same := true
		for j := range short {
			if long[i+j] != short[j] {
				same = false
				break
			}
		}
		if same {
			return true
		}
	}
	return false
}

// pair is a candidate match between prediction p and gold g.
type pair struct {
	p, g int
	ov   float64
}

// matchQuotes pairs predictions with gold quotes one to one, best
// overlap first, among the pairs ok accepts.
func matchQuotes(ov [][]float64, golds int, ok func(p, g int) bool) (pm, gm []int) {
	var ps []pair
	for p := range ov {
		for g := range ov[p] {
			if ov[p][g] >= MinQuoteOverlap && ok(p, g) {
				ps = append(ps, pair{p, g, ov[p][g]})
			}
		}
	}
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].ov > ps[j].ov })
	pm, gm = fill(len(ov), -1), fill(golds, -1)
	for _, x := range ps {
		if pm[x.p] < 0 && gm[x.g] < 0 {
			pm[x.p], gm[x.g] = x.g, x.p
		}
	}
	return pm, gm
}

func fill(n, v int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = v
	}
	return s
}

func (r *Report) scoreQuotes(g GoldArticle, preds []news.Quote) {
	key := g.Key()
	golds := g.Quotes
	ov := make([][]float64, len(preds))
	for p := range preds {
		ov[p] = make([]float64, len(golds))
		pt := quoteTokens(preds[p].Text)
		for j := range golds {
			ov[p][j] = tokenOverlap(pt, quoteTokens(golds[j].Text))
		}
	}
	_, textG := matchQuotes(ov, len(golds), func(int, int) bool { return true })
	pm, gm := matchQuotes(ov, len(golds), func(p, j int) bool { return SpeakerMatches(preds[p].Speaker, golds[j]) })
	r.Quotes.add(Counts{Gold: len(golds), Predicted: len(preds), Matched: matched(gm)})
	r.QuoteText.add(Counts{Gold: len(golds), Predicted: len(preds), Matched: matched(textG)})

	for j, gq := range golds {
		if p := gm[j]; p >= 0 {
			r.Direct.Of++
			if preds[p].Direct == gq.Direct {
				r.Direct.Right++
			} else {
				r.note("quote", "wrong direct flag", key, quoteDesc(gq.Speaker, gq.Text, gq.Direct), quoteDesc(preds[p].Speaker, preds[p].Text, preds[p].Direct))
			}
			continue
		}
		// Why was it missed? The prediction closest in text tells.
		best, bestOv := -1, 0.0
		for p := range preds {
			if ov[p][j] > bestOv {
				best, bestOv = p, ov[p][j]
			}
		}
		gd := quoteDesc(gq.Speaker, gq.Text, gq.Direct)
		switch {
		case best >= 0 && bestOv >= MinQuoteOverlap && preds[best].Speaker == "":
			r.note("quote", "missing speaker", key, gd, quoteDesc("", preds[best].Text, preds[best].Direct))
		case best >= 0 && bestOv >= MinQuoteOverlap:
			r.note("quote", "wrong speaker", key, gd, quoteDesc(preds[best].Speaker, preds[best].Text, preds[best].Direct))
		case best >= 0 && pm[best] < 0 && bestOv >= minBoundaryOverlap && bestGold(ov[best]) == j:
			// The prediction is about this quote but cut it wrong: it
			// fits no other gold quote better.
			r.note("quote", "text boundary (overlap < 0.8)", key, gd, quoteDesc(preds[best].Speaker, preds[best].Text, preds[best].Direct))
		default:
			r.note("quote", "missed", key, gd, "")
		}
	}
	for p, q := range preds {
		if pm[p] >= 0 {
			continue
		}
		bestOv, bestG := 0.0, -1
		for j := range golds {
			if ov[p][j] > bestOv {
				bestOv, bestG = ov[p][j], j
			}
		}
		switch {
		case bestOv >= MinQuoteOverlap && gm[bestG] >= 0:
			r.note("quote", "duplicate", key, "", quoteDesc(q.Speaker, q.Text, q.Direct))
		case bestOv > 0:
			// Counted on the gold side (speaker or boundary).
		default:
			r.note("quote", "spurious", key, "", quoteDesc(q.Speaker, q.Text, q.Direct))
		}
	}
}

// minBoundaryOverlap is the least overlap at which an unmatched
// prediction is taken for a badly cut version of a gold quote rather than
// a different quote sharing a few common words.
const minBoundaryOverlap = 0.3

// bestGold is the gold index a prediction overlaps most, -1 for none.
func bestGold(ovs []float64) int {
	best, bestOv := -1, 0.0
	for j, o := range ovs {
		if o > bestOv {
			best, bestOv = j, o
		}
	}
	return best
}

func matched(gm []int) int {
	n := 0
	for _, p := range gm {
		if p >= 0 {
			n++
		}
	}
	return n
}

// overlaps says whether rune spans [a0,a1) and [b0,b1) share a rune.
func overlaps(a0, a1, b0, b1 int) bool { return a0 < b1 && b0 < a1 }

// sameValue compares amounts up to float noise relative to their size.
func sameValue(a, b float64) bool { return math.Abs(a-b) <= 1e-6*math.Max(1, math.Abs(b)) }

// UnitKey is the form units are compared in: the search layer, spaces
// removed (كيلو متر = كيلومتر), the article ال dropped.
func UnitKey(u string) string {
	s := strings.ReplaceAll(arabic.Search(u), " ", "")
	if rest, ok := strings.CutPrefix(s, "ال"); ok && len([]rune(rest)) >= 2 {
		s = rest
	}
	return s
}

func (r *Report) scoreQuantities(g GoldArticle, preds []news.Quantity) {
	key := g.Key()
	golds := g.Quantities
	// Detection: spans overlap, one to one, in text order.
	spanP, spanG := fill(len(preds), -1), fill(len(golds), -1)
	for j, gq := range golds {
		for p, q := range preds {
			if spanP[p] < 0 && overlaps(q.Start, q.End, gq.Start, gq.End) {
				spanP[p], spanG[j] = j, p
				break
			}
		}
	}
	// Strict: overlap, value and unit.
	valP, valG := fill(len(preds), -1), fill(len(golds), -1)
	for j, gq := range golds {
		for p, q := range preds {
			if valP[p] < 0 && overlaps(q.Start, q.End, gq.Start, gq.End) &&
				sameValue(q.Min, gq.Min) && sameValue(q.Max, gq.Max) && UnitKey(q.Unit) == UnitKey(gq.Unit) {
				valP[p], valG[j] = j, p
				break
			}
		}
	}
	r.QuantitySpans.add(Counts{Gold: len(golds), Predicted: len(preds), Matched: matched(spanG)})
	r.Quantities.add(Counts{Gold: len(golds), Predicted: len(preds), Matched: matched(valG)})
	for j, gq := range golds {
		gd := quantityDesc(gq.Text, gq.Min, gq.Max, gq.Unit, gq.Qualifier)
		if p := valG[j]; p >= 0 {
			r.Qualifier.Of++
			if preds[p].Qualifier == gq.Qualifier {
				r.Qualifier.Right++
			} else {
				r.note("quantity", "wrong qualifier", key, gd, quantityDesc(preds[p].Text, preds[p].Min, preds[p].Max, preds[p].Unit, preds[p].Qualifier))
			}
			continue
		}
		p := spanG[j]
		if p < 0 || valP[p] >= 0 {
			// No prediction here, or the one here matched another gold
			// amount it overlaps better.
			r.note("quantity", "missed", key, gd, "")
			continue
		}
		q := preds[p]
		got := quantityDesc(q.Text, q.Min, q.Max, q.Unit, q.Qualifier)
		if !sameValue(q.Min, gq.Min) || !sameValue(q.Max, gq.Max) {
			r.note("quantity", "wrong value", key, gd, got)
		}
		if UnitKey(q.Unit) != UnitKey(gq.Unit) {
			kind := "wrong unit"
			if q.Unit == "" {
				kind = "missing unit"
			}
			r.note("quantity", kind, key, gd, got)
		}
	}
	for p, q := range preds {
		if spanP[p] >= 0 || valP[p] >= 0 {
			continue
		}
		kind := "spurious"
		for _, gq := range golds {
			if overlaps(q.Start, q.End, gq.Start, gq.End) {
				// A second piece over one gold amount: the amount was
				// split, or read twice.
				kind = "extra piece of a gold amount"
				break
			}
		}
		r.note("quantity", kind, key, "", quantityDesc(q.Text, q.Min, q.Max, q.Unit, q.Qualifier))
	}
}

func (r *Report) scoreDates(g GoldArticle, preds []news.TimeExpr) {
	key := g.Key()
	golds := g.Dates
	spanP, spanG := fill(len(preds), -1), fill(len(golds), -1)
	for j, gd := range golds {
		for p, d := range preds {
			if spanP[p] < 0 && overlaps(d.Start, d.End, gd.Start, gd.End) {
				spanP[p], spanG[j] = j, p
				break
			}
		}
	}
	valP, valG := fill(len(preds), -1), fill(len(golds), -1)
	for j, gd := range golds {
		for p, d := range preds {
			if valP[p] < 0 && overlaps(d.Start, d.End, gd.Start, gd.End) && d.Value == gd.Value {
				valP[p], valG[j] = j, p
				break
			}
		}
	}
	r.DateSpans.add(Counts{Gold: len(golds), Predicted: len(preds), Matched: matched(spanG)})
	r.Dates.add(Counts{Gold: len(golds), Predicted: len(preds), Matched: matched(valG)})
	for j, gd := range golds {
		if valG[j] >= 0 {
			continue
		}
		want := dateDesc(gd.Text, gd.Value)
		p := spanG[j]
		switch {
		case p < 0 || valP[p] >= 0:
			r.note("date", "missed", key, want, "")
		case preds[p].Value == "":
			r.note("date", "unresolved", key, want, dateDesc(preds[p].Text, ""))
		default:
			r.note("date", "wrong value", key, want, dateDesc(preds[p].Text, preds[p].Value))
		}
	}
	for p, d := range preds {
		if spanP[p] >= 0 || valP[p] >= 0 {
			continue
		}
		kind := "spurious"
		for _, gd := range golds {
			if overlaps(d.Start, d.End, gd.Start, gd.End) {
				// "11 يوليو تموز" read as two expressions.
				kind = "extra piece of a gold expression"
				break
			}
		}
		r.note("date", kind, key, "", dateDesc(d.Text, d.Value))
	}
}
