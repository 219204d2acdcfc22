package storetest

import (
	"context"
	"fmt"
	"math/rand/v2"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/graph"
)

// Opener returns a new, empty store; the suite closes it. The suite never
// uses two stores at once, so an Opener may hand out the same database
// each time, emptied.
type Opener func(t *testing.T) graph.Store

// Run runs the whole suite against the stores open returns.
func Run(t *testing.T, open Opener) {
	tests := []struct {
		name string
		fn   func(*testing.T, Opener)
	}{
		{"ApplyIsIdempotent", testApplyIsIdempotent},
		{"ApplyReplacesArticle", testApplyReplacesArticle},
		{"DeleteRemovesOnlyWhatItSupported", testDelete},
		{"Fingerprints", testFingerprints},
		{"ProjectionEdges", testProjectionEdges},
		{"ProjectionFilters", testProjectionFilters},
		{"Evidence", testEvidence},
		{"Resolve", testResolve},
		{"RandomHistoryEqualsFreshApply", testRandomHistory},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { tc.fn(t, open) })
	}
}

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// Entities the fixtures mention.
var (
	kadhimi = graph.Entity{ID: "mustafa-al-kadhimi", Type: graph.Person, Kind: "politician", Name: "Mustafa al-Kadhimi", NameAr: "مصطفى الكاظمي", Aliases: []string{"Kadhimi", "الكاظمي"}}
	biden   = graph.Entity{ID: "joe-biden", Type: graph.Person, Kind: "politician", Name: "Joe Biden", NameAr: "جو بايدن", Aliases: []string{"Biden", "بايدن"}, Wikidata: "Q6279"}
	raisi   = graph.Entity{ID: "ebrahim-raisi", Type: graph.Person, Name: "Ebrahim Raisi", NameAr: "إبراهيم رئيسي", Aliases: []string{"Raisi"}}
	iraq    = graph.Entity{ID: "iraq", Type: graph.Location, Kind: "country", Name: "Iraq", NameAr: "العراق", Wikidata: "Q796"}
	pmf     = graph.Entity{ID: "popular-mobilization-forces", Type: graph.Organization, Kind: "armed faction", Name: "Popular Mobilization Forces", NameAr: "الحشد الشعبي", Aliases: []string{"PMF"}}
	// Two entities sharing the alias "Hamid", to make a name ambiguous.
	hamidA = graph.Entity{ID: "haidar-hamid", Type: graph.Person, Name: "Haidar Hamid", NameAr: "حيدر حميد", Aliases: []string{"Hamid"}}
	hamidB = graph.Entity{ID: "hamid-karzai", Type: graph.Person, Name: "Hamid Karzai", NameAr: "حامد كرزاي", Aliases: []string{"Hamid"}}
)

// doc builds a document mentioning ents (each once, in sentence 0).
func doc(id, published, lang, source string, ents ...graph.Entity) graph.Document {
	d := graph.Document{Article: graph.Article{
		ID: id, URL: "https://example.org/" + id, Source: source, Title: "Title of " + id,
		Lang: lang, Hash: "hash-" + id,
	}}
	if published != "" {
		d.Article.Published = day(published)
	}
	for _, e := range ents {
		d.Entities = append(d.Entities, e)
		d.Mentions = append(d.Mentions, graph.Mention{EntityID: e.ID, Count: 1, Surfaces: []string{e.Name}, Sentences: []int{0}})
	}
	return d
}

func open(t *testing.T, o Opener) graph.Store {
	t.Helper()
	s := o(t)
	t.Cleanup(func() { s.Close() })
	return s
}

// freshSnapshot is what a new store holding exactly docs answers. It opens
// and closes its own store before the caller opens the one under test.
func freshSnapshot(t *testing.T, o Opener, docs ...graph.Document) snapshot {
	t.Helper()
	s := o(t)
	defer s.Close()
	if len(docs) > 0 {
		apply(t, s, docs...)
	}
	return snap(t, s)
}

func apply(t *testing.T, s graph.Store, docs ...graph.Document) {
	t.Helper()
	if err := s.Apply(context.Background(), docs); err != nil {
		t.Fatalf("apply: %v", err)
	}
}

