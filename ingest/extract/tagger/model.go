package tagger

import (
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

	scratch sync.Pool
}

// scratch holds what tagging one sentence needs, reused across calls.
type scratch struct {
	toks  []token
	feats []uint64
	sum   [numTags]int32
	em    []float32 // emission scores, words × numTags
	score []float32 // Viterbi scores, words × numTags
	back  []int8    // back pointers, words × numTags
	best  []int8
}

func (m *Model) getScratch(n int) *scratch {
	s, _ := m.scratch.Get().(*scratch)
	if s == nil {
		s = &scratch{}
	}
	if cap(s.toks) < n {
		s.toks = make([]token, n)
		s.em = make([]float32, n*numTags)
		s.score = make([]float32, n*numTags)
		s.back = make([]int8, n*numTags)
		s.best = make([]int8, n)
	}
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
	m.scratch.Put(s)
	return out
}

// tagIndexes fills s.best with the best tag sequence of words.
func (m *Model) tagIndexes(words []string, s *scratch) {
	m.analyse(words, s.toks)
	for i := range words {
		s.feats = appendFeatures(s.feats[:0], s.toks, i)
		sum := &s.sum
		*sum = [numTags]int32{}
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
