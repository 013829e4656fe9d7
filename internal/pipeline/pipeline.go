// Package pipeline carries pages through marsad's stages in order:
// clean → analyze → cluster → store. It owns batching, parallelism and the
// bookkeeping a run reports; the stages themselves stay pure and know
// nothing of each other or of storage.
package pipeline

import (
	"context"
	"fmt"
	"log/slog"
	"runtime"

	"golang.org/x/sync/errgroup"

	"github.com/marsad/marsad/news"
)

// Sink is the part of a store the pipeline writes to.
type Sink interface {
	Known(ctx context.Context, ids []string) (map[string]bool, error)
	PutArticles(ctx context.Context, arts []news.Article) (news.PutResult, error)
	EachArticle(ctx context.Context, fn func(news.Article) error) error
	// Revise applies the clusterer's revisions to the stored articles and
	// returns the ids of those it moved to another event.
	Revise(ctx context.Context, r news.Revisions) ([]string, error)
	// Article reads one stored article back (to re-index it once revised).
	Article(ctx context.Context, id string) (news.Article, error)
}

// Stats counts what a run did.
type Stats struct {
	Pages      int // pages read
	Articles   int // articles found in them
	Stored     int // articles new to the store
	Duplicates int // exact copies of stored articles (their sighting is kept)
	Copies     int // near-copies the clusterer folded into a group
	Merged     int // events found to be part of an earlier one and merged into it
	Rerooted   int // copy groups given an earlier-published first member
	Errors     int // pages or records that could not be used
}

// Pipeline is the stage list plus where its output goes.
type Pipeline struct {
	Cleaner   news.Cleaner
	Analyzer  news.Analyzer
	Clusterer news.Clusterer
	Sink      Sink
	Log       *slog.Logger
	// BatchSize is how many pages are cleaned and stored together; one
	// batch is one transaction, so it bounds what a crash can undo.
	BatchSize int
	// Workers bounds parallel cleaning and analysis (default GOMAXPROCS).
	Workers int
	// OnBatch is called after each batch is committed with the run's
	// running totals, for progress reporting.
	OnBatch func(Stats)
	// OnError is called for each page that fails a stage.
	OnError func(origin string, err error)
	// Learn, when set, is shown every page of a batch, in input order,
	// before the batch is cleaned: the cleaner's site memory learns from
	// it. Doing it before cleaning lets a batch's pages teach each other
	// and keeps results independent of the parallel cleaning order.
	Learn func(news.Page)
	// Index, when set, is given the articles of each batch once they are
	// committed (the search index). Its failure is logged, not fatal: the
	// index can be rebuilt from the store.
	Index func(ctx context.Context, arts []news.Article) error
}

// Warm feeds the clusterer every stored article, so new articles join the
// events and stories already in the store. The store is read while the
// clusterer learns: batches of warmBatch articles pass between the two.
func (p *Pipeline) Warm(ctx context.Context) (int, error) {
	g, gctx := errgroup.WithContext(ctx)
	batches := readBatches(gctx, g, p.Sink.EachArticle, warmBatch)
	n := 0
	for b := range batches {
		p.Clusterer.Add(b...)
		n += len(b)
	}
	if err := g.Wait(); err != nil {
		return n, fmt.Errorf("warm clusterer: %w", err)
	}
	return n, nil
}

