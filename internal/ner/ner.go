// Package ner is marsad's trained named-entity recogniser: an averaged
// structured perceptron with first-order Viterbi decoding over BIO tags
// (PER, LOC, ORG, MISC), trained by marsad itself on ANERcorp because no
// downloadable model weights are reachable from here. It tags in two
// passes: the second sees what the first found in the sentences around
// (document features, doc.go), so a name recognized once is recognized
// where it recurs.
//
// It owns the model (features, training, decoding), its file format, the
// CoNLL reader used for the corpora and the conlleval-style scorer. It does
// not resolve identities: Mentions returns typed spans with rune offsets and
// the entities stage decides who they are.
//
// It is pure: no package-level mutable state (Default hands out one
// immutable model through sync.OnceValues), no network, and I/O only where a
// caller passes a path or a reader.
package ner

import "github.com/marsad/marsad/news"

// Sentence is one tagged (or untagged) sentence. Tags, when present, are
// BIO tags over news.PER, news.LOC, news.ORG and news.MISC, one per word.
type Sentence struct {
	Words []string
	Tags  []string
}

// Span is one entity mention: its type (news.PER, news.LOC, news.ORG or
// news.MISC), its original text, and its rune offsets [Start, End) in the
// text it was found in.
type Span struct {
	Type       string
	Text       string
	Start, End int
}

// The tag set. The index of a tag is its row in the weight tables, so the
// order is part of the file format.
var tagNames = [...]string{"O",
	"B-" + news.PER, "I-" + news.PER,
	"B-" + news.LOC, "I-" + news.LOC,
	"B-" + news.ORG, "I-" + news.ORG,
	"B-" + news.MISC, "I-" + news.MISC,
}

const (
	numTags  = len(tagNames)
	startTag = numTags // the "previous tag" of the first word
)

// tagIndex returns the index of a normalized tag, or 0 (O) when it is not in
// the tag set.
func tagIndex(tag string) int {
	for i, t := range tagNames {
		if t == tag {
			return i
		}
	}
	return 0
}

// allowed reports whether tag cur may follow tag prev under BIO: I-X only
// after B-X or I-X. Decoding never produces an orphan I-, so every predicted
// span is well formed.
func allowed(prev, cur int) bool {
	if cur == 0 || cur%2 == 1 { // O or B-X
		return true
	}
	return prev != startTag && prev != 0 && (prev+1)/2 == cur/2
}
