package cluster_test

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/cluster"
	"github.com/newsgraph/newsgraph/graph/sqlite"
)

// doc is an article naming Morocco and one spelling of Ahmed Assid.
func doc(id string, day int, assid string) graph.Document {
	morocco := graph.Entity{ID: "morocco", Type: graph.Location, Name: "Morocco", NameAr: "المغرب"}
	person := graph.Entity{ID: assid, Type: graph.Person, Kind: "found by tagger", NameAr: assid[len("person:"):]}
	return graph.Document{
		Article:  graph.Article{ID: id, Title: id, Published: time.Date(2022, 5, day, 0, 0, 0, 0, time.UTC), Lang: "ar"},
		Entities: []graph.Entity{morocco, person},
		Mentions: []graph.Mention{{EntityID: "morocco", Count: 1}, {EntityID: assid, Count: 2}},
	}
}

// assidStore is a SQLite store of four articles, each naming Morocco and
// one of three spellings of Ahmed Assid, and the store wrapped; the test
// closes it at its end.
func assidStore(t *testing.T) (*sqlite.Store, *cluster.Store) {
	t.Helper()
	raw, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { raw.Close() })
	docs := []graph.Document{
		doc("a1", 1, "person:احمد-عصيد"), doc("a2", 2, "person:احمد-عصيد"),
		doc("a3", 3, "person:واحمد-عصيد"), doc("a4", 4, "person:احمد-عصيد-قائلا"),
	}
	if err := raw.Apply(context.Background(), docs); err != nil {
		t.Fatal(err)
	}
	return raw, cluster.Wrap(raw, cluster.Options{})
}

