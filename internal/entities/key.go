package entities

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/marsad/marsad/internal/arabic"
)

// Transliteration keys. A foreign name reaches Arabic through many hands,
// and the spellings differ in ways an Arabic name's do not: vowel letters
// written or left out (ميرتس، مرتس; بلينكن، بلنكن), g written غ or ج
// (غوتيريش، جوتيريش), s written س or ز (شولتس، شولتز), t written ت or ط
// (تهران، طهران), and words run together or apart (بيونغ يانغ،
// بيونغيانغ). looseKey folds those differences away so the spellings of a
// transliterated name key one identity.
//
// The folds are unsafe for Arabic words, whose vowel letters tell
// different names apart (محمد، محمود; سلمان، سليمان; باريس، بيريس;
// الشارقة، الشرقية), so they are guarded. A word in the list of common
// Arabic given names keeps its name key. Otherwise a word is folded only
// when it carries enough consonants to stay distinct without its vowels:
// minNameConsonants in a name of two or more words, where every word must
// line up, minWordConsonants in a name of one word. Short keys match
// exactly.

// Consonant letters (see consonants) a word needs before its vowel letters
// are dropped and its letters folded by looseLetter. A lone word needs
// more: with three, فريد is فورد, باريس is بيريس and مبارك is مبروك.
// Folding needs four even in a longer name: with three, غزة and جيزة would
// share جزه.
const (
	minNameConsonants = 3
	minWordConsonants = 4
	minFoldConsonants = 4
)

// looseMark opens every folded word of a loose key.
const looseMark = "~"

// looseLetter folds the letters transliterations of one foreign sound
// confuse: g (غ ج), k (ق ك), s (ز ص س), t (ط ت), d (ض د). The groups are
// narrower than arabic.Phonetic's classes: ج/ك and ج/ق tell common Arabic
// names apart (جمال، كمال; جاسم، قاسم).
func looseLetter(r rune) rune {
	switch r {
	case 'غ':
		return 'ج'
	case 'ق':
		return 'ك'
	case 'ز', 'ص':
		return 'س'
	case 'ط':
		return 'ت'
	case 'ض':
		return 'د'
	}
	return r
}

// isVowelLetter reports the letters Arabic writes long vowels with, which
// transliterations of the same name write or leave out at will.
func isVowelLetter(r rune) bool { return r == 'ا' || r == 'و' || r == 'ي' }

// looseKey returns the transliteration key of a name key: the loose form
// of each word (see looseWord), run together with no space between them,
// so a name of Arabic words keys as its name key with the spaces taken out
// (عبد الفتاح، عبدالفتاح) and the بن of its nasab left out but for the last
// (see dropLinks). Each word is folded on its own: a vowel letter
// missing in one word is not made up by the next (حسبي الله is not حزب
// الله).
func looseKey(nameKey string) string {
	ws := splitCompounds(dropLinks(strings.Fields(nameKey)))
	min := minNameConsonants
	if len(ws) == 1 {
		min = minWordConsonants
	}
	var b strings.Builder
	for _, w := range ws {
		b.WriteString(looseWord(w, min))
	}
	return b.String()
}

// dropLinks takes out the بن (ابن، بنت) of a nasab, which outlets write
// or leave out at will (عبدالله بن محمد الزهراني، عبدالله محمد الزهراني),
// except the one before the last name: it says the name ends on a father
// (فهد بن سلطان), not on a family name (فهد سلطان), and those are
// different men. A compound (عبد العزيز) or a house (آل سعود) is one name.
func dropLinks(ws []string) []string {
	last := len(ws) - 1
	if n := len(ws); n >= 3 && (joinsNext(ws[n-2], ws[n-1]) || ws[n-2] == "ال") {
		last = n - 2
	}
	out := ws[:0:0]
	for i, w := range ws {
		if i > 0 && i < last-1 && isLink(w) {
			continue
		}
		out = append(out, w)
	}
	return out
}

