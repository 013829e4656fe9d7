package clean

// Cue phrases are written in the search layer (arabic.Search: أ→ا, ة→ه,
// ى→ي, Latin lower-cased) and matched on whole words of a line's search
// form. They name kinds of page furniture found across Arabic news sites;
// the classifier combines them with a line's length, so a cue word inside a
// real sentence ("شارك الرئيس في القمة ...") does not remove it.

// cue is one furniture phrase and what it means when a short line holds it.
type cue struct {
	phrase   string
	reason   string
	maxWords int  // the line may have at most this many words
	closes   bool // an article's end: what follows may be another article
	comments bool // a comment section starts: what follows is readers' text
	related  bool // a related-articles block follows: its short lines go too
	prefix   bool // must open the line
}

// furnitureCues lists the kinds of page furniture the line classifier knows
// by wording: related-article blocks, comment forms, share and navigation
// controls, ads, subscription prompts, tags, copyright and counters.
var furnitureCues = []cue{
	{phrase: "مقالات ذات صله", reason: "related articles", maxWords: 6, related: true},
	{phrase: "اخبار ذات صله", reason: "related articles", maxWords: 6, related: true},
	{phrase: "مواضيع ذات صله", reason: "related articles", maxWords: 6, related: true},
	{phrase: "ذات صله", reason: "related articles", maxWords: 3, related: true},
	{phrase: "مقالات مشابهه", reason: "related articles", maxWords: 6, related: true},
	{phrase: "اخبار مشابهه", reason: "related articles", maxWords: 6, related: true},
	{phrase: "موصي بها", reason: "related articles", maxWords: 6, related: true},
	{phrase: "الاكثر قراءه", reason: "related articles", maxWords: 6, related: true},
	{phrase: "الاكثر مشاهده", reason: "related articles", maxWords: 6, related: true},
	{phrase: "اقرا ايضا", reason: "read also", maxWords: 4, related: true},
	{phrase: "اقرا المزيد", reason: "read also", maxWords: 4, related: true},
	{phrase: "شاهد ايضا", reason: "read also", maxWords: 4, related: true},
	// The cue and the linked headline on one line, inside the body.
	{phrase: "اقرا ايضا", reason: "read-also link", maxWords: 30, prefix: true},
	{phrase: "اقرا المزيد", reason: "read-also link", maxWords: 30, prefix: true},
	{phrase: "شاهد ايضا", reason: "read-also link", maxWords: 30, prefix: true},
	{phrase: "قد يعجبك ايضا", reason: "related articles", maxWords: 6, related: true},
	{phrase: "read more", reason: "read also", maxWords: 4, related: true},
	{phrase: "related", reason: "related articles", maxWords: 4, related: true},
	{phrase: "اترك تعليقا", reason: "comment form", comments: true, maxWords: 6, closes: true},
	{phrase: "اضف تعليق", reason: "comment form", comments: true, maxWords: 6, closes: true},
	{phrase: "اضف تعليقك", reason: "comment form", comments: true, maxWords: 6, closes: true},
	{phrase: "بريدك الالكتروني", reason: "comment form", comments: true, maxWords: 20, closes: true},
	{phrase: "الحقول الالزاميه", reason: "comment form", comments: true, maxWords: 20, closes: true},
	{phrase: "التعليقات", reason: "comment form", comments: true, maxWords: 3, closes: true},
	{phrase: "شاركها", reason: "share prompt", maxWords: 3, closes: true},
	{phrase: "شارك", reason: "share prompt", maxWords: 3, closes: true},
	{phrase: "شارك المقال", reason: "share prompt", maxWords: 5, closes: true},
	{phrase: "شارك الخبر", reason: "share prompt", maxWords: 5, closes: true},
	{phrase: "مشاركه", reason: "share prompt", maxWords: 3, closes: true},
	{phrase: "نسخ الرابط", reason: "share prompt", maxWords: 5, closes: true},
	{phrase: "share", reason: "share prompt", maxWords: 3, closes: true},
	{phrase: "الذهاب الي الاعلي", reason: "navigation", maxWords: 6, closes: true},
	{phrase: "العوده الي الاعلي", reason: "navigation", maxWords: 6, closes: true},
	{phrase: "العوده للاعلي", reason: "navigation", maxWords: 6, closes: true},
	{phrase: "back to top", reason: "navigation", maxWords: 5, closes: true},
	{phrase: "exit mobile version", reason: "navigation", maxWords: 4, closes: true},
	{phrase: "الصفحه الرئيسيه", reason: "navigation", maxWords: 4},
	{phrase: "اعلان", reason: "advertisement", maxWords: 2},
	{phrase: "مساحه اعلانيه", reason: "advertisement", maxWords: 20},
	{phrase: "ماده اعلانيه", reason: "advertisement", maxWords: 20},
	{phrase: "advertisement", reason: "advertisement", maxWords: 3},
	{phrase: "محتوي مدفوع", reason: "advertisement", maxWords: 6},
	{phrase: "تابعونا", reason: "subscription prompt", maxWords: 10},
	{phrase: "تابعوا اخر اخبار", reason: "subscription prompt", maxWords: 15},
	{phrase: "google news", reason: "subscription prompt", maxWords: 15},
	{phrase: "اشترك في النشره", reason: "subscription prompt", maxWords: 12},
	{phrase: "النشره البريديه", reason: "subscription prompt", maxWords: 12},
	{phrase: "كلمات دلاليه", reason: "tags", maxWords: 30, closes: true, prefix: true},
	{phrase: "الكلمات المفتاحيه", reason: "tags", maxWords: 30, closes: true, prefix: true},
	{phrase: "الوسوم", reason: "tags", maxWords: 30, closes: true, prefix: true},
	{phrase: "وسوم", reason: "tags", maxWords: 30, closes: true, prefix: true},
	{phrase: "tags", reason: "tags", maxWords: 30, closes: true, prefix: true},
	{phrase: "جميع الحقوق محفوظه", reason: "copyright", maxWords: 15, closes: true},
	{phrase: "مصادر اضافيه", reason: "credit line", maxWords: 8, closes: true, prefix: true},
	{phrase: "انتهي", reason: "end of article", maxWords: 2, closes: true},
	{phrase: "ارسل لصديق", reason: "share prompt", maxWords: 4, closes: true},
	{phrase: "ادعم الصحافه المستقله", reason: "subscription prompt", maxWords: 6},
}