func projection(t *testing.T, s graph.Store, f graph.Filter) *graph.Projection {
	t.Helper()
	p, err := s.Projection(context.Background(), f)
	if err != nil {
		t.Fatalf("projection: %v", err)
	}
	return p
}

// snapshot is everything a store answers about its whole graph, in a form
// that compares with reflect.DeepEqual and prints readably.
type snapshot struct {
	Fingerprints map[string]string
	Entities     []string
	Edges        []string
	Evidence     []string
	Resolved     []string // what every fixture entity's name resolves to
}

func snap(t *testing.T, s graph.Store) snapshot {
	t.Helper()
	ctx := context.Background()
	fps, err := s.Fingerprints(ctx)
	if err != nil {
		t.Fatalf("fingerprints: %v", err)
	}
	p := projection(t, s, graph.Filter{})
	sn := snapshot{Fingerprints: fps}
	for _, e := range p.Entities {
		aliases := append([]string(nil), e.Aliases...)
		sn.Entities = append(sn.Entities, fmt.Sprintf("%s %s %s %q %q %q %s articles=%d mentions=%d %s..%s",
			e.ID, e.Type, e.Kind, e.Name, e.NameAr, strings.Join(aliases, "|"), e.Wikidata, e.Articles, e.Mentions, date(e.First), date(e.Last)))
	}
	for _, e := range p.Edges {
		sn.Edges = append(sn.Edges, fmt.Sprintf("%s–%s articles=%d %s..%s", e.A, e.B, e.Articles, date(e.First), date(e.Last)))
		ev, err := s.Evidence(ctx, e.A, e.B, 100)
		if err != nil {
			t.Fatalf("evidence: %v", err)
		}
		for _, x := range ev {
			sn.Evidence = append(sn.Evidence, fmt.Sprintf("%s–%s: %s %q %s", e.A, e.B, x.ArticleID, x.Title, date(x.Published)))
		}
	}
	for _, e := range []graph.Entity{kadhimi, biden, raisi, iraq, pmf, hamidA, hamidB} {
		ents, err := s.Resolve(ctx, e.Name)
		if err != nil {
			t.Fatalf("resolve: %v", err)
		}
		for _, r := range ents {
			sn.Resolved = append(sn.Resolved, e.Name+" → "+r.ID)
		}
	}
	return sn
}

func date(t time.Time) string {
	if t.IsZero() {
		return "?"
	}
	return t.Format("2006-01-02")
}

func assertSame(t *testing.T, got, want snapshot, what string) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s differs from a fresh store with the same documents:\ngot  %+v\nwant %+v", what, got, want)
	}
}

func testApplyIsIdempotent(t *testing.T, o Opener) {
	s := open(t, o)
	docs := []graph.Document{
		doc("a1", "2021-07-11", "ar", "src", kadhimi, biden, iraq),
		doc("a2", "2021-08-01", "en", "src", kadhimi, raisi),
	}
	apply(t, s, docs...)
	once := snap(t, s)
	apply(t, s, docs...)
	apply(t, s, docs[1])
	assertSame(t, snap(t, s), once, "after re-applying")
	if len(once.Entities) != 4 || len(once.Edges) != 4 {
		t.Errorf("got %d entities and %d edges, want 4 and 4: %+v", len(once.Entities), len(once.Edges), once)
	}
}

func testApplyReplacesArticle(t *testing.T, o Opener) {
	v2 := doc("a1", "2021-07-13", "ar", "src", kadhimi, raisi)
	v2.Article.Title = "Edited title"
	v2.Article.Hash = "hash-a1-v2"
	want := freshSnapshot(t, o, doc("a2", "2021-07-12", "ar", "src", kadhimi, iraq), v2)

	s := open(t, o)
	apply(t, s, doc("a1", "2021-07-11", "ar", "src", kadhimi, biden, pmf))
	apply(t, s, doc("a2", "2021-07-12", "ar", "src", kadhimi, iraq))
	apply(t, s, v2)
	got := snap(t, s)
	assertSame(t, got, want, "after replacing an article")
	for _, e := range got.Entities {
		if strings.HasPrefix(e, biden.ID+" ") || strings.HasPrefix(e, pmf.ID+" ") {
			t.Errorf("entity only the old version mentioned survives: %s", e)
		}
	}
	if got.Fingerprints["a1"] != "hash-a1-v2" {
		t.Errorf("fingerprint of a1 = %q, want the new version's", got.Fingerprints["a1"])
	}
}

