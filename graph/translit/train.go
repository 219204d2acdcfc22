package translit

import (
	"errors"
	"fmt"
	"hash/fnv"
	"math"
	"slices"
	"strings"
)

// Names are one entity's names in the two scripts, as a lexicon entry
// gives them: its canonical names and aliases, Arabic and Latin.
type Names struct {
	ID     string
	Arabic []string
	Latin  []string
}

// Split is the part of the data an entity falls in, fixed by its ID.
type Split int

const (
	// Fit entities teach the transducer its edit operations.
	Fit Split = iota
	// Calibration entities fit the logistic calibration of Score and are
	// never seen by the transducer.
	Calibration
	// Dev entities are never trained on: the figures of Evaluate.
	Dev
)

// SplitOf returns the split of the entity with the given ID: FNV-1a (32
// bits) of the ID modulo 10 is 0 or 5 for Dev (a fifth), 1 for Calibration
// (a tenth), anything else for Fit. The split depends on the ID alone, so
// adding entities never moves another one between splits.
func SplitOf(id string) Split {
	h := fnv.New32a()
	h.Write([]byte(id))
	switch h.Sum32() % 10 {
	case 0, 5:
		return Dev
	case 1:
		return Calibration
	}
	return Fit
}

// Pair is a training pair: an Arabic word and its Latin spelling, both in
// the model's alphabet and without their articles.
type Pair struct {
	Arabic string
	Latin  string
}

// WordPairs returns the word pairs of the names: every Arabic name of an
// entity is paired with every Latin name of the same entity that has as
// many words (an article such as al- or ال is part of its word), and the two
// are aligned word by word in order. Each pair is given once per entity.
func WordPairs(names []Names) []Pair {
	var out []Pair
	for _, n := range names {
		seen := map[Pair]bool{}
		for _, a := range n.Arabic {
			aw := arabicWords(a)
			for _, l := range n.Latin {
				lw := latinWords(l)
				if len(aw) == 0 || len(aw) != len(lw) {
					continue
				}
				for i := range aw {
					p := Pair{aw[i].stem, lw[i].stem}
					if !seen[p] {
						seen[p] = true
						out = append(out, p)
					}
				}
			}
		}
	}
	return out
}

// TrainOptions are the settings of Train. The zero value trains with the
// defaults given.
type TrainOptions struct {
	// Iterations of EM before and again after the outlier pairs are
	// dropped (default 25).
	Iterations int
	// MinPMI is the pointwise mutual information per letter, in nats, below
	// which a word pair is taken for a translation or a misalignment ("King"
	// ↔ ملك, "VI" ↔ سادس) after the first round of EM and dropped from the
	// second (default 0.25).
	MinPMI float64
	// MinCount is the expected count under which an operation is dropped
	// in the second round: one seen in a pair or two is more likely an
	// artefact of a misaligned pair than a spelling (default 1).
	MinCount float64
	// Logf, when set, is told how training goes.
	Logf func(format string, args ...any)
}

// Train learns a model: the edit operations of the transducer by
// expectation maximisation over the word pairs of fit (Ristad and
// Yianilos 1998, section 3), in two rounds with the pairs the first round
// finds unrelated dropped; then the logistic calibration of Score over every
// pairing of the Arabic and Latin names of cal (a name with its own entity's
// names positive, with the others' negative). fit and cal must not share
// entities.
func Train(fit, cal []Names, opts TrainOptions) (*Model, error) {
	if opts.Iterations <= 0 {
		opts.Iterations = 25
	}
	if opts.MinPMI == 0 {
		opts.MinPMI = 0.25
	}
	if opts.MinCount == 0 {
		opts.MinCount = 1
	}
	logf := opts.Logf
	if logf == nil {
		logf = func(string, ...any) {}
	}
	pairs := WordPairs(fit)
	if len(pairs) == 0 {
		return nil, errors.New("train translit: no word pairs in the fit names")
	}
	t := initial(pairs)
	ll := em(t, pairs, opts.Iterations, 0)
	logf("round 1: %d word pairs, %d operations, mean log-likelihood %.3f", len(pairs), len(t.delta), ll)
	var kept []Pair
	for _, p := range pairs {
		x := []rune(p.Arabic)
		if t.pmi(x, p.Latin)/float64(len(x)+len(p.Latin)) >= opts.MinPMI {
			kept = append(kept, p)
		}
	}
	ll = em(t, kept, opts.Iterations, opts.MinCount)
	logf("round 2: %d word pairs kept (%d dropped), %d operations, mean log-likelihood %.3f",
		len(kept), len(pairs)-len(kept), len(t.delta), ll)
	m := &Model{t: *t}
	x, y := calibrationSet(m, cal)
	pos := 0
	for _, v := range y {
		if v {
			pos++
		}
	}
	if pos == 0 || pos == len(y) {
		return nil, errors.New("train translit: the calibration names give no positive or no negative pair")
	}
	m.calib = isotonic(x, y)
	logf("calibration: %d name pairs (%d positive), %d points", len(y), pos, len(m.calib))
	return m, nil
}

