package clean

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/marsad/marsad/internal/arabic"
	"github.com/marsad/marsad/news"
)

func TestClassify(t *testing.T) {
	fetched := time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name   string
		line   string
		kind   kind
		reason string // for furniture
	}{
		{"running text ends like a sentence", "ابتكر كلا البلدين علاقة وثيقة منذ حرب بوتين في أوكرانيا ، مستخدمين أكثر من 12000 جندي من كوريا الشمالية لمحاربة موسكو.", paragraph, ""},
		{"headline: short, no final stop", "بيونغ يانغ تعلن رسميا إرسال قوات إلى روسيا", short, ""},
		{"related-articles header", "مقالات ذات صلة", furniture, "related articles"},
		{"read-also cue with colon", "إقرأ أيضاً:", furniture, "read also"},
		{"comment form prompt", "اترك تعليقاً", furniture, "comment form"},
		{"comment form notice", "لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *", furniture, "comment form"},
		{"back to top", "زر الذهاب إلى الأعلى", furniture, "navigation"},
		{"share prompt", "شاركها.", furniture, "share prompt"},
		{"link copied notice", "تم نسخ الرابط", furniture, "share prompt"},
		{"ad marker", "إعلان", furniture, "advertisement"},
		{"ad line mixing prompts", "مادة اعلانية مادة إعلانية تابعوا آخر أخبار العربية عبر Google News بوتين كيم", furniture, "advertisement"},
		{"tags line", "كلمات دلالية: بوتين كيم", furniture, "tags"},
		{"view counter", "3 مشاهدات", furniture, "counter"},
		{"kicker label", "عاجل", furniture, "kicker label"},
		{"English furniture", "Exit mobile version", furniture, "navigation"},
		{"Persian line", "به یاد فرزندان جاویدان این سرزمین", furniture, "other language (fa)"},
		{"credit line", "مصادر إضافية • AP", furniture, "credit line"},
		{"caption with agency credit", "نما كيم وبوتين عن كثب منذ الحرب في أوكرانيا. KCNA/EPA/Shutterstock", caption, ""},
		{"caption with bracketed credit", "تحضر القوات عرضًا عسكريًا في بيونغ يانغ [ملف: وكالة الأنباء المركزية الكورية عبر رويترز]", caption, ""},
		{"figure marker", "<الشكل>العرض العسكري لكوريا الشمالية", caption, ""},
		{"caption with Arabic agency in brackets", "جانب من الجلسة (واس)", caption, ""},
		{"caption with Arabic agency after a dash", "لقطة من المباراة - أ.ب", caption, ""},
		{"caption with outlet credit", "جانب من الفعالية (الشرق الأوسط)", caption, ""},
		{"list item", "  • بوتين يشكر كوريا الشمالية على مشاركة جنودها بقتال كورسك", listItem, ""},
		{"a cue word inside running text stays", "وقال المتحدث إن الرئيس شارك في القمة التي عقدت في العاصمة الروسية موسكو يوم الأربعاء الماضي بحضور عدد من القادة.", paragraph, ""},
		{"blank with no-break space", " \u00a0 ", blank, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lang, _ := arabic.Lang(tt.line)
			l := classify(tt.line, lang, "ar", fetched)
			if l.kind != tt.kind || l.reason != tt.reason {
				t.Errorf("classify(%q) = kind %d reason %q, want kind %d reason %q", tt.line, l.kind, l.reason, tt.kind, tt.reason)
			}
		})
	}
}

func TestClassifyMeta(t *testing.T) {
	fetched := time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		line           string
		source, author string
		date           string
	}{
		{line: "الجزيرة", source: "الجزيرة"},
		{line: "المصدر: العربية", source: "العربية"},
		{line: "بقلم: رنيم حنوش", author: "رنيم حنوش"},
		{line: "1404/10/07", date: "2025-12-28"},
	}
	for _, tt := range tests {
		lang, _ := arabic.Lang(tt.line)
		l := classify(tt.line, lang, "ar", fetched)
		got := ""
		if !l.date.IsZero() {
			got = l.date.Format("2006-01-02")
		}
		if l.kind != meta || l.source != tt.source || l.author != tt.author || got != tt.date {
			t.Errorf("classify(%q) = kind %d source %q author %q date %q; want meta %q %q %q", tt.line, l.kind, l.source, l.author, got, tt.source, tt.author, tt.date)
		}
	}
}

