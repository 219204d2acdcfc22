package storetest

import (
	"context"
	"errors"
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
		{"EvidenceLevels", testEvidenceLevels},
		{"EvidenceOrder", testEvidenceOrder},
		{"Mentions", testMentions},
		{"Resolve", testResolve},
		{"EntityProfile", testEntityProfile},
		{"EntityProfileLimits", testEntityProfileLimits},
		{"RelationsRoundTrip", testRelationsRoundTrip},
		{"RelationsReplacedAndDeletedWithArticle", testRelationsReplaceDelete},
		{"RelationsFilters", testRelationsFilters},
		{"EdgeLevels", testEdgeLevels},
		{"StreamProjection", testStreamProjection},
		{"Neighborhood", testNeighborhood},
		{"Stats", testStats},
		{"RandomHistoryEqualsFreshApply", testRandomHistory},
		{"EntityVersionFromLeastArticle", testEntityVersion},
		{"Inputs", testInputs},
		{"Texts", testTexts},
		{"ArticleIndex", testArticleIndex},
		{"LongIDs", testLongIDs},
		{"SizeFollowsWrites", testSizeFollowsWrites},
		{"RunLog", testRunLog},
		{"Lock", testLock},
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
	pmf     = graph.Entity{ID: "popular-mobilization-forces", Type: graph.Organization, Kind: "armed faction", Name: "Popular Mobilization Forces", NameAr: "الحشد الشعبي", Aliases: []string{"PMF"}, Parent: "iraq"}
	// Two entities sharing the alias "Hamid", to make a name ambiguous.
	hamidA = graph.Entity{ID: "haidar-hamid", Type: graph.Person, Name: "Haidar Hamid", NameAr: "حيدر حميد", Aliases: []string{"Hamid"}}
	hamidB = graph.Entity{ID: "hamid-karzai", Type: graph.Person, Name: "Hamid Karzai", NameAr: "حامد كرزاي", Aliases: []string{"Hamid"}}
)

// doc builds a document mentioning ents (each once, by name, in sentence 0).
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
		d.Mentions = append(d.Mentions, graph.Mention{EntityID: e.ID, Count: 1, Surfaces: []string{e.Name}, Sentences: []int{0},
			Spans: []graph.Span{{Start: 0, End: len(e.Name), Sentence: 0, Surface: e.Name, Method: "lexicon"}}})
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
	Fingerprints  map[string]string
	Entities      []string
	Edges         []string
	SentenceEdges []string
	TypedEdges    []string
	Evidence      []string
	Resolved      []string // what every fixture entity's name resolves to
	Profiles      []string // every entity's profile
	Relations     []string // every entity's relations
	Stats         string   // Stats of the whole store
}

