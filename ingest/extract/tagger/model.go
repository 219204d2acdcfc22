package tagger

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Model is a trained tagger for one language. It is read-only and safe for
// concurrent use.
type Model struct {
	Lang string // "ar", "en", or what it was trained as

	feats *weights // feature hash → weight of each tag, in units of scale
	scale float32
	trans [numTags + 1][numTags]float32 // in units of scale

	gaz      gazetteer
	clusters *table   // folded-word hash → index in paths
	paths    []uint64 // bit string << 8 | length

	once    sync.Once
	pool    chan *scratch                   // idle scratch space
	cache   []wordEntry                     // each word's analysis and feature sums, direct-mapped by its hash
	padPart [2][2*window + 1][numTags]int32 // what the padding before and after a sentence gives each position
	bias    [numTags]int32                  // the bias feature's weights
	gazRows [3][64]*[numTags]int16          // the weights of tGaz, tGazM1 and tGazP1 of each mark bit; nil when the model has none
	// The sums of the weights of the cluster features (appendCluster) a
	// word of each cluster gives the word before it, itself and the word
	// after it: clusterSums[clusterOf[r]] for the word of paths[r].
	clusterOf   []int32
	clusterSums [][3][numTags]int32
}

// cacheSize is the number of words a model remembers the features of
// (direct-mapped by the hash of the word), shared by all its callers: 32768
// entries of 224 bytes, 7 MB a model, allocated on first use. Over 1,000
// articles of news in Arabic (60,000 distinct words), read four times, a
// word is not in the cache at 18% of its occurrences (12% with 65536
// entries, 8% with 131072; but a larger cache costs the heap its size twice
// over, as the garbage collector lets the heap grow to twice what is live).
const cacheSize = 1 << 15

// wordEntry is what the features spanning words need of a word's analysis
// (see appendContext and gazetteer.mark), and the sums of the weights of
// the features it gives the words of its window (see wordSums). mu guards
// the rest: tagging sentences at once share the cache.
type wordEntry struct {
	mu  sync.Mutex
	key uint64 // the hash of the word as written; 0 when empty. Written atomically, to be read early (see tagIndexes)
	wordSums
}

// wordSums is a word's analysis as the context features need it, and
// part[rel+window], the sums of the weights of the features it gives the
// word rel places before it (rel < 0) or after it.
type wordSums struct {
	fold, strip, shape uint64
	part               [2*window + 1][numTags]int32
}

// scratch holds what tagging one sentence needs, reused across calls.
type scratch struct {
	toks    []token
	hashes  []uint64 // of the words
	touched uint64   // what reading the words' cache entries early read (see tagIndexes)
	feats   []uint64
	to      []int32 // the word, or the position in a word's window, each of feats counts for
	word    wordSums
	sums    [][numTags]int32 // emission sums, per word
	em      []float32        // emission scores, words × numTags
	score   []float32        // Viterbi scores, words × numTags
	back    []int8           // back pointers, words × numTags
	best    []int8
}

func (m *Model) getScratch(n int) *scratch {
	m.once.Do(m.prepare)
	var s *scratch
	select {
	case s = <-m.pool:
	default:
		s = &scratch{}
	}
	if cap(s.toks) < n {
		s.toks = make([]token, n)
		s.hashes = make([]uint64, n)
		s.sums = make([][numTags]int32, n)
		s.em = make([]float32, n*numTags)
		s.score = make([]float32, n*numTags)
		s.back = make([]int8, n*numTags)
		s.best = make([]int8, n)
	}
	s.toks, s.hashes, s.sums = s.toks[:n], s.hashes[:n], s.sums[:n]
	s.em, s.score, s.back, s.best = s.em[:n*numTags], s.score[:n*numTags], s.back[:n*numTags], s.best[:n]
	return s
}

// Tag returns the IOB2 tag of each word of one sentence: "O", "B-PER",
// "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC" or "I-MISC". Words
// are as written in the text (a token each, punctuation included); the
// model folds them itself. The tags always form a valid IOB2 sequence: an
// I-X only follows a B-X or an I-X. Tag of no words is nil.
func (m *Model) Tag(words []string) []string {
	if len(words) == 0 {
		return nil
	}
	s := m.getScratch(len(words))
	m.tagIndexes(words, s)
	out := make([]string, len(words))
	for i, t := range s.best {
		out[i] = tagNames[t]
	}
	select {
	case m.pool <- s:
	default:
	}
	return out
}

// prepare makes what tagging needs beyond the weights: the pool of scratch
// space, the word cache, the padding's feature sums and the weights of the
// features that take few values (the bias, the gazetteer marks).
func (m *Model) prepare() {
	m.pool = make(chan *scratch, 2*runtime.GOMAXPROCS(0))
	m.cache = make([]wordEntry, cacheSize)
	for k, pad := range [2]*token{&padBefore, &padAfter} {
		m.sumWord(pad, &m.padPart[k], nil, nil)
	}
	if w := m.feats.get(mix(tBias, 0)); w != nil {
		for t := range m.bias {
			m.bias[t] = int32(w[t])
		}
	}
	m.sumClusters()
	for k, tmpl := range [3]uint64{tGaz, tGazM1, tGazP1} {
		for bit := range m.gazRows[k] {
			m.gazRows[k][bit] = m.feats.get(mix(tmpl, uint64(bit)))
		}
	}
}

