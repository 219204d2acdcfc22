package ingest

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"hash/maphash"
	"math"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/graph"
)

// An ingest holds, for the whole run, what it compares the articles it
// reads with: every stored article's hash, input and text fingerprint, and
// every article it has read. Held as strings in seven maps these were
// 0.9–1.2 KB an article; the types below hold the same in fixed-size
// digests and numbers, in tables of bytes (spill.go) that stay in memory up
// to a budget and go to temporary files past it: about 280 bytes an
// article both stored and read, and a flat heap whatever the size of the
// store (docs/query-performance.md, "The ingest's live heap" and "An
// ingest index that spills to disk").

// digest is a 128-bit key for a hash or a text fingerprint: the first 16
// bytes of a 64-digit hex SHA-256 (what extract.Extractor.Hash and
// read.TextFingerprint give), or of the SHA-256 of any other string. Two
// fingerprints that differ share a digest with a probability of about
// 2⁻¹²⁸ a pair: at a million articles, some 10⁻²⁷.
type digest [16]byte

// digestOf returns s's digest.
func digestOf(s string) digest {
	var d digest
	if len(s) == 2*sha256.Size && isLowerHex(s) {
		hex.Decode(d[:], []byte(s[:2*len(d)])) // cannot fail: s is hex
		return d
	}
	sum := sha256.Sum256([]byte(s))
	copy(d[:], sum[:])
	return d
}

