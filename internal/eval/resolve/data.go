// Package resolve scores identity resolution: whether every spelling Arabic
// outlets use for one entity (بوتين، بوتن، وبوتين، فلاديمير بوتين) gets one
// id, and whether names that merely look or sound alike (كورسك and كوريا,
// حماس and حمص) keep different ones.
//
// It owns the variant and near-miss test sets' format, the sentence frames
// spellings are scored in, and the pairwise measures. The recogniser it
// scores is passed in as an interface, so it imports no stage of ours: the
// gazetteer recogniser alone, or the whole analysis with the tagger, are
// scored the same way. It reads only what it is given and writes nowhere.
package resolve

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/marsad/marsad/news"
)

// Entity is one real-world entity and the spellings outlets use for it.
type Entity struct {
	Type  string // PER, LOC or ORG
	Label string // display name for reports; also the first spelling
	// Spellings are every form of the name, Label first, each in the
	// sentence it is scored in.
	Spellings []Spelling
}

// Spelling is one written form of a name in the sentence it is scored in.
type Spelling struct {
	Text       string // the name as written, clitics included (وبوتين)
	Sentence   string // the sentence holding it
	Start, End int    // rune offsets of Text in Sentence
}

// NearMiss is a pair of names of different entities that look or sound
// alike; a resolver must never give them one id.
type NearMiss struct {
	TypeA, TypeB string
	A, B         Spelling
	Why          string
}

// Set is a test set: entities with their spellings, and near-miss pairs.
type Set struct {
	Entities   []Entity
	NearMisses []NearMiss
}

// frames put a bare name in a short news sentence for its type, so the
// recogniser sees it the way articles use it: a person as the speaker of
// reported speech, a place after في, an organisation as the subject of
// أعلنت. A spelling written as a sentence with the name in [brackets]
// (clitic-attached forms: "التقى ترامب [وبوتين] في ألاسكا") keeps its own
// sentence instead.
var frames = map[string][2]string{
	news.PER: {"قال ", " إن المحادثات كانت مثمرة."},
	news.LOC: {"وقع الحادث في ", " صباح اليوم."},
	news.ORG: {"أعلنت ", " في بيان اليوم أنها ستواصل العمل."},
}

// place makes the Spelling for s: s in its type's frame, or s's own
// sentence when it marks the name with brackets.
func place(typ, s string) (Spelling, error) {
	if i := strings.Index(s, "["); i >= 0 {
		j := strings.Index(s, "]")
		if j < i {
			return Spelling{}, fmt.Errorf("unbalanced brackets in %q", s)
		}
		pre, name, post := s[:i], s[i+1:j], s[j+1:]
		start := len([]rune(pre))
		return Spelling{Text: name, Sentence: pre + name + post, Start: start, End: start + len([]rune(name))}, nil
	}
	f, ok := frames[typ]
	if !ok {
		return Spelling{}, fmt.Errorf("no sentence frame for type %q", typ)
	}
	start := len([]rune(f[0]))
	return Spelling{Text: s, Sentence: f[0] + s + f[1], Start: start, End: start + len([]rune(s))}, nil
}

// Load reads a test set from its variant and near-miss files (see
// testdata/variants.tsv and testdata/nearmiss.tsv for the format).
func Load(variantsPath, nearMissPath string) (Set, error) {
	var s Set
	err := eachRecord(variantsPath, func(f []string) error {
		if len(f) != 3 {
			return fmt.Errorf("want type<TAB>label<TAB>spellings, got %d fields", len(f))
		}
		e := Entity{Type: f[0], Label: f[1]}
		for _, v := range append([]string{f[1]}, strings.Split(f[2], "|")...) {
			if v = strings.TrimSpace(v); v == "" {
				continue
			}
			sp, err := place(e.Type, v)
			if err != nil {
				return err
			}
			e.Spellings = append(e.Spellings, sp)
		}
		s.Entities = append(s.Entities, e)
		return nil
	})
	if err != nil {
		return Set{}, err
	}
	err = eachRecord(nearMissPath, func(f []string) error {
		if len(f) < 4 {
			return fmt.Errorf("want typeA<TAB>nameA<TAB>typeB<TAB>nameB[<TAB>why], got %d fields", len(f))
		}
		a, err := place(f[0], f[1])
		if err != nil {
			return err
		}
		b, err := place(f[2], f[3])
		if err != nil {
			return err
		}
		nm := NearMiss{TypeA: f[0], A: a, TypeB: f[2], B: b}
		if len(f) > 4 {
			nm.Why = f[4]
		}
		s.NearMisses = append(s.NearMisses, nm)
		return nil
	})
	if err != nil {
		return Set{}, err
	}
	return s, s.check()
}

// check rejects a set that gives one spelling to two entities: its pairs
// would count against any resolver.
func (s Set) check() error {
	owner := map[string]string{}
	for _, e := range s.Entities {
		for _, sp := range e.Spellings {
			if o, ok := owner[sp.Text]; ok && o != e.Label {
				return fmt.Errorf("spelling %q listed under both %q and %q", sp.Text, o, e.Label)
			}
			owner[sp.Text] = e.Label
		}
	}
	return nil
}

// eachRecord calls fn with the tab-separated fields of every line of path
// that is neither blank nor a # comment.
func eachRecord(path string, fn func([]string) error) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("read resolution test set: %w", err)
	}
	defer f.Close()
	return records(f, path, fn)
}

func records(r io.Reader, name string, fn func([]string) error) error {
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		ln := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(ln) == "" || strings.HasPrefix(ln, "#") {
			continue
		}
		if err := fn(strings.Split(ln, "\t")); err != nil {
			return fmt.Errorf("%s:%d: %w", name, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read %s: %w", name, err)
	}
	return nil
}
