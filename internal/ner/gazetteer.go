package ner

import (
	"sort"
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/marsad/marsad/internal/arabic"
	"github.com/marsad/marsad/news"
)

// gazetteer maps names, as space-joined search-layer words, to the types
// they are known as. It is read-only once built.
type gazetteer struct {
	names  map[string]uint8 // name → bit set of typeBits
	first  map[string]bool  // first word of every name: most words open none
	maxLen int              // words in the longest name
}

var typeBits = [...]string{news.PER, news.LOC, news.ORG, news.MISC}

func newGazetteer() *gazetteer {
	return &gazetteer{names: map[string]uint8{}, first: map[string]bool{}}
}

// add records name (search layer, words joined by one space) as typ.
func (g *gazetteer) add(name, typ string) {
	bit := uint8(0)
	for i, t := range typeBits {
		if t == typ {
			bit = 1 << i
		}
	}
	if name == "" || bit == 0 {
		return
	}
	g.names[name] |= bit
	ws := strings.Split(name, " ")
	g.first[ws[0]] = true
	g.maxLen = max(g.maxLen, len(ws))
}

// merge adds every name of o to g.
func (g *gazetteer) merge(o *gazetteer) {
	for name, bits := range o.names {
		for i, t := range typeBits {
			if bits&(1<<i) != 0 {
				g.add(name, t)
			}
		}
	}
}

// sortedNames returns the names in byte order, for a deterministic file.
func (g *gazetteer) sortedNames() []string {
	out := make([]string, 0, len(g.names))
	for n := range g.names {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// match returns, for each word, the gazetteer labels covering it: B-T on the
// first word of a name of type T, I-T on the others. A name's first word may
// carry proclitics (وروسيا، لواشنطن), tried through arabic.CliticSplits.
func (g *gazetteer) match(toks []token) [][]string {
	if g == nil || len(g.names) == 0 {
		return nil
	}
	out := make([][]string, len(toks))
	var b strings.Builder
	for i := range toks {
		firsts := []string{toks[i].s}
		for _, sp := range toks[i].splits {
			firsts = append(firsts, sp[1])
		}
		for _, f := range firsts {
			if !g.first[f] {
				continue
			}
			b.Reset()
			b.WriteString(f)
			for n := 1; n <= g.maxLen && i+n <= len(toks); n++ {
				if n > 1 {
					b.WriteByte(' ')
					b.WriteString(toks[i+n-1].s)
				}
				bits := g.names[b.String()]
				for ti, t := range typeBits {
					if bits&(1<<ti) == 0 {
						continue
					}
					out[i] = addLabel(out[i], "B-"+t)
					for j := i + 1; j < i+n; j++ {
						out[j] = addLabel(out[j], "I-"+t)
					}
				}
			}
		}
	}
	return out
}

func addLabel(ls []string, l string) []string {
	for _, x := range ls {
		if x == l {
			return ls
		}
	}
	return append(ls, l)
}

// regionGazetteer holds CLDR's Arabic names of every country and region
// (روسيا، كوريا الشمالية، الشرق الأوسط), as locations.
func regionGazetteer() *gazetteer {
	g := newGazetteer()
	namer := display.Regions(language.Arabic)
	var codes []string
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			codes = append(codes, string([]rune{a, b}))
		}
	}
	for n := 1; n < 1000; n++ {
		codes = append(codes, string([]byte{byte('0' + n/100), byte('0' + n/10%10), byte('0' + n%10)}))
	}
	for _, c := range codes {
		r, err := language.ParseRegion(c)
		if err != nil {
			continue
		}
		name := namer.Name(r)
		if name == "" || name == c {
			continue
		}
		// CLDR writes some names with a qualifier after a comma or in
		// brackets (هونغ كونغ الصينية (منطقة إدارية خاصة)): keep the head.
		name, _, _ = strings.Cut(name, "(")
		name, _, _ = strings.Cut(name, "،")
		if key := nameKey(name); key != "" {
			g.add(key, news.LOC)
		}
	}
	return g
}

// nameKey is the search layer of name, split into words as Tokens would and
// joined by single spaces.
func nameKey(name string) string {
	var ws []string
	for _, t := range arabic.Tokens(name) {
		ws = append(ws, t.Norm)
	}
	return strings.Join(ws, " ")
}

// learnNames builds a gazetteer of the entities tagged in sents, keeping a
// name as type T only when more than half of its appearances in sents are
// tagged T: a word that is a name only now and then (أمل، عادل) must not
// fire as one everywhere.
func learnNames(sents []Sentence) *gazetteer {
	tagged := map[string]*[len(typeBits)]int{}
	maxLen := 0
	for _, s := range sents {
		for _, c := range chunks(s.Tags) {
			key := joinSearch(s.Words[c.start:c.end])
			if tagged[key] == nil {
				tagged[key] = new([len(typeBits)]int)
			}
			for i, t := range typeBits {
				if t == c.typ {
					tagged[key][i]++
				}
			}
			maxLen = max(maxLen, c.end-c.start)
		}
	}
	seen := map[string]int{}
	for _, s := range sents {
		for i := range s.Words {
			for n := 1; n <= maxLen && i+n <= len(s.Words); n++ {
				if key := joinSearch(s.Words[i : i+n]); tagged[key] != nil {
					seen[key]++
				}
			}
		}
	}
	g := newGazetteer()
	for key, counts := range tagged {
		if arabic.IsStopword(key) {
			continue
		}
		for i, n := range counts {
			if 2*n > seen[key] {
				g.add(key, typeBits[i])
			}
		}
	}
	return g
}

func joinSearch(words []string) string {
	var b strings.Builder
	for i, w := range words {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(arabic.Search(w))
	}
	return b.String()
}
