package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/marsad/marsad/internal/arabic"
)

// Families are sets of feature templates, switched on and off together so
// their worth can be measured (see the ablation test). The set a model was
// trained with is stored in it and used again when it tags.
type Families uint16

// Feature families.
const (
	Word      Families = 1 << iota // the word and its search-layer form
	Clitic                         // every clitic-stripped form, and the stripped prefix
	Affix                          // leading and trailing 1–4 letters of the search form and of the stripped form
	Shape                          // digits, Latin, punctuation, length, stop word, sentence edge
	Context                        // words ±2, their stripped forms and affixes, word bigrams
	Trigger                        // titles, organisation heads, place cues, speech verbs nearby
	Gazetteer                      // CLDR region names and names learned from training data
	Cluster                        // distributional word clusters learned without labels
	Document                       // a first pass's tags of this word, and of its other occurrences nearby (two passes)
	Lexicon                        // how often each form of the word (and of its neighbours) carried each tag in training
	Embedding                      // clusters of word vectors learned without labels (skip-gram)
	Profile                        // where the word stands in unlabelled news: after titles, before nationality adjectives ...

	AllFamilies = Word | Clitic | Affix | Shape | Context | Trigger | Gazetteer | Cluster | Document | Lexicon | Embedding | Profile
)

var familyNames = []struct {
	f    Families
	name string
}{
	{Word, "word"}, {Clitic, "clitic"}, {Affix, "affix"}, {Shape, "shape"},
	{Context, "context"}, {Trigger, "trigger"}, {Gazetteer, "gazetteer"}, {Cluster, "cluster"},
	{Document, "document"}, {Lexicon, "lexicon"}, {Embedding, "embedding"}, {Profile, "profile"},
}

// String lists the families in f, joined by "+".
func (f Families) String() string {
	var parts []string
	for _, n := range familyNames {
		if f&n.f != 0 {
			parts = append(parts, n.name)
		}
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, "+")
}

// Feature templates. Each feature is the hash of its template and its
// values; the numbers are part of the model, so only ever append.
const (
	tBias uint8 = iota
	tWord
	tRaw
	tRest
	tCliticPrefix
	tPrefix
	tSuffix
	tRestPrefix
	tRestSuffix
	tShape
	tLength
	tStop
	tEdge
	tWordAt   // + position: neighbouring word
	tRestAt   // + position: neighbouring stripped form
	tBigram   // + position
	tSuffixAt // + position
	tPrefixAt // + position
	tShapeAt  // + position
	tTriggerAt
	tGaz
	tGazAt
	tCluster
	tClusterAt
	tFirstAt // + position: the first pass's tag
	tDocWord // + kind: tags of the word's other occurrences nearby
	tDocName // names the first pass found nearby, matched here
	tLex     // + form kind and band: tags the word's forms carried in training
	tLexAt   // + position: a neighbour's commonest tag in training
	tVec     // + prefix length: the word's vector cluster
	tVecAt   // + position and prefix length: a neighbour's vector cluster
	tProfile // + cue and band: the word's context profile in unlabelled news
)

// token is what the templates read about one word, computed once per word.
type token struct {
	raw, s   string // original and search layer
	rest     string // search layer with the longest clitic prefix stripped
	stem     string // light stem (Lexicon family only)
	prefix   string // that prefix
	splits   [][2]string
	shape    string
	trigger  string
	cluster  string
	vcluster string // path of the word's vector in the tree of vector clusters
	profile  string // the word's context profile (profile.go)
	stopword bool
}

// pad stands for the words before the first and after the last.
var padBefore, padAfter = token{raw: "<s>", s: "<s>", rest: "<s>", shape: "<s>"}, token{raw: "</s>", s: "</s>", rest: "</s>", shape: "</s>"}

// featurizer turns sentences into feature hashes. It holds only read-only
// tables.
type featurizer struct {
	fam       Families
	triggers  map[string]string
	clusters  map[string]string
	vclusters map[string]string
	profiles  map[string]string
}

func newFeaturizer(fam Families, clusters, vclusters, profiles map[string]string) *featurizer {
	return &featurizer{fam: fam, triggers: triggerWords(), clusters: clusters, vclusters: vclusters, profiles: profiles}
}

