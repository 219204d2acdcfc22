package main

import (
	"context"

	"github.com/urfave/cli/v2"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/query"
)

type neighborsOptions struct {
	queryOptions
	name string
	top  int
}

func neighborsCommand() *cli.Command {
	return &cli.Command{
		Name:      "neighbors",
		Aliases:   []string{"neighbours"},
		Usage:     "the entities most often co-mentioned with one actor",
		ArgsUsage: "NAME",
		Description: `Lists the entities named in the same articles as NAME, the strongest links first: by
the number of articles naming both, then the latest of them. NAME is a name or alias in
either script, or an entity ID, looked up as query path looks names up.

   newsgraph query neighbors Kadhimi --top 10
   newsgraph query neighbors "الحشد الشعبي" --type person --since 2021-01-01 --format csv

--format svg draws NAME and its top neighbours with the links between them (circle area:
articles; colour: type; line width: articles naming both); --format dot writes the same
graph for Graphviz (neato -Tpng):

   newsgraph query neighbors Kadhimi --top 12 --format svg > kadhimi.svg

A picture holds at most 150 entities: with --top 0, or a --top above 149,
the 149 strongest neighbours are drawn and stderr says so; --top 40 or fewer keeps every
name readable.

--type and --kind narrow the neighbours listed, --min-weight the links; --since and
--until the articles counted. Each row quotes its newest article (among several of that
date, or undated, one naming both in one sentence where there is one): its source, URL
(or ID when it has none) and the sentence naming both (at --edges article, the sentence of
a typed relation or one naming both where there is one, else the title).

Exit status: 4 when NAME matches nothing (close matches are suggested), 5 when it
matches several entities (their IDs are listed).`,
		Flags: append([]cli.Flag{
			topFlag("neighbours"),
			pictureFormatFlag(formatSVG, formatDOT),
		}, append(viewFlags(), filterFlags()...)...),
		OnUsageError: onUsageError,
		Action: func(c *cli.Context) error {
			name, err := nameArg(c, "neighbors")
			if err != nil {
				return err
			}
			picture, err := takePicture(c, formatSVG, formatDOT)
			if err != nil {
				return err
			}
			q, top, err := parseRankedQuery(c)
			if err != nil {
				return err
			}
			if picture != "" {
				q.format = picture
			}
			return runNeighbors(c.Context, neighborsOptions{queryOptions: q, name: name, top: top})
		},
	}
}

// showsEvidence reports whether a view of the neighbours table shows a
// column of the newest article behind each link.
func showsEvidence(v view) bool {
	if len(v.columns) == 0 {
		return true
	}
	for _, c := range v.columns {
		switch c {
		case "source", "article_id", "url", "evidence":
			return true
		}
	}
	return false
}

// maxNeighborScan bounds the articles of one link that neighbors reads to
// choose the one it quotes: a row each, and thousands of rows with --top 0.
const maxNeighborScan = 50

func runNeighbors(ctx context.Context, opts neighborsOptions) error {
	// The entity itself must be in the projection whatever --type says;
	// --type applies to the neighbours.
	types, kinds := opts.filter.Types, query.Narrowing{Kinds: opts.narrow.Kinds}
	opts.filter.Types, opts.narrow.Kinds = nil, nil
	if isPicture(opts.format) {
		return drawNeighbors(ctx, opts, types, kinds)
	}
	store, err := openStoreFor(ctx, opts.queryOptions)
	if err != nil {
		return err
	}
	defer store.Close()
	e, err := resolveName(ctx, store, opts.name, opts.filter, opts.narrow)
	if err != nil {
		return err
	}
	p, err := links(ctx, store, []string{e.ID}, opts.queryOptions)
	if err != nil {
		return err
	}
	announceResolved(opts.queryOptions, false, resolvedOf(opts.name, e))
	if err := announceMerged(ctx, opts.queryOptions, store, e.ID); err != nil {
		return err
	}
	// keep: on a narrow terminal the type, the first date and the Arabic
	// name go first, then the source; the name, the count, the newest
	// article's date, URL and sentence stay longest.
	cols := rankedEntityColumns()
	for i := range cols {
		switch cols[i].name {
		case "rank", "name":
			cols[i].keep = 4
		case "name_ar":
			cols[i].keep = 1
		case "type":
			cols[i].optional = true
		}
	}
	res := &result{columns: append(cols,
		column{name: "articles", title: "ARTICLES", number: true, keep: 4},
		column{name: "first", title: "FIRST", optional: true},
		column{name: "last", title: "LAST", keep: 3},
		column{name: "source", title: "SOURCE", keep: 2},
		column{name: "article_id", title: "ARTICLE ID", wide: true, exact: true},
		column{name: "url", title: "ARTICLE", keep: 3},
		column{name: "evidence", title: "EVIDENCE (NEWEST)", keep: 3},
	)}
	table := opts.format == formatTable || opts.format == formatMD
	rank := 0
	for _, n := range query.Neighbors(p, e.ID) {
		if len(types) > 0 && !hasType(types, n.Entity.Type) || !kinds.KindMatches(n.Entity.Kind) {
			continue
		}
		if opts.top > 0 && rank == opts.top {
			break
		}
		rank++
		// The newest article behind the link, as query path lists them
		// (among the newest, one naming both in one sentence), choosing
		// among at most maxNeighborScan; not looked up when --columns
		// shows none of it (a lookup a row: a minute for a hub's
		// thousands of neighbours with --top 0).
		var newest graph.Evidence
		if showsEvidence(opts.view) {
			ev, err := hopEvidence(ctx, store, e.ID, n.Entity.ID, opts.filter, 1, min(n.Articles, maxNeighborScan))
			if err != nil {
				return err
			}
			if len(ev) > 0 {
				newest = ev[0]
			}
		}
		link := newest.URL
		if table {
			link = articleLink(newest.ArticleID, newest.URL)
		}
		res.rows = append(res.rows, []any{rank, n.Entity.ID, n.Entity.Name, n.Entity.NameAr, string(n.Entity.Type),
			n.Articles, dateCell(n.First), dateCell(n.Last), newest.Source, newest.ArticleID, link, evidenceText(newest)})
	}
	res.view = opts.view
	return res.write(opts.stdout, opts.format)
}
