package draw

import (
	"bytes"
	"encoding/xml"
	"errors"
	"flag"
	"html"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	gg "gonum.org/v1/gonum/graph"
	"gonum.org/v1/gonum/graph/encoding"
	"gonum.org/v1/gonum/graph/encoding/dot"
	"gonum.org/v1/gonum/graph/simple"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/query"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// golden compares got with testdata/name, or writes it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test -update writes it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (go test -update rewrites it); got:\n%s", path, got)
	}
}

// ego is a small ego network with names that need escaping in both
// formats: a quote, an ampersand, angle brackets, a backslash, a line
// break, and names in Arabic only.
func ego() *graph.Projection {
	ent := func(id, name, ar string, t graph.EntityType, articles int) graph.ProjectedEntity {
		return graph.ProjectedEntity{Entity: graph.Entity{ID: id, Name: name, NameAr: ar, Type: t}, Articles: articles}
	}
	return &graph.Projection{
		Entities: []graph.ProjectedEntity{
			ent("al-sadr", "Muqtada al-Sadr", "مقتدى الصدر", graph.Person, 9),
			ent("baghdad", "Baghdad", "بغداد", graph.Location, 30),
			ent("kadhimi", "Mustafa al-Kadhimi", "مصطفى الكاظمي", graph.Person, 40),
			ent("pmf", "", "الحشد الشعبي", graph.Organization, 12),
			ent("q\"x", `Say "Q" & <co>\ltd`, "", graph.Organization, 2),
			ent("odd", "Two\nlines", "", "", 1),
		},
		Edges: []graph.Edge{
			{A: "al-sadr", B: "kadhimi", Articles: 4},
			{A: "baghdad", B: "kadhimi", Articles: 20},
			{A: "baghdad", B: "pmf", Articles: 3},
			{A: "kadhimi", B: "odd", Articles: 1},
			{A: "kadhimi", B: "pmf", Articles: 7},
			{A: "kadhimi", B: "q\"x", Articles: 2},
		},
	}
}

// svgDoc is what the tests read back from an SVG document.
type svgDoc struct {
	nodes    []string            // data-id of each <g class="node">
	texts    map[string][]string // class → text of each <text> with a class
	rtl      []string            // text of the elements marked direction="rtl"
	edges    int                 // <line class="edge">
	polyline int                 // <polyline class="series">
}

// readSVG decodes a whole SVG document with encoding/xml, failing the test
// on any malformed XML.
func readSVG(t *testing.T, b []byte) svgDoc {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(b))
	doc := svgDoc{texts: map[string][]string{}}
	var stack []xml.StartElement
	var root string
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed XML: %v\n%s", err, b)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if root == "" {
				root = tok.Name.Space + " " + tok.Name.Local
			}
			stack = append(stack, tok)
			get := func(name string) string {
				for _, a := range tok.Attr {
					if a.Name.Local == name {
						return a.Value
					}
				}
				return ""
			}
			switch {
			case tok.Name.Local == "g" && get("class") == "node":
				doc.nodes = append(doc.nodes, get("data-id"))
			case tok.Name.Local == "line" && get("class") == "edge":
				doc.edges++
			case tok.Name.Local == "polyline" && get("class") == "series":
				doc.polyline++
			}
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) == 0 {
				continue
			}
			top := stack[len(stack)-1]
			halo := false
			for _, a := range top.Attr {
				halo = halo || a.Name.Local == "class" && a.Value == "halo"
			}
			for _, a := range top.Attr {
				switch {
				case halo && a.Name.Local == "class":
					doc.texts["halo"] = append(doc.texts["halo"], string(tok))
				case halo:
				case top.Name.Local == "text" && a.Name.Local == "class":
					doc.texts[a.Value] = append(doc.texts[a.Value], string(tok))
				case a.Name.Local == "direction" && a.Value == "rtl":
					doc.rtl = append(doc.rtl, string(tok))
				}
			}
		}
	}
	if root != "http://www.w3.org/2000/svg svg" {
		t.Errorf("root element %q, want svg in the SVG namespace", root)
	}
	return doc
}

// dotGraph is a gonum graph that keeps the DOT IDs and attributes it is
// unmarshalled from.
type dotGraph struct{ *simple.UndirectedGraph }

type dotNode struct {
	id    int64
	dotID string
	attrs map[string]string
}

func (n *dotNode) ID() int64                               { return n.id }
func (n *dotNode) SetDOTID(id string)                      { n.dotID = id }
func (n *dotNode) SetAttribute(a encoding.Attribute) error { n.attrs[a.Key] = a.Value; return nil }

type dotEdge struct {
	simple.Edge
	attrs map[string]string
}

