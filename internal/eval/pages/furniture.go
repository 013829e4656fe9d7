package pages

import (
	"fmt"
	"strings"
)

// The pools below are furniture shared by several site templates: the
// wording varies from site to site, so each template draws its own mix.
// They are read-only tables.

var (
	// captionScenes are what news photos show, as captions word them.
	captionScenes = []string{
		"جانب من الاجتماع", "جانب من اللقاء", "جانب من الحفل", "من أجواء المؤتمر الصحفي",
		"جانب من الجلسة", "من موقع الحادث", "جانب من الفعالية", "صورة أرشيفية",
		"جانب من الزيارة", "لقطة من المباراة", "جانب من توقيع الاتفاقية", "من الأرشيف",
		"جانب من ورشة العمل", "عناصر من الدفاع المدني في موقع الحريق", "المشاركون في الملتقى",
	}
	// latinCredits are photo credits as captions print them in Latin script.
	latinCredits = []string{"AFP", "Reuters", "AP", "EPA", "Getty Images", "EPA/Shutterstock", "AFP/Getty Images", "Anadolu", "SPA", "WAM", "Xinhua"}
	// arabicCredits are credits written in Arabic after a caption.
	arabicCredits = []string{"(واس)", "- واس", "(أ ف ب)", "(رويترز)", "(الشرق الأوسط)", "(أرشيفية)", "- أ.ب", "(د ب أ)"}
	// photographers sign "تصوير" credits.
	photographers = []string{"محمد العتيبي", "خالد الزهراني", "علي العمري", "فهد الشمري", "سامي الغامدي", "أحمد حسن"}

	// commenters are readers' display names.
	commenters = []string{"أبو فهد", "محمد الغامدي", "ابن الجنوب", "مواطن غيور", "سارة", "متابع", "أبو عبدالله", "زائر", "ناصر", "أم خالد", "Ahmed", "عبدالرحمن القحطاني"}
	// commentTexts are readers' comments: some short, some written like a
	// sentence, which makes them look like body text.
	commentTexts = []string{
		"الله يحفظ بلادنا وقادتنا من كل شر",
		"خبر مفرح، نتمنى المزيد من هذه الإنجازات",
		"متى يتم تطبيق القرار على أرض الواقع؟",
		"للأسف الخبر ناقص ولم يوضح التفاصيل المهمة للمواطن.",
		"كلام جميل لكن نريد أفعالا لا أقوالا",
		"شكرا على التغطية المميزة",
		"أين دور الجهات الرقابية من كل هذا؟ نحن نسمع بهذه الوعود منذ سنوات ولم يتغير شيء على الأرض حتى الآن.",
		"اللهم احفظ جنودنا المرابطين على الحدود",
		"الأسعار ترتفع كل يوم والرواتب كما هي، نتمنى أن ينظر المسؤولون في هذا الموضوع بجدية.",
		"ما شاء الله تبارك الله",
		"نرجو من الصحيفة متابعة الموضوع ونشر التفاصيل لاحقا",
		"هذا ما كنا ننتظره منذ زمن طويل، بارك الله في جهود القائمين على المشروع وجعلها في ميزان حسناتهم.",
		"غير صحيح، المصدر لم يقل ذلك",
		"رأيي أن المشكلة في التنفيذ وليست في القرار نفسه، والدليل أن تجارب سابقة مماثلة فشلت بسبب غياب المتابعة.",
	}
	commentTimes = []string{"منذ ساعة", "منذ 3 ساعات", "منذ 5 دقائق", "منذ يوم", "منذ ساعتين", "قبل 20 دقيقة"}

	// shareLines are share prompts and the text of share buttons.
	shareLines = []string{"شارك", "شارك الخبر", "شاركها", "شارك هذا المقال", "مشاركة", "انشر على فيسبوك", "غرّد", "فيسبوك تويتر واتساب تيليجرام", "واتساب", "تويتر", "فيسبوك", "نسخ الرابط", "تم نسخ الرابط", "أرسل لصديق"}
	// adLines are ad slots as a scraper copies them.
	adLines = []string{"إعلان", "- إعلان -", "مساحة إعلانية", "مادة إعلانية", "إعلانات", "Advertisement", "اعلان تجاري", "محتوى مدفوع"}
	// sponsoredHeads are the paid headlines of content-recommendation boxes.
	sponsoredHeads = []string{
		"اكتشف السر الذي يخفيه أطباء الأسنان عنك",
		"لن تصدق كيف أصبح شكل هذه النجمة اليوم",
		"طريقة بسيطة لخسارة الوزن دون حمية قاسية",
		"أسعار الشقق في دبي قد تفاجئك",
		"هذه السيارات الفاخرة تباع بأسعار زهيدة في الخليج",
		"احصل على دخل إضافي من المنزل بخطوات سهلة",
		"تطبيق جديد يعلمك الإنجليزية في 3 أسابيع",
		"10 وجهات سياحية لا تفوتها هذا الصيف",
	}
	// followLines ask the reader to follow, subscribe or install an app.
	followLines = []string{
		"تابعونا على تويتر", "تابعنا على فيسبوك", "اشترك في النشرة البريدية",
		"تابعوا آخر الأخبار عبر تطبيقنا على أندرويد وآيفون", "انضم إلى قناتنا على تيليجرام",
		"تابعوا آخر أخبارنا عبر Google News", "اشترك الآن ليصلك كل جديد", "حمّل التطبيق",
	}
	// englishLines are English furniture left by themes and plugins.
	englishLines = []string{
		"Share this article", "Read more", "Sign up for our newsletter", "Exit mobile version",
		"Follow us on Twitter", "Cookies policy", "Skip to content", "Powered by WordPress",
		"Loading...", "Related Posts", "Leave a Reply", "Privacy Policy",
	}
	// persianLines are Persian furniture of Iranian sites' Arabic services.
	persianLines = []string{
		"اخبار مرتبط", "ارسال به دوستان", "نسخه چاپی", "نظرات کاربران", "آخرین اخبار",
		"پربازدیدترین ها", "به یاد فرزندان جاویدان این سرزمین", "یادشان همواره در قلب این خاک زنده خواهد ماند",
		"تمامی حقوق این سایت محفوظ است", "اشتراک گذاری",
	}
	// frenchLines are French furniture of Maghrebi sites.
	frenchLines = []string{"Accueil", "Politique", "Société", "Économie", "Sport", "Lire aussi", "Tous droits réservés", "Contactez-nous", "Version française"}
	// navLines move the reader around the site.
	navLines = []string{"العودة إلى الأعلى", "زر الذهاب إلى الأعلى", "الخبر السابق", "الخبر التالي", "العودة للرئيسية", "المزيد", "عرض الكل", "تحميل المزيد"}
	// toolLines are print and display tools.
	toolLines = []string{"طباعة", "حفظ", "تكبير الخط", "تصغير الخط", "أرسل لصديق", "نسخة للطباعة", "A A A"}
)

