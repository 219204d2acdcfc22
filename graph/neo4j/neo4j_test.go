package neo4j_test

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/neo4j"
	"github.com/newsgraph/newsgraph/graph/neo4j/neo4jtest"
	"github.com/newsgraph/newsgraph/graph/storetest"
)

func TestConformance(t *testing.T) {
	uri, cfg := neo4jtest.Server(t)
	first := true
	storetest.Run(t, func(t *testing.T) graph.Store {
		if !first {
			neo4jtest.Wipe(t, uri, cfg)
		}
		first = false
		s, err := neo4j.Open(context.Background(), uri, cfg)
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}

// TestCoMentionedMatchesProjection checks the Browser's CO_MENTIONED
// relationships, maintained on every write, against the edges derived from
// MENTIONS, after a history that adds, replaces and deletes articles.
func TestCoMentionedMatchesProjection(t *testing.T) {
	s, uri, cfg := openServer(t)
	ctx := context.Background()
	ent := func(id string) graph.Entity {
		return graph.Entity{ID: id, Type: graph.Person, Name: strings.ToUpper(id)}
	}
	doc := func(id, date string, ents ...string) graph.Document {
		d := graph.Document{Article: graph.Article{ID: id, Hash: id + date}}
		if date != "" {
			d.Article.Published, _ = timeParse(date)
		}
		// Each entity occurs in the sentences its position and the next:
		// neighbours in the list share one sentence.
		for i, e := range ents {
			d.Entities = append(d.Entities, ent(e))
			d.Mentions = append(d.Mentions, graph.Mention{EntityID: e, Count: 1, Sentences: []int{i, i + 1}})
		}
		return d
	}
	steps := []func() error{
		func() error {
			return s.Apply(ctx, []graph.Document{doc("a1", "2021-01-01", "x", "y", "z"), doc("a2", "2021-02-01", "x", "y")})
		},
		func() error { return s.Apply(ctx, []graph.Document{doc("a1", "2021-03-01", "x", "w")}) },
		func() error { return s.Apply(ctx, []graph.Document{doc("a3", "", "y", "w", "v")}) },
		func() error { return s.Delete(ctx, []string{"a2"}) },
	}
	for i, step := range steps {
		if err := step(); err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
		p, err := s.Projection(ctx, graph.Filter{})
		if err != nil {
			t.Fatal(err)
		}
		var want []string
		for _, e := range p.Edges {
			want = append(want, fmt.Sprintf("%s-%s %d/%d %v %v", e.A, e.B, e.Articles, e.Sentences, e.First.Format("2006-01-02"), e.Last.Format("2006-01-02")))
		}
		got := coMentioned(t, uri, cfg)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("step %d: CO_MENTIONED\n%q\nprojection\n%q", i, got, want)
		}
	}
}

func coMentioned(t *testing.T, uri string, cfg neo4j.Config) []string {
	t.Helper()
	var out []string
	for _, r := range records(t, uri, cfg, `MATCH (a:Entity)-[r:CO_MENTIONED]->(b:Entity)
RETURN a.id AS a, b.id AS b, r.articles AS n, r.sentences AS sentences, r.first AS first, r.last AS last`) {
		a, _ := r.Get("a")
		b, _ := r.Get("b")
		n, _ := r.Get("n")
		sentences, _ := r.Get("sentences")
		first, _ := r.Get("first")
		last, _ := r.Get("last")
		out = append(out, fmt.Sprintf("%s-%s %d/%d %v %v", a, b, n, sentences, day(first), day(last)))
	}
	sort.Strings(out)
	return out
}

func TestOpenErrors(t *testing.T) {
	uri, cfg := neo4jtest.Server(t)
	ctx := context.Background()
	wrong := cfg
	wrong.Password = "definitely-not-the-password"
	_, err := neo4j.Open(ctx, uri, wrong)
	if !errors.Is(err, neo4j.ErrUnauthorized) || strings.Contains(err.Error(), wrong.Password) || !strings.Contains(err.Error(), "NEO4J_PASSWORD") {
		t.Errorf("wrong password: %v", err)
	}
	missing := cfg
	missing.Database = "nosuchdb"
	_, err = neo4j.Open(ctx, uri, missing)
	if !errors.Is(err, neo4j.ErrNoSuchDatabase) || !strings.Contains(err.Error(), "NEO4J_DATABASE") {
		t.Errorf("missing database: %v", err)
	}
	_, err = neo4j.Open(ctx, "bolt://127.0.0.1:1", cfg)
	if !errors.Is(err, neo4j.ErrUnreachable) || strings.Contains(err.Error(), cfg.Password) {
		t.Errorf("unreachable server: %v", err)
	}
	nopw := cfg
	nopw.Password = ""
	_, err = neo4j.Open(ctx, uri, nopw)
	if !errors.Is(err, neo4j.ErrMissingPassword) {
		t.Errorf("no password: %v", err)
	}
	// Credentials in the URI work, and never show in messages.
	withCreds := strings.Replace(uri, "://", "://neo4j:"+wrong.Password+"@", 1)
	_, err = neo4j.Open(ctx, withCreds, cfg)
	if !errors.Is(err, neo4j.ErrUnauthorized) || strings.Contains(err.Error(), wrong.Password) {
		t.Errorf("credentials in the URI: %v", err)
	}
}

func TestSchemaIsIdempotent(t *testing.T) {
	uri, cfg := neo4jtest.Server(t)
	for i := 0; i < 2; i++ {
		s, err := neo4j.Open(context.Background(), uri, cfg)
		if err != nil {
			t.Fatalf("open %d: %v", i, err)
		}
		s.Close()
	}
}

// TestMentionSpanProperties checks how spans are kept on MENTIONS: parallel
// lists of primitives, one item per occurrence, in text order.
func TestMentionSpanProperties(t *testing.T) {
	s, uri, cfg := openServer(t)
	ctx := context.Background()
	d := graph.Document{
		Article:  graph.Article{ID: "a1", Hash: "h"},
		Entities: []graph.Entity{{ID: "x", Type: graph.Person, Name: "X"}},
		Mentions: []graph.Mention{{EntityID: "x", Count: 2, Surfaces: []string{"X", "Mr X"}, Sentences: []int{0, 2},
			Spans: []graph.Span{{Start: 0, End: 1, Sentence: 0, Surface: "X", Method: "lexicon"}, {Start: 40, End: 44, Sentence: 2, Surface: "Mr X", Method: "coreference"}}}},
	}
	if err := s.Apply(ctx, []graph.Document{d}); err != nil {
		t.Fatal(err)
	}
	dr, err := driver.NewDriverWithContext(uri, driver.BasicAuth(cfg.Username, cfg.Password, ""))
	if err != nil {
		t.Fatal(err)
	}
	defer dr.Close(ctx)
	res, err := driver.ExecuteQuery(ctx, dr, `MATCH (:Article {id: 'a1'})-[m:MENTIONS]->(:Entity {id: 'x'})
RETURN m.starts AS starts, m.ends AS ends, m.spanSentences AS sentences, m.spanSurfaces AS surfaces, m.methods AS methods`,
		nil, driver.EagerResultTransformer)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Records) != 1 {
		t.Fatalf("%d MENTIONS relationships, want 1", len(res.Records))
	}
	got := fmt.Sprint(res.Records[0].Values)
	if want := "[[0 40] [1 44] [0 2] [X Mr X] [lexicon coreference]]"; got != want {
		t.Errorf("MENTIONS span properties %s, want %s", got, want)
	}
}