func seedPage(t *testing.T, name string) news.Page {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("../../testdata/seeds", name))
	if err != nil {
		t.Fatal(err)
	}
	return news.Page{Origin: name, Name: name, Kind: news.KindText, Body: b, Fetched: time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)}
}

// TestSeeds checks each seed page end to end: how many articles, their
// headlines, outlet and date, the first and last kept lines, captions, and
// that every dropped line is accounted for with a reason.
func TestSeeds(t *testing.T) {
	type want struct {
		title, source, published string
		first, last              string // prefixes of the first and last body lines
		captions                 int
	}
	tests := []struct {
		page string
		arts []want
	}{
		{"000_6960cc2f2f376a76.txt", []want{{
			title: "يشيد بوتين القوات الكورية الشمالية التي قاتلت في أوكرانيا.",
			first: "ذكرت وسائل الإعلام الحكومية", last: "وقع الزعيمان اتفاقية دفاع مشترك", captions: 4,
		}}},
		{"001_f822dac4814519d8.txt", []want{{
			title:  "كوريا الشمالية وروسيا متورطتان في \"دماء\" الحرب، هكذا قال كيم لبوتين في مذكرة بمناسبة العام الجديد",
			source: "الجزيرة", published: "2025-12-28",
			first: "قال الزعيم الكوري الشمالي كيم جونغ أون", last: "إلى جانب نشر القوات", captions: 2,
		}}},
		{"002_5ce34d355d92fca6.txt", []want{{
			title: "«بوتين» يشكر زعيم كوريا الشمالية علي المساعدة في الحرب ضد أوكرانيا",
			first: "أعرب الرئيس الروسي فلاديمير بوتين", last: "ونقل البيان عن كيم قوله", captions: 2,
		}}},
		{"003_17b01c5e88c50eb0.txt", []want{
			{source: "العربية", first: "أعلنت بيونغ يانغ الخميس", last: "وقالت وكالة الأنباء الكورية الشمالية"},
			{title: "كوريا الشمالية تدعم روسيا عسكرياً في حربها ضد أوكرانيا.. بوتين يشكرها", source: "العربية",
				first: "أكدت كوريا الشمالية، للمرة الأولى", last: "وتُعدّ هذه الخطوة تأكيدًا جديدًا"},
		}},
		{"004_a0c03b3def34f459.txt", []want{{
			first: "قالت وسائل الإعلام الحكومية للدول يوم الأربعاء", last: "وافق كيم أيضًا على إرسال الآلاف",
		}}},
	}
	for _, tt := range tests {
		t.Run(tt.page, func(t *testing.T) {
			p := seedPage(t, tt.page)
			arts, err := Cleaner{}.Clean(p)
			if err != nil {
				t.Fatal(err)
			}
			if len(arts) != len(tt.arts) {
				t.Fatalf("got %d articles, want %d: %+v", len(arts), len(tt.arts), arts)
			}
			kept := 0
			for i, w := range tt.arts {
				a := arts[i]
				if a.Index != i || a.Title != w.title || a.Source != w.source || a.Published != w.published {
					t.Errorf("article %d: index %d title %q source %q published %q; want title %q source %q published %q",
						i, a.Index, a.Title, a.Source, a.Published, w.title, w.source, w.published)
				}
				lines := strings.Split(a.Text, "\n")
				if !strings.HasPrefix(lines[0], w.first) {
					t.Errorf("article %d first line = %q, want prefix %q", i, lines[0], w.first)
				}
				if l := lines[len(lines)-1]; !strings.HasPrefix(l, w.last) {
					t.Errorf("article %d last line = %q, want prefix %q", i, l, w.last)
				}
				if len(a.Captions) != w.captions {
					t.Errorf("article %d captions = %q, want %d", i, a.Captions, w.captions)
				}
				for _, r := range a.Removed {
					if r.Reason == "" {
						t.Errorf("removed line %q has no reason", r.Text)
					}
				}
				kept += len(lines) + len(a.Captions) + len(a.Removed)
				if a.Title != "" {
					kept++
				}
			}
			// Nothing is lost: every non-blank line of the page is kept,
			// a caption, a title or a removed line with its reason.
			nonBlank := 0
			for _, l := range strings.Split(string(p.Body), "\n") {
				if strings.TrimSpace(strings.ReplaceAll(l, "\u00a0", "")) != "" {
					nonBlank++
				}
			}
			if kept != nonBlank {
				t.Errorf("accounted for %d lines, page has %d non-blank lines", kept, nonBlank)
			}
		})
	}
}

