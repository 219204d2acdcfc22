package translit

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// Confident is the Score from which a pair is taken for a transliteration:
// on the lexicon's development split its precision is given in
// docs/eval.md ("eval translit"). Below it, names of different scripts are
// left apart.
const Confident = 0.9

// features are what the best word alignment of two names says of them.
type features struct {
	PMI     float64 // pointwise mutual information, nats, summed over blocks
	Letters float64 // Arabic letters in the alignment
	Worst   float64 // the least PMI per Arabic letter of a block: the weakest word
}

// evidence is the score Score calibrates: the mean of the PMI per Arabic
// letter of the whole alignment and of its weakest word block, as a name
// is a transliteration only if each of its words is. Arabic letters, not
// Latin ones, measure a name's length: they are its consonant skeleton,
// where the information is, while a Latin spelling's vowels vary
// (Mohammed, Muhammad, Mhamed).
func (f features) evidence() float64 { return (f.Worst + f.PMI/f.Letters) / 2 }

// point is one point of the calibration curve: evidence and the
// probability of a true pair there.
type point struct{ s, p float64 }

// Model scores Arabic–Latin name pairs: a learnt transducer and the
// isotonic calibration of its scores. It is safe for concurrent use; the
// zero Model is not usable (see Default, Read and Train).
type Model struct {
	t          transducer
	calib      []point // ascending in s and p
	provenance string
}

//go:embed model.tsv
var embedded []byte

var defaultModel = sync.OnceValues(func() (*Model, error) {
	return Read(bytes.NewReader(embedded))
})

// Default returns the model built into newsgraph (model.tsv, trained by
// "newsgraph train translit" from the lexicon's fit and calibration
// splits). It panics if the embedded file is malformed, which a test
// guards.
func Default() *Model {
	m, err := defaultModel()
	if err != nil {
		panic(fmt.Sprintf("translit: embedded model: %v", err))
	}
	return m
}

// Score returns Default().Score(arabic, latin).
func Score(arabic, latin string) float64 { return Default().Score(arabic, latin) }

// Score returns the probability, in [0, 1], that latin is a Latin-script
// spelling of the Arabic name arabic ("Karim Haddad", "كريم حداد"): every
// word of each side is aligned, in order, with one word of the other or
// two joined (عبد الله ↔ Abdullah, Abdul-Mahdi ↔ عبد المهدي); an article
// (ال, al-, el-, ash- …) may be kept or dropped on either side. Either may be
// a name as written, its folded key (graph/norm.Key) or an entity ID
// ("person:كريم-حداد"; the type is ignored). It returns 0 when arabic has
// no Arabic letter or latin no Latin one, or when the words cannot be
// aligned (more than twice as many on one side, or more than MaxWords).
//
// The probability is calibrated on names of the lexicon's calibration split
// paired with every other entity's names, so it is the chance of a true
// pair among candidates as many and as alike as a lexicon's: compare it with
// Confident.
func (m *Model) Score(arabic, latin string) float64 {
	aw, lw := arabicWords(arabic), latinWords(latin)
	if len(aw) == 0 || len(lw) == 0 {
		return 0
	}
	f, ok := m.newScorer().features(aw, lw)
	if !ok {
		return 0
	}
	return m.calibrated(f.evidence())
}

// calibrated returns the probability of a true pair at evidence s: the
// calibration curve, linear between its points and flat beyond them.
func (m *Model) calibrated(s float64) float64 {
	c := m.calib
	if len(c) == 0 {
		return 0
	}
	i, _ := slices.BinarySearchFunc(c, s, func(p point, s float64) int { return cmpFloat(p.s, s) })
	switch {
	case i == 0:
		return c[0].p
	case i == len(c):
		return c[len(c)-1].p
	}
	a, b := c[i-1], c[i]
	return a.p + (b.p-a.p)*(s-a.s)/(b.s-a.s)
}

// Link returns m.Score(arabicKey, latinKey): it satisfies graph/cluster's
// Linker. The keys are folded keys or entity IDs of the two scripts.
func (m *Model) Link(arabicKey, latinKey string) float64 { return m.Score(arabicKey, latinKey) }

// Evidence returns the raw score Score calibrates, in nats per Arabic
// letter, and whether the names could be aligned at all: the mean of the
// pointwise mutual information per Arabic letter of their best word
// alignment and of its weakest block (see the package comment).
func (m *Model) Evidence(arabic, latin string) (float64, bool) {
	f, ok := m.newScorer().features(arabicWords(arabic), latinWords(latin))
	return f.evidence(), ok
}

// Provenance returns what the model was trained from (the file's
// PROVENANCE line).
func (m *Model) Provenance() string { return m.provenance }

