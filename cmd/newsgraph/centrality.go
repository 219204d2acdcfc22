package main

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/graph/neo4j"
	"github.com/newsgraph/newsgraph/query"
)

type centralityOptions struct {
	queryOptions
	view   view
	top    int
	metric string
	sample int
	seed   uint64
	engine string // "go", "gds" or "auto"
	weight query.Weight
}

// gdsAutoEdges is the co-mention edge count from which --engine auto ranks
// by PageRank inside Neo4j when it has Graph Data Science. Below it the Go
// path is as fast or faster (ar-news-2022, 341,874 edges: projection read
// 26–43 s, GDSPageRank 29–36 s end to end; docs/neo4j.md); a judgement, not
// a measured crossover.
const gdsAutoEdges = 1_000_000

// metrics are what --metric sorts by, each with its value in a score.
var metrics = map[string]func(centralityRow) float64{
	"pagerank":        func(s centralityRow) float64 { return s.PageRank },
	"degree":          func(s centralityRow) float64 { return float64(s.Degree) },
	"weighted-degree": func(s centralityRow) float64 { return s.WeightedDegree },
	"betweenness":     func(s centralityRow) float64 { return s.Betweenness },
	"eigenvector":     func(s centralityRow) float64 { return s.Eigenvector },
	"harmonic":        func(s centralityRow) float64 { return s.Harmonic },
	"articles":        func(s centralityRow) float64 { return float64(s.Articles) },
	"mentions":        func(s centralityRow) float64 { return float64(s.Mentions) },
}

func centralityCommand() *cli.Command {
	return &cli.Command{
		Name:  "centrality",
		Usage: "rank entities by PageRank, betweenness, eigenvector, closeness or degree",
		Description: fmt.Sprintf(`Ranks the entities of the co-mention graph — two entities are linked when an article
mentions both (or a sentence, or a typed relation: see --edges), the link weighing as many
articles as do — by one of:

   pagerank         edge-weighted PageRank (damping 0.85): the default
   degree           entities linked to
   weighted-degree  sum of link weights
   betweenness      share of shortest paths (fewest hops) through the entity, normalised
                    as networkx does
   eigenvector      edge-weighted eigenvector centrality (unit length, as networkx)
   harmonic         harmonic closeness: the sum of 1/hops to every entity reached (as
                    networkx; not normalised, so disconnected graphs are fine)
   articles         articles mentioning it
   mentions         times it is mentioned

Every metric is shown whichever sorts. Ties go to PageRank, then weighted degree, mentions,
name and ID, so the order is the same on every run and backend.

Betweenness and harmonic closeness are searched from the entities that have an edge (one
without adds nothing as a source): exact up to %d such entities and estimated from %d
randomly drawn among them past that (the table says so); --sample K estimates from K
sources at any size (and --sample N, for N at least the entities with an edge, is exact),
--seed draws another sample.

--weight confidence (with --edges typed) weighs a link by the summed confidences of the
typed relations joining the two instead of by their articles: each relation counts the
measured precision of the construction it was read by (see query relations --help; one
stored before confidences were kept counts 0.5), so that links read by patterns that measure
imprecise weigh less. PageRank, weighted degree and eigenvector centrality follow the
weight; degree, betweenness and harmonic closeness count hops and do not.

   newsgraph query centrality --top 10
   newsgraph query centrality --metric betweenness --type person --edges sentence
   newsgraph query centrality --sample 200 --format csv > ranks.csv
   newsgraph query centrality --edges typed --weight confidence --top 20`, query.SampleAbove, query.DefaultPivots),
		Flags: append([]cli.Flag{
			topFlag("entities"),
			&cli.StringFlag{Name: "metric", Aliases: []string{"m"}, Value: "pagerank", Usage: "sort by `METRIC` (see above)"},
			&cli.IntFlag{Name: "sample", Usage: fmt.Sprintf("estimate betweenness and closeness from `K` sources (0: exact up to %d entities)", query.SampleAbove)},
			&cli.Uint64Flag{Name: "seed", Value: 1, Usage: "`SEED` drawing the sample sources"},
			&cli.StringFlag{Name: "weight", Value: string(query.ByArticles), Usage: "what a link weighs: `WEIGHT` articles (articles joining the two) or confidence (with --edges typed: the summed confidences of the relations joining them)"},
			&cli.StringFlag{Name: "engine", Value: "go", Usage: "`ENGINE` computing the ranking: go (read the graph, compute here), gds (PageRank inside Neo4j with Graph Data Science: --metric pagerank, --no-cluster, no filter; only PageRank, articles and mentions are filled), or auto (gds where it applies, is installed and the graph has 1,000,000+ edges)"},
			formatFlag(),
		}, append(viewFlags(), filterFlags()...)...),
		OnUsageError: onUsageError,
		Action: func(c *cli.Context) error {
			if err := noArgs(c, "centrality", ""); err != nil {
				return err
			}
			q, top, err := parseRankedQuery(c)
			if err != nil {
				return err
			}
			metric := strings.ToLower(strings.ReplaceAll(c.String("metric"), "_", "-"))
			if _, ok := metrics[metric]; !ok {
				names := make([]string, 0, len(metrics))
				for m := range metrics {
					names = append(names, m)
				}
				sort.Strings(names)
				return usageErrorf("unknown --metric %q (want one of %s)", c.String("metric"), strings.Join(names, ", "))
			}
			if c.Int("sample") < 0 {
				return usageErrorf("--sample must not be negative")
			}
			cols, err := checkColumns(c.StringSlice("columns"), centralityColumns(metric))
			if err != nil {
				return err
			}
			engine := c.String("engine")
			if engine != "go" && engine != "gds" && engine != "auto" {
				return usageErrorf("unknown --engine %q (want go, gds or auto)", engine)
			}
			weight, err := query.ParseWeight(strings.ToLower(c.String("weight")))
			if err != nil {
				return usageErrorf("--weight: %v", err)
			}
			if weight == query.ByConfidence && q.filter.Level() != graph.TypedEdges {
				return usageErrorf("--weight confidence needs --edges typed: only typed relations carry a confidence")
			}
			if weight == query.ByConfidence && engine == "gds" {
				return usageErrorf("--engine gds ranks by articles only; --weight confidence needs --engine go")
			}
			return runCentrality(c.Context, centralityOptions{queryOptions: q, view: view{columns: cols, wide: c.Bool("wide")}, top: top, metric: metric,
				sample: c.Int("sample"), seed: c.Uint64("seed"), engine: engine, weight: weight})
		},
	}
}

