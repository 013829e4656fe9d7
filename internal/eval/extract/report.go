package extract

import (
	"fmt"
	"strconv"
	"strings"
)

// String prints the report as `marsad eval extract` shows it by default:
// Format with DefaultExamples.
func (r Report) String() string { return r.Format(DefaultExamples) }

// Format prints the report: one table row per measure, then the error
// kinds with at most examples examples each (all of them when examples is
// negative).
func (r Report) Format(examples int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "extraction on %d annotated SaudiNewsNet articles\n", r.Articles)
	fmt.Fprintf(&b, "%-34s %5s %5s %5s  %6s %6s %6s\n", "measure", "gold", "pred", "match", "P", "R", "F1")
	row := func(name string, c Counts) {
		fmt.Fprintf(&b, "%-34s %5d %5d %5d  %6.3f %6.3f %6.3f\n", name, c.Gold, c.Predicted, c.Matched, c.Precision(), c.Recall(), c.F1())
	}
	row("quotes (speaker + text >= 0.8)", r.Quotes)
	row("quotes, text only", r.QuoteText)
	row("quantities (value + unit)", r.Quantities)
	row("quantities, span only", r.QuantitySpans)
	row("dates (resolved value)", r.Dates)
	row("dates, span only", r.DateSpans)
	fmt.Fprintf(&b, "direct flag right on matched quotes: %d/%d (%.3f)\n", r.Direct.Right, r.Direct.Of, r.Direct.Rate())
	fmt.Fprintf(&b, "qualifier right on matched quantities: %d/%d (%.3f)\n", r.Qualifier.Right, r.Qualifier.Of, r.Qualifier.Rate())
	if len(r.Errors) > 0 {
		b.WriteString("errors by field and kind:\n")
	}
	for _, e := range r.Errors {
		fmt.Fprintf(&b, "  %-8s %-34s %4d\n", e.Field, e.Kind, e.Count)
		shown := e.Examples
		if examples >= 0 && len(shown) > examples {
			shown = shown[:examples]
		}
		for _, x := range shown {
			fmt.Fprintf(&b, "           %s", x.Article)
			if x.Gold != "" {
				fmt.Fprintf(&b, "  gold: %s", x.Gold)
			}
			if x.Got != "" {
				fmt.Fprintf(&b, "  got: %s", x.Got)
			}
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// clip shortens long quote texts in examples: the start and the end are
// what show a boundary error.
func clip(s string) string {
	rs := []rune(strings.Join(strings.Fields(s), " "))
	if len(rs) <= 70 {
		return string(rs)
	}
	return string(rs[:40]) + " … " + string(rs[len(rs)-25:])
}

func quoteDesc(speaker, text string, direct bool) string {
	kind := "indirect"
	if direct {
		kind = "direct"
	}
	if speaker == "" {
		speaker = "—"
	}
	return fmt.Sprintf("[%s, %s] %q", speaker, kind, clip(text))
}

func quantityDesc(text string, lo, hi float64, unit, qualifier string) string {
	v := num(lo)
	if hi != lo {
		v += ".." + num(hi)
	}
	if unit == "" {
		unit = "—"
	}
	return fmt.Sprintf("%q = %s %s (%s)", clip(text), v, unit, qualifier)
}

func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

func dateDesc(text, value string) string {
	if value == "" {
		value = "unresolved"
	}
	return fmt.Sprintf("%q = %s", clip(text), value)
}
