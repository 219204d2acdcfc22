package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/schollz/progressbar/v3"
	"github.com/urfave/cli/v2"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/export"
	"github.com/newsgraph/newsgraph/query"
)

// Export formats.
const (
	exportGraphML = "graphml"
	exportGEXF    = "gexf"
	exportCSV     = "csv"
)

type exportOptions struct {
	queryOptions // format is one of the export formats
	out          string
	// around, when set, keeps the ego network of this name: depth hops
	// out, the top neighbours by weight per entity and hop, at most
	// maxNodes entities (0: no limit), and each kept entity's top links
	// to the others, or every link among them with allLinks.
	around     string
	depth, top int
	maxNodes   int
	allLinks   bool
	quiet      bool // no progress bar and no note of what --max-nodes cut
}

// defaultMaxNodes is --max-nodes: about what Gephi's layouts keep
// readable with every name drawn.
const defaultMaxNodes = 200

func exportCommand() *cli.Command {
	return &cli.Command{
		Name:      "export",
		Usage:     "write the graph for Gephi, yEd, networkx (GraphML, GEXF) or neo4j-admin import (CSV)",
		ArgsUsage: "OUT",
		Description: `Writes the projection the query commands work on — the same filters, edge levels
included — as a file for graph tools:

   graphml  GraphML: Gephi, yEd, networkx (nx.read_graphml), Cytoscape
   gexf     GEXF 1.3: Gephi (nx.read_gexf too)
   csv      a directory OUT with nodes.csv and relationships.csv in the header format of
            neo4j-admin database import (id:ID, :LABEL, :START_ID, :END_ID, :TYPE)

Nodes are entities (their ID is the entity ID) with name, name_ar, type, kind, wikidata,
articles and mentions; edges have weight (the articles behind them), sentences, first
and last (dates). OUT "-" writes GraphML or GEXF to standard output; for csv, OUT must
not exist or be empty.

   newsgraph export --format gexf actors.gexf
   newsgraph export --edges sentence --kind country,"armed faction" --min-weight 3 factions.graphml
   newsgraph export --format csv import/ && neo4j-admin database import full \
       --nodes=import/nodes.csv --relationships=import/relationships.csv newsgraph

--around NAME keeps a small graph to read: NAME, its --top K neighbours by the articles
naming both, theirs, and so on to --depth hops — no thousands of isolated nodes. Each hop
admits its entities strongest link first until --max-nodes are kept (default 200, 0: no
limit); export says on standard error what the budget cut. The links are each kept
entity's K strongest links to the other kept entities (which include every link followed),
not every co-mention among them; --all-links keeps those too:

   newsgraph export --around Kadhimi --depth 2 --top 8 --format gexf kadhimi.gexf

On a terminal, a progress bar on standard error counts the nodes and edges written; -q
turns it off.`,
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: exportGraphML, Usage: "`FORMAT`: graphml, gexf or csv"},
			&cli.StringFlag{Name: "around", Usage: "only the ego network of `NAME` (a name, alias or ID): see --depth and --top"},
			&cli.IntFlag{Name: "depth", Value: 1, Usage: "with --around: follow links `N` hops out"},
			&cli.IntFlag{Name: "top", Value: 10, Usage: "with --around: follow and keep each entity's `K` strongest links (0: all)"},
			&cli.IntFlag{Name: "max-nodes", Value: defaultMaxNodes, Usage: "with --around: keep at most `M` entities, the strongest links first (0: no limit)"},
			&cli.BoolFlag{Name: "all-links", Usage: "with --around: keep every link between the kept entities, not only each one's --top strongest"},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "no progress bar, and no note of what --max-nodes cut"},
		}, filterFlags()...),
		OnUsageError: onUsageError,
		Action: func(c *cli.Context) error {
			if c.NArg() != 1 {
				return usageErrorf("export needs one OUT (a file, - for standard output, or a directory for csv); got %d argument(s)", c.NArg())
			}
			f, err := parseFilter(c)
			if err != nil {
				return err
			}
			n, err := parseNarrowing(c)
			if err != nil {
				return err
			}
			format := c.String("format")
			out := c.Args().First()
			switch format {
			case exportGraphML, exportGEXF:
			case exportCSV:
				if out == "-" {
					return usageErrorf("--format csv writes a directory of files, not standard output")
				}
				if err := emptyDir(out); err != nil {
					return err
				}
			default:
				return usageErrorf("unknown --format %q (want graphml, gexf or csv)", format)
			}
			if c.Int("depth") < 0 || c.Int("top") < 0 || c.Int("max-nodes") < 0 {
				return usageErrorf("--depth, --top and --max-nodes must not be negative")
			}
			if c.String("around") == "" && (c.IsSet("depth") || c.IsSet("top") || c.IsSet("max-nodes") || c.IsSet("all-links")) {
				return usageErrorf("--depth, --top, --max-nodes and --all-links need --around NAME")
			}
			q := queryOptions{globalOptions: globals(c), filter: f, narrow: n, format: format, stdout: c.App.Writer, stderr: c.App.ErrWriter}
			return runExport(c.Context, exportOptions{queryOptions: q, out: out, around: c.String("around"), depth: c.Int("depth"), top: c.Int("top"),
				maxNodes: c.Int("max-nodes"), allLinks: c.Bool("all-links"), quiet: c.Bool("quiet")})
		},
	}
}

