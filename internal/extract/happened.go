package extract

import (
	"strings"
	"time"

	"github.com/marsad/marsad/internal/arabic"
	"github.com/marsad/marsad/news"
)

// Happened estimates when an article's main happening took place. News
// names it in the lead: the first resolved day (or else month) in the
// first two sentences, not later than the publication date ("أمس", "يوم
// الأربعاء", "في 18 ديسمبر"); failing that, the publication day itself,
// since most news reports the day's events. Background dates further down
// ("عام 1945", "العام الماضي") are not the happening.
func Happened(a news.Article) string {
	sents := arabic.Sentences(a.Text)
	end := len([]rune(a.Text))
	if len(sents) > 2 {
		end = sents[1].End
	}
	published := a.Published
	if len(published) > 10 {
		published = published[:10]
	}
	var month string
	for _, d := range a.Dates {
		if d.Start >= end || d.Value == "" || strings.Contains(d.Value, "/") {
			continue
		}
		if published != "" && d.Value > published {
			continue // a scheduled event, not what happened
		}
		switch len(d.Value) {
		case len("2006-01-02"):
			return d.Value
		case len("2006-01"):
			if month == "" && recentMonth(d.Value, published) {
				month = d.Value
			}
		}
	}
	if month != "" && (published == "" || !strings.HasPrefix(published, month)) {
		return month
	}
	return published
}

// recentMonth reports a month at most two months before the publication
// date: a lead's "in April" then is news, "in June 2024" background.
func recentMonth(month, published string) bool {
	m, err := time.Parse("2006-01", month)
	if err != nil {
		return false
	}
	if published == "" {
		return true
	}
	p, err := time.Parse("2006-01-02", published)
	if err != nil {
		return true
	}
	return !m.After(p) && p.Sub(m) < 92*24*time.Hour
}
