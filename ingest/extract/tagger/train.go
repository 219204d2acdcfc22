package tagger

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
)

// Sentence is a training sentence: its words as written and their IOB2
// tags (B-PERS and I-PERS read as PER).
type Sentence struct {
	Words []string
	Tags  []string
}

// TrainOptions say how a model is trained.
type TrainOptions struct {
	Lang   string
	Epochs int    // passes over the training sentences; ≥ 1
	Seed   uint64 // seeds the order of sentences in each pass
	// MinCount drops features seen in fewer training words (a count
	// cut-off); values below 1 read as 1.
	MinCount   int
	Gazetteers []GazetteerName
	// Clusters maps folded words (norm.Fold) to their Brown cluster bit
	// strings ("0110…"); nil: no cluster features.
	Clusters map[string]string
	// OnEpoch, when set, is called after each pass with the averaged model
	// so far; a caller scores it on development data. The model is the
	// caller's to keep.
	OnEpoch func(epoch int, m *Model)
	// Ensemble is how many perceptrons are trained side by side, each
	// visiting the sentences in its own order (seeded by Seed and its
	// number); the model averages their averaged weights, which makes it
	// depend less on one order. Values below 1 read as 1.
	Ensemble int
}

// Train learns a model from gold sentences with the averaged structured
// perceptron (Collins 2002): for each sentence in turn, in an order
// shuffled by opts.Seed before each pass, it decodes with the current
// weights (Viterbi under the IOB2 constraint) and, where the decoded tags
// differ from the gold ones, adds the gold sequence's features and
// subtracts the decoded one's; the model returned averages the weights over
// every step (Daumé's lazy averaging trick, exact in integers). The same
// sentences, options and seed give the same model, bit for bit.
func Train(sents []Sentence, opts TrainOptions) (*Model, error) {
	if opts.Epochs < 1 {
		return nil, fmt.Errorf("train: %d epochs, want at least 1", opts.Epochs)
	}
	m := &Model{Lang: opts.Lang, gaz: buildGazetteer(opts.Gazetteers)}
	if err := m.setClusters(opts.Clusters); err != nil {
		return nil, fmt.Errorf("train: %w", err)
	}

	// Features of every word, and how often each is seen.
	examples := make([]example, 0, len(sents))
	counts := make(map[uint64]int32)
	var toks []token
	for si, s := range sents {
		if len(s.Words) != len(s.Tags) {
			return nil, fmt.Errorf("train: sentence %d: %d words, %d tags", si, len(s.Words), len(s.Tags))
		}
		if len(s.Words) == 0 {
			continue
		}
		ex := example{feats: make([][]uint64, len(s.Words)), gold: make([]int8, len(s.Words))}
		for i, tag := range s.Tags {
			t := tagIndex(tag)
			if t < 0 {
				return nil, fmt.Errorf("train: sentence %d word %d: tag %q, want O, B-X or I-X over PER, ORG, LOC, MISC", si, i, tag)
			}
			prev := start
			if i > 0 {
				prev = int(ex.gold[i-1])
			}
			if !allowed(prev, t) { // IOB1 or a broken chunk: I-X starts it
				t--
			}
			ex.gold[i] = int8(t)
		}
		toks = slices.Grow(toks[:0], len(s.Words))[:len(s.Words)]
		m.analyse(s.Words, toks)
		for i := range s.Words {
			ex.feats[i] = appendFeatures(nil, toks, i)
			for _, f := range ex.feats[i] {
				counts[f]++
			}
		}
		examples = append(examples, ex)
	}
	minCount := int32(max(opts.MinCount, 1))
	keys := make([]uint64, 0, len(counts))
	for f, c := range counts {
		if c >= minCount {
			keys = append(keys, f)
		}
	}
	slices.Sort(keys)
	index := newTable(len(keys))
	for i, k := range keys {
		index.put(k, int32(i))
	}
	rows := make([][][]int32, len(examples))
	for e, ex := range examples {
		rows[e] = make([][]int32, len(ex.feats))
		for i, fs := range ex.feats {
			r := make([]int32, 0, len(fs))
			for _, f := range fs {
				if k := index.get(f); k >= 0 {
					r = append(r, k)
				}
			}
			rows[e][i] = r
		}
		examples[e].feats = nil
	}

	ps := make([]*perceptron, max(opts.Ensemble, 1))
	orders := make([][]int, len(ps))
	for k := range ps {
		ps[k] = &perceptron{w: make([]int32, len(keys)*numTags), u: make([]int64, len(keys)*numTags), c: 1}
		orders[k] = make([]int, len(examples))
		for i := range orders[k] {
			orders[k][i] = i
		}
	}
	var em, score []float32
	var back, best []int8
	var final *Model
	for epoch := 1; epoch <= opts.Epochs; epoch++ {
		for k, p := range ps {
			// The first perceptron's stream is the one a single model was
			// always trained with: an ensemble of one is that model.
			rng := rand.New(rand.NewPCG(opts.Seed+uint64(k)<<32, uint64(epoch)))
			order := orders[k]
			rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
			em, score, back, best = p.pass(rows, examples, order, em, score, back, best)
		}
		if opts.OnEpoch != nil || epoch == opts.Epochs {
			avg := average(ps, m, keys)
			if opts.OnEpoch != nil {
				opts.OnEpoch(epoch, avg)
			}
			final = avg
		}
	}
	return final, nil
}

