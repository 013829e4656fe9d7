package pipeline

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/marsad/marsad/news"
)

// storedArticles is a Sink holding n placed articles, failing its walk
// after fail of them when fail > 0.
type storedArticles struct {
	n, fail int
}

func (s storedArticles) Known(context.Context, []string) (map[string]bool, error) { return nil, nil }
func (s storedArticles) PutArticles(context.Context, []news.Article) (news.PutResult, error) {
	return news.PutResult{}, nil
}
func (s storedArticles) Revise(context.Context, news.Revisions) ([]string, error) {
	return nil, nil
}
func (s storedArticles) Article(context.Context, string) (news.Article, error) {
	return news.Article{}, news.ErrNotFound
}
func (s storedArticles) EachArticle(ctx context.Context, fn func(news.Article) error) error {
	for i := range s.n {
		if s.fail > 0 && i == s.fail {
			return errors.New("disk gone")
		}
		if err := fn(news.Article{ID: fmt.Sprint(i), Event: "ev"}); err != nil {
			return err
		}
	}
	return nil
}

// recorder is a Clusterer that keeps what it is given.
type recorder struct {
	ids     []string
	batches int
}

func (r *recorder) Assign(a news.Article) news.Assignment { return news.Assignment{ID: a.ID} }
func (r *recorder) Revisions() news.Revisions             { return news.Revisions{} }
func (r *recorder) Add(arts ...news.Article) {
	r.batches++
	for _, a := range arts {
		r.ids = append(r.ids, a.ID)
	}
}

func TestWarmGivesEveryStoredArticleInOrder(t *testing.T) {
	for _, n := range []int{0, 1, warmBatch, 2*warmBatch + 3} {
		rec := &recorder{}
		p := &Pipeline{Clusterer: rec, Sink: storedArticles{n: n}}
		got, err := p.Warm(context.Background())
		if err != nil || got != n {
			t.Fatalf("%d stored: Warm = %d, %v", n, got, err)
		}
		want := make([]string, n)
		for i := range want {
			want[i] = fmt.Sprint(i)
		}
		if !slices.Equal(rec.ids, want) {
			t.Errorf("%d stored: the clusterer was given %d articles, not all in store order", n, len(rec.ids))
		}
		if wantBatches := (n + warmBatch - 1) / warmBatch; rec.batches != wantBatches {
			t.Errorf("%d stored: %d batches, want %d", n, rec.batches, wantBatches)
		}
	}
}

func TestWarmReportsAFailedWalk(t *testing.T) {
	p := &Pipeline{Clusterer: &recorder{}, Sink: storedArticles{n: 2000, fail: 1500}}
	_, err := p.Warm(context.Background())
	if err == nil || err.Error() != "warm clusterer: disk gone" {
		t.Errorf("Warm over a failing store: %v, want the store's error, wrapped", err)
	}
}

// onePerPage is a Cleaner giving one article per page, its text the body.
type onePerPage struct{}

func (onePerPage) Clean(p news.Page) ([]news.Article, error) {
	return []news.Article{{Title: p.Origin, Text: string(p.Body)}}, nil
}

// asIs is an Analyzer that adds nothing.
type asIs struct{}

func (asIs) Analyze(a news.Article) news.Article { return a }

// merging is a Clusterer that opens an event per article, the second a
// copy of the first; on the last article it merges every earlier event
// into the first and makes the last the copy group's first member.
type merging struct {
	placed []string
	last   int
	rev    news.Revisions
}

func (m *merging) Assign(a news.Article) news.Assignment {
	ev := fmt.Sprint("ev-", len(m.placed))
	m.placed = append(m.placed, a.ID)
	as := news.Assignment{ID: a.ID, Event: ev, Story: "st" + ev[2:]}
	if len(m.placed) == 2 {
		as.DuplicateOf = m.placed[0]
	}
	if len(m.placed) == m.last {
		for i := 1; i < len(m.placed); i++ {
			m.rev.Merges = append(m.rev.Merges, news.EventMerge{From: fmt.Sprint("ev-", i), Into: "ev-0", Story: "st-0"})
		}
		m.rev.Reroots = append(m.rev.Reroots, news.Reroot{From: m.placed[0], To: a.ID})
		as.Event, as.Story = "ev-0", "st-0"
	}
	return as
}
func (m *merging) Add(...news.Article) {}
func (m *merging) Revisions() news.Revisions {
	r := m.rev
	m.rev = news.Revisions{}
	return r
}

// mergeSink is a Sink that keeps what it is given; it says revisions
// changed one stored article.
type mergeSink struct {
	put   []news.Article
	rev   news.Revisions
	order []string
}

