package storetest

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
)

// statsLine prints Stats on one line, maps in key order:
// "articles=N undated=N first..last langs=[k:n] sources=[k:n] relations=[T:n] negated=[T:n]".
func statsLine(st *graph.Stats) string {
	counts := func(m map[string]int) string {
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		parts := make([]string, len(keys))
		for i, k := range keys {
			parts[i] = fmt.Sprintf("%s:%d", k, m[k])
		}
		return "[" + strings.Join(parts, " ") + "]"
	}
	typed := func(m map[graph.RelationType]int) string {
		s := make(map[string]int, len(m))
		for k, v := range m {
			s[string(k)] = v
		}
		return counts(s)
	}
	if st.Langs == nil || st.Sources == nil || st.Relations == nil || st.Negated == nil {
		return "Stats with a nil map"
	}
	return fmt.Sprintf("articles=%d undated=%d %s..%s langs=%s sources=%s relations=%s negated=%s",
		st.Articles, st.Undated, date(st.First), date(st.Last), counts(st.Langs), counts(st.Sources),
		typed(st.Relations), typed(st.Negated))
}

func stats(t *testing.T, s graph.Store, f graph.Filter) string {
	t.Helper()
	st, err := s.Stats(context.Background(), f)
	if err != nil {
		t.Fatalf("Stats(%+v): %v", f, err)
	}
	return statsLine(st)
}

// testStats counts edgeFixture's articles and relations by hand, plus e4:
// undated, with neither language nor source. Filters other than dates,
// languages and sources are ignored.
func testStats(t *testing.T, o Opener) {
	s := open(t, o)
	e4 := docWith("e4", "", "", "", []graph.Entity{raisi}, mention(raisi.ID, "lexicon:Raisi@0"))
	apply(t, s, append(edgeFixture(), e4)...)
	all := "articles=5 undated=2 2021-07-11..2021-09-01 langs=[:1 ar:2 en:2] sources=[:1 jazeera:2 reuters:2] " +
		"relations=[ATTACKS:1 CRITICIZES:1 DISCUSSES:1 MEETS:2 STATEMENT:2 SUPPORTS:1 VISITS:1] negated=[ATTACKS:1]"
	for _, tc := range []struct {
		name string
		f    graph.Filter
		want string
	}{
		{"everything", graph.Filter{}, all},
		{"types, edges and relations are ignored",
			graph.Filter{Types: []graph.EntityType{graph.Location}, Edges: graph.TypedEdges, Relations: []graph.RelationType{graph.Meets}}, all},
		{"since drops undated", graph.Filter{Since: day("2021-08-01")},
			"articles=2 undated=0 2021-09-01..2021-09-01 langs=[en:2] sources=[reuters:2] relations=[CRITICIZES:1 STATEMENT:1 VISITS:1] negated=[]"},
		{"until is exclusive", graph.Filter{Until: day("2021-09-01")},
			"articles=1 undated=0 2021-07-11..2021-07-11 langs=[ar:1] sources=[jazeera:1] relations=[ATTACKS:1 DISCUSSES:1 MEETS:1 STATEMENT:1] negated=[ATTACKS:1]"},
		{"langs", graph.Filter{Langs: []string{"ar"}},
			"articles=2 undated=1 2021-07-11..2021-07-11 langs=[ar:2] sources=[jazeera:2] relations=[ATTACKS:1 DISCUSSES:1 MEETS:2 STATEMENT:1 SUPPORTS:1] negated=[ATTACKS:1]"},
		{"sources", graph.Filter{Sources: []string{"reuters", "nobody"}},
			"articles=2 undated=0 2021-09-01..2021-09-01 langs=[en:2] sources=[reuters:2] relations=[CRITICIZES:1 STATEMENT:1 VISITS:1] negated=[]"},
		{"nothing matches", graph.Filter{Sources: []string{"nobody"}},
			"articles=0 undated=0 ?..? langs=[] sources=[] relations=[] negated=[]"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := stats(t, s, tc.f); got != tc.want {
				t.Errorf("Stats:\ngot  %s\nwant %s", got, tc.want)
			}
			// CountArticles: the same articles, nothing else.
			ac, ok := s.(graph.ArticleCounter)
			if !ok {
				return
			}
			st, err := ac.CountArticles(context.Background(), tc.f)
			if err != nil {
				t.Fatal(err)
			}
			want := tc.want[:strings.Index(tc.want, " langs=")] + " langs=[] sources=[] relations=[] negated=[]"
			if got := statsLine(st); got != want {
				t.Errorf("CountArticles:\ngot  %s\nwant %s", got, want)
			}
		})
	}
	// Deleting an article takes its counts and relations with it.
	if err := s.Delete(context.Background(), []string{"e1"}); err != nil {
		t.Fatal(err)
	}
	want := "articles=4 undated=2 2021-09-01..2021-09-01 langs=[:1 ar:1 en:2] sources=[:1 jazeera:1 reuters:2] " +
		"relations=[CRITICIZES:1 MEETS:1 STATEMENT:1 SUPPORTS:1 VISITS:1] negated=[]"
	if got := stats(t, s, graph.Filter{}); got != want {
		t.Errorf("Stats after deleting e1:\ngot  %s\nwant %s", got, want)
	}
}
