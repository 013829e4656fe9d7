package search

import (
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/marsad/marsad/internal/arabic"
)

// Filter fields of the query language.
const (
	filterEntity = "entity"
	filterSource = "source"
	filterStory  = "story"
	filterEvent  = "event"
	filterDate   = "date"
)

// isFilterField reports the field names the query language knows.
func isFilterField(name string) bool {
	switch name {
	case filterEntity, filterSource, filterStory, filterEvent, filterDate:
		return true
	}
	return false
}

// clause is one element of a parsed query.
type clause struct {
	// Op is '+' (must), '-' (must not) or 0 (plain, which also must match:
	// words are ANDed, as analysts expect of a search box).
	Op byte
	// Field is "" for words and phrases, else one of the filter fields.
	Field string
	// Value is the word, phrase or filter value, quotes removed.
	Value string
	// Phrase reports a quoted value: its words must be adjacent, in order.
	Phrase bool
	// Or joins this clause to the one before it as an alternative.
	Or bool
	// Entity is, for an entity: clause given by spelling or a word or
	// phrase, the identity Query.Spelling resolved it to ("" when none).
	Entity string
}

// isQuote reports the marks that open or close a quoted phrase: ASCII quotes and the guillemets
// and curly quotes Arabic keyboards and editors produce.
func isQuote(r rune) bool {
	switch r {
	case '"', '«', '»', '“', '”', '„':
		return true
	}
	return false
}

// parse reads the query language described at Query.Text. Any input
// parses: an unclosed quote runs to the end, unknown field:value pairs are
// plain text, and a lone + or - is a word of punctuation, which matches
// nothing and is dropped.
func parse(s string) []clause {
	var out []clause
	or := false
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			i += size
			continue
		}
		var c clause
		if (r == '+' || r == '-') && i+size < len(s) {
			if next, _ := utf8.DecodeRuneInString(s[i+size:]); !unicode.IsSpace(next) {
				c.Op = byte(r)
				i += size
			}
		}
		// A field name is ASCII letters then a colon.
		j := i
		for j < len(s) && ('a' <= s[j] && s[j] <= 'z' || 'A' <= s[j] && s[j] <= 'Z') {
			j++
		}
		if j < len(s) && s[j] == ':' && isFilterField(strings.ToLower(s[i:j])) {
			c.Field = strings.ToLower(s[i:j])
			i = j + 1
		}
		c.Value, c.Phrase, i = value(s, i)
		if c.Field == "" && !c.Phrase && c.Op == 0 && (c.Value == "OR" || c.Value == "|") {
			or = len(out) > 0
			continue
		}
		if c.Value == "" {
			continue
		}
		c.Or = or && c.Op != '-' && out[len(out)-1].Op != '-'
		or = false
		out = append(out, c)
	}
	return out
}

// value reads a quoted value or one up to the next space, from byte i.
func value(s string, i int) (v string, quoted bool, end int) {
	if r, size := utf8.DecodeRuneInString(s[i:]); i < len(s) && isQuote(r) {
		start := i + size
		for k, r := range s[start:] {
			if isQuote(r) {
				return strings.TrimSpace(s[start : start+k]), true, start + k + utf8.RuneLen(r)
			}
		}
		return strings.TrimSpace(s[start:]), true, len(s)
	}
	start := i
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			break
		}
		i += size
	}
	return s[start:i], false, i
}

// dateRange reads a date: filter value, FROM..TO with either end optional,
// or one date. Each date is YYYY, YYYY-MM or YYYY-MM-DD in any digits; the
// range covers every instant from the start of FROM to the end of TO, in
// UTC. A zero time means an open end.
func dateRange(v string) (from, to time.Time, err error) {
	v = arabic.Search(v)
	a, b, isRange := strings.Cut(v, "..")
	if !isRange {
		b = a
	}
	if a != "" {
		if from, _, err = period(a); err != nil {
			return from, to, err
		}
	}
	if b != "" {
		if _, to, err = period(b); err != nil {
			return from, to, err
		}
	}
	if a == "" && b == "" {
		return from, to, fmt.Errorf("empty date range %q", v)
	}
	return from, to, nil
}

// period returns the start of the period a date names and the start of the
// next one.
func period(s string) (start, next time.Time, err error) {
	s = strings.TrimSpace(s)
	for _, p := range []struct {
		layout string
		years  int
		months int
		days   int
	}{{time.DateOnly, 0, 0, 1}, {"2006-01", 0, 1, 0}, {"2006", 1, 0, 0}} {
		if t, err := time.Parse(p.layout, s); err == nil {
			return t, t.AddDate(p.years, p.months, p.days), nil
		}
	}
	return start, next, fmt.Errorf("bad date %q: want YYYY-MM-DD, YYYY-MM or YYYY", s)
}