func TestRecordPassesThrough(t *testing.T) {
	p := news.Page{Origin: "day.json#0", Name: "day.json", Kind: news.KindRecord, Record: &news.Record{
		Title: " بريطانيا: أربعة محاور لاستراتيجية جديدة ", Text: "حدد رئيس الوزراء البريطاني ديفيد كاميرون ملامح استراتيجية.\n\n ورسم كاميرون الاطار العام.",
		Source: "aawsat", Published: "2015-07-21 02:51:32", URL: "http://aawsat.com/x",
	}}
	arts, err := Cleaner{}.Clean(p)
	if err != nil {
		t.Fatal(err)
	}
	a := arts[0]
	if a.Title != "بريطانيا: أربعة محاور لاستراتيجية جديدة" || a.Text != "حدد رئيس الوزراء البريطاني ديفيد كاميرون ملامح استراتيجية.\nورسم كاميرون الاطار العام." ||
		a.Published != "2015-07-21T02:51:32" || a.Source != "aawsat" || a.URL != "http://aawsat.com/x" {
		t.Errorf("record cleaned to %+v", a)
	}
}

func TestRecordWithHeadlineOnly(t *testing.T) {
	p := news.Page{Origin: "day.json#213", Name: "day.json", Kind: news.KindRecord, Record: &news.Record{Title: "كاريكاتير 2015/7/22", Text: " "}}
	arts, err := Cleaner{}.Clean(p)
	if err != nil || len(arts) != 1 || arts[0].Title != "كاريكاتير 2015/7/22" || arts[0].Text != "" {
		t.Errorf("headline-only record: %+v, %v; want one article with the headline and no text", arts, err)
	}
}

func TestHTML(t *testing.T) {
	page := `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
<title>بوتين يشكر كوريا الشمالية - العربية</title><meta property="og:site_name" content="العربية">
<meta property="article:published_time" content="2025-04-28T10:00:00Z"></head><body>
<nav><a href="/">الرئيسية</a> <a href="/news">أخبار</a></nav>
<article><h1>بوتين يشكر كوريا الشمالية</h1>
<p>أعرب الرئيس الروسي فلاديمير بوتين عن امتنانه الشخصي للزعيم الكوري الشمالي كيم جونغ أون لدور جنوده في إخراج القوات الأوكرانية من منطقة كورسك الروسية.</p>
<p>وأكدت كوريا الشمالية لأول مرة اليوم الاثنين أنها أرسلت قوات للقتال إلى جانب روسيا في الحرب في أوكرانيا بأوامر من كيم جونغ أون.</p>
<p>شارك</p>
</article><footer>جميع الحقوق محفوظة</footer></body></html>`
	arts, err := Cleaner{}.Clean(news.Page{Origin: "p.html", Name: "p.html", Kind: news.KindHTML, Body: []byte(page)})
	if err != nil {
		t.Fatal(err)
	}
	a := arts[0]
	if !strings.HasPrefix(a.Text, "أعرب الرئيس الروسي") || !strings.Contains(a.Text, "وأكدت كوريا الشمالية") || strings.Contains(a.Text, "شارك\n") || strings.HasSuffix(a.Text, "شارك") {
		t.Errorf("HTML text = %q", a.Text)
	}
	if a.Source != "العربية" || a.Published != "2025-04-28" {
		t.Errorf("HTML source %q published %q", a.Source, a.Published)
	}
}

func TestHTMLTitleFromMetadata(t *testing.T) {
	page := `<html><head><title>بوتين يشكر كيم على إرسال القوات</title></head><body><article>
<p>أعرب الرئيس الروسي فلاديمير بوتين عن امتنانه الشخصي للزعيم الكوري الشمالي كيم جونغ أون لدور جنوده في منطقة كورسك الروسية.</p>
</article></body></html>`
	arts, err := Cleaner{}.Clean(news.Page{Origin: "t.html", Kind: news.KindHTML, Body: []byte(page)})
	if err != nil || len(arts) != 1 || arts[0].Title != "بوتين يشكر كيم على إرسال القوات" {
		t.Errorf("HTML page titled only in <title>: %+v, %v", arts, err)
	}
}

