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
	type example struct {
		feats [][]uint64
		gold  []int8
	}
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

	p := perceptron{
		w: make([]int32, len(keys)*numTags), u: make([]int64, len(keys)*numTags), c: 1,
	}
	order := make([]int, len(examples))
	for i := range order {
		order[i] = i
	}
	var em, score []float32
	var back, best []int8
	var final *Model
	for epoch := 1; epoch <= opts.Epochs; epoch++ {
		rng := rand.New(rand.NewPCG(opts.Seed, uint64(epoch)))
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
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
		if opts.OnEpoch != nil || epoch == opts.Epochs {
			avg := p.average(m, keys)
			if opts.OnEpoch != nil {
				opts.OnEpoch(epoch, avg)
			}
			final = avg
		}
	}
	return final, nil
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

// average returns the model of the averaged weights, w − u/c, quantised
// to int16 steps of the largest weight's 1/32767, without the features
// whose quantised weights are all zero.
func (p *perceptron) average(m *Model, keys []uint64) *Model {
	out := &Model{Lang: m.Lang, gaz: m.gaz, clusters: m.clusters, paths: m.paths}
	c := float64(p.c)
	avg := func(w int32, u int64) float64 { return float64(w) - float64(u)/c }
	maxAbs := 0.0
	for i := range p.w {
		maxAbs = max(maxAbs, math.Abs(avg(p.w[i], p.u[i])))
	}
	for a := range p.tw {
		for b := range p.tw[a] {
			maxAbs = max(maxAbs, math.Abs(avg(p.tw[a][b], p.tu[a][b])))
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
			row[t] = int16(math.Round(avg(p.w[i], p.u[i]) / scale))
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
			out.trans[a][b] = float32(avg(p.tw[a][b], p.tu[a][b]) / scale)
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
