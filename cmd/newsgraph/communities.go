package main

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/query"
)

type communitiesOptions struct {
	queryOptions
	resolution float64
	seed       uint64
	top        int
	members    int
}

func communitiesCommand() *cli.Command {
	return &cli.Command{
		Name:  "communities",
		Usage: "groups of actors named together more than chance would have it (Louvain)",
		Description: `Partitions the co-mention graph into communities with the Louvain method: groups of
entities linked more densely among themselves than to the rest, weighing each link by
its articles. Lists the communities, largest first, with their members (most mentioned
first), and the partition's modularity.

--resolution above 1 gives more, smaller communities; below 1 fewer, larger ones.
Louvain visits entities in a random order: --seed fixes it, so the same graph and seed
always give the same communities; another seed can give another, equally good, partition.

   newsgraph query communities --top 10
   newsgraph query communities --edges sentence --type person,organization --resolution 1.5
   newsgraph query communities --format json > communities.json   # every member`,
		Flags: append([]cli.Flag{
			&cli.Float64Flag{Name: "resolution", Value: 1, Usage: "modularity `GAMMA`: above 1 smaller communities, below 1 larger"},
			&cli.Uint64Flag{Name: "seed", Value: 1, Usage: "`SEED` of Louvain's visiting order"},
			topFlag("communities"),
			&cli.IntFlag{Name: "members", Value: 8, Usage: "list the `N` most mentioned members of each community in a table; 0 lists all"},
			formatFlag(),
		}, append(viewFlags(), filterFlags()...)...),
		OnUsageError: onUsageError,
		Action: func(c *cli.Context) error {
			if err := noArgs(c, "communities", ""); err != nil {
				return err
			}
			q, top, err := parseRankedQuery(c)
			if err != nil {
				return err
			}
			if c.Float64("resolution") <= 0 {
				return usageErrorf("--resolution must be positive")
			}
			if c.Int("members") < 0 {
				return usageErrorf("--members must not be negative")
			}
			return runCommunities(c.Context, communitiesOptions{queryOptions: q, resolution: c.Float64("resolution"),
				seed: c.Uint64("seed"), top: top, members: c.Int("members")})
		},
	}
}

// communitiesResult is what runCommunities computes and caches: the
// partition (query.Communities) with each member cut down to what the
// output shows.
type communitiesResult struct {
	Members    [][]communityMember `json:"m"`
	Modularity float64             `json:"q"`
	Resolution float64             `json:"r"`
	Entities   int                 `json:"n"` // in the projection partitioned
}

type communityMember struct {
	ID       string `json:"i"`
	Name     string `json:"n,omitempty"`
	NameAr   string `json:"a,omitempty"`
	Articles int    `json:"r"`
}

func runCommunities(ctx context.Context, opts communitiesOptions) error {
	defer limitMemory(ctx, wholeGraphMemory)()
	store, err := openStoreFor(ctx, opts.queryOptions)
	if err != nil {
		return err
	}
	defer store.Close()
	// The partition is a function of the store's state and these options
	// only: computed once per write generation (cached).
	params := struct {
		Filter     graph.Filter
		Narrow     query.Narrowing
		Resolution float64
		Seed       uint64
	}{opts.filter, opts.narrow, opts.resolution, opts.seed}
	cs, err := cached(ctx, store, "communities", params, func() (communitiesResult, error) {
		g, err := query.Load(ctx, store, opts.filter, opts.narrow)
		if err != nil {
			return communitiesResult{}, err
		}
		cs := query.Louvain(g, opts.resolution, opts.seed)
		r := communitiesResult{Modularity: cs.Modularity, Resolution: cs.Resolution, Entities: g.Projected(),
			Members: make([][]communityMember, len(cs.Members))}
		for i, m := range cs.Members {
			for _, e := range m {
				r.Members[i] = append(r.Members[i], communityMember{ID: e.ID, Name: e.Name, NameAr: e.NameAr, Articles: e.Articles})
			}
		}
		return r, nil
	})
	if err != nil {
		return err
	}
	res := &result{columns: []column{
		{name: "community", title: "#", number: true},
		{name: "size", title: "SIZE", number: true},
		{name: "articles", title: "ARTICLES", number: true},
		{name: "members", title: "MEMBERS (MOST MENTIONED FIRST)"},
		{name: "member_ids", title: "IDS", wide: true},
	}}
	for i, m := range cs.Members {
		if opts.top > 0 && i == opts.top {
			break
		}
		// Members by articles, then ID, so the table leads with the
		// community's best-known names.
		ranked := append([]communityMember(nil), m...)
		sort.SliceStable(ranked, func(a, b int) bool {
			if ranked[a].Articles != ranked[b].Articles {
				return ranked[a].Articles > ranked[b].Articles
			}
			return ranked[a].ID < ranked[b].ID
		})
		articles := 0
		names := make([]string, 0, len(ranked))
		ids := make([]string, 0, len(ranked))
		for _, e := range ranked {
			articles += e.Articles
			ids = append(ids, e.ID)
		}
		shown := ranked
		if (opts.format == formatTable || opts.format == formatMD) && opts.members > 0 && len(shown) > opts.members {
			shown = shown[:opts.members]
		}
		for _, e := range shown {
			names = append(names, displayName(graph.Entity{ID: e.ID, Name: e.Name, NameAr: e.NameAr}))
		}
		list := strings.Join(names, ", ")
		if len(shown) < len(ranked) {
			list += fmt.Sprintf(" … and %d more", len(ranked)-len(shown))
		}
		res.rows = append(res.rows, []any{i + 1, len(m), articles, list, strings.Join(ids, " ")})
	}
	if opts.format == formatTable || opts.format == formatMD {
		fmt.Fprintf(opts.stdout, "%d communit%s of %d entities, modularity %.4f (resolution %g, seed %d)\n",
			len(cs.Members), map[bool]string{true: "y", false: "ies"}[len(cs.Members) == 1], cs.Entities, cs.Modularity, cs.Resolution, opts.seed)
	}
	res.view = opts.view
	return res.write(opts.stdout, opts.format)
}
