package main

import (
	"bytes"
	"encoding/json"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// pipe runs marsad with stdin and returns stdout, stderr and the status.
func pipe(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Stdin = strings.NewReader(stdin)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	r := result{stdout: out.String(), stderr: errb.String()}
	if ee, ok := err.(*exec.ExitError); ok {
		r.code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return r
}

func lines(t *testing.T, s string) []map[string]any {
	t.Helper()
	var out []map[string]any
	for _, l := range strings.Split(strings.TrimSpace(s), "\n") {
		var m map[string]any
		if err := json.Unmarshal([]byte(l), &m); err != nil {
			t.Fatalf("output line %q: %v", l, err)
		}
		out = append(out, m)
	}
	return out
}

// TestStageContract checks the JSON Lines contract of clean, analyze and
// cluster (DESIGN.md): field names, order and composition in a shell.
func TestStageContract(t *testing.T) {
	c := run(t, filepath.Join(t.TempDir(), "unused.db"), "clean", seeds)
	if c.code != 0 {
		t.Fatalf("clean: exit %d: %s", c.code, c.stderr)
	}
	cl := lines(t, c.stdout)
	if len(cl) != 6 {
		t.Fatalf("clean printed %d articles, want 6", len(cl))
	}
	for _, f := range []string{"page", "index", "title", "text", "lang", "published", "source", "author", "captions", "removed"} {
		if _, ok := cl[0][f]; !ok {
			t.Errorf("clean output lacks %q: %v", f, cl[0])
		}
	}
	if cl[4]["page"] != "003_17b01c5e88c50eb0.txt" || cl[4]["index"] != 1.0 {
		t.Errorf("fifth article: page %v index %v, want the glued page's second article", cl[4]["page"], cl[4]["index"])
	}

	in := `{"id":"a1","title":"بوتين يشكر كيم","text":"قال الرئيس الروسي فلاديمير بوتين إن نحو 12 ألف جندي كوري شمالي شاركوا في القتال.","published":"2025-04-28","keep":"me"}` + "\n"
	a := pipe(t, in, "analyze")
	if a.code != 0 {
		t.Fatalf("analyze: exit %d: %s", a.code, a.stderr)
	}
	an := lines(t, a.stdout)[0]
	if an["keep"] != "me" || an["id"] != "a1" {
		t.Errorf("analyze dropped input fields: %v", an)
	}
	ents, _ := an["entities"].([]any)
	qs, _ := an["quantities"].([]any)
	if len(ents) == 0 || len(qs) != 1 || an["quotes"] == nil || an["dates"] == nil {
		t.Fatalf("analyze output: %v", an)
	}
	e := ents[0].(map[string]any)
	for _, f := range []string{"text", "type", "id", "name", "start", "end"} {
		if _, ok := e[f]; !ok {
			t.Errorf("entity lacks %q: %v", f, e)
		}
	}
	q := qs[0].(map[string]any)
	if q["min"] != 12000.0 || q["qualifier"] != "about" || q["unit"] != "جندي" {
		t.Errorf("quantity = %v, want about 12000 جندي", q)
	}

	two := in + strings.Replace(in, `"a1"`, `"a2"`, 1)
	k := pipe(t, two, "cluster")
	if k.code != 0 {
		t.Fatalf("cluster: exit %d: %s", k.code, k.stderr)
	}
	out := lines(t, k.stdout)
	if len(out) != 2 || out[0]["id"] != "a1" || out[1]["id"] != "a2" || out[1]["duplicate_of"] != "a1" || out[1]["event"] != out[0]["event"] || out[0]["story"] == "" {
		t.Errorf("cluster output = %v, want a2 a copy of a1 in its event", out)
	}
}

func TestStageBadLine(t *testing.T) {
	r := pipe(t, "{\"title\":\"خبر\",\"text\":\"نص.\"}\nnot json\n", "cluster")
	if r.code != 1 || !strings.Contains(r.stderr, "-:2") {
		t.Errorf("exit %d, stderr %q: want 1 and the line named", r.code, r.stderr)
	}
	if n := len(lines(t, r.stdout)); n != 1 {
		t.Errorf("%d lines out, want the good one", n)
	}
}

func TestText(t *testing.T) {
	tests := []struct {
		args  []string
		in    string
		wants []string // substrings of the output
	}{
		{[]string{"text", "numbers"}, "نشرت ما بين 10 آلاف و12 ألف جندي\n", []string{`"min":10000`, `"max":12000`, `"qualifier":"range"`, `"line":1`}},
		{[]string{"text", "dates", "--published", "2025-12-28"}, "سطر\nفي 18 ديسمبر\n", []string{`"value":"2025-12-18"`, `"line":2`}},
		{[]string{"text", "dates"}, "يوم السبت\n", []string{`"value":""`}},
		{[]string{"text", "normalize", "--layer", "name"}, "كيم جونغ-أون\n", []string{`"normalized":"كيم جونغ اون"`}},
		{[]string{"text", "normalize", "--layer", "display"}, "الرَّئِيسُ\n", []string{`"normalized":"الرَّئِيسُ"`}},
		{[]string{"text", "lang"}, "به یاد فرزندان جاویدان این سرزمین\n", []string{`"lang":"fa"`}},
		{[]string{"text", "tokens"}, "جونغ-أون، 12,000", []string{`"text":"جونغ-أون"`, `"text":"12,000","norm":"12,000","kind":"Digits","start":10,"end":16`}},
	}
	for _, tt := range tests {
		r := pipe(t, tt.in, tt.args...)
		if r.code != 0 {
			t.Errorf("%v: exit %d: %s", tt.args, r.code, r.stderr)
			continue
		}
		for _, w := range tt.wants {
			if !strings.Contains(r.stdout, w) {
				t.Errorf("%v on %q: output lacks %s:\n%s", tt.args, tt.in, w, r.stdout)
			}
		}
	}
}