// TestRelationProperties checks how relations are kept: a relationship of
// their type between subject and object, or from the speaker to the article
// for STATEMENT, with offsets as [start, end] lists, and an index on article
// for every type.
func TestRelationProperties(t *testing.T) {
	s, uri, cfg := openServer(t)
	ctx := context.Background()
	published := time.Date(2021, 7, 11, 0, 0, 0, 0, time.UTC)
	d := graph.Document{
		Article:  graph.Article{ID: "a1", Hash: "h", Published: published},
		Entities: []graph.Entity{{ID: "x", Type: graph.Person, Name: "X"}, {ID: "y", Type: graph.Person, Name: "Y"}},
		Mentions: []graph.Mention{{EntityID: "x", Count: 1, Sentences: []int{1}}, {EntityID: "y", Count: 1, Sentences: []int{1}}},
		Relations: []graph.Relation{
			{Type: graph.Meets, Subject: "x", Object: "y", Directed: true, Sentence: 1, Text: "X met Y", TextStart: 10,
				Trigger: graph.Offsets{Start: 12, End: 15}, SubjectSpan: graph.Offsets{Start: 10, End: 11}, ObjectSpan: graph.Offsets{Start: 16, End: 17}},
			{Type: graph.Statement, Subject: "y", Negated: true, Sentence: 2, Text: "Y denied", TextStart: 20,
				Trigger: graph.Offsets{Start: 22, End: 28}, SubjectSpan: graph.Offsets{Start: 20, End: 21}},
		},
	}
	if err := s.Apply(ctx, []graph.Document{d}); err != nil {
		t.Fatal(err)
	}
	dr, err := driver.NewDriverWithContext(uri, driver.BasicAuth(cfg.Username, cfg.Password, ""))
	if err != nil {
		t.Fatal(err)
	}
	defer dr.Close(ctx)
	res, err := driver.ExecuteQuery(ctx, dr, `MATCH (s)-[r:MEETS|STATEMENT]->(o)
RETURN type(r) AS type, s.id AS s, labels(o)[0] AS label, o.id AS o, r.article AS article, r.seq AS seq, r.sentence AS sentence,
       r.text AS text, r.textStart AS textStart, r.trigger AS trigger, r.subjectSpan AS subjectSpan, r.objectSpan AS objectSpan,
       r.directed AS directed, r.negated AS negated, r.published AS published
ORDER BY seq`, nil, driver.EagerResultTransformer)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range res.Records {
		v := r.Values
		v[len(v)-1] = day(v[len(v)-1])
		got = append(got, fmt.Sprint(v))
	}
	want := []string{
		"[MEETS x Entity y a1 0 1 X met Y 10 [12 15] [10 11] [16 17] true false 2021-07-11]",
		"[STATEMENT y Article a1 a1 1 2 Y denied 20 [22 28] [20 21] [0 0] false true 2021-07-11]",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("relationships\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	res, err = driver.ExecuteQuery(ctx, dr, `SHOW INDEXES YIELD name, entityType, labelsOrTypes, properties
WHERE entityType = 'RELATIONSHIP' RETURN labelsOrTypes[0] AS type, properties`, nil, driver.EagerResultTransformer)
	if err != nil {
		t.Fatal(err)
	}
	indexed := map[string]bool{}
	for _, r := range res.Records {
		typ, _ := r.Get("type")
		props, _ := r.Get("properties")
		if fmt.Sprint(props) == "[article]" {
			indexed[typ.(string)] = true
		}
	}
	for _, typ := range graph.RelationTypes {
		if !indexed[string(typ)] {
			t.Errorf("no index on %s.article", typ)
		}
	}
}

// openServer opens a store on the emptied test server, closed when t ends,
// and returns the server's address and credentials for direct queries.
func openServer(t *testing.T) (*neo4j.Store, string, neo4j.Config) {
	t.Helper()
	uri, cfg := neo4jtest.Server(t)
	s, err := neo4j.Open(context.Background(), uri, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, uri, cfg
}
