package timex

import (
	"testing"
	"time"
)

// FuzzFind checks what must hold for any input: no panic, spans inside the
// text, in order and not overlapping, and Text equal to the runes it spans.
func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"في 15 أغسطس 1945", "1404/10/07", "١٤٤٧/٧/٨ هـ", "بين عامي 1950 و1953", "اليوم الاثنين",
		"المقرر عقده يوم الجمعة", "غَدًا", "ديســمبر 2024", "( 8 / 11 / 1943 )", "من 13 وحتى 15 نوفمبر 2016",
		"خلال الساعات الـ24 الماضية", "\u200fهـ\u064b", "ﻻ 2025م", "9 / 10 / 10 / ( 1940 )",
	} {
		f.Add(s, int64(1766880000))
		f.Add(s, int64(0))
	}
	f.Fuzz(func(t *testing.T, s string, sec int64) {
		var ref time.Time
		if sec != 0 {
			ref = time.Unix(sec%(1<<36), 0).UTC()
		}
		runes := []rune(s)
		last := 0
		for _, e := range Find(s, ref) {
			if e.Start < last || e.End <= e.Start || e.End > len(runes) {
				t.Fatalf("bad span %d-%d after %d in %d runes: %q", e.Start, e.End, last, len(runes), s)
			}
			if got := string(runes[e.Start:e.End]); got != e.Text {
				t.Fatalf("Text %q != runes %q", e.Text, got)
			}
			last = e.End
		}
		PageDate(s, ref)
	})
}
