package web

import (
	"testing"

	"github.com/marsad/marsad/news"
)

// TestTimelineProvenance: a copy group shows the wire any member credits
// and the outlet that published first, even when the first-known member
// (the one the others are folded under) was published later.
func TestTimelineProvenance(t *testing.T) {
	const body = "أعلن الجيش الكوري الجنوبي أن كوريا الشمالية أطلقت صاروخين باليستيين قصيري المدى باتجاه البحر صباح اليوم."
	arts := []news.Article{
		{ID: "o", Source: "الرياض", Published: "2015-08-02T10:00:00", Text: body},
		{ID: "c1", Source: "عكاظ", Published: "2015-08-02T08:00:00", Text: "سيول - يونهاب\n" + body, DuplicateOf: "o"},
		{ID: "c2", Source: "الوطن", Published: "", Text: body, DuplicateOf: "o"},
		{ID: "alone", Source: "سبق", Published: "2015-08-02T11:00:00", Text: "قال مسؤولون إن المحادثات ستستأنف الأسبوع المقبل في جنيف بعد توقف دام أشهر. (رويترز)"},
	}
	events := []news.Event{{ID: "ev", Articles: []string{"o", "c1", "c2", "alone"}, FirstReport: "o"}}
	items := timeline(events, arts)[0].Items
	tests := []struct {
		id, wire, first string
		copies          int
	}{
		{"o", "يونهاب", "عكاظ", 2}, // the credit survives in one copy only; the copy came out first
		{"alone", "رويترز", "", 0},
	}
	if len(items) != len(tests) {
		t.Fatalf("%d items, want %d: %+v", len(items), len(tests), items)
	}
	for i, tt := range tests {
		it := items[i]
		if it.ID != tt.id || it.Wire != tt.wire || it.FirstSource != tt.first || len(it.Copies) != tt.copies {
			t.Errorf("item %d: id %s wire %q first %q copies %d; want %s %q %q %d",
				i, it.ID, it.Wire, it.FirstSource, len(it.Copies), tt.id, tt.wire, tt.first, tt.copies)
		}
	}
}
