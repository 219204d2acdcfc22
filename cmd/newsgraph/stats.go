package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/query"
)

// How many sources and kinds stats lists.
const (
	statsSources = 20
	statsKinds   = 10
)

type statsOptions struct {
	globalOptions
	filter graph.Filter // dates, languages and sources
	format string
	stdout io.Writer
}

func statsCommand() *cli.Command {
	return &cli.Command{
		Name:  "stats",
		Usage: "how big the graph is: articles by language, source and date, entities by type and kind, edges, relations",
		Description: fmt.Sprintf(`Counts what the store holds, within the filters: articles (and how many are undated,
the first and last publication dates), articles by language and by source (the %d
biggest), the entities they mention by type and by kind (the %d commonest), the
co-mention edges at the article and the sentence level, and the typed relations they
state by type (and how many of them are denied).

   newsgraph stats
   newsgraph stats --since 2022-01-01 --lang ar --format json

csv prints one row per count: section, key, value.`, statsSources, statsKinds),
		Flags: append([]cli.Flag{
			formatFlag(),
		}, articleFlags()...),
		OnUsageError: onUsageError,
		Action: func(c *cli.Context) error {
			if err := noArgs(c, "stats", ""); err != nil {
				return err
			}
			f, format, err := parseArticleQuery(c)
			if err != nil {
				return err
			}
			return runStats(c.Context, statsOptions{globalOptions: globals(c), filter: f, format: format, stdout: c.App.Writer})
		},
	}
}

// statsSection is one part of the stats: a table of keys and counts.
type statsSection struct {
	name  string // csv section and json key
	title string // table heading
	res   *result
}

func runStats(ctx context.Context, opts statsOptions) error {
	defer limitMemory(ctx, wholeGraphMemory)()
	store, err := openReadStore(ctx, opts.globalOptions)
	if err != nil {
		return err
	}
	defer store.Close()
	// The store's counts of articles and relations, and the graph's: one
	// article-level projection gives the entities and both co-mention
	// levels (an article edge counts the sentences naming both ends). Both
	// are computed once per write generation (cached).
	sc, err := cached(ctx, store, "stats", opts.filter, func() (statsCounts, error) {
		st, err := store.Stats(ctx, opts.filter)
		if err != nil {
			return statsCounts{}, err
		}
		pc, err := query.CountPairs(ctx, store, opts.filter)
		if err != nil {
			return statsCounts{}, err
		}
		return statsCounts{Store: st, Graph: countGraph(pc)}, nil
	})
	if err != nil {
		return err
	}
	secs := statsSections(sc.Store, sc.Graph)
	switch opts.format {
	case formatJSON:
		return writeStatsJSON(opts.stdout, secs)
	case formatCSV:
		return statsCSV(secs).write(opts.stdout, formatCSV)
	}
	for i, s := range secs {
		sep := "\n"
		if i == 0 {
			sep = ""
		}
		if opts.format == formatMD {
			fmt.Fprintf(opts.stdout, "%s### %s\n\n", sep, s.title)
		} else {
			fmt.Fprintf(opts.stdout, "%s%s\n", sep, s.title)
		}
		if err := s.res.write(opts.stdout, opts.format); err != nil {
			return err
		}
	}
	return nil
}

// statsCounts is what runStats computes and caches.
type statsCounts struct {
	Store *graph.Stats
	Graph graphCounts
}

// graphCounts are the counts stats reads off a projection.
type graphCounts struct {
	Entities, ArticleEdges, SentenceEdges int
	ByType, ByKind                        map[string]int // entities by type and by kind ("" for none)
}

func countGraph(pc query.PairCounts) graphCounts {
	gc := graphCounts{Entities: len(pc.Entities), ArticleEdges: pc.Pairs, SentenceEdges: pc.SentencePairs,
		ByType: map[string]int{}, ByKind: map[string]int{}}
	for _, e := range pc.Entities {
		gc.ByType[string(e.Type)]++
		gc.ByKind[e.Kind]++
	}
	return gc
}

