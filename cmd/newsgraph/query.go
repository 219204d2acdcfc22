package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/norm"
	"github.com/newsgraph/newsgraph/ingest/read"
	"github.com/newsgraph/newsgraph/query"
)

func queryCommand() *cli.Command {
	return &cli.Command{
		Name:  "query",
		Usage: "ask the graph: centrality rankings, co-mention paths, neighbours, entity profiles, typed relations",
		Description: `Names are looked up by any alias in either script, ignoring case, hamza and
diacritics: Kadhimi, al-Kadhimi, الكاظمي and مصطفى الكاظمي all name the same person.`,
		Subcommands:  []*cli.Command{centralityCommand(), pathCommand(), neighborsCommand(), entityCommand(), relationsCommand(), communitiesCommand(), timelineCommand()},
		OnUsageError: onUsageError,
	}
}

// queryOptions are the options every query shares.
type queryOptions struct {
	globalOptions
	filter graph.Filter
	// narrow is applied to the projection after the store has built it
	// (--kind, --min-weight): the same on every backend.
	narrow query.Narrowing
	format string
	view   view // --columns and --wide, where the command has them
	stdout io.Writer
	stderr io.Writer // notes that are not part of the result
}

// parseQueryOptions reads the global, filter and format flags.
func parseQueryOptions(c *cli.Context) (queryOptions, error) {
	f, err := parseFilter(c)
	if err != nil {
		return queryOptions{}, err
	}
	n, err := parseNarrowing(c)
	if err != nil {
		return queryOptions{}, err
	}
	format, err := parseFormat(c)
	if err != nil {
		return queryOptions{}, err
	}
	return queryOptions{globalOptions: globals(c), filter: f, narrow: n, format: format, view: parseView(c),
		stdout: c.App.Writer, stderr: c.App.ErrWriter}, nil
}

// openProjection opens the store and loads the projection a query works on.
// The caller closes the store.
func openProjection(ctx context.Context, opts queryOptions) (graph.Store, *graph.Projection, error) {
	store, err := openReadStore(ctx, opts.globalOptions)
	if err != nil {
		return nil, nil, err
	}
	p, err := store.Projection(ctx, opts.filter)
	if err == nil && opts.stderr != nil {
		err = noteDates(ctx, store, opts)
	}
	if err != nil {
		store.Close()
		return nil, nil, err
	}
	return store, query.Narrow(p, opts.narrow), nil
}

// openStoreFor opens the store for a query about a few named entities,
// which reads their neighbourhoods (neighborhood) rather than the whole
// projection; it notes the dates as openProjection does. The caller closes
// the store.
func openStoreFor(ctx context.Context, opts queryOptions) (graph.Store, error) {
	store, err := openReadStore(ctx, opts.globalOptions)
	if err != nil {
		return nil, err
	}
	if opts.stderr != nil {
		if err := noteDates(ctx, store, opts); err != nil {
			store.Close()
			return nil, err
		}
	}
	return store, nil
}

// neighborhood returns the part of the projection opts.filter gives that
// lies around ids (graph.NeighborhoodReader), narrowed as openProjection
// narrows: read through the store's indexes where it can, else cut from
// the whole projection.
func neighborhood(ctx context.Context, store graph.Store, ids []string, opts queryOptions) (*graph.Projection, error) {
	return around(ctx, store, ids, opts, true)
}

// links is neighborhood without the counts of the entities outside ids
// (graph.NeighborhoodReader's Links): for the commands that show links
// and not the neighbours' own counts, which under --since, --lang or
// --source would read the articles of every neighbour.
func links(ctx context.Context, store graph.Store, ids []string, opts queryOptions) (*graph.Projection, error) {
	return around(ctx, store, ids, opts, false)
}

func around(ctx context.Context, store graph.Store, ids []string, opts queryOptions, counts bool) (*graph.Projection, error) {
	var p *graph.Projection
	var err error
	if nr, ok := store.(graph.NeighborhoodReader); !ok {
		if p, err = store.Projection(ctx, opts.filter); err == nil {
			p = graph.Around(p, ids)
		}
	} else if counts {
		p, err = nr.Neighborhood(ctx, ids, opts.filter)
	} else {
		p, err = nr.Links(ctx, ids, opts.filter)
	}
	if err != nil {
		return nil, err
	}
	return query.Narrow(p, opts.narrow), nil
}

