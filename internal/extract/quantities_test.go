package extract

import (
	"testing"

	"github.com/marsad/marsad/news"
)

// One case per rule: what a number counts, and which numbers count nothing.
func TestQuantityUnits(t *testing.T) {
	tests := []struct {
		rule, text string
		min        float64
		unit       string
	}{
		{"broken plural مفاعل", "وأشار إلى أن عدد المراكز الانتخابية بلغ 108 مراكز موزعة على المحافظة", 108, "مركز"},
		{"broken plural أفعال", "فاز المنتخب على تونس بثلاثة أشواط دون رد", 3, "شوط"},
		{"broken plural فعول", "غاب باتون وزوجته وثلاثة ضيوف كانوا معهما عن الوعي", 3, "ضيف"},
		{"listed plural", "ويخوض الفريق خلال معسكره 4 مباريات ودية", 4, "مباراه"},
		{"accusative nisba", "وصل 120 يمنيًا عالقًا إلى الجمهورية اليمنية", 120, "يمني"},
		{"كيلو متر is one unit", "قطع خلالها مسافة 3000 كيلو متر لتوثيق المعالم", 3000, "كيلومتر"},
		{"كلم is كيلومتر", "محطة وقود تقع على بعد 100 كلم غرب حفر الباطن", 100, "كيلومتر"},
		{"scale word ترليون", "ارتفاع الناتج المحلي إلى 2.7 ترليون ريال خلال العام", 2.7e12, "ريال"},
		{"number after its noun", "والعرض ليوم واحد فقط في الرياض", 1, "يوم"},
		{"dual before اثنين", "ويعتقد أن لصين اثنين ارتكبا الجريمة", 2, "لص"},
		{"definite number after adjectives", "الاتفاق النووي بين إيران والقوى العالمية الست.", 6, "قوه"},
		{"borrowed from the count it is listed with", "أسفر الهجوم عن مقتل ثلاثة أشخاص وإصابة سبعة.", 7, "شخص"},
		{"the noun after عدد", "بلغ عدد المسافرين القادمين عبر الجسر 255322 حتى مساء أمس", 255322, "مسافر"},
		{"a place after من is not counted", "شهد المنفذ دخول 255322 من السعودية ودخول 281 مسافراً", 255322, "مسافر"},
		{"decimal point in an index level", "ارتفع المؤشر إلى أعلى مستوى عند 98.088 في المعاملات الصباحية", 98.088, ""},
	}
	for _, tt := range tests {
		qs := Quantities(news.Article{Text: tt.text, Entities: placeMentions(tt.text, "السعودية")})
		found := false
		for _, q := range qs {
			if q.Min == tt.min {
				found = true
				if q.Unit != tt.unit {
					t.Errorf("%s: Quantities(%q) unit %q, want %q", tt.rule, tt.text, q.Unit, tt.unit)
				}
			}
		}
		if !found {
			t.Errorf("%s: Quantities(%q) = %+v, want %v", tt.rule, tt.text, qs, tt.min)
		}
	}
}

func TestNotQuantities(t *testing.T) {
	for _, tt := range []struct{ rule, text string }{
		{"ordinal with الـ", "تشارك في البطولة العربية الـ13 المقامة حالياً"},
		{"numbering noun", "تمريرته في الدقيقة 76 وصلت إلى المهاجم"},
		{"رقم", "ارتدى القميص رقم (10) مع الفريق"},
		{"article number", "وفقاً لما نصت عليه المادة 36 من النظام"},
		{"edition in brackets", "يشارك الأخضر في بطولة كأس الخليج (22) بالرياض"},
		{"edition in quotes", "نظم المركز مهرجان الطفولة \"بسمة 5\" تحت شعار الوطن"},
		{"match score", "فاز الفريق بنتيجة 2 - 0 على ملعبه"},
		{"score with صفر", "صنع هدف تفوق فلومينيسي 1-صفر على جريميو"},
		{"Hijri year range", "للعام التدريبي 1436- 1437ه عبر موقع المؤسسة"},
		{"years after بين", "محاولة عبور بين 2014 و2015 أي أكثر من ضعف عددها"},
		{"year after في", "انتقل إلى الدوري الإيطالي في 2010 عبر بوابة تشيزينا"},
		{"Hijri date", "الذي سيبدأ يوم 8 /11 /1436هـ في مقر المعهد"},
		{"period of days", "في الفترة من 23 وحتى 29 يوليو الجاري"},
		{"model number glued", "تجهيزات السلامة الشاملة شفروليه360º التي تقدمها العلامة"},
		{"phone number", "للاستفسار الاتصال بالرقم 5598309-012 خلال الدوام"},
		{"look-alike word", "أسفرت الجولة عن إتلاف كمية كبيرة من المواد"},
	} {
		if qs := Quantities(news.Article{Text: tt.text}); len(qs) != 0 {
			t.Errorf("%s: Quantities(%q) = %+v, want none", tt.rule, tt.text, qs)
		}
	}
}

// placeMentions marks name as a place wherever it occurs, standing in for
// the recogniser.
func placeMentions(text, name string) []news.Mention {
	rs, ns := []rune(text), []rune(name)
	var out []news.Mention
	for i := 0; i+len(ns) <= len(rs); i++ {
		if string(rs[i:i+len(ns)]) == name {
			out = append(out, news.Mention{Text: name, Name: name, Type: news.LOC, Start: i, End: i + len(ns)})
		}
	}
	return out
}
