package brown

import (
	"context"
	"errors"
	"fmt"
	"math"
	"sort"
)

// Options sets the two parameters of a clustering run.
type Options struct {
	// Clusters is C, the number of clusters kept in the window of
	// active clusters and hence the number of leaves of the final
	// binary tree (distinct bit strings). The run costs O(V·C²) time
	// and O(C²) memory for a vocabulary of V words.
	Clusters int
	// MinCount is the vocabulary cut: words seen fewer times are not
	// clustered, and a bigram with such a word on either side is not
	// counted (the word acts as a sentence break).
	MinCount int
	// Progress, when set, is called now and then with the number of
	// words added to the window so far and the vocabulary size.
	Progress func(done, total int)
}

// Path is one line of a paths file: a word, its cluster's bit string
// (the branches from the root of the cluster tree, '0' left, '1' right)
// and how many times it occurred in the corpus.
type Path struct {
	Bits  string
	Word  string
	Count int
}

// ErrEmpty is returned by Cluster when no word reaches the minimum count.
var ErrEmpty = errors.New("brown: no word occurs min-count times")

// Cluster runs windowed Brown clustering (Liang 2005, §3.2) over the
// corpus counted by c and returns one Path per vocabulary word, sorted by
// bit string, then by descending count, then by word.
//
// The vocabulary — words with at least opts.MinCount occurrences — is
// sorted by descending count, ties by byte order of the word. The first C
// words start as C singleton clusters; each further word enters as a new
// cluster, after which the pair of clusters whose merge loses the least
// average mutual information between adjacent clusters is merged, so the
// window always holds C clusters. When every word is in, the C clusters
// are merged pairwise, best pair first, down to one; the tree of those
// last C-1 merges gives the bit strings. Ties between equally good
// merges go to the pair with the lowest window slots, so a run is a
// deterministic function of the corpus and the options.
//
// The mutual information is I = Σ p(c,d) log(p(c,d) / (p(c)p(d))) over
// ordered pairs of adjacent clusters, with p(c) the unigram and p(c,d)
// the bigram relative frequency, both over the N in-vocabulary tokens
// (the approximation wcluster makes). As in Liang's implementation each
// pair's merge loss is kept in a table and updated incrementally when a
// cluster is added or two are merged, so a step costs O(C²).
//
// Cluster returns ctx.Err() if ctx is cancelled, ErrEmpty if the
// vocabulary is empty and an error if opts.Clusters < 1.
func Cluster(ctx context.Context, c *Counter, opts Options) ([]Path, error) {
	if opts.Clusters < 1 {
		return nil, fmt.Errorf("brown: %d clusters: need at least 1", opts.Clusters)
	}
	v := c.vocabulary(opts.MinCount)
	if len(v.words) == 0 {
		return nil, ErrEmpty
	}
	m := newModel(v, opts.Clusters)
	leaves, err := m.run(ctx, opts.Progress)
	if err != nil {
		return nil, err
	}
	leaf := append([]int32(nil), m.slotOf...) // finish relabels slotOf
	bits := m.finish(leaves)
	paths := make([]Path, len(v.words))
	for w := range v.words {
		paths[w] = Path{Bits: bits[leaf[w]], Word: v.words[w], Count: int(v.counts[w])}
	}
	sort.SliceStable(paths, func(i, j int) bool {
		a, b := paths[i], paths[j]
		if a.Bits != b.Bits {
			return a.Bits < b.Bits
		}
		if a.Count != b.Count {
			return a.Count > b.Count
		}
		return a.Word < b.Word
	})
	return paths, nil
}

// model is the clustering state over S = C+1 window slots. Matrices are
// flat S×S arrays indexed [a*S+b]: p2 holds bigram probabilities (a left
// of b), q2 their mutual-information terms, loss the merge losses of the
// slot pairs a < b.
type model struct {
	v      *vocab
	c, s   int
	n      float64   // in-vocabulary tokens
	slotOf []int32   // word → slot, -1 before it enters the window
	member [][]int32 // slot → its words
	active []int     // occupied slots, ascending
	p1     []float64 // slot → unigram probability
	p2     []float64
	q2     []float64
	loss   []float64
	touch  []bool    // scratch for forTouched, one per slot
	near   []int     // scratch for setLosses
	total  []float64 // scratch for setLosses, one per slot
}

func newModel(v *vocab, c int) *model {
	if c > len(v.words) {
		c = len(v.words)
	}
	s := c + 1
	m := &model{
		v: v, c: c, s: s, n: float64(v.tokens),
		slotOf: make([]int32, len(v.words)),
		member: make([][]int32, s),
		p1:     make([]float64, s),
		p2:     make([]float64, s*s),
		q2:     make([]float64, s*s),
		loss:   make([]float64, s*s),
		touch:  make([]bool, s),
		total:  make([]float64, s),
	}
	for i := range m.slotOf {
		m.slotOf[i] = -1
	}
	return m
}