// readBatches walks the stored articles with each, on a goroutine of g, and
// sends them in batches of size over the channel it returns, which it closes
// at the end. It stops when ctx (g's) is cancelled.
func readBatches(ctx context.Context, g *errgroup.Group, each func(context.Context, func(news.Article) error) error, size int) <-chan []news.Article {
	batches := make(chan []news.Article, 2)
	g.Go(func() error {
		defer close(batches)
		var b []news.Article
		send := func() error {
			select {
			case batches <- b:
				b = nil
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		err := each(ctx, func(a news.Article) error {
			if b = append(b, a); len(b) == size {
				return send()
			}
			return nil
		})
		if err == nil && len(b) > 0 {
			err = send()
		}
		return err
	})
	return batches
}

// warmBatch is how many stored articles the clusterer is given at once
// while warming: enough for every core to have work.
const warmBatch = 512

// Run is one ingest run: feed pages with Add, then call Flush.
type Run struct {
	p     *Pipeline
	batch []news.Page
	Stats Stats
}

// Start begins a run.
func (p *Pipeline) Start() *Run {
	p.defaults()
	return &Run{p: p}
}

// defaults fills in the settings left unset.
func (p *Pipeline) defaults() {
	if p.BatchSize <= 0 {
		p.BatchSize = 200
	}
	if p.Workers <= 0 {
		p.Workers = runtime.GOMAXPROCS(0)
	}
	if p.Log == nil {
		p.Log = slog.New(slog.DiscardHandler)
	}
}

// Add queues a page, processing the batch when it is full.
func (r *Run) Add(ctx context.Context, pg news.Page) error {
	r.batch = append(r.batch, pg)
	r.Stats.Pages++
	if len(r.batch) >= r.p.BatchSize {
		return r.Flush(ctx)
	}
	return nil
}

// Error counts an input that failed before reaching the pipeline.
func (r *Run) Error(origin string, err error) {
	r.Stats.Errors++
	if r.p.OnError != nil {
		r.p.OnError(origin, err)
	}
}

// Flush processes and commits the queued pages.
func (r *Run) Flush(ctx context.Context) error {
	if len(r.batch) == 0 {
		return nil
	}
	pages := r.batch
	r.batch = nil
	p := r.p
	if p.Learn != nil {
		for _, pg := range pages {
			p.Learn(pg)
		}
	}

	cleaned := make([][]news.Article, len(pages))
	errs := make([]error, len(pages))
	if err := p.parallel(ctx, len(pages), func(i int) {
		arts, err := p.Cleaner.Clean(pages[i])
		for j := range arts {
			arts[j].ID = news.ContentID(arts[j].Title, arts[j].Text)
		}
		cleaned[i], errs[i] = arts, err
	}); err != nil {
		return err
	}
	var arts []news.Article
	for i := range pages {
		if errs[i] != nil {
			r.Error(pages[i].Origin, errs[i])
			continue
		}
		arts = append(arts, cleaned[i]...)
	}
	r.Stats.Articles += len(arts)

	ids := make([]string, len(arts))
	for i, a := range arts {
		ids[i] = a.ID
	}
	known, err := p.Sink.Known(ctx, ids)
	if err != nil {
		return fmt.Errorf("ingest: %w", err)
	}
	// Exact copies (already stored, or earlier in this batch) skip analysis
	// and clustering; they still go to the store, in the same transaction,
	// which records where they were seen and counts them as duplicates.
	var fresh, copies []news.Article
	inBatch := make(map[string]bool, len(arts))
	for _, a := range arts {
		if known[a.ID] || inBatch[a.ID] {
			copies = append(copies, a)
			continue
		}
		inBatch[a.ID] = true
		fresh = append(fresh, a)
	}
	if err := p.parallel(ctx, len(fresh), func(i int) {
		fresh[i] = p.Analyzer.Analyze(fresh[i])
	}); err != nil {
		return err
	}
	for i := range fresh {
		as := p.Clusterer.Assign(fresh[i])
		fresh[i].DuplicateOf, fresh[i].Event, fresh[i].Story = as.DuplicateOf, as.Event, as.Story
		if as.DuplicateOf != "" {
			r.Stats.Copies++
		}
	}
	// Events merged while this batch was placed take their stored
	// articles, and this batch's, with them; a copy group given an
	// earlier first member points its copies at it. The stored articles
	// change first: if storing the batch then fails, the store still holds
	// a clustering the clusterer agrees with, and the batch is placed
	// again next run.
	rev := p.Clusterer.Revisions()
	remap := news.NewRemap(rev)
	for i, a := range fresh {
		as := remap.Place(news.Assignment{ID: a.ID, DuplicateOf: a.DuplicateOf, Event: a.Event, Story: a.Story})
		fresh[i].DuplicateOf, fresh[i].Event, fresh[i].Story = as.DuplicateOf, as.Event, as.Story
	}
	moved, err := p.Sink.Revise(ctx, rev)
	if err != nil {
		return fmt.Errorf("ingest: %w", err)
	}
	r.Stats.Merged += len(rev.Merges)
	r.Stats.Rerooted += len(rev.Reroots)
	res, err := p.Sink.PutArticles(ctx, append(fresh, copies...))
	if err != nil {
		return fmt.Errorf("ingest: %w", err)
	}
	r.Stats.Stored += res.Stored
	r.Stats.Duplicates += res.Duplicates
	if p.Index != nil && (res.Stored > 0 || len(moved) > 0) {
		p.reindex(ctx, fresh, res.New, moved)
	}
	p.Log.Debug("batch committed", "pages", len(pages), "stored", res.Stored, "total_stored", r.Stats.Stored)
	if p.OnBatch != nil {
		p.OnBatch(r.Stats)
	}
	return nil
}

// reindex gives the search index the batch's newly stored articles and
// the stored articles merges moved to another event (merges are few, so
// each is read back on its own). A failure is logged: the index can be
// rebuilt from the store.
func (p *Pipeline) reindex(ctx context.Context, fresh []news.Article, stored, moved []string) {
	isNew := make(map[string]bool, len(stored))
	for _, id := range stored {
		isNew[id] = true
	}
	var arts []news.Article
	for _, a := range fresh {
		if isNew[a.ID] {
			arts = append(arts, a)
		}
	}
	for _, id := range moved {
		a, err := p.Sink.Article(ctx, id)
		if err != nil {
			p.Log.Warn("search index not updated; `marsad search` rebuilds it", "err", err)
			return
		}
		arts = append(arts, a)
	}
	if err := p.Index(ctx, arts); err != nil {
		p.Log.Warn("search index not updated; `marsad search` rebuilds it", "err", err)
	}
}

// parallel runs fn(0..n-1) on at most Workers goroutines; it stops
// starting new work when ctx is cancelled and then returns ctx's error.
func (p *Pipeline) parallel(ctx context.Context, n int, fn func(i int)) error {
	var g errgroup.Group
	g.SetLimit(p.Workers)
	for i := 0; i < n && ctx.Err() == nil; i++ {
		g.Go(func() error {
			fn(i)
			return nil
		})
	}
	_ = g.Wait() // fn reports through its own slots, never an error
	return ctx.Err()
}
