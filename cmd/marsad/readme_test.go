package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// readmeSample is one `marsad --db demo.db ...` example of the README: the
// command's arguments and the output lines shown under it.
type readmeSample struct {
	line  int // of the command, 1-based
	args  []string
	lines []string
}

// readmeSamples finds the README's examples run against the demo store.
// Commands that write to it (ingest, reanalyze) are left out: their output
// holds timings.
func readmeSamples(text string) []readmeSample {
	const prompt = "    $ marsad --db demo.db "
	var out []readmeSample
	lines := strings.Split(text, "\n")
	for i := 0; i < len(lines); i++ {
		rest, ok := strings.CutPrefix(lines[i], prompt)
		if !ok {
			continue
		}
		s := readmeSample{line: i + 1, args: shellWords(rest)}
		for i+1 < len(lines) && strings.HasPrefix(lines[i+1], "    ") && !strings.HasPrefix(lines[i+1], "    $ ") {
			i++
			s.lines = append(s.lines, strings.TrimPrefix(lines[i], "    "))
		}
		if len(s.args) > 0 && s.args[0] != "ingest" && s.args[0] != "reanalyze" {
			out = append(out, s)
		}
	}
	return out
}

// shellWords splits a command line as a shell would for the README's
// examples: on spaces, with single quotes holding a word together.
func shellWords(s string) []string {
	var words []string
	var w strings.Builder
	quoted, inWord := false, false
	for _, r := range s {
		switch {
		case r == '\'':
			quoted, inWord = !quoted, true
		case r == ' ' && !quoted:
			if inWord {
				words = append(words, w.String())
				w.Reset()
			}
			inWord = false
		default:
			w.WriteRune(r)
			inWord = true
		}
	}
	if inWord {
		words = append(words, w.String())
	}
	return words
}

// TestReadmeSamples runs the README's examples against a store of the
// seeds and checks that every line shown is what the command prints now:
// a new user compares their screen with them, and they had drifted
// unnoticed. A line "..." ends a sample early.
func TestReadmeSamples(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	samples := readmeSamples(string(readme))
	if len(samples) < 5 {
		t.Fatalf("found %d README samples run against demo.db, want at least 5: has the prompt changed?", len(samples))
	}
	db := filepath.Join(t.TempDir(), "demo.db")
	if r := run(t, db, "ingest", seeds); r.code != 0 {
		t.Fatalf("ingest the seeds: exit %d\n%s", r.code, r.stderr)
	}
	for _, s := range samples {
		r := run(t, db, s.args...)
		if r.code != 0 {
			t.Errorf("README.md:%d: marsad %s: exit %d\n%s", s.line, strings.Join(s.args, " "), r.code, r.stderr)
			continue
		}
		got := strings.Split(strings.TrimRight(r.stdout, "\n"), "\n")
		for i, want := range s.lines {
			if want == "..." {
				break
			}
			if i >= len(got) || got[i] != want {
				have := "(nothing)"
				if i < len(got) {
					have = got[i]
				}
				t.Errorf("README.md:%d (marsad %s, line %d of its output):\n got %s\nwant %s", s.line+1+i, strings.Join(s.args, " "), i+1, have, want)
				break
			}
		}
	}
}

func TestShellWords(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"stories", []string{"stories"}},
		{"entities --limit 4", []string{"entities", "--limit", "4"}},
		{"search 'كورسك' --limit 2", []string{"search", "كورسك", "--limit", "2"}},
		{"search 'كيم جونغ'", []string{"search", "كيم جونغ"}},
	}
	for _, tt := range tests {
		if got := shellWords(tt.in); strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("shellWords(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
