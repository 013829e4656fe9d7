package cluster

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestReadGold(t *testing.T) {
	good := `{"zip":"2015-07-25.zip","index":3,"url":"http://a/1","event":"e-1","story":"s-1"}`
	cases := []struct {
		name  string
		in    string
		items int
		ok    bool
	}{
		{"one line", good, 1, true},
		{"blank lines skipped", "\n" + good + "\n\n", 1, true},
		{"unknown key (a typo)", `{"zip":"2015-07-25.zip","index":3,"url":"u","event":"e-1","stroy":"s-1"}`, 0, false},
		{"article text is not a gold field", `{"zip":"2015-07-25.zip","index":3,"url":"u","event":"e-1","story":"s-1","content":"نص"}`, 0, false},
		{"bad zip name", `{"zip":"day1.zip","index":3,"url":"u","event":"e-1","story":"s-1"}`, 0, false},
		{"negative index", `{"zip":"2015-07-25.zip","index":-1,"url":"u","event":"e-1","story":"s-1"}`, 0, false},
		{"event without prefix", `{"zip":"2015-07-25.zip","index":3,"url":"u","event":"1","story":"s-1"}`, 0, false},
		{"missing story", `{"zip":"2015-07-25.zip","index":3,"url":"u","event":"e-1"}`, 0, false},
		{"missing url", `{"zip":"2015-07-25.zip","index":3,"event":"e-1","story":"s-1"}`, 0, false},
		{"same article twice", good + "\n" + good, 0, false},
		{"two objects on a line", good + good, 0, false},
		{"not json", "zip=1", 0, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := ReadGold(strings.NewReader(c.in))
			if c.ok != (err == nil) {
				t.Fatalf("err = %v, want ok=%v", err, c.ok)
			}
			if err != nil && !errors.Is(err, ErrGold) {
				t.Errorf("err %v does not wrap ErrGold", err)
			}
			var le *LineError
			if err != nil && !errors.As(err, &le) {
				t.Errorf("err %v is not a LineError", err)
			}
			if len(got) != c.items {
				t.Errorf("got %d items, want %d", len(got), c.items)
			}
		})
	}
}

func TestSampleGoldParses(t *testing.T) {
	gold, err := LoadGold("testdata/sample.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	if len(gold) != 40 {
		t.Fatalf("sample holds %d items, want 40", len(gold))
	}
	for i, g := range gold {
		if g.Zip != "2015-07-25.zip" || g.Index != i {
			t.Errorf("item %d is %s #%d: the sample is the first 40 articles of 2015-07-25 in order", i, g.Zip, g.Index)
		}
	}
}

// FuzzReadGold: ReadGold never panics, and whatever it accepts survives a
// round trip through its own format unchanged.
func FuzzReadGold(f *testing.F) {
	f.Add(`{"zip":"2015-07-25.zip","index":3,"url":"http://a/1","event":"e-1","story":"s-1"}`)
	f.Add("{\"zip\":\"2015-07-26.zip\",\"index\":0,\"url\":\"u\",\"event\":\"e-حريق\",\"story\":\"s-حريق\"}\n\n")
	f.Add(`{"zip":1}`)
	f.Fuzz(func(t *testing.T, in string) {
		gold, err := ReadGold(strings.NewReader(in))
		if err != nil {
			return
		}
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		for _, g := range gold {
			if err := enc.Encode(g); err != nil {
				t.Fatal(err)
			}
		}
		again, err := ReadGold(&buf)
		if err != nil {
			t.Fatalf("re-reading accepted gold: %v", err)
		}
		if len(gold) != len(again) || len(gold) > 0 && !reflect.DeepEqual(gold, again) {
			t.Fatalf("round trip changed %v into %v", gold, again)
		}
	})
}
