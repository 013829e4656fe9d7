package timex

import "testing"

// Conversions checked against published Umm al-Qura and Iranian calendars.
func TestCalendarDate(t *testing.T) {
	cases := []struct {
		cal     calendar
		y, m, d int
		want    string // "" means invalid
	}{
		{lunar, 1447, 1, 1, "2025-06-26"},   // Islamic new year 1447
		{lunar, 1446, 9, 1, "2025-03-01"},   // Ramadan 1446
		{lunar, 1446, 10, 1, "2025-03-30"},  // Eid al-Fitr 1446
		{lunar, 1356, 1, 1, "1937-03-14"},   // first day of the Umm al-Qura table
		{lunar, 1500, 12, 30, "2077-11-16"}, // last day of the table
		{lunar, 1200, 1, 1, "1785-11-04"},   // before the table: tabular calendar
		{lunar, 1446, 9, 30, ""},            // Ramadan 1446 had 29 days
		{lunar, 1446, 13, 1, ""},
		{solar, 1404, 10, 7, "2025-12-28"},
		{solar, 1404, 1, 1, "2025-03-21"},
		{solar, 1357, 11, 22, "1979-02-11"},
		{solar, 1404, 12, 31, ""},
		{gregorian, 2024, 2, 29, "2024-02-29"},
		{gregorian, 2025, 2, 29, ""},
	}
	for _, tc := range cases {
		got, ok := calendarDate(tc.cal, tc.y, tc.m, tc.d)
		switch {
		case tc.want == "" && ok:
			t.Errorf("calendarDate(%d, %d-%d-%d) = %s; want invalid", tc.cal, tc.y, tc.m, tc.d, got.Format("2006-01-02"))
		case tc.want != "" && (!ok || got.Format("2006-01-02") != tc.want):
			t.Errorf("calendarDate(%d, %d-%d-%d) = %s, %v; want %s", tc.cal, tc.y, tc.m, tc.d, got.Format("2006-01-02"), ok, tc.want)
		}
	}
}

// The go-hijri Umm al-Qura table panics outside its range; every year in
// and around it must convert. The table's early years hold a few 28-day
// months (Sha'ban 1364), kept as published.
func TestHijriMonthBounds(t *testing.T) {
	for y := 1350; y <= 1510; y++ {
		for m := 1; m <= 12; m++ {
			first, last, ok := hijriMonth(y, m)
			if !ok {
				t.Fatalf("hijriMonth(%d, %d) failed", y, m)
			}
			if n := absDays(last, first) + 1; n < 28 || n > 30 {
				t.Fatalf("hijriMonth(%d, %d) has %d days", y, m, n)
			}
		}
	}
}
