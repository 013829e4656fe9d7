package ner

import (
	"slices"
	"testing"
)

func TestDocFeatures(t *testing.T) {
	fz := newFeaturizer(AllFamilies, nil, nil, nil)
	sents := [][]string{
		{"أعلن", "البنك", "التجاري", "أرباحه"},
		{"وقال", "مدير", "للبنك", "التجاري", "إن"},
		{"البنك", "التجاري", "يتوسع"},
	}
	// The first pass found the bank in the first sentence only.
	first := [][]int{
		bilou([]string{"O", "B-ORG", "I-ORG", "O"}),
		{0, 0, 0, 0, 0},
		{0, 0, 0},
	}
	toks := make([][]token, len(sents))
	for i, s := range sents {
		toks[i] = fz.tokens(s)
	}
	docs := docFeatures(toks, first)
	has := func(s, i int, h uint64) bool { return slices.Contains(docs[s][i], h) }
	bOrg, iOrg := hash(tDocName, 0, "B-ORG"), hash(tDocName, 0, "I-ORG")
	tests := []struct {
		name string
		s, i int
		h    uint64
		want bool
	}{
		{"a name is no evidence for its own span", 0, 1, bOrg, false},
		{"the name recurs with a proclitic (للبنك)", 1, 2, bOrg, true},
		{"and its second word continues it", 1, 3, iOrg, true},
		{"the name recurs bare", 2, 0, bOrg, true},
		{"a word before it is no part of it", 1, 1, bOrg, false},
		{"the word's other occurrence was tagged ORG", 2, 1, hash(tDocWord, 1, "ORG"), true},
		{"a word's own tag is not pooled", 0, 2, hash(tDocWord, 2, "ORG"), false},
		{"the first pass's own tag is a feature", 0, 1, hash(tFirstAt, 1, "B-ORG"), true},
	}
	for _, tt := range tests {
		if got := has(tt.s, tt.i, tt.h); got != tt.want {
			t.Errorf("%s: sentence %d word %d: has feature = %v, want %v", tt.name, tt.s, tt.i, got, tt.want)
		}
	}
}