// isLowerHex reports whether s holds only the digits hex.EncodeToString
// writes, so that a fingerprint with any capital, or any digit that is not
// hex, takes the SHA-256 route and never shares a digest with the
// lower-case one it equals but for case (hex.Decode reads both cases).
func isLowerHex(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

// storedArticle is what an ingest compares with about one stored article.
type storedArticle struct {
	hash    digest // graph.Article.Hash
	text    digest // graph.Article.Text, when hasText
	input   name   // graph.Article.Input; none when stored before inputs were recorded
	hasText bool
}

// storedSize is the bytes of a storedArticle in an articleIndex: hash,
// text, input (little-endian), hasText.
const storedSize = 16 + 16 + 4 + 1

func (s *storedArticle) encode(b []byte) {
	copy(b, s.hash[:])
	copy(b[16:], s.text[:])
	binary.LittleEndian.PutUint32(b[32:], uint32(s.input))
	b[36] = 0
	if s.hasText {
		b[36] = 1
	}
}

func (s *storedArticle) decode(b []byte) {
	copy(s.hash[:], b)
	copy(s.text[:], b[16:])
	s.input = name(binary.LittleEndian.Uint32(b[32:]))
	s.hasText = b[36] == 1
}

// articleIndex is the stored articles an ingest starts from: their IDs in
// an idTable, their records by the number it gives, their texts' owners in
// a hash table, all in a run's spill (in memory up to its budget, in
// temporary files past it) and none a pointer the collector would scan.
type articleIndex struct {
	ids  idTable
	recs spillBuf // storedSize bytes a stored article, by number
	// inputs says whether the store records articles' inputs
	// (graph.InputLister).
	inputs bool
	// owners maps each stored text's digest to the number of the least
	// ID that holds it, so that the choice does not depend on the order
	// read.
	owners hashSlots
	names  *names // of inputs
	last   lookup[storedArticle]
	// While storedArticles loads the index (load), the entries of
	// ids.slots and owners wait in batches placed in order (placeBatch);
	// dupErr is a stored ID listed twice.
	loading            bool
	idBatch, textBatch []batchEntry
	dupErr             error
}

// loadBatch is the entries of each hash table a load holds before placing
// them: 2.5 MB a table, and a page of a table in a file read and written
// once a batch (8 times for the text owners of a million articles).
var loadBatch = 1 << 17 // a variable for the tests

// load adds the stored articles that list calls its visit function with,
// each once (a store's IDs are unique: graph.ArticleIndexer), as add does
// but with the hash tables' entries placed a batch at a time in the order
// of their slots: some seconds less at a million stored articles, where
// the tables are files (docs/query-performance.md, "What a small ingest
// into a million costs"). An ID listed twice is an error.
func (ix *articleIndex) load(list func(visit func(id, hash, input, text string)) error) error {
	ix.loading = true
	err := list(ix.add)
	ix.flush()
	ix.loading, ix.idBatch, ix.textBatch = false, nil, nil
	if err != nil {
		return err
	}
	return ix.dupErr
}

// flush places the batches of a load.
func (ix *articleIndex) flush() {
	t := &ix.ids
	t.slots.placeBatch(ix.idBatch, func(_ uint64, v uint32, e *batchEntry) bool {
		if id := t.id(e.v); t.is(v, id) && ix.dupErr == nil {
			ix.dupErr = fmt.Errorf("the store listed article %q twice: newsgraph check tells whether it is damaged", id)
		}
		return false // a hash shared by two IDs, or an ID twice: both kept
	})
	ix.owners.placeBatch(ix.textBatch, func(slot uint64, o uint32, e *batchEntry) bool {
		if t.id(e.v) < t.id(o) {
			ix.owners.setValue(slot, e.v)
		}
		return true
	})
	ix.idBatch, ix.textBatch = ix.idBatch[:0], ix.textBatch[:0]
}

// lookup is the last ID a table was asked about and its answer: the
// pipeline asks about one article's ID several times in a row, and past
// the spill's budget every question is a read of a file.
type lookup[T any] struct {
	id    string
	rec   T
	found bool
	valid bool
}

func (l *lookup[T]) get(id string) (T, bool, bool) {
	return l.rec, l.found, l.valid && l.id == id
}

func (l *lookup[T]) set(id string, rec T, found bool) {
	*l = lookup[T]{id: id, rec: rec, found: found, valid: true}
}

func newArticleIndex(nm *names, sp *spill) *articleIndex {
	return &articleIndex{ids: newIDTable(sp), recs: spillBuf{sp: sp}, owners: newHashSlots(sp, len(digest{}), firstSlots), names: nm}
}

// stored returns what the index holds of id.
func (ix *articleIndex) stored(id string) (storedArticle, bool) {
	if s, ok, hit := ix.last.get(id); hit {
		return s, ok
	}
	var s storedArticle
	i, ok := ix.ids.find(id)
	if ok {
		var b [storedSize]byte
		ix.recs.readAt(b[:], int64(i)*storedSize)
		s.decode(b[:])
	}
	ix.last.set(id, s, ok)
	return s, ok
}

// has reports whether id is stored.
func (ix *articleIndex) has(id string) bool {
	_, ok := ix.stored(id)
	return ok
}

// hash returns the stored hash of id, and whether id is stored.
func (ix *articleIndex) hash(id string) (digest, bool) {
	s, ok := ix.stored(id)
	return s.hash, ok
}

// input returns the input id was stored from: "" when the store records
// none for it, and ok false when id is not stored or the store records no
// inputs at all.
func (ix *articleIndex) input(id string) (in string, ok bool) {
	if !ix.inputs {
		return "", false
	}
	s, ok := ix.stored(id)
	return ix.names.name(s.input), ok
}

// inputName returns the name of the input id was stored from, "" when
// none is recorded or id is not stored.
func (ix *articleIndex) inputName(id string) string {
	s, _ := ix.stored(id)
	return ix.names.name(s.input)
}

// text returns id's stored text fingerprint, if it has one.
func (ix *articleIndex) text(id string) (digest, bool) {
	s, ok := ix.stored(id)
	return s.text, ok && s.hasText
}

// holds reports whether id is stored with text fp.
func (ix *articleIndex) holds(id string, fp digest) bool {
	t, ok := ix.text(id)
	return ok && t == fp
}

// owner returns the stored article that holds text fp.
func (ix *articleIndex) owner(fp digest) (string, bool) {
	i, _, ok := ix.owners.find(fp[:], nil)
	if !ok {
		return "", false
	}
	return ix.ids.id(i), true
}

// each calls f with every stored article, in the order added.
func (ix *articleIndex) each(f func(id string, s storedArticle)) {
	const chunk = 4096
	b := make([]byte, chunk*storedSize)
	for i := uint32(0); i < ix.ids.n; i += chunk {
		n := min(chunk, ix.ids.n-i)
		ix.recs.readAt(b[:n*storedSize], int64(i)*storedSize)
		for k := range n {
			var s storedArticle
			s.decode(b[k*storedSize:])
			f(ix.ids.id(i+k), s)
		}
	}
}

// add records a stored article; input and text are "" when not known. An
// ID added again takes the later values, as a map would.
func (ix *articleIndex) add(id, hash, input, text string) {
	ix.last = lookup[storedArticle]{}
	s := storedArticle{hash: digestOf(hash), input: ix.names.of(input)}
	var i uint32
	if ix.loading {
		i = ix.ids.push(id)
		e := batchEntry{v: i}
		key := ix.ids.key(id)
		copy(e.key[:], key[:])
		ix.idBatch = append(ix.idBatch, e)
	} else {
		i, _ = ix.ids.add(id)
	}
	if text != "" {
		s.text, s.hasText = digestOf(text), true
		if ix.loading {
			e := batchEntry{v: i}
			copy(e.key[:], s.text[:])
			ix.textBatch = append(ix.textBatch, e)
		} else if o, slot, ok := ix.owners.find(s.text[:], nil); !ok {
			ix.owners.insert(s.text[:], i)
		} else if id < ix.ids.id(o) {
			ix.owners.setValue(slot, i)
		}
	}
	if ix.loading && max(len(ix.idBatch), len(ix.textBatch)) >= loadBatch {
		ix.flush()
	}
	var b [storedSize]byte
	s.encode(b[:])
	ix.recs.writeAt(b[:], int64(i)*storedSize)
}

// idTable numbers strings from 0 in the order added, holding them end to
// end in one arena and finding them through a hash table of their 64-bit
// hashes (hash/maphash), the string compared: IDs that share a hash are
// entries of one key.
type idTable struct {
	hash  func(string) uint64
	slots hashSlots // an ID's hash, little-endian → its number
	ends  spillBuf  // 8 bytes an ID, little-endian: where ID i ends in arena
	arena spillBuf  // the IDs, end to end
	n     uint32    // IDs added
	buf   []byte    // the last ID read
	// last is the last ID found or added and its number: a run asks
	// about one article's ID several times in a row.
	last lookup[uint32]
}

func newIDTable(sp *spill) idTable {
	seed := maphash.MakeSeed()
	return idTable{
		hash:  func(s string) uint64 { return maphash.String(seed, s) },
		slots: newHashSlots(sp, 8, firstSlots),
		ends:  spillBuf{sp: sp},
		arena: spillBuf{sp: sp},
	}
}

// span returns where ID i starts and ends in the arena.
func (t *idTable) span(i uint32) (start, end int64) {
	var b [16]byte
	if i == 0 {
		t.ends.readAt(b[8:], 0)
	} else {
		t.ends.readAt(b[:], int64(i-1)*8)
	}
	return int64(binary.LittleEndian.Uint64(b[:8])), int64(binary.LittleEndian.Uint64(b[8:]))
}

// bytes returns the ID numbered i, valid until the next call.
func (t *idTable) bytes(i uint32) []byte {
	return t.read(t.span(i))
}

// read returns the arena's bytes from start to end, valid until the next
// call.
func (t *idTable) read(start, end int64) []byte {
	if int64(cap(t.buf)) < end-start {
		t.buf = make([]byte, end-start)
	}
	b := t.buf[:end-start]
	t.arena.readAt(b, start)
	return b
}

// id returns the string numbered i.
func (t *idTable) id(i uint32) string {
	return string(t.bytes(i))
}

// is reports whether i numbers id.
func (t *idTable) is(i uint32, id string) bool {
	start, end := t.span(i)
	return end-start == int64(len(id)) && string(t.read(start, end)) == id
}

// find returns the number of id, if added.
func (t *idTable) find(id string) (uint32, bool) {
	if n, ok, hit := t.last.get(id); hit {
		return n, ok
	}
	n, ok := t.findKey(id, t.key(id))
	t.last.set(id, n, ok)
	return n, ok
}

// key is id's key in slots: its hash, little-endian.
func (t *idTable) key(id string) [8]byte {
	var key [8]byte
	binary.LittleEndian.PutUint64(key[:], t.hash(id))
	return key
}

func (t *idTable) findKey(id string, key [8]byte) (uint32, bool) {
	n, _, ok := t.slots.find(key[:], func(n uint32) bool { return t.is(n, id) })
	return n, ok
}

// push numbers id without adding it to the hash table, which is the
// caller's to do (articleIndex.load).
func (t *idTable) push(id string) (n uint32) {
	if t.n >= math.MaxUint32-2 { // the hash table's values are n+1 and a tombstone
		panic("ingest: more than 4 billion article IDs")
	}
	n = t.n
	end := t.arena.appendBytes([]byte(id)) + int64(len(id))
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], uint64(end))
	t.ends.writeAt(b[:], int64(n)*8)
	t.n++
	t.last = lookup[uint32]{}
	return n
}