// pass makes one pass of perceptron training over the examples in order;
// em, score, back and best are workspace, returned grown.
func (p *perceptron) pass(rows [][][]int32, examples []example, order []int, em, score []float32, back, best []int8) ([]float32, []float32, []int8, []int8) {
	for _, e := range order {
		r, gold := rows[e], examples[e].gold
		n := len(gold)
		em, score = slices.Grow(em[:0], n*numTags)[:n*numTags], slices.Grow(score[:0], n*numTags)[:n*numTags]
		back, best = slices.Grow(back[:0], n*numTags)[:n*numTags], slices.Grow(best[:0], n)[:n]
		for i := range n {
			e := em[i*numTags : (i+1)*numTags]
			clear(e)
			for _, k := range r[i] {
				w := p.w[int(k)*numTags : int(k)*numTags+numTags]
				for t := range e {
					e[t] += float32(w[t])
				}
			}
		}
		var trans [numTags + 1][numTags]float32
		for a := range trans {
			for b := range trans[a] {
				trans[a][b] = float32(p.tw[a][b])
			}
		}
		viterbi(em, &trans, score, back, best)
		p.update(r, gold, best)
		p.c++
	}
	return em, score, back, best
}

// example is a training sentence: the features of each word (dropped
// once indexed) and the gold tags.
type example struct {
	feats [][]uint64
	gold  []int8
}

// perceptron holds the weights being learnt: w the current ones, u their
// updates weighted by the step they were made at, c the step.
type perceptron struct {
	w  []int32
	u  []int64
	tw [numTags + 1][numTags]int32
	tu [numTags + 1][numTags]int64
	c  int64
}

// update moves the weights towards the gold tags and away from the
// predicted ones, where they differ.
func (p *perceptron) update(rows [][]int32, gold, pred []int8) {
	for i := range gold {
		g, q := int(gold[i]), int(pred[i])
		if g != q {
			for _, k := range rows[i] {
				base := int(k) * numTags
				p.w[base+g]++
				p.u[base+g] += p.c
				p.w[base+q]--
				p.u[base+q] -= p.c
			}
		}
		gp, qp := start, start
		if i > 0 {
			gp, qp = int(gold[i-1]), int(pred[i-1])
		}
		if gp != qp || g != q {
			p.tw[gp][g]++
			p.tu[gp][g] += p.c
			p.tw[qp][q]--
			p.tu[qp][q] -= p.c
		}
	}
}

// average returns the model of the averaged weights, w − u/c, averaged
// again over the perceptrons of an ensemble, quantised
// to int16 steps of the largest weight's 1/32767, without the features
// whose quantised weights are all zero.
func average(ps []*perceptron, m *Model, keys []uint64) *Model {
	out := &Model{Lang: m.Lang, gaz: m.gaz, clusters: m.clusters, paths: m.paths}
	at := func(i int) float64 {
		v := 0.0
		for _, p := range ps {
			v += float64(p.w[i]) - float64(p.u[i])/float64(p.c)
		}
		return v / float64(len(ps))
	}
	trans := func(a, b int) float64 {
		v := 0.0
		for _, p := range ps {
			v += float64(p.tw[a][b]) - float64(p.tu[a][b])/float64(p.c)
		}
		return v / float64(len(ps))
	}
	maxAbs := 0.0
	for i := range ps[0].w {
		maxAbs = max(maxAbs, math.Abs(at(i)))
	}
	for a := range ps[0].tw {
		for b := range ps[0].tw[a] {
			maxAbs = max(maxAbs, math.Abs(trans(a, b)))
		}
	}
	if maxAbs == 0 {
		maxAbs = 1
	}
	scale := maxAbs / math.MaxInt16
	out.scale = float32(scale)
	var kept []uint64
	var rows [][numTags]int16
	for r, k := range keys {
		var row [numTags]int16
		nonzero := false
		for t := range numTags {
			i := r*numTags + t
			row[t] = int16(math.Round(at(i) / scale))
			nonzero = nonzero || row[t] != 0
		}
		if nonzero {
			kept = append(kept, k)
			rows = append(rows, row)
		}
	}
	out.feats = newWeights(len(kept))
	for i, k := range kept {
		out.feats.put(k, rows[i])
	}
	for a := range out.trans {
		for b := range out.trans[a] {
			out.trans[a][b] = float32(trans(a, b) / scale)
		}
	}
	return out
}

// setClusters sets the model's word clusters from folded words to bit
// strings.
func (m *Model) setClusters(clusters map[string]string) error {
	if len(clusters) == 0 {
		return nil
	}
	words := make([]string, 0, len(clusters))
	for w := range clusters {
		words = append(words, w)
	}
	slices.Sort(words)
	m.clusters = newTable(len(words))
	m.paths = make([]uint64, 0, len(words))
	for _, w := range words {
		bits := clusters[w]
		if len(bits) == 0 || len(bits) > 56 || strings.Trim(bits, "01") != "" {
			return fmt.Errorf("cluster of %q: %q is not a bit string of 1 to 56 bits", w, bits)
		}
		var path uint64
		for _, b := range bits {
			path = path<<1 | uint64(b-'0')
		}
		m.clusters.put(hashStr(w), int32(len(m.paths)))
		m.paths = append(m.paths, path<<8|uint64(len(bits)))
	}
	return nil
}
