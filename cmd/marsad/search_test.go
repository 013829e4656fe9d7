package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// TestSearchSeeds: after ingesting the seeds, search finds articles through
// Arabic normalization, phrases and entity spellings, and says how many.
func TestSearchSeeds(t *testing.T) {
	db := filepath.Join(t.TempDir(), "m.db")
	if r := run(t, db, "ingest", seeds); r.code != 0 {
		t.Fatalf("ingest: exit %d: %s", r.code, r.stderr)
	}
	tests := []struct {
		query string
		min   int // at least this many hits
		max   int
	}{
		{`entity:"بوتن"`, 6, 6},             // one spelling finds Putin under every spelling
		{`"كوريا الشمالية"`, 6, 6},          // a phrase
		{`كورسك -بوتين`, 0, 0},              // every Kursk article names Putin
		{`اعلنت`, 1, 6},                     // أعلنت through hamza folding
		{`"جونغ-أون"`, 1, 6},                // hyphenated name as a phrase
		{`source:العربية`, 2, 2},            // the glued page's two articles
		{`entity:"كيم جونج أون" قمة`, 1, 6}, // entity filter with a word
		{`زار`, 0, 6},                       // does not crash on a stem
	}
	for _, tt := range tests {
		r := run(t, db, "search", "--json", tt.query)
		if r.code != 0 {
			t.Errorf("search %q: exit %d: %s", tt.query, r.code, r.stderr)
			continue
		}
		var res struct {
			Total int `json:"total"`
			Hits  []struct {
				Snippet string `json:"snippet"`
			} `json:"hits"`
		}
		if err := json.Unmarshal([]byte(r.stdout), &res); err != nil {
			t.Fatalf("search %q: %v\n%s", tt.query, err, r.stdout)
		}
		if res.Total < tt.min || res.Total > tt.max {
			t.Errorf("search %q: %d hits, want %d..%d", tt.query, res.Total, tt.min, tt.max)
		}
	}
	r := run(t, db, "search", "كورسك")
	if r.code != 0 || !strings.Contains(r.stdout, "[كورسك]") {
		t.Errorf("text output should mark the match: %s", r.stdout)
	}
}
