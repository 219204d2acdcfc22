package main

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestCheckDue(t *testing.T) {
	now := time.Date(2026, 12, 1, 12, 0, 0, 0, time.UTC)
	const big = quickCheckQueryBytes + 1
	cases := []struct {
		name  string
		size  int64
		last  time.Time
		every time.Duration
		want  bool
	}{
		{"a large store checked an hour ago", big, now.Add(-time.Hour), 24 * time.Hour, false},
		{"a large store checked just under a day ago", big, now.Add(-24*time.Hour + time.Second), 24 * time.Hour, false},
		{"a large store checked a day ago", big, now.Add(-24 * time.Hour), 24 * time.Hour, true},
		{"a large store never checked", big, time.Time{}, 24 * time.Hour, true},
		{"a check dated after now (a clock set back)", big, now.Add(time.Minute), 24 * time.Hour, true},
		{"--check-every 0", big, now.Add(-time.Second), 0, true},
		{"a store of the size a query checks", quickCheckQueryBytes, now.Add(-time.Hour), 24 * time.Hour, true},
		{"a small store", 1 << 20, now.Add(-time.Hour), 24 * time.Hour, true},
		{"a size not known (not a file)", -1, now.Add(-time.Hour), 24 * time.Hour, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := checkDue(c.size, c.last, now, c.every); got != c.want {
				t.Errorf("checkDue(%d, %v, now, %v) = %v, want %v", c.size, now.Sub(c.last), c.every, got, c.want)
			}
		})
	}
}