// centralityColumns are the columns of the ranking by metric. Tables show
// the few people read — rank, both names, type, the metric sorted by, and
// articles. As a terminal narrows, type goes first, then names are cut,
// then articles, the Arabic name and the metric go, in that order; --wide
// or --columns shows the rest.
func centralityColumns(metric string) []column {
	cols := append(rankedEntityColumns(),
		column{name: "pagerank", title: "PAGERANK", number: true, digits: 4},
		column{name: "degree", title: "DEGREE", number: true},
		column{name: "weighted_degree", title: "W.DEGREE", number: true, digits: 0},
		column{name: "betweenness", title: "BETWEENNESS", number: true, digits: 4},
		column{name: "eigenvector", title: "EIGENVECTOR", number: true, digits: 4},
		column{name: "harmonic", title: "HARMONIC", number: true, digits: 1},
		column{name: "articles", title: "ARTICLES", number: true},
		column{name: "mentions", title: "MENTIONS", number: true},
		column{name: "estimated", title: "ESTIMATED"},
	)
	keep := map[string]int{"rank": 5, "name": 5, "name_ar": 3, strings.ReplaceAll(metric, "-", "_"): 4, "type": 1, "articles": 2}
	for i := range cols {
		k, shown := keep[cols[i].name]
		cols[i].keep, cols[i].wide = k, !shown
		cols[i].optional = cols[i].name == "type" || cols[i].name == "id" // before names are cut
	}
	return cols
}

// centralityResult is what runCentrality computes and caches: the table
// with each entity cut down to what the output shows, under short JSON
// names (6.3 MB of JSON for ar-news-2022's 16,011 entities as whole
// entities, a third of that so).
type centralityResult struct {
	Scores               []centralityRow `json:"s"`
	Estimated            bool            `json:"e"`
	Pivots               int             `json:"p"`
	Seed                 uint64          `json:"d"`
	EigenvectorConverged bool            `json:"c"`
	Entities             int             `json:"n"` // in the projection ranked
	Connected            int             `json:"k"` // of them, those with an edge (query.Table.Connected)
}

