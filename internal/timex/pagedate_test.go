package timex

import "testing"

func TestPageDate(t *testing.T) {
	cases := []struct {
		line, near, want string // want "" means ok=false
	}{
		{"1404/10/07", refSunDec28, "2025-12-28"},
		{"1404/10/07", noRef, "2025-12-28"},
		{"2025-12-28", noRef, "2025-12-28"},
		{"28/12/2025", noRef, "2025-12-28"},
		{"الأحد 28 ديسمبر 2025", noRef, "2025-12-28"},
		{"الأحد، 28 ديسمبر 2025 - 10:30 م", noRef, "2025-12-28"},
		{"١٤٤٧/٧/٨ هـ", noRef, "2025-12-28"},
		{"  28 ديسمبر 2025 | 10:30  ", noRef, "2025-12-28"},
		{"نشر في 28/12/2025 10:30:15", noRef, "2025-12-28"},
		{"2025-12-28T10:30:00Z", noRef, "2025-12-28"},
		{"٢٨ كانون الأول ٢٠٢٥", noRef, "2025-12-28"},
		{"28 ديسمبر", refSunDec28, "2025-12-28"},
		{"28 ديسمبر", noRef, ""},
		{"ديسمبر 2025", noRef, ""},
		{"الجزيرة", noRef, ""},
		{"3 مشاهدات", noRef, ""},
		{"قال بوتين في 28 ديسمبر 2025", noRef, ""},
		{"28 ديسمبر 2025 و29 ديسمبر 2025", noRef, ""},
		{"", noRef, ""},
	}
	for _, tc := range cases {
		got, ok := PageDate(tc.line, parseRef(t, tc.near))
		switch {
		case tc.want == "" && ok:
			t.Errorf("PageDate(%q) = %s; want not a date line", tc.line, got.Format("2006-01-02"))
		case tc.want != "" && (!ok || got.Format("2006-01-02") != tc.want):
			t.Errorf("PageDate(%q) = %s, %v; want %s", tc.line, got.Format("2006-01-02"), ok, tc.want)
		}
	}
}
