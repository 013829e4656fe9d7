package pages

import (
	"fmt"
	"strings"
)

// template is one invented news site: the furniture it wraps an article
// in, where, and how often. Sites are modelled on kinds of real Arabic
// news sites, not copied from any one.
type template struct {
	name string
	desc string
	// build prints the page: the first article, and a glued second one
	// when the builder holds two.
	build func(b *builder)
}

// Templates names the site templates and says in a line what each models,
// for reports and docs.
func Templates() [][2]string {
	var out [][2]string
	for _, t := range templates() {
		out = append(out, [2]string{t.name, t.desc})
	}
	return out
}

// glued prints the second article after its marker lines, if the page has
// one.
func (b *builder) glued(markers ...string) {
	if len(b.arts) < 2 {
		return
	}
	b.add(KindEnd, markers...)
	b.title(1)
	b.body(1, nil)
}

// inserts returns a between-paragraphs hook that sets at most one ad, one
// inline "read also" and one photo inside article i's body, each with its
// probability per gap, the way sites interleave them.
func (b *builder) inserts(i int, ad string, pAd float64, readAlso string, pRead float64, photoStyle int, pPhoto float64) func(int) {
	didAd, didRead, didPhoto := false, false, false
	return func(k int) {
		switch {
		case !didAd && ad != "" && b.chance(pAd):
			b.add(KindAd, ad)
			didAd = true
		case !didRead && readAlso != "" && k > 0 && b.chance(pRead):
			b.readAlso(readAlso)
			didRead = true
		case !didPhoto && photoStyle >= 0 && b.chance(pPhoto):
			b.photo(i, photoStyle)
			didPhoto = true
		}
	}
}

// templates returns the site templates in the order pages use them.
func templates() []template {
	return []template{
		{"gulf-daily", "Gulf daily newspaper: section menu, breadcrumb, Hijri+Gregorian date, tags, share bar, related list, copyright", gulfDaily},
		{"egypt-portal", "Egyptian news portal: breaking ticker, كتب byline, inline اقرأ أيضا inserts, most-read list, comment form", egyptPortal},
		{"levant-daily", "Levantine daily: Syriac month names (تموز), headline printed twice, donation and follow prompts", levantDaily},
		{"panarab-channel", "Pan-Arab TV channel site: outlet line, recommended-stories list inside the body, <الشكل> figures with [ملف: ... عبر رويترز]", panarabChannel},
		{"maghreb-portal", "Maghrebi portal: French menu lines, Moroccan/Algerian month names, readers' comments and comment form", maghrebPortal},
		{"wp-theme", "WordPress news theme: Skip to content, بواسطة byline, related posts, comment form, back-to-top, Exit mobile version", wpTheme},
		{"wire-agency", "News agency wire page: dateline with Hijri and Gregorian dates, // انتهى // end marker, next story glued", wireAgency},
		{"mt-aggregator", "Machine-translated aggregator: English theme furniture, source line, Advertisement slots, Related Posts", mtAggregator},
		{"persian-arabic", "Iranian site's Arabic service: Persian furniture lines, Solar Hijri dates (1394/04/30, 30 تیر 1394), کد خبر", persianArabic},
		{"saudi-enews", "Saudi e-newspaper: عاجل ticker, Hijri date, read counter, print tools, comments, glued إقرأ أيضاً article", saudiENews},
		{"sports-site", "Sports site: score ticker, league table lines, hashtags, شاهد أيضا list", sportsSite},
		{"business-daily", "Business daily: market ticker, issue number, PDF edition, update time, more-from-section list", businessDaily},
		{"bilingual-portal", "Bilingual portal: English menus and prompts, Eastern Arabic digit dates, ads", bilingualPortal},
		{"mobile-amp", "Mobile/AMP page: one menu item and share button per line, read-more button, may lack a headline", mobileAMP},
		{"forum-repost", "Forum repost: forum breadcrumb, user panel, post date, منقول, signature, replies", forumRepost},
		{"video-channel", "Video news channel: live-stream prompt, فيديو kicker, نشر في/آخر تحديث dates, sponsored content box", videoChannel},
		{"telegram-channel", "Telegram channel copy: no headline, channel name, views, hashtags, join prompt", telegramChannel},
	}
}

