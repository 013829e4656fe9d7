package arabic

import (
	"math"
	"os"
	"sort"
	"testing"
	"unicode/utf8"
)

func TestPluralTable(t *testing.T) {
	if len(plurals) > 400 {
		t.Errorf("plural table has %d entries; keep it at 400 or fewer", len(plurals))
	}
	for p, s := range plurals {
		// Keys and values are written in the search layer, as Stem looks them up.
		if Search(p) != p || Search(s) != s {
			t.Errorf("entry %q → %q is not in the search layer", p, s)
		}
		// A singular is never itself a plural of the table: one step only.
		if _, ok := plurals[s]; ok {
			t.Errorf("singular %q of %q is also a plural of the table", s, p)
		}
		// An entry earns its place only where light10 alone fails.
		if stemLight(p) == stemLight(s) || stemLight(p) == stemBare(s) {
			t.Errorf("entry %q → %q: light10 already conflates them (%q)", p, s, stemLight(p))
		}
		if a, b := stemPlural("ال"+p), stemPlural("ال"+s); a != b {
			t.Errorf("stemPlural(ال%s) = %q, stemPlural(ال%s) = %q: the table must conflate them", p, a, s, b)
		}
	}
}

func TestStemPlurals(t *testing.T) {
	tests := []struct {
		name, plural, singular string
	}{
		// فُعول: جنود is the plural of جندي.
		{"fuul", "جنود", "الجندي"},
		// With the article, و, ب and ل + article, as light10 strips them.
		{"article", "الجنود", "جندي"},
		{"waw article", "والجنود", "جندي"},
		{"lam article", "للجنود", "جندي"},
		// A plural beginning with و: the و is the word's own.
		{"own waw", "وزراء", "الوزير"},
		{"own waw article", "الوزراء", "الوزير"},
		{"conjunction before own waw", "ووزراء", "والوزير"},
		// A possessive pronoun after the plural.
		{"pronoun", "أسعارها", "السعر"},
		{"pronoun hum", "أطفالهم", "طفل"},
		// فُعَل, مفاعل, فعائل, فعالى, فعلى.
		{"fuVal", "المدن", "مدينة"},
		{"mafaail", "المناطق", "منطقة"},
		{"faaail", "الوسائل", "الوسيلة"},
		{"faaaalaa", "القضايا", "قضية"},
		{"faVla", "القتلى", "قتيل"},
		// Diacritics and hamza forms go through the search layer first.
		{"diacritics", "الأَسْلِحَة", "سلاح"},
		// Irregular sound plurals light10 misses.
		{"sanawat", "سنوات", "سنة"},
		// Suppletive plural.
		{"nisa", "النساء", "امرأة"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if p, s := stemPlural(Search(tt.plural)), stemPlural(Search(tt.singular)); p != s {
				t.Errorf("stemPlural(%q) = %q, stemPlural(%q) = %q: want equal", tt.plural, p, tt.singular, s)
			}
			// Stem itself does not use the table (see plurals).
			if Stem(tt.plural) != stemLight(Search(tt.plural)) {
				t.Errorf("Stem(%q) = %q uses the plural table", tt.plural, Stem(tt.plural))
			}
		})
	}
	// Words that only look like a table plural keep their light10 stem:
	// أعداد is left out (it is also إعداد, preparing), names are untouched.
	for _, w := range []string{"أعداد", "بوتين", "المفاوضات", "الشباب", "علماء"} {
		if got, want := stemPlural(Search(w)), stemLight(Search(w)); got != want {
			t.Errorf("stemPlural(%q) = %q, want light10's %q", w, got, want)
		}
	}
}

// TestPluralsMeasure measures, on SaudiNewsNet, what the plural table is
// worth for topic features: how much of the text it touches, how many of
// those words light10 alone leaves apart from their singular, and known-item
// retrieval (each article's title as the query, its own body the one
// relevant document among the day's articles, TF-IDF cosine over stems).
// It runs on the first day; MARSAD_SNN_ALL=1 runs every day. Run with
// -v to see the figures.
func TestPluralsMeasure(t *testing.T) {
	t.Parallel() // seconds of work, beside TestSpellRoundTrip's
	days := snnDays(t)
	all := os.Getenv("MARSAD_SNN_ALL") != ""
	if !all {
		days = days[:1]
	}
	if testing.Short() {
		t.Skip("corpus measurement")
	}
	var (
		tokens, pluralTokens, apartWithout int
		typesWithout, typesWith            = map[string]bool{}, map[string]bool{}
		changed                            = map[string]int{}
		without, with, none                retrievalScore
	)
	for _, day := range days {
		docs := snnWords(dedupSNN(readSNNDay(t, day)))
		counts := map[string]int{}
		for _, d := range docs {
			for _, w := range d.body {
				counts[w]++
			}
		}
		for w, n := range counts {
			tokens += n
			s0, s1 := stemLight(w), stemPlural(w)
			typesWithout[s0], typesWith[s1] = true, true
			if sing, ok := singular(w); ok {
				pluralTokens += n
				if s0 != stemBare(sing) {
					apartWithout += n
				}
				changed[w] += n
			}
		}
		without.add(knownItem(docs, stemLight))
		with.add(knownItem(docs, stemPlural))
		if all {
			// No stemming at all, to show what light10 itself is worth here.
			none.add(knownItem(docs, func(w string) string { return w }))
		}
	}
	t.Logf("days: %d; Arabic word tokens: %d", len(days), tokens)
	t.Logf("table plurals: %d tokens (%.2f%% of word tokens)", pluralTokens, 100*float64(pluralTokens)/float64(tokens))
	t.Logf("of these, stemmed apart from their singular: without the table %.1f%%, with it 0%%",
		100*float64(apartWithout)/float64(pluralTokens))
	t.Logf("distinct stems: %d without the table, %d with", len(typesWithout), len(typesWith))
	t.Logf("title→body known-item retrieval, %d queries: MRR %.4f → %.4f, success@1 %.4f → %.4f",
		without.n, without.mrr(), with.mrr(), without.at1(), with.at1())
	if all {
		t.Logf("  without any stemming: MRR %.4f, success@1 %.4f; titles holding a table plural MRR %.4f", none.mrr(), none.at1(), none.mrrPl())
	}
	t.Logf("  titles holding a table plural (%d): MRR %.4f → %.4f, success@1 %.4f → %.4f",
		with.nPl, without.mrrPl(), with.mrrPl(), without.at1Pl(), with.at1Pl())
	type wc struct {
		w string
		n int
	}
	var top []wc
	for w, n := range changed {
		top = append(top, wc{w, n})
	}
	sort.Slice(top, func(i, j int) bool { return top[i].n > top[j].n || top[i].n == top[j].n && top[i].w < top[j].w })
	for _, x := range top[:min(25, len(top))] {
		s, _ := singular(x.w)
		t.Logf("  %6d  %s → %s (stem %s, was %s)", x.n, x.w, s, stemPlural(x.w), stemLight(x.w))
	}
	// Stem leaves the table out because it does not pay off here; say so
	// if that changes.
	if with.mrr() > without.mrr()+0.002 {
		t.Logf("the plural table now improves retrieval: reconsider using it in Stem")
	}
	t.Logf("plural table entries: %d", len(plurals))
}

