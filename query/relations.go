package query

import (
	"sort"
	"time"

	"github.com/newsgraph/newsgraph/graph"
)

// Direction says which way a typed relation points, seen from the entity
// asked about.
type Direction string

// The directions of a relation.
const (
	Outgoing   Direction = "out"    // the entity acts: it met, visited, attacked …
	Incoming   Direction = "in"     // the entity is acted on
	Undirected Direction = "mutual" // word order could not tell who acts
)

// RelationSummary aggregates the relations of one type between an entity
// and one other party, in one direction, denied or not.
type RelationSummary struct {
	Type      graph.RelationType
	Direction Direction
	Other     string // the other party's ID; "" for STATEMENT
	Negated   bool
	Count     int       // relations (sentences) stating it
	Articles  int       // distinct articles stating it
	Latest    time.Time // the newest such article's date; zero when all are undated
	// Confidence is the highest confidence among the relations stating
	// it (graph.Relation.Confidence): how far its best-supported reading
	// can be trusted. 0 when none of them was measured.
	Confidence float64
	// Evidence is the newest relation stating it (ties: smallest article
	// ID, then earliest trigger), the one a table shows.
	Evidence graph.RelationEvidence
}

// Relations sums up the relations of entity id. rels are what
// graph.Store.Relations returns for it, newest first. Summaries come most
// frequent first, then newest, then by type in graph.RelationTypes order,
// direction, other party and negation, so the order is the same whatever
// the backend.
func Relations(id string, rels []graph.RelationEvidence) []RelationSummary {
	type key struct {
		typ     graph.RelationType
		dir     Direction
		other   string
		negated bool
	}
	byKey := make(map[key]*RelationSummary)
	articles := make(map[key]map[string]bool)
	var order []key
	for _, r := range rels {
		k := key{typ: r.Type, negated: r.Negated}
		switch {
		case r.Type == graph.Statement:
			k.dir = Outgoing
		case !r.Directed:
			k.dir, k.other = Undirected, r.Object
			if r.Object == id {
				k.other = r.Subject
			}
		case r.Subject == id:
			k.dir, k.other = Outgoing, r.Object
		default:
			k.dir, k.other = Incoming, r.Subject
		}
		s := byKey[k]
		if s == nil {
			s = &RelationSummary{Type: k.typ, Direction: k.dir, Other: k.other, Negated: k.negated, Evidence: r}
			byKey[k] = s
			articles[k] = make(map[string]bool)
			order = append(order, k)
		}
		s.Count++
		s.Confidence = max(s.Confidence, r.Confidence)
		articles[k][r.ArticleID] = true
		if r.Published.After(s.Latest) {
			s.Latest = r.Published
		}
		if newer(r, s.Evidence) {
			s.Evidence = r
		}
	}
	out := make([]RelationSummary, 0, len(order))
	for _, k := range order {
		s := byKey[k]
		s.Articles = len(articles[k])
		out = append(out, *s)
	}
	rank := make(map[graph.RelationType]int)
	for i, t := range graph.RelationTypes {
		rank[t] = i
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		switch {
		case a.Count != b.Count:
			return a.Count > b.Count
		case !a.Latest.Equal(b.Latest):
			return a.Latest.After(b.Latest)
		case a.Type != b.Type:
			return rank[a.Type] < rank[b.Type]
		case a.Direction != b.Direction:
			return a.Direction < b.Direction
		case a.Other != b.Other:
			return a.Other < b.Other
		}
		return !a.Negated && b.Negated
	})
	return out
}

// MinConfidence keeps the relations whose confidence is at least min, and
// those never measured (Confidence 0: stored before confidences were
// kept), which it cannot judge; it returns them in rels' order and how
// many it dropped. min ≤ 0 keeps all.
func MinConfidence(rels []graph.RelationEvidence, min float64) (kept []graph.RelationEvidence, hidden int) {
	kept = make([]graph.RelationEvidence, 0, len(rels))
	for _, r := range rels {
		if r.Confidence > 0 && r.Confidence < min {
			hidden++
			continue
		}
		kept = append(kept, r)
	}
	return kept, hidden
}

// newer reports whether a is better evidence to show than b: from a newer
// article, else a smaller article ID, else earlier in it.
func newer(a, b graph.RelationEvidence) bool {
	if !a.Published.Equal(b.Published) {
		return a.Published.After(b.Published)
	}
	if a.ArticleID != b.ArticleID {
		return a.ArticleID < b.ArticleID
	}
	return a.Trigger.Start < b.Trigger.Start
}