// sumClusters sets clusterOf and clusterSums: the words of a cluster
// (the same bit string) share its sums.
func (m *Model) sumClusters() {
	m.clusterOf = make([]int32, len(m.paths))
	seen := make(map[uint64]int32)
	var fs []uint64
	for r, p := range m.paths {
		c, ok := seen[p]
		if !ok {
			c = int32(len(m.clusterSums))
			seen[p] = c
			t := token{path: p >> 8, plen: uint8(p)}
			var sums [3][numTags]int32
			for k, tmpl := range clusterTemplates {
				fs = appendCluster(fs[:0], tmpl, &t)
				m.addWeightsTo(sums[k:k+1], fs, nil)
			}
			m.clusterSums = append(m.clusterSums, sums)
		}
		m.clusterOf[r] = c
	}
}

// addWeightsTo adds the weights of each feature fs[j] to sums[to[j]], or
// to sums[0] when to is nil. It reads the first slot of a batch of
// features before it looks any up, so that the memory reads, most of
// which miss the processor's caches, overlap.
func (m *Model) addWeightsTo(sums [][numTags]int32, fs []uint64, to []int32) {
	const batch = 16
	var first [batch]uint64
	for base := 0; base < len(fs); base += batch {
		b := fs[base:min(len(fs), base+batch)]
		for j, f := range b {
			first[j] = m.feats.slots[nonzero(f)&m.feats.mask].key
		}
		for j, f := range b {
			if first[j] == 0 {
				continue // an empty first slot: not a feature of the model
			}
			if w := m.feats.get(f); w != nil {
				sum := &sums[0]
				if to != nil {
					sum = &sums[to[base+j]]
				}
				for k := range sum {
					sum[k] += int32(w[k])
				}
			}
		}
	}
}

// sumWord sets part to the weight sums of the features word t gives each
// position of its window (see wordSums); fs is workspace.
func (m *Model) sumWord(t *token, part *[2*window + 1][numTags]int32, fs []uint64, to []int32) ([]uint64, []int32) {
	fs, to = fs[:0], to[:0]
	for rel := -window; rel <= window; rel++ {
		n := len(fs)
		fs = appendWordForms(fs, rel, t)
		for range len(fs) - n {
			to = append(to, int32(rel+window))
		}
	}
	*part = [2*window + 1][numTags]int32{}
	m.addWeightsTo(part[:], fs, to)
	if t.pathAt > 0 {
		for rel := -1; rel <= 1; rel++ {
			sum, cs := &part[rel+window], &m.clusterSums[m.clusterOf[t.pathAt-1]][rel+1]
			for k := range sum {
				sum[k] += cs[k]
			}
		}
	}
	return fs, to
}

// spread adds what word j gives the words of its window to their emission
// sums: part[rel+window] to word j-rel's.
func spread(sums [][numTags]int32, j int, part *[2*window + 1][numTags]int32) {
	for rel := -window; rel <= window; rel++ {
		if i := j - rel; i >= 0 && i < len(sums) {
			sum, p := &sums[i], &part[rel+window]
			for k := range sum {
				sum[k] += p[k]
			}
		}
	}
}