func gulfDaily(b *builder) {
	b.add(KindMenu, "الرئيسية | محليات | الإمارات | الخليج | عربي ودولي | اقتصاد | رياضة | ثقافة | آراء")
	if b.chance(0.3) {
		b.add(KindDate, formatDate(b.dayOf().AddDate(0, 0, 1+b.r.IntN(3)), gregMSA))
	}
	b.add(KindBreadcrumb, "الرئيسية » "+pick(b.r, []string{"عربي ودولي", "محليات", "الخليج", "اقتصاد"}))
	b.title(0)
	if b.chance(0.25) {
		b.titleAgain(0)
	}
	if b.chance(0.7) {
		b.byline(0, "")
	}
	b.date("نشر في: ", pick(b.r, []dateStyle{gregMSA, hijriAndGreg}), "")
	if b.chance(0.6) {
		b.photo(0, b.r.IntN(2))
	}
	b.body(0, b.inserts(0, "مساحة إعلانية", 0.15, "اقرأ أيضاً:", 0.1, -1, 0))
	if b.chance(0.4) {
		b.sourceLine(KindSource, "المصدر: "+b.arts[0].Outlet, b.arts[0].Outlet)
	}
	b.tags(0, "كلمات دلالية:")
	b.add(KindShare, "شارك", "فيسبوك تويتر واتساب")
	b.glued("اقرأ أيضاً")
	b.related("مواضيع ذات صلة", 4)
	b.add(KindCopyright, "© 2015 صحيفة الساحل. جميع الحقوق محفوظة")
}

func egyptPortal(b *builder) {
	b.add(KindMenu, "أخبار مصر حوادث رياضة فن وثقافة اقتصاد توك شو المحافظات")
	b.ticker("عاجل | ", 2)
	if b.chance(0.3) {
		b.add(KindKicker, "عاجل")
	}
	b.title(0)
	b.byline(0, pick(b.r, []string{"كتب: ", "كتبت: ", "كتب - "}))
	b.date("", gregMSA, " "+clock(b.r))
	if b.chance(0.5) {
		b.counter()
	}
	if b.chance(0.5) {
		b.photo(0, pick(b.r, []int{1, 3}))
	}
	b.body(0, b.inserts(0, "", 0, "اقرأ أيضًا:", 0.35, 1, 0.15))
	if b.chance(0.5) {
		b.sourceLine(KindSource, "المصدر: "+b.arts[0].Outlet, b.arts[0].Outlet)
	}
	b.glued("اقرأ أيضا")
	b.related("الأكثر قراءة", 5)
	b.commentForm()
	b.comments(1 + b.r.IntN(2))
	b.add(KindCopyright, "جميع الحقوق محفوظة لبوابة النيل نيوز © 2015")
}

func levantDaily(b *builder) {
	b.add(KindMenu, "لبنان | عربي ودولي | اقتصاد | ثقافة | رياضة | رأي | كاريكاتير")
	b.date("", gregLevant, " | "+clock(b.r))
	b.title(0)
	b.titleAgain(0)
	b.byline(0, "بيروت - ")
	if b.chance(0.5) {
		b.photo(0, 0)
	}
	b.body(0, b.inserts(0, "إعلان", 0.2, "", 0, -1, 0))
	b.add(KindShare, pick(b.r, shareLines))
	b.add(KindFollow, "ادعم الصحافة المستقلة")
	b.glued("اقرأ أيضاً في عربي ودولي")
	b.related("الأكثر قراءة", 5)
	b.add(KindFollow, "تابعونا على فيسبوك")
	b.add(KindCopyright, "جميع الحقوق محفوظة © صدى بيروت 2015")
}

func panarabChannel(b *builder) {
	b.add(KindMenu, "الأخبار | سياسة | اقتصاد | رياضة | برامج | وثائقيات")
	b.add(KindFollow, "شاهد البث المباشر")
	b.title(0)
	if b.chance(0.5) {
		b.titleAgain(0)
	}
	b.sourceLine(KindOutlet, b.arts[0].Outlet, b.arts[0].Outlet)
	b.date("", dmySlash, "")
	b.counter()
	list := func(k int) {
		if k != 1 {
			return
		}
		heads := b.headlines(4)
		b.add(KindRelated, "قصص موصى بها", fmt.Sprintf("قائمة من %d عناصر", len(heads)))
		for j, h := range heads {
			label := "قائمة"
			if j >= 2 {
				label = "القائمة"
			}
			b.add(KindRelated, fmt.Sprintf("%s %d من %d%s", label, j+1, len(heads), h))
		}
		b.add(KindRelated, "نهاية القائمة")
	}
	photoDone := false
	b.body(0, func(k int) {
		list(k)
		if k >= 2 && !photoDone && b.chance(0.4) {
			b.photo(0, 2)
			photoDone = true
		}
	})
	b.glued("اقرأ أيضا")
	b.related("المزيد من الأخبار", 3)
}

