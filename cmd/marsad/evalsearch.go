package main

import (
	"context"
	"fmt"
	"io/fs"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"github.com/marsad/marsad/internal/eval/searchbench"
	"github.com/marsad/marsad/internal/search"
	"github.com/marsad/marsad/news"
)

// withEvalSearch adds `eval search`, which needs the store, to eval.
func withEvalSearch(eval *cobra.Command, o *options) *cobra.Command {
	eval.AddCommand(newEvalSearch(o))
	return eval
}

func newEvalSearch(o *options) *cobra.Command {
	var (
		queries, pgURL string
		rebuild        bool
		rounds, size   int // size: hits fetched per query, as a results page
	)
	c := &cobra.Command{
		Use:   "search --queries FILE [--pg URL] [--rebuild]",
		Short: "Search latency and hit counts over the store, beside PostgreSQL full-text search",
		Long: `Search runs a fixed set of analyst queries (names, the same names spelled
otherwise, topic words, phrases) against the store's search index and, with
--pg, against PostgreSQL full-text search in its 'arabic' configuration
loaded with the same articles (title weighted, GIN index, websearch_to_tsquery,
ranked by ts_rank). It prints p50 and p95 latency of each engine fetching the
first page of hits and the total (marsad also with the facets the UI shows),
hits summed by kind, and how many articles
each variant spelling finds against its usual spelling.

--rebuild first rebuilds marsad's index from the store and reports the
build time; the PostgreSQL table is loaded when it does not hold every
stored article. Index sizes are printed for both.`,
		Example: `  marsad --db snn.db eval search --queries testdata/queries/search-200.tsv \
      --pg 'host=/tmp/pg port=54329 user=postgres dbname=marsad' --rebuild`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			w := cmd.OutOrStdout()
			qs, err := searchbench.LoadQueries(queries)
			if err != nil {
				return &exitError{code: 2, msg: err.Error()}
			}
			st, err := o.openStore(ctx)
			if err != nil {
				return err
			}
			defer st.Close()
			n, err := st.CountArticles(ctx)
			if err != nil {
				return err
			}
			fmt.Fprintf(w, "store %s: %d articles\n", st.Path(), n)
			ix, err := openIndex(ctx, st, cmd.ErrOrStderr())
			if err != nil {
				return &exitError{code: 2, msg: err.Error()}
			}
			defer ix.Close()
			if rebuild {
				start := time.Now()
				err := ix.Rebuild(ctx, func(fn func(news.Article) error) error { return st.EachArticle(ctx, fn) })
				if err != nil {
					return fmt.Errorf("rebuild search index: %w", err)
				}
				fmt.Fprintf(w, "marsad index built in %s\n", time.Since(start).Round(100*time.Millisecond))
			}
			ixBytes, err := dirSize(ix.Path())
			if err != nil {
				return err
			}
			fmt.Fprintf(w, "marsad index: %.1f MiB\n", float64(ixBytes)/(1<<20))

			engines := []searchbench.Engine{{
				Name: "marsad (bleve)",
				Search: func(ctx context.Context, q string) (int, error) {
					res, err := ix.Search(ctx, search.Query{Text: q, Size: size, Spelling: st.EntityBySpelling})
					return res.Total, err
				},
			}, {
				// What /api/search and the UI ask: the same plus facets.
				Name: "marsad + facets",
				Search: func(ctx context.Context, q string) (int, error) {
					res, err := ix.Search(ctx, search.Query{Text: q, Size: size, Facets: true, Spelling: st.EntityBySpelling})
					return res.Total, err
				},
			}}
			if pgURL != "" {
				pg, err := searchbench.OpenPG(ctx, pgURL)
				if err != nil {
					return &exitError{code: 2, msg: err.Error()}
				}
				defer pg.Close(context.Background())
				if have, err := pg.Loaded(ctx); err != nil {
					return err
				} else if have != int64(n) {
					fmt.Fprintf(cmd.ErrOrStderr(), "loading %d articles into PostgreSQL...\n", n)
					ls, err := pg.Load(ctx, func(yield func(searchbench.Doc) error) error {
						return st.EachArticle(ctx, func(a news.Article) error {
							return yield(searchbench.Doc{ID: a.ID, Title: a.Title, Text: a.Text})
						})
					})
					if err != nil {
						return err
					}
					fmt.Fprintf(w, "PostgreSQL loaded %d rows in %s (tsvector computed), GIN index built in %s\n",
						ls.Rows, ls.Load.Round(100*time.Millisecond), ls.Index.Round(100*time.Millisecond))
					fmt.Fprintf(w, "PostgreSQL table %.1f MiB, GIN index %.1f MiB\n", float64(ls.TableBytes)/(1<<20), float64(ls.IndexBytes)/(1<<20))
				}
				engines = append(engines, searchbench.Engine{
					Name:   "PostgreSQL FTS arabic",
					Search: func(ctx context.Context, q string) (int, error) { return pg.Search(ctx, q, size) },
				})
			}
			fmt.Fprintln(w)
			rs := searchbench.Run(ctx, engines, qs, rounds)
			searchbench.Report(w, ctx, engines, rs, qs)
			return nil
		},
	}
	c.Flags().StringVar(&queries, "queries", "testdata/queries/search-200.tsv", "query file: kind<TAB>query[<TAB>usual spelling]")
	c.Flags().StringVar(&pgURL, "pg", "", "PostgreSQL connection string; empty: marsad only")
	c.Flags().BoolVar(&rebuild, "rebuild", false, "rebuild marsad's index first and time it")
	c.Flags().IntVar(&rounds, "rounds", 3, "timed runs of each query (the fastest is kept)")
	c.Flags().IntVar(&size, "size", 20, "hits fetched per query")
	return c
}

// dirSize is the bytes of the files under dir.
func dirSize(dir string) (int64, error) {
	var n int64
	err := filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			info, err := d.Info()
			if err != nil {
				return err
			}
			n += info.Size()
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("size of %s: %w", dir, err)
	}
	return n, nil
}