// initial returns the starting transducer: every allowed operation that
// fits some pair (an Arabic letter of it, or none, with a Latin substring of
// it of up to MaxLatin letters, or none) is weighted by how often it fits,
// each pair giving a total weight of one.
func initial(pairs []Pair) *transducer {
	c := map[op]float64{}
	for _, p := range pairs {
		x := []rune(p.Arabic)
		var subs []string
		for j := range len(p.Latin) {
			for k := 1; k <= MaxLatin && j+k <= len(p.Latin); k++ {
				subs = append(subs, p.Latin[j:j+k])
			}
		}
		w := 1 / float64((len(x)+1)*(len(subs)+1))
		for _, a := range append([]rune{0}, x...) {
			if a != 0 {
				c[op{a, ""}] += w
			}
			for _, s := range subs {
				if allowed(a, s) {
					c[op{a, s}] += w
				}
			}
		}
	}
	t := &transducer{delta: c}
	normalise(t, float64(len(pairs))/10, 0)
	return t
}

// normalise turns the counts in t.delta (and end, the count of pairs) into
// probabilities, dropping operations counted less than minCount times or of
// probability below 1e-8.
func normalise(t *transducer, end, minCount float64) {
	// Summed in a fixed order, so that the same data give the same file.
	ops := sortedOps(t.delta)
	total := end
	for _, o := range ops {
		total += t.delta[o]
	}
	for _, o := range ops {
		v := t.delta[o]
		if p := v / total; p >= 1e-8 && v >= minCount {
			t.delta[o] = p
		} else {
			delete(t.delta, o)
		}
	}
	t.end = end / total
	t.marginals()
}

// em runs iterations of expectation maximisation on t over pairs and
// returns the mean log-likelihood of a pair under the last model.
func em(t *transducer, pairs []Pair, iterations int, minCount float64) float64 {
	var ll float64
	for range iterations {
		c := map[op]float64{}
		ll = 0
		n := 0
		for _, p := range pairs {
			x, y := []rune(p.Arabic), p.Latin
			a, b := t.forward(x, y, false), t.backward(x, y)
			z := b[0][0]
			if z == 0 || math.IsNaN(z) {
				continue
			}
			n++
			ll += math.Log(z)
			for i := 0; i <= len(x); i++ {
				for j := 0; j <= len(y); j++ {
					v := a[i][j] / z
					if v == 0 {
						continue
					}
					if i < len(x) {
						o := op{x[i], ""}
						c[o] += v * t.prob(o) * b[i+1][j]
					}
					for k := 1; k <= MaxLatin && j+k <= len(y); k++ {
						o := op{0, y[j : j+k]}
						if e := v * t.prob(o) * b[i][j+k]; e > 0 {
							c[o] += e
						}
						if i < len(x) {
							o := op{x[i], y[j : j+k]}
							if e := v * t.prob(o) * b[i+1][j+k]; e > 0 {
								c[o] += e
							}
						}
					}
				}
			}
		}
		t.delta = c
		normalise(t, float64(n), minCount)
		if n > 0 {
			ll /= float64(n)
		}
	}
	return ll
}

// calibrationSet returns the evidence and labels of every pairing of an
// Arabic name of names with a Latin name of names: positive when both are
// the same entity's with as many words, negative when they are different
// entities'; same-entity pairs of unequal length (جو بايدن ↔ Biden) are left
// out, as Evaluate leaves them out of its positives. A pair the model cannot
// align has evidence -Inf.
func calibrationSet(m *Model, names []Names) ([]float64, []bool) {
	s := m.newScorer()
	var x []float64
	var y []bool
	for i, a := range names {
		for _, an := range a.Arabic {
			aw := arabicWords(an)
			if len(aw) == 0 {
				continue
			}
			for j, l := range names {
				for _, ln := range l.Latin {
					lw := latinWords(ln)
					if len(lw) == 0 || i == j && len(aw) != len(lw) {
						continue
					}
					e := math.Inf(-1)
					if f, ok := s.features(aw, lw); ok {
						e = f.evidence()
					}
					x = append(x, e)
					y = append(y, i == j)
				}
			}
		}
	}
	return x, y
}

