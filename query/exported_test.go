package query

import (
	"cmp"
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
)

// graphCSV is the graph BenchmarkExported times: query/compare.py --graph
// ar-news-2022 ingests that corpus, exports it and passes the directory.
var graphCSV = flag.String("graph-csv", "", "a `directory` written by newsgraph export --format csv (nodes.csv, relationships.csv) for BenchmarkExported")

// readExportCSV reads the projection `newsgraph export --format csv`
// writes (neo4j-admin's header format): the entities from the id:ID
// column of nodes, the edges from the :START_ID, :END_ID, articles:int and
// sentences:int columns of rels; other columns are ignored, and the
// columns may come in any order. Entities come sorted by ID and edges by
// (A, B), as graph.Projection has them. Errors name the file and the line.
func readExportCSV(nodes, rels io.Reader) (*graph.Projection, error) {
	p := &graph.Projection{}
	err := readCSV(nodes, "nodes.csv", []string{"id:ID"}, func(f []string) error {
		p.Entities = append(p.Entities, graph.ProjectedEntity{Entity: graph.Entity{ID: f[0]}})
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = readCSV(rels, "relationships.csv", []string{":START_ID", ":END_ID", "articles:int", "sentences:int"}, func(f []string) error {
		articles, err := strconv.Atoi(f[2])
		if err != nil {
			return fmt.Errorf("articles: %w", err)
		}
		sentences, err := strconv.Atoi(f[3])
		if err != nil {
			return fmt.Errorf("sentences: %w", err)
		}
		p.Edges = append(p.Edges, graph.Edge{A: f[0], B: f[1], Articles: articles, Sentences: sentences})
		return nil
	})
	if err != nil {
		return nil, err
	}
	slices.SortFunc(p.Entities, func(a, b graph.ProjectedEntity) int { return strings.Compare(a.ID, b.ID) })
	slices.SortStableFunc(p.Edges, func(a, b graph.Edge) int { return cmp.Or(strings.Compare(a.A, b.A), strings.Compare(a.B, b.B)) })
	return p, nil
}

// readCSV calls row with the fields of each record of r under the columns
// want, in want's order.
func readCSV(r io.Reader, name string, want []string, row func([]string) error) error {
	cr := csv.NewReader(r)
	header, err := cr.Read()
	if err != nil {
		return fmt.Errorf("%s: header: %w", name, err)
	}
	at := make([]int, len(want))
	for i, w := range want {
		at[i] = slices.Index(header, w)
		if at[i] < 0 {
			return fmt.Errorf("%s: no %s column in the header %q", name, w, header)
		}
	}
	f := make([]string, len(want))
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		for i, j := range at {
			f[i] = rec[j]
		}
		if err := row(f); err != nil {
			line, _ := cr.FieldPos(0)
			return fmt.Errorf("%s:%d: %w", name, line, err)
		}
	}
}

func TestReadExportCSV(t *testing.T) {
	const nodes = "id:ID,:LABEL,name\nb,Entity;Person,B\n\"a,x\",Entity;Place,\"A, the place\"\nc,Entity,C\n"
	for _, tc := range []struct {
		name, nodes, rels string
		want              *graph.Projection
		err               string
	}{
		{
			// As export writes it (cmd/newsgraph/export.go), out of order.
			name:  "export header",
			nodes: nodes,
			rels:  ":START_ID,:END_ID,:TYPE,articles:int,sentences:int,first:date,last:date\nb,c,CO_MENTIONED,2,1,,\n\"a,x\",b,CO_MENTIONED,5,0,2022-01-02,2022-03-04\n",
			want: &graph.Projection{
				Entities: []graph.ProjectedEntity{{Entity: graph.Entity{ID: "a,x"}}, {Entity: graph.Entity{ID: "b"}}, {Entity: graph.Entity{ID: "c"}}},
				Edges:    []graph.Edge{{A: "a,x", B: "b", Articles: 5}, {A: "b", B: "c", Articles: 2, Sentences: 1}},
			},
		},
		{
			name:  "columns in another order",
			nodes: "name,id:ID\nB,b\n",
			rels:  "sentences:int,articles:int,:END_ID,:START_ID\n3,4,b,b\n",
			want: &graph.Projection{
				Entities: []graph.ProjectedEntity{{Entity: graph.Entity{ID: "b"}}},
				Edges:    []graph.Edge{{A: "b", B: "b", Articles: 4, Sentences: 3}},
			},
		},
		{name: "no edges", nodes: nodes, rels: ":START_ID,:END_ID,articles:int,sentences:int\n",
			want: &graph.Projection{Entities: []graph.ProjectedEntity{{Entity: graph.Entity{ID: "a,x"}}, {Entity: graph.Entity{ID: "b"}}, {Entity: graph.Entity{ID: "c"}}}}},
		{name: "no id column", nodes: "name\nB\n", rels: ":START_ID,:END_ID,articles:int,sentences:int\n", err: "nodes.csv: no id:ID column"},
		{name: "no weight column", nodes: nodes, rels: ":START_ID,:END_ID,sentences:int\n", err: "relationships.csv: no articles:int column"},
		{name: "empty file", nodes: "", rels: "", err: "nodes.csv: header: EOF"},
		{name: "bad count", nodes: nodes, rels: ":START_ID,:END_ID,articles:int,sentences:int\nb,c,2,1\nb,a,two,1\n", err: "relationships.csv:3: articles:"},
		{name: "short row", nodes: nodes, rels: ":START_ID,:END_ID,articles:int,sentences:int\nb,c,2\n", err: "wrong number of fields"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := readExportCSV(strings.NewReader(tc.nodes), strings.NewReader(tc.rels))
			if tc.err != "" {
				if err == nil || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("err %v, want one containing %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got\n%+v\nwant\n%+v", got, tc.want)
			}
		})
	}
}

