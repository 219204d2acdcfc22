package neo4j_test

import (
	"context"
	"testing"
	"time"

	driver "github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/newsgraph/newsgraph/graph/neo4j"
)

func timeParse(s string) (time.Time, error) { return time.Parse("2006-01-02", s) }

func day(v any) string {
	t, ok := v.(time.Time)
	if !ok {
		return "0001-01-01"
	}
	return t.UTC().Format("2006-01-02")
}

// records runs query on the server at uri, in cfg's database, on a
// connection of its own (not the store's), and returns its rows.
func records(t *testing.T, uri string, cfg neo4j.Config, query string) []*driver.Record {
	t.Helper()
	ctx := context.Background()
	d, err := driver.NewDriverWithContext(uri, driver.BasicAuth(cfg.Username, cfg.Password, ""))
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close(ctx)
	res, err := driver.ExecuteQuery(ctx, d, query, nil, driver.EagerResultTransformer, driver.ExecuteQueryWithDatabase(cfg.Database))
	if err != nil {
		t.Fatal(err)
	}
	return res.Records
}
