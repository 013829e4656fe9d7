package stories

import (
	"strings"
	"testing"
)

func TestWire(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"dateline with dash and colon", "الرياض - واس:\nأعلنت وزارة الداخلية اليوم القبض على مطلوب.", "واس"},
		{"SPA's own dateline", "جدة 25 شوال 1436هـ الموافق 10 أغسطس 2015م واس\nبعث خادم الحرمين الشريفين برقية تهنئة.", "واس"},
		{"Reuters sign-off", "قال مسؤولون إن المحادثات ستستأنف الأسبوع المقبل في جنيف بعد توقف دام أشهر بين الطرفين. (رويترز)", "رويترز"},
		{"AFP in the dateline, parenthesized", "باريس (أ ف ب) - أعلنت الحكومة الفرنسية اليوم خطة جديدة لمواجهة موجة الحر التي تضرب البلاد منذ أسبوع وتهدد المحاصيل.", "فرانس برس"},
		{"AFP with dots", "بيونغ يانغ - أ.ف.ب: أطلقت كوريا الشمالية صاروخا جديدا.", "فرانس برس"},
		{"Yonhap dateline", "سيول - يونهاب\nقالت هيئة الأركان المشتركة إن الجيش رصد إطلاق قذائف.", "يونهاب"},
		{"BNA credit", "المنامة - بنا:\nاستقبل وزير الخارجية سفير المملكة.", "بنا"},
		{"KCNA cited in the body", "قالت كوريا الشمالية إنها أرسلت قوات إلى روسيا. وذكرت وكالة الأنباء المركزية الكورية أن الزعيم كيم جونغ أون أشاد بالجنود.", "KCNA"},
		{"dpa cited in the body", "أعلنت شرطة زيوريخ أن الفيفا تقدم بشكوى جنائية، حسب وكالة الأنباء الألمانية \"د ب أ\".", "د ب أ"},
		{"Reuters told, with a proclitic", "وقال المتحدث لرويترز إن الاجتماع انتهى دون اتفاق على موعد جديد للمفاوضات.", "رويترز"},
		// A credit outranks a wire the body quotes.
		{"credit over a body citation", "الرياض - واس:\nنقلت رويترز عن مصادر أن الاجتماع تأجل.", "واس"},
		// بنا is also "with us": in the body it is no credit.
		{"everyday word, not BNA", "وقال المدير إن الجمهور يثق بنا ويتابع ما ننشره كل يوم منذ سنوات طويلة في المدينة.", ""},
		{"Petra the city, not the Jordanian agency", "زار آلاف السياح مدينة بترا الأثرية في جنوب الأردن خلال عطلة العيد هذا العام.", ""},
		{"outlet's own report", "سبق - الطائف: افتتح مدير الدفاع المدني مركزا جديدا جنوب المحافظة.", ""},
		{"empty", "  ", ""},
	}
	for _, tt := range tests {
		if got := Wire(tt.text); got != tt.want {
			t.Errorf("%s: Wire = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func BenchmarkWire(b *testing.B) {
	text := thanks + "\n" + letter + " (رويترز)"
	for b.Loop() {
		Wire(text)
	}
}

// BenchmarkWireUncredited reads a long report that credits no wire: the
// whole body is searched, as for most articles the API lists.
func BenchmarkWireUncredited(b *testing.B) {
	text := strings.Repeat(thanks+"\n"+football+"\n", 10)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if Wire(text) != "" {
			b.Fatal("a wire in a text that credits none")
		}
	}
}
