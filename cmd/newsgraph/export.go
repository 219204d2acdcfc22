package main

import (
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/urfave/cli/v2"

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
	// out, the top neighbours by weight per entity and hop.
	around     string
	depth, top int
}

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

--around NAME keeps a small graph to read: NAME, its --top neighbours by the articles
naming both, theirs, and so on to --depth hops, with the links between them — no
thousands of isolated nodes:

   newsgraph export --around Kadhimi --depth 2 --top 8 --format gexf kadhimi.gexf`,
		Flags: append([]cli.Flag{
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: exportGraphML, Usage: "`FORMAT`: graphml, gexf or csv"},
			&cli.StringFlag{Name: "around", Usage: "only the ego network of `NAME` (a name, alias or ID): see --depth and --top"},
			&cli.IntFlag{Name: "depth", Value: 1, Usage: "with --around: follow links `N` hops out"},
			&cli.IntFlag{Name: "top", Value: 10, Usage: "with --around: keep each entity's `K` strongest links per hop (0: all)"},
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
			if c.Int("depth") < 0 || c.Int("top") < 0 {
				return usageErrorf("--depth and --top must not be negative")
			}
			if c.String("around") == "" && (c.IsSet("depth") || c.IsSet("top")) {
				return usageErrorf("--depth and --top need --around NAME")
			}
			q := queryOptions{globalOptions: globals(c), filter: f, narrow: n, format: format, stdout: c.App.Writer, stderr: c.App.ErrWriter}
			return runExport(c.Context, exportOptions{queryOptions: q, out: out, around: c.String("around"), depth: c.Int("depth"), top: c.Int("top")})
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
	store, p, err := openProjection(ctx, opts.queryOptions)
	if err != nil {
		return err
	}
	if opts.around != "" {
		e, err := resolve(ctx, store, p, opts.around)
		if err != nil {
			store.Close()
			return err
		}
		if p, err = query.Ego(p, e.ID, opts.depth, opts.top); err != nil {
			store.Close()
			return fmt.Errorf("export --around %s: %w", describe(e), err)
		}
	}
	store.Close()
	if opts.format == exportCSV {
		return export.Neo4jCSV(opts.out, p, opts.filter.Level())
	}
	write := export.GraphML
	if opts.format == exportGEXF {
		write = export.GEXF
	}
	if opts.out == "-" {
		return write(opts.stdout, p)
	}
	f, err := os.Create(opts.out)
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if err := write(f, p); err != nil {
		f.Close()
		return fmt.Errorf("export %s: %w", opts.out, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("export %s: %w", opts.out, err)
	}
	return nil
}

// attr is one attribute exported nodes or edges carry.
