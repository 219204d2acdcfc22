package draw

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/graph"
)

// Path is one chain of co-mentions: Entities in order, and Articles[i] the
// articles linking Entities[i] and Entities[i+1].
type Path struct {
	Entities []graph.Entity
	Articles []int
	// Evidence[i], when Evidence is not nil, names the first article behind
	// hop i as a reader would look it up: its ID, a date and its title.
	Evidence []string
	Cost     float64 // the sum over hops of 1/articles, shown when Weighted
}

func (p Path) check() error {
	if len(p.Entities) == 0 || len(p.Articles) != len(p.Entities)-1 {
		return fmt.Errorf("draw: a path of %d entities needs %d article counts, has %d", len(p.Entities), max(len(p.Entities)-1, 0), len(p.Articles))
	}
	if p.Evidence != nil && len(p.Evidence) != len(p.Articles) {
		return fmt.Errorf("draw: a path of %d hops needs %d evidence lines, has %d", len(p.Articles), len(p.Articles), len(p.Evidence))
	}
	return nil
}

// fit cuts s to at most w px at size px (textWidth's estimate), at a space
// where there is one in its second half, marking the cut with "…".
func fit(s string, w, size float64) string {
	if textWidth(s, size) <= w {
		return s
	}
	r := []rune(s)
	n := len(r)
	for n > 0 && textWidth(string(r[:n])+"…", size) > w {
		n--
	}
	cut := n
	for cut > n/2 && r[cut] != ' ' {
		cut--
	}
	if cut <= n/2 {
		cut = n
	}
	return strings.TrimSpace(string(r[:cut])) + "…"
}

// PathSVG draws paths as an SVG document, one row each, left to right: a
// circle per entity coloured by its type and labelled with its names in
// both scripts, a line per hop as wide as its articles and labelled with
// their number and, under the line, the first article behind it (cut to the
// gap between the circles, whole in its tooltip). weighted adds each path's
// cost to its heading.
//
// Every entity of a row is a <g class="node"> with a <text class="name"> and
// a <text class="name-ar">; every hop a <line class="edge">, a <text
// class="weight"> and, with evidence, a <text class="evidence">. No paths, or a path whose counts do not match its
// entities, is an error.
func PathSVG(w io.Writer, paths []Path, title string, weighted bool) error {
	if len(paths) == 0 {
		return errors.New("draw: no paths to draw")
	}
	const margin, rowHeight, minGap, r = 24.0, 130.0, 150.0, 14.0
	maxWeight, widest := 1, 0.0
	for _, p := range paths {
		if err := p.check(); err != nil {
			return err
		}
		for _, a := range p.Articles {
			maxWeight = max(maxWeight, a)
		}
		// Gap between node centres: the widest label, or minGap.
		for _, e := range p.Entities {
			en, ar := names(e)
			widest = max(widest, textWidth(en, 13), textWidth(ar, 13))
		}
	}
	gap := max(minGap, widest+24)
	longest := 0
	for _, p := range paths {
		longest = max(longest, len(p.Entities))
	}
	width := max(2*margin+gap*float64(longest), 2*margin+textWidth(title, 18))
	height := 56 + rowHeight*float64(len(paths))
	s := newSVG(w, width, height, title)
	s.elem("text", []string{"x", num(margin), "y", "28", "font-size", "18", "font-weight", "bold"}, title)
	for n, p := range paths {
		y0 := 56 + rowHeight*float64(n)
		head := fmt.Sprintf("%d hop%s", len(p.Articles), plural(len(p.Articles)))
		if len(paths) > 1 {
			head = fmt.Sprintf("%d. %s", n+1, head)
		}
		if weighted {
			head += fmt.Sprintf(", cost %.3f", p.Cost)
		}
		s.elem("text", []string{"x", num(margin), "y", num(y0 + 14), "fill", "#555", "font-size", "12"}, head)
		cy := y0 + 52
		x := func(i int) float64 { return margin + gap*(float64(i)+0.5) }
		s.start("g", "class", "path", "data-path", strconv.Itoa(n+1))
		for i, a := range p.Articles {
			s.open("line", "class", "edge", "x1", num(x(i)+r), "y1", num(cy), "x2", num(x(i+1)-r), "y2", num(cy),
				"stroke", "#8a8a8a", "stroke-width", num(strokeWidth(a, maxWeight)))
			s.w.WriteString(">")
			s.elem("title", nil, fmt.Sprintf("%s — %s: %d article%s", displayName(p.Entities[i]), displayName(p.Entities[i+1]), a, plural(a)))
			s.end("line")
			s.elem("text", []string{"class", "weight", "x", num((x(i) + x(i+1)) / 2), "y", num(cy - 8), "text-anchor", "middle", "font-size", "12", "fill", "#333"},
				fmt.Sprintf("%d article%s", a, plural(a)))
			if p.Evidence != nil && p.Evidence[i] != "" {
				s.open("text", "class", "evidence", "x", num((x(i)+x(i+1))/2), "y", num(cy+14), "text-anchor", "middle", "font-size", "10", "fill", "#555")
				s.w.WriteString(">")
				s.w.WriteString("<title>" + attr(p.Evidence[i]) + "</title>" + attr(fit(p.Evidence[i], gap-2*r-8, 10)))
				s.end("text")
			}
		}
		for i, e := range p.Entities {
			s.start("g", "class", "node", "data-id", e.ID)
			s.elem("title", nil, fmt.Sprintf("%s [%s, id %s]", displayName(e), e.Type, e.ID))
			s.empty("circle", "cx", num(x(i)), "cy", num(cy), "r", num(r), "fill", colour(e.Type), "stroke", "white", "stroke-width", "1.5")
			en, ar := names(e)
			if en == "" && ar == "" {
				en = e.ID
			}
			s.label(x(i), cy+r+16, en, ar, false)
			s.end("g")
		}
		s.end("g")
	}
	return s.close()
}