func isArabicWord(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return r >= 0x600 && r < 0x700
}

// dedupSNN drops articles whose title or body repeats an earlier one's
// (syndicated wire copies), so each title has one right answer.
func dedupSNN(arts []snnArticle) []snnArticle {
	seenTitle, seenBody := map[string]bool{}, map[string]bool{}
	var out []snnArticle
	for _, a := range arts {
		title, body := Search(a.Title), Search(a.Content)
		if title == "" || len(body) < 200 || seenTitle[title] || seenBody[body] {
			continue
		}
		seenTitle[title], seenBody[body] = true, true
		out = append(out, a)
	}
	return out
}

// snnDoc is an article as its Arabic words, search layer.
type snnDoc struct{ title, body []string }

func snnWords(arts []snnArticle) []snnDoc {
	words := func(s string) []string {
		var out []string
		for _, tk := range Tokens(s) {
			if tk.Kind == Word && isArabicWord(tk.Norm) {
				out = append(out, tk.Norm)
			}
		}
		return out
	}
	docs := make([]snnDoc, len(arts))
	for i, a := range arts {
		docs[i] = snnDoc{words(a.Title), words(a.Content)}
	}
	return docs
}

// retrievalScore accumulates reciprocal ranks, overall and for the queries
// holding a table plural.
type retrievalScore struct {
	n, nPl         int
	rr, rrPl       float64
	first, firstPl int
}

func (r *retrievalScore) add(o retrievalScore) {
	r.n += o.n
	r.nPl += o.nPl
	r.rr += o.rr
	r.rrPl += o.rrPl
	r.first += o.first
	r.firstPl += o.firstPl
}

func (r retrievalScore) mrr() float64   { return r.rr / float64(max(r.n, 1)) }
func (r retrievalScore) at1() float64   { return float64(r.first) / float64(max(r.n, 1)) }
func (r retrievalScore) mrrPl() float64 { return r.rrPl / float64(max(r.nPl, 1)) }
func (r retrievalScore) at1Pl() float64 { return float64(r.firstPl) / float64(max(r.nPl, 1)) }

// knownItem ranks every body against every title with TF-IDF cosine over
// the terms stemOf makes of content words, and scores the rank of each
// title's own body.
func knownItem(arts []snnDoc, stemOf func(string) string) retrievalScore {
	terms := func(words []string) map[string]float64 {
		tf := map[string]float64{}
		for _, w := range words {
			if !IsStopword(w) {
				tf[stemOf(w)]++
			}
		}
		return tf
	}
	docs := make([]map[string]float64, len(arts))
	df := map[string]int{}
	for i, a := range arts {
		docs[i] = terms(a.body)
		for w := range docs[i] {
			df[w]++
		}
	}
	n := float64(len(arts))
	idf := func(w string) float64 { return math.Log(n / float64(1+df[w])) }
	// Body vectors, unit length, in an inverted index.
	type posting struct {
		doc int
		w   float64
	}
	index := map[string][]posting{}
	for i, d := range docs {
		var norm float64
		for w, tf := range d {
			x := (1 + math.Log(tf)) * idf(w)
			d[w] = x
			norm += x * x
		}
		norm = math.Sqrt(norm)
		for w, x := range d {
			if norm > 0 {
				index[w] = append(index[w], posting{i, x / norm})
			}
		}
	}
	var r retrievalScore
	scores := make([]float64, len(arts))
	for i, a := range arts {
		q := terms(a.title)
		if len(q) == 0 {
			continue
		}
		hasPlural := false
		for _, w := range a.title {
			if _, ok := singular(w); ok {
				hasPlural = true
			}
		}
		clear(scores)
		for w := range q {
			qw := idf(w)
			for _, p := range index[w] {
				scores[p.doc] += qw * p.w
			}
		}
		rank := 1
		for j, s := range scores {
			if j != i && s > scores[i] {
				rank++
			}
		}
		r.n++
		r.rr += 1 / float64(rank)
		if rank == 1 {
			r.first++
		}
		if hasPlural {
			r.nPl++
			r.rrPl += 1 / float64(rank)
			if rank == 1 {
				r.firstPl++
			}
		}
	}
	return r
}
