package source

import (
	"bytes"
	"errors"
	"io"
)

// readAtMost reads all of r if it holds at most limit bytes. Reading stops
// at limit+1 bytes, so an endless or huge stream costs no more than that.
// tooBig reports a stream over the limit; err is a read error.
func readAtMost(r io.Reader, limit int64) (b []byte, tooBig bool, err error) {
	var buf bytes.Buffer
	n, err := buf.ReadFrom(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, false, err
	}
	if n > limit {
		return nil, true, nil
	}
	return buf.Bytes(), false, nil
}

// errOverLimit marks a read stopped by capReader; the reader that hits it
// knows which limit it was and reports it.
var errOverLimit = errors.New("over the size limit")

// capReader fails with errOverLimit once more than limit bytes would have
// been read. It bounds streams whose size is not known beforehand.
type capReader struct {
	r    io.Reader
	left int64
}

func (c *capReader) Read(p []byte) (int, error) {
	if c.left < 0 {
		return 0, errOverLimit
	}
	// Ask for one byte past the limit: reading exactly to it is allowed.
	if int64(len(p)) > c.left+1 {
		p = p[:c.left+1]
	}
	n, err := c.r.Read(p)
	c.left -= int64(n)
	if c.left < 0 {
		return n + int(c.left), errOverLimit
	}
	return n, err
}

// budget is what is left of one archive's MaxArchiveBytes. It counts bytes
// as they come out of the decompressor, never what the headers claim.
type budget struct {
	left     int64
	exceeded bool
}

// reader counts what is read from r against the budget.
func (b *budget) reader(r io.Reader) io.Reader { return &budgetReader{r: r, b: b} }

type budgetReader struct {
	r io.Reader
	b *budget
}

func (br *budgetReader) Read(p []byte) (int, error) {
	if br.b.exceeded {
		return 0, ErrArchiveLimit
	}
	if int64(len(p)) > br.b.left+1 {
		p = p[:br.b.left+1]
	}
	n, err := br.r.Read(p)
	br.b.left -= int64(n)
	if br.b.left < 0 {
		br.b.exceeded = true
		return n + int(br.b.left), ErrArchiveLimit
	}
	return n, err
}
