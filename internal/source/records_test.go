package source

import (
	"errors"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/marsad/marsad/news"
)

// saudiDay is a SaudiNewsNet day file in miniature: a pretty-printed array
// of {source, url, date_extracted, title, author, content}, one record empty.
const saudiDay = `[
    {
        "source": "aawsat",
        "url": "http://aawsat.com/home/article/410826/بريطانيا",
        "date_extracted": "2015-07-21 02:51:32",
        "title": "بريطانيا: أربعة محاور لاستراتيجية جديدة",
        "author": "لندن: رنيم حنوش",
        "content": "حدد رئيس الوزراء البريطاني ديفيد كاميرون، اليوم (الاثنين)، ملامح استراتيجية.\n\n ورسم كاميرون الاطار العام."
    },
    {
        "source": "alriyadh",
        "url": "http://www.alriyadh.com/1067011",
        "date_extracted": "2015-07-21 03:10:05",
        "title": "",
        "author": "",
        "content": ""
    },
    {
        "source": "okaz",
        "url": "http://www.okaz.com.sa/new/Issues/20150721/Con20150721784216.htm",
        "date_extracted": "2015-07-21 04:00:00",
        "title": "أمير الرياض يستقبل السفير",
        "author": null,
        "content": "استقبل أمير منطقة الرياض السفير.",
        "extra": {"ignored": true}
    }
]`

func TestJSONArray(t *testing.T) {
	p := writeFile(t, t.TempDir(), "2015-07-21.json", []byte(saudiDay))
	res := walk(t, &Reader{}, p)
	if res.err != nil {
		t.Fatal(res.err)
	}
	if got, want := origins(res.pages), []string{p + "#0", p + "#2"}; !slices.Equal(got, want) {
		t.Fatalf("origins = %q, want %q", got, want)
	}
	want := news.Record{
		Title:     "بريطانيا: أربعة محاور لاستراتيجية جديدة",
		Text:      "حدد رئيس الوزراء البريطاني ديفيد كاميرون، اليوم (الاثنين)، ملامح استراتيجية.\n\n ورسم كاميرون الاطار العام.",
		URL:       "http://aawsat.com/home/article/410826/بريطانيا",
		Source:    "aawsat",
		Author:    "لندن: رنيم حنوش",
		Published: "2015-07-21T02:51:32",
	}
	got := res.pages[0]
	if got.Kind != news.KindRecord || got.Name != "2015-07-21.json" || got.Record == nil || *got.Record != want {
		t.Errorf("page 0 = %v %q %+v, want record %+v", got.Kind, got.Name, got.Record, want)
	}
	if len(res.errs) != 1 || !errors.Is(res.errs[0], ErrEmpty) || res.errs[0].Path != p+"#1" {
		t.Fatalf("reports = %v, want ErrEmpty for %s#1", res.errs, p)
	}
	if got, want := res.errs[0].Error(), p+"#1: record has neither title nor text"; got != want {
		t.Errorf("report = %q, want %q", got, want)
	}
}

func TestJSONLBadLine(t *testing.T) {
	lines := `{"id": 1, "title": "` + arabicTitle + `", "text": "` + arabicLine + `"}
{"id": 2, "title": "مقطوع", "text": 
{"id": 3, "title": "الخبر الثالث", "body": "نص"}
`
	p := writeFile(t, t.TempDir(), "articles.jsonl", []byte(lines))
	res := walk(t, &Reader{}, p)
	if res.err != nil {
		t.Fatal(res.err)
	}
	if got, want := origins(res.pages), []string{p + ":1", p + ":3"}; !slices.Equal(got, want) {
		t.Fatalf("origins = %q, want %q", got, want)
	}
	if r := res.pages[0].Record; r.ID != "1" || r.Title != arabicTitle || r.Text != arabicLine {
		t.Errorf("record 1 = %+v", r)
	}
	if r := res.pages[1].Record; r.ID != "3" || r.Text != "نص" {
		t.Errorf("record 3 = %+v, want body read as text", r)
	}
	if len(res.errs) != 1 {
		t.Fatalf("reports = %v, want one", res.errs)
	}
	e := res.errs[0]
	if !errors.Is(e, ErrBadJSON) || e.Path != p || e.Line != 2 || !strings.HasPrefix(e.Error(), p+":2: bad JSON") {
		t.Errorf("report = %q (%#v), want ErrBadJSON at %s:2", e, e, p)
	}
}