// compoundHeads open a compound name and compoundTails close one: عبد and
// أبو before a name (عبدالفتاح، أبوظبي), الله and الدين after one
// (نصرالله، بدرالدين).
var (
	compoundHeads = [...]string{"عبد", "ابو"}
	compoundTails = [...]string{"الله", "الدين"}
)

// joinsNext reports whether w and next, written apart, are one compound
// name.
func joinsNext(w, next string) bool {
	return slices.Contains(compoundHeads[:], w) || slices.Contains(compoundTails[:], next)
}

// splitCompounds writes compound names as two words, as outlets write
// them both ways: عبد and أبو before a name (عبدالفتاح، أبوظبي), الله and
// الدين after one (نصرالله، بدرالدين). A final يي, which is يحيى's ى in
// the name key, is written once (يحيى، يحي).
func splitCompounds(ws []string) []string {
	var out []string
	for _, w := range ws {
		if strings.HasSuffix(w, "يي") && utf8.RuneCountInString(w) > 3 {
			w = strings.TrimSuffix(w, "ي")
		}
		split := false
		for _, p := range compoundHeads {
			if rest, ok := strings.CutPrefix(w, p); ok && utf8.RuneCountInString(rest) >= 3 {
				out, split = append(out, p, rest), true
				break
			}
		}
		for _, s := range compoundTails {
			if head, ok := strings.CutSuffix(w, s); !split && ok && utf8.RuneCountInString(head) >= 2 {
				out, split = append(out, head, s), true
				break
			}
		}
		if !split {
			out = append(out, w)
		}
	}
	return out
}

// joinCompounds writes as one word the compounds splitCompounds wrote as
// two (عبد العزيز, نصر الله), so names compare however they were spaced.
func joinCompounds(ws []string) []string {
	out := make([]string, 0, len(ws))
	for i := 0; i < len(ws); i++ {
		w := ws[i]
		if i+1 < len(ws) && joinsNext(w, ws[i+1]) {
			w += ws[i+1]
			i++
		}
		out = append(out, w)
	}
	return out
}

// nameUnits are the names a name is made of, compounds one word however
// they were spaced and a final يي written once: the form in which names
// are compared word by word.
func nameUnits(name string) []string {
	return joinCompounds(splitCompounds(strings.Fields(arabic.NameKey(name))))
}

// isLink reports the words that join a name to its father's.
func isLink(w string) bool { return w == "بن" || w == "بنت" || w == "ابن" }

// commonNamePart reports the name-key words shared by too many names and
// phrases to tell one from another: the links of a nasab, the halves of
// compounds (عبد، أبو، الله، الدين), a lone article and أم.
func commonNamePart(w string) bool {
	return isLink(w) || slices.Contains(compoundHeads[:], w) || slices.Contains(compoundTails[:], w) || w == "ال" || w == "ام"
}

// looseWord is a word's loose form: as written when it is a common Arabic
// given name or has fewer than min consonants (an article word needs
// minWordConsonants); else looseMark, its article, the first letter of the
// rest, then the other letters with vowel letters
// dropped (except a final one: كوريا is not كور), all folded by looseLetter
// when there are minFoldConsonants consonants.
func looseWord(w string, min int) string {
	if arabicGiven[w] {
		return w
	}
	article, base := "", w
	if rest, cut := strings.CutPrefix(w, "ال"); cut && utf8.RuneCountInString(rest) >= 3 {
		article, base = "ال", rest
	}
	if article != "" {
		// An Arabic family name or nisba (العامري، العمري; السالمي،
		// السلمي) far more often than a foreign name: it needs as many
		// consonants as a lone word.
		min = max(min, minWordConsonants)
	}
	rs := []rune(base)
	n := consonants(rs)
	if arabicGiven[base] || n < min {
		return w
	}
	// وا at the end is an Arabic spelling habit (the alef after a plural
	// waw) carried over to names: موسكوا, رونالدوا.
	if len(rs) > 3 && rs[len(rs)-1] == 'ا' && rs[len(rs)-2] == 'و' {
		rs = rs[:len(rs)-1]
	}
	fold := func(r rune) rune { return r }
	if n >= minFoldConsonants {
		fold = looseLetter
	}
	// The mark keeps a folded word from keying as an Arabic word written
	// that way (بندار folds to بندر, which is another name).
	out := []rune(looseMark + article)
	out = append(out, fold(rs[0]))
	for i, r := range rs[1:] {
		if isVowelLetter(r) && i+1 < len(rs)-1 {
			continue
		}
		out = append(out, fold(r))
	}
	return string(out)
}