// tokens computes the per-word facts the templates read.
func (fz *featurizer) tokens(words []string) []token {
	toks := make([]token, len(words))
	for i, w := range words {
		t := &toks[i]
		t.raw = w
		t.s = arabic.Search(w)
		t.rest = t.s
		if fz.fam&(Clitic|Affix|Context|Trigger|Gazetteer|Cluster) != 0 {
			t.splits = arabic.CliticSplits(t.s)
			if len(t.splits) > 0 {
				t.prefix, t.rest = t.splits[0][0], t.splits[0][1]
			}
		}
		if fz.fam&Lexicon != 0 {
			t.stem = arabic.Stem(t.s)
		}
		t.shape = shapeOf(w)
		t.stopword = arabic.IsStopword(t.s)
		if fz.fam&Trigger != 0 {
			t.trigger = fz.triggers[t.s]
			if t.trigger == "" {
				t.trigger = fz.triggers[t.rest]
			}
		}
		if fz.fam&Cluster != 0 && fz.clusters != nil {
			t.cluster = fz.clusters[t.s]
			if t.cluster == "" {
				t.cluster = fz.clusters[t.rest]
			}
		}
		if fz.fam&Embedding != 0 && fz.vclusters != nil {
			t.vcluster = fz.vclusters[t.s]
			if t.vcluster == "" {
				t.vcluster = fz.vclusters[t.rest]
			}
		}
		if fz.fam&Profile != 0 && fz.profiles != nil {
			var ok bool
			if t.profile, ok = fz.profiles[t.s]; !ok {
				t.profile = fz.profiles[t.rest]
			}
		}
	}
	// "المتحدث باسم" (the spokesman of) opens an organisation, not a person.
	for i := 1; i < len(toks); i++ {
		if toks[i].s == "باسم" && toks[i-1].rest == "متحدث" {
			toks[i].trigger = "spokes"
		}
	}
	return toks
}

