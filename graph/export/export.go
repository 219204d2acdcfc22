package export

import (
	"encoding/csv"
	"encoding/xml"
	"fmt"
	"io"
	"iter"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/newsgraph/newsgraph/graph"
)

// label is the name a node shows in Gephi and yEd: the English name, else
// the Arabic one.
func label(e graph.Entity) string {
	if e.Name != "" {
		return e.Name
	}
	return e.NameAr
}

// dateCell writes a date as YYYY-MM-DD, "" when unknown.
func dateCell(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

type attr struct {
	name string
	typ  string // "string" or "int"
}

var (
	nodeAttrs = []attr{{"name", "string"}, {"name_ar", "string"}, {"type", "string"}, {"kind", "string"},
		{"wikidata", "string"}, {"articles", "int"}, {"mentions", "int"}}
	edgeAttrs = []attr{{"sentences", "int"}, {"first", "string"}, {"last", "string"}}
)

// nodeValues are e's attribute values, in nodeAttrs order.
func nodeValues(e graph.ProjectedEntity) []string {
	return []string{e.Name, e.NameAr, string(e.Type), e.Kind, e.Wikidata, strconv.Itoa(e.Articles), strconv.Itoa(e.Mentions)}
}

// edgeValues are e's attribute values, in edgeAttrs order ("" when unknown).
func edgeValues(e graph.Edge) []string {
	return []string{strconv.Itoa(e.Sentences), dateCell(e.First), dateCell(e.Last)}
}

// The elements of GraphML (http://graphml.graphdrawing.org/) that
// encoding/xml writes; the document and graph elements are written as
// tokens around them.
type (
	graphmlKey struct {
		ID   string `xml:"id,attr"`
		For  string `xml:"for,attr"`
		Name string `xml:"attr.name,attr"`
		Type string `xml:"attr.type,attr"`
	}
	graphmlNode struct {
		ID   string        `xml:"id,attr"`
		Data []graphmlData `xml:"data"`
	}
	graphmlEdge struct {
		ID     string        `xml:"id,attr"`
		Source string        `xml:"source,attr"`
		Target string        `xml:"target,attr"`
		Data   []graphmlData `xml:"data"`
	}
	graphmlData struct {
		Key   string `xml:"key,attr"`
		Value string `xml:",chardata"`
	}
)

// Progress is told, as a writer goes, how many of the total nodes and
// edges it has written; the last call has done == total. A nil Progress is
// not called.
type Progress func(done, total int)

// counter calls a Progress once per node or edge written.
type counter struct {
	progress    Progress
	done, total int
}

func newCounter(g Graph, progress Progress) *counter {
	c := &counter{progress: progress}
	if progress != nil { // counting a collected graph's edges merges it once more
		c.total = len(g.Nodes()) + g.EdgeCount()
	}
	return c
}

func (c *counter) tick() {
	c.done++
	if c.progress != nil {
		c.progress(c.done, c.total)
	}
}

// GraphML writes g as an undirected GraphML graph. Nodes carry a label
// (the English name, else the Arabic one) for Gephi and yEd beside their
// attributes; unknown dates are left out. It writes node by node, telling
// progress (when not nil) as it goes.
func GraphML(w io.Writer, g Graph, progress Progress) error {
	var keys []graphmlKey
	keys = append(keys, graphmlKey{ID: "label", For: "node", Name: "label", Type: "string"})
	for _, a := range nodeAttrs {
		keys = append(keys, graphmlKey{ID: a.name, For: "node", Name: a.name, Type: a.typ})
	}
	keys = append(keys, graphmlKey{ID: "weight", For: "edge", Name: "weight", Type: "int"})
	for _, a := range edgeAttrs {
		keys = append(keys, graphmlKey{ID: "e_" + a.name, For: "edge", Name: a.name, Type: a.typ})
	}
	x := newXMLWriter(w)
	root := element("graphml",
		"xmlns", "http://graphml.graphdrawing.org/xmlns",
		"xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance",
		"xsi:schemaLocation", "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd")
	x.start(root)
	for _, k := range keys {
		x.element("key", k)
	}
	top := element("graph", "id", "newsgraph", "edgedefault", "undirected")
	x.start(top)
	c := newCounter(g, progress)
	for _, e := range g.Nodes() {
		n := graphmlNode{ID: e.ID, Data: []graphmlData{{Key: "label", Value: label(e.Entity)}}}
		for i, v := range nodeValues(e) {
			n.Data = append(n.Data, graphmlData{Key: nodeAttrs[i].name, Value: v})
		}
		x.element("node", n)
		c.tick()
	}
	i := 0
	for e := range g.Edges() {
		y := graphmlEdge{ID: "e" + strconv.Itoa(i), Source: e.A, Target: e.B, Data: []graphmlData{{Key: "weight", Value: strconv.Itoa(e.Articles)}}}
		for j, v := range edgeValues(e) {
			if v != "" {
				y.Data = append(y.Data, graphmlData{Key: "e_" + edgeAttrs[j].name, Value: v})
			}
		}
		x.element("edge", y)
		c.tick()
		i++
	}
	x.end(top)
	x.end(root)
	return x.close()
}

// The elements of GEXF 1.3 (https://gexf.net/) that encoding/xml
// writes; the document, graph, nodes and edges elements are written as
// tokens around them.
type (
	gexfMeta struct {
		Creator     string `xml:"creator"`
		Description string `xml:"description"`
	}
	gexfAttributes struct {
		Class string          `xml:"class,attr"`
		Attrs []gexfAttribute `xml:"attribute"`
	}
	gexfAttribute struct {
		ID    string `xml:"id,attr"`
		Title string `xml:"title,attr"`
		Type  string `xml:"type,attr"`
	}
	gexfNode struct {
		ID     string      `xml:"id,attr"`
		Label  string      `xml:"label,attr"`
		Values []gexfValue `xml:"attvalues>attvalue"`
	}
	gexfEdge struct {
		ID     string      `xml:"id,attr"`
		Source string      `xml:"source,attr"`
		Target string      `xml:"target,attr"`
		Weight int         `xml:"weight,attr"`
		Values []gexfValue `xml:"attvalues>attvalue"`
	}
	gexfValue struct {
		For   string `xml:"for,attr"`
		Value string `xml:"value,attr"`
	}
)

// GEXF writes g as an undirected GEXF 1.3 graph; an edge's weight is
// its articles. It writes node by node, telling progress (when not nil) as
// it goes.
func GEXF(w io.Writer, g Graph, progress Progress) error {
	gexfType := map[string]string{"string": "string", "int": "integer"}
	nodes := gexfAttributes{Class: "node"}
	for _, a := range nodeAttrs {
		nodes.Attrs = append(nodes.Attrs, gexfAttribute{ID: a.name, Title: a.name, Type: gexfType[a.typ]})
	}
	edges := gexfAttributes{Class: "edge"}
	for _, a := range edgeAttrs {
		edges.Attrs = append(edges.Attrs, gexfAttribute{ID: a.name, Title: a.name, Type: gexfType[a.typ]})
	}
	x := newXMLWriter(w)
	root := element("gexf",
		"xmlns", "http://gexf.net/1.3",
		"xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance",
		"xsi:schemaLocation", "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
		"version", "1.3")
	x.start(root)
	x.element("meta", gexfMeta{Creator: "newsgraph", Description: "actors co-mentioned in news articles"})
	top := element("graph", "defaultedgetype", "undirected", "mode", "static")
	x.start(top)
	x.element("attributes", nodes)
	x.element("attributes", edges)
	c := newCounter(g, progress)
	list := element("nodes")
	x.start(list)
	for _, e := range g.Nodes() {
		n := gexfNode{ID: e.ID, Label: label(e.Entity)}
		for i, v := range nodeValues(e) {
			n.Values = append(n.Values, gexfValue{For: nodeAttrs[i].name, Value: v})
		}
		x.element("node", n)
		c.tick()
	}
	x.end(list)
	list = element("edges")
	x.start(list)
	i := 0
	for e := range g.Edges() {
		y := gexfEdge{ID: strconv.Itoa(i), Source: e.A, Target: e.B, Weight: e.Articles}
		for j, v := range edgeValues(e) {
			if v != "" {
				y.Values = append(y.Values, gexfValue{For: edgeAttrs[j].name, Value: v})
			}
		}
		x.element("edge", y)
		c.tick()
		i++
	}
	x.end(list)
	x.end(top)
	x.end(root)
	return x.close()
}

// element is a start tag named name with the attributes of the name,
// value pairs in attrs.
func element(name string, attrs ...string) xml.StartElement {
	e := xml.StartElement{Name: xml.Name{Local: name}}
	for i := 0; i+1 < len(attrs); i += 2 {
		e.Attr = append(e.Attr, xml.Attr{Name: xml.Name{Local: attrs[i]}, Value: attrs[i+1]})
	}
	return e
}

// xmlWriter writes an indented XML document element by element, keeping
// the first error.
type xmlWriter struct {
	w   io.Writer
	enc *xml.Encoder
	err error
}

func newXMLWriter(w io.Writer) *xmlWriter {
	x := &xmlWriter{w: w, enc: xml.NewEncoder(w)}
	x.enc.Indent("", "  ")
	_, x.err = io.WriteString(w, xml.Header)
	return x
}

func (x *xmlWriter) start(e xml.StartElement) {
	if x.err == nil {
		x.err = x.enc.EncodeToken(e)
	}
}

func (x *xmlWriter) end(e xml.StartElement) {
	if x.err == nil {
		x.err = x.enc.EncodeToken(e.End())
	}
}

func (x *xmlWriter) element(name string, v any) {
	if x.err == nil {
		x.err = x.enc.EncodeElement(v, xml.StartElement{Name: xml.Name{Local: name}})
	}
}

func (x *xmlWriter) close() error {
	if x.err == nil {
		x.err = x.enc.Close()
	}
	if x.err == nil {
		_, x.err = io.WriteString(x.w, "\n")
	}
	return x.err
}

// relationshipType names the edges of a level in a neo4j-admin import.
func relationshipType(level graph.EdgeLevel) string {
	switch level {
	case graph.SentenceEdges:
		return "CO_MENTIONED_IN_SENTENCE"
	case graph.TypedEdges:
		return "RELATED_TO"
	}
	return "CO_MENTIONED"
}

// Neo4jCSV writes nodes.csv and relationships.csv into dir, with the
// header conventions of neo4j-admin database import: nodes get the labels
// Entity and their type (as newsgraph's Neo4j store labels them),
// relationships the type of their edge level. It writes row by row,
// telling progress (when not nil) after each.
func Neo4jCSV(dir string, g Graph, level graph.EdgeLevel, progress Progress) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	labels := map[graph.EntityType]string{graph.Person: "Entity;Person", graph.Organization: "Entity;Organization", graph.Location: "Entity;Location"}
	c := newCounter(g, progress)
	err := writeCSVFile(filepath.Join(dir, "nodes.csv"),
		[]string{"id:ID", ":LABEL", "name", "name_ar", "type", "kind", "wikidata", "articles:int", "mentions:int"},
		func(yield func([]string) bool) {
			for _, e := range g.Nodes() {
				if !yield(append([]string{e.ID, labels[e.Type]}, nodeValues(e)...)) {
					return
				}
			}
		}, c)
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	typ := relationshipType(level)
	err = writeCSVFile(filepath.Join(dir, "relationships.csv"),
		[]string{":START_ID", ":END_ID", ":TYPE", "articles:int", "sentences:int", "first:date", "last:date"},
		func(yield func([]string) bool) {
			for e := range g.Edges() {
				if !yield(append([]string{e.A, e.B, typ, strconv.Itoa(e.Articles)}, edgeValues(e)...)) {
					return
				}
			}
		}, c)
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return nil
}

// writeCSVFile writes header and then rows, one a node or an edge,
// ticking c for each.
func writeCSVFile(path string, header []string, rows iter.Seq[[]string], c *counter) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	cw := csv.NewWriter(f) // buffered
	if err = cw.Write(header); err == nil {
		for row := range rows {
			if err = cw.Write(row); err != nil {
				break
			}
			c.tick()
		}
	}
	if err == nil {
		cw.Flush()
		err = cw.Error()
	}
	if err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