type centralityRow struct {
	ID             string  `json:"i"`
	Name           string  `json:"n,omitempty"`
	NameAr         string  `json:"a,omitempty"`
	Type           string  `json:"t"`
	Articles       int     `json:"r"`
	Mentions       int     `json:"m"`
	PageRank       float64 `json:"p"`
	Degree         int     `json:"g"`
	WeightedDegree float64 `json:"w"`
	Betweenness    float64 `json:"b"`
	Eigenvector    float64 `json:"v"`
	Harmonic       float64 `json:"h"`
}

func newCentralityResult(t query.Table, entities int) centralityResult {
	r := centralityResult{Estimated: t.Estimated, Pivots: t.Pivots, Seed: t.Seed, EigenvectorConverged: t.EigenvectorConverged,
		Entities: entities, Connected: t.Connected, Scores: make([]centralityRow, len(t.Scores))}
	for i, s := range t.Scores {
		e := s.Entity
		r.Scores[i] = centralityRow{ID: e.ID, Name: e.Name, NameAr: e.NameAr, Type: string(e.Type), Articles: e.Articles, Mentions: e.Mentions,
			PageRank: s.PageRank, Degree: s.Degree, WeightedDegree: s.WeightedDegree, Betweenness: s.Betweenness, Eigenvector: s.Eigenvector, Harmonic: s.Harmonic}
	}
	return r
}

func runCentrality(ctx context.Context, opts centralityOptions) error {
	defer limitMemory(ctx, wholeGraphMemory)()
	store, err := openStoreFor(ctx, opts.queryOptions)
	if err != nil {
		return err
	}
	defer store.Close()
	if gds, err := useGDS(ctx, store, opts); err != nil {
		return err
	} else if gds != nil {
		return runCentralityGDS(ctx, gds, opts)
	}
	// The table is a function of the store's state and these options only:
	// computed once per write generation (cached), ranked and cut here.
	params := struct {
		Filter graph.Filter
		Narrow query.Narrowing
		Sample int
		Seed   uint64
		Weight query.Weight `json:",omitempty"` // absent for articles: the cache keys of before
	}{opts.filter, opts.narrow, opts.sample, opts.seed, ""}
	if opts.weight == query.ByConfidence {
		params.Weight = opts.weight
	}
	ct, err := cached(ctx, store, "centrality", params, func() (centralityResult, error) {
		g, err := loadWeighted(ctx, store, opts.filter, opts.narrow, opts.weight)
		if err != nil {
			return centralityResult{}, err
		}
		t := query.CentralityTable(g, query.CentralityOptions{Pivots: opts.sample, Seed: opts.seed})
		return newCentralityResult(t, g.Len()), nil
	})
	if err != nil {
		return err
	}
	t := ct
	scores := t.Scores
	if opts.metric != "pagerank" {
		// The table comes ranked by PageRank and its tie-breaks; a stable
		// sort keeps that order among equal values.
		value := metrics[opts.metric]
		sort.SliceStable(scores, func(i, j int) bool { return value(scores[i]) > value(scores[j]) })
	}
	if opts.top > 0 && len(scores) > opts.top {
		scores = scores[:opts.top]
	}
	res := &result{columns: centralityColumns(opts.metric), view: opts.view}
	for i, s := range scores {
		res.rows = append(res.rows, []any{i + 1, s.ID, s.Name, s.NameAr, s.Type,
			s.PageRank, s.Degree, s.WeightedDegree, s.Betweenness, s.Eigenvector, s.Harmonic, s.Articles, s.Mentions,
			strconv.FormatBool(t.Estimated)})
	}
	if err := res.write(opts.stdout, opts.format); err != nil {
		return err
	}
	// The notes go below a table, and to stderr for formats programs read,
	// whose "estimated" column says it too.
	note := opts.stdout
	if opts.format != formatTable && opts.format != formatMD {
		note = opts.stderr
	}
	if t.Estimated {
		fmt.Fprintf(note, "betweenness and harmonic closeness estimated from %d of the %d entities with an edge (seed %d); --sample %d computes them exactly\n",
			t.Pivots, t.Connected, t.Seed, t.Connected)
	}
	if !t.EigenvectorConverged {
		fmt.Fprintf(note, "eigenvector centrality did not converge in %d rounds; its column holds the last round\n", query.EigenvectorMaxIter)
	}
	return nil
}