// hq is one mutual-information term: p log(p/(a·b)), 0 when p is 0.
func hq(p, a, b float64) float64 {
	if p <= 0 {
		return 0
	}
	return p * math.Log(p/(a*b))
}

// run adds the vocabulary to the window word by word, merging after each
// addition once the window is full, and returns with C clusters.
func (m *model) run(ctx context.Context, progress func(done, total int)) ([]int, error) {
	total := len(m.v.words)
	for w := 0; w < total; w++ {
		if w%64 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
			if progress != nil {
				progress(w, total)
			}
		}
		m.add(w, m.freeSlot())
		if len(m.active) > m.c {
			a, b := m.best()
			m.merge(a, b)
		}
	}
	if progress != nil {
		progress(total, total)
	}
	return append([]int(nil), m.active...), nil
}

func (m *model) freeSlot() int {
	for i, a := range m.active {
		if a != i {
			return i
		}
	}
	return len(m.active)
}

// g is the part of the merge loss of slots i and j that involves cluster
// c (not i or j): the terms c contributes before the merge less those it
// contributes after.
func (m *model) g(c, i, j int) float64 {
	s := m.s
	ci, ic, cj, jc := m.p2[c*s+i], m.p2[i*s+c], m.p2[c*s+j], m.p2[j*s+c]
	if ci == 0 && ic == 0 && cj == 0 && jc == 0 {
		return 0
	}
	pij := m.p1[i] + m.p1[j]
	return m.q2[c*s+i] + m.q2[i*s+c] + m.q2[c*s+j] + m.q2[j*s+c] -
		hq(ci+cj, m.p1[c], pij) - hq(ic+jc, pij, m.p1[c])
}

// mergeLoss computes the loss of merging slots i and j from scratch,
// term by term (setLosses is the fast form; tests compare the two).
func (m *model) mergeLoss(i, j int) float64 {
	s := m.s
	var l float64
	for _, c := range m.active {
		if c != i && c != j {
			l += m.g(c, i, j)
		}
	}
	pij := m.p1[i] + m.p1[j]
	ii, ij, ji, jj := m.p2[i*s+i], m.p2[i*s+j], m.p2[j*s+i], m.p2[j*s+j]
	l += m.q2[i*s+i] + m.q2[i*s+j] + m.q2[j*s+i] + m.q2[j*s+j] - hq(ii+ij+ji+jj, pij, pij)
	return l
}

// setQ recomputes the mutual-information terms of row and column a.
func (m *model) setQ(a int) {
	s := m.s
	for _, c := range m.active {
		m.q2[a*s+c] = hq(m.p2[a*s+c], m.p1[a], m.p1[c])
		m.q2[c*s+a] = hq(m.p2[c*s+a], m.p1[c], m.p1[a])
	}
}

// forTouched calls f for each active pair i < j that involves neither
// skip1 nor skip2 and has i or j next to slot c in the corpus (a nonzero
// bigram either way). Only those pairs' losses change when c enters the
// window or is merged into another cluster: for a pair that c never
// touches, the terms c contributes before and after the merge of the
// pair differ by p·log(p(i)+p(j)) terms that cancel, however p(c)
// changes.
func (m *model) forTouched(c, skip1, skip2 int, f func(i, j int)) {
	s := m.s
	touch := m.touch[:s]
	for _, d := range m.active {
		touch[d] = m.p2[c*s+d] != 0 || m.p2[d*s+c] != 0
	}
	for x, i := range m.active {
		if i == skip1 || i == skip2 {
			continue
		}
		ti := touch[i]
		for _, j := range m.active[x+1:] {
			if (ti || touch[j]) && j != skip1 && j != skip2 {
				f(i, j)
			}
		}
	}
}

func (m *model) activate(a int) {
	k := sort.SearchInts(m.active, a)
	m.active = append(m.active, 0)
	copy(m.active[k+1:], m.active[k:])
	m.active[k] = a
}

// add puts word w into the empty slot a as a singleton cluster.
func (m *model) add(w, a int) {
	s := m.s
	m.slotOf[w] = int32(a)
	m.member[a] = append(m.member[a][:0], int32(w))
	m.activate(a)
	m.p1[a] = float64(m.v.counts[w]) / m.n
	for _, c := range m.active {
		m.p2[a*s+c], m.p2[c*s+a] = 0, 0
	}
	for _, e := range m.v.right[w] {
		if c := m.slotOf[e.word]; c >= 0 {
			m.p2[a*s+int(c)] += float64(e.count) / m.n
		}
	}
	for _, e := range m.v.left[w] {
		if c := m.slotOf[e.word]; c >= 0 && int(c) != a { // a→a counted once, from the right
			m.p2[int(c)*s+a] += float64(e.count) / m.n
		}
	}
	m.setQ(a)
	// The new cluster is one more c in every other pair's loss.
	m.forTouched(a, a, a, func(i, j int) { m.loss[i*s+j] += m.g(a, i, j) })
	m.setLosses(a)
}

