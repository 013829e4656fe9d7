package main

import (
	"fmt"
	"runtime"
	"time"

	"github.com/spf13/cobra"

	clustereval "github.com/marsad/marsad/internal/eval/cluster"
	"github.com/marsad/marsad/internal/eval/copies"
	"github.com/marsad/marsad/internal/stories"
)

func newEvalCopies() *cobra.Command {
	var (
		snn, write   string
		sample, miss int
		seed         uint64
	)
	c := &cobra.Command{
		Use:   "copies [--data SNN_DIR] [--missed N] [--sample N --seed N --write FILE]",
		Short: "Exact and near-copy detection on all of SaudiNewsNet against an exact gold",
		Long: `Copies runs marsad's online clusterer (default configuration) over every
SaudiNewsNet article in publication order and scores its copy groups against
a gold computed exactly from the text, independently of marsad's sketches:

  exact duplicates: articles with the same search-layer body (arabic.Search);
  near copies: every pair from different outlets whose word 5-shingle sets
  have Jaccard ≥ 0.8, found with a prefix filter and checked exactly.

It prints how many exact duplicates land in their group's copy group, the
recall of the near-copy pairs (two articles are together when they share a
copy root: duplicate_of, or the article itself), marsad's merges by the exact
Jaccard with their root, the missed pairs, and the time and heap of the run.
--write writes --sample merges drawn with --seed, both titles and the start
of both texts, for reading; that file holds article text and stays out of
the project.`,
		Example: `  marsad eval copies --data ../shared/data/saudinewsnet
  marsad eval copies --sample 200 --seed 1 --write /tmp/copies-sample.txt`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			fail := func(err error) error { return &exitError{code: 2, msg: fmt.Sprintf("eval copies: %v", err)} }
			arts, err := clustereval.AllArticles(snn)
			if err != nil {
				return fail(err)
			}
			start := time.Now()
			corpus := copies.NewCorpus(arts)
			gold := corpus.Gold()
			goldTime := time.Since(start)

			var before runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			start = time.Now()
			cl := stories.New(stories.DefaultConfig())
			placed := clustereval.Online(cl)(arts) // revisions applied: the groups as stored
			roots := make([]string, len(arts))
			for i, as := range placed {
				roots[i] = as.DuplicateOf
				if roots[i] == "" {
					roots[i] = as.ID
				}
			}
			run := time.Since(start)
			var after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&after)
			runtime.KeepAlive(cl)

			r, err := corpus.Score(gold, roots)
			if err != nil {
				return fail(err)
			}
			r.Gold, r.Run = goldTime, run
			w := cmd.OutOrStdout()
			fmt.Fprintf(w, "%s (%.0f articles/s, one goroutine; the clusterer's live heap %.0f MiB)\n",
				r, float64(len(arts))/run.Seconds(), float64(int64(after.HeapAlloc)-int64(before.HeapAlloc))/(1<<20))
			groups, earliest, named := corpus.Provenance(roots, stories.Wire)
			fmt.Fprintf(w, "copy groups: %d; duplicate_of is the earliest published in %d; %d name a wire (stories.Wire on any member)\n", groups, earliest, named)
			corpus.WriteMissed(w, r, roots, miss)
			if write != "" {
				if err := corpus.WriteSample(write, roots, sample, seed); err != nil {
					return fail(err)
				}
				fmt.Fprintf(cmd.ErrOrStderr(), "wrote %d sampled merges to %s\n", min(sample, r.Merges), write)
			}
			return nil
		},
	}
	f := c.Flags()
	f.StringVar(&snn, "data", "../shared/data/saudinewsnet", "SaudiNewsNet day archives")
	f.IntVar(&miss, "missed", 20, "how many missed near-copy pairs to print")
	f.IntVar(&sample, "sample", 200, "how many merges --write samples")
	f.Uint64Var(&seed, "seed", 1, "seed of the sample")
	f.StringVar(&write, "write", "", "write sampled merges, with their text, to this file")
	return c
}
