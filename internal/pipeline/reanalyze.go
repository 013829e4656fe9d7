package pipeline

import (
	"context"
	"fmt"
	"reflect"

	"golang.org/x/sync/errgroup"

	"github.com/marsad/marsad/news"
)

// Annotations is the part of a store re-analysis reads and rewrites.
type Annotations interface {
	EachArticle(ctx context.Context, fn func(news.Article) error) error
	Reannotate(ctx context.Context, arts []news.Article) (int, error)
}

// ReanalyzeStats counts what a re-analysis did.
type ReanalyzeStats struct {
	Articles int // stored articles analyzed again
	Changed  int // whose annotations changed, and were rewritten
}

// Reanalyze runs the analysis stage again over every stored article and
// rewrites the annotations that changed (entities, quotes, quantities,
// dates, when it happened), so that a better recogniser or resolver reaches
// what is already stored: ingesting the same pages again would find them
// stored and skip them. Events, stories and copies are kept as they are.
// p's Analyzer, Workers, BatchSize, Index and Log are used; onProgress, when
// not nil, is called after each batch with the running totals.
func (p *Pipeline) Reanalyze(ctx context.Context, st Annotations, onProgress func(ReanalyzeStats)) (ReanalyzeStats, error) {
	p.defaults()
	var stats ReanalyzeStats
	g, gctx := errgroup.WithContext(ctx)
	batches := readBatches(gctx, g, st.EachArticle, p.BatchSize)
	g.Go(func() error {
		for b := range batches {
			again := make([]news.Article, len(b))
			if err := p.parallel(gctx, len(b), func(i int) {
				again[i] = p.Analyzer.Analyze(b[i])
			}); err != nil {
				return err
			}
			var changed []news.Article
			for i, a := range again {
				if !sameAnnotations(b[i], a) {
					changed = append(changed, a)
				}
			}
			if len(changed) > 0 {
				if _, err := st.Reannotate(gctx, changed); err != nil {
					return fmt.Errorf("reanalyze: %w", err)
				}
				if p.Index != nil {
					if err := p.Index(gctx, changed); err != nil {
						p.Log.Warn("search index not updated; `marsad search` rebuilds it", "err", err)
					}
				}
			}
			stats.Articles += len(b)
			stats.Changed += len(changed)
			if onProgress != nil {
				onProgress(stats)
			}
		}
		return nil
	})
	return stats, g.Wait()
}

// sameAnnotations reports whether a and b carry the same annotations.
// Empty and nil lists are the same: the store reads an empty list as nil.
func sameAnnotations(a, b news.Article) bool {
	return a.Happened == b.Happened &&
		(len(a.Entities) == 0 && len(b.Entities) == 0 || reflect.DeepEqual(a.Entities, b.Entities)) &&
		(len(a.Quotes) == 0 && len(b.Quotes) == 0 || reflect.DeepEqual(a.Quotes, b.Quotes)) &&
		(len(a.Quantities) == 0 && len(b.Quantities) == 0 || reflect.DeepEqual(a.Quantities, b.Quantities)) &&
		(len(a.Dates) == 0 && len(b.Dates) == 0 || reflect.DeepEqual(a.Dates, b.Dates))
}
