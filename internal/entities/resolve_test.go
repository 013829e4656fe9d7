package entities

import (
	"testing"

	"github.com/marsad/marsad/internal/arabic"
	"github.com/marsad/marsad/news"
)

// TestResolveTransliterations: names the gazetteer does not know, as the
// tagger finds them, get one identity across their spellings, and a
// display name without tatweel or diacritics.
func TestResolveTransliterations(t *testing.T) {
	r := mustNew(t)
	tests := []struct {
		name, typ string
		a, b      string
	}{
		{"vowel letters", news.PER, "فريدريش ميرتس", "فريدريش مرتس"},
		{"s or z", news.PER, "أولاف شولتس", "أولاف شولتز"},
		{"gh or j", news.ORG, "فولفسبورغ", "فولفسبورج"},
		{"space in a compound", news.PER, "عبدالملك الحوثي", "عبد الملك الحوثي"},
		{"conjunction", news.PER, "ستيف ويتكوف", "وستيف ويتكوف"},
		{"conjunction before a given name in و", news.PER, "وليد الصمعاني", "ووليد الصمعاني"},
		{"preposition before hamza", news.LOC, "أنقرة", "بأنقرة"},
		{"tatweel", news.LOC, "جنيف", "جنيــف"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := r.Resolve(tt.a, tt.typ, 0, len([]rune(tt.a)))
			b := r.Resolve(tt.b, tt.typ, 0, len([]rune(tt.b)))
			if a.ID == "" || a.ID != b.ID {
				t.Errorf("%q → %s, %q → %s: want one identity", tt.a, a.ID, tt.b, b.ID)
			}
			if want := arabic.Unmarked(tt.a); a.Name != want {
				t.Errorf("%q named %q, want %q", tt.a, a.Name, want)
			}
		})
	}
}

// TestResolveKeepsApart: names that look alike but are different entities
// keep different identities when the tagger finds them.
func TestResolveKeepsApart(t *testing.T) {
	r := mustNew(t)
	tests := []struct {
		name, typ string
		a, b      string
	}{
		{"Arabic given names", news.PER, "محمود العلي", "محمد العلي"},
		{"short lone words", news.LOC, "باريس", "بيريس"},
		{"nisba family names", news.PER, "سعد العامري", "سعد العمري"},
		{"a place and a person", news.LOC, "بوتان", "بوتين"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := r.Resolve(tt.a, tt.typ, 0, len([]rune(tt.a)))
			b := r.Resolve(tt.b, tt.typ, 0, len([]rune(tt.b)))
			if a.ID == b.ID {
				t.Errorf("%q and %q share %s", tt.a, tt.b, a.ID)
			}
		})
	}
}

// TestResolveToKnownByVariant: a spelling the gazetteer lacks joins the
// known entity it is a transliteration variant of, when the types agree.
func TestResolveToKnownByVariant(t *testing.T) {
	r := mustNew(t)
	known := r.Resolve("الكرملين", news.ORG, 0, 8)
	if got := r.Resolve("الكريملين", news.ORG, 0, 9); got.ID != known.ID || got.Name != "الكرملين" {
		t.Errorf("الكريملين → %+v, want the Kremlin %s", got, known.ID)
	}
	// بالكريملين: the preposition goes, the article stays in the mention.
	if got := r.Resolve("بالكريملين", news.ORG, 0, 10); got.ID != known.ID || got.Text != "الكريملين" || got.Start != 1 {
		t.Errorf("بالكريملين → %+v, want the Kremlin from rune 1", got)
	}
}

