package entities

import (
	"slices"
	"testing"

	"github.com/marsad/marsad/news"
)

func mustNew(t testing.TB) *Recognizer {
	t.Helper()
	r, err := New()
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestVariantsResolveToOneIdentity: every spelling an outlet uses for one
// entity gets the same id, and the mention text is the span as written.
func TestVariantsResolveToOneIdentity(t *testing.T) {
	r := mustNew(t)
	tests := []struct {
		name, text, mention, canonical string
	}{
		{"full name", "قال الرئيس الروسي فلاديمير بوتين إن", "فلاديمير بوتين", "فلاديمير بوتين"},
		{"surname", "وقال بوتين إن", "بوتين", "فلاديمير بوتين"},
		{"Egyptian spelling", "الرئيس الروسي فلاديمير بوتن وزعيم كوريا الشمالية", "فلاديمير بوتن", "فلاديمير بوتين"},
		{"conjunction clitic", "نما كيم وبوتين عن كثب", "بوتين", "فلاديمير بوتين"},
		{"preposition + article clitic", "في رسالة إلى بالكرملين أمس", "الكرملين", "الكرملين"},
		{"machine-translation garble", "الرئيس روسيا لاي ديمر بوتين تم اعتبارها", "لاي ديمر بوتين", "فلاديمير بوتين"},
		{"Kim, gh spelling", "الزعيم الكوري الشمالي كيم جونغ أون", "كيم جونغ أون", "كيم جونغ أون"},
		{"Kim, j spelling", "للزعيم الكوري الشمالي «كيم جونج أون» لدور", "كيم جونج أون", "كيم جونغ أون"},
		{"Kim, hyphenated", "وجهّها إليه الزعيم كيم جونغ-أون خلال القمّة", "كيم جونغ-أون", "كيم جونغ أون"},
		{"Pyongyang, j spelling", "إلا أن بيونج يانج لم تؤكد", "بيونج يانج", "بيونغ يانغ"},
		{"Pyongyang, mixed spelling", "الموجة العسكرية في بيونج يانغ", "بيونج يانغ", "بيونغ يانغ"},
		{"country from CLDR", "نشرت كوريا الشمالية قوات", "كوريا الشمالية", "كوريا الشمالية"},
		{"official long form", "لرئيس شؤون الدولة في جمهورية كوريا الديمقراطية الشعبية", "جمهورية كوريا الديمقراطية الشعبية", "كوريا الشمالية"},
		{"lam clitic on a place", "أرسلت جنودها لروسيا", "روسيا", "روسيا"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms := r.Mentions(tt.text)
			var got *news.Mention
			for i := range ms {
				if ms[i].Text == tt.mention {
					got = &ms[i]
				}
			}
			if got == nil {
				t.Fatalf("Mentions(%q) = %+v, want a mention %q", tt.text, ms, tt.mention)
			}
			if got.Name != tt.canonical {
				t.Errorf("mention %q resolved to %q, want %q", tt.mention, got.Name, tt.canonical)
			}
			if rs := []rune(tt.text); string(rs[got.Start:got.End]) != got.Text {
				t.Errorf("offsets [%d,%d) give %q, want %q", got.Start, got.End, string(rs[got.Start:got.End]), got.Text)
			}
		})
	}
}

func TestSameIDAcrossSpellings(t *testing.T) {
	r := mustNew(t)
	ids := map[string]bool{}
	for _, s := range []string{"بوتين", "بوتن", "وبوتين", "فلاديمير بوتين", "لاي ديمر بوتين"} {
		for _, m := range r.Mentions("قال " + s + " اليوم") {
			ids[m.ID] = true
		}
	}
	if len(ids) != 1 {
		t.Errorf("five spellings of Putin gave ids %v, want one", ids)
	}
}

