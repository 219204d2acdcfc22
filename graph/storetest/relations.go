package storetest

import (
	"context"
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
)

// rel builds a directed relation stated in sentence n, its trigger at byte
// at of the sentence (sentence n starting at byte 1000n). Its offsets
// differ from one another, so that a store mixing two of them up fails the
// round trip.
func rel(t graph.RelationType, subject, object string, n, at int) graph.Relation {
	start := 1000*n + at
	r := graph.Relation{
		Type: t, Subject: subject, Object: object, Directed: true, Sentence: n,
		Text:        fmt.Sprintf("sentence %d: %s %s %s", n, subject, t, object),
		TextStart:   1000 * n,
		Trigger:     graph.Offsets{Start: start, End: start + 5},
		SubjectSpan: graph.Offsets{Start: start + 7, End: start + 17},
	}
	if t != graph.Statement {
		r.ObjectSpan = graph.Offsets{Start: start + 20, End: start + 32}
	}
	return r
}

// undirected makes r undirected, its parties in ID order as the model
// requires.
func undirected(r graph.Relation) graph.Relation {
	r.Directed = false
	if r.Subject > r.Object {
		r.Subject, r.Object = r.Object, r.Subject
		r.SubjectSpan, r.ObjectSpan = r.ObjectSpan, r.SubjectSpan
	}
	return r
}

func negated(r graph.Relation) graph.Relation {
	r.Negated = true
	return r
}

func withRelations(d graph.Document, rels ...graph.Relation) graph.Document {
	d.Relations = append(d.Relations, rels...)
	return d
}

func relations(t *testing.T, s graph.Store, id string, f graph.Filter) []graph.RelationEvidence {
	t.Helper()
	rs, err := s.Relations(context.Background(), id, f)
	if err != nil {
		t.Fatalf("Relations(%s, %+v): %v", id, f, err)
	}
	return rs
}

// testRelationsRoundTrip checks that every field of a relation comes back
// as written, with its article's.
func testRelationsRoundTrip(t *testing.T, o Opener) {
	s := open(t, o)
	d := doc("a1", "2021-07-11", "ar", "src", kadhimi, biden, iraq)
	d.Article.Title = "Kadhimi meets Biden"
	d.Relations = []graph.Relation{
		{Type: graph.Statement, Subject: kadhimi.ID, Sentence: 0, Text: "قال الكاظمي", TextStart: 3,
			Trigger: graph.Offsets{Start: 3, End: 6}, SubjectSpan: graph.Offsets{Start: 7, End: 21}, Pattern: "statement-after/ar"},
		{Type: graph.Meets, Subject: kadhimi.ID, Object: biden.ID, Directed: true, Sentence: 2,
			Text: "Kadhimi met Biden in Washington", TextStart: 120,
			Trigger: graph.Offsets{Start: 128, End: 131}, SubjectSpan: graph.Offsets{Start: 120, End: 127}, ObjectSpan: graph.Offsets{Start: 132, End: 137},
			Pattern: "svo/en", Confidence: 0.3323},
		{Type: graph.Discusses, Subject: biden.ID, Object: kadhimi.ID, Sentence: 3,
			Text: "talks between Biden and Kadhimi", TextStart: 200,
			Trigger: graph.Offsets{Start: 200, End: 205}, SubjectSpan: graph.Offsets{Start: 214, End: 219}, ObjectSpan: graph.Offsets{Start: 224, End: 231},
			Pattern: "between-and/en", Confidence: 0.6712},
		{Type: graph.Attacks, Subject: iraq.ID, Object: biden.ID, Directed: true, Negated: true, Sentence: 4,
			Text: strings.Repeat("x", graph.MaxRelationText), TextStart: 300,
			Trigger: graph.Offsets{Start: 310, End: 317}, SubjectSpan: graph.Offsets{Start: 300, End: 304}, ObjectSpan: graph.Offsets{Start: 320, End: 325},
			Pattern: "agent/en", Confidence: 0.2808},
	}
	apply(t, s, d)
	// The typed edge sums the confidences of the relations joining the
	// two, the negated one left out: 0.3323 + 0.6712.
	p := projection(t, s, graph.Filter{Edges: graph.TypedEdges})
	if len(p.Edges) != 1 || p.Edges[0].A != biden.ID || p.Edges[0].B != kadhimi.ID || math.Abs(p.Edges[0].Confidence-1.0035) > 1e-9 {
		t.Errorf("typed edges %+v, want biden–kadhimi of confidence 1.0035", p.Edges)
	}
	evidence := func(r graph.Relation) graph.RelationEvidence {
		return graph.RelationEvidence{Relation: r, ArticleID: "a1", Title: "Kadhimi meets Biden", URL: "https://example.org/a1", Source: "src", Published: day("2021-07-11")}
	}
	for _, tc := range []struct {
		id   string
		want []graph.Relation
	}{
		{kadhimi.ID, d.Relations[:3]},
		{biden.ID, d.Relations[1:]},
		{iraq.ID, d.Relations[3:]},
	} {
		var want []graph.RelationEvidence
		for _, r := range tc.want {
			want = append(want, evidence(r))
		}
		got := relations(t, s, tc.id, graph.Filter{})
		if !reflect.DeepEqual(got, want) {
			t.Errorf("Relations(%s)\n got %+v\nwant %+v", tc.id, got, want)
		}
	}
	if rs := relations(t, s, "no-such-entity", graph.Filter{}); rs == nil || len(rs) != 0 {
		t.Errorf("Relations of an unknown entity = %#v, want an empty slice", rs)
	}
}

