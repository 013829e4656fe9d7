package cluster

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
)

// GoldItem is one labelled article: a key into SaudiNewsNet (the day
// archive and the article's position in its JSON array), the URL as a
// check that the key points where the labeller looked, and the labels.
// The article's text is never stored (the data's licence forbids it).
type GoldItem struct {
	Zip   string `json:"zip"`   // day archive, "2015-07-25.zip"
	Index int    `json:"index"` // position in the archive's JSON array, from 0
	URL   string `json:"url"`
	Event string `json:"event"` // "e-..."
	Story string `json:"story"` // "s-..."
}

// ErrGold reports a malformed gold file; the returned error says where.
var ErrGold = errors.New("malformed gold file")

// LineError is a problem on one line of a gold file.
type LineError struct {
	Line int
	Err  error
}

func (e *LineError) Error() string { return fmt.Sprintf("gold line %d: %v", e.Line, e.Err) }
func (e *LineError) Unwrap() error { return e.Err }

var zipName = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}\.zip$`)

// ReadGold reads a gold file: JSONL, one GoldItem per line; blank lines
// are skipped. Unknown keys, a bad zip name, a negative index, labels
// without their "e-"/"s-" prefix and an article listed twice are errors
// (wrapping ErrGold), so a typo cannot silently change the scores.
func ReadGold(r io.Reader) ([]GoldItem, error) {
	var out []GoldItem
	seen := map[[2]any]int{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 {
			continue
		}
		var it GoldItem
		dec := json.NewDecoder(bytes.NewReader(line))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&it); err != nil {
			return nil, &LineError{n, fmt.Errorf("%w: %w", ErrGold, err)}
		}
		if dec.More() {
			return nil, &LineError{n, fmt.Errorf("%w: more than one object", ErrGold)}
		}
		if err := it.check(); err != nil {
			return nil, &LineError{n, err}
		}
		key := [2]any{it.Zip, it.Index}
		if first, ok := seen[key]; ok {
			return nil, &LineError{n, fmt.Errorf("%w: %s #%d already labelled on line %d", ErrGold, it.Zip, it.Index, first)}
		}
		seen[key] = n
		out = append(out, it)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading gold: %w", err)
	}
	return out, nil
}

func (it GoldItem) check() error {
	switch {
	case !zipName.MatchString(it.Zip):
		return fmt.Errorf("%w: zip %q is not YYYY-MM-DD.zip", ErrGold, it.Zip)
	case it.Index < 0:
		return fmt.Errorf("%w: negative index %d", ErrGold, it.Index)
	case it.URL == "":
		return fmt.Errorf("%w: no url", ErrGold)
	case len(it.Event) < 3 || it.Event[:2] != "e-":
		return fmt.Errorf("%w: event %q does not start with e-", ErrGold, it.Event)
	case len(it.Story) < 3 || it.Story[:2] != "s-":
		return fmt.Errorf("%w: story %q does not start with s-", ErrGold, it.Story)
	}
	return nil
}

// LoadGold reads the gold file at path.
func LoadGold(path string) ([]GoldItem, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open gold: %w", err)
	}
	defer f.Close()
	gold, err := ReadGold(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return gold, nil
}
