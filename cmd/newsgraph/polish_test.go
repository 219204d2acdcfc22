package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/query"
	"github.com/newsgraph/newsgraph/query/draw"
)

// undatedStore returns an SQLite store of four articles naming Biden and
// the United States: two dated 2021-07-26 and 2021-08-02, two undated.
func undatedStore(t *testing.T) graph.Store {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "g.db")
	s, err := graph.Open(ctx, path, backends(globalOptions{}))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	ents := []graph.Entity{
		{ID: "joe-biden", Type: graph.Person, Name: "Joe Biden"},
		{ID: "united-states", Type: graph.Location, Name: "United States"},
	}
	var docs []graph.Document
	for i, date := range []string{"2021-07-26", "", "2021-08-02", ""} {
		a := graph.Article{ID: "a" + string(rune('1'+i)), Title: "t", Lang: "en", Hash: "h" + string(rune('1'+i))}
		if date != "" {
			a.Published, _ = time.Parse("2006-01-02", date)
		}
		docs = append(docs, graph.Document{Article: a, Entities: ents, Mentions: []graph.Mention{
			{EntityID: "joe-biden", Count: 1, Sentences: []int{0}}, {EntityID: "united-states", Count: 1, Sentences: []int{1}}}})
	}
	if err := s.Apply(ctx, docs); err != nil {
		t.Fatal(err)
	}
	return s
}

func TestDateNote(t *testing.T) {
	s := undatedStore(t)
	day := func(d string) time.Time { v, _ := time.Parse("2006-01-02", d); return v }
	for _, tc := range []struct {
		name string
		f    graph.Filter
		want string
	}{
		{"no dates, no note", graph.Filter{}, ""},
		{"undated dropped", graph.Filter{Since: day("2021-01-01")}, "--since 2021-01-01 leaves out the 2 undated articles of 4"},
		{"nothing passes", graph.Filter{Since: day("2022-01-01")},
			"no article passes --since 2022-01-01: 2 of 4 articles are undated; drop --since/--until to see them"},
		{"both bounds", graph.Filter{Since: day("2021-07-27"), Until: day("2021-08-01")},
			"no article passes --since 2021-07-27 --until 2021-08-01: 2 of 4 articles are undated; drop --since/--until to see them"},
		{"languages first", graph.Filter{Since: day("2021-01-01"), Langs: []string{"ar"}},
			"no article passes --since 2021-01-01: there are none to filter"},
	} {
		got, err := dateNote(context.Background(), s, tc.f)
		if err != nil || got != tc.want {
			t.Errorf("%s: dateNote = %q, %v; want %q", tc.name, got, err, tc.want)
		}
	}
}

func TestPreferSentences(t *testing.T) {
	d := time.Date(2021, 7, 26, 0, 0, 0, 0, time.UTC)
	ev := func(id string, date time.Time, sentence string) graph.Evidence {
		return graph.Evidence{ArticleID: id, Published: date, Sentence: sentence}
	}
	// In the store's order: newest first, undated last, ties by ID.
	in := []graph.Evidence{
		ev("a", d.AddDate(0, 0, 1), ""), ev("b", d, ""), ev("c", d, "Biden spoke of the US."),
		ev("d", time.Time{}, ""), ev("e", time.Time{}, ""), ev("f", time.Time{}, "Biden in the US."),
	}
	for _, tc := range []struct {
		limit int
		want  string
	}{
		{6, "a c b f d e"}, // dates keep their order; within one, the sentence first
		{2, "a c"},
		{10, "a c b f d e"},
	} {
		var got []string
		for _, e := range preferSentences(in, tc.limit) {
			got = append(got, e.ArticleID)
		}
		if strings.Join(got, " ") != tc.want {
			t.Errorf("preferSentences(limit %d) = %v, want %s", tc.limit, got, tc.want)
		}
	}
}

func TestSomeInputExists(t *testing.T) {
	dir := t.TempDir()
	there := filepath.Join(dir, "there.jsonl")
	os.WriteFile(there, nil, 0o644)
	missing := filepath.Join(dir, "missing.jsonl")
	for _, tc := range []struct {
		paths []string
		err   string // in the error; "" for none
	}{
		{[]string{there}, ""},
		{[]string{missing, there}, ""}, // the missing one is reported while reading
		{[]string{"-"}, ""},
		{[]string{"https://example.org/rss.xml"}, ""},
		{[]string{missing}, "missing.jsonl does not exist (nothing was created)"},
		{[]string{missing, missing + "2"}, "do not exist"},
	} {
		err := someInputExists(tc.paths)
		switch {
		case tc.err == "" && err != nil:
			t.Errorf("someInputExists(%q) = %v, want nil", tc.paths, err)
		case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
			t.Errorf("someInputExists(%q) = %v, want an error with %q", tc.paths, err, tc.err)
		}
	}
}

// TestIngestMissingCreatesNothing is the one end-to-end case: a missing
// input fails before the store exists.
func TestIngestMissingCreatesNothing(t *testing.T) {
	dir := t.TempDir()
	ng(t, dir, 1, "ingest", "missing.jsonl")
	if _, err := os.Stat(filepath.Join(dir, "graph.db")); !os.IsNotExist(err) {
		t.Errorf("ingest of a missing file left a store behind: %v", err)
	}
}

func TestLeftOut(t *testing.T) {
	e := graph.Entity{ID: "joe-biden", Name: "Joe Biden", Type: graph.Person}
	since := time.Date(2022, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		opts queryOptions
		want string
	}{
		{queryOptions{filter: graph.Filter{Since: since}}, "Joe Biden has no article within --since 2022-01-01"},
		{queryOptions{filter: graph.Filter{Langs: []string{"ar"}, Sources: []string{"bbc"}}}, "Joe Biden has no article within --lang ar --source bbc"},
		{queryOptions{filter: graph.Filter{Types: []graph.EntityType{graph.Location}}}, "Joe Biden is a person, which --type leaves out"},
		// The type says it even with an article filter (the break-it pass
		// of issue 16 got "no article within --since 1900-01-01").
		{queryOptions{filter: graph.Filter{Since: since, Types: []graph.EntityType{graph.Location}}}, "Joe Biden is a person, which --type leaves out"},
		{queryOptions{narrow: query.Narrowing{Kinds: []string{"country"}}}, `Joe Biden is of kind "", which --kind leaves out`},
	} {
		if got := leftOut(e, tc.opts); got != tc.want {
			t.Errorf("leftOut(%+v) = %q, want %q", tc.opts.filter, got, tc.want)
		}
	}
}

// The help states the picture limit draw enforces.
func TestNeighborsHelpStatesMaxNodes(t *testing.T) {
	want := fmt.Sprintf("at most %d entities", draw.MaxNodes)
	if d := neighborsCommand().Description; !strings.Contains(d, want) {
		t.Errorf("query neighbors --help does not say %q", want)
	}
}
