package source

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/marsad/marsad/news"
)

// Reader reads pages from the user's paths. The zero value is ready to use:
// default limits, no standard input, the wall clock.
type Reader struct {
	// Limits bound each input; zero fields take their defaults.
	Limits Limits
	// Stdin is read for the path "-"; nil reads as empty.
	Stdin io.Reader
	// Now stamps Page.Fetched; nil means time.Now. Tests pin it.
	Now func() time.Time
}

// Walk reads paths in order and calls emit for each page. Directories are
// read recursively with entries sorted by name, skipping hidden entries
// (names starting with "."); archive members come in archive order; "-"
// reads r.Stdin as one page, its kind sniffed. Each bad input is passed to
// report (which may be nil) and the walk goes on.
//
// Walk returns an error only when ctx is done or emit fails; it then stops
// at once and returns that error wrapped. Pages already emitted stand.
func (r *Reader) Walk(ctx context.Context, paths []string, emit func(news.Page) error, report func(*InputError)) error {
	w := &walker{
		limits: r.Limits.withDefaults(),
		stdin:  r.Stdin,
		now:    r.Now,
		emit:   emit,
		report: report,
	}
	if w.now == nil {
		w.now = time.Now
	}
	if w.report == nil {
		w.report = func(*InputError) {}
	}
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("walk: %w", err)
		}
		var err error
		if p == "-" {
			err = w.stdinPage(ctx)
		} else {
			err = w.path(ctx, p, nil)
		}
		var h *haltError
		if errors.As(w.settle(err), &h) {
			return h.err
		}
	}
	return nil
}

// walker carries one Walk's settings; it lives as long as the call.
type walker struct {
	limits Limits
	stdin  io.Reader
	now    func() time.Time
	emit   func(news.Page) error
	report func(*InputError)
}

// haltError is the only kind of error that stops a walk: emit failed or
// the context ended. Every other error is an *InputError to report.
type haltError struct{ err error }

func (h *haltError) Error() string { return h.err.Error() }
func (h *haltError) Unwrap() error { return h.err }

// settle reports an input error and swallows it; a halt passes through.
func (w *walker) settle(err error) error {
	var h *haltError
	var ie *InputError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &h):
		return h
	case errors.As(err, &ie):
		w.report(ie)
	default:
		// Reached only by a bug: every handler returns one of the two.
		w.report(&InputError{Path: "?", Err: err})
	}
	return nil
}

// send checks the context, stamps the page and hands it to emit.
func (w *walker) send(ctx context.Context, p news.Page) error {
	if err := ctx.Err(); err != nil {
		return &haltError{fmt.Errorf("walk: %w", err)}
	}
	p.Fetched = w.now()
	if err := w.emit(p); err != nil {
		return &haltError{fmt.Errorf("emit %s: %w", p.Origin, err)}
	}
	return nil
}

// ioError drops the path that *fs.PathError repeats, since InputError
// already names it, and keeps the cause for errors.Is(err, fs.ErrNotExist).
func ioError(op string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return fmt.Errorf("%s: %w", op, err)
}

// path reads one file or directory tree. ancestors are the directories
// above it, to stop symlink loops.
func (w *walker) path(ctx context.Context, p string, ancestors []os.FileInfo) error {
	info, err := os.Stat(p)
	if err != nil {
		return &InputError{Path: p, Err: ioError("stat", err)}
	}
	switch {
	case info.IsDir():
		return w.dir(ctx, p, info, ancestors)
	case info.Mode().IsRegular():
		return w.file(ctx, p, info)
	case ancestors == nil:
		// Named on the command line: a pipe or device the user means us to
		// read, such as a shell's <(command).
		return w.file(ctx, p, nil)
	}
	return &InputError{Path: p, Err: errorf(ErrUnsupported, "not a regular file (%s); skipped", info.Mode().Type())}
}

func (w *walker) dir(ctx context.Context, p string, info os.FileInfo, ancestors []os.FileInfo) error {
	for _, a := range ancestors {
		if os.SameFile(a, info) {
			return &InputError{Path: p, Err: errorf(ErrUnsupported, "directory loop (a symbolic link points above itself); skipped")}
		}
	}
	// ReadDir sorts by name, which gives the stable order the walk promises.
	entries, err := os.ReadDir(p)
	if err != nil {
		// What was listed before the failure is still read.
		w.report(&InputError{Path: p, Err: ioError("read directory", err)})
	}
	ancestors = append(ancestors, info)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			continue
		}
		if err := ctx.Err(); err != nil {
			return &haltError{fmt.Errorf("walk: %w", err)}
		}
		if err := w.settle(w.path(ctx, join(p, e.Name()), ancestors)); err != nil {
			return err
		}
	}
	return nil
}