// testRelationsReplaceDelete checks that an article's relations go when it
// is replaced or deleted, and that Size counts them.
func testRelationsReplaceDelete(t *testing.T, o Opener) {
	s := open(t, o)
	ctx := context.Background()
	size := func() int {
		t.Helper()
		z, err := s.Size(ctx)
		if err != nil {
			t.Fatalf("size: %v", err)
		}
		return z.Relations
	}
	list := func(id string) string {
		t.Helper()
		var out []string
		for _, r := range relations(t, s, id, graph.Filter{}) {
			out = append(out, r.ArticleID+" "+string(r.Type))
		}
		return strings.Join(out, " ")
	}
	v1 := withRelations(doc("a1", "2021-07-11", "ar", "src", kadhimi, biden),
		rel(graph.Meets, kadhimi.ID, biden.ID, 1, 0), negated(rel(graph.Invites, biden.ID, kadhimi.ID, 2, 0)), rel(graph.Statement, biden.ID, "", 3, 0))
	other := withRelations(doc("a2", "2021-07-12", "ar", "src", kadhimi, raisi), rel(graph.Visits, raisi.ID, kadhimi.ID, 1, 0))
	apply(t, s, v1, other)
	if n := size(); n != 4 {
		t.Errorf("Size().Relations = %d, want 4 (the negated one included)", n)
	}
	if got, want := list(kadhimi.ID), "a2 VISITS a1 MEETS a1 INVITES"; got != want {
		t.Errorf("relations of Kadhimi %q, want %q", got, want)
	}
	v2 := withRelations(doc("a1", "2021-07-11", "ar", "src", kadhimi, biden), rel(graph.Supports, biden.ID, kadhimi.ID, 1, 0))
	v2.Article.Hash = "hash-a1-v2"
	apply(t, s, v2)
	apply(t, s, v2) // idempotent
	if n := size(); n != 2 {
		t.Errorf("Size().Relations after replacing = %d, want 2", n)
	}
	if got, want := list(biden.ID), "a1 SUPPORTS"; got != want {
		t.Errorf("relations of Biden after replacing %q, want %q", got, want)
	}
	v3 := doc("a1", "2021-07-11", "ar", "src", kadhimi, biden) // no relations left
	v3.Article.Hash = "hash-a1-v3"
	apply(t, s, v3)
	if got := list(biden.ID); got != "" {
		t.Errorf("relations of Biden after a version without any: %q", got)
	}
	if err := s.Delete(ctx, []string{"a2"}); err != nil {
		t.Fatal(err)
	}
	if n := size(); n != 0 {
		t.Errorf("Size().Relations after deleting = %d, want 0", n)
	}
	if got := list(kadhimi.ID); got != "" {
		t.Errorf("relations of Kadhimi after deleting: %q", got)
	}
}