// TestIngestCheckEvery: ingest quick-checks a store over 128 MiB once every
// --check-every, says when it skipped the check, checks again when the
// record is old, missing, dated ahead or --check-every is 0, and after a
// run that failed; damage the skipped check would have found is found by
// the next check.
func TestIngestCheckEvery(t *testing.T) {
	dir := t.TempDir()
	store := filepath.Join(dir, "graph.db")
	in := filepath.Join(dir, "in.jsonl")
	if err := os.WriteFile(in, []byte(`{"id":"a1","source":"s","title":"Biden and Kadhimi","body":"Joe Biden met Mustafa al-Kadhimi in Baghdad."}`+"\n"+
		`{"id":"a2","source":"s","title":"Raisi","body":"Ebrahim Raisi visited Baghdad."}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	db := func() *sql.DB {
		t.Helper()
		d, err := sql.Open("sqlite", "file:"+store)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	exec := func(q string, args ...any) {
		t.Helper()
		d := db()
		defer d.Close()
		if _, err := d.Exec(q, args...); err != nil {
			t.Fatal(err)
		}
	}
	recorded := func() string {
		t.Helper()
		d := db()
		defer d.Close()
		var v string
		if err := d.QueryRow(`SELECT value FROM meta WHERE key = 'checked'`).Scan(&v); err != nil && err != sql.ErrNoRows {
			t.Fatal(err)
		}
		return v
	}
	type summary struct {
		Check       string `json:"check"`
		LastChecked string `json:"last_checked"`
	}
	ingestJSON := func(wantCode int, env []string, args ...string) summary {
		t.Helper()
		r := newsgraphEnv(t, dir, append([]string{"NEWSGRAPH_STORE=" + store}, env...), append(append([]string{"ingest", "--json"}, args...), in)...)
		if r.code != wantCode {
			t.Fatalf("ingest %v: exit %d, want %d\n%s%s", args, r.code, wantCode, r.stdout, r.stderr)
		}
		var s summary
		if wantCode == 0 {
			if err := json.Unmarshal([]byte(r.stdout), &s); err != nil {
				t.Fatalf("ingest --json: %v\n%s", err, r.stdout)
			}
		}
		return s
	}

	// A small store is checked every run, and the check recorded.
	if s := ingestJSON(0, nil); s.Check != "passed" {
		t.Fatalf("first ingest: check %q, want passed", s.Check)
	}
	first := recorded()
	if first == "" {
		t.Fatal("a check that passed was not recorded")
	}
	if s := ingestJSON(0, nil); s.Check != "passed" {
		t.Errorf("a store under 128 MiB: check %q, want passed every run", s.Check)
	}
	// Over 128 MiB: a table of one large value, as a large store's
	// pages would be, written as a whole to the file.
	exec(`CREATE TABLE pad (b BLOB)`)
	exec(`INSERT INTO pad VALUES (zeroblob(?))`, quickCheckQueryBytes+(8<<20))
	exec(`PRAGMA wal_checkpoint(TRUNCATE)`)

	s := ingestJSON(0, nil)
	if s.Check != "skipped" || s.LastChecked == "" {
		t.Fatalf("a large store checked a moment ago: check %q (last %q), want skipped", s.Check, s.LastChecked)
	}
	r := newsgraph(t, dir, "ingest", in)
	if r.code != 0 || !strings.Contains(r.stdout, "check:    skipped: the store passed its quick check") || !strings.Contains(r.stdout, "--check-every 24h0m0s") {
		t.Errorf("the summary does not say the check was skipped: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if s := ingestJSON(0, nil, "--check-every", "0"); s.Check != "passed" {
		t.Errorf("--check-every 0: check %q, want passed", s.Check)
	}
	for _, c := range []struct {
		name   string
		record string // "" removes it
	}{
		{"a check 25 hours ago", time.Now().Add(-25 * time.Hour).UTC().Format(time.RFC3339Nano)},
		{"a check dated tomorrow", time.Now().Add(24 * time.Hour).UTC().Format(time.RFC3339Nano)},
		{"a record that does not parse", "yesterday"},
		{"no record", ""},
	} {
		if c.record == "" {
			exec(`DELETE FROM meta WHERE key = 'checked'`)
		} else {
			exec(`UPDATE meta SET value = ? WHERE key = 'checked'`, c.record)
		}
		if s := ingestJSON(0, nil); s.Check != "passed" {
			t.Errorf("%s: check %q, want passed", c.name, s.Check)
		}
		if got := recorded(); got == c.record || got < first {
			t.Errorf("%s: recorded %q after the check, want its time", c.name, got)
		}
	}
	// A dry run checks what it must but records nothing: it writes nothing.
	exec(`DELETE FROM meta WHERE key = 'checked'`)
	if s := ingestJSON(0, nil, "--dry-run"); s.Check != "passed" || recorded() != "" {
		t.Errorf("--dry-run of an unrecorded store: check %q, recorded %q; want passed, nothing", s.Check, recorded())
	}
	// newsgraph check, a full integrity check, counts as the check.
	if r := newsgraph(t, dir, "check"); r.code != 0 || recorded() == "" {
		t.Errorf("newsgraph check: exit %d, recorded %q; want 0 and its time\n%s%s", r.code, recorded(), r.stdout, r.stderr)
	}
	if s := ingestJSON(0, nil); s.Check != "skipped" {
		t.Errorf("after newsgraph check: check %q, want skipped", s.Check)
	}

	// Damage in pages no write reads (the middle of the large value's
	// chain of overflow pages): the run that skips the check does not see
	// it, which is the price of --check-every; a check does.
	b, err := os.ReadFile(store)
	if err != nil {
		t.Fatal(err)
	}
	const page = 4096
	at := (len(b)/page - 100) * page // an overflow page of the value: its next page's number
	copy(b[at:at+4], []byte{0xff, 0xff, 0xff, 0xf0})
	if err := os.WriteFile(store, b, 0o644); err != nil {
		t.Fatal(err)
	}
	if s := ingestJSON(0, nil); s.Check != "skipped" {
		t.Errorf("damage after the last check: check %q, want skipped", s.Check)
	}
	// A run that fails for a reason that says nothing of the store (its
	// index's temporary folder missing) keeps the record.
	ingestJSON(1, []string{"TMPDIR=" + filepath.Join(dir, "missing")}, "--index-memory", "0")
	if recorded() == "" {
		t.Error("a run that failed for want of a temporary folder forgot the last check")
	}
	// --check-every 0 finds the damage, and forgets the pass on record so
	// that the next run checks and refuses the store too.
	r = newsgraphEnv(t, dir, []string{"NEWSGRAPH_STORE=" + store}, "ingest", "--check-every", "0", in)
	if r.code != 1 || !strings.Contains(r.stderr, "store failed its quick integrity check") {
		t.Fatalf("--check-every 0 on a damaged store: exit %d, want 1 with the check's message\n%s%s", r.code, r.stdout, r.stderr)
	}
	if got := recorded(); got != "" {
		t.Errorf("after a check that failed, the record is %q; want none", got)
	}
	r = newsgraph(t, dir, "ingest", in)
	if r.code != 1 || !strings.Contains(r.stderr, "store failed its quick integrity check") {
		t.Errorf("the run after a failed check: exit %d, want 1 with the check's message\n%s%s", r.code, r.stdout, r.stderr)
	}
}

// TestIngestCheckEveryWriteFails: damage the quick check cannot see (an
// index whose definition was changed under it) fails the write; the run
// says the store is damaged and forgets the last check, so that the next
// run checks.
func TestIngestCheckEveryWriteFails(t *testing.T) {
	dir := t.TempDir()
	store := filepath.Join(dir, "graph.db")
	in := filepath.Join(dir, "in.jsonl")
	write := func(body string) {
		if err := os.WriteFile(in, []byte(`{"id":"a1","source":"s","title":"Biden","body":"`+body+`"}`+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("Joe Biden met Mustafa al-Kadhimi in Baghdad.")
	if r := newsgraph(t, dir, "ingest", in); r.code != 0 {
		t.Fatalf("ingest: exit %d\n%s", r.code, r.stderr)
	}
	d, err := sql.Open("sqlite", "file:"+store)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	for _, q := range []string{
		`CREATE TABLE pad (b BLOB)`,
		fmt.Sprintf(`INSERT INTO pad VALUES (zeroblob(%d))`, quickCheckQueryBytes+(8<<20)),
		`PRAGMA writable_schema = ON`,
		`UPDATE sqlite_master SET sql = 'CREATE INDEX articles_newest ON articles(title DESC, id)' WHERE name = 'articles_newest'`,
		`PRAGMA writable_schema = OFF`,
		`PRAGMA wal_checkpoint(TRUNCATE)`,
	} {
		if _, err := d.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	d.Close()
	write("Joe Biden met Mustafa al-Kadhimi in Baghdad again.") // a changed article: its index entry is rewritten
	r := newsgraph(t, dir, "ingest", in)
	if r.code != 1 || !strings.Contains(r.stderr, "the store is damaged: newsgraph check lists its problems") {
		t.Fatalf("a write that meets damage: exit %d, want 1 saying the store is damaged\n%s%s", r.code, r.stdout, r.stderr)
	}
	var n int
	d, err = sql.Open("sqlite", "file:"+store)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if err := d.QueryRow(`SELECT count(*) FROM meta WHERE key = 'checked'`).Scan(&n); err != nil || n != 0 {
		t.Errorf("after a write that met damage, %d records of the last check (%v); want none", n, err)
	}
}
