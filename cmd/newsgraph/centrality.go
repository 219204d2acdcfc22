package main

import (
	"context"

	"github.com/urfave/cli/v2"

	"github.com/newsgraph/newsgraph/query"
)

type centralityOptions struct {
	queryOptions
	top int
}

func centralityCommand() *cli.Command {
	return &cli.Command{
		Name:  "centrality",
		Usage: "rank entities by PageRank, with degree and betweenness",
		Description: `Ranks the entities of the co-mention graph — two entities are linked when an article
mentions both, the link weighing as many articles as do — by edge-weighted PageRank
(damping 0.85). Also shown: degree (entities co-mentioned with), weighted degree (sum of
link weights), betweenness (share of shortest paths through the entity, normalised as
networkx does) and how many articles mention the entity, how many times. Ties are broken by weighted
degree, then mentions.

   newsgraph query centrality --top 10
   newsgraph query centrality --type person --format csv > people.csv`,
		Flags: append([]cli.Flag{
			topFlag("entities"),
			formatFlag(),
		}, filterFlags()...),
		OnUsageError: onUsageError,
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usageErrorf("centrality takes no arguments, got %q", c.Args().First())
			}
			q, err := parseQueryOptions(c)
			if err != nil {
				return err
			}
			top, err := parseTop(c)
			if err != nil {
				return err
			}
			return runCentrality(c.Context, centralityOptions{queryOptions: q, top: top})
		},
	}
}

func runCentrality(ctx context.Context, opts centralityOptions) error {
	store, p, err := openProjection(ctx, opts.queryOptions)
	if err != nil {
		return err
	}
	store.Close() // the projection is all centrality needs
	scores := query.Centrality(query.New(p))
	if opts.top > 0 && len(scores) > opts.top {
		scores = scores[:opts.top]
	}
	res := &result{columns: []column{
		{name: "rank", title: "#", number: true},
		{name: "id", title: "ID"},
		{name: "name", title: "NAME"},
		{name: "name_ar", title: "ARABIC"},
		{name: "type", title: "TYPE"},
		{name: "pagerank", title: "PAGERANK", number: true, digits: 4},
		{name: "degree", title: "DEGREE", number: true},
		{name: "weighted_degree", title: "W.DEGREE", number: true, digits: 0},
		{name: "betweenness", title: "BETWEENNESS", number: true, digits: 4},
		{name: "articles", title: "ARTICLES", number: true},
		{name: "mentions", title: "MENTIONS", number: true},
	}}
	for i, s := range scores {
		e := s.Entity
		res.rows = append(res.rows, []any{i + 1, e.ID, e.Name, e.NameAr, string(e.Type),
			s.PageRank, s.Degree, s.WeightedDegree, s.Betweenness, e.Articles, e.Mentions})
	}
	return res.write(opts.stdout, opts.format)
}