func snap(t *testing.T, s graph.Store) snapshot {
	t.Helper()
	ctx := context.Background()
	fps, err := s.Fingerprints(ctx)
	if err != nil {
		t.Fatalf("fingerprints: %v", err)
	}
	p := projection(t, s, graph.Filter{})
	sn := snapshot{Fingerprints: fps, Stats: stats(t, s, graph.Filter{})}
	for _, level := range []graph.EdgeLevel{graph.SentenceEdges, graph.TypedEdges} {
		lp := projection(t, s, graph.Filter{Edges: level})
		if !reflect.DeepEqual(lp.Entities, p.Entities) {
			t.Errorf("%s-level projection has other entities than the article level:\n%+v\n%+v", level, lp.Entities, p.Entities)
		}
		for _, e := range lp.Edges {
			line := edgeLine(e)
			if level == graph.SentenceEdges {
				sn.SentenceEdges = append(sn.SentenceEdges, line)
			} else {
				sn.TypedEdges = append(sn.TypedEdges, line)
			}
		}
	}
	// Every relation has one subject, a mentioned entity: counting the
	// relations each entity is the subject of counts them all.
	relations := 0
	for _, e := range p.Entities {
		rs, err := s.Relations(ctx, e.ID, graph.Filter{})
		if err != nil {
			t.Fatalf("relations of %s: %v", e.ID, err)
		}
		for _, r := range rs {
			sn.Relations = append(sn.Relations, e.ID+": "+relationLine(r))
			if r.Subject == e.ID {
				relations++
			}
		}
	}
	size, err := s.Size(ctx)
	if err != nil {
		t.Fatalf("size: %v", err)
	}
	if want := (graph.Size{Articles: len(fps), Entities: len(p.Entities), Edges: len(p.Edges), Relations: relations}); size != want {
		t.Errorf("Size() = %+v, but the store holds %+v", size, want)
	}
	for _, e := range p.Entities {
		aliases := append([]string(nil), e.Aliases...)
		sn.Entities = append(sn.Entities, fmt.Sprintf("%s %s %s %q %q %q %s parent=%s articles=%d mentions=%d %s..%s",
			e.ID, e.Type, e.Kind, e.Name, e.NameAr, strings.Join(aliases, "|"), e.Wikidata, e.Parent, e.Articles, e.Mentions, date(e.First), date(e.Last)))
	}
	for _, e := range p.Entities {
		ep, err := s.Entity(ctx, e.ID, graph.Filter{})
		if err != nil {
			t.Fatalf("entity %s: %v", e.ID, err)
		}
		sn.Profiles = append(sn.Profiles, profile(ep))
	}
	for _, e := range p.Edges {
		sn.Edges = append(sn.Edges, edgeLine(e))
		ev, err := s.Evidence(ctx, e.A, e.B, graph.Filter{}, 100)
		if err != nil {
			t.Fatalf("evidence: %v", err)
		}
		for _, x := range ev {
			sn.Evidence = append(sn.Evidence, fmt.Sprintf("%s–%s: %s %q %s %q", e.A, e.B, x.ArticleID, x.Title, date(x.Published), x.Sentence))
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

// edgeLine prints an edge as "A–B articles/sentences first..last".
func edgeLine(e graph.Edge) string {
	return fmt.Sprintf("%s–%s %d/%d %s..%s", e.A, e.B, e.Articles, e.Sentences, date(e.First), date(e.Last))
}

// relationLine prints every field of a relation and its article.
func relationLine(r graph.RelationEvidence) string {
	return fmt.Sprintf("%s %q %q %q %s %+v", r.ArticleID, r.Title, r.URL, r.Source, date(r.Published), r.Relation)
}

// profile prints an EntityProfile on one line.
func profile(p *graph.EntityProfile) string {
	methods := make([]string, 0, len(p.Methods))
	for m, n := range p.Methods {
		methods = append(methods, fmt.Sprintf("%s:%d", m, n))
	}
	sort.Strings(methods)
	var surfaces, neighbors []string
	for _, sc := range p.Surfaces {
		surfaces = append(surfaces, fmt.Sprintf("%s:%d", sc.Surface, sc.Count))
	}
	for _, n := range p.Neighbors {
		neighbors = append(neighbors, fmt.Sprintf("%s(%s %q %q):%d", n.ID, n.Type, n.Name, n.NameAr, n.Articles))
	}
	return fmt.Sprintf("%s articles=%d mentions=%d %s..%s methods=[%s] surfaces=[%s] neighbors=[%s]",
		p.ID, p.Articles, p.Mentions, date(p.First), date(p.Last),
		strings.Join(methods, " "), strings.Join(surfaces, " "), strings.Join(neighbors, " "))
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
		withRelations(doc("a1", "2021-07-11", "ar", "src", kadhimi, biden, iraq),
			rel(graph.Meets, kadhimi.ID, biden.ID, 0, 20), rel(graph.Statement, biden.ID, "", 0, 40)),
		withRelations(doc("a2", "2021-08-01", "en", "src", kadhimi, raisi),
			undirected(rel(graph.Discusses, raisi.ID, kadhimi.ID, 0, 30))),
	}
	apply(t, s, docs...)
	once := snap(t, s)
	apply(t, s, docs...)
	apply(t, s, docs[1])
	assertSame(t, snap(t, s), once, "after re-applying")
	if len(once.Entities) != 4 || len(once.Edges) != 4 || len(once.TypedEdges) != 2 {
		t.Errorf("got %d entities, %d edges and %d typed edges, want 4, 4 and 2: %+v", len(once.Entities), len(once.Edges), len(once.TypedEdges), once)
	}
	if z, err := s.Size(context.Background()); err != nil || z.Relations != 3 {
		t.Errorf("Size() after re-applying = %+v, %v; want 3 relations", z, err)
	}
}

func testApplyReplacesArticle(t *testing.T, o Opener) {
	v2 := withRelations(doc("a1", "2021-07-13", "ar", "src", kadhimi, raisi), rel(graph.Visits, raisi.ID, kadhimi.ID, 0, 12))
	v2.Article.Title = "Edited title"
	v2.Article.Hash = "hash-a1-v2"
	a2 := withRelations(doc("a2", "2021-07-12", "ar", "src", kadhimi, iraq), rel(graph.Visits, kadhimi.ID, iraq.ID, 0, 7))
	want := freshSnapshot(t, o, a2, v2)

	s := open(t, o)
	// The first version's relations join entities the second does not
	// mention: they must go with it, before those entities do.
	apply(t, s, withRelations(doc("a1", "2021-07-11", "ar", "src", kadhimi, biden, pmf),
		rel(graph.Meets, kadhimi.ID, biden.ID, 0, 5), rel(graph.Attacks, pmf.ID, biden.ID, 0, 9), rel(graph.Statement, pmf.ID, "", 0, 15)))
	apply(t, s, a2)
	apply(t, s, v2)
	got := snap(t, s)
	assertSame(t, got, want, "after replacing an article")
	// Each VISITS is listed under both its parties: a2's under Iraq and
	// Kadhimi, v2's under Kadhimi and Raisi.
	if len(got.Relations) != 4 {
		t.Errorf("relations after replacing: %q, want a2's and v2's only", got.Relations)
	}
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
	a2 := withRelations(doc("a2", "2021-07-12", "ar", "src", kadhimi, biden), rel(graph.Criticizes, biden.ID, kadhimi.ID, 0, 3))
	want := freshSnapshot(t, o, a2)
	s := open(t, o)
	ctx := context.Background()
	apply(t, s,
		withRelations(doc("a1", "2021-07-11", "ar", "src", kadhimi, biden, pmf),
			rel(graph.Meets, kadhimi.ID, biden.ID, 0, 5), rel(graph.Supports, pmf.ID, kadhimi.ID, 0, 9)),
		a2,
		withRelations(doc("a3", "", "en", "other", raisi, iraq), rel(graph.Statement, raisi.ID, "", 0, 1), rel(graph.Threatens, raisi.ID, iraq.ID, 0, 4)))
	if err := s.Delete(ctx, []string{"a1", "a3", "no-such-article"}); err != nil {
		t.Fatalf("delete: %v", err)
	}
	got := snap(t, s)
	assertSame(t, got, want, "after deleting")
	if z, err := s.Size(ctx); err != nil || z.Relations != 1 {
		t.Errorf("Size() after deleting = %+v, %v; want a2's one relation", z, err)
	}
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
	ev, err := s.Evidence(context.Background(), kadhimi.ID, biden.ID, graph.Filter{}, 10)
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
	ev, err = s.Evidence(context.Background(), biden.ID, kadhimi.ID, graph.Filter{}, 2)
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
	// Every field comes back as written, the parent link included.
	ents, _ = s.Resolve(context.Background(), "PMF")
	if len(ents) != 1 || !reflect.DeepEqual(ents[0], pmf) {
		t.Errorf("Resolve(PMF) = %+v, want the entity as written %+v", ents, pmf)
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
			m := &d.Mentions[i]
			m.Count = 1 + r.IntN(4)
			m.Spans = nil
			sentences := map[int]bool{}
			for k := 0; k < m.Count; k++ {
				n := r.IntN(4)
				sentences[n] = true
				m.Spans = append(m.Spans, graph.Span{
					Start: 10 * k, End: 10*k + 5, Sentence: n,
					Surface: []string{"one", "two"}[r.IntN(2)], Method: []string{"lexicon", "coreference", "role"}[r.IntN(3)],
				})
			}
			m.Sentences = nil
			for n := 0; n < 4; n++ {
				if sentences[n] {
					m.Sentences = append(m.Sentences, n)
				}
			}
		}
		for k := r.IntN(4); k > 0 && len(ents) > 0; k-- {
			typ := graph.RelationTypes[r.IntN(len(graph.RelationTypes))]
			subject := ents[r.IntN(len(ents))].ID
			if typ == graph.Statement {
				d.Relations = append(d.Relations, rel(typ, subject, "", r.IntN(4), r.IntN(100)))
				continue
			}
			if len(ents) < 2 {
				continue
			}
			object := subject
			for object == subject {
				object = ents[r.IntN(len(ents))].ID
			}
			x := rel(typ, subject, object, r.IntN(4), r.IntN(100))
			if r.IntN(3) == 0 {
				x = undirected(x)
			}
			x.Negated = r.IntN(4) == 0
			d.Relations = append(d.Relations, x)
		}
		// The texts of the sentences naming two or more entities, which
		// differ between versions: evidence must quote the latest.
		named := map[int]int{}
		for _, m := range d.Mentions {
			for _, n := range m.Sentences {
				named[n]++
			}
		}
		for n := 0; n < 4; n++ {
			if named[n] >= 2 {
				d.Sentences = append(d.Sentences, graph.SentenceText{Index: n, Text: fmt.Sprintf("sentence %d of %s v%d", n, id, version)})
			}
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
			// What the store derives and keeps (SQLite's co-mention
			// aggregates, Neo4j's CO_MENTIONED) must equal a recount of its
			// facts: the fresh store's are derived the same way, so only
			// Check tells an exact aggregate from one both got wrong.
			assertSound(t, s)
			// Over the whole store a profile may read the aggregates;
			// under a filter that keeps every article (the history's two
			// languages) it counts the facts. The two must agree.
			for _, e := range []graph.Entity{kadhimi, biden, raisi, iraq, pmf, hamidA, hamidB} {
				stored, err1 := s.Entity(context.Background(), e.ID, graph.Filter{})
				counted, err2 := s.Entity(context.Background(), e.ID, graph.Filter{Langs: []string{"ar", "en"}})
				if err1 != nil || err2 != nil {
					if !errors.Is(err1, graph.ErrNotFound) || !errors.Is(err2, graph.ErrNotFound) {
						t.Errorf("profile of %s: %v; counted: %v", e.ID, err1, err2)
					}
					continue
				}
				if g, w := profile(stored), profile(counted); g != w {
					t.Errorf("profile of %s over the whole store\n got %s\nwant %s (counted)", e.ID, g, w)
				}
			}
		})
	}
}