// setLosses recomputes the merge loss of slot a with every other active
// slot. Of the clusters d that are no neighbour of a (no bigram either
// way), each adds (p(d,c)+p(c,d))·log((p(a)+p(c))/p(c)) to the loss of
// merging a and c, so those are summed from T(c), the total bigram mass
// at c, less that of a's neighbours, and only a's neighbours cost a
// logarithm: a step costs O(C·|neighbours of a|) logarithms, not O(C²).
func (m *model) setLosses(a int) {
	s := m.s
	near := m.near[:0]
	for _, d := range m.active {
		if d != a && (m.p2[a*s+d] != 0 || m.p2[d*s+a] != 0) {
			near = append(near, d)
		}
	}
	m.near = near
	for _, c := range m.active {
		var t float64
		for _, d := range m.active {
			t += m.p2[d*s+c] + m.p2[c*s+d]
		}
		m.total[c] = t
	}
	for _, c := range m.active {
		if c == a {
			continue
		}
		var l float64
		rest := m.total[c] - m.p2[a*s+c] - m.p2[c*s+a] - 2*m.p2[c*s+c]
		for _, d := range near {
			if d != c {
				l += m.g(d, a, c)
				rest -= m.p2[d*s+c] + m.p2[c*s+d]
			}
		}
		pa, pc := m.p1[a], m.p1[c]
		if rest > 0 {
			l += rest * math.Log((pa+pc)/pc)
		}
		pac := pa + pc
		aa, ac, ca, cc := m.p2[a*s+a], m.p2[a*s+c], m.p2[c*s+a], m.p2[c*s+c]
		l += m.q2[a*s+a] + m.q2[a*s+c] + m.q2[c*s+a] + m.q2[c*s+c] - hq(aa+ac+ca+cc, pac, pac)
		i, j := min(a, c), max(a, c)
		m.loss[i*s+j] = l
	}
}

// best returns the active pair a < b of least merge loss, the first in
// slot order among equals.
func (m *model) best() (int, int) {
	s := m.s
	ba, bb, bl := -1, -1, math.Inf(1)
	for x, i := range m.active {
		row := m.loss[i*s : i*s+s]
		for _, j := range m.active[x+1:] {
			if l := row[j]; l < bl {
				ba, bb, bl = i, j, l
			}
		}
	}
	return ba, bb
}

// merge merges slot b into slot a (a < b) and frees b.
func (m *model) merge(a, b int) {
	s := m.s
	// The pairs b touches see a and b replaced by their union; for the
	// others the change cancels (see forTouched). The set is taken before
	// the merge and kept for the update after it.
	var pairs []int
	m.forTouched(b, a, b, func(i, j int) {
		m.loss[i*s+j] -= m.g(a, i, j) + m.g(b, i, j)
		pairs = append(pairs, i*s+j)
	})
	for _, w := range m.member[b] {
		m.slotOf[w] = int32(a)
	}
	m.member[a] = append(m.member[a], m.member[b]...)
	m.member[b] = m.member[b][:0]
	self := m.p2[a*s+a] + m.p2[a*s+b] + m.p2[b*s+a] + m.p2[b*s+b]
	for _, c := range m.active {
		m.p2[a*s+c] += m.p2[b*s+c]
		m.p2[c*s+a] += m.p2[c*s+b]
		m.p2[b*s+c], m.p2[c*s+b] = 0, 0
	}
	m.p2[a*s+a] = self
	m.p1[a] += m.p1[b]
	m.p1[b] = 0
	k := sort.SearchInts(m.active, b)
	m.active = append(m.active[:k], m.active[k+1:]...)
	m.setQ(a)
	for _, ij := range pairs {
		m.loss[ij] += m.g(a, ij/s, ij%s)
	}
	m.setLosses(a)
}

// finish merges the clusters in leaves (the slots left by run) down to
// one and returns each slot's bit string: the path from the root of the
// tree of those merges, '0' towards the lower slot of a merge.
func (m *model) finish(leaves []int) []string {
	bits := make([]string, m.s)
	if len(leaves) == 1 {
		bits[leaves[0]] = "0"
		return bits
	}
	// Each merge prepends a branch to every slot in the two subtrees.
	sub := make([][]int, m.s)
	for _, a := range leaves {
		sub[a] = []int{a}
	}
	for len(m.active) > 1 {
		a, b := m.best()
		for _, x := range sub[a] {
			bits[x] = "0" + bits[x]
		}
		for _, x := range sub[b] {
			bits[x] = "1" + bits[x]
		}
		sub[a] = append(sub[a], sub[b]...)
		sub[b] = nil
		m.merge(a, b)
	}
	return bits
}