// isotonic returns the calibration curve of evidence x for labels y: the
// isotonic regression of y on x by pool-adjacent-violators (Zadrozny and
// Elkan 2002). Each pooled block of pairs gives its share of positives, with
// add-half smoothing so that none is quite 0 or 1, at the least and the
// greatest evidence it holds; Score interpolates linearly between blocks.
// Pairs of evidence -Inf pool into the lowest block.
func isotonic(x []float64, y []bool) []point {
	idx := make([]int, len(x))
	for i := range idx {
		idx[i] = i
	}
	slices.SortStableFunc(idx, func(a, b int) int { return cmpFloat(x[a], x[b]) })
	type block struct{ lo, hi, pos, n float64 }
	var bs []block
	for _, i := range idx {
		b := block{lo: x[i], hi: x[i], n: 1}
		if y[i] {
			b.pos = 1
		}
		bs = append(bs, b)
		for len(bs) > 1 {
			p, q := bs[len(bs)-2], bs[len(bs)-1]
			if p.pos/p.n < q.pos/q.n {
				break
			}
			bs = append(bs[:len(bs)-2], block{p.lo, q.hi, p.pos + q.pos, p.n + q.n})
		}
	}
	var out []point
	add := func(s, p float64) {
		if math.IsInf(s, 0) {
			return
		}
		if n := len(out); n > 0 && s <= out[n-1].s {
			out[n-1].p = math.Max(out[n-1].p, p)
			return
		}
		if n := len(out); n > 0 && p < out[n-1].p {
			p = out[n-1].p // smoothing undoing the order of two small blocks
		}
		out = append(out, point{s, p})
	}
	for _, b := range bs {
		p := (b.pos + 0.5) / (b.n + 1)
		add(b.lo, p)
		add(b.hi, p)
	}
	return out
}

// Of returns the entities of names that fall in the split, in order.
func (s Split) Of(names []Names) []Names {
	var out []Names
	for _, n := range names {
		if SplitOf(n.ID) == s {
			out = append(out, n)
		}
	}
	return out
}

// String returns "fit", "calibration" or "dev".
func (s Split) String() string {
	switch s {
	case Fit:
		return "fit"
	case Calibration:
		return "calibration"
	case Dev:
		return "dev"
	}
	return fmt.Sprintf("Split(%d)", int(s))
}

// ScriptNames sorts names into Arabic and Latin-script ones: a name with an
// Arabic letter is Arabic, one with a Latin letter and none Arabic is Latin,
// and others (digits only) are dropped. Duplicates are dropped.
func ScriptNames(names ...string) (arabic, latin []string) {
	for _, n := range names {
		switch {
		case strings.IndexFunc(n, isArabicLetter) >= 0:
			if !slices.Contains(arabic, n) {
				arabic = append(arabic, n)
			}
		case strings.IndexFunc(n, isLatinLetter) >= 0:
			if !slices.Contains(latin, n) {
				latin = append(latin, n)
			}
		}
	}
	return arabic, latin
}

func isLatinLetter(r rune) bool {
	return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || r >= 0xC0 && r < 0x250 && r != 0xD7 && r != 0xF7
}

// vowelLetters are the Arabic letters that stand for vowels (ا و ي, and ى
// and the hamza seats once folded), or are written as one in Latin (ع as a
// or ', ء, and ه, which ta marbuta folds to: Fatima, Hamza, Zarqa).
const vowelLetters = "اويعءهئؤ"

// allowed reports whether the transducer may learn the operation writing
// the Arabic letter a (0 for none) as the Latin string lat. Arabic writes no
// short vowels, so a consonant letter is written as Latin consonants only
// (kh, sh, dd, tch: the vowels around it come from operations of their
// own); a vowel letter as vowels with at most one of the semivowels and h
// (ou, w, iy, ah); nothing as a vowel group or a single letter. Without
// this, EM learns the vowels stuck to the consonants of its training words
// (م ↔ "ma", nothing ↔ "abd") and generalises badly.
func allowed(a rune, lat string) bool {
	switch {
	case a == 0:
		return len(lat) == 1 || strings.Trim(lat, vowels) == ""
	case strings.ContainsRune(vowelLetters, a):
		return countNot(lat, vowels) <= 1 && strings.Trim(lat, vowels+"hwvj") == ""
	}
	return strings.IndexAny(lat, "aeiou") < 0
}

// vowels are the Latin vowel letters.
const vowels = "aeiouy"

// countNot returns how many bytes of s are not in set.
func countNot(s, set string) int {
	n := 0
	for i := range len(s) {
		if strings.IndexByte(set, s[i]) < 0 {
			n++
		}
	}
	return n
}

// IsArabic reports whether s (a name, a folded key or an entity ID) has an
// Arabic letter: the side of Score it goes on.
func IsArabic(s string) bool { return strings.IndexFunc(stripType(s), isArabicLetter) >= 0 }

// IsLatin reports whether s has a Latin letter and no Arabic one: the
// other side.
func IsLatin(s string) bool {
	s = stripType(s)
	return strings.IndexFunc(s, isLatinLetter) >= 0 && strings.IndexFunc(s, isArabicLetter) < 0
}