func testDelete(t *testing.T, o Opener) {
	want := freshSnapshot(t, o, doc("a2", "2021-07-12", "ar", "src", kadhimi, biden))
	s := open(t, o)
	ctx := context.Background()
	apply(t, s,
		doc("a1", "2021-07-11", "ar", "src", kadhimi, biden, pmf),
		doc("a2", "2021-07-12", "ar", "src", kadhimi, biden),
		doc("a3", "", "en", "other", raisi, iraq))
	if err := s.Delete(ctx, []string{"a1", "a3", "no-such-article"}); err != nil {
		t.Fatalf("delete: %v", err)
	}
	assertSame(t, snap(t, s), want, "after deleting")
	if ents, err := s.Resolve(ctx, "PMF"); err != nil || len(ents) != 0 {
		t.Errorf("Resolve(PMF) after deleting its only article = %v, %v; want nothing", ents, err)
	}
	if err := s.Delete(ctx, nil); err != nil {
		t.Errorf("delete of nothing: %v", err)
	}
}

func testFingerprints(t *testing.T, o Opener) {
	s := open(t, o)
	fps, err := s.Fingerprints(context.Background())
	if err != nil || len(fps) != 0 {
		t.Fatalf("empty store: fingerprints %v, %v", fps, err)
	}
	apply(t, s, doc("a1", "2021-07-11", "ar", "src", kadhimi), doc("a2", "", "ar", "src"))
	fps, err = s.Fingerprints(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"a1": "hash-a1", "a2": "hash-a2"}
	if !reflect.DeepEqual(fps, want) {
		t.Errorf("fingerprints %v, want %v (an article without entities is still stored)", fps, want)
	}
}

func testProjectionEdges(t *testing.T, o Opener) {
	s := open(t, o)
	apply(t, s,
		doc("a1", "2021-07-11", "ar", "src", kadhimi, biden, iraq),
		doc("a2", "2021-09-01", "ar", "src", kadhimi, biden),
		doc("a3", "", "en", "src", kadhimi, biden),
		doc("a4", "2021-08-01", "en", "src", raisi))
	p := projection(t, s, graph.Filter{})
	var edges []string
	for _, e := range p.Edges {
		edges = append(edges, fmt.Sprintf("%s–%s %d %s..%s", e.A, e.B, e.Articles, date(e.First), date(e.Last)))
	}
	// Three articles name Biden and Kadhimi, one of them undated; a1 alone
	// names Iraq with each. Raisi is mentioned alone: an entity, no edge.
	want := []string{
		"iraq–joe-biden 1 2021-07-11..2021-07-11",
		"iraq–mustafa-al-kadhimi 1 2021-07-11..2021-07-11",
		"joe-biden–mustafa-al-kadhimi 3 2021-07-11..2021-09-01",
	}
	if !reflect.DeepEqual(edges, want) {
		t.Errorf("edges\n%s\nwant\n%s", strings.Join(edges, "\n"), strings.Join(want, "\n"))
	}
	var ids []string
	for _, e := range p.Entities {
		ids = append(ids, fmt.Sprintf("%s %d", e.ID, e.Articles))
	}
	wantIDs := []string{"ebrahim-raisi 1", "iraq 1", "joe-biden 3", "mustafa-al-kadhimi 3"}
	if !reflect.DeepEqual(ids, wantIDs) {
		t.Errorf("entities %v, want %v (sorted by ID, with article counts)", ids, wantIDs)
	}
}

