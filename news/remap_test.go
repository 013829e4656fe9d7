package news

import "testing"

func TestRemapPlace(t *testing.T) {
	r := NewRemap([]EventMerge{
		{From: "ev-b", Into: "ev-a", Story: "st-a"},
		{From: "ev-a", Into: "ev-0", Story: "st-0"}, // the survivor merged on
		{From: "ev-y", Into: "ev-x", Story: "st-x"},
	})
	for _, tt := range []struct {
		event, story         string
		wantEvent, wantStory string
	}{
		{"ev-b", "st-b", "ev-0", "st-0"},
		{"ev-a", "st-a", "ev-0", "st-0"},
		{"ev-y", "st-y", "ev-x", "st-x"},
		{"ev-x", "st-x", "ev-x", "st-x"},
		{"ev-other", "st-other", "ev-other", "st-other"},
	} {
		e, s := r.Place(tt.event, tt.story)
		if e != tt.wantEvent || s != tt.wantStory {
			t.Errorf("Place(%s, %s) = %s, %s; want %s, %s", tt.event, tt.story, e, s, tt.wantEvent, tt.wantStory)
		}
	}
}
