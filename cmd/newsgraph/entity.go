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

type entityOptions struct {
	queryOptions
	name string
}

// otherParty is the other party of a profile's relation: its entity
// (zero for STATEMENT, which has none) and the newest relation stating it.
type otherParty struct {
	query.RelationSummary
	Entity graph.Entity
}

func entityCommand() *cli.Command {
	return &cli.Command{
		Name:      "entity",
		Usage:     "profile one actor or place: names, counts, how it was found, who appears beside it",
		ArgsUsage: "NAME",
		Description: `Shows what the graph knows of one entity: its names in both scripts, type, Wikidata
ID and aliases; how many articles mention it and how many times, and the dates of the
first and last; how its mentions were found (lexicon: by name or alias; adjective: a
nationality adjective such as العراقي; role: a title such as "Iraqi prime minister",
resolved by the article's date; coreference: a surname after the full name; rule: a
name the lexicon lacks, from the words around it); the spellings used most; and the
entities co-mentioned with it in the most articles.

NAME is a name or alias in either script, or an entity ID, looked up as query path
looks names up:

   newsgraph query entity Kadhimi
   newsgraph query entity الكاظمي --since 2021-07-01 --format json
   newsgraph query entity Iraq --type person        # neighbours: people only

--since and --until narrow the articles counted; --type and --kind narrow the neighbours
listed, --min-weight drops those named with it in fewer than N articles. csv prints one
row of the counts; json adds the surfaces, neighbours and relations; markdown is the table
as markdown. The typed relations name the other party and quote the newest article
stating each (date, source, URL or ID, sentence); --wide adds the other party's ID.

Exit status: 4 when NAME matches nothing (close matches are suggested), 5 when it
matches several entities (their IDs are listed).`,
		Flags: append([]cli.Flag{formatFlag(),
			&cli.BoolFlag{Name: "wide", Usage: "show the IDs of related entities in tables and markdown"},
		}, filterFlags()...),
		OnUsageError: onUsageError,
		Action: func(c *cli.Context) error {
			name, err := nameArg(c, "entity")
			if err != nil {
				return err
			}
			q, err := parseQueryOptions(c)
			if err != nil {
				return err
			}
			return runEntity(c.Context, entityOptions{queryOptions: q, name: name})
		},
	}
}

func runEntity(ctx context.Context, opts entityOptions) error {
	store, err := openReadStore(ctx, opts.globalOptions)
	if err != nil {
		return err
	}
	defer store.Close()
	e, err := resolveName(ctx, store, opts.name, opts.filter, opts.narrow)
	if err != nil {
		return err
	}
	prof, err := store.Entity(ctx, e.ID, opts.filter)
	if err != nil {
		return err
	}
	if err := narrowNeighbors(ctx, store, prof, opts.queryOptions); err != nil {
		return err
	}
	rels, err := store.Relations(ctx, e.ID, opts.filter)
	if err != nil {
		return err
	}
	summaries := query.Relations(e.ID, rels)
	if len(summaries) > profileRelations {
		summaries = summaries[:profileRelations]
	}
	top := make([]otherParty, len(summaries))
	for i, s := range summaries {
		top[i].RelationSummary = s
		if s.Other == "" {
			continue
		}
		ents, err := store.Resolve(ctx, s.Other)
		if err != nil {
			return err
		}
		top[i].Entity = graph.Entity{ID: s.Other}
		for _, x := range ents {
			if x.ID == s.Other {
				top[i].Entity = x
			}
		}
	}
	resolved := resolvedOf(opts.name, e)
	announceResolved(opts.queryOptions, true, resolved)
	if err := announceMerged(ctx, opts.queryOptions, store, e.ID); err != nil {
		return err
	}
	switch opts.format {
	case formatJSON:
		return writeEntityJSON(opts.stdout, prof, top, resolved)
	case formatCSV:
		return entityRow(prof).write(opts.stdout, formatCSV)
	}
	return writeEntityTable(opts.stdout, prof, top, opts.format, opts.view)
}

// profileRelations is how many typed relations a profile lists.
const profileRelations = 10

// narrowNeighbors applies --kind and --min-weight to a profile's
// neighbours. The store lists the strongest ProfileNeighbors only, so
// --min-weight, which drops the weakest, can cut that list; --kind cannot,
// and reads the neighbours off the article-level neighbourhood instead.
func narrowNeighbors(ctx context.Context, store graph.Store, prof *graph.EntityProfile, opts queryOptions) error {
	if len(opts.narrow.Kinds) > 0 {
		f := opts.filter
		f.Types, f.Edges, f.Relations = nil, graph.ArticleEdges, nil
		p, err := links(ctx, store, []string{prof.ID}, queryOptions{filter: f})
		if err != nil {
			return err
		}
		prof.Neighbors = prof.Neighbors[:0]
		for _, n := range query.Neighbors(p, prof.ID) {
			e := n.Entity
			if (len(opts.filter.Types) == 0 || hasType(opts.filter.Types, e.Type)) && opts.narrow.KindMatches(e.Kind) {
				prof.Neighbors = append(prof.Neighbors, graph.Neighbor{ID: e.ID, Type: e.Type, Name: e.Name, NameAr: e.NameAr, Articles: n.Articles})
			}
		}
		graph.SortProfile(prof)
	}
	kept := prof.Neighbors[:0]
	for _, n := range prof.Neighbors {
		if n.Articles >= opts.narrow.MinWeight {
			kept = append(kept, n)
		}
	}
	prof.Neighbors = kept
	return nil
}

