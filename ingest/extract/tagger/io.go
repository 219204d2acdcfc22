package tagger

import (
	"bufio"
	"compress/gzip"
	"embed"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"sync"
)

// The model file: gzip of
//
//	magic "newsgraph-tagger\n", version uvarint, lang (uvarint length, bytes)
//	tags: uvarint count, then each (uvarint length, bytes) — the order of weights
//	transitions: (numTags+1) × numTags float32, little-endian, from start last
//	scale: float32, the score of one weight unit
//	features: uvarint count, then by increasing hash: uvarint hash delta,
//	  uvarint mask of tags with a non-zero weight, zig-zag varint of each (int16)
//	gazetteer: uvarint count, then by increasing hash: uvarint hash delta,
//	  uvarint class mask << 1 | 1 if the key begins a longer name
//	clusters: uvarint count, then by increasing hash: uvarint hash delta,
//	  uvarint bit string << 8 | its length
//
// modelVersion changes whenever the features or this layout do.
const (
	magic        = "newsgraph-tagger\n"
	modelVersion = 2
)

// Save writes m in the model file format.
func (m *Model) Save(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	var buf [binary.MaxVarintLen64]byte
	uv := func(v uint64) { bw.Write(buf[:binary.PutUvarint(buf[:], v)]) }
	f32 := func(v float32) {
		binary.LittleEndian.PutUint32(buf[:4], math.Float32bits(v))
		bw.Write(buf[:4])
	}
	str := func(s string) { uv(uint64(len(s))); bw.WriteString(s) }

	bw.WriteString(magic)
	uv(modelVersion)
	str(m.Lang)
	uv(numTags)
	for _, t := range tagNames {
		str(t)
	}
	for a := range m.trans {
		for _, v := range m.trans[a] {
			f32(v)
		}
	}
	f32(m.scale)
	keys := m.feats.sorted()
	uv(uint64(len(keys)))
	prev := uint64(0)
	for _, k := range keys {
		uv(k - prev)
		prev = k
		row := m.feats.get(k)
		mask := uint64(0)
		for t, v := range row {
			if v != 0 {
				mask |= 1 << t
			}
		}
		uv(mask)
		for _, v := range row {
			if v != 0 {
				bw.Write(buf[:binary.PutVarint(buf[:], int64(v))])
			}
		}
	}
	keys = m.gaz.keys.sorted()
	uv(uint64(len(keys)))
	prev = 0
	for _, k := range keys {
		uv(k - prev)
		prev = k
		mask := m.gaz.masks[m.gaz.keys.get(k)]
		v := (mask &^ prefixBit) << 1
		if mask&prefixBit != 0 {
			v |= 1
		}
		uv(v)
	}
	keys = m.clusters.sorted()
	uv(uint64(len(keys)))
	prev = 0
	for _, k := range keys {
		uv(k - prev)
		prev = k
		uv(m.paths[m.clusters.get(k)])
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("save model: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("save model: %w", err)
	}
	return nil
}

// sorted returns the keys of t in increasing order; none for a nil table.
// The key 1 stands for itself and for 0 (see nonzero), which features
// never hash to in practice.
func (t *table) sorted() []uint64 {
	if t == nil {
		return nil
	}
	out := make([]uint64, 0, t.n)
	for _, k := range t.keys {
		if k != 0 {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return out
}

// Load reads a model written by Save.
func Load(r io.Reader) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("load model: %w", err)
	}
	defer zr.Close()
	br := bufio.NewReader(zr)
	var rerr error
	uv := func() uint64 {
		if rerr != nil {
			return 0
		}
		v, err := binary.ReadUvarint(br)
		if err != nil {
			rerr = err
		}
		return v
	}
	var buf [4]byte
	f32 := func() float32 {
		if rerr != nil {
			return 0
		}
		if _, err := io.ReadFull(br, buf[:]); err != nil {
			rerr = err
		}
		return math.Float32frombits(binary.LittleEndian.Uint32(buf[:]))
	}
	str := func() string {
		n := uv()
		if rerr != nil || n > 1<<10 {
			if rerr == nil {
				rerr = errors.New("string too long")
			}
			return ""
		}
		b := make([]byte, n)
		if _, err := io.ReadFull(br, b); err != nil {
			rerr = err
		}
		return string(b)
	}
	count := func(what string) int {
		n := uv()
		if rerr == nil && n > 1<<28 {
			rerr = fmt.Errorf("%d %s", n, what)
		}
		return int(n)
	}

	head := make([]byte, len(magic))
	if _, err := io.ReadFull(br, head); err != nil || string(head) != magic {
		return nil, errors.New("load model: not a newsgraph tagger model")
	}
	if v := uv(); rerr == nil && v != modelVersion {
		return nil, fmt.Errorf("load model: version %d, this newsgraph reads %d (train the model again)", v, modelVersion)
	}
	m := &Model{Lang: str()}
	if n := uv(); rerr == nil && n != numTags {
		return nil, fmt.Errorf("load model: %d tags, want %d", n, numTags)
	}
	for _, want := range tagNames {
		if got := str(); rerr == nil && got != want {
			return nil, fmt.Errorf("load model: tag %q where %q was expected", got, want)
		}
	}
	for a := range m.trans {
		for b := range m.trans[a] {
			m.trans[a][b] = f32()
		}
	}
	m.scale = f32()
	var prevKey uint64
	n := count("features")
	m.feats = newWeights(n)
	key := uint64(0)
	for i := 0; i < n && rerr == nil; i++ {
		key += uv()
		mask := uv()
		var row [numTags]int16
		for t := range numTags {
			if mask&(1<<t) != 0 {
				v, err := binary.ReadVarint(br)
				if err != nil && rerr == nil {
					rerr = err
				}
				if v < math.MinInt16 || v > math.MaxInt16 {
					rerr = fmt.Errorf("weight %d out of range", v)
				}
				row[t] = int16(v)
			}
		}
		if i > 0 && key == prevKey && rerr == nil {
			rerr = fmt.Errorf("feature %x twice", key)
		}
		prevKey = key
		m.feats.put(key, row)
	}
	n = count("gazetteer keys")
	m.gaz.keys = newTable(n)
	m.gaz.masks = make([]uint64, 0, n)
	key = 0
	for i := 0; i < n && rerr == nil; i++ {
		key += uv()
		v := uv()
		mask := v >> 1
		if v&1 != 0 {
			mask |= prefixBit
		}
		m.gaz.keys.put(key, int32(i))
		m.gaz.masks = append(m.gaz.masks, mask)
	}
	n = count("clustered words")
	if n > 0 {
		m.clusters = newTable(n)
		m.paths = make([]uint64, 0, n)
	}
	key = 0
	for i := 0; i < n && rerr == nil; i++ {
		key += uv()
		m.clusters.put(key, int32(i))
		m.paths = append(m.paths, uv())
	}
	if rerr != nil {
		if rerr == io.EOF {
			rerr = io.ErrUnexpectedEOF
		}
		return nil, fmt.Errorf("load model: %w", rerr)
	}
	return m, nil
}

//go:embed model
var embedded embed.FS

var defaults = map[string]*struct {
	once sync.Once
	m    *Model
	err  error
}{"ar": {}, "en": {}}

// Default returns the model embedded in the binary for lang, "ar" (trained
// on ANERcorp) or "en" (trained on CoNLL-2003); see model/PROVENANCE.md. It
// is read once and shared.
func Default(lang string) (*Model, error) {
	d, ok := defaults[lang]
	if !ok {
		return nil, fmt.Errorf("tagger: no model for language %q (have ar, en)", lang)
	}
	d.once.Do(func() {
		f, err := embedded.Open("model/" + lang + ".model.gz")
		if err != nil {
			d.err = fmt.Errorf("tagger: %w", err)
			return
		}
		defer f.Close()
		d.m, d.err = Load(f)
		if d.err != nil {
			d.err = fmt.Errorf("tagger %s: %w", lang, d.err)
		}
	})
	return d.m, d.err
}