// TestStore reads a real SQLite store through the wrapper: a merged node's
// projection, mentions, evidence and name lookups cover all its members,
// and --no-cluster's view (the store itself) keeps them apart.
func TestStore(t *testing.T) {
	ctx := context.Background()
	raw, s := assidStore(t)

	p, err := s.Projection(ctx, graph.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, e := range p.Entities {
		ids = append(ids, e.ID)
	}
	if want := []string{"morocco", "person:احمد-عصيد"}; !slices.Equal(ids, want) {
		t.Fatalf("entities %q, want %q", ids, want)
	}
	// Four articles, each naming Morocco and one member once.
	if len(p.Edges) != 1 || p.Edges[0].Articles != 4 {
		t.Errorf("edges %+v, want one of 4 articles", p.Edges)
	}

	ms, err := s.Mentions(ctx, "person:واحمد-عصيد", graph.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	var arts []string
	for _, m := range ms {
		arts = append(arts, m.ArticleID)
	}
	if want := []string{"a4", "a3", "a2", "a1"}; !slices.Equal(arts, want) {
		t.Errorf("mentions in %q, want %q (newest first)", arts, want)
	}

	ev, err := s.Evidence(ctx, "morocco", "person:احمد-عصيد", graph.Filter{}, 3)
	if err != nil {
		t.Fatal(err)
	}
	arts = arts[:0]
	for _, e := range ev {
		arts = append(arts, e.ArticleID)
	}
	if want := []string{"a4", "a3", "a2"}; !slices.Equal(arts, want) {
		t.Errorf("evidence %q, want %q (newest three)", arts, want)
	}

	prof, err := s.Entity(ctx, "person:احمد-عصيد-قائلا", graph.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if prof.ID != "person:احمد-عصيد" || prof.Articles != 4 || prof.Mentions != 8 {
		t.Errorf("profile %s: %d articles, %d mentions; want person:احمد-عصيد, 4, 8", prof.ID, prof.Articles, prof.Mentions)
	}

	res, err := s.Resolve(ctx, "person:واحمد-عصيد")
	if err != nil {
		t.Fatal(err)
	}
	if len(res) != 1 || res[0].ID != "person:احمد-عصيد" {
		t.Errorf("resolve gave %+v, want the representative", res)
	}

	rawP, err := raw.Projection(ctx, graph.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(rawP.Entities) != 4 {
		t.Errorf("the store itself holds %d entities, want 4: clustering must not write", len(rawP.Entities))
	}
}

// countingLinker counts its calls and links nothing.
type countingLinker struct{ calls *atomic.Int64 }

func (l countingLinker) Link(string, string) float64 { l.calls.Add(1); return 0 }

// TestStoreKeepsClustering: a clustering computed on a store that keeps
// derived values (SQLite) is read back by the next wrapper under the same
// fingerprint, without computing; another fingerprint, or a write to the
// store, makes it be computed again; a read-only store computes it each
// time and keeps nothing.
func TestStoreKeepsClustering(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "s.db")
	raw, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	if err := raw.Apply(ctx, []graph.Document{doc("a1", 1, "person:احمد-عصيد"), doc("a2", 2, "person:واحمد-عصيد"), doc("a3", 3, "person:ahmed-assid")}); err != nil {
		t.Fatal(err)
	}
	var calls atomic.Int64
	clustered := func(s graph.Store, fp string) (*cluster.Clustering, int) {
		t.Helper()
		before := calls.Load()
		c, err := cluster.Wrap(s, cluster.Options{Linker: countingLinker{&calls}, Fingerprint: fp}).Clustering(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return c, int(calls.Load() - before)
	}
	c1, n := clustered(raw, "a")
	if n == 0 {
		t.Fatal("the first clustering scored no pair: the test cannot tell computing from reading")
	}
	if c1.Rep("person:واحمد-عصيد") != "person:احمد-عصيد" {
		t.Fatalf("clitic form not merged: rep %q", c1.Rep("person:واحمد-عصيد"))
	}
	c2, n := clustered(raw, "a")
	if n != 0 {
		t.Errorf("same fingerprint, no write: computed again (%d linker calls)", n)
	}
	if !slices.Equal(c2.Members("person:احمد-عصيد"), c1.Members("person:احمد-عصيد")) {
		t.Errorf("stored clustering reads back members %q, want %q", c2.Members("person:احمد-عصيد"), c1.Members("person:احمد-عصيد"))
	}
	if _, n = clustered(raw, "b"); n == 0 {
		t.Error("another fingerprint read the clustering stored under the first")
	}
	if err := raw.Apply(ctx, []graph.Document{doc("a4", 4, "person:احمد-عصيد")}); err != nil {
		t.Fatal(err)
	}
	if _, n = clustered(raw, "a"); n == 0 {
		t.Error("a write to the store left its stored clustering in use")
	}
	ro, err := sqlite.OpenReadOnly(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if _, n = clustered(ro, "c"); n == 0 {
		t.Error("read-only store: nothing was computed")
	}
	// Opened read-only, a store whose file can be written keeps the
	// clustering all the same (SetDerived writes through a connection of
	// its own), so the next command reads it.
	if _, n = clustered(ro, "c"); n != 0 {
		t.Errorf("store opened read-only on a writable file: computed again (%d linker calls)", n)
	}
}

// summed records a projection stream as a projection: the edges of one
// pair summed, as Clustering.Apply sums them; dates are not streamed.
type summed struct {
	p     graph.Projection
	index map[[2]int32]int
}

func (v *summed) Entities(ents []graph.ProjectedEntity) error {
	v.p.Entities, v.index = ents, map[[2]int32]int{}
	return nil
}

func (v *summed) Edge(a, b int32, articles, sentences int) error {
	k, ok := v.index[[2]int32{a, b}]
	if !ok {
		k = len(v.p.Edges)
		v.index[[2]int32{a, b}] = k
		v.p.Edges = append(v.p.Edges, graph.Edge{A: v.p.Entities[a].ID, B: v.p.Entities[b].ID})
	}
	v.p.Edges[k].Articles += articles
	v.p.Edges[k].Sentences += sentences
	return nil
}

// TestStreamProjection: the clustered stream, its repeated pairs summed,
// is the clustered projection (dates aside), at every level and through
// the stored aggregates and the counted facts alike.
func TestStreamProjection(t *testing.T) {
	ctx := context.Background()
	raw, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	rabat := graph.Entity{ID: "rabat", Type: graph.Location, Name: "Rabat"}
	var docs []graph.Document
	for i, assid := range []string{"person:احمد-عصيد", "person:احمد-عصيد", "person:واحمد-عصيد", "person:احمد-عصيد-قائلا", "person:واحمد-عصيد"} {
		d := doc(fmt.Sprintf("a%d", i), i+1, assid)
		for k := range d.Mentions {
			d.Mentions[k].Sentences = []int{0}
		}
		if i%2 == 0 {
			d.Entities = append(d.Entities, rabat)
			d.Mentions = append(d.Mentions, graph.Mention{EntityID: "rabat", Count: 1, Sentences: []int{i % 3}})
		}
		docs = append(docs, d)
	}
	if err := raw.Apply(ctx, docs); err != nil {
		t.Fatal(err)
	}
	s := cluster.Wrap(raw, cluster.Options{})
	since := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, f := range []graph.Filter{{}, {Edges: graph.SentenceEdges}, {Since: since}, {Since: since, Edges: graph.SentenceEdges}} {
		want, err := s.Projection(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		for i := range want.Edges {
			want.Edges[i].First, want.Edges[i].Last = time.Time{}, time.Time{}
		}
		var got summed
		if err := s.StreamProjection(ctx, f, &got); err != nil {
			t.Fatal(err)
		}
		// Two entities after merging, one edge between them, and Rabat's.
		if len(want.Entities) != 3 || len(want.Edges) == 0 {
			t.Fatalf("%+v: projection %+v, want 3 entities and edges", f, want)
		}
		// The stream gives edges in any order (graph.ProjectionVisitor).
		sortEdges(got.p.Edges)
		if g, w := fmt.Sprint(got.p.Entities, got.p.Edges), fmt.Sprint(want.Entities, want.Edges); g != w {
			t.Errorf("%+v: streamed\n%s\nwant\n%s", f, g, w)
		}
		// To a graph.DatedVisitor the edges come whole: dates widened as
		// Apply widens them, the projection to the day.
		dated, err := s.Projection(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		if dated.Edges[0].First.IsZero() {
			t.Fatalf("%+v: the projection's first edge is undated: %+v", f, dated.Edges[0])
		}
		gotDated := datedSummed{}
		if err := s.StreamProjection(ctx, f, &gotDated); err != nil {
			t.Fatal(err)
		}
		sortEdges(gotDated.p.Edges)
		if g, w := fmt.Sprint(gotDated.p.Entities, gotDated.p.Edges), fmt.Sprint(dated.Entities, dated.Edges); g != w {
			t.Errorf("%+v: streamed with dates\n%s\nwant\n%s", f, g, w)
		}
	}
}

// sortEdges puts edges in a projection's order, by (A, B).
func sortEdges(edges []graph.Edge) {
	slices.SortFunc(edges, func(x, y graph.Edge) int {
		if c := strings.Compare(x.A, y.A); c != 0 {
			return c
		}
		return strings.Compare(x.B, y.B)
	})
}

// datedSummed is summed for a stream that gives whole edges
// (graph.DatedVisitor): the dates of one pair's edges widened.
type datedSummed struct{ summed }

var _ graph.DatedVisitor = (*datedSummed)(nil)

func (v *datedSummed) DatedEdge(a, b int32, e graph.Edge) error {
	if err := v.Edge(a, b, e.Articles, e.Sentences); err != nil {
		return err
	}
	m := &v.p.Edges[v.index[[2]int32{a, b}]]
	if m.First.IsZero() || !e.First.IsZero() && e.First.Before(m.First) {
		m.First = e.First
	}
	if e.Last.After(m.Last) {
		m.Last = e.Last
	}
	return nil
}

// TestNeighborhood: through the wrapper, a neighbourhood is the part of
// the merged projection around the IDs' clusters (graph.Around), the
// clusters' counts summed over their members, and Links is the same with
// the counts of those clusters only; over the whole store (aggregates)
// and under a date filter (counted).
func TestNeighborhood(t *testing.T) {
	ctx := context.Background()
	_, s := assidStore(t)
	for _, f := range []graph.Filter{{}, {Since: time.Date(2022, 5, 2, 0, 0, 0, 0, time.UTC)}} {
		whole, err := s.Projection(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		for _, ids := range [][]string{{"morocco"}, {"person:واحمد-عصيد"}, {"morocco", "person:احمد-عصيد"}} {
			// ids name a member; the merged projection knows it by its
			// representative.
			reps := make([]string, len(ids))
			for i, id := range ids {
				reps[i] = strings.Replace(id, "واحمد", "احمد", 1)
			}
			want := graph.Around(whole, reps)
			got, err := s.Neighborhood(ctx, ids, f)
			if err != nil {
				t.Fatal(err)
			}
			if g, w := fmt.Sprint(*got), fmt.Sprint(*want); g != w {
				t.Errorf("%v: Neighborhood(%q)\n%s\nwant\n%s", f.Since, ids, g, w)
			}
			got, err = s.Links(ctx, ids, f)
			if err != nil {
				t.Fatal(err)
			}
			if g, w := fmt.Sprint(*got), fmt.Sprint(*graph.Uncounted(want, reps)); g != w {
				t.Errorf("%v: Links(%q)\n%s\nwant\n%s", f.Since, ids, g, w)
			}
		}
		if n := len(graph.Around(whole, []string{"morocco"}).Edges); n != 1 {
			t.Fatalf("%v: morocco has %d edges, want 1", f.Since, n)
		}
	}
}
