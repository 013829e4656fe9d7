package timex

import (
	"errors"
	"testing"
)

// wojoodDir is where the shared evaluation data lives, beside the project.
const wojoodDir = "../../../shared/data/wojood"

// TestWojood scores Find's spans against Wojood's DATE spans. It reports and
// asserts only that the scoring ran: the numbers are for docs/QUALITY.md.
func TestWojood(t *testing.T) {
	s, err := ScoreWojood(wojoodDir)
	if errors.Is(err, ErrNoWojood) {
		t.Skipf("Wojood data not found in %s: skipping the span score", wojoodDir)
	}
	if err != nil {
		t.Fatal(err)
	}
	if s.Sentences == 0 || s.Gold == 0 {
		t.Fatalf("no sentences or DATE spans read: %+v", s)
	}
	t.Logf("Wojood DATE: %s", s)
}

func TestScoreWojoodMissing(t *testing.T) {
	if _, err := ScoreWojood(t.TempDir()); !errors.Is(err, ErrNoWojood) {
		t.Fatalf("ScoreWojood(empty dir) error = %v; want ErrNoWojood", err)
	}
}
