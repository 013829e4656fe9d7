package eval

import (
	"cmp"
	"fmt"
	"github.com/marsad/marsad/internal/eval/prf"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/marsad/marsad/internal/arabic"
	"github.com/marsad/marsad/internal/eval/pages"
	"github.com/marsad/marsad/news"
)

// Counts are the raw tallies of a plain-text score; every figure of a
// Report is a ratio of them, so templates and totals add up exactly.
type Counts struct {
	Pages    int
	Articles int // gold articles
	// Body lines: predicted, gold, and predicted lines matched to a gold
	// line of the same page (multiset matching on trimmed text).
	PredLines, GoldLines, CorrectLines int
	// CountRight counts pages where the cleaner found as many articles
	// as the gold holds.
	CountRight int
	// TitlesRight counts gold articles whose title equals the title of
	// the predicted article at the same index (empty equals empty).
	TitlesRight int
	// Captions, matched like body lines after dropping figure markers.
	PredCaptions, GoldCaptions, CorrectCaptions int
	// Source and date of the page's first article, where the gold has one.
	SourceGold, SourceRight int
	DateGold, DateRight     int
}

func (c *Counts) add(o Counts) {
	c.Pages += o.Pages
	c.Articles += o.Articles
	c.PredLines += o.PredLines
	c.GoldLines += o.GoldLines
	c.CorrectLines += o.CorrectLines
	c.CountRight += o.CountRight
	c.TitlesRight += o.TitlesRight
	c.PredCaptions += o.PredCaptions
	c.GoldCaptions += o.GoldCaptions
	c.CorrectCaptions += o.CorrectCaptions
	c.SourceGold += o.SourceGold
	c.SourceRight += o.SourceRight
	c.DateGold += o.DateGold
	c.DateRight += o.DateRight
}

// Precision is the share of predicted body lines that are gold body lines.
func (c Counts) Precision() float64 { return prf.Ratio(c.CorrectLines, c.PredLines) }

// Recall is the share of gold body lines the cleaner kept.
func (c Counts) Recall() float64 { return prf.Ratio(c.CorrectLines, c.GoldLines) }

// F1 is the body-line F1, micro-averaged over all lines.
func (c Counts) F1() float64 { return prf.F1(c.Precision(), c.Recall()) }

// CountAccuracy is the share of pages with the right number of articles.
func (c Counts) CountAccuracy() float64 { return prf.Ratio(c.CountRight, c.Pages) }

// TitleAccuracy is the share of gold articles with the right title.
func (c Counts) TitleAccuracy() float64 { return prf.Ratio(c.TitlesRight, c.Articles) }

// CaptionF1 is the F1 of caption lines, micro-averaged.
func (c Counts) CaptionF1() float64 {
	return prf.F1(prf.Ratio(c.CorrectCaptions, c.PredCaptions), prf.Ratio(c.CorrectCaptions, c.GoldCaptions))
}

// SourceAccuracy is the share of pages stating an outlet where the first
// article's source names it.
func (c Counts) SourceAccuracy() float64 { return prf.Ratio(c.SourceRight, c.SourceGold) }

// DateAccuracy is the share of pages printing a publication date where the
// first article's date is that day.
func (c Counts) DateAccuracy() float64 { return prf.Ratio(c.DateRight, c.DateGold) }

// TemplateCounts are the counts of one site template's pages.
type TemplateCounts struct {
	Template string
	Counts
}

// Tally is one kind of error and how often it happened.
type Tally struct {
	What string
	N    int
}

// Report is a plain-text cleaning score over a generated page set.
type Report struct {
	Overall   Counts
	Templates []TemplateCounts // in the order templates first appear
	// FalseKept counts predicted body lines that are not gold body lines,
	// by the kind of page line they came from ("altered" when the text is
	// on no page line: the cleaner changed it), most frequent first.
	FalseKept []Tally
	// Missed counts gold body lines not kept as body, by what the cleaner
	// did with them: "as title", "as caption", "removed: <its reason>",
	// "no article returned for the page", or "lost" when it is nowhere
	// in the output.
	Missed []Tally
	// WrongTitles counts wrong titles by how they were wrong.
	WrongTitles []Tally
	// Elapsed is the time spent inside the cleaner, for pages per second.
	Elapsed time.Duration
}

// PagesPerSecond is the cleaner's throughput over the set, one goroutine.
func (r Report) PagesPerSecond() float64 {
	if r.Elapsed <= 0 {
		return 0
	}
	return float64(r.Overall.Pages) / r.Elapsed.Seconds()
}

