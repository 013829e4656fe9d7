package main

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/spf13/cobra"

	"github.com/marsad/marsad/internal/pipeline"
)

func newReanalyze(o *options) *cobra.Command {
	return &cobra.Command{
		Use:   "reanalyze",
		Short: "Analyze the stored articles again with this marsad: entities, quotes, numbers, dates",
		Long: `Reanalyze runs this marsad's analysis stage again over every stored article and
rewrites the annotations that changed: entities and the identities their
spellings resolve to, quotes and their speakers, quantities, dates, and when
the happening took place. Run it after upgrading marsad: ingesting the same
pages again would find them stored and skip them. The search index follows.

Events, stories and copy groups are kept as they are; to cluster the articles
again, ingest the pages into a new store.

Each batch is committed as it is done, so an interrupted run keeps what it
did, and running it again finishes the rest.

Exit status: 0 done, 1 interrupted, 2 nothing could be done.`,
		Example: `  marsad --db news.db reanalyze`,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			log, err := o.logger(cmd.ErrOrStderr())
			if err != nil {
				return &exitError{code: 2, msg: err.Error()}
			}
			ctx := cmd.Context()
			st, ix, err := o.openStoreAndIndex(ctx)
			if err != nil {
				return err
			}
			defer st.Close()
			defer ix.Close()
			an, err := pipeline.DefaultAnalyzer()
			if err != nil {
				return &exitError{code: 2, msg: err.Error()}
			}
			total, err := st.CountArticles(ctx)
			if err != nil {
				return &exitError{code: 2, msg: err.Error()}
			}
			start := time.Now()
			p := &pipeline.Pipeline{Analyzer: an, Log: log, Index: ix.Put}
			bar := newBar(cmd.ErrOrStderr(), total, "articles")
			stats, err := p.Reanalyze(ctx, st, func(s pipeline.ReanalyzeStats) {
				if bar != nil {
					_ = bar.Set(s.Articles)
				}
			})
			if bar != nil {
				_ = bar.Finish()
				fmt.Fprintln(cmd.ErrOrStderr())
			}
			fmt.Fprintf(cmd.OutOrStdout(), "re-analyzed %d of %d stored articles in %s: %d changed, their annotations and search entries rewritten (%s)\n",
				stats.Articles, total, time.Since(start).Round(time.Millisecond), stats.Changed, st.Path())
			switch {
			case err != nil && errors.Is(err, context.Canceled):
				return &exitError{code: 1, msg: "interrupted (the batches done are kept)"}
			case err != nil:
				return &exitError{code: 2, msg: err.Error()}
			}
			return nil
		},
	}
}
