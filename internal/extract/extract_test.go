package extract

import (
	"testing"

	"github.com/marsad/marsad/internal/entities"
	"github.com/marsad/marsad/news"
)

func TestQuantities(t *testing.T) {
	tests := []struct {
		text      string
		min, max  float64
		qualifier string
		unit      string
	}{
		{"مستخدمين أكثر من 12000 جندي من كوريا الشمالية", 12000, 12000, news.MoreThan, "جندي"},
		{"تم إرسال ما لا يقل عن 12000 جندي من كوريا الشمالية", 12000, 12000, news.AtLeast, "جندي"},
		{"فقد نشرت كوريا الشمالية ما بين 10 آلاف و12 ألف جندي في روسيا", 10000, 12000, news.Range, "جندي"},
		{"أرسلت كوريا الشمالية حوالي 15000 جندي إلى روسيا", 15000, 15000, news.About, "جندي"},
		{"من إرسال 30000 جندي إضافي لمساعدة حرب بوتين", 30000, 30000, news.Additional, "جندي"},
		{"وأن تسعة جنود على الأقل من فوج الهندسة قتلوا", 9, 9, news.AtLeast, "جندي"},
		{"عملية النشر التي استمرت 120 يومًا", 120, 120, news.Exact, "يوم"},
	}
	for _, tt := range tests {
		qs := Quantities(news.Article{Text: tt.text})
		if len(qs) != 1 {
			t.Errorf("Quantities(%q) = %+v, want one", tt.text, qs)
			continue
		}
		q := qs[0]
		if q.Min != tt.min || q.Max != tt.max || q.Qualifier != tt.qualifier || q.Unit != tt.unit {
			t.Errorf("Quantities(%q) = %v..%v %s %q, want %v..%v %s %q", tt.text, q.Min, q.Max, q.Qualifier, q.Unit, tt.min, tt.max, tt.qualifier, tt.unit)
		}
	}
}

func TestYearsAndDaysAreNotQuantities(t *testing.T) {
	for _, text := range []string{
		"بمناسبة الذكرى السنوية في 15 أغسطس 1945 عندما",
		"خرج عن مساره في عام 2019 بعد قمة انهارت",
	} {
		if qs := Quantities(news.Article{Text: text}); len(qs) != 0 {
			t.Errorf("Quantities(%q) = %+v, want none", text, qs)
		}
	}
}

func TestDatesResolveAgainstPublication(t *testing.T) {
	a := news.Article{Text: "أعقبت رسالة كيم تحية الرئيس بوتين في 18 ديسمبر، وقال كيم يوم السبت إن عام 2025 كان عاما مهما.", Published: "2025-12-28"}
	got := map[string]string{}
	for _, d := range Dates(a) {
		got[d.Text] = d.Value
	}
	if got["18 ديسمبر"] != "2025-12-18" {
		t.Errorf("Dates = %v, want 18 ديسمبر → 2025-12-18", got)
	}
	a.Published = ""
	for _, d := range Dates(a) {
		if d.Text == "يوم السبت" && d.Value != "" {
			t.Errorf("with no publication date, يوم السبت resolved to %q, want unresolved", d.Value)
		}
	}
}

func TestQuotes(t *testing.T) {
	r, err := entities.New()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, text, speaker string
		direct              bool
		quote               string
	}{
		{"direct, speaker before", "أرسل الزعيم كيم جونغ أون تحية إلى بوتين.\nوقال كيم، وفقًا لوكالة أنباء يونهاب الكورية الجنوبية: \"الآن لا يمكن لأحد أن يكسر العلاقات بين شعبي البلدين ووحدتهما\".",
			"كيم جونغ أون", true, "الآن لا يمكن لأحد أن يكسر العلاقات بين شعبي البلدين ووحدتهما"},
		{"indirect with إن", "قال الزعيم الكوري الشمالي كيم جونغ أون إن علاقات بلاده مع روسيا تعززت في حرب أوكرانيا.",
			"كيم جونغ أون", false, "علاقات بلاده مع روسيا تعززت في حرب أوكرانيا"},
		{"organisation as speaker; marks inside the إن clause keep it indirect", "وقال الكرملين، صباح اليوم الاثنين، إن بوتين «شكر وحدات جيش الشعب الكوري لمشاركتها في هزيمة الأوكرانيين»",
			"الكرملين", false, "بوتين «شكر وحدات جيش الشعب الكوري لمشاركتها في هزيمة الأوكرانيين»"},
		{"continuation takes the last speaker", "قال الرئيس الروسي فلاديمير بوتين إن الجنود أبطال حقيقيون.\nوأضاف: “لن ينسى الشعب الروسي أبدًا بطولات جنود القوات الخاصة”.",
			"فلاديمير بوتين", true, "لن ينسى الشعب الروسي أبدًا بطولات جنود القوات الخاصة"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := news.Article{Text: tt.text}
			a.Entities = r.Mentions(a.Text)
			qs := Quotes(a)
			for _, q := range qs {
				if q.Text == tt.quote {
					if q.Speaker != tt.speaker || q.Direct != tt.direct || q.SpeakerID == "" {
						t.Errorf("quote %q: speaker %q (%s) direct %v; want %q direct %v", q.Text, q.Speaker, q.SpeakerID, q.Direct, tt.speaker, tt.direct)
					}
					return
				}
			}
			t.Errorf("Quotes(%q) = %+v, want %q", tt.text, qs, tt.quote)
		})
	}
}