// assertSound fails t when the store has an integrity check and fails it.
func assertSound(t *testing.T, s graph.Store) {
	t.Helper()
	c, ok := s.(graph.Checker)
	if !ok {
		return
	}
	problems, err := c.Check(context.Background())
	if err != nil {
		t.Fatalf("check: %v", err)
	}
	for _, p := range problems {
		t.Errorf("check: %s", p)
	}
}

// mention builds a mention from spans given as "method:surface@sentence",
// laid out one after another in the text.
func mention(id string, spans ...string) graph.Mention {
	m := graph.Mention{EntityID: id, Count: len(spans)}
	surfaces, sentences := map[string]bool{}, map[int]bool{}
	at := 0
	for _, sp := range spans {
		method, rest, _ := strings.Cut(sp, ":")
		surface, sent, _ := strings.Cut(rest, "@")
		var sentence int
		fmt.Sscan(sent, &sentence)
		m.Spans = append(m.Spans, graph.Span{Start: at, End: at + len(surface), Sentence: sentence, Surface: surface, Method: method})
		at += len(surface) + 1
		surfaces[surface], sentences[sentence] = true, true
	}
	for sf := range surfaces {
		m.Surfaces = append(m.Surfaces, sf)
	}
	sort.Strings(m.Surfaces)
	for n := range sentences {
		m.Sentences = append(m.Sentences, n)
	}
	sort.Ints(m.Sentences)
	return m
}

