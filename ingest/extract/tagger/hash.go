package tagger

import "slices"

// FNV-1a, 64 bits (Fowler, Noll, Vo), over strings without converting them.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hashString(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

func hashStr(s string) uint64 { return hashString(fnvOffset, s) }

// mix returns the feature hash of template t with value v: the finaliser
// of MurmurHash3 over the two, so that values hashed alike under different
// templates land far apart.
func mix(t, v uint64) uint64 {
	h := v ^ (t+1)*0x9E3779B97F4A7C15
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	h ^= h >> 33
	return h
}

// table is an open-addressing hash table from feature hash to a row
// index, with linear probing; its size is a power of two at most half full.
// Key 0 marks an empty slot, so the hash 0 is stored as 1.
type table struct {
	keys []uint64
	vals []int32
	mask uint64
	n    int
}

func newTable(n int) *table {
	size := 16
	for size < 2*n {
		size *= 2
	}
	return &table{keys: make([]uint64, size), vals: make([]int32, size), mask: uint64(size - 1)}
}

func nonzero(k uint64) uint64 {
	if k == 0 {
		return 1
	}
	return k
}

// get returns the row of k, or -1.
func (t *table) get(k uint64) int32 {
	k = nonzero(k)
	for i := k & t.mask; ; i = (i + 1) & t.mask {
		switch t.keys[i] {
		case k:
			return t.vals[i]
		case 0:
			return -1
		}
	}
}

// put sets the row of k; it grows the table when half full.
func (t *table) put(k uint64, v int32) {
	if 2*(t.n+1) > len(t.keys) {
		old := *t
		*t = *newTable(2 * len(old.keys))
		for i, ok := range old.keys {
			if ok != 0 {
				t.put(ok, old.vals[i])
			}
		}
	}
	k = nonzero(k)
	for i := k & t.mask; ; i = (i + 1) & t.mask {
		switch t.keys[i] {
		case k:
			t.vals[i] = v
			return
		case 0:
			t.keys[i], t.vals[i] = k, v
			t.n++
			return
		}
	}
}

// weights is the feature table of a model: an open-addressing hash table
// whose slots hold a feature hash and its weights for each tag, quantised to
// int16 (the model's scale turns them back into scores), so that a
// feature's lookup touches one half of a cache line. It is at most half
// full; key 0 marks an empty slot (see nonzero).
type weights struct {
	slots []slot
	mask  uint64
	n     int
}

type slot struct {
	key uint64
	w   [numTags]int16
}

func newWeights(n int) *weights {
	size := 16
	for size < 2*n {
		size *= 2
	}
	return &weights{slots: make([]slot, size), mask: uint64(size - 1)}
}

// get returns the weights of feature k, or nil.
func (t *weights) get(k uint64) *[numTags]int16 {
	k = nonzero(k)
	for i := k & t.mask; ; i = (i + 1) & t.mask {
		s := &t.slots[i]
		switch s.key {
		case k:
			return &s.w
		case 0:
			return nil
		}
	}
}

// put adds feature k with weights w; the table must have room (newWeights
// of the number of features) and not hold k yet.
func (t *weights) put(k uint64, w [numTags]int16) {
	k = nonzero(k)
	for i := k & t.mask; ; i = (i + 1) & t.mask {
		if s := &t.slots[i]; s.key == 0 {
			s.key, s.w = k, w
			t.n++
			return
		}
	}
}

// sorted returns the keys of t in increasing order.
func (t *weights) sorted() []uint64 {
	out := make([]uint64, 0, t.n)
	for _, s := range t.slots {
		if s.key != 0 {
			out = append(out, s.key)
		}
	}
	slices.Sort(out)
	return out
}