// consonants counts the letters of a word that are not vowel letters, its
// first letter always counted (وليد، ياسين open on a consonant) and a
// final ه not counted: it is most often the feminine ending ة.
func consonants(rs []rune) int {
	n := 0
	for i, r := range rs {
		if i == len(rs)-1 && r == 'ه' && i > 0 {
			break
		}
		if i == 0 || !isVowelLetter(r) {
			n++
		}
	}
	return n
}

// arabicGiven are common Arabic given names and name particles, in name-key
// form. Their spellings are fixed by Arabic orthography and their vowel
// letters tell different names apart (محمد، محمود، حامد; سلمان، سليمان;
// سعد، سعيد، سعود), so looseWord leaves them as they are. Family names
// built on them (الحامد، السعيد) are covered too: the article is taken off
// before the lookup.
var arabicGiven = wordSet(`
	محمد محمود احمد حامد حمد حميد حمود حمدي محمدي احمدي
	سعد سعيد سعود مسعود مساعد سعدي
	علي عالي عليان عوض عياد عواد
	عمر عمار عامر عمير عمران معمر
	خالد خلود خليل خليفه
	سلمان سليمان سالم سليم مسلم سلامه سلام اسلام
	حسن حسين حسان حسني محسن احسان
	جمال جميل جميله كمال كامل
	فهد فهيد فيصل فيصال
	ناصر نصر نصير منصور ناصري
	عبد عبدالله عبدالعزيز عبدالرحمن عبدالكريم عبدالمجيد عبدالملك
	ابو ابن بن بنت ال ام
	ابراهيم اسماعيل اسحاق يعقوب يوسف يونس موسي عيسي هارون داود سليمان
	مصطفي مرتضي مجتبي يحيي زكريا
	طارق طلال طلعت طاهر
	ماجد مجيد مجدي امجد
	راشد رشيد رشدي مرشد
	صالح صلاح مصلح اصلح
	زايد زياد زيد يزيد مزيد
	سامي سامر سمير اسامه
	كريم اكرم كرم مكرم
	نبيل نبيه نجيب نجاح نجم
	وليد وائل واصل وسام وديع وجدي وحيد وجيه وفاء وداد ولاء وهيب وصفي وضاح وصال وئام
	منير منيره امير اميره
	مبارك مرزوق مختار منصور مسعود مشعل مقرن متعب مطلق مفلح
	الله الرحمن الرحيم الدين
	هاني هناء هاشم هشام
	رياض رضا رضوان
	شريف اشرف مشرف
	عادل عدنان عدلي
	فاطمه فاطم عائشه مريم زينب خديجه نور نوره هدي
	تركي متعب مشعل منصور بندر سلطان نايف مقرن
	حمدان حمادي حماد
	عثمان عثمن
	جاسم قاسم قسيم
	بشار بشير بشري مبشر
	ياسر ياسين يسري
	رامي رامز مرام
	غازي غانم غنيم
	جعفر جابر جبير
	مهدي هادي هدي
	شادي شاده
`)

// givenApart reports whether a and b, name-key words, differ and either is
// an Arabic given name: then their spellings are what tells them apart,
// whatever their skeletons (سالم، سلمان، سلام are all SLM).
func givenApart(a, b string) bool {
	return a != b && (arabicGiven[a] || arabicGiven[b])
}

// wordSet makes a set of the name keys of the words in s.
func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[arabic.NameKey(w)] = true
	}
	return m
}
