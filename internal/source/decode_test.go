package source

import (
	"errors"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	textunicode "golang.org/x/text/encoding/unicode"
)

const (
	arabicLine  = "قالت وزارة الدفاع إن القوات وصلت إلى كورسك"
	arabicTwo   = "بيونغ يانغ تنفي إرسال 12 ألف جندي\nوموسكو تلتزم الصمت"
	arabicTitle = "موسكو وبيونغ يانغ"
)

// encode writes s in enc, as a legacy publisher or Windows editor would.
func encode(t testing.TB, enc encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := enc.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encode %q: %v", s, err)
	}
	return b
}

func TestDecode(t *testing.T) {
	utf16LE := textunicode.UTF16(textunicode.LittleEndian, textunicode.UseBOM)
	utf16BE := textunicode.UTF16(textunicode.BigEndian, textunicode.UseBOM)
	html1256 := `<html><head><meta charset="windows-1256"><title>` + arabicTitle + `</title></head><body><p>` + arabicLine + `</p></body></html>`
	httpEquiv := `<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256"></head><body>` + arabicLine + `</body></html>`
	tests := []struct {
		name string
		in   []byte
		hint string
		want string
		err  error
	}{
		// Valid UTF-8 is taken byte for byte.
		{"utf-8", []byte(arabicTwo), "", arabicTwo, nil},
		// The BOM a Windows editor writes is dropped, not kept as U+FEFF.
		{"utf-8 with BOM", append([]byte("\xEF\xBB\xBF"), arabicLine...), "", arabicLine, nil},
		// UTF-16 is only recognised by its BOM.
		{"utf-16le with BOM", encode(t, utf16LE, arabicTwo), "", arabicTwo, nil},
		{"utf-16be with BOM", encode(t, utf16BE, arabicTwo), "", arabicTwo, nil},
		// Old Arabic sites and Windows text files: windows-1256, undeclared.
		{"windows-1256 undeclared", encode(t, charmap.Windows1256, arabicTwo), "", arabicTwo, nil},
		// HTML that declares its charset in <meta>.
		{"html meta charset windows-1256", encode(t, charmap.Windows1256, html1256), "text/html", html1256, nil},
		{"html http-equiv windows-1256", encode(t, charmap.Windows1256, httpEquiv), "text/html", httpEquiv, nil},
		// A declared Latin charset is honoured, though it is not Arabic.
		{"declared iso-8859-1", []byte("caf\xe9 cr\xe8me"), "text/plain; charset=iso-8859-1", "café crème", nil},
		{"html meta iso-8859-1", []byte(`<html><head><meta charset="iso-8859-1"></head><body>caf` + "\xe9" + `</body></html>`), "text/html",
			`<html><head><meta charset="iso-8859-1"></head><body>café</body></html>`, nil},
		// A declaration never overrides valid UTF-8.
		{"valid utf-8 beats meta", []byte(`<meta charset="windows-1256">` + arabicLine), "text/html", `<meta charset="windows-1256">` + arabicLine, nil},
		{"empty", nil, "", "", ErrEmpty},
		{"only white space", []byte(" \n\t\r\n \u00a0"), "", "", ErrEmpty},
		{"BOM only", []byte("\xEF\xBB\xBF\n"), "", "", ErrEmpty},
		// Latin-1 French is not UTF-8 and not Arabic under windows-1256.
		{"latin-1 undeclared", []byte("premi\xe8re ligne"), "", "", ErrInvalidEncoding},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Decode(tt.in, tt.hint)
			if tt.err != nil {
				if !errors.Is(err, tt.err) {
					t.Fatalf("Decode() error = %v, want %v", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatalf("Decode(): %v", err)
			}
			if got != tt.want {
				t.Errorf("Decode() = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestDecodeInvalidNamesLine(t *testing.T) {
	in := []byte("first line\nsecond line\nthird premi\xe8re\n")
	_, err := Decode(in, "")
	if !errors.Is(err, ErrInvalidEncoding) {
		t.Fatalf("Decode() error = %v, want ErrInvalidEncoding", err)
	}
	offset := strings.IndexByte(string(in), 0xe8) + 1
	want := "invalid UTF-8 at line 3, byte " + strconv.Itoa(offset) + "; not windows-1256 either"
	if err.Error() != want {
		t.Errorf("Decode() error = %q, want %q", err, want)
	}
}

func TestMostlyArabic(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want bool
	}{
		{"arabic", arabicLine, true},
		// Numbers and Latin names mixed in are normal in Arabic news.
		{"arabic with ascii", "قال Putin إن 12000 جندي", true},
		{"french accents", "première crème brûlée", false},
		{"ascii only", "no letters beyond ascii", false},
		// Persian letters sit in the same block: Persian lines pass.
		{"persian", "پوتین گفت که", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := mostlyArabic([]byte(tt.in)); got != tt.want {
				t.Errorf("mostlyArabic(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestDecodeOutputIsUTF8(t *testing.T) {
	// UTF-16 with a lone surrogate must still come out as valid UTF-8.
	in := []byte{0xFF, 0xFE, 0x00, 0xD8, 'a', 0}
	got, err := Decode(in, "")
	if err != nil {
		t.Fatalf("Decode(): %v", err)
	}
	if !utf8.ValidString(got) {
		t.Errorf("Decode() = %q, not valid UTF-8", got)
	}
}