// docWith builds a document from its entities and their mentions.
func docWith(id, published, lang, source string, ents []graph.Entity, mentions ...graph.Mention) graph.Document {
	d := doc(id, published, lang, source)
	d.Entities = ents
	d.Mentions = mentions
	return d
}

func entityProfile(t *testing.T, s graph.Store, id string, f graph.Filter) *graph.EntityProfile {
	t.Helper()
	p, err := s.Entity(context.Background(), id, f)
	if err != nil {
		t.Fatalf("Entity(%s, %+v): %v", id, f, err)
	}
	return p
}

func testEntityProfile(t *testing.T, o Opener) {
	s := open(t, o)
	ctx := context.Background()
	apply(t, s,
		docWith("a1", "2021-07-11", "ar", "jazeera", []graph.Entity{kadhimi, biden, iraq},
			mention(kadhimi.ID, "lexicon:مصطفى الكاظمي@0", "coreference:الكاظمي@1", "coreference:الكاظمي@3"),
			mention(biden.ID, "lexicon:بايدن@1"),
			mention(iraq.ID, "adjective:العراقي@0")),
		docWith("a2", "2021-09-01", "en", "reuters", []graph.Entity{kadhimi, biden, pmf},
			mention(kadhimi.ID, "lexicon:Mustafa al-Kadhimi@0", "coreference:Kadhimi@2"),
			mention(biden.ID, "role:US president@1", "lexicon:Biden@2"),
			mention(pmf.ID, "rule:PMF@1")),
		docWith("a3", "", "ar", "jazeera", []graph.Entity{kadhimi, raisi},
			mention(kadhimi.ID, "lexicon:الكاظمي@0"),
			mention(raisi.ID, "lexicon:رئيسي@0")),
		docWith("a4", "2021-10-01", "en", "reuters", []graph.Entity{biden, iraq},
			mention(biden.ID, "lexicon:Joe Biden@0"),
			mention(iraq.ID, "lexicon:Iraq@0")),
		// A mention written without spans counts, but has no method or surface.
		docWith("a5", "2021-06-01", "en", "reuters", []graph.Entity{iraq},
			graph.Mention{EntityID: iraq.ID, Count: 2, Surfaces: []string{"Iraq"}, Sentences: []int{0}}),
	)
	for _, tc := range []struct {
		name string
		id   string
		f    graph.Filter
		want string
	}{
		{"all", kadhimi.ID, graph.Filter{},
			`mustafa-al-kadhimi articles=3 mentions=6 2021-07-11..2021-09-01 methods=[coreference:3 lexicon:3] ` +
				`surfaces=[الكاظمي:3 Kadhimi:1 Mustafa al-Kadhimi:1 مصطفى الكاظمي:1] ` +
				`neighbors=[joe-biden(person "Joe Biden" "جو بايدن"):2 ebrahim-raisi(person "Ebrahim Raisi" "إبراهيم رئيسي"):1 ` +
				`iraq(location "Iraq" "العراق"):1 popular-mobilization-forces(organization "Popular Mobilization Forces" "الحشد الشعبي"):1]`},
		{"since", kadhimi.ID, graph.Filter{Since: day("2021-08-01")},
			`mustafa-al-kadhimi articles=1 mentions=2 2021-09-01..2021-09-01 methods=[coreference:1 lexicon:1] ` +
				`surfaces=[Kadhimi:1 Mustafa al-Kadhimi:1] ` +
				`neighbors=[joe-biden(person "Joe Biden" "جو بايدن"):1 popular-mobilization-forces(organization "Popular Mobilization Forces" "الحشد الشعبي"):1]`},
		{"types narrow neighbours only", kadhimi.ID, graph.Filter{Types: []graph.EntityType{graph.Person}},
			`mustafa-al-kadhimi articles=3 mentions=6 2021-07-11..2021-09-01 methods=[coreference:3 lexicon:3] ` +
				`surfaces=[الكاظمي:3 Kadhimi:1 Mustafa al-Kadhimi:1 مصطفى الكاظمي:1] ` +
				`neighbors=[joe-biden(person "Joe Biden" "جو بايدن"):2 ebrahim-raisi(person "Ebrahim Raisi" "إبراهيم رئيسي"):1]`},
		{"langs and sources", biden.ID, graph.Filter{Langs: []string{"en"}, Sources: []string{"reuters"}},
			`joe-biden articles=2 mentions=3 2021-09-01..2021-10-01 methods=[lexicon:2 role:1] ` +
				`surfaces=[Biden:1 Joe Biden:1 US president:1] ` +
				`neighbors=[iraq(location "Iraq" "العراق"):1 mustafa-al-kadhimi(person "Mustafa al-Kadhimi" "مصطفى الكاظمي"):1 ` +
				`popular-mobilization-forces(organization "Popular Mobilization Forces" "الحشد الشعبي"):1]`},
		{"mentions without spans", iraq.ID, graph.Filter{Until: day("2021-10-01")},
			`iraq articles=2 mentions=3 2021-06-01..2021-07-11 methods=[adjective:1] surfaces=[العراقي:1] ` +
				`neighbors=[joe-biden(person "Joe Biden" "جو بايدن"):1 mustafa-al-kadhimi(person "Mustafa al-Kadhimi" "مصطفى الكاظمي"):1]`},
		{"nothing matches", kadhimi.ID, graph.Filter{Sources: []string{"nobody"}},
			`mustafa-al-kadhimi articles=0 mentions=0 ?..? methods=[] surfaces=[] neighbors=[]`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := entityProfile(t, s, tc.id, tc.f)
			if got := profile(p); got != tc.want {
				t.Errorf("profile\n got %s\nwant %s", got, tc.want)
			}
			if p.Methods == nil || p.Surfaces == nil || p.Neighbors == nil {
				t.Errorf("profile has nil collections: %#v", p)
			}
		})
	}
	p := entityProfile(t, s, kadhimi.ID, graph.Filter{})
	if !reflect.DeepEqual(p.Entity, kadhimi) {
		t.Errorf("profile carries %+v, want the entity as written %+v", p.Entity, kadhimi)
	}

	// Replacing an article replaces its spans.
	apply(t, s, docWith("a1", "2021-07-11", "ar", "jazeera", []graph.Entity{kadhimi},
		mention(kadhimi.ID, "role:رئيس الوزراء@0")))
	want := `mustafa-al-kadhimi articles=3 mentions=4 2021-07-11..2021-09-01 methods=[coreference:1 lexicon:2 role:1] ` +
		`surfaces=[Kadhimi:1 Mustafa al-Kadhimi:1 الكاظمي:1 رئيس الوزراء:1] ` +
		`neighbors=[ebrahim-raisi(person "Ebrahim Raisi" "إبراهيم رئيسي"):1 joe-biden(person "Joe Biden" "جو بايدن"):1 ` +
		`popular-mobilization-forces(organization "Popular Mobilization Forces" "الحشد الشعبي"):1]`
	if got := profile(entityProfile(t, s, kadhimi.ID, graph.Filter{})); got != want {
		t.Errorf("after replacing a1\n got %s\nwant %s", got, want)
	}

	for _, id := range []string{"no-such-entity", "Kadhimi", ""} {
		if p, err := s.Entity(ctx, id, graph.Filter{}); !errors.Is(err, graph.ErrNotFound) {
			t.Errorf("Entity(%q) = %v, %v; want an error wrapping ErrNotFound", id, p, err)
		}
	}
}