// loadWeighted loads the graph to rank: streamed (query.Load) when edges
// weigh their articles; read as a projection and weighed by confidence
// otherwise (typed projections are small: one edge per related pair).
func loadWeighted(ctx context.Context, store graph.Store, f graph.Filter, n query.Narrowing, w query.Weight) (*query.Graph, error) {
	if w != query.ByConfidence {
		return query.Load(ctx, store, f, n)
	}
	p, err := store.Projection(ctx, f)
	if err != nil {
		return nil, err
	}
	return query.NewWeighted(query.Narrow(p, n), w), nil
}

// useGDS returns the Neo4j store to rank inside when opts.engine asks for
// Graph Data Science and it applies, or nil for the Go path. GDS ranks the
// stored, unclustered, unfiltered article-level graph by PageRank
// (neo4j.Store.GDSPageRank), so it applies only with --no-cluster, no
// filter or narrowing and --metric pagerank; --engine gds says why not,
// --engine auto falls back to go.
func useGDS(ctx context.Context, store graph.Store, opts centralityOptions) (*neo4j.Store, error) {
	if opts.engine == "go" {
		return nil, nil
	}
	s, isNeo4j := store.(*neo4j.Store)
	var why string
	switch {
	case !isNeo4j && !opts.noCluster:
		why = "needs --no-cluster and a neo4j:// store"
	case !isNeo4j:
		why = "needs a neo4j:// store"
	case opts.metric != "pagerank":
		why = "ranks by --metric pagerank only"
	case !wholeGraph(opts.filter, opts.narrow):
		why = "ranks the whole graph: no --since, --until, --type, --lang, --source, --edges, --kind or --min-weight"
	}
	if why == "" {
		ok, err := s.HasGDS(ctx)
		if err != nil {
			return nil, err
		}
		if !ok {
			why = "needs Graph Data Science on the server (see docs/neo4j.md)"
		}
	}
	if why != "" {
		if opts.engine == "gds" {
			return nil, usageErrorf("--engine gds %s", why)
		}
		return nil, nil
	}
	if opts.engine == "auto" {
		size, err := s.Size(ctx)
		if err != nil {
			return nil, err
		}
		if size.Edges < gdsAutoEdges {
			return nil, nil
		}
	}
	return s, nil
}

// runCentralityGDS ranks the entities by PageRank computed inside Neo4j:
// the entities (without edges) and their scores are all that cross the
// wire. The other metrics are not computed, so their columns are left out.
func runCentralityGDS(ctx context.Context, s *neo4j.Store, opts centralityOptions) error {
	ents, err := s.Entities(ctx, graph.Filter{})
	if err != nil {
		return err
	}
	pr, err := s.GDSPageRank(ctx)
	if err != nil {
		return err
	}
	// The Go path's order: PageRank, then mentions, name and ID (weighted
	// degree, its second key, is not computed here).
	sort.Slice(ents, func(i, j int) bool {
		a, b := ents[i], ents[j]
		if x, y := round(pr[a.ID]), round(pr[b.ID]); x != y {
			return x > y
		}
		if a.Mentions != b.Mentions {
			return a.Mentions > b.Mentions
		}
		if a.Name != b.Name {
			return a.Name < b.Name
		}
		return a.ID < b.ID
	})
	if opts.top > 0 && len(ents) > opts.top {
		ents = ents[:opts.top]
	}
	cols := []column{}
	for _, c := range centralityColumns(opts.metric) {
		switch c.name {
		case "degree", "weighted_degree", "betweenness", "eigenvector", "harmonic", "estimated":
			continue
		}
		cols = append(cols, c)
	}
	res := &result{columns: cols, view: opts.view}
	for i, e := range ents {
		res.rows = append(res.rows, []any{i + 1, e.ID, e.Name, e.NameAr, string(e.Type), pr[e.ID], e.Articles, e.Mentions})
	}
	return res.write(opts.stdout, opts.format)
}

func round(x float64) float64 { return math.Round(x*1e9) / 1e9 }

// wholeGraph reports whether f and n keep the whole article-level graph.
func wholeGraph(f graph.Filter, n query.Narrowing) bool {
	return len(f.Types) == 0 && f.AllArticles() && f.Level() == graph.ArticleEdges && len(f.Relations) == 0 &&
		len(n.Kinds) == 0 && n.MinWeight <= 1
}
