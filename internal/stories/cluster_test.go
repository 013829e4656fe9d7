package stories

import (
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/marsad/marsad/news"
)

const (
	thanks = "أعرب الرئيس الروسي فلاديمير بوتين عن امتنانه الشخصي للزعيم الكوري الشمالي كيم جونغ أون لدور جنوده في إخراج القوات الأوكرانية من منطقة كورسك الروسية، وفقًا لما ذكره الكرملين في بيان نشر اليوم الاثنين.\nوأكدت كوريا الشمالية لأول مرة اليوم الاثنين أنها أرسلت قوات للقتال إلى جانب روسيا في الحرب في أوكرانيا بأوامر من كيم، وأنها ساعدت في استعادة السيطرة على الأراضي الروسية التي احتلتها أوكرانيا."
	// The same report with full diacritics: a copy a naive comparison misses.
	thanksVowelled = "أَعْرَبَ الرَّئِيسُ الرُّوسِيُّ فلاديمير بوتين عَنْ امْتِنَانِهِ الشَّخْصِيِّ لِلزَّعِيمِ الكُورِيِّ الشَّمَالِيِّ كيم جونغ أون لِدَوْرِ جُنُودِهِ فِي إِخْرَاجِ القُوَّاتِ الأُوكْرَانِيَّةِ مِنْ مِنْطَقَةِ كورسك الرُّوسِيَّةِ، وَفْقًا لِمَا ذَكَرَهُ الكرملين فِي بَيَانٍ نُشِرَ اليَوْمَ الاثْنَيْنِ.\nوأكدت كوريا الشمالية لأول مرة اليوم الاثنين أنها أرسلت قوات للقتال إلى جانب روسيا في الحرب في أوكرانيا بأوامر من كيم، وأنها ساعدت في استعادة السيطرة على الأراضي الروسية التي احتلتها أوكرانيا."
	rewrite        = "أكدت كوريا الشمالية للمرة الأولى إرسال قوات عسكرية لدعم روسيا في حربها ضد أوكرانيا، وشاركت في عمليات تحرير مناطق كورسك. وأصدر الكرملين بيانا أعرب فيه الرئيس الروسي فلاديمير بوتين عن شكره للقوات الكورية الشمالية وامتنانه للزعيم كيم جونغ أون على مشاركة الجنود الكوريين في استعادة الأراضي الروسية."
	// Months later, another happening in the same development.
	letter   = "أشاد الرئيس الروسي فلاديمير بوتين في رسالة مكتوبة إلى الزعيم الكوري الشمالي كيم جونغ أون بالقوات الكورية الشمالية التي قاتلت في منطقة كورسك، واصفا الجنود الكوريين بالأبطال، وذلك بمناسبة الذكرى السنوية لتحرير كوريا.\nوقال بوتين إن الشعب الروسي لن ينسى تضحيات الجنود الكوريين الشماليين الذين شاركوا في القتال إلى جانب القوات الروسية."
	football = "فاز فريق الهلال على النصر بثلاثة أهداف مقابل هدف في مباراة الدوري السعودي لكرة القدم التي أقيمت مساء أمس على ملعب الملك فهد الدولي في الرياض أمام جمهور كبير.\nوسجل أهداف الهلال المهاجم في الدقائق الأخيرة من المباراة."
)

func art(id, text, published string) news.Article {
	return news.Article{ID: id, Text: text, Published: published}
}

func TestAssign(t *testing.T) {
	c := New(DefaultConfig())
	a := c.Assign(art("a", thanks, "2025-04-28"))
	if a.DuplicateOf != "" || a.Event != "ev-a" || a.Story != "st-a" {
		t.Fatalf("first article: %+v", a)
	}
	b := c.Assign(art("b", thanksVowelled, "2025-04-28"))
	if b.DuplicateOf != "a" || b.Event != a.Event || b.Story != a.Story {
		t.Errorf("diacritized copy: %+v, want duplicate of a in its event", b)
	}
	r := c.Assign(art("r", rewrite, "2025-04-29"))
	if r.DuplicateOf != "" || r.Event != a.Event {
		t.Errorf("another outlet's report of the same happening: %+v, want event %s, not a copy", r, a.Event)
	}
	f := c.Assign(art("f", football, "2025-04-29"))
	if f.Event == a.Event || f.Story == a.Story || f.DuplicateOf != "" {
		t.Errorf("unrelated article joined: %+v", f)
	}
	later := c.Assign(art("l", letter, "2025-08-15"))
	if later.Event == a.Event || later.Story != a.Story {
		t.Errorf("a report months later: %+v, want a new event in story %s", later, a.Story)
	}
	if again := c.Assign(art("a", thanks, "2025-04-28")); again != a {
		t.Errorf("assigning a placed article again gave %+v, want %+v", again, a)
	}
}