// filterFlags narrow the projection a query works on.
func filterFlags() []cli.Flag {
	flags := append([]cli.Flag{
		&cli.StringSliceFlag{Name: "type", Usage: "only entities of these `TYPES` (person, organization, location; comma-separated)"},
	}, articleFlags()...)
	return append(flags, []cli.Flag{
		&cli.StringFlag{Name: "edges", Value: string(graph.ArticleEdges), Usage: "what links two entities: `LEVEL` article (named in the same article), " +
			"sentence (in the same sentence: stronger, sparser) or typed (a typed relation such as meets or attacks, not denied)"},
		&cli.StringSliceFlag{Name: "relation", Usage: "with --edges typed: only relations of these `TYPES` (meets, visits, invites, discusses, attacks, supports, criticizes, threatens)"},
		kindFlag("only entities"),
		minWeightFlag(),
	}...)
}

// articleFlags narrow the articles any query counts.
func articleFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "since", Usage: "only articles published on or after `DATE` (e.g. 2021-07-01); undated articles are left out"},
		&cli.StringFlag{Name: "until", Usage: "only articles published before `DATE`"},
		&cli.StringSliceFlag{Name: "lang", Usage: "only articles in these `LANGUAGES` (ar, en; comma-separated)"},
		&cli.StringSliceFlag{Name: "source", Usage: "only articles from these `SOURCES` (as ingest recorded them, Persian-keyboard letters and invisible characters aside; comma-separated)"},
	}
}

// parseArticleFilter reads articleFlags.
func parseArticleFilter(c *cli.Context) (graph.Filter, error) {
	f, err := parseDates(c)
	if err != nil {
		return f, err
	}
	f.Langs, f.Sources = splitList(c.StringSlice("lang")), splitList(c.StringSlice("source"))
	for i, s := range f.Sources {
		f.Sources[i] = norm.Clean(s) // as ingest stores sources
	}
	return f, nil
}

// openEntity opens the store and finds the one entity name refers to. The
// caller closes the store.
func openEntity(ctx context.Context, opts queryOptions, name string) (graph.Store, graph.Entity, error) {
	store, err := openReadStore(ctx, opts.globalOptions)
	if err != nil {
		return nil, graph.Entity{}, err
	}
	e, err := resolveName(ctx, store, name, graph.Filter{}, query.Narrowing{})
	if err == nil && opts.stderr != nil {
		err = noteDates(ctx, store, opts)
	}
	if err != nil {
		store.Close()
		return nil, graph.Entity{}, err
	}
	return store, e, nil
}

// kindFlag is --kind; what says what it narrows.
func kindFlag(what string) cli.Flag {
	return &cli.StringSliceFlag{Name: "kind", Usage: what + " of these `KINDS` (e.g. \"armed faction\", country, politician; comma-separated, any case)"}
}

func minWeightFlag() cli.Flag {
	return &cli.IntFlag{Name: "min-weight", Value: 1, Usage: "drop links backed by fewer than `N` articles"}
}

// parseNarrowing reads --kind and --min-weight.
func parseNarrowing(c *cli.Context) (query.Narrowing, error) {
	n := query.Narrowing{Kinds: splitList(c.StringSlice("kind")), MinWeight: c.Int("min-weight")}
	if n.MinWeight < 1 {
		return n, usageErrorf("--min-weight must be at least 1")
	}
	return n, nil
}

func parseFilter(c *cli.Context) (graph.Filter, error) {
	f, err := parseArticleFilter(c)
	if err != nil {
		return f, err
	}
	if f.Types, err = parseEntityTypes(c.StringSlice("type"), "--type"); err != nil {
		return f, err
	}
	if f.Edges, err = graph.ParseEdgeLevel(c.String("edges")); err != nil {
		return f, usageErrorf("--edges: %v", err)
	}
	if f.Relations, err = parseRelationTypes(c.StringSlice("relation"), "--relation"); err != nil {
		return f, err
	}
	if len(f.Relations) > 0 && f.Edges != graph.TypedEdges {
		return f, usageErrorf("--relation narrows typed edges; add --edges typed")
	}
	return f, nil
}

