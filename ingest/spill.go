package ingest

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math/bits"
	"os"
	"slices"
)

// What an ingest compares the articles it reads with grows with the store
// and the corpus: about 280 bytes an article both stored and read, more
// with long IDs (some 280 MB at a million). The tables below hold it in
// memory up to a budget shared by all the tables of a run
// (Options.IndexMemory), and past it in temporary files read and written
// at offsets (pread, pwrite) a page at a time, so that their pages are the
// operating system's page cache, which it can drop, not the process's
// memory: the ingest's peak RSS stays flat whatever the size of the store
// (docs/query-performance.md, "An ingest index that spills to disk").

// DefaultIndexMemory is Options.IndexMemory when it is zero: the bytes of
// the ingest's index of stored and read articles held in memory before
// the rest goes to temporary files. It holds the index of about 230,000
// articles stored and read.
const DefaultIndexMemory = 64 << 20

// ErrIndexFile is the error of a run whose index could not be read from or
// written to its temporary files (a full or unwritable temporary folder):
// the run stops, and prunes nothing.
var ErrIndexFile = errors.New("ingest index: temporary file")

// spill is the budget and the temporary files of one run's tables. Its
// methods are not safe for concurrent use: one goroutine at a time uses the
// tables of a run.
type spill struct {
	dir   string // of the temporary files; "" is os.TempDir
	left  int64  // bytes the tables may still hold in memory
	err   error  // the first I/O error; the tables find nothing after it
	files []*tempFile
}

type tempFile struct {
	*os.File
	remove bool // removed at close: the system kept it while open
}

// newSpill returns a spill that lets tables hold budget bytes in memory in
// all, and keeps its files in dir ("" for os.TempDir).
func newSpill(dir string, budget int64) *spill {
	return &spill{dir: dir, left: budget}
}

// fail records the first error of a table's file.
func (s *spill) fail(err error) {
	if s.err == nil {
		s.err = fmt.Errorf("%w: %w (TMPDIR names the folder: set it to one that exists, with room to write)", ErrIndexFile, err)
	}
}

// create opens a new temporary file; on Unix its name is removed at once,
// so that nothing is left behind by a run that is killed.
func (s *spill) create() (*tempFile, error) {
	f, err := os.CreateTemp(s.dir, "newsgraph-index-*")
	if err != nil {
		return nil, err
	}
	t := &tempFile{File: f}
	if os.Remove(f.Name()) != nil {
		t.remove = true
	}
	s.files = append(s.files, t)
	return t, nil
}

// drop closes (and removes) one file of s.
func (s *spill) drop(t *tempFile) {
	t.Close()
	if t.remove {
		os.Remove(t.Name())
	}
	s.files = slices.DeleteFunc(s.files, func(u *tempFile) bool { return u == t })
}

// close closes and removes every file of s.
func (s *spill) close() {
	for len(s.files) > 0 {
		s.drop(s.files[0])
	}
}

// spillBuf is bytes at offsets from 0 to its size, in memory while the
// spill's budget allows and in a temporary file after. Bytes never
// written read as zero. A file is read and written a page at a time
// through a small cache of its pages (cachePages of pageSize bytes): an
// append, a probe of neighbouring slots and the rebuild of a growing table
// touch the same pages again and again, and a page cached is a system
// call saved.
type spillBuf struct {
	sp   *spill
	mem  []byte    // the bytes, while in memory: len(mem) == size
	f    *tempFile // the bytes, once in a file
	size int64
	// Once in a file:
	pages []page // by slotOf the page's number
	disk  int64  // bytes of the file written; pages past it are zeroes, never read
}

const (
	pageSize   = 4096
	cachePages = 64 // 256 KiB a file
)

// page is one cached page of a file.
type page struct {
	n     int64 // its number (offset / pageSize), -1 when the slot is free
	dirty bool  // written since read
	b     [pageSize]byte
}

