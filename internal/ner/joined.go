package ner

import "math/bits"

// joined is a two-pass model's weights laid out for tagging: one lookup per
// feature finds both passes' rows side by side in one block, where looking
// each up in its own map cost two hash lookups and two cache misses a
// feature, most of the tagger's time. It is an open-addressing table: the
// feature hashes are already well mixed, so a multiplicative hash and
// linear probing serve.
type joined struct {
	keys  []uint64
	at    []int32   // block + 1 for each slot, 0 for an empty one
	w     []float32 // 2*numTags weights a block: the first pass's, then the second's
	shift uint
}

// block is one feature's weights in both passes.
type block = [2 * numTags]float32

// joinRows builds m.joined for a two-pass model.
func (m *Model) joinRows() {
	if m.first == nil {
		return
	}
	n := len(m.index)
	for h := range m.first.index {
		if _, ok := m.index[h]; !ok {
			n++
		}
	}
	// At most half full: probes stay short.
	size := 1 << bits.Len(uint(2*n))
	j := &joined{
		keys:  make([]uint64, size),
		at:    make([]int32, size),
		w:     make([]float32, 0, n*2*numTags),
		shift: uint(64 - bits.Len(uint(size-1))),
	}
	put := func(h uint64, pass int, row []float32) {
		i := j.slot(h)
		if j.at[i] == 0 {
			j.keys[i] = h
			j.w = append(j.w, make([]float32, 2*numTags)...)
			j.at[i] = int32(len(j.w) / (2 * numTags))
		}
		copy(j.w[int(j.at[i]-1)*2*numTags+pass*numTags:], row)
	}
	for h, r := range m.first.index {
		put(h, 0, m.first.w[int(r)*numTags:][:numTags])
	}
	for h, r := range m.index {
		put(h, 1, m.w[int(r)*numTags:][:numTags])
	}
	m.joined = j
}

// slot returns the slot that holds h, or the empty one where it would go.
func (j *joined) slot(h uint64) int {
	mask := len(j.keys) - 1
	i := int((h * 0x9e3779b97f4a7c15) >> j.shift)
	for j.at[i] != 0 && j.keys[i] != h {
		i = (i + 1) & mask
	}
	return i
}

// find returns the weights of feature h in both passes, or nil when
// neither pass has it.
func (j *joined) find(h uint64) *block {
	i := j.slot(h)
	if j.at[i] == 0 {
		return nil
	}
	return (*block)(j.w[int(j.at[i]-1)*2*numTags:])
}
