package translit

// Linker scores many pairs with one model, remembering the score of every
// pair of word blocks it has aligned: the words of a corpus's names repeat
// (محمد, Mohammed), so scoring every candidate pair of a corpus costs about
// the distinct word pairs rather than the name pairs. It satisfies
// graph/cluster's Linker and Blocker, and is safe for concurrent use: calls
// run in parallel, sharing the remembered scores under a read-write lock.
// Its memory grows with the distinct word pairs scored.
type Linker struct {
	m *Model
	s *scorer
}

// NewLinker returns a Linker scoring with m.
func NewLinker(m *Model) *Linker { return &Linker{m: m, s: m.newScorer()} }

// Link returns the model's Score of the two keys (see Model.Score).
func (l *Linker) Link(arabicKey, latinKey string) float64 {
	aw, lw := arabicWords(arabicKey), latinWords(latinKey)
	if len(aw) == 0 || len(lw) == 0 {
		return 0
	}
	f, ok := l.s.features(aw, lw)
	if !ok {
		return 0
	}
	return l.m.calibrated(f.evidence())
}

// Blocks returns Blocks(name).
func (l *Linker) Blocks(name string) []string { return Blocks(name) }
