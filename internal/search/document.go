package search

import (
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/mapping"
	index "github.com/blevesearch/bleve_index_api"
	"github.com/marsad/marsad/internal/arabic"
	"github.com/marsad/marsad/news"
)

// Field names in the index.
const (
	fieldTitle     = "title"      // analyzed, stored, positions and offsets kept
	fieldText      = "text"       // analyzed, stored, positions and offsets kept
	fieldEntity    = "entity"     // canonical entity ids, exact
	fieldEntityKey = "entity_key" // arabic.NameKey of canonical names and mention texts
	fieldEntityTag = "entity_tag" // "id\x1fname", for the entity facet
	fieldNames     = "names"      // protected name words (see protectedNames)
	fieldSource    = "source"     // outlet as stored, exact, for display and facets
	fieldSourceKey = "source_key" // outlet in the search layer, for source: filters
	fieldEvent     = "event"
	fieldStory     = "story"
	fieldPublished = "published"      // datetime, for date: filters and sorting
	fieldPubText   = "published_text" // Published as the store has it, for display
	fieldDay       = "day"            // YYYY-MM-DD of Published, for the date histogram
)

// tagSep joins an entity id and its name in fieldEntityTag; neither holds it.
const tagSep = "\x1f"

// Indexing options per kind of field. Text fields keep term vectors: the
// highlighter reads offsets from them and phrase queries read positions.
// Keyword fields that are faceted or sorted on keep doc values.
const (
	textOptions    = index.IndexField | index.StoreField | index.IncludeTermVectors
	keywordOptions = index.IndexField | index.DocValues
	storedKeyword  = index.IndexField | index.StoreField | index.DocValues
)

// articleDocument builds the bleve document for one article. Fields are built by
// hand rather than through the mapping because each article's text is
// analyzed with its own entity names protected from stemming, which a
// mapping, with one analyzer per field for every document, cannot express.
// A nil analyzer makes a keyword field: the whole value is one term.
func articleDocument(a news.Article) *document.Document {
	d := document.NewDocument(a.ID)
	names := protectedNames(a)
	an := analyzer{names: names}
	d.AddField(document.NewTextFieldCustom(fieldTitle, nil, []byte(a.Title), textOptions, an))
	d.AddField(document.NewTextFieldCustom(fieldText, nil, []byte(a.Text), textOptions, an))

	keyword := func(name string, i int, value string, options index.FieldIndexingOptions) {
		if value == "" {
			return
		}
		var pos []uint64
		if i >= 0 {
			pos = []uint64{uint64(i)}
		}
		d.AddField(document.NewTextFieldCustom(name, pos, []byte(value), options, nil))
	}
	keyword(fieldSource, -1, a.Source, storedKeyword)
	keyword(fieldSourceKey, -1, sourceKey(a.Source), keywordOptions)
	keyword(fieldEvent, -1, a.Event, storedKeyword)
	keyword(fieldStory, -1, a.Story, storedKeyword)
	keyword(fieldPubText, -1, a.Published, index.StoreField)

	seen := map[string]bool{}
	n := 0
	for _, m := range a.Entities {
		if m.ID == "" || seen[m.ID] {
			continue
		}
		seen[m.ID] = true
		keyword(fieldEntity, n, m.ID, keywordOptions)
		keyword(fieldEntityTag, n, m.ID+tagSep+m.Name, keywordOptions)
		n++
	}
	n = 0
	for _, m := range a.Entities {
		for _, name := range []string{m.Name, m.Text} {
			if k := arabic.NameKey(name); k != "" && !seen["key:"+k] {
				seen["key:"+k] = true
				keyword(fieldEntityKey, n, k, keywordOptions)
				n++
			}
		}
	}
	n = 0
	for _, w := range slices.Sorted(maps.Keys(names)) {
		keyword(fieldNames, n, w, index.IndexField)
		n++
	}

	if t, ok := a.PublishedTime(); ok {
		if f, err := document.NewDateTimeFieldWithIndexingOptions(fieldPublished, nil, t.UTC(), time.RFC3339,
			index.IndexField|index.DocValues); err == nil {
			d.AddField(f)
		}
		keyword(fieldDay, -1, t.UTC().Format(time.DateOnly), keywordOptions)
	}
	return d
}

// sourceKey is the form source: filters compare: the search layer, so
// «الرياض» and الرياض, or Alriyadh and alriyadh, are one outlet.
func sourceKey(s string) string {
	return strings.TrimSpace(arabic.Search(s))
}

// indexMapping describes the fields document builds, so the index on disk
// says what it holds and bleve's own query parsers analyze text as marsad
// does. Nothing is dynamic: an unknown field is a bug, not data.
func indexMapping() mapping.IndexMapping {
	text := bleve.NewTextFieldMapping()
	text.Analyzer = analyzerName
	text.Store = true
	text.IncludeTermVectors = true
	text.IncludeInAll = false

	keyword := func(store, docValues bool) *mapping.FieldMapping {
		f := bleve.NewKeywordFieldMapping()
		f.Store = store
		f.DocValues = docValues
		f.IncludeInAll = false
		f.IncludeTermVectors = false
		return f
	}
	published := bleve.NewDateTimeFieldMapping()
	published.Store = false
	published.IncludeInAll = false
	stored := keyword(true, false)
	stored.Index = false

	doc := bleve.NewDocumentStaticMapping()
	doc.AddFieldMappingsAt(fieldTitle, text)
	doc.AddFieldMappingsAt(fieldText, text)
	doc.AddFieldMappingsAt(fieldEntity, keyword(false, true))
	doc.AddFieldMappingsAt(fieldEntityKey, keyword(false, true))
	doc.AddFieldMappingsAt(fieldEntityTag, keyword(false, true))
	doc.AddFieldMappingsAt(fieldNames, keyword(false, false))
	doc.AddFieldMappingsAt(fieldSource, keyword(true, true))
	doc.AddFieldMappingsAt(fieldSourceKey, keyword(false, true))
	doc.AddFieldMappingsAt(fieldEvent, keyword(true, true))
	doc.AddFieldMappingsAt(fieldStory, keyword(true, true))
	doc.AddFieldMappingsAt(fieldPublished, published)
	doc.AddFieldMappingsAt(fieldPubText, stored)
	doc.AddFieldMappingsAt(fieldDay, keyword(false, true))

	m := bleve.NewIndexMapping()
	m.DefaultMapping = doc
	m.DefaultAnalyzer = analyzerName
	m.IndexDynamic = false
	m.StoreDynamic = false
	m.DocValuesDynamic = false
	return m
}