// emptyDir checks that dir does not exist or is an empty directory.
func emptyDir(dir string) error {
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil
	case err != nil:
		if fi, serr := os.Stat(dir); serr == nil && !fi.IsDir() {
			return usageErrorf("%s is a file; --format csv writes a directory", dir)
		}
		return fmt.Errorf("export: %w", err)
	case len(entries) > 0:
		return usageErrorf("%s is not empty; --format csv writes into a new or empty directory", dir)
	}
	return nil
}

func runExport(ctx context.Context, opts exportOptions) error {
	defer limitMemory(ctx, wholeGraphMemory)()
	g, err := exportGraph(ctx, opts)
	if err != nil {
		return err
	}
	progress, done := exportProgress(opts, g)
	err = writeExport(opts, g, progress)
	done()
	return err
}

// exportGraph reads what export writes. The whole graph is streamed into
// a compact graph (export.Collect), never held as a graph.Projection: at
// 100,000 synthetic articles (3.6 million edges) that took the command
// from 37 s and 1.65 GB peak RSS to 17 s and 210 MB, the file byte for
// byte the same (docs/query-performance.md, Export). An ego network
// (--around) reads the neighbourhoods it needs (query.LocalEgo).
func exportGraph(ctx context.Context, opts exportOptions) (export.Graph, error) {
	if opts.around == "" {
		store, err := openReadStore(ctx, opts.globalOptions)
		if err != nil {
			return nil, err
		}
		defer store.Close()
		if opts.stderr != nil {
			if err := noteDates(ctx, store, opts.queryOptions); err != nil {
				return nil, err
			}
		}
		n := export.Narrowing{MinWeight: opts.narrow.MinWeight}
		if len(opts.narrow.Kinds) > 0 {
			n.Keep = func(e graph.ProjectedEntity) bool { return opts.narrow.KindMatches(e.Kind) }
		}
		return export.Collect(ctx, store, opts.filter, n)
	}
	store, err := openStoreFor(ctx, opts.queryOptions)
	if err != nil {
		return nil, err
	}
	defer store.Close()
	e, err := resolveName(ctx, store, opts.around, opts.filter, opts.narrow)
	if err != nil {
		return nil, err
	}
	// Found, but not in the graph the filters keep: say which one drops
	// it, as query path does.
	if ends, err := entitiesOf(ctx, store, []string{e.ID}, opts.queryOptions); err != nil {
		return nil, err
	} else if !inProjection(ends, e.ID) {
		return nil, wrapMsg(fmt.Sprintf("export --around %s: %s; nothing to export around it", opts.around, leftOut(e, opts.queryOptions)), graph.ErrNotFound)
	}
	expand := func(ids []string) (*graph.Projection, error) { return neighborhood(ctx, store, ids, opts.queryOptions) }
	if !aggregatesAnswer(opts.filter) {
		// The store would count the whole projection for every
		// neighbourhood: count it once (a date filter at depth 2 took
		// 7.4 s instead of 2.5 s on ar-news-2022).
		p, err := store.Projection(ctx, opts.filter)
		if err != nil {
			return nil, err
		}
		p = query.Narrow(p, opts.narrow)
		expand = func(ids []string) (*graph.Projection, error) { return graph.Around(p, ids), nil }
	}
	p, st, _, err := query.LocalEgo(e.ID, query.EgoOptions{Depth: opts.depth, Top: opts.top, MaxNodes: opts.maxNodes, AllLinks: opts.allLinks}, expand)
	if err != nil {
		return nil, fmt.Errorf("export --around %s: %w", describe(e), err)
	}
	if st.Kept < st.Reached && !opts.quiet {
		fmt.Fprintf(opts.stderr, "kept %s of %s entities reached by depth %d, the strongest links first; raise --max-nodes (0: no limit)\n",
			thousands(st.Kept), thousands(st.Reached), opts.depth)
	}
	if len(p.Edges) == 0 && opts.depth > 0 && !opts.quiet {
		// Not an error (the entity is there), but not what was asked for.
		fmt.Fprintf(opts.stderr, "%s has no link in this graph (%s): the file holds it alone\n", describe(e), opts.filter.Level())
	}
	return export.Of(p), nil
}

// exportProgress is the progress bar export draws on a terminal, counting
// the nodes and edges written of g's, and the function that clears it;
// nil when export draws none.
func exportProgress(opts exportOptions, g export.Graph) (export.Progress, func()) {
	if !showsProgress(opts.stderr, opts.quiet) {
		return nil, func() {}
	}
	bar := newBar(opts.stderr, "exporting", int64(len(g.Nodes())+g.EdgeCount()),
		progressbar.OptionShowIts(), progressbar.OptionSetItsString("nodes and edges"))
	return func(done, _ int) { bar.Set(done) }, func() { bar.Finish() }
}

func writeExport(opts exportOptions, g export.Graph, progress export.Progress) error {
	if opts.format == exportCSV {
		return export.Neo4jCSV(opts.out, g, opts.filter.Level(), progress)
	}
	write := export.GraphML
	if opts.format == exportGEXF {
		write = export.GEXF
	}
	if opts.out == "-" {
		return write(opts.stdout, g, progress)
	}
	f, err := os.Create(opts.out)
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if err := write(f, g, progress); err != nil {
		f.Close()
		return fmt.Errorf("export %s: %w", opts.out, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("export %s: %w", opts.out, err)
	}
	return nil
}

// attr is one attribute exported nodes or edges carry.

// thousands writes n with its digits grouped by commas: 3,412.
func thousands(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	if neg {
		return "-" + s
	}
	return s
}
