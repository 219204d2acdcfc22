package ingest

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/newsgraph/newsgraph/graph/sqlite"
	"github.com/newsgraph/newsgraph/ingest/extract"
	"github.com/newsgraph/newsgraph/ingest/lexicon"
)

// TestHashSlots checks a hash table against a Go map through random
// inserts, updates and removals (fixed seed), in memory, in a file and
// moving between them, with keys whose placing bytes are all alike for a
// share of them so that runs of slots wrap around the table's end.
func TestHashSlots(t *testing.T) {
	for _, sp := range spills {
		t.Run(sp.name, func(t *testing.T) {
			s := newSpill(t.TempDir(), sp.budget)
			defer s.close()
			h := newHashSlots(s, 16, 16)
			want := map[digest]uint32{}
			r := rand.New(rand.NewPCG(1, 2))
			key := func() digest {
				var d digest
				n := r.IntN(5000)
				if n%7 == 0 {
					d[0] = 0xff // the last slots of a small table: runs wrap
				} else {
					d[0], d[1] = byte(n), byte(n>>8)
				}
				d[8], d[9] = byte(n), byte(n>>8)
				return d
			}
			for i := range 40000 {
				d := key()
				switch op := r.IntN(10); {
				case op < 6: // put
					if _, slot, ok := h.find(d[:], nil); ok {
						h.setValue(slot, uint32(i))
					} else {
						h.insert(d[:], uint32(i))
					}
					want[d] = uint32(i)
				case op < 8: // remove
					if _, slot, ok := h.find(d[:], nil); ok {
						h.remove(slot)
					}
					delete(want, d)
				default:
					v, _, ok := h.find(d[:], nil)
					if w, wok := want[d]; ok != wok || v != w {
						t.Fatalf("op %d: find(%x) = %d, %v; want %d, %v", i, d, v, ok, w, wok)
					}
				}
			}
			for d, w := range want {
				if v, _, ok := h.find(d[:], nil); !ok || v != w {
					t.Fatalf("find(%x) = %d, %v; want %d", d, v, ok, w)
				}
			}
			if h.mask+1 < uint64(len(want)) || (h.used)*4 > (h.mask+1)*3 {
				t.Errorf("%d slots, %d used, for %d entries", h.mask+1, h.used, len(want))
			}
			if s.err != nil {
				t.Fatal(s.err)
			}
		})
	}
}

// TestPlaceBatch: entries placed a batch at a time among entries inserted
// one by one and tombstones, with duplicates in a batch and across
// batches, are found as a map holds them; dup sees every equal key.
func TestPlaceBatch(t *testing.T) {
	for _, sp := range spills {
		t.Run(sp.name, func(t *testing.T) {
			s := newSpill(t.TempDir(), sp.budget)
			defer s.close()
			h := newHashSlots(s, 16, 16)
			want := map[digest]uint32{} // the least value of each key
			r := rand.New(rand.NewPCG(3, 4))
			key := func() digest {
				var d digest
				n := r.IntN(20000)
				if n%7 == 0 {
					d[0] = 0xff // the last slots: runs wrap
				} else {
					d[0], d[1], d[2] = byte(n), byte(n>>8), byte(n>>16)
				}
				d[8], d[9], d[10] = byte(n), byte(n>>8), byte(n>>16)
				return d
			}
			// Entries one by one, some removed: tombstones to reuse.
			for i := range 3000 {
				d := key()
				if _, slot, ok := h.find(d[:], nil); ok {
					h.remove(slot)
					delete(want, d)
					continue
				}
				h.insert(d[:], uint32(i))
				want[d] = uint32(i)
			}
			v := uint32(3000)
			for range 5 { // batches that grow the table
				batch := make([]batchEntry, 4000)
				for i := range batch {
					d := key()
					copy(batch[i].key[:], d[:])
					batch[i].v = v + uint32(r.IntN(4000)) // not in order
				}
				v += 4000
				for _, e := range batch {
					d := digest(e.key)
					if w, ok := want[d]; !ok || e.v < w {
						want[d] = e.v
					}
				}
				h.placeBatch(batch, func(slot uint64, x uint32, e *batchEntry) bool {
					if x != func() uint32 { y, _, _ := h.find(e.key[:], nil); return y }() {
						t.Fatalf("dup: slot %d holds %d, not the key's entry", slot, x)
					}
					if e.v < x {
						h.setValue(slot, e.v)
					}
					return true
				})
			}
			for d, w := range want {
				if x, _, ok := h.find(d[:], nil); !ok || x != w {
					t.Fatalf("find(%x) = %d, %v; want %d", d, x, ok, w)
				}
			}
			n, dead := 0, 0 // entries in the table (one a key), tombstones
			for i := uint64(0); i <= h.mask; i++ {
				b := make([]byte, h.slotSize())
				h.buf.readAt(b, int64(i)*int64(h.slotSize()))
				switch x := binary.LittleEndian.Uint32(b[16:]); x {
				case 0:
				case tombstone:
					dead++
				default:
					n++
				}
			}
			if n != len(want) || h.used != uint64(n+dead) || h.used*4 > (h.mask+1)*3 {
				t.Errorf("%d entries for %d keys, %d tombstones; %d slots, %d counted used", n, len(want), dead, h.mask+1, h.used)
			}
			if s.err != nil {
				t.Fatal(s.err)
			}
		})
	}
}

