package pages

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/hablullah/go-hijri"
	"github.com/jalaali/go-jalaali"
)

// dateStyle is one way Arabic news pages print a day.
type dateStyle int

const (
	isoDate            dateStyle = iota // 2015-07-21
	dmySlash                            // 21/07/2015
	dmyDash                             // 21-07-2015
	gregMSA                             // الثلاثاء 21 يوليو 2015 (Egypt, Gulf)
	gregLevant                          // 21 تموز 2015 (Levant, Iraq)
	gregMorocco                         // 21 يوليوز 2015
	gregAlgeria                         // 21 جويلية 2015 (Algeria, Tunisia)
	gregEastern                         // ٢١ يوليو ٢٠١٥
	hijriLong                           // 5 شوال 1436 هـ
	hijriNumeric                        // 1436/10/05 هـ
	hijriAndGreg                        // الثلاثاء 5 شوال 1436 هـ - 21 يوليو 2015 م
	solarNumeric                        // 1394/04/30
	solarPersian                        // 30 تیر 1394
	solarPersianDigits                  // ۱۳۹۴/۰۴/۳۰
)

var (
	monthsMSA     = [12]string{"يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"}
	monthsLevant  = [12]string{"كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول"}
	monthsMorocco = [12]string{"يناير", "فبراير", "مارس", "أبريل", "ماي", "يونيو", "يوليوز", "غشت", "شتنبر", "أكتوبر", "نونبر", "دجنبر"}
	monthsAlgeria = [12]string{"جانفي", "فيفري", "مارس", "أفريل", "ماي", "جوان", "جويلية", "أوت", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"}
	monthsHijri   = [12]string{"محرم", "صفر", "ربيع الأول", "ربيع الآخر", "جمادى الأولى", "جمادى الآخرة", "رجب", "شعبان", "رمضان", "شوال", "ذو القعدة", "ذو الحجة"}
	monthsPersian = [12]string{"فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر", "دی", "بهمن", "اسفند"}
	weekdaysAr    = [7]string{"الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"}
)

// formatDate prints day t in style s. Hijri dates follow Umm al-Qura, the
// calendar Saudi outlets print.
func formatDate(t time.Time, s dateStyle) string {
	d, m, y := t.Day(), int(t.Month()), t.Year()
	switch s {
	case isoDate:
		return t.Format("2006-01-02")
	case dmySlash:
		return fmt.Sprintf("%02d/%02d/%d", d, m, y)
	case dmyDash:
		return fmt.Sprintf("%02d-%02d-%d", d, m, y)
	case gregMSA:
		return fmt.Sprintf("%s %d %s %d", weekdaysAr[t.Weekday()], d, monthsMSA[m-1], y)
	case gregLevant:
		return fmt.Sprintf("%d %s %d", d, monthsLevant[m-1], y)
	case gregMorocco:
		return fmt.Sprintf("%s %d %s %d", weekdaysAr[t.Weekday()], d, monthsMorocco[m-1], y)
	case gregAlgeria:
		return fmt.Sprintf("%d %s %d", d, monthsAlgeria[m-1], y)
	case gregEastern:
		return easternDigits(fmt.Sprintf("%d %s %d", d, monthsMSA[m-1], y))
	case hijriLong, hijriNumeric, hijriAndGreg:
		h, err := hijri.CreateUmmAlQuraDate(t)
		if err != nil {
			return formatDate(t, gregMSA)
		}
		switch s {
		case hijriLong:
			return fmt.Sprintf("%d %s %d هـ", h.Day, monthsHijri[h.Month-1], h.Year)
		case hijriNumeric:
			return fmt.Sprintf("%d/%02d/%02d هـ", h.Year, h.Month, h.Day)
		}
		return fmt.Sprintf("%s %d %s %d هـ - %d %s %d م", weekdaysAr[t.Weekday()], h.Day, monthsHijri[h.Month-1], h.Year, d, monthsMSA[m-1], y)
	case solarNumeric, solarPersian, solarPersianDigits:
		jy, jm, jd, err := jalaali.ToJalaali(y, t.Month(), d)
		if err != nil {
			return formatDate(t, isoDate)
		}
		switch s {
		case solarNumeric:
			return fmt.Sprintf("%d/%02d/%02d", jy, int(jm), jd)
		case solarPersian:
			return fmt.Sprintf("%d %s %d", jd, monthsPersian[int(jm)-1], jy)
		}
		return persianDigits(fmt.Sprintf("%d/%02d/%02d", jy, int(jm), jd))
	}
	return t.Format("2006-01-02")
}

// clock prints a plausible time of day for a date line, 12-hour with ص/م
// or 24-hour, as sites vary.
func clock(r *rand.Rand) string {
	h, m := r.IntN(24), r.IntN(60)
	if r.IntN(2) == 0 {
		return fmt.Sprintf("%02d:%02d", h, m)
	}
	ampm := "ص"
	if h >= 12 {
		ampm = "م"
	}
	h12 := h % 12
	if h12 == 0 {
		h12 = 12
	}
	return fmt.Sprintf("%02d:%02d %s", h12, m, ampm)
}

func easternDigits(s string) string {
	return mapDigits(s, '٠')
}

func persianDigits(s string) string {
	return mapDigits(s, '۰')
}

func mapDigits(s string, zero rune) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return zero + (r - '0')
		}
		return r
	}, s)
}
