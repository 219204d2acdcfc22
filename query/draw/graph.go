package draw

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"

	"github.com/newsgraph/newsgraph/graph"
)

// GraphSVG draws p — an ego network (query.Ego) or any small projection —
// as an SVG document 960 × 720 px: a circle per entity, its area by the
// articles naming it and its colour by its type, labelled with its names in
// both scripts; a line per edge, its width by the articles behind it (the
// count in its tooltip); a legend of the types. center, when it is an
// entity of p, is outlined. Layout is force-directed (see the package
// documentation).
//
// Every entity is one <g class="node"> holding a <circle>, a <title> and
// a <text class="name"> and a <text class="name-ar"> for the names it has
// (each over a white <text class="halo">); every edge one <line
// class="edge">. Labels are kept inside the picture. An empty p, or one of
// more than MaxNodes entities, is an error.
func GraphSVG(w io.Writer, p *graph.Projection, center, title string) error {
	if err := checkSize(p); err != nil {
		return err
	}
	const width, height, margin = 960.0, 720.0, 90.0
	pos := positions(p, center, width-2*margin, height-2*margin-40)
	idx := make(map[string]int, len(p.Entities))
	maxArticles := 0
	for i, e := range p.Entities {
		idx[e.ID] = i
		pos[i].X += margin
		pos[i].Y += margin + 40
		maxArticles = max(maxArticles, e.Articles)
	}
	maxWeight := 0
	for _, e := range p.Edges {
		maxWeight = max(maxWeight, e.Articles)
	}
	s := newSVG(w, width, height, title)
	s.elem("text", []string{"x", "16", "y", "28", "font-size", "18", "font-weight", "bold"}, title)
	// Legend, top right.
	x := width - 16.0
	for i := len(legendTypes) - 1; i >= 0; i-- {
		t := string(legendTypes[i])
		x -= textWidth(t, 13)
		s.elem("text", []string{"x", num(x), "y", "28"}, t)
		x -= 16
		s.empty("circle", "cx", num(x+7), "cy", "23.5", "r", "6", "fill", colour(legendTypes[i]))
		x -= 14
	}
	s.elem("text", []string{"x", "16", "y", "48", "fill", "#555", "font-size", "11"},
		"circle area: articles naming the entity · line width: articles naming both")
	s.start("g", "class", "edges", "stroke", "#8a8a8a", "stroke-opacity", "0.6", "stroke-linecap", "round")
	for _, e := range p.Edges {
		a, okA := idx[e.A]
		b, okB := idx[e.B]
		if !okA || !okB || a == b {
			continue
		}
		stroke := "" // the group's grey; the ego's own links darker
		if e.A == center || e.B == center {
			stroke = "#3b3b3b"
		}
		s.open("line", "class", "edge", "x1", num(pos[a].X), "y1", num(pos[a].Y), "x2", num(pos[b].X), "y2", num(pos[b].Y),
			"stroke", stroke, "stroke-width", num(strokeWidth(e.Articles, maxWeight)))
		s.w.WriteString(">")
		s.elem("title", nil, fmt.Sprintf("%s — %s: %d article%s", displayName(p.Entities[a].Entity), displayName(p.Entities[b].Entity), e.Articles, plural(e.Articles)))
		s.end("line")
	}
	s.end("g")
	for i, e := range p.Entities {
		r := radius(e.Articles, maxArticles)
		s.start("g", "class", "node", "data-id", e.ID)
		s.elem("title", nil, fmt.Sprintf("%s [%s, id %s]: %d article%s", displayName(e.Entity), e.Type, e.ID, e.Articles, plural(e.Articles)))
		stroke, sw := "white", "1.5"
		if e.ID == center {
			stroke, sw = "#222", "3"
		}
		s.empty("circle", "cx", num(pos[i].X), "cy", num(pos[i].Y), "r", num(r), "fill", colour(e.Type), "stroke", stroke, "stroke-width", sw)
		en, ar := names(e.Entity)
		if en == "" && ar == "" {
			en = e.ID
		}
		weight := ""
		if e.ID == center {
			weight = "bold"
		}
		s.label(pos[i].X, pos[i].Y+r+14, en, ar, true, "font-weight", weight)
		s.end("g")
	}
	return s.close()
}

// MaxNodes is the most entities GraphSVG and GraphDOT draw: beyond it a
// picture is a hairball no one reads (and, at the 7,569 entities of one
// country's neighbourhood in ar-news-2022, a 31 MB file). Callers choose
// the entities to keep, the strongest first, before drawing.
const MaxNodes = 150