func maghrebPortal(b *builder) {
	b.add(KindFrench, "Accueil", pick(b.r, frenchLines[1:5]), "Version française")
	b.add(KindMenu, "الرئيسية | سياسة | مجتمع | اقتصاد | رياضة | جهات | كتاب وآراء")
	b.title(0)
	b.byline(0, "بقلم: ")
	b.date("", pick(b.r, []dateStyle{gregMorocco, gregAlgeria}), " - "+clock(b.r))
	if b.chance(0.5) {
		b.photo(0, b.r.IntN(2))
	}
	b.body(0, b.inserts(0, "", 0, "اقرأ أيضا:", 0.2, -1, 0))
	b.add(KindShare, "شارك", "Facebook Twitter WhatsApp")
	b.glued("اقرأ أيضا")
	n := 2 + b.r.IntN(3)
	b.add(KindCounter, fmt.Sprintf("التعليقات (%d)", n))
	b.comments(n)
	b.commentForm()
	b.related("مقالات ذات صلة", 4)
	b.add(KindFrench, "Tous droits réservés")
}

func wpTheme(b *builder) {
	b.add(KindEnglish, "Skip to content")
	b.add(KindMenu, "الرئيسية أخبار محلية عربي ودولي اقتصاد رياضة منوعات")
	b.add(KindBreadcrumb, "الرئيسية / أخبار / "+pick(b.r, []string{"محلية", "عربي ودولي", "اقتصاد"}))
	if b.chance(0.8) {
		b.title(0)
	}
	b.add(KindByline, "بواسطة "+pick(b.r, []string{"admin", "محرر الموقع", "فريق التحرير"}))
	b.date("", gregMSA, "")
	b.add(KindCounter, fmt.Sprintf("%d تعليق", b.r.IntN(5)))
	if b.chance(0.5) {
		b.photo(0, 0)
	}
	b.body(0, b.inserts(0, pick(b.r, []string{"Advertisement", "إعلان"}), 0.2, "", 0, -1, 0))
	b.add(KindShare, "شاركها", "فيسبوك تويتر واتساب تيليجرام")
	b.glued("اقرأ أيضاً")
	b.related("مقالات ذات صلة", 3)
	b.commentForm()
	b.add(KindNav, "زر الذهاب إلى الأعلى")
	b.add(KindEnglish, "Exit mobile version")
}

func wireAgency(b *builder) {
	b.add(KindMenu, "الرئيسية | محلي | دولي | اقتصادي | رياضي | صور | فيديو")
	b.sourceLine(KindOutlet, "وكالة الأنباء السعودية", "وكالة الأنباء السعودية")
	b.title(0)
	city := pick(b.r, []string{"الرياض", "جدة", "مكة المكرمة", "الدمام", "أبها"})
	if b.chance(0.5) {
		b.date(city+" ", hijriLong, " الموافق "+formatDate(b.dayOf(), gregMSA)+" م واس")
	} else {
		b.date("", hijriNumeric, "")
	}
	b.body(0, nil)
	b.add(KindEnd, "// انتهى //")
	b.add(KindDate, clock(b.r)+"ت")
	if len(b.arts) > 1 {
		b.title(1)
		b.add(KindDate, city+" "+formatDate(b.dayOf(), hijriLong)+" الموافق "+formatDate(b.dayOf(), gregMSA)+" م واس")
		b.body(1, nil)
		b.add(KindEnd, "// انتهى //")
	}
	b.add(KindTools, "طباعة", "إرسال")
	b.related("أخبار ذات صلة", 3)
}

func mtAggregator(b *builder) {
	b.add(KindEnglish, "Skip to content")
	b.add(KindMenu, "Home | World | Middle East | Business | Sports")
	if b.chance(0.75) {
		b.title(0)
	}
	b.date("", isoDate, "")
	b.body(0, b.inserts(0, "Advertisement", 0.3, "اقرأ المزيد:", 0.15, 0, 0.2))
	b.sourceLine(KindSource, "المصدر: "+b.arts[0].Outlet, b.arts[0].Outlet)
	b.add(KindEnglish, "Share this article")
	b.glued("Read more")
	b.related("Related Posts", 4)
	b.add(KindEnglish, "Cookies policy", "Privacy Policy")
}