func testProjectionFilters(t *testing.T, o Opener) {
	s := open(t, o)
	apply(t, s,
		doc("a1", "2021-07-11", "ar", "jazeera", kadhimi, biden, iraq),
		doc("a2", "2021-09-01", "en", "reuters", kadhimi, pmf),
		doc("a3", "", "ar", "jazeera", biden, raisi))
	for _, tc := range []struct {
		name     string
		f        graph.Filter
		entities string
		edges    string
	}{
		{"types", graph.Filter{Types: []graph.EntityType{graph.Person}},
			"ebrahim-raisi joe-biden mustafa-al-kadhimi", "ebrahim-raisi–joe-biden joe-biden–mustafa-al-kadhimi"},
		{"since drops undated", graph.Filter{Since: day("2021-08-01")},
			"mustafa-al-kadhimi popular-mobilization-forces", "mustafa-al-kadhimi–popular-mobilization-forces"},
		{"until is exclusive", graph.Filter{Until: day("2021-09-01")},
			"iraq joe-biden mustafa-al-kadhimi", "iraq–joe-biden iraq–mustafa-al-kadhimi joe-biden–mustafa-al-kadhimi"},
		{"langs", graph.Filter{Langs: []string{"en"}},
			"mustafa-al-kadhimi popular-mobilization-forces", "mustafa-al-kadhimi–popular-mobilization-forces"},
		{"sources", graph.Filter{Sources: []string{"jazeera"}},
			"ebrahim-raisi iraq joe-biden mustafa-al-kadhimi", "ebrahim-raisi–joe-biden iraq–joe-biden iraq–mustafa-al-kadhimi joe-biden–mustafa-al-kadhimi"},
		{"nothing matches", graph.Filter{Sources: []string{"nobody"}}, "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := projection(t, s, tc.f)
			var ents, edges []string
			for _, e := range p.Entities {
				ents = append(ents, e.ID)
			}
			for _, e := range p.Edges {
				edges = append(edges, e.A+"–"+e.B)
			}
			if got := strings.Join(ents, " "); got != tc.entities {
				t.Errorf("entities %q, want %q", got, tc.entities)
			}
			if got := strings.Join(edges, " "); got != tc.edges {
				t.Errorf("edges %q, want %q", got, tc.edges)
			}
		})
	}
}

func testEvidence(t *testing.T, o Opener) {
	s := open(t, o)
	apply(t, s,
		doc("a1", "2021-07-11", "ar", "src", kadhimi, biden),
		doc("a2", "", "ar", "src", kadhimi, biden),
		doc("a3", "2021-09-01", "ar", "src", kadhimi, biden),
		doc("a0", "2021-09-01", "ar", "src", biden, kadhimi),
		doc("a4", "2021-10-01", "ar", "src", kadhimi, raisi))
	ev, err := s.Evidence(context.Background(), kadhimi.ID, biden.ID, 10)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range ev {
		got = append(got, e.ArticleID)
	}
	// Newest first, ties by article ID, undated last.
	if want := []string{"a0", "a3", "a1", "a2"}; !reflect.DeepEqual(got, want) {
		t.Errorf("evidence %v, want %v", got, want)
	}
	if len(ev) > 0 && (ev[0].Title != "Title of a0" || ev[0].URL != "https://example.org/a0" || !ev[0].Published.Equal(day("2021-09-01"))) {
		t.Errorf("evidence carries %+v, want a0's title, URL and date", ev[0])
	}
	ev, err = s.Evidence(context.Background(), biden.ID, kadhimi.ID, 2)
	if err != nil || len(ev) != 2 || ev[0].ArticleID != "a0" {
		t.Errorf("evidence in the other direction with limit 2 = %v, %v; want a0, a3", ev, err)
	}
}

