package ingest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"hash/maphash"
	"math"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/graph"
)

// An ingest holds, for the whole run, what it compares the articles it reads
// with: every stored article's hash, input and text fingerprint, and every
// article it has read. Held as strings in seven maps these were 0.9–1.2 KB
// an article; the types below hold the same in fixed-size digests and
// numbers, one map entry a stored article and one a read one, about 0.55 KB
// an article a re-ingest reads (docs/query-performance.md, "The ingest's
// live heap").

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

// articleIndex is the stored articles an ingest starts from. It holds no
// pointer per article — IDs in one arena, maps of integers — so that at a
// million stored articles it takes about 150 MB instead of 270 MB, and the
// collector, which must scan every string and every map of strings, skips
// it (it ran at a quarter of the CPU with the index as maps of strings;
// docs/query-performance.md, "The ingest's live heap").
type articleIndex struct {
	ids  idTable         // the stored IDs, numbered as recs
	recs []storedArticle // by the number ids gives an ID
	// inputs says whether the store records articles' inputs
	// (graph.InputLister).
	inputs bool
	// owners maps each stored text to the number of the least ID that
	// holds it, so that the choice does not depend on the order read.
	owners map[digest]uint32
	names  *names // of inputs
}

func newArticleIndex(nm *names) *articleIndex {
	return &articleIndex{ids: newIDTable(), owners: map[digest]uint32{}, names: nm}
}

// stored returns what the index holds of id.
func (ix *articleIndex) stored(id string) (storedArticle, bool) {
	if i, ok := ix.ids.find(id); ok {
		return ix.recs[i], true
	}
	return storedArticle{}, false
}

// has reports whether id is stored.
func (ix *articleIndex) has(id string) bool {
	_, ok := ix.ids.find(id)
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
	i, ok := ix.owners[fp]
	if !ok {
		return "", false
	}
	return ix.ids.id(i), true
}

// each calls f with every stored article, in the order added.
func (ix *articleIndex) each(f func(id string, s storedArticle)) {
	for i, s := range ix.recs {
		f(ix.ids.id(uint32(i)), s)
	}
}

// add records a stored article; input and text are "" when not known. An
// ID added again takes the later values, as a map would.
func (ix *articleIndex) add(id, hash, input, text string) {
	s := storedArticle{hash: digestOf(hash), input: ix.names.of(input)}
	i, fresh := ix.ids.add(id)
	if fresh {
		ix.recs = append(ix.recs, storedArticle{})
	}
	if text != "" {
		s.text, s.hasText = digestOf(text), true
		if o, ok := ix.owners[s.text]; !ok || id < ix.ids.id(o) {
			ix.owners[s.text] = i
		}
	}
	ix.recs[i] = s
}

// idTable numbers strings from 0 in the order added, holding them in one
// arena and finding them by a 64-bit hash (hash/maphash), with the string
// compared: a map of integers instead of a map of strings. The rare ID
// whose hash an earlier one has goes to a map of its own.
type idTable struct {
	hash   func(string) uint64
	byHash map[uint64]uint32
	more   map[string]uint32 // IDs whose hash an earlier ID has
	arena  []byte            // the IDs, end to end
	ends   []int             // ends[i] is where ID i ends in arena
}

func newIDTable() idTable {
	seed := maphash.MakeSeed()
	return idTable{hash: func(s string) uint64 { return maphash.String(seed, s) }, byHash: map[uint64]uint32{}}
}

// id returns the string numbered i.
func (t *idTable) id(i uint32) string {
	return string(t.bytes(i))
}

func (t *idTable) bytes(i uint32) []byte {
	start := 0
	if i > 0 {
		start = t.ends[i-1]
	}
	return t.arena[start:t.ends[i]]
}

// find returns the number of id, if added.
func (t *idTable) find(id string) (uint32, bool) {
	if i, ok := t.byHash[t.hash(id)]; ok && string(t.bytes(i)) == id {
		return i, true
	}
	i, ok := t.more[id]
	return i, ok
}

// add returns the number of id, adding it when new (fresh).
func (t *idTable) add(id string) (n uint32, fresh bool) {
	if i, ok := t.find(id); ok {
		return i, false
	}
	if len(t.ends) >= math.MaxUint32 {
		panic("ingest: more than 4 billion stored articles")
	}
	n = uint32(len(t.ends))
	t.arena = append(t.arena, id...)
	t.ends = append(t.ends, len(t.arena))
	h := t.hash(id)
	if _, taken := t.byHash[h]; taken {
		if t.more == nil {
			t.more = map[string]uint32{}
		}
		t.more[strings.Clone(id)] = n
	} else {
		t.byHash[h] = n
	}
	return n, true
}

// storedArticles reads what Run compares the articles it reads with, for
// every stored article: its Hash, its Input (when the store is a
// graph.InputLister) and its text fingerprint (a graph.TextLister). From a
// graph.ArticleIndexer it is one read; otherwise three, whose inputs and
// texts of IDs the first did not list are left out. The inputs' names go
// to nm.
func storedArticles(ctx context.Context, store graph.Store, nm *names) (*articleIndex, error) {
	ix := newArticleIndex(nm)
	if ai, ok := store.(graph.ArticleIndexer); ok {
		ix.inputs = true
		if err := ai.ArticleIndex(ctx, ix.add); err != nil {
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
	for id, h := range known {
		ix.add(id, h, inputs[id], texts[id])
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

// readIndex is the articles a run has read and kept, by ID, and numbers
// for the other IDs its tables name (texts' owners): like articleIndex, no
// pointer per article.
type readIndex struct {
	ids  idTable
	recs []readArticle // by number
}

func newReadIndex() *readIndex { return &readIndex{ids: newIDTable()} }

// number returns id's number, numbering it when new.
func (r *readIndex) number(id string) uint32 {
	n, fresh := r.ids.add(id)
	if fresh {
		r.recs = append(r.recs, readArticle{})
	}
	return n
}

// id returns the ID numbered n.
func (r *readIndex) id(n uint32) string { return r.ids.id(n) }

// is reports whether n numbers id.
func (r *readIndex) is(n uint32, id string) bool { return string(r.ids.bytes(n)) == id }

// get returns what the run kept of id, and whether it kept it.
func (r *readIndex) get(id string) (readArticle, bool) {
	if n, ok := r.ids.find(id); ok && r.recs[n].kept {
		return r.recs[n], true
	}
	return readArticle{}, false
}

// has reports whether the run kept id.
func (r *readIndex) has(id string) bool {
	_, ok := r.get(id)
	return ok
}

// set records that the run keeps id as a.
func (r *readIndex) set(id string, a readArticle) {
	a.kept = true
	r.recs[r.number(id)] = a
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
