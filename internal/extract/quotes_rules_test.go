package extract

import (
	"strings"
	"testing"

	"github.com/marsad/marsad/internal/entities"
	"github.com/marsad/marsad/news"
)

// One case per quote rule, written as news phrases it: the quote wanted
// (text, speaker, direct) must be among those found.
func TestQuoteRules(t *testing.T) {
	r, err := entities.New()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		rule, text, speaker, quote string
		direct                     bool
	}{
		{"كشف with a clause", "وكشف مصدر مطلع أن الوزارة تعد خطة جديدة للطرق.",
			"مصدر مطلع", "الوزارة تعد خطة جديدة للطرق", false},
		{"أبان with no subject takes the last speaker", "قال مصدر أمني إن الشرطة طوقت المكان.\nوأبان أن التحقيق ما زال جاريا في الحادث.",
			"مصدر أمني", "التحقيق ما زال جاريا في الحادث", false},
		{"نبه إلى أن after لكنه ends the clause before it", "وذكر مصدر حكومي أنه سيتخذ إجراءات لحل الأزمة لكنه نبه إلى أنه لا يوجد حل سريع للمشكلة.",
			"مصدر حكومي", "سيتخذ إجراءات لحل الأزمة", false},
		{"the clause after نبه إلى أن", "وذكر مصدر حكومي أنه سيتخذ إجراءات لحل الأزمة لكنه نبه إلى أنه لا يوجد حل سريع للمشكلة.",
			"مصدر حكومي", "لا يوجد حل سريع للمشكلة", false},
		{"each participle starts a quote", "وأكد مدير المدارس أن الاستعدادات بدأت منذ وقت مبكر، مبينا أن مردودها سيكون كبيرا على الطلاب، مشيرا إلى أن البرنامج يستمر شهرا.",
			"مدير المدارس", "مردودها سيكون كبيرا على الطلاب", false},
		{"a place inside a description is not the speaker", "وأكد مدير مدارس الرياض الذي دشن البرنامج أن الاستعدادات بدأت منذ وقت مبكر.",
			"مدير مدارس الرياض", "الاستعدادات بدأت منذ وقت مبكر", false},
		{"قال: with no marks is direct to the sentence end", "من جانبه أكد المدرب خالد حمدان أن مستوى المنتخب في تصاعد وقال: قدم الأخضر مستوى أفضل مما قدمه أمام قطر.",
			"خالد حمدان", "قدم الأخضر مستوى أفضل مما قدمه أمام قطر", true},
		{"قال: إن is indirect", "وقال مصدر في الوزارة: إن قرار الإفراج عنهم يعود إلى قاضي التحقيق.",
			"مصدر في الوزارة", "قرار الإفراج عنهم يعود إلى قاضي التحقيق", false},
		{"an unclosed quotation runs to the paragraph end", "وقال المتحدث باسم الشرطة: \"عثرنا على السيارة قرب الحدود وتم توقيف السائق\nوفي سياق آخر",
			"المتحدث باسم الشرطة", "عثرنا على السيارة قرب الحدود وتم توقيف السائق", true},
		{"وأضاف: keeps the last speaker", "وقال وزير الصحة توفيق الربيعة إن المستشفى سيفتتح قريبا.\nوأضاف: \"سنعمل على توفير جميع الخدمات للمرضى\".",
			"توفيق الربيعة", "سنعمل على توفير جميع الخدمات للمرضى", true},
		{"كما قال after the clause", "وستفتتح المحطة الجديدة في نهاية العام المقبل، كما قال وزير النقل.",
			"وزير النقل", "وستفتتح المحطة الجديدة في نهاية العام المقبل", false},
		{"بحسب before the clause", "وبحسب مصادر أمنية، فإن المهاجمين فروا إلى جهة مجهولة بعد الحادث.",
			"مصادر أمنية", "فإن المهاجمين فروا إلى جهة مجهولة بعد الحادث", false},
		{"reported chain takes the original speaker", "بعد تقارير نقلت عن رئيس الوزراء قوله إن الاقتصاد ينمو بوتيرة جيدة.",
			"رئيس الوزراء", "الاقتصاد ينمو بوتيرة جيدة", false},
		{"a quoted name after the verb names the speaker", "وذكرت صحيفة «ذا صن» البريطانية أن قيمة المسروقات بلغت نحو 428 ألف يورو.",
			"ذا صن", "قيمة المسروقات بلغت نحو 428 ألف يورو", false},
		{"a quoted outlet in the subject is not the quote", "وكشف وزير الري محمد علام في تصريحات لـ»المدينة» ان اثيوبيا تسعى لكسب الوقت.",
			"محمد علام", "اثيوبيا تسعى لكسب الوقت", false},
		{"a title and surname resolve to the full name", "وكشف وزير الري محمد مهدي علام أن الاجتماع انتهى دون اتفاق.\nوقال الدكتور علام إن اثيوبيا ترغب في تأجيل الدراسات.",
			"محمد مهدي علام", "اثيوبيا ترغب في تأجيل الدراسات", false},
		{"the subject before the verb", "وكانت وزارة الداخلية أعلنت إثر الاعتداء أنها تمكنت من تفكيك الخلية.",
			"وزارة الداخلية", "تمكنت من تفكيك الخلية", false},
		{"a place before a participle does not speak", "وأوضحت الوكالة في بيانها عدد المسافرين الذين دخلوا البحرين، مشيرة إلى أنه بلغ 312 ألف مسافر.",
			"الوكالة", "بلغ 312 ألف مسافر", false},
	}
	for _, tt := range tests {
		a := news.Article{Text: tt.text}
		a.Entities = r.Mentions(a.Text)
		qs := Quotes(a)
		found := false
		for _, q := range qs {
			if q.Text != tt.quote {
				continue
			}
			found = true
			// The recogniser may keep a title with the name: the name must
			// be in what is shown.
			if !strings.Contains(q.Speaker, tt.speaker) || (tt.speaker == "") != (q.Speaker == "") || q.Direct != tt.direct {
				t.Errorf("%s: quote %q by %q direct %v; want %q direct %v", tt.rule, q.Text, q.Speaker, q.Direct, tt.speaker, tt.direct)
			}
		}
		if !found {
			t.Errorf("%s: Quotes(%q) = %+v, want %q", tt.rule, tt.text, qs, tt.quote)
		}
	}
}

