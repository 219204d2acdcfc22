package extract

import (
	"math"
	"testing"
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
	if c := Confidence("no-such-pattern/xx"); c != DefaultConfidence {
		t.Errorf("unmeasured pattern: %v, want the default %v", c, DefaultConfidence)
	}
	if c := Confidence(""); c != DefaultConfidence {
		t.Errorf("empty pattern: %v, want the default %v", c, DefaultConfidence)
	}
	for p, c := range ConfidenceTable() {
		if !(c > 0 && c < 1) || Confidence(p) != c {
			t.Errorf("table row %q: %v, Confidence gives %v; want the row, in (0, 1)", p, c, Confidence(p))
		}
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
		if r.Pattern == "" || r.Confidence != Confidence(r.Pattern) || !(r.Confidence > 0 && r.Confidence < 1) {
			t.Errorf("%s %s→%s: pattern %q, confidence %v; want Confidence(pattern) = %v", r.Type, r.Subject, r.Object, r.Pattern, r.Confidence, Confidence(r.Pattern))
		}
	}
}