func persianArabic(b *builder) {
	b.add(KindPersian, persianLines[6], persianLines[7])
	b.add(KindMenu, "الرئيسية | إيران | العالم الإسلامي | الشرق الأوسط | اقتصاد | ثقافة")
	b.title(0)
	if b.chance(0.5) {
		b.titleAgain(0)
	}
	if b.chance(0.5) {
		b.sourceLine(KindSource, "المصدر: "+b.arts[0].Outlet, b.arts[0].Outlet)
	}
	b.date("", pick(b.r, []dateStyle{solarNumeric, solarPersian, solarPersianDigits}), "")
	b.add(KindPersian, fmt.Sprintf("کد خبر: %d", 100000+b.r.IntN(900000)))
	b.counter()
	b.body(0, b.inserts(0, "", 0, "", 0, 2, 0.35))
	b.add(KindPersian, "ارسال به دوستان", "نسخه چاپی")
	b.glued("اقرأ أيضا")
	b.add(KindPersian, "اخبار مرتبط")
	for _, h := range b.headlines(3) {
		b.add(KindRelated, h)
	}
	b.add(KindPersian, "تمامی حقوق این سایت محفوظ است")
}

func saudiENews(b *builder) {
	b.ticker("عاجل: ", 2)
	b.add(KindMenu, "الرئيسية | محليات | سياسة | اقتصاد | رياضة | مجتمع | تقنية")
	b.title(0)
	b.byline(0, "")
	b.date("", pick(b.r, []dateStyle{hijriAndGreg, hijriLong}), " الساعة "+clock(b.r))
	b.counter()
	b.add(KindTools, "طباعة", "حفظ", "أرسل لصديق")
	if b.chance(0.5) {
		b.photo(0, 1)
	}
	b.body(0, b.inserts(0, "", 0, "اقرأ أيضاً:", 0.25, -1, 0))
	if b.chance(0.5) {
		b.sourceLine(KindSource, "المصدر: "+b.arts[0].Outlet, b.arts[0].Outlet)
	}
	b.tags(0, "كلمات دلالية:")
	b.glued("إقرأ أيضاً:")
	n := b.r.IntN(3)
	b.add(KindCounter, fmt.Sprintf("التعليقات (%d)", n))
	b.comments(n)
	b.related("الأكثر مشاهدة", 5)
	b.add(KindFollow, "تابع صحيفة المرصد على تويتر")
}

func sportsSite(b *builder) {
	b.add(KindData, "مباريات اليوم", "الهلال 2 - 1 النصر", "الاتحاد 0 - 0 الأهلي", "الشباب 1 - 3 التعاون")
	b.add(KindMenu, "الدوري السعودي | الدوريات الأوروبية | كأس آسيا | انتقالات | فيديو")
	if b.chance(0.3) {
		b.add(KindKicker, pick(b.r, []string{"فيديو", "بالصور", "خاص"}))
	}
	b.title(0)
	b.date("", dmySlash, " "+clock(b.r))
	if b.chance(0.6) {
		b.photo(0, 0)
	}
	b.body(0, b.inserts(0, "إعلان", 0.15, "", 0, -1, 0))
	b.add(KindTags, "#الدوري_السعودي #"+strings.ReplaceAll(firstWords(b.arts[0].Title, 2), " ", "_"))
	b.glued("شاهد أيضا")
	b.related("شاهد أيضاً", 3)
	b.add(KindData, "ترتيب الدوري", "1. الهلال 45 نقطة", "2. النصر 42 نقطة", "3. الأهلي 40 نقطة")
}

func businessDaily(b *builder) {
	b.add(KindData, "تاسي 9,123.45 ▲ 0.54%", "برنت 56.10 ▼ 1.2%", "الذهب 1,098 دولار")
	b.add(KindMenu, "الأسواق | الشركات | العقار | الطاقة | تقنية | مقالات")
	b.title(0)
	b.byline(0, "")
	b.date("نشر في ", isoDate, " "+clock(b.r))
	if b.chance(0.5) {
		b.add(KindDate, "آخر تحديث: "+formatDate(b.dayOf(), isoDate)+" "+clock(b.r))
	}
	b.add(KindTools, fmt.Sprintf("العدد %d", 7900+b.r.IntN(300)), "النسخة الورقية PDF")
	b.body(0, b.inserts(0, "", 0, "", 0, 1, 0.2))
	if b.chance(0.6) {
		b.sourceLine(KindSource, "المصدر: "+b.arts[0].Outlet, b.arts[0].Outlet)
	}
	b.glued("الخبر التالي")
	b.related("المزيد من الأسواق", 4)
	b.add(KindFollow, "اشترك في النشرة البريدية")
}