// TextCleaner cleans one plain-text page into its articles. It gets the
// whole generated page so a cleaner with site memory can tell the pages
// of one site (template) apart; cleaners must read only p.Text and
// p.Template, never the gold.
type TextCleaner func(p pages.Page) []news.Article

// ScorePages runs clean over every page and scores its articles against
// the gold: body lines (precision, recall, F1, micro over all lines; a
// predicted line is correct when it equals, after trimming, a not yet
// matched gold body line of the same page), article counts, titles by
// index, captions, and the first article's source and date.
func ScorePages(ps []pages.Page, clean TextCleaner) Report {
	var r Report
	tplIndex := map[string]int{}
	falseKept, missed, wrongTitles := map[string]int{}, map[string]int{}, map[string]int{}
	for _, p := range ps {
		start := time.Now()
		arts := clean(p)
		r.Elapsed += time.Since(start)
		c := scorePage(p, arts, falseKept, missed, wrongTitles)
		r.Overall.add(c)
		i, ok := tplIndex[p.Template]
		if !ok {
			i = len(r.Templates)
			tplIndex[p.Template] = i
			r.Templates = append(r.Templates, TemplateCounts{Template: p.Template})
		}
		r.Templates[i].add(c)
	}
	r.FalseKept = tallies(falseKept)
	r.Missed = tallies(missed)
	r.WrongTitles = tallies(wrongTitles)
	return r
}

// scorePage scores one page and adds its errors to the tallies.
func scorePage(p pages.Page, arts []news.Article, falseKept, missed, wrongTitles map[string]int) Counts {
	c := Counts{Pages: 1, Articles: len(p.Gold)}
	if len(arts) == len(p.Gold) {
		c.CountRight = 1
	}

	// Body lines, multiset matched.
	gold := map[string]int{}
	for _, g := range p.Gold {
		for _, l := range g.Body {
			gold[strings.TrimSpace(l)]++
			c.GoldLines++
		}
	}
	for _, a := range arts {
		for _, l := range bodyLines(a.Text) {
			c.PredLines++
			if gold[l] > 0 {
				gold[l]--
				c.CorrectLines++
				continue
			}
			falseKept[kindName(p, l)]++
		}
	}
	fate := fates(arts)
	for l, n := range gold {
		switch {
		case n == 0:
		case len(arts) == 0:
			missed["no article returned for the page"] += n
		default:
			missed[fateOf(fate, l)] += n
		}
	}

	// Titles by index.
	for i, g := range p.Gold {
		if i >= len(arts) {
			wrongTitles["no article at this index"]++
			continue
		}
		want, got := oneSpace(g.Title), oneSpace(arts[i].Title)
		switch {
		case want == got:
			c.TitlesRight++
		case want == "":
			wrongTitles["invented (from "+kindName(p, got)+")"]++
		case got == "":
			wrongTitles["missed (empty title)"]++
		default:
			wrongTitles["wrong (from "+kindName(p, got)+")"]++
		}
	}

	// Captions, multiset matched without figure markers.
	goldCaps := map[string]int{}
	for _, g := range p.Gold {
		for _, cp := range g.Captions {
			goldCaps[pages.StripFigureMarker(cp)]++
			c.GoldCaptions++
		}
	}
	for _, a := range arts {
		for _, cp := range a.Captions {
			cp = pages.StripFigureMarker(cp)
			if cp == "" {
				continue
			}
			c.PredCaptions++
			if goldCaps[cp] > 0 {
				goldCaps[cp]--
				c.CorrectCaptions++
			}
		}
	}

	// Metadata of the first article.
	if p.Source != "" {
		c.SourceGold = 1
		if len(arts) > 0 && sameOutlet(p.Source, arts[0].Source) {
			c.SourceRight = 1
		}
	}
	if p.Published != "" {
		c.DateGold = 1
		if len(arts) > 0 && strings.HasPrefix(arts[0].Published, p.Published) {
			c.DateRight = 1
		}
	}
	return c
}

