package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/graph"
)

var (
	_ graph.Checker       = (*Store)(nil)
	_ graph.QuickChecker  = (*Store)(nil)
	_ graph.CheckRecorder = (*Store)(nil)
)

// quickCheckLimit bounds the problems quick_check lists for QuickCheck.
const quickCheckLimit = 3

// QuickCheck implements graph.QuickChecker with PRAGMA quick_check: every
// page of the file read and its records parsed, without integrity_check's
// cross-check of indexes against tables (Check does that). Its cost grows
// with the file: about 0.2 s for a 65 MB store of 3,972 articles (docs:
// README, "Safe to run as a service"). It reads with the memory map off
// (scanTx): mapped, every page it reads once stayed in the process's
// resident memory (a query's peak RSS: 228 MB instead of 58 on a 213 MB
// store). On a store Open opened it reads through a read-only connection of
// its own, so that the store's one connection serves others meanwhile: an
// ingest reads the stored fingerprints while its store is checked.
func (s *Store) QuickCheck(ctx context.Context) error {
	scan := s.scanTx
	if !s.readOnly {
		db, err := sql.Open("sqlite", fileDSN(s.path, "mode=ro&_pragma=busy_timeout(10000)"))
		if err != nil {
			return fmt.Errorf("quick check of store %s: %w", s.path, err)
		}
		db.SetMaxOpenConns(1)
		defer db.Close()
		scan = func(ctx context.Context) (*sql.Tx, func(), error) {
			tx, err := db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
			if err != nil {
				return nil, nil, err
			}
			return tx, func() { _ = tx.Rollback() }, nil
		}
	}
	tx, done, err := scan(ctx)
	if err != nil {
		if isCorrupt(err) {
			return fmt.Errorf("store %s: %w: %v", s.path, graph.ErrCorrupt, err)
		}
		return fmt.Errorf("quick check of store %s: %w", s.path, err)
	}
	defer done()
	rows, err := tx.QueryContext(ctx, fmt.Sprintf("PRAGMA quick_check(%d)", quickCheckLimit))
	if err != nil {
		if isCorrupt(err) {
			return fmt.Errorf("store %s: %w: %v", s.path, graph.ErrCorrupt, err)
		}
		return fmt.Errorf("quick check of store %s: %w", s.path, err)
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var msg string
		if err := rows.Scan(&msg); err != nil {
			return fmt.Errorf("quick check of store %s: %w", s.path, err)
		}
		if msg != "ok" {
			problems = append(problems, strings.Join(strings.Fields(msg), " "))
		}
	}
	if err := rows.Err(); err != nil {
		if isCorrupt(err) {
			return fmt.Errorf("store %s: %w: %v", s.path, graph.ErrCorrupt, err)
		}
		return fmt.Errorf("quick check of store %s: %w", s.path, err)
	}
	if len(problems) > 0 {
		return fmt.Errorf("store %s: %w: %s", s.path, graph.ErrCorrupt, strings.Join(problems, "; "))
	}
	return nil
}

// checkedKey is the meta row holding the time the store last passed its
// quick check (RFC 3339, UTC, nanoseconds). It is outside derivedPrefix and
// bumps no generation: recording a check changes no answer.
const checkedKey = "checked"

// LastChecked implements graph.CheckRecorder. A value that does not parse
// reads as never checked, so that the check runs.
func (s *Store) LastChecked(ctx context.Context) (time.Time, error) {
	var v string
	err := s.db.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = ?`, checkedKey).Scan(&v)
	switch {
	case errors.Is(err, sql.ErrNoRows):
		return time.Time{}, nil
	case err != nil:
		return time.Time{}, fmt.Errorf("read the time of the last check of store %s: %w", s.path, err)
	}
	t, err := time.Parse(time.RFC3339Nano, v)
	if err != nil {
		return time.Time{}, nil
	}
	return t, nil
}

// RecordChecked implements graph.CheckRecorder. A store opened read-only
// (newsgraph check's) records through a connection of its own where the
// file can be written, as SetDerived does.
func (s *Store) RecordChecked(ctx context.Context, t time.Time) error {
	db := s.db
	if s.readOnly {
		var err error
		if db, err = sql.Open("sqlite", fileDSN(s.path, "_pragma=busy_timeout(2000)")); err != nil {
			return fmt.Errorf("record the check of store %s: %w", s.path, err)
		}
		defer db.Close()
	}
	var err error
	if t.IsZero() {
		_, err = db.ExecContext(ctx, `DELETE FROM meta WHERE key = ?`, checkedKey)
	} else {
		_, err = db.ExecContext(ctx, `INSERT INTO meta (key, value) VALUES (?, ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value`, checkedKey, t.UTC().Format(time.RFC3339Nano))
	}
	if err != nil {
		return fmt.Errorf("record the check of store %s: %w", s.path, err)
	}
	if s.readOnly {
		// Into the file now, not at the next writer's close: a store
		// check found damaged is left as check leaves it.
		_, _ = db.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`)
	}
	return nil
}

