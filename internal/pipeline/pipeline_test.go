package pipeline

import (
	"context"
	"errors"
	"fmt"
	"slices"
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