// photo prints a caption for article i in one of the styles sites use.
// style: 0 Latin agency credit after the caption, 1 Arabic credit, 2 a
// <الشكل> figure with a label and a bracketed "[ملف: ... عبر رويترز]"
// description, 3 a "تصوير:" credit line, 4 any of them.
func (b *builder) photo(i, style int) {
	if style == 4 {
		style = b.r.IntN(4)
	}
	scene := pick(b.r, captionScenes)
	switch style {
	case 0:
		b.caption(i, scene+" "+pick(b.r, latinCredits))
	case 1:
		b.caption(i, scene+" "+pick(b.r, arabicCredits))
	case 2:
		b.caption(i, "<الشكل>"+firstWords(b.arts[i].Title, 4))
		agency := pick(b.r, []string{"رويترز", "أ ف ب", "وكالة الأنباء السعودية", "أسوشيتد برس"})
		b.caption(i, scene+" في "+pick(b.r, []string{"الرياض", "جدة", "القاهرة", "بيروت", "دبي", "عمّان"})+" [ملف: "+pick(b.r, []string{"صورة أرشيفية", "صورة من الموقع", "لقطة من فيديو"})+" عبر "+agency+"]")
	default:
		b.caption(i, scene+" (تصوير: "+pick(b.r, photographers)+")")
	}
}