// BenchmarkExported times PageRank, exact and sampled betweenness and
// Louvain, as the ladder benchmarks run them, on the graph of -graph-csv:
//
//	newsgraph export --format csv DIR
//	go test ./query -run '^$' -bench '^BenchmarkExported$' -benchtime 1x -args -graph-csv $PWD/DIR
//
// Reading the files and building the compressed rows (query.New) are not
// timed, nor is one call of each metric before the timer. Exact
// betweenness costs O(n·m): tens of seconds on a corpus of 16,000 entities.
func BenchmarkExported(b *testing.B) {
	if *graphCSV == "" {
		b.Skip("no -graph-csv DIR (newsgraph export --format csv DIR); query/compare.py --graph ar-news-2022 passes one")
	}
	nodes, err := os.Open(filepath.Join(*graphCSV, "nodes.csv"))
	if err != nil {
		b.Fatal(err)
	}
	defer nodes.Close()
	rels, err := os.Open(filepath.Join(*graphCSV, "relationships.csv"))
	if err != nil {
		b.Fatal(err)
	}
	defer rels.Close()
	p, err := readExportCSV(nodes, rels)
	if err != nil {
		b.Fatal(err)
	}
	g := New(p)
	links := len(g.adjacency().nbr) / 2
	for _, m := range []struct {
		name string
		f    func(g *Graph)
	}{
		{"PageRank", func(g *Graph) { PageRank(g, Damping, Tolerance) }},
		{"Betweenness", func(g *Graph) { Betweenness(g) }},
		{"BetweennessSampled", func(g *Graph) { BetweennessSampled(g, DefaultPivots, 1) }},
	} {
		b.Run(m.name, func(b *testing.B) {
			timedCalls(b, g, m.f)
			b.ReportMetric(float64(g.Len()), "entities")
			b.ReportMetric(float64(links), "links")
		})
	}
	b.Run("Louvain", func(b *testing.B) { benchLouvain(b, g) })
}
