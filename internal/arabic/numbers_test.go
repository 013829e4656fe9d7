package arabic

import (
	"math"
	"strings"
	"testing"
	"unicode/utf8"
)

// numberCase is one amount as news writes it: the phrase, the text the
// number must cover, and its reading.
type numberCase struct {
	in, text string
	min, max float64
	q        string
}

// numberCases are amounts phrased as Arabic news phrases them: wire copy,
// Saudi and Gulf papers, Egyptian sites, Levantine outlets and machine
// translation from English. Each case holds exactly one number.
var numberCases = []numberCase{
	// The seeds.
	{"مستخدمين أكثر من 12000 جندي من كوريا الشمالية", "أكثر من 12000", 12000, 12000, MoreThan},
	{"تم إرسال ما لا يقل عن 12000 جندي من كوريا الشمالية", "ما لا يقل عن 12000", 12000, 12000, AtLeast},
	{"نشرت كوريا الشمالية ما بين 10 آلاف و12 ألف جندي في روسيا", "ما بين 10 آلاف و12 ألف", 10000, 12000, Range},
	{"أرسلت كوريا الشمالية حوالي 15000 جندي إلى روسيا", "حوالي 15000", 15000, 15000, About},
	{"حذرت من إرسال 30000 جندي إضافي لمساعدة حرب بوتين", "30000", 30000, 30000, Additional},
	{"نشرت آلاف القوات لدعمها", "آلاف", 1000, 9999, Vague},
	{"وأن تسعة جنود على الأقل من فوج الهندسة قتلوا", "تسعة", 9, 9, AtLeast},
	{"عملية النشر التي استمرت 120 يومًا", "120", 120, 120, Exact},

	// Plain digits, every separator.
	{"قتل 12 شخصا", "12", 12, 12, Exact},
	{"نشر 12,000 جندي", "12,000", 12000, 12000, Exact},
	{"نشر 12.000 جندي", "12.000", 12000, 12000, Exact},
	{"نشر ١٢٬٠٠٠ جندي", "١٢٬٠٠٠", 12000, 12000, Exact},
	{"نشر ١٢٠٠٠ جندي", "١٢٠٠٠", 12000, 12000, Exact},
	{"نشر ۱۲۰۰۰ سرباز", "۱۲۰۰۰", 12000, 12000, Exact},
	{"بلغ النمو 1.5 في المئة", "1.5", 1.5, 1.5, Exact},
	{"بلغ النمو ١٫٥ في المئة", "١٫٥", 1.5, 1.5, Exact},
	{"بلغ النمو 2,5 في المئة", "2,5", 2.5, 2.5, Exact},
	{"سعر البرميل 0.125 دولار", "0.125", 0.125, 0.125, Exact},
	{"بلغ الدين 1,234,567 دولارا", "1,234,567", 1234567, 1234567, Exact},
	{"بلغ الدين 1.234.567 يورو", "1.234.567", 1234567, 1234567, Exact},
	{"بلغت الكلفة 1,234.5 دولار", "1,234.5", 1234.5, 1234.5, Exact},
	{"ارتفعت الأسعار 12% خلال العام", "12", 12, 12, Exact},
	{"ارتفعت الأسعار ٪١٢", "١٢", 12, 12, Exact},

	// Digits with a scale word.
	{"نشرت 10 آلاف جندي", "10 آلاف", 10000, 10000, Exact},
	{"نشرت 12 ألف جندي", "12 ألف", 12000, 12000, Exact},
	{"نشرت 12 ألفا من الجنود", "12 ألفا", 12000, 12000, Exact},
	{"نشرت ١٢ ألفًا من الجنود", "١٢ ألفًا", 12000, 12000, Exact},
	{"خصصت 1.5 مليون دولار", "1.5 مليون", 1.5e6, 1.5e6, Exact},
	{"خصصت 3 ملايين دولار", "3 ملايين", 3e6, 3e6, Exact},
	{"خصصت 2 مليار ريال", "2 مليار", 2e9, 2e9, Exact},
	{"خصصت 4 مليارات ريال", "4 مليارات", 4e9, 4e9, Exact},
	{"خصصت 2.5 مليار دولار للمشروع", "2.5 مليار", 2.5e9, 2.5e9, Exact},
	{"يبلغ عدد السكان 2 مليون ونصف نسمة", "2 مليون ونصف", 2.5e6, 2.5e6, Exact},
	{"بيع 3 آلاف و500 سهم", "3 آلاف و500", 3500, 3500, Exact},
	{"يقيم 1 مليون و200 ألف لاجئ في البلاد", "1 مليون و200 ألف", 1.2e6, 1.2e6, Exact},
	{"وصل 250 ألف زائر", "250 ألف", 250000, 250000, Exact},

	// Number words: units in both genders and all cases.
	{"زار ثلاثة وزراء", "ثلاثة", 3, 3, Exact},
	{"مرت ثلاث سنوات", "ثلاث", 3, 3, Exact},
	{"اعتقل اثنان من المتظاهرين", "اثنان", 2, 2, Exact},
	{"التقى بمسؤولين اثنين", "اثنين", 2, 2, Exact},
	{"أصيبت امرأتان اثنتان", "اثنتان", 2, 2, Exact},
	{"خلال اثنتين وعشرين ساعة", "اثنتين وعشرين", 22, 22, Exact},
	{"منذ أربعة أيام", "أربعة", 4, 4, Exact},
	{"منذ خمس سنوات", "خمس", 5, 5, Exact},
	{"اعتقل ستة أشخاص", "ستة", 6, 6, Exact},
	{"بعد ست سنوات من الحرب", "ست", 6, 6, Exact},
	{"قتل سبعة مدنيين", "سبعة", 7, 7, Exact},
	{"خلال سبع سنوات", "سبع", 7, 7, Exact},
	{"أطلق ثمانية صواريخ", "ثمانية", 8, 8, Exact},
	{"منذ ثماني سنوات", "ثماني", 8, 8, Exact},
	{"أطلقت تسع قذائف", "تسع", 9, 9, Exact},
	{"أفرج عن عشرة أسرى", "عشرة", 10, 10, Exact},
	{"خلال عشر سنوات", "عشر", 10, 10, Exact},
	// Teens.
	{"قتل أحد عشر جنديا", "أحد عشر", 11, 11, Exact},
	{"أصيبت إحدى عشرة امرأة", "إحدى عشرة", 11, 11, Exact},
	{"وصل اثنا عشر وفدا", "اثنا عشر", 12, 12, Exact},
	{"التقى اثني عشر وزيرا", "اثني عشر", 12, 12, Exact},
	{"في ثلاث عشرة ولاية", "ثلاث عشرة", 13, 13, Exact},
	{"شارك خمسة عشر بلدا", "خمسة عشر", 15, 15, Exact},
	{"خلال تسعة عشر يوما", "تسعة عشر", 19, 19, Exact},
	// Tens and compounds.
	{"قتل عشرون شخصا", "عشرون", 20, 20, Exact},
	{"قتل عشرين شخصا", "عشرين", 20, 20, Exact},
	{"بلغ عمره خمسة وعشرين عاما", "خمسة وعشرين", 25, 25, Exact},
	{"استمرت الحرب ثلاثة وسبعين يوما", "ثلاثة وسبعين", 73, 73, Exact},
	{"توفي عن تسعة وتسعين عاما", "تسعة وتسعين", 99, 99, Exact},
	{"حكم عليه بالسجن واحدا وعشرين عاما", "واحدا وعشرين", 21, 21, Exact},
	// Hundreds, both spellings of مئة.
	{"وصل مئة جندي", "مئة", 100, 100, Exact},
	{"وصل مائة جندي", "مائة", 100, 100, Exact},
	{"اعتقل مئتا شخص", "مئتا", 200, 200, Exact},
	{"اعتقلت الشرطة مئتين من المحتجين", "مئتين", 200, 200, Exact},
	{"أطلق ثلاثمئة صاروخ", "ثلاثمئة", 300, 300, Exact},
	{"أطلق ثلاثمائة صاروخ", "ثلاثمائة", 300, 300, Exact},
	{"أطلق ثلاث مئة صاروخ", "ثلاث مئة", 300, 300, Exact},
	{"شارك خمسمئة متطوع", "خمسمئة", 500, 500, Exact},
	{"شارك مئة وخمسون متطوعا", "مئة وخمسون", 150, 150, Exact},
	{"بلغ عدد القتلى مائة وخمسة وعشرين", "مائة وخمسة وعشرين", 125, 125, Exact},
	// Thousands and above in words.
	{"وصل ألف لاجئ", "ألف", 1000, 1000, Exact},
	{"وصل ألفا لاجئ", "ألفا", 2000, 2000, Exact},
	{"أرسل ألفي جندي", "ألفي", 2000, 2000, Exact},
	{"أرسل ألفين من الجنود", "ألفين", 2000, 2000, Exact},
	{"أرسل ثلاثة آلاف جندي", "ثلاثة آلاف", 3000, 3000, Exact},
	{"بلغ الإنفاق ثلاثة آلاف وخمسمئة دولار", "ثلاثة آلاف وخمسمئة", 3500, 3500, Exact},
	{"شارك خمسة وعشرون ألفا في المسيرة", "خمسة وعشرون ألفا", 25000, 25000, Exact},
	{"شارك عشرة آلاف متظاهر", "عشرة آلاف", 10000, 10000, Exact},
	{"شارك أحد عشر ألفا من المتطوعين", "أحد عشر ألفا", 11000, 11000, Exact},
	{"بلغ عدد الزوار مائة ألف زائر", "مائة ألف", 100000, 100000, Exact},
	{"بلغ عدد الزوار مئتي ألف زائر", "مئتي ألف", 200000, 200000, Exact},
	{"بلغ عدد الزوار ثلاثمئة ألف زائر", "ثلاثمئة ألف", 300000, 300000, Exact},
	{"رصدت مليون دولار", "مليون", 1e6, 1e6, Exact},
	{"رصدت مليوني دولار", "مليوني", 2e6, 2e6, Exact},
	{"يعيش ثلاثة ملايين لاجئ", "ثلاثة ملايين", 3e6, 3e6, Exact},
	{"بلغت الميزانية عشرين مليارا", "عشرين مليارا", 2e10, 2e10, Exact},
	{"بلغت الخسائر ملياري دولار", "ملياري", 2e9, 2e9, Exact},
	// Fractions.
	{"نزح مليون ونصف مواطن", "مليون ونصف", 1.5e6, 1.5e6, Exact},
	{"أنفقت نصف مليون دولار", "نصف مليون", 5e5, 5e5, Exact},
	{"وصل ربع مليون لاجئ", "ربع مليون", 2.5e5, 2.5e5, Exact},
	{"يعيش ثلث السكان تحت خط الفقر", "ثلث", 1.0 / 3, 1.0 / 3, Exact},
	// واحد alone counts after an indefinite noun.
	{"انتخب مرة واحدة فقط", "واحدة", 1, 1, Exact},
	{"وجبة لشخص واحد", "واحد", 1, 1, Exact},
	// Clitics on the number.
	{"تبرع بخمسة ملايين دولار", "بخمسة ملايين", 5e6, 5e6, Exact},
	{"ارتفع العدد لعشرة آلاف", "لعشرة آلاف", 10000, 10000, Exact},
	{"وثلاثة جنود آخرون", "وثلاثة", 3, 3, Additional},
	// Diacritics and tanween, as Al Jazeera and Al Arabiya write them.
	{"قُتِلَ خَمْسَةٌ وَعِشْرُونَ شَخْصًا", "خَمْسَةٌ وَعِشْرُونَ", 25, 25, Exact},
	{"نشرت ثلاثةَ آلافِ جنديٍّ", "ثلاثةَ آلافِ", 3000, 3000, Exact},
	{"نحوَ ألفَي جنديٍّ", "نحوَ ألفَي", 2000, 2000, About},

	// Ranges.
	{"بين 10 و12 ألفا من الجنود", "بين 10 و12 ألفا", 10000, 12000, Range},
	{"ما بين 10 آلاف و 12 ألف جندي", "ما بين 10 آلاف و 12 ألف", 10000, 12000, Range},
	{"ما بين عشرة آلاف واثني عشر ألفا", "ما بين عشرة آلاف واثني عشر ألفا", 10000, 12000, Range},
	{"من 10 إلى 12 ألف جندي", "من 10 إلى 12 ألف", 10000, 12000, Range},
	{"من 10 الى 15 قتيلا", "من 10 الى 15", 10, 15, Range},
	{"من 10 حتى 15 دقيقة", "من 10 حتى 15", 10, 15, Range},
	{"بين 500 و2 مليون دولار", "بين 500 و2 مليون", 500, 2e6, Range},
	{"نشرت 10-12 ألف جندي", "10-12 ألف", 10000, 12000, Range},
	{"نشرت 10 – 12 ألف جندي", "10 – 12 ألف", 10000, 12000, Range},
	{"قتل 20-30 شخصا", "20-30", 20, 30, Range},
	{"قتل ٢٠-٣٠ شخصا", "٢٠-٣٠", 20, 30, Range},
	{"يتراوح عددهم بين عشرين وثلاثين", "بين عشرين وثلاثين", 20, 30, Range},
	{"اعتقل اثنان أو ثلاثة", "اثنان أو ثلاثة", 2, 3, Range},
	{"سيصل 10 إلى 12 ألف جندي", "10 إلى 12 ألف", 10000, 12000, Range},
	{"وبين 3 و5 ملايين دولار", "وبين 3 و5 ملايين", 3e6, 5e6, Range},

	// Hedges: about.
	{"قتل حوالي 50 شخصا", "حوالي 50", 50, 50, About},
	{"قتل حوالى 50 شخصا", "حوالى 50", 50, 50, About},
	{"قتل نحو 50 شخصا", "نحو 50", 50, 50, About},
	{"بنحو 50 مليون دولار", "بنحو 50 مليون", 5e7, 5e7, About},
	{"قتل قرابة 50 شخصا", "قرابة 50", 50, 50, About},
	{"قتل زهاء خمسين شخصا", "زهاء خمسين", 50, 50, About},
	{"قتل ما يقرب من 50 شخصا", "ما يقرب من 50", 50, 50, About},
	{"يضم ما يقارب 3 آلاف عنصر", "ما يقارب 3 آلاف", 3000, 3000, About},
	{"قتل 50 شخصا تقريبا", "50", 50, 50, About},
	{"قتل 50 تقريبا", "50 تقريبا", 50, 50, About},
	{"قتل تقريبا 50 شخصا", "تقريبا 50", 50, 50, About},
	{"وحوالي 200 جريح", "وحوالي 200", 200, 200, About},
	{"يعمل فيه ما يناهز 400 موظف", "ما يناهز 400", 400, 400, About},
	{"بلغت الكلفة في حدود 3 ملايين", "في حدود 3 ملايين", 3e6, 3e6, About},
	// more_than.
	{"قتل أكثر من 100 شخص", "أكثر من 100", 100, 100, MoreThan},
	{"قتل اكثر من مئة شخص", "اكثر من مئة", 100, 100, MoreThan},
	{"قتل ما يزيد على 100 شخص", "ما يزيد على 100", 100, 100, MoreThan},
	{"قتل ما يزيد عن 100 شخص", "ما يزيد عن 100", 100, 100, MoreThan},
	{"بعدد يزيد على 100 شخص", "يزيد على 100", 100, 100, MoreThan},
	{"قتل ما يربو على 100 شخص", "ما يربو على 100", 100, 100, MoreThan},
	{"بمشاركة ما يفوق 5 آلاف شخص", "ما يفوق 5 آلاف", 5000, 5000, MoreThan},
	{"قتل عشرون ونيف", "عشرون ونيف", 20, 20, MoreThan},
	// at_least.
	{"قتل ما لا يقل عن 20 شخصا", "ما لا يقل عن 20", 20, 20, AtLeast},
	{"قتل ما لا يقل على 20 شخصا", "ما لا يقل على 20", 20, 20, AtLeast},
	{"بعدد لا يقل عن 20 شخصا", "لا يقل عن 20", 20, 20, AtLeast},
	{"قتل على الأقل 20 شخصا", "على الأقل 20", 20, 20, AtLeast},
	{"قتل 20 شخصا على الأقل", "20", 20, 20, AtLeast},
	{"قتل 20 على الأقل", "20 على الأقل", 20, 20, AtLeast},
	{"قتل 20 شخصا أو أكثر", "20", 20, 20, AtLeast},
	{"يقبل من هم 18 عاما فأكثر", "18", 18, 18, AtLeast},
	// less_than.
	{"قتل أقل من 10 أشخاص", "أقل من 10", 10, 10, LessThan},
	{"ممن هم دون 18 عاما", "دون 18", 18, 18, LessThan},
	// at_most.
	{"قد يصل إلى 100 ألف", "يصل إلى 100 ألف", 100000, 100000, AtMost},
	{"بمشاركة ما يصل إلى 100 ألف شخص", "ما يصل إلى 100 ألف", 100000, 100000, AtMost},
	{"قد تصل إلى 5 آلاف", "تصل إلى 5 آلاف", 5000, 5000, AtMost},
	{"ويمكن أن يضم حتى 30 ألف جندي", "حتى 30 ألف", 30000, 30000, AtMost},
	{"بعدد لا يزيد على 50 شخصا", "لا يزيد على 50", 50, 50, AtMost},
	{"بعدد ما لا يزيد عن 50 شخصا", "ما لا يزيد عن 50", 50, 50, AtMost},
	{"سجن 5 سنوات على الأكثر", "5", 5, 5, AtMost},
	{"غرامة بحد أقصى 1000 دينار", "بحد أقصى 1000", 1000, 1000, AtMost},
	// additional.
	{"أرسل 5 آلاف جندي إضافي", "5 آلاف", 5000, 5000, Additional},
	{"أرسل 500 جندي إضافيين", "500", 500, 500, Additional},
	{"إرسال ثلاثة آلاف جندي آخرين", "ثلاثة آلاف", 3000, 3000, Additional},
	{"لمدة ثلاثة أيام أخرى", "ثلاثة", 3, 3, Additional},
	{"خصصت 2 مليار دولار إضافية", "2 مليار", 2e9, 2e9, Additional},
	{"نشر 30000 جندي كوري إضافي", "30000", 30000, 30000, Additional},
	{"أرسل المزيد من 500 جندي", "المزيد من 500", 500, 500, Additional},

	// Vague amounts.
	{"قتل عشرات المدنيين", "عشرات", 10, 99, Vague},
	{"اعتقل المئات من المتظاهرين", "المئات", 100, 999, Vague},
	{"شارك مئات الأشخاص", "مئات", 100, 999, Vague},
	{"نزح عشرات الآلاف", "عشرات الآلاف", 10000, 99999, Vague},
	{"نزح مئات الآلاف من السكان", "مئات الآلاف", 100000, 999999, Vague},
	{"هجر ملايين السوريين", "ملايين", 1e6, 1e7 - 1, Vague},
	{"أنفقت عشرات الملايين", "عشرات الملايين", 1e7, 1e8 - 1, Vague},
	{"وصل بضعة آلاف", "بضعة آلاف", 3000, 9000, Vague},
	{"بعد بضع ساعات", "بضع", 3, 9, Vague},
	{"بقي بضعة أيام", "بضعة", 3, 9, Vague},
	{"وعشرات الجرحى", "وعشرات", 10, 99, Vague},
	{"أرسل الآلاف من عمال البناء", "الآلاف", 1000, 9999, Vague},
	{"يقيم عدة آلاف من اللاجئين", "عدة آلاف", 3000, 9000, Vague},
	{"تسببت بخسائر بمليارات الدولارات", "بمليارات", 1e9, 1e10 - 1, Vague},

	// Years are numbers too, marked.
	{"في يونيو 2024 وقع الطرفان", "2024", 2024, 2024, Exact},
	{"انتهت عام 1945", "1945", 1945, 1945, Exact},
	{"أطلق في 2025م", "2025", 2025, 2025, Exact},
	{"التاريخ 1404/10/07", "1404", 1404, 1404, Exact},
	{"في 15/8/1945", "1945", 1945, 1945, Exact},
	// Machine-translated English word order and spellings.
	{"نشر حوالي 10,000 جندي", "حوالي 10,000", 10000, 10000, About},
	{"قتل أكثر من 1,000 شخص", "أكثر من 1,000", 1000, 1000, MoreThan},
	{"ما لا يقل عن 1.5 مليون شخص", "ما لا يقل عن 1.5 مليون", 1.5e6, 1.5e6, AtLeast},
	{"حوالي 2 مليار دولار", "حوالي 2 مليار", 2e9, 2e9, About},
	// Egyptian and Levantine spellings.
	{"دفع مية جنيه", "مية", 100, 100, Exact},
	{"دفع تلاتة آلاف جنيه", "تلاتة آلاف", 3000, 3000, Exact},
	{"قبض اتنين من المتهمين", "اتنين", 2, 2, Exact},
}