// PathDOT writes paths as one Graphviz graph laid out left to right: an
// entity on several paths is one node; a hop on several paths one edge,
// labelled with its articles. Every ID and string is quoted and escaped.
func PathDOT(w io.Writer, paths []Path, title string) error {
	if len(paths) == 0 {
		return errors.New("draw: no paths to draw")
	}
	b := bufio.NewWriter(w)
	fmt.Fprintf(b, "graph %s {\n", quote("path"))
	fmt.Fprintf(b, "\tgraph [rankdir=LR, label=%s, labelloc=t, fontname=%s];\n", quote(title), quote("DejaVu Sans"))
	fmt.Fprintf(b, "\tnode [shape=ellipse, style=filled, fontname=%s, fontsize=10];\n", quote("DejaVu Sans"))
	fmt.Fprintf(b, "\tedge [fontname=%s, fontsize=9, color=%s];\n", quote("DejaVu Sans"), quote("#8a8a8a"))
	maxWeight := 1
	for _, p := range paths {
		if err := p.check(); err != nil {
			return err
		}
		for _, a := range p.Articles {
			maxWeight = max(maxWeight, a)
		}
	}
	nodes := map[string]bool{}
	edges := map[[2]string]bool{}
	for _, p := range paths {
		for _, e := range p.Entities {
			if nodes[e.ID] {
				continue
			}
			nodes[e.ID] = true
			fmt.Fprintf(b, "\t%s [%s];\n", quote(e.ID), attrList([][2]string{
				{"label", quote(nodeLabel(e))}, {"fillcolor", quote(colour(e.Type))}, {"type", quote(string(e.Type))},
			}))
		}
		for i, a := range p.Articles {
			u, v := p.Entities[i].ID, p.Entities[i+1].ID
			if edges[[2]string{u, v}] || edges[[2]string{v, u}] {
				continue
			}
			edges[[2]string{u, v}] = true
			fmt.Fprintf(b, "\t%s -- %s [%s];\n", quote(u), quote(v), attrList([][2]string{
				{"label", quote(fmt.Sprintf("%d article%s", a, plural(a)))},
				{"weight", strconv.Itoa(a)}, {"penwidth", num(strokeWidth(a, maxWeight))},
			}))
		}
	}
	b.WriteString("}\n")
	return b.Flush()
}
