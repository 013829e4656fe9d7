package arabic

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// TokenKind says what a token is.
type TokenKind uint8

// Token kinds.
const (
	Word    TokenKind = iota // Arabic or Latin letters, clitics attached
	Digits                   // digits of any script with their separators (a number written in words is Words)
	Punct                    // one punctuation mark or symbol
	URL                      // http://, https:// or www. up to a space
	Email                    // local@domain.tld
	Hashtag                  // #word, underscores joining words
	Mention                  // @handle
)

var kindNames = [...]string{"Word", "Digits", "Punct", "URL", "Email", "Hashtag", "Mention"}

// String returns the kind's name, for test failures and debugging.
func (k TokenKind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "TokenKind(?)"
}

// Token is one token of a text. Text is the original characters, so display
// never shows a rewritten form; Norm is its search layer.
type Token struct {
	Text  string
	Norm  string
	Kind  TokenKind
	Start int // rune offset of the first rune in the original string
	End   int // rune offset just past the last rune
}

// Span is a stretch of text as rune offsets [Start, End).
type Span struct {
	Start, End int
}

// scanner walks a string keeping byte and rune offsets together, so tokens
// carry rune offsets (what the JSON contract speaks) without converting the
// whole text to []rune.
type scanner struct {
	s     string
	i     int // byte offset
	runes int // rune offset of s[i]
}

// peek returns the rune at byte offset i and its size; size 0 at the end.
func (sc *scanner) peek(i int) (rune, int) {
	if i >= len(sc.s) {
		return 0, 0
	}
	if c := sc.s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(sc.s[i:])
}

// Tokens splits s into words, numbers, punctuation, URLs, e-mail addresses,
// hashtags and mentions; white space separates tokens and belongs to none.
//
// A word keeps its proclitics (وبوتين is one token: whether و is a conjunction
// is for the caller to decide against a lexicon), its diacritics, tatweel and
// ZWNJ, and a hyphen between two letters (جونغ-أون). A hyphen with a space on
// either side is punctuation. A switch between Arabic and Latin letters ends
// a word, so بـKremlin is two tokens. A number keeps separators that stand
// between two digits (12,000 1.5 ١٢٬٠٠٠); 10-12 is a number, a hyphen and a
// number.
func Tokens(s string) []Token {
	toks := make([]Token, 0, len(s)/6+1)
	sc := scanner{s: s}
	for sc.i < len(s) {
		r, size := sc.peek(sc.i)
		if isSpace(r) || isInvisible(r) || r == zwnj {
			sc.i += size
			sc.runes++
			continue
		}
		start, startRunes := sc.i, sc.runes
		kind := sc.next(r, size)
		text := s[start:sc.i]
		toks = append(toks, Token{Text: text, Norm: Search(text), Kind: kind, Start: startRunes, End: sc.runes})
	}
	return toks
}

// next consumes one token starting with r and returns its kind.
func (sc *scanner) next(r rune, size int) TokenKind {
	switch {
	case r < utf8.RuneSelf && (r == 'h' || r == 'H' || r == 'w' || r == 'W') && sc.url():
		return URL
	case r < utf8.RuneSelf && isEmailLocal(r) && sc.email():
		return Email
	case r == '#' && sc.tag(true):
		return Hashtag
	case r == '@' && sc.tag(false):
		return Mention
	case isWordRune(r):
		sc.word()
		return Word
	case unicode.IsDigit(r):
		sc.number()
		return Digits
	}
	sc.i += size
	sc.runes++
	return Punct
}

// advance moves to byte offset end, counting the runes passed.
func (sc *scanner) advance(end int) {
	sc.runes += utf8.RuneCountInString(sc.s[sc.i:end])
	sc.i = end
}

// url consumes a URL starting at the scanner, if there is one. It runs to
// white space or a quote mark, then gives back trailing punctuation that
// belongs to the sentence, and a closing bracket it did not open.
func (sc *scanner) url() bool {
	rest := sc.s[sc.i:]
	if !(hasPrefixFold(rest, "http://") || hasPrefixFold(rest, "https://") || hasPrefixFold(rest, "www.")) {
		return false
	}
	end := sc.i
	for end < len(sc.s) {
		r, size := sc.peek(end)
		if unicode.IsSpace(r) || strings.ContainsRune(`"<>«»“”‹›`, r) {
			break
		}
		end += size
	}
	for end > sc.i {
		r, size := utf8.DecodeLastRuneInString(sc.s[sc.i:end])
		if strings.ContainsRune(".,;:!?'،؛؟…", r) ||
			(r == ')' && !strings.Contains(sc.s[sc.i:end-size], "(")) ||
			(r == ']' && !strings.Contains(sc.s[sc.i:end-size], "[")) {
			end -= size
			continue
		}
		break
	}
	if end-sc.i <= len("www.") {
		return false
	}
	sc.advance(end)
	return true
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

func isEmailLocal(r rune) bool {
	return r < utf8.RuneSelf && (isASCIIAlnum(r) || strings.ContainsRune("._%+-", r))
}

func isASCIIAlnum(r rune) bool {
	return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
}

// email consumes local@domain.tld if it starts here: ASCII only, which is
// what mail addresses in news pages are.
func (sc *scanner) email() bool {
	s := sc.s
	at := sc.i
	for at < len(s) && isEmailLocal(rune(s[at])) {
		at++
	}
	if at == sc.i || at >= len(s) || s[at] != '@' {
		return false
	}
	end := at + 1
	for end < len(s) && (isASCIIAlnum(rune(s[end])) || s[end] == '.' || s[end] == '-') {
		end++
	}
	for end > at+1 && (s[end-1] == '.' || s[end-1] == '-') {
		end--
	}
	domain := s[at+1 : end]
	dot := strings.LastIndexByte(domain, '.')
	if dot <= 0 || len(domain)-dot-1 < 2 {
		return false
	}
	for _, c := range domain[dot+1:] {
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
			return false
		}
	}
	sc.advance(end)
	return true
}

