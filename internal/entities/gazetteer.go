package entities

import (
	_ "embed"
	"fmt"
	"strings"

	"github.com/zeebo/xxh3"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/marsad/marsad/internal/arabic"
	"github.com/marsad/marsad/news"
)

//go:embed gazetteer.tsv
var gazetteerTSV string

// entry is one known entity.
type entry struct {
	id, name, typ string
	variants      []string
	keys          [][]rune // name keys of the variants, for RepairGarbles
}

// gazetteer is the set of known entities: the embedded hand list, plus
// every country and region CLDR names in Arabic.
type gazetteer struct {
	entries []*entry
	byName  map[string]*entry // canonical name key → entry
	// partial holds the name keys of family names that, alone, may stand
	// for a person named in full in the same text (كيم).
	partial map[string]bool
}

// entityID is stable across runs: a hash of the type and the name key of
// the canonical name, so every variant of one entity shares it.
func entityID(typ, name string) string {
	return keyID(typ, arabic.NameKey(name))
}

// looseID is the stable id of a name no gazetteer entry knows: a hash of
// the type and the name's transliteration key, so its variants (شولتس،
// شولتز; ميرتس، مرتس) share it. A name of Arabic words keys as its name
// key with the spaces taken out, and بن written or not (looseKey).
func looseID(typ, name string) string {
	return keyID(typ, looseKey(arabic.NameKey(name)))
}

func keyID(typ, key string) string {
	return fmt.Sprintf("%s-%08x", strings.ToLower(typ), uint32(xxh3.HashString(key)))
}

// notPlaces are CLDR region codes that name organisations or groupings,
// not places: the United Nations, the euro area, the European Union.
var notPlaces = map[string]bool{"UN": true, "EZ": true, "EU": true, "QO": true}

// commonWords are country names CLDR spells like frequent Arabic words:
// مالي is "financial" far more often than Mali, بنين "boys" more than Benin.
// They are left out until the trained recogniser can tell them apart by
// context.
var commonWords = map[string]bool{"مالي": true, "بنين": true}

func loadGazetteer() (*gazetteer, error) {
	g := &gazetteer{byName: map[string]*entry{}, partial: map[string]bool{}}
	add := func(typ, name string, variants []string) {
		k := arabic.NameKey(name)
		e, ok := g.byName[k]
		if !ok {
			e = &entry{id: entityID(typ, name), name: name, typ: typ}
			g.byName[k] = e
			g.entries = append(g.entries, e)
			e.variants = append(e.variants, name)
		}
		for _, v := range variants {
			if v = strings.TrimSpace(v); v != "" {
				e.variants = append(e.variants, v)
			}
		}
	}
	regions := display.Regions(language.Arabic)
	for a := 'A'; a <= 'Z'; a++ {
		for b := 'A'; b <= 'Z'; b++ {
			r, err := language.ParseRegion(string([]rune{a, b}))
			if err != nil || !r.IsCountry() || notPlaces[r.String()] {
				continue
			}
			if name := regions.Name(r); isArabicScript(name) && !commonWords[arabic.NameKey(name)] {
				add(news.LOC, name, nil)
			}
		}
	}
	for n, ln := range strings.Split(gazetteerTSV, "\n") {
		if ln = strings.TrimRight(ln, "\r"); ln == "" || strings.HasPrefix(ln, "#") {
			continue
		}
		f := strings.Split(ln, "\t")
		if len(f) == 2 && f[0] == "PARTIAL" {
			g.partial[arabic.NameKey(f[1])] = true
			continue
		}
		if len(f) < 2 {
			return nil, fmt.Errorf("gazetteer.tsv:%d: want type<TAB>name[<TAB>variants]", n+1)
		}
		var vs []string
		if len(f) > 2 {
			vs = strings.Split(f[2], "|")
		}
		add(f[0], f[1], vs)
	}
	return g, nil
}
