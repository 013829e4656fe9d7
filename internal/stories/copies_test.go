package stories

import (
	"strings"
	"testing"

	"github.com/marsad/marsad/news"
)

// cable fills the royal-cable mould that SaudiNewsNet's outlets print
// every few days, with a president and a country.
func cable(president, country string) string {
	return "بعث خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز آل سعود برقية تهنئة لفخامة الرئيس " + president +
		" رئيس جمهورية " + country + " بمناسبة ذكرى استقلال بلاده.\n" +
		"وأعرب الملك المفدى باسمه واسم شعب وحكومة المملكة العربية السعودية عن أصدق التهاني وأطيب التمنيات بالصحة والسعادة لفخامته، ولحكومة وشعب جمهورية " +
		country + " الصديق اطراد التقدم والازدهار."
}

// footer is an outlet's closing paragraph, printed under every article.
const footer = "تابعوا آخر الأخبار المحلية والعالمية على مدار الساعة عبر موقع الصحيفة وحساباتها الرسمية في وسائل التواصل الاجتماعي، وشاركونا آراءكم وتعليقاتكم على ما ننشره من أخبار وتقارير، فرأيكم يهمنا ويسهم في تطوير المحتوى الذي نقدمه لكم كل يوم."

func TestCopies(t *testing.T) {
	long := thanks + "\n" + letter + "\n" + rewrite
	tests := []struct {
		name   string
		before []string // placed first, in order, each published on day 0
		text   string   // then this one, on day 1
		want   int      // index into before of its original, or -1
	}{
		{
			// The first paragraphs of a longer article, cut by another
			// outlet: most of its shingles are in the original.
			name:   "excerpt of an earlier article",
			before: []string{long},
			text:   thanks,
			want:   0,
		},
		{
			// A later article holding an earlier one whole adds news of
			// its own: it is a follow-up, not a copy.
			name:   "later article holding an earlier one",
			before: []string{thanks},
			text:   long,
			want:   -1,
		},
		{
			// Two reports sharing nothing but the outlet's footer.
			name:   "different articles with the same closing paragraph",
			before: []string{football + "\n" + footer},
			text:   "أعلن نادي الاتحاد تعاقده مع المدرب الأرجنتيني لقيادة الفريق الأول لكرة القدم لمدة موسمين، وذلك بعد مفاوضات استمرت أسبوعين مع وكيل أعماله في مدينة جدة، على أن يصل المدرب إلى المعسكر الخارجي في النمسا الأسبوع المقبل.\n" + footer,
			want:   -1,
		},
		{
			// A byline is the whole body of some column teasers.
			name:   "identical bylines",
			before: []string{"د. غازي قهوجي"},
			text:   "د. غازي قهوجي",
			want:   -1,
		},
		{
			name:   "a diacritized copy",
			before: []string{football, thanks},
			text:   thanksVowelled,
			want:   1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := New(DefaultConfig())
			for i, text := range tt.before {
				c.Assign(art("b"+string(rune('0'+i)), text, "2015-08-01"))
			}
			got := c.Assign(art("new", tt.text, "2015-08-02")).DuplicateOf
			want := ""
			if tt.want >= 0 {
				want = "b" + string(rune('0'+tt.want))
			}
			if got != want {
				t.Errorf("duplicate_of = %q, want %q", got, want)
			}
		})
	}
}

// TestMouldIsNoCopy: two cables poured into the mould the outlets have used
// for weeks share most of their words and none of their news.
func TestMouldIsNoCopy(t *testing.T) {
	c := New(DefaultConfig())
	earlier := [][2]string{
		{"خوان مانويل سانتوس", "كولومبيا"}, {"الحسن واتارا", "كوت ديفوار"},
		{"الباجي قائد السبسي", "تونس"}, {"إدريس ديبي إتنو", "تشاد"},
	}
	for i, e := range earlier { // a fortnight before, older than the copy window
		c.Assign(art("old"+string(rune('0'+i)), cable(e[0], e[1]), "2015-07-20"))
	}
	first := c.Assign(art("maldives", cable("عبدالله يمين عبدالقيوم", "جزر المالديف"), "2015-08-03"))
	second := c.Assign(art("liberia", cable("إلين جونسون سيرليف", "ليبيريا"), "2015-08-03"))
	if first.DuplicateOf != "" || second.DuplicateOf != "" {
		t.Errorf("cables to two presidents folded as copies: %+v, %+v", first, second)
	}
	// The same cable again, another outlet's print: a copy.
	again := c.Assign(art("liberia-2", strings.Replace(cable("إلين جونسون سيرليف", "ليبيريا"), "لفخامة", "إلى فخامة", 1), "2015-08-03"))
	if again.DuplicateOf != "liberia" {
		t.Errorf("the same cable reprinted: duplicate_of %q, want liberia", again.DuplicateOf)
	}
}

func TestCountMin(t *testing.T) {
	c := newCountMin()
	for range 3 {
		c.add(42)
	}
	c.add(7)
	if got := c.count(42); got != 3 {
		t.Errorf("count(42) = %d, want 3", got)
	}
	if got := c.count(99); got != 0 {
		t.Errorf("count of an unseen shingle = %d, want 0", got)
	}
}

// TestTitleOnlyBodyIsNoCopy: photo galleries whose only text is the
// outlet's link line with the title share that line and nothing else; a
// short report with words of its own beside its title still has copies.
func TestTitleOnlyBodyIsNoCopy(t *testing.T) {
	gallery := func(id, title string) news.Article {
		return news.Article{ID: id, Title: title, Text: "رابط الخبر بصحيفة الوئام: " + title, Published: "2015-07-21"}
	}
	c := New(DefaultConfig())
	c.Assign(gallery("libya", "بالصور .. رمضان في ليبيا"))
	if got := c.Assign(gallery("indonesia", "بالصور .. رمضان في اندونيسيا")); got.DuplicateOf != "" {
		t.Errorf("two galleries folded: duplicate_of %q", got.DuplicateOf)
	}
	short := news.Article{ID: "a", Title: "إغلاق مطعم في الخبر", Published: "2015-07-21",
		Text: "أغلقت أمانة المنطقة الشرقية مطعما في الخبر بعد تسمم ثلاثة عشر مواطنا وغرمته ثلاثة عشر ألف ريال"}
	c.Assign(short)
	reprint := short
	reprint.ID, reprint.Title = "b", "الخبر.. إغلاق مطعم سمم 13 مواطنا"
	if got := c.Assign(reprint); got.DuplicateOf != "a" {
		t.Errorf("a short report reprinted: duplicate_of %q, want a", got.DuplicateOf)
	}
}