// ErrTooLarge is returned for a graph of more than MaxNodes entities.
var ErrTooLarge = fmt.Errorf("draw: more than %d entities to draw", MaxNodes)

func checkSize(p *graph.Projection) error {
	switch {
	case len(p.Entities) == 0:
		return errors.New("draw: no entities to draw")
	case len(p.Entities) > MaxNodes:
		return fmt.Errorf("%w: %d", ErrTooLarge, len(p.Entities))
	}
	return nil
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// GraphDOT writes p as an undirected Graphviz graph for neato (or dot):
// one node per entity, its ID the entity ID, a circle filled with its
// type's colour and as large as GraphSVG draws it (fixedsize), labelled
// beside it (xlabel) with its names in both scripts;
// one edge per link with its articles as weight, penwidth and tooltip.
// center, when it is an entity of p, is drawn bold. Every ID and string is
// quoted and escaped. An empty p, or one of more than MaxNodes entities,
// is an error.
func GraphDOT(w io.Writer, p *graph.Projection, center, title string) error {
	if err := checkSize(p); err != nil {
		return err
	}
	b := bufio.NewWriter(w)
	maxArticles, maxWeight := 0, 0
	ids := make(map[string]bool, len(p.Entities))
	for _, e := range p.Entities {
		maxArticles = max(maxArticles, e.Articles)
		ids[e.ID] = true
	}
	for _, e := range p.Edges {
		maxWeight = max(maxWeight, e.Articles)
	}
	fmt.Fprintf(b, "graph %s {\n", quote("newsgraph"))
	fmt.Fprintf(b, "\tgraph [layout=neato, overlap=false, sep=%s, forcelabels=true, label=%s, labelloc=t, fontname=%s];\n", quote("+24"), quote(title), quote("DejaVu Sans"))
	fmt.Fprintf(b, "\tnode [shape=circle, style=filled, fixedsize=true, label=%s, fontname=%s, fontsize=10];\n", quote(""), quote("DejaVu Sans"))
	fmt.Fprintf(b, "\tedge [color=%s];\n", quote("#8a8a8a99"))
	for _, e := range p.Entities {
		attrs := [][2]string{
			{"xlabel", quote(nodeLabel(e.Entity))},
			{"fillcolor", quote(colour(e.Type))},
			{"width", strconv.FormatFloat(2*radius(e.Articles, maxArticles)/72, 'f', 2, 64)},
			{"tooltip", quote(fmt.Sprintf("%s [%s]: %d article%s", e.ID, e.Type, e.Articles, plural(e.Articles)))},
			{"type", quote(string(e.Type))},
			{"articles", strconv.Itoa(e.Articles)},
		}
		if e.ID == center {
			attrs = append(attrs, [2]string{"penwidth", "3"}, [2]string{"fontname", quote("DejaVu Sans Bold")})
		}
		fmt.Fprintf(b, "\t%s [%s];\n", quote(e.ID), attrList(attrs))
	}
	for _, e := range p.Edges {
		if !ids[e.A] || !ids[e.B] || e.A == e.B {
			continue
		}
		fmt.Fprintf(b, "\t%s -- %s [%s];\n", quote(e.A), quote(e.B), attrList([][2]string{
			{"weight", strconv.Itoa(e.Articles)},
			{"penwidth", num(strokeWidth(e.Articles, maxWeight))},
			{"tooltip", quote(fmt.Sprintf("%d article%s", e.Articles, plural(e.Articles)))},
		}))
	}
	b.WriteString("}\n")
	return b.Flush()
}

// nodeLabel is e's names, one per line, for a DOT label.
func nodeLabel(e graph.Entity) string {
	en, ar := names(e)
	switch {
	case en != "" && ar != "":
		return en + "\n" + ar
	case en != "":
		return en
	case ar != "":
		return ar
	}
	return e.ID
}

func attrList(attrs [][2]string) string {
	var b []byte
	for i, a := range attrs {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = append(b, a[0]...)
		b = append(b, '=')
		b = append(b, a[1]...)
	}
	return string(b)
}

// quote writes s as a DOT double-quoted string: a backslash and a quote are
// escaped, a line break is written \n (a centred line in a label), other
// control characters are dropped.
func quote(s string) string {
	b := []byte{'"'}
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b = append(b, '\\', byte(r))
		case r == '\n':
			b = append(b, '\\', 'n')
		case r < 0x20 || r == 0x7f:
		default:
			b = append(b, string(r)...)
		}
	}
	return string(append(b, '"'))
}