func TestNumbers(t *testing.T) {
	cases := append(append([]numberCase(nil), numberCases...), newsNumberCases...)
	for _, tt := range cases {
		t.Run(tt.in, func(t *testing.T) {
			got := Numbers(tt.in)
			if len(got) != 1 {
				t.Fatalf("Numbers(%q) = %+v, want one number %q", tt.in, got, tt.text)
			}
			n := got[0]
			if n.Text != tt.text || !near(n.Min, tt.min) || !near(n.Max, tt.max) || n.Qualifier != tt.q {
				t.Errorf("Numbers(%q) = %q %v..%v %s, want %q %v..%v %s", tt.in, n.Text, n.Min, n.Max, n.Qualifier, tt.text, tt.min, tt.max, tt.q)
			}
			if want := hasPercentMarker(tt.in); n.Percent != want {
				t.Errorf("Numbers(%q): Percent %v, want %v", tt.in, n.Percent, want)
			}
		})
	}
	// The issue asks for at least 400 expressions written from the news.
	if len(cases) < 400 {
		t.Errorf("only %d number cases", len(cases))
	}
}

// hasPercentMarker reports a percent sign or phrase in a one-number case,
// whose number is then a percentage.
func hasPercentMarker(s string) bool {
	for _, m := range []string{"%", "٪", "في المئة", "في المائة", "بالمئة", "بالمائة"} {
		if strings.Contains(s, m) {
			return true
		}
	}
	return false
}