func TestJSONRecords(t *testing.T) {
	tests := []struct {
		name      string
		file      string
		content   string
		want      []news.Record
		wantErrs  []string // "path-suffix:line" of each report
		wantKinds []error
	}{
		{
			name:    "text wins over content, link and date fallbacks",
			file:    "a.jsonl",
			content: `{"text":"نص","content":"محتوى","link":"http://x/1","date":"2024-11-05","Source":"رويترز"}`,
			want:    []news.Record{{Text: "نص", URL: "http://x/1", Published: "2024-11-05", Source: "رويترز"}},
		},
		{
			name:    "blank text falls back to content",
			file:    "a.jsonl",
			content: `{"title":"عنوان","text":"  ","content":"محتوى","published":"2024-11-05T10:00:00Z","date":"x"}`,
			want:    []news.Record{{Title: "عنوان", Text: "محتوى", Published: "2024-11-05T10:00:00Z"}},
		},
		{
			name:    "single object",
			file:    "one.json",
			content: "{\n  \"title\": \"عنوان\",\n  \"id\": 17\n}\n",
			want:    []news.Record{{ID: "17", Title: "عنوان"}},
		},
		{
			// Longer than the line limit (3 pages and a MiB) and than the
			// read buffer: skipped to its end, the next line still read.
			name:      "line over the line limit",
			file:      "a.jsonl",
			content:   `{"title":"` + strings.Repeat("أ", 600<<10) + `"}` + "\n" + `{"title":"ب"}` + "\n",
			want:      []news.Record{{Title: "ب"}},
			wantErrs:  []string{":1"},
			wantKinds: []error{ErrTooLarge},
		},
		{
			name:    "single object on one line",
			file:    "one.json",
			content: `{"title":"عنوان","url":"http://x/1"}` + "\n",
			want:    []news.Record{{Title: "عنوان", URL: "http://x/1"}},
		},
		{
			name:    "json lines in a .json file",
			file:    "lines.json",
			content: "{\"title\":\"أ\"}\n{\"title\":\"ب\"}\n",
			want:    []news.Record{{Title: "أ"}, {Title: "ب"}},
		},
		{
			name:    "blank lines skipped, numbering kept",
			file:    "a.ndjson",
			content: "\n{\"title\":\"أ\"}\n\n   \n{\"title\":\"\"}\n",
			want:    []news.Record{{Title: "أ"}},
			wantErrs: []string{
				":5",
			},
			wantKinds: []error{ErrEmpty},
		},
		{
			name:      "non-object elements reported, the rest read",
			file:      "a.json",
			content:   `[1, {"title":"أ"}, null, "x", {"title":{"ar":"ب"}}, {"title":"ج"}]`,
			want:      []news.Record{{Title: "أ"}, {Title: "ج"}},
			wantErrs:  []string{"#0", "#2", "#3", "#4"},
			wantKinds: []error{ErrBadJSON, ErrBadJSON, ErrBadJSON, ErrBadJSON},
		},
		{
			name:      "truncated array keeps what came before",
			file:      "a.json",
			content:   `[{"title":"أ"}, {"title":"ب"`,
			want:      []news.Record{{Title: "أ"}},
			wantErrs:  []string{"#1"},
			wantKinds: []error{ErrBadJSON},
		},
		{
			name:      "not json at all",
			file:      "a.json",
			content:   "\n\nhello",
			wantErrs:  []string{":3"},
			wantKinds: []error{ErrBadJSON},
		},
		{
			name:      "record text over the page limit",
			file:      "a.jsonl",
			content:   `{"title":"أ","text":"` + strings.Repeat("ب", 600) + `"}` + "\n" + `{"title":"ج"}`,
			want:      []news.Record{{Title: "ج"}},
			wantErrs:  []string{":1"},
			wantKinds: []error{ErrTooLarge},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := writeFile(t, t.TempDir(), tt.file, []byte(tt.content))
			res := walk(t, &Reader{Limits: Limits{MaxPageBytes: 1000}}, p)
			if res.err != nil {
				t.Fatal(res.err)
			}
			var got []news.Record
			for _, pg := range res.pages {
				got = append(got, *pg.Record)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("records = %+v, want %+v", got, tt.want)
			}
			var gotErrs []string
			for i, e := range res.errs {
				where := strings.TrimPrefix(e.Path, p)
				if e.Line > 0 {
					where += ":" + strconv.Itoa(e.Line)
				}
				gotErrs = append(gotErrs, where)
				if i < len(tt.wantKinds) && !errors.Is(e, tt.wantKinds[i]) {
					t.Errorf("report %d = %v, want %v", i, e, tt.wantKinds[i])
				}
			}
			if !slices.Equal(gotErrs, tt.wantErrs) {
				t.Errorf("reports at %q, want %q (%v)", gotErrs, tt.wantErrs, res.errs)
			}
		})
	}
}

func TestNormalizeDate(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2015-07-21 02:51:32", "2015-07-21T02:51:32"},     // SaudiNewsNet's date_extracted
		{"2015-07-21 02:51", "2015-07-21T02:51"},           // minutes only
		{" 2015-07-21T02:51:32Z ", "2015-07-21T02:51:32Z"}, // already ISO
		{"2015-07-21", "2015-07-21"},
		{"الثلاثاء 21 يوليو 2015", "الثلاثاء 21 يوليو 2015"}, // kept for later stages
		{"Tue, 21 Jul 2015 02:51:32 GMT", "Tue, 21 Jul 2015 02:51:32 GMT"},
	}
	for _, tt := range tests {
		if got := normalizeDate(tt.in); got != tt.want {
			t.Errorf("normalizeDate(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