// tagIndexes fills s.best with the best tag sequence of words. The
// emission sums are the sums of the weights of each word's features
// (appendFeatures), added up in another order: integer sums, so the same.
func (m *Model) tagIndexes(words []string, s *scratch) {
	// Each word's own features come from the cache, or are looked up once
	// and cached; the gazetteer marks and the features that span words are
	// looked up for every word.
	n := len(words)
	clear(s.sums)
	// Read the words' cache entries before locking any, so that the
	// reads, which mostly miss the processor's caches, overlap: a lock is
	// a barrier they would otherwise wait at one by one.
	var touched uint64
	for j, w := range words {
		h := nonzero(hashStr(w))
		s.hashes[j] = h
		touched += atomic.LoadUint64(&m.cache[h&(cacheSize-1)].key)
	}
	s.touched = touched
	for j, w := range words {
		h := s.hashes[j]
		e := &m.cache[h&(cacheSize-1)]
		e.mu.Lock()
		if e.key == h {
			s.toks[j] = token{fold: e.fold, strip: e.strip, shape: e.shape}
			spread(s.sums, j, &e.part)
			e.mu.Unlock()
			continue
		}
		e.mu.Unlock()
		var t token
		m.analyseWord(w, &t)
		ws := &s.word
		ws.fold, ws.strip, ws.shape = t.fold, t.strip, t.shape
		s.feats, s.to = m.sumWord(&t, &ws.part, s.feats, s.to)
		s.toks[j] = token{fold: t.fold, strip: t.strip, shape: t.shape}
		spread(s.sums, j, &ws.part)
		e.mu.Lock()
		atomic.StoreUint64(&e.key, h)
		e.wordSums = *ws
		e.mu.Unlock()
	}
	// The padding before and after the sentence.
	for i := range s.sums {
		sum := &s.sums[i]
		for rel := -window; rel <= window; rel++ {
			var p *[numTags]int32
			switch j := i + rel; {
			case j < 0:
				p = &m.padPart[0][rel+window]
			case j >= n:
				p = &m.padPart[1][rel+window]
			default:
				continue
			}
			for k := range sum {
				sum[k] += p[k]
			}
		}
	}
	m.gaz.mark(s.toks)
	// The context features of all the words, looked up together.
	s.feats, s.to = s.feats[:0], s.to[:0]
	for i := range s.toks {
		k := len(s.feats)
		s.feats = m.appendContextFeatures(s.feats, s.toks, i)
		for range len(s.feats) - k {
			s.to = append(s.to, int32(i))
		}
	}
	m.addWeightsTo(s.sums, s.feats, s.to)
	for i := range s.toks {
		sum := &s.sums[i]
		for k := range sum {
			sum[k] += m.bias[k]
		}
		m.addGazetteer(sum, s.toks, i)
		em := s.em[i*numTags : (i+1)*numTags]
		for t := range em {
			em[t] = float32(sum[t])
		}
	}
	viterbi(s.em, &m.trans, s.score, s.back, s.best)
}

// appendContextFeatures appends the features of appendContext other than
// the bias and the gazetteer marks, whose weights the model holds apart.
func (m *Model) appendContextFeatures(fs []uint64, toks []token, i int) []uint64 {
	t, m1, p1 := &toks[i], at(toks, i-1), at(toks, i+1)
	fs = append(fs,
		mix(tFoldM1Fold, mix(m1.fold, t.fold)),
		mix(tFoldFoldP1, mix(t.fold, p1.fold)),
		mix(tShapeTri, mix(mix(m1.shape, t.shape), p1.shape)),
	)
	if i == 0 {
		fs = append(fs, mix(tFirstShape, t.shape))
	}
	return fs
}

// addGazetteer adds to sum the weights of the gazetteer features of word i
// (see appendContext).
func (m *Model) addGazetteer(sum *[numTags]int32, toks []token, i int) {
	for k, t := range [3]*token{&toks[i], at(toks, i-1), at(toks, i+1)} {
		for g := t.gaz; g != 0; g &= g - 1 {
			if w := m.gazRows[k][trailingZeros(g)]; w != nil {
				for t := range sum {
					sum[t] += int32(w[t])
				}
			}
		}
	}
}

// viterbi finds the tag sequence of highest score, the sum of emission
// scores em (words × numTags) and transition scores trans[prev][cur]
// (prev == start for the first word), among the valid IOB2 sequences; it
// writes it to best. score and back are workspace of em's size.
func viterbi(em []float32, trans *[numTags + 1][numTags]float32, score []float32, back []int8, best []int8) {
	// The transitions IOB2 forbids score −∞: −∞ plus any score stays −∞
	// and loses every comparison, so no path goes through them. Only an
	// I-X has forbidden predecessors (all but B-X and I-X): for it only
	// those two are compared, and a path that cannot reach it is −∞ from
	// O, as it would be comparing all.
	n := len(best)
	for t := range numTags {
		tr := trans[start][t]
		if !allowed(start, t) {
			tr = negInf
		}
		score[t] = em[t] + tr
	}
	for i := 1; i < n; i++ {
		prev := (*[numTags]float32)(score[(i-1)*numTags : i*numTags])
		cur := (*[numTags]float32)(score[i*numTags : (i+1)*numTags])
		e := (*[numTags]float32)(em[i*numTags : (i+1)*numTags])
		bk := (*[numTags]int8)(back[i*numTags : (i+1)*numTags])
		for t := range numTags {
			var bestScore float32
			var arg int
			if isInside(t) {
				bestScore, arg = negInf, tagO
				for p := t - 1; p <= t; p++ { // B-X, I-X
					if v := prev[p] + trans[p][t]; v > bestScore {
						bestScore, arg = v, p
					}
				}
			} else {
				bestScore, arg = prev[tagO]+trans[tagO][t], tagO // O may precede any tag
				for p := 1; p < numTags; p++ {
					if v := prev[p] + trans[p][t]; v > bestScore {
						bestScore, arg = v, p
					}
				}
			}
			cur[t] = bestScore + e[t]
			bk[t] = int8(arg)
		}
	}
	last := score[(n-1)*numTags : n*numTags]
	arg := tagO
	for t := range numTags {
		if last[t] > last[arg] {
			arg = t
		}
	}
	for i := n - 1; i >= 0; i-- {
		best[i] = int8(arg)
		arg = int(back[i*numTags+arg])
	}
}