// methodOrder lists a profile's methods, most mentions first, ties by name.
func methodOrder(m map[string]int) []string {
	names := make([]string, 0, len(m))
	for k := range m {
		names = append(names, k)
	}
	sort.Slice(names, func(i, j int) bool {
		if m[names[i]] != m[names[j]] {
			return m[names[i]] > m[names[j]]
		}
		return names[i] < names[j]
	})
	return names
}

func methodList(m map[string]int, sep string) string {
	parts := make([]string, 0, len(m))
	for _, k := range methodOrder(m) {
		parts = append(parts, fmt.Sprintf("%s %d", k, m[k]))
	}
	return strings.Join(parts, sep)
}

func dateOrEmpty(p *graph.EntityProfile, last bool) string {
	t := p.First
	if last {
		t = p.Last
	}
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

// entityRow is the profile's scalar fields as one row, for csv.
func entityRow(p *graph.EntityProfile) *result {
	methods := make([]string, 0, len(p.Methods))
	for _, k := range methodOrder(p.Methods) {
		methods = append(methods, fmt.Sprintf("%s=%d", k, p.Methods[k]))
	}
	return &result{
		columns: []column{
			{name: "id"}, {name: "name"}, {name: "name_ar"}, {name: "type"}, {name: "kind"}, {name: "wikidata"},
			{name: "aliases"}, {name: "articles", number: true}, {name: "mentions", number: true},
			{name: "first"}, {name: "last"}, {name: "methods"},
		},
		rows: [][]any{{p.ID, p.Name, p.NameAr, string(p.Type), p.Kind, p.Wikidata,
			strings.Join(p.Aliases, "|"), p.Articles, p.Mentions,
			dateOrEmpty(p, false), dateOrEmpty(p, true), strings.Join(methods, ";")}},
	}
}

// writeEntityTable writes the profile for people: as a terminal table, or
// as markdown (format formatMD).
func writeEntityTable(w io.Writer, p *graph.EntityProfile, rels []otherParty, format string, v view) error {
	md := format == formatMD
	var b strings.Builder
	if md {
		b.WriteString("| FIELD | VALUE |\n|---|---|\n")
	}
	field := func(k, v string) {
		switch {
		case v == "":
		case md:
			fmt.Fprintf(&b, "| %s | %s |\n", k, markdownCell(v))
		default:
			fmt.Fprintf(&b, "%-12s %s\n", k+":", v)
		}
	}
	heading := func(s string) string {
		if md {
			return "\n" + s + "\n\n"
		}
		return "\n" + s + "\n"
	}
	typ := string(p.Type)
	if p.Kind != "" {
		typ += " (" + p.Kind + ")"
	}
	field("name", p.Name)
	field("arabic", p.NameAr)
	field("id", p.ID)
	field("type", typ)
	field("wikidata", p.Wikidata)
	field("part of", p.Parent)
	field("aliases", strings.Join(p.Aliases, " · "))
	field("articles", fmt.Sprint(p.Articles))
	mentions := fmt.Sprint(p.Mentions)
	if len(p.Methods) > 0 {
		mentions += " (" + methodList(p.Methods, ", ") + ")"
	}
	field("mentions", mentions)
	if p.Articles > 0 {
		field("first seen", formatDate(p.First))
		field("last seen", formatDate(p.Last))
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return err
	}

	if len(p.Surfaces) > 0 {
		fmt.Fprint(w, heading(fmt.Sprintf("Surfaces (top %d):", graph.ProfileSurfaces)))
		res := &result{columns: []column{{title: "SURFACE"}, {title: "MENTIONS", number: true}}}
		for _, s := range p.Surfaces {
			res.rows = append(res.rows, []any{s.Surface, s.Count})
		}
		if err := res.write(w, format); err != nil {
			return err
		}
	}
	if len(p.Neighbors) > 0 {
		fmt.Fprint(w, heading(fmt.Sprintf("Co-mentioned with (top %d, by articles naming both):", graph.ProfileNeighbors)))
		res := &result{columns: []column{
			{title: "NAME"}, {title: "ARABIC"}, {title: "ID", exact: true, optional: true}, {title: "ARTICLES", number: true},
		}}
		for _, n := range p.Neighbors {
			res.rows = append(res.rows, []any{n.Name, n.NameAr, n.ID, n.Articles})
		}
		if err := res.write(w, format); err != nil {
			return err
		}
	}
	if len(rels) > 0 {
		fmt.Fprint(w, heading(fmt.Sprintf("Typed relations (top %d; query relations lists them all):", profileRelations)))
		// As query relations lays its rows out, the newest evidence of each.
		res := &result{view: v, columns: []column{
			{title: "RELATION", keep: 3}, {title: "DIR", keep: 3}, {title: "NAME", keep: 3}, {title: "OTHER", exact: true, wide: true},
			{title: "SENTENCES", number: true, optional: true}, {title: "ARTICLES", number: true, keep: 1}, {title: "LATEST", keep: 2},
			{title: "SOURCE", keep: 1}, {title: "ARTICLE", keep: 2}, {title: "EVIDENCE", keep: 3},
		}}
		for _, r := range rels {
			ev := r.Evidence
			res.rows = append(res.rows, []any{relationLabel(r.Type, r.Negated, true), directionLabel(r.Direction, true), describe(r.Entity), r.Other,
				r.Count, r.Articles, dateCell(r.Latest), ev.Source, articleLink(ev.ArticleID, ev.URL), snippet(ev.Relation, true)})
		}
		if err := res.write(w, format); err != nil {
			return err
		}
	}
	return nil
}

func writeEntityJSON(w io.Writer, p *graph.EntityProfile, rels []otherParty, resolved resolvedName) error {
	type surfaceJSON struct {
		Surface string `json:"surface"`
		Count   int    `json:"count"`
	}
	type neighborJSON struct {
		ID       string `json:"id"`
		Name     string `json:"name"`
		NameAr   string `json:"name_ar"`
		Type     string `json:"type"`
		Articles int    `json:"articles"`
	}
	type relationJSON struct {
		Type      string `json:"type"`
		Direction string `json:"direction"`
		Other     string `json:"other_id"`
		Name      string `json:"other_name"`
		NameAr    string `json:"other_name_ar"`
		Negated   bool   `json:"negated"`
		Sentences int    `json:"sentences"`
		Articles  int    `json:"articles"`
		Latest    string `json:"latest,omitempty"`
		// The newest relation stating it: its article and sentence.
		ArticleID string `json:"article_id"`
		URL       string `json:"url,omitempty"`
		Source    string `json:"source,omitempty"`
		Evidence  string `json:"evidence"`
	}
	out := struct {
		Resolved  resolvedName   `json:"resolved"`
		ID        string         `json:"id"`
		Name      string         `json:"name"`
		NameAr    string         `json:"name_ar"`
		Type      string         `json:"type"`
		Kind      string         `json:"kind"`
		Wikidata  string         `json:"wikidata"`
		Parent    string         `json:"parent,omitempty"`
		Aliases   []string       `json:"aliases"`
		Articles  int            `json:"articles"`
		Mentions  int            `json:"mentions"`
		First     string         `json:"first,omitempty"`
		Last      string         `json:"last,omitempty"`
		Methods   map[string]int `json:"methods"`
		Surfaces  []surfaceJSON  `json:"surfaces"`
		Neighbors []neighborJSON `json:"neighbors"`
		Relations []relationJSON `json:"relations"`
	}{
		Resolved: resolved,
		ID:       p.ID, Name: p.Name, NameAr: p.NameAr, Type: string(p.Type), Kind: p.Kind, Wikidata: p.Wikidata,
		Parent: p.Parent, Aliases: p.Aliases, Articles: p.Articles, Mentions: p.Mentions,
		First: dateOrEmpty(p, false), Last: dateOrEmpty(p, true), Methods: p.Methods,
		Surfaces: []surfaceJSON{}, Neighbors: []neighborJSON{}, Relations: []relationJSON{},
	}
	for _, r := range rels {
		ev := r.Evidence
		out.Relations = append(out.Relations, relationJSON{strings.ToLower(string(r.Type)), string(r.Direction), r.Other,
			r.Entity.Name, r.Entity.NameAr, r.Negated, r.Count, r.Articles, dateCell(r.Latest),
			ev.ArticleID, ev.URL, ev.Source, ev.Text})
	}
	if out.Aliases == nil {
		out.Aliases = []string{}
	}
	if out.Methods == nil {
		out.Methods = map[string]int{}
	}
	for _, s := range p.Surfaces {
		out.Surfaces = append(out.Surfaces, surfaceJSON{s.Surface, s.Count})
	}
	for _, n := range p.Neighbors {
		out.Neighbors = append(out.Neighbors, neighborJSON{n.ID, n.Name, n.NameAr, string(n.Type), n.Articles})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}
