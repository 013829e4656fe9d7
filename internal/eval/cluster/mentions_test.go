package cluster

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/marsad/marsad/news"
)

// fakeMentions finds every word of two letters or more, counting calls.
func fakeMentions(calls *atomic.Int64) func(string) []news.Mention {
	return func(text string) []news.Mention {
		calls.Add(1)
		var ms []news.Mention
		for _, w := range strings.Fields(text) {
			if len([]rune(w)) >= 2 {
				ms = append(ms, news.Mention{Text: w, Type: news.PER, ID: "q-" + w, Name: w})
			}
		}
		return ms
	}
}

func TestWithMentionsCache(t *testing.T) {
	path := filepath.Join(t.TempDir(), "mentions.json")
	arts := []news.Article{
		{ID: "snn-2015-08-01-0", Text: "قال بوتين"},
		{ID: "snn-2015-08-01-1", Text: "زار الملك سلمان جدة"},
		{ID: "snn-2015-08-01-2", Text: "و"}, // no mention at all
	}
	var calls atomic.Int64
	analyze := fakeMentions(&calls)

	first, st, err := WithMentions(arts, path, 4, analyze)
	if err != nil {
		t.Fatal(err)
	}
	if st != (MentionStats{Cached: 0, Analyzed: 3}) || calls.Load() != 3 {
		t.Errorf("first run: %+v, %d calls; want all 3 analyzed", st, calls.Load())
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("cache not written: %v", err)
	}
	if arts[0].Entities != nil {
		t.Error("WithMentions changed its input")
	}
	if want := analyze("زار الملك سلمان جدة"); !reflect.DeepEqual(first[1].Entities, want) {
		t.Errorf("mentions = %v, want %v", first[1].Entities, want)
	}

	calls.Store(0)
	again, st, err := WithMentions(arts, path, 4, analyze)
	if err != nil {
		t.Fatal(err)
	}
	if st != (MentionStats{Cached: 3}) || calls.Load() != 0 {
		t.Errorf("second run: %+v, %d calls; want all 3 from the cache", st, calls.Load())
	}
	if !reflect.DeepEqual(again, first) {
		t.Errorf("round trip changed the mentions:\n%v\n%v", first, again)
	}

	// one article changed, one new, one gone: the changed and the new are
	// analyzed, the gone one's entry is ignored but kept
	calls.Store(0)
	next := []news.Article{
		{ID: "snn-2015-08-01-1", Text: "زار ولي العهد جدة"},
		{ID: "snn-2015-08-02-0", Text: "أعلنت وزارة الصحة"},
		arts[2],
	}
	got, st, err := WithMentions(next, path, 1, analyze)
	if err != nil {
		t.Fatal(err)
	}
	if st != (MentionStats{Cached: 1, Analyzed: 2}) || calls.Load() != 2 {
		t.Errorf("changed set: %+v, %d calls; want 1 cached, 2 analyzed", st, calls.Load())
	}
	if want := analyze("زار ولي العهد جدة"); !reflect.DeepEqual(got[0].Entities, want) {
		t.Errorf("changed article kept stale mentions %v", got[0].Entities)
	}
	calls.Store(0)
	_, st, err = WithMentions(arts[:1], path, 1, analyze)
	if err != nil || st != (MentionStats{Cached: 1}) {
		t.Errorf("the entry of an article absent from the last run: %+v, %v; want it kept", st, err)
	}

	// no path: nothing read or written
	calls.Store(0)
	if _, st, err := WithMentions(arts, "", 2, analyze); err != nil || st.Analyzed != 3 {
		t.Errorf("no cache: %+v, %v", st, err)
	}
}

func TestWithMentionsBadCache(t *testing.T) {
	dir := t.TempDir()
	var calls atomic.Int64
	arts := []news.Article{{ID: "a", Text: "نص"}}
	for name, body := range map[string]string{
		"not json":       "{",
		"another format": `{"format":"gob","articles":{}}`,
	} {
		path := filepath.Join(dir, strings.ReplaceAll(name, " ", "-"))
		if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, _, err := WithMentions(arts, path, 1, fakeMentions(&calls)); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}
