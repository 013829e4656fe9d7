package ner

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
)

// The file starts with magic and a format version, uncompressed, so a wrong
// or stale file is refused before anything is decoded; the rest is gzip.
const (
	magic         = "marsad-ner\n"
	formatVersion = 5
)

// ErrFormat is returned by Load for a file that is not a model this version
// of marsad can read.
var ErrFormat = errors.New("ner: not a model file of a known version")

// WriteTo writes the model in marsad's binary format: magic and version,
// then gzip of the trained facts, every table in sorted order, so that the
// same model always gives the same bytes.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	cw := &countWriter{w: w}
	if _, err := io.WriteString(cw, magic); err != nil {
		return cw.n, fmt.Errorf("write model: %w", err)
	}
	if _, err := cw.Write(binary.AppendUvarint(nil, formatVersion)); err != nil {
		return cw.n, fmt.Errorf("write model: %w", err)
	}
	zw, err := gzip.NewWriterLevel(cw, gzip.BestCompression)
	if err != nil {
		return cw.n, fmt.Errorf("write model: %w", err)
	}
	bw := bufio.NewWriterSize(zw, 1<<16)
	e := encoder{w: bw}
	e.uint(uint64(m.fam))
	e.uint(uint64(m.epochs))
	e.uint(m.seed)
	e.uint(uint64(numTags))
	for _, x := range m.trans {
		e.float(x)
	}
	names := m.gaz.sortedNames()
	e.uint(uint64(len(names)))
	for _, n := range names {
		e.str(n)
		e.uint(uint64(m.gaz.names[n]))
	}
	e.clusters(m.fz.clusters)
	e.clusters(m.fz.vclusters)
	e.clusters(m.fz.profiles)
	e.lexicon(m.lex)
	e.weights(m)
	if m.first == nil {
		e.uint(0)
	} else {
		e.uint(uint64(m.first.fam))
		for _, x := range m.first.trans {
			e.float(x)
		}
		e.weights(m.first)
	}
	if e.err == nil {
		e.err = bw.Flush()
	}
	if e.err == nil {
		e.err = zw.Close()
	}
	if e.err != nil {
		return cw.n, fmt.Errorf("write model: %w", e.err)
	}
	return cw.n, nil
}

