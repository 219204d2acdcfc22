package main

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/query"
	"github.com/newsgraph/newsgraph/query/draw"
)

// Picture formats, which the commands that draw accept besides the others.
const (
	formatSVG = "svg"
	formatDOT = "dot"
)

// pictureFormatFlag is --format for a command that can also draw, in the
// formats given.
func pictureFormatFlag(pictures ...string) cli.Flag {
	return &cli.StringFlag{Name: "format", Aliases: []string{"f"}, DefaultText: "table on a terminal, tsv in a pipe",
		Usage: "output `FORMAT`: table (for people; fits the terminal, or --width), markdown (for reports), tsv, csv or json (for programs), " +
			"or a picture: " + strings.Join(pictures, " or ") + " (" + map[bool]string{true: "SVG for a browser, DOT for Graphviz", false: "SVG for a browser"}[slices.Contains(pictures, formatDOT)] + ")"}
}

// takePicture reads a picture format (one of pictures) from --format and
// clears the flag, so that the parsing shared with other commands sees the
// default; it returns "" when --format names no picture.
func takePicture(c *cli.Context, pictures ...string) (string, error) {
	f := strings.ToLower(c.String("format"))
	if !slices.Contains(pictures, f) {
		if _, err := formatName(c.String("format"), false); err != nil {
			all := append([]string{formatTable, formatMD, formatTSV, formatCSV, formatJSON}, pictures...)
			msg := fmt.Sprintf("unknown --format %q (want %s or %s)", c.String("format"), strings.Join(all[:len(all)-1], ", "), all[len(all)-1])
			if sug := closest(c.String("format"), all); len(sug) > 0 {
				msg += "; did you mean " + strings.Join(sug, " or ") + "?"
			}
			return "", usageErrorf("%s", msg)
		}
		return "", nil
	}
	if err := c.Set("format", formatAuto); err != nil {
		return "", fmt.Errorf("--format: %w", err)
	}
	return f, nil
}

func isPicture(format string) bool { return format == formatSVG || format == formatDOT }

// maxReadable is the most neighbours a ring holds with readable names.
const maxReadable = 40

// drawNeighbors draws the ego network of opts.name: it, its top neighbours
// (of types and kinds, when given) and the links between them.
func drawNeighbors(ctx context.Context, opts neighborsOptions, types []graph.EntityType, kinds query.Narrowing) error {
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
	if len(types) > 0 || len(kinds.Kinds) > 0 {
		keep := &graph.Projection{}
		kept := map[string]bool{}
		for _, x := range p.Entities {
			if x.ID == e.ID || (len(types) == 0 || hasType(types, x.Type)) && kinds.KindMatches(x.Kind) {
				keep.Entities = append(keep.Entities, x)
				kept[x.ID] = true
			}
		}
		for _, x := range p.Edges {
			if kept[x.A] && kept[x.B] {
				keep.Edges = append(keep.Edges, x)
			}
		}
		p = keep
	}
	top, all, capped := opts.top, len(query.Neighbors(p, e.ID)), false
	if cap := draw.MaxNodes - 1; all > cap && (top == 0 || top > cap) {
		fmt.Fprintf(opts.stderr, "drawing the strongest %d of %s's %d neighbours: a picture holds at most %d entities; --top N draws fewer (--top %d keeps names readable)\n",
			cap, printable(displayName(e)), all, draw.MaxNodes, maxReadable)
		top, capped = cap, true
	}
	// The links between the neighbours drawn: the neighbourhoods of those
	// drawn, cut down to the links among them.
	ns := query.Neighbors(p, e.ID)
	if top > 0 && len(ns) > top {
		ns = ns[:top]
	}
	ids := []string{e.ID}
	for _, n := range ns {
		ids = append(ids, n.Entity.ID)
	}
	around, err := links(ctx, store, ids, opts.queryOptions)
	if err != nil {
		return err
	}
	p = among(around, ids)
	ego, _, err := query.Ego(p, e.ID, query.EgoOptions{Depth: 1, Top: top, AllLinks: true})
	if err != nil {
		return fmt.Errorf("neighbors of %s: %w", describe(e), err)
	}
	n := len(ego.Entities) - 1
	if n > maxReadable && !capped {
		fmt.Fprintf(opts.stderr, "drawing %d neighbours on one ring; --top %d or fewer keeps the names readable\n", n, maxReadable)
	}
	title := fmt.Sprintf("%s and %d neighbour%s", displayName(e), n, plural(n))
	if opts.format == formatDOT {
		return draw.GraphDOT(opts.stdout, ego, e.ID, title)
	}
	return draw.GraphSVG(opts.stdout, ego, e.ID, title)
}

// among returns the entities of p with these IDs and the edges between
// them, in p's order.
func among(p *graph.Projection, ids []string) *graph.Projection {
	keep := make(map[string]bool, len(ids))
	for _, id := range ids {
		keep[id] = true
	}
	out := &graph.Projection{}
	for _, e := range p.Entities {
		if keep[e.ID] {
			out.Entities = append(out.Entities, e)
		}
	}
	for _, e := range p.Edges {
		if keep[e.A] && keep[e.B] {
			out.Edges = append(out.Edges, e)
		}
	}
	return out
}

// drawPath draws the routes found by runPath; byID holds their entities.
func drawPath(opts pathOptions, routes []route, byID map[string]graph.Entity) error {
	paths := make([]draw.Path, len(routes))
	for i, r := range routes {
		p := draw.Path{Cost: r.cost}
		for _, id := range r.ids {
			p.Entities = append(p.Entities, byID[id])
		}
		for _, h := range r.hops {
			p.Articles = append(p.Articles, h.Articles)
			p.Evidence = append(p.Evidence, firstEvidence(h.Evidence))
		}
		paths[i] = p
	}
	first := paths[0].Entities
	title := fmt.Sprintf("%s → %s", displayName(first[0]), displayName(first[len(first)-1]))
	if opts.format == formatDOT {
		return draw.PathDOT(opts.stdout, paths, title)
	}
	return draw.PathSVG(opts.stdout, paths, title, opts.weighted)
}

// firstEvidence names the first article of a hop's evidence for a picture:
// its ID, its date when known, and its title; "" when there is none.
func firstEvidence(ev []graph.Evidence) string {
	if len(ev) == 0 {
		return ""
	}
	parts := []string{ev[0].ArticleID}
	if !ev[0].Published.IsZero() {
		parts = append(parts, ev[0].Published.Format("2006-01-02"))
	}
	if t := strings.Join(strings.Fields(ev[0].Title), " "); t != "" {
		parts = append(parts, t)
	}
	return strings.Join(parts, " · ")
}

// drawTimeline draws the timelines of several entities in one chart.
func drawTimeline(opts timelineOptions, series []draw.Series) error {
	ns := make([]string, len(series))
	for i, s := range series {
		ns[i] = displayName(s.Entity)
	}
	per := map[query.Period]string{query.Week: "week", query.Month: "month"}[opts.per]
	title := fmt.Sprintf("Articles per %s: %s", per, strings.Join(ns, ", "))
	return draw.TimelineSVG(opts.stdout, series, opts.per, title)
}
