package search

import (
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/marsad/marsad/internal/arabic"
	"github.com/marsad/marsad/news"
)

// unit is one indexable piece of a text: a word (a hyphenated word gives one
// unit per part), a number, a URL, an address, a hashtag or a handle. Start
// and End are byte offsets into the original string, so bleve's highlighter
// marks the characters the user wrote, diacritics and all; Norm is the search
// layer of those characters alone.
type unit struct {
	Start, End int
	Norm       string
	Kind       arabic.TokenKind
}

// units splits s with arabic.Tokens and normalizes each token on its own.
// Normalizing token by token, not the whole string, is what keeps offsets
// into the original: the search layer drops diacritics and tatweel, so
// offsets into a normalized copy would point at the wrong characters.
// Punctuation is dropped; it takes no position, so a phrase matches across
// a comma as it would in any search engine.
func units(s string) []unit {
	toks := arabic.Tokens(s)
	out := make([]unit, 0, len(toks))
	b, r := 0, 0 // byte and rune offset of the scan in s
	for _, t := range toks {
		for r < t.Start {
			_, size := utf8.DecodeRuneInString(s[b:])
			b += size
			r++
		}
		start, end := b, b+len(t.Text)
		b, r = end, t.End
		switch t.Kind {
		case arabic.Punct:
			continue
		case arabic.Word:
			if !strings.ContainsAny(t.Text, "-‐‑") {
				// Tokens has normalized it already.
				if t.Norm != "" {
					out = append(out, unit{Start: start, End: end, Norm: t.Norm, Kind: t.Kind})
				}
				continue
			}
			out = appendWordParts(out, t.Text, start)
			continue
		case arabic.Digits:
			// 12,000 and ١٢٬٠٠٠ are the number 12000 whoever typed them.
			out = append(out, unit{Start: start, End: end, Norm: digitsTerm(t.Norm), Kind: t.Kind})
			continue
		}
		out = append(out, unit{Start: start, End: end, Norm: t.Norm, Kind: t.Kind})
	}
	return out
}

// appendWordParts appends the parts of a word between hyphens, each with its
// own offsets: outlets write كيم جونغ-أون and كيم جونغ أون, and both must
// match the same query and phrase.
func appendWordParts(out []unit, word string, offset int) []unit {
	part := 0
	for i, c := range word {
		if c != '-' && c != '‐' && c != '‑' {
			continue
		}
		out = appendWord(out, word[part:i], offset+part)
		part = i + utf8.RuneLen(c)
	}
	return appendWord(out, word[part:], offset+part)
}

func appendWord(out []unit, w string, offset int) []unit {
	norm := arabic.Search(w)
	if norm == "" {
		return out // a stray tatweel or diacritic: nothing to find
	}
	return append(out, unit{Start: offset, End: offset + len(w), Norm: norm, Kind: arabic.Word})
}

// digitsTerm drops the grouping separators of a number in the search layer,
// keeping the decimal point.
func digitsTerm(norm string) string {
	if !strings.ContainsAny(norm, ",' ") {
		return norm
	}
	return strings.Map(func(r rune) rune {
		if r == ',' || r == '\'' || r == ' ' {
			return -1
		}
		return r
	}, norm)
}

// nameSet holds the search-layer forms of name words that light stemming
// would damage (بوتين → بوت, عمان → عم): words of one article's entity
// mentions, or, at query time, the words any indexed article protected.
type nameSet map[string]bool

// endsOneOf reports whether w ends with one of the names, the condition for
// it to be a name with or without proclitics.
func (n nameSet) endsOneOf(w string) bool {
	for name := range n {
		if strings.HasSuffix(w, name) {
			return true
		}
	}
	return false
}

// nameForm returns the unstemmed form under which a word is indexed when it
// is a protected name: the word itself, or what is left after its proclitics
// (وبوتين, لبوتين → بوتين). isName says which forms are protected.
func nameForm(norm string, isName func(string) bool) (string, bool) {
	if isName(norm) {
		return norm, true
	}
	for _, split := range arabic.CliticSplits(norm) {
		if isName(split[1]) {
			return split[1], true
		}
	}
	return "", false
}

// term is the indexed term of one unit: words are light-stemmed, unless they
// are protected names, which are indexed unstemmed and without proclitics;
// other units are indexed in the search layer as they are.
func term(u unit, isName func(string) bool) string {
	if u.Kind != arabic.Word {
		return u.Norm
	}
	if isName != nil {
		if form, ok := nameForm(u.Norm, isName); ok {
			return form
		}
	}
	return arabic.Stem(u.Norm)
}

// analyzer is marsad's Arabic analysis as bleve sees it: tokens from
// arabic.Tokens with byte offsets into the original text, each normalized
// with arabic.Search and light-stemmed with arabic.Stem, except the words
// of the document's own entity names, which stemming would break.
//
// Registered under analyzerName with no names (that is what bleve's own
// query parsers would use); documents are indexed with an analyzer holding
// their names, built in document.
type analyzer struct {
	names nameSet
}

// Analyze implements analysis.Analyzer.
func (a analyzer) Analyze(input []byte) analysis.TokenStream {
	var isName func(string) bool
	if len(a.names) > 0 {
		isName = func(w string) bool { return a.names[w] }
	}
	us := units(string(input))
	out := make(analysis.TokenStream, 0, len(us))
	for i, u := range us {
		typ := analysis.AlphaNumeric
		if u.Kind == arabic.Digits {
			typ = analysis.Numeric
		}
		check := isName
		if check != nil && !a.names.endsOneOf(u.Norm) {
			// Trying every clitic split of every word costs a tenth of
			// indexing time; a word that ends in no name cannot be one.
			check = nil
		}
		out = append(out, &analysis.Token{
			Start:    u.Start,
			End:      u.End,
			Term:     []byte(term(u, check)),
			Position: i + 1,
			Type:     typ,
		})
	}
	return out
}

// protectedNames collects the name words of an article that light stemming
// would damage. Person names are always protected (حسين is not حس, بوتين
// not بوت). Place names are protected unless they carry the article: bare
// ones are mostly proper names (عمان, غزة, جدة), while those with the
// article are mostly Arabic adjectives and nouns (الشمالية, المتحدة) that
// should match their other forms. Organization and other names are not
// protected: their words are mostly common nouns (وزارة, حركة, هيئة) which
// must keep matching their plural and definite forms. Words stemming does
// not change need no protection, and leaving them out keeps the query-time
// check (resolver.alternatives) from mistaking ordinary words for names.
func protectedNames(a news.Article) nameSet {
	var names nameSet
	for _, m := range a.Entities {
		if m.Type != news.PER && m.Type != news.LOC {
			continue
		}
		canonical := map[string]bool{}
		for _, u := range units(m.Name) {
			canonical[u.Norm] = true
		}
		add := func(w string) {
			if m.Type == news.LOC && strings.HasPrefix(w, "ال") {
				return
			}
			if arabic.Stem(w) == w {
				return
			}
			if names == nil {
				names = nameSet{}
			}
			names[w] = true
		}
		for w := range canonical {
			add(w)
		}
		for _, u := range units(m.Text) {
			if u.Kind != arabic.Word || canonical[u.Norm] {
				continue
			}
			// A mention's text may carry the proclitic it was written with
			// (وبوتين); keep the bare name when the canonical name has it.
			w := u.Norm
			if form, ok := nameForm(w, func(s string) bool { return canonical[s] }); ok {
				w = form
			}
			add(w)
		}
	}
	return names
}
