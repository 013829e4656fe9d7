package cluster

import (
	"runtime"
	"sort"
	"strconv"
	"time"

	"github.com/marsad/marsad/news"
)

// Replay returns arts in publication order (undated last, input order
// kept among equals), then times-1 more copies of that stream, each with
// new ids and its dates moved past the end of the previous one, as if the
// same news happened again: a corpus times as long whose every copy the
// clusterer must place as new articles, for measuring how the cost per
// article grows with the archive.
func Replay(arts []news.Article, times int) []news.Article {
	ordered := make([]news.Article, len(arts))
	copy(ordered, arts)
	when := make([]time.Time, len(ordered))
	for i, a := range ordered {
		when[i], _ = a.PublishedTime()
	}
	idx := make([]int, len(ordered))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool {
		ta, tb := when[idx[a]], when[idx[b]]
		if ta.IsZero() != tb.IsZero() {
			return !ta.IsZero()
		}
		return ta.Before(tb)
	})
	var first, last time.Time
	for _, i := range idx {
		if t := when[i]; !t.IsZero() {
			if first.IsZero() {
				first = t
			}
			last = t
		}
	}
	shift := last.Sub(first) + 24*time.Hour
	out := make([]news.Article, 0, len(arts)*max(times, 1))
	for k := range max(times, 1) {
		for _, i := range idx {
			a := ordered[i]
			if k > 0 {
				a.ID += "~" + strconv.Itoa(k)
				if t := when[i]; !t.IsZero() {
					a.Published = t.Add(time.Duration(k) * shift).Format(time.RFC3339)
				}
			}
			out = append(out, a)
		}
	}
	return out
}

// ScaleStep is the cost of placing one block of a stream.
type ScaleStep struct {
	Placed        int           // articles placed so far
	Block         time.Duration // time for this block
	PerArticle    time.Duration // Block over the block's articles
	HeapMiB       float64       // live heap after the block, after a collection
	Events, Story int           // distinct events and stories so far
}

// Scale places arts one at a time with c and reports after every step
// articles (and at the end) how long the last block took and how much
// heap the clusterer holds. Garbage is collected between blocks, outside
// the timed part, so HeapMiB is what the clusterer keeps.
func Scale(c news.Clusterer, arts []news.Article, step int, report func(ScaleStep)) {
	if step <= 0 {
		step = len(arts)
	}
	events, stories := map[string]bool{}, map[string]bool{}
	for start := 0; start < len(arts); start += step {
		end := min(start+step, len(arts))
		t0 := time.Now()
		for _, a := range arts[start:end] {
			as := c.Assign(a)
			events[as.Event] = true
			stories[as.Story] = true
		}
		d := time.Since(t0)
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		report(ScaleStep{
			Placed: end, Block: d, PerArticle: d / time.Duration(end-start),
			HeapMiB: float64(ms.HeapAlloc) / (1 << 20), Events: len(events), Story: len(stories),
		})
	}
}