// edgeFixture is the corpus of testEdgeLevels and testRelationsFilters.
// Sentences each entity occurs in, per article:
//
//	e1 2021-07-11 ar jazeera  Kadhimi 0 1 3, Biden 1 3, Iraq 0, PMF 2
//	e2 2021-09-01 en reuters  Kadhimi 0, Biden 2, Raisi 0 2
//	e3 undated    ar jazeera  Biden 0 1, Kadhimi 1, Iraq 0
//	e0 2021-09-01 en reuters  Kadhimi 0 (alone: no edge)
//
// and the relations they state (trigger offsets in brackets):
//
//	e1  STATEMENT Kadhimi [5], Kadhimi MEETS Biden [1120],
//	    Biden–Kadhimi DISCUSSES, undirected [3010], PMF does not ATTACK Iraq [2000]
//	e2  Raisi VISITS Kadhimi [20], Biden CRITICIZES Raisi [2020]
//	e3  Biden MEETS Kadhimi [1020], Biden SUPPORTS Iraq [20]
//	e0  STATEMENT Kadhimi [40]
//
// e1's relations are listed out of trigger order, so that an order by
// position in the document would show.
func edgeFixture() []graph.Document {
	m := func(e graph.Entity, sentences ...int) graph.Mention {
		var spans []string
		for _, n := range sentences {
			spans = append(spans, fmt.Sprintf("lexicon:%s@%d", e.Name, n))
		}
		return mention(e.ID, spans...)
	}
	e1 := withRelations(docWith("e1", "2021-07-11", "ar", "jazeera", []graph.Entity{kadhimi, biden, iraq, pmf},
		m(kadhimi, 0, 1, 3), m(biden, 1, 3), m(iraq, 0), m(pmf, 2)),
		rel(graph.Meets, kadhimi.ID, biden.ID, 1, 120),
		undirected(rel(graph.Discusses, kadhimi.ID, biden.ID, 3, 10)),
		negated(rel(graph.Attacks, pmf.ID, iraq.ID, 2, 0)),
		rel(graph.Statement, kadhimi.ID, "", 0, 5))
	e1.Sentences = []graph.SentenceText{{Index: 0, Text: e1Sentence0}, {Index: 1, Text: e1Sentence1}, {Index: 3, Text: "Kadhimi and Biden talked."}}
	return []graph.Document{
		e1,
		withRelations(docWith("e2", "2021-09-01", "en", "reuters", []graph.Entity{kadhimi, biden, raisi},
			m(kadhimi, 0), m(biden, 2), m(raisi, 0, 2)),
			rel(graph.Visits, raisi.ID, kadhimi.ID, 0, 20),
			rel(graph.Criticizes, biden.ID, raisi.ID, 2, 20)),
		withRelations(docWith("e3", "", "ar", "jazeera", []graph.Entity{biden, kadhimi, iraq},
			m(biden, 0, 1), m(kadhimi, 1), m(iraq, 0)),
			rel(graph.Meets, biden.ID, kadhimi.ID, 1, 20),
			rel(graph.Supports, biden.ID, iraq.ID, 0, 20)),
		withRelations(docWith("e0", "2021-09-01", "en", "reuters", []graph.Entity{kadhimi}, m(kadhimi, 0)),
			rel(graph.Statement, kadhimi.ID, "", 0, 40)),
	}
}

// The kept texts of e1's sentences 0 (naming Kadhimi and Iraq, which no
// relation links) and 1 (Kadhimi and Biden, whom a MEETS links).
const (
	e1Sentence0 = "Kadhimi returned to Iraq."
	e1Sentence1 = "Kadhimi met Biden in the White House."
)

