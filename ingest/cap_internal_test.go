package ingest

import (
	"reflect"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
)

// capDoc builds a document of entities mentioned at the given sentences,
// one span per sentence listed, a span's offset ten times its sentence
// plus the entity's index.
func capDoc(at map[string][]int) graph.Document {
	var d graph.Document
	for i, id := range []string{"a", "b", "c"} {
		sents, ok := at[id]
		if !ok {
			continue
		}
		m := graph.Mention{EntityID: id, Count: len(sents), Sentences: sents}
		for _, s := range sents {
			m.Spans = append(m.Spans, graph.Span{Start: 10*s + i, End: 10*s + i + 1, Sentence: s})
		}
		d.Entities = append(d.Entities, graph.Entity{ID: id})
		d.Mentions = append(d.Mentions, m)
		d.Relations = append(d.Relations, graph.Relation{Subject: id, Sentence: sents[len(sents)-1]})
	}
	return d
}

func TestCapMentions(t *testing.T) {
	// Occurrences in text order: a0 b0 a1 b1 a2 c3 — the 5th (max 4) is a2,
	// in sentence 2: sentences 0 and 1 are kept, c and the relations of a
	// (sentence 2) and c (3) go.
	d := capDoc(map[string][]int{"a": {0, 1, 2}, "b": {0, 1}, "c": {3}})
	if cut := capMentions(&d, 4); cut != 2 {
		t.Fatalf("cut at %d, want 2", cut)
	}
	var ids []string
	counts := map[string]int{}
	for _, m := range d.Mentions {
		ids = append(ids, m.EntityID)
		counts[m.EntityID] = m.Count
	}
	if !reflect.DeepEqual(ids, []string{"a", "b"}) || counts["a"] != 2 || counts["b"] != 2 || len(d.Entities) != 2 {
		t.Errorf("mentions %v counts %v entities %v", ids, counts, d.Entities)
	}
	if len(d.Relations) != 1 || d.Relations[0].Subject != "b" {
		t.Errorf("relations %v, want b's of sentence 1", d.Relations)
	}
	d = capDoc(map[string][]int{"a": {0, 1}})
	if cut := capMentions(&d, 2); cut != -1 || len(d.Mentions[0].Spans) != 2 {
		t.Errorf("at the limit: cut %d, spans %d; want -1, 2", cut, len(d.Mentions[0].Spans))
	}
}

func TestCapEntities(t *testing.T) {
	// b is mentioned most, a and c once each, c first in the text.
	d := capDoc(map[string][]int{"a": {1}, "b": {0, 2, 3}, "c": {0}})
	if dropped := capEntities(&d, 2); dropped != 1 {
		t.Fatalf("dropped %d, want 1", dropped)
	}
	var ids []string
	for _, m := range d.Mentions {
		ids = append(ids, m.EntityID)
	}
	// c's one occurrence (offset 2) precedes a's (offset 10): a goes.
	if !reflect.DeepEqual(ids, []string{"b", "c"}) || len(d.Entities) != 2 || len(d.Relations) != 2 {
		t.Errorf("kept %v, entities %v, relations %v", ids, d.Entities, d.Relations)
	}
}
