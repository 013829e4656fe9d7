package wojood

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// dataDir is where the shared evaluation data lives, beside the project.
const dataDir = "../../../../shared/data/wojood"

// TestScoreDates scores Find's spans against Wojood's DATE spans. It reports
// and asserts only that the scoring ran: the numbers are for docs/QUALITY.md.
func TestScoreDates(t *testing.T) {
	s, err := ScoreDates(dataDir)
	if errors.Is(err, ErrNoData) {
		t.Skipf("Wojood data not found in %s: skipping the span score", dataDir)
	}
	if err != nil {
		t.Fatal(err)
	}
	if s.Sentences == 0 || s.Gold == 0 {
		t.Fatalf("no sentences or DATE spans read: %+v", s)
	}
	t.Logf("Wojood DATE: %s", s)
}

func TestScoreDatesMissing(t *testing.T) {
	if _, err := ScoreDates(t.TempDir()); !errors.Is(err, ErrNoData) {
		t.Fatalf("ScoreDates(empty dir) error = %v; want ErrNoData", err)
	}
}

// TestReadSpansJoin reads a small file with nested tags and checks spans,
// the joined text and the mapping of text ranges back to tokens.
func TestReadSpansJoin(t *testing.T) {
	dir := t.TempDir()
	data := "في O\n15 B-DATE B-CARDINAL\nيوليو I-DATE\n2015 I-DATE B-DATE\nدفع O\n5 B-MONEY\nدولارات I-MONEY\n\nجملة O\n"
	if err := os.WriteFile(filepath.Join(dir, "val.txt"), []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	sents, err := Read(dir)
	if err != nil || len(sents) != 2 || sents[0].ID != "val.txt:0" || sents[1].ID != "val.txt:1" {
		t.Fatalf("Read = %+v, %v", sents, err)
	}
	s := sents[0]
	// The nested B-DATE on 2015 starts a new span: nested spans of one type
	// are kept as the annotation gives their starts.
	if got, want := s.Spans("DATE"), []Span{{1, 3}, {3, 4}}; !reflect.DeepEqual(got, want) {
		t.Errorf("DATE spans = %v, want %v", got, want)
	}
	if got, want := s.Spans("MONEY"), []Span{{5, 7}}; !reflect.DeepEqual(got, want) {
		t.Errorf("MONEY spans = %v, want %v", got, want)
	}
	j := s.Join(nil)
	if j.Text != "في 15 يوليو 2015 دفع 5 دولارات" {
		t.Errorf("Join = %q", j.Text)
	}
	if sp, ok := j.Tokens(3, 11); !ok || sp != (Span{1, 3}) { // "15 يوليو"
		t.Errorf("Tokens(3, 11) = %v, %v; want {1 3}", sp, ok)
	}
	if _, ok := j.Tokens(100, 101); ok {
		t.Error("a range past the text maps to tokens")
	}
	glued := s.Join(func(k int) bool { return k != 2 })
	if glued.Text != "في 15يوليو 2015 دفع 5 دولارات" {
		t.Errorf("Join with a glue rule = %q", glued.Text)
	}
	if !(Span{1, 3}).Meets(Span{2, 4}) || (Span{1, 3}).Meets(Span{3, 4}) || !AnyMeets(Span{0, 1}, []Span{{3, 4}, {0, 2}}) {
		t.Error("Meets/AnyMeets wrong on half-open ranges")
	}
}
