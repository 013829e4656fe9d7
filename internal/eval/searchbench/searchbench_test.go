package searchbench

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"
	"time"
)

func TestReadQueries(t *testing.T) {
	qs, err := ReadQueries(strings.NewReader("# comment\n\nname\tإيران\nvariant\tايران\tإيران\nphrase\t\"ولي العهد\"\r\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(qs) != 3 || qs[1].Usual != "إيران" || qs[1].Line != 4 || qs[2].Text != `"ولي العهد"` {
		t.Errorf("ReadQueries = %+v", qs)
	}
	for _, bad := range []struct{ in, want string }{
		{"nmae\tx\n", "line 1: unknown kind"},
		{"topic\t\n", "line 1: no query"},
		{"name\ta\nvariant\tايران\n", "line 2: variant"},
	} {
		if _, err := ReadQueries(strings.NewReader(bad.in)); err == nil || !strings.Contains(err.Error(), bad.want) {
			t.Errorf("ReadQueries(%q) error %v, want %q", bad.in, err, bad.want)
		}
	}
}

// TestShippedQueries checks the committed query file: 200 queries, every
// variant naming a different usual spelling.
func TestShippedQueries(t *testing.T) {
	qs, err := LoadQueries("../../../testdata/queries/search-200.tsv")
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]int{}
	for _, q := range qs {
		kinds[q.Kind]++
		if q.Kind == KindVariant && q.Usual == q.Text {
			t.Errorf("line %d: variant %q is its own usual spelling", q.Line, q.Text)
		}
	}
	if len(qs) != 200 || kinds[KindVariant] != 60 {
		t.Errorf("%d queries, %v; want 200 with 60 variants", len(qs), kinds)
	}
}

func TestPercentile(t *testing.T) {
	r := Result{}
	for i := 1; i <= 20; i++ {
		r.Times = append(r.Times, time.Duration(21-i)*time.Millisecond)
	}
	for _, tt := range []struct {
		p    float64
		want time.Duration
	}{{50, 10 * time.Millisecond}, {95, 19 * time.Millisecond}, {100, 20 * time.Millisecond}, {0, time.Millisecond}} {
		if got := r.Percentile(tt.p); got != tt.want {
			t.Errorf("Percentile(%v) = %v, want %v", tt.p, got, tt.want)
		}
	}
	if (Result{}).Percentile(50) != 0 {
		t.Error("no times: want 0")
	}
}

// fake finds as many articles as its table says; an unknown query fails.
func fake(hits map[string]int) Engine {
	return Engine{Name: "fake", Search: func(_ context.Context, q string) (int, error) {
		n, ok := hits[q]
		if !ok {
			return 0, errors.New("no such query")
		}
		return n, nil
	}}
}

func TestRunAndVariants(t *testing.T) {
	qs := []Query{
		{Kind: KindName, Text: "إيران"},
		{Kind: KindVariant, Text: "ايران", Usual: "إيران"},
		{Kind: KindVariant, Text: "مكه", Usual: "مكة"},           // usual not a query: run for the report
		{Kind: KindVariant, Text: "السعوديه", Usual: "السعودية"}, // finds more than usual: capped
		{Kind: KindTopic, Text: "خطأ"},
	}
	e := fake(map[string]int{"إيران": 100, "ايران": 40, "مكة": 50, "مكه": 50, "السعودية": 10, "السعوديه": 30})
	rs := Run(context.Background(), []Engine{e}, qs, 2)
	r := rs[0]
	if r.Errors != 2 || r.Hits[0] != 100 || r.Hits[4] != 0 || len(r.Times) != len(qs) {
		t.Errorf("Run = %+v; want the failing query counted as 2 errors (2 rounds) with no hits", r)
	}
	v := Variants(context.Background(), e, r, qs)
	// (40 + 50 + min(30, 10)) / (100 + 50 + 10); ايران finds under half.
	if v.Count != 3 || v.Variants != 100 || v.Usual != 160 || v.Poor != 1 {
		t.Errorf("Variants = %+v", v)
	}
	var b strings.Builder
	Report(&b, context.Background(), []Engine{e, e}, []Result{r, r}, qs)
	for _, want := range []string{"5 queries", "p50", "variant", "0.625", "ايران"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, b.String())
		}
	}
}

// TestPG runs against a real server when MARSAD_TEST_PG gives one
// (e.g. "host=/tmp/pg port=54329 user=postgres dbname=marsad").
func TestPG(t *testing.T) {
	url := os.Getenv("MARSAD_TEST_PG")
	if url == "" {
		t.Skip("set MARSAD_TEST_PG to a PostgreSQL connection string to test the PostgreSQL side")
	}
	ctx := context.Background()
	pg, err := OpenPG(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer pg.Close(ctx)
	docs := []Doc{
		{ID: "a", Title: "المفاوضات النووية", Text: "استؤنفت المفاوضات مع إيران في فيينا."},
		{ID: "b", Title: "طقس", Text: "أمطار غزيرة على الرياض."},
	}
	st, err := pg.Load(ctx, func(yield func(Doc) error) error {
		for _, d := range docs {
			if err := yield(d); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil || st.Rows != 2 || st.IndexBytes == 0 {
		t.Fatalf("Load = %+v, %v", st, err)
	}
	if n, err := pg.Loaded(ctx); err != nil || n != 2 {
		t.Errorf("Loaded = %d, %v", n, err)
	}
	for q, want := range map[string]int{"المفاوضات": 1, "الرياض": 1, "طائرة": 0, "المفاوضات -إيران": 0} {
		if n, err := pg.Search(ctx, q, 20); err != nil || n != want {
			t.Errorf("Search(%q) = %d, %v; want %d", q, n, err, want)
		}
	}
}