// TestWarmedEqualsOnline: a clusterer warmed from stored placements places
// the next article as the one that placed them would.
func TestWarmedEqualsOnline(t *testing.T) {
	online := New(DefaultConfig())
	var placed []news.Article
	for i, text := range []string{thanks, football, rewrite} {
		a := art(string(rune('a'+i)), text, "2025-04-28")
		as := online.Assign(a)
		a.DuplicateOf, a.Event, a.Story = as.DuplicateOf, as.Event, as.Story
		placed = append(placed, a)
	}
	warm := New(DefaultConfig())
	for _, a := range placed {
		warm.Add(a)
	}
	next := art("n", thanksVowelled, "2025-04-28")
	if x, y := online.Assign(next), warm.Assign(next); x != y {
		t.Errorf("online placed %+v, warmed placed %+v", x, y)
	}
}

// TestAddBatchEqualsOneByOne: warming from a batch, whose features are
// read in parallel, leaves the clusterer as adding the articles one at a
// time does, repeats and unplaced articles included.
func TestAddBatchEqualsOneByOne(t *testing.T) {
	online := New(DefaultConfig())
	var placed []news.Article
	texts := []string{thanks, football, rewrite, letter, thanksVowelled}
	for i := range 300 {
		// Vary each text so most articles are new rather than copies.
		text := texts[i%len(texts)] + strings.Repeat(" كلمة"+string(rune('ا'+i%28)), i%7)
		a := art(fmt.Sprintf("a%03d", i), text, fmt.Sprintf("2025-04-%02d", 1+i/12))
		as := online.Assign(a)
		a.DuplicateOf, a.Event, a.Story = as.DuplicateOf, as.Event, as.Story
		placed = append(placed, a)
	}
	placed = append(placed, placed[7], art("unplaced", football, "2025-04-20"))
	one, batch := New(DefaultConfig()), New(DefaultConfig())
	for _, a := range placed {
		one.Add(a)
	}
	batch.Add(placed...)
	if !reflect.DeepEqual(one, batch) {
		t.Fatal("a clusterer warmed from one batch differs from one warmed article by article")
	}
	next := art("n", letter, "2025-04-26")
	if x, y := one.Assign(next), batch.Assign(next); x != y {
		t.Errorf("warmed one by one placed %+v, from a batch %+v", x, y)
	}
}

func TestSketchIgnoresDiacritics(t *testing.T) {
	s1 := sketch(wordsOf(thanks), nil).sig
	s2 := sketch(wordsOf(thanksVowelled), nil).sig
	s3 := sketch(wordsOf(football), nil).sig
	if sim := s1.similarity(&s2); sim < 0.9 {
		t.Errorf("diacritized copy similarity %.2f, want ≥ 0.9", sim)
	}
	if sim := s1.similarity(&s3); sim > 0.1 {
		t.Errorf("unrelated similarity %.2f, want ≤ 0.1", sim)
	}
}

func BenchmarkAssign(b *testing.B) {
	texts := []string{thanks, rewrite, football}
	b.ReportAllocs()
	c := New(DefaultConfig())
	i := 0
	for b.Loop() {
		t := texts[i%3] + strings.Repeat(" كلمة", i%17)
		c.Assign(art(string(rune(i)), t, "2025-04-28"))
		i++
	}
}

func TestSortedTop(t *testing.T) {
	v := map[string]float64{"a": 1, "b": 5, "c": 3, "d": 5, "e": 0.5, "f": 2}
	tests := []struct {
		k    int
		want string
	}{
		{0, ""}, {1, "b"}, {3, "b d c"}, {6, "b d c f a e"}, {10, "b d c f a e"},
	}
	for _, tt := range tests {
		if got := strings.Join(sortedTop(v, tt.k), " "); got != tt.want {
			t.Errorf("sortedTop(k=%d) = %q, want %q", tt.k, got, tt.want)
		}
	}
}

// TestEventWindowFromStart: an event is held to its window from its first
// report, so daily follow-ups cannot stretch it across weeks; a story is
// held from its latest report.
func TestEventWindowFromStart(t *testing.T) {
	day := func(n int) time.Time { return time.Date(2015, 8, 1+n, 12, 0, 0, 0, time.UTC) }
	tf := map[string]float64{"كورسك": 2, "@per-1": 1}
	idf := func(string) float64 { return 1 }
	unit := map[string]float64{"كورسك": 2 / math.Sqrt(5), "@per-1": 1 / math.Sqrt(5)}
	for _, tt := range []struct {
		fromStart bool
		want      int
	}{{true, -1}, {false, 0}} {
		x := newIndex("ev-")
		x.fromStart = tt.fromStart
		x.add("ev-1", "st-1", tf, nil, day(0))
		x.add("ev-1", "st-1", tf, nil, day(3))
		if got, _ := x.best(query{v: unit, when: day(6)}, idf, 4*24*time.Hour, 0); got != tt.want {
			t.Errorf("fromStart %v: best on day 6 = %d, want %d", tt.fromStart, got, tt.want)
		}
	}
}

