package extract

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/marsad/marsad/internal/eval/snn"
)

// Pick is one article chosen for annotation.
type Pick struct {
	Zip    string
	Index  int
	URL    string
	Source string
}

// Limits of the articles worth annotating: long enough to hold a quote
// and a figure, short enough that a person reads every word of each
// (the gold is only useful if nothing in an article was skipped).
const (
	minPickRunes = 300
	maxPickRunes = 1200
)

// reportingVerbs are the verbs a candidate must contain one of, as written
// (with the و conjunction or without): a cheap filter that favours
// articles with quotes. Annotation then takes every quote, whatever its
// verb.
var reportingVerbs = func() map[string]bool {
	m := map[string]bool{}
	for _, v := range strings.Fields("قال قالت أكد أكدت أوضح أوضحت أعلن أعلنت أشار أشارت ذكر ذكرت صرح صرحت أضاف أضافت") {
		m[v], m["و"+v] = true, true
	}
	return m
}()

// candidate says whether a record is eligible: length within the limits,
// a digit of any script, and a reporting verb.
func candidate(r record) bool {
	n := utf8.RuneCountInString(r.Content)
	if n < minPickRunes || n > maxPickRunes {
		return false
	}
	if !strings.ContainsFunc(r.Content, func(c rune) bool {
		return c >= '0' && c <= '9' || c >= '٠' && c <= '٩' || c >= '۰' && c <= '۹'
	}) {
		return false
	}
	// Words are maximal runs of the Arabic block, as the selection script
	// that built the gold split them.
	for _, w := range strings.FieldsFunc(r.Content, func(c rune) bool { return c < 0x600 || c > 0x6FF }) {
		if reportingVerbs[w] {
			return true
		}
	}
	return false
}

// Select reproduces how the gold articles were chosen, so anyone with the
// data can check the choice was not cherry-picked. Slot s (0..n-1) goes to
// day s mod days (archives in name order); within the day, to the outlet
// with the fewest picks so far among those with an unused candidate (ties
// to the first source key in sorted order); within the outlet, to its
// middle candidate in array order. A text already picked is never picked
// again (wire copies run across outlets).
func Select(dataDir string, n int) ([]Pick, error) {
	zips, err := snn.Days(dataDir)
	if err != nil {
		return nil, fmt.Errorf("select: %w: %w", ErrNoData, err)
	}
	days := make([][]record, len(zips))
	outletSet := map[string]bool{}
	for i, z := range zips {
		if days[i], err = readDay(z); err != nil {
			return nil, fmt.Errorf("select: %w", err)
		}
		for _, r := range days[i] {
			outletSet[r.Source] = true
		}
	}
	outlets := make([]string, 0, len(outletSet))
	for o := range outletSet {
		outlets = append(outlets, o)
	}
	sort.Strings(outlets)

	seen := map[string]bool{}
	used := map[string]int{}
	var out []Pick
	for s := range n {
		d := s % len(days)
		recs := days[d]
		bySource := map[string][]int{}
		for i, r := range recs {
			if candidate(r) && !seen[r.Content] {
				bySource[r.Source] = append(bySource[r.Source], i)
			}
		}
		best := ""
		for _, o := range outlets {
			if len(bySource[o]) == 0 {
				continue
			}
			if best == "" || used[o] < used[best] {
				best = o
			}
		}
		if best == "" {
			continue
		}
		cs := bySource[best]
		i := cs[len(cs)/2]
		used[best]++
		seen[recs[i].Content] = true
		out = append(out, Pick{Zip: filepath.Base(zips[d]), Index: i, URL: recs[i].URL, Source: best})
	}
	return out, nil
}