// tag consumes #tag or @handle. Hashtags are written in any script and need
// a letter (#1 is a sign and a number); handles are letters, digits and _.
func (sc *scanner) tag(hashtag bool) bool {
	end := sc.i + 1
	letters := false
	for end < len(sc.s) {
		r, size := sc.peek(end)
		if r == '_' || unicode.IsDigit(r) || r == zwnj {
			end += size
			continue
		}
		if isWordRune(r) {
			letters = true
			end += size
			continue
		}
		break
	}
	if end == sc.i+1 || (hashtag && !letters) {
		return false
	}
	if !hashtag && sc.i > 0 {
		// user@host that failed as an e-mail is not a mention.
		if r, _ := utf8.DecodeLastRuneInString(sc.s[:sc.i]); isWordRune(r) || unicode.IsDigit(r) {
			return false
		}
	}
	sc.advance(end)
	return true
}

// isSpace is unicode.IsSpace without a table search for Arabic letters.
func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || '\t' <= r && r <= '\r'
	}
	if r >= 0x600 && r < 0x700 {
		return false
	}
	return unicode.IsSpace(r)
}

// isNumberSep reports separators that stay inside a number when a digit
// follows them.
func isNumberSep(r rune) bool {
	return r == ',' || r == '.' || r == arabicDecimal || r == arabicThousands || r == '\''
}

// number consumes digits and the separators between them.
func (sc *scanner) number() {
	for {
		r, size := sc.peek(sc.i)
		if unicode.IsDigit(r) {
			sc.i += size
			sc.runes++
			continue
		}
		if isNumberSep(r) {
			if d, _ := sc.peek(sc.i + size); unicode.IsDigit(d) {
				sc.i += size
				sc.runes++
				continue
			}
		}
		if (r == '\u00A0' || r == '\u202F') && sc.threeDigits(sc.i+size) {
			// 1 250 000 with no-break spaces, as French-style Maghrebi copy
			// groups thousands. A plain space is not taken: 2015 3 قتلى.
			sc.i += size
			sc.runes++
			continue
		}
		return
	}
}

// threeDigits reports exactly three digits at byte offset i, then no digit.
func (sc *scanner) threeDigits(i int) bool {
	for range 3 {
		r, size := sc.peek(i)
		if !unicode.IsDigit(r) {
			return false
		}
		i += size
	}
	r, _ := sc.peek(i)
	return !unicode.IsDigit(r)
}

// isWordRune reports runes that make or continue a word: letters, the marks
// written on them, and tatweel (a letter for Unicode).
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	}
	if r >= 0x600 && r < 0x700 {
		return arabicWordRune[r-0x600]
	}
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)
}

// arabicWordRune is isWordRune over the Arabic block, where nearly all of
// the text is: a table lookup instead of three Unicode range searches.
var arabicWordRune = func() (t [0x100]bool) {
	for i := range t {
		r := rune(0x600 + i)
		t[i] = unicode.IsLetter(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)
	}
	return t
}()

// isArabicScript reports Arabic-script letters and marks, for splitting
// words where the script changes.
func isArabicScript(r rune) bool {
	return r >= 0x0600 && r <= 0x06FF || r >= 0x0750 && r <= 0x077F || r >= 0x08A0 && r <= 0x08FF ||
		r >= 0xFB50 && r <= 0xFDFF || r >= 0xFE70 && r <= 0xFEFF
}

