// Package news holds marsad's core types (pages, articles, their annotations,
// events, stories, entities) and the few interfaces the pipeline and the
// storage are built around.
//
// It imports nothing else of marsad's: every other package may depend on it,
// and it must stay free of I/O, storage and language logic.
package news

import (
	"strings"
	"time"
)

// PageKind says how a page's body is to be read.
type PageKind int

const (
	// KindText is plain text as a scraper copied it: furniture and all.
	KindText PageKind = iota
	// KindHTML is an HTML document.
	KindHTML
	// KindRecord is an article that arrived already structured (a JSON or
	// JSONL object, a feed item): its fields are in Page.Record.
	KindRecord
)

// String names the kind as the CLI and the store spell it.
func (k PageKind) String() string {
	switch k {
	case KindText:
		return "text"
	case KindHTML:
		return "html"
	case KindRecord:
		return "record"
	}
	return "unknown"
}

// Page is one unit of input: what was fetched or read, already decoded to
// UTF-8, with where it came from.
type Page struct {
	// Origin locates the page for a person: a file path, an archive member
	// ("day.zip!day.json#17"), a URL, or "-" for standard input.
	Origin string
	// Name is the short name reported in `marsad clean` output: the file
	// name, or "-" for standard input.
	Name string
	Kind PageKind
	// Body is the page's bytes decoded to UTF-8 (empty for records).
	Body []byte
	// Record holds the fields of a structured article (KindRecord only).
	Record *Record
	// Fetched is when the page was read; the fallback publication date.
	Fetched time.Time
}

// Record is an article that arrived structured, as in a JSON or JSONL file.
type Record struct {
	ID        string
	Title     string
	Text      string
	URL       string
	Source    string
	Author    string
	Published string
}

// RemovedLine is a line the cleaner dropped, kept so a user can audit it.
type RemovedLine struct {
	Text   string `json:"text"`
	Reason string `json:"reason"`
}

// Article is one article found in a page. Title, Text and Captions keep the
// original characters of the kept lines: display text is never rewritten.
type Article struct {
	ID        string        `json:"id"`
	Page      string        `json:"page"`
	Origin    string        `json:"origin,omitempty"`
	Index     int           `json:"index"`
	Title     string        `json:"title"`
	Text      string        `json:"text"`
	Captions  []string      `json:"captions,omitempty"`
	Removed   []RemovedLine `json:"removed,omitempty"`
	Lang      string        `json:"lang"`
	Published string        `json:"published"`
	Source    string        `json:"source"`
	Author    string        `json:"author,omitempty"`
	URL       string        `json:"url,omitempty"`

	Entities   []Mention  `json:"entities,omitempty"`
	Quotes     []Quote    `json:"quotes,omitempty"`
	Quantities []Quantity `json:"quantities,omitempty"`
	Dates      []TimeExpr `json:"dates,omitempty"`
	// Happened estimates when the article's main happening took place: a
	// date the lead names, else the publication date (empty if neither).
	Happened string `json:"happened,omitempty"`

	DuplicateOf string `json:"duplicate_of,omitempty"`
	Event       string `json:"event,omitempty"`
	Story       string `json:"story,omitempty"`
}

// PublishedTime parses Published, which holds an ISO date
// ("2025-12-28") or date and time ("2015-07-21T02:51:32").
func (a Article) PublishedTime() (time.Time, bool) {
	return ParseISO(a.Published)
}

