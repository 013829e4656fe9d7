package source

import (
	"archive/tar"
	"archive/zip"
	"bufio"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"strings"
)

// An archive is read one level deep: its members are read like files, and
// it stops (reporting ErrArchiveLimit) when it expands past MaxArchiveBytes
// or holds more than MaxArchiveFiles members. Sizes in headers are never
// trusted: bytes are counted as they come out of the decompressor, so a
// zip bomb costs at most the limit.

// archive is the state of one archive being read.
type archive struct {
	path    string
	budget  *budget
	members int
}

// member reads one archive member, or reports why it is skipped. It
// returns a halt, or an InputError about the whole archive that ends it.
func (w *walker) member(ctx context.Context, a *archive, name string, isFile bool, r io.Reader) error {
	if err := ctx.Err(); err != nil {
		return &haltError{fmt.Errorf("walk: %w", err)}
	}
	a.members++
	if a.members > w.limits.MaxArchiveFiles {
		return &InputError{Path: a.path, Err: errorf(ErrArchiveLimit,
			"archive has more than %d members; the rest is not read (raise --max-archive-files)", w.limits.MaxArchiveFiles)}
	}
	if !isFile || skipMember(name) {
		return nil
	}
	in := input{origin: a.path + "!" + name, name: path.Base(name), size: -1, r: r}
	err := w.input(ctx, in)
	if a.budget.exceeded {
		return a.overBudget(w.limits.MaxArchiveBytes, name)
	}
	return w.settle(err)
}

// overBudget is the report that ends an archive which expanded too far.
func (a *archive) overBudget(limit int64, name string) error {
	return &InputError{Path: a.path, Err: errorf(ErrArchiveLimit,
		"archive expands past the %d-byte limit at member %s; the rest is not read (raise --max-archive-size)", limit, name)}
}

// skipMember passes over what archivers add beside the content: macOS
// resource forks and hidden files or directories.
func skipMember(name string) bool {
	if strings.HasPrefix(name, "__MACOSX/") {
		return true
	}
	for _, part := range strings.Split(name, "/") {
		if strings.HasPrefix(part, ".") && part != "." && part != ".." {
			return true
		}
	}
	return false
}

// zip reads a zip archive's members in the order of its central directory.
func (w *walker) zip(ctx context.Context, p string, f *os.File, size int64) error {
	zr, err := zip.NewReader(f, size)
	// Insecure names ("../x") matter only to code that writes them to disk.
	if err != nil && !errors.Is(err, zip.ErrInsecurePath) {
		return &InputError{Path: p, Err: fmt.Errorf("read zip archive: %w", err)}
	}
	a := &archive{path: p, budget: &budget{left: w.limits.MaxArchiveBytes}}
	for _, zf := range zr.File {
		if err := w.zipMember(ctx, a, zf); err != nil {
			return err
		}
	}
	return nil
}

func (w *walker) zipMember(ctx context.Context, a *archive, zf *zip.File) error {
	isFile := zf.Mode().IsRegular() && !strings.HasSuffix(zf.Name, "/")
	var r io.Reader
	if isFile && !skipMember(zf.Name) {
		rc, err := zf.Open()
		if err != nil {
			// Reported when the member is read, so it is counted like the rest.
			r = errReader{fmt.Errorf("open zip member: %w", err)}
		} else {
			defer rc.Close()
			r = a.budget.reader(rc)
		}
	}
	return w.member(ctx, a, zf.Name, isFile, r)
}

// tar reads a tar archive, gzip-compressed if gz, as a stream.
func (w *walker) tar(ctx context.Context, p string, f *os.File, gz bool) error {
	var stream io.Reader = bufio.NewReader(f)
	if gz {
		zr, err := gzip.NewReader(stream)
		if err != nil {
			return &InputError{Path: p, Err: fmt.Errorf("read gzip: %w", err)}
		}
		defer zr.Close()
		stream = zr
	}
	a := &archive{path: p, budget: &budget{left: w.limits.MaxArchiveBytes}}
	// The budget sits under the tar reader, so headers and the members
	// skipped unread count too: skipping still means decompressing.
	tr := tar.NewReader(a.budget.reader(stream))
	last := ""
	for {
		hdr, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if a.budget.exceeded {
			return a.overBudget(w.limits.MaxArchiveBytes, "after "+last)
		}
		if err != nil && !errors.Is(err, tar.ErrInsecurePath) {
			where := "at the start"
			if last != "" {
				where = "after member " + last
			}
			return &InputError{Path: p, Err: fmt.Errorf("read tar archive %s: %w", where, err)}
		}
		last = hdr.Name
		// tar.Reader reports old-style regular files (TypeRegA) as TypeReg.
		isFile := hdr.Typeflag == tar.TypeReg
		if err := w.member(ctx, a, hdr.Name, isFile, tr); err != nil {
			return err
		}
	}
}

// errReader fails every read with err.
type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) { return 0, e.err }
