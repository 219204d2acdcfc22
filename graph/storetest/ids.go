package storetest

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
)

// testTexts checks that a store keeps each article's text fingerprint,
// follows rewrites and deletes, and leaves out articles without one.
func testTexts(t *testing.T, o Opener) {
	ctx := context.Background()
	s := open(t, o)
	tl := capability[graph.TextLister](t, s)
	a, b, c := doc("a", "2021-07-01", "ar", "s", kadhimi), doc("b", "", "en", "s", biden), doc("c", "", "en", "s", iraq)
	a.Article.Text, b.Article.Text = "text-1", "text-2" // c has none: stored before stores kept them
	apply(t, s, a, b, c)
	a.Article.Text = "text-3" // a's text changed
	apply(t, s, a)
	got, err := tl.Texts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if want := map[string]string{"a": "text-3", "b": "text-2"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Texts() = %v, want %v", got, want)
	}
	if err := s.Delete(ctx, []string{"b"}); err != nil {
		t.Fatal(err)
	}
	if got, _ := tl.Texts(ctx); !reflect.DeepEqual(got, map[string]string{"a": "text-3"}) {
		t.Errorf("after deleting b: Texts() = %v", got)
	}
}

// testLongIDs checks that an article with a ~10 KB URL as its ID and an
// entity with a ~10 KB ID, capped with graph.CapID as ingest caps them, are
// stored and found like any other; and that a batch holding an uncapped
// one either is stored whole or fails with graph.ErrRejected, writing
// nothing, so that the caller can write its documents one by one.
func testLongIDs(t *testing.T, o Opener) {
	ctx := context.Background()
	s := open(t, o)
	longURL := "https://a.example.org/search?q=" + strings.Repeat("x", 10_000)
	token := graph.Entity{ID: "org-" + strings.Repeat("ب", 5_000), Type: graph.Organization, Name: strings.Repeat("ب", 5_000)}
	long := doc(longURL, "2021-07-12", "en", "t", kadhimi, token)
	long.Article.URL = longURL
	long.CapIDs()
	if len(long.Article.ID) > graph.MaxIDBytes || len(long.Entities[1].ID) > graph.MaxIDBytes {
		t.Fatalf("capped IDs of %d and %d bytes", len(long.Article.ID), len(long.Entities[1].ID))
	}
	apply(t, s, doc("ok1", "2021-07-12", "en", "t", kadhimi), long, doc("ok2", "2021-07-12", "en", "t", biden))
	fps, err := s.Fingerprints(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := fps[long.Article.ID]; !ok || len(fps) != 3 {
		t.Errorf("Fingerprints() holds %d articles, the capped one %v; want 3, true", len(fps), ok)
	}
	ev, err := s.Evidence(ctx, kadhimi.ID, long.Entities[1].ID, graph.Filter{}, 10)
	if err != nil || len(ev) != 1 || ev[0].ArticleID != long.Article.ID || ev[0].URL != longURL {
		t.Errorf("evidence of the long article: %d, %v; want it, with its whole URL", len(ev), err)
	}
	if p, err := s.Entity(ctx, long.Entities[1].ID, graph.Filter{}); err != nil || p.Articles != 1 {
		t.Errorf("profile of the capped entity: %+v, %v", p, err)
	}

	// Uncapped: stored, or rejected as a whole.
	before := snap(t, s)
	raw := doc(longURL+"&raw", "2021-07-12", "en", "t", raisi)
	err = s.Apply(ctx, []graph.Document{doc("ok3", "2021-07-12", "en", "t", raisi), raw})
	switch {
	case err == nil:
		fps, _ := s.Fingerprints(ctx)
		if _, ok := fps[raw.Article.ID]; !ok {
			t.Errorf("Apply of an uncapped ID succeeded but did not store it")
		}
	case errors.Is(err, graph.ErrRejected):
		assertSame(t, snap(t, s), before, "after a rejected batch")
		apply(t, s, doc("ok3", "2021-07-12", "en", "t", raisi)) // the rest, alone, is written
	default:
		t.Errorf("Apply of an uncapped 10 KB ID: %v, want success or graph.ErrRejected", err)
	}
}

// testArticleIndex checks that a graph.ArticleIndexer lists exactly what
// Fingerprints, Inputs and Texts give, after rewrites and deletes; a store
// without one is skipped (ingest then reads the three).
func testArticleIndex(t *testing.T, o Opener) {
	ctx := context.Background()
	s := open(t, o)
	ix, ok := s.(graph.ArticleIndexer)
	if !ok {
		t.Skipf("%T is no graph.ArticleIndexer", s)
	}
	a, b, c := doc("a", "2021-07-01", "ar", "s", kadhimi), doc("b", "", "en", "s", biden), doc("c", "", "en", "s", iraq)
	a.Article.Text, b.Article.Text = "text-1", "text-2" // c has none
	a.Article.Input, b.Article.Input = "/corpus/one.jsonl", "/corpus/one.jsonl"
	apply(t, s, a, b, c)
	a.Article.Text, a.Article.Input, a.Article.Hash = "text-3", "https://example.org/feed.xml", "h-3"
	apply(t, s, a)
	if err := s.Delete(ctx, []string{"b"}); err != nil {
		t.Fatal(err)
	}
	type row struct{ hash, input, text string }
	got := map[string]row{}
	if err := ix.ArticleIndex(ctx, func(id, hash, input, text string) {
		if _, twice := got[id]; twice {
			t.Errorf("ArticleIndex visited %s twice", id)
		}
		got[id] = row{hash, input, text}
	}); err != nil {
		t.Fatal(err)
	}
	fps, err := s.Fingerprints(ctx)
	if err != nil {
		t.Fatal(err)
	}
	inputs, err := capability[graph.InputLister](t, s).Inputs(ctx)
	if err != nil {
		t.Fatal(err)
	}
	texts, err := capability[graph.TextLister](t, s).Texts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]row{}
	for id, h := range fps {
		want[id] = row{h, inputs[id], texts[id]}
	}
	if len(want) != 2 || want["a"].text != "text-3" || want["a"].input != "https://example.org/feed.xml" || want["c"].text != "" {
		t.Fatalf("Fingerprints, Inputs and Texts give %v; want a (rewritten) and c (no text)", want)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("ArticleIndex gives %v, want %v", got, want)
	}
}