// TestSpillBudget: tables take memory from the budget until it runs out,
// then move to files and give their memory back.
func TestSpillBudget(t *testing.T) {
	dir := t.TempDir()
	s := newSpill(dir, 64<<10)
	defer s.close()
	b := spillBuf{sp: s}
	chunk := make([]byte, 1000)
	for i := range 200 {
		for k := range chunk {
			chunk[k] = byte(i + k)
		}
		b.appendBytes(chunk)
	}
	if b.f == nil || s.left != 64<<10 {
		t.Fatalf("200,000 bytes under a budget of 64 KiB: in a file %v, %d bytes of the budget left", b.f != nil, s.left)
	}
	got := make([]byte, 1000)
	for i := range 200 {
		b.readAt(got, int64(i)*1000)
		for k := range got {
			if got[k] != byte(i+k) {
				t.Fatalf("byte %d of chunk %d is %d after the move to a file", k, i, got[k])
			}
		}
	}
	// The file's name is gone while it is open (Unix), and the file at
	// close.
	if left, _ := filepath.Glob(filepath.Join(dir, "newsgraph-index-*")); len(left) > 0 && !s.files[0].remove {
		t.Errorf("temporary files named while open: %v", left)
	}
	s.close()
	if left, _ := filepath.Glob(filepath.Join(dir, "newsgraph-index-*")); len(left) > 0 {
		t.Errorf("temporary files left after close: %v", left)
	}
}

// TestRunIndexFileFails: a run whose index cannot go to a file (a
// temporary folder that does not exist) stops with ErrIndexFile and
// writes nothing.
func TestRunIndexFileFails(t *testing.T) {
	dir := t.TempDir()
	store, err := sqlite.Open(context.Background(), filepath.Join(dir, "g.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	corpus := filepath.Join(dir, "a.jsonl")
	os.WriteFile(corpus, []byte(`{"id":"a","title":"t","body":"Mustafa al-Kadhimi met Joe Biden in Washington."}`+"\n"), 0o644)
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	x := extract.NewExtractor(lex)
	_, err = Run(context.Background(), store, x, []string{corpus}, Options{IndexMemory: -1, TempDir: filepath.Join(dir, "missing")})
	if !errors.Is(err, ErrIndexFile) {
		t.Fatalf("Run with an index folder that does not exist: %v, want ErrIndexFile", err)
	}
	if n, err := store.Size(context.Background()); err != nil || n.Articles != 0 {
		t.Errorf("store holds %+v after the failed run (%v), want nothing", n, err)
	}
}

// TestSpillFailsMidway: tables whose budget runs out after their folder
// went away keep answering (nothing found) without a panic, and the spill
// holds ErrIndexFile.
func TestSpillFailsMidway(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "gone")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	s := newSpill(dir, 48<<10)
	defer s.close()
	r := newReadIndex(s)
	texts := newTextTable(s)
	if err := os.Remove(dir); err != nil {
		t.Fatal(err)
	}
	for i := range 5000 {
		id := fmt.Sprintf("wire:%d", i)
		r.set(id, readArticle{hash: digestOf(id)})
		texts.put(digestOf(id), r.number(id))
		r.get(fmt.Sprintf("wire:%d", i/2))
	}
	if !errors.Is(s.err, ErrIndexFile) {
		t.Fatalf("spill error %v, want ErrIndexFile", s.err)
	}
}

// TestSpillBufPages: a buffer in a file, written and read at random
// offsets and lengths over many more pages than its cache holds (so that
// pages are written back, dropped and read again), reads what a slice
// written alike holds.
func TestSpillBufPages(t *testing.T) {
	s := newSpill(t.TempDir(), 0)
	defer s.close()
	b := spillBuf{sp: s}
	b.resize(1) // in a file from the start
	if b.f == nil {
		t.Fatal("a buffer with no budget is not in a file")
	}
	const size = 1000 * pageSize
	mirror := make([]byte, 1)
	r := rand.New(rand.NewPCG(3, 4))
	for i := range 20000 {
		off := r.Int64N(size)
		n := 1 + r.IntN(3*pageSize) // some writes span pages
		if r.IntN(2) == 0 {
			p := make([]byte, n)
			for k := range p {
				p[k] = byte(r.IntN(256))
			}
			b.writeAt(p, off)
			if end := off + int64(n); end > int64(len(mirror)) {
				mirror = append(mirror, make([]byte, end-int64(len(mirror)))...)
			}
			copy(mirror[off:], p)
			continue
		}
		if off >= int64(len(mirror)) {
			continue
		}
		n = min(n, len(mirror)-int(off))
		got := make([]byte, n)
		b.readAt(got, off)
		if !bytes.Equal(got, mirror[off:off+int64(n)]) {
			t.Fatalf("op %d: %d bytes at %d differ from what was written", i, n, off)
		}
	}
	if b.size != int64(len(mirror)) {
		t.Errorf("size %d, want %d", b.size, len(mirror))
	}
	got := make([]byte, len(mirror))
	b.readAt(got, 0)
	if !bytes.Equal(got, mirror) {
		t.Error("the whole buffer differs from what was written")
	}
	if s.err != nil {
		t.Fatal(s.err)
	}
}
