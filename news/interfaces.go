package news

import (
	"context"
	"errors"
)

// Cleaner turns one page into the articles it holds, in page order.
// It is pure: no I/O, no clock.
type Cleaner interface {
	Clean(p Page) ([]Article, error)
}

// Analyzer annotates an article: entities, quotes, quantities, dates.
// It returns a new article and leaves its argument unchanged.
type Analyzer interface {
	Analyze(a Article) Article
}

// Clusterer places articles, one at a time in arrival order, into duplicate
// groups, events and stories. It keeps its own state between calls but does
// no I/O: the pipeline warms it from the store with Add.
type Clusterer interface {
	// Assign decides where a new article goes and remembers it.
	Assign(a Article) Assignment
	// Add remembers articles already placed (as read back from a store),
	// in the order given; a batch lets the clusterer read them in
	// parallel.
	Add(arts ...Article)
	// Revisions returns what the clusterer changed since the last call in
	// articles it had placed (events merged, copy groups given an earlier
	// first member): those articles must follow (Remap), in the store and
	// in any output.
	Revisions() Revisions
}

// ErrNotFound is returned by a Store when the asked-for record is absent.
var ErrNotFound = errors.New("not found")

// PutResult says what a Store did with a batch of articles.
type PutResult struct {
	// Stored counts articles new to the store.
	Stored int
	// Duplicates counts articles whose exact content was already stored
	// (from this batch or an earlier run); their sighting is still recorded.
	Duplicates int
	// New lists the IDs of the stored articles, in batch order.
	New []string
}

// ArticleQuery selects articles from a Store.
type ArticleQuery struct {
	Limit  int // 0 means no limit
	Offset int
	Source string
	Event  string
	Story  string
}

// Sighting is one place an article's content was seen: an outlet, a URL,
// a page. Exact copies collapse into one article with several sightings.
type Sighting struct {
	Article   string `json:"article"`
	Origin    string `json:"origin"`
	Index     int    `json:"index"`
	Source    string `json:"source"`
	URL       string `json:"url"`
	Published string `json:"published"`
}

// Store keeps pages, articles and their clustering. Every method takes a
// context; "not found" is ErrNotFound. Implementations must be safe for
// concurrent readers with one writer.
type Store interface {
	// PutArticles stores a batch atomically: all of it or none. Articles
	// whose ID is already stored are counted as duplicates, not rewritten.
	PutArticles(ctx context.Context, arts []Article) (PutResult, error)
	// Article returns one article by ID.
	Article(ctx context.Context, id string) (Article, error)
	// Articles lists articles in ingest order.
	Articles(ctx context.Context, q ArticleQuery) ([]Article, error)
	// Sightings lists where an article's content was seen.
	Sightings(ctx context.Context, id string) ([]Sighting, error)
	// CountArticles counts stored articles.
	CountArticles(ctx context.Context) (int, error)
	// EachArticle calls fn for every stored article in ingest order, for
	// warming stateful stages; fn's error stops the walk and is returned.
	EachArticle(ctx context.Context, fn func(Article) error) error
	// Stories lists stories with their events, biggest first.
	Stories(ctx context.Context) ([]Story, error)
	// Close releases the store.
	Close() error
}