// TestResolveDisplayName: an unknown name is listed without tatweel or
// diacritics, its letters otherwise as written.
func TestResolveDisplayName(t *testing.T) {
	r := mustNew(t)
	tests := []struct{ in, want string }{
		{"آسـيا", "آسيا"},
		{"الســويس", "السويس"},
		{"جنيــف", "جنيف"},
		{"بالمنـامة", "المنامة"},
	}
	for _, tt := range tests {
		if got := r.Resolve(tt.in, news.LOC, 0, len([]rune(tt.in))).Name; got != tt.want {
			t.Errorf("Resolve(%q).Name = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestRepairGarbles: an unknown name one letter off a known one named in
// the same text takes its identity; near misses and lone garbles do not.
func TestRepairGarbles(t *testing.T) {
	r := mustNew(t)
	text := "تحرير منطقة كورسك الروسية. وقال إن إقليم منطقة كورك تحرر"
	ms := r.Mentions(text)
	kursk := ""
	for _, m := range ms {
		if m.Name == "كورسك" {
			kursk = m.ID
		}
	}
	if kursk == "" {
		t.Fatalf("no Kursk in %+v", ms)
	}
	garble := r.Resolve("كورك", news.LOC, 47, 51)
	got := r.RepairGarbles(append(ms, garble))
	if last := got[len(got)-1]; last.ID != kursk || last.Name != "كورسك" {
		t.Errorf("كورك beside كورسك → %+v, want Kursk %s", last, kursk)
	}
	// Without Kursk in the text there is nothing to repair against.
	if got := r.RepairGarbles([]news.Mention{garble}); got[0].ID != garble.ID {
		t.Errorf("lone كورك → %+v, want its own identity", got[0])
	}
	// A letter added to a short name makes another place: عجمان is not عمان.
	oman := r.Mentions("زار عمان")
	if len(oman) == 1 {
		ajman := r.Resolve("عجمان", news.LOC, 0, 5)
		if got := r.RepairGarbles(append(oman, ajman)); got[1].ID == oman[0].ID {
			t.Errorf("عجمان beside عمان took Oman's identity %s", oman[0].ID)
		}
	} else {
		t.Errorf("عمان: %+v, want one mention", oman)
	}
	// A letter at the end changes the word: الكويتي is not الكويت.
	kuwait := r.Mentions("في الكويت")
	adj := r.Resolve("الكويتي", news.LOC, 0, 7)
	if got := r.RepairGarbles(append(kuwait, adj)); got[len(got)-1].ID == kuwait[0].ID {
		t.Errorf("الكويتي joined Kuwait")
	}
}

// TestJoinSurnamesByVariant: a lone surname spelled as a variant of the
// full name's joins it.
func TestJoinSurnamesByVariant(t *testing.T) {
	full := news.Mention{Text: "أولاف شولتس", Name: "أولاف شولتس", ID: "per-a", Type: news.PER}
	lone := news.Mention{Text: "شولتز", Name: "شولتز", ID: "per-b", Type: news.PER}
	if got := JoinSurnames([]news.Mention{full, lone}); got[1].ID != "per-a" {
		t.Errorf("شولتز beside أولاف شولتس → %+v, want per-a", got[1])
	}
}

// TestHyphenEndsAName: a hyphen glueing the next word to a name does not
// hide the name (بيونغ يانغ-خبرة).
func TestHyphenEndsAName(t *testing.T) {
	r := mustNew(t)
	text := "الموجة العسكرية في بيونج يانغ-خبرة كبيرة"
	for _, m := range r.Mentions(text) {
		if m.Name == "بيونغ يانغ" && m.Text == "بيونج يانغ" {
			return
		}
	}
	t.Errorf("Mentions(%q) = %+v, want بيونج يانغ as Pyongyang", text, r.Mentions(text))
}

// per is a person's mention named and spelled name, with identity id.
func per(name, id string) news.Mention {
	return news.Mention{Text: name, Name: name, ID: id, Type: news.PER}
}

func TestJoinShortNames(t *testing.T) {
	r := mustNew(t)
	tests := []struct {
		name string
		ms   []news.Mention
		want []string // ids after joining
	}{
		{"short after full",
			[]news.Mention{per("عبدالرحمن بن عبدالعزيز السديس", "per-a"), per("عبد الرحمن السديس", "per-b"), per("السديس", "per-b")},
			[]string{"per-a", "per-a", "per-a"}},
		{"short before full",
			[]news.Mention{per("خالد الوهيبي", "per-b"), per("خالد بن محمد الوهيبي", "per-a")},
			[]string{"per-a", "per-a"}},
		{"the gazetteer's short form keeps its identity",
			[]news.Mention{per("ماهر بن حافظ الأسد", "per-a"), per("ماهر الأسد", entityID(news.PER, "ماهر الأسد"))},
			[]string{entityID(news.PER, "ماهر الأسد"), entityID(news.PER, "ماهر الأسد")}},
		{"two men of that name: left apart",
			[]news.Mention{per("محمد بن سعد القحطاني", "per-a"), per("محمد بن علي القحطاني", "per-c"), per("محمد القحطاني", "per-b")},
			[]string{"per-a", "per-c", "per-b"}},
		{"a name ending on the father",
			[]news.Mention{per("فهد بن سلطان", "per-a"), per("فهد سلطان", "per-b")},
			[]string{"per-a", "per-b"}},
		{"the start of a nasab",
			[]news.Mention{per("فيصل بن خالد بن عبدالعزيز", "per-a"), per("فيصل بن خالد", "per-b")},
			[]string{"per-a", "per-a"}},
		{"the end of a name is left apart",
			[]news.Mention{per("عسير سليم الجبوري", "per-a"), per("سليم الجبوري", "per-b")},
			[]string{"per-a", "per-b"}},
		{"a whole nasab at the start of a longer one is another man",
			[]news.Mention{per("مشعل بن عبدالله بن عبدالعزيز بن مساعد", "per-a"), per("مشعل بن عبدالله بن عبدالعزيز", "per-b")},
			[]string{"per-a", "per-b"}},
		{"the father named after his son is another man",
			[]news.Mention{per("سعود بن عبدالله بن جلوي", "per-a"), per("عبدالله بن جلوي", "per-b")},
			[]string{"per-a", "per-b"}},
		{"the start of a name with no nasab",
			[]news.Mention{per("عبد ربه منصور هادي", "per-a"), per("عبد ربه منصور", "per-b")},
			[]string{"per-a", "per-b"}},
		{"another given name",
			[]news.Mention{per("عبدالله بن محمد الزهراني", "per-a"), per("سعيد الزهراني", "per-b")},
			[]string{"per-a", "per-b"}},
		{"no بن: not known to be a full name",
			[]news.Mention{per("محمد عبدالله الزهراني", "per-a"), per("محمد الزهراني", "per-b")},
			[]string{"per-a", "per-b"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := r.JoinShortNames(tt.ms)
			for i, m := range got {
				if m.ID != tt.want[i] {
					t.Errorf("%s → %s, want %s", m.Text, m.ID, tt.want[i])
				}
			}
		})
	}
}
