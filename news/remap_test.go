package news

import "testing"

func TestRemapPlace(t *testing.T) {
	r := NewRemap(Revisions{
		Merges: []EventMerge{
			{From: "ev-b", Into: "ev-a", Story: "st-a"},
			{From: "ev-a", Into: "ev-0", Story: "st-0"}, // the survivor merged on
			{From: "ev-y", Into: "ev-x", Story: "st-x"},
		},
		Reroots: []Reroot{
			{From: "r1", To: "r2"},
			{From: "r2", To: "r3"}, // an even earlier report arrived
		},
	})
	for _, tt := range []struct {
		in, want Assignment
	}{
		{Assignment{ID: "b", Event: "ev-b", Story: "st-b"}, Assignment{ID: "b", Event: "ev-0", Story: "st-0"}},
		{Assignment{ID: "a", Event: "ev-a", Story: "st-a"}, Assignment{ID: "a", Event: "ev-0", Story: "st-0"}},
		{Assignment{ID: "y", Event: "ev-y", Story: "st-y"}, Assignment{ID: "y", Event: "ev-x", Story: "st-x"}},
		{Assignment{ID: "x", Event: "ev-x", Story: "st-x"}, Assignment{ID: "x", Event: "ev-x", Story: "st-x"}},
		// The old first members and their copies name the earliest.
		{Assignment{ID: "r1", Event: "ev-r"}, Assignment{ID: "r1", DuplicateOf: "r3", Event: "ev-r"}},
		{Assignment{ID: "c", DuplicateOf: "r1", Event: "ev-r"}, Assignment{ID: "c", DuplicateOf: "r3", Event: "ev-r"}},
		{Assignment{ID: "r2", DuplicateOf: "", Event: "ev-r"}, Assignment{ID: "r2", DuplicateOf: "r3", Event: "ev-r"}},
		{Assignment{ID: "r3", Event: "ev-r"}, Assignment{ID: "r3", Event: "ev-r"}},
		{Assignment{ID: "d", DuplicateOf: "other", Event: "ev-o"}, Assignment{ID: "d", DuplicateOf: "other", Event: "ev-o"}},
	} {
		if got := r.Place(tt.in); got != tt.want {
			t.Errorf("Place(%+v) = %+v, want %+v", tt.in, got, tt.want)
		}
	}
}