func TestNoFalseMerges(t *testing.T) {
	r := mustNew(t)
	kursk := r.Mentions("في منطقة كورسك الروسية")
	korea := r.Mentions("في كوريا الجنوبية")
	if len(kursk) == 0 || len(korea) == 0 {
		t.Fatalf("kursk %+v korea %+v", kursk, korea)
	}
	if kursk[0].ID == korea[0].ID {
		t.Errorf("كورسك and كوريا الجنوبية share id %s", kursk[0].ID)
	}
	if ms := r.Mentions("زار كوريا"); len(ms) != 0 {
		t.Errorf("bare كوريا (which Korea?) resolved to %+v", ms)
	}
}

// TestLoneKim: a lone كيم joins the Kim named in full in the same text,
// and stays unlinked when two Kims are in play.
func TestLoneKim(t *testing.T) {
	r := mustNew(t)
	one := r.Mentions("قال الزعيم كيم جونغ أون إن البلدين حليفان. وأضاف كيم أن العلاقات متينة.")
	if len(one) != 2 || one[1].Text != "كيم" || one[1].ID != one[0].ID {
		t.Errorf("one Kim in play: %+v", one)
	}
	sister := r.Mentions("قالت كيم يو جونغ إن شقيقها كيم جونغ أون غاضب. وقال كيم إن")
	for _, m := range sister {
		if m.Text == "كيم" {
			t.Errorf("two Kims in play, lone كيم linked to %s", m.Name)
		}
	}
}

func BenchmarkMentions(b *testing.B) {
	r := mustNew(b)
	text := "أعرب الرئيس الروسي فلاديمير بوتين عن امتنانه الشخصي للزعيم الكوري الشمالي «كيم جونج أون» لدور جنوده في إخراج القوات الأوكرانية من منطقة «كورسك» الروسية، وفقًا لما ذكره الكرملين في بيان نُشر اليوم الاثنين."
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		r.Mentions(text)
	}
}

// TestCommonWordsAreNotNames: ordinary words that sound like a country or
// a first name are left alone.
func TestCommonWordsAreNotNames(t *testing.T) {
	r := mustNew(t)
	for _, text := range []string{
		"وافق على زيادة التعاون",             // على ~ علي (first name)
		"برنامج النووي في الشمال",            // الشمال ~ الصومال
		"المقرر عقده يوم الجمعة",             // المقرر ~ النيجر
		"الرئيس الأمريكي دونالد ترامب قال",   // الأمريكي ~ النرويج
		"بعد يوم من إصداره تعليمات لمسؤوليه", // تعليمات ~ تايلاند
	} {
		for _, m := range r.Mentions(text) {
			if m.Name != "دونالد ترامب" {
				t.Errorf("Mentions(%q) found %q as %s", text, m.Text, m.Name)
			}
		}
	}
}

// TestRealTextFalseFriends: phrases from SaudiNewsNet that sound like or
// are spelled like names and must not be taken for them.
func TestRealTextFalseFriends(t *testing.T) {
	r := mustNew(t)
	for _, text := range []string{
		"لا يوجد فرق بين الحالتين",           // ~ باراك أوباما
		"وهو فعل مجرم قانونا",                // ~ ماكرون
		"التعاون بين مدينة جدة والرياض",      // ~ بنيامين نتنياهو (جدة and الرياض are places)
		"وأكد ولي العهد أن المملكة",          // ولي: a title, not a person on its own
		"قال محمد إن الأمر انتهى",            // محمد alone is not محمد بن سلمان
		"لا نعرف كيف حدث ذلك",                // كيف ("how") ~ كييف
		"تقرير الأداء مالي وإداري",           // مالي ("financial") ~ Mali
		"عملية تنظيم وتوزيع المساعدات",       // ~ تنظيم داعش
		"وقال محمد بن سالم إن الاجتماع ناجح", // ~ محمد بن سلمان: سالم and سلمان share SLM
		"وأكد سليمان بن عبدالعزيز الحربي",    // ~ سلمان بن عبدالعزيز
		"فقالت: حسبي الله ونعم الوكيل",       // ~ حزب الله: الله is no evidence
	} {
		for _, m := range r.Mentions(text) {
			switch m.Name {
			case "جدة", "الرياض", "المملكة العربية السعودية":
				continue
			}
			t.Errorf("Mentions(%q) found %q as %s", text, m.Text, m.Name)
		}
	}
}