// testEntityProfileLimits checks that profiles list the top surfaces and
// neighbours only, in order.
func testEntityProfileLimits(t *testing.T, o Opener) {
	s := open(t, o)
	var spans []string
	for i := 0; i < graph.ProfileSurfaces+5; i++ {
		for k := 0; k <= i%3; k++ {
			spans = append(spans, fmt.Sprintf("lexicon:s%02d@0", i))
		}
	}
	ents := []graph.Entity{kadhimi}
	mentions := []graph.Mention{mention(kadhimi.ID, spans...)}
	for i := 0; i < graph.ProfileNeighbors+3; i++ {
		e := graph.Entity{ID: fmt.Sprintf("n%02d", i), Type: graph.Person, Name: fmt.Sprintf("N%02d", i)}
		ents = append(ents, e)
		mentions = append(mentions, mention(e.ID, "lexicon:x@0"))
	}
	apply(t, s, docWith("a1", "2021-07-11", "en", "src", ents, mentions...),
		docWith("a2", "2021-07-12", "en", "src", []graph.Entity{kadhimi, ents[13], ents[8]},
			mention(kadhimi.ID, "rule:s24@0"), mention(ents[13].ID, "lexicon:x@0"), mention(ents[8].ID, "lexicon:x@0")))
	p := entityProfile(t, s, kadhimi.ID, graph.Filter{})
	if p.Mentions != len(spans)+1 || p.Methods["lexicon"] != len(spans) || p.Methods["rule"] != 1 {
		t.Errorf("mentions %d, methods %v; want %d, lexicon:%d rule:1", p.Mentions, p.Methods, len(spans)+1, len(spans))
	}
	var surfaces, neighbors []string
	for _, sc := range p.Surfaces {
		surfaces = append(surfaces, fmt.Sprintf("%s:%d", sc.Surface, sc.Count))
	}
	for _, n := range p.Neighbors {
		neighbors = append(neighbors, fmt.Sprintf("%s:%d", n.ID, n.Articles))
	}
	// s02, s05, … appear three times, s01, s04, … twice, s24 once and
	// once more by rule: most first, ties by spelling, twenty of them.
	wantSurfaces := "s02:3 s05:3 s08:3 s11:3 s14:3 s17:3 s20:3 s23:3 s01:2 s04:2 s07:2 s10:2 s13:2 s16:2 s19:2 s22:2 s24:2 s00:1 s03:1 s06:1"
	if got := strings.Join(surfaces, " "); got != wantSurfaces {
		t.Errorf("surfaces\n got %s\nwant %s", got, wantSurfaces)
	}
	wantNeighbors := "n07:2 n12:2 n00:1 n01:1 n02:1 n03:1 n04:1 n05:1 n06:1 n08:1"
	if got := strings.Join(neighbors, " "); got != wantNeighbors {
		t.Errorf("neighbours\n got %s\nwant %s", got, wantNeighbors)
	}
}