// slotOf places page n in the cache by a multiplicative hash (Knuth, TAOCP
// vol. 3, 6.4), not n mod cachePages: a table rebuilt at twice its size
// writes to pages a power of 2 apart, which would share a slot.
func slotOf(n int64) int {
	return int((uint64(n) * 0x9e3779b97f4a7c15) >> (64 - 6)) // 6 bits: cachePages
}

// page returns page n of the file, reading it (after writing back the
// page it replaces) when it is not cached.
func (b *spillBuf) page(n int64) *page {
	p := &b.pages[slotOf(n)]
	if p.n == n {
		return p
	}
	if p.n >= 0 && p.dirty {
		if _, err := b.f.WriteAt(p.b[:], p.n*pageSize); err != nil {
			b.sp.fail(err)
		}
		b.disk = max(b.disk, (p.n+1)*pageSize)
	}
	p.n, p.dirty = n, false
	if n*pageSize >= b.disk {
		clear(p.b[:])
		return p
	}
	k, err := b.f.ReadAt(p.b[:], n*pageSize)
	if err != nil && !errors.Is(err, io.EOF) {
		b.sp.fail(err)
		k = 0
	}
	clear(p.b[k:])
	return p
}

// readAt reads len(p) bytes at off, which with p must lie within the size;
// after an error of the file, p is zeroes.
func (b *spillBuf) readAt(p []byte, off int64) {
	if b.f == nil {
		if n := copy(p, b.mem[min(off, b.size):]); n < len(p) {
			clear(p[n:]) // past a write that failed: the run has stopped
		}
		return
	}
	for len(p) > 0 {
		k := copy(p, b.page(off / pageSize).b[off%pageSize:])
		p, off = p[k:], off+int64(k)
	}
}

// writeAt writes p at off, growing the size to reach its end.
func (b *spillBuf) writeAt(p []byte, off int64) {
	end := off + int64(len(p))
	if b.f == nil && (end <= int64(cap(b.mem)) || b.reserve(end)) {
		if end > b.size {
			b.mem = b.mem[:end]
			b.size = end
		}
		copy(b.mem[off:], p)
		return
	}
	if b.f == nil {
		return // no file could be made: failed
	}
	for len(p) > 0 {
		pg := b.page(off / pageSize)
		k := copy(pg.b[off%pageSize:], p)
		pg.dirty = true
		p, off = p[k:], off+int64(k)
	}
	b.size = max(b.size, end)
}

// appendBytes writes p at the end and returns where.
func (b *spillBuf) appendBytes(p []byte) int64 {
	off := b.size
	b.writeAt(p, off)
	return off
}

// resize grows b to size n of zeroes; b must be empty.
func (b *spillBuf) resize(n int64) {
	if b.f == nil && (n <= int64(cap(b.mem)) || b.reserveExact(n)) {
		b.mem = b.mem[:n]
		b.size = n
		return
	}
	if b.f != nil {
		b.size = n // zeroes: past what was written to the file
	}
}

// reserve makes room in memory for end bytes, doubling, or moves b to a
// file when the budget does not allow it; it reports whether b stays in
// memory.
func (b *spillBuf) reserve(end int64) bool {
	return b.reserveExact(max(end, 2*int64(cap(b.mem)), 4096))
}

func (b *spillBuf) reserveExact(n int64) bool {
	more := n - int64(cap(b.mem))
	if more <= b.sp.left {
		b.sp.left -= more
		m := make([]byte, len(b.mem), n)
		copy(m, b.mem)
		b.mem = m
		return true
	}
	f, err := b.sp.create()
	if err != nil {
		b.sp.fail(err)
		return false
	}
	if _, err := f.WriteAt(b.mem, 0); err != nil {
		b.sp.fail(err)
	}
	b.sp.left += int64(cap(b.mem))
	b.disk = int64(len(b.mem))
	b.mem, b.f = nil, f
	b.pages = make([]page, cachePages)
	for i := range b.pages {
		b.pages[i].n = -1
	}
	return false
}

