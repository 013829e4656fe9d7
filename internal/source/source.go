// Package source turns the user's paths into a stream of news.Page values:
// plain-text and HTML files, JSON and JSON Lines article dumps, and zip and
// tar archives of those, each page decoded to UTF-8.
//
// It reports every bad input (missing, unreadable, binary, undecodable,
// too large, malformed) as an *InputError and goes on with the rest, so one
// broken file never costs the user a whole run. It does not clean or
// interpret text: that belongs to the stages after it.
package source

import (
	"errors"
	"fmt"
)

// Limits bound what one input may cost in memory and time. A zero field
// means its default.
type Limits struct {
	// MaxPageBytes bounds one .txt/.html page or one JSON record's text.
	MaxPageBytes int64
	// MaxFileBytes bounds one .json/.jsonl container file.
	MaxFileBytes int64
	// MaxArchiveBytes bounds the total bytes expanded from one archive.
	MaxArchiveBytes int64
	// MaxArchiveFiles bounds the number of members of one archive.
	MaxArchiveFiles int
}

// DefaultLimits returns limits generous enough for real news dumps
// (a SaudiNewsNet day is 12 MB of JSON) and tight enough that a hostile
// archive cannot exhaust a laptop.
func DefaultLimits() Limits {
	return Limits{
		MaxPageBytes:    16 << 20,
		MaxFileBytes:    1 << 30,
		MaxArchiveBytes: 4 << 30,
		MaxArchiveFiles: 1_000_000,
	}
}

// withDefaults fills the zero fields, so callers may set only what they change.
func (l Limits) withDefaults() Limits {
	d := DefaultLimits()
	if l.MaxPageBytes <= 0 {
		l.MaxPageBytes = d.MaxPageBytes
	}
	if l.MaxFileBytes <= 0 {
		l.MaxFileBytes = d.MaxFileBytes
	}
	if l.MaxArchiveBytes <= 0 {
		l.MaxArchiveBytes = d.MaxArchiveBytes
	}
	if l.MaxArchiveFiles <= 0 {
		l.MaxArchiveFiles = d.MaxArchiveFiles
	}
	return l
}

// Kinds of bad input, for errors.Is. The message of the error that wraps
// one says what exactly was wrong.
var (
	// ErrEmpty: a file with no text, or a record with neither title nor text.
	ErrEmpty = errors.New("empty input")
	// ErrBinary: a file that is not text (NUL bytes or mostly control bytes).
	ErrBinary = errors.New("binary input")
	// ErrInvalidEncoding: bytes that are neither UTF-8 nor a recognised
	// legacy encoding of Arabic text.
	ErrInvalidEncoding = errors.New("invalid character encoding")
	// ErrTooLarge: a page, record or file over its size limit.
	ErrTooLarge = errors.New("input too large")
	// ErrArchiveLimit: an archive that expands past MaxArchiveBytes or holds
	// more than MaxArchiveFiles members; the rest of it is not read.
	ErrArchiveLimit = errors.New("archive limit reached")
	// ErrBadJSON: malformed JSON, or a JSON value that is not an article object.
	ErrBadJSON = errors.New("bad JSON")
	// ErrUnsupported: an input of a kind the reader does not read, such as an
	// archive inside an archive or a socket in a directory.
	ErrUnsupported = errors.New("unsupported input")
)

// InputError is one bad input. The walk reports it and goes on.
type InputError struct {
	// Path names the input as the user can find it: a file path, an archive
	// member ("a.zip!dir/x.json"), a JSON array element ("day.json#17"),
	// or "-" for standard input.
	Path string
	// Line is the 1-based line of the problem, or 0 when not known.
	Line int
	// Err says what is wrong; errors.Is tells the kinds apart.
	Err error
}

// Error reads "path:line: message", or "path: message" without a line.
func (e *InputError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.Path, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.Path, e.Err)
}

// Unwrap exposes the cause, so errors.Is(err, ErrBinary) and
// errors.Is(err, fs.ErrNotExist) work.
func (e *InputError) Unwrap() error { return e.Err }

// kindError is a message for a person that still matches its sentinel
// under errors.Is, without the sentinel's text tacked on to the message.
type kindError struct {
	msg  string
	kind error
}

func (e *kindError) Error() string { return e.msg }
func (e *kindError) Unwrap() error { return e.kind }

// errorf builds a kindError.
func errorf(kind error, format string, args ...any) error {
	return &kindError{msg: fmt.Sprintf(format, args...), kind: kind}
}

// tooLarge says how big the input was, if known, and which flag raises the limit.
func tooLarge(what string, size, limit int64, flag string) error {
	if size < 0 {
		return errorf(ErrTooLarge, "%s is over the %d-byte limit (raise %s)", what, limit, flag)
	}
	return errorf(ErrTooLarge, "%s is %d bytes, over the %d-byte limit (raise %s)", what, size, limit, flag)
}