// related prints a related-articles block: a header and n real headlines,
// as plain lines, bullets or numbered items.
func (b *builder) related(header string, n int) {
	b.add(KindRelated, header)
	style := b.r.IntN(3)
	for k, h := range b.headlines(n) {
		switch style {
		case 1:
			h = "• " + h
		case 2:
			h = fmt.Sprintf("%d. %s", k+1, h)
		}
		b.add(KindRelated, h)
	}
}

// readAlso prints an inline "اقرأ أيضا" insert: on one line with the
// headline, or as a label line then the headline.
func (b *builder) readAlso(label string) {
	h := b.headlines(1)
	if len(h) == 0 {
		return
	}
	if b.chance(0.6) {
		b.add(KindReadAlso, label+" "+h[0])
		return
	}
	b.add(KindReadAlso, strings.TrimSuffix(label, ":"), h[0])
}

// ticker prints a breaking-news strip of n real headlines.
func (b *builder) ticker(label string, n int) {
	for _, h := range b.headlines(n) {
		b.add(KindTicker, label+h)
	}
}

// comments prints n readers' comments, each as name, time and text, and
// sometimes a reply link.
func (b *builder) comments(n int) {
	for range n {
		b.add(KindComment, pick(b.r, commenters))
		if b.chance(0.7) {
			b.add(KindComment, pick(b.r, commentTimes))
		}
		b.add(KindComment, pick(b.r, commentTexts))
		if b.chance(0.4) {
			b.add(KindComment, pick(b.r, []string{"رد", "إعجاب", "رد على التعليق", fmt.Sprintf("أعجبني (%d)", b.r.IntN(40))}))
		}
	}
}

// commentForm prints a comment form's prompts.
func (b *builder) commentForm() {
	switch b.r.IntN(3) {
	case 0:
		b.add(KindCommentBox, "اترك تعليقاً", "لن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *", "التعليق", "الاسم *", "البريد الإلكتروني *", "إرسال التعليق")
	case 1:
		b.add(KindCommentBox, "أضف تعليقك", "الاسم", "البريد الإلكتروني", "عنوان التعليق", "نص التعليق", "إرسال")
	default:
		b.add(KindCommentBox, "أضف تعليق", "جميع التعليقات تخضع للمراجعة وتعبر عن رأي أصحابها فقط ولا تعبر عن رأي الموقع", "اكتب تعليقك هنا", "إرسال")
	}
}

// counter prints a view or comment counter.
func (b *builder) counter() {
	n := 50 + b.r.IntN(20000)
	b.add(KindCounter, pick(b.r, []string{
		fmt.Sprintf("%d مشاهدة", n), fmt.Sprintf("عدد المشاهدات: %d", n), fmt.Sprintf("%d قراءة", n),
		fmt.Sprintf("%d تعليقات", n%30), fmt.Sprintf("👁 %d", n), fmt.Sprintf("المشاهدات: %s", easternDigits(fmt.Sprint(n))),
	}))
}

// tags prints a tag line made of words of article i's title.
func (b *builder) tags(i int, label string) {
	var ws []string
	for _, w := range strings.Fields(b.arts[i].Title) {
		w = strings.Trim(w, "«»\"'.,:،؛!؟()")
		if len([]rune(w)) > 3 && len(ws) < 4 {
			ws = append(ws, w)
		}
	}
	if len(ws) == 0 {
		return
	}
	b.add(KindTags, label+" "+strings.Join(ws, pick(b.r, []string{"، ", " ", " - ", " | "})))
}

// byline prints article i's author as the record has it, or a dateline.
func (b *builder) byline(i int, prefix string) {
	a := b.arts[i].Author
	if a == "" {
		a = pick(b.r, []string{"الرياض", "جدة", "الدمام", "مكة المكرمة"}) + " - " + b.arts[i].Outlet
	}
	b.add(KindByline, prefix+a)
}