func (e *dotEdge) SetAttribute(a encoding.Attribute) error { e.attrs[a.Key] = a.Value; return nil }

func (g dotGraph) NewNode() gg.Node {
	return &dotNode{id: g.UndirectedGraph.NewNode().ID(), attrs: map[string]string{}}
}

func (g dotGraph) NewEdge(from, to gg.Node) gg.Edge {
	return &dotEdge{Edge: simple.Edge{F: from, T: to}, attrs: map[string]string{}}
}

// readDOT unmarshals b with gonum's DOT parser, failing the test when it
// cannot, and returns the nodes by DOT ID and the number of edges.
func readDOT(t *testing.T, b []byte) (map[string]*dotNode, int) {
	t.Helper()
	g := dotGraph{simple.NewUndirectedGraph()}
	if err := dot.Unmarshal(b, g); err != nil {
		t.Fatalf("gonum cannot read the DOT: %v\n%s", err, b)
	}
	nodes := map[string]*dotNode{}
	for it := g.Nodes(); it.Next(); {
		n := it.Node().(*dotNode)
		nodes[n.dotID] = n
	}
	return nodes, g.Edges().Len()
}

func TestGraphSVG(t *testing.T) {
	p := ego()
	var b bytes.Buffer
	if err := GraphSVG(&b, p, "kadhimi", "Kadhimi & co"); err != nil {
		t.Fatal(err)
	}
	doc := readSVG(t, b.Bytes())
	if want := []string{"al-sadr", "baghdad", "kadhimi", "pmf", "q\"x", "odd"}; strings.Join(doc.nodes, ",") != strings.Join(want, ",") {
		t.Errorf("nodes %q, want %q", doc.nodes, want)
	}
	if doc.edges != len(p.Edges) {
		t.Errorf("%d edges, want %d", doc.edges, len(p.Edges))
	}
	// One English label per entity with an English name (the PMF has
	// none), the line break folded; one Arabic label per Arabic name,
	// every one marked right to left.
	wantEn := []string{"Muqtada al-Sadr", "Baghdad", "Mustafa al-Kadhimi", `Say "Q" & <co>\ltd`, "Two lines"}
	if got := doc.texts["name"]; strings.Join(got, "|") != strings.Join(wantEn, "|") {
		t.Errorf("English names %q, want %q", got, wantEn)
	}
	wantAr := []string{"مقتدى الصدر", "بغداد", "مصطفى الكاظمي", "الحشد الشعبي"}
	if got := doc.texts["name-ar"]; strings.Join(got, "|") != strings.Join(wantAr, "|") {
		t.Errorf("Arabic names %q, want %q", got, wantAr)
	}
	if strings.Join(doc.rtl, "|") != strings.Join(wantAr, "|") {
		t.Errorf("right-to-left texts %q, want the Arabic names %q", doc.rtl, wantAr)
	}
	// Every label sits on a halo of its own text, drawn before it, and
	// nothing relies on paint-order, which cairosvg ignores.
	wantHalo := []string{"Muqtada al-Sadr", "مقتدى الصدر", "Baghdad", "بغداد", "Mustafa al-Kadhimi", "مصطفى الكاظمي",
		"الحشد الشعبي", `Say "Q" & <co>\ltd`, "Two lines"}
	if got := doc.texts["halo"]; strings.Join(got, "|") != strings.Join(wantHalo, "|") {
		t.Errorf("halos %q, want %q", got, wantHalo)
	}
	if bytes.Contains(b.Bytes(), []byte("paint-order")) {
		t.Error("labels use paint-order")
	}
	checkLabelsInside(t, b.Bytes(), 960)
	var again bytes.Buffer
	if err := GraphSVG(&again, p, "kadhimi", "Kadhimi & co"); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b.Bytes(), again.Bytes()) {
		t.Error("two drawings of the same graph differ")
	}
	golden(t, "ego.svg", b.Bytes())
	if err := GraphSVG(io.Discard, &graph.Projection{}, "", ""); err == nil {
		t.Error("an empty projection drew without error")
	}
}