func TestNotQuotes(t *testing.T) {
	r, err := entities.New()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ rule, text string }{
		{"a noun object", "وأعلن النادي تعاقده مع المهاجم الفنزويلي لمدة أربع سنوات."},
		{"كشف عن", "وكشفت الوزارة عن خطة جديدة لتطوير الطرق في المنطقة."},
		{"بين as a preposition", "وتم توقيع الاتفاق بين البلدين أن يبدأ التعاون الشهر المقبل."},
	} {
		a := news.Article{Text: tt.text}
		a.Entities = r.Mentions(a.Text)
		if qs := Quotes(a); len(qs) != 0 {
			t.Errorf("%s: Quotes(%q) = %+v, want none", tt.rule, tt.text, qs)
		}
	}
}

// TestNamesakeIsNotTheSpeaker gives the mentions a tagger gives (the
// namesake of a facility read as a person, as the shipped one does) and
// checks the quote goes to the person who speaks.
func TestNamesakeIsNotTheSpeaker(t *testing.T) {
	tests := []struct {
		name, text string
		people     []string // tagged as persons, in order
		speaker    string
	}{
		{"a relief centre named after the king",
			"وصرح المتحدث الرسمي باسم مركز الملك سلمان للإغاثة رأفت الصباغ أن الطائرة وصلت إلى عدن.",
			[]string{"سلمان", "رأفت الصباغ"}, "رأفت الصباغ"},
		{"an airport, the title inside the span",
			"وقال مدير عام جمرك مطار الملك عبدالعزيز الدولي محمد العقيل: \"تم ضبط الكمية بحوزة سيدتين\".",
			[]string{"الملك عبدالعزيز", "محمد العقيل"}, "محمد العقيل"},
		{"a university",
			"وأكد مدير جامعة الأمير سطام بن عبدالعزيز عبدالرحمن العاصمي أن القبول في برامج الدراسات العليا بدأ هذا الأسبوع.",
			[]string{"سطام بن عبدالعزيز", "عبدالرحمن العاصمي"}, "عبدالرحمن العاصمي"},
		{"a king who speaks is the speaker",
			"وقال الملك سلمان إن المملكة ماضية في دعم اليمن.",
			[]string{"سلمان"}, "سلمان"},
	}
	for _, tt := range tests {
		a := news.Article{Text: tt.text}
		rs := []rune(tt.text)
		from := 0
		for _, p := range tt.people {
			i := strings.Index(string(rs[from:]), p)
			if i < 0 {
				t.Fatalf("%s: %q not in the text", tt.name, p)
			}
			start := from + len([]rune(string(rs[from:])[:i]))
			end := start + len([]rune(p))
			a.Entities = append(a.Entities, news.Mention{Text: p, Name: p, Type: news.PER, Start: start, End: end})
			from = end
		}
		qs := Quotes(a)
		if len(qs) == 0 {
			t.Errorf("%s: no quote", tt.name)
			continue
		}
		if qs[0].Speaker != tt.speaker {
			t.Errorf("%s: speaker %q, want %q", tt.name, qs[0].Speaker, tt.speaker)
		}
	}
}
