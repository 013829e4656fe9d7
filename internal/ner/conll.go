package ner

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/marsad/marsad/news"
)

// ReadCoNLL reads a tagged corpus from path: one `token TAG` (space or tab
// separated) per line, a blank line between sentences. See ParseCoNLL.
func ReadCoNLL(path string) ([]Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read corpus: %w", err)
	}
	defer f.Close()
	sents, err := ParseCoNLL(f)
	if err != nil {
		return nil, fmt.Errorf("read corpus %s: %w", path, err)
	}
	return sents, nil
}

// ParseCoNLL reads a tagged corpus: one `token TAG` per line (the tag is the
// last field), a blank line between sentences. Tags are normalized to the
// contract's types, so ANERcorp and AQMAR score alike: PERS → PER, AQMAR's
// MIS0..MIS3 (and their typos) → MISC; tags of no known type (AQMAR's
// B-ENGLISH, stray IO) become O, and a malformed I--ORG is read as I-ORG.
func ParseCoNLL(r io.Reader) ([]Sentence, error) {
	var (
		sents []Sentence
		cur   Sentence
	)
	flush := func() {
		if len(cur.Words) > 0 {
			sents = append(sents, cur)
		}
		cur = Sentence{}
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for n := 1; sc.Scan(); n++ {
		f := strings.Fields(sc.Text())
		switch len(f) {
		case 0:
			flush()
		case 1:
			return nil, fmt.Errorf("line %d: want `token TAG`, got %q", n, sc.Text())
		default:
			cur.Words = append(cur.Words, f[0])
			cur.Tags = append(cur.Tags, NormalizeTag(f[len(f)-1]))
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	flush()
	return sents, nil
}

// NormalizeTag maps a corpus tag to the tag set this package speaks: O or
// B-/I- followed by PER, LOC, ORG or MISC.
func NormalizeTag(tag string) string {
	prefix, typ, ok := strings.Cut(tag, "-")
	if !ok || (prefix != "B" && prefix != "I") {
		return "O"
	}
	typ = strings.ToUpper(strings.TrimLeft(typ, "-"))
	switch {
	case strings.HasPrefix(typ, "PER"):
		typ = news.PER
	case strings.HasPrefix(typ, "LOC"):
		typ = news.LOC
	case strings.HasPrefix(typ, "ORG"):
		typ = news.ORG
	case strings.HasPrefix(typ, "MIS"):
		typ = news.MISC
	default:
		return "O"
	}
	return prefix + "-" + typ
}
