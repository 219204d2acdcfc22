package main

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestCheck checks a sound store, then one that breaks an invariant (an
// entity deleted under its mentions) and one with a damaged page: the first
// passes, the others fail with exit status 1 and say why (issue 22, item 9).
func TestCheck(t *testing.T) {
	ingestOne := func(t *testing.T, dir string) string {
		in := filepath.Join(dir, "in.jsonl")
		var b strings.Builder
		for i := 0; i < 50; i++ { // enough rows for several pages
			b.WriteString(`{"id":"` + strings.Repeat("x", i+1) + `","source":"s","title":"Biden and Kadhimi","body":"Joe Biden met Mustafa al-Kadhimi in Baghdad on day ` + strings.Repeat("1", i+1) + `."}` + "\n")
		}
		if err := os.WriteFile(in, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		if r := newsgraph(t, dir, "ingest", in); r.code != 0 {
			t.Fatalf("ingest: exit %d\n%s", r.code, r.stderr)
		}
		return filepath.Join(dir, "graph.db")
	}

	t.Run("sound", func(t *testing.T) {
		dir := t.TempDir()
		ingestOne(t, dir)
		if r := newsgraph(t, dir, "check"); r.code != 0 || !strings.Contains(r.stdout, ": ok") {
			t.Errorf("check of a sound store: exit %d\n%s%s", r.code, r.stdout, r.stderr)
		}
	})
	t.Run("invariant", func(t *testing.T) {
		dir := t.TempDir()
		store := ingestOne(t, dir)
		db, err := sql.Open("sqlite", "file:"+store)
		if err != nil {
			t.Fatal(err)
		}
		// foreign_keys is off on this connection: the delete leaves the
		// mentions of the entity behind.
		if _, err := db.Exec(`DELETE FROM entities WHERE id IN (SELECT entity_id FROM mentions LIMIT 1)`); err != nil {
			t.Fatal(err)
		}
		db.Close()
		r := newsgraph(t, dir, "check")
		if r.code != 1 || !strings.Contains(r.stdout, "mentions of entities that are not stored") {
			t.Errorf("check of a store missing an entity: exit %d, want 1 naming the broken rule\n%s%s", r.code, r.stdout, r.stderr)
		}
	})
	t.Run("damaged", func(t *testing.T) {
		dir := t.TempDir()
		store := ingestOne(t, dir)
		b, err := os.ReadFile(store)
		if err != nil {
			t.Fatal(err)
		}
		const page = 4096 // SQLite's default page size
		if len(b) < 4*page {
			t.Fatalf("store of %d bytes, want at least 4 pages", len(b))
		}
		// The b-tree page header of page 3: its type byte and the counts
		// after it, as a disk fault would leave them.
		for i := 2 * page; i < 2*page+10; i++ {
			b[i] ^= 0xff
		}
		if err := os.WriteFile(store, b, 0o644); err != nil {
			t.Fatal(err)
		}
		r := newsgraph(t, dir, "check")
		if r.code != 1 {
			t.Errorf("check of a damaged store: exit %d, want 1\n%s%s", r.code, r.stdout, r.stderr)
		}
		// check forgets the last quick check that passed (its one write),
		// so that no writer skips the check of this store.
		if b, err = os.ReadFile(store); err != nil {
			t.Fatal(err)
		}
		// Every other command refuses it, reading or writing, before it
		// answers anything (issue 22, item 9).
		for _, args := range [][]string{
			{"stats"}, {"runs"}, {"query", "entity", "Joe Biden"}, {"export", "--format", "graphml", "-"},
			{"ingest", filepath.Join(dir, "in.jsonl")},
		} {
			r := newsgraph(t, dir, args...)
			if r.code != 1 || !strings.Contains(r.stderr, "store failed its quick integrity check") ||
				!strings.Contains(r.stderr, "newsgraph check lists its problems") || r.stdout != "" {
				t.Errorf("newsgraph %v on a damaged store: exit %d, want 1 with the quick check's message and no output\n%s%s", args, r.code, r.stdout, r.stderr)
			}
		}
		// Standard input that never ends (a pipe its writer keeps open):
		// the store is refused before it is read, not when it ends.
		pr, pw, err := os.Pipe()
		if err != nil {
			t.Fatal(err)
		}
		defer pw.Close()
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		cmd := exec.CommandContext(ctx, binary, "ingest", "-")
		cmd.Dir, cmd.Stdin = dir, pr
		cmd.Env = append(os.Environ(), "NEWSGRAPH_STORE="+store)
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		err = cmd.Run()
		pr.Close()
		if ctx.Err() != nil || !strings.Contains(stderr.String(), "store failed its quick integrity check") {
			t.Errorf("ingest - on a damaged store, stdin still open: %v (timed out: %v)\n%s", err, ctx.Err() != nil, stderr.String())
		}
		// Ingest checks the store beside its reading: nothing, not even
		// the run's record, was written to it.
		if after, err := os.ReadFile(store); err != nil || !bytes.Equal(after, b) {
			t.Errorf("the damaged store changed (%v)", err)
		}
		if wal, err := os.Stat(store + "-wal"); err == nil && wal.Size() > 0 {
			t.Errorf("a write to the damaged store is in its WAL (%d bytes)", wal.Size())
		}
	})
}
