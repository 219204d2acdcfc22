package neo4j_test

import (
	"context"
	"os"
	"strings"
	"testing"

	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/ingest/extract"
	"github.com/newsgraph/newsgraph/ingest/lexicon"
	"github.com/newsgraph/newsgraph/ingest/read"
)

// TestSavedBrowserQueries runs every query of docs/browser/queries.cypher
// against the seed article and checks that each returns rows: the guide
// users follow in the Browser must work.
func TestSavedBrowserQueries(t *testing.T) {
	s, uri, cfg := openServer(t)
	ctx := context.Background()
	lex, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	x := extract.NewExtractor(lex)
	err = read.Read(ctx, []string{"../../testdata"}, read.ReadOptions{}, func(a read.Article) error {
		doc := x.Extract(&a)
		return s.Apply(ctx, []graph.Document{doc})
	})
	if err != nil {
		t.Fatal(err)
	}

	text, err := os.ReadFile("../../docs/browser/queries.cypher")
	if err != nil {
		t.Fatal(err)
	}
	params := map[string]any{"name": "Kadhimi", "from": "Kadhimi", "to": "Raisi", "a": "Kadhimi", "b": "Biden"}
	d, err := driver.NewDriverWithContext(uri, driver.BasicAuth(cfg.Username, cfg.Password, ""))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close(ctx)
	n := 0
	for _, q := range strings.Split(string(text), ";") {
		var lines []string
		for _, line := range strings.Split(q, "\n") {
			l := strings.TrimSpace(line)
			if l == "" || strings.HasPrefix(l, "//") || strings.HasPrefix(l, ":") { // Browser commands such as :param
				continue
			}
			lines = append(lines, line)
		}
		if len(lines) == 0 {
			continue
		}
		n++
		cypher := strings.Join(lines, "\n")
		res, err := driver.ExecuteQuery(ctx, d, cypher, params, driver.EagerResultTransformer)
		if err != nil {
			t.Errorf("saved query %d fails: %v\n%s", n, err, cypher)
			continue
		}
		if len(res.Records) == 0 {
			t.Errorf("saved query %d returns nothing on the seed article:\n%s", n, cypher)
		}
	}
	if n != 6 {
		t.Errorf("found %d saved queries, want 6", n)
	}
}
