package ner

import (
	"strings"

	"github.com/marsad/marsad/internal/arabic"
)

// A word's context profile is how often, across unlabelled news, it stands
// in the places names of each kind stand: after a title (الرئيس), after an
// organisation head (شركة, وزارة), after a club word (فريق, نادي), before a
// nationality adjective (ارسنال الانجليزي), inside quotation marks (car
// models, stadiums), after a preposition of place, beside a speech verb.
// Arabic has no capital letters, so these are the cues that say "name"
// for a word the training text never had; the model learns from the
// training words' profiles what each cue is worth. Unlike the word-vector
// clusters, which place a word among words, a profile keeps each cue apart
// and counts it even for words seen a few times.

// Profile cues: a cue's number, times 4, plus its band is one byte of a
// profile.
const (
	cueTitle       = iota // a title or office just before: الرئيس X
	cueOrg                // an organisation head just before: وزارة X
	cuePlace              // a place cue just before: مدينة X
	cueMisc               // an event, prize or currency word just before
	cueSayBefore          // a speech verb one or two words before: وقال X
	cueSayAfter           // a speech verb just after: X قال
	cueNationality        // a nationality adjective just after: X الفرنسي
	cueQuote              // an opening quotation mark just before: « X
	cuePreposition        // a preposition of place just before: في X
	cueKin                // بن, ابن, أبو beside it: a person's name
	cueClub               // a team word just before: فريق X
	cueCompany            // a company word just before: شركة X
	numCues
)

// profileMinCount is how often a word must occur in the news to get a
// profile: shares of fewer occurrences are noise.
const profileMinCount = 3

// nationalities are the nationality adjectives (masculine; the feminine
// adds ة) that follow clubs, companies, players and officials.
const nationalities = "الأمريكي الامريكي الأميركي الروسي الفرنسي الألماني البريطاني الإنجليزي الانكليزي الإنكليزي الإيطالي " +
	"الإسباني الصيني الياباني الإيراني العراقي السوري المصري السعودي اللبناني الأردني الفلسطيني الإسرائيلي " +
	"التركي الهندي الباكستاني الأفغاني الكويتي القطري الإماراتي اليمني الليبي التونسي الجزائري المغربي " +
	"السوداني البرازيلي الأرجنتيني البرتغالي الهولندي البلجيكي السويسري السويدي النرويجي الدنماركي " +
	"اليوناني الكوري الأوكراني الاسكتلندي الإسكتلندي النمساوي البولندي الروماني الصربي الكرواتي التشيكي " +
	"المكسيكي الكندي الأسترالي الإثيوبي الصومالي النيجيري الجنوب الإندونيسي الماليزي الفنزويلي الكولومبي " +
	"البحريني العماني الموريتاني الأوروبي الآسيوي الأفريقي"

// profileWords returns the word classes the cues read (search layer).
func profileWords() map[string]int {
	classes := []struct {
		cue   int
		words string
	}{
		{cueNationality, nationalities},
		{cuePreposition, "في من الى إلى عن على مع بين نحو داخل خارج قرب"},
		{cueKin, "بن ابن بنت أبو ابو أبي ابي آل"},
		{cueClub, "فريق الفريق فريقه نادي النادي ناديه منتخب المنتخب لاعب اللاعب مدرب"},
		{cueCompany, "شركة الشركة شركات مجموعة المجموعة مصنع علامة"},
		{cueQuote, "« \" “"},
	}
	m := map[string]int{}
	for _, c := range classes {
		for _, w := range strings.Fields(c.words) {
			k := arabic.Search(w)
			if _, ok := m[k]; !ok {
				m[k] = c.cue
			}
			if c.cue == cueNationality {
				m[k+"ة"] = c.cue
			}
		}
	}
	return m
}

// NewsSentences splits unlabelled news texts into sentences of tokens as
// Mentions does, one document per text, for LearnProfiles. Texts met
// before are skipped: a syndicated story counted once per outlet would
// weigh its words many times.
func NewsSentences(texts []string) [][][]string {
	seen := map[string]bool{}
	var docs [][][]string
	for _, text := range texts {
		if seen[text] {
			continue
		}
		seen[text] = true
		if _, doc := splitSentences(text, []rune(text)); len(doc) > 0 {
			docs = append(docs, doc)
		}
	}
	return docs
}

// LearnProfiles counts every word's cues across news (documents of
// tokenized sentences, as NewsSentences returns) and returns the profile
// of each word (search layer) seen at least profileMinCount times that has
// any cue: one byte per cue, the cue's number times 4 plus its band (1: at
// least 1 % of the word's occurrences, 2: 5 %, 3: 20 %).
func LearnProfiles(news [][][]string) map[string]string {
	triggers := triggerWords()
	words := profileWords()
	type stat struct {
		n    int
		cues [numCues]int
	}
	stats := map[string]*stat{}
	rests := map[string]string{}
	rest := func(s string) string {
		r, ok := rests[s]
		if !ok {
			r = s
			if sp := arabic.CliticSplits(s); len(sp) > 0 {
				r = sp[0][1]
			}
			rests[s] = r
		}
		return r
	}
	trigger := func(s string) string {
		if t := triggers[s]; t != "" {
			return t
		}
		return triggers[rest(s)]
	}
	var ss []string
	for _, doc := range news {
		for _, sent := range doc {
			ss = ss[:0]
			for _, w := range sent {
				ss = append(ss, arabic.Search(w))
			}
			for i, s := range ss {
				if !isClusterable(s) || arabic.IsStopword(s) {
					continue
				}
				st := stats[s]
				if st == nil {
					st = new(stat)
					stats[s] = st
				}
				st.n++
				if i > 0 {
					p := ss[i-1]
					switch trigger(p) {
					case "title":
						st.cues[cueTitle]++
					case "org":
						st.cues[cueOrg]++
					case "place":
						st.cues[cuePlace]++
					case "misc", "currency":
						st.cues[cueMisc]++
					case "say":
						st.cues[cueSayBefore]++
					}
					if c, ok := words[p]; ok && c != cueNationality {
						st.cues[c]++
					}
				}
				if i > 1 && trigger(ss[i-2]) == "say" {
					st.cues[cueSayBefore]++
				}
				if i+1 < len(ss) {
					n := ss[i+1]
					if trigger(n) == "say" {
						st.cues[cueSayAfter]++
					}
					if c, ok := words[n]; ok && (c == cueNationality || c == cueKin) {
						st.cues[c]++
					}
				}
			}
		}
	}
	out := map[string]string{}
	var b []byte
	for s, st := range stats {
		if st.n < profileMinCount {
			continue
		}
		b = b[:0]
		for c, x := range st.cues {
			band := byte(0)
			switch {
			case 5*x >= st.n:
				band = 3
			case 20*x >= st.n:
				band = 2
			case 100*x >= st.n:
				band = 1
			}
			if band > 0 {
				b = append(b, byte(c)*4+band)
			}
		}
		if len(b) > 0 {
			out[s] = string(b)
		}
	}
	return out
}
