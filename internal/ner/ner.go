// Package ner is marsad's trained named-entity recogniser: an averaged
// structured perceptron with first-order Viterbi decoding over BILOU tags
// (PER, LOC, ORG, MISC; callers see BIO), trained by marsad itself on
// ANERcorp because no downloadable model weights are reachable from here.
// It tags in two
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

import (
	"slices"
	"strings"

	"github.com/marsad/marsad/news"
)

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

// The tag set, BILOU (Ratinov & Roth 2009): for each type B begins a name of
// two words or more, I continues it, L ends it and U is a one-word name. A
// first-order model over BIO must learn from one B tag both how names start
// and how one-word names look; BILOU gives a name's last word and a lone
// name their own weights. Callers see BIO (bioTag). The index of a tag is
// its row in the weight tables, so the order is part of the file format.
var tagNames = [...]string{"O",
	"B-" + news.PER, "I-" + news.PER, "L-" + news.PER, "U-" + news.PER,
	"B-" + news.LOC, "I-" + news.LOC, "L-" + news.LOC, "U-" + news.LOC,
	"B-" + news.ORG, "I-" + news.ORG, "L-" + news.ORG, "U-" + news.ORG,
	"B-" + news.MISC, "I-" + news.MISC, "L-" + news.MISC, "U-" + news.MISC,
}

const (
	numTags  = len(tagNames)
	startTag = numTags // the "previous tag" of the first word
)

// Positions of a tag within its type's four.
const (
	posB = iota
	posI
	posL
	posU
)

// tagType returns 0 for O and 1 + the type's index in typeBits otherwise.
func tagType(t int) int { return (t + 3) / 4 }

// tagPos returns the position (posB ... posU) of a tag other than O.
func tagPos(t int) int { return (t - 1) % 4 }

// open reports whether a name is still open after tag t (B or I), so the
// next word must continue it.
func open(t int) bool { return t != 0 && t != startTag && tagPos(t) <= posI }

// allowed reports whether tag cur may follow tag prev: after B-X or I-X only
// I-X or L-X; elsewhere only O, B or U. Decoding never produces a broken
// name, so every predicted span is well formed.
func allowed(prev, cur int) bool {
	if open(prev) {
		return cur != 0 && tagType(cur) == tagType(prev) && (tagPos(cur) == posI || tagPos(cur) == posL)
	}
	return cur == 0 || tagPos(cur) == posB || tagPos(cur) == posU
}

// precede lists, for each tag, the tags other than the sentence start that
// may come before it: Viterbi's inner loop, which would otherwise ask
// allowed of every pair at every word.
var precede = func() (p [numTags][]int) {
	for cur := range numTags {
		for prev := range numTags {
			if allowed(prev, cur) {
				p[cur] = append(p[cur], prev)
			}
		}
	}
	return p
}()

// bioTag returns the BIO tag of t within the BILOU set: L-X is I-X, U-X is
// B-X. Callers see these (tagNames[bioTag(t)]), and the lexicon counts
// words under them, so that a name's word seen once alone and once in a
// longer name adds up.
func bioTag(t int) int {
	switch {
	case t == 0:
		return 0
	case tagPos(t) == posL:
		return t - posL + posI
	case tagPos(t) == posU:
		return t - posU + posB
	}
	return t
}

// bilou returns the tag indices of BIO tags: B-X followed by I-X is B, else
// U; I-X followed by I-X is I, else L. An I-X that continues nothing (a slip
// in the data) starts a name. Tags outside the set are O.
func bilou(tags []string) []int {
	out := make([]int, len(tags))
	for i, tag := range tags {
		p, typ, ok := strings.Cut(tag, "-")
		ti := slices.Index(typeBits[:], typ)
		if !ok || ti < 0 || (p != "B" && p != "I") {
			continue
		}
		if p == "I" && (i == 0 || !sameName(tags[i-1], typ)) {
			p = "B"
		}
		next := i+1 < len(tags) && tags[i+1] == "I-"+typ
		pos := posU
		switch {
		case p == "B" && next:
			pos = posB
		case p == "I" && next:
			pos = posI
		case p == "I":
			pos = posL
		}
		out[i] = 1 + 4*ti + pos
	}
	return out
}

// sameName reports whether BIO tag prev belongs to a name of type typ.
func sameName(prev, typ string) bool { return prev == "B-"+typ || prev == "I-"+typ }
