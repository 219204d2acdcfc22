package main

import (
	"database/sql"
	"encoding/csv"
	"path/filepath"
	"strings"
	"testing"
)

// Relations stored before confidences were kept (NULL) are never hidden,
// and show as "—" in a table and empty in csv.
func TestRelationsUnmeasured(t *testing.T) {
	dir := t.TempDir()
	ng(t, dir, 0, "ingest", seedDir(t))
	db, err := sql.Open("sqlite", "file:"+filepath.Join(dir, "graph.db"))
	if err != nil {
		t.Fatal(err)
	}
	// As a version-8 store migrated to 9 leaves them.
	if _, err := db.Exec(`UPDATE relations SET confidence = NULL, pattern = '' WHERE type = 'MEETS'`); err != nil {
		t.Fatal(err)
	}
	db.Close()

	r := ng(t, dir, 0, "query", "relations", "Kadhimi", "--min-confidence", "1", "--format", "csv")
	rows, err := csv.NewReader(strings.NewReader(r.stdout)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || rows[1][0] != "meets" || rows[1][7] != "" {
		t.Errorf("--min-confidence 1 keeps only the unmeasured meets row, confidence empty; got:\n%s", r.stdout)
	}
	if !strings.Contains(r.stderr, "hidden") {
		t.Errorf("no note of the hidden relations on stderr: %q", r.stderr)
	}
	r = ng(t, dir, 0, "query", "relations", "Kadhimi", "--min-confidence", "1", "--format", "table")
	if !strings.Contains(r.stdout, "│    — │") || !strings.Contains(r.stdout, "hidden") {
		t.Errorf("table: want the meets row marked — and the note:\n%s", r.stdout)
	}
}