func TestQuoteSpeakers(t *testing.T) {
	r, err := entities.New()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, text, speaker string
	}{
		{"participle after the speaker's clause", "وأصدر الكرملين بيانًا أعرب فيه الرئيس الروسي فلاديمير بوتين عن شكره، قائلاً: “نشيد بالبطولة والمهنية العالية والتفاني”.", "فلاديمير بوتين"},
		{"a described speaker", "وقال مصدر أمني إن سيارة ملغومة انفجرت خارج مسجد في الضاحية.", "مصدر أمني"},
		{"a country speaks for its government", "أكدت كوريا الشمالية رسميًا في أبريل أنها نشرت قوات لدعم الحملة العسكرية الروسية.", "كوريا الشمالية"},
	}
	for _, tt := range tests {
		a := news.Article{Text: tt.text}
		a.Entities = r.Mentions(a.Text)
		qs := Quotes(a)
		if len(qs) != 1 || qs[0].Speaker != tt.speaker {
			t.Errorf("%s: Quotes = %+v, want one quote by %s", tt.name, qs, tt.speaker)
		}
	}
	a := news.Article{Text: "أعرب الرئيس عن امتنانه للزعيم «كيم جونج أون» لدور جنوده، وقال إن ذلك «موقف تاريخي لن ينسى أبدا»."}
	a.Entities = r.Mentions(a.Text)
	for _, q := range Quotes(a) {
		if q.Text == "كيم جونج أون" {
			t.Errorf("a quoted name was taken for a quote: %+v", q)
		}
	}
}

func TestDurationsAreNotDates(t *testing.T) {
	for _, text := range []string{
		"وسيتم صرف المبالغ خلال أسبوعين من تاريخ الشكوى",
		"استمرت الاحتجاجات طوال ستة أسابيع في العاصمة",
		"تراجع العملة 25 في المائة في العام الأخير كان أكثر من المتوقع",
	} {
		for _, d := range Dates(news.Article{Text: text, Published: "2015-07-21"}) {
			t.Errorf("Dates(%q) has %q, want no date", text, d.Text)
		}
	}
}

func TestHappened(t *testing.T) {
	tests := []struct {
		name, text, published, want string
	}{
		{"yesterday in the lead", "قال مسؤول أمس إن الهجوم وقع في الشمال. وكان الرئيس قد زار المنطقة عام 2019.", "2025-08-15", "2025-08-14"},
		{"a weekday in the lead", "أجرى الزعيمان مكالمة هاتفية يوم الأربعاء لمناقشة العلاقات.", "2025-08-15", "2025-08-13"},
		{"background years are not the happening", "وقع الزعيمان اتفاقية دفاع في يونيو 2024 عندما زار بوتين بيونغ يانغ.", "2025-08-15", "2025-08-15"},
		{"a scheduled date is not what happened", "يلتقي الرئيسان في ألاسكا يوم 20 أغسطس 2025 لبحث وقف إطلاق النار.", "2025-08-15", "2025-08-15"},
		{"no date at all", "أعلنت الوزارة عن خطة جديدة.", "", ""},
	}
	for _, tt := range tests {
		a := news.Article{Text: tt.text, Published: tt.published}
		a.Dates = Dates(a)
		if got := Happened(a); got != tt.want {
			t.Errorf("%s: Happened = %q (dates %+v), want %q", tt.name, got, a.Dates, tt.want)
		}
	}
}
