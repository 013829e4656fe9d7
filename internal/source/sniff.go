package source

import (
	"bytes"
	"path"
	"strings"
)

// format is how an input is to be read, decided by its name or its bytes.
type format int

const (
	formatSniff format = iota // unknown extension: look at the bytes
	formatText                // .txt
	formatHTML                // .html, .htm
	formatJSON                // .json: an array of objects, or objects
	formatJSONL               // .jsonl, .ndjson: one object per line
	formatZip                 // .zip
	formatTar                 // .tar
	formatTarGz               // .tar.gz, .tgz
)

// formatOf decides by extension, case-insensitively.
func formatOf(name string) format {
	lower := strings.ToLower(name)
	if strings.HasSuffix(lower, ".tar.gz") {
		return formatTarGz
	}
	switch path.Ext(lower) {
	case ".txt":
		return formatText
	case ".html", ".htm":
		return formatHTML
	case ".json":
		return formatJSON
	case ".jsonl", ".ndjson":
		return formatJSONL
	case ".zip":
		return formatZip
	case ".tar":
		return formatTar
	case ".tgz":
		return formatTarGz
	}
	return formatSniff
}

func (f format) isArchive() bool {
	return f == formatZip || f == formatTar || f == formatTarGz
}

// sniffLen is how much of an input the sniffers look at.
const sniffLen = 8 << 10

// startsJSON reports whether the first byte after a UTF-8 BOM and white
// space opens a JSON array or object.
func startsJSON(head []byte) bool {
	head = bytes.TrimLeft(bytes.TrimPrefix(head, []byte(bomUTF8)), " \t\r\n")
	return len(head) > 0 && (head[0] == '[' || head[0] == '{')
}

// looksHTML looks for an HTML document's opening tags in the first KB of
// decoded text. Only tags a document starts with count: plain text that
// merely mentions "<p>" stays text.
func looksHTML(text []byte) bool {
	head := bytes.ToLower(text[:min(len(text), 1024)])
	for _, m := range [...]string{"<!doctype html", "<html", "<head", "<body"} {
		if bytes.Contains(head, []byte(m)) {
			return true
		}
	}
	return false
}

// maxControlShare: above this share of control bytes in the first 8 KB a
// file is taken for binary. Text may carry a few stray controls (form
// feeds, escape sequences from terminal logs) and must still pass.
const maxControlShare = 0.3

// isBinary reports bytes that are not text: a NUL, or mostly control bytes,
// in the first 8 KB. UTF-16 with a byte-order mark is text full of NULs.
func isBinary(b []byte) bool {
	if bytes.HasPrefix(b, []byte(bomUTF16LE)) || bytes.HasPrefix(b, []byte(bomUTF16BE)) {
		return false
	}
	head := b[:min(len(b), sniffLen)]
	if len(head) == 0 {
		return false
	}
	controls := 0
	for _, c := range head {
		switch {
		case c == 0:
			return true
		case c == '\t', c == '\n', c == '\r', c == '\f', c == '\v':
		case c < 0x20, c == 0x7F:
			controls++
		}
	}
	return float64(controls) > maxControlShare*float64(len(head))
}