// join keeps the directory as the user wrote it ("./in/" stays "./in/x"),
// so origins match what the user typed; filepath.Join would clean it.
func join(dir, name string) string {
	if strings.HasSuffix(dir, string(filepath.Separator)) || strings.HasSuffix(dir, "/") {
		return dir + name
	}
	return dir + string(filepath.Separator) + name
}

// file reads one file; info is nil for a stream of unknown size.
func (w *walker) file(ctx context.Context, p string, info os.FileInfo) error {
	f, err := os.Open(p)
	if err != nil {
		return &InputError{Path: p, Err: ioError("open", err)}
	}
	defer f.Close()
	size := int64(-1)
	if info != nil {
		size = info.Size()
	}
	switch formatOf(p) {
	case formatZip:
		if info == nil {
			return &InputError{Path: p, Err: errorf(ErrUnsupported, "a zip archive must be a regular file")}
		}
		return w.zip(ctx, p, f, size)
	case formatTar:
		return w.tar(ctx, p, f, false)
	case formatTarGz:
		return w.tar(ctx, p, f, true)
	}
	return w.input(ctx, input{origin: p, name: filepath.Base(p), size: size, r: f})
}

// stdinPage reads standard input as one input of unknown size, sniffed.
func (w *walker) stdinPage(ctx context.Context) error {
	r := w.stdin
	if r == nil {
		r = strings.NewReader("")
	}
	return w.sniff(ctx, input{origin: "-", name: "-", size: -1, r: r})
}

// input is one file, archive member or stream to read pages from.
type input struct {
	origin string // path, "a.zip!member" or "-"
	name   string // base name, reported as Page.Name
	size   int64  // from Stat; -1 when not known or not to be trusted
	r      io.Reader
}

func (in input) fail(err error) *InputError { return &InputError{Path: in.origin, Err: err} }

// input dispatches on the input's name.
func (w *walker) input(ctx context.Context, in input) error {
	switch f := formatOf(in.name); f {
	case formatText:
		return w.page(ctx, in, news.KindText)
	case formatHTML:
		return w.page(ctx, in, news.KindHTML)
	case formatJSON, formatJSONL:
		return w.records(ctx, in, f == formatJSONL)
	case formatZip, formatTar, formatTarGz:
		return in.fail(errorf(ErrUnsupported, "archive inside an archive is not read; unpack it first"))
	}
	return w.sniff(ctx, in)
}

// sniff reads an input whose name says nothing: JSON if it opens like
// JSON, else a page whose kind is decided after decoding.
func (w *walker) sniff(ctx context.Context, in input) error {
	br := bufio.NewReaderSize(in.r, sniffLen)
	head, err := br.Peek(sniffLen)
	if err != nil && !errors.Is(err, io.EOF) {
		return in.fail(w.readError(err))
	}
	in.r = br
	if startsJSON(head) {
		return w.records(ctx, in, false)
	}
	return w.page(ctx, in, kindSniff)
}

// kindSniff asks page to decide between text and HTML after decoding.
const kindSniff news.PageKind = -1

// page reads one text or HTML page of the given kind, or kindSniff.
func (w *walker) page(ctx context.Context, in input, kind news.PageKind) error {
	limit := w.limits.MaxPageBytes
	if in.size > limit {
		return in.fail(tooLarge("page", in.size, limit, "--max-page-size"))
	}
	raw, tooBig, err := readAtMost(in.r, limit)
	if err != nil {
		return in.fail(w.readError(err))
	}
	if tooBig {
		return in.fail(tooLarge("page", -1, limit, "--max-page-size"))
	}
	if isBinary(raw) {
		return in.fail(errorf(ErrBinary, "binary data, not text (NUL or control bytes near the start)"))
	}
	hint := "text/plain"
	if kind == news.KindHTML {
		hint = "text/html"
	}
	if kind == kindSniff && looksHTML(raw) {
		// Only a page that looks like HTML gets its <meta charset> read.
		hint = "text/html"
	}
	body, err := decode(raw, hint)
	if err != nil {
		return in.fail(err)
	}
	if kind == kindSniff {
		kind = news.KindText
		if looksHTML(body) {
			kind = news.KindHTML
		}
	}
	return w.send(ctx, news.Page{Origin: in.origin, Name: in.name, Kind: kind, Body: body})
}

// readError words a failed read; hitting an archive's budget keeps its
// sentinel so the archive loop can stop.
func (w *walker) readError(err error) error {
	if errors.Is(err, ErrArchiveLimit) {
		return err
	}
	return ioError("read", err)
}