// sentence appends the feature hashes of every word to buf; word i owns
// buf[offs[i]:offs[i+1]]. gaz holds the gazetteer labels of each word (nil
// for none), lex the tags words carried in training (nil for none), doc the
// document features of each word (nil for none).
func (fz *featurizer) sentence(toks []token, gaz [][]string, lex *lexicon, doc [][]uint64, buf []uint64, offs []int) ([]uint64, []int) {
	var lexTag []int8 // each word's commonest tag in training, -1 if none
	if fz.fam&Lexicon != 0 && lex != nil {
		lexTag = make([]int8, len(toks))
		for i := range toks {
			lexTag[i] = -1
			if tag, ok := lex.majority(&toks[i]); ok {
				lexTag[i] = int8(tag)
			}
		}
	}
	at := func(i int) *token {
		switch {
		case i < 0:
			return &padBefore
		case i >= len(toks):
			return &padAfter
		}
		return &toks[i]
	}
	offs = append(offs[:0], len(buf))
	for i := range toks {
		t := &toks[i]
		buf = append(buf, hash(tBias, 0, ""))
		if fz.fam&Word != 0 {
			buf = append(buf, hash(tWord, 0, t.s))
			if t.raw != t.s {
				buf = append(buf, hash(tRaw, 0, t.raw))
			}
		}
		if fz.fam&Clitic != 0 {
			for _, sp := range t.splits {
				buf = append(buf, hash(tRest, 0, sp[1]))
			}
			buf = append(buf, hash(tCliticPrefix, 0, t.prefix))
		}
		if fz.fam&Affix != 0 {
			for k := 1; k <= 4; k++ {
				if p, ok := runePrefix(t.s, k); ok {
					buf = append(buf, hash(tPrefix, byte(k), p))
				}
				if s, ok := runeSuffix(t.s, k); ok {
					buf = append(buf, hash(tSuffix, byte(k), s))
				}
				if t.rest != t.s {
					if p, ok := runePrefix(t.rest, k); ok {
						buf = append(buf, hash(tRestPrefix, byte(k), p))
					}
					if s, ok := runeSuffix(t.rest, k); ok {
						buf = append(buf, hash(tRestSuffix, byte(k), s))
					}
				}
			}
		}
		if fz.fam&Shape != 0 {
			buf = append(buf, hash(tShape, 0, t.shape))
			buf = append(buf, hash(tLength, byte(min(utf8.RuneCountInString(t.s), 9)), ""))
			if t.stopword {
				buf = append(buf, hash(tStop, 0, ""))
			}
			if i == 0 {
				buf = append(buf, hash(tEdge, 0, ""))
			}
			if i == len(toks)-1 {
				buf = append(buf, hash(tEdge, 1, ""))
			}
		}
		if fz.fam&Context != 0 {
			for _, d := range [...]int{-2, -1, 1, 2} {
				n := at(i + d)
				pos := byte(d + 2)
				buf = append(buf, hash(tWordAt, pos, n.s))
				if d == -1 || d == 1 {
					buf = append(buf, hash(tRestAt, pos, n.rest))
					buf = append(buf, hash(tShapeAt, pos, n.shape))
					for k := 1; k <= 3; k++ {
						if s, ok := runeSuffix(n.rest, k); ok {
							buf = append(buf, hash(tSuffixAt, pos*4+byte(k), s))
						}
					}
					if p, ok := runePrefix(n.s, 2); ok {
						buf = append(buf, hash(tPrefixAt, pos, p))
					}
				}
			}
			buf = append(buf, hash2(tBigram, 1, at(i-1).s, t.s))
			buf = append(buf, hash2(tBigram, 3, t.s, at(i+1).s))
		}
		if fz.fam&Trigger != 0 {
			for _, d := range [...]int{-2, -1, 0, 1} {
				if n := at(i + d); n.trigger != "" {
					buf = append(buf, hash(tTriggerAt, byte(d+2), n.trigger))
				}
			}
		}
		if fz.fam&Gazetteer != 0 && gaz != nil {
			for _, g := range gaz[i] {
				buf = append(buf, hash(tGaz, 0, g))
			}
			if i > 0 {
				for _, g := range gaz[i-1] {
					buf = append(buf, hash(tGazAt, 1, g))
				}
			}
			if i+1 < len(toks) {
				for _, g := range gaz[i+1] {
					buf = append(buf, hash(tGazAt, 3, g))
				}
			}
		}
		if fz.fam&Cluster != 0 {
			// The whole path and three prefixes: coarser clusters speak for
			// words whose own cluster was too rarely seen in training.
			// (Every odd prefix, ±2 and cluster bigrams were tried too:
			// they lost 0.006 F1 across three held-out folds.)
			if c := t.cluster; c != "" {
				for _, k := range [...]int{4, 8, 12} {
					if k < len(c) {
						buf = append(buf, hash(tCluster, byte(k), c[:k]))
					}
				}
				buf = append(buf, hash(tCluster, 0, c))
			}

			for _, d := range [...]int{-1, 1} {
				if c := at(i + d).cluster; c != "" {
					buf = append(buf, hash(tClusterAt, byte(d+2), c))
					if len(c) > 6 {
						buf = append(buf, hash(tClusterAt, byte(d+2)+8, c[:6]))
					}
				}
			}
		}
		if fz.fam&Embedding != 0 {
			if c := t.vcluster; c != "" {
				for _, k := range [...]int{4, 6, 8, 10, 12} {
					if k < len(c) {
						buf = append(buf, hash(tVec, byte(k), c[:k]))
					}
				}
				buf = append(buf, hash(tVec, 0, c))
			}
			for _, d := range [...]int{-1, 1} {
				if c := at(i + d).vcluster; c != "" {
					buf = append(buf, hash(tVecAt, byte(d+2), c))
					if len(c) > 6 {
						buf = append(buf, hash(tVecAt, byte(d+2)+8, c[:6]))
					}
				}
			}
		}
		if fz.fam&Profile != 0 {
			for k := 0; k < len(t.profile); k++ {
				buf = append(buf, hash(tProfile, t.profile[k], ""))
			}
		}
		if fz.fam&Lexicon != 0 && lex != nil {
			buf = lex.features(buf, t)
			for _, d := range [...]int{-1, 1} {
				if j := i + d; j >= 0 && j < len(toks) && lexTag[j] >= 0 {
					buf = append(buf, hash(tLexAt, byte(d+2), tagNames[lexTag[j]]))
				}
			}
		}
		if doc != nil {
			buf = append(buf, doc[i]...)
		}
		offs = append(offs, len(buf))
	}
	return buf, offs
}

// shapeOf classes a word by its characters: digits, Latin, Arabic,
// punctuation, or a mix.
func shapeOf(w string) string {
	var digit, latin, arab, other bool
	for _, r := range w {
		switch {
		case unicode.IsDigit(r):
			digit = true
		case r < 0x250 && unicode.IsLetter(r):
			latin = true
		case unicode.Is(unicode.Arabic, r) && unicode.IsLetter(r):
			arab = true
		default:
			other = true
		}
	}
	switch {
	case digit && !latin && !arab:
		return "digits"
	case latin && !arab && !digit:
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			return "Latin"
		}
		return "latin"
	case arab && !latin && !digit:
		if other {
			return "arabic+"
		}
		return "arabic"
	case !digit && !latin && !arab:
		return "punct"
	}
	return "mixed"
}