func testResolve(t *testing.T, o Opener) {
	s := open(t, o)
	apply(t, s, doc("a1", "2021-07-11", "ar", "src", kadhimi, biden, pmf, hamidA, hamidB))
	for _, tc := range []struct {
		name string
		want []string
	}{
		{"Kadhimi", []string{kadhimi.ID}},
		{"kadhimi", []string{kadhimi.ID}},
		{"KADHIMI", []string{kadhimi.ID}},
		{"Mustafa Al-Kadhimi", []string{kadhimi.ID}},
		{"الكاظمي", []string{kadhimi.ID}},
		{"مصطفى الكاظمى", []string{kadhimi.ID}}, // alef maqsura for ya
		{"mustafa-al-kadhimi", []string{kadhimi.ID}},
		{"جو بايدن", []string{biden.ID}},
		{"pmf", []string{pmf.ID}},
		{"Hamid", []string{hamidA.ID, hamidB.ID}},
		{"Raisi", nil}, // known to the lexicon maybe, but not in this store
		{"", nil},
	} {
		ents, err := s.Resolve(context.Background(), tc.name)
		if err != nil {
			t.Errorf("Resolve(%q): %v", tc.name, err)
			continue
		}
		if ents == nil {
			t.Errorf("Resolve(%q) = nil, want an empty slice", tc.name)
		}
		var got []string
		for _, e := range ents {
			got = append(got, e.ID)
		}
		sort.Strings(got)
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("Resolve(%q) = %v, want %v", tc.name, got, tc.want)
		}
	}
	ents, _ := s.Resolve(context.Background(), "Biden")
	if len(ents) == 1 && !reflect.DeepEqual(ents[0], biden) {
		t.Errorf("Resolve returns %+v, want the entity as written %+v", ents[0], biden)
	}
}

// op is one step of a random history.
type op struct {
	apply  []graph.Document // apply these, or
	delete string           // delete this article
}

// randomHistory returns a history of adds, edits, re-applies and deletes
// over a small pool, and the documents that survive it.
func randomHistory(seed uint64) ([]op, []graph.Document) {
	pool := []graph.Entity{kadhimi, biden, raisi, iraq, pmf, hamidA, hamidB}
	dates := []string{"", "2021-01-05", "2021-07-11", "2022-03-01"}
	r := rand.New(rand.NewPCG(seed, 42))
	randomDoc := func(id string, version int) graph.Document {
		var ents []graph.Entity
		for _, i := range r.Perm(len(pool))[:r.IntN(len(pool))] {
			ents = append(ents, pool[i])
		}
		d := doc(id, dates[r.IntN(len(dates))], []string{"ar", "en"}[r.IntN(2)], "src", ents...)
		d.Article.Hash = fmt.Sprintf("hash-%s-v%d", id, version)
		for i := range d.Mentions {
			d.Mentions[i].Count = 1 + r.IntN(4)
		}
		return d
	}
	live := map[string]graph.Document{}
	var ops []op
	for step := 0; step < 40; step++ {
		id := fmt.Sprintf("a%02d", r.IntN(12))
		switch k := r.IntN(10); {
		case k < 6: // add or edit, in batches of one to three
			batch := []graph.Document{randomDoc(id, step)}
			for k := r.IntN(3); k > 0; k-- {
				if other := fmt.Sprintf("a%02d", r.IntN(12)); other != id {
					batch = append(batch, randomDoc(other, step))
					id = other
				}
			}
			ops = append(ops, op{apply: batch})
			for _, d := range batch {
				live[d.Article.ID] = d
			}
		case k < 8: // re-apply what is there
			if d, ok := live[id]; ok {
				ops = append(ops, op{apply: []graph.Document{d}})
			}
		default:
			ops = append(ops, op{delete: id})
			delete(live, id)
		}
	}
	var final []graph.Document
	for _, d := range live {
		final = append(final, d)
	}
	sort.Slice(final, func(i, j int) bool { return final[i].Article.ID < final[j].Article.ID })
	return ops, final
}

// testRandomHistory runs random histories (fixed seeds) and compares the
// store with a fresh store given the surviving documents in one Apply.
func testRandomHistory(t *testing.T, o Opener) {
	for seed := uint64(1); seed <= 3; seed++ {
		t.Run(fmt.Sprintf("seed=%d", seed), func(t *testing.T) {
			ops, final := randomHistory(seed)
			want := freshSnapshot(t, o, final...)
			s := open(t, o)
			for _, op := range ops {
				if op.delete != "" {
					if err := s.Delete(context.Background(), []string{op.delete}); err != nil {
						t.Fatalf("delete: %v", err)
					}
					continue
				}
				apply(t, s, op.apply...)
			}
			assertSame(t, snap(t, s), want, "after a random history")
		})
	}
}