// scorer scores word blocks with m, remembering each block's score: one
// per goroutine.
type scorer struct {
	m    *Model
	memo map[[2]string]float64
}

func (m *Model) newScorer() *scorer { return &scorer{m: m, memo: map[[2]string]float64{}} }

// block returns the PMI of an Arabic and a Latin string, remembered.
func (s *scorer) block(ar, lat string) float64 {
	k := [2]string{ar, lat}
	if v, ok := s.memo[k]; ok {
		return v
	}
	v := s.m.t.pmi([]rune(ar), lat)
	s.memo[k] = v
	return v
}

// MaxWords is the most words a name may have on either side to be scored:
// a person's name with its nasab (سلطان بن عبد العزيز آل سعود) has six, and a
// longer text is no name.
const MaxWords = 10

// blocks are the shapes of word blocks an alignment is made of: Arabic
// words by Latin words.
var blocks = [][2]int{{1, 1}, {2, 1}, {1, 2}}

// features returns the features of the best monotone alignment of the
// words of the two names into blocks (the one of greatest total PMI), and
// false when there is none.
func (s *scorer) features(aw, lw []word) (features, bool) {
	n, m := len(aw), len(lw)
	if n == 0 || m == 0 || n > 2*m || m > 2*n || n > MaxWords || m > MaxWords {
		return features{}, false
	}
	type cell struct {
		pmi, letters, worst float64
		ok                  bool
	}
	dp := make([][]cell, n+1)
	for i := range dp {
		dp[i] = make([]cell, m+1)
	}
	dp[0][0] = cell{worst: math.Inf(1), ok: true}
	for i := 0; i <= n; i++ {
		for j := 0; j <= m; j++ {
			from := dp[i][j]
			if !from.ok {
				continue
			}
			for _, b := range blocks {
				ti, tj := i+b[0], j+b[1]
				if ti > n || tj > m {
					continue
				}
				pmi, letters := s.bestVariant(aw[i:ti], lw[j:tj])
				if math.IsInf(pmi, -1) {
					continue
				}
				c := cell{pmi: from.pmi + pmi, letters: from.letters + letters, worst: math.Min(from.worst, pmi/letters), ok: true}
				if to := &dp[ti][tj]; !to.ok || c.pmi > to.pmi {
					*to = c
				}
			}
		}
	}
	end := dp[n][m]
	if !end.ok {
		return features{}, false
	}
	return features{PMI: end.pmi, Letters: end.letters, Worst: end.worst}, true
}

// bestVariant returns the greatest PMI of the block's words joined, with
// and without their articles on each side, and the Arabic letters of that
// variant.
func (s *scorer) bestVariant(aw, lw []word) (float64, float64) {
	best, letters := math.Inf(-1), 0.0
	for _, af := range []bool{false, true} {
		ar := join(aw, af)
		if af && ar == join(aw, false) {
			continue
		}
		for _, lf := range []bool{false, true} {
			lat := join(lw, lf)
			if lf && lat == join(lw, false) {
				continue
			}
			if v := s.block(ar, lat); v > best {
				best, letters = v, float64(utf8.RuneCountInString(ar))
			}
		}
	}
	return best, letters
}

func join(ws []word, articles bool) string {
	var b strings.Builder
	for _, w := range ws {
		if articles {
			b.WriteString(w.full())
		} else {
			b.WriteString(w.stem)
		}
	}
	return b.String()
}

// Write writes m as the text file Read reads: "#" comment lines (the first
// given by header, one a line), a PROVENANCE line, then tab-separated
// records — "calib", evidence and probability, a point of the calibration
// curve (ascending), "end" and the end
// probability, and "op", the Arabic letter ("-" for none), the Latin string
// ("-" for none) and the operation's probability — operations sorted.
func (m *Model) Write(w io.Writer, header []string) error {
	bw := bufio.NewWriter(w)
	for _, h := range header {
		fmt.Fprintf(bw, "# %s\n", h)
	}
	fmt.Fprintf(bw, "PROVENANCE\t%s\n", m.provenance)
	for _, c := range m.calib {
		fmt.Fprintf(bw, "calib\t%s\t%s\n", strconv.FormatFloat(c.s, 'g', -1, 64), strconv.FormatFloat(c.p, 'g', 6, 64))
	}
	fmt.Fprintf(bw, "end\t%s\n", strconv.FormatFloat(m.t.end, 'g', 6, 64))
	for _, o := range sortedOps(m.t.delta) {
		ar, lat := "-", "-"
		if o.ar != 0 {
			ar = string(o.ar)
		}
		if o.lat != "" {
			lat = o.lat
		}
		fmt.Fprintf(bw, "op\t%s\t%s\t%s\n", ar, lat, strconv.FormatFloat(m.t.delta[o], 'g', 6, 64))
	}
	return bw.Flush()
}

