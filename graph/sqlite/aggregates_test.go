package sqlite_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/sqlite"
)

// TestAggregatesStayExact writes random batches — new articles, rewrites
// that move an article's date or change its entities and sentences,
// duplicates within a batch, deletes — and after every write recounts the
// stored aggregates from the facts (Check) and compares the projections
// they give with those counted from the facts (a filter that keeps every
// dated article reads the facts, so the store is all dated here).
//
// With groups, each step's batch is written by one to three Apply calls of
// a graph.Group, among which a rejected call (a document naming one entity
// twice, refused before anything is written) must leave no trace, and some
// groups are rolled back.
func TestAggregatesStayExact(t *testing.T) {
	for _, grouped := range []bool{false, true} {
		t.Run(fmt.Sprintf("grouped=%v", grouped), func(t *testing.T) { testAggregatesStayExact(t, grouped) })
	}
}

func testAggregatesStayExact(t *testing.T, grouped bool) {
	ctx := context.Background()
	ids := []string{"e1", "e2", "e3", "e4", "e5", "e6"}
	dates := []string{"2021-01-05", "2021-07-11", "2022-03-01", "2023-12-31"}
	for seed := uint64(1); seed <= 20; seed++ {
		t.Run(fmt.Sprintf("seed=%d", seed), func(t *testing.T) {
			r := rand.New(rand.NewPCG(seed, 8))
			s, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "g.db"))
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			doc := func(id string) graph.Document {
				published, _ := time.Parse("2006-01-02", dates[r.IntN(len(dates))])
				d := graph.Document{Article: graph.Article{ID: id, Hash: fmt.Sprint(r.Uint64()), Published: published}}
				for _, i := range r.Perm(len(ids))[:r.IntN(len(ids)+1)] {
					d.Entities = append(d.Entities, graph.Entity{ID: ids[i], Type: graph.Person, Name: ids[i]})
					m := graph.Mention{EntityID: ids[i], Count: 1 + r.IntN(3)}
					for n := 0; n < 4; n++ {
						if r.IntN(2) == 0 {
							m.Sentences = append(m.Sentences, n)
						}
					}
					d.Mentions = append(d.Mentions, m)
				}
				return d
			}
			for step := 0; step < 25; step++ {
				if r.IntN(4) == 0 {
					if err := s.Delete(ctx, []string{fmt.Sprintf("a%d", r.IntN(8)), fmt.Sprintf("a%d", r.IntN(8))}); err != nil {
						t.Fatal(err)
					}
				} else {
					var batch []graph.Document
					for k := 1 + r.IntN(3); k > 0; k-- {
						batch = append(batch, doc(fmt.Sprintf("a%d", r.IntN(8))))
					}
					if !grouped {
						if err := s.Apply(ctx, batch); err != nil {
							t.Fatal(err)
						}
					} else {
						writeGrouped(t, s, r, batch, doc)
					}
				}
				problems, err := s.Check(ctx)
				if err != nil {
					t.Fatal(err)
				}
				for _, p := range problems {
					t.Fatalf("step %d: %s", step, p)
				}
				for _, level := range []graph.EdgeLevel{graph.ArticleEdges, graph.SentenceEdges} {
					stored, err := s.Projection(ctx, graph.Filter{Edges: level})
					if err != nil {
						t.Fatal(err)
					}
					counted, err := s.Projection(ctx, graph.Filter{Edges: level, Since: time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)})
					if err != nil {
						t.Fatal(err)
					}
					if got, want := fmt.Sprint(stored), fmt.Sprint(counted); got != want {
						t.Fatalf("step %d, %s level: stored projection\n%s\nwant (counted)\n%s", step, level, got, want)
					}
					// The stream gives the stored projection's entities and
					// edges, dates left out, through the aggregates and
					// through the facts alike.
					for _, f := range []graph.Filter{{Edges: level}, {Edges: level, Since: time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)}} {
						var got streamed
						if err := s.StreamProjection(ctx, f, &got); err != nil {
							t.Fatal(err)
						}
						if got, want := got.String(), edgeCounts(stored); got != want {
							t.Fatalf("step %d, %+v: streamed projection\n%s\nwant\n%s", step, f, got, want)
						}
						// To a graph.DatedVisitor, whole edges: dates too.
						dated := datedStreamed{}
						if err := s.StreamProjection(ctx, f, &dated); err != nil {
							t.Fatal(err)
						}
						want := datedStreamed{}
						if err := graph.Visit(stored, &want); err != nil {
							t.Fatal(err)
						}
						if got, want := dated.String(), want.String(); got != want {
							t.Fatalf("step %d, %+v: streamed with dates\n%s\nwant\n%s", step, f, got, want)
						}
					}
				}
			}
		})
	}
}

