// Package search is marsad's full-text index: a bleve (scorch) index on disk
// beside the store, fed through marsad's own Arabic normalization, never
// bleve's ar analyzer (it over-stems وزارة to زار and cuts بوتين to بوت).
// It owns the index files, the analysis of article text for search, the
// analyst's query language, snippets and facets.
//
// It must not be the source of truth: every article it holds is in the store,
// and Rebuild recreates the index from the store at any time. It never
// rewrites display text: snippets mark the characters the article was
// written with.
package search

import (
	"context"
	"errors"
	"fmt"
	"os"
	"sync"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/registry"
	"github.com/marsad/marsad/news"
)

// analyzerName is the name marsad's analyzer is registered under in bleve.
const analyzerName = "marsad"

// schemaVersion names the layout of the index: fields, analysis and terms.
// Bump it whenever any of them changes; Open then starts an empty index,
// which the caller fills with Rebuild.
const schemaVersion = "marsad-search-1"

// schemaKey is the internal key the schema version is kept under.
const schemaKey = "marsad.schema"

// batchSize bounds how many articles one bleve batch holds, so indexing a
// whole store never holds more than this many analyzed documents in memory.
const batchSize = 500

// ErrClosed is returned by an Index used after Close.
var ErrClosed = errors.New("search index closed")

// registerOnce guards the registration of marsad's analyzer in bleve's
// process-wide registry. bleve resolves analyzers named in an index mapping
// only through that registry, so an index whose mapping names "marsad"
// cannot even be opened without it; and registering one name twice is an
// error. This is the one piece of package-level state, forced by bleve.
var registerOnce sync.Once

// register adds marsad's analyzer to bleve's registry, once per process.
func register() {
	registerOnce.Do(func() {
		// The only error is a duplicate name, which the Once rules out.
		_ = registry.RegisterAnalyzer(analyzerName, func(map[string]any, *registry.Cache) (analysis.Analyzer, error) {
			return analyzer{}, nil
		})
	})
}

// Index is an on-disk search index. It is safe for concurrent use: searches
// run in parallel; Put, Delete and Rebuild are serialized.
type Index struct {
	path string

	// write serializes Put, Delete and Rebuild, so a rebuild cannot lose a
	// write made while it reads the store.
	write sync.Mutex
	// mu guards idx: searches and writes hold it for reading, Rebuild's
	// swap and Close for writing. idx is nil once closed.
	mu  sync.RWMutex
	idx bleve.Index
}

// Open opens the index at path (a directory), creating it when absent. An
// index written by another version of this package is discarded and
// started empty: it is derived data, and Count()==0 beside a full store
// tells the caller to Rebuild. Leftovers of an interrupted Rebuild are
// removed.
func Open(path string) (*Index, error) {
	register()
	// A rebuild interrupted between its two renames leaves the old index
	// aside and none in place: put it back.
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		if _, err := os.Stat(oldPath(path)); err == nil {
			if err := os.Rename(oldPath(path), path); err != nil {
				return nil, fmt.Errorf("open search index: %w", err)
			}
		}
	}
	for _, tmp := range []string{rebuildPath(path), oldPath(path)} {
		if err := os.RemoveAll(tmp); err != nil {
			return nil, fmt.Errorf("open search index: %w", err)
		}
	}
	idx, err := openOrCreate(path)
	if err != nil {
		return nil, fmt.Errorf("open search index %s: %w", path, err)
	}
	return &Index{path: path, idx: idx}, nil
}

func rebuildPath(path string) string { return path + ".rebuild" }
func oldPath(path string) string     { return path + ".old" }

// openOrCreate opens the bleve index at path, or creates it with marsad's
// mapping when it is absent or of another schema version.
func openOrCreate(path string) (bleve.Index, error) {
	if _, err := os.Stat(path); err == nil {
		idx, err := bleve.Open(path)
		if err == nil {
			v, err := idx.GetInternal([]byte(schemaKey))
			if err == nil && string(v) == schemaVersion {
				return idx, nil
			}
			idx.Close()
		}
		// Unreadable or of another layout: it is only derived data.
		if err := os.RemoveAll(path); err != nil {
			return nil, err
		}
	} else if !errors.Is(err, os.ErrNotExist) {
		return nil, err
	}
	return create(path)
}

// create makes a new, empty index at path.
func create(path string) (bleve.Index, error) {
	idx, err := bleve.NewUsing(path, indexMapping(), scorch.Name, scorch.Name, nil)
	if err != nil {
		return nil, err
	}
	if err := idx.SetInternal([]byte(schemaKey), []byte(schemaVersion)); err != nil {
		idx.Close()
		return nil, err
	}
	return idx, nil
}

// Close closes the index. Closing twice is safe; later calls return nil.
func (x *Index) Close() error {
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.idx == nil {
		return nil
	}
	err := x.idx.Close()
	x.idx = nil
	if err != nil {
		return fmt.Errorf("close search index: %w", err)
	}
	return nil
}

// Path returns the index directory.
func (x *Index) Path() string { return x.path }