// parseDates reads --since and --until.
func parseDates(c *cli.Context) (graph.Filter, error) {
	var f graph.Filter
	for _, d := range []struct {
		flag string
		dst  *time.Time
	}{{"since", &f.Since}, {"until", &f.Until}} {
		if s := c.String(d.flag); s != "" {
			t, err := read.ParseDate(s)
			if err != nil {
				return f, usageErrorf("--%s: %v", d.flag, err)
			}
			*d.dst = t
		}
	}
	return f, nil
}

// splitList flattens repeated, comma-separated flag values.
func splitList(vals []string) []string {
	var out []string
	for _, v := range vals {
		for _, s := range strings.Split(v, ",") {
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, s)
			}
		}
	}
	return out
}

func parseEntityTypes(vals []string, flag string) ([]graph.EntityType, error) {
	var out []graph.EntityType
	for _, s := range splitList(vals) {
		t, err := graph.ParseEntityType(strings.ToLower(s))
		if err != nil {
			return nil, usageErrorf("%s: %v", flag, err)
		}
		out = append(out, t)
	}
	return out, nil
}

func parseRelationTypes(vals []string, flag string) ([]graph.RelationType, error) {
	var out []graph.RelationType
	for _, s := range splitList(vals) {
		t, err := graph.ParseRelationType(s)
		if err != nil {
			return nil, usageErrorf("%s: %v", flag, err)
		}
		out = append(out, t)
	}
	return out, nil
}

// resolve finds the one entity name refers to, or explains why it cannot.
func resolve(ctx context.Context, store graph.Store, p *graph.Projection, name string) (graph.Entity, error) {
	ents, err := store.Resolve(ctx, name)
	if err != nil {
		return graph.Entity{}, err
	}
	if e, ok := preferred(name, ents); ok {
		return e, nil
	}
	switch len(ents) {
	case 1:
		return ents[0], nil
	case 0:
		msg := fmt.Sprintf("no entity is called %q (by name or alias, in either script)", name)
		if sug := query.Suggest(p.Entities, name, 5); len(sug) > 0 {
			names := make([]string, len(sug))
			for i, e := range sug {
				names[i] = shorten(describe(e.Entity), 80) // a rule-found name can be a whole paragraph
			}
			msg += "; did you mean " + strings.Join(names, ", ") + "?"
		}
		return graph.Entity{}, wrapMsg(msg, graph.ErrNotFound)
	}
	names := make([]string, len(ents))
	for i, e := range ents {
		names[i] = "  " + printable(describe(e)) + " [" + string(e.Type) + ", id " + printable(e.ID) + "]"
	}
	return graph.Entity{}, &msgError{
		msg:   fmt.Sprintf("%q is ambiguous; use one of these IDs instead:\n%s", name, strings.Join(names, "\n")),
		err:   graph.ErrAmbiguous,
		lines: true,
	}
}

// resolveName finds the one entity name refers to without loading a
// projection unless the name fails: only then are suggestions worth it,
// drawn from the projection f gives narrowed by n (no suggestion --kind
// would drop).
func resolveName(ctx context.Context, store graph.Store, name string, f graph.Filter, n query.Narrowing) (graph.Entity, error) {
	ents, err := store.Resolve(ctx, name)
	if err != nil {
		return graph.Entity{}, err
	}
	if e, ok := preferred(name, ents); ok {
		return e, nil
	}
	p, err := store.Projection(ctx, f)
	if err != nil {
		return graph.Entity{}, err
	}
	return resolve(ctx, store, query.Narrow(p, n), name)
}

// aggregatesAnswer reports whether stores read f's projection from their
// stored aggregates (the whole store at the article or sentence level):
// other filters make them count the projection from the facts, whole,
// even for one neighbourhood (graph/sqlite and graph/neo4j alike).
func aggregatesAnswer(f graph.Filter) bool {
	return f.AllArticles() && f.Level() != graph.TypedEdges
}

// preferred picks the entity a name means among several that share its
// folded form, where one plainly wins: the only match; an exact ID; else the
// only lexicon entity among entities the extractor made from the same words
// (a tagger span typed ORG that reads "Bashar al-Assad" is the lexicon's
// Bashar al-Assad misread, not a second actor the user means). Two lexicon
// entities, or made entities alone, stay ambiguous.
func preferred(name string, ents []graph.Entity) (graph.Entity, bool) {
	if len(ents) == 1 {
		return ents[0], true
	}
	for _, e := range ents {
		if e.ID == name {
			return e, true
		}
	}
	var curated []graph.Entity
	for _, e := range ents {
		if !graph.MadeID(e.ID) {
			curated = append(curated, e)
		}
	}
	if len(curated) == 1 {
		return curated[0], true
	}
	return graph.Entity{}, false
}

