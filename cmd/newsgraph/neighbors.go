package main

import (
	"context"

	"github.com/urfave/cli/v2"

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
   newsgraph query neighbors الحشد الشعبي --type person --since 2021-01-01 --format csv

--format svg draws NAME and its top neighbours with the links between them (circle area:
articles; colour: type; line width: articles naming both); --format dot writes the same
graph for Graphviz (neato -Tpng):

   newsgraph query neighbors Kadhimi --top 12 --format svg > kadhimi.svg

--type and --kind narrow the neighbours listed, --min-weight the links; --since and
--until the articles counted.

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

func runNeighbors(ctx context.Context, opts neighborsOptions) error {
	// The entity itself must be in the projection whatever --type says;
	// --type applies to the neighbours.
	types, kinds := opts.filter.Types, query.Narrowing{Kinds: opts.narrow.Kinds}
	opts.filter.Types, opts.narrow.Kinds = nil, nil
	if isPicture(opts.format) {
		return drawNeighbors(ctx, opts, types, kinds)
	}
	store, p, err := openProjection(ctx, opts.queryOptions)
	if err != nil {
		return err
	}
	defer store.Close()
	e, err := resolve(ctx, store, p, opts.name)
	if err != nil {
		return err
	}
	res := &result{columns: append(rankedEntityColumns(),
		column{name: "articles", title: "ARTICLES", number: true},
		column{name: "first", title: "FIRST"},
		column{name: "last", title: "LAST"},
	)}
	rank := 0
	for _, n := range query.Neighbors(p, e.ID) {
		if len(types) > 0 && !hasType(types, n.Entity.Type) || !kinds.KindMatches(n.Entity.Kind) {
			continue
		}
		if opts.top > 0 && rank == opts.top {
			break
		}
		rank++
		res.rows = append(res.rows, []any{rank, n.Entity.ID, n.Entity.Name, n.Entity.NameAr, string(n.Entity.Type),
			n.Articles, dateCell(n.First), dateCell(n.Last)})
	}
	res.view = opts.view
	return res.write(opts.stdout, opts.format)
}