// TestCheckFindsWrongAggregates breaks a stored aggregate and expects
// Check to say so and Repair to mend it.
func TestCheckFindsWrongAggregates(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "g.db")
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	d := graph.Document{Article: graph.Article{ID: "a1", Hash: "h1"},
		Entities: []graph.Entity{{ID: "e1", Type: graph.Person}, {ID: "e2", Type: graph.Person}},
		Mentions: []graph.Mention{{EntityID: "e1", Count: 1, Sentences: []int{0}}, {EntityID: "e2", Count: 1, Sentences: []int{0}}}}
	if err := s.Apply(ctx, []graph.Document{d}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.ExecContext(ctx, `UPDATE co_mention_counts SET articles = 7`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	s, err = sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	problems, err := s.Check(ctx)
	if err != nil || len(problems) != 1 {
		t.Fatalf("Check() = %q, %v; want one problem, the co-mention edges", problems, err)
	}
	if err := s.Repair(ctx); err != nil {
		t.Fatal(err)
	}
	if problems, err := s.Check(ctx); err != nil || len(problems) != 0 {
		t.Fatalf("Check() after Repair = %q, %v; want none", problems, err)
	}
}

// TestFailedGroupOnlyRollsBack: an Apply that fails part-way, after its
// documents passed validation (here a trigger refuses the sentence rows of
// article a3, written after its article and mention rows), leaves the
// group failed, because there is no savepoint to undo part of a call:
// further Apply calls fail, Commit fails and rolls the group back, and the
// store holds what had committed before and takes new writes.
func TestFailedGroupOnlyRollsBack(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "g.db")
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, `CREATE TRIGGER refuse_a3 BEFORE INSERT ON mention_sentences
		WHEN NEW.article_id = 'a3' BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`); err != nil {
		t.Fatal(err)
	}
	doc := func(id string, ents ...string) graph.Document {
		d := graph.Document{Article: graph.Article{ID: id, Hash: id}}
		for _, e := range ents {
			d.Entities = append(d.Entities, graph.Entity{ID: e, Type: graph.Person, Name: e})
			d.Mentions = append(d.Mentions, graph.Mention{EntityID: e, Count: 1, Sentences: []int{0}})
		}
		return d
	}
	if err := s.Apply(ctx, []graph.Document{doc("a1", "e1", "e2")}); err != nil {
		t.Fatal(err)
	}
	g, err := s.Group(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := g.Apply(ctx, []graph.Document{doc("a2", "e1", "e3")}); err != nil {
		t.Fatal(err)
	}
	if err := g.Apply(ctx, []graph.Document{doc("a3", "e2", "e4")}); err == nil || errors.Is(err, graph.ErrRejected) {
		t.Fatalf("Apply of a3 against the trigger: %v, want a write error", err)
	}
	if err := g.Apply(ctx, []graph.Document{doc("a4", "e1", "e5")}); err == nil {
		t.Fatal("Apply after a failed Apply succeeded; the group has failed")
	}
	if err := g.Commit(ctx); err == nil {
		t.Fatal("Commit after a failed Apply succeeded")
	}
	if err := g.Commit(ctx); err == nil {
		t.Fatal("a second Commit succeeded; the first should have ended the group")
	}
	if err := g.Rollback(); err != nil {
		t.Fatalf("Rollback after the failed Commit: %v, want nil (already ended)", err)
	}
	// a1 alone: two entities and their edge.
	if got, err := s.Size(ctx); err != nil || got.Articles != 1 || got.Entities != 2 || got.Edges != 1 {
		t.Fatalf("Size() after the failed group = %+v, %v; want 1 article, 2 entities, 1 edge", got, err)
	}
	if _, err := db.ExecContext(ctx, `DROP TRIGGER refuse_a3`); err != nil {
		t.Fatal(err)
	}
	if err := s.Apply(ctx, []graph.Document{doc("a2", "e1", "e3"), doc("a3", "e2", "e4")}); err != nil {
		t.Fatalf("Apply after the failed group: %v", err)
	}
	if got, err := s.Size(ctx); err != nil || got.Articles != 3 || got.Entities != 4 || got.Edges != 3 {
		t.Fatalf("Size() = %+v, %v; want 3 articles, 4 entities, 3 edges", got, err)
	}
	if problems, err := s.Check(ctx); err != nil || len(problems) != 0 {
		t.Fatalf("Check() = %q, %v; want none", problems, err)
	}
}

