package translit

import (
	"slices"
)

// Report is how well a model links the names of a set of entities, each
// Arabic name scored against every Latin name of the set.
type Report struct {
	Entities  int     `json:"entities"`
	Arabic    int     `json:"arabic_names"`
	Latin     int     `json:"latin_names"`
	Pairs     int     `json:"pairs"`     // name pairs scored: Arabic × Latin
	Threshold float64 `json:"threshold"` // Score from which a pair is linked

	// Positives are the transliteration pairs: an Arabic and a Latin name
	// of the same entity with as many words (as WordPairs pairs them).
	Positives int `json:"positives"`
	// Linked pairs score Threshold or more; Correct of them are the same
	// entity's names (with as many words or not); Found are the positives
	// among them.
	Linked  int `json:"linked"`
	Correct int `json:"correct"`
	Found   int `json:"found"`
	// Blocked are the Found pairs whose names share a block (Blocks): the
	// links a caller that scores only pairs within blocks still makes.
	Blocked int `json:"found_within_blocks"`

	// Ranked Arabic names have at least one positive; Top1 of them score
	// a name of their own entity highest among all the Latin names.
	Ranked int `json:"ranked"`
	Top1   int `json:"top1"`

	// Errors are the linked pairs of different entities, highest first.
	Errors []Link `json:"errors,omitempty"`
	// Misses are the positives below Threshold, lowest first.
	Misses []Link `json:"misses,omitempty"`
}

// Link is one scored name pair.
type Link struct {
	Arabic string  `json:"arabic"`
	Latin  string  `json:"latin"`
	Score  float64 `json:"score"`
}

// Precision is Correct/Linked (1 when nothing is linked).
func (r *Report) Precision() float64 { return ratio(r.Correct, r.Linked) }

// Recall is Found/Positives.
func (r *Report) Recall() float64 { return ratio(r.Found, r.Positives) }

// F1 is the harmonic mean of Precision and Recall.
func (r *Report) F1() float64 {
	p, q := r.Precision(), r.Recall()
	if p+q == 0 {
		return 0
	}
	return 2 * p * q / (p + q)
}

// Top1Accuracy is Top1/Ranked.
func (r *Report) Top1Accuracy() float64 { return ratio(r.Top1, r.Ranked) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// Evaluate scores every Arabic name of names against every Latin name of
// names with m and counts, at threshold, the links made and whether they
// join names of one entity. A pair of different entities is a negative even
// when the two entities share a name (two people called Mohammed Ali), so
// precision is a lower bound. Pass the Dev split only: the model never
// trained on it.
func Evaluate(m *Model, names []Names, threshold float64) *Report {
	type name struct {
		entity int
		text   string
		words  []word
	}
	var ar, lat []name
	for i, n := range names {
		for _, a := range n.Arabic {
			if w := arabicWords(a); len(w) > 0 {
				ar = append(ar, name{i, a, w})
			}
		}
		for _, l := range n.Latin {
			if w := latinWords(l); len(w) > 0 {
				lat = append(lat, name{i, l, w})
			}
		}
	}
	r := &Report{Entities: len(names), Arabic: len(ar), Latin: len(lat), Pairs: len(ar) * len(lat), Threshold: threshold}
	s := m.newScorer()
	for _, a := range ar {
		best, bestOwn := -1.0, false
		hasPositive := false
		for _, l := range lat {
			p := 0.0
			if f, ok := s.features(a.words, l.words); ok {
				p = m.calibrated(f.evidence())
			}
			own := a.entity == l.entity
			positive := own && len(a.words) == len(l.words)
			if positive {
				r.Positives++
				hasPositive = true
			}
			if p > best {
				best, bestOwn = p, own
			}
			if p >= threshold {
				r.Linked++
				if own {
					r.Correct++
				} else {
					r.Errors = append(r.Errors, Link{a.text, l.text, p})
				}
				if positive {
					r.Found++
					if shareBlock(a.text, l.text) {
						r.Blocked++
					}
				}
			} else if positive {
				r.Misses = append(r.Misses, Link{a.text, l.text, p})
			}
		}
		if hasPositive {
			r.Ranked++
			if bestOwn {
				r.Top1++
			}
		}
	}
	slices.SortStableFunc(r.Errors, func(a, b Link) int { return cmpFloat(b.Score, a.Score) })
	slices.SortStableFunc(r.Misses, func(a, b Link) int { return cmpFloat(a.Score, b.Score) })
	return r
}

// shareBlock reports whether two names have a block in common.
func shareBlock(a, b string) bool {
	bs := Blocks(b)
	for _, x := range Blocks(a) {
		if slices.Contains(bs, x) {
			return true
		}
	}
	return false
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