// statsSections lays the counts out as tables, in a fixed order.
func statsSections(st *graph.Stats, gc graphCounts) []statsSection {
	relations, denied := 0, 0
	for _, t := range graph.RelationTypes {
		relations += st.Relations[t]
		denied += st.Negated[t]
	}
	keyed := func(key, count string) []column {
		return []column{{name: key, title: strings.ToUpper(key)}, {name: count, title: strings.ToUpper(count), number: true}}
	}
	overview := &result{columns: keyed("count", "value")}
	overview.columns[0].title, overview.columns[1].title = "WHAT", "COUNT"
	for _, kv := range []struct {
		k string
		v any
	}{
		{"articles", st.Articles}, {"undated_articles", st.Undated},
		{"first_published", dateCell(st.First)}, {"last_published", dateCell(st.Last)},
		{"languages", len(st.Langs)}, {"sources", len(st.Sources)},
		{"entities", gc.Entities},
		{"article_edges", gc.ArticleEdges}, {"sentence_edges", gc.SentenceEdges},
		{"relations", relations}, {"denied_relations", denied},
	} {
		overview.rows = append(overview.rows, []any{kv.k, kv.v})
	}

	langs := &result{columns: keyed("lang", "articles")}
	for _, kv := range ranked(st.Langs, 0) {
		langs.rows = append(langs.rows, []any{orNone(kv.key, "unknown"), kv.n})
	}
	sources := &result{columns: keyed("source", "articles")}
	for _, kv := range ranked(st.Sources, statsSources) {
		sources.rows = append(sources.rows, []any{orNone(kv.key, "(none)"), kv.n})
	}
	byType, byKind := gc.ByType, gc.ByKind
	types := &result{columns: keyed("type", "entities")}
	for _, t := range []graph.EntityType{graph.Person, graph.Organization, graph.Location} {
		types.rows = append(types.rows, []any{string(t), byType[string(t)]})
	}
	kinds := &result{columns: keyed("kind", "entities")}
	for _, kv := range ranked(byKind, statsKinds) {
		kinds.rows = append(kinds.rows, []any{orNone(kv.key, "(none)"), kv.n})
	}
	rels := &result{columns: append(keyed("type", "relations"), column{name: "denied", title: "DENIED", number: true})}
	for _, t := range graph.RelationTypes {
		rels.rows = append(rels.rows, []any{strings.ToLower(string(t)), st.Relations[t], st.Negated[t]})
	}
	return []statsSection{
		{"overview", "Overview", overview},
		{"articles_by_language", "Articles by language", langs},
		{"articles_by_source", fmt.Sprintf("Articles by source (top %d)", statsSources), sources},
		{"entities_by_type", "Entities by type", types},
		{"entities_by_kind", fmt.Sprintf("Entities by kind (top %d)", statsKinds), kinds},
		{"relations_by_type", "Typed relations by type", rels},
	}
}

type keyCount struct {
	key string
	n   int
}

// ranked lists a map's counts, biggest first, ties by key; at most top of
// them unless top is 0.
func ranked(m map[string]int, top int) []keyCount {
	out := make([]keyCount, 0, len(m))
	for k, n := range m {
		out = append(out, keyCount{k, n})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].n != out[j].n {
			return out[i].n > out[j].n
		}
		return out[i].key < out[j].key
	})
	if top > 0 && len(out) > top {
		out = out[:top]
	}
	return out
}

func orNone(s, none string) string {
	if s == "" {
		return none
	}
	return s
}

// statsCSV flattens the sections into rows of section, key, value; the
// denied relations of each type are a section of their own.
func statsCSV(secs []statsSection) *result {
	out := &result{columns: []column{{name: "section"}, {name: "key"}, {name: "value"}}}
	var denied [][]any
	for _, s := range secs {
		for _, row := range s.res.rows {
			out.rows = append(out.rows, []any{s.name, row[0], row[1]})
			if len(row) > 2 {
				denied = append(denied, []any{"denied_relations_by_type", row[0], row[2]})
			}
		}
	}
	out.rows = append(out.rows, denied...)
	return out
}

// writeStatsJSON writes one object: the overview's counts as fields, then
// every other section as an array of objects keyed by its column names.
func writeStatsJSON(w io.Writer, secs []statsSection) error {
	var b strings.Builder
	b.WriteString("{")
	for _, row := range secs[0].res.rows {
		k, _ := json.Marshal(row[0])
		v, _ := json.Marshal(row[1])
		fmt.Fprintf(&b, "\n  %s: %s,", k, v)
	}
	for i, s := range secs[1:] {
		fmt.Fprintf(&b, "\n  %q: [", s.name)
		for j, row := range s.res.rows {
			if j > 0 {
				b.WriteString(",")
			}
			b.WriteString("\n    {")
			if err := s.res.writeJSONObject(&b, row); err != nil {
				return err
			}
		}
		if len(s.res.rows) > 0 {
			b.WriteString("\n  ")
		}
		b.WriteString("]")
		if i < len(secs)-2 {
			b.WriteString(",")
		}
	}
	b.WriteString("\n}\n")
	_, err := io.WriteString(w, b.String())
	return err
}
