package cluster

import (
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

func TestWordSet(t *testing.T) {
	cases := []struct {
		name, in string
		want     []string
	}{
		// search layer folds hamza forms and strips diacritics, so spellings meet
		{"hamza and diacritics fold", "إطلاقُ الصاروخ أطلاق", []string{"اطلاق", "الصاروخ"}},
		// stopwords, digits and one-letter words say nothing about the happening
		{"stopwords and numbers dropped", "في 27 غارة و ضد داعش", []string{"داعش", "غاره"}},
		// ta marbuta folds to ha on the search layer
		{"duplicates once", "حريق حريق جدة", []string{"جده", "حريق"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := wordSet(c.in); !reflect.DeepEqual(got, c.want) {
				t.Errorf("wordSet(%q) = %q, want %q", c.in, got, c.want)
			}
		})
	}
}

func TestCandidatesOnFakeDay(t *testing.T) {
	dir := t.TempDir()
	writeDay(t, dir, "2015-07-25", []Record{
		{Source: "okaz", URL: "u0", Title: "اندلاع حريق في مستودع بجدة", Content: "اندلع حريق كبير في مستودع بمدينة جدة صباح اليوم"},
		{Source: "sabq", URL: "u1", Title: "الهلال يفوز على النصر", Content: "فاز الهلال على النصر بهدفين"},
		{Source: "alriyadh", URL: "u2", Title: "حريق في مستودع بجدة", Content: "اندلع حريق كبير في مستودع بمدينة جدة اليوم"},
	})
	groups, err := Candidates(dir, "2015-07-25", 0.5)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, g := range groups {
		var ks []string
		for _, a := range g.Articles {
			ks = append(ks, strconv.Itoa(a.Index))
		}
		got = append(got, strings.Join(ks, ","))
	}
	if want := []string{"0,2", "1"}; !reflect.DeepEqual(got, want) {
		t.Errorf("groups = %v, want %v", got, want)
	}
	var b strings.Builder
	if err := WriteGroups(&b, groups); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"group 1: 2 articles", "singletons (1)", "[2015-07-25.zip #2] alriyadh", "الهلال يفوز على النصر"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("written groups lack %q:\n%s", want, b.String())
		}
	}
}

// TestWriteCandidates is the labelling helper: it writes one day's
// candidate groups for a person to read. Run it with
//
//	MARSAD_CANDIDATES=1 MARSAD_CANDIDATES_DAY=2015-07-26 \
//	MARSAD_CANDIDATES_OUT=/tmp/2015-07-26.txt [MARSAD_CANDIDATES_THRESHOLD=0.3] \
//	go test ./internal/eval/cluster -run TestWriteCandidates
//
// The output holds article text, so it belongs outside the repository.
func TestWriteCandidates(t *testing.T) {
	if os.Getenv("MARSAD_CANDIDATES") != "1" {
		t.Skip("labelling helper: set MARSAD_CANDIDATES=1 (see the comment) to write candidate groups")
	}
	needSNN(t)
	day := envOr("MARSAD_CANDIDATES_DAY", "2015-07-25")
	out := envOr("MARSAD_CANDIDATES_OUT", filepath.Join(os.TempDir(), "marsad-candidates-"+day+".txt"))
	threshold, err := strconv.ParseFloat(envOr("MARSAD_CANDIDATES_THRESHOLD", "0.3"), 64)
	if err != nil {
		t.Fatalf("MARSAD_CANDIDATES_THRESHOLD: %v", err)
	}
	groups, err := Candidates(snnDir, day, threshold)
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(out)
	if err != nil {
		t.Fatal(err)
	}
	if err := WriteGroups(f, groups); err != nil {
		f.Close()
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	multi := 0
	for _, g := range groups {
		if len(g.Articles) > 1 {
			multi++
		}
	}
	t.Logf("%s: %d groups (%d of more than one article) written to %s", day, len(groups), multi, out)
}

func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}
