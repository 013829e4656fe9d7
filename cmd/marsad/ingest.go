package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/marsad/marsad/internal/clean"
	"github.com/marsad/marsad/internal/pipeline"
	"github.com/marsad/marsad/internal/search"
	"github.com/marsad/marsad/internal/source"
	"github.com/marsad/marsad/internal/store"
	"github.com/marsad/marsad/internal/stories"
	"github.com/marsad/marsad/news"
)

func newIngest(o *options) *cobra.Command {
	var batch int
	c := &cobra.Command{
		Use:   "ingest PATH...",
		Short: "Read pages into the store: clean, analyze, cluster, store",
		Long: `Ingest reads files and directories (recursively): .txt and .html pages, .json
(an array of article objects) and .jsonl (one object a line, fields title,
text or content, url, source, published or date), and .zip / .tar.gz archives
of those. "-" reads one page from standard input.

Each article is cleaned, analyzed and placed into an event and a story, then
stored. Ingest is idempotent: the same content is stored once, however often
it is read (each place it was seen is kept). A bad input is reported with its
file and line and skipped; the rest goes on.

Exit status: 0 all inputs used, 1 some inputs failed, 2 nothing could be done.`,
		Example: `  marsad ingest ../shared/seeds
  marsad --db news.db ingest ../shared/data/saudinewsnet
  cat page.txt | marsad ingest -`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			log, err := o.logger(cmd.ErrOrStderr())
			if err != nil {
				return &exitError{code: 2, msg: err.Error()}
			}
			st, ix, err := o.openStoreAndIndex(cmd.Context())
			if err != nil {
				return err
			}
			defer st.Close()
			defer ix.Close()
			sum, err := ingest(cmd.Context(), st, log, ingestInput{paths: args, limits: o.limits, stdin: cmd.InOrStdin(), batch: batch, progress: cmd.ErrOrStderr(), index: ix})
			fmt.Fprint(cmd.OutOrStdout(), sum.String(st.Path()))
			return ingestStatus(sum, err)
		},
	}
	addLimitFlags(c, o)
	c.Flags().IntVar(&batch, "batch", 200, "pages per transaction")
	return c
}

// ingestInput is what one ingest reads and how.
type ingestInput struct {
	paths    []string
	pages    []news.Page // given directly (the demo's embedded seeds)
	limits   source.Limits
	stdin    io.Reader
	batch    int
	progress io.Writer     // a progress bar is drawn here when it is a terminal
	index    *search.Index // kept in step with what is stored, when set
}

// summary is what an ingest reports at the end.
type summary struct {
	pipeline.Stats
	warm    int
	elapsed time.Duration
}

func (s summary) String(db string) string {
	return fmt.Sprintf("pages read: %d\narticles found: %d\narticles stored: %d\nexact duplicates: %d\nnear-copies folded: %d\nevents merged: %d\ncopy groups re-rooted: %d\nerrors: %d\nstore: %s (%d articles before this run)\ntime: %s\n",
		s.Pages, s.Articles, s.Stored, s.Duplicates, s.Copies, s.Merged, s.Rerooted, s.Errors, db, s.warm, s.elapsed.Round(time.Millisecond))
}

// ingestStatus maps a run to the exit status the contract promises.
func ingestStatus(s summary, err error) error {
	switch {
	case err != nil && errors.Is(err, context.Canceled):
		return &exitError{code: 1, msg: "interrupted: everything reported stored above is stored"}
	case err != nil:
		return &exitError{code: 2, msg: err.Error()}
	case s.Errors > 0 && s.Stored+s.Duplicates == 0:
		return &exitError{code: 2, msg: fmt.Sprintf("nothing ingested: %d inputs failed", s.Errors)}
	case s.Errors > 0:
		return &exitError{code: 1, msg: fmt.Sprintf("%d inputs failed (see the errors above)", s.Errors)}
	}
	return nil
}

// newPipeline wires the stages over a store.
func newPipeline(st *store.Store, log *slog.Logger) (*pipeline.Pipeline, error) {
	an, err := pipeline.DefaultAnalyzer()
	if err != nil {
		return nil, err
	}
	mem := clean.NewMemory()
	return &pipeline.Pipeline{
		Cleaner:   clean.Cleaner{Memory: mem},
		Learn:     mem.Learn,
		Analyzer:  an,
		Clusterer: stories.New(stories.DefaultConfig()),
		Sink:      st,
		Log:       log,
	}, nil
}

// ingest runs pages through the pipeline into st. On cancellation it
// commits what was already read before returning.
func ingest(ctx context.Context, st *store.Store, log *slog.Logger, in ingestInput) (summary, error) {
	start := time.Now()
	p, err := newPipeline(st, log)
	if err != nil {
		return summary{}, err
	}
	p.BatchSize = in.batch
	bar := newBar(in.progress, -1, "pages")
	p.OnError = func(origin string, err error) {
		if bar != nil {
			_ = bar.Clear() // the error gets a line of its own, not half the bar's
		}
		log.Error(err.Error())
	}
	p.OnBatch = func(s pipeline.Stats) {
		log.Debug("committed", "stored", s.Stored, "duplicates", s.Duplicates, "pages", s.Pages)
		if bar != nil {
			bar.Describe(fmt.Sprintf("%d stored, %d duplicates, %d errors", s.Stored, s.Duplicates, s.Errors))
		}
	}
	if in.index != nil {
		p.Index = in.index.Put
	}
	warm, err := p.Warm(ctx)
	if err != nil {
		return summary{}, err
	}
	run := p.Start()
	add := func(pg news.Page) error {
		if bar != nil {
			_ = bar.Add(1)
		}
		return run.Add(ctx, pg)
	}
	for _, pg := range in.pages {
		if err = add(pg); err != nil {
			break
		}
	}
	if err == nil && len(in.paths) > 0 {
		r := source.Reader{Limits: in.limits, Stdin: in.stdin}
		err = r.Walk(ctx, in.paths, add, func(e *source.InputError) { run.Error(e.Path, e) })
	}
	if err == nil || errors.Is(err, context.Canceled) {
		// Commit what was read, even when interrupted: a stop is clean.
		ferr := run.Flush(context.WithoutCancel(ctx))
		err = errors.Join(err, ferr)
	}
	if bar != nil {
		_ = bar.Finish()
		fmt.Fprintln(in.progress)
	}
	return summary{Stats: run.Stats, warm: warm, elapsed: time.Since(start)}, err
}

// newBar draws progress on w only when it is a terminal, so logs and pipes
// stay clean (nil otherwise): toward total things of kind what, or counting
// them when total is -1.
func newBar(w io.Writer, total int, what string) *progressbar.ProgressBar {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return nil
	}
	return progressbar.NewOptions(total,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetItsString(what),
		progressbar.OptionShowIts(),
		progressbar.OptionShowCount(),
		progressbar.OptionThrottle(200*time.Millisecond),
	)
}
