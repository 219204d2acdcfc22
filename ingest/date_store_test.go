package ingest_test

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/ingest/read"
)

// TestSinceKeepsTheDayWritten ingests issue 12's case file of dates into a
// real SQLite store, and the Neo4j test server when there is one: "2021-07-11T01:30:00+03:00", 10 July in UTC, is an
// article of 11 July for --since and --until, and in the dates the store
// gives back for timelines and evidence.
func TestSinceKeepsTheDayWritten(t *testing.T) {
	t.Run("sqlite", func(t *testing.T) { sinceKeepsTheDayWritten(t, newStore(t)) })
	t.Run("neo4j", func(t *testing.T) { sinceKeepsTheDayWritten(t, newNeo4jStore(t)) })
}

func sinceKeepsTheDayWritten(t *testing.T, s graph.Store) {
	ctx := context.Background()
	st := run(t, s, ingest.Options{}, filepath.Join("read", "testdata", "cases", "dates", "publication-dates.jsonl"))
	if st.Read != 4 || st.Warnings != 1 {
		t.Errorf("read %d articles with %d warnings, want 4 with 1 (the Hijri date)", st.Read, st.Warnings)
	}
	// Every article of the case file names Baghdad.
	const baghdad = "baghdad"
	day := func(s string) time.Time {
		t.Helper()
		d, err := read.ParseDate(s) // as the CLI reads --since and --until
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	dates := func(f graph.Filter) map[string]string {
		t.Helper()
		ms, err := s.Mentions(ctx, baghdad, f)
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]string{}
		for _, m := range ms {
			out[m.ArticleID] = "unknown"
			if !m.Published.IsZero() {
				out[m.ArticleID] = m.Published.Format(time.RFC3339)
			}
		}
		return out
	}
	for _, tc := range []struct {
		name string
		f    graph.Filter
		want map[string]string
	}{
		{"all", graph.Filter{}, map[string]string{
			"t:d00": "2021-09-12T00:00:00Z", "t:d03": "2024-03-17T00:00:00Z",
			"t:d05": "unknown", "t:d13": "2021-07-11T01:30:00Z",
		}},
		{"since 11 July", graph.Filter{Since: day("2021-07-11")}, map[string]string{
			"t:d00": "2021-09-12T00:00:00Z", "t:d03": "2024-03-17T00:00:00Z", "t:d13": "2021-07-11T01:30:00Z",
		}},
		{"since 12 July", graph.Filter{Since: day("2021-07-12")}, map[string]string{
			"t:d00": "2021-09-12T00:00:00Z", "t:d03": "2024-03-17T00:00:00Z",
		}},
		// Until is exclusive: an article of 11 July is not before it.
		{"until 11 July", graph.Filter{Until: day("2021-07-11")}, map[string]string{}},
		{"until 12 July", graph.Filter{Until: day("2021-07-12")}, map[string]string{"t:d13": "2021-07-11T01:30:00Z"}},
	} {
		if got := dates(tc.f); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
	}
}