// labelLines are one-word kickers sites print above a headline.
var labelLines = map[string]bool{
	"عاجل": true, "خاص": true, "حصري": true, "فيديو": true, "بالفيديو": true,
	"بالصور": true, "صور": true, "تحليل": true, "مقال": true, "breaking": true,
}

// sectionWords name the sections of news sites, as menus list them.
var sectionWords = map[string]bool{
	"الرييسيه": true, "اخبار": true, "الاخبار": true, "محليات": true, "محلي": true, "محليه": true,
	"دولي": true, "دوليه": true, "عربي": true, "عربيه": true, "عالمي": true, "العالم": true,
	"اقتصاد": true, "اقتصادي": true, "الاقتصاد": true, "رياضه": true, "رياضي": true, "الرياضه": true,
	"ثقافه": true, "فن": true, "فنون": true, "منوعات": true, "سياسه": true, "مجتمع": true,
	"تقنيه": true, "تكنولوجيا": true, "صحه": true, "مقالات": true, "اراء": true, "راي": true,
	"كتاب": true, "فيديو": true, "صور": true, "حوادث": true, "توك": true, "شو": true, "المحافظات": true,
	"خليجيات": true, "الخليج": true, "تحقيقات": true, "ملفات": true, "حوارات": true, "برامج": true,
	"اتصل": true, "بنا": true, "من": true, "نحن": true, "و": true, "وثقافه": true, "وفن": true,
	"الشركات": true, "العقار": true, "الطاقه": true, "الاسواق": true, "جهات": true, "وراي": true,
}

// networks are social networks and share targets as share bars name them.
var networks = map[string]bool{
	"فيسبوك": true, "فيس": true, "بوك": true, "تويتر": true, "واتساب": true, "واتس": true, "اب": true,
	"تيليجرام": true, "تلغرام": true, "تليجرام": true, "انستغرام": true, "انستجرام": true, "يوتيوب": true,
	"لينكدان": true, "لينكد": true, "سناب": true, "شات": true, "ماسنجر": true, "بريد": true,
	"facebook": true, "twitter": true, "whatsapp": true, "telegram": true, "instagram": true,
	"youtube": true, "linkedin": true, "email": true, "x": true, "print": true, "طباعه": true,
}

