package stories

import (
	"encoding/binary"
	"slices"

	"github.com/zeebo/xxh3"
)

const (
	numHashes = 64
	bands     = 16
	rows      = numHashes / bands // 4 rows a band: candidates from Jaccard ≈ 0.5
)

// signature is a MinHash sketch of an article's word shingles.
type signature [numHashes]uint64

// hashParams are fixed odd multipliers and offsets deriving numHashes
// hash functions from one xxh3 hash per shingle (multiply-shift hashing),
// so sketching costs one real hash per shingle.
var hashParams = func() (p [numHashes][2]uint64) {
	x := uint64(0x9E3779B97F4A7C15)
	for i := range p {
		// splitmix64 steps: reproducible, well spread constants.
		x += 0x9E3779B97F4A7C15
		z := x
		z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9
		z = (z ^ (z >> 27)) * 0x94D049BB133111EB
		p[i] = [2]uint64{(z ^ (z >> 31)) | 1, z * 0x2545F4914F6CDD1D}
	}
	return p
}()

// sketch returns the fingerprint of a text's words: the MinHash signature
// and the exact set of its word 3-shingles. A text of fewer than
// minCopyWords words besides those of its title has none: it can be no
// copy, nor be copied. A body that is its title and a few words more (a
// photo gallery's link line) has no text of its own to copy, and galleries
// of one outlet would fold into each other.
func sketch(words, title []string) fingerprint {
	var p fingerprint
	for i := range p.sig {
		p.sig[i] = ^uint64(0)
	}
	if ownWords(words, title) < minCopyWords {
		return p
	}
	p.set = make([]uint32, 0, len(words)-2)
	for i := 0; i+3 <= len(words); i++ {
		h := xxh3.HashString(words[i] + " " + words[i+1] + " " + words[i+2])
		for k := range p.sig {
			if v := h*hashParams[k][0] + hashParams[k][1]; v < p.sig[k] {
				p.sig[k] = v
			}
		}
		// The set keeps the high half: the MinHash multipliers scramble
		// the whole word, the set needs no more than 32 bits.
		p.set = append(p.set, uint32(h>>32))
	}
	slices.Sort(p.set)
	p.set = slices.Compact(p.set)
	return p
}

// similarity estimates the Jaccard similarity of two shingle sets.
func (s *signature) similarity(o *signature) float64 {
	eq := 0
	for i := range s {
		if s[i] == o[i] {
			eq++
		}
	}
	return float64(eq) / numHashes
}

// lsh finds candidate near-copies in constant time per article: two
// articles are candidates when all rows of any one band agree.
type lsh struct {
	buckets [bands]map[uint64][]int
}

func newLSH() *lsh {
	l := &lsh{}
	for i := range l.buckets {
		l.buckets[i] = make(map[uint64][]int)
	}
	return l
}

func bandKey(sig *signature, b int) uint64 {
	var buf [rows * 8]byte
	for r := 0; r < rows; r++ {
		binary.LittleEndian.PutUint64(buf[r*8:], sig[b*rows+r])
	}
	return xxh3.Hash(buf[:])
}

func (l *lsh) add(sig *signature, doc int) {
	for b := range l.buckets {
		k := bandKey(sig, b)
		l.buckets[b][k] = append(l.buckets[b][k], doc)
	}
}

// candidates lists docs sharing a band with sig, each once.
func (l *lsh) candidates(sig *signature) []int {
	var out []int
	seen := map[int]bool{}
	for b := range l.buckets {
		for _, d := range l.buckets[b][bandKey(sig, b)] {
			if !seen[d] {
				seen[d] = true
				out = append(out, d)
			}
		}
	}
	return out
}

// ownWords counts the words of body that are not in title.
func ownWords(body, title []string) int {
	in := make(map[string]bool, len(title))
	for _, w := range title {
		in[w] = true
	}
	n := 0
	for _, w := range body {
		if !in[w] {
			n++
		}
	}
	return n
}