// SetProvenance sets the text of the model's PROVENANCE line.
func (m *Model) SetProvenance(s string) { m.provenance = strings.Join(strings.Fields(s), " ") }

// Prune drops operations of probability below min, so that the file stays
// small; the rest are left as they are (they sum to a little under one).
func (m *Model) Prune(min float64) {
	for o, p := range m.t.delta {
		if p < min {
			delete(m.t.delta, o)
		}
	}
	m.t.marginals()
}

// Read reads a model Write wrote. Errors give the line.
func Read(r io.Reader) (*Model, error) {
	m := &Model{t: transducer{delta: map[op]float64{}}}
	sc := bufio.NewScanner(r)
	line := 0
	for sc.Scan() {
		line++
		s := sc.Text()
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		f := strings.Split(s, "\t")
		bad := func(why string) error { return fmt.Errorf("translit model line %d: %s", line, why) }
		switch f[0] {
		case "PROVENANCE":
			if len(f) != 2 {
				return nil, bad("want PROVENANCE<TAB>text")
			}
			m.provenance = f[1]
		case "calib":
			if len(f) != 3 {
				return nil, bad("want calib<TAB>EVIDENCE<TAB>PROBABILITY")
			}
			sv, err1 := strconv.ParseFloat(f[1], 64)
			pv, err2 := strconv.ParseFloat(f[2], 64)
			if err1 != nil || err2 != nil || math.IsNaN(sv) || math.IsInf(sv, 0) || !(pv >= 0 && pv <= 1) {
				return nil, bad("calibration point not a number and a probability")
			}
			if n := len(m.calib); n > 0 && (sv <= m.calib[n-1].s || pv < m.calib[n-1].p) {
				return nil, bad("calibration points not ascending")
			}
			m.calib = append(m.calib, point{sv, pv})
		case "end":
			v, err := strconv.ParseFloat(at(f, 1), 64)
			if err != nil || !(v > 0 && v < 1) {
				return nil, bad("end probability not in (0, 1)")
			}
			m.t.end = v
		case "op":
			if len(f) != 4 {
				return nil, bad("want op<TAB>ARABIC<TAB>LATIN<TAB>PROBABILITY")
			}
			var o op
			if f[1] != "-" {
				r, n := utf8.DecodeRuneInString(f[1])
				if n != len(f[1]) || !isArabicLetter(r) {
					return nil, bad(fmt.Sprintf("%q is not one Arabic letter", f[1]))
				}
				o.ar = r
			}
			if f[2] != "-" {
				if len(f[2]) > MaxLatin || strings.IndexFunc(f[2], func(r rune) bool { return r < 'a' || r > 'z' }) >= 0 {
					return nil, bad(fmt.Sprintf("%q is not 1 to %d letters a-z", f[2], MaxLatin))
				}
				o.lat = f[2]
			}
			v, err := strconv.ParseFloat(f[3], 64)
			if err != nil || !(v > 0 && v <= 1) {
				return nil, bad(fmt.Sprintf("probability %q not in (0, 1]", f[3]))
			}
			if o == (op{}) {
				return nil, bad("an operation writes nothing on both sides")
			}
			m.t.delta[o] = v
		default:
			return nil, bad(fmt.Sprintf("unknown record %q", f[0]))
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("translit model: %w", err)
	}
	if len(m.calib) == 0 || m.t.end == 0 || len(m.t.delta) == 0 {
		return nil, fmt.Errorf("translit model: no calibration, end or operations")
	}
	m.t.marginals()
	return m, nil
}

func at(f []string, i int) string {
	if i < len(f) {
		return f[i]
	}
	return ""
}

// sortedOps returns the operations of delta by Arabic letter, then Latin
// string.
func sortedOps(delta map[op]float64) []op {
	ops := make([]op, 0, len(delta))
	for o := range delta {
		ops = append(ops, o)
	}
	slices.SortFunc(ops, func(a, b op) int {
		if a.ar != b.ar {
			return int(a.ar) - int(b.ar)
		}
		return strings.Compare(a.lat, b.lat)
	})
	return ops
}

// DefaultDigest returns a short hex digest of the model built into
// newsgraph: it changes when the model is retrained, so that what was
// derived with the old model (a store's cached clustering) is not reused.
func DefaultDigest() string {
	h := sha256.Sum256(embedded)
	return hex.EncodeToString(h[:8])
}
