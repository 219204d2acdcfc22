package export

import (
	"encoding/csv"
	"encoding/xml"
	"fmt"
	"io"
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

// GraphML (http://graphml.graphdrawing.org/), as encoding/xml writes it.
type (
	graphmlDoc struct {
		XMLName        xml.Name     `xml:"graphml"`
		XMLNS          string       `xml:"xmlns,attr"`
		XSI            string       `xml:"xmlns:xsi,attr"`
		SchemaLocation string       `xml:"xsi:schemaLocation,attr"`
		Keys           []graphmlKey `xml:"key"`
		Graph          graphmlGraph `xml:"graph"`
	}
	graphmlKey struct {
		ID   string `xml:"id,attr"`
		For  string `xml:"for,attr"`
		Name string `xml:"attr.name,attr"`
		Type string `xml:"attr.type,attr"`
	}
	graphmlGraph struct {
		ID          string        `xml:"id,attr"`
		EdgeDefault string        `xml:"edgedefault,attr"`
		Nodes       []graphmlNode `xml:"node"`
		Edges       []graphmlEdge `xml:"edge"`
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

// GraphML writes p as an undirected GraphML graph. Nodes carry a label
// (the English name, else the Arabic one) for Gephi and yEd beside their
// attributes; unknown dates are left out.
func GraphML(w io.Writer, p *graph.Projection) error {
	doc := graphmlDoc{
		XMLNS:          "http://graphml.graphdrawing.org/xmlns",
		XSI:            "http://www.w3.org/2001/XMLSchema-instance",
		SchemaLocation: "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd",
		Graph:          graphmlGraph{ID: "newsgraph", EdgeDefault: "undirected"},
	}
	doc.Keys = append(doc.Keys, graphmlKey{ID: "label", For: "node", Name: "label", Type: "string"})
	for _, a := range nodeAttrs {
		doc.Keys = append(doc.Keys, graphmlKey{ID: a.name, For: "node", Name: a.name, Type: a.typ})
	}
	doc.Keys = append(doc.Keys, graphmlKey{ID: "weight", For: "edge", Name: "weight", Type: "int"})
	for _, a := range edgeAttrs {
		doc.Keys = append(doc.Keys, graphmlKey{ID: "e_" + a.name, For: "edge", Name: a.name, Type: a.typ})
	}
	for _, e := range p.Entities {
		n := graphmlNode{ID: e.ID, Data: []graphmlData{{Key: "label", Value: label(e.Entity)}}}
		for i, v := range nodeValues(e) {
			n.Data = append(n.Data, graphmlData{Key: nodeAttrs[i].name, Value: v})
		}
		doc.Graph.Nodes = append(doc.Graph.Nodes, n)
	}
	for i, e := range p.Edges {
		x := graphmlEdge{ID: "e" + strconv.Itoa(i), Source: e.A, Target: e.B, Data: []graphmlData{{Key: "weight", Value: strconv.Itoa(e.Articles)}}}
		for j, v := range edgeValues(e) {
			if v != "" {
				x.Data = append(x.Data, graphmlData{Key: "e_" + edgeAttrs[j].name, Value: v})
			}
		}
		doc.Graph.Edges = append(doc.Graph.Edges, x)
	}
	return writeXML(w, doc)
}

// GEXF 1.3 (https://gexf.net/), as encoding/xml writes it.
type (
	gexfDoc struct {
		XMLName        xml.Name  `xml:"gexf"`
		XMLNS          string    `xml:"xmlns,attr"`
		XSI            string    `xml:"xmlns:xsi,attr"`
		SchemaLocation string    `xml:"xsi:schemaLocation,attr"`
		Version        string    `xml:"version,attr"`
		Meta           gexfMeta  `xml:"meta"`
		Graph          gexfGraph `xml:"graph"`
	}
	gexfMeta struct {
		Creator     string `xml:"creator"`
		Description string `xml:"description"`
	}
	gexfGraph struct {
		DefaultEdgeType string           `xml:"defaultedgetype,attr"`
		Mode            string           `xml:"mode,attr"`
		Attributes      []gexfAttributes `xml:"attributes"`
		Nodes           []gexfNode       `xml:"nodes>node"`
		Edges           []gexfEdge       `xml:"edges>edge"`
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

// GEXF writes p as an undirected GEXF 1.3 graph; an edge's weight is
// its articles.
func GEXF(w io.Writer, p *graph.Projection) error {
	gexfType := map[string]string{"string": "string", "int": "integer"}
	doc := gexfDoc{
		XMLNS:          "http://gexf.net/1.3",
		XSI:            "http://www.w3.org/2001/XMLSchema-instance",
		SchemaLocation: "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
		Version:        "1.3",
		Meta:           gexfMeta{Creator: "newsgraph", Description: "actors co-mentioned in news articles"},
		Graph:          gexfGraph{DefaultEdgeType: "undirected", Mode: "static"},
	}
	nodes := gexfAttributes{Class: "node"}
	for _, a := range nodeAttrs {
		nodes.Attrs = append(nodes.Attrs, gexfAttribute{ID: a.name, Title: a.name, Type: gexfType[a.typ]})
	}
	edges := gexfAttributes{Class: "edge"}
	for _, a := range edgeAttrs {
		edges.Attrs = append(edges.Attrs, gexfAttribute{ID: a.name, Title: a.name, Type: gexfType[a.typ]})
	}
	doc.Graph.Attributes = []gexfAttributes{nodes, edges}
	for _, e := range p.Entities {
		n := gexfNode{ID: e.ID, Label: label(e.Entity)}
		for i, v := range nodeValues(e) {
			n.Values = append(n.Values, gexfValue{For: nodeAttrs[i].name, Value: v})
		}
		doc.Graph.Nodes = append(doc.Graph.Nodes, n)
	}
	for i, e := range p.Edges {
		x := gexfEdge{ID: strconv.Itoa(i), Source: e.A, Target: e.B, Weight: e.Articles}
		for j, v := range edgeValues(e) {
			if v != "" {
				x.Values = append(x.Values, gexfValue{For: edgeAttrs[j].name, Value: v})
			}
		}
		doc.Graph.Edges = append(doc.Graph.Edges, x)
	}
	return writeXML(w, doc)
}

func writeXML(w io.Writer, doc any) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	if err := enc.Close(); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
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
// relationships the type of their edge level.
func Neo4jCSV(dir string, p *graph.Projection, level graph.EdgeLevel) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	labels := map[graph.EntityType]string{graph.Person: "Entity;Person", graph.Organization: "Entity;Organization", graph.Location: "Entity;Location"}
	nodes := [][]string{{"id:ID", ":LABEL", "name", "name_ar", "type", "kind", "wikidata", "articles:int", "mentions:int"}}
	for _, e := range p.Entities {
		nodes = append(nodes, append([]string{e.ID, labels[e.Type]}, nodeValues(e)...))
	}
	rels := [][]string{{":START_ID", ":END_ID", ":TYPE", "articles:int", "sentences:int", "first:date", "last:date"}}
	typ := relationshipType(level)
	for _, e := range p.Edges {
		rels = append(rels, append([]string{e.A, e.B, typ, strconv.Itoa(e.Articles)}, edgeValues(e)...))
	}
	for _, f := range []struct {
		name string
		rows [][]string
	}{{"nodes.csv", nodes}, {"relationships.csv", rels}} {
		if err := writeCSVFile(filepath.Join(dir, f.name), f.rows); err != nil {
			return fmt.Errorf("export: %w", err)
		}
	}
	return nil
}

func writeCSVFile(path string, rows [][]string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	cw := csv.NewWriter(f)
	if err := cw.WriteAll(rows); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
