package query

import (
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/graph"
)

func relEv(subject, object string, confidence float64, article string) graph.RelationEvidence {
	return graph.RelationEvidence{
		Relation:  graph.Relation{Type: graph.Attacks, Subject: subject, Object: object, Directed: true, Confidence: confidence},
		ArticleID: article, Published: time.Date(2021, 7, 11, 0, 0, 0, 0, time.UTC),
	}
}

func TestMinConfidence(t *testing.T) {
	rels := []graph.RelationEvidence{
		relEv("a", "b", 0.28, "x1"), // agent/en on re3d dev
		relEv("a", "b", 0.5, "x2"),  // a pattern never measured
		relEv("a", "c", 0, "x3"),    // stored before confidences were kept
		relEv("a", "c", 0.67, "x4"),
	}
	for _, tc := range []struct {
		min    float64
		kept   string // articles kept
		hidden int
	}{
		{0, "x1 x2 x3 x4", 0},
		{0.28, "x1 x2 x3 x4", 0}, // at the threshold: kept
		{0.5, "x2 x3 x4", 1},     // the default
		{0.6, "x3 x4", 2},        // unmeasured is always kept
		{1, "x3", 3},
	} {
		t.Run(fmt.Sprint(tc.min), func(t *testing.T) {
			kept, hidden := MinConfidence(rels, tc.min)
			var ids []string
			for _, r := range kept {
				ids = append(ids, r.ArticleID)
			}
			if strings.Join(ids, " ") != tc.kept || hidden != tc.hidden {
				t.Errorf("kept %v, hid %d; want %s, %d", ids, hidden, tc.kept, tc.hidden)
			}
		})
	}
}

// A summary's confidence is the highest of its relations'.
func TestRelationsConfidence(t *testing.T) {
	got := map[string]float64{}
	for _, s := range Relations("a", []graph.RelationEvidence{
		relEv("a", "b", 0.28, "x1"), relEv("a", "b", 0.67, "x2"), relEv("a", "b", 0, "x3"),
		relEv("a", "c", 0, "x4"),
		relEv("d", "a", 0.33, "x5"),
	}) {
		got[string(s.Direction)+" "+s.Other] = s.Confidence
	}
	want := map[string]float64{"out b": 0.67, "out c": 0, "in d": 0.33}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("confidences %v, want %v", got, want)
	}
}

// NewWeighted weighs typed edges by their summed confidence: a pair
// joined by many imprecise relations can weigh less than one joined by
// few precise ones, and an edge of no confidence is left out.
func TestNewWeighted(t *testing.T) {
	ents := []graph.ProjectedEntity{{Entity: graph.Entity{ID: "a"}}, {Entity: graph.Entity{ID: "b"}}, {Entity: graph.Entity{ID: "c"}}, {Entity: graph.Entity{ID: "d"}}}
	p := &graph.Projection{Entities: ents, Edges: []graph.Edge{
		{A: "a", B: "b", Articles: 5, Sentences: 6, Confidence: 6 * 0.28}, // six agent/en relations
		{A: "a", B: "c", Articles: 2, Sentences: 2, Confidence: 2 * 0.67}, // two between-and/en
		{A: "c", B: "d", Articles: 1, Sentences: 1},                       // no confidence (not typed)
	}}
	for _, tc := range []struct {
		w    Weight
		want map[string]float64 // pair → weight
	}{
		{ByArticles, map[string]float64{"a-b": 5, "a-c": 2, "c-d": 1}},
		{ByConfidence, map[string]float64{"a-b": 1.68, "a-c": 1.34, "c-d": 0}},
	} {
		g := NewWeighted(p, tc.w)
		for pair, want := range tc.want {
			ends := strings.Split(pair, "-")
			if got := g.Weight(ends[0], ends[1]); math.Abs(got-want) > 1e-9 {
				t.Errorf("%s: weight of %s = %v, want %v", tc.w, pair, got, want)
			}
		}
	}
	if g := New(p); g.Weight("a", "b") != 5 {
		t.Errorf("New weighs a-b %v, want its 5 articles", g.Weight("a", "b"))
	}
	for _, tc := range []struct {
		in   string
		want Weight
		err  bool
	}{{"articles", ByArticles, false}, {"confidence", ByConfidence, false}, {"sentences", "", true}} {
		if w, err := ParseWeight(tc.in); w != tc.want || (err != nil) != tc.err {
			t.Errorf("ParseWeight(%q) = %q, %v", tc.in, w, err)
		}
	}
}
