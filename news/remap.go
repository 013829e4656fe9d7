package news

// EventMerge records that an event turned out to be part of an earlier
// one: every article placed in From now belongs to event Into, in story
// Story. Merges are applied in the order the clusterer made them.
type EventMerge struct {
	From, Into, Story string
}

// Remap follows event merges to where each merged event ended up.
type Remap map[string]EventMerge

// NewRemap indexes merges, made in the order given.
func NewRemap(ms []EventMerge) Remap {
	r := make(Remap, len(ms))
	for _, m := range ms {
		r[m.From] = m
	}
	return r
}

// Place returns where an article placed in event, story now belongs: an
// event merged away sends it to the event it was merged into, and on
// through any later merge of that one. The event that survives a merge is
// always older than the one merged into it, so the chain ends.
func (r Remap) Place(event, story string) (string, string) {
	for {
		m, ok := r[event]
		if !ok {
			return event, story
		}
		event, story = m.Into, m.Story
	}
}
