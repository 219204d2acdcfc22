package releval

import (
	"testing"

	"github.com/newsgraph/newsgraph/graph"
)

// TestSummarize checks that the summary lists false positives before false
// negatives, names each document's source folder, stops at n errors, and
// carries the counts of the report it summarizes.
func TestSummarize(t *testing.T) {
	docs := readFixture(t)
	A1 := docs[0]
	r := Score(docs, [][]graph.Relation{{
		pred(t, A1, graph.Threatens, "the Blue League", "condemned", "the Northern Front", true),
		pred(t, A1, graph.Criticizes, "Colonel Dusk", "met", "Velmar", true),
	}})
	s := Summarize(r, docs, 2)
	// The one FP (CRITICIZES in A1, see TestScoreByTypeAndErrors) first,
	// then the first FN in document order (CommWith in A1).
	if len(s.Errors) != 2 || s.Errors[0].Kind != "FP" || s.Errors[0].Type != "CRITICIZES" ||
		s.Errors[1].Kind != "FN" || s.Errors[1].Type != CommWith {
		t.Errorf("errors %+v, want the CRITICIZES FP then the CommWith FN", s.Errors)
	}
	if s.Errors[0].SourceName != A1.Source || A1.Source == "" {
		t.Errorf("source name %q, want A1's folder %q", s.Errors[0].SourceName, A1.Source)
	}
	if got := len(FirstErrors(r, docs, 1000)); got != len(r.Errors) {
		t.Errorf("FirstErrors with a large n: %d errors, want all %d", got, len(r.Errors))
	}
	if s.Gold.Relations != r.GoldTotal || s.Args.Micro.TP != r.Args.Micro.TP || s.Predicted.Types["THREATENS"].TPArgs != 1 {
		t.Errorf("summary counts %+v do not match the report %+v", s, r)
	}
	if len(s.Notes) != len(Notes) {
		t.Errorf("notes %v, want %v", s.Notes, Notes)
	}
}
