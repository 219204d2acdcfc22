package draw

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

// svg writes an SVG document: elements with attributes escaped, errors
// kept until the end (as bufio.Writer does).
type svg struct {
	w     *bufio.Writer
	width float64 // of the viewBox, which labels keep inside
}

func newSVG(w io.Writer, width, height float64, title string) *svg {
	s := &svg{w: bufio.NewWriter(w), width: width}
	fmt.Fprintf(s.w, `<?xml version="1.0" encoding="UTF-8"?>`+"\n")
	fmt.Fprintf(s.w, `<svg xmlns="http://www.w3.org/2000/svg" width="%s" height="%s" viewBox="0 0 %s %s" font-family="%s" font-size="13">`+"\n",
		num(width), num(height), num(width), num(height), attr(fontFamily))
	s.elem("title", nil, title)
	s.open("rect", "width", "100%", "height", "100%", "fill", "white")
	s.w.WriteString("/>\n")
	return s
}

// attr escapes s for an attribute value in double quotes.
func attr(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s)) // escapes <, >, &, ', " and control characters
	return b.String()
}

// open writes the start of a tag with attributes as name, value pairs,
// leaving it open for "/>" or ">".
func (s *svg) open(tag string, kv ...string) {
	s.w.WriteString("<" + tag)
	for i := 0; i+1 < len(kv); i += 2 {
		if kv[i+1] == "" {
			continue
		}
		s.w.WriteString(" " + kv[i] + `="` + attr(kv[i+1]) + `"`)
	}
}

// empty writes <tag .../>.
func (s *svg) empty(tag string, kv ...string) {
	s.open(tag, kv...)
	s.w.WriteString("/>\n")
}

// elem writes <tag ...>text</tag>.
func (s *svg) elem(tag string, kv []string, text string) {
	s.open(tag, kv...)
	s.w.WriteString(">" + attr(text) + "</" + tag + ">\n")
}

func (s *svg) start(tag string, kv ...string) {
	s.open(tag, kv...)
	s.w.WriteString(">\n")
}

func (s *svg) end(tag string) { s.w.WriteString("</" + tag + ">\n") }

// label writes a centred label of one or two lines at (x, y): the English
// name in a <text class="name">, and under it the Arabic one in a
// <text class="name-ar"> marked right to left. Either may be "". Two text
// elements rather than two tspans: renderers differ on where a right-to-left
// tspan after a left-to-right one starts.
//
// With halo, each line is drawn twice: first as a <text class="halo"> with
// a wide white stroke, then as itself on top, so that the name reads over
// lines it crosses. Two elements, not paint-order="stroke" on one: some
// renderers (cairosvg) ignore paint-order and paint the white stroke over
// the letters, which hides them.
//
// x is moved, when the label's estimated width would cross the left or
// right edge of the viewBox, to keep it inside (labelMargin px from the
// edge); a label wider than the viewBox stays centred on it.
func (s *svg) label(x, y float64, en, ar string, halo bool, kv ...string) {
	x = s.inside(x, max(textWidth(en, 13), textWidth(ar, 13)))
	line := func(class, text string, extra ...string) {
		attrs := append(append([]string{"class", class, "x", num(x), "y", num(y), "text-anchor", "middle"}, extra...), kv...)
		if halo {
			h := append([]string{}, attrs...)
			h[1] = "halo"
			s.elem("text", append(h, "fill", "white", "stroke", "white", "stroke-width", "3", "stroke-linejoin", "round", "aria-hidden", "true"), text)
		}
		s.elem("text", attrs, text)
	}
	if en != "" {
		line("name", en)
		y += 16
	}
	if ar != "" {
		line("name-ar", ar, "xml:lang", "ar", "direction", "rtl", "unicode-bidi", "embed")
	}
}

// labelMargin is the least space in px between a label and the viewBox's
// left or right edge.
const labelMargin = 4.0

// inside returns the centre nearest x at which a label w px wide lies
// within the viewBox, labelMargin from its edges.
func (s *svg) inside(x, w float64) float64 {
	lo, hi := labelMargin+w/2, s.width-labelMargin-w/2
	switch {
	case lo > hi:
		return s.width / 2
	case x < lo:
		return lo
	case x > hi:
		return hi
	}
	return x
}

func (s *svg) close() error {
	s.end("svg")
	return s.w.Flush()
}
