package main

import (
	"database/sql"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// derivedKeys lists the cache rows of the store at path, sorted.
func derivedKeys(t *testing.T, path string) []string {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT key FROM meta WHERE key LIKE 'derived:%' ORDER BY key`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var keys []string
	for rows.Next() {
		var k string
		if err := rows.Scan(&k); err != nil {
			t.Fatal(err)
		}
		keys = append(keys, k)
	}
	return keys
}

// TestCachedAnswers: ingest --warm caches what stats, query centrality and
// query communities answer by default, under the keys those commands
// typed by a user read (no new cache row after them); a cached answer is
// the one computed (the same bytes); and an ingest that changes the graph
// makes the next answer a new one.
func TestCachedAnswers(t *testing.T) {
	dir := t.TempDir()
	store := filepath.Join(dir, "graph.db")
	seed, err := filepath.Abs("../../testdata")
	if err != nil {
		t.Fatal(err)
	}
	if r := newsgraph(t, dir, "ingest", "--warm", seed); r.code != 0 {
		t.Fatalf("ingest --warm: exit %d\n%s", r.code, r.stderr)
	} else if !strings.Contains(r.stderr, "warmed: query centrality") {
		t.Errorf("ingest --warm says nothing of warming:\n%s", r.stderr)
	}
	warm := derivedKeys(t, store)
	for _, what := range []string{"derived:stats/", "derived:centrality/", "derived:communities/"} {
		if !slices.ContainsFunc(warm, func(k string) bool { return strings.HasPrefix(k, what) }) {
			t.Errorf("after ingest --warm no %s… row; rows %q", what, warm)
		}
	}
	queries := [][]string{{"stats", "--format", "json"}, {"query", "centrality", "--format", "tsv"}, {"query", "communities", "--format", "tsv"}}
	first := map[int]string{}
	for i, q := range queries {
		r := newsgraph(t, dir, q...)
		if r.code != 0 {
			t.Fatalf("%s: exit %d\n%s", q, r.code, r.stderr)
		}
		first[i] = r.stdout
	}
	if got := derivedKeys(t, store); !slices.Equal(got, warm) {
		t.Errorf("the default queries cached under other keys than ingest --warm:\n got %q\nwant %q", got, warm)
	}
	// Computed again with the cache dropped: the same bytes.
	db, err := sql.Open("sqlite", "file:"+store)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`DELETE FROM meta WHERE key LIKE 'derived:%' AND key NOT LIKE 'derived:cluster/%'`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	for i, q := range queries {
		if r := newsgraph(t, dir, q...); r.stdout != first[i] {
			t.Errorf("%s computed differs from cached:\n%s\nwant\n%s", q, r.stdout, first[i])
		}
	}
	// A new article: the next answers are of the new graph.
	in := filepath.Join(dir, "more.jsonl")
	if err := os.WriteFile(in, []byte(`{"id":"more-1","title":"Zelensky meets Macron","body":"Volodymyr Zelensky met Emmanuel Macron in Paris.","date":"2022-02-01"}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := newsgraph(t, dir, "ingest", in); r.code != 0 {
		t.Fatalf("ingest: exit %d\n%s", r.code, r.stderr)
	}
	r := newsgraph(t, dir, "query", "centrality", "--top", "0", "--format", "tsv")
	if !strings.Contains(r.stdout, "Emmanuel Macron") || r.stdout == first[1] {
		t.Errorf("centrality after a new article still the old answer:\n%s", r.stdout)
	}
}