// Load reads a model written by WriteTo.
func Load(r io.Reader) (*Model, error) {
	br := bufio.NewReader(r)
	head := make([]byte, len(magic))
	if _, err := io.ReadFull(br, head); err != nil || string(head) != magic {
		return nil, ErrFormat
	}
	if v, err := binary.ReadUvarint(br); err != nil || v != formatVersion {
		return nil, fmt.Errorf("%w: version %d, want %d", ErrFormat, v, formatVersion)
	}
	zr, err := gzip.NewReader(br)
	if err != nil {
		return nil, fmt.Errorf("load model: %w", err)
	}
	d := decoder{r: bufio.NewReaderSize(zr, 1<<16)}
	fam := Families(d.uint())
	m := &Model{fam: fam, epochs: int(d.uint()), seed: d.uint()}
	if n := d.uint(); n != uint64(numTags) && d.err == nil {
		return nil, fmt.Errorf("%w: %d tags, want %d", ErrFormat, n, numTags)
	}
	for k := range m.trans {
		m.trans[k] = d.float()
	}
	m.gaz = newGazetteer()
	for n := d.count(); n > 0 && d.err == nil; n-- {
		name, bits := d.str(), uint8(d.uint())
		for i, t := range typeBits {
			if bits&(1<<i) != 0 {
				m.gaz.add(name, t)
			}
		}
	}
	clusters, vclusters, profiles := d.clusters(), d.clusters(), d.clusters()
	m.fz = newFeaturizer(fam, clusters, vclusters, profiles)
	m.lex = d.lexicon()
	d.weights(m)
	if ff := Families(d.uint()); ff != 0 && d.err == nil {
		m.first = &Model{fam: ff, fz: newFeaturizer(ff, clusters, vclusters, profiles), gaz: m.gaz, lex: m.lex, epochs: m.epochs, seed: m.seed}
		for k := range m.first.trans {
			m.first.trans[k] = d.float()
		}
		d.weights(m.first)
	}
	if d.err != nil {
		return nil, fmt.Errorf("load model: %w", d.err)
	}
	if _, err := d.r.ReadByte(); err != io.EOF {
		return nil, fmt.Errorf("%w: trailing data", ErrFormat)
	}
	m.joinRows()
	return m, nil
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// encoder writes varints, float32s and strings, keeping the first error.
type encoder struct {
	w   *bufio.Writer
	buf []byte
	err error
}

func (e *encoder) write(p []byte) {
	if e.err == nil {
		_, e.err = e.w.Write(p)
	}
}

func (e *encoder) uint(x uint64) {
	e.buf = binary.AppendUvarint(e.buf[:0], x)
	e.write(e.buf)
}

func (e *encoder) float(x float32) {
	e.buf = binary.LittleEndian.AppendUint32(e.buf[:0], math.Float32bits(x))
	e.write(e.buf)
}

func (e *encoder) str(s string) {
	e.uint(uint64(len(s)))
	if e.err == nil {
		_, e.err = e.w.WriteString(s)
	}
}

// decoder reads what encoder writes, keeping the first error; after an
// error every read returns zero.
type decoder struct {
	r   *bufio.Reader
	err error
}

// Bounds on what a file may claim, so a corrupt one cannot ask for
// gigabytes: counts up to maxCount, but memory for at most preallocMax
// entries before they are actually read; strings (names, words, cluster
// paths) up to maxString bytes.
const (
	maxCount    = 1 << 26
	preallocMax = 1 << 16
	maxString   = 1 << 12
)

func (d *decoder) uint() uint64 {
	if d.err != nil {
		return 0
	}
	x, err := binary.ReadUvarint(d.r)
	if err != nil {
		d.err = noEOF(err)
	}
	return x
}

func (d *decoder) count() int {
	n := d.uint()
	if n > maxCount {
		d.err = fmt.Errorf("%w: count %d too large", ErrFormat, n)
		return 0
	}
	return int(n)
}

func (d *decoder) float() float32 {
	if d.err != nil {
		return 0
	}
	var b [4]byte
	if _, err := io.ReadFull(d.r, b[:]); err != nil {
		d.err = noEOF(err)
		return 0
	}
	return math.Float32frombits(binary.LittleEndian.Uint32(b[:]))
}

func (d *decoder) str() string {
	n := d.count()
	if d.err == nil && n > maxString {
		d.err = fmt.Errorf("%w: string of %d bytes", ErrFormat, n)
	}
	if d.err != nil {
		return ""
	}
	b := make([]byte, n)
	if _, err := io.ReadFull(d.r, b); err != nil {
		d.err = noEOF(err)
		return ""
	}
	return string(b)
}

// noEOF turns a clean end of file in the middle of a model into an error
// that says so.
func noEOF(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}

// weights writes m's feature weights: the hashes in order, as deltas, each
// with a mask of its nonzero weights and those weights.
func (e *encoder) weights(m *Model) {
	hashes := make([]uint64, 0, len(m.index))
	for h := range m.index {
		hashes = append(hashes, h)
	}
	slices.Sort(hashes)
	e.uint(uint64(len(hashes)))
	prev := uint64(0)
	for _, h := range hashes {
		e.uint(h - prev) // sorted: deltas are smaller than hashes
		prev = h
		row := m.w[int(m.index[h])*numTags:][:numTags]
		mask := uint64(0)
		for t, x := range row {
			if x != 0 {
				mask |= 1 << t
			}
		}
		e.uint(mask)
		for _, x := range row {
			if x != 0 {
				e.float(x)
			}
		}
	}
}

// weights reads what encoder.weights wrote into m.
func (d *decoder) weights(m *Model) {
	n := d.count()
	m.index = make(map[uint64]int32, min(n, preallocMax))
	m.w = make([]float32, 0, min(n, preallocMax)*numTags)
	h := uint64(0)
	for r := 0; r < n && d.err == nil; r++ {
		h += d.uint()
		mask := d.uint()
		m.index[h] = int32(r)
		for t := 0; t < numTags; t++ {
			x := float32(0)
			if mask&(1<<t) != 0 {
				x = d.float()
			}
			m.w = append(m.w, x)
		}
	}
}

// lexicon writes a lexicon's forms in byte order, each with its tag
// counts; nil is written as an empty one.
func (e *encoder) lexicon(l *lexicon) {
	if l == nil {
		e.uint(0)
		return
	}
	keys := l.sortedKeys()
	e.uint(uint64(len(keys)))
	for _, k := range keys {
		e.str(k)
		for _, x := range l.counts[k] {
			e.uint(uint64(x))
		}
	}
}

// lexicon reads what encoder.lexicon wrote; nil for an empty one.
func (d *decoder) lexicon() *lexicon {
	n := d.count()
	if n == 0 {
		return nil
	}
	l := &lexicon{counts: make(map[string]*[numTags]uint32, min(n, preallocMax))}
	for ; n > 0 && d.err == nil; n-- {
		k := d.str()
		c := new([numTags]uint32)
		for t := range c {
			c[t] = uint32(min(d.uint(), math.MaxUint32))
		}
		l.counts[k] = c
	}
	return l
}

// clusters writes a word → cluster path table in word order.
func (e *encoder) clusters(c map[string]string) {
	words := make([]string, 0, len(c))
	for w := range c {
		words = append(words, w)
	}
	slices.Sort(words)
	e.uint(uint64(len(words)))
	for _, w := range words {
		e.str(w)
		e.str(c[w])
	}
}

// clusters reads what encoder.clusters wrote; nil for an empty table.
func (d *decoder) clusters() map[string]string {
	n := d.count()
	if n == 0 {
		return nil
	}
	c := make(map[string]string, min(n, preallocMax))
	for ; n > 0 && d.err == nil; n-- {
		w := d.str()
		c[w] = d.str()
	}
	return c
}
