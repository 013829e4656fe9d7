// Package searchbench measures search over a real corpus: latency
// percentiles of a fixed set of analyst queries run against marsad's index
// and against PostgreSQL full-text search (the `arabic` configuration) in
// the same run, with each engine's hit counts side by side, so recall on
// variant spellings shows as well as speed.
//
// The engines are given as functions; this package owns the query file, the
// PostgreSQL side (load, index, query) and the report.
package searchbench

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"
)

// Query kinds in the query file.
const (
	KindName    = "name"    // an entity name as usually written
	KindVariant = "variant" // the same name as typed otherwise
	KindTopic   = "topic"   // one topic word
	KindPhrase  = "phrase"  // a quoted phrase
)

// Query is one line of the query file.
type Query struct {
	Kind  string
	Text  string
	Usual string // for a variant: the usual spelling it stands for
	Line  int
}

// LoadQueries reads a query file: kind<TAB>query[<TAB>usual spelling],
// '#' comments and blank lines skipped. A variant must name its usual
// spelling; an unknown kind is an error naming the line.
func LoadQueries(path string) ([]Query, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("load queries: %w", err)
	}
	defer f.Close()
	qs, err := ReadQueries(f)
	if err != nil {
		return nil, fmt.Errorf("load queries %s: %w", path, err)
	}
	return qs, nil
}

// ReadQueries reads the query file format from r.
func ReadQueries(r io.Reader) ([]Query, error) {
	var out []Query
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		q := Query{Kind: f[0], Line: n}
		if len(f) > 1 {
			q.Text = strings.TrimSpace(f[1])
		}
		if len(f) > 2 {
			q.Usual = strings.TrimSpace(f[2])
		}
		switch {
		case !slices.Contains([]string{KindName, KindVariant, KindTopic, KindPhrase}, q.Kind):
			return nil, fmt.Errorf("line %d: unknown kind %q", n, q.Kind)
		case q.Text == "":
			return nil, fmt.Errorf("line %d: no query", n)
		case q.Kind == KindVariant && q.Usual == "":
			return nil, fmt.Errorf("line %d: variant %q names no usual spelling", n, q.Text)
		}
		out = append(out, q)
	}
	return out, sc.Err()
}

// Engine runs one query and returns the total number of matching articles
// (it may also fetch a page of hits, as a user's search would).
type Engine struct {
	Name   string
	Search func(ctx context.Context, q string) (total int, err error)
}

// Result is one engine's run over the queries.
type Result struct {
	Engine string
	Hits   []int // per query, in query order
	Times  []time.Duration
	Errors int
}

// Percentile is the p-th percentile (0..100) of the times, nearest rank.
func (r Result) Percentile(p float64) time.Duration {
	if len(r.Times) == 0 {
		return 0
	}
	ts := slices.Clone(r.Times)
	slices.Sort(ts)
	i := int(p/100*float64(len(ts))+0.5) - 1
	return ts[min(max(i, 0), len(ts)-1)]
}

// Run runs every query on every engine: one untimed pass to warm caches,
// then rounds timed passes, keeping each query's fastest time (the least
// disturbed by other work on the machine). A query that fails counts as an
// error with no hits; the run goes on.
func Run(ctx context.Context, engines []Engine, qs []Query, rounds int) []Result {
	out := make([]Result, len(engines))
	for ei, e := range engines {
		r := Result{Engine: e.Name, Hits: make([]int, len(qs)), Times: make([]time.Duration, len(qs))}
		for _, q := range qs { // warm-up
			e.Search(ctx, q.Text)
		}
		for qi, q := range qs {
			best := time.Duration(-1)
			for range max(rounds, 1) {
				start := time.Now()
				n, err := e.Search(ctx, q.Text)
				d := time.Since(start)
				if err != nil {
					r.Errors++
					n = 0
				}
				r.Hits[qi] = n
				if best < 0 || d < best {
					best = d
				}
			}
			r.Times[qi] = best
		}
		out[ei] = r
	}
	return out
}

// VariantRecall is, for one engine, the hits of the variant spellings
// summed over the hits of their usual spellings, and how many variants
// found fewer than half as many articles as their usual spelling. It
// needs both spellings among the queries (a variant whose usual spelling
// is not a query of its own is looked up by running it).
type VariantRecall struct {
	Variants, Usual int // summed hits
	Poor            int // variants finding < half their usual spelling's hits
	Count           int // variants compared
}

// Ratio is Variants/Usual.
func (v VariantRecall) Ratio() float64 {
	if v.Usual == 0 {
		return 0
	}
	return float64(v.Variants) / float64(v.Usual)
}

// Variants compares each variant's hits with its usual spelling's, running
// the usual spelling on e when it is not among qs.
func Variants(ctx context.Context, e Engine, r Result, qs []Query) VariantRecall {
	hits := map[string]int{}
	for i, q := range qs {
		hits[q.Text] = r.Hits[i]
	}
	var v VariantRecall
	for i, q := range qs {
		if q.Kind != KindVariant {
			continue
		}
		usual, ok := hits[q.Usual]
		if !ok {
			usual, _ = e.Search(ctx, q.Usual)
			hits[q.Usual] = usual
		}
		v.Count++
		v.Variants += min(r.Hits[i], usual) // finding more than the usual spelling is not more recall
		v.Usual += usual
		if 2*r.Hits[i] < usual {
			v.Poor++
		}
	}
	return v
}

// Report writes the latency table, hit counts by kind and the variant
// recall of every engine, then the queries where the engines disagree
// most.
func Report(w io.Writer, ctx context.Context, engines []Engine, rs []Result, qs []Query) {
	fmt.Fprintf(w, "%d queries\n\n", len(qs))
	fmt.Fprintf(w, "%-22s %9s %9s %9s %8s\n", "engine", "p50", "p95", "max", "errors")
	for _, r := range rs {
		fmt.Fprintf(w, "%-22s %9s %9s %9s %8d\n", r.Engine, ms(r.Percentile(50)), ms(r.Percentile(95)), ms(r.Percentile(100)), r.Errors)
	}
	fmt.Fprintf(w, "\nhits summed by kind\n%-10s", "kind")
	for _, r := range rs {
		fmt.Fprintf(w, " %22s", r.Engine)
	}
	fmt.Fprintln(w)
	for _, kind := range []string{KindName, KindVariant, KindTopic, KindPhrase} {
		fmt.Fprintf(w, "%-10s", kind)
		for _, r := range rs {
			n := 0
			for i, q := range qs {
				if q.Kind == kind {
					n += r.Hits[i]
				}
			}
			fmt.Fprintf(w, " %22d", n)
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintln(w, "\nvariant spellings: hits as a share of the usual spelling's (capped at 1 per query)")
	for i, r := range rs {
		v := Variants(ctx, engines[i], r, qs)
		fmt.Fprintf(w, "%-22s %.3f  (%d of %d variants find under half)\n", r.Engine, v.Ratio(), v.Poor, v.Count)
	}
	if len(rs) < 2 {
		return
	}
	last := rs[len(rs)-1]
	fmt.Fprintf(w, "\nvariants side by side (%s / %s hits; usual spelling in brackets)\n", rs[0].Engine, last.Engine)
	for i, q := range qs {
		if q.Kind == KindVariant {
			fmt.Fprintf(w, "  %-24s %6d / %-6d  [%s]\n", q.Text, rs[0].Hits[i], last.Hits[i], q.Usual)
		}
	}
}

func ms(d time.Duration) string { return fmt.Sprintf("%.2f ms", float64(d.Microseconds())/1000) }