// bodyLines splits an article's text into its trimmed, non-empty lines.
func bodyLines(text string) []string {
	var out []string
	for _, l := range strings.Split(text, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// kindName names the kind of the page line with text s.
func kindName(p pages.Page, s string) string {
	if k, ok := p.KindOf(s); ok {
		return string(k)
	}
	return "altered"
}

// fates maps every line the cleaner output or removed to what it became.
// Removed lines keep the first reason the cleaner gave.
func fates(arts []news.Article) map[string]string {
	m := map[string]string{}
	set := func(s, what string) {
		s = strings.TrimSpace(s)
		if _, ok := m[s]; !ok && s != "" {
			m[s] = what
		}
	}
	for _, a := range arts {
		set(a.Title, "as title")
		for _, cp := range a.Captions {
			set(cp, "as caption")
			set(pages.StripFigureMarker(cp), "as caption")
		}
		for _, rl := range a.Removed {
			set(rl.Text, "removed: "+rl.Reason)
		}
	}
	return m
}

func fateOf(fate map[string]string, l string) string {
	if f, ok := fate[l]; ok {
		return f
	}
	return "lost"
}

// tallies sorts counts by frequency, then name, for stable reports.
func tallies(m map[string]int) []Tally {
	out := make([]Tally, 0, len(m))
	for k, n := range m {
		out = append(out, Tally{k, n})
	}
	slices.SortFunc(out, func(a, b Tally) int {
		if c := cmp.Compare(b.N, a.N); c != 0 {
			return c
		}
		return cmp.Compare(a.What, b.What)
	})
	return out
}

func oneSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

// sameOutlet compares outlet names in the search layer (hamza, ta marbuta
// and alef maqsura folded), accepting one name inside the other on word
// boundaries: "صحيفة عكاظ" names عكاظ, "الشرق الأوسط" is "الشرق الاوسط".
func sameOutlet(gold, got string) bool {
	g, p := oneSpace(arabic.Search(gold)), oneSpace(arabic.Search(got))
	if g == "" || p == "" {
		return false
	}
	return g == p || strings.Contains(" "+p+" ", " "+g+" ") || strings.Contains(" "+g+" ", " "+p+" ")
}

// Summary is the report's first two lines: counts and overall figures.
func (r Report) Summary() string {
	o := r.Overall
	return fmt.Sprintf("plain-text cleaning: %d pages, %d gold articles, %d gold body lines\n", o.Pages, o.Articles, o.GoldLines) +
		fmt.Sprintf("body lines P=%.3f R=%.3f F1=%.3f | article count right %.1f%% | titles right %.1f%% | captions F1 %.3f | source %.1f%% (of %d) | date %.1f%% (of %d)\n",
			o.Precision(), o.Recall(), o.F1(), 100*o.CountAccuracy(), 100*o.TitleAccuracy(), o.CaptionF1(),
			100*o.SourceAccuracy(), o.SourceGold, 100*o.DateAccuracy(), o.DateGold)
}

// String prints the report as `marsad eval clean` shows it: totals, one
// row per template, then the most frequent errors.
func (r Report) String() string {
	var b strings.Builder
	b.WriteString(r.Summary())
	if r.Elapsed > 0 {
		fmt.Fprintf(&b, "speed: %.0f pages/s on one goroutine (%v in the cleaner)\n", r.PagesPerSecond(), r.Elapsed.Round(time.Millisecond))
	}
	b.WriteString("\n")
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "template\tpages\tP\tR\tF1\tcount%\ttitles%\tcaptF1\tsource%\tdate%\t")
	row := func(name string, c Counts) {
		fmt.Fprintf(tw, "%s\t%d\t%.3f\t%.3f\t%.3f\t%.0f\t%.0f\t%.2f\t%s\t%s\t\n", name, c.Pages, c.Precision(), c.Recall(), c.F1(),
			100*c.CountAccuracy(), 100*c.TitleAccuracy(), c.CaptionF1(), pct(c.SourceRight, c.SourceGold), pct(c.DateRight, c.DateGold))
	}
	for _, t := range r.Templates {
		row(t.Template, t.Counts)
	}
	row("ALL", r.Overall)
	tw.Flush()
	list := func(title string, ts []Tally) {
		if len(ts) == 0 {
			return
		}
		fmt.Fprintf(&b, "\n%s\n", title)
		for _, t := range ts {
			fmt.Fprintf(&b, "  %5d  %s\n", t.N, t.What)
		}
	}
	list("false-kept body lines, by the kind of page line:", r.FalseKept)
	list("missed body lines, by what the cleaner did with them:", r.Missed)
	list("wrong titles:", r.WrongTitles)
	return b.String()
}

// pct prints a/b as a percentage, or "-" when there is nothing to score.
func pct(a, b int) string {
	if b == 0 {
		return "-"
	}
	return fmt.Sprintf("%.0f", 100*float64(a)/float64(b))
}
