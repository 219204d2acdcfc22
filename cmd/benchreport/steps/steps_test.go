package steps

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/cmd/benchreport/report"
	"github.com/newsgraph/newsgraph/ingest/synth/scalebench"
)

// TestMain makes the test binary the measuring child that Measure starts.
func TestMain(m *testing.M) {
	if len(os.Args) > 1 && os.Args[1] == scalebench.ChildArg {
		os.Exit(scalebench.Child(os.Args[2:]))
	}
	os.Exit(m.Run())
}

func TestScaleRecords(t *testing.T) {
	res := &scalebench.Results{ActorA: "p1", ActorB: "p2", Steps: []scalebench.Step{
		{Store: "sqlite", Size: 10000, Name: "ingest", Args: []string{"ingest", "c.jsonl"}, WallS: 40, CPUS: 70, MaxRSS: 100 << 10, StoreBytes: 300 << 20},
		{Store: "sqlite", Size: 10000, Name: "re-ingest", Args: []string{"ingest", "c.jsonl"}, WallS: 4, CPUS: 4, MaxRSS: 50 << 10, StoreBytes: 300 << 20},
		{Store: "sqlite", Size: 10000, Name: "path", Pass: "cold", Args: []string{"query", "path", "p1", "p2"}, WallS: 1, CPUS: 0.5, MaxRSS: 20 << 10},
		{Store: "sqlite", Size: 10000, Name: "stats", Pass: "warm", Args: []string{"stats"}, WallS: 0.5, Exit: 1, Stderr: "boom\nstore locked"},
	}}
	var out bytes.Buffer
	if err := scaleRecords(&out, res); err != nil {
		t.Fatal(err)
	}
	recs, err := report.Parse(&out, "scale", 1)
	if err != nil {
		t.Fatal(err)
	}
	want := []report.Record{
		{Bench: "scale sqlite n=10000: ingest", System: "ingest", Baseline: true, WallS: 40, CPUS: 70, N: 10000, Unit: "articles", PeakRSSMB: 100, Note: "store 300 MB with its WAL"},
		{Bench: "scale sqlite n=10000: ingest", System: "re-ingest", WallS: 4, CPUS: 4, N: 10000, Unit: "articles", PeakRSSMB: 50},
		{Bench: "scale sqlite n=10000: queries", System: "path cold", WallS: 1, CPUS: 0.5, PeakRSSMB: 20, Note: "the actors of path, neighbors, entity, relations and timeline: p1, p2"},
		{Bench: "scale sqlite n=10000: queries", System: "stats warm", Skip: "exit 1: store locked"},
	}
	if len(recs) != len(want) {
		t.Fatalf("%d records, want %d: %+v", len(recs), len(want), recs)
	}
	for i := range want {
		want[i].Step, want[i].Rep = "scale", 1
		if recs[i] != want[i] {
			t.Errorf("record %d = %+v, want %+v", i, recs[i], want[i])
		}
	}
}

func TestProcCPU(t *testing.T) {
	// A process that has run has spent some CPU; one that does not exist
	// has no /proc entry.
	for i := 0; i < 3e7; i++ {
		_ = i * i
	}
	s, err := procCPU(os.Getpid())
	if err != nil || s < 0 {
		t.Fatalf("procCPU(self) = %v, %v", s, err)
	}
	if _, err := procCPU(1 << 30); err == nil {
		t.Error("procCPU of no process: no error")
	}
}

func TestLabelList(t *testing.T) {
	tests := []struct {
		labels []string
		want   string
	}{
		{[]string{"Entity", "Person"}, ":`Entity`:`Person`"},
		{[]string{"Article"}, ":`Article`"},
		{[]string{"Entity", "x`) DETACH DELETE n //"}, ""},
	}
	for _, tt := range tests {
		if got := labelList(tt.labels); got != tt.want {
			t.Errorf("labelList(%q) = %q, want %q", tt.labels, got, tt.want)
		}
	}
}

