package store

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/marsad/marsad/news"
)

// member is the little of an article that events and stories are built from.
type member struct {
	seq       int64
	id        string
	title     string
	published string
	source    string
	event     string
	story     string

	when  time.Time // parsed published, for ordering across date forms
	dated bool      // published parsed; undated articles sort last
	day   string    // published's date part, for Start and End
}

// earlier orders articles by publication, undated last, then by ingest
// order, so "first report" is stable however the rows were read.
func earlier(a, b member) int {
	if a.dated != b.dated {
		if a.dated {
			return -1
		}
		return 1
	}
	if a.dated {
		if c := a.when.Compare(b.when); c != 0 {
			return c
		}
	}
	return cmp.Compare(a.seq, b.seq)
}

// Stories lists the stories with their events, the biggest first (most
// articles, then the latest start, then by ID). Articles without a story are
// left out. Copies (duplicate_of set) count: that several outlets ran a
// story is part of its size.
func (s *Store) Stories(ctx context.Context) ([]news.Story, error) {
	ms, err := s.members(ctx, `story <> '' ORDER BY story, event, seq`)
	if err != nil {
		return nil, fmt.Errorf("list stories: %w", err)
	}
	var stories []news.Story
	for _, group := range runs(ms, func(m member) string { return m.story }) {
		stories = append(stories, buildStory(group))
	}
	slices.SortFunc(stories, func(a, b news.Story) int {
		if c := cmp.Compare(b.Articles, a.Articles); c != 0 {
			return c
		}
		if c := cmp.Compare(b.Start, a.Start); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	})
	return stories, nil
}

// Story returns one story with its events, or an error wrapping
// news.ErrNotFound.
func (s *Store) Story(ctx context.Context, id string) (news.Story, error) {
	ms, err := s.members(ctx, `story = ? ORDER BY event, seq`, id)
	if err != nil {
		return news.Story{}, fmt.Errorf("story %s: %w", id, err)
	}
	if len(ms) == 0 || id == "" {
		return news.Story{}, fmt.Errorf("story %s: %w", id, news.ErrNotFound)
	}
	return buildStory(ms), nil
}

// Events lists the events of one story, or of all stories when story is
// empty, ordered by start date (undated last), then first report, then ID.
func (s *Store) Events(ctx context.Context, story string) ([]news.Event, error) {
	where, args := `event <> '' ORDER BY story, event, seq`, []any(nil)
	if story != "" {
		where, args = `story = ? AND event <> '' ORDER BY event, seq`, []any{story}
	}
	ms, err := s.members(ctx, where, args...)
	if err != nil {
		return nil, fmt.Errorf("list events: %w", err)
	}
	var events []event
	for _, group := range runs(ms, func(m member) string { return m.story + "\x00" + m.event }) {
		events = append(events, buildEvent(group))
	}
	sortEvents(events)
	out := make([]news.Event, len(events))
	for i, e := range events {
		out[i] = e.Event
	}
	return out, nil
}

