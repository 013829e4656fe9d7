package cluster

import (
	"runtime"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/marsad/marsad/news"
)

// Replay returns arts in publication order (undated last, input order
// kept among equals), then times-1 more copies of that stream, each with
// new ids, its dates moved past the end of the previous one, and every
// word and entity id marked with the copy's number: a corpus times as
// long, with the same shape of news, whose every copy the clusterer must
// place as new articles (an unmarked copy would only be folded as a
// near-copy of its original, which is cheap and measures nothing), for
// measuring how the cost per article grows with the archive.
func Replay(arts []news.Article, times int) []news.Article {
	when := make([]time.Time, len(arts))
	for i, a := range arts {
		when[i], _ = a.PublishedTime()
	}
	idx := make([]int, len(arts))
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
			a := arts[i]
			if k > 0 {
				mark := "r" + strconv.Itoa(k)
				a.ID += "~" + strconv.Itoa(k)
				a.Title, a.Text = marked(a.Title, mark), marked(a.Text, mark)
				ents := make([]news.Mention, len(a.Entities))
				for j, m := range a.Entities {
					if m.ID != "" {
						m.ID += "~" + mark
					}
					ents[j] = m
				}
				a.Entities = ents
				if t := when[i]; !t.IsZero() {
					a.Published = t.Add(time.Duration(k) * shift).Format(time.RFC3339)
				}
			}
			out = append(out, a)
		}
	}
	return out
}

// marked appends mark to every word of s, so no word of s is a word of
// the original any more (mention offsets into s no longer hold).
func marked(s, mark string) string {
	var b strings.Builder
	b.Grow(len(s) + len(s)/4)
	in := false
	for _, r := range s {
		word := unicode.IsLetter(r) || unicode.IsDigit(r)
		if in && !word {
			b.WriteString(mark)
		}
		in = word
		b.WriteRune(r)
	}
	if in {
		b.WriteString(mark)
	}
	return b.String()
}

// ScaleStep is the cost of placing one block of a stream.
type ScaleStep struct {
	Placed        int           // articles placed so far
	Block         time.Duration // time for this block
	PerArticle    time.Duration // Block over the block's articles
	HeapMiB       float64       // live heap the clusterer holds after the block (the stream itself not counted)
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
	heap := func() float64 {
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		return float64(ms.HeapAlloc) / (1 << 20)
	}
	// The stream is in memory before placing starts: measure it once and
	// count only what the clusterer (and the two label sets) add.
	base := heap()
	for start := 0; start < len(arts); start += step {
		end := min(start+step, len(arts))
		t0 := time.Now()
		for _, a := range arts[start:end] {
			as := c.Assign(a)
			events[as.Event] = true
			stories[as.Story] = true
		}
		d := time.Since(t0)
		report(ScaleStep{
			Placed: end, Block: d, PerArticle: d / time.Duration(end-start),
			HeapMiB: heap() - base, Events: len(events), Story: len(stories),
		})
	}
}
