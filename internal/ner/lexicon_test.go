package ner

import (
	"slices"
	"testing"
)

func TestLexiconFeatures(t *testing.T) {
	fz := newFeaturizer(AllFamilies, nil, nil, nil)
	train := []Sentence{
		{Words: []string{"قال", "كريم", "بنزيمة"}, Tags: []string{"O", "B-PER", "I-PER"}},
		{Words: []string{"وصل", "كريم", "إلى", "مدريد"}, Tags: []string{"O", "B-PER", "O", "B-LOC"}},
		{Words: []string{"كان", "الجو", "كريم"}, Tags: []string{"O", "O", "O"}},
		{Words: []string{"في", "مدريد"}, Tags: []string{"O", "B-LOC"}},
	}
	var toks [][]token
	var gold [][]int
	for _, s := range train {
		toks = append(toks, fz.tokens(s.Words))
		gold = append(gold, bilou(s.Tags))
	}
	lex := learnLexicon(toks, gold, func(int) bool { return true })
	// The last sentence is left out: مدريد is then known from one sentence.
	noLast := learnLexicon(toks, gold, func(i int) bool { return i < len(train)-1 })

	one := func(l *lexicon, w string) []uint64 {
		ts := fz.tokens([]string{w})
		return l.features(nil, &ts[0])
	}
	tests := []struct {
		name string
		lex  *lexicon
		word string
		h    uint64
		want bool
	}{
		{"a word mostly B-PER is in the middle band for B-PER", lex, "كريم", hash(tLex, 2, "B-PER"), true},
		{"a third of the time O: the middle band too", lex, "كريم", hash(tLex, 2, "O"), true},
		{"never the top band", lex, "كريم", hash(tLex, 3, "B-PER"), false},
		{"its commonest tag, seen 2-5 times", lex, "كريم", hash(tLex, 5, "B-PER"), true},
		{"a word always B-LOC is in the top band", lex, "مدريد", hash(tLex, 3, "B-LOC"), true},
		{"its stripped form speaks for it with a proclitic (ومدريد)", lex, "ومدريد", hash(tLex, 16+3, "B-LOC"), true},
		{"a word never seen says so", lex, "بوتين", hash(tLex, 0, ""), true},
		{"counts come only from the sentences kept", noLast, "مدريد", hash(tLex, 4, "B-LOC"), true},
		{"stop words have no lexicon features", lex, "في", hash(tLex, 0, ""), false},
	}
	for _, tt := range tests {
		if got := slices.Contains(one(tt.lex, tt.word), tt.h); got != tt.want {
			t.Errorf("%s: %s has feature = %v, want %v", tt.name, tt.word, got, tt.want)
		}
	}
	ts := fz.tokens([]string{"كريم", "الجو"})
	if tag, ok := lex.majority(&ts[0]); !ok || tagNames[tag] != "B-PER" {
		t.Errorf("majority(كريم) = %s, %v; want B-PER, true", tagNames[tag], ok)
	}
	if tag, ok := lex.majority(&ts[1]); !ok || tag != 0 {
		t.Errorf("majority(الجو) = %s, %v; want O, true", tagNames[tag], ok)
	}
}
