package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/marsad/marsad/news"
)

// TestClaimsOnSeeds pins what the seeds' readers want at once: one troop
// claim holding every figure the pages give (text and captions), the 30,000 more kept
// apart, the disagreement flagged; Putin's and Kim's quotes under one
// speaker each, across outlets; and dates resolved only where a
// publication date is known.
func TestClaimsOnSeeds(t *testing.T) {
	db := filepath.Join(t.TempDir(), "m.db")
	if r := run(t, db, "ingest", seeds); r.code != 0 {
		t.Fatalf("ingest: %s", r.stderr)
	}
	r := run(t, db, "claims", "--json")
	if r.code != 0 {
		t.Fatalf("claims: exit %d: %s", r.code, r.stderr)
	}
	var sc storyClaims
	if err := json.Unmarshal([]byte(strings.SplitN(r.stdout, "\n", 2)[0]), &sc); err != nil {
		t.Fatalf("claims --json: %v\n%s", err, r.stdout)
	}
	var troops []news.Claim
	for _, c := range sc.Claims {
		if c.Unit == "جندي" {
			troops = append(troops, c)
		}
	}
	if len(troops) != 1 {
		t.Fatalf("troop claims = %+v, want one", troops)
	}
	c := troops[0]
	texts := map[string]bool{}
	for _, v := range c.Values {
		texts[v.Text] = true
	}
	for _, want := range []string{"أكثر من 12000", "ما لا يقل عن 12000", "ما بين 10 آلاف و12 ألف", "حوالي 15000", "آلاف"} {
		if !texts[want] {
			t.Errorf("troop claim lacks %q: %v", want, texts)
		}
	}
	if len(c.Additional) != 1 || c.Additional[0].Text != "30000" || texts["30000"] {
		t.Errorf("the 30,000 additional troops must be kept apart: values %v, additional %+v", texts, c.Additional)
	}
	if !c.Disagree || c.Why == "" {
		t.Errorf("10,000-12,000 and about 15,000 cannot both hold: disagree=%v", c.Disagree)
	}

	speakers := map[string]speakerQuote{}
	for _, s := range sc.Speakers {
		speakers[s.Speaker] = s
	}
	for _, name := range []string{"فلاديمير بوتين", "كيم جونغ أون"} {
		s, ok := speakers[name]
		outlets := map[string]bool{}
		for _, q := range s.Quotes {
			outlets[q.Source] = true
		}
		if !ok || s.SpeakerID == "" || len(outlets) < 2 {
			t.Errorf("%s: %+v, want quotes from several outlets under one id", name, s)
		}
	}

	arts := articlesJSON(t, db)
	for _, a := range arts {
		switch a.Page {
		case "001_f822dac4814519d8.txt":
			ok := false
			for _, d := range a.Dates {
				ok = ok || strings.HasPrefix(d.Value, "2025-12")
			}
			if !ok {
				t.Errorf("001 (published 2025-12-28): dates %+v, want one in December 2025", a.Dates)
			}
		case "002_5ce34d355d92fca6.txt":
			for _, d := range a.Dates {
				if strings.Contains(d.Text, "الاثنين") && d.Value != "" {
					t.Errorf("002 has no publication date, yet %q resolved to %s", d.Text, d.Value)
				}
			}
		}
	}
}
