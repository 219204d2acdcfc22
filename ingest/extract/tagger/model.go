package tagger

import (
	"runtime"
	"sync"
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
	pool    chan *scratch                   // idle scratch space, with warm word caches
	padPart [2][2*window + 1][numTags]int32 // what the padding before and after a sentence gives each position
}

// cacheSize is the number of words a scratch space remembers the features
// of (direct-mapped by the hash of the word).
const cacheSize = 8192

// wordEntry is what the features spanning words need of a word's analysis
// (see appendContext and gazetteer.mark), and the sums of the weights of
// the features it gives the words of its window: part[rel+window] is what it
// gives the word rel places before it (rel < 0) or after it.
type wordEntry struct {
	key                uint64
	fold, strip, shape uint64
	part               [2*window + 1][numTags]int32
}

// scratch holds what tagging one sentence needs, reused across calls.
type scratch struct {
	toks  []token
	feats []uint64
	sum   [numTags]int32
	cache []wordEntry
	parts [][2*window + 1][numTags]int32
	em    []float32 // emission scores, words × numTags
	score []float32 // Viterbi scores, words × numTags
	back  []int8    // back pointers, words × numTags
	best  []int8
}

func (m *Model) getScratch(n int) *scratch {
	m.once.Do(m.prepare)
	var s *scratch
	select {
	case s = <-m.pool:
	default:
		s = &scratch{cache: make([]wordEntry, cacheSize)}
	}
	if cap(s.toks) < n {
		s.toks = make([]token, n)
		s.parts = make([][2*window + 1][numTags]int32, n)
		s.em = make([]float32, n*numTags)
		s.score = make([]float32, n*numTags)
		s.back = make([]int8, n*numTags)
		s.best = make([]int8, n)
	}
	s.parts = s.parts[:n]
	s.toks, s.em, s.score, s.back, s.best = s.toks[:n], s.em[:n*numTags], s.score[:n*numTags], s.back[:n*numTags], s.best[:n]
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
// space and the padding's feature sums.
func (m *Model) prepare() {
	m.pool = make(chan *scratch, 2*runtime.GOMAXPROCS(0))
	for k, pad := range [2]*token{&padBefore, &padAfter} {
		m.wordSums(pad, &m.padPart[k], nil)
	}
}

// wordSums sets part to the weight sums of the features word t gives each
// position of its window (see wordEntry); fs is workspace.
func (m *Model) wordSums(t *token, part *[2*window + 1][numTags]int32, fs []uint64) []uint64 {
	for rel := -window; rel <= window; rel++ {
		fs = appendWord(fs[:0], rel, t)
		sum := &part[rel+window]
		*sum = [numTags]int32{}
		for _, f := range fs {
			if w := m.feats.get(f); w != nil {
				for k := range sum {
					sum[k] += int32(w[k])
				}
			}
		}
	}
	return fs
}

// tagIndexes fills s.best with the best tag sequence of words.
func (m *Model) tagIndexes(words []string, s *scratch) {
	// Each word's own features come from the cache, or are looked up once
	// and cached; the gazetteer marks and the features that span words are
	// looked up for every word.
	for i, w := range words {
		h := nonzero(hashStr(w))
		e := &s.cache[h&(cacheSize-1)]
		if e.key != h {
			var t token
			m.analyseWord(w, &t)
			s.feats = m.wordSums(&t, &e.part, s.feats)
			e.key, e.fold, e.strip, e.shape = h, t.fold, t.strip, t.shape
		}
		s.toks[i] = token{fold: e.fold, strip: e.strip, shape: e.shape}
		s.parts[i] = e.part
	}
	m.gaz.mark(s.toks)
	n := len(words)
	for i := range words {
		s.feats = appendContext(s.feats[:0], s.toks, i)
		sum := &s.sum
		*sum = [numTags]int32{}
		for rel := -window; rel <= window; rel++ {
			part := &m.padPart[0]
			switch j := i + rel; {
			case j >= n:
				part = &m.padPart[1]
			case j >= 0:
				part = &s.parts[j]
			}
			for k, v := range part[rel+window] {
				sum[k] += v
			}
		}
		for _, f := range s.feats {
			if w := m.feats.get(f); w != nil {
				for t := range sum {
					sum[t] += int32(w[t])
				}
			}
		}
		em := s.em[i*numTags : (i+1)*numTags]
		for t := range em {
			em[t] = float32(sum[t])
		}
	}
	viterbi(s.em, &m.trans, s.score, s.back, s.best)
}

// viterbi finds the tag sequence of highest score, the sum of emission
// scores em (words × numTags) and transition scores trans[prev][cur]
// (prev == start for the first word), among the valid IOB2 sequences; it
// writes it to best. score and back are workspace of em's size.
func viterbi(em []float32, trans *[numTags + 1][numTags]float32, score []float32, back []int8, best []int8) {
	// The transitions IOB2 forbids score −∞: −∞ plus any score stays −∞
	// and loses every comparison, so no path goes through them.
	var tr [numTags + 1][numTags]float32
	for p := range tr {
		for t := range numTags {
			if allowed(p, t) {
				tr[p][t] = trans[p][t]
			} else {
				tr[p][t] = negInf
			}
		}
	}
	n := len(best)
	for t := range numTags {
		score[t] = em[t] + tr[start][t]
	}
	for i := 1; i < n; i++ {
		prev := score[(i-1)*numTags : i*numTags : i*numTags]
		cur := score[i*numTags : (i+1)*numTags : (i+1)*numTags]
		e := em[i*numTags : (i+1)*numTags : (i+1)*numTags]
		bk := back[i*numTags : (i+1)*numTags : (i+1)*numTags]
		for t := range numTags {
			bestScore, arg := prev[tagO]+tr[tagO][t], tagO // O may precede any tag
			for p := 1; p < numTags; p++ {
				if v := prev[p] + tr[p][t]; v > bestScore {
					bestScore, arg = v, p
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