// writeGrouped writes batch through a group in up to three Apply calls,
// with a rejected call among them half the time; a quarter of the time it
// first writes a group of other documents and rolls it back, which must
// change nothing.
func writeGrouped(t *testing.T, s *sqlite.Store, r *rand.Rand, batch []graph.Document, doc func(string) graph.Document) {
	t.Helper()
	ctx := context.Background()
	if r.IntN(4) == 0 {
		before, err := s.Projection(ctx, graph.Filter{Edges: graph.SentenceEdges})
		if err != nil {
			t.Fatal(err)
		}
		g, err := s.Group(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if err := g.Apply(ctx, []graph.Document{doc("a1"), doc("a9")}); err != nil {
			t.Fatal(err)
		}
		if err := g.Rollback(); err != nil {
			t.Fatal(err)
		}
		after, err := s.Projection(ctx, graph.Filter{Edges: graph.SentenceEdges})
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(before) != fmt.Sprint(after) {
			t.Fatalf("a rolled-back group changed the projection:\n%v\nwas\n%v", after, before)
		}
	}
	g, err := s.Group(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer g.Rollback()
	for len(batch) > 0 {
		n := 1 + r.IntN(len(batch))
		if r.IntN(2) == 0 {
			bad := doc(fmt.Sprintf("a%d", r.IntN(10)))
			if len(bad.Mentions) > 0 {
				bad.Mentions = append(bad.Mentions, bad.Mentions[0])
				if err := g.Apply(ctx, append([]graph.Document{batch[0]}, bad)); !errors.Is(err, graph.ErrRejected) {
					t.Fatalf("Apply of a document naming one entity twice: %v, want graph.ErrRejected, which leaves the group usable", err)
				}
			}
		}
		if err := g.Apply(ctx, batch[:n]); err != nil {
			t.Fatal(err)
		}
		batch = batch[n:]
	}
	if err := g.Commit(ctx); err != nil {
		t.Fatal(err)
	}
}

// streamed records what a projection stream gives: entity IDs, then each
// edge as its ends' IDs and its counts; String sorts the edges, which a
// stream gives in any order.
type streamed struct {
	ids   []string
	edges []string
}

func (v *streamed) Entities(ents []graph.ProjectedEntity) error {
	for _, e := range ents {
		v.ids = append(v.ids, e.ID)
	}
	return nil
}

func (v *streamed) Edge(a, b int32, articles, sentences int) error {
	if a >= b {
		return fmt.Errorf("edge %s-%s: ends not in the entities' order", v.ids[a], v.ids[b])
	}
	v.edges = append(v.edges, fmt.Sprintf("%s-%s:%d/%d", v.ids[a], v.ids[b], articles, sentences))
	return nil
}

func (v *streamed) String() string { return fmt.Sprint(v.ids, slices.Sorted(slices.Values(v.edges))) }

// datedStreamed is streamed for a stream that gives whole edges
// (graph.DatedVisitor): each edge with its dates.
type datedStreamed struct{ streamed }

var _ graph.DatedVisitor = (*datedStreamed)(nil)

func (v *datedStreamed) DatedEdge(a, b int32, e graph.Edge) error {
	if a >= b {
		return fmt.Errorf("edge %s-%s: ends not in the entities' order", v.ids[a], v.ids[b])
	}
	v.edges = append(v.edges, fmt.Sprintf("%s-%s:%d/%d/%s/%s", v.ids[a], v.ids[b], e.Articles, e.Sentences,
		e.First.Format(time.DateOnly), e.Last.Format(time.DateOnly)))
	return nil
}

// edgeCounts is p as streamed records it.
func edgeCounts(p *graph.Projection) string {
	var v streamed
	if err := graph.Visit(p, &v); err != nil {
		panic(err)
	}
	return v.String()
}