func near(a, b float64) bool { return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b)) }

func TestNumbersYear(t *testing.T) {
	tests := []struct {
		in   string
		want []bool // Year of each number found
	}{
		{"انتهت عام 1945", []bool{true}},
		{"في العام 2025", []bool{true}},
		{"سنة 2019 قتل 1945 شخصا", []bool{true, false}},
		{"لعام 2024", []bool{true}},
		{"في 15 أغسطس 1945", []bool{true}}, // the day is not an amount
		{"في أغسطس/آب 2025", []bool{true}},
		{"بين عامي 1950 و1953", []bool{true}},
		{"قُتل 1950 شخصا", []bool{false}},
		{"أطلق في 2025م", []bool{true}},
		{"عام 1446 هـ", []bool{true}},
		{"على الساعة 10:30 صباحا", nil},
	}
	for _, tt := range tests {
		var got []bool
		for _, n := range Numbers(tt.in) {
			got = append(got, n.Year)
		}
		if len(got) != len(tt.want) {
			t.Errorf("Numbers(%q): years %v, want %v (%+v)", tt.in, got, tt.want, Numbers(tt.in))
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("Numbers(%q): years %v, want %v", tt.in, got, tt.want)
			}
		}
	}
}

// TestNotNumbers holds words that only look like numbers.
func TestNotNumbers(t *testing.T) {
	for _, in := range []string{
		"حرف الألف في أول الأبجدية", // the letter alef
		"ألف",                         // alone, nothing counted
		"زئير السبع في الغابة",        // the lion
		"رأى سبع الغابة",              // the lion, with a definite noun after
		"غنت ست الحبايب",              // the lady
		"لست أدري",                    // "I am not"
		"الذكرى الخامسة والسبعين",     // ordinal
		"الفصل الثاني",                // ordinal
		"الحادي عشر من سبتمبر",        // ordinal teen; 11 is the ordinal
		"القرن العشرين",               // ordinal tens with the article
		"في آن واحد",                  // واحد alone
		"واحدة من أكبر الدول",         // واحدة alone
		"أحد المسؤولين",               // أحد alone
		"يوم الاثنين",                 // Monday
		"الثلاثاء والأربعاء والخميس",  // weekdays
		"الثلث الأخير",                // the last third
		"استغرقت الرحلة ساعة ونصف",    // ونصف after a noun
		"تأهل الفريق إلى نصف النهائي", // the semi-final
		"خسر في ربع النهائي",          // the quarter-final
		"قسم الكعكة إلى نصف",          // a fraction of nothing
		"ألّف الكاتب كتابا عن الحرب",  // ألف the verb, before a definite noun
		"في شهر صفر",                  // the month Safar
		"ست البيت",                    // the lady of the house
		"جاء في المرتبة الثالثة",      // ordinal
		"يوم الأحد الماضي",            // Sunday
		"في الخمسينيات",               // a decade
		"في 18 ديسمبر",                // a date's day
		"صدر في 10:30",                // a time
	} {
		if got := Numbers(in); len(got) != 0 {
			t.Errorf("Numbers(%q) = %+v, want none", in, got)
		}
	}
}