// TestNamesJoinedByAnd: a surname after و is a name of its own, not the
// tail of a garbled full name taking in the word before it, and beside a
// place it may be a place that dropped its article.
func TestNamesJoinedByAnd(t *testing.T) {
	r := mustNew(t)
	tests := []struct {
		text string
		want []string // text=canonical name, in order
	}{
		{"شاركت منتخبات تشاد وكاميرون ونيجيريا", []string{"تشاد=تشاد", "كاميرون=الكاميرون", "نيجيريا=نيجيريا"}},
		{"شاركت منتخبات كاميرون وتشاد", []string{"كاميرون=الكاميرون", "تشاد=تشاد"}},
		{"والتقى أوباما وكاميرون في لندن", []string{"أوباما=باراك أوباما", "كاميرون=ديفيد كاميرون", "لندن=لندن"}},
		{"الرئيس روسيا لاي ديمر بوتين قال", []string{"روسيا=روسيا", "لاي ديمر بوتين=فلاديمير بوتين"}},
	}
	for _, tt := range tests {
		var got []string
		for _, m := range r.Mentions(tt.text) {
			got = append(got, m.Text+"="+m.Name)
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("Mentions(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestResolveUnknownNames(t *testing.T) {
	r := mustNew(t)
	a := r.Resolve("بالمنامة", news.LOC, 10, 18)
	b := r.Resolve("المنامة", news.LOC, 0, 7)
	if a.ID != b.ID || a.Text != "المنامة" || a.Start != 11 || a.Name != "المنامة" {
		t.Errorf("بالمنامة → %+v, المنامة → %+v: want one identity, the preposition stripped", a, b)
	}
	if c := r.Resolve("للمنامة", news.LOC, 0, 7); c.ID != b.ID {
		t.Errorf("للمنامة → %+v, want the identity of المنامة", c)
	}
	if d := r.Resolve("بلينكن", news.PER, 0, 6); d.Name != "بلينكن" {
		t.Errorf("a name starting with ب kept whole: %+v", d)
	}
}

func TestJoinSurnames(t *testing.T) {
	tests := []struct {
		name string
		ms   []news.Mention
		want []string // ids after joining
	}{
		{"lone surname", []news.Mention{per("إسماعيل هنية", "a"), per("هنية", "b")}, []string{"a", "a"}},
		{"two people of that surname", []news.Mention{per("إسماعيل هنية", "a"), per("عبد الله هنية", "c"), per("هنية", "b")}, []string{"a", "c", "b"}},
		{"compound surname", []news.Mention{per("حسن نصر الله", "a"), per("نصر الله", "b")}, []string{"a", "a"}},
		{"final ya written once", []news.Mention{per("سليمان بن عبدالعزيز اليحيى", "a"), per("اليحيى", "b")}, []string{"a", "a"}},
		// A name ending on a father lends him no surname: عبدالعزيز alone
		// beside محمد بن نايف بن عبدالعزيز is the founder king.
		{"a father is no surname", []news.Mention{per("محمد بن نايف بن عبدالعزيز", "a"), per("عبدالعزيز", "b")}, []string{"a", "b"}},
		{"بن first is Ben", []news.Mention{per("بن رودس", "a"), per("رودس", "b")}, []string{"a", "a"}},
		{"a son is not his father's kunya", []news.Mention{per("أبو فهد", "a"), per("فهد", "b")}, []string{"a", "b"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for i, m := range JoinSurnames(tt.ms) {
				if m.ID != tt.want[i] {
					t.Errorf("%s → %s, want %s", m.Text, m.ID, tt.want[i])
				}
			}
		})
	}
}
