package pages

import (
	"archive/zip"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// sentences make synthetic articles for tests that must run without the
// shared data; they are written for these tests, not taken from it.
var sentences = []string{
	"أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في المنطقة الشرقية بسعة مئتي سرير",
	"وقال المتحدث الرسمي إن المشروع يأتي ضمن خطة لتطوير الخدمات الصحية في المحافظات",
	"وأضاف أن العمل سيبدأ في استقبال المرضى مطلع الشهر المقبل بعد اكتمال التجهيزات",
	"من جهة أخرى شهدت أسواق المدينة إقبالا كبيرا من المتسوقين خلال أيام العيد",
	"وأوضح مدير الإدارة أن الفرق الميدانية نفذت أكثر من ألف جولة رقابية هذا الأسبوع",
	"ويتوقع المختصون أن تسهم هذه الخطوة في تقليص فترات الانتظار بشكل ملحوظ",
}

// writeSyntheticDays writes days zip archives of n made-up records each.
func writeSyntheticDays(t *testing.T, days, n int) string {
	t.Helper()
	dir := t.TempDir()
	for d := range days {
		day := time.Date(2015, 7, 21+d, 0, 0, 0, 0, time.UTC).Format("2006-01-02")
		var recs []record
		for i := range n {
			var body []string
			for k := range 2 + (i % 4) {
				body = append(body, fmt.Sprintf("%s في اليوم %d رقم %d.", sentences[(i+k)%len(sentences)], d, i*10+k))
			}
			recs = append(recs, record{
				Source: "sabq", URL: fmt.Sprintf("http://example.test/%d/%d", d, i), DateExtracted: day + " 02:51:32",
				Title:   fmt.Sprintf("خبر تجريبي رقم %d عن افتتاح مشروع في يوم %d", i, d),
				Author:  "الرياض - سبق",
				Content: strings.Join(body, "\n\n "),
			})
		}
		f, err := os.Create(filepath.Join(dir, day+".zip"))
		if err != nil {
			t.Fatal(err)
		}
		zw := zip.NewWriter(f)
		w, err := zw.Create(day + ".json")
		if err != nil {
			t.Fatal(err)
		}
		if err := json.NewEncoder(w).Encode(recs); err != nil {
			t.Fatal(err)
		}
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
		f.Close()
	}
	return dir
}

// snnDir is the real SaudiNewsNet data beside the project, if present.
var snnDir = filepath.Join("..", "..", "..", "..", "shared", "data", "saudinewsnet")

func TestGenerateDeterministic(t *testing.T) {
	dir := writeSyntheticDays(t, 2, 60)
	a, err := Generate(dir, 40, 7)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Generate(dir, 40, 7)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(a, b) {
		t.Fatal("same data and seed gave different pages")
	}
	c, err := Generate(dir, 40, 8)
	if err != nil {
		t.Fatal(err)
	}
	same := 0
	for i := range a {
		if a[i].Text == c[i].Text {
			same++
		}
	}
	if same == len(a) {
		t.Error("a different seed gave the same pages")
	}
	// The articles used depend on the data only, not on the seed.
	for i := range a {
		if a[i].Gold[0].URL != c[i].Gold[0].URL {
			t.Fatalf("page %d: seed changed the article (%s vs %s)", i, a[i].Gold[0].URL, c[i].Gold[0].URL)
		}
	}
}

func TestGenerateTooFew(t *testing.T) {
	dir := writeSyntheticDays(t, 1, 5)
	if _, err := Generate(dir, 40, 1); err == nil {
		t.Error("Generate with too few articles: want an error")
	}
	if _, err := Generate(t.TempDir(), 10, 1); err == nil {
		t.Error("Generate on an empty directory: want an error")
	}
}

// checkGold checks a page set against its own gold: every gold line is a
// line of the page text, kinds and gold agree, and every page holds
// furniture lines that are in no gold.
func checkGold(t *testing.T, ps []Page) {
	t.Helper()
	for _, p := range ps {
		textLines := map[string]int{}
		for _, l := range strings.Split(p.Text, "\n") {
			if l = strings.TrimSpace(l); l != "" {
				textLines[l]++
			}
		}
		if len(p.Gold) == 0 {
			t.Errorf("%s: no gold article", p.ID)
		}
		goldLines := map[string]bool{}
		for _, g := range p.Gold {
			if len(g.Body) == 0 {
				t.Errorf("%s: gold article with no body", p.ID)
			}
			for _, l := range g.Body {
				goldLines[l] = true
				if textLines[l] == 0 {
					t.Errorf("%s: gold body line not in page text: %q", p.ID, l)
				}
			}
			if g.Title != "" {
				goldLines[g.Title] = true
				if textLines[g.Title] == 0 {
					t.Errorf("%s: gold title not in page text: %q", p.ID, g.Title)
				}
			}
			for _, c := range g.Captions {
				goldLines[c] = true
				found := false
				for l := range textLines {
					if StripFigureMarker(l) == c {
						found = true
					}
				}
				if !found {
					t.Errorf("%s: gold caption not in page text: %q", p.ID, c)
				}
			}
		}
		furniture := 0
		for _, l := range p.Lines {
			isGold := l.Kind == KindBody || l.Kind == KindTitle || l.Kind == KindCaption
			if !isGold {
				if goldLines[l.Text] {
					t.Errorf("%s: furniture line (%s) equals a gold line: %q", p.ID, l.Kind, l.Text)
				}
				furniture++
			}
			if textLines[l.Text] == 0 {
				t.Errorf("%s: line %q not in page text", p.ID, l.Text)
			}
		}
		if furniture == 0 {
			t.Errorf("%s: no furniture lines", p.ID)
		}
	}
}

func TestGenerateGoldConsistent(t *testing.T) {
	dir := writeSyntheticDays(t, 2, 80)
	ps, err := Generate(dir, 51, 3)
	if err != nil {
		t.Fatal(err)
	}
	checkGold(t, ps)
}

// TestGenerateRealData checks the labelled set the eval uses: 150 pages
// from SaudiNewsNet, all templates, enough glued pages, consistent gold.
func TestGenerateRealData(t *testing.T) {
	if _, err := os.Stat(snnDir); err != nil {
		t.Skipf("SaudiNewsNet not found at %s (../shared/data is not part of the repository); skipping", snnDir)
	}
	ps, err := Generate(snnDir, 150, 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 150 {
		t.Fatalf("%d pages, want 150", len(ps))
	}
	checkGold(t, ps)
	tpls := map[string]bool{}
	glued, untitled, twice, urls := 0, 0, 0, map[string]bool{}
	for _, p := range ps {
		tpls[p.Template] = true
		if len(p.Gold) > 1 {
			glued++
		}
		for _, g := range p.Gold {
			if g.Title == "" {
				untitled++
			}
			urls[g.URL] = true
		}
		if n := strings.Count(p.Text, p.Gold[0].Title+"\n"); p.Gold[0].Title != "" && n > 1 {
			twice++
		}
	}
	if len(tpls) < 15 {
		t.Errorf("%d templates used, want at least 15", len(tpls))
	}
	if glued*10 < len(ps) {
		t.Errorf("%d glued pages of %d, want at least 10%%", glued, len(ps))
	}
	if untitled == 0 || twice == 0 {
		t.Errorf("%d pages without a headline, %d with it twice: want some of each", untitled, twice)
	}
	if len(urls) != 150+glued {
		t.Errorf("%d distinct articles for %d gold articles: an article was used twice", len(urls), 150+glued)
	}
	t.Logf("%d pages, %d templates, %d glued, %d articles without headline, %d headlines twice", len(ps), len(tpls), glued, untitled, twice)
}

func TestWriteDir(t *testing.T) {
	ps, err := Generate(writeSyntheticDays(t, 1, 40), 3, 1)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "pages")
	if err := WriteDir(dir, ps); err != nil {
		t.Fatal(err)
	}
	text, err := os.ReadFile(filepath.Join(dir, ps[0].ID+".txt"))
	if err != nil || string(text) != ps[0].Text {
		t.Errorf("page file = %q, %v; want the page text", text, err)
	}
	var g goldFile
	data, err := os.ReadFile(filepath.Join(dir, ps[0].ID+".gold.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &g); err != nil || !reflect.DeepEqual(g.Articles, ps[0].Gold) {
		t.Errorf("gold file articles = %+v (%v), want %+v", g.Articles, err, ps[0].Gold)
	}
	if _, err := os.Stat(filepath.Join(dir, "index.tsv")); err != nil {
		t.Error(err)
	}
}

func TestFormatDate(t *testing.T) {
	day := time.Date(2015, 7, 21, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		style dateStyle
		want  string
	}{
		{isoDate, "2015-07-21"},
		{dmySlash, "21/07/2015"},
		{gregMSA, "الثلاثاء 21 يوليو 2015"},
		{gregLevant, "21 تموز 2015"},
		{gregMorocco, "الثلاثاء 21 يوليوز 2015"},
		{gregAlgeria, "21 جويلية 2015"},
		{gregEastern, "٢١ يوليو ٢٠١٥"},
		{hijriLong, "5 شوال 1436 هـ"}, // Umm al-Qura: 1 Shawwal 1436 was 17 July 2015
		{hijriNumeric, "1436/10/05 هـ"},
		{hijriAndGreg, "الثلاثاء 5 شوال 1436 هـ - 21 يوليو 2015 م"},
		{solarNumeric, "1394/04/30"},
		{solarPersian, "30 تیر 1394"},
		{solarPersianDigits, "۱۳۹۴/۰۴/۳۰"},
	}
	for _, tt := range tests {
		if got := formatDate(day, tt.style); got != tt.want {
			t.Errorf("formatDate(style %d) = %q, want %q", tt.style, got, tt.want)
		}
	}
}

func TestStripFigureMarker(t *testing.T) {
	tests := []struct{ in, want string }{
		{"<الشكل>العرض العسكري", "العرض العسكري"},
		{"  <figure> صورة أرشيفية ", "صورة أرشيفية"},
		{"جانب من الحفل AFP", "جانب من الحفل AFP"},
		{"<لا إغلاق للعلامة في هذا السطر الطويل جدا جدا", "<لا إغلاق للعلامة في هذا السطر الطويل جدا جدا"},
	}
	for _, tt := range tests {
		if got := StripFigureMarker(tt.in); got != tt.want {
			t.Errorf("StripFigureMarker(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