// free gives b's memory back to the budget, or closes its file.
func (b *spillBuf) free() {
	if b.f != nil {
		b.sp.drop(b.f)
		b.f, b.pages, b.disk = nil, nil, 0
	}
	b.sp.left += int64(cap(b.mem))
	b.mem, b.size = nil, 0
}

// hashSlots is a hash table of fixed-size keys to uint32 values in a
// spillBuf: open addressing with linear probing (Knuth, TAOCP vol. 3,
// 6.4, algorithm L), grown by doubling at three quarters full. A key may
// be added more than once (the IDs of an idTable share a hash when they
// collide); removed entries leave a tombstone. Each slot is the key then
// the value plus one, little-endian: 0 is an empty slot, tombstone a
// removed one. A key's first 8 bytes place it, so they must be a hash.
type hashSlots struct {
	buf     spillBuf
	keySize int
	mask    uint64 // the number of slots, a power of 2, less one
	used    uint64 // slots not empty, tombstones included
}

const (
	tombstone  = ^uint32(0)
	probeChunk = 16   // slots read at once while probing
	firstSlots = 1024 // slots of a new table
)

func newHashSlots(sp *spill, keySize, slots int) hashSlots {
	h := hashSlots{buf: spillBuf{sp: sp}, keySize: keySize, mask: uint64(slots - 1)}
	h.buf.resize(int64(slots * h.slotSize()))
	return h
}

func (h *hashSlots) slotSize() int { return h.keySize + 4 }

// scan calls visit with the number, stored value (0 empty, tombstone
// removed, else the value plus one) and bytes of each slot from key's home
// slot on, reading probeChunk slots at a time, until visit returns true.
// The table is never full, so a scan meets an empty slot.
func (h *hashSlots) scan(key []byte, visit func(slot uint64, x uint32, s []byte) bool) {
	ss := h.slotSize()
	var chunk [probeChunk * (16 + 4)]byte
	i := binary.LittleEndian.Uint64(key) & h.mask
	for {
		n := min(probeChunk, h.mask+1-i) // a chunk never wraps
		b := chunk[:int(n)*ss]
		h.buf.readAt(b, int64(i)*int64(ss))
		for k := range n {
			s := b[int(k)*ss : int(k+1)*ss]
			if visit(i+k, binary.LittleEndian.Uint32(s[h.keySize:]), s) {
				return
			}
		}
		i = (i + n) & h.mask
	}
}

// probe calls visit with the slot number and value of each entry of key, in
// the order of probing, until visit returns true.
func (h *hashSlots) probe(key []byte, visit func(slot uint64, v uint32) bool) {
	h.scan(key, func(slot uint64, x uint32, s []byte) bool {
		if x == 0 {
			return true // an empty slot ends the run of key's slots
		}
		return x != tombstone && bytes.Equal(s[:h.keySize], key) && visit(slot, x-1)
	})
}

// find returns the first value of key that match accepts (nil accepts
// any).
func (h *hashSlots) find(key []byte, match func(v uint32) bool) (v uint32, slot uint64, ok bool) {
	h.probe(key, func(s uint64, x uint32) bool {
		if match == nil || match(x) {
			v, slot, ok = x, s, true
		}
		return ok
	})
	return v, slot, ok
}

// insert adds an entry of key with value v.
func (h *hashSlots) insert(key []byte, v uint32) {
	if (h.used+1)*4 > (h.mask+1)*3 {
		h.grow()
	}
	h.place(key, v)
}

// place writes an entry in the first free slot (empty or a tombstone) of
// key's run.
func (h *hashSlots) place(key []byte, v uint32) {
	h.scan(key, func(slot uint64, x uint32, s []byte) bool {
		if x != 0 && x != tombstone {
			return false
		}
		if x == 0 {
			h.used++
		}
		copy(s, key)
		binary.LittleEndian.PutUint32(s[h.keySize:], v+1)
		h.buf.writeAt(s, int64(slot)*int64(h.slotSize()))
		return true
	})
}