// add returns the number of id, adding it when new (fresh).
func (t *idTable) add(id string) (n uint32, fresh bool) {
	i, ok, hit := t.last.get(id)
	if hit && ok {
		return i, false
	}
	key := t.key(id) // hashed once, for the search and the entry
	if !hit {
		if i, ok := t.findKey(id, key); ok {
			t.last.set(id, i, true)
			return i, false
		}
	}
	n = t.push(id)
	t.slots.insert(key[:], n)
	t.last.set(id, n, true)
	return n, true
}

// storedArticles reads what Run compares the articles it reads with, for
// every stored article: its Hash, its Input (when the store is a
// graph.InputLister) and its text fingerprint (a graph.TextLister). From a
// graph.ArticleIndexer it is one read; otherwise three, whose inputs and
// texts of IDs the first did not list are left out. The inputs' names go
// to nm.
func storedArticles(ctx context.Context, store graph.Store, nm *names, sp *spill) (*articleIndex, error) {
	ix := newArticleIndex(nm, sp)
	if ai, ok := store.(graph.ArticleIndexer); ok {
		ix.inputs = true
		err := ix.load(func(visit func(id, hash, input, text string)) error { return ai.ArticleIndex(ctx, visit) })
		if err != nil {
			return nil, err
		}
		return ix, nil
	}
	known, err := store.Fingerprints(ctx)
	if err != nil {
		return nil, err
	}
	var inputs, texts map[string]string
	if il, ok := store.(graph.InputLister); ok {
		if inputs, err = il.Inputs(ctx); err != nil {
			return nil, err
		}
		ix.inputs = true
	}
	if tl, ok := store.(graph.TextLister); ok {
		if texts, err = tl.Texts(ctx); err != nil {
			return nil, err
		}
	}
	err = ix.load(func(visit func(id, hash, input, text string)) error {
		for id, h := range known {
			visit(id, h, inputs[id], texts[id])
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return ix, nil
}

// name stands for a string of a names: an input, or an origin's file (a
// corpus is a few files, named again by each of its articles and lines).
// The zero name stands for "".
type name uint32

// names holds one copy of each string its names stand for.
type names struct {
	index map[string]name
	list  []string // list[n-1] is name n's string
}

// of returns the name of s, adding s when new.
func (nm *names) of(s string) name {
	if s == "" {
		return 0
	}
	if n, ok := nm.index[s]; ok {
		return n
	}
	if nm.index == nil {
		nm.index = map[string]name{}
	}
	s = strings.Clone(s) // not a part of a longer string it would keep
	nm.list = append(nm.list, s)
	n := name(len(nm.list))
	nm.index[s] = n
	return n
}

// name returns the string n stands for.
func (nm *names) name(n name) string {
	if n == 0 {
		return ""
	}
	return nm.list[n-1]
}

// readArticle is what an ingest keeps of an article it read and keeps.
type readArticle struct {
	hash  digest // extract.Extractor.Hash
	input name   // read.Article.Input
	first place  // where it was first read
	kept  bool   // false for an ID a readIndex numbers but has not kept
}

// readSize is the bytes of a readArticle in a readIndex: hash, input,
// first's file and number (little-endian) and separator, kept.
const readSize = 16 + 4 + 4 + 4 + 1 + 1

func (a *readArticle) encode(b []byte) {
	copy(b, a.hash[:])
	binary.LittleEndian.PutUint32(b[16:], uint32(a.input))
	binary.LittleEndian.PutUint32(b[20:], uint32(a.first.file))
	binary.LittleEndian.PutUint32(b[24:], a.first.n)
	b[28] = a.first.sep
	b[29] = 0
	if a.kept {
		b[29] = 1
	}
}

func (a *readArticle) decode(b []byte) {
	copy(a.hash[:], b)
	a.input = name(binary.LittleEndian.Uint32(b[16:]))
	a.first.file = name(binary.LittleEndian.Uint32(b[20:]))
	a.first.n = binary.LittleEndian.Uint32(b[24:])
	a.first.sep = b[28]
	a.kept = b[29] == 1
}

// readIndex is the articles a run has read and kept, by ID, and numbers
// for the other IDs its tables name (texts' owners): like articleIndex,
// in a run's spill.
type readIndex struct {
	ids  idTable
	recs spillBuf // readSize bytes an ID, by number
	last lookup[readArticle]
}

func newReadIndex(sp *spill) *readIndex {
	return &readIndex{ids: newIDTable(sp), recs: spillBuf{sp: sp}}
}

// number returns id's number, numbering it when new.
func (r *readIndex) number(id string) uint32 {
	n, fresh := r.ids.add(id)
	if fresh {
		var b [readSize]byte
		r.recs.writeAt(b[:], int64(n)*readSize)
	}
	return n
}

// id returns the ID numbered n.
func (r *readIndex) id(n uint32) string { return r.ids.id(n) }

// is reports whether n numbers id.
func (r *readIndex) is(n uint32, id string) bool { return r.ids.is(n, id) }

// get returns what the run kept of id, and whether it kept it.
func (r *readIndex) get(id string) (readArticle, bool) {
	if a, ok, hit := r.last.get(id); hit {
		return a, ok
	}
	var a readArticle
	if n, ok := r.ids.find(id); ok {
		var b [readSize]byte
		r.recs.readAt(b[:], int64(n)*readSize)
		a.decode(b[:])
	}
	if !a.kept {
		a = readArticle{}
	}
	r.last.set(id, a, a.kept)
	return a, a.kept
}

// has reports whether the run kept id.
func (r *readIndex) has(id string) bool {
	_, ok := r.get(id)
	return ok
}

// set records that the run keeps id as a.
func (r *readIndex) set(id string, a readArticle) {
	a.kept = true
	var b [readSize]byte
	a.encode(b[:])
	r.recs.writeAt(b[:], int64(r.number(id))*readSize)
	r.last.set(id, a, true)
}

// textTable maps the text fingerprints a run has read to the number (in
// its readIndex) of the first ID read with each, in a run's spill.
type textTable struct{ slots hashSlots }

func newTextTable(sp *spill) *textTable {
	return &textTable{slots: newHashSlots(sp, len(digest{}), firstSlots)}
}

// get returns the number fp maps to.
func (t *textTable) get(fp digest) (uint32, bool) {
	n, _, ok := t.slots.find(fp[:], nil)
	return n, ok
}

// put maps fp to n.
func (t *textTable) put(fp digest, n uint32) {
	if _, slot, ok := t.slots.find(fp[:], nil); ok {
		t.slots.setValue(slot, n)
		return
	}
	t.slots.insert(fp[:], n)
}

// del removes fp.
func (t *textTable) del(fp digest) {
	if _, slot, ok := t.slots.find(fp[:], nil); ok {
		t.slots.remove(slot)
	}
}

// place is an article's read.Article.Origin, "FILE:LINE", "FILE#N" or
// "FILE: record N" and any other text, with FILE a name (see names).
type place struct {
	file name // the origin, or its part before the separator
	n    uint32
	sep  uint8 // 1 + the index of the separator in separators, or 0 when file is the whole origin
}

// separators are those between an origin's file and its line or record
// number (see originProblem), the longest first.
var separators = [...]string{": record ", ":", "#"}

// placeOf returns origin as a place, its file named in nm.
func placeOf(origin string, nm *names) place {
	for k, sep := range separators {
		i := strings.LastIndex(origin, sep)
		if i <= 0 {
			continue
		}
		num := origin[i+len(sep):]
		n, err := strconv.ParseUint(num, 10, 32)
		if err != nil || n == 0 || num[0] == '0' || num[0] == '+' {
			continue
		}
		return place{file: nm.of(origin[:i]), n: uint32(n), sep: uint8(k + 1)}
	}
	return place{file: nm.of(origin)}
}

// origin returns the origin p was made from.
func (p place) origin(nm *names) string {
	if p.sep == 0 {
		return nm.name(p.file)
	}
	return nm.name(p.file) + separators[p.sep-1] + strconv.FormatUint(uint64(p.n), 10)
}
