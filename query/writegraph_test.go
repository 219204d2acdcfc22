package query

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"testing"
)

// The graph TestWriteGraph writes: query/compare.py and
// testdata/gen_centrality.py run networkx and igraph on the very graphs
// the benchmarks and tests use.
var (
	writeGraph = flag.String("write-graph", "", "write the random benchmark graph to this `file` and exit the test")
	graphN     = flag.Int("graph-n", 1000, "entities of the graph -write-graph writes")
	graphDeg   = flag.Int("graph-deg", benchDegree, "average degree of the graph -write-graph writes")
	graphSeed  = flag.Uint64("graph-seed", benchSeed, "seed of the graph -write-graph writes")
)

// TestWriteGraph writes randomProjection(-graph-n, -graph-deg, -graph-seed)
// as an edge list when -write-graph is given:
//
//	go test ./query -run TestWriteGraph -args -write-graph g.txt -graph-n 10000
//
// The first line is "# n=N deg=D seed=S", then one "a b articles" line per
// edge, a and b being entity indexes (0…n-1, in ID order).
func TestWriteGraph(t *testing.T) {
	if *writeGraph == "" {
		t.Skip("no -write-graph")
	}
	if err := writeEdgeList(*writeGraph, *graphN, *graphDeg, *graphSeed); err != nil {
		t.Fatal(err)
	}
}

func writeEdgeList(name string, n, deg int, seed uint64) error {
	g := New(randomProjection(n, deg, seed))
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	fmt.Fprintf(w, "# n=%d deg=%d seed=%d\n", n, deg, seed)
	adj := g.adjacency()
	for v := 0; v < n; v++ {
		nbr, wt := adj.row(v)
		for k, u := range nbr {
			if int(u) > v {
				fmt.Fprintf(w, "%d %d %g\n", v, u, wt[k])
			}
		}
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