// setValue gives slot the value v.
func (h *hashSlots) setValue(slot uint64, v uint32) {
	var b [4]byte
	binary.LittleEndian.PutUint32(b[:], v+1)
	h.buf.writeAt(b[:], int64(slot)*int64(h.slotSize())+int64(h.keySize))
}

// remove leaves a tombstone in slot.
func (h *hashSlots) remove(slot uint64) { h.setValue(slot, tombstone-1) }

// grow moves the entries to a table of twice as many slots, reading the
// old one in order and dropping its tombstones.
func (h *hashSlots) grow() { h.growTo(2 * (h.mask + 1)) }

// growTo moves the entries to a table of slots slots, a power of 2.
func (h *hashSlots) growTo(slots uint64) {
	next := newHashSlots(h.buf.sp, h.keySize, int(slots))
	ss := h.slotSize()
	chunk := make([]byte, 4096*ss)
	for i := uint64(0); i <= h.mask; i += 4096 {
		n := min(4096, h.mask+1-i)
		b := chunk[:int(n)*ss]
		h.buf.readAt(b, int64(i)*int64(ss))
		for k := 0; k < int(n); k++ {
			s := b[k*ss : (k+1)*ss]
			if v := binary.LittleEndian.Uint32(s[h.keySize:]); v != 0 && v != tombstone {
				next.place(s[:h.keySize], v-1)
			}
		}
	}
	h.buf.free()
	*h = next
}

// batchEntry is an entry waiting in a batch for hashSlots.placeBatch: its
// key in the first keySize bytes, and its value.
type batchEntry struct {
	key [16]byte
	v   uint32
}

// placeBatch adds the entries of batch in the order of their home slots,
// after growing the table to hold them all. Entries added as they come
// read and write a random page each once the table is a file: two system
// calls an entry, some 4 million for the stored index of a million
// articles. Added in order they read and write each page at most once a
// batch. Before an entry is placed, the run of its
// home slot is searched: dup is called with the slot and value of every
// entry of an equal key there (placed earlier, or earlier in the batch),
// and an entry for which it returns true is not placed.
func (h *hashSlots) placeBatch(batch []batchEntry, dup func(slot uint64, v uint32, e *batchEntry) bool) {
	slots := h.mask + 1
	for (h.used+uint64(len(batch)))*4 > slots*3 {
		slots *= 2
	}
	if slots > h.mask+1 {
		h.growTo(slots)
	}
	// The order: each entry's home slot above its place in the batch,
	// sorted as integers (a third of the time of sorting the entries).
	order := make([]uint64, len(batch))
	shift := bits.Len(uint(len(batch)))
	for i := range batch {
		order[i] = (binary.LittleEndian.Uint64(batch[i].key[:8])&h.mask)<<shift | uint64(i)
	}
	slices.Sort(order)
	for _, o := range order {
		e := &batch[o&(1<<shift-1)]
		key := e.key[:h.keySize]
		free, empty, done := uint64(0), false, false
		found := false // a free slot
		h.scan(key, func(slot uint64, x uint32, s []byte) bool {
			switch {
			case x == 0:
				if !found {
					free, empty, found = slot, true, true
				}
				return true
			case x == tombstone:
				if !found {
					free, found = slot, true
				}
			case bytes.Equal(s[:h.keySize], key) && dup != nil && dup(slot, x-1, e):
				done = true
				return true
			}
			return false
		})
		if done {
			continue
		}
		if empty {
			h.used++
		}
		var b [16 + 4]byte
		copy(b[:], key)
		binary.LittleEndian.PutUint32(b[h.keySize:], e.v+1)
		h.buf.writeAt(b[:h.slotSize()], int64(free)*int64(h.slotSize()))
	}
}