func TestCorpusPrefix(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.jsonl"), []byte("{\"id\":1}\n{\"id\":2}\n{\"id\":3}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("not a record\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "w.jsonl")
	if _, err := corpusPrefix([]string{dir}, 2, out); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(out)
	if string(got) != "{\"id\":1}\n{\"id\":2}\n" {
		t.Errorf("prefix %q, want the first two lines", got)
	}
}

// TestBulkInsert loads a small store, with a foreign key and a secondary
// index, through both anchors and checks that they insert every row.
func TestBulkInsert(t *testing.T) {
	sqlite3, err := exec.LookPath("sqlite3")
	if err != nil {
		t.Skip("no sqlite3 command line shell")
	}
	dir := t.TempDir()
	store := filepath.Join(dir, "store.db")
	// 3 articles + 2 entities + 4 mentions = 9 rows.
	sql := `PRAGMA journal_mode=WAL; PRAGMA user_version=9;
CREATE TABLE articles (id TEXT PRIMARY KEY, title TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE entities (id TEXT PRIMARY KEY, name TEXT) WITHOUT ROWID;
CREATE TABLE mentions (article_id TEXT NOT NULL REFERENCES articles(id), entity_id TEXT NOT NULL REFERENCES entities(id), count INTEGER, PRIMARY KEY (article_id, entity_id)) WITHOUT ROWID;
CREATE INDEX mentions_entity ON mentions(entity_id);
INSERT INTO articles VALUES ('a1', 'الكاظمي يلتقي رئيسي'), ('a2', 'it''s | here'), ('a3', 'x');
INSERT INTO entities VALUES ('e1', 'Kadhimi'), ('e2', NULL);
INSERT INTO mentions VALUES ('a1','e1',2), ('a1','e2',1), ('a2','e1',1), ('a3','e2',5);`
	cmd := exec.Command(sqlite3, store)
	cmd.Stdin = strings.NewReader(sql)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("make the store: %v: %s", err, out)
	}
	ctx := context.Background()
	opts := SQLiteOptions{SQLite3: sqlite3, Dir: dir}
	schema, err := storeSchema(ctx, sqlite3, store)
	if err != nil {
		t.Fatal(err)
	}
	rec, err := bulkInsert(ctx, opts, store, schema)
	if err != nil {
		t.Fatal(err)
	}
	if rec.N != 9 || rec.Unit != "rows" || rec.WallS <= 0 {
		t.Errorf("sqlite3 anchor: %+v, want 9 rows and a wall time", rec)
	}
	for _, check := range []struct{ db, q, want string }{
		{"bulk.db", "SELECT count(*) FROM mentions", "4"},
		{"bulk.db", "SELECT title FROM articles WHERE id = 'a2'", "it's | here"},
		{"bulk.db", "PRAGMA user_version", "9"},
	} {
		out, err := exec.Command(sqlite3, filepath.Join(dir, check.db), check.q).Output()
		if err != nil || strings.TrimSpace(string(out)) != check.want {
			t.Errorf("%s: %s = %q (%v), want %q", check.db, check.q, out, err, check.want)
		}
	}
	if _, err := exec.LookPath("python3"); err != nil {
		t.Skip("no python3")
	}
	py, err := pythonBulk(ctx, opts, store, schema)
	if err != nil {
		t.Fatal(err)
	}
	if py.N != 9 || py.WallS <= 0 {
		t.Errorf("Python anchor: %+v, want 9 rows and a wall time", py)
	}
	out, err := exec.Command(sqlite3, filepath.Join(dir, "py.db"), "SELECT group_concat(article_id || entity_id || count, ' ') FROM mentions").Output()
	if err != nil || strings.TrimSpace(string(out)) != "a1e12 a1e21 a2e11 a3e25" {
		t.Errorf("py.db mentions %q (%v)", out, err)
	}
}