func (s *mergeSink) Known(context.Context, []string) (map[string]bool, error) { return nil, nil }
func (s *mergeSink) PutArticles(_ context.Context, arts []news.Article) (news.PutResult, error) {
	s.order = append(s.order, "put")
	s.put = append(s.put, arts...)
	res := news.PutResult{Stored: len(arts)}
	for _, a := range arts {
		res.New = append(res.New, a.ID)
	}
	return res, nil
}
func (s *mergeSink) EachArticle(context.Context, func(news.Article) error) error { return nil }
func (s *mergeSink) Revise(_ context.Context, r news.Revisions) ([]string, error) {
	s.order = append(s.order, "revise")
	s.rev = r
	if r.Empty() {
		return nil, nil
	}
	return []string{"stored-in-ev-1"}, nil
}
func (s *mergeSink) Article(_ context.Context, id string) (news.Article, error) {
	return news.Article{ID: id, Event: "ev-0", Story: "st-0"}, nil
}

// TestFlushFollowsRevisions: events merged and copy groups re-rooted
// while a batch is placed take the batch's articles with them before they
// are stored, the store revises its own (first, so a failed batch leaves
// a clustering the clusterer agrees with), and the search index is given
// the changed articles too.
func TestFlushFollowsRevisions(t *testing.T) {
	sink := &mergeSink{}
	var indexed []string
	p := &Pipeline{
		Cleaner: onePerPage{}, Analyzer: asIs{}, Clusterer: &merging{last: 3}, Sink: sink,
		Index: func(_ context.Context, arts []news.Article) error {
			for _, a := range arts {
				indexed = append(indexed, a.ID+" "+a.Event)
			}
			return nil
		},
	}
	r := p.Start()
	ctx := context.Background()
	for _, body := range []string{"one", "two", "three"} {
		if err := r.Add(ctx, news.Page{Origin: body, Body: []byte(body)}); err != nil {
			t.Fatal(err)
		}
	}
	if err := r.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	last := sink.put[len(sink.put)-1].ID
	for _, a := range sink.put {
		if a.Event != "ev-0" || a.Story != "st-0" {
			t.Errorf("%s stored in %s, %s; want ev-0, st-0 after the merges", a.Title, a.Event, a.Story)
		}
		if want := last; a.ID != last && a.DuplicateOf != want {
			t.Errorf("%s stored as a copy of %q, want of %q, the group's new first member", a.Title, a.DuplicateOf, want)
		}
	}
	if len(sink.rev.Merges) != 2 || len(sink.rev.Reroots) != 1 || !slices.Equal(sink.order, []string{"revise", "put"}) {
		t.Errorf("store given %+v, calls %v; want 2 merges and a re-rooting, made before the batch is put", sink.rev, sink.order)
	}
	if r.Stats.Merged != 2 || r.Stats.Rerooted != 1 {
		t.Errorf("Stats: %d merged, %d re-rooted; want 2 and 1", r.Stats.Merged, r.Stats.Rerooted)
	}
	if len(indexed) != 4 || indexed[3] != "stored-in-ev-1 ev-0" {
		t.Errorf("indexed %v, want the 3 new articles and the moved one, in ev-0", indexed)
	}
}

// reannotated records what Reanalyze rewrote.
type reannotated struct {
	storedArticles
	rewritten []string
}

func (r *reannotated) Reannotate(_ context.Context, arts []news.Article) (int, error) {
	for _, a := range arts {
		r.rewritten = append(r.rewritten, a.ID)
	}
	return len(arts), nil
}

// everyThird is an analyzer that finds a date in every third article.
type everyThird struct{}

func (everyThird) Analyze(a news.Article) news.Article {
	if n, _ := strconv.Atoi(a.ID); n%3 == 0 {
		a.Happened = "2015-08-01"
	}
	return a
}

// TestReanalyzeRewritesWhatChanged: every stored article is analyzed again,
// in batches, and only those whose annotations changed are rewritten and
// re-indexed; a store that fails midway stops the run with its error.
func TestReanalyzeRewritesWhatChanged(t *testing.T) {
	st := &reannotated{storedArticles: storedArticles{n: 10}}
	var indexed []string
	var progress []ReanalyzeStats
	p := &Pipeline{Analyzer: everyThird{}, BatchSize: 4, Index: func(_ context.Context, arts []news.Article) error {
		for _, a := range arts {
			indexed = append(indexed, a.ID)
		}
		return nil
	}}
	stats, err := p.Reanalyze(context.Background(), st, func(s ReanalyzeStats) { progress = append(progress, s) })
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"0", "3", "6", "9"}
	if stats != (ReanalyzeStats{Articles: 10, Changed: 4}) || !slices.Equal(st.rewritten, want) || !slices.Equal(indexed, want) {
		t.Errorf("stats %+v, rewritten %v, indexed %v; want 10 analyzed, %v rewritten and indexed", stats, st.rewritten, indexed, want)
	}
	if len(progress) != 3 || progress[2] != stats {
		t.Errorf("progress %+v, want three batches ending at the totals", progress)
	}

	failing := &reannotated{storedArticles: storedArticles{n: 10, fail: 6}}
	if _, err := (&Pipeline{Analyzer: everyThird{}, BatchSize: 4}).Reanalyze(context.Background(), failing, nil); err == nil || !strings.Contains(err.Error(), "disk gone") {
		t.Errorf("failing store: err %v, want disk gone", err)
	}
}