// TestOldEventsClose: once the stream is two windows past an event's
// start, the event is closed (its centroids dropped, so memory stays
// bounded); a later report of the same words opens an event of its own,
// and a late copy of an old article still joins its original's event.
func TestOldEventsClose(t *testing.T) {
	c := New(DefaultConfig())
	a := c.Assign(art("a", thanks, "2025-04-28"))
	c.Assign(art("f", football, "2025-05-20")) // moves the stream on
	ev := c.events.clusters[c.events.byID[a.Event]]
	if !ev.closed || ev.sum != nil || ev.lead != nil {
		t.Fatalf("event of 28 April still open on 20 May: closed %v, %d terms", ev.closed, len(ev.sum))
	}
	if r := c.Assign(art("r", rewrite, "2025-05-21")); r.Event == a.Event || r.Story != a.Story {
		t.Errorf("a report after the event closed: %+v, want a new event in story %s", r, a.Story)
	}
	if cp := c.Assign(art("b", thanksVowelled, "2025-05-21")); cp.DuplicateOf != "a" || cp.Event != a.Event {
		t.Errorf("a late copy: %+v, want a copy of a in event %s", cp, a.Event)
	}
}

// TestMergeEvents: two reports of one happening that share too little to
// be placed together open two events; once later reports show they are
// one, the younger event is merged into the older, the merge is handed out
// once, and the articles of the merged event answer the older one.
func TestMergeEvents(t *testing.T) {
	texts := []string{
		"زلزال مدينة ضحايا مستشفى جرحى منازل سكان",
		"ضحايا انقاذ منازل سكان",
		"زلزال ضحايا انقاذ جرحى سكان",
		"مدينة ضحايا انقاذ مستشفى سكان خيام",
	}
	cfg := DefaultConfig()
	cfg.Prior = nil // the words' weights come from these texts alone
	for _, merge := range []float64{cfg.Merge, 0} {
		cfg.Merge = merge
		c := New(cfg)
		var got []news.Assignment
		for i, text := range texts {
			got = append(got, c.Assign(art(fmt.Sprint("a", i), text, "2025-04-28")))
		}
		if got[0].Event != "ev-a0" || got[1].Event != "ev-a1" || got[2].Event != "ev-a1" || got[3].Event != "ev-a0" {
			t.Fatalf("merge %v: placed in %v %v %v %v, want ev-a0 ev-a1 ev-a1 ev-a0",
				merge, got[0].Event, got[1].Event, got[2].Event, got[3].Event)
		}
		ms := c.Revisions().Merges
		if merge == 0 {
			if ms != nil {
				t.Errorf("merge 0: merged %v", ms)
			}
			continue
		}
		if want := []news.EventMerge{{From: "ev-a1", Into: "ev-a0", Story: got[0].Story}}; !reflect.DeepEqual(ms, want) {
			t.Fatalf("merges %v, want %v", ms, want)
		}
		if again := c.Revisions(); !again.Empty() {
			t.Errorf("merges handed out twice: %v", again)
		}
		if as := c.Assign(art("a1", texts[1], "2025-04-28")); as.Event != "ev-a0" || as.Story != got[0].Story {
			t.Errorf("a1 asked again: %+v, want it in ev-a0, %s", as, got[0].Story)
		}
	}
}

// TestEarlierCopyBecomesFirst: duplicate_of names the earliest-published
// member of a copy group, even when that member arrives after its copies
// (feeds are read late, archives out of order), and a clusterer warmed
// from a store that recorded this agrees.
func TestEarlierCopyBecomesFirst(t *testing.T) {
	c := New(DefaultConfig())
	late := c.Assign(art("late", thanks, "2025-04-29"))
	early := c.Assign(art("early", thanksVowelled, "2025-04-28"))
	if early.DuplicateOf != "" || early.Event != late.Event {
		t.Fatalf("the earlier copy: %+v, want the group's first member, in event %s", early, late.Event)
	}
	if got, want := c.Revisions().Reroots, []news.Reroot{{From: "late", To: "early"}}; !reflect.DeepEqual(got, want) {
		t.Errorf("re-rootings %v, want %v", got, want)
	}
	if again := c.Assign(art("late", thanks, "2025-04-29")); again.DuplicateOf != "early" {
		t.Errorf("the old first member asked again: %+v, want a copy of early", again)
	}
	if next := c.Assign(art("next", thanks, "2025-04-30")); next.DuplicateOf != "early" {
		t.Errorf("a later copy: %+v, want a copy of early", next)
	}

	warm := New(DefaultConfig())
	warm.Add( // in store order: the copy was stored first
		news.Article{ID: "late", Text: thanks, Published: "2025-04-29", DuplicateOf: "early", Event: late.Event, Story: late.Story},
		news.Article{ID: "early", Text: thanksVowelled, Published: "2025-04-28", Event: late.Event, Story: late.Story},
	)
	if next := warm.Assign(art("next", thanks, "2025-04-30")); next.DuplicateOf != "early" {
		t.Errorf("warmed from the store, a later copy: %+v, want a copy of early", next)
	}
}