// ParseISO reads the date forms marsad writes and common feed variants.
func ParseISO(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, false
	}
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02", "2006-01", "2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// Mention is one occurrence of a named entity in an article's text.
// Start and End are rune offsets into Article.Text.
type Mention struct {
	Text  string `json:"text"`
	Type  string `json:"type"` // PER, LOC, ORG or MISC
	ID    string `json:"id"`
	Name  string `json:"name"` // the entity's canonical display name
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Entity types, as the command-line contract spells them.
const (
	PER  = "PER"
	LOC  = "LOC"
	ORG  = "ORG"
	MISC = "MISC"
)

// Quote is something someone said, directly or reported.
type Quote struct {
	Text      string `json:"text"`
	Speaker   string `json:"speaker"`
	SpeakerID string `json:"speaker_id"`
	Verb      string `json:"verb"`
	Direct    bool   `json:"direct"`
}

// Quantity qualifiers, as the command-line contract spells them.
const (
	Exact      = "exact"
	About      = "about"
	MoreThan   = "more_than"
	AtLeast    = "at_least"
	LessThan   = "less_than"
	AtMost     = "at_most"
	Additional = "additional"
	Range      = "range"
)

// Quantity is a counted amount found in the text.
type Quantity struct {
	Text      string  `json:"text"`
	Min       float64 `json:"min"`
	Max       float64 `json:"max"`
	Unit      string  `json:"unit"` // the counted noun, singular
	Qualifier string  `json:"qualifier"`
	Start     int     `json:"start"`
	End       int     `json:"end"`
	// Of lists the entities named in the amount's sentence: whose troops,
	// which country's dead (canonical ids).
	Of []string `json:"of,omitempty"`
	// Caption is 0 for an amount in the text; n for one in the article's
	// n-th caption (1-based), Start and End then counting in that caption.
	Caption int `json:"caption,omitempty"`
}

// TimeExpr is a time expression and its value resolved against the
// publication date: YYYY-MM-DD, YYYY-MM, YYYY, or an interval A/B.
type TimeExpr struct {
	Text  string `json:"text"`
	Value string `json:"value"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Entity is a canonical identity with the spellings it was seen under.
type Entity struct {
	ID       string         `json:"id"`
	Name     string         `json:"name"`
	Type     string         `json:"type"`
	Variants map[string]int `json:"variants"`
	Articles int            `json:"articles"`
}

// Assignment is where the clustering stage put one article.
type Assignment struct {
	ID          string `json:"id"`
	DuplicateOf string `json:"duplicate_of"`
	Event       string `json:"event"`
	Story       string `json:"story"`
}

// Event is a set of articles on one real-world happening.
type Event struct {
	ID          string   `json:"id"`
	Story       string   `json:"story"`
	Title       string   `json:"title"`
	Start       string   `json:"start"`
	End         string   `json:"end"`
	Articles    []string `json:"articles"`
	Sources     []string `json:"sources"`
	FirstReport string   `json:"first_report"`
}

// Story is a chain of events on one ongoing development.
type Story struct {
	ID          string   `json:"id"`
	Title       string   `json:"title"`
	Start       string   `json:"start"`
	End         string   `json:"end"`
	Events      []Event  `json:"events"`
	Sources     []string `json:"sources"`
	Articles    int      `json:"articles"`
	FirstReport string   `json:"first_report"`
}

// Claim is what the outlets of one story say about one amount: the same
// counted thing about the same subject, each value with where it came
// from. Disagree is set when the values cannot all be true.
type Claim struct {
	Story      string       `json:"story"`
	Unit       string       `json:"unit"`
	Subject    []string     `json:"subject"` // canonical names of the entities around the values
	Values     []ClaimValue `json:"values"`
	Additional []ClaimValue `json:"additional,omitempty"` // "30,000 more": kept apart from totals
	Disagree   bool         `json:"disagree"`
	Why        string       `json:"why,omitempty"`
}

// ClaimValue is one outlet's figure for a claim, in its own words.
type ClaimValue struct {
	Article   string  `json:"article"`
	Source    string  `json:"source"`
	Published string  `json:"published"`
	Text      string  `json:"text"`  // the quantity as written
	Words     string  `json:"words"` // the sentence it stands in
	Min       float64 `json:"min"`
	Max       float64 `json:"max"`
	Qualifier string  `json:"qualifier"`
}