// IsCorrupt tells whether err, from any method of a Store, is SQLite's
// SQLITE_CORRUPT or SQLITE_NOTADB: a damaged page met while reading or
// writing, which the quick check may not have run to see (--check-every)
// or cannot see (an index whose definition was changed under it).
func IsCorrupt(err error) bool { return err != nil && isCorrupt(err) }

// isCorrupt tells whether err is SQLite's SQLITE_CORRUPT or SQLITE_NOTADB,
// which a damaged file gives before any check can list its problems.
func isCorrupt(err error) bool {
	msg := err.Error()
	return strings.Contains(msg, "SQLITE_CORRUPT") || strings.Contains(msg, "SQLITE_NOTADB") ||
		strings.Contains(msg, "malformed") || strings.Contains(msg, "not a database")
}

// checkLimit bounds the problems integrity_check lists.
const checkLimit = 100

// invariants are newsgraph's own rules on a sound store, each a query
// counting the rows that break it, and the sentence saying so.
var invariants = []struct{ query, says string }{
	{`SELECT count(*) FROM mentions m WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = m.article_id)`,
		"mentions of articles that are not stored"},
	{`SELECT count(*) FROM mentions m WHERE NOT EXISTS (SELECT 1 FROM entities e WHERE e.id = m.entity_id)`,
		"mentions of entities that are not stored"},
	{`SELECT count(*) FROM mention_sentences s WHERE NOT EXISTS
		(SELECT 1 FROM mentions m WHERE m.article_id = s.article_id AND m.entity_id = s.entity_id)`,
		"mention sentences without their mention"},
	{`SELECT count(*) FROM aliases l WHERE NOT EXISTS (SELECT 1 FROM entities e WHERE e.id = l.entity_id)`,
		"aliases of entities that are not stored"},
	{`SELECT count(*) FROM relations r WHERE NOT EXISTS (SELECT 1 FROM entities e WHERE e.id = r.subject)
		OR (r.object IS NOT NULL AND NOT EXISTS (SELECT 1 FROM entities e WHERE e.id = r.object))`,
		"relations naming entities that are not stored"},
	{`SELECT count(*) FROM articles WHERE hash = '' OR id = ''`,
		"articles without an ID or a content hash"},
}

// Check implements graph.Checker: PRAGMA integrity_check (at most
// checkLimit of its messages), then the invariants and the stored
// aggregates against a recount (aggregateChecks), which are only
// meaningful when the file itself is sound.
func (s *Store) Check(ctx context.Context) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, fmt.Sprintf("PRAGMA integrity_check(%d)", checkLimit))
	if err != nil {
		return []string{fmt.Sprintf("SQLite integrity check failed to run: %v", err)}, nil
	}
	var problems []string
	for rows.Next() {
		var msg string
		if err := rows.Scan(&msg); err != nil {
			rows.Close()
			return nil, fmt.Errorf("integrity check: %w", err)
		}
		if msg == "ok" {
			continue
		}
		for _, line := range strings.Split(msg, "\n") { // a message may hold several
			if line = strings.TrimSpace(line); line != "" {
				problems = append(problems, "SQLite: "+line)
			}
		}
	}
	if err := rows.Err(); err != nil {
		problems = append(problems, fmt.Sprintf("SQLite integrity check stopped: %v", err))
	}
	rows.Close()
	if len(problems) > 0 {
		return problems, nil
	}
	for _, inv := range append(invariants[:len(invariants):len(invariants)], aggregateChecks...) {
		var n int
		if err := s.db.QueryRowContext(ctx, inv.query).Scan(&n); err != nil {
			problems = append(problems, fmt.Sprintf("reading the store failed: %v", err))
			continue
		}
		if n > 0 {
			problems = append(problems, fmt.Sprintf("%d %s", n, inv.says))
		}
	}
	return problems, nil
}
