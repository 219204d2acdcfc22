package export

import (
	"encoding/xml"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/graph"
)

// tiny is a two-node projection: one entity with an English name, one with
// only an Arabic name, and one dated edge between them.
func tiny() *graph.Projection {
	day := time.Date(2021, 7, 11, 0, 0, 0, 0, time.UTC)
	return &graph.Projection{
		Entities: []graph.ProjectedEntity{
			{Entity: graph.Entity{ID: "a", Name: "Mustafa al-Kadhimi", Type: graph.Person}, Articles: 3, Mentions: 5},
			{Entity: graph.Entity{ID: "b", NameAr: "بغداد", Type: graph.Location}, Articles: 2, Mentions: 2},
		},
		Edges: []graph.Edge{{A: "a", B: "b", Articles: 2, Sentences: 1, First: day, Last: day}},
	}
}

// The documents the XML writers write, as the tests read them back.
type (
	graphmlDoc struct {
		XMLName xml.Name     `xml:"graphml"`
		Keys    []graphmlKey `xml:"key"`
		Graph   struct {
			Nodes []graphmlNode `xml:"node"`
			Edges []graphmlEdge `xml:"edge"`
		} `xml:"graph"`
	}
	gexfDoc struct {
		XMLName xml.Name `xml:"gexf"`
		Graph   struct {
			Nodes []gexfNode `xml:"nodes>node"`
			Edges []gexfEdge `xml:"edges>edge"`
		} `xml:"graph"`
	}
)

// TestWriters writes the tiny projection in each XML format, parses it back
// and checks the nodes, their labels (the Arabic name when there is no
// English one), the edge weight and the date format.
func TestWriters(t *testing.T) {
	for _, tc := range []struct {
		name  string
		write func(*strings.Builder, *graph.Projection) error
		parse func(string) (labels []string, weight string, err error)
	}{
		{"graphml", func(w *strings.Builder, p *graph.Projection) error { return GraphML(w, Of(p), nil) }, func(s string) ([]string, string, error) {
			var doc graphmlDoc
			if err := xml.Unmarshal([]byte(s), &doc); err != nil {
				return nil, "", err
			}
			var labels []string
			for _, n := range doc.Graph.Nodes {
				labels = append(labels, n.Data[0].Value)
			}
			return labels, doc.Graph.Edges[0].Data[0].Value, nil
		}},
		{"gexf", func(w *strings.Builder, p *graph.Projection) error { return GEXF(w, Of(p), nil) }, func(s string) ([]string, string, error) {
			var doc gexfDoc
			if err := xml.Unmarshal([]byte(s), &doc); err != nil {
				return nil, "", err
			}
			var labels []string
			for _, n := range doc.Graph.Nodes {
				labels = append(labels, n.Label)
			}
			return labels, strconv.Itoa(doc.Graph.Edges[0].Weight), nil
		}},
	} {
		var b strings.Builder
		if err := tc.write(&b, tiny()); err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		labels, weight, err := tc.parse(b.String())
		if err != nil {
			t.Fatalf("%s: parsing what was written: %v", tc.name, err)
		}
		if got, want := strings.Join(labels, "|"), "Mustafa al-Kadhimi|بغداد"; got != want {
			t.Errorf("%s: labels %q, want %q", tc.name, got, want)
		}
		if weight != "2" {
			t.Errorf("%s: edge weight %q, want 2 (the edge's articles)", tc.name, weight)
		}
		if !strings.Contains(b.String(), "2021-07-11") {
			t.Errorf("%s: no first/last date 2021-07-11 in\n%s", tc.name, b.String())
		}
	}
}

// TestNeo4jCSV checks the header rows neo4j-admin reads and one row of
// each file.
func TestNeo4jCSV(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "import")
	if err := Neo4jCSV(dir, Of(tiny()), graph.SentenceEdges, nil); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ file, want string }{
		{"nodes.csv", "id:ID,:LABEL,name,name_ar,type,kind,wikidata,articles:int,mentions:int\n" +
			"a,Entity;Person,Mustafa al-Kadhimi,,person,,,3,5\n"},
		{"relationships.csv", ":START_ID,:END_ID,:TYPE,articles:int,sentences:int,first:date,last:date\n" +
			"a,b,CO_MENTIONED_IN_SENTENCE,2,1,2021-07-11,2021-07-11\n"},
	} {
		b, err := os.ReadFile(filepath.Join(dir, tc.file))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(string(b), tc.want) {
			t.Errorf("%s:\n%s\nwant it to start with\n%s", tc.file, b, tc.want)
		}
	}
}

// TestProgress checks that each writer tells its progress once per node
// and edge, counting up to the total: the tiny projection's 2 nodes and 1
// edge.
func TestProgress(t *testing.T) {
	for _, tc := range []struct {
		name  string
		write func(Progress) error
	}{
		{"graphml", func(pr Progress) error { return GraphML(&strings.Builder{}, Of(tiny()), pr) }},
		{"gexf", func(pr Progress) error { return GEXF(&strings.Builder{}, Of(tiny()), pr) }},
		{"csv", func(pr Progress) error {
			return Neo4jCSV(filepath.Join(t.TempDir(), "import"), Of(tiny()), graph.ArticleEdges, pr)
		}},
	} {
		var calls [][2]int
		if err := tc.write(func(done, total int) { calls = append(calls, [2]int{done, total}) }); err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		want := [][2]int{{1, 3}, {2, 3}, {3, 3}}
		if !slices.Equal(calls, want) {
			t.Errorf("%s: progress %v, want %v", tc.name, calls, want)
		}
	}
}
