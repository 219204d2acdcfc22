package extract

import (
	"math"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
)

func TestWilsonCentre(t *testing.T) {
	// Expected values by hand: (right + 1.9208) / (checked + 3.8416).
	for _, tc := range []struct {
		right, checked int
		want           float64
	}{
		{0, 0, 0.5},                     // nothing measured: the default
		{0, 1, 1.9208 / 4.8416},         // 0.3967: one wrong is not 0
		{1, 1, 2.9208 / 4.8416},         // 0.6033: one right is not 1
		{7, 23, 8.9208 / 26.8416},       // 0.3323, below the raw 7/23 = 0.3043
		{100, 100, 101.9208 / 103.8416}, // 0.9815: many right approach 1
		{50, 100, 0.5},                  // a half stays a half
	} {
		if got := WilsonCentre(tc.right, tc.checked); math.Abs(got-tc.want) > 1e-9 {
			t.Errorf("WilsonCentre(%d, %d) = %v, want %v", tc.right, tc.checked, got, tc.want)
		}
	}
}

func TestConfidenceLookup(t *testing.T) {
	for _, made := range []bool{false, true} {
		want := DefaultConfidence
		if made {
			want = defaultMadeConfidence
		}
		if c := Confidence("no-such-pattern/xx", made); c != want {
			t.Errorf("unmeasured pattern (made %v): %v, want the default %v", made, c, want)
		}
		if c := Confidence("", made); c != want {
			t.Errorf("empty pattern (made %v): %v, want the default %v", made, c, want)
		}
	}
	for p, c := range ConfidenceTable() {
		if !(c > 0 && c < 1) || Confidence(p, false) != c {
			t.Errorf("table row %q: %v, Confidence gives %v; want the row, in (0, 1)", p, c, Confidence(p, false))
		}
		// A made party moves every row the same way: the odds ratio is
		// one for all patterns.
		if made := Confidence(p, true); (argumentOddsRatio < 1) != (made < c) && argumentOddsRatio != 1 {
			t.Errorf("row %q: made %v, known %v, but the odds ratio is %v", p, made, c, argumentOddsRatio)
		}
	}
}

// The odds ratio and the adjustment, on counts worked by hand.
func TestMantelHaenszel(t *testing.T) {
	for _, tc := range []struct {
		name   string
		strata [][4]int
		want   float64
	}{
		// One stratum is the plain odds ratio: (3/1)/(8/2) = 0.75.
		{"one stratum", [][4]int{{8, 2, 3, 1}}, 0.75},
		// Two strata: (3·2/14 + 1·6/12) / (8·1/14 + 4·1/12) = (0.428571+0.5)/(0.571429+0.333333).
		{"two strata", [][4]int{{8, 2, 3, 1}, {4, 6, 1, 1}}, (6.0/14 + 6.0/12) / (8.0/14 + 4.0/12)},
		// A stratum with one kind only adds nothing.
		{"one-sided stratum", [][4]int{{8, 2, 3, 1}, {5, 5, 0, 0}}, 0.75},
		{"nothing to compare", [][4]int{{5, 5, 0, 0}}, 1},
	} {
		if got := MantelHaenszel(tc.strata); math.Abs(got-tc.want) > 1e-12 {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
	}
	// An odds ratio of 1 changes nothing; below 1 a made party lowers the
	// confidence and a known one raises it, and the logits average back
	// to the pattern's: 0.3·logit(made) + 0.7·logit(known) = logit(w).
	if k, m := ArgumentAdjusted(0.7, 0.3, 1); math.Abs(k-0.7) > 1e-12 || math.Abs(m-0.7) > 1e-12 {
		t.Errorf("odds ratio 1: %v, %v, want 0.7, 0.7", k, m)
	}
	k, m := ArgumentAdjusted(0.7, 0.3, 0.4)
	logit := func(p float64) float64 { return math.Log(p / (1 - p)) }
	if !(m < 0.7 && k > 0.7) || math.Abs(0.3*logit(m)+0.7*logit(k)-logit(0.7)) > 1e-12 {
		t.Errorf("odds ratio 0.4: known %v, made %v", k, m)
	}
}

// Every relation the extractor emits carries its pattern's confidence.
func TestRelationsCarryConfidence(t *testing.T) {
	a := seed(t)
	doc := extractor(t).Extract(&a)
	if len(doc.Relations) == 0 {
		t.Fatal("the seed article gave no relations")
	}
	for _, r := range doc.Relations {
		want := Confidence(r.Pattern, graph.MadeID(r.Subject) || graph.MadeID(r.Object))
		if r.Pattern == "" || r.Confidence != want || !(r.Confidence > 0 && r.Confidence < 1) {
			t.Errorf("%s %s→%s: pattern %q, confidence %v; want Confidence(pattern, made) = %v", r.Type, r.Subject, r.Object, r.Pattern, r.Confidence, want)
		}
	}
}