func TestUnspacedScript(t *testing.T) {
	page := "<html><head><title>商標法違反</title></head><body><article><p>先日、不正に改造したiPhoneを販売したとして、商標法違反の疑いで20代の男性が逮捕されたというニュースを耳にしました。</p><p>報道によると、今回販売されたのは、いわゆる「脱獄」したiPhone。</p></article></body></html>"
	arts, err := Cleaner{}.Clean(news.Page{Origin: "ja.html", Kind: news.KindHTML, Body: []byte(page)})
	if err != nil || !strings.Contains(arts[0].Text, "先日") {
		t.Errorf("Japanese page: %+v, %v; want its paragraphs", arts, err)
	}
}

func TestEmptyPage(t *testing.T) {
	_, err := Cleaner{}.Clean(news.Page{Origin: "x.txt", Kind: news.KindText, Body: []byte("مقالات ذات صلة\nشارك\n")})
	if err == nil || !strings.Contains(err.Error(), "x.txt") {
		t.Errorf("Clean of a furniture-only page: err = %v, want ErrNoArticle naming the page", err)
	}
}

func FuzzText(f *testing.F) {
	for _, s := range []string{"عنوان\n\nنص طويل بما يكفي ليكون فقرة من فقرات الخبر في الصحيفة اليومية المعروفة.\nشارك", "", "\n\n\n", "• a\n• b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		arts := Text(news.Page{Origin: "f", Body: []byte(s)})
		for _, a := range arts {
			if a.Text == "" {
				t.Fatalf("article with empty text from %q", s)
			}
			for _, l := range strings.Split(a.Text, "\n") {
				if !strings.Contains(s, l) {
					t.Fatalf("kept line %q is not in the page: display text must be the original", l)
				}
			}
		}
	})
}

// TestSiteMemory: a line a site prints on many pages is furniture there
// even when nothing else marks it, a page cleans the same when cleaned
// again, and running text repeated across pages (wire copies) is kept.
func TestSiteMemory(t *testing.T) {
	mem := NewMemory()
	page := func(i int, body string) news.Page {
		text := "شبكة الساحل الإخبارية الأولى\n" + // the site's strapline: no cue marks it
			"عنوان الخبر رقم " + string(rune('0'+i)) + " في الصفحة\n" +
			body + "\n" +
			"ونقلت وكالة الأنباء عن المتحدث قوله إن العمل مستمر في جميع المناطق دون توقف منذ أسابيع.\n"
		return news.Page{Origin: "/pages/sahel/" + string(rune('a'+i)) + ".txt", Kind: news.KindText, Body: []byte(text)}
	}
	var pages []news.Page
	for i := 0; i < 6; i++ {
		pages = append(pages, page(i, "أعلنت الوزارة اليوم عن خطة جديدة لتطوير الخدمات في المدينة رقم "+string(rune('0'+i))+" خلال العام المقبل بحسب البيان."))
	}
	c := Cleaner{Memory: mem}
	before := c.text(pages[5])
	for _, p := range pages {
		mem.Learn(p)
	}
	after := c.text(pages[5])
	if len(before) != 1 || before[0].Title != "شبكة الساحل الإخبارية الأولى" {
		t.Fatalf("before learning, the strapline is taken for the headline: %+v", before)
	}
	if len(after) != 1 || after[0].Title != "عنوان الخبر رقم 5 في الصفحة" {
		t.Errorf("after learning the site, title = %q, want the page's own headline", after[0].Title)
	}
	if !strings.Contains(after[0].Text, "ونقلت وكالة الأنباء") {
		t.Errorf("running text repeated on every page was dropped: %q", after[0].Text)
	}
	mem.Learn(pages[5]) // learning a page twice changes nothing
	if again := c.text(pages[5]); again[0].Text != after[0].Text || again[0].Title != after[0].Title {
		t.Errorf("cleaning again gave %+v, want %+v", again[0], after[0])
	}
}
