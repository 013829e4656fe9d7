package source

import (
	"bytes"
	"mime"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	textunicode "golang.org/x/text/encoding/unicode"
)

// Byte-order marks the decoder honours before anything else.
const (
	bomUTF8    = "\xEF\xBB\xBF"
	bomUTF16LE = "\xFF\xFE"
	bomUTF16BE = "\xFE\xFF"
)

// minArabicShare is how much of the non-ASCII text must be Arabic letters
// before bytes that are not UTF-8 are taken as windows-1256. Every byte
// decodes to something in that charset, so without this test any Latin-1
// or random binary would come out as plausible-looking garbage.
const minArabicShare = 0.6

// metaCharset finds a charset declared in an HTML <meta charset=...> or
// <meta http-equiv content="...; charset=..."> tag.
var metaCharset = regexp.MustCompile(`(?i)<meta[^>]*?charset\s*=\s*["']?\s*([a-z0-9_:.\-]+)`)

// Decode returns b as UTF-8 text. contentTypeHint is a MIME type such as
// "text/html" or "text/plain; charset=windows-1256", or empty.
//
// In order: a UTF-8 byte-order mark is stripped; UTF-16 with a byte-order
// mark is decoded; valid UTF-8 is taken as is (declared charsets are often
// wrong, valid UTF-8 by accident almost never is); a charset declared in the
// hint, or for HTML in a <meta> tag, is used; then windows-1256 is tried and
// kept only if the result is mostly Arabic. Otherwise the error wraps
// ErrInvalidEncoding and names the line and byte (1-based offset in b, as
// cmp(1) counts) of the first invalid UTF-8 sequence. Text that is empty or
// only white space gives ErrEmpty.
func Decode(b []byte, contentTypeHint string) (string, error) {
	out, err := decode(b, contentTypeHint)
	if err != nil {
		return "", err
	}
	return string(out), nil
}

// decode is Decode without the final copy: valid UTF-8 comes back as b itself.
func decode(b []byte, hint string) ([]byte, error) {
	out, err := decodeText(b, hint)
	if err != nil {
		return nil, err
	}
	if isOnlySpace(out) {
		return nil, errorf(ErrEmpty, "no text (empty or only white space)")
	}
	return out, nil
}

func decodeText(b []byte, hint string) ([]byte, error) {
	skipped := 0
	switch {
	case bytes.HasPrefix(b, []byte(bomUTF8)):
		b = b[len(bomUTF8):]
		skipped = len(bomUTF8)
	case bytes.HasPrefix(b, []byte(bomUTF16LE)):
		return transform(textunicode.UTF16(textunicode.LittleEndian, textunicode.ExpectBOM), b)
	case bytes.HasPrefix(b, []byte(bomUTF16BE)):
		return transform(textunicode.UTF16(textunicode.BigEndian, textunicode.ExpectBOM), b)
	}
	if utf8.Valid(b) {
		return b, nil
	}
	if enc := declared(b, hint); enc != nil {
		if out, err := transform(enc, b); err == nil {
			return out, nil
		}
	}
	if out, err := transform(charmap.Windows1256, b); err == nil && mostlyArabic(out) {
		return out, nil
	}
	line, offset := firstInvalid(b)
	return nil, errorf(ErrInvalidEncoding, "invalid UTF-8 at line %d, byte %d; not windows-1256 either", line, offset+skipped)
}

// declared returns the charset named in the hint's charset parameter or,
// for HTML, in a <meta> tag near the top; nil if none is usable. UTF-8 is
// not usable here: the bytes were already found not to be UTF-8.
func declared(b []byte, hint string) encoding.Encoding {
	mediaType, params, _ := mime.ParseMediaType(hint)
	label := params["charset"]
	if label == "" && (mediaType == "text/html" || mediaType == "application/xhtml+xml") {
		head := b[:min(len(b), 1024)]
		if m := metaCharset.FindSubmatch(head); m != nil {
			label = string(m[1])
		}
	}
	if label == "" {
		return nil
	}
	enc, name := charset.Lookup(label)
	// "replacement" stands in for charsets that are unsafe to honour, and
	// a page that claims UTF-16 without a BOM is read as UTF-8 by browsers.
	if enc == nil || name == "utf-8" || name == "replacement" || strings.HasPrefix(name, "utf-16") {
		return nil
	}
	return enc
}

// transform decodes b with enc and makes sure the result is valid UTF-8,
// which x/text decoders promise but which callers rely on absolutely.
func transform(enc encoding.Encoding, b []byte) ([]byte, error) {
	out, err := enc.NewDecoder().Bytes(b)
	if err != nil {
		return nil, err
	}
	if !utf8.Valid(out) {
		out = bytes.ToValidUTF8(out, []byte(string(utf8.RuneError)))
	}
	return out, nil
}

// mostlyArabic tells windows-1256 Arabic from other bytes pushed through
// the same table: in real Arabic text nearly every non-ASCII letter lands
// in the Arabic block.
func mostlyArabic(s []byte) bool {
	var arabic, other int
	for len(s) > 0 {
		r, size := utf8.DecodeRune(s)
		s = s[size:]
		if r < utf8.RuneSelf || unicode.IsSpace(r) {
			continue
		}
		if r >= 0x0600 && r <= 0x06FF {
			arabic++
		} else {
			other++
		}
	}
	return arabic > 0 && float64(arabic) >= minArabicShare*float64(arabic+other)
}

// firstInvalid returns the 1-based line and 1-based byte offset of the
// first byte of b that does not start a valid UTF-8 sequence.
func firstInvalid(b []byte) (line, offset int) {
	i := 0
	for i < len(b) {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			break
		}
		i += size
	}
	return 1 + bytes.Count(b[:i], []byte{'\n'}), i + 1
}

// isOnlySpace reports text with nothing but white space, Unicode spaces
// such as the no-break space included.
func isOnlySpace(b []byte) bool {
	return len(bytes.TrimFunc(b, unicode.IsSpace)) == 0
}
