package translit

import "runtime"

// Linker scores many pairs with one model, remembering the score of every
// pair of word blocks it has aligned: the words of a corpus's names repeat
// (محمد, Mohammed), so scoring every candidate pair of a corpus costs about
// the distinct word pairs rather than the name pairs. It satisfies
// graph/cluster's Linker and Blocker, and is safe for concurrent use: it
// keeps one memo per CPU, each used by one call at a time, so that calls
// in parallel share no lock on the hot path. (One memo shared under a
// read-write lock made clustering ar-news-2022 no faster on 2 CPUs than
// one goroutine, 2.5–2.7 s for a query that clusters; a memo per CPU,
// 1.7–2.0 s.) Its memory grows with the distinct word pairs scored, once
// per memo.
type Linker struct {
	m    *Model
	free chan *scorer // memos not in use; a call takes one and gives it back
}

// NewLinker returns a Linker scoring with m.
func NewLinker(m *Model) *Linker {
	n := runtime.GOMAXPROCS(0)
	l := &Linker{m: m, free: make(chan *scorer, n)}
	for range n {
		l.free <- m.newScorer()
	}
	return l
}

// Link returns the model's Score of the two keys (see Model.Score).
func (l *Linker) Link(arabicKey, latinKey string) float64 {
	aw, lw := arabicWords(arabicKey), latinWords(latinKey)
	if len(aw) == 0 || len(lw) == 0 {
		return 0
	}
	s := <-l.free
	f, ok := s.features(aw, lw)
	l.free <- s
	if !ok {
		return 0
	}
	return l.m.calibrated(f.evidence())
}

// Blocks returns Blocks(name).
func (l *Linker) Blocks(name string) []string { return Blocks(name) }
