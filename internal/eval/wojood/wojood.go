// Package wojood reads the Wojood public sample (Arabic sentences with
// nested named-entity annotation, `token TAG [TAG...]` per line) and scores
// marsad's time expressions against its DATE spans. The extraction eval
// uses the same reader for numeric spans.
//
// Wojood sentences carry no publication date, so only spans are compared,
// as token ranges, never resolved values.
package wojood

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// ErrNoData means the directory holds none of the Wojood split files.
var ErrNoData = errors.New("no Wojood files (train.txt, val.txt, test.txt)")

// files are the splits of the Wojood public sample, read together: nothing
// in marsad is trained on them.
var files = []string{"train.txt", "val.txt", "test.txt"}

// Sentence is one sentence: its tokens and, per token, the set of tags on
// it (nested annotation puts several on one token).
type Sentence struct {
	ID     string // file:index
	Tokens []string
	Tags   []map[string]bool
}

// Read reads every split file present in dir, in split order.
func Read(dir string) ([]Sentence, error) {
	var all []Sentence
	found := false
	for _, name := range files {
		path := filepath.Join(dir, name)
		sents, err := readFile(path, name)
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		found = true
		all = append(all, sents...)
	}
	if !found {
		return nil, fmt.Errorf("read wojood in %s: %w", dir, ErrNoData)
	}
	return all, nil
}

func readFile(path, name string) ([]Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	var out []Sentence
	var cur Sentence
	flush := func() {
		if len(cur.Tokens) > 0 {
			cur.ID = fmt.Sprintf("%s:%d", name, len(out))
			out = append(out, cur)
		}
		cur = Sentence{}
	}
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) == 0 {
			flush()
			continue
		}
		tags := map[string]bool{}
		for _, t := range fields[1:] {
			tags[t] = true
		}
		cur.Tokens = append(cur.Tokens, fields[0])
		cur.Tags = append(cur.Tags, tags)
	}
	flush()
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return out, nil
}

// Span is a half-open range of token indexes.
type Span struct{ A, B int }

// Meets reports whether x and y share a token.
func (x Span) Meets(y Span) bool { return x.A < y.B && y.A < x.B }

// AnyMeets reports whether x shares a token with any of ys.
func AnyMeets(x Span, ys []Span) bool {
	for _, y := range ys {
		if x.Meets(y) {
			return true
		}
	}
	return false
}

// Spans returns the token spans of one type. Nested spans of the same type
// merge into the outer one: for detection they are one expression.
func (s Sentence) Spans(typ string) []Span {
	var out []Span
	for k, tags := range s.Tags {
		switch {
		case tags["B-"+typ] || tags["I-"+typ] && (k == 0 || !inType(s.Tags[k-1], typ)):
			out = append(out, Span{k, k + 1})
		case tags["I-"+typ]:
			out[len(out)-1].B = k + 1
		}
	}
	return out
}

func inType(tags map[string]bool, typ string) bool { return tags["B-"+typ] || tags["I-"+typ] }

// Joined is a sentence put back together as text, with each token's rune
// offsets, so spans a stage finds in the text map back to tokens.
type Joined struct {
	Text         string
	starts, ends []int
}

// Join writes the tokens out, with a space before token k when space(k)
// says so (space is not asked about the first token); nil spaces every
// token.
func (s Sentence) Join(space func(k int) bool) Joined {
	j := Joined{starts: make([]int, len(s.Tokens)), ends: make([]int, len(s.Tokens))}
	var b strings.Builder
	off := 0
	for k, t := range s.Tokens {
		if k > 0 && (space == nil || space(k)) {
			b.WriteByte(' ')
			off++
		}
		b.WriteString(t)
		j.starts[k] = off
		off += len([]rune(t))
		j.ends[k] = off
	}
	j.Text = b.String()
	return j
}

// Tokens maps a rune range of Text to the tokens it touches; ok is false
// when it touches none.
func (j Joined) Tokens(start, end int) (sp Span, ok bool) {
	sp = Span{-1, -1}
	for k := range j.starts {
		if j.ends[k] > start && j.starts[k] < end {
			if sp.A < 0 {
				sp.A = k
			}
			sp.B = k + 1
		}
	}
	return sp, sp.A >= 0
}