// runePrefix returns the first k runes of s, and false when s is shorter.
func runePrefix(s string, k int) (string, bool) {
	i := 0
	for n := 0; n < k; n++ {
		if i >= len(s) {
			return "", false
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i], true
}

// runeSuffix returns the last k runes of s, and false when s is shorter.
func runeSuffix(s string, k int) (string, bool) {
	i := len(s)
	for n := 0; n < k; n++ {
		if i <= 0 {
			return "", false
		}
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return s[i:], true
}

// FNV-1a, 64 bits, then a finalizer so nearby inputs land far apart.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hash(tmpl, arg uint8, s string) uint64 {
	h := uint64(fnvOffset)
	h = (h ^ uint64(tmpl)) * fnvPrime
	h = (h ^ uint64(arg)) * fnvPrime
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * fnvPrime
	}
	return mix(h)
}

func hash2(tmpl, arg uint8, a, b string) uint64 {
	h := uint64(fnvOffset)
	h = (h ^ uint64(tmpl)) * fnvPrime
	h = (h ^ uint64(arg)) * fnvPrime
	for i := 0; i < len(a); i++ {
		h = (h ^ uint64(a[i])) * fnvPrime
	}
	h = (h ^ 0xff) * fnvPrime // 0xff never occurs in UTF-8: a|b ≠ ab|
	for i := 0; i < len(b); i++ {
		h = (h ^ uint64(b[i])) * fnvPrime
	}
	return mix(h)
}

// mix is splitmix64's finalizer.
func mix(h uint64) uint64 {
	h ^= h >> 30
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 27
	h *= 0x94d049bb133111eb
	h ^= h >> 31
	return h
}

// triggerWords maps words (search layer, clitics stripped) that announce or
// head a name to their class. The model learns each class's weight; the
// class lets one title seen in training speak for the others.
func triggerWords() map[string]string {
	classes := []struct{ class, words string }{
		// Titles: a person follows.
		{"title", "الرئيس رئيس الزعيم زعيم وزير الوزير المتحدث الناطق الملك الملكة الأمير الأميرة الشيخ الشيخة السيد السيدة " +
			"الدكتور الجنرال العقيد اللواء العميد المستشار المستشارة السفير النائب السيناتور البابا الإمام المرشد العاهل " +
			"المبعوث المندوب القائد قائد الحاكم حاكم المدير مدير نائب الأمين رئيسة الرئيسة الكاتب المخرج المدرب اللاعب الفنان الممثل الممثلة الأستاذ"},
		// Organisation heads: an organisation starts here or follows.
		{"org", "وزارة وكالة حزب شركة جامعة مجلس هيئة منظمة حركة جمعية اتحاد بنك مصرف صندوق لجنة جبهة مؤسسة معهد مركز محكمة " +
			"نادي منتخب صحيفة جريدة مجلة قناة إذاعة تلفزيون جيش الجيش الحزب الشركة المنظمة الوكالة الجامعة المجلس الهيئة الحركة الاتحاد البنك المحكمة النادي"},
		// Currencies are MISC in ANERcorp.
		{"currency", "دولار الدولار دولارا دولارات درهم الدرهم دراهم جنيه الجنيه جنيهات يورو اليورو شيكل الشيكل ريال الريال ريالات " +
			"دينار الدينار دنانير ين الين يوان اليوان روبل الروبل ليرة الليرة فرنك الفرنك استرليني الإسترليني روبية الروبية"},
		// Religions, holy books and events: MISC too.
		{"misc", "الإسلام الاسلام المسيحية اليهودية البوذية القرآن الإنجيل التوراة " +
			"بطولة البطولة كأس مونديال المونديال أولمبياد الأولمبياد دورة الدورة مهرجان المهرجان معرض المعرض جائزة حرب الحرب"},
		// Place cues: a place follows.
		{"place", "مدينة المدينة منطقة المنطقة العاصمة محافظة ولاية جزيرة إقليم بلدة قرية مقاطعة دولة جمهورية مملكة إمارة " +
			"بحر نهر جبل ضواحي مخيم ميناء مطار شمال جنوب شرق غرب وسط حي"},
		// Speech verbs: a speaker often follows or precedes.
		{"say", "قال وقال أعلن صرح أكد أضاف أوضح ذكر أشار اعتبر تابع"},
	}
	m := map[string]string{}
	for _, c := range classes { // in order: the first class named wins
		for _, w := range strings.Fields(c.words) {
			if k := arabic.Search(w); m[k] == "" {
				m[k] = c.class
			}
		}
	}
	return m
}
