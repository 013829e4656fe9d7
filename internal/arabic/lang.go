package arabic

import (
	"strings"
	"unicode"

	"github.com/abadojack/whatlanggo"
)

// Letters only Persian (and Urdu) writing uses; ی and ک also turn up in
// Arabic typed on a Persian keyboard, so they weigh less.
func persianLetterWeight(r rune) float64 {
	switch r {
	case peh, tcheh, jeh, gaf:
		return 1
	case farsiYeh, keheh, zwnj:
		return 0.5
	}
	return 0
}

// isUrduLetter reports letters of Urdu that Persian does not use.
func isUrduLetter(r rune) bool {
	switch r {
	case 'ٹ', 'ڈ', 'ڑ', 'ں', yehBarree, hehGoal, hehDoachashmee:
		return true
	}
	return false
}

// persianWords are frequent Persian function words, as written (with ی and
// ک, not their Arabic look-alikes); این with Arabic ي is Arabic أين.
var persianWords = map[string]bool{
	"است": true, "این": true, "را": true, "که": true, "می": true, "های": true, "برای": true, "از": true,
	"با": true, "در": true, "آن": true, "یک": true, "شد": true, "بود": true, "خواهد": true, "هم": true,
	"تا": true, "به": true, "ما": false, "شده": true, "کرد": true, "نیز": true, "بر": true,
}

// sharedWords are Persian function words that are also everyday Arabic
// words (به "with it", هم "they", تا, بر, در): alone, without a letter only
// Persian uses, they say nothing about the language.
var sharedWords = map[string]bool{"به": true, "هم": true, "تا": true, "بر": true, "در": true, "با": true}

// urduWords are frequent Urdu function words.
var urduWords = map[string]bool{
	"ہے": true, "کے": true, "میں": true, "کی": true, "کا": true, "ہیں": true, "نے": true, "کو": true,
	"سے": true, "اور": true, "پر": true, "یہ": true, "تھا": true,
}

// arabicWords are frequent Arabic function words in the search layer, the
// counter-evidence when a line has a Persian letter or two.
var arabicWords = map[string]bool{
	"في": true, "من": true, "علي": true, "الي": true, "عن": true, "ان": true, "التي": true, "الذي": true,
	"مع": true, "هذا": true, "هذه": true, "قال": true, "كان": true, "لم": true, "لا": true, "او": true,
	"بين": true, "بعد": true, "منذ": true, "حيث": true, "وقال": true, "الذين": true, "كما": true,
}

// latinLangs are the languages of Latin script whatlanggo chooses among:
// English is the one marsad names; the others keep it from calling French
// or Indonesian English.
var latinLangs = map[whatlanggo.Lang]bool{
	whatlanggo.Eng: true, whatlanggo.Fra: true, whatlanggo.Spa: true, whatlanggo.Deu: true,
	whatlanggo.Ita: true, whatlanggo.Por: true, whatlanggo.Tur: true, whatlanggo.Ind: true,
	whatlanggo.Nld: true,
}

// Lang returns the language of one line: "ar", "fa", "ur", "en", "other",
// or "" when the line has no letters (digits, punctuation, dates such as
// 1404/10/07). Arabic-script lines are decided by rules, since trigram
// models mistake short Persian lines for Arabic: Urdu letters with Urdu
// function words are Urdu; Persian letters (پ چ ژ گ, and ی ک ZWNJ with less
// weight) and Persian function words are Persian, unless Arabic function
// words outweigh them; the rest is Arabic. Latin lines go to whatlanggo,
// and only English is named; a short Latin line whatlanggo is unsure of,
// with no accented letters, is taken as English with low confidence.
// Confidence is in [0, 1].
func Lang(line string) (code string, confidence float64) {
	var arabicLetters, latinLetters, otherLetters, accented int
	var persian, urdu float64
	for _, r := range line {
		switch {
		case r == zwnj:
			persian += persianLetterWeight(r)
		case !unicode.IsLetter(r):
		case isArabicScript(r):
			arabicLetters++
			persian += persianLetterWeight(r)
			if isUrduLetter(r) {
				urdu++
			}
		case r < 0x250 && unicode.Is(unicode.Latin, r):
			latinLetters++
			if r >= 0x80 {
				accented++ // é ü ñ ß: not English
			}
		default:
			otherLetters++
		}
	}
	letters := arabicLetters + latinLetters + otherLetters
	switch {
	case letters == 0:
		return "", 0
	case arabicLetters >= latinLetters && arabicLetters >= otherLetters:
		return arabicScriptLang(line, persian, urdu, float64(arabicLetters)/float64(letters))
	case latinLetters >= otherLetters:
		share := float64(latinLetters) / float64(letters)
		info := whatlanggo.DetectWithOptions(line, whatlanggo.Options{Whitelist: latinLangs})
		switch {
		case info.Lang == whatlanggo.Eng:
			return "en", share * max(info.Confidence, 0.5)
		case info.Confidence >= 0.5 || accented > 0:
			return "other", share * max(info.Confidence, 0.5)
		}
		// Trigrams cannot tell the language of a few words (Exit mobile
		// version reads as German); Latin lines in Arabic news pages are
		// nearly always English page furniture or credits.
		return "en", share * 0.3
	}
	return "other", float64(otherLetters) / float64(letters)
}

// arabicScriptLang weighs the evidence for Arabic, Persian and Urdu in a line
// written mostly in Arabic script; share is that script's part of the letters.
func arabicScriptLang(line string, persian, urdu, share float64) (string, float64) {
	var faWords, urWords, arWords float64
	ws := strings.FieldsFunc(line, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsPunct(r) || r == zwnj
	})
	for _, w := range ws {
		if urduWords[w] {
			urWords++
		}
		if persianWords[w] && (!sharedWords[w] || persian > 0) {
			faWords++
		}
	}
	if persian == 0 && urdu == 0 && faWords == 0 && urWords == 0 {
		// No Persian or Urdu evidence at all: Arabic, and the counter-
		// evidence need not be counted (most lines of an Arabic page).
		return "ar", share * 0.6
	}
	for _, w := range ws {
		if arabicWords[Search(w)] && !persianWords[w] {
			arWords++
		}
	}
	if urdu > 0 && urWords > 0 && urWords >= faWords/2 {
		return "ur", share * min(1, 0.5+0.25*(urdu+urWords))
	}
	fa := persian + 1.5*faWords
	if fa >= 1 && fa > 1.5*arWords {
		return "fa", share * min(1, 0.5+0.2*fa)
	}
	return "ar", share * min(1, 0.6+0.1*arWords)
}
