package timex

import (
	"time"

	"github.com/hablullah/go-hijri"
	"github.com/jalaali/go-jalaali"
)

// calendar is the calendar a written date is counted in.
type calendar int

const (
	gregorian calendar = iota
	lunar              // Islamic (Hijri) lunar calendar
	solar              // Solar Hijri (Persian, Jalaali)
)

// The Umm al-Qura table in go-hijri covers 1 Muharram 1356 (1937-03-14) to
// the end of 1500; outside it the tabular calendar is the only choice, and it
// is within a day or two of what was observed.
const (
	uqFirstYear = 1356
	uqLastYear  = 1500
	// uqFirstLunation is the lunation index go-hijri's table starts at,
	// uqLunations how many month starts the table holds; indexing outside
	// them panics inside the library, so every call is checked first.
	uqFirstLunation = 16260
	uqLunations     = 1742
)

// day returns midnight UTC of y-m-d, the one representation of a calendar
// day used throughout the package.
func day(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// dateOf drops the time of day and location of t, keeping its calendar day
// as written (a publication date at 23:30 in Riyadh stays that day).
func dateOf(t time.Time) time.Time {
	return day(t.Year(), t.Month(), t.Day())
}

// roundDay turns the floating-point Julian-day results of go-hijri into a
// calendar day; they can land a few nanoseconds before midnight.
func roundDay(t time.Time) time.Time {
	return dateOf(t.UTC().Add(12 * time.Hour))
}

// uqMonthStart returns the first day of Hijri month y-m by Umm al-Qura, if
// the table covers it.
func uqMonthStart(y, m int) (time.Time, bool) {
	idx := m + 12*(y-1) - uqFirstLunation
	if idx < 1 || idx > uqLunations {
		return time.Time{}, false
	}
	d := hijri.UmmAlQuraDate{Year: int64(y), Month: int64(m), Day: 1}
	return roundDay(d.ToGregorian()), true
}

// hijriMonthStart returns the first day of Hijri month y-m: Umm al-Qura
// where the table covers the year, the tabular calendar otherwise.
func hijriMonthStart(y, m int) time.Time {
	if y >= uqFirstYear && y <= uqLastYear {
		if t, ok := uqMonthStart(y, m); ok {
			return t
		}
	}
	d := hijri.HijriDate{Year: int64(y), Month: int64(m), Day: 1, Pattern: hijri.Default}
	return roundDay(d.ToGregorian())
}

// hijriMonth returns the Gregorian first and last day of Hijri month y-m.
func hijriMonth(y, m int) (first, last time.Time, ok bool) {
	if y < 1 || y > 3000 || m < 1 || m > 12 {
		return time.Time{}, time.Time{}, false
	}
	first = hijriMonthStart(y, m)
	var next time.Time
	if y >= uqFirstYear && y <= uqLastYear {
		ny, nm := y, m+1
		if nm > 12 {
			ny, nm = y+1, 1
		}
		// The table runs one month past 1500, so the length of
		// Dhu al-Hijjah 1500 is still observed, not computed.
		n, okn := uqMonthStart(ny, nm)
		if !okn {
			return time.Time{}, time.Time{}, false
		}
		next = n
	} else if m == 12 {
		next = hijriMonthStart(y+1, 1)
	} else {
		next = hijriMonthStart(y, m+1)
	}
	return first, next.AddDate(0, 0, -1), true
}

// hijriDate converts Hijri y-m-d to its Gregorian day.
func hijriDate(y, m, d int) (time.Time, bool) {
	first, last, ok := hijriMonth(y, m)
	if !ok || d < 1 {
		return time.Time{}, false
	}
	t := first.AddDate(0, 0, d-1)
	if t.After(last) {
		return time.Time{}, false
	}
	return t, true
}

// toHijri returns the Hijri year and month of Gregorian day t.
func toHijri(t time.Time) (y, m int, ok bool) {
	if d, err := hijri.CreateUmmAlQuraDate(t); err == nil {
		return int(d.Year), int(d.Month), true
	}
	d, err := hijri.CreateHijriDate(t, hijri.Default)
	if err != nil {
		return 0, 0, false
	}
	return int(d.Year), int(d.Month), true
}

// solarDate converts Solar Hijri y-m-d to its Gregorian day.
func solarDate(y, m, d int) (time.Time, bool) {
	if !jalaali.IsValidDate(y, m, d) {
		return time.Time{}, false
	}
	gy, gm, gd, err := jalaali.ToGregorian(y, jalaali.Month(m), d)
	if err != nil {
		return time.Time{}, false
	}
	return day(gy, gm, gd), true
}

// solarMonth returns the Gregorian first and last day of Solar month y-m.
func solarMonth(y, m int) (first, last time.Time, ok bool) {
	n, err := jalaali.MonthLength(y, m)
	if err != nil || m < 1 || m > 12 {
		return time.Time{}, time.Time{}, false
	}
	first, ok = solarDate(y, m, 1)
	if !ok {
		return time.Time{}, time.Time{}, false
	}
	return first, first.AddDate(0, 0, n-1), true
}

// toSolar returns the Solar Hijri year and month of Gregorian day t.
func toSolar(t time.Time) (y, m int, ok bool) {
	jy, jm, _, err := jalaali.ToJalaali(t.Year(), t.Month(), t.Day())
	if err != nil {
		return 0, 0, false
	}
	return jy, int(jm), true
}

// calendarDate converts y-m-d in calendar c to its Gregorian day.
func calendarDate(c calendar, y, m, d int) (time.Time, bool) {
	switch c {
	case lunar:
		return hijriDate(y, m, d)
	case solar:
		return solarDate(y, m, d)
	}
	if y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > daysIn(y, time.Month(m)) {
		return time.Time{}, false
	}
	return day(y, time.Month(m), d), true
}

// calendarMonth returns the Gregorian first and last day of month y-m in c.
func calendarMonth(c calendar, y, m int) (first, last time.Time, ok bool) {
	switch c {
	case lunar:
		return hijriMonth(y, m)
	case solar:
		return solarMonth(y, m)
	}
	if y < 1 || y > 9999 || m < 1 || m > 12 {
		return time.Time{}, time.Time{}, false
	}
	first = day(y, time.Month(m), 1)
	return first, first.AddDate(0, 1, -1), true
}

// calendarYear returns the Gregorian first and last day of year y in c.
func calendarYear(c calendar, y int) (first, last time.Time, ok bool) {
	f, _, ok1 := calendarMonth(c, y, 1)
	_, l, ok2 := calendarMonth(c, y, 12)
	return f, l, ok1 && ok2
}

// monthOf returns the year and month, in calendar c, of Gregorian day t.
func monthOf(c calendar, t time.Time) (y, m int, ok bool) {
	switch c {
	case lunar:
		return toHijri(t)
	case solar:
		return toSolar(t)
	}
	return t.Year(), int(t.Month()), true
}

// daysIn returns the number of days in Gregorian month y-m.
func daysIn(y int, m time.Month) int {
	return day(y, m+1, 0).Day()
}

// absDays is the distance in days between two calendar days.
func absDays(a, b time.Time) int {
	d := int(a.Sub(b).Hours() / 24)
	if d < 0 {
		return -d
	}
	return d
}
