package ner

import (
	"slices"
	"testing"
)

// TestLearnProfiles checks each cue on a small news corpus: a word's
// profile holds the cue, banded by the share of its occurrences that had
// it.
func TestLearnProfiles(t *testing.T) {
	texts := []string{
		"فاز فريق ارسنال الانجليزي على ضيفه. وقال الرئيس طالباني إن الوضع مستقر.",
		"تعادل ارسنال مع بنفيكا البرتغالي. وأكد طالباني قال ذلك.",
		"سجل ارسنال هدفا. استقبل الرئيس طالباني الوفد في بغداد.",
		"وصل الوفد إلى بغداد. وفي بغداد اجتماع. زار بغداد «سيارة» جديدة.",
		// A syndicated copy counts once.
		"سجل ارسنال هدفا. استقبل الرئيس طالباني الوفد في بغداد.",
	}
	profiles := LearnProfiles(NewsSentences(texts))
	tests := []struct {
		word string
		cue  int
		band byte // 0: the cue must be absent
	}{
		{"ارسنال", cueClub, 3},        // فريق ارسنال: 1 of 3
		{"ارسنال", cueNationality, 3}, // ارسنال الانجليزي: 1 of 3
		{"ارسنال", cueTitle, 0},
		{"طالباني", cueTitle, 3},      // الرئيس طالباني: 2 of 3
		{"طالباني", cueSayBefore, 3},  // وقال الرئيس طالباني, وأكد طالباني
		{"طالباني", cueSayAfter, 3},   // طالباني قال
		{"بغداد", cuePreposition, 3},  // إلى بغداد, في بغداد (وفي stripped)
		{"بنفيكا", cueNationality, 0}, // seen once: below profileMinCount
	}
	for _, tt := range tests {
		p := profiles[tt.word]
		var got byte
		for i := 0; i < len(p); i++ {
			if int(p[i]/4) == tt.cue {
				got = p[i] % 4
			}
		}
		if got != tt.band {
			t.Errorf("%s: cue %d has band %d, want %d (profile %v)", tt.word, tt.cue, got, tt.band, []byte(p))
		}
	}
}

// TestNewsSentences checks that texts are split into sentences of tokens
// and that a repeated text is read once.
func TestNewsSentences(t *testing.T) {
	docs := NewsSentences([]string{"قال الرئيس. وصل الوفد.", "قال الرئيس. وصل الوفد.", ""})
	if len(docs) != 1 {
		t.Fatalf("got %d documents, want 1", len(docs))
	}
	want := [][]string{{"قال", "الرئيس", "."}, {"وصل", "الوفد", "."}}
	if len(docs[0]) != len(want) {
		t.Fatalf("got %q, want %q", docs[0], want)
	}
	for i := range want {
		if !slices.Equal(docs[0][i], want[i]) {
			t.Errorf("sentence %d: got %q, want %q", i, docs[0][i], want[i])
		}
	}
}
