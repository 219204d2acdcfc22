package main

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// threeArticles returns a folder whose store holds three short articles:
// Biden and Kadhimi meet in two (an edge of weight 2), Raisi meets Kadhimi
// in one, and Baghdad, Washington and Iran are named once each.
func threeArticles(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	corpus := filepath.Join(dir, "corpus")
	os.Mkdir(corpus, 0o755)
	for name, text := range map[string]string{
		"a.txt": "Biden and Kadhimi\n2021-07-26\nJoe Biden met Mustafa al-Kadhimi in Baghdad.\n",
		"b.txt": "Kadhimi in Washington\n2021-07-27\nJoe Biden met Mustafa al-Kadhimi. Iran criticized the meeting.\n",
		"c.txt": "Raisi and Kadhimi\n2021-08-02\nEbrahim Raisi met Mustafa al-Kadhimi.\n",
	} {
		os.WriteFile(filepath.Join(corpus, name), []byte(text), 0o644)
	}
	ng(t, dir, 0, "ingest", corpus)
	return dir
}

// csvColumn runs a query with --format csv and returns one column of its rows.
func csvColumn(t *testing.T, dir, column string, args ...string) []string {
	t.Helper()
	r := ng(t, dir, 0, append(args, "--format", "csv")...)
	rows, err := csv.NewReader(strings.NewReader(r.stdout)).ReadAll()
	if err != nil || len(rows) == 0 {
		t.Fatalf("%v: csv %v\n%s", args, err, r.stdout)
	}
	col := -1
	for i, name := range rows[0] {
		if name == column {
			col = i
		}
	}
	if col < 0 {
		t.Fatalf("%v: no column %q in %q", args, column, rows[0])
	}
	var out []string
	for _, row := range rows[1:] {
		out = append(out, row[col])
	}
	return out
}

func TestKindAndMinWeight(t *testing.T) {
	dir := threeArticles(t)
	sorted := func(s []string) string { sort.Strings(s); return strings.Join(s, " ") }
	for _, tc := range []struct {
		name   string
		column string
		args   []string
		want   string
	}{
		{"centrality: kinds, any case", "id", []string{"query", "centrality", "--top", "0", "--kind", "CITY, country"}, "baghdad iran washington-dc"},
		{"centrality: kinds repeated", "id", []string{"query", "centrality", "--top", "0", "--kind", "city", "--kind", "politician"},
			"baghdad ebrahim-raisi joe-biden mustafa-al-kadhimi washington-dc"},
		{"centrality: kind and type", "id", []string{"query", "centrality", "--top", "0", "--kind", "politician", "--type", "location"}, ""},
		{"centrality: min-weight keeps entities", "id", []string{"query", "centrality", "--top", "0", "--min-weight", "2"},
			"baghdad ebrahim-raisi iran joe-biden mustafa-al-kadhimi washington-dc"},
		{"centrality: min-weight drops edges", "degree", []string{"query", "centrality", "--top", "0", "--min-weight", "2"}, "0 0 0 0 1 1"},
		{"centrality: kind drops edges", "degree", []string{"query", "centrality", "--top", "0", "--kind", "politician"}, "1 1 2"},
		{"neighbors: kind narrows the neighbours, not the entity", "id", []string{"query", "neighbors", "Kadhimi", "--kind", "city,country"}, "baghdad iran washington-dc"},
		{"neighbors: min-weight", "id", []string{"query", "neighbors", "Kadhimi", "--min-weight", "2"}, "joe-biden"},
		{"neighbors: sentence edges", "id", []string{"query", "neighbors", "Kadhimi", "--edges", "sentence", "--kind", "politician"}, "ebrahim-raisi joe-biden"},
		{"relations: min-weight", "other_id", []string{"query", "relations", "Kadhimi", "--min-weight", "2"}, "joe-biden"},
		{"relations: min-weight, evidence", "article_id", []string{"query", "relations", "Kadhimi", "--min-weight", "2", "--evidence"}, "file:a.txt file:b.txt"},
		{"relations: kind", "other_id", []string{"query", "relations", "Kadhimi", "--kind", "politician"}, "ebrahim-raisi joe-biden"},
		{"relations: kind none", "other_id", []string{"query", "relations", "Kadhimi", "--kind", "city"}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := sorted(csvColumn(t, dir, tc.column, tc.args...)); got != tc.want {
				t.Errorf("newsgraph %v: %s %q, want %q", tc.args, tc.column, got, tc.want)
			}
		})
	}

	// query entity: --kind reads the neighbours past the store's top ten.
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--kind", "country"}, "iran"},
		{[]string{"--kind", "politician", "--type", "person"}, "ebrahim-raisi joe-biden"},
		{[]string{"--kind", "politician", "--type", "location"}, ""},
		{[]string{"--min-weight", "2"}, "joe-biden"},
		{[]string{"--kind", "city,country", "--min-weight", "2"}, ""},
	} {
		e := queryEntity(t, dir, append([]string{"Kadhimi"}, tc.args...)...)
		var ids []string
		for _, n := range e.Neighbors {
			ids = append(ids, n.ID)
		}
		if got := sorted(ids); got != tc.want || e.Articles != 3 {
			t.Errorf("query entity Kadhimi %v: neighbours %q, articles %d; want %q and 3", tc.args, got, e.Articles, tc.want)
		}
	}

	// A path through weak links only is no path once they are dropped.
	ng(t, dir, 0, "query", "path", "Raisi", "Biden")
	ng(t, dir, 6, "query", "path", "Raisi", "Biden", "--min-weight", "2")
	ng(t, dir, 2, "query", "centrality", "--min-weight", "0")
	ng(t, dir, 2, "query", "relations", "Kadhimi", "--min-weight", "-1")

	// markdown on every query.
	for _, args := range [][]string{
		{"query", "centrality"}, {"query", "neighbors", "Kadhimi"}, {"query", "path", "Raisi", "Biden"},
		{"query", "relations", "Kadhimi"}, {"query", "relations", "Kadhimi", "--evidence"}, {"query", "entity", "Kadhimi"}, {"stats"},
	} {
		r := ng(t, dir, 0, append(args, "--format", "markdown")...)
		if !strings.Contains(r.stdout, "|---") || strings.Contains(r.stdout, "┌") {
			t.Errorf("newsgraph %v --format markdown:\n%s", args, r.stdout)
		}
	}
	var js []map[string]any
	r := ng(t, dir, 0, "query", "centrality", "--kind", "politician", "--min-weight", "2", "--format", "json")
	if err := json.Unmarshal([]byte(r.stdout), &js); err != nil || len(js) != 3 {
		t.Errorf("centrality json: %v\n%s", err, r.stdout)
	}
}