func bilingualPortal(b *builder) {
	b.add(KindEnglish, "Home | News | Business | Sports | Opinion")
	b.add(KindMenu, "العربية | English")
	b.title(0)
	b.date("", gregEastern, "")
	if b.chance(0.5) {
		b.byline(0, "")
	}
	b.body(0, b.inserts(0, "Advertisement", 0.3, "", 0, 0, 0.2))
	b.add(KindEnglish, "Follow us on Twitter", "Sign up for our newsletter")
	b.glued("Read more")
	b.related("أخبار ذات صلة", 3)
	b.add(KindEnglish, "All rights reserved")
}

func mobileAMP(b *builder) {
	b.add(KindMenu, "القائمة", "بحث", "الرئيسية")
	if b.chance(0.3) {
		b.add(KindKicker, "عاجل")
	}
	if b.chance(0.8) {
		b.title(0)
	}
	b.date("", pick(b.r, []dateStyle{isoDate, dmyDash}), " "+clock(b.r))
	b.add(KindShare, "فيسبوك", "تويتر", "واتساب", "تيليجرام", "نسخ الرابط")
	b.body(0, b.inserts(0, "إعلان", 0.25, "", 0, -1, 0))
	b.add(KindNav, "اقرأ المزيد")
	b.glued("اقرأ أيضاً")
	b.related("قد يعجبك أيضاً", 3)
	b.add(KindNav, "العودة إلى الأعلى")
	b.add(KindShare, "تم نسخ الرابط")
}

func forumRepost(b *builder) {
	b.add(KindBreadcrumb, "منتديات الوطن العربي > الأخبار > أخبار محلية")
	b.add(KindForum, "مشاهدة النسخة كاملة")
	b.title(0)
	b.add(KindForum, pick(b.r, []string{"أبو فيصل", "صقر الجنوب", "عاشق الوطن"}), "تاريخ التسجيل: Mar 2012", fmt.Sprintf("المشاركات: %d", 100+b.r.IntN(5000)))
	b.date("", dmyDash, ", "+pick(b.r, []string{"02:51 AM", "10:15 PM", "07:40 AM"}))
	b.add(KindForum, "#1")
	b.body(0, nil)
	b.add(KindSource, "منقول")
	if b.chance(0.6) {
		b.sourceLine(KindSource, "المصدر: "+b.arts[0].Outlet, b.arts[0].Outlet)
	}
	b.add(KindForum, "سبحان الله وبحمده سبحان الله العظيم")
	b.glued("#2", "وهذا خبر آخر في نفس الموضوع")
	b.add(KindForum, "رد مع اقتباس")
	b.comments(1 + b.r.IntN(2))
	b.add(KindForum, "« الموضوع السابق | الموضوع التالي »")
}

func videoChannel(b *builder) {
	b.add(KindMenu, "الرئيسية | الشرق الأوسط | العالم | اقتصاد | رياضة | فيديو | برامج")
	b.add(KindFollow, "شاهد البث المباشر")
	if b.chance(0.4) {
		b.add(KindKicker, "فيديو")
	}
	b.title(0)
	b.add(KindByline, pick(b.r, []string{"أبوظبي", "دبي", "الرياض"})+" - الشاشة نيوز")
	d := formatDate(b.dayOf(), gregMSA)
	b.date("نشر في: ", gregMSA, " - "+clock(b.r))
	if b.chance(0.5) {
		b.add(KindDate, "آخر تحديث: "+d+" - "+clock(b.r))
	}
	b.photo(0, pick(b.r, []int{0, 2}))
	b.body(0, nil)
	b.add(KindShare, pick(b.r, shareLines))
	b.glued("المزيد من الشرق الأوسط")
	b.add(KindSponsored, "محتوى مدفوع", "إعلانات Outbrain")
	for _, h := range []string{pick(b.r, sponsoredHeads[:4]), pick(b.r, sponsoredHeads[4:])} {
		b.add(KindSponsored, h)
	}
	b.related("مواضيع ذات صلة", 3)
}

func telegramChannel(b *builder) {
	b.add(KindFollow, "قناة أخبار المملكة")
	b.body(0, nil)
	if b.chance(0.6) {
		b.sourceLine(KindSource, "المصدر: "+b.arts[0].Outlet, b.arts[0].Outlet)
	}
	b.add(KindTags, "#عاجل #السعودية")
	if len(b.arts) > 1 {
		// A channel copy holds the next post straight after: no marker
		// but the post's own headline.
		b.title(1)
		b.body(1, nil)
	}
	b.add(KindCounter, fmt.Sprintf("👁 %d.%dK", 1+b.r.IntN(40), b.r.IntN(10)))
	b.date("", dmyDash, " "+clock(b.r))
	b.add(KindFollow, "انضم إلى قناتنا على تيليجرام")
}
