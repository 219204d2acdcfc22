package sqlite_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph/sqlite"
)

// undeferForeignKeys turns a current store's foreign keys back into the
// immediate ones versions 1 to 11 declared, and marks it version 11: the
// documented rewrite of sqlite_schema that version 12's migration runs the
// other way.
var undeferForeignKeys = []string{
	`PRAGMA writable_schema = ON`,
	`UPDATE sqlite_schema SET sql = replace(sql, ' DEFERRABLE INITIALLY DEFERRED', '') WHERE type = 'table'`,
	`PRAGMA writable_schema = OFF`,
	`PRAGMA user_version = 11`,
}

// Every foreign key of a store is deferred, checked at commit, whether the
// store was made by this version or migrated from version 11: the fact
// inserts need no statement journal (see graph/sqlite's write). The test
// reads the declarations, then does what only a deferred key allows — a
// mention of a missing entity is written and the entity after it — and
// what it still refuses — a commit with the entity still missing.
func TestForeignKeysDeferred(t *testing.T) {
	for _, migrated := range []bool{false, true} {
		name := "new store"
		if migrated {
			name = "version 11"
		}
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			path := filepath.Join(t.TempDir(), "g.db")
			s, err := sqlite.Open(ctx, path)
			if err != nil {
				t.Fatal(err)
			}
			docs := benchDocs(7, 0, 20)
			if err := s.Apply(ctx, docs[:10]); err != nil {
				t.Fatal(err)
			}
			s.Close()
			if migrated {
				db := openRaw(t, path)
				for _, q := range undeferForeignKeys {
					if _, err := db.ExecContext(ctx, q); err != nil {
						t.Fatalf("%s: %v", q, err)
					}
				}
				if n := deferredKeys(t, db); n != 0 {
					t.Fatalf("the version-11 store has %d deferred foreign keys; the test migrates nothing", n)
				}
				db.Close()
			}

			s, err = sqlite.Open(ctx, path)
			if err != nil {
				t.Fatalf("open: %v", err)
			}
			// Writes after the migration keep the store exact.
			if err := s.Apply(ctx, docs[10:]); err != nil {
				t.Fatalf("write after open: %v", err)
			}
			if problems, err := s.Check(ctx); err != nil || len(problems) > 0 {
				t.Errorf("check: %q, %v", problems, err)
			}
			s.Close()

			db := openRaw(t, path)
			defer db.Close()
			var version int
			if err := db.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&version); err != nil || version != 12 {
				t.Errorf("user_version %d, %v; want 12", version, err)
			}
			// The eight foreign keys of aliases, mentions, relations,
			// mention_sentences and sentences.
			if n := deferredKeys(t, db); n != 8 {
				t.Errorf("%d foreign keys declared DEFERRABLE INITIALLY DEFERRED, want 8", n)
			}
			var refs int
			if err := db.QueryRowContext(ctx, `SELECT coalesce(sum((length(sql) - length(replace(sql, 'REFERENCES', ''))) / 10), 0)
				FROM sqlite_schema WHERE type = 'table'`).Scan(&refs); err != nil || refs != 8 {
				t.Errorf("%d foreign keys in all, %v; want 8, all deferred", refs, err)
			}
			var integrity string
			if err := db.QueryRowContext(ctx, `PRAGMA integrity_check`).Scan(&integrity); err != nil || integrity != "ok" {
				t.Errorf("integrity_check: %q, %v", integrity, err)
			}

			tx, err := db.BeginTx(ctx, nil)
			if err != nil {
				t.Fatal(err)
			}
			article := docs[0].Article.ID
			if _, err := tx.ExecContext(ctx, `INSERT INTO mentions (article_id, entity_id, count) VALUES (?, 'not-yet-an-entity', 1)`, article); err != nil {
				t.Fatalf("a mention of an entity written later in the transaction: %v; want it checked at commit", err)
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO entities (id, type) VALUES ('not-yet-an-entity', 'person')`); err != nil {
				t.Fatal(err)
			}
			if err := tx.Commit(); err != nil {
				t.Fatalf("commit with the entity written: %v", err)
			}
			tx, err = db.BeginTx(ctx, nil)
			if err != nil {
				t.Fatal(err)
			}
			defer tx.Rollback()
			if _, err := tx.ExecContext(ctx, `INSERT INTO mentions (article_id, entity_id, count) VALUES (?, 'never-an-entity', 1)`, article); err != nil {
				t.Fatalf("insert: %v; want the key checked at commit", err)
			}
			if err := tx.Commit(); err == nil || !strings.Contains(err.Error(), "FOREIGN KEY") {
				t.Errorf("commit of a mention of a missing entity: %v; want a foreign key error", err)
			}
		})
	}
}

// openRaw opens the file at path without the store, foreign keys enforced
// as the store enforces them.
func openRaw(t *testing.T, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=foreign_keys(1)&_pragma=busy_timeout(10000)")
	if err != nil {
		t.Fatal(err)
	}
	db.SetMaxOpenConns(1)
	return db
}

// deferredKeys counts the foreign key clauses of the store's tables that
// are declared DEFERRABLE INITIALLY DEFERRED.
func deferredKeys(t *testing.T, db *sql.DB) int {
	t.Helper()
	var n int
	if err := db.QueryRowContext(context.Background(), `SELECT coalesce(sum((length(sql) - length(replace(sql, 'DEFERRABLE INITIALLY DEFERRED', ''))) / 29), 0)
		FROM sqlite_schema WHERE type = 'table'`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}