// describe names an entity in both scripts.
func describe(e graph.Entity) string {
	switch {
	case e.Name != "" && e.NameAr != "":
		return e.Name + " (" + e.NameAr + ")"
	case e.Name != "":
		return e.Name
	}
	return e.NameAr
}

// msgError carries a finished message and the sentinel callers branch on.
// A message of several lines sets lines, and escapes what it quotes from
// the store or the user itself (printable), so that main may keep its line
// breaks and still print nothing raw.
type msgError struct {
	msg   string
	err   error
	lines bool
}

func (e *msgError) Error() string { return e.msg }
func (e *msgError) Unwrap() error { return e.err }

func wrapMsg(msg string, sentinel error) error { return &msgError{msg: msg, err: sentinel} }

func formatDate(t time.Time) string {
	if t.IsZero() {
		return "date unknown"
	}
	return t.Format("2006-01-02")
}

func hasType(types []graph.EntityType, t graph.EntityType) bool {
	for _, x := range types {
		if x == t {
			return true
		}
	}
	return false
}

// dateCell is a date for csv and json ("" when unknown).
func dateCell(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

// datesText names the date flags f sets, as typed: "--since 2022-01-01",
// "--since 2022-01-01 --until 2022-07-01"; "" when it sets neither.
func datesText(f graph.Filter) string {
	var parts []string
	if !f.Since.IsZero() {
		parts = append(parts, "--since "+f.Since.Format("2006-01-02"))
	}
	if !f.Until.IsZero() {
		parts = append(parts, "--until "+f.Until.Format("2006-01-02"))
	}
	return strings.Join(parts, " ")
}

// dateNote says what f's dates leave out, for stderr: that no article
// passes them, and why when undated articles are the reason, or how many
// undated articles they drop; "" when f sets no date or drops no undated
// article from a non-empty answer. The counts are those of the articles
// that pass f's languages and sources.
func dateNote(ctx context.Context, store graph.Store, f graph.Filter) (string, error) {
	dates := datesText(f)
	if dates == "" {
		return "", nil
	}
	count := store.Stats
	if ac, ok := store.(graph.ArticleCounter); ok {
		count = ac.CountArticles
	}
	within, err := count(ctx, f)
	if err != nil {
		return "", err
	}
	undatedF := f
	undatedF.Since, undatedF.Until = time.Time{}, time.Time{}
	all, err := count(ctx, undatedF)
	if err != nil {
		return "", err
	}
	switch {
	case within.Articles == 0 && all.Undated > 0:
		return fmt.Sprintf("no article passes %s: %d of %d articles are undated; drop --since/--until to see them",
			dates, all.Undated, all.Articles), nil
	case within.Articles == 0 && all.Articles > 0:
		return fmt.Sprintf("no article passes %s: the %d articles run from %s to %s",
			dates, all.Articles, formatDate(all.First), formatDate(all.Last)), nil
	case within.Articles == 0:
		return fmt.Sprintf("no article passes %s: there are none to filter", dates), nil
	case all.Undated > 0:
		return fmt.Sprintf("%s leaves out the %d undated article%s of %d", dates, all.Undated, plural(all.Undated), all.Articles), nil
	}
	return "", nil
}

// noteDates writes dateNote's line, if any, to opts.stderr.
func noteDates(ctx context.Context, store graph.Store, opts queryOptions) error {
	note, err := dateNote(ctx, store, opts.filter)
	if note != "" {
		fmt.Fprintln(opts.stderr, note)
	}
	return err
}

// articleFiltersText names the flags of f that narrow articles (dates,
// languages, sources), as typed; "" when none is set.
func articleFiltersText(f graph.Filter) string {
	parts := []string{}
	if d := datesText(f); d != "" {
		parts = append(parts, d)
	}
	if len(f.Langs) > 0 {
		parts = append(parts, "--lang "+strings.Join(f.Langs, ","))
	}
	if len(f.Sources) > 0 {
		parts = append(parts, "--source "+strings.Join(f.Sources, ","))
	}
	return strings.Join(parts, " ")
}