func TestNumbersSeveral(t *testing.T) {
	in := "قتل 5 أشخاص وأصيب 12 آخرون، فيما نزح عشرات الآلاف منذ عام 2023"
	var got []string
	for _, n := range Numbers(in) {
		got = append(got, n.Text+":"+n.Qualifier)
	}
	want := "5:exact 12:additional عشرات الآلاف:vague 2023:exact"
	if strings.Join(got, " ") != want {
		t.Errorf("Numbers(%q) = %v, want %v", in, got, want)
	}
}

// checkNumbers holds the properties of any result: offsets inside the text
// and in order, Text the runes they cover, Min ≤ Max.
func checkNumbers(t *testing.T, s string, ns []Number) {
	t.Helper()
	runes := []rune(s)
	prev := 0
	for _, n := range ns {
		if n.Start < prev || n.End <= n.Start || n.End > len(runes) {
			t.Fatalf("number %q at [%d,%d) after %d in %d runes of %q", n.Text, n.Start, n.End, prev, len(runes), s)
		}
		if utf8.ValidString(s) && string(runes[n.Start:n.End]) != n.Text {
			t.Fatalf("number %q at [%d,%d) covers %q", n.Text, n.Start, n.End, string(runes[n.Start:n.End]))
		}
		if !(n.Min <= n.Max) {
			t.Fatalf("number %q: Min %v > Max %v", n.Text, n.Min, n.Max)
		}
		prev = n.End
	}
}

func TestNumbersOffsets(t *testing.T) {
	for _, tt := range numberCases {
		checkNumbers(t, tt.in, Numbers(tt.in))
	}
	checkNumbers(t, seedParagraph, Numbers(seedParagraph))
}

func FuzzNumbers(f *testing.F) {
	for _, tt := range numberCases[:40] {
		f.Add(tt.in)
	}
	f.Add(seedParagraph)
	f.Fuzz(func(t *testing.T, s string) {
		checkNumbers(t, s, Numbers(s))
	})
}

func BenchmarkNumbers(b *testing.B) {
	b.SetBytes(int64(len(seedParagraph)))
	b.ReportAllocs()
	for b.Loop() {
		Numbers(seedParagraph)
	}
}