// Put indexes articles, replacing any already indexed under the same ID, so
// putting an article twice leaves one copy. Articles without an ID are an
// error; nothing of a failed batch of batchSize is indexed, earlier batches
// stay.
func (x *Index) Put(ctx context.Context, arts []news.Article) error {
	x.write.Lock()
	defer x.write.Unlock()
	x.mu.RLock()
	defer x.mu.RUnlock()
	if x.idx == nil {
		return ErrClosed
	}
	if err := put(ctx, x.idx, arts); err != nil {
		return fmt.Errorf("index articles: %w", err)
	}
	return nil
}

// put indexes arts into idx in batches of batchSize.
func put(ctx context.Context, idx bleve.Index, arts []news.Article) error {
	for len(arts) > 0 {
		if err := ctx.Err(); err != nil {
			return err
		}
		n := min(len(arts), batchSize)
		b := idx.NewBatch()
		for _, a := range arts[:n] {
			if a.ID == "" {
				return fmt.Errorf("article %q has no id", a.Title)
			}
			if err := b.IndexAdvanced(articleDocument(a)); err != nil {
				return fmt.Errorf("article %s: %w", a.ID, err)
			}
		}
		if err := idx.Batch(b); err != nil {
			return err
		}
		arts = arts[n:]
	}
	return nil
}

// Delete removes articles by ID; IDs not in the index are ignored.
func (x *Index) Delete(ctx context.Context, ids ...string) error {
	x.write.Lock()
	defer x.write.Unlock()
	x.mu.RLock()
	defer x.mu.RUnlock()
	if x.idx == nil {
		return ErrClosed
	}
	for len(ids) > 0 {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("delete from search index: %w", err)
		}
		n := min(len(ids), batchSize)
		b := x.idx.NewBatch()
		for _, id := range ids[:n] {
			b.Delete(id)
		}
		if err := x.idx.Batch(b); err != nil {
			return fmt.Errorf("delete from search index: %w", err)
		}
		ids = ids[n:]
	}
	return nil
}

// Count returns the number of indexed articles.
func (x *Index) Count() (int, error) {
	x.mu.RLock()
	defer x.mu.RUnlock()
	if x.idx == nil {
		return 0, ErrClosed
	}
	n, err := x.idx.DocCount()
	if err != nil {
		return 0, fmt.Errorf("count search index: %w", err)
	}
	return int(n), nil
}

// Rebuild replaces the index with one built from the articles each yields,
// typically
//
//	ix.Rebuild(ctx, func(fn func(news.Article) error) error { return st.EachArticle(ctx, fn) })
//
// The new index is built beside the old one, which keeps answering searches
// until the two are swapped; Put and Delete wait for the rebuild. On error
// or cancellation the old index is left as it was.
func (x *Index) Rebuild(ctx context.Context, each func(func(news.Article) error) error) error {
	x.write.Lock()
	defer x.write.Unlock()
	x.mu.RLock()
	closed := x.idx == nil
	x.mu.RUnlock()
	if closed {
		return ErrClosed
	}

	tmp := rebuildPath(x.path)
	if err := os.RemoveAll(tmp); err != nil {
		return fmt.Errorf("rebuild search index: %w", err)
	}
	fresh, err := create(tmp)
	if err != nil {
		return fmt.Errorf("rebuild search index: %w", err)
	}
	if err := fill(ctx, fresh, each); err != nil {
		fresh.Close()
		os.RemoveAll(tmp)
		return fmt.Errorf("rebuild search index: %w", err)
	}
	// bleve keeps the path it was opened at, so the new index is closed,
	// moved into place and opened again.
	if err := fresh.Close(); err != nil {
		os.RemoveAll(tmp)
		return fmt.Errorf("rebuild search index: %w", err)
	}
	return x.swap(tmp)
}

// fill indexes everything each yields into idx, batchSize at a time.
func fill(ctx context.Context, idx bleve.Index, each func(func(news.Article) error) error) error {
	buf := make([]news.Article, 0, batchSize)
	err := each(func(a news.Article) error {
		buf = append(buf, a)
		if len(buf) < batchSize {
			return nil
		}
		err := put(ctx, idx, buf)
		buf = buf[:0]
		return err
	})
	if err != nil {
		return err
	}
	return put(ctx, idx, buf)
}

// swap closes the current index, moves the one built at tmp into its place
// and opens it.
func (x *Index) swap(tmp string) error {
	x.mu.Lock()
	defer x.mu.Unlock()
	if x.idx == nil {
		os.RemoveAll(tmp)
		return ErrClosed
	}
	if err := x.idx.Close(); err != nil {
		return fmt.Errorf("rebuild search index: close old: %w", err)
	}
	x.idx = nil
	old := oldPath(x.path)
	if err := os.Rename(x.path, old); err != nil {
		return fmt.Errorf("rebuild search index: %w", err)
	}
	if err := os.Rename(tmp, x.path); err != nil {
		// Put the old index back rather than leave none.
		os.Rename(old, x.path)
		x.idx, _ = bleve.Open(x.path)
		return fmt.Errorf("rebuild search index: %w", err)
	}
	idx, err := bleve.Open(x.path)
	if err != nil {
		return fmt.Errorf("rebuild search index: open new: %w", err)
	}
	x.idx = idx
	if err := os.RemoveAll(old); err != nil {
		return fmt.Errorf("rebuild search index: remove old: %w", err)
	}
	return nil
}