// members reads the grouping columns of the articles matching where, which
// must order them so each group is one run.
func (s *Store) members(ctx context.Context, where string, args ...any) ([]member, error) {
	rows, err := s.reader.QueryContext(ctx,
		`SELECT seq, id, title, published, source, event, story FROM articles WHERE `+where, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ms []member
	for rows.Next() {
		var m member
		if err := rows.Scan(&m.seq, &m.id, &m.title, &m.published, &m.source, &m.event, &m.story); err != nil {
			return nil, err
		}
		if t, ok := news.ParseISO(m.published); ok {
			m.when, m.dated = t, true
			// The date as the outlet wrote it: converting to UTC would move
			// a late-evening Arabic article to the previous day.
			m.day = m.published[:min(len(m.published), len("2006-01-02"))]
		}
		ms = append(ms, m)
	}
	return ms, rows.Err()
}

// runs splits ms, already ordered by key, into its runs of equal key.
func runs(ms []member, key func(member) string) [][]member {
	var out [][]member
	for i := 0; i < len(ms); {
		j := i + 1
		for j < len(ms) && key(ms[j]) == key(ms[i]) {
			j++
		}
		out = append(out, ms[i:j])
		i = j
	}
	return out
}

// event is a news.Event with its first report kept for ordering.
type event struct {
	news.Event
	first member
}

// buildEvent summarizes one event's members; it reorders ms.
func buildEvent(ms []member) event {
	slices.SortFunc(ms, earlier)
	e := event{first: ms[0]}
	e.ID, e.Story = ms[0].event, ms[0].story
	e.FirstReport = ms[0].id
	e.Title = titleOf(ms)
	e.Start, e.End = span(ms)
	e.Sources = sources(ms)
	e.Articles = make([]string, len(ms))
	for i, m := range ms {
		e.Articles[i] = m.id
	}
	return e
}

func sortEvents(es []event) {
	slices.SortFunc(es, func(a, b event) int {
		if (a.Start == "") != (b.Start == "") {
			if a.Start == "" {
				return 1
			}
			return -1
		}
		if c := cmp.Compare(a.Start, b.Start); c != 0 {
			return c
		}
		if c := earlier(a.first, b.first); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	})
}

// buildStory summarizes one story's members, which arrive ordered by event.
// Members without an event count toward the story but form no event.
func buildStory(ms []member) news.Story {
	st := news.Story{ID: ms[0].story, Articles: len(ms)}
	var events []event
	for _, group := range runs(ms, func(m member) string { return m.event }) {
		if group[0].event != "" {
			events = append(events, buildEvent(group))
		}
	}
	sortEvents(events)

	all := slices.Clone(ms)
	slices.SortFunc(all, earlier)
	st.FirstReport = all[0].id
	st.Start, st.End = span(all)
	st.Sources = sources(all)
	st.Title = titleOf(all)

	// The biggest event is what the story is mostly about; on a tie the
	// earliest, since events are already in date order.
	biggest := -1
	for i, e := range events {
		if biggest < 0 || len(e.Articles) > len(events[biggest].Articles) {
			biggest = i
		}
		st.Events = append(st.Events, e.Event)
	}
	if biggest >= 0 && events[biggest].Title != "" {
		st.Title = events[biggest].Title
	}
	return st
}

// titleOf is the title of the first report, or when that has none (a page
// whose headline the cleaner could not find), the first title there is.
// ms must be ordered by earlier.
func titleOf(ms []member) string {
	for _, m := range ms {
		if m.title != "" {
			return m.title
		}
	}
	return ""
}

// span is the first and last publication date among ms.
func span(ms []member) (start, end string) {
	for _, m := range ms {
		if m.day == "" {
			continue
		}
		if start == "" || m.day < start {
			start = m.day
		}
		if m.day > end {
			end = m.day
		}
	}
	return start, end
}

// sources lists the distinct outlets among ms, sorted; never nil, so an
// event with no known outlet encodes as [] rather than null.
func sources(ms []member) []string {
	out := []string{}
	for _, m := range ms {
		if m.source != "" {
			out = append(out, m.source)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// Revise applies a clusterer's revisions in one transaction, in the order
// given (so a chain ends where the clusterer's did): a merged event's
// articles move to the event and story it was merged into, and a copy
// group's old first member and its copies name the new one. It returns
// the ids of the articles moved to another event, sorted: what a search
// index, which holds events but not duplicate_of, must be given again.
func (s *Store) Revise(ctx context.Context, r news.Revisions) ([]string, error) {
	if r.Empty() {
		return nil, nil
	}
	moved := map[string]bool{}
	err := s.write(ctx, func(tx *sql.Tx) error {
		for _, m := range r.Merges {
			if err := mergeEvent(ctx, tx, m, moved); err != nil {
				return fmt.Errorf("event %s into %s: %w", m.From, m.Into, err)
			}
		}
		for _, x := range r.Reroots {
			// Two statements: with OR, SQLite scans the whole table.
			for _, q := range []string{`UPDATE articles SET duplicate_of = ? WHERE duplicate_of = ?`, `UPDATE articles SET duplicate_of = ? WHERE id = ?`} {
				if _, err := tx.ExecContext(ctx, q, x.To, x.From); err != nil {
					return fmt.Errorf("copies of %s to %s: %w", x.From, x.To, err)
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("revise clustering: %w", err)
	}
	ids := make([]string, 0, len(moved))
	for id := range moved {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	return ids, nil
}

// mergeEvent moves the articles of m.From to m.Into, adding their ids to
// moved. A story the move leaves empty is recorded as moved to m.Story, and
// so are the stories that had moved to it.
func mergeEvent(ctx context.Context, tx *sql.Tx, m news.EventMerge, moved map[string]bool) error {
	rows, err := tx.QueryContext(ctx, `SELECT DISTINCT story FROM articles WHERE event = ? AND story <> ?`, m.From, m.Story)
	if err != nil {
		return err
	}
	left := map[string]bool{}
	if err := collectIDs(rows, left); err != nil {
		return err
	}
	rows, err = tx.QueryContext(ctx, `UPDATE articles SET event = ?, story = ? WHERE event = ? RETURNING id`, m.Into, m.Story, m.From)
	if err != nil {
		return err
	}
	if err := collectIDs(rows, moved); err != nil {
		return err
	}
	for old := range left {
		var empty bool
		if err := tx.QueryRowContext(ctx, `SELECT NOT EXISTS (SELECT 1 FROM articles WHERE story = ?)`, old).Scan(&empty); err != nil {
			return err
		}
		if !empty || old == "" {
			continue
		}
		if _, err := tx.ExecContext(ctx, `UPDATE story_moves SET story = ? WHERE story = ?`, m.Story, old); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO story_moves (id, story) VALUES (?, ?)`, old, m.Story); err != nil {
			return err
		}
	}
	return nil
}

// StoryMovedTo returns the story the articles of story id went to when a
// merge of events left it empty, or an error wrapping news.ErrNotFound
// when id was never moved.
func (s *Store) StoryMovedTo(ctx context.Context, id string) (string, error) {
	var to string
	err := s.reader.QueryRowContext(ctx, `SELECT story FROM story_moves WHERE id = ?`, id).Scan(&to)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return "", fmt.Errorf("story %s: %w", id, news.ErrNotFound)
	case err != nil:
		return "", fmt.Errorf("story %s: %w", id, err)
	}
	return to, nil
}
