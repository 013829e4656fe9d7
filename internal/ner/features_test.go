package ner

import "testing"

func TestTriggerClasses(t *testing.T) {
	fz := newFeaturizer(Trigger|Clitic, nil, nil, nil)
	tests := []struct{ word, class string }{
		{"الرئيس", "title"},
		{"وزارة", "org"},
		{"للنادي", "org"},      // with proclitics, through the stripped form
		{"اليوان", "currency"}, // currencies are MISC in ANERcorp
		{"باليورو", "currency"},
		{"الإسلام", "misc"}, // religions
		{"بطولة", "misc"},   // events
		{"العاصمة", "place"},
		{"وقال", "say"},
		{"الأمريكية", ""}, // nationality adjectives are O in ANERcorp
	}
	for _, tt := range tests {
		if got := fz.tokens([]string{tt.word})[0].trigger; got != tt.class {
			t.Errorf("trigger class of %s = %q, want %q", tt.word, got, tt.class)
		}
	}
}