func TestGraphDOT(t *testing.T) {
	p := ego()
	var b bytes.Buffer
	if err := GraphDOT(&b, p, "kadhimi", `Kadhimi "and" co`); err != nil {
		t.Fatal(err)
	}
	nodes, edges := readDOT(t, b.Bytes())
	if len(nodes) != len(p.Entities) || edges != len(p.Edges) {
		t.Errorf("%d nodes and %d edges, want %d and %d", len(nodes), edges, len(p.Entities), len(p.Edges))
	}
	for _, tc := range []struct{ id, label string }{
		{"kadhimi", "Mustafa al-Kadhimi\nمصطفى الكاظمي"},
		{"pmf", "الحشد الشعبي"},
		{"q\"x", `Say "Q" & <co>\ltd`},
		{"odd", "Two lines"},
	} {
		n, ok := nodes[tc.id]
		if !ok {
			t.Errorf("no node %q in %v", tc.id, nodes)
			continue
		}
		if got := unescapeDOT(n.attrs["xlabel"]); got != tc.label {
			t.Errorf("label of %q: %q, want %q", tc.id, got, tc.label)
		}
	}
	var again bytes.Buffer
	GraphDOT(&again, p, "kadhimi", `Kadhimi "and" co`)
	if !bytes.Equal(b.Bytes(), again.Bytes()) {
		t.Error("two DOT writings of the same graph differ")
	}
	golden(t, "ego.dot", b.Bytes())
}