// word consumes a word: letters and marks, plus ZWNJ and other joining
// invisible marks inside it, a hyphen between two letters and an apostrophe
// between two Latin letters (don't).
func (sc *scanner) word() {
	first, _ := sc.peek(sc.i)
	arabic := isArabicScript(first)
	sameScript := func(r rune) bool {
		if r >= 0x600 && r < 0x700 {
			return arabic
		}
		return !unicode.IsLetter(r) || isArabicScript(r) == arabic
	}
	for {
		r, size := sc.peek(sc.i)
		if size == 0 {
			return
		}
		if isWordRune(r) {
			if !sameScript(r) {
				return
			}
			sc.i += size
			sc.runes++
			continue
		}
		next, _ := sc.peek(sc.i + size)
		var join bool
		switch {
		case r == '-' || r == '‐' || r == '‑':
			join = unicode.IsLetter(next) && sameScript(next)
		case r == '\'' || r == '’':
			join = !arabic && unicode.IsLetter(next) && sameScript(next)
		case r == zwnj || r == '\u200D' || r == '\u00AD' || (isInvisible(r) && r != '\u200B'):
			join = isWordRune(next) && sameScript(next)
		}
		if !join {
			return
		}
		sc.i += size
		sc.runes++
	}
}

// isSentenceEnd reports the marks that end a sentence.
func isSentenceEnd(s string) bool {
	switch s {
	case ".", "!", "?", "؟", "…":
		return true
	}
	return false
}

// closers are marks that, written right after a sentence end, belong to the
// sentence they close.
func isCloser(s string) bool {
	switch s {
	case "\"", "'", "”", "’", "»", "›", ")", "]", "}":
		return true
	}
	return false
}

// latinAbbrevs are abbreviations news text puts a period after without
// ending a sentence. Single letters (U.S., J. Smith, د. ...) are handled
// by rule.
var latinAbbrevs = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "st": true, "jr": true, "sr": true,
	"gen": true, "col": true, "lt": true, "sgt": true, "capt": true, "gov": true, "sen": true, "rep": true,
	"inc": true, "ltd": true, "co": true, "corp": true, "vs": true, "no": true, "vol": true, "mt": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "approx": true, "dept": true,
}

// Sentences splits s into sentences, as rune offsets trimmed of white
// space. A sentence ends at . ! ? ؟ … (and the quote marks and brackets
// written right after them) or at a line break. A period does not end one
// inside a number (1.5), URL or e-mail address, after a single letter (U.S.,
// J. Smith, د. محمد, ص. 12) or after a common Latin abbreviation (Dr., Gen.).
// A single letter م or هـ right after a number is the era of a year (1945 م.)
// and does end the sentence.
func Sentences(s string) []Span {
	toks := Tokens(s)
	var spans []Span
	first := -1 // index of the sentence's first token
	flush := func(last int) {
		if first >= 0 {
			spans = append(spans, Span{toks[first].Start, toks[last].End})
			first = -1
		}
	}
	// Byte offsets are needed to look at the white space between tokens.
	byteAt := tokenByteOffsets(s, toks)
	for i := 0; i < len(toks); i++ {
		if first >= 0 && i > 0 && strings.ContainsAny(s[byteAt[i-1].end:byteAt[i].start], "\n\r\u2028\u2029") {
			flush(i - 1)
		}
		if first < 0 {
			first = i
		}
		t := toks[i]
		if t.Kind != Punct || !isSentenceEnd(t.Text) {
			continue
		}
		if t.Text == "." && abbreviation(toks, i) {
			continue
		}
		// Runs of marks (?! ... ؟!) and closers written against them stay with
		// this sentence.
		for i+1 < len(toks) && toks[i+1].Start == toks[i].End &&
			(isSentenceEnd(toks[i+1].Text) || isCloser(toks[i+1].Text)) {
			i++
		}
		flush(i)
	}
	if first >= 0 {
		flush(len(toks) - 1)
	}
	return spans
}

// abbreviation reports whether the period at toks[i] closes an abbreviation
// rather than a sentence.
func abbreviation(toks []Token, i int) bool {
	if i == 0 || toks[i-1].End != toks[i].Start || toks[i-1].Kind != Word {
		return false
	}
	prev := toks[i-1]
	if i+1 < len(toks) {
		if next := toks[i+1]; next.Kind == Word {
			if r, _ := utf8.DecodeRuneInString(next.Text); unicode.IsLower(r) {
				return true // a sentence does not start in lower case
			}
		}
	}
	if latinAbbrevs[prev.Norm] {
		return true
	}
	letters := 0
	for _, r := range prev.Norm {
		if unicode.IsLetter(r) && r != tatweel {
			letters++
		}
	}
	if letters != 1 {
		return false
	}
	// م or هـ written after a year is its era, and may end the sentence.
	if (prev.Norm == "م" || prev.Norm == "ه") && i >= 2 && toks[i-2].Kind == Digits {
		return false
	}
	return true
}

type byteSpan struct{ start, end int }

// tokenByteOffsets returns each token's byte offsets in s.
func tokenByteOffsets(s string, toks []Token) []byteSpan {
	out := make([]byteSpan, len(toks))
	b, runes := 0, 0
	for i, t := range toks {
		for runes < t.Start {
			_, size := utf8.DecodeRuneInString(s[b:])
			b += size
			runes++
		}
		out[i].start = b
		b += len(t.Text)
		runes = t.End
		out[i].end = b
	}
	return out
}