// counterWords follow or precede a number in view, comment and share
// counters ("3 مشاهدات", "التعليقات: 5").
var counterWords = map[string]bool{
	"مشاهده": true, "مشاهدات": true, "مشاهدة": true, "قراءه": true, "قراءات": true,
	"تعليق": true, "تعليقات": true, "التعليقات": true, "مشاركه": true, "مشاركات": true,
	"views": true, "comments": true, "shares": true,
}

// outlets are Arabic news outlets as pages name them on a line of their
// own; the value is the display name reported as an article's source.
var outlets = map[string]string{
	"الجزيره":         "الجزيرة",
	"الجزيره نت":      "الجزيرة نت",
	"العربيه":         "العربية",
	"العربيه نت":      "العربية نت",
	"سكاي نيوز عربيه": "سكاي نيوز عربية",
	"بي بي سي عربي":   "بي بي سي عربي",
	"bbc عربي":        "BBC عربي",
	"فرانس 24":        "فرانس 24",
	"يورونيوز":        "يورونيوز",
	"euronews":        "يورونيوز",
	"روسيا اليوم":     "روسيا اليوم",
	"rt عربي":         "RT عربي",
	"cnn بالعربيه":    "CNN بالعربية",
	"الشرق الاوسط":    "الشرق الأوسط",
	"القدس العربي":    "القدس العربي",
	"العربي الجديد":   "العربي الجديد",
	"اندبندنت عربيه":  "اندبندنت عربية",
	"الحره":           "الحرة",
	"الاهرام":         "الأهرام",
	"اليوم السابع":    "اليوم السابع",
	"المصري اليوم":    "المصري اليوم",
	"الشروق":          "الشروق",
	"مصراوي":          "مصراوي",
	"عكاظ":            "عكاظ",
	"صحيفه سبق":       "صحيفة سبق",
	"سبق":             "سبق",
	"النهار":          "النهار",
	"عربي 21":         "عربي 21",
	"الخليج":          "الخليج",
	"البيان":          "البيان",
	"الاتحاد":         "الاتحاد",
	"القبس":           "القبس",
	"هسبريس":          "هسبريس",
	"الخبر":           "الخبر",
	"وكاله الانباء السعوديه": "وكالة الأنباء السعودية",
	"واس": "واس",
}

// sourcePrefixes open a line that names the article's outlet or origin.
var sourcePrefixes = []string{"المصدر", "مصدر الخبر", "source"}

// authorPrefixes open a byline.
var authorPrefixes = []string{"بقلم", "كتب", "كتبت", "بواسطه", "اعداد", "by"}

// creditWords are photo credits as Arabic captions print them, in the
// search layer with punctuation dropped: agencies, "file photo".
var creditWords = map[string]bool{
	"ا ب": true, "اب": true, "ا ف ب": true, "افب": true, "د ب ا": true, "رويترز": true,
	"واس": true, "وام": true, "قنا": true, "كونا": true, "بنا": true, "سانا": true,
	"الاناضول": true, "ارشيفيه": true, "صوره ارشيفيه": true, "ارشيف": true, "ا ش ا": true,
	"afp": true, "ap": true, "reuters": true, "getty": true, "epa": true,
}

// photoOpeners open photo captions: "جانب من ...", "لقطة من ...".
var photoOpeners = map[string]bool{
	"جانب": true, "لقطه": true, "صوره": true, "مشهد": true, "مشاهد": true, "الصوره": true,
}

// agencies are wire and photo agencies as credits spell them after a
// caption ("... KCNA/EPA/Shutterstock", "... AP").
var agencies = map[string]bool{
	"ap": true, "afp": true, "reuters": true, "epa": true, "efe": true, "ife": true,
	"kcna": true, "shutterstock": true, "getty": true, "images": true, "anadolu": true,
	"xinhua": true, "tass": true, "sputnik": true, "yonhap": true, "spa": true,
	"wam": true, "dpa": true, "ansa": true, "upi": true, "ria": true, "novosti": true,
	"bloomberg": true, "alamy": true, "imago": true, "pool": true,
}