// unescapeDOT reads the escapes quote writes, as Graphviz does in a label:
// gonum hands attribute values over with the quotes off and the escapes in.
func unescapeDOT(s string) string {
	return strings.NewReplacer(`\"`, `"`, `\\`, `\`, `\n`, "\n").Replace(s)
}

func TestQuote(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"plain", `"plain"`},
		{`a"b`, `"a\"b"`},
		{`back\slash`, `"back\\slash"`},
		{"two\nlines", `"two\nlines"`},
		{"tab\there\x00", `"tabhere"`},
		{"الحشد", `"الحشد"`},
	} {
		if got := quote(tc.in); got != tc.want {
			t.Errorf("quote(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
}

func paths() []Path {
	p := ego()
	e := func(i int) graph.Entity { return p.Entities[i].Entity }
	return []Path{
		{Entities: []graph.Entity{e(0), e(2), e(3)}, Articles: []int{4, 7}, Cost: 1.0/4 + 1.0/7,
			Evidence: []string{"a1 · 2021-07-26 · Sadr and Kadhimi", "a2 · " + strings.Repeat("a long title ", 10)}},
		{Entities: []graph.Entity{e(0), e(2), e(1), e(3)}, Articles: []int{4, 20, 3}, Cost: 1.0/4 + 1.0/20 + 1.0/3},
	}
}

func TestPathSVG(t *testing.T) {
	var b bytes.Buffer
	if err := PathSVG(&b, paths(), "al-Sadr → PMF", true); err != nil {
		t.Fatal(err)
	}
	doc := readSVG(t, b.Bytes())
	// A node per entity per path, an edge per hop.
	if len(doc.nodes) != 3+4 || doc.edges != 2+3 {
		t.Errorf("%d nodes and %d edges, want 7 and 5", len(doc.nodes), doc.edges)
	}
	if got, want := strings.Join(doc.texts["weight"], "|"), "4 articles|7 articles|4 articles|20 articles|3 articles"; got != want {
		t.Errorf("hop labels %q, want %q", got, want)
	}
	// The first article of each hop of the first path, cut at a space to
	// the gap between circles (the widest label, "Mustafa al-Kadhimi", 18
	// runes × 7.8 px + 24 = 164.4 px) less 36: 128.4 px, at 6 px a rune
	// 21 runes with the "…".
	if got, want := strings.Join(doc.texts["evidence"], "|"), "a1 · 2021-07-26 ·…|a2 · a long title a…"; got != want {
		t.Errorf("evidence %q, want %q", got, want)
	}
	golden(t, "path.svg", b.Bytes())
	if err := PathSVG(io.Discard, []Path{{Entities: paths()[0].Entities, Articles: []int{1}}}, "", false); err == nil {
		t.Error("a path of 3 entities and 1 count drew without error")
	}
}

func TestPathDOT(t *testing.T) {
	var b bytes.Buffer
	if err := PathDOT(&b, paths(), "al-Sadr → PMF"); err != nil {
		t.Fatal(err)
	}
	// The two paths share al-Sadr, Kadhimi and the PMF, and one hop.
	nodes, edges := readDOT(t, b.Bytes())
	if len(nodes) != 4 || edges != 4 {
		t.Errorf("%d nodes and %d edges, want 4 and 4:\n%s", len(nodes), edges, b.Bytes())
	}
	golden(t, "path.dot", b.Bytes())
}

func TestTimelineSVG(t *testing.T) {
	d := func(s string) time.Time {
		v, err := time.Parse("2006-01-02", s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	p := ego()
	series := []Series{
		{Entity: p.Entities[2].Entity, Buckets: query.Timeline([]query.Dated{
			{Date: d("2021-01-10"), Count: 1}, {Date: d("2021-01-20"), Count: 1}, {Date: d("2021-04-02"), Count: 1}}, query.Month)},
		{Entity: p.Entities[3].Entity, Buckets: query.Timeline([]query.Dated{{Date: d("2021-03-15"), Count: 5}}, query.Month)},
		{Entity: p.Entities[0].Entity, Undated: 134}, // nothing dated
	}
	var b bytes.Buffer
	if err := TimelineSVG(&b, series, query.Month, "Three actors"); err != nil {
		t.Fatal(err)
	}
	doc := readSVG(t, b.Bytes())
	if doc.polyline != 2 {
		t.Errorf("%d lines, want 2 (the third series has no dated article)", doc.polyline)
	}
	// January to April 2021, and the end of April: monthly ticks.
	if got, want := strings.Join(doc.texts["tick"], " "), "2021-01 2021-02 2021-03 2021-04 2021-05"; got != want {
		t.Errorf("ticks %q, want %q", got, want)
	}
	if len(doc.rtl) != 3 {
		t.Errorf("right-to-left legend names %q, want 3", doc.rtl)
	}
	if !bytes.Contains(b.Bytes(), []byte("(0 dated articles; 134 undated, not drawn)")) {
		t.Error("the legend does not count the undated articles")
	}
	golden(t, "timeline.svg", b.Bytes())
}

func TestDateTicks(t *testing.T) {
	d := func(y, m int) time.Time { return time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC) }
	for _, tc := range []struct {
		first, end time.Time
		want       string
	}{
		{d(2021, 1), d(2021, 4), "2021-01 2021-02 2021-03 2021-04"},
		// 25 months: every 3 months (12 ticks at most).
		{d(2020, 1), d(2022, 1), "2020-01 2020-04 2020-07 2020-10 2021-01 2021-04 2021-07 2021-10 2022-01"},
		// Seven years: years.
		{d(2011, 2), d(2018, 8), "2012 2013 2014 2015 2016 2017 2018"},
	} {
		var got []string
		for _, k := range dateTicks(tc.first, tc.end) {
			got = append(got, k.label)
		}
		if strings.Join(got, " ") != tc.want {
			t.Errorf("dateTicks(%s, %s) = %q, want %q", tc.first.Format("2006-01"), tc.end.Format("2006-01"), got, tc.want)
		}
	}
}

// checkLabelsInside fails the test when a name label's estimated extent
// (textWidth at 13 px, centred on x) leaves the viewBox's width.
func checkLabelsInside(t *testing.T, b []byte, width float64) {
	t.Helper()
	re := regexp.MustCompile(`<text class="(?:name|name-ar)" x="([-0-9.]+)"[^>]*>([^<]*)</text>`)
	n := 0
	for _, m := range re.FindAllSubmatch(b, -1) {
		x, err := strconv.ParseFloat(string(m[1]), 64)
		if err != nil {
			t.Fatal(err)
		}
		text := html.UnescapeString(string(m[2]))
		if w := textWidth(text, 13); x-w/2 < 0 || x+w/2 > width {
			t.Errorf("label %q at x=%v, %.0f px wide, leaves the picture 0..%v", text, x, w, width)
		}
		n++
	}
	if n == 0 {
		t.Error("no labels found")
	}
}

func TestLabelInside(t *testing.T) {
	s := &svg{width: 960}
	for _, tc := range []struct {
		x, w, want float64
	}{
		{480, 100, 480},  // room on both sides: unmoved
		{90, 273, 140.5}, // "House of Representatives of Morocco" (35 runes × 7.8 px) at x=90: 4 + 273/2
		{950, 100, 906},  // right edge: 960 - 4 - 50
		{100, 2000, 480}, // wider than the picture: centred
	} {
		if got := s.inside(tc.x, tc.w); got != tc.want {
			t.Errorf("inside(%v, %v) = %v, want %v", tc.x, tc.w, got, tc.want)
		}
	}
}

func TestGraphTooLarge(t *testing.T) {
	p := &graph.Projection{}
	for i := 0; i <= MaxNodes; i++ {
		p.Entities = append(p.Entities, graph.ProjectedEntity{Entity: graph.Entity{ID: strconv.Itoa(i), Name: "E"}})
	}
	for name, f := range map[string]func(io.Writer, *graph.Projection, string, string) error{"svg": GraphSVG, "dot": GraphDOT} {
		if err := f(io.Discard, p, "0", ""); !errors.Is(err, ErrTooLarge) {
			t.Errorf("%s of %d entities: %v, want ErrTooLarge", name, len(p.Entities), err)
		}
		if err := f(io.Discard, &graph.Projection{Entities: p.Entities[:MaxNodes]}, "0", ""); err != nil {
			t.Errorf("%s of %d entities: %v", name, MaxNodes, err)
		}
	}
}
