package news

// Revisions are changes a clusterer made to articles it had already
// placed, in the order it made them: a store, and any output already made,
// must apply them to those articles (Remap does).
type Revisions struct {
	Merges  []EventMerge
	Reroots []Reroot
}

// Empty reports whether there is nothing to revise.
func (r Revisions) Empty() bool { return len(r.Merges) == 0 && len(r.Reroots) == 0 }

// EventMerge records that an event turned out to be part of an earlier
// one: every article placed in From now belongs to event Into, in story
// Story.
type EventMerge struct {
	From, Into, Story string
}

// Reroot records that an article published before its copy group's first
// member joined the group, and so becomes the member every copy names:
// From, and every article whose duplicate_of named From, now name To.
type Reroot struct {
	From, To string
}

// Remap follows revisions to where each article placed before them ends
// up.
type Remap struct {
	events map[string]EventMerge
	roots  map[string]string
}

// NewRemap indexes revisions.
func NewRemap(r Revisions) Remap {
	m := Remap{events: make(map[string]EventMerge, len(r.Merges)), roots: make(map[string]string, len(r.Reroots))}
	for _, x := range r.Merges {
		m.events[x.From] = x
	}
	for _, x := range r.Reroots {
		m.roots[x.From] = x.To
	}
	return m
}

// Place returns where an article placed as a now belongs. An event merged
// away sends it to the event it was merged into, and on through any later
// merge of that one: the event that survives a merge is always older than
// the one merged into it, so the chain ends. A copy group's first member
// replaced by an earlier-published one sends it, and its copies, to the
// new first member, and on: each is published earlier than the last.
func (r Remap) Place(a Assignment) Assignment {
	for {
		m, ok := r.events[a.Event]
		if !ok {
			break
		}
		a.Event, a.Story = m.Into, m.Story
	}
	root := a.DuplicateOf
	if root == "" {
		root = a.ID
	}
	for {
		to, ok := r.roots[root]
		if !ok {
			break
		}
		root = to
	}
	if root != a.ID {
		a.DuplicateOf = root
	}
	return a
}