// testEdgeLevels checks the three edge levels against counts worked out by
// hand from edgeFixture. Edges print as "A–B articles/sentences first..last";
// undated articles count but have no date.
//
// Article level: every pair named in one article; sentences are those
// naming both, summed. Biden–Kadhimi: e1 (sentences 1 and 3), e2 (none:
// Kadhimi 0, Biden 2), e3 (1) → 3 articles, 3 sentences. Iraq–Biden: e1
// (none), e3 (0) → 2/1. Iraq–Kadhimi: e1 (0), e3 (none) → 2/1. Raisi–Biden:
// e2 (2) → 1/1. Raisi–Kadhimi: e2 (0) → 1/1. PMF shares e1, and no
// sentence, with Biden, Iraq and Kadhimi → 1/0 each.
//
// Sentence level: the pairs above with sentences, counting only the
// articles where they share one: Biden–Kadhimi e1 and e3 → 2/3, dated by e1
// alone; Iraq–Biden e3 → 1/1, undated; Iraq–Kadhimi e1 → 1/1; the Raisi
// pairs as above.
//
// Typed level: relations neither negated nor STATEMENT; sentences count
// relations. Biden–Kadhimi: MEETS and DISCUSSES in e1, MEETS in e3 → 2/3,
// dated by e1; Biden–Iraq: SUPPORTS in e3 → 1/1 undated; Raisi–Kadhimi
// VISITS and Raisi–Biden CRITICIZES in e2 → 1/1. PMF–Iraq is negated: no
// edge.
func testEdgeLevels(t *testing.T, o Opener) {
	s := open(t, o)
	apply(t, s, edgeFixture()...)
	const (
		biKa = "joe-biden–mustafa-al-kadhimi"
		raBi = "ebrahim-raisi–joe-biden"
		raKa = "ebrahim-raisi–mustafa-al-kadhimi"
		irBi = "iraq–joe-biden"
		irKa = "iraq–mustafa-al-kadhimi"
	)
	person := []graph.EntityType{graph.Person}
	for _, tc := range []struct {
		name  string
		f     graph.Filter
		edges []string
	}{
		{"article", graph.Filter{}, []string{
			raBi + " 1/1 2021-09-01..2021-09-01",
			raKa + " 1/1 2021-09-01..2021-09-01",
			irBi + " 2/1 2021-07-11..2021-07-11",
			irKa + " 2/1 2021-07-11..2021-07-11",
			"iraq–popular-mobilization-forces 1/0 2021-07-11..2021-07-11",
			biKa + " 3/3 2021-07-11..2021-09-01",
			"joe-biden–popular-mobilization-forces 1/0 2021-07-11..2021-07-11",
			"mustafa-al-kadhimi–popular-mobilization-forces 1/0 2021-07-11..2021-07-11",
		}},
		{"article, explicitly", graph.Filter{Edges: graph.ArticleEdges, Types: person}, []string{
			raBi + " 1/1 2021-09-01..2021-09-01",
			raKa + " 1/1 2021-09-01..2021-09-01",
			biKa + " 3/3 2021-07-11..2021-09-01",
		}},
		{"article since", graph.Filter{Since: day("2021-08-01")}, []string{
			raBi + " 1/1 2021-09-01..2021-09-01",
			raKa + " 1/1 2021-09-01..2021-09-01",
			biKa + " 1/0 2021-09-01..2021-09-01",
		}},
		{"sentence", graph.Filter{Edges: graph.SentenceEdges}, []string{
			raBi + " 1/1 2021-09-01..2021-09-01",
			raKa + " 1/1 2021-09-01..2021-09-01",
			irBi + " 1/1 ?..?",
			irKa + " 1/1 2021-07-11..2021-07-11",
			biKa + " 2/3 2021-07-11..2021-07-11",
		}},
		{"sentence since", graph.Filter{Edges: graph.SentenceEdges, Since: day("2021-08-01")}, []string{
			raBi + " 1/1 2021-09-01..2021-09-01",
			raKa + " 1/1 2021-09-01..2021-09-01",
		}},
		{"sentence, people only", graph.Filter{Edges: graph.SentenceEdges, Types: person}, []string{
			raBi + " 1/1 2021-09-01..2021-09-01",
			raKa + " 1/1 2021-09-01..2021-09-01",
			biKa + " 2/3 2021-07-11..2021-07-11",
		}},
		{"sentence, places only", graph.Filter{Edges: graph.SentenceEdges, Types: []graph.EntityType{graph.Location}}, nil},
		{"sentence, one source", graph.Filter{Edges: graph.SentenceEdges, Sources: []string{"jazeera"}}, []string{
			irBi + " 1/1 ?..?",
			irKa + " 1/1 2021-07-11..2021-07-11",
			biKa + " 2/3 2021-07-11..2021-07-11",
		}},
		{"typed", graph.Filter{Edges: graph.TypedEdges}, []string{
			raBi + " 1/1 2021-09-01..2021-09-01",
			raKa + " 1/1 2021-09-01..2021-09-01",
			irBi + " 1/1 ?..?",
			biKa + " 2/3 2021-07-11..2021-07-11",
		}},
		{"typed, people only", graph.Filter{Edges: graph.TypedEdges, Types: person}, []string{
			raBi + " 1/1 2021-09-01..2021-09-01",
			raKa + " 1/1 2021-09-01..2021-09-01",
			biKa + " 2/3 2021-07-11..2021-07-11",
		}},
		{"typed MEETS", graph.Filter{Edges: graph.TypedEdges, Relations: []graph.RelationType{graph.Meets}}, []string{
			biKa + " 2/2 2021-07-11..2021-07-11",
		}},
		{"typed VISITS or SUPPORTS", graph.Filter{Edges: graph.TypedEdges, Relations: []graph.RelationType{graph.Visits, graph.Supports}}, []string{
			raKa + " 1/1 2021-09-01..2021-09-01",
			irBi + " 1/1 ?..?",
		}},
		{"typed ATTACKS, all negated", graph.Filter{Edges: graph.TypedEdges, Relations: []graph.RelationType{graph.Attacks}}, nil},
		{"typed STATEMENT makes no edge", graph.Filter{Edges: graph.TypedEdges, Relations: []graph.RelationType{graph.Statement}}, nil},
		{"typed in English", graph.Filter{Edges: graph.TypedEdges, Langs: []string{"en"}}, []string{
			raBi + " 1/1 2021-09-01..2021-09-01",
			raKa + " 1/1 2021-09-01..2021-09-01",
		}},
		{"typed until", graph.Filter{Edges: graph.TypedEdges, Until: day("2021-09-01")}, []string{
			biKa + " 1/2 2021-07-11..2021-07-11",
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := projection(t, s, tc.f)
			var got []string
			for _, e := range p.Edges {
				got = append(got, edgeLine(e))
			}
			if !reflect.DeepEqual(got, tc.edges) {
				t.Errorf("edges\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.edges, "\n"))
			}
			// The level chooses the edges, never the entities.
			base := tc.f
			base.Edges, base.Relations = "", nil
			if want := projection(t, s, base).Entities; !reflect.DeepEqual(p.Entities, want) {
				t.Errorf("entities\n%+v\nwant those of the article level\n%+v", p.Entities, want)
			}
		})
	}
}

// testRelationsFilters checks Relations' filters and order on edgeFixture.
// Relations print as "article TYPE subject→object" ("–" when undirected,
// "not" when negated).
func testRelationsFilters(t *testing.T, o Opener) {
	s := open(t, o)
	apply(t, s, edgeFixture()...)
	const (
		e0Statement  = "e0 STATEMENT mustafa-al-kadhimi"
		e1Statement  = "e1 STATEMENT mustafa-al-kadhimi"
		e1Meets      = "e1 MEETS mustafa-al-kadhimi→joe-biden"
		e1Discusses  = "e1 DISCUSSES joe-biden–mustafa-al-kadhimi"
		e1Attacks    = "e1 not ATTACKS popular-mobilization-forces→iraq"
		e2Visits     = "e2 VISITS ebrahim-raisi→mustafa-al-kadhimi"
		e2Criticizes = "e2 CRITICIZES joe-biden→ebrahim-raisi"
		e3Meets      = "e3 MEETS joe-biden→mustafa-al-kadhimi"
		e3Supports   = "e3 SUPPORTS joe-biden→iraq"
	)
	for _, tc := range []struct {
		name string
		id   string
		f    graph.Filter
		want []string
	}{
		// Newest first; e0 and e2 share a date, so by article ID; within
		// e1 by trigger offset; undated e3 last.
		{"all, in order", kadhimi.ID, graph.Filter{}, []string{e0Statement, e2Visits, e1Statement, e1Meets, e1Discusses, e3Meets}},
		{"since", kadhimi.ID, graph.Filter{Since: day("2021-08-01")}, []string{e0Statement, e2Visits}},
		{"until", kadhimi.ID, graph.Filter{Until: day("2021-09-01")}, []string{e1Statement, e1Meets, e1Discusses}},
		{"langs", kadhimi.ID, graph.Filter{Langs: []string{"en"}}, []string{e0Statement, e2Visits}},
		{"sources", kadhimi.ID, graph.Filter{Sources: []string{"jazeera"}}, []string{e1Statement, e1Meets, e1Discusses, e3Meets}},
		{"one type", kadhimi.ID, graph.Filter{Relations: []graph.RelationType{graph.Meets}}, []string{e1Meets, e3Meets}},
		{"two types", kadhimi.ID, graph.Filter{Relations: []graph.RelationType{graph.Statement, graph.Visits}}, []string{e0Statement, e2Visits, e1Statement}},
		{"types narrow the other party, statements pass", kadhimi.ID, graph.Filter{Types: []graph.EntityType{graph.Location}}, []string{e0Statement, e1Statement}},
		{"types that all parties have", kadhimi.ID, graph.Filter{Types: []graph.EntityType{graph.Person}}, []string{e0Statement, e2Visits, e1Statement, e1Meets, e1Discusses, e3Meets}},
		{"as object, negated included", iraq.ID, graph.Filter{}, []string{e1Attacks, e3Supports}},
		{"types narrow the subject when it is the other party", iraq.ID, graph.Filter{Types: []graph.EntityType{graph.Organization}}, []string{e1Attacks}},
		{"subject and object within one article", raisi.ID, graph.Filter{}, []string{e2Visits, e2Criticizes}},
		{"nothing matches", kadhimi.ID, graph.Filter{Sources: []string{"nobody"}}, nil},
		{"no relations", pmf.ID, graph.Filter{Relations: []graph.RelationType{graph.Meets}}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, r := range relations(t, s, tc.id, tc.f) {
				arrow, not := "→", ""
				if !r.Directed {
					arrow = "–"
				}
				if r.Negated {
					not = "not "
				}
				line := fmt.Sprintf("%s %s%s %s", r.ArticleID, not, r.Type, r.Subject)
				if r.Object != "" {
					line += arrow + r.Object
				}
				got = append(got, line)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("Relations(%s, %+v)\n%s\nwant\n%s", tc.id, tc.f, strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}

// testEvidenceLevels checks Evidence at each edge level on edgeFixture:
// which articles link a pair, and the sentence each carries: a relation's
// before a kept sentence naming both. Biden–Kadhimi: e1 (2021-07-11; MEETS
// seq 0, DISCUSSES seq 1, and kept texts of the sentences 1 and 3 naming
// both), e2 (2021-09-01; no shared sentence, no relation between them), e3
// (undated; MEETS). PMF–Iraq: e1 only, their one relation negated, no
// sentence naming both. Iraq–Kadhimi: e1 (sentence 0 names both, no
// relation: its kept text), e3 (no shared sentence, no text kept).
func testEvidenceLevels(t *testing.T, o Opener) {
	s := open(t, o)
	apply(t, s, edgeFixture()...)
	meets1 := "sentence 1: mustafa-al-kadhimi MEETS joe-biden"
	meets3 := "sentence 1: joe-biden MEETS mustafa-al-kadhimi"
	discusses := "sentence 3: mustafa-al-kadhimi DISCUSSES joe-biden"
	for _, tc := range []struct {
		name string
		a, b string
		f    graph.Filter
		want []string // article: sentence
	}{
		{"article", kadhimi.ID, biden.ID, graph.Filter{}, []string{"e2: ", "e1: " + meets1, "e3: " + meets3}},
		{"article, other way round", biden.ID, kadhimi.ID, graph.Filter{}, []string{"e2: ", "e1: " + meets1, "e3: " + meets3}},
		{"sentence", kadhimi.ID, biden.ID, graph.Filter{Edges: graph.SentenceEdges}, []string{"e1: " + meets1, "e3: " + meets3}},
		{"typed", kadhimi.ID, biden.ID, graph.Filter{Edges: graph.TypedEdges}, []string{"e1: " + meets1, "e3: " + meets3}},
		{"typed, discusses only", kadhimi.ID, biden.ID, graph.Filter{Edges: graph.TypedEdges, Relations: []graph.RelationType{graph.Discusses}}, []string{"e1: " + discusses}},
		{"article, dated from August", kadhimi.ID, biden.ID, graph.Filter{Since: day("2021-08-01")}, []string{"e2: "}},
		{"article, english", kadhimi.ID, biden.ID, graph.Filter{Langs: []string{"en"}}, []string{"e2: "}},
		{"article, jazeera", kadhimi.ID, biden.ID, graph.Filter{Sources: []string{"jazeera"}}, []string{"e1: " + meets1, "e3: " + meets3}},
		{"negated relation: no sentence", pmf.ID, iraq.ID, graph.Filter{}, []string{"e1: "}},
		{"negated relation: no typed evidence", pmf.ID, iraq.ID, graph.Filter{Edges: graph.TypedEdges}, nil},
		{"no relation: the kept sentence", iraq.ID, kadhimi.ID, graph.Filter{}, []string{"e1: " + e1Sentence0, "e3: "}},
		{"no relation, sentence level", kadhimi.ID, iraq.ID, graph.Filter{Edges: graph.SentenceEdges}, []string{"e1: " + e1Sentence0}},
		{"no relation, typed level", kadhimi.ID, iraq.ID, graph.Filter{Edges: graph.TypedEdges}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ev, err := s.Evidence(context.Background(), tc.a, tc.b, tc.f, 10)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range ev {
				got = append(got, e.ArticleID+": "+e.Sentence)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("evidence %q, want %q", got, tc.want)
			}
		})
	}
}

// testMentions checks Store.Mentions on edgeFixture: Kadhimi is named in
// e0 and e2 (2021-09-01; once each), e1 (2021-07-11; three times, in
// sentences 0, 1 and 3) and e3 (undated; once).
func testMentions(t *testing.T, o Opener) {
	s := open(t, o)
	apply(t, s, edgeFixture()...)
	for _, tc := range []struct {
		name string
		id   string
		f    graph.Filter
		want []string
	}{
		{"all", kadhimi.ID, graph.Filter{}, []string{"e0 2021-09-01 ×1", "e2 2021-09-01 ×1", "e1 2021-07-11 ×3", "e3 ? ×1"}},
		{"since August", kadhimi.ID, graph.Filter{Since: day("2021-08-01")}, []string{"e0 2021-09-01 ×1", "e2 2021-09-01 ×1"}},
		{"jazeera", kadhimi.ID, graph.Filter{Sources: []string{"jazeera"}}, []string{"e1 2021-07-11 ×3", "e3 ? ×1"}},
		{"arabic before August", kadhimi.ID, graph.Filter{Langs: []string{"ar"}, Until: day("2021-08-01")}, []string{"e1 2021-07-11 ×3"}},
		{"unknown entity", "nobody", graph.Filter{}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ms, err := s.Mentions(context.Background(), tc.id, tc.f)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, m := range ms {
				got = append(got, fmt.Sprintf("%s %s ×%d", m.ArticleID, date(m.Published), m.Count))
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("mentions %q, want %q", got, tc.want)
			}
		})
	}
}
